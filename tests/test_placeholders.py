"""The reader's placeholders (model/placeholders.py): a note, an object shown by its text or
by its content hash, written and read back, found in a text among other text and
placeholders, and what becomes of a note whose text holds the placeholder's own marks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from draftkit.model.placeholders import (
    CLOSE,
    DRAWING,
    HASH,
    LABEL_KINDS,
    NOTE_KINDS,
    OBJECT,
    OPEN,
    LabelKind,
    NoteKind,
    found_in,
    hashed,
    inner,
    kind_of,
    labelled,
    labelled_opening,
    linked,
    missing,
    note,
    note_opening,
    read_hashed,
    read_labelled,
    read_note,
    spans,
    unmarked,
)

# Note texts as a document may hold them: brackets of every kind, newlines (an ODT line
# break), a colon, the label of another note, no marks of the placeholder's own.
TEXTS = [
    "",
    "A tachyon walks into a bar.",
    "Coordinates [to be agreed] (see {Annex} <I>) 【600,000】",
    "First line\nsecond line\r\n\tthird",
    "Endnote: not a label here",
    " spaced  twice ",
]
_NO_MARKS = st.text(alphabet=st.characters(blacklist_characters=OPEN + CLOSE, blacklist_categories=("Cs",)))


@pytest.mark.parametrize("kind", NOTE_KINDS)
@pytest.mark.parametrize("text", TEXTS)
def test_a_note_reads_back_as_written(kind: NoteKind, text: str) -> None:
    written = note(kind, text)
    assert written.startswith(note_opening(kind)) and written.endswith(CLOSE)
    assert read_note(written) == (kind, text)
    assert found_in(f"Ouch {written} . after") == [written]


@pytest.mark.parametrize("kind", LABEL_KINDS)
@pytest.mark.parametrize("text", TEXTS)
def test_an_object_shown_by_its_text_reads_back_as_written(kind: LabelKind, text: str) -> None:
    written = labelled(kind, text)
    assert written.startswith(labelled_opening(kind)) and written.endswith(CLOSE)
    assert read_labelled(written) == (kind, text)
    assert read_note(written) is None
    assert found_in(f"x{written}y") == [written]


def test_a_note_is_no_labelled_object() -> None:
    assert read_labelled(note("footnote", "equation: x")) is None


def test_the_written_form_is_the_readers_bytes() -> None:
    """What every reader wrote before this module, kept byte for byte."""
    assert note("footnote", "x") == "⟦Footnote: x⟧"
    assert note("endnote", "x y") == "⟦Endnote: x y⟧"
    assert note_opening("endnote") == "⟦Endnote: "
    assert labelled("equation", "(1)/(2)") == "⟦equation: (1)/(2)⟧"
    assert labelled("text box", "a b") == "⟦text box: a b⟧"
    assert labelled("WordArt", "DRAFT") == "⟦WordArt: DRAFT⟧"
    assert labelled("ruby", "kan") == "⟦ruby: kan⟧"
    assert hashed("image", "0a1b2c3d") == "⟦image sha256:0a1b2c3d⟧"
    assert missing("chart") == "⟦chart: missing⟧"
    assert linked("image", "https://example.org/a.png") == "⟦linked image: https://example.org/a.png⟧"
    assert (OBJECT, DRAWING) == ("⟦object⟧", "⟦drawing⟧")


@pytest.mark.parametrize("kind", ["image", "chart", "diagram", "Equation.3 object", "imported document"])
def test_an_object_shown_by_its_hash_reads_back(kind: str) -> None:
    written = hashed(kind, "0a1b2c3d")
    assert read_hashed(written) == (kind, "0a1b2c3d")
    assert kind_of(written) == kind
    assert HASH.findall(f"x {written} y") == ["0a1b2c3d"]
    assert read_hashed(missing(kind)) is None and read_hashed(note("footnote", kind)) is None


@pytest.mark.parametrize(
    ("placeholder", "kind"),
    [
        (note("endnote", "x: y"), "endnote"),
        (labelled("text box", "a"), "text box"),
        (labelled("WordArt", "DRAFT"), "WordArt"),
        (missing("image"), "image"),
        (linked("image", "a.png"), "linked image"),
        (OBJECT, "object"),
        (DRAWING, "drawing"),
        ("⟦⟧", "object"),
    ],
)
def test_the_kind_of_every_placeholder(placeholder: str, kind: str) -> None:
    assert kind_of(placeholder) == kind


@given(st.sampled_from(NOTE_KINDS), _NO_MARKS, _NO_MARKS, _NO_MARKS)
def test_any_note_text_without_marks_round_trips_between_any_text(
    kind: NoteKind, text: str, before: str, after: str
) -> None:
    written = note(kind, text)
    assert found_in(before + written + after) == [written]
    assert read_note(written) == (kind, text)


def test_a_note_holding_a_placeholder_reads_back_whole() -> None:
    """Balanced marks inside a note (an image in a footnote, an equation) are its text."""
    text = "see ⟦image sha256:0a1b2c3d⟧ and ⟦equation: ⟦x⟧⟧ here"
    written = note("footnote", text)
    assert found_in(f"a {written} b ⟦object⟧") == [written, "⟦object⟧"]
    assert read_note(written) == ("footnote", text)
    assert spans(f"a {written}") == [(2, 2 + len(written))]


def test_a_stray_closing_mark_ends_the_note_early() -> None:
    """The text is never rewritten: a '⟧' with none open inside a note's text closes its
    placeholder there. What follows is plain text, the note reads back cut short."""
    written = note("footnote", "A tachyon ⟧ walks into a bar.")
    text = f"Ouch {written} ."
    assert found_in(text) == ["⟦Footnote: A tachyon ⟧"]
    assert read_note(found_in(text)[0]) == ("footnote", "A tachyon ")


def test_a_stray_opening_mark_leaves_the_note_unclosed() -> None:
    """A '⟦' never closed inside a note's text: its placeholder is not found, nor any
    placeholder after it in the same text."""
    written = note("endnote", "A tachyon ⟦ walks")
    assert found_in(f"Ouch {written} . ⟦Endnote: Fin.⟧") == []
    assert found_in(f"⟦object⟧ {written}") == ["⟦object⟧"]


@pytest.mark.parametrize(
    "placeholder",
    [
        "⟦image sha256:0a1b2c3d⟧",
        "⟦equation: x⟧",
        "⟦Footnotes: x⟧",
        "⟦footnote: x⟧",
        "Footnote: x",
        "⟦Footnote: x",
    ],
)
def test_other_placeholders_are_no_note(placeholder: str) -> None:
    assert read_note(placeholder) is None


def test_marks_taken_off() -> None:
    assert inner("⟦object⟧") == "object"
    assert inner(note("footnote", "⟦x⟧")) == "Footnote: ⟦x⟧"
    assert unmarked("a ⟦image sha256:0a⟧ b ⟧") == "a image sha256:0a b "


def test_a_closing_mark_with_none_open_is_text() -> None:
    assert spans("a ⟧ b ⟦object⟧ ⟦") == [(6, 14)]
    assert found_in("no placeholder") == []
