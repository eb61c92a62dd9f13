"""PDF → positioned text runs with PDFium (pypdfium2), in a child process of its own.

`draftkit.readers.pdf` runs this file as a script (`python -P pdf_engine.py …`) and never
imports it. PDFium is native code: a hostile PDF can make it abort (a decompression bomb
over the memory bound ends in `abort()`, not in an exception) or, in a bug, crash. In a
child under an address-space limit and a timeout the worst outcome is a dead child, which
the reader turns into a one-line refusal (exit 3). The script imports only the standard
library and pypdfium2, so the child starts in about 0.1 s.

Protocol. argv: part, parts (this process reads the part-th of `parts` equal runs of pages,
0-based, so that several processes share a long PDF), page limit, seconds, address-space
bytes, characters per page, size of the PDF. stdin: the PDF's bytes (read to that size, not
to the end: the reader writes to every process before it waits for any). stdout: one JSON object, either
`{"count": pages in the file, "first": first page read, "pages": [[[x, y, size, right,
text], …], …], "widths": […], "rules": [[[x0, y0, x1, y1], …], …], "producer": the Info
dictionary's Producer}`, or `{"error": kind, "detail": …, "page": n}`.

Guarantee: each page's runs in the order PDFium's text page holds its characters (the
content-stream order); `x, y` the run's origin on its baseline in page space (y up),
`size` its font size as placed on the page, `right` the right edge of its glyphs, `text` its
characters as `FPDFTextObj_GetText` gives them (one space kept after the run when a space
follows it on the page). Each page's rules: the thin lines drawn on it (a path object, or
a filled rectangle, at most `RULE_WIDTH` thick and at least `RULE_LENGTH` and twice its
thickness long: a table's
borders, a paragraph's border, an underline), as the box they cover in page space; fills
and shapes are no rules (a highlight or a cell's shading is a box behind the text, not a
line between texts). At most `MAX_RULES` a page.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import math
import signal
import sys
import time
from typing import Any

Run = tuple[float, float, float, float, str]

# A text page holding more text objects than this is read character by character: getting
# one object's text walks every character of the page (cost objects × characters, ten
# seconds for a page of 12,000 runs on one line), reading characters one call each is
# linear (about 3 µs a character). A LibreOffice page holds some 50 objects.
CHAR_PATH_OBJECTS = 600
_FORM_DEPTH = 12  # form XObjects nested deeper than this are not read (PDFium's own bound is 16)
# What a font's ToUnicode map may give that XML cannot hold (C0 controls but tab and line
# ends, U+FFFE, U+FFFF): dropped, as the text reader drops them.
_UNHELD = dict.fromkeys([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF])
# Points: the thickest line read as a rule, as PDFium bounds it (a stroked line's box is
# twice its width: Word's 6 pt border, LibreOffice's 2.25 pt stroke of a 4.5 pt one).
RULE_WIDTH = 12.0
RULE_LENGTH = 4.0  # points: the shortest
MAX_RULES = 4_000  # a page of a vector drawing holds thousands of paths: the rest are not read


class Refusal(Exception):
    """A reason to stop, reported to the parent as `{"error": kind, …}`."""

    def __init__(self, kind: str, detail: str = "", page: int = 0) -> None:
        super().__init__(kind)
        self.kind, self.detail, self.page = kind, detail, page


def _times(m: Any, outer: tuple[float, ...] | None) -> tuple[float, ...]:
    """`m` (a, b, c, d, e, f) followed by the form matrix `outer`, as PDF composes them."""
    a, b, c, d, e, f = m.a, m.b, m.c, m.d, m.e, m.f
    if outer is None:
        return a, b, c, d, e, f
    oa, ob, oc, od, oe, of = outer
    return (a * oa + b * oc, a * ob + b * od, c * oa + d * oc, c * ob + d * od,
            e * oa + f * oc + oe, e * ob + f * od + of)  # fmt: skip


class _Page:
    """One page's text objects (forms followed) and the calls that read them."""

    def __init__(self, pdfium: Any, page: Any, textpage: Any) -> None:
        self.c = pdfium
        self.page, self.textpage = page, textpage
        self.matrix = pdfium.FS_MATRIX()
        self.size = ctypes.c_float()
        self.box = [ctypes.c_float() for _ in range(4)]  # left, bottom, right, top
        # Out-parameters passed by reference, made once: a page has thousands of calls.
        self.matrix_ref, self.size_ref = ctypes.byref(self.matrix), ctypes.byref(self.size)
        self.box_refs = [ctypes.byref(value) for value in self.box]
        self.buffer = (ctypes.c_ushort * 2048)()
        # (object handle, matrix of the form it stands in or None)
        self.objects: list[tuple[Any, tuple[float, ...] | None]] = []
        self.paths: list[tuple[Any, tuple[float, ...] | None]] = []  # path objects, the same way
        self._collect(pdfium.FPDFPage_CountObjects, pdfium.FPDFPage_GetObject, page, None, 0)

    def _collect(
        self, count: Any, get: Any, parent: Any, outer: tuple[float, ...] | None, depth: int
    ) -> None:
        c = self.c
        for index in range(max(count(parent), 0)):
            obj = get(parent, index)
            kind = c.FPDFPageObj_GetType(obj)
            if kind == c.FPDF_PAGEOBJ_TEXT:
                self.objects.append((obj, outer))
            elif kind == c.FPDF_PAGEOBJ_PATH:
                self.paths.append((obj, outer))
            elif kind == c.FPDF_PAGEOBJ_FORM and depth < _FORM_DEPTH:
                c.FPDFPageObj_GetMatrix(obj, self.matrix_ref)
                inner = _times(self.matrix, outer)
                self._collect(c.FPDFFormObj_CountObjects, c.FPDFFormObj_GetObject, obj, inner, depth + 1)

    def placed(self, obj: Any, outer: tuple[float, ...] | None) -> tuple[float, float, float, float]:
        """x, y, size on the page and right edge of a text object."""
        c = self.c
        c.FPDFPageObj_GetMatrix(obj, self.matrix_ref)
        c.FPDFTextObj_GetFontSize(obj, self.size_ref)
        left, bottom, right, top = self.box
        c.FPDFPageObj_GetBounds(obj, *self.box_refs)
        a, b, cc, d, e, f = _times(self.matrix, outer)
        height = abs(self.size.value) * (math.sqrt(abs(a * d - b * cc)) or 1.0)
        if outer is None:
            edge = right.value
        else:  # the box is in the form's space: the page's right edge of its corners
            oa, _, oc, _, oe, _ = outer
            edge = max(
                x * oa + y * oc + oe for x in (left.value, right.value) for y in (bottom.value, top.value)
            )
        return e, f, height, edge

    def rules(self) -> list[list[float]]:
        """The thin lines drawn on the page, each as the box it covers: [x0, y0, x1, y1]."""
        left, bottom, right, top = self.box
        found: set[tuple[float, float, float, float]] = set()  # LibreOffice draws some twice
        for obj, outer in self.paths:
            if len(found) >= MAX_RULES:
                break
            if not self.c.FPDFPageObj_GetBounds(obj, *self.box_refs):
                continue
            xs, ys = (left.value, right.value), (bottom.value, top.value)
            if outer is not None:  # the box is in the form's space: the page's box of its corners
                oa, ob, oc, od, oe, of = outer
                corners = [(x * oa + y * oc + oe, x * ob + y * od + of) for x in xs for y in ys]
                xs = (min(x for x, _ in corners), max(x for x, _ in corners))
                ys = (min(y for _, y in corners), max(y for _, y in corners))
            width, height = xs[1] - xs[0], ys[1] - ys[0]
            thin, long = min(width, height), max(width, height)
            if thin <= RULE_WIDTH and long >= max(RULE_LENGTH, 2 * thin):  # a line, not a dot or square
                found.add((round(xs[0], 1), round(ys[0], 1), round(xs[1], 1), round(ys[1], 1)))
        return [list(rule) for rule in sorted(found)]

    def text(self, obj: Any) -> str:
        """The object's text as the text page holds it (UTF-16, NUL-terminated)."""
        size = self.c.FPDFTextObj_GetText(obj, self.textpage, self.buffer, len(self.buffer) * 2)
        if size > len(self.buffer) * 2:
            self.buffer = (ctypes.c_ushort * (size // 2 + 1))()
            size = self.c.FPDFTextObj_GetText(obj, self.textpage, self.buffer, size)
        return ctypes.string_at(self.buffer, max(size - 2, 0)).decode("utf-16-le", "replace")

    def runs_by_object(self, deadline: float) -> list[Run]:
        """The fast path: one run per text object (its text on one line)."""
        runs: list[Run] = []
        for number, (obj, outer) in enumerate(self.objects):
            if number % 256 == 0 and time.monotonic() > deadline:
                raise Refusal("time")
            text = self.text(obj)
            if "\n" in text or "\r" in text:
                return self.runs_by_char(deadline)  # an object over two baselines: place each char
            x, y, size, right = self.placed(obj, outer)
            runs.append((x, y, size, right, text))
        return runs

    def runs_by_char(self, deadline: float) -> list[Run]:
        """The linear path: characters grouped by text object and baseline, with the same
        text `FPDFTextObj_GetText` gives (its characters, and one space after them when a
        space follows on the page)."""
        c, tp = self.c, self.textpage
        handles = {ctypes.cast(obj, ctypes.c_void_p).value: (obj, outer) for obj, outer in self.objects}
        # The object under a character as a plain address (one comparison per character; the
        # binding's pointer objects compare by identity and cost a cast each to read).
        object_at = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
            ctypes.cast(c.FPDFText_GetTextObject, ctypes.c_void_p).value or 0
        )
        unicode_at, origin_at, box_at = c.FPDFText_GetUnicode, c.FPDFText_GetCharOrigin, c.FPDFText_GetCharBox
        raw = ctypes.cast(tp, ctypes.c_void_p)
        sizes: dict[int, float] = {}  # per object already placed: its size
        ox, oy = ctypes.c_double(), ctypes.c_double()
        origin = (ctypes.byref(ox), ctypes.byref(oy))
        box = [ctypes.c_double() for _ in range(4)]  # left, right, bottom, top
        corners = [ctypes.byref(value) for value in box]
        runs: list[Run] = []
        current: list[Any] = []  # x, y, size, right, text, object, whether right comes from chars
        for index in range(max(c.FPDFText_CountChars(tp), 0)):
            if index % 4096 == 0 and time.monotonic() > deadline:
                raise Refusal("time")
            code = unicode_at(tp, index)
            key = object_at(raw, index)
            if current and key != current[5] and code == 0x20:  # a space after the run ends it
                runs.append((current[0], current[1], current[2], current[3], current[4] + " "))
                current = []
            if key is None or code == 0 or key not in handles:
                continue
            origin_at(tp, index, *origin)
            char = chr(code) if code < 0xD800 or 0xDFFF < code <= 0x10FFFF else "\ufffd"
            if current and current[5] == key and abs(oy.value - current[1]) <= 0.01 * max(current[2], 1.0):
                current[4] += char
            else:
                if current:
                    runs.append((current[0], current[1], current[2], current[3], current[4]))
                if key not in sizes:  # an object's first run stands where the object says
                    x, y, size, right = self.placed(*handles[key])
                    sizes[key] = size
                    current = [x, y, size, right, char, key, False]
                else:  # a later line of the same object: placed by its characters
                    current = [ox.value, oy.value, sizes[key], ox.value, char, key, True]
            if current[6]:
                box_at(tp, index, *corners)
                current[3] = max(current[3], box[1].value)
        if current:
            runs.append((current[0], current[1], current[2], current[3], current[4]))
        return runs


def extract(
    data: bytes, part: int, parts: int, max_pages: int, seconds: float, max_chars: int
) -> dict[str, Any]:
    """The runs and widths of the `part`-th of `parts` equal runs of pages (0-based)."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]
    import pypdfium2.raw as c  # type: ignore[import-untyped]

    deadline = time.monotonic() + seconds
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) in (c.FPDF_ERR_PASSWORD, c.FPDF_ERR_SECURITY):
            raise Refusal("encrypted") from None
        raise Refusal("damaged", str(exc)) from None
    count = len(document)
    if count == 0:
        raise Refusal("no-pages")
    if count > max_pages:
        raise Refusal("pages", str(count))
    pages: list[list[Run]] = []
    widths: list[float] = []
    rules: list[list[list[float]]] = []
    first, last = count * part // parts, count * (part + 1) // parts
    for number in range(first + 1, last + 1):
        if time.monotonic() > deadline:
            raise Refusal("time")
        page = document[number - 1]
        textpage = page.get_textpage()
        try:
            chars = textpage.count_chars()
            if chars > max_chars:
                raise Refusal("page-chars", str(chars), number)
            reader = _Page(c, page.raw, textpage.raw)
            if len(reader.objects) > CHAR_PATH_OBJECTS:
                runs = reader.runs_by_char(deadline)
            else:
                runs = reader.runs_by_object(deadline)
            # PDFium writes a hyphen it takes for a line-end hyphenation as U+0002: the page
            # shows "-", and whether the word is joined is the reader's decision (`_join`).
            pages.append(
                [
                    (
                        round(x, 3),
                        round(y, 3),
                        round(s, 3),
                        round(r, 3),
                        t.replace("\x02", "-").translate(_UNHELD),
                    )
                    for x, y, s, r, t in runs
                ]
            )
            widths.append(abs(float(page.get_width())))
            rules.append(reader.rules())
        finally:
            textpage.close()
            page.close()
    try:
        producer = str(document.get_metadata_value("Producer") or "")[:200]
    except Exception:  # a damaged Info dictionary: no producer known, the text still read
        producer = ""
    document.close()
    return {
        "count": count, "first": first + 1, "pages": pages, "widths": widths, "rules": rules,
        "producer": producer,
    }  # fmt: skip


def _die_with_parent() -> None:
    """On Linux, have the kernel stop this process when the reader's process goes (killed by
    a timeout of its own, or Ctrl-C), rather than let it run on to its deadline."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def main(argv: list[str]) -> int:
    """Read the PDF on stdin, write the JSON answer on stdout; exit 0 unless PDFium dies."""
    part, parts, max_pages = int(argv[0]), int(argv[1]), int(argv[2])
    seconds, memory, max_chars, size = float(argv[3]), int(argv[4]), int(argv[5]), int(argv[6])
    _die_with_parent()
    if memory > 0:
        # Where the system has no such limit (or a lower one is set), the timeout still holds.
        with contextlib.suppress(ImportError, ValueError, OSError):
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    data = sys.stdin.buffer.read(size)
    answer: dict[str, Any]
    try:
        answer = extract(data, part, parts, max_pages, seconds, max_chars)
    except Refusal as refusal:
        answer = {"error": refusal.kind, "detail": refusal.detail, "page": refusal.page}
    except ImportError as exc:  # not the input's fault: the reader reports an internal error
        answer = {
            "error": "engine",
            "detail": f"cannot import {exc.name or 'pypdfium2'} (pip install pypdfium2)",
        }
    except MemoryError:
        answer = {"error": "memory", "detail": "", "page": 0}
    except RecursionError:
        answer = {"error": "damaged", "detail": "nests too deeply", "page": 0}
    except Exception as exc:  # PDFium's failures reach Python as PdfiumError and friends
        answer = {
            "error": "damaged",
            "detail": " ".join(str(exc).split())[:120] or type(exc).__name__,
            "page": 0,
        }
    text = json.dumps(answer, ensure_ascii=False, separators=(",", ":"))
    sys.stdout.buffer.write(text.encode("utf-8", "replace"))  # whatever the locale's encoding
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
