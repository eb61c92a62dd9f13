"""Accuracy of the risk flags on labelled draft pairs: generated (tests/gen_risk_pairs.py) or real-register.

`--corpus generated` (the default) prints the two figures the first risk issue asks for:

1. high-risk edits found with the right category — the edited provision carries a flag of
   the edit's category at medium or above (a high-risk edit in a light category such as
   implementation is medium by design: severity = category weight × significance); the
   share found at *high* is printed too, for the categories heavy enough to reach it;
2. cosmetic edits (white space, spelling variants, punctuation, number formatting), pure
   moves and renumbering flagged above low anywhere in the comparison.

`--corpus real` runs the labelled corpus of issue 14 (tests/cases/risk_real/: provision pairs in
the register of published frameworks, written before the rules were tuned, EN/UK/RU). Each pair
becomes a two-point draft pair (a fixed first point, then the pair's provision; a null side has
the first point only), compared and flagged with the default taxonomy, and four figures are
printed:

1. false alarms: meaning-preserving pairs with any flag above low;
2. recall at the expected severity: meaning-changing pairs with a flag at or above the label;
3. category right: meaning-changing pairs whose strongest flags (all flags at the pair's highest
   severity) include one in a labelled category;
4. reason names the key words: meaning-changing pairs where every key word occurs, as whole
   words, in the messages of the pair's significant flags — above low, or any flag when the
   label itself is low — (digit grouping, case, ё/е and quotes ignored). A low "also reworded"
   flag that happens to quote the words does not count; that looser figure is printed beside.

    PYTHONPATH=src python benchmarks/risk_accuracy.py [--pairs 1000] [--seed 2026] [--show-misses]
    PYTHONPATH=src python benchmarks/risk_accuracy.py --corpus real [--lang uk] [--show-misses]
    PYTHONPATH=src python benchmarks/risk_accuracy.py --corpus realtexts [--show-misses]

`--corpus realtexts` reads the published pairs of ../shared/realtexts/ at run time (every folder
whose expectations.json names a `pair` and an `expect` list; the texts are never copied into the
project) and prints, per expected point, the same figures: points an analyst rated low flagged
above low (false alarms), points rated medium/high flagged at or above it (recall), and the
labelled category among the point's strongest flags (category right).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT / "src", ROOT):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from tests.cases.risk_real.load import Pair, contains_word, load_pairs  # noqa: E402
from tests.gen_risk_pairs import LabelledPair, generate  # noqa: E402

from draftkit.api import diff  # noqa: E402
from draftkit.compare.changes import Change, Comparison, Flag  # noqa: E402
from draftkit.risk import Taxonomy, flag, load_taxonomy  # noqa: E402

ABOVE_LOW = ("high", "medium")


@dataclass
class Result:
    """The outcome of one pair."""

    pair: LabelledPair
    found: bool = False  # substantive: right category at medium or above on the edited provision
    found_high: bool = False  # … at high
    false_alarm: bool = False  # cosmetic: anything above low
    flags: tuple[str, ...] = ()


def _target(comparison: Comparison, cite: str | None) -> list[Change]:
    return [c for c in comparison.changes if cite is not None and cite in (c.new_cite, c.old_cite)]


def evaluate(pair: LabelledPair, workdir: Path, taxonomy: Taxonomy) -> Result:
    """Compare and flag one pair, and judge the flags against the truth."""
    old = workdir / f"{pair.name}-old.txt"
    new = workdir / f"{pair.name}-new.txt"
    old.write_text(pair.old, encoding="utf-8")
    new.write_text(pair.new, encoding="utf-8")
    flagged = flag(diff(old, new), taxonomy)
    result = Result(pair)
    truth = pair.truth
    if truth.cosmetic:
        shown = [f for c in flagged.changes for f in c.flags if f.severity in ABOVE_LOW]
        result.false_alarm = bool(shown)
        result.flags = tuple(f"{f.severity} {f.rule} {f.message}" for f in shown)
        return result
    changes = _target(flagged, truth.cite)
    flags = [f for c in changes for f in c.flags]
    result.found = any(f.category == truth.category and f.severity in ABOVE_LOW for f in flags)
    result.found_high = any(f.category == truth.category and f.severity == "high" for f in flags)
    shown = [(c.kind, c.old_cite, c.new_cite) for c in flagged.changes if c.is_change]
    result.flags = tuple(f"{f.severity} {f.rule} {f.category}: {f.message}" for f in flags) or (
        f"(no flag on {truth.cite}; changes: {shown})",
    )
    return result


HEAVY = ("territory", "security_guarantees", "military_deescalation", "sanctions")


def run(n: int, seed: int) -> list[Result]:
    """Generate `n` pairs and evaluate each."""
    taxonomy = load_taxonomy()
    pairs = generate(n, seed)
    with tempfile.TemporaryDirectory(prefix="draftkit-risk-") as tmp:
        return [evaluate(pair, Path(tmp), taxonomy) for pair in pairs]


def report(results: list[Result], *, show_misses: bool = False) -> tuple[float, float]:
    """Print the figures (and, if asked, every miss); return (found share, false-alarm share)."""
    high_risk = [r for r in results if not r.pair.truth.cosmetic and r.pair.truth.high_risk]
    heavy = [r for r in high_risk if r.pair.truth.category in HEAVY]
    cosmetic = [r for r in results if r.pair.truth.cosmetic]
    other = [r for r in results if not r.pair.truth.cosmetic and not r.pair.truth.high_risk]
    found = sum(r.found for r in high_risk) / max(1, len(high_risk))
    found_high = sum(r.found_high for r in heavy) / max(1, len(heavy))
    alarms = sum(r.false_alarm for r in cosmetic) / max(1, len(cosmetic))
    print(
        f"pairs: {len(results)}  (high-risk edits {len(high_risk)}, "
        f"cosmetic/moves/renumbering {len(cosmetic)}, other substantive {len(other)})"
    )
    print(
        f"high-risk edits found with the right category (medium or high): {found:.1%} "
        f"({sum(r.found for r in high_risk)}/{len(high_risk)})"
    )
    print(
        f"  … of them in {', '.join(HEAVY)} found at high: {found_high:.1%} "
        f"({sum(r.found_high for r in heavy)}/{len(heavy)})"
    )
    print(
        f"cosmetic edits, pure moves and renumbering flagged above low: {alarms:.1%} "
        f"({sum(r.false_alarm for r in cosmetic)}/{len(cosmetic)})"
    )
    medium_type = [r for r in other if r.flags]
    over = [r for r in other if any(line.startswith("high ") for line in r.flags)]
    print(
        f"medium-type edits (brackets, 'all' dropped) flagged high: {len(over) / max(1, len(other)):.1%} "
        f"({len(over)}/{len(other)}; flagged at all: {len(medium_type)})"
    )
    by_edit: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for r in high_risk + cosmetic:
        total[r.pair.truth.edit] += 1
        ok = r.found if not r.pair.truth.cosmetic else not r.false_alarm
        by_edit[r.pair.truth.edit] += ok
    print("per edit (correct/total): " + ", ".join(f"{e} {by_edit[e]}/{total[e]}" for e in sorted(total)))
    if show_misses:
        for r in high_risk:
            if not r.found:
                print(f"\nMISS {r.pair.name} [{r.pair.truth.category}] {r.pair.truth.cite}")
                _print_diff(r.pair)
                for line in r.flags:
                    print(f"    {line}")
        for r in cosmetic:
            if r.false_alarm:
                print(f"\nFALSE ALARM {r.pair.name}")
                _print_diff(r.pair)
                for line in r.flags:
                    print(f"    {line}")
    return found, alarms


def _print_diff(pair: LabelledPair) -> None:
    for old, new in zip(pair.old.splitlines(), pair.new.splitlines(), strict=False):
        if old != new:
            print(f"  - {old}\n  + {new}")


# ---------------------------------------------------------------------------------------
# The real-register corpus (issue 14): tests/cases/risk_real/pairs.jsonl

RANK = {"none": 0, "low": 1, "medium": 2, "high": 3}
# The fixed first point of every draft, so that a provision added or deleted still leaves a
# draft with a body; it is the same on both sides and never changes.
FIRST_POINT = {
    "en": ("FRAMEWORK", "This framework sets out the points agreed between the Parties."),
    "uk": ("РАМКОВА УГОДА", "Ця рамкова угода викладає пункти, погоджені Сторонами."),
    "ru": ("РАМОЧНОЕ СОГЛАШЕНИЕ", "Настоящее рамочное соглашение излагает пункты, согласованные Сторонами."),
}


@dataclass
class RealResult:
    """The outcome of one labelled real-register pair."""

    pair: Pair
    flags: tuple[Flag, ...]
    false_alarm: bool = False  # preserving: a flag above low
    recalled: bool = False  # changing: a flag at or above the expected severity
    category_right: bool = False  # changing: a labelled category among the strongest flags
    key_words_named: bool = False  # changing: every key word in the significant flags' messages
    key_words_any_flag: bool = False  # changing: … in the messages of any flag, low included
    missing_words: tuple[str, ...] = ()


@dataclass(frozen=True)
class RealFigures:
    """The four shares issue 14 sets targets for (0–1), and the pair counts behind them."""

    false_alarms: float
    recall: float
    category_right: float
    key_words: float
    preserving: int
    changing: int


def draft_text(lang: str, provision: str | None) -> str:
    """A two-point draft: the fixed first point, then `provision` (none if it is null)."""
    title, first = FIRST_POINT[lang]
    lines = [title, "", f"1. {first}"]
    if provision is not None:
        lines.append(f"2. {provision}")
    return "\n".join(lines) + "\n"


def evaluate_real(pair: Pair, workdir: Path, taxonomy: Taxonomy) -> RealResult:
    """Compare and flag one labelled pair, and judge the flags against its labels."""
    old = workdir / f"{pair.id}-old.txt"
    new = workdir / f"{pair.id}-new.txt"
    old.write_text(draft_text(pair.lang, pair.old), encoding="utf-8")
    new.write_text(draft_text(pair.lang, pair.new), encoding="utf-8")
    flagged = flag(diff(old, new, flags=False), taxonomy)
    flags = tuple(f for c in flagged.changes for f in c.flags)
    return judge(pair, flags)


def judge(pair: Pair, flags: tuple[Flag, ...]) -> RealResult:
    """The four verdicts for one pair, given the flags draftkit raised on it."""
    result = RealResult(pair, flags)
    top = max((RANK[f.severity] for f in flags), default=0)
    if pair.preserving:
        result.false_alarm = top > RANK["low"]
        return result
    result.recalled = top >= RANK[pair.severity]
    result.category_right = any(RANK[f.severity] == top and f.category in pair.categories for f in flags)
    floor = min(RANK[pair.severity], RANK["medium"])
    significant = "\n".join(f.message for f in flags if RANK[f.severity] >= floor)
    result.missing_words = tuple(w for w in pair.key_words if not contains_word(significant, w))
    result.key_words_named = not result.missing_words
    every = "\n".join(f.message for f in flags)
    result.key_words_any_flag = all(contains_word(every, w) for w in pair.key_words)
    return result


def run_real(pairs: list[Pair] | None = None) -> list[RealResult]:
    """Evaluate every pair of the corpus (or the given ones)."""
    taxonomy = load_taxonomy()
    chosen = load_pairs() if pairs is None else pairs
    with tempfile.TemporaryDirectory(prefix="draftkit-risk-real-") as tmp:
        return [evaluate_real(pair, Path(tmp), taxonomy) for pair in chosen]


def _share(hits: int, total: int) -> str:
    return f"{hits / max(1, total):.1%} ({hits}/{total})"


def report_real(results: list[RealResult], *, show_misses: bool = False) -> RealFigures:
    """Print the four figures, a breakdown by kind and language, and (if asked) every miss."""
    keep = [r for r in results if r.pair.preserving]
    change = [r for r in results if not r.pair.preserving]
    alarms = sum(r.false_alarm for r in keep)
    recalled = sum(r.recalled for r in change)
    category = sum(r.category_right for r in change)
    named = sum(r.key_words_named for r in change)
    langs = Counter(r.pair.lang for r in results)
    print(
        f"pairs: {len(results)}  (meaning-preserving {len(keep)}, meaning-changing {len(change)}; "
        + ", ".join(f"{lang} {langs[lang]}" for lang in sorted(langs))
        + ")"
    )
    print(
        f"false alarms (preserving pairs flagged above low):      {_share(alarms, len(keep))}   target <= 3 %"
    )
    print(
        f"recall at the expected severity (changing pairs):       {_share(recalled, len(change))}   target >= 95 %"
    )
    print(
        f"category right (strongest flags, changing pairs):       {_share(category, len(change))}   target >= 90 %"
    )
    loose = sum(r.key_words_any_flag for r in change)
    print(
        f"reason names the key words (changing pairs):            {_share(named, len(change))}   target >= 90 %"
        f"   (any flag, low included: {_share(loose, len(change))})"
    )
    print("by kind (preserving: quiet/total; changing: recalled, category, key words / total):")
    for kind in sorted({r.pair.kind for r in results}):
        rows = [r for r in results if r.pair.kind == kind]
        if rows[0].pair.preserving:
            print(f"  {kind:<18} quiet {sum(not r.false_alarm for r in rows)}/{len(rows)}")
        else:
            print(
                f"  {kind:<18} recalled {sum(r.recalled for r in rows)}, category {sum(r.category_right for r in rows)}, "
                f"key words {sum(r.key_words_named for r in rows)} / {len(rows)}"
            )
    for lang in sorted(langs):
        k = [r for r in keep if r.pair.lang == lang]
        c = [r for r in change if r.pair.lang == lang]
        print(
            f"  {lang}: false alarms {_share(sum(r.false_alarm for r in k), len(k))}, "
            f"recall {_share(sum(r.recalled for r in c), len(c))}, "
            f"category {_share(sum(r.category_right for r in c), len(c))}, "
            f"key words {_share(sum(r.key_words_named for r in c), len(c))}"
        )
    if show_misses:
        for r in keep:
            if r.false_alarm:
                _print_real(r, "FALSE ALARM")
        for r in change:
            if not (r.recalled and r.category_right and r.key_words_named):
                what = [
                    name
                    for name, ok in (
                        ("severity", r.recalled),
                        ("category", r.category_right),
                        ("key words " + ", ".join(r.missing_words), r.key_words_named),
                    )
                    if not ok
                ]
                _print_real(r, "MISS " + "; ".join(what))
    return RealFigures(
        false_alarms=alarms / max(1, len(keep)),
        recall=recalled / max(1, len(change)),
        category_right=category / max(1, len(change)),
        key_words=named / max(1, len(change)),
        preserving=len(keep),
        changing=len(change),
    )


def _print_real(result: RealResult, label: str) -> None:
    pair = result.pair
    expected = "none" if pair.preserving else f"{pair.severity} {'/'.join(pair.categories)}"
    print(f"\n{label}: {pair.id} (expected {expected}; {pair.why})")
    print(f"  - {pair.old}\n  + {pair.new}")
    for f in result.flags or ():
        print(f"    {f.severity} {f.rule} {f.category}: {f.message}")
    if not result.flags:
        print("    (no flag)")


# ---------------------------------------------------------------------------------------
# Published pairs (../shared/realtexts), read at run time

REALTEXTS = ROOT.parent / "shared" / "realtexts"


def _cite_number(cite: str | None) -> str:
    """The point number of a cite: '5' of '5', 'point 5' and '5, paragraph 1'; '' for a recital."""
    head = (cite or "").split(",")[0].strip()
    if head.startswith(("recital", "paragraph", "Title")):
        return ""
    return head.split()[-1] if head else ""


def run_realtexts(root: Path = REALTEXTS, *, show_misses: bool = False) -> dict[str, tuple[int, int]]:
    """Flag every pair with expectations and judge each expected point; (hits, total) per figure."""
    import json

    taxonomy = load_taxonomy()
    figures = {"false alarms": [0, 0], "recall": [0, 0], "category right": [0, 0]}
    for folder in sorted(p for p in root.iterdir() if (p / "expectations.json").is_file()):
        data = json.loads((folder / "expectations.json").read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "pair" not in data or "expect" not in data:
            continue
        old, new = (folder / name for name in data["pair"])
        flagged = flag(diff(old, new, flags=False), taxonomy)
        print(f"{folder.name}: {old.name} → {new.name}")
        for e in data["expect"]:
            o = str(e.get("old", e["point"]) or "")
            n = str(e.get("new", e["point"]) or "")
            changes = [
                c
                for c in flagged.changes
                if (o and _cite_number(c.old_cite) == o) or (n and _cite_number(c.new_cite) == n)
            ]
            flags = [f for c in changes for f in c.flags]
            top = max((RANK[f.severity] for f in flags), default=0)
            want = RANK[e["severity"]]
            if want <= RANK["low"]:
                figures["false alarms"][1] += 1
                ok = top <= RANK["low"]
                figures["false alarms"][0] += not ok
            else:
                figures["recall"][1] += 1
                figures["category right"][1] += 1
                ok = top >= want
                figures["recall"][0] += ok
                right = any(RANK[f.severity] == top and f.category in e["categories"] for f in flags)
                figures["category right"][0] += right
                ok = ok and right
            if show_misses and not ok:
                print(
                    f"  MISS point {e['point']} (expected {e['severity']} {'/'.join(e['categories'])}): {e['why']}"
                )
                for f in flags:
                    print(f"      {f.severity} {f.rule} {f.category}: {f.message}")
    for name, (hits, total) in figures.items():
        print(f"{name}: {_share(hits, total)}")
    return {k: (v[0], v[1]) for k, v in figures.items()}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark from the command line."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", choices=("generated", "real", "realtexts"), default="generated")
    parser.add_argument("--pairs", type=int, default=1000, help="generated corpus: how many pairs")
    parser.add_argument("--seed", type=int, default=2026, help="generated corpus: the seed")
    parser.add_argument("--lang", choices=("en", "uk", "ru"), help="real corpus: one language only")
    parser.add_argument("--kind", help="real corpus: one kind of edit only (e.g. qualifier)")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    if args.corpus == "realtexts":
        if not REALTEXTS.is_dir():
            print(f"risk_accuracy: no folder {REALTEXTS}", file=sys.stderr)
            return 2
        run_realtexts(show_misses=args.show_misses)
    elif args.corpus == "real":
        pairs = [
            p
            for p in load_pairs()
            if (args.lang is None or p.lang == args.lang) and (args.kind is None or p.kind == args.kind)
        ]
        if not pairs:
            print("risk_accuracy: no pair matches --lang/--kind", file=sys.stderr)
            return 2
        report_real(run_real(pairs), show_misses=args.show_misses)
    else:
        results = run(args.pairs, args.seed)
        report(results, show_misses=args.show_misses)
    print(f"({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
