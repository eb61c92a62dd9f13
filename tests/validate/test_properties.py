"""Properties: validation never crashes on any tree, and numbering findings match the edit made."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from draftkit.errors import InputError
from draftkit.model import Draft
from draftkit.model.numbering import int_to_letter
from draftkit.readers import read
from draftkit.validate import validate
from draftkit.validate.clause_schema import load_schema

from ..strategies import draft_texts, drafts

SCHEMA = load_schema()
NUMBERING = {"numbering.contiguous", "numbering.duplicates", "numbering.one_format"}


# No deadline: the default schema asks the risk classifier (issue 14), and the first example
# of a process pays for loading the taxonomy and the lemma dictionaries.
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts())
def test_any_tree_validates_without_crashing(draft: Draft) -> None:
    report = validate(draft, SCHEMA)
    assert all(f.severity in ("error", "warning") for f in report.findings)
    assert report.findings == validate(draft, SCHEMA).findings  # deterministic


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(draft_texts())
def test_any_text_validates_without_crashing(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "draft.txt"
        path.write_text(text, encoding="utf-8")
        try:
            draft = read(path)
        except InputError:
            return
        validate(draft, SCHEMA)


def _text(shape: list[int]) -> list[str]:
    """Articles 1..len(shape); article i has shape[i] paragraphs, paragraph 2 has points (a)…(e)."""
    lines = ["FRAMEWORK", ""]
    for a, paragraphs in enumerate(shape, start=1):
        lines.append(f"Article {a} — Heading")
        for p in range(1, paragraphs + 1):
            lines.append(f"{p}. The Parties shall act.")
            if p == 2:
                lines.extend(f"({int_to_letter(k)}) act;" for k in range(1, 6))
    return lines


def _validate(lines: list[str]) -> set[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "draft.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        report = validate(read(path), SCHEMA)
    return {(f.rule, f.message) for f in report.findings if f.rule in NUMBERING}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(2, 6), min_size=2, max_size=6), st.data())
def test_contiguous_lists_pass_and_one_deletion_is_one_gap(shape: list[int], data: st.DataObject) -> None:
    lines = _text(shape)
    assert _validate(lines) == set()
    # Delete one labelled line that has a later sibling: exactly one gap, naming it.
    candidates = [
        i
        for i, line in enumerate(lines)
        if line[:1] in "(123456789"
        and i + 1 < len(lines)
        and lines[i + 1][:1] == line[:1]
        and not (line.startswith("1.") or line.startswith("(a)"))
    ]
    index = data.draw(st.sampled_from(candidates))
    removed = lines[index].split()[0]
    found = _validate(lines[:index] + lines[index + 1 :])
    assert len(found) == 1
    ((rule, message),) = found
    assert rule == "numbering.contiguous" and message.endswith(f'"{removed}" is missing')
