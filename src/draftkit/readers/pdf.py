"""PDF → blocks: the text layer of a PDF in reading order, re-joined into paragraphs.

Stages, each relying on the one before:

1. extract (PDFium, through pypdfium2, in a child process: `pdf_engine`): text runs with
   their position, size and right edge, page by page, under the page, characters-per-page,
   memory and time bounds below; encrypted, damaged, truncated and text-less (scanned)
   files, and files that stop the engine, are refused with an `InputError`, never a
   traceback or a crash of this process.
   Footnotes and endnotes are taken out of the page and set back at their calls
   (`pdf_footnotes`), as the DOCX reader reads them.
2. lines: runs on one baseline, in content-stream order, make a line — unless a rule (a
   thin line drawn on the page: `pdf_engine`) stands upright between two of them in a row
   with a rule on its left too: a table's border between its cells, however close they
   stand. In a table's row ruled across with no border between its cells, a gap wider than
   any space (an em) parts them too. Lines a rule parts on one baseline are table cells
   (`pdf_rules`); a rule drawn
   across between two lines, past the text of both (a paragraph's border, a table's row),
   ends a paragraph there. A tab's leader (the dots of a contents entry) is read as the tab
   it stands for, a space (`pdf_runs`), and its line ends its paragraph.
3. furniture: running headers and footers (the same text at the same place on most pages,
   its numbers the same or changing as the pages do, so "Page 3 of 12" matches "Page 4 of
   12") and page numbers ("3",
   "- 3 -", "Page 3 of 12") in the top or bottom lines of a page are dropped — but not a
   number or letter standing in a table row (other lines on its baseline, not all running)
   or boxed in a table's cell (rules on both sides of it).
4. columns: a page whose lines stand side by side (at least `_MIN_PAIRS` pairs on one
   baseline, far apart) is read column by column: full-width lines above, the left column,
   the right column, full-width lines below. Unless they are a table's rows: rules part
   them, or the content stream goes back to the left column after a line of the right one,
   and no line on the left fills its column (`_table_rows`); then the page is read in the stream's order, row
   by row, each cell a paragraph, as the DOCX reader reads the table. A row-by-row stream
   of full lines is still read column by column.
5. paragraphs: a line starts a new paragraph after a vertical gap larger than the line
   spacing (taken after the lines that run on, so that spacing after every paragraph is a
   gap), a change of font size, a line that ends a sentence (in Latin or full-width
   punctuation) where the next word would have fitted (short, or not full against the
   page's text edge), a list bullet (left out, as the DOCX reader shows none), a table
   cell, on a page of short lines (a list) any line that is not full, or when it starts
   with a list label at or left of the previous line's start, or would have fitted on the
   line before — never a line that ends with a space the PDF holds where the next word
   would not have fitted before the edge of its block of lines (a narrow cell's: 'This is
   the sum: ' then '<Content', over a page break too), nor the rest of a word a narrow cell
   broke — never text after the tab of a hanging indent ("4", a tab, its text, which
   wraps back under the "4"); otherwise it joins the
   previous one with a space, or none after a word broken at a hyphen (kept where it is the
   word's own, `pdf_hyphens`) or a slash, beside an em dash set close, between Chinese or
   Japanese characters, and inside a word a narrow table cell broke without a hyphen where
   the document writes it whole (`pdf_joins`).

Guarantee: blocks in reading order, each with `Location(line=n)`, n being the 1-based
running number of its first line among the kept (non-furniture) lines of the whole
document. Numbering is read from the text by `structure`, as for plain text.
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
import json
import math
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from draftkit.errors import DraftkitError, InputError, LimitError, Where
from draftkit.model import Location, ReadWarning
from draftkit.model.numbering import Label, parse_label
from draftkit.readers import pdf_footnotes, pdf_notes
from draftkit.readers.blocks import Block
from draftkit.readers.limits import PARAGRAPHS_PER_PROVISION
from draftkit.readers.pdf_hyphens import MARKING_PRODUCERS, Hyphens, drawn_apart, hyphens
from draftkit.readers.pdf_joins import Words, broken_word, cell_break, join
from draftkit.readers.pdf_rules import (
    Rule,
    apart,
    bound,
    boxed,
    in_row,
    parted,
    rows,
    rule_between,
    ruled_cells,
    same_baseline,
    upright,
)
from draftkit.readers.pdf_runs import LEADER, bullet, joined, led, needs_space

MAX_PAGES = 5_000
"""Most pages read from one PDF (some ten times the longest real framework text)."""
MAX_PAGE_CHARS = 1_000_000
"""Most characters of text on one page; a dense page of text holds some 5,000."""
MAX_ENGINE_MEMORY = 512 * 2**20
"""Bytes of address space each PDF engine process may use (a decompression bomb ends there);
the 905-page benchmark draft needs some 60 MB of memory a process."""
TIME_LIMIT = 120.0
"""Seconds text extraction may take before the PDF is refused (the engine's process is
stopped then, wherever it is)."""

ENGINE_PROCESSES = 2
"""Most processes that read one PDF's pages at once (the pages are shared out in runs)."""

