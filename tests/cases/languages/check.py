"""Corpus check for the language-version cases (a check of the labels, not of draftkit).

For each case folder: lists the provision labels each version prints (a plain reading of
the label convention in README.md, independent of draftkit's reader), and checks that
expected.json names only labels that exist and covers every label of every version, in
every pair of languages, either in `pairs` or in `only_in`. Run:
`python tests/cases/languages/check.py` (exit 1 and a message per problem).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_ARTICLE = re.compile(r"^(Article|Стаття|Статья) (\d+)\b")
_NUMBER = re.compile(r"^(\d+)\.\s")
_LETTER = re.compile(r"^\(?([a-zа-яіїєґ])\)\s")


def labels(path: Path) -> list[str]:
    """Every provision label of one version, in order, as README.md spells them."""
    out: list[str] = []
    article: str | None = None
    point: str | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if m := _ARTICLE.match(line):
            article = f"{m.group(1)} {m.group(2)}"
            point = article
            out.append(article)
        elif m := _NUMBER.match(line):
            point = f"{article}({m.group(1)})" if article else m.group(1)
            out.append(point)
        elif (m := _LETTER.match(line)) and point is not None:
            out.append(f"{point}({m.group(1)})")
    return out


def check(case: Path) -> list[str]:
    problems: list[str] = []
    exp = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    langs: list[str] = exp["languages"]
    units = {lang: labels(case / f"{lang}.txt") for lang in langs}
    for key, pairs in exp["pairs"].items():
        a, b = key.split("-")
        only = exp["only_in"].get(key, {a: [], b: []})
        seen_a = {p[0] for p in pairs} | set(only.get(a, []))
        seen_b = {p[1] for p in pairs} | set(only.get(b, []))
        for lang, seen in ((a, seen_a), (b, seen_b)):
            for label in sorted(seen - set(units[lang])):
                problems.append(f"{case.name} {key}: {lang} label {label!r} not in {lang}.txt")
            for label in units[lang]:
                if label not in seen:
                    problems.append(f"{case.name} {key}: {lang} {label!r} neither paired nor only_in")
    for d in exp.get("differences", []):
        if [d["a"], d["b"]] not in exp["pairs"][d["langs"]]:
            problems.append(f"{case.name}: difference {d} is not on a labelled pair")
    for group in exp.get("splits", []):
        for part in group["b"]:
            if [group["a"], part] not in exp["pairs"][group["langs"]]:
                problems.append(f"{case.name}: split part {group['a']}->{part} is not in pairs")
    for group in exp.get("merges", []):
        for part in group["a"]:
            if [part, group["b"]] not in exp["pairs"][group["langs"]]:
                problems.append(f"{case.name}: merge part {part}->{group['b']} is not in pairs")
    return problems


def main() -> int:
    problems: list[str] = []
    for case in sorted(p for p in HERE.iterdir() if (p / "expected.json").exists()):
        problems += check(case)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
