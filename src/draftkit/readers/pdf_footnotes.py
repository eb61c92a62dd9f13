"""The PDF reader's footnotes and endnotes (`readers.pdf`, before its lines are made): each
note's text set back at its call, as the DOCX reader reads a Word file's notes
(`⟦Footnote: …⟧`, `⟦Endnote: …⟧`), so that a Word round and a PDF round of the same text read
the same, and a PDF round read against another whose notes fall on other pages too.

A call is a short marker ('1', 'iv', '*') set smaller and higher than the text beside it (a
superscript). Footnotes stand at a page's foot below the separator rule (a short rule drawn
from the left of the notes) and each starts with its marker at the notes' left edge, in the
order of the page's calls; endnotes fill the document's last pages from the top of a page,
each starting with its marker there, in the order of the calls left without a footnote. A
note is set back only when its marker answers the next call in order, and an area only when
it answers every call it holds: otherwise the page is read as before, the notes as text of
their own. A line far below the notes (a page footer: more than `_FOOT_GAP` lines' spacing
on) is no part of them.

In the runs the reader makes lines of, a call set back is one private-use character
(`NOTE_BASE` + its index), as narrow as the marker it stands for, so that measuring a line
is not upset by the note's text; `set_back` puts the notes there in each paragraph's text.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from typing import Any

from draftkit.model import placeholders
from draftkit.readers.pdf_runs import joined

NOTE_BASE = 0xF0000
"""A call set back stands in a line's text as chr(NOTE_BASE + its note's index)."""
_STAND_INS = re.compile("[\U000f0000-\U000ffffd]")
_MARKER = re.compile(r"\d{1,4}|[ivxlc]{1,6}|[IVXLC]{1,6}|[*†‡§¶]{1,3}")
_SMALLER = 0.8  # a call's size, at most, of the text beside it
_RAISED = 0.15  # ems of that text its baseline stands above, at least
_FOOT_GAP = 2.5  # a step this many times the size above it parts a footer from the notes
_SEPARATOR = 0.5  # a footnote separator is at most this share of the page's width
_SEPARATOR_SHORTEST = 20.0  # points
# Runs read a page in looking for its separator (each rule tried reads the page's runs): every
# rule of an ordinary page is tried, at least the lowest 12 of any.
_SEPARATOR_READS = 1_000_000
_SEPARATORS_TRIED = 12

Run = list[Any]  # x, y, size, right, text (as `pdf_engine` gives them)


def _marker(run: Run) -> str | None:
    text = str(run[4]).strip()
    return text if _MARKER.fullmatch(text) else None


def _beside(run: Run, other: Run) -> bool:
    """Whether `run` is set smaller and higher than `other`, on its line (a superscript)."""
    size = float(other[2])
    return (
        bool(str(other[4]).strip())
        and 0 < float(run[2]) <= _SMALLER * size
        and _RAISED * size <= float(run[1]) - float(other[1]) <= 0.6 * size
    )


def _calls(runs: Sequence[Run]) -> list[int]:
    """Indices of the runs that may be note calls: a marker set as a superscript of the run
    before or after it."""
    found = []
    for index, run in enumerate(runs):
        if _marker(run) is None:
            continue
        before = runs[index - 1] if index else None
        after = runs[index + 1] if index + 1 < len(runs) else None
        if (before is not None and _beside(run, before)) or (after is not None and _beside(run, after)):
            found.append(index)
    return found


def _cut_footer(area: list[int], runs: Sequence[Run]) -> list[int]:
    """The area's runs down to a gap wider than the notes' lines leave (a page footer after)."""
    by_y = sorted(area, key=lambda index: -float(runs[index][1]))
    kept = by_y[:1]
    for above, below in itertools.pairwise(by_y):
        step = float(runs[above][1]) - float(runs[below][1])
        if step > _FOOT_GAP * max(float(runs[above][2]), 1.0):
            break
        kept.append(below)
    keep = set(kept)
    return [index for index in area if index in keep]


def _notes_in(
    area: list[int], runs: Sequence[Run], expected: list[str]
) -> list[tuple[str, list[Run]]] | None:
    """The notes of an area (run indices in stream order), each (marker, its runs), when its
    first run is the marker of the first expected call and each note starts at the area's
    left edge with the next one's; None when the area is not so."""
    if not area or _marker(runs[area[0]]) != (expected[0] if expected else None):
        return None
    left = min(float(runs[index][0]) for index in area)
    notes: list[tuple[str, list[Run]]] = []
    wanted = iter(expected)
    following = next(wanted, None)
    for index in area:
        run = runs[index]
        at_edge = float(run[0]) <= left + 1
        if following is not None and _marker(run) == following and at_edge:
            notes.append((following, []))
            following = next(wanted, None)
        elif at_edge and notes and _marker(run) == _after(notes[-1][0]):
            # the count goes on past the calls ("2 …", "3 …" for one call "2"): a numbered list
            # or a table's rows under a rule, not notes
            return None
        elif notes:
            notes[-1][1].append(run)
    return notes


