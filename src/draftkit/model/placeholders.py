"""The reader's placeholders: what a provision's text holds, between `⟦` and `⟧`, where the
document has something that is not text there — a footnote or endnote set back at its call
(`⟦Footnote: …⟧`, `⟦Endnote: …⟧`), an object shown by the text it holds (`⟦equation: …⟧`,
`⟦ruby: …⟧`, `⟦WordArt: …⟧`, an ODT `⟦text box: …⟧`), an object shown by the content hash
of its part (`⟦image sha256:…⟧`; `⟦image: missing⟧`, `⟦linked image: …⟧`) or only named
(`⟦object⟧`, `⟦drawing⟧`). Written and read back here only: every reader (and the redline,
which shows a DOCX as the reader does) writes them with `note`, `labelled`, `hashed`,
`missing`, `linked`, `OBJECT`, `DRAWING`; every later stage finds them with `spans` /
`found_in` and reads them back with `read_note` / `read_labelled` / `read_hashed`.

A placeholder is one unit: the word diff, the flags and the redline treat it whole. The
text inside is written as the document has it, never rewritten; marks inside it that are
balanced (a note holding an image's placeholder) read back whole. A `⟧` with none open
inside a note's text ends the placeholder early when read back, and a `⟦` never closed
leaves it unclosed, so not found: draftkit does not change a document's characters to keep
its own marks apart (tests/test_placeholders.py shows both).

Pure functions of text; imports nothing of draftkit.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final, Literal, TypeVar

OPEN: Final = "\u27e6"  # ⟦
CLOSE: Final = "\u27e7"  # ⟧

NoteKind = Literal["footnote", "endnote"]
NOTE_KINDS: Final[tuple[NoteKind, ...]] = ("footnote", "endnote")
_MARKS: Final = re.compile(f"[{OPEN}{CLOSE}]")
# A note's placeholder opens with its kind as a label: "⟦Footnote: ".
_NOTE_OPENINGS: Final[dict[NoteKind, str]] = {kind: f"{OPEN}{kind.capitalize()}: " for kind in NOTE_KINDS}
# An object the reader shows by the text it holds, labelled by its kind: "⟦equation: ".
LabelKind = Literal["equation", "ruby", "WordArt", "text box"]
LABEL_KINDS: Final[tuple[LabelKind, ...]] = ("equation", "ruby", "WordArt", "text box")
_LABEL_OPENINGS: Final[dict[LabelKind, str]] = {kind: f"{OPEN}{kind}: " for kind in LABEL_KINDS}
# An object of a kind draftkit cannot read (DOCX), a drawing neither text box nor image (ODT).
OBJECT: Final = f"{OPEN}object{CLOSE}"
DRAWING: Final = f"{OPEN}drawing{CLOSE}"
# A content hash as a placeholder writes it, wherever it stands in a text ("sha256:0a1b2c3d").
HASH: Final = re.compile(r"sha256:([0-9a-f]+)")
_HASHED: Final = re.compile(r"^(?P<kind>.+?) sha256:(?P<digest>[0-9a-f]+)$")


def note(kind: NoteKind, text: str) -> str:
    """A footnote's or endnote's placeholder: `note("footnote", "x")` is '⟦Footnote: x⟧'."""
    return f"{_NOTE_OPENINGS[kind]}{text}{CLOSE}"


def note_opening(kind: NoteKind) -> str:
    """What every placeholder of a note of `kind` opens with ('⟦Footnote: ')."""
    return _NOTE_OPENINGS[kind]


def read_note(placeholder: str) -> tuple[NoteKind, str] | None:
    """A note placeholder's kind and text ('⟦Footnote: x⟧' → ("footnote", "x")); None for
    any other placeholder."""
    return _opened(placeholder, _NOTE_OPENINGS)


def labelled(kind: LabelKind, text: str) -> str:
    """An object shown by its text: `labelled("equation", "(1)/(2)")` is '⟦equation: (1)/(2)⟧'."""
    return f"{_LABEL_OPENINGS[kind]}{text}{CLOSE}"


def labelled_opening(kind: LabelKind) -> str:
    """What every placeholder of an object of `kind` shown by its text opens with ('⟦equation: ')."""
    return _LABEL_OPENINGS[kind]


def read_labelled(placeholder: str) -> tuple[LabelKind, str] | None:
    """The kind and text of an object's placeholder that shows its text ('⟦ruby: x⟧' →
    ("ruby", "x")); None for any other (a note's: `read_note`)."""
    return _opened(placeholder, _LABEL_OPENINGS)


_K = TypeVar("_K", bound=str)


def _opened(placeholder: str, openings: Mapping[_K, str]) -> tuple[_K, str] | None:
    """The kind whose opening `placeholder` starts with, and the text inside it."""
    if placeholder[:1] != OPEN or placeholder[-1:] != CLOSE:
        return None
    for kind, opening in openings.items():
        if placeholder.startswith(opening):
            return kind, placeholder[len(opening) : -1]
    return None


def hashed(kind: str, digest: str) -> str:
    """An object shown by the content hash of its part (the readers give the first 8 hex
    digits of its SHA-256): `hashed("image", "0a1b2c3d")` is '⟦image sha256:0a1b2c3d⟧'."""
    return f"{OPEN}{kind} sha256:{digest}{CLOSE}"


def missing(kind: str) -> str:
    """An object whose part the file does not hold: '⟦image: missing⟧'."""
    return f"{OPEN}{kind}: missing{CLOSE}"


def linked(kind: str, target: str) -> str:
    """An object linked from outside the file: '⟦linked image: https://…/map.png⟧'."""
    return f"{OPEN}linked {kind}: {target}{CLOSE}"


def read_hashed(placeholder: str) -> tuple[str, str] | None:
    """The kind and digest of an object shown by its content hash ('⟦image sha256:0a1b⟧' →
    ("image", "0a1b")); None for any other."""
    found = _HASHED.match(inner(placeholder))
    return (found["kind"], found["digest"]) if found is not None else None


def kind_of(placeholder: str) -> str:
    """What a placeholder stands for, in a reader's words: 'image', 'linked image',
    'footnote', 'equation', 'WordArt', 'object'."""
    if (found := read_hashed(placeholder)) is not None:
        return found[0]
    if (note := read_note(placeholder)) is not None:
        return note[0]
    if (shown := read_labelled(placeholder)) is not None:
        return shown[0]
    return inner(placeholder).split(":", 1)[0].strip() or "object"


def spans(text: str) -> list[tuple[int, int]]:
    """The outermost placeholders of `text`, in order: (start, end past its `⟧`). Marks
    nest (a note may hold an image's placeholder); a `⟧` with none open is text, and a `⟦`
    never closed opens none."""
    out: list[tuple[int, int]] = []
    if OPEN not in text:
        return out
    depth = start = 0
    for mark in _MARKS.finditer(text):
        if mark.group() == OPEN:
            if depth == 0:
                start = mark.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                out.append((start, mark.end()))
    return out


def found_in(text: str) -> list[str]:
    """The outermost placeholders of `text`, marks included, in order."""
    return [text[a:b] for a, b in spans(text)]


def inner(placeholder: str) -> str:
    """A placeholder without its outer marks ('⟦object⟧' → 'object')."""
    return placeholder[1:-1]


def unmarked(text: str) -> str:
    """`text` with every placeholder mark taken out (a note's text quoted without the
    marks of the placeholders it holds)."""
    return text.replace(OPEN, "").replace(CLOSE, "")
