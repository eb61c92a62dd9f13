"""Held-out single-edit flags: draftkit on provisions edited by a hand that never read its rules.

    PYTHONPATH=src python benchmarks/risk_heldout.py [CASES.jsonl] [--show] [--src OTHER/src] [--lens translation]

Each line of CASES (default benchmarks/risk_heldout/cases.jsonl; its README says who wrote it
and how) is one provision before and after one edit, with the severity an analyst gives it
("high", "medium", "low", "none") and the categories it is about. Each is read as a
one-point draft on each side, compared and flagged with the default taxonomy, and scored:

- found: an edit expected medium or high is flagged at or above that severity;
- quiet: an edit expected low or none is flagged no higher than low (and, for none, the
  share with no flag at all is given too);
- category: for an edit expected medium or high, an expected category among the flags at
  the strongest severity.

Totals, by language too; `--show` prints every miss with the flags behind it. Exit status 0
always: the figures are for the reader (and the closing note).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
# This checkout's draftkit, or another's with --src DIR (an A/B against an older commit's
# worktree): PYTHONPATH alone does not choose it, this path comes first.
_SRC = sys.argv[sys.argv.index("--src") + 1] if "--src" in sys.argv[:-1] else str(HERE.parent / "src")
sys.path.insert(0, _SRC)

from draftkit.api import diff  # noqa: E402

RANK = {"none": 0, "low": 1, "medium": 2, "high": 3}


def judge(
    case: dict[str, object], folder: Path, lens: str = "default"
) -> tuple[bool, bool | None, bool, list[str]]:
    """(severity as expected, category as expected or None when not scored, no flag at all,
    the flags); `lens`: risk.flag's (translation: read as two renderings of one text)."""
    old, new = folder / "old.txt", folder / "new.txt"
    old.write_text(f"1. {case['old']}\n", encoding="utf-8")
    new.write_text(f"1. {case['new']}\n", encoding="utf-8")
    comparison = diff(old, new, lens=lens)
    flags = [f for c in comparison.changes for f in c.flags]
    top = max((RANK[f.severity] for f in flags), default=0)
    want = RANK[str(case["severity"])]
    ok = top >= want if want >= RANK["medium"] else top <= RANK["low"]
    categories = case.get("categories") or []
    category: bool | None = None
    if want >= RANK["medium"] and categories:
        category = any(RANK[f.severity] == top and f.category in categories for f in flags)  # type: ignore[operator]
    return ok, category, not flags, [f"{f.severity} {f.rule} {f.category}: {f.message}" for f in flags]


def score(
    cases: list[dict[str, object]], show: bool, scopes: tuple[str, ...] = ("lang",), lens: str = "default"
) -> list[str]:
    """The totals' lines, for all cases and by each value of each field in `scopes` (language
    by default); with `show`, every miss with its flags is printed as it is found."""
    tally: Counter[str] = Counter()
    groups: dict[str, list[str]] = {field: [] for field in scopes}
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            ok, category, bare, flags = judge(case, Path(tmp), lens)
            want = str(case["severity"])
            lang = str(case.get("lang", "en"))
            loud = want in ("medium", "high")
            values = [str(case.get(field, "en" if field == "lang" else "")) for field in scopes]
            for field, value in zip(scopes, values, strict=True):
                if value not in groups[field]:
                    groups[field].append(value)
            for scope in ("all", *values):
                tally[f"{scope} {'found' if loud else 'quiet'} n"] += 1
                tally[f"{scope} {'found' if loud else 'quiet'} ok"] += ok
                if category is not None:
                    tally[f"{scope} category n"] += 1
                    tally[f"{scope} category ok"] += category
                if want == "none":
                    tally[f"{scope} bare n"] += 1
                    tally[f"{scope} bare ok"] += bare
            if show and (not ok or category is False):
                why = "severity" if not ok else "category"
                print(f"MISS {why}: {case['id']} ({lang}, expected {want} {case.get('categories') or ''})")
                print(f"    {case['old']}\n →  {case['new']}")
                print("".join(f"      {f}\n" for f in flags) or "      (no flag)\n", end="")
    order = ["all"] + [
        v for field in scopes for v in (["en", "uk", "ru"] if field == "lang" else groups[field])
    ]
    width = max(4, *(len(scope) for scope in order))
    lines = []
    for scope in order:
        if not tally[f"{scope} found n"] + tally[f"{scope} quiet n"]:
            continue
        lines.append(
            f"{scope:{width}} found {tally[f'{scope} found ok']}/{tally[f'{scope} found n']} (medium/high flagged at or"
            f" above), category {tally[f'{scope} category ok']}/{tally[f'{scope} category n']}, quiet"
            f" {tally[f'{scope} quiet ok']}/{tally[f'{scope} quiet n']} (low/none not above low), none with no"
            f" flag at all {tally[f'{scope} bare ok']}/{tally[f'{scope} bare n']}"
        )
    return lines


def read_cases(path: Path) -> list[dict[str, object]]:
    """The cases of a JSON-lines file, one per non-blank line."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [json.loads(line) for line in lines]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="?", type=Path, default=HERE / "risk_heldout" / "cases.jsonl")
    parser.add_argument("--show", action="store_true", help="print every miss with its flags")
    parser.add_argument("--src", help="the src/ folder of the draftkit to run (default: this checkout's)")
    parser.add_argument(
        "--lens",
        default="default",
        choices=("default", "translation"),
        help="translation: every edit read as a difference between two renderings of one text"
        " (what the lens still finds of real edits)",
    )
    args = parser.parse_args()
    print("\n".join(score(read_cases(args.cases), args.show, lens=args.lens)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