_ENGINE = Path(__file__).with_name("pdf_engine.py")
_BYTES_PER_PROCESS = 1_000_000  # a PDF under this is read by one process
_GRACE = 5.0  # seconds over the time limit the engine's process has to say so itself
_EOF_TAIL = 2048  # %%EOF must stand in the last bytes of a complete file
_MIN_PAIRS = 3  # side-by-side line pairs that make a page two-column
_CELL_FILL = 0.6  # share of the width to the next column a table's left cells all fill less of
_NEIGHBOURS = 8  # lines compared with each line when looking for side-by-side pairs
_GAP_FACTOR = 1.3  # a baseline step this much over the usual line spacing ends a paragraph
_MIRROR = 0.65  # lines all shorter than this share of the width between margins: none is full
_SINGLE_SPACING = 1.3  # most baseline steps per point of font size in single-spaced text
_SHORT = 0.85  # a line this share of its column's usual length, or less, with the next word is "short"
# A sentence's end, in Latin and in Chinese and Japanese punctuation (full-width: "。", "？",
# "：" …), before any closing quotes and brackets and the calls of notes set back there
# (`pdf_footnotes`).
_ENDS_SENTENCE = re.compile(r"[.:;!?。！？；：．][\"'”’»)\]）」』】〕》〉]*[\U000f0000-\U000ffffd]*$")
_FULL_STOP = re.compile(r"[.!?。！？．][\"'”’»)\]）」』】〕》〉]*[\U000f0000-\U000ffffd]*$")  # not ':' or ';'
_PAGE_NUMBER = re.compile(
    r"^[-–—\s]*(?:(?:page|p\.|pag\.|seite|página|стор\.|стр\.)\s*)?"
    r"(?:\d{1,5}|[ivxlcdm]{1,7})(?:\s*(?:of|/|de|von|из|з)\s*\d{1,5})?[-–—\s]*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_RUNNING_CHARS = 60  # longest running header or footer whose numbers may change from page to page


@dataclass(slots=True)
class _Line:
    """One line of text as the page shows it; `y` is the baseline, larger is higher."""

    page: int
    x: float
    y: float
    size: float
    text: str
    column: int = 0
    bullet: bool = False  # a list bullet stood before the text (left out: see `pdf_runs.bullet`)
    right: float = 0.0  # where its last glyph ends
    cell: bool = False  # a cell of a table row (`_columns`): a paragraph of its own
    limit: float = 0.0  # for a cell: where the next cell of its row starts (or the text's right edge)
    ruled: bool = False  # a rule is drawn across between it and the line before (`pdf_rules.parted`)
    inner: float = 0.0  # between upright rules (a table's cell): its right text edge (`pdf_rules.bound`)
    tabbed: bool = False  # text after a tab of a hanging indent, on the line before's baseline (`_tabbed`)
    led: bool = False  # a tab's leader led to its last words (a contents entry's page number)
    spaced: bool = False  # it ends with a space the PDF holds, the next text on another baseline
    broke: bool = False  # a word it ends with, broken by a narrow cell, goes on in the next line
    apart: bool = False  # it ends with a hyphen drawn as a text object of its own (`pdf_hyphens`)

    @property
    def top(self) -> float:
        return self.y + self.size


@dataclass(slots=True)
class _Measures:
    """What the paragraph stage measures of the whole text before it reads it."""

    lengths: dict[tuple[int, int], float]  # characters in a full line, per page and column
    edges: dict[tuple[int, int], tuple[float, float]]  # left and right text edge, per page and column
    steps: dict[float, float] = field(default_factory=dict)  # line spacing per font size
    mirrored: set[tuple[int, int]] = field(default_factory=set)  # pages of short lines (`_edges_of_text`)
    blocks: dict[int, float] = field(default_factory=dict)  # by line id: its block's right edge (`_blocks`)


def _fail(source: str, message: str) -> InputError:
    return InputError(message, source)


# ---------------------------------------------------------------------------------- extract


def _processes(size: int) -> int:
    """How many engine processes share a PDF of `size` bytes: one per CPU this process may
    use, up to `ENGINE_PROCESSES`, and one per `_BYTES_PER_PROCESS` (a short draft is read
    by one: a process costs some 0.1 s to start)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(ENGINE_PROCESSES, cpus, 1 + size // _BYTES_PER_PROCESS))


def _engine(data: bytes, source: str) -> list[dict[str, Any]]:
    """The PDF engine's answers, one per process sharing the pages, in page order; each
    process runs under the memory and time bounds (see `pdf_engine`). A crash, or no
    answer in time, is one `InputError`."""
    parts = _processes(len(data))
    limits = [str(MAX_PAGES), repr(TIME_LIMIT), str(MAX_ENGINE_MEMORY), str(MAX_PAGE_CHARS), str(len(data))]
    deadline = time.monotonic() + TIME_LIMIT + _GRACE
    children: list[subprocess.Popen[bytes]] = []
    outputs: list[tuple[int, bytes, bytes]] = []
    try:
        for part in range(parts):
            command = [sys.executable, "-P", str(_ENGINE), str(part), str(parts), *limits]
            pipe = subprocess.PIPE
            children.append(subprocess.Popen(command, stdin=pipe, stdout=pipe, stderr=pipe))
        # Every child gets the whole file before any is waited for, so that they run at once:
        # each reads its `len(data)` bytes first thing, without waiting for the pipe to close.
        for child in children:
            with contextlib.suppress(BrokenPipeError):  # a child that died at once: its exit says why
                assert child.stdin is not None
                child.stdin.write(data)
                child.stdin.flush()
        for child in children:
            out, err = child.communicate(timeout=max(deadline - time.monotonic(), 0.0))
            outputs.append((child.returncode, out, err))
    except subprocess.TimeoutExpired:
        raise LimitError(f"PDF text extraction took over {TIME_LIMIT:g} seconds", source) from None
    except OSError as exc:  # no Python to run it with (an embedded interpreter), no processes left
        raise DraftkitError(f"the PDF engine failed: cannot start it ({exc.strerror or exc})") from None
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()
    answers = []
    for code, out, err in outputs:
        if code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            raise _fail(
                source,
                f"damaged PDF: it looks like a PDF document but the PDF engine stopped on it ({name}: "
                f"malformed, or over {MAX_ENGINE_MEMORY // 2**20:,} MB of memory)",
            )
        try:
            answers.append(json.loads(out))
        except ValueError:
            answers.append(
                {"error": "engine", "detail": " ".join(err.decode("utf-8", "replace").split())[-200:]}
            )
    return answers


def _refusal(answer: dict[str, Any], source: str) -> DraftkitError | None:
    """The error the engine's refusal means, if it refused."""
    detail = str(answer.get("detail", ""))
    match answer.get("error"):
        case None:
            return None
        case "encrypted":
            return _fail(source, "encrypted PDF: remove the password first")
        case "no-pages":
            return _fail(source, "damaged PDF: it looks like a PDF document but has no pages")
        case "pages":
            return LimitError(f"PDF has {int(detail):,} pages, over the limit of {MAX_PAGES:,}", source)
        case "page-chars":
            return LimitError(
                f"page {answer.get('page')} holds over {MAX_PAGE_CHARS:,} characters of text, over the limit",
                source,
            )
        case "time":
            return LimitError(f"PDF text extraction took over {TIME_LIMIT:g} seconds", source)
        case "memory":
            return _fail(
                source,
                "damaged PDF: it looks like a PDF document but reading it needs over "
                f"{MAX_ENGINE_MEMORY // 2**20:,} MB of memory",
            )
        case "damaged":
            return _fail(
                source, f"damaged PDF: it looks like a PDF document but cannot be read ({detail or 'PDFium'})"
            )
    # The engine could not run at all (pypdfium2 missing, a broken installation): not the
    # input's fault, so the internal exit code.
    return DraftkitError(f"the PDF engine failed: {detail or 'no answer'}")


def _page_lines(runs: list[list[Any]], number: int, rules: Sequence[Sequence[float]] = ()) -> list[_Line]:
    """The lines of one page: runs on one baseline joined in content-stream order, parted
    where a rule stands upright between two of them (see `ruled_cells`)."""
    standing = upright(rules)
    borders = rows(rules)
    lines: list[_Line] = []
    current: list[tuple[float, float, float, float, str]] = []  # (x, y, size, right, text)
    cell_edge = 0.0  # where the row's border ends, for the next line: a cell a gap parted (`in_row`)

    def close(broken: bool = False) -> None:
        # `broken`: the next run stands on another baseline (a space at the end is the PDF's,
        # not one PDFium puts before a run further on the same baseline).
        nonlocal cell_edge
        bulleted = bullet(current)
        text = " ".join(joined(current[bulleted:]).split())
        if text:
            sized = [run[2] for run in current if run[4].strip()]
            size = max(sized) if sized else current[0][2]
            right = max(run[3] for run in current)
            led_to = any(run[4] == "\t" for run in current)
            lines.append(
                _Line(
                    number,
                    current[0][0],
                    current[0][1],
                    size,
                    text,
                    bullet=bulleted,
                    right=right,
                    led=led_to,
                    spaced=broken and current[-1][4][-1:].isspace(),
                    cell=bool(cell_edge),
                    limit=cell_edge,
                    apart=drawn_apart(current),
                )
            )
        cell_edge = 0.0
        current.clear()

    for index, (x, y, size, right, text) in enumerate(runs):
        if not text:
            continue
        if (
            current
            and LEADER.fullmatch(text.strip())
            and led(current[-1], runs[index + 1 : index + 2], right, size)
        ):
            text = "\t"  # a tab's leader ('decimal' ..... '123'): the tab, read as a space (`joined`)
        if current and text.strip():
            px, py, psize, pright, ptext = current[-1]
            same_line = abs(y - py) <= 0.4 * max(psize, size)
            # Far to the right of where the previous run ends: another column, not a tab. The
            # end is at least 0.55 em a character on: a hanging indent after a narrow label
            # ("(i)", then a tab to the text) stays one line, and so does a tab of up to half
            # an inch after longer text ("One hundred twenty-fourth|", then the tab). Table
            # cells standing closer than that are one line too (a limit, docs/limits.md).
            end = max(pright, px + 0.55 * psize * len(ptext))
            if not same_line or x > end + 2.5 * psize:
                close(not same_line)
            elif (
                standing
                and rule_between(standing, max(run[3] for run in current), x, y, size)
                and rule_between(standing, -math.inf, current[0][0], y, size)
            ):
                close()  # a table's border between two cells standing closer than that
            elif borders and x - pright >= psize and (row := in_row(borders, y, size, current[0][0], x)):
                # A gap no space explains in a row between a table's borders drawn across: the
                # next cell, where no border is drawn between the cells.
                before = len(lines)
                close()
                if len(lines) > before:
                    lines[-1].cell, lines[-1].limit = True, x
                cell_edge = row.x1
        if current and needs_space(current, x, text):
            text = " " + text
        current.append((x, y, size or 1.0, right, text))
    if current:
        close(True)
    if standing:
        ruled_cells(lines, standing)
        bound(lines, standing)
        apart(lines, standing)
    if rules:
        parted(lines, rules)
    return lines


def _extract(
    data: bytes, source: str
) -> tuple[list[list[_Line]], list[float], list[list[Rule]], list[str], str]:
    """Every page's lines, width and upright rules, the notes set back at their calls
    (`pdf_footnotes`), and the PDF's Producer; refuses what cannot be read, with one line
    saying why."""
    if b"%%EOF" not in data[-_EOF_TAIL:]:
        raise _fail(
            source, "truncated PDF: it looks like a PDF document but has no end-of-file marker (%%EOF)"
        )
    runs: list[list[list[Any]]] = []
    drawn: list[list[list[float]]] = []
    widths: list[float] = []
    producer = ""
    for answer in _engine(data, source):
        error = _refusal(answer, source)
        if error is not None:
            raise error
        producer = str(answer.get("producer") or producer)
        runs += answer["pages"]
        drawn += answer.get("rules") or [[] for _ in answer["pages"]]
        widths += [float(width) for width in answer["widths"]]
    notes = pdf_footnotes.find(runs, drawn, widths)
    pages = [
        _page_lines(page_runs, number, page_rules)
        for number, (page_runs, page_rules) in enumerate(zip(runs, drawn, strict=True), start=1)
    ]
    rules = [upright(page_rules) for page_rules in drawn]
    if not any(pages):
        raise _fail(
            source, "PDF has no text layer (a scan?): it needs OCR first, e.g. `ocrmypdf in.pdf out.pdf`"
        )
    return pages, widths, rules, notes, producer


# ---------------------------------------------------------------------------------- furniture


def _furniture_key(line: _Line) -> tuple[str, int]:
    """What a running line keeps from page to page: its place, and its text with the digits
    masked when it is short and no provision ("Page 3 of 12", "Draft 3 — 12 May 2026")."""
    text = " ".join(line.text.lower().split())
    if len(text) <= _RUNNING_CHARS and parse_label(line.text) is None:
        text = _DIGITS.sub("#", text)
    return text, round(line.y / 3)


def _edges(lines: list[_Line], depth: int = 2) -> list[_Line]:
    """The top and bottom `depth` lines of a page, by position."""
    ordered = sorted(lines, key=lambda line: -line.y)
    return ordered[:depth] + ordered[-depth:] if len(ordered) > 2 * depth else ordered


def _drop_furniture(
    pages: list[list[_Line]], running: list[str] | None = None, rules: Sequence[list[Rule]] = ()
) -> list[list[_Line]]:
    """Pages without running headers, footers and page numbers; the texts of the running
    lines left out (each as it stands on two pages or more: not a page number, nor a line
    whose number changes from page to page) appended to `running`, in order. `rules`: each
    page's upright rules (a number boxed in a table's cell is no page number). A running
    line's numbers may change from page to page only as the pages do ("Page 3 of 12", then
    "Page 4 of 12"): "P1" on page 1 and "P7" on page 3 stand at one place, but are text."""
    with_text = sum(1 for lines in pages if lines)
    seen: Counter[tuple[str, int]] = Counter()
    exact: Counter[str] = Counter()  # edge texts as they stand, once a page
    numbers: dict[tuple[str, int], list[tuple[int, tuple[int, ...]]]] = {}  # by key: (page, numbers)
    edges = [_edges(lines) for lines in pages]  # each page's edge lines (a sort), found once
    for page, page_edges in enumerate(edges):
        seen.update({_furniture_key(line) for line in page_edges})
        exact.update({" ".join(line.text.split()) for line in page_edges})
        for line in page_edges:
            numbers.setdefault(_furniture_key(line), []).append((page, _numbers(line.text)))
    # On most pages: over half of them, and at least two (a one-page draft has no running head).
    repeated = {key for key, n in seen.items() if n >= 2 and n * 2 > with_text}
    kept = []
    shown: Counter[str] = Counter()
    for number, (lines, page_edges) in enumerate(zip(pages, edges, strict=True)):
        # The edge lines left out: page numbers, and running lines (whose texts are kept).
        dropped, texts = set(), set()
        standing = rules[number] if number < len(rules) else []
        for line in page_edges:
            if _PAGE_NUMBER.match(line.text):
                in_cell = standing and _furniture_key(line) not in repeated and boxed(line, standing)
                if not _in_a_row(line, lines, repeated) and not in_cell:
                    dropped.add(id(line))
            elif (
                _furniture_key(line) in repeated
                and (len(lines) > 1 or exact[" ".join(line.text.split())] > 1)
                and _paged(numbers[_furniture_key(line)], number, _numbers(line.text))
            ):
                # A page's only line is its body unless it stands as it is on another page (a
                # blank page's running head): "Section 2 paragraph." alone on page 2, then
                # "Section 3 paragraph." on page 3, is the text of the sections.
                dropped.add(id(line))
                texts.add(" ".join(line.text.split()))
        shown.update(texts)  # a text counted once a page
        kept.append([line for line in lines if id(line) not in dropped])
        if kept[-1] and kept[-1][0] is not lines[0]:
            # A rule below the running head left out (a table's border, drawn again where the
            # table goes on over the page) parts the page's first line from the head, not from
            # the page before: whether that line goes on is for the paragraph stage to judge.
            kept[-1][0].ruled = False
    if running is not None:
        running.extend(sorted(text for text, n in shown.items() if n >= 2))
    return kept


def _numbers(text: str) -> tuple[int, ...]:
    return tuple(int(digits) for digits in _DIGITS.findall(text))


def _paged(seen: list[tuple[int, tuple[int, ...]]], page: int, numbers: tuple[int, ...]) -> bool:
    """Whether a line with `numbers` on `page` runs with the line of the same place and text
    (its digits masked) on the page before or after it where there is one (`seen`, in page
    order): each number the same, or as many more as the pages between them."""
    first = bisect.bisect_left(seen, page, key=lambda entry: entry[0])
    last = bisect.bisect_right(seen, page, key=lambda entry: entry[0])
    neighbours = seen[first - 1 : first] if first else []
    neighbours += seen[last : last + 1]
    return any(
        all(
            theirs == ours or theirs - ours == other - page
            for ours, theirs in zip(numbers, others, strict=True)
        )
        for other, others in neighbours
    )


def _in_a_row(line: _Line, lines: list[_Line], repeated: set[tuple[str, int]]) -> bool:
    """Whether a line that reads as a page number ("3", "C") is a cell of a table row: other
    lines stand on its baseline, and not all of them running lines ("Confidential", then the
    page number, on one footer line)."""
    others = [other for other in lines if other is not line and same_baseline(line, other)]
    return bool(others) and not all(_furniture_key(other) in repeated for other in others)


# ---------------------------------------------------------------------------------- columns


def _columns(lines: list[_Line], width: float) -> list[_Line]:
    """The page's lines in reading order: column by column when lines stand side by side,
    row by row (the content stream's order) when they are the cells of a table."""
    if len(lines) < 2 * _MIN_PAIRS:
        return lines
    by_y = sorted(lines, key=lambda line: -line.y)
    split: float | None = None
    pairs = 0
    paired: dict[int, _Line] = {}
    for i, line in enumerate(by_y):
        # A few neighbours suffice (a row holds a line per column); a hostile page of
        # thousands of runs on one baseline must not cost n² comparisons.
        for other in by_y[i + 1 : i + 1 + _NEIGHBOURS]:
            if line.y - other.y > 0.5 * max(line.size, other.size):
                break
            west, east = (line, other) if line.x < other.x else (other, line)
            if east.x - west.x > 0.25 * width:
                pairs += 1
                split = east.x if split is None else min(split, east.x)
                paired.update({id(west): west, id(east): east})
    if pairs < _MIN_PAIRS or split is None:
        return lines
    if any(line.cell for line in paired.values()) or _table_rows(lines, paired, split):
        _mark_cells(by_y)
        return lines
    right = [line for line in by_y if line.x >= split - 1]
    high = max(line.top for line in right)
    low = min(line.y for line in right)
    # Full-width lines below the columns come after the right column in the content stream
    # too; left-column lines below the end of a shorter right column do not.
    last_right = max(index for index, line in enumerate(lines) if line.x >= split - 1)
    after = {id(line) for line in lines[last_right + 1 :]}
    rest = [line for line in by_y if line.x < split - 1]
    above = [line for line in rest if line.y > high]
    below = [line for line in rest if line.top < low and id(line) in after]
    taken = {id(line) for line in above + below}
    left = [line for line in rest if id(line) not in taken]
    for line in right:
        line.column = 1
    return above + left + right + below


def _mark_cells(by_y: list[_Line]) -> None:
    """On a page of table rows: every line that shares its baseline with another is a cell,
    whose text may run up to where the next cell of its row starts."""
    edge = max(line.right for line in by_y)
    rows: list[list[_Line]] = []
    for line in by_y:
        if rows and same_baseline(rows[-1][0], line):
            rows[-1].append(line)
        else:
            rows.append([line])
    for row in rows:
        if len(row) < 2:
            continue
        row.sort(key=lambda line: line.x)
        for line, following in itertools.zip_longest(row, row[1:]):
            line.cell = True
            line.limit = following.x if following is not None else edge


def _table_rows(lines: list[_Line], paired: dict[int, _Line], split: float) -> bool:
    """Whether the lines standing side by side are the cells of a table's rows rather than
    columns of text: the content stream goes back to the left after a line on the right
    (row by row, as Word and LibreOffice write a table, and as the DOCX reader reads it; text
    columns come one after the other), and either it also goes up to the right after a lower
    line (the next cell of a row after a cell of several lines) or no line on the left fills
    `_CELL_FILL` of the width up to the right ones (text in columns fills its column: a
    stream of full lines row by row, one line of each column after the other, is read as
    columns, as before). A table of one row does not go back to the left: it goes up to the
    right twice or more (text in two columns goes up once, at the column's end; three
    columns of text, read so, are read in the stream's order, which is theirs)."""
    highest_right = -math.inf  # the highest right-hand line met so far in the stream
    back, ups = False, 0
    before: _Line | None = None
    for line in lines:
        if id(line) not in paired:
            continue
        if line.x >= split - 1:
            highest_right = max(highest_right, line.y)
        elif highest_right > line.y + 0.5 * line.size:
            back = True
        if before is not None and line.y > before.y + 0.5 * line.size and line.x > before.x + line.size:
            ups += 1
        before = line
    if not back:
        return ups >= 2  # one row of three cells or more, some of several lines
    return ups > 0 or all(
        line.right - line.x < _CELL_FILL * (split - line.x) for line in paired.values() if line.x < split - 1
    )


# ---------------------------------------------------------------------------------- paragraphs


def _usual_step(lines: list[_Line], measures: _Measures) -> None:
    """The line spacing per font size, within a column (`measures.steps`): the most common
    baseline step after a line that runs on (full, and not ending a sentence: a wrapped line,
    not a paragraph's last, nor a table's cell, which may end at the text's edge). Where no line of a size runs on (every paragraph one line), the
    most common step is the paragraph step, not the line spacing: the step taken is then at
    most `_SINGLE_SPACING` times the size, so that a paragraph's spacing still shows as a gap."""
    steps: dict[float, Counter[float]] = {}
    wraps: dict[float, Counter[float]] = {}
    for a, b in itertools.pairwise(lines):
        step = a.y - b.y
        if a.page == b.page and a.column == b.column and 0 < step < 3 * a.size and abs(a.size - b.size) < 0.5:
            key, rounded = round(a.size), round(step * 2) / 2
            steps.setdefault(key, Counter())[rounded] += 1
            if not a.cell and not _ENDS_SENTENCE.search(a.text) and _full(a, b, measures):
                wraps.setdefault(key, Counter())[rounded] += 1
    for size, counter in steps.items():
        if size in wraps:
            measures.steps[size] = wraps[size].most_common(1)[0][0]
        else:
            measures.steps[size] = min(counter.most_common(1)[0][0], _SINGLE_SPACING * size)


def _edges_of_text(measures: _Measures, lines: list[_Line], widths: list[float]) -> None:
    """The left and right edges of the text per page and column (`measures.edges`): where
    its lines start and end at the furthest. In a text without columns, on a page whose
    lines are all shorter than `_MIRROR` of the width between the left margin and where that
    margin mirrored would put the right one (a list, a register, a page of short
    paragraphs) where no line runs on into one that starts in lower case, the mirrored
    margin is the right edge: no line there is full but one broken at a hyphen (the page is
    noted in `measures.mirrored`)."""
    edges = measures.edges
    for line in lines:
        key = (line.page, line.column)
        left, right = edges.get(key, (line.x, line.right))
        edges[key] = (min(left, line.x), max(right, line.right))
    if any(column for _, column in edges):
        return  # a page in two columns: a page of short lines may be one column's last
    # A page where a line runs on into one that starts in lower case wraps its text, only
    # narrower than the page (a table's column): its lines are not short.
    wrapping = {
        a.page
        for a, b in itertools.pairwise(lines)
        if a.page == b.page and b.y < a.y and b.text[:1].islower() and not _ENDS_SENTENCE.search(a.text)
    }
    for (page, column), (left, right) in edges.items():
        mirrored = widths[page - 1] - left if 0 < page <= len(widths) else right
        if page not in wrapping and right - left < _MIRROR * (mirrored - left):
            edges[(page, column)] = (left, mirrored)
            measures.mirrored.add((page, column))


def _full(line: _Line, following: _Line, measures: _Measures, *, centred: bool = True) -> bool:
    """Whether `line` is full: the first word of `following` would not have fitted after it
    (nor, for a line that may be centred, on either side of it), or it ends in a hyphen."""
    left, right = measures.edges.get((line.page, line.column), (line.x, line.right))
    right = line.inner or right  # in a drawn box, its own edge: the page's may be another's
    if not line.text or line.right <= line.x or line.text.endswith(("-", "\u00ad")):
        return True  # a word broken at the line's end: the line was full
    em = (line.right - line.x) / len(line.text)  # an average character's width
    word = (len(following.text.split(" ", 1)[0]) + 1) * em
    slack, lead = right - line.right, line.x - left
    if centred and abs(lead - slack) < line.size:  # centred: the word could go on either side
        slack += lead
    return slack < 1.15 * word + 0.25 * line.size


def _blocks(lines: list[_Line], measures: _Measures) -> None:
    """The right edge of each block of lines (`measures.blocks`): lines one below the other in
    the stream, on one page, starting at one place (a table cell's, where no border shows
    its width; a paragraph's): where the widest of them ends."""
    start = 0
    for index in range(1, len(lines) + 1):
        if index < len(lines):
            a, b = lines[index - 1], lines[index]
            if a.page == b.page and abs(a.x - b.x) <= 0.5 and a.y - 3 * a.size < b.y < a.y:
                continue
        if index - start > 1:
            edge = max(line.right for line in lines[start:index])
            measures.blocks.update((id(line), edge) for line in lines[start:index])
        start = index


def _fills_block(line: _Line, following: _Line, measures: _Measures) -> bool:
    """Whether `line` stops short of the right edge of its block of lines (`_blocks`) by a
    character or more, and the first word of `following` would not have fitted in what is
    left (a list of items of one width, each line its block's widest, is no wrapped text)."""
    edge = measures.blocks.get(id(line))
    if edge is None or not line.text or line.right <= line.x:
        return False
    em = (line.right - line.x) / len(line.text)  # an average character's width
    return edge - line.right >= em and line.right + len(following.text.split(" ", 1)[0]) * em > edge


def _usual_length(lines: list[_Line]) -> dict[tuple[int, int], float]:
    """Characters in a full line, per page and column (the 90th percentile)."""
    groups: dict[tuple[int, int], list[int]] = {}
    for line in lines:
        groups.setdefault((line.page, line.column), []).append(len(line.text))
    every = sorted(len(line.text) for line in lines)
    overall = every[int(0.9 * (len(every) - 1))] if every else 0
    return {
        key: (sorted(lengths)[int(0.9 * (len(lengths) - 1))] if len(lengths) >= 5 else overall)
        for key, lengths in groups.items()
    }


def _short(line: _Line, following: _Line, lengths: dict[tuple[int, int], float]) -> bool:
    """Whether `line` is short: the first word of the line after it would have fitted on it,
    so it ended by choice."""
    first_word = len(following.text.split(" ", 1)[0])
    return len(line.text) + 1 + first_word < _SHORT * lengths.get((line.page, line.column), 0)


def _paragraphs(
    lines: list[_Line],
    widths: list[float],
    guesses: list[tuple[_Line, _Line, bool]] | None = None,
    ends: Hyphens | None = None,
) -> list[tuple[int, str]]:
    """(first line number, text) of each paragraph; `widths`: each page's width; `guesses`:
    see `_starts_paragraph`; `ends`: what the document shows of its line-end hyphens (`pdf_hyphens`)."""
    measures = _Measures(_usual_length(lines), {})
    _edges_of_text(measures, lines, widths)
    _tabbed(lines)
    _usual_step(lines, measures)
    _blocks(lines, measures)
    ends = ends if ends is not None else hyphens(lines)
    document = Words(lines)  # counted once a narrow cell's break asks (`cell_break`)
    last_ordinal: dict[str, int] = {}  # per label shape, to tell "2." from a wrapped "2027."
    heading = False  # the paragraph being built starts with a keyword label
    paragraphs: list[tuple[int, str]] = []
    text = ""
    start = 0
    previous: _Line | None = None
    for number, line in enumerate(lines, start=1):
        found = parse_label(line.text)
        label = found[0] if found is not None else None
        if previous is not None and " " not in previous.text:
            # A word a narrow cell broke for want of room ('Thi' + 's'), judged only where a
            # line of one word goes on below it: one paragraph, joined with no space.
            previous.broke = cell_break(previous, line, document)
        if previous is None or _starts_paragraph(
            previous, line, label, heading, last_ordinal, measures, guesses
        ):
            if text:
                paragraphs.append((start, text))
            text, start = line.text, number
            # "Article 3 — Withdrawal" is a heading: a label on the next line starts a paragraph.
            heading = label is not None and label.kind is not None
            if label is not None:
                last_ordinal[label.shape] = label.ordinal or 0
        else:
            text = join(text, line.text, ends, spaced=previous.spaced, glued=previous.broke, at=previous)
        previous = line
    if text:
        paragraphs.append((start, text))
    return paragraphs


def _tabbed(lines: list[_Line]) -> None:
    """Marks `tabbed` the text after a wide tab whose paragraph wraps back under what stood
    before the tab, a hanging indent ('4', a tab to 'a que colaboren …', the next line back
    at the '4'): one paragraph, as Word's holds it. Text after a tab that does not wrap so
    may be a table's cell where no border is drawn (a cell wraps inside its cell), and is
    read as the lines around it say (a short one before it ends its paragraph)."""
    for index, (before, tab, after) in enumerate(zip(lines, lines[1:], lines[2:], strict=False)):
        if not (before.page == tab.page == after.page and before.column == tab.column == after.column):
            continue
        if not same_baseline(before, tab) or tab.x <= before.right or abs(tab.size - before.size) >= 1:
            continue
        row = index + 3 < len(lines) and same_baseline(lines[index + 3], after)  # a table's next row
        if (
            abs(after.x - before.x) <= 1
            and 0 < tab.y - after.y < 2 * tab.size
            and not row
            and not _ENDS_SENTENCE.search(tab.text)
        ):
            tab.tabbed = True


def _starts_paragraph(
    previous: _Line,
    line: _Line,
    label: Label | None,
    heading: bool,
    last_ordinal: dict[str, int],
    measures: _Measures,
    guesses: list[tuple[_Line, _Line, bool]] | None = None,
) -> bool:
    """Whether `line` begins a new paragraph rather than continuing `previous`; where the
    page does not show it, (previous, line, whether a paragraph ends) appended to `guesses`."""
    if line.bullet or line.ruled or previous.led:
        return True  # after a contents entry's page number, led to by its tab's leader, another
    if previous.broke:
        return False  # the rest of a word a narrow cell broke (`pdf_joins.cell_break`)
    if (line.cell or previous.cell) and _next_cell(previous, line):
        return True
    if line.tabbed:
        return False  # after a tab in a paragraph that wraps back under what stood before it
    ends_sentence = bool(_ENDS_SENTENCE.search(previous.text))
    # A line that ends with a space the PDF holds, where the next word would not have fitted
    # before its block's edge (a narrow cell's), broke at that space: 'This is the sum: ' then
    # '<Content', however few characters it holds, and over a page break too. Not after a
    # full stop: a space typed after the last sentence of a paragraph is common.
    wrapped = (
        previous.spaced and not _FULL_STOP.search(previous.text) and _fills_block(previous, line, measures)
    )
    short = not wrapped and _short(previous, line, measures.lengths)
    same_column = line.page == previous.page and line.column == previous.column
    if label is not None and (
        line.x < previous.x - 1
        or ends_sentence
        or short
        or heading
        # The label would have fitted on the line before (below it): no line broke before it.
        or (
            same_column
            and line.y < previous.y - 0.5 * line.size
            and not _full(previous, line, measures, centred=False)
        )
    ):
        return True
    # Above it on the page, and not in another column (rotated text, a text box drawn after
    # the text around it): no line ended there either.
    beside = line.page == previous.page and line.column == previous.column and line.y >= previous.y
    full = beside or wrapped or _full(previous, line, measures)
    # A sentence's end where the next word would have fitted: the line ended by choice.
    if ((short or not full) and ends_sentence) or abs(line.size - previous.size) >= 1:
        return True
    if line.page != previous.page or line.column != previous.column or line.y >= previous.y:
        # Over a page or column break there is no gap to measure: a short last line ended
        # its paragraph (on a page of short lines, where lengths cannot tell: one not full),
        # and a label that starts or continues its list starts a new one.
        ordinal = label.ordinal or 0 if label is not None else -2
        return (
            short
            or (not full and (previous.page, previous.column) in measures.mirrored)
            or ordinal == 1
            or ordinal == last_ordinal.get(label.shape if label else "", -5) + 1
        )
    # A line that stops short (no sentence's end, no label after it) with no gap below it
    # ends its paragraph (Word's, with no spacing after) or only its line (a line break): the
    # page does not show which. On a page of short lines it is taken to end the paragraph,
    # elsewhere to go on; either way a guess, said (`guesses`).
    guess = (
        not full
        and label is None
        and not broken_word(previous.text)
        # Plainly short on the right: an indented line whose slack matches its indent is not
        # told from a centred one, and a wrapped line so read would be no guess.
        and not _full(previous, line, measures, centred=False)
    )
    if not full and (previous.page, previous.column) in measures.mirrored:
        if guess and guesses is not None:
            guesses.append((previous, line, True))
        return True
    step = previous.y - line.y
    usual_step = measures.steps.get(round(previous.size), 1.2 * previous.size)
    if step > _GAP_FACTOR * usual_step:
        return True
    if guess and guesses is not None:
        guesses.append((previous, line, False))
    return False


def _next_cell(previous: _Line, line: _Line) -> bool:
    """In a table read row by row: whether `line` starts another cell (or the text after the
    table) rather than going on with `previous`'s cell: it stands beside or above it, or
    further left or right; it is a row's first cell after a line that stood alone; or the
    first word of `line` would have fitted in `previous`'s cell — unless `previous` broke a
    word, at a hyphen or after a slash ("./" then "ProductDescription"): the word did not fit."""
    if line.y >= previous.y or abs(line.x - previous.x) > 0.5 * line.size:
        return True
    if line.cell and not previous.cell:
        return True
    if not previous.cell or not previous.text or broken_word(previous.text):
        return False
    em = (previous.right - previous.x) / len(previous.text)  # an average character's width
    word = len(line.text.split(" ", 1)[0]) + 1
    # The cell's text ends some 1 em before the next cell's (the two cells' margins), or at
    # its own right edge where its borders show it (the next cell may stand further on, past
    # an empty one: 'Report on Wind in' / 'the willows', Open-Xml-PowerTools' Test-02).
    edge = min(previous.limit - previous.size, previous.inner or math.inf)
    return previous.right + word * em < edge


def read_pdf_blocks(
    data: bytes,
    *,
    max_paragraphs: int | None = None,
    source: str = "<pdf>",
    running: list[str] | None = None,
    notes: list[ReadWarning] | None = None,
) -> list[Block]:
    """The paragraphs of a PDF's text layer as blocks; `InputError` for a PDF that cannot be
    read (encrypted, damaged, truncated, scanned), `LimitError` over a limit. `running`: the
    running headers and footers left out are appended to it (`_drop_furniture`); `notes`:
    the reading notes on what the layout did not show (where paragraphs end, hyphens)."""
    pages, widths, rules, shown, producer = _extract(data, source)
    pages = _drop_furniture(pages, running, rules)
    lines = [line for number, page in enumerate(pages) for line in _columns(page, widths[number])]
    blocks: list[Block] = []
    guesses: list[tuple[_Line, _Line, bool]] = []
    # LibreOffice draws its hyphenation's hyphen apart from the word (`pdf_hyphens`).
    found = hyphens(lines, marked=bool(MARKING_PRODUCERS.search(producer)))
    paragraphs = _paragraphs(lines, widths, guesses, found)
    if notes is not None:
        notes += pdf_notes.notes(guesses, lines, paragraphs, found.guessed)
    for start, text in paragraphs:
        if max_paragraphs is not None and len(blocks) >= max_paragraphs:
            raise LimitError(
                f"more than {max_paragraphs:,} paragraphs, over the limit of {PARAGRAPHS_PER_PROVISION}"
                " per allowed provision (raise with --max-provisions)",
                Where(source, line=start),
            )
        blocks.append(Block(text=pdf_footnotes.set_back(text, shown), location=Location(line=start)))
    return blocks


__all__ = ["MAX_ENGINE_MEMORY", "MAX_PAGES", "MAX_PAGE_CHARS", "TIME_LIMIT", "read_pdf_blocks"]
