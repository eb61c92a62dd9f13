"""Readers: sniff a file by its content and turn it into a Draft.

Every limit in `Limits` is enforced here or in the reader it hands on to (docs/limits.md),
for every format: draftkit XML is held to the same provision and depth limits as the rest.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from pathlib import Path
from typing import Literal

from draftkit.errors import DraftkitError, InputError, LimitError, Where
from draftkit.limits import read_upto
from draftkit.model import Draft, Location, Provision, ReadWarning, Source, SourceFormat
from draftkit.readers.blocks import Block
from draftkit.readers.limits import Limits
from draftkit.readers.structure import build

View = Literal["accept", "original"]

# Where reading warnings go as drafts are read (the CLI prints them on stderr), and whether
# a warning refuses the draft. Context variables, so a command sets them once for every
# draft it reads; the library default is silence (warnings stay on `Draft.warnings`).
_SINK: ContextVar[Callable[[str], None] | None] = ContextVar("draftkit_warning_sink", default=None)
_STRICT: ContextVar[bool] = ContextVar("draftkit_strict_reading", default=False)


@contextmanager
def reporting(sink: Callable[[str], None] | None, *, strict: bool = False) -> Iterator[None]:
    """Within the block, every draft read sends its warnings, one line each, to `sink`; with
    `strict`, a draft with warnings is refused (exit 3) as `Limits(strict=True)` does."""
    sink_token = _SINK.set(sink)
    strict_token = _STRICT.set(strict or _STRICT.get())
    try:
        yield
    finally:
        _STRICT.reset(strict_token)
        _SINK.reset(sink_token)


# Notes that say what draftkit does not weigh or how it read a draft, not what it guessed:
# --strict does not refuse a draft for them (readers.language; readers.docx_tracked: pending
# tracked changes read in the view asked for, a defined reading).
INFORMATIONAL = frozenset({"language", "tracked-changes"})


def report(draft: Draft, limits: Limits, name: str) -> None:
    """Send a draft's warnings to the sink of `reporting`; refuse it there if strict."""
    sink = _SINK.get()
    if sink is not None:
        for warning in draft.warnings:
            sink(warning.describe(name))
    guessed = [w for w in draft.warnings if w.code not in INFORMATIONAL]
    if guessed and (limits.strict or _STRICT.get()):
        first = guessed[0]
        where = f"{first.location.describe()}: " if first.location is not None else ""
        raise InputError(
            f"{len(guessed)} reading warning(s) with --strict; first: {where}{first.message}", name
        )


_PDF = b"%PDF"
_ODT = b"application/vnd.oasis.opendocument.text"
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"{\\rtf", "an RTF document; save it as DOCX"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"),
)
_XML_STARTS = ("<?xml", "<draft", "<!DOCTYPE")
_HEAD = 512
_CHUNK = 1 << 20
_TEXT_AT_MOST = 1 << 40  # characters asked of a text stream: more than any limit reads


