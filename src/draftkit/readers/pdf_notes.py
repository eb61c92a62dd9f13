"""The PDF reader's reading notes: what a PDF's text layer and layout do not show, so that
the reader had to guess it, said once per draft, located at its first line (code `layout`,
refused by `--strict` like any guess of structure).

- Where a paragraph ends: a line that stops short of the margin without ending a sentence,
  no further from the next line than lines are, ends its paragraph (Word's, with no spacing
  after it) or only its line (a line break); the page does not tell them apart
  (`readers.pdf._starts_paragraph` decides, and hands on what it guessed).
- Right-to-left text (Hebrew, Arabic …): read in the order the PDF holds its characters,
  which need not be the order shown (brackets mirrored, runs of Latin letters or digits
  inside it reversed).
- A text of a few lines (under `_FEW_LINES`): its line spacing and right edge are measured
  on those lines, often on the very line judged; where a line ran on into one that does not
  go on in lower case, said.
- A word a narrow table cell breaks for want of room, without a hyphen: a line of one word
  that fills its cell, then more of its cell below, may be a word broken at the cell's edge
  ('Thi' / 's') or a word followed by the next; read as two words (unless the document writes
  the joined word elsewhere: `pdf_joins.cell_break` reads it whole, and says nothing).
- A word broken after a hyphen at a line's end where neither the page, nor the document, nor
  the word shows whether the hyphen is the word's own or a typesetter's hyphenation
  (`pdf_hyphens`: 'de-' + 'escalation' in a PDF whose producer is not known to tell them
  apart): one note a draft, naming the words as read, with the hyphen or without.

Takes the paragraph stage's lines, guesses and paragraphs, and the hyphens' guesses;
returns `ReadWarning`s.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from draftkit.model import Location, ReadWarning
from draftkit.readers.pdf_footnotes import plain

if TYPE_CHECKING:
    from draftkit.readers.pdf import _Line

# Scripts written right to left: Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic,
# and their presentation forms.
_FEW_LINES = 8  # a text of fewer lines than this gives too few to measure its spacing and edge
_NAMED = 8  # words a note names, at most
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def notes(
    guesses: list[tuple[_Line, _Line, bool]],
    lines: list[_Line],
    paragraphs: list[tuple[int, str]],
    hyphens: Sequence[tuple[_Line | None, str]] = (),
) -> list[ReadWarning]:
    """The notes on one PDF: `guesses` as `_starts_paragraph` hands them on (the line that
    stops short, the next, whether a paragraph was taken to end), `lines` the lines read (a
    line's number is its place there, from 1), `paragraphs` (first line, text) as read,
    `hyphens` the words broken at a hyphen whose reading was a guess (`pdf_hyphens`)."""
    found = [
        _paragraph_ends(guesses, lines),
        _right_to_left(paragraphs),
        _broken_in_cells(lines),
        _hyphens_guessed(hyphens, lines),
        None if guesses else _few_lines(lines, paragraphs),
    ]
    return [note for note in found if note is not None]


def _paragraph_ends(guesses: list[tuple[_Line, _Line, bool]], lines: list[_Line]) -> ReadWarning | None:
    if not guesses:
        return None
    ended = sum(1 for _, _, ends in guesses if ends)
    first, after, _ = guesses[0]
    number = next(n for n, line in enumerate(lines, start=1) if line is first)
    read = [f"{len(guesses) - ended} read as going on into the next line"] if ended < len(guesses) else []
    read += [f"{ended} as ending their paragraph"] if ended else []
    return ReadWarning(
        "layout",
        f"{len(guesses)} line(s) stop short of the margin without ending a sentence, no further from the"
        " next than lines are: a PDF does not show whether a paragraph ends there (with no spacing after"
        f" it) or only its line (a line break); {', '.join(read)} (first: {_clipped(first.text)}, then"
        f" {_clipped(after.text)})",
        Location(line=number),
    )


def _right_to_left(paragraphs: list[tuple[int, str]]) -> ReadWarning | None:
    found = [(start, text) for start, text in paragraphs if _RIGHT_TO_LEFT.search(text)]
    if not found:
        return None
    start, text = found[0]
    return ReadWarning(
        "layout",
        f"right-to-left text ({len(found)} paragraph(s), first: {_clipped(text)}) is read in the order"
        " the PDF holds its characters, which may not be the order shown: brackets may read mirrored,"
        " and words in another script or numbers inside it reversed",
        Location(line=start),
    )


def _broken_in_cells(lines: list[_Line]) -> ReadWarning | None:
    found = []
    for number, (a, b) in enumerate(itertools.pairwise(lines), start=1):
        edge = a.inner or (a.limit - a.size if a.cell else 0.0)
        if not edge or a.broke or " " in a.text or len(a.text) < 2 or not b.text[:1].isalnum():
            continue
        below = b.page == a.page and b.column == a.column and a.y - 2 * a.size < b.y < a.y
        if below and abs(b.x - a.x) < 0.5 * a.size and a.right >= edge - (a.right - a.x) / len(a.text):
            found.append((number, a.text, b.text))
    if not found:
        return None
    number, first, then = found[0]
    return ReadWarning(
        "layout",
        f"{len(found)} line(s) of one word fill their table cell, with more of the cell below: a word"
        " may be broken there for want of room, without a hyphen, or end where the next begins; read as"
        f" separate words (first: {_clipped(first)}, then {_clipped(then)})",
        Location(line=number),
    )


def _hyphens_guessed(guessed: Sequence[tuple[_Line | None, str]], lines: list[_Line]) -> ReadWarning | None:
    if not guessed:
        return None
    first = guessed[0][0]
    number = next((n for n, line in enumerate(lines, start=1) if line is first), None)
    words = list(dict.fromkeys(word for _, word in guessed))
    named = ", ".join(_clipped(word, 30) for word in words[:_NAMED]) + (", …" if len(words) > _NAMED else "")
    return ReadWarning(
        "layout",
        f"{len(guessed)} word(s) broken after a hyphen at a line's end, where the PDF does not show"
        " whether the hyphen is the word's own or a typesetter's hyphenation: read as the page shows"
        " them, with the hyphen, unless the document's typesetter hyphenates and the rest is no word"
        f" it writes; read {named}",
        Location(line=number) if number is not None else None,
    )


def _few_lines(lines: list[_Line], paragraphs: list[tuple[int, str]]) -> ReadWarning | None:
    """A text of fewer than `_FEW_LINES` lines whose reading ran a line on into a next one
    that does not go on in lower case (and no other guess said so): its line spacing and right edge are measured on those few lines, often on the very line
    judged (Open-Xml-PowerTools' WC001, DA256, DA259: one-line paragraphs read as one)."""
    if len(lines) >= _FEW_LINES:
        return None
    starts = [start for start, _ in paragraphs] + [len(lines) + 1]
    # A line run on into one that does not go on in lower case: a paragraph's end as likely.
    joined = [
        number
        for start, end in itertools.pairwise(starts)
        for number in range(start, end - 1)
        if number < len(lines) and not lines[number].text[:1].islower()
    ]
    if not joined:
        return None
    first = joined[0]
    return ReadWarning(
        "layout",
        f"the text has only {len(lines)} line(s), too few to measure its line spacing and right edge:"
        f" whether a line ends its paragraph is a guess there; {len(joined)} line(s) read as running on"
        f" into the next (first: {_clipped(lines[first - 1].text)}, then {_clipped(lines[first].text)})",
        Location(line=first),
    )


def _clipped(text: str, most: int = 40) -> str:
    text = plain(text)
    return repr(text if len(text) <= most else text[: most - 1] + "…")
