"""Benchmark (issue 11): parse the real published framework texts and count their points.

    python benchmarks/real_texts.py [--dir ../shared/realtexts]

The texts live outside the project (default `../shared/realtexts` from the project root) and
are only read at run time: nothing of them is copied here. When the folder is missing the
benchmark says so and exits 0. For every .txt it prints the provisions `draftkit.parse`
finds (top level and in all) against the count a human reader sees, written down below
with how each was counted, the top-level numbers found, and any warning or refusal (the
error, its class and its exit code). Where a pair folder has `expectations.json`, the points
it lists for that text are shown beside the expectation as a cross-check.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

import draftkit  # noqa: E402
from draftkit.errors import DraftkitError  # noqa: E402


@dataclass(frozen=True)
class Expected:
    """What a reader counts in one text: top-level points, and the totals that are right."""

    top: int
    totals: tuple[int, ...]
    how: str


# Decided by reading each text (keys: path under the folder). The texts are excerpts, so the
# count is of the points shown, not of the plan's full length.
EXPECTED: dict[str, Expected] = {
    "p3-us28-to-20pt/us28-nov2025-points1-10.txt": Expected(
        10,
        (10,),
        "'1.'-'10.', one line each; the unnumbered line after 2 ('All ambiguities…') is the rest "
        "of point 2 (line break as published); the first line is the title, not a point",
    ),
    "p3-us28-to-20pt/20pt-dec2025-points1-5.txt": Expected(
        5,
        (5, 9),
        "'1.'-'5.'; the opening sentence is preamble; the four indented unnumbered lines under 5 "
        "belong to point 5: 5 in all if read as its text, 9 if as unnumbered sub-paragraphs",
    ),
    "p5-gaza-21-to-20/gaza-20pt-whitehouse-numbered-lng.txt": Expected(
        6, (6,), "'1.'-'6.', one line each; the line before them ('This is what was published…') is preamble"
    ),
    "p5-gaza-21-to-20/gaza-20pt-whitehouse-sep2025.txt": Expected(
        6, (6,), "six '- ' bullets, one point each (published unnumbered); the first line is the title"
    ),
    "p5-gaza-21-to-20/gaza-21pt-leak-sep2025.txt": Expected(
        6, (6,), "six lines between blank lines, one point each, no numbers and no title (published so)"
    ),
    "parse-only/us28-kudupinter-messy.txt": Expected(
        11,
        (11,),
        "points 1-11 with loose markers ('1.', '2 –', '3 ', '7 ', '8-', '9 ', '10.'); the first "
        "paragraph is an introduction and the two newsletter lines after point 1 are not points",
    ),
    "parse-only/us28-ru-topwar.txt": Expected(9, (9,), "'1.'-'9.' between blank lines, one paragraph each"),
}


def listed_in_expectations(folder: Path, name: str) -> list[str] | None:
    """The point numbers `expectations.json` names for this text (old or new side), if it names it."""
    path = folder / "expectations.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    pair = data.get("pair") or []
    if name not in pair:
        return None
    side = "old" if pair.index(name) == 0 else "new"
    points: list[str] = []
    for item in data.get("expect", []):
        # Without old/new keys (an unnumbered pair) the point is the same on both sides.
        point = item[side] if side in item else item.get("point")
        if point is not None and point not in points:
            points.append(str(point))
    return points


def measure(path: Path) -> dict[str, object]:
    """Parse one text with the library; counts, numbers, warnings or the refusal."""
    row: dict[str, object] = {"top": None, "total": None, "nums": [], "warnings": [], "refusal": None}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            draft = draftkit.parse(path)
        except DraftkitError as exc:
            row["refusal"] = f"exit {exc.exit_code} ({type(exc).__name__}): {exc}"
        except Exception as exc:  # a bug: the CLI would exit 70
            row["refusal"] = f"exit 70 (internal {type(exc).__name__}): {exc}"
        else:
            row["top"] = len(draft.provisions)
            row["total"] = draft.count()
            row["nums"] = [p.num or "-" for p in draft.provisions]
            # Warnings carried on the draft, should the reader come to report them there.
            row["warnings"] = [str(w) for w in getattr(draft, "warnings", ())]
    row["warnings"] = [*row["warnings"], *(f"{w.category.__name__}: {w.message}" for w in caught)]  # type: ignore[misc]
    return row


def main(argv: list[str] | None = None) -> int:
    """Print found vs expected per text; exit 0 whatever the numbers (it measures)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--dir", type=Path, default=ROOT.parent / "shared" / "realtexts", help="the texts' folder"
    )
    args = ap.parse_args(argv)
    folder: Path = args.dir
    if not folder.is_dir():
        print(f"real_texts: {folder} not found; nothing to measure")
        return 0

    texts = sorted(folder.rglob("*.txt"))
    print(f"draftkit.parse over {folder.resolve()} ({len(texts)} texts)")
    print(f"{'text':<58}{'top':>9}{'total':>12}  result")
    matched = 0
    details: list[str] = []
    for path in texts:
        key = path.relative_to(folder).as_posix()
        expected = EXPECTED.get(key)
        row = measure(path)
        exp_top = str(expected.top) if expected else "?"
        exp_total = " or ".join(map(str, expected.totals)) if expected else "?"
        if row["refusal"]:
            verdict = "REFUSED"
        elif expected is None:
            verdict = "unknown (not in EXPECTED)"
        elif row["top"] == expected.top and row["total"] in expected.totals:
            verdict = "ok"
            matched += 1
        else:
            verdict = "MISMATCH"
        top = f"{row['top'] if row['top'] is not None else '-'}/{exp_top}"
        total = f"{row['total'] if row['total'] is not None else '-'}/{exp_total}"
        print(f"{key:<58}{top:>9}{total:>12}  {verdict}")

        details.append(f"{key}")
        if expected:
            details.append(f"  expected: {expected.how}")
        listed = listed_in_expectations(path.parent, path.name)
        if listed is not None:
            details.append(f"  expectations.json names {len(listed)} points: {', '.join(listed)}")
        if row["nums"]:
            details.append(f"  top-level numbers found: {', '.join(row['nums'])}")  # type: ignore[arg-type]
        if row["refusal"]:
            details.append(f"  refused: {row['refusal']}")
        for warning in row["warnings"]:  # type: ignore[attr-defined]
            details.append(f"  warning: {warning}")

    print(f"\n{matched}/{len(texts)} texts with the expected count (top level and total)\n")
    print("\n".join(details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
