"""The PDF reader's joins (`readers.pdf`, stage 5): a line that goes on with the paragraph
before it joined to it — with a space, or with none where the page shows a word or a run of
text broken at the line's end rather than a space: a typesetter's hyphenation (undone), a
slash, Chinese or Japanese text, an em dash set close, and a word a narrow table cell broke
for want of room, without a hyphen, where the document writes the whole word elsewhere.

A space the PDF holds at a line's end (`_Line.spaced`: LibreOffice keeps the space a line
breaks at, though not on every line) says the line broke at a space: no join there drops it.

Takes the reader's lines (`readers.pdf._Line`) and paragraph text; returns text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from draftkit.readers.pdf import _Line

# Prefixes whose hyphen is part of the word: "non-\naggression" stays "non-aggression".
_HYPHEN_PREFIXES = frozenset(
    ("all", "anti", "co", "counter", "cross", "ex", "extra", "inter", "intra", "multi", "non", "post",
     "pre", "pro", "quasi", "re", "self", "semi", "sub", "super", "trans", "ultra", "vice", "well")
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Chinese and Japanese script and punctuation (Han, kana, CJK and full-width forms; not
# Hangul: Korean puts spaces between its words): a line broken between two of these
# characters was broken inside a run of text with no space in it.
_UNSPACED = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_DASHES = "\u2014\u2013"  # em and en dash: a line may break after one set close ("1990–" / "2000")
_LETTERS = re.compile(r"[^\W\d_]+")
_HEAD = re.compile(r"[^\W\d_]+$")  # the letters a line ends with
_TAIL = re.compile(r"^[^\W\d_]+")  # the letters a line starts with
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+")  # "TotalQuantity": "Total", "Quantity"


def vocabulary(lines: Iterable[_Line]) -> set[str]:
    """Lower-case words (hyphenated ones whole) standing inside lines, not split at their end."""
    words: set[str] = set()
    for line in lines:
        found = _WORD.findall(line.text.lower())
        if line.text.endswith("-") and found:
            found.pop()
        words.update(found)
    return words


def broken_word(text: str) -> bool:
    """Whether a line ends inside a word broken at a hyphen or after a slash ("implemen-",
    "and/"): a word that did not fit on it."""
    return len(text) > 1 and text[-1] in "-/\u00ad" and not text[-2].isspace()


def join(text: str, line: str, vocabulary: set[str], *, spaced: bool = False, glued: bool = False) -> str:
    """`line` appended to `text`: with a space, or straight after an end-of-line hyphen, a
    slash, an em dash, or Chinese or Japanese text; `spaced`: the line before ended with a
    space the PDF holds; `glued`: a word a cell broke (`cell_break`).

    "implemen-" + "tation" loses the hyphen; "non-" + "aggression" keeps it. The document
    decides first (the joined word or the hyphenated form written elsewhere in it); else a
    hyphen after a known prefix, or before a capital or digit, is a real one; else the line
    break was a typesetter's hyphenation. A soft hyphen (U+00AD) always goes. A word may
    break after a slash ("and/" + "or", "./" + "ProductDescription" in a narrow cell) and
    Chinese or Japanese text between any two characters ("最佳" + "效果"): no space then.
    A line may break before or after an em dash set close to its words ("at first" +
    "—you have", "first—" + "you"; after an en dash: "1990–" + "2000"): none either, unless
    the PDF holds the space (`spaced`); a dash set apart ("first —" + "you") keeps it.
    """
    if glued:
        return text + line
    if text.endswith("\u00ad"):
        return text[:-1] + line
    if broken_word(text) and text[-1] == "/":
        return text + line
    if _UNSPACED.match(text[-1]) and _UNSPACED.match(line[0]):
        return text + line
    if not spaced and _close_dash(text, line):
        return text + line
    if not (text.endswith("-") and len(text) > 1 and text[-2].isalpha()):
        return f"{text} {line}"
    head = _HEAD.search(text, _letters_from(text, len(text) - 1), len(text) - 1)
    tail = _WORD.match(line.lower())
    if not head or not tail or not line[0].islower():
        return text + line  # "COVID-" + "19", "Franco-" + "German": a real hyphen
    left, right = head.group().lower(), tail.group().split("-", 1)[0]
    if f"{left}-{right}" in vocabulary:
        return text + line
    if f"{left}{right}" in vocabulary or left not in _HYPHEN_PREFIXES:
        return text[:-1] + line
    return text + line


_LETTER = re.compile(r"[^\W\d_]")


def _letters_from(text: str, end: int) -> int:
    """Where the letters standing right before `end` begin: the paragraph's last word is read
    from there, not found again in all its text for each line (8,000 hyphenated lines in one
    paragraph took 50 s)."""
    start = end
    while start and _LETTER.match(text, start - 1):
        start -= 1
    return start


def _close_dash(text: str, line: str) -> bool:
    """Whether the line break stands beside a dash set close on both sides: after one that
    follows a word ('first—' + 'you'), or before an em dash a word follows ('first' + '—you')."""
    if len(text) > 1 and text[-1] in _DASHES and text[-2].isalnum() and not line[0].isspace():
        return True
    return (
        len(line) > 1
        and line[0] == "\u2014"
        and line[1].isalnum()
        and not text[-1].isspace()
        and text[-1] not in _DASHES
    )


class Words:
    """The document's words as a narrow cell's break is judged against them, counted once
    asked (a break is rare): every word, with the parts of a camel-case one ("TotalQuantity":
    "total", "quantity"), and the words standing inside a line (neither its first nor last)."""

    def __init__(self, lines: Sequence[_Line]) -> None:
        self._lines = lines
        self._every: Counter[str] | None = None
        self._inner: set[str] = set()

    def _count(self) -> Counter[str]:
        if self._every is None:
            every: Counter[str] = Counter()
            for line in self._lines:
                found = _LETTERS.findall(line.text)
                self._inner.update(word.lower() for word in found[1:-1])
                for word in found:
                    every[word.lower()] += 1
                    if not word.islower() and not word.isupper() and word[1:] != word[1:].lower():
                        every.update(part.lower() for part in _CAMEL.findall(word))
            self._every = every
        return self._every

    def known(self, word: str) -> bool:
        """Whether the document writes `word` (lower case) as a word or a camel-case part."""
        return word in self._count()

    def inside(self, word: str) -> bool:
        """Whether `word` (lower case) stands inside a line somewhere: a word, not a piece."""
        self._count()
        return word in self._inner


def cell_break(previous: _Line, line: _Line, words: Words) -> bool:
    """Whether `previous`, a line of one word, and `line` below it at its left edge (a narrow
    table cell's, or a column's) are one word broken for want of room, without a hyphen
    ('Thi' + 's', 'Select="./TotalQuanti' + 'ty"/>'): the line before ends in a letter with
    no space the PDF holds after it, this one goes on in lower case, and the document writes
    the joined word elsewhere ('This', 'Quantity' in 'TotalQuantity') while the two pieces
    do not both stand as words inside lines ('in' + 'to'). Otherwise two words, as the page
    may mean them (`pdf_notes` says so where the line fills its cell)."""
    a, b = previous, line
    if a.spaced or " " in a.text or len(a.text) < 2 or not b.text[:1].islower():
        return False
    if (
        b.page != a.page
        or b.column != a.column
        or not a.y - 2 * a.size < b.y < a.y
        or abs(b.x - a.x) > 0.5 * a.size
    ):
        return False
    head, tail = _HEAD.search(a.text), _TAIL.match(b.text)
    if head is None or tail is None:
        return False
    left, right = head.group(), tail.group().lower()
    camel = _CAMEL.findall(left)
    joined = {(left + right).lower(), (camel[-1] + right).lower() if camel else ""}
    if not any(word and words.known(word) for word in joined):
        return False
    return not (words.inside(left.lower()) and words.inside(right))


__all__ = ["Words", "broken_word", "cell_break", "join", "vocabulary"]
