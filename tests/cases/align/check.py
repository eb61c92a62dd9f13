"""Corpus check for the paraphrase cases (a check of the labels, not of draftkit).

For each case folder: lists the top-level point labels of old.txt and new.txt (lines
"N. ..."), and checks that every old point is in `pairs` or `deleted`, every new point in
`pairs` or `added`, that no label is named that the text does not print, and that every
split/merge group is also in `pairs`. Run it as a script only (importing it would leave a
__pycache__ folder here, which the case loader would take for a case):
`python tests/cases/align/check.py`.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_NUMBER = re.compile(r"^(\d+)\.\s")


def labels(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [m.group(1) for line in lines if (m := _NUMBER.match(line))]


def check(case: Path) -> list[str]:
    problems: list[str] = []
    exp = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    pairs = [tuple(p) for p in exp["pairs"]]
    for side, index, rest in (("old", 0, "deleted"), ("new", 1, "added")):
        printed = labels(case / f"{side}.txt")
        named = {p[index] for p in pairs} | set(exp[rest])
        problems += [f"{case.name}: {side} {x!r} not printed" for x in sorted(named - set(printed))]
        problems += [f"{case.name}: {side} {x!r} not labelled" for x in printed if x not in named]
        both = {p[index] for p in pairs} & set(exp[rest])
        problems += [f"{case.name}: {side} {x!r} paired and {rest}" for x in sorted(both)]
    for old, parts in exp.get("splits", []):
        problems += [f"{case.name}: split {old}->{n} not in pairs" for n in parts if (old, n) not in pairs]
    for parts, new in exp.get("merges", []):
        problems += [f"{case.name}: merge {o}->{new} not in pairs" for o in parts if (o, new) not in pairs]
    return problems


def main() -> int:
    problems: list[str] = []
    for case in sorted(p for p in HERE.iterdir() if (p / "expected.json").exists()):
        problems += check(case)
    print("\n".join(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
