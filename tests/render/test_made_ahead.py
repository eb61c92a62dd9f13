"""The report's work made while a forked child flags (issue 18: api.diff with `_report`): the
JSON lines and the HTML rows of the changes the flags leave alone. The report is the same
byte for byte; what was made for a change is used only for that very (immutable) change, so
one given a flag afterwards is written again."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from draftkit import api
from draftkit.compare import compare
from draftkit.compare.changes import Comparison, Flag
from draftkit.readers import read
from draftkit.render import html, json_diff
from tests.conftest import DRAFTS

# format → (what is made ahead, the render taking it)
_REPORTS: dict[str, tuple[Callable[[Comparison], Any], Callable[..., str | bytes]]] = {
    "json": (json_diff.ready_lines, json_diff.render_json_bytes),
    "html": (html.ready_rows, html.render_html),
}


@pytest.mark.parametrize("fmt", sorted(_REPORTS))
def test_made_ahead_is_used_only_for_the_changes_it_was_made_of(fmt: str) -> None:
    make, render = _REPORTS[fmt]
    made: dict[str, Any] = {}
    old, new = DRAFTS / "framework-v1.docx", DRAFTS / "framework-v2.docx"
    flagged = api.diff(old, new, _report=fmt, _made=made)  # type: ignore[arg-type]
    ready = made[fmt]
    assert isinstance(ready, dict) and ready
    assert render(flagged, ready=ready) == render(flagged)
    assert api.render_report(flagged, fmt, _made=made) == api.render_report(flagged, fmt)  # type: ignore[arg-type]
    comparison = compare(read(old), read(new))
    ahead = make(comparison)
    k = next(k for k, c in enumerate(comparison.changes) if id(c) in ahead)
    changes = list(comparison.changes)
    changes[k] = replace(changes[k], flags=(Flag("wording", "territory", "low", "a flag given later"),))
    later = replace(comparison, changes=tuple(changes))
    page = render(later, ready=ahead)
    text = page.decode() if isinstance(page, bytes) else page
    assert page == render(later) and "a flag given later" in text


def test_the_json_bytes_are_the_json_text_encoded() -> None:
    """render_json_bytes (line by line, with lines made ahead) is errors.json_bytes of
    render_json, an undecodable file-name byte (a surrogate) escaped in either."""
    from draftkit.errors import json_bytes

    comparison = api.diff(DRAFTS / "framework-v1.docx", DRAFTS / "framework-v2.docx")
    ahead = json_diff.ready_lines(comparison)
    for which in (
        comparison,
        replace(comparison, changes=comparison.changes[:1]),
        replace(comparison, changes=()),
    ):
        assert json_diff.render_json_bytes(which, ready=ahead) == json_bytes(json_diff.render_json(which))
    k = next(k for k, c in enumerate(comparison.changes) if id(c) in ahead)
    odd = list(comparison.changes)
    odd[k] = replace(odd[k], new_text=odd[k].new_text + " \udcff")
    surrogate = replace(comparison, changes=tuple(odd))
    data = json_diff.render_json_bytes(surrogate, ready=ahead)
    assert data == json_bytes(json_diff.render_json(surrogate)) and b"\\\\xff" in data
