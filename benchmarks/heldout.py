"""Held-out check: draftkit on framework texts it was never tuned on (benchmarks/heldout/).

    PYTHONPATH=src python benchmarks/heldout.py [--show] [--set DIR] [--lens translation] [PAIR ...]

Every folder of benchmarks/heldout/ holds old.txt, new.txt and expectations.json, written
before draftkit was run on them (benchmarks/heldout/README.md gives the format). Each pair
is compared and flagged with the default taxonomy, and scored:

- points: provisions parsed per side, top level and in all, against what a reader counts;
- kind: the expected change found with the right kind and between the right points (a
  point modified must be paired with its expected counterpart, not reported deleted and
  added, nor paired with another point);
- severity: for a change expected medium or high, the strongest flag on the changes that
  touch its points is at or above it; for one expected low, nothing above low;
- category: for a change expected medium or high, an expected category among the flags at
  the strongest severity (not scored when the entry names none);
- noise: changes flagged above low that no entry expects above low (an unlisted point, or
  one expected low).

A table per pair, then totals; `--show` prints every change draftkit reported and every
miss with the flags behind it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from draftkit.api import diff  # noqa: E402
from draftkit.compare.changes import Change, Comparison  # noqa: E402
from draftkit.model import Provision  # noqa: E402

FOLDER = HERE / "heldout"
RANK = {"none": 0, "low": 1, "medium": 2, "high": 3}
_CITE_WORDS = re.compile(r"\b(point|paragraph|article|item|section|пункт|стаття|статья)\b\.?", re.IGNORECASE)


def norm_cite(cite: str) -> str:
    """'5' of 'point 5', '5.', 'Point 5'; '7(a)' of '7(a)'."""
    return _CITE_WORDS.sub("", cite).replace(" ", "").rstrip(".)–-").casefold()


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class Point:
    """One point an entry names on one side: by its number, or by a quote of its text."""

    name: str
    quote: str | None

    def is_in(self, cites: list[str], provisions: tuple[Provision, ...]) -> bool:
        """Whether this point is among a change's provisions on that side."""
        if self.quote is not None:
            quote = _squash(self.quote)
            return any(quote in _squash(f"{p.heading or ''} {p.text}") for p in provisions)
        return norm_cite(self.name) in {norm_cite(c) for c in cites}


def _points(names: object, quotes: object) -> list[Point]:
    if names is None:
        return []
    name_list = names if isinstance(names, list) else [names]
    quote_list = quotes if isinstance(quotes, list) else [quotes] * len(name_list)
    return [Point(str(n), None if q is None else str(q)) for n, q in zip(name_list, quote_list, strict=True)]


@dataclass
class Verdict:
    """How draftkit did on one expected change."""

    entry: dict[str, object]
    kind_ok: bool
    severity_ok: bool
    category_ok: bool | None  # None: not scored (expected low, or no category named)
    got: str
    flags: list[str] = field(default_factory=list)
    touched: set[int] = field(default_factory=set)


def _sides(change: Change) -> tuple[list[str], list[str]]:
    old = change.old_cite.split(" + ") if change.old else []
    new = change.new_cite.split(" + ") if change.new else []
    return old, new


def _enclosing(changes: tuple[Change, ...], i: int) -> list[int]:
    """The deletions (additions) of the provisions that hold change i's, when it is one too."""
    change = changes[i]
    if change.kind not in ("added", "deleted"):
        return []
    side = "old" if change.kind == "deleted" else "new"
    eids = [p.eid for p in getattr(change, side)]
    return [
        j
        for j, other in enumerate(changes)
        if j != i
        and other.kind == change.kind
        and any(e.startswith(p.eid + "__") for p in getattr(other, side) for e in eids)
    ]


def _kind_matches(kind: str, change: Change) -> bool:
    match kind:
        case "renumbered":
            return change.kind == "unchanged" and (change.renumbered or change.moved)
        case "moved":
            return change.moved
        case "any":
            return True
        case "matched" | "unchanged":
            return change.kind == "unchanged"
        case _:
            return change.kind == kind


