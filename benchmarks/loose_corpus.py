"""Parse accuracy on the hand-labelled loose corpus (tests/cases/loose/).

Each case's expected tree was written by reading the text, without running draftkit (see
tests/cases/loose/README.md). This script parses every case and scores how many expected
units draftkit found at the right depth, with the right role, label and text.

    .venv/bin/python benchmarks/loose_corpus.py [--verbose] [--case NAME]

Roles are compared in classes: title; preamble (recital, formula); final; provision
(numbered or not, and unnumbered headings). Units labelled `noise` are not scored: an
analyst may keep them as unnumbered paragraphs, and dropping them is fine too; what is
scored is that they are not glued into a real point (the next expected unit's text must
still start where it should).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "cases" / "loose"

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007]+")
_CLASS = {
    "title": "title",
    "recital": "preamble",
    "formula": "preamble",
    "final": "final",
    "provision": "provision",
    "heading": "provision",
}
_BULLETS = set("-–—•▪◦●‣∙·*")
_KIND_CLASS = {"recital": "preamble", "formula": "preamble", "conclusion": "final"}


@dataclass(frozen=True)
class Unit:
    depth: int
    cls: str
    num: str | None
    heading: str | None
    text: str


def _norm(text: str | None) -> str:
    return _SPACES.sub(" ", text or "").strip().casefold()


def _norm_num(num: str | None) -> str | None:
    if num is None or num in _BULLETS:
        return None  # the corpus writes a bullet as no number; draftkit keeps the glyph
    return _norm(num).rstrip(" .:–—-") or None


def expected_units(expected: dict[str, object]) -> list[Unit]:
    """The labelled tree flattened in document order, noise kept as class 'noise'."""
    out: list[Unit] = []

    def visit(units: list[dict[str, object]], depth: int) -> None:
        for unit in units:
            role = str(unit["role"])
            cls = _CLASS.get(role, "noise")
            heading = unit.get("heading")
            text = str(unit.get("text") or "")
            if role == "heading":
                heading, text = text, ""
            num = unit.get("num")
            out.append(
                Unit(
                    depth,
                    cls,
                    None if num is None else str(num),
                    None if heading is None else str(heading),
                    text,
                )
            )
            visit(list(unit.get("children") or []), depth + 1)  # type: ignore[arg-type]

    visit(list(expected["units"]), 0)  # type: ignore[arg-type]
    return out


def draft_units(draft: object) -> list[Unit]:
    """What draftkit read, flattened in document order with the same classes."""
    out: list[Unit] = []
    title = getattr(draft, "title", None)
    if title:
        out.append(Unit(0, "title", None, None, title))
    for paragraph in getattr(draft, "preamble", ()):
        out.append(Unit(0, "preamble", None, None, paragraph))

    def visit(provisions: tuple[object, ...], depth: int) -> None:
        for p in provisions:
            kind = p.kind
            cls = _KIND_CLASS.get(kind, "provision")
            out.append(Unit(depth, cls, p.num, p.heading, p.text))
            visit(p.children, depth + 1)

    visit(draft.provisions, 0)
    return out


def _same(want: Unit, got: Unit) -> bool:
    if want.cls != got.cls or want.depth != got.depth:
        return False
    if want.cls == "provision" and _norm_num(want.num) != _norm_num(got.num):
        return False
    # An unnumbered heading may come out as the unit's text instead.
    if (
        want.heading is not None
        and not _norm(got.heading).startswith(_norm(want.heading))
        and not (got.heading is None and _norm(got.text).startswith(_norm(want.heading)))
    ):
        return False
    if want.text:
        own = _norm(got.text)
        if want.cls in ("title", "preamble", "final") and got.heading:
            own = _norm(f"{got.heading} {got.text}")
        if not own.startswith(_norm(want.text)):
            return False
    return True


def score(want: list[Unit], got: list[Unit]) -> tuple[int, int, list[Unit]]:
    """(matched, expected, missed): an in-order match of the scored units."""
    scored = [u for u in want if u.cls != "noise"]
    matched = 0
    missed: list[Unit] = []
    start = 0
    for unit in scored:
        for j in range(start, len(got)):
            if _same(unit, got[j]):
                matched += 1
                start = j + 1
                break
        else:
            missed.append(unit)
    return matched, len(scored), missed


def cases(only: str | None = None) -> Iterator[tuple[str, Path, dict[str, object]]]:
    for path in sorted(CORPUS.glob("*.expected.json")):
        name = path.name.removesuffix(".expected.json")
        if only and name != only:
            continue
        expected = json.loads(path.read_text(encoding="utf-8"))
        yield name, CORPUS / str(expected["source"]), expected


def run(only: str | None = None, verbose: bool = False) -> tuple[int, int, int, int]:
    """Print one line per case; return (units matched, units expected, cases exact, cases)."""
    import draftkit
    from draftkit.errors import DraftkitError

    total_m = total_n = exact = count = 0
    for name, source, expected in cases(only):
        count += 1
        want = expected_units(expected)
        try:
            draft = draftkit.parse(source)
            got = draft_units(draft)
            error = ""
        except DraftkitError as exc:
            got, error = [], str(exc)
        m, n, missed = score(want, got)
        total_m += m
        total_n += n
        exact += m == n
        print(f"{name:36} {m:3}/{n:<3} {'ok' if m == n else ''}{error}")
        if verbose and missed:
            for unit in missed:
                print(
                    f"      missed: d{unit.depth} {unit.cls} {unit.num!r} {unit.heading or ''} {unit.text[:50]!r}"
                )
            for unit in got:
                print(
                    f"      got:    d{unit.depth} {unit.cls} {unit.num!r} {unit.heading or ''} {unit.text[:50]!r}"
                )
    return total_m, total_n, exact, count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--case")
    args = parser.parse_args()
    m, n, exact, count = run(args.case, args.verbose)
    print(f"\nunits: {m}/{n} = {m / max(n, 1):.3f}   cases exact: {exact}/{count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
