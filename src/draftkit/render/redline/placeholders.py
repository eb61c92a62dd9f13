"""The reader's placeholders in a provision's text (`⟦Footnote: …⟧`, `⟦image sha256:…⟧`): where
they are, the text cut around them, and op streams re-diffed so that each is one unit.

The reader shows a note, an image or an object as a placeholder padded by a space from the
words around it; the redline writes the element itself, never the placeholder's text. Pure
functions of text, no document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from draftkit.compare.editorial import outermost
from draftkit.compare.textdiff import diff_words
from draftkit.render.redline.actions import Seg

_NOTE_OPEN = re.compile(r"⟦(Footnote|Endnote): ")


def placeholders(text: str) -> list[tuple[int, int]]:
    """The spans of the reader's placeholders in `text` (balanced: a note may hold an image's)."""
    return [(start, end) for start, end, _ in outermost(text, "⟦", "⟧")]


def split_placeholders(text: str) -> list[tuple[str, bool]]:
    """`text` cut into plain pieces and placeholders (True), in order; the reader's padding
    around a placeholder (the space on either side of one, which stands only between a
    placeholder and a non-space) left out."""
    out: list[tuple[str, bool]] = []
    last = 0
    for a, b in placeholders(text):
        cut = a - 1 if a > last and text[a - 1] == " " else a
        out.extend(((text[last:cut], False), (text[a:b], True)))
        last = b + 1 if b < len(text) and text[b] == " " else b
    out.append((text[last:], False))
    return out


def untracked_note(placeholder: str, kind: str) -> str:
    """What a comment says about an object the redline could not track."""
    match = _NOTE_OPEN.match(placeholder)
    if match:
        what = f"the {match[1].lower()} “{_short(placeholder[match.end() : -1])}”"
    else:
        what = f"an object ({placeholder.strip('⟦⟧')})"
    if kind in ("delete", "moveFrom"):
        return f"{what} stood here in the old text; its removal is not shown as a tracked deletion"
    return f"{what} is new here; it is not shown as a tracked insertion"


def _short(text: str) -> str:
    text = " ".join(text.replace("⟦", "").replace("⟧", "").split())
    return text if len(text) <= 60 else text[:59] + "…"


def note_body(placeholder: str) -> str:
    """The text of a note placeholder ('⟦Footnote: x⟧' → 'x')."""
    match = _NOTE_OPEN.match(placeholder.strip())
    return placeholder.strip()[match.end() : -1] if match else placeholder


def atomic_segs(segs: Sequence[Seg]) -> tuple[list[Seg], list[tuple[int, str, str]]]:
    """Ops re-diffed so that each placeholder is one unit, with the same new text. A note
    kept in place whose text changed becomes equal here, and is returned as (its offset in
    the new text, old placeholder, new placeholder) to revise inside the note part."""
    if not any("⟦" in t for _, t in segs):
        return list(segs), []
    old = "".join(t for k, t in segs if k in ("equal", "delete", "moveFrom"))
    new = "".join(t for k, t in segs if k in ("equal", "insert", "moveTo"))
    kinds = {k for k, _ in segs}
    if not kinds <= {"equal", "insert", "delete"}:
        return list(segs), []  # moves: left as they are
    table: dict[str, str] = {}

    def mask(text: str) -> tuple[str, list[str]]:
        found: list[str] = []
        out: list[str] = []
        last = 0
        for a, b in placeholders(text):
            piece = text[a:b]
            match = _NOTE_OPEN.match(piece)
            key = f"note:{match[1]}" if match else piece  # notes pair by kind, objects by content
            code = table.setdefault(key, chr(0xF0000 + len(table)))
            out.extend((text[last:a], code))
            found.append(piece)
            last = b
        out.append(text[last:])
        return "".join(out), found

    old_masked, old_found = mask(old)
    new_masked, new_found = mask(new)
    codes = set(table.values())
    result: list[Seg] = []
    edits: list[tuple[int, str, str]] = []
    oi = ni = 0
    pos = 0
    for kind, text in diff_words(old_masked, new_masked):
        pieces: list[str] = []
        for ch in text:
            if ch not in codes:
                pieces.append(ch)
                continue
            if kind == "equal":
                before, after = old_found[oi], new_found[ni]
                if before != after:
                    edits.append((pos + len("".join(pieces)), before, after))
                pieces.append(after)
                oi += 1
                ni += 1
            elif kind == "insert":
                pieces.append(new_found[ni])
                ni += 1
            else:
                pieces.append(old_found[oi])
                oi += 1
        piece = "".join(pieces)
        result.append((kind, piece))
        if kind != "delete":
            pos += len(piece)
    return result, edits