def judge(entry: dict[str, object], changes: tuple[Change, ...]) -> Verdict:
    """Find the changes that touch an entry's points and judge kind, severity, category."""
    olds = _points(entry.get("old"), entry.get("old_quote"))
    news = _points(entry.get("new"), entry.get("new_quote"))
    touched: dict[int, int] = {}
    for i, change in enumerate(changes):
        old_cites, new_cites = _sides(change)
        hits = sum(p.is_in(old_cites, change.old) for p in olds) + sum(
            p.is_in(new_cites, change.new) for p in news
        )
        if hits:
            touched[i] = hits
    kinds = [str(entry["kind"]), *[str(k) for k in entry.get("accept", []) or []]]  # type: ignore[union-attr]
    kind_ok = False
    if touched:
        primary = changes[max(touched, key=lambda i: touched[i])]
        old_cites, new_cites = _sides(primary)
        old_in = [p.is_in(old_cites, primary.old) for p in olds]
        new_in = [p.is_in(new_cites, primary.new) for p in news]
        for k in kinds:
            # A split or merge must hold every point named; another kind accepted for a
            # list ("merged", also "modified") pairs one point of each side named.
            whole = (
                all(old_in) and all(new_in)
                if k in ("split", "merged") or len(kinds) == 1
                else ((any(old_in) or not olds) and (any(new_in) or not news))
            )
            kind_ok = kind_ok or (whole and _kind_matches(k, primary))
    got = "; ".join(f"{changes[i].label} {changes[i].cite}" for i in sorted(touched)) or "(not found)"
    # A sub-point deleted (added) with its parent: the parent's deletion names it ("Paragraph
    # deleted with 2 sub-provisions") and carries the flag.
    for i in list(touched):
        for j in _enclosing(changes, i):
            touched.setdefault(j, 0)
    flags = [f for i in touched for f in changes[i].flags]
    top = max((RANK[f.severity] for f in flags), default=0)
    want = RANK[str(entry["severity"])]
    severity_ok = top >= want if want > RANK["low"] else top <= RANK["low"]
    categories = entry.get("categories") or []
    category_ok: bool | None = None
    if want > RANK["low"] and categories:
        category_ok = any(RANK[f.severity] == top and f.category in categories for f in flags)  # type: ignore[operator]
    return Verdict(
        entry,
        kind_ok,
        severity_ok,
        category_ok,
        got,
        [f"{f.severity} {f.rule} {f.category}: {f.message}" for f in flags],
        set(touched),
    )


@dataclass
class PairResult:
    """One pair's scores."""

    name: str
    points: dict[str, tuple[int, int, bool]]  # side -> (top, total, as expected)
    verdicts: list[Verdict]
    noise: list[str]
    comparison: Comparison
    relabelled: int = 0  # changes shown 'renumbered' whose number is the same ('1)' → '1.')


def run_pair(folder: Path, lens: str = "default") -> PairResult:
    """Compare and flag one pair (with risk.flag's `lens`) and judge every expectation."""
    spec = json.loads((folder / "expectations.json").read_text(encoding="utf-8"))
    old, new = (folder / name for name in spec["pair"])
    comparison = diff(old, new, lens=lens)
    points: dict[str, tuple[int, int, bool]] = {}
    for side, draft in (("old", comparison.old), ("new", comparison.new)):
        want = spec["points"][side]
        top, total = len(draft.provisions), draft.count()
        ok = (want["top"] is None or top == want["top"]) and total in want["total"]
        points[side] = (top, total, ok)
    changes = comparison.changes
    verdicts = [judge(entry, changes) for entry in spec["expect"]]
    expected_above_low = {
        i for v in verdicts if RANK[str(v.entry["severity"])] > RANK["low"] for i in v.touched
    }
    noise = [
        f"{c.label} {c.cite}: "
        + "; ".join(
            f"{f.severity} {f.rule} {f.category}: {f.message}" for f in c.flags if RANK[f.severity] > 1
        )
        for i, c in enumerate(changes)
        if i not in expected_above_low and any(RANK[f.severity] > RANK["low"] for f in c.flags)
    ]
    relabelled = sum(
        c.renumbered and norm_cite(c.old_cite) == norm_cite(c.new_cite) for c in changes if c.old and c.new
    )
    return PairResult(folder.name, points, verdicts, noise, comparison, relabelled)


def _frac(hits: int, total: int) -> str:
    return f"{hits}/{total}"


