"""The contract between readers and `structure`: a flat list of paragraphs with hints."""

from __future__ import annotations

from draftkit.model import Location
from draftkit.records import record


@record
class Block:
    """One paragraph as a reader saw it.

    `text` is the visible text without any automatic number. `auto_label` is the number a
    word processor displays in front of it ("Article 3", "2.1", "(b)"), computed by the
    reader; None when the paragraph has no automatic number (a typed number stays in
    `text` and `structure` finds it). `auto_level` is the list level (0-based) of that
    number, and `auto_list` the list it belongs to (Word's abstractNum): together they,
    not the look of the label, decide nesting. `heading_level` is 1..9 from a heading style, an outline level or a Markdown
    '#'; `title` marks a Title style or a Markdown '# ' first line.
    """

    text: str
    location: Location
    auto_label: str | None = None
    auto_level: int | None = None
    auto_list: int | None = None
    heading_level: int | None = None
    style: str | None = None
    title: bool = False
    indent: int = 0
    """Leading spaces of a text line: an indented unnumbered line under a point is its
    sub-paragraph, not more of its text."""


def is_all_caps(text: str) -> bool:
    """A title line such as 'SECURITY GUARANTEES': at least three letters, none lower case."""
    if len(text) > 200:  # first: a 42 MB paragraph's letters are not listed four times over
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)