def _xml_text_start(head: bytes) -> bool:
    """Whether the bytes begin an XML document in UTF-8 or UTF-16 (with or without BOM)."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            text = head[len(bom) :].decode(encoding, "ignore")
            return text.lstrip(" \t\r\n").startswith(_XML_STARTS)
    if head.startswith((b"<\x00?\x00", b"\x00<\x00?")):  # UTF-16 without a BOM, as XML allows
        return True
    return head.lstrip(b" \t\r\n").startswith(tuple(s.encode() for s in _XML_STARTS))


# Suffixes of the binary formats: a file named so whose bytes are none of them, nor text.
_BINARY_SUFFIXES = {
    ".docx": ("a Word document (.docx)", "a DOCX (zip) package"),
    ".docm": ("a Word document (.docm)", "a DOCX (zip) package"),
    ".odt": ("an OpenDocument text (.odt)", "an ODT (zip) package"),
    ".pdf": ("a PDF", "a PDF ('%PDF')"),
}


# What a file named as one of the binary formats holds, when it is another (`_renamed`).
_SUFFIX_FORMAT = {".docx": "docx", ".docm": "docx", ".odt": "odt", ".pdf": "pdf"}
_HOLDS = {
    "docx": ("a Word document", "a Word document"),
    "odt": ("an OpenDocument text", "an OpenDocument text"),
    "pdf": ("a PDF", "a PDF"),
    "xml": ("a draftkit XML draft", "draftkit XML"),
    "markdown": ("plain text", "text"),
    "text": ("plain text", "text"),
}


def _renamed(path: Path, fmt: SourceFormat) -> tuple[ReadWarning, ...]:
    """The note on a file named as one format that holds another: a report.docx saved as
    text, or a PDF renamed .docx, is read as what it holds (the format is the content's),
    but not in silence: the reader chose a Word file, and what was compared is not what
    Word would show."""
    suffix = path.suffix.lower()
    if _SUFFIX_FORMAT.get(suffix, fmt) == fmt:
        return ()
    holds, read_as = _HOLDS[fmt]
    saved = "text" if read_as == "text" else read_as
    return (
        ReadWarning(
            "layout",
            f"named {suffix} but holds {holds}, not {_BINARY_SUFFIXES[suffix][0]}: read as {read_as}"
            f" (a file saved as {saved}, or renamed)",
        ),
    )


def _binary(data: bytes) -> bool:
    from draftkit.readers.text import binary  # on use: a Word file does not need the text reader

    return binary(data)


def sniff(data: bytes, path: Path) -> SourceFormat:
    """Decide the format from the bytes; the suffix only separates Markdown from text."""
    head = data[:16]
    if head.startswith(_ZIP):
        # ODF puts its mimetype first, stored: "PK…mimetypeapplication/vnd.oasis.opendocument.text".
        return "odt" if data[30:38] == b"mimetype" and data[38 : 38 + len(_ODT)] == _ODT else "docx"
    if head.startswith(_OLE):
        return "docx"  # the DOCX reader explains encrypted vs legacy .doc
    if head.startswith(_PDF):
        return "pdf"
    for magic, what in _SIGNATURES:
        if head.startswith(magic):
            raise InputError(f"not a draft: it looks like {what}", str(path))
    if _xml_text_start(data[:_HEAD]):
        return "xml"
    suffix = path.suffix.lower()
    if suffix in _BINARY_SUFFIXES and b"\x00" in data and _binary(data):
        # Read as text, the answer would be "binary data, not a text draft": true, but a
        # reader who sent a damaged report.docx is told what it is not, and why.
        kind, start = _BINARY_SUFFIXES[suffix]
        raise InputError(
            f"not {kind}: it does not start as {start} does, nor is it text (damaged, or "
            f"another kind of file renamed {suffix})",
            str(path),
        )
    if suffix in {".md", ".markdown"}:
        return "markdown"
    return "text"


def _load(path: Path, limits: Limits) -> tuple[bytes, str]:
    """(bytes, sha256): the whole file for text formats; for a zip or OLE package only its
    head, the hash taken in chunks, since the DOCX reader opens the file itself."""
    name = str(path)
    if not path.exists():
        raise InputError("no such file", name)
    if path.is_dir():
        raise InputError("is a directory, not a draft file", name)
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise LimitError(
                f"file is {size:,} bytes, over the limit of {limits.max_bytes:,} (raise with --max-bytes)",
                name,
            )
        with path.open("rb") as handle:
            head = handle.read(_HEAD)
            if head.startswith((_ZIP, _OLE)):
                if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                    # The package readers open the file again, and a pipe is read once.
                    raise InputError(
                        "a Word or ODT file cannot be read from a pipe or a device: give it as a file,"
                        " or on standard input (-)",
                        name,
                    )
                digest = hashlib.sha256(head)
                read = len(head)
                while chunk := handle.read(_CHUNK):
                    read += len(chunk)
                    if read > limits.max_bytes:  # a device or pipe has no size to check first
                        raise LimitError(
                            f"file is over the limit of {limits.max_bytes:,} bytes (raise with --max-bytes)",
                            name,
                        )
                    digest.update(chunk)
                return head, digest.hexdigest()
            # The size may have grown since stat(): read no more than the limit allows.
            data = head + read_upto(handle, limits.max_bytes + 1 - len(head))
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", name) from None
    if len(data) > limits.max_bytes:
        raise LimitError(
            f"file is over the limit of {limits.max_bytes:,} bytes (raise with --max-bytes)", name
        )
    if not data.strip():
        raise InputError("empty file", name)
    return data, hashlib.sha256(data).hexdigest()


def _size(provisions: tuple[Provision, ...]) -> tuple[int, int]:
    """(how many provisions, how deep they nest: 1 for a flat list) in one pass, without
    recursion; a level's leaves are counted without a visit each (most provisions are leaves)."""
    count = len(provisions)
    deepest = 1 if provisions else 0
    stack = [(p.children, 2) for p in provisions if p.children]
    while stack:
        children, depth = stack.pop()
        count += len(children)
        if depth > deepest:
            deepest = depth
        stack.extend([(p.children, depth + 1) for p in children if p.children])
    return count, deepest


def _check_tree(draft: Draft, limits: Limits, name: str) -> None:
    count, depth = _size(draft.provisions)
    if count == 0:
        raise InputError("no text to compare: the document holds no provisions and no paragraphs", name)
    if count > limits.max_provisions:
        raise LimitError(
            f"{count:,} provisions, over the limit of {limits.max_provisions:,} (raise with --max-provisions)",
            name,
        )
    if depth > limits.max_depth:
        raise LimitError(
            f"provisions nest {depth} levels deep, deeper than {limits.max_depth} levels (raise with --max-depth)",
            name,
        )


STDIN = "-"
STDIN_NAME = "<stdin>"
_stdin_consumed: object = None  # the stdin stream already read (CliRunner gives each run its own)


def read(path: str | os.PathLike[str], *, view: View = "accept", limits: Limits | None = None) -> Draft:
    """Read a draft file (.docx, .odt, .pdf, .txt, .md or draftkit .xml) into a Draft; `-`
    reads standard input (once per process), whatever its format."""
    limits = limits or Limits()
    if str(path) == STDIN:
        return _read_stdin(view, limits)
    return _read_file(Path(path), view, limits, str(path))


def _read_stdin(view: View, limits: Limits) -> Draft:
    """Standard input, held in a private temporary folder while it is read (the package
    readers open a file), removed afterwards; errors and the draft name it <stdin>."""
    global _stdin_consumed
    stream = getattr(sys.stdin, "buffer", sys.stdin)
    if stream is _stdin_consumed:
        raise InputError("standard input can be read only once: give the other draft as a file", STDIN_NAME)
    _stdin_consumed = stream
    try:
        if hasattr(sys.stdin, "buffer"):
            data = read_upto(sys.stdin.buffer, limits.max_bytes + 1)
        else:  # a text stream without a buffer (an embedding program's)
            text: str | bytes = sys.stdin.read(min(limits.max_bytes + 1, _TEXT_AT_MOST))
            data = text.encode("utf-8") if isinstance(text, str) else text
    except (OSError, ValueError, AttributeError) as exc:
        raise InputError(f"cannot read standard input: {exc}", STDIN_NAME) from None
    if len(data) > limits.max_bytes:
        raise LimitError(
            f"standard input is over the limit of {limits.max_bytes:,} bytes (raise with --max-bytes)",
            STDIN_NAME,
        )
    import tempfile  # here: only standard input needs it (~3 ms of imports for every read)

    with tempfile.TemporaryDirectory(prefix="draftkit-stdin-") as folder:
        file = Path(folder) / "stdin"
        file.write_bytes(data)
        try:
            return _read_file(file, view, limits, STDIN_NAME)
        except DraftkitError as exc:
            if isinstance(exc.where, Where):
                exc.where = replace(exc.where, source=STDIN_NAME)
            elif exc.where is not None:
                exc.where = STDIN_NAME
            raise


def _read_file(path: Path, view: View, limits: Limits, name: str) -> Draft:
    draft = read_unreported(path, view, limits, name)
    report(draft, limits, name)
    return draft


def read_unreported(path: Path, view: View, limits: Limits, name: str) -> Draft:
    """A draft file read and its limits checked; its warnings are not yet sent to the sink
    (`report` does that), so two drafts read side by side report in a fixed order."""
    data, sha256 = _load(path, limits)
    fmt = sniff(data, path)
    source = Source(path=name, sha256=sha256, format=fmt)
    title: str | None = None
    read_warnings: tuple[ReadWarning, ...] = ()  # the reader's own (DOCX: hidden text, objects)
    if fmt == "xml":
        from draftkit.model.xmlio import from_xml

        parsed_xml = from_xml(data, source=name)
        draft = Draft(
            parsed_xml.title,
            parsed_xml.preamble,
            parsed_xml.provisions,
            source,
            parsed_xml.meta,
            warnings=_renamed(path, fmt),
        )
        _check_tree(draft, limits, name)
        return draft
    if fmt == "docx":
        from draftkit.readers import kept
        from draftkit.readers.docx import read_docx_blocks

        content = read_docx_blocks(
            path,
            view,
            max_bytes=limits.max_bytes,
            max_unpacked=limits.max_unpacked,
            max_paragraphs=limits.max_paragraphs,
            keep=kept.wanted(path),
        )
        if content.document is not None:  # a redline is written into this file (readers.kept)
            kept.keep(path, sha256, *content.document)
        blocks: list[Block] = list(content.blocks)
        title = content.title
        read_warnings = content.warnings
        source = Source(path=name, sha256=sha256, format=fmt, tables=content.tables)
    elif fmt == "odt":
        from draftkit.readers.odt import read_odt_blocks

        odt = read_odt_blocks(
            path,
            view,
            max_bytes=limits.max_bytes,
            max_unpacked=limits.max_unpacked,
            max_paragraphs=limits.max_paragraphs,
        )
        blocks = odt.blocks
        read_warnings = odt.warnings
    elif fmt == "pdf":
        from draftkit.readers.pdf import read_pdf_blocks

        running: list[str] = []
        notes: list[ReadWarning] = []
        blocks = read_pdf_blocks(
            data, max_paragraphs=limits.max_paragraphs, source=name, running=running, notes=notes
        )
        source = Source(path=name, sha256=sha256, format=fmt, running=tuple(running))
        read_warnings = tuple(notes)
    else:
        from draftkit.readers.text import decode, read_text_blocks

        left_out: list[tuple[int, str]] = []
        blocks = read_text_blocks(
            decode(data, name),
            markdown=fmt == "markdown",
            max_paragraphs=limits.max_paragraphs,
            source=name,
            left_out=left_out,
        )
        read_warnings = tuple(
            ReadWarning(
                "not-compared",
                f"left out as the news page's own line, not the draft's: {line!r}",
                Location(line=n),
            )
            for n, line in left_out
        )
    read_warnings = (*_renamed(path, fmt), *read_warnings)
    parsed = build(blocks, max_depth=limits.max_depth, max_provisions=limits.max_provisions, source=name)
    warnings = read_warnings + parsed.warnings
    draft = Draft(parsed.title or title, parsed.preamble, parsed.provisions, source, warnings=warnings)
    _check_tree(draft, limits, name)
    from draftkit.readers.language import language_note

    note = language_note(draft)
    if note is not None:  # said, not refused: --strict refuses what was guessed of the structure
        draft = Draft(draft.title, draft.preamble, draft.provisions, source, warnings=(*warnings, note))
    return draft


__all__ = ["Limits", "View", "read", "reporting", "sniff"]