def report(results: list[PairResult], *, show: bool) -> dict[str, tuple[int, int]]:
    """Print the table, the totals and (with `show`) the details; the totals as (hits, of)."""
    totals = {"points": [0, 0], "kind": [0, 0], "severity": [0, 0], "category": [0, 0], "quiet": [0, 0]}
    noise_total = 0
    print(
        f"{'pair':<30}{'points old/new':>22}{'kind':>7}{'sev≥':>7}{'cat':>6}{'quiet':>7}{'noise':>7}"
        f"{'relabel':>9}"
    )
    for r in results:
        pts = "  ".join(f"{t}/{n}{'' if ok else '✗'}" for t, n, ok in r.points.values())
        pts_ok = sum(ok for _, _, ok in r.points.values())
        above = [v for v in r.verdicts if RANK[str(v.entry["severity"])] > RANK["low"]]
        low = [v for v in r.verdicts if RANK[str(v.entry["severity"])] <= RANK["low"]]
        cat = [v for v in above if v.category_ok is not None]
        row = {
            "points": (pts_ok, 2),
            "kind": (sum(v.kind_ok for v in r.verdicts), len(r.verdicts)),
            "severity": (sum(v.severity_ok for v in above), len(above)),
            "category": (sum(bool(v.category_ok) for v in cat), len(cat)),
            "quiet": (sum(v.severity_ok for v in low), len(low)),
        }
        for key, (hits, of) in row.items():
            totals[key][0] += hits
            totals[key][1] += of
        noise_total += len(r.noise)
        print(
            f"{r.name:<30}{pts:>22}{_frac(*row['kind']):>7}{_frac(*row['severity']):>7}"
            f"{_frac(*row['category']):>6}{_frac(*row['quiet']):>7}{len(r.noise):>7}{r.relabelled:>9}"
        )
    print(
        "total: "
        + ", ".join(f"{k} {h}/{n}" for k, (h, n) in totals.items())
        + f", noise {noise_total} (changes flagged above low that no entry expects so)"
        + f", relabel {sum(r.relabelled for r in results)} (same number shown as renumbered)"
    )
    print(
        "  points: sides parsed as a reader counts; kind: right kind between the right points; "
        "sev≥: medium/high entries flagged at or above; cat: category among the strongest flags; "
        "quiet: low entries not flagged above low; relabel: '1)' → '1.' shown as renumbered"
    )
    for r in results:
        misses = [v for v in r.verdicts if not (v.kind_ok and v.severity_ok and v.category_ok is not False)]
        if not (show or misses or r.noise or not all(ok for *_, ok in r.points.values())):
            continue
        print(f"\n== {r.name}")
        for side, (top, total, ok) in r.points.items():
            if show or not ok:
                draft = r.comparison.old if side == "old" else r.comparison.new
                nums = ", ".join(p.num or "-" for p in draft.provisions)
                print(f"  {side}: top {top}, total {total}{'' if ok else ' (not as expected)'}: {nums}")
        if show:
            for c in r.comparison.changes:
                if c.is_change:
                    top = max((RANK[f.severity] for f in c.flags), default=0)
                    print(f"  | {c.label} {c.cite} (top flag {next(k for k, v in RANK.items() if v == top)})")
        for v in r.verdicts:
            if show or v in misses:
                what = [
                    name
                    for name, ok in (
                        ("kind", v.kind_ok),
                        ("severity", v.severity_ok),
                        ("category", v.category_ok),
                    )
                    if ok is False
                ]
                e = v.entry
                print(
                    f"  {'MISS ' + '/'.join(what) if what else 'ok'}: {e.get('old')} -> {e.get('new')} "
                    f"expected {e['kind']} {e['severity']} {'/'.join(e.get('categories') or [])}"  # type: ignore[arg-type]
                    f" ({e['why']})\n      got: {v.got}"
                )
                for line in v.flags:
                    print(f"      {line}")
        for line in r.noise:
            print(f"  NOISE {line}")
    return {k: (h, n) for k, (h, n) in totals.items()} | {"noise": (noise_total, 0)}


def main(argv: list[str] | None = None) -> int:
    """Run every pair (or those named) and print the scores."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("pairs", nargs="*", help="pair folders to run (default: all)")
    parser.add_argument("--show", action="store_true", help="every change and every verdict")
    parser.add_argument(
        "--set",
        type=Path,
        default=FOLDER,
        metavar="DIR",
        help="folder of pairs (default: benchmarks/heldout)",
    )
    parser.add_argument(
        "--lens",
        default="default",
        choices=("default", "translation"),
        help="translation: every pair read as two renderings of one text",
    )
    args = parser.parse_args(argv)
    folders = sorted(p for p in args.set.iterdir() if (p / "expectations.json").is_file())
    if args.pairs:
        folders = [f for f in folders if f.name in args.pairs]
    report([run_pair(folder, args.lens) for folder in folders], show=args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
