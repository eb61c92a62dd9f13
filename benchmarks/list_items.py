"""Items of a list dropped, added, swapped or reordered: draftkit's flags on single list edits.

    PYTHONPATH=src python benchmarks/list_items.py [CASES.jsonl] [--show]

Each line of CASES (default benchmarks/list_items/cases.jsonl; its README says who wrote it
and how) is one provision before and after one edit to a coordinated list ("tanks, artillery
systems and mortars"), in English, Ukrainian or Russian, with the severity an analyst gives
it and its categories, and the kind of edit (`dropped`, `added`, `replaced`, `and_or`,
`split`, and the quiet ones `reordered`, `rewritten`, `punctuation`). Scored as
`risk_heldout.py` scores its cases (found, category, quiet), for all cases, by language and
by kind. Exit status 0 always.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from risk_heldout import read_cases, score  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="?", type=Path, default=HERE / "list_items" / "cases.jsonl")
    parser.add_argument("--show", action="store_true", help="print every miss with its flags")
    args = parser.parse_args()
    print("\n".join(score(read_cases(args.cases), args.show, scopes=("lang", "kind"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
