"""Multipart uploads streamed into a private folder, under the size limit, never held whole.

Starlette's own form parser spools large parts to the system's temporary folder; this one
writes each file part straight to `folder/<field>/<name>` (the folder is the caller's, mode
0700) and stops reading the moment a part passes `max_bytes`, so a 60 MB upload costs one
chunk of memory and is refused with 413 before it is all received.

Bounded in number too: a request carries at most one part per field it takes (413 at the
first part past that, before its headers are read: a form of thousands of file fields is
refused at its fourth part on /api/diff), a part at most 16 headers of 16 KB all told (400):
limits of its own, whatever python-multipart's version (the `web` extra takes any from
0.0.9; its own header limits came in 2026, and before them a part's headers were read up to
the end of the body).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header

from draftkit.records import record

# Room for the multipart framing and headers around the files of one request.
_OVERHEAD = 64 * 1024
# What an upload's name may keep on disk and in reports: letters (any script), digits and a
# few marks; everything else (separators, controls, quotes) becomes "_".
_UNSAFE_NAME = re.compile(r"[^\w .()+-]")
_MAX_NAME = 120
# The headers of one part: a browser sends two (Content-Disposition, Content-Type).
MAX_PART_HEADERS = 16
MAX_HEADER_BYTES = 16 * 1024


class UploadError(Exception):
    """A request whose upload cannot be taken; `status` is the HTTP answer (400 or 413)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@record
class Upload:
    """One uploaded file: the form field it came in, its display name and where it is on disk."""

    field: str
    name: str
    path: Path
    size: int


def safe_name(filename: str, fallback: str) -> str:
    """The base name of an uploaded file, safe on disk and in a report: no folders, no
    control or separator characters, not hidden, at most 120 characters (suffix kept)."""
    base = PurePosixPath(filename.replace("\\", "/")).name
    base = _UNSAFE_NAME.sub("_", base).strip(" .")
    if not base:
        return fallback
    if len(base) > _MAX_NAME:
        stem, dot, suffix = base.rpartition(".")
        keep = suffix[:16] if dot else ""
        base = (stem if dot else base)[: _MAX_NAME - len(keep) - 1] + ("." + keep if keep else "")
    return base


def _size_text(size: int) -> str:
    return f"{size:,}"


class _Receiver:
    """The parser's callbacks: headers of each part, its bytes written to its file."""

    def __init__(self, folder: Path, fields: frozenset[str], max_bytes: int) -> None:
        self.folder = folder
        self.fields = fields
        self.max_bytes = max_bytes
        self.uploads: dict[str, Upload] = {}
        self._header_name = b""
        self._header_value = b""
        self._headers: dict[bytes, bytes] = {}
        self._field = ""
        self._name = ""
        self._path: Path | None = None
        self._file: BinaryIO | None = None
        self._size = 0
        self._parts = 0
        self._header_bytes = 0
        self._header_count = 0

    def callbacks(self) -> dict[str, object]:
        return {
            "on_part_begin": self._part_begin,
            "on_header_field": self._header_field,
            "on_header_value": self._header_value_data,
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished,
            "on_part_data": self._part_data,
            "on_part_end": self._part_end,
        }

    def _part_begin(self) -> None:
        self._parts += 1
        if self._parts > len(self.fields):
            raise UploadError(
                f"more files than this request takes: at most {len(self.fields)}, one per field "
                f"({', '.join(sorted(self.fields))})",
                413,
            )
        self._headers = {}
        self._header_name = b""
        self._header_value = b""
        self._header_bytes = 0
        self._header_count = 0

    def _header_data(self, size: int) -> None:
        self._header_bytes += size
        if self._header_bytes > MAX_HEADER_BYTES:
            raise UploadError(f"the headers of a part are over {MAX_HEADER_BYTES // 1024} KB")

    def _header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_data(end - start)
        self._header_name += data[start:end]

    def _header_value_data(self, data: bytes, start: int, end: int) -> None:
        self._header_data(end - start)
        self._header_value += data[start:end]

    def _header_end(self) -> None:
        self._header_count += 1
        if self._header_count > MAX_PART_HEADERS:
            raise UploadError(f"a part has more than {MAX_PART_HEADERS} headers")
        self._headers[self._header_name.lower()] = self._header_value
        self._header_name = b""
        self._header_value = b""

    def _headers_finished(self) -> None:
        disposition, params = parse_options_header(self._headers.get(b"content-disposition", b""))
        field = params.get(b"name", b"").decode("utf-8", "replace")
        if disposition != b"form-data" or field not in self.fields:
            shown = field[:40] or "(unnamed)"
            raise UploadError(f"unexpected form field {shown!r} (expected: {', '.join(sorted(self.fields))})")
        if field in self.uploads or field == self._field:
            raise UploadError(f"the form field {field!r} was sent twice")
        if b"filename" not in params:
            raise UploadError(f"the form field {field!r} must be a file")
        self._field = field
        self._name = safe_name(params[b"filename"].decode("utf-8", "replace"), f"{field}.bin")
        target = self.folder / field
        target.mkdir(mode=0o700)
        self._path = target / self._name
        self._file = self._path.open("xb")
        self._size = 0

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        assert self._file is not None
        self._size += end - start
        if self._size > self.max_bytes:
            raise UploadError(
                f"{self._name}: larger than the limit of {_size_text(self.max_bytes)} bytes (--max-bytes)",
                413,
            )
        self._file.write(data[start:end])

    def _part_end(self) -> None:
        assert self._file is not None and self._path is not None
        self._file.close()
        self._file = None
        self.uploads[self._field] = Upload(self._field, self._name, self._path, self._size)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


async def receive(
    headers: dict[str, str],
    body: AsyncIterator[bytes],
    folder: Path,
    *,
    fields: frozenset[str],
    max_bytes: int,
) -> dict[str, Upload]:
    """Read a multipart/form-data body into `folder`, one file per field of `fields`.

    Raises UploadError: 400 for a body that is not multipart, a field not asked for, a field
    sent twice or not as a file, a part with over 16 headers or 16 KB of them; 413 when the
    declared length or any file passes `max_bytes`, or there are more parts than `fields`.
    """
    content_type, params = parse_options_header(headers.get("content-type", ""))
    boundary = params.get(b"boundary")
    if content_type != b"multipart/form-data" or not boundary:
        raise UploadError("send the drafts as multipart/form-data (fields: old, new)")
    most = len(fields) * max_bytes + _OVERHEAD
    declared = headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > most:
        raise UploadError(
            f"the upload is {_size_text(int(declared))} bytes, over the limit of "
            f"{_size_text(max_bytes)} bytes per file (--max-bytes)",
            413,
        )
    receiver = _Receiver(folder, fields, max_bytes)
    parser = MultipartParser(boundary, receiver.callbacks())  # type: ignore[arg-type]
    received = 0
    try:
        async for chunk in body:
            received += len(chunk)
            if received > most:
                raise UploadError(
                    f"the upload is over the limit of {_size_text(max_bytes)} bytes per file (--max-bytes)",
                    413,
                )
            parser.write(chunk)
        parser.finalize()
    except MultipartParseError as exc:
        raise UploadError(f"the upload is not well-formed multipart data ({exc})") from None
    finally:
        receiver.close()
    return receiver.uploads
