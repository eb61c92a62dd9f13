"""The reader's placeholders in a provision's text (`⟦Footnote: …⟧`, `⟦image sha256:…⟧`,
found and read by `model.placeholders`): the text cut around them, and op streams re-diffed
so that each is one unit.

The reader shows a note, an image or an object as a placeholder padded by a space from the
words around it; the redline writes the element itself, never the placeholder's text. Pure
functions of text, no document.
"""

from __future__ import annotations

from collections.abc import Sequence

from draftkit.compare.textdiff import diff_words
from draftkit.model.placeholders import CLOSE, OPEN, read_note, spans, unmarked
from draftkit.render.redline.actions import Seg


def split_placeholders(text: str) -> list[tuple[str, bool]]:
    """`text` cut into plain pieces and placeholders (True), in order; the reader's padding
    around a placeholder (the space on either side of one, which stands only between a
    placeholder and a non-space) left out."""
    out: list[tuple[str, bool]] = []
    last = 0
    for a, b in spans(text):
        cut = a - 1 if a > last and text[a - 1] == " " else a
        out.extend(((text[last:cut], False), (text[a:b], True)))
        last = b + 1 if b < len(text) and text[b] == " " else b
    out.append((text[last:], False))
    return out


def untracked_note(placeholder: str, kind: str) -> str:
    """What a comment says about an object the redline could not track."""
    note = read_note(placeholder)
    if note is not None:
        what = f"the {note[0]} “{_short(note[1])}”"
    else:
        what = f"an object ({placeholder.strip(OPEN + CLOSE)})"
    if kind in ("delete", "moveFrom"):
        return f"{what} stood here in the old text; its removal is not shown as a tracked deletion"
    return f"{what} is new here; it is not shown as a tracked insertion"


def _short(text: str) -> str:
    text = " ".join(unmarked(text).split())
    return text if len(text) <= 60 else text[:59] + "…"


def note_body(placeholder: str) -> str:
    """The text of a note placeholder ('⟦Footnote: x⟧' → 'x')."""
    note = read_note(placeholder.strip())
    return note[1] if note is not None else placeholder


def atomic_segs(segs: Sequence[Seg]) -> tuple[list[Seg], list[tuple[int, str, str]]]:
    """Ops re-diffed so that each placeholder is one unit, with the same new text. A note
    kept in place whose text changed becomes equal here, and is returned as (its offset in
    the new text, old placeholder, new placeholder) to revise inside the note part."""
    if not any(OPEN in t for _, t in segs):
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
        for a, b in spans(text):
            piece = text[a:b]
            note = read_note(piece)
            key = f"note:{note[0]}" if note is not None else piece  # notes pair by kind, objects by content
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