_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv")
_FIRST = frozenset({"1", "i", "I", "*"})  # the marker a document's first note is given


def _after(marker: str) -> str | None:
    """The marker that follows `marker` in its count ('2' after '1', 'iv' after 'iii', '**'
    after '*'), or None where that is not known."""
    if marker.isdigit():
        return str(int(marker) + 1)
    roman = marker.lower()
    if roman in _ROMAN[:-1]:
        following = _ROMAN[_ROMAN.index(roman) + 1]
        return following if marker.islower() else following.upper()
    if len(set(marker)) == 1 and marker[0] in "*†‡§¶":
        return marker + marker[0]
    return None


def _text(runs: list[Run]) -> str:
    """A note's text: its runs' lines (runs on one baseline) one after the other."""
    lines: list[list[Any]] = []
    for run in runs:
        if lines and abs(float(run[1]) - float(lines[-1][-1][1])) <= 0.4 * max(float(run[2]), 1.0):
            lines[-1].append(run)
        else:
            lines.append([run])
    texts = [joined([tuple(run) for run in line]) for line in lines]
    return " ".join(" ".join(texts).split())


def find(
    pages: list[list[Run]], rules: Sequence[Sequence[Sequence[float]]], widths: Sequence[float]
) -> list[str]:
    """Sets back the notes of `pages` (each page's runs, changed in place: a call answered by
    a note becomes its stand-in, the note's runs go); returns each note as the reader shows
    it ('⟦Footnote: …⟧'), by index."""
    shown: list[str] = []
    if any(_STAND_INS.search(str(run[4])) for runs in pages for run in runs):
        # The PDF holds characters of the stand-ins' own plane: one would be read as a note's
        # call and replaced by its text. Its notes are read as text where they stand.
        return shown
    waiting: list[tuple[int, Run, str]] = []  # calls no footnote answered: (page, run, marker)
    for number, runs in enumerate(pages):
        calls = _calls(runs)
        if not calls:
            continue
        width = widths[number] if number < len(widths) else 612.0
        drawn = rules[number] if number < len(rules) else ()
        called = [runs[index] for index in calls]
        taken = _footnotes(runs, calls, drawn, width, shown)
        # a note's own raised marker, gone with its note, calls nothing
        kept = {id(run) for run in runs} - taken  # (once: not per call, 16,000 exponents took 14 s)
        waiting += [(number, run, str(run[4]).strip()) for run in called if id(run) in kept]
    if waiting:
        _endnotes(pages, waiting, shown)
    return shown


