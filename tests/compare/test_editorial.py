"""An editor's square brackets (a footnote call glued to the text, "[sic]") are not text under
negotiation: no bracket flag, no open bracket in a history, no "bracketed, unagreed text"
finding — while a number in brackets standing apart ("within [30] days") stays an option."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from draftkit.compare.editorial import editorial
from draftkit.history import find_spans

from ..risk.helpers import flags_for

SCHEMA = Path(__file__).resolve().parents[2] / "schemas" / "framework.clauses.toml"

EDITORIAL = [
    "Ukraine's sovereignty will be confirmed.[1] The parties agree.",
    "the sovereignty[12] of the state",
    "about 600,000 [sic] personnel",
    "as written [SIC!] here",
    "a call,[*] then",
    "«суверенітет»[3] буде",
]
NEGOTIATED = [
    "within [30] days",
    "within [48] [72] hours",
    "within [48][72] hours",
    "up to [1,200] / [2,000] monitors",
    "[1] The first option",
    "shall withdraw [from the line of contact]",
    "[sickness] benefits",
]


def _segments(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\[[^\[\]]*\]", text)]


@pytest.mark.parametrize("text", EDITORIAL)
def test_an_editors_mark_is_editorial_and_opens_no_bracket(text: str) -> None:
    assert all(editorial(text, s, e) for s, e in _segments(text))
    assert find_spans(text) == ()


@pytest.mark.parametrize("text", NEGOTIATED)
def test_a_bracket_under_negotiation_stays_one(text: str) -> None:
    assert not any(editorial(text, s, e) for s, e in _segments(text))
    assert find_spans(text)


def test_the_schemas_bracket_rule_agrees_with_editorial() -> None:
    """The validation schema says it as a regular expression: both must read alike."""
    rules = tomllib.loads(SCHEMA.read_text("utf-8"))["forbidden"]
    (pattern,) = next(r for r in rules if r["id"] == "brackets")["pattern"]
    regex = re.compile(pattern)
    for text in EDITORIAL:
        assert regex.search(text) is None, text
    for text in NEGOTIATED:
        found = {(m.start(), m.end()) for m in regex.finditer(text)}
        assert found == set(_segments(text)), text


def test_a_renumbered_footnote_call_raises_no_bracket_flag(tmp_path: Path) -> None:
    old = "Ukraine's sovereignty over its territory will be confirmed.[1]"
    new = "Ukraine's sovereignty over its territory will be confirmed.[2]"
    assert not [f for f in flags_for(tmp_path, old, new, heading="Territory") if "racket" in f.message]


def test_a_bracket_added_around_words_is_still_flagged(tmp_path: Path) -> None:
    old = "Ukraine's sovereignty over its territory will be confirmed."
    new = "Ukraine's sovereignty over [its territory] will be confirmed."
    assert [f for f in flags_for(tmp_path, old, new, heading="Territory") if "racket" in f.message]
