"""Loader and flattener for the loose-format labelled corpus (tests/cases/loose/).

Dependency-free (standard library only). No mapping to draftkit's model lives here:
this module only reads the expected trees written by hand and, for the corpus's own
sanity, checks that every label prefix really occurs in its source.

    from tests.cases.loose import check            # or: import check (from this folder)
    for name, exp in check.iter_cases():
        rows = check.flatten(exp)                  # [(depth, role, num, text_prefix), ...]
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent

ROLES = frozenset({"title", "recital", "formula", "provision", "final", "heading", "noise"})

Row = tuple[int, str, "str | None", str]


def load(name: str | Path) -> dict:
    """Load one case's expected tree: NAME, NAME.expected.json or a path to either."""
    p = Path(name)
    if not p.name.endswith(".expected.json"):
        p = (
            p.with_name(p.name + ".expected.json")
            if p.suffix not in {".txt", ".md", ".docx"}
            else p.with_name(p.stem + ".expected.json")
        )
    if not p.is_absolute() and not p.exists():
        p = HERE / p.name
    with p.open(encoding="utf-8") as fh:
        return json.load(fh)


def case_names() -> list[str]:
    """Names (without extension) of all cases, sorted."""
    return sorted(p.name[: -len(".expected.json")] for p in HERE.glob("*.expected.json"))


def iter_cases() -> Iterator[tuple[str, dict]]:
    for name in case_names():
        yield name, load(HERE / f"{name}.expected.json")


def source_path(expected: dict) -> Path:
    return HERE / expected["source"]


def flatten(expected: dict | list) -> list[Row]:
    """Pre-order walk of the tree: (depth, role, num, text_prefix), depth 0 at top level.

    Accepts the whole expected dict or a list of units. `heading` (the caption printed
    after an article number) is not in the tuple; read it from the unit if needed.
    """
    units = expected["units"] if isinstance(expected, dict) else expected
    out: list[Row] = []

    def walk(us: list[dict], depth: int) -> None:
        for u in us:
            out.append((depth, u["role"], u.get("num"), u.get("text", "")))
            walk(u.get("children", []), depth + 1)

    walk(units, 0)
    return out


def validate(expected: dict) -> list[str]:
    """Schema problems in one expected tree (empty list when it is well-formed)."""
    errs: list[str] = []
    for key in ("source", "notes", "units"):
        if key not in expected:
            errs.append(f"missing key {key!r}")
    for depth, role, num, text in flatten(expected):
        if role not in ROLES:
            errs.append(f"unknown role {role!r} at depth {depth}")
        if num is not None and (not isinstance(num, str) or num != num.strip()):
            errs.append(f"num {num!r} is not a stripped string or null")
        if not isinstance(text, str):
            errs.append(f"text {text!r} is not a string")
    return errs


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def source_text(expected: dict) -> str:
    """Plain text of the source: the file for .txt/.md; for .docx, the document's
    paragraphs (body and table cells, document order, one per line; no auto-numbers)."""
    p = source_path(expected)
    if p.suffix == ".md":  # labels quote Markdown text without emphasis markup
        return re.sub(r"(\*\*|__)", "", p.read_text(encoding="utf-8"))
    if p.suffix != ".docx":
        return p.read_text(encoding="utf-8")
    import xml.etree.ElementTree as ET

    with zipfile.ZipFile(p) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    lines = []
    for para in root.iter(f"{_W}p"):
        parts = []
        for el in para.iter():
            if el.tag == f"{_W}t" and el.text:
                parts.append(el.text)
            elif el.tag == f"{_W}tab":
                parts.append("\t")
        lines.append("".join(parts))
    return "\n".join(lines)


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def missing_prefixes(expected: dict) -> list[str]:
    """Label texts (and headings) that do not occur, in order, in the source.

    This checks the corpus against its own sources, not against draftkit.
    """
    src = _norm(source_text(expected))
    missing: list[str] = []
    pos = 0

    def walk(us: list[dict]) -> None:
        nonlocal pos
        for u in us:
            for piece in (u.get("heading"), u.get("text")):
                if not piece:
                    continue
                k = src.find(_norm(piece), pos)
                if k < 0:
                    missing.append(piece)
                else:
                    pos = k + len(_norm(piece))
            walk(u.get("children", []))

    walk(expected["units"])
    return missing


if __name__ == "__main__":  # python tests/cases/loose/check.py: self-check of the corpus
    bad = 0
    for name, exp in iter_cases():
        errs = validate(exp) + [f"prefix not found in order: {m!r}" for m in missing_prefixes(exp)]
        for e in errs:
            print(f"{name}: {e}")
        bad += bool(errs)
    print(f"{len(case_names())} cases, {bad} with problems")
    raise SystemExit(1 if bad else 0)
