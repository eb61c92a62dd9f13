"""compare.refs.find_references skips an ASCII text holding none of its patterns' words; the
result is the full scan's for any text (words of every pattern in several cases, folds the
regex knows and `str.lower` does not: "İtem", "ſection")."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from draftkit.compare import refs

_WORDS = [
    "Article", "ARTICLE", "art.", "Art.", "Articles", "Annex", "annex", "Section", "Chapter",
    "Part", "PART", "paragraph", "paragraphs", "Para.", "para.", "point", "POINT", "Subparagraph",
    "sub-paragraph", "Item", "İtem", "ſection", "of", "5", "(2)", "(b)", "II", "7", "the", "parties",
    "shall", "withdraw", ",", ".", "\n",
]  # fmt: skip


def _full_scan(text: str, monkeypatch: pytest.MonkeyPatch) -> list[refs.Reference]:
    with monkeypatch.context() as patch:
        patch.setattr(refs, "_CUES", ("",))  # every text "holds a cue": scanned
        return refs.find_references(text)


@given(st.lists(st.sampled_from(_WORDS), max_size=10).map(" ".join))
def test_the_cue_check_never_changes_what_is_found(text: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert refs.find_references(text) == _full_scan(text, monkeypatch)


def test_references_are_still_found() -> None:
    assert [r.text for r in refs.find_references("as set out in paragraph 3 of Article 2 and Annex I")] == [
        "paragraph 3 of Article 2",
        "Annex I",
    ]
    assert refs.find_references("The parties shall withdraw.") == []


def test_every_pattern_word_before_a_number_or_letter() -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        for word in _WORDS:
            for text in (f"{word} 5", f"see {word} (b).", f"{word} 2 of Article 7", f"{word} II"):
                assert refs.find_references(text) == _full_scan(text, monkeypatch), text
