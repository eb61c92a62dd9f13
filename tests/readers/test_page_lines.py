"""A news page's own lines pasted with the draft it reports ("Read more: …", "Follow our live
coverage …") are not the draft's: left out of the provisions, each said with its line (code
`not-compared`, so `--strict` refuses), never glued silently into the point above."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftkit.api import parse
from tests.hostile.helpers import cli

PAGE = """Karabakh deal: what the text says

1) A complete ceasefire is declared from 00:00 on 10 November.
2) Aghdam district is returned by 20 November.

Read more: Pashinyan says he signed "incredibly painful" deal

3) Peacekeepers are deployed along the line of contact.
Watch: the moment the ceasefire was announced
4) Peacekeepers stay for five years.
Follow our live coverage for updates.
"""


def _draft(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_page_lines_are_left_out_and_said(tmp_path: Path) -> None:
    draft = parse(_draft(tmp_path, PAGE))
    texts = [p.text for p in draft.provisions]
    assert texts == [
        "A complete ceasefire is declared from 00:00 on 10 November.",
        "Aghdam district is returned by 20 November.",
        "Peacekeepers are deployed along the line of contact.",
        "Peacekeepers stay for five years.",
    ]
    said = [
        (w.location.line if w.location else None, w.message)
        for w in draft.warnings
        if w.code == "not-compared"
    ]
    assert [line for line, _ in said] == [6, 9, 11]
    assert "left out as the news page's own line, not the draft's: 'Read more: Pashinyan" in said[0][1]
    run = cli("parse", _draft(tmp_path, PAGE), "--strict")
    assert run.code == 3 and "line 6: left out as the news page's own line" in run.err


@pytest.mark.parametrize(
    "line",
    [
        "3) Read more: the parties may publish the maps.",  # a point, whatever its words
        "Related to the above, the parties shall meet monthly.",  # prose, no "Related:"
        "Watch the line of contact: observers report weekly.",
        "See also: Article 12 for the maps.",  # an annotated draft's cross-reference
        "Read more: " + "the parties agree " * 15,  # too long for a page's line
    ],
)
def test_a_draft_line_that_looks_like_one_stays(tmp_path: Path, line: str) -> None:
    text = "1) A complete ceasefire is declared.\n2) Forces withdraw.\n" + line + "\n"
    draft = parse(_draft(tmp_path, text))
    assert not [w for w in draft.warnings if "news page" in w.message]
    assert " ".join(line.split()[1:] if line.startswith("3)") else line.split()) in " ".join(
        " ".join(p.text for p in draft.walk()).split()
    )


@pytest.mark.parametrize(
    "text",
    [
        "1. The Parties shall disclose all\nrelated-party transactions to the Commission.\n2. Forces withdraw.\n",
        "1. The zone is agreed.\nWatch-towers along the line shall be dismantled.\n2. Forces withdraw.\n",
    ],
)
def test_a_draft_line_beginning_with_a_page_word_and_a_hyphen_stays(tmp_path: Path, text: str) -> None:
    """'related-party', 'Watch-towers': a page's line needs its colon (or a spaced dash)."""
    draft = parse(_draft(tmp_path, "Plan\n\n" + text))
    assert not [w for w in draft.warnings if "news page" in w.message]
    assert "related-party" in draft.provisions[0].text or "Watch-towers" in draft.provisions[0].text