def _footnotes(
    runs: list[Run], calls: list[int], drawn: Sequence[Sequence[float]], width: float, shown: list[str]
) -> set[int]:
    """The page's footnotes set back (see `find`); returns the calls answered (their ids)."""
    separators = sorted(
        (
            (y0 + y1) / 2
            for x0, y0, x1, y1 in drawn
            if x1 - x0 > y1 - y0 and _SEPARATOR_SHORTEST <= x1 - x0 <= _SEPARATOR * width
        ),
    )
    # from the page's foot up: a table's border higher up, with numbered rows under it, is no
    # footnote separator where the foot has one. The separator stands under the body's calls,
    # among the lowest rules with text under them; each rule tried reads the page's runs, and
    # a page of 4,000 short rules took a minute: as many as `_SEPARATOR_READS` allows.
    highest_call = max(float(runs[index][1]) for index in calls)
    lowest_top = min((float(run[1]) + float(run[2]) for run in runs), default=math.inf)
    candidates = [rule for rule in separators if lowest_top < rule < highest_call]
    for rule in candidates[: max(_SEPARATORS_TRIED, _SEPARATOR_READS // len(runs))]:
        above = [index for index in calls if float(runs[index][1]) > rule]
        area = [index for index, run in enumerate(runs) if float(run[1]) + float(run[2]) < rule]
        if not above or not area:
            continue
        area = _cut_footer(area, runs)
        expected = [str(runs[index][4]).strip() for index in above]
        notes = _notes_in(area, runs, expected)
        if not notes:
            continue
        answered = [runs[index] for index in above[: len(notes)]]
        for run, (_, note_runs) in zip(answered, notes, strict=True):
            run[4] = chr(NOTE_BASE + len(shown))
            shown.append(placeholders.note("footnote", _text(note_runs)))
        gone = set(area)
        runs[:] = [run for index, run in enumerate(runs) if index not in gone]
        return {id(run) for run in answered}
    return set()


def _endnotes(pages: list[list[Run]], waiting: list[tuple[int, Run, str]], shown: list[str]) -> None:
    """The endnotes on the last pages, from the page where the first waiting call's marker
    starts a page's text, answering every waiting call in order (see `find`)."""
    first_marker = waiting[0][2]
    if first_marker not in _FIRST:  # 'km' and a raised '2': an exponent, not the first endnote's call
        return
    start = next(
        (
            number
            for number in range(waiting[0][0] + 1, len(pages))
            if pages[number] and any(_marker(run) == first_marker for run in pages[number][:3])
        ),
        None,
    )
    if start is None:
        return
    waiting = [call for call in waiting if call[0] < start]  # the notes' own markers are no calls
    flat = [(number, index) for number in range(start, len(pages)) for index in range(len(pages[number]))]
    begin = next(k for k, (number, index) in enumerate(flat) if _marker(pages[number][index]) == first_marker)
    areas = [[index for n, index in flat[begin:] if n == number] for number in range(start, len(pages))]
    areas = [_cut_footer(area, pages[start + k]) if area else area for k, area in enumerate(areas)]
    every = [pages[start + k][index] for k, area in enumerate(areas) for index in area]
    notes = _notes_in(list(range(len(every))), every, [marker for _, _, marker in waiting])
    if notes is None or len(notes) != len(waiting):
        return
    for (_, run, _), (_, note_runs) in zip(waiting, notes, strict=True):
        run[4] = chr(NOTE_BASE + len(shown))
        shown.append(placeholders.note("endnote", _text(note_runs)))
    for k, area in enumerate(areas):
        gone = set(area)
        page = pages[start + k]
        page[:] = [run for index, run in enumerate(page) if index not in gone]


def set_back(text: str, shown: Sequence[str]) -> str:
    """A paragraph's text with each call's stand-in replaced by its note, a space either side
    where it stands between two words ('Tw' call 'o' reads 'Tw ⟦Footnote: …⟧ o')."""
    if not shown or not _STAND_INS.search(text):
        return text

    def note(match: re.Match[str]) -> str:
        index = ord(match.group()) - NOTE_BASE
        if index >= len(shown):
            return match.group()  # the PDF's own character of that plane
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        lead = "" if before.isspace() or _STAND_INS.match(before) else " "
        trail = "" if after.isspace() else " "
        return lead + shown[index] + trail

    return _STAND_INS.sub(note, text).strip()


def plain(text: str) -> str:
    """A line's text without the stand-ins of calls set back (to quote it)."""
    return _STAND_INS.sub("", text)
