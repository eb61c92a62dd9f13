"""Hardened opening of OOXML packages: sniff the file, cap every read, parse parts safely.

Guarantees: every failure is an `InputError` (a `LimitError` for size limits) with a
one-line message naming the file; no part is read past the declared budget; no XML part
with a DOCTYPE is accepted; nothing is fetched from the network.
"""

from __future__ import annotations

import hashlib
import lzma
import mmap
import posixpath
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import NamedTuple
from urllib.parse import unquote

from lxml import etree

from draftkit.errors import InputError, LimitError, Where
from draftkit.model.xmlio import parse_untrusted
from draftkit.readers.limits import DEFAULT_MAX_BYTES, DEFAULT_MAX_UNPACKED

# A member must be both big and extremely compressible to count as a bomb: real DOCX XML
# compresses 10-50x, and small parts of long runs of one byte are harmless.
BOMB_RATIO = 200
BOMB_MIN_SIZE = 10 * 1024 * 1024

_CHUNK = 1 << 20
# What a damaged zip can raise from zipfile and the decompressors beneath it: its own
# errors, a seek to a negative offset (OSError), unpacking a short header (struct.error),
# a size too big for a C long (OverflowError), a lying flag or method.
_ZIP_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    EOFError,
    zlib.error,
    lzma.LZMAError,
    struct.error,
    OverflowError,
    ValueError,
    OSError,
    NotImplementedError,
    RuntimeError,
)
# Word, LibreOffice and every OOXML writer store or deflate; anything else is refused
# before a decompressor sees it (bzip2 and LZMA included, which zipfile would run).
_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "[Content_Types].xml"
_REL_TAG = f"{{{_REL_NS}}}Relationship"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
# Office writes an encrypted DOCX as an OLE compound file holding these streams; the
# directory stores names in UTF-16LE, so a byte search finds them without an OLE parser.
_ENCRYPTION_MARK = "EncryptionInfo".encode("utf-16-le")
_WORD_MARK = "WordDocument".encode("utf-16-le")
_LOOKS_LIKE: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"{\\rtf", "an RTF document; save it as .docx"),
)


class Relationship(NamedTuple):  # a NamedTuple: made on import faster than a dataclass
    """One relationship of a part: its type URI and the resolved target part (or URL)."""

    rel_id: str
    rel_type: str
    target: str
    external: bool

    @property
    def kind(self) -> str:
        """The last segment of the type URI ('officeDocument', 'numbering', 'styles')."""
        return self.rel_type.rsplit("/", 1)[-1]


def parse_xml(data: bytes, where: Where | str) -> etree._Element:
    """Parse untrusted XML with entities, DTDs and the network off; refuse a DOCTYPE."""
    return parse_untrusted(data, where)


def _read_as_xml(name: str) -> bool:
    """Whether a member is one the reader may decompress: XML parts and relationships.
    Media and macros (vbaProject.bin) are never decompressed, so they do not count."""
    return name.lower().endswith((".xml", ".rels"))


def _sniff(path: Path, head: bytes, where: Where) -> None:
    """Refuse files that are not zip archives, saying what they look like."""
    if head.startswith(_ZIP_MAGICS):
        return
    if not head:
        raise InputError("not a DOCX file: the file is empty", where)
    if head.startswith(_OLE_MAGIC):
        with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
            if mm.find(_ENCRYPTION_MARK) != -1:
                raise InputError(
                    "the DOCX is password-protected (encrypted); save an unprotected copy",
                    where,
                )
            if mm.find(_WORD_MARK) != -1:
                raise InputError("not a DOCX file: it is a Word 97-2003 .doc; save it as .docx", where)
        raise InputError("not a DOCX file: it is an OLE compound file (an older Office format)", where)
    for magic, what in _LOOKS_LIKE:
        if head.startswith(magic):
            raise InputError(f"not a DOCX file: it looks like {what}", where)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<") or head.startswith((b"\xff\xfe<", b"\xfe\xff\x00<")):
        raise InputError("not a DOCX file: it looks like an XML or HTML document; save it as .docx", where)
    raise InputError("not a DOCX file: it is not a zip package", where)


def open_package(
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_unpacked: int = DEFAULT_MAX_UNPACKED,
) -> OoxmlPackage:
    """Open an OOXML zip package after checking its kind and sizes."""
    where = Where(str(path))
    try:
        if path.is_dir():
            raise InputError("not a DOCX file: it is a directory", where)
        size = path.stat().st_size
        if size > max_bytes:
            raise LimitError(f"the file is {size:,} bytes, over the {max_bytes:,}-byte limit", where)
        with path.open("rb") as fh:
            head = fh.read(8)
        _sniff(path, head, where)
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise InputError("file not found", where) from None
    except PermissionError:
        raise InputError("cannot read the file: permission denied", where) from None
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        ValueError,
        struct.error,
        OverflowError,
    ) as exc:
        raise InputError(f"corrupt DOCX: the zip archive is damaged ({exc})", where) from None
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", where) from None
    except (NotImplementedError, RuntimeError) as exc:
        raise InputError(f"corrupt DOCX: the zip archive is damaged ({exc})", where) from None
    try:
        return OoxmlPackage(archive, where, max_unpacked)
    except BaseException:
        archive.close()
        raise


