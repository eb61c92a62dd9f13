"""Readers: sniff a file by its content and turn it into a Draft."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from draftkit.errors import InputError, LimitError
from draftkit.model import Draft, Source, SourceFormat
from draftkit.readers.blocks import Block
from draftkit.structure import DEFAULT_MAX_DEPTH, build

View = Literal["accept", "original"]

_PDF = b"%PDF"
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (_PDF, "a PDF document"),
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


@dataclass(frozen=True, slots=True)
class Limits:
    """Input limits; each has a CLI option to raise it."""

    max_bytes: int = 200_000_000
    max_unpacked: int = 1_000_000_000
    max_provisions: int = 200_000
    max_depth: int = DEFAULT_MAX_DEPTH


def sniff(data: bytes, path: Path) -> SourceFormat:
    """Decide the format from the bytes; the suffix only separates Markdown from text."""
    head = data[:16]
    if head.startswith(_ZIP):
        return "docx"
    if head.startswith(_OLE):
        return "docx"  # the DOCX reader explains encrypted vs legacy .doc
    for magic, what in _SIGNATURES:
        if head.startswith(magic):
            raise InputError(f"not a draft: it looks like {what}", str(path))
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith((b"<?xml", b"<draft", b"<!DOCTYPE")):
        return "xml"
    if path.suffix.lower() in {".md", ".markdown"}:
        return "markdown"
    return "text"


def _load(path: Path, limits: Limits) -> bytes:
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
            data = handle.read(limits.max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", name) from None
    if not data.strip():
        raise InputError("empty file", name)
    return data


def read(path: str | os.PathLike[str], *, view: View = "accept", limits: Limits | None = None) -> Draft:
    """Read a draft file (.docx, .txt, .md or draftkit .xml) into a Draft."""
    limits = limits or Limits()
    path = Path(path)
    data = _load(path, limits)
    fmt = sniff(data, path)
    source = Source(path=str(path), sha256=hashlib.sha256(data).hexdigest(), format=fmt)
    title: str | None = None
    if fmt == "xml":
        from draftkit.xmlio import from_xml

        draft = from_xml(data, source=str(path))
        return Draft(draft.title, draft.preamble, draft.provisions, source, draft.meta)
    if fmt == "docx":
        from draftkit.readers.docx import read_docx_blocks

        content = read_docx_blocks(
            path, view, max_bytes=limits.max_bytes, max_unpacked=limits.max_unpacked
        )
        blocks: list[Block] = list(content.blocks)
        title = content.title
    else:
        from draftkit.readers.text import decode, read_text_blocks

        blocks = read_text_blocks(decode(data, str(path)), markdown=fmt == "markdown")
    parsed = build(blocks, max_depth=limits.max_depth)
    draft = Draft(parsed.title or title, parsed.preamble, parsed.provisions, source)
    count = draft.count()
    if count == 0:
        raise InputError("no numbered provisions found (is this a draft?)", str(path))
    if count > limits.max_provisions:
        raise LimitError(
            f"{count:,} provisions, over the limit of {limits.max_provisions:,} (raise with --max-provisions)",
            str(path),
        )
    return draft
