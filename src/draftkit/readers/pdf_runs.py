"""The PDF reader's runs (`readers.pdf`, stage 2): the text runs PDFium gives on one baseline
joined into a line's text — a space between two runs only where the page shows a gap
(`joined`, `needs_space`), a list bullet before a tab left out (`bullet`), a tab's leader
read as the tab it stands for (`led`).

A run is (x, y, size, right, text): where its glyphs start and end, its baseline and size.
"""

from __future__ import annotations

import re
from typing import Any

from draftkit.model.numbering import parse_label

Run = tuple[float, float, float, float, str]

SPACE_GAP = 0.15  # ems between two runs' glyphs that show a space (a space is 0.2-0.33 em)
# Bullets Word and LibreOffice put before a list item: Unicode, and the Symbol and Wingdings
# glyphs a PDF keeps as private-use characters (U+F0B7 is Symbol's bullet, U+F0A7 Wingdings'
# square, U+F076 its diamond, U+F0D8 and U+F0E0 arrows, U+F0FC its tick).
_BULLET_GLYPHS = frozenset("•◦▪▫■□●○◆◇►▸‣⁃∙·–-*➢➤✓✔o\uf0b7\uf0a7\uf076\uf0d8\uf0e0\uf0fc\uf06e\uf071\uf0a8")
_BULLET_GAP = 0.8  # ems between a list bullet and its text, at least (a tab; a space is 0.25)
# A tab's leader as Word and LibreOffice draw it: a run of dots, middle dots, hyphens or
# underscores alone, between the text before the tab and the text at its stop.
LEADER = re.compile(r"[.·…_\-]{4,}")


def led(before: Run, after: list[list[Any]], right: float, size: float) -> bool:
    """Whether a run of leader characters ending at `right` is a tab's leader: it follows the
    run `before` and the next run (`after`, one or none) stands on its baseline, each within
    an em of it (dots typed to be filled in end their line, or stand in their text's run)."""
    if not after or len(after[0]) < 5 or not str(after[0][4]).strip():
        return False
    x, y = float(after[0][0]), float(after[0][1])
    return abs(y - before[1]) <= 0.4 * size and 0 <= x - right <= size


def joined(runs: list[Run]) -> str:
    """The runs' texts as one, with a space between two runs only where the page shows one:
    a space at the end of a run, or a run of spaces alone, stands for a gap of `SPACE_GAP`
    em or more between the glyphs around it. PDFium puts a space after a run where the next
    overlaps or touches it (the runs of a hyperlink, drawn twice by LibreOffice: 'pro vid es'
    for "provides"); a run's own leading space, and one `needs_space` added, are kept."""
    pieces: list[str] = []
    left = right = 0.0
    spaced = False
    for x, _, size, run_right, text in runs:
        if not text.strip():
            spaced = True
            continue
        if pieces:
            # Right-to-left text goes leftwards from run to run: its spaces are kept as given.
            wide = x < left or x - right >= SPACE_GAP * size
            if pieces[-1][-1].isspace() and not wide and not text[0].isspace():
                pieces[-1] = pieces[-1].rstrip()
            elif spaced and wide and not pieces[-1][-1].isspace():
                pieces.append(" ")
        pieces.append(text)
        left, right, spaced = x, max(run_right, x), False
    return "".join(pieces)


def bullet(runs: list[Run]) -> bool:
    """Whether a line's first run is a list bullet: one bullet glyph (Word's defaults: the
    Symbol font's bullet, Courier New's "o", Wingdings' square, arrow and tick, which PDFs
    hold as private-use characters, and any other glyph of a symbol font, U+F020-U+F0FF) with
    a tab's width before the text. A Word list's bullet is no part of its paragraph's text
    (the DOCX reader shows none), so it is left out; a bullet typed before the text, with a
    space, stays and is read as a bullet label."""
    glyphs = [index for index, run in enumerate(runs) if run[4].strip()]
    glyph = runs[glyphs[0]][4].strip() if glyphs else ""
    if len(glyphs) < 2 or not (glyph in _BULLET_GLYPHS or "\uf020" <= glyph <= "\uf0ff"):
        return False
    first, text = runs[glyphs[0]], runs[glyphs[1]]
    return text[0] - first[3] >= _BULLET_GAP * first[2]


def needs_space(current: list[Run], x: float, part: str) -> bool:
    """Whether a run placed on its own (a tab stop, a font change) needs a space before it.

    PDFium ends a run with a space when a gap follows it, but not for a narrow tab ("Article
    10" then "Withdrawal" one tab stop on); a mid-word change of font looks the same, so a
    space goes in only where a word cannot continue: after a whole label ("Article 10",
    "(a)", "2.1"), between a digit or lower-case letter and a capital a gap apart, or across
    a gap of an em or more, wider than any space (the narrow cells of a table without
    borders: 'a', 'b', 'c' read 'abc').
    """
    before = "".join(run[4] for run in current)
    if x <= current[-1][0] or not before or before[-1].isspace() or part[0].isspace():
        return False
    found = parse_label(before.strip())
    if found is not None and not found[1]:
        return True
    # A capital straight after the glyphs before it (no gap: a font change, "VideoVideo" in
    # bold then roman) goes on the word.
    gap = x - current[-1][3]
    if gap >= current[-1][2]:
        return True
    wide = gap >= SPACE_GAP * current[-1][2]
    return (before[-1].isdigit() or before[-1].islower()) and part[0].isupper() and wide


__all__ = ["LEADER", "SPACE_GAP", "bullet", "joined", "led", "needs_space"]