class OoxmlPackage:
    """An opened OOXML zip whose reads are capped and whose part names resolve like OPC."""

    __slots__ = ("_archive", "_by_lower", "_by_name", "_left", "_media_left", "_rels", "where")

    def __init__(self, archive: zipfile.ZipFile, where: Where, max_unpacked: int) -> None:
        self._archive = archive
        self.where = where
        self._by_name: dict[str, zipfile.ZipInfo] = {}
        self._by_lower: dict[str, zipfile.ZipInfo] = {}
        declared = 0
        for info in archive.infolist():
            # Some tools write Windows separators; OPC part names are case-insensitive.
            name = info.filename.replace("\\", "/").lstrip("/")
            if info.is_dir() or name.endswith("/"):
                continue
            key = _part_key(name)
            if key == "[content_types].xml":
                name = CONTENT_TYPES  # under the one name the redline writers look it up by
            if key in self._by_lower:
                # Readers disagree on which of two same-named parts counts (python-docx and
                # LibreOffice take the last, zipfile's first): a package that can be read
                # two ways is refused, never read the way no word processor shows it.
                raise InputError(f"damaged or ambiguous package: two parts named {key}", where)
            self._by_name[name] = info
            self._by_lower[key] = info
            if _read_as_xml(name):
                declared += info.file_size
        if declared > max_unpacked:
            raise LimitError(
                f"the DOCX's XML unpacks to {declared:,} bytes, over the {max_unpacked:,}-byte limit"
                " (zip bomb? raise with --max-unpacked)",
                where,
            )
        self._left = max_unpacked
        self._media_left = max_unpacked
        self._rels: dict[str, tuple[Relationship, ...]] = {}  # read once per source part

    def __enter__(self) -> OoxmlPackage:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the underlying zip file."""
        self._archive.close()

    @property
    def names(self) -> tuple[str, ...]:
        """Every part name in the package."""
        return tuple(self._by_name)

    def _info(self, name: str) -> zipfile.ZipInfo | None:
        return self._by_name.get(name) or self._by_lower.get(_part_key(name))

    def has(self, name: str) -> bool:
        """Whether the package holds a part of that name (case-insensitive, as in OPC)."""
        return self._info(name) is not None

    def read(self, name: str) -> bytes:
        """The bytes of one part, streamed under the unpacked-size budget."""
        chunks: list[bytes] = []
        total = self._stream(name, self._left, "the DOCX", chunks.append)
        self._left -= total
        return b"".join(chunks)

    def digest(self, name: str) -> str:
        """The SHA-256 (hex) of one part's bytes, streamed: for media and embedded objects,
        which are hashed, never parsed. Their own budget, as large as the XML one, bounds the
        bytes decompressed."""
        hasher = hashlib.sha256()
        total = self._stream(name, self._media_left, "its media and embedded objects", hasher.update)
        self._media_left -= total
        return hasher.hexdigest()

    def _stream(self, name: str, left: int, what: str, sink: Callable[[bytes], object]) -> int:
        """Decompress one part into `sink` chunk by chunk, at most `left` bytes; returns how
        many came out. Every zip-level failure is an InputError naming the part."""
        where = Where(f"{self.where.source}: {name}")
        info = self._info(name)
        if info is None:
            raise InputError("corrupt DOCX: the part is missing", where)
        if info.flag_bits & 0x1:
            raise InputError("the DOCX has encrypted zip entries; save an unprotected copy", self.where)
        if info.compress_type not in _METHODS:
            raise InputError(
                f"corrupt DOCX: unsupported compression method {info.compress_type} (OOXML parts are"
                " stored or deflated)",
                where,
            )
        if info.file_size > BOMB_MIN_SIZE and info.file_size > BOMB_RATIO * max(info.compress_size, 1):
            raise LimitError(
                f"the part expands {info.file_size // max(info.compress_size, 1):,}:1 to"
                f" {info.file_size:,} bytes, over the {BOMB_RATIO}:1 limit for parts over"
                f" {BOMB_MIN_SIZE // (1024 * 1024)} MiB (zip bomb?)",
                where,
            )
        if info.file_size > left:
            raise LimitError(
                f"the part unpacks to {info.file_size:,} bytes, over what is left of the unpacked-size"
                " limit (zip bomb? raise with --max-unpacked)",
                where,
            )
        total = 0
        try:
            with self._archive.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    total += len(chunk)
                    # The header's sizes are not trusted: the budget is charged as bytes
                    # actually come out of the decompressor.
                    if total > left:
                        raise LimitError(
                            f"{what} unpacks to more than the unpacked-size limit (zip bomb? raise"
                            " with --max-unpacked)",
                            where,
                        )
                    sink(chunk)
        except NotImplementedError as exc:
            raise InputError(f"corrupt DOCX: unsupported compression ({exc})", where) from None
        except _ZIP_ERRORS as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise InputError(
                f"corrupt DOCX: the part is damaged ({reason or type(exc).__name__})", where
            ) from None
        return total

    def parse_part(self, name: str, data: bytes | None = None) -> etree._Element:
        """One XML part parsed with the hardened parser (`data`: its bytes, read already)."""
        return parse_xml(self.read(name) if data is None else data, Where(f"{self.where.source}: {name}"))

    def relationships(self, source: str = "") -> tuple[Relationship, ...]:
        """Relationships of a part ('' for the package itself), targets resolved to part names;
        each .rels part is read (and charged to the budget) once."""
        cached = self._rels.get(source)
        if cached is None:
            cached = self._rels[source] = self._read_relationships(source)
        return cached

    def _read_relationships(self, source: str) -> tuple[Relationship, ...]:
        directory, base = posixpath.split(source)
        rels_name = posixpath.join(directory, "_rels", f"{base}.rels")
        if not self.has(rels_name):
            return ()
        root = self.parse_part(rels_name)
        found: list[Relationship] = []
        for rel in root.iter(_REL_TAG):
            target = rel.get("Target") or ""
            external = rel.get("TargetMode") == "External"
            resolved = target if external else _resolve_target(directory, target)
            if resolved is None:
                continue
            found.append(Relationship(rel.get("Id") or "", rel.get("Type") or "", resolved, external))
        return tuple(found)

    def named_as_related(self, *sources: str) -> bool:
        """Whether `sources` and every internal part their relationships name ('' for the
        package's) are stored under those very names, not only under another case: OPC
        allows it and the reader follows it, but a writer looking parts up by name does not."""
        names = self._by_name
        return all(source in names for source in sources if source) and all(
            rel.target in names
            for source in sources
            for rel in self.relationships(source)
            if not rel.external and self.has(rel.target)
        )

    def related_part(self, source: str, kind: str) -> str | None:
        """The first internal part related to `source` by a relationship of that kind."""
        for rel in self.relationships(source):
            if rel.kind == kind and not rel.external and self.has(rel.target):
                return rel.target
        return None

    def main_document_part(self) -> str:
        """The part named by the package's officeDocument relationship (word/document.xml)."""
        target = self.related_part("", "officeDocument")
        if target is None and self.has("word/document.xml"):
            target = "word/document.xml"
        if target is None:
            raise InputError(self._not_a_docx_reason(), self.where)
        lowered = target.lower()
        if lowered.startswith("xl/"):
            raise InputError("not a DOCX file: it is an Excel workbook", self.where)
        if lowered.startswith("ppt/"):
            raise InputError("not a DOCX file: it is a PowerPoint presentation", self.where)
        return target

    def _not_a_docx_reason(self) -> str:
        if self.has("mimetype"):
            mimetype = self.read("mimetype")[:100].decode("ascii", "replace")
            if "opendocument.text" in mimetype:
                return "not a DOCX file: it is an OpenDocument text (.odt); save it as .docx"
            return f"not a DOCX file: it is an OpenDocument file ({mimetype.strip()})"
        if self.has("xl/workbook.xml"):
            return "not a DOCX file: it is an Excel workbook"
        if self.has("ppt/presentation.xml"):
            return "not a DOCX file: it is a PowerPoint presentation"
        return "corrupt DOCX: the package has no main document part (word/document.xml)"


def _part_key(name: str) -> str:
    """A part name as OPC compares them: '/'-separated, no leading '/', '.' and '..' resolved,
    ASCII case folded — so `/word/document.xml`, `word\\document.xml` and `Word/Document.xml`
    are one name."""
    return posixpath.normpath(name.replace("\\", "/").lstrip("/")).lower()


def _resolve_target(directory: str, target: str) -> str | None:
    """Resolve a relationship target against its source part's folder, as OPC says."""
    target = unquote(target.split("#", 1)[0])
    if not target:
        return None
    if target.startswith("/"):
        resolved = posixpath.normpath(target.lstrip("/"))
    else:
        resolved = posixpath.normpath(posixpath.join(directory, target))
    if resolved.startswith("../") or resolved == "..":
        return None
    return resolved
