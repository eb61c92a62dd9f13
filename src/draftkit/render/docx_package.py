"""The package of a clean DOCX draft, and zipping any package: content types, relationships,
core and app properties, the template's styles and settings, deterministic zip members.

Takes a draft (its title), its `document.xml` and `numbering.xml` bytes and a revision
(author, date); hands on the package members in a fixed order and the zipped bytes.
Guarantees that the same parts give the same bytes (fixed member order, one timestamp
from `date`, no host OS in the zip) and that `write_atomically` never leaves a half file.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import os
import re
import struct
import threading
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from lxml import etree

from draftkit.errors import InputError, UsageError
from draftkit.model import Draft
from draftkit.records import record
from draftkit.render.wml import Revision, qn

__all__ = ["Deflated", "deflated", "draft_members", "write_atomically", "zip_package", "zip_time"]

_DATE_RE: Final = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$")


def zip_time(date: str) -> tuple[int, int, int, int, int, int]:
    """The zip timestamp for a `2026-01-01T00:00:00Z` date (a UsageError for anything else)."""
    match = _DATE_RE.match(date)
    if match is None:
        raise UsageError(f"date must look like 2026-01-01T00:00:00Z, not {date!r}")
    year, month, day, hour, minute, second = (int(g) for g in match.groups())
    return (min(max(year, 1980), 2107), month, day, hour, minute, second)


_CT_NS: Final = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL_NS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_REL: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WML_CT: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml"

# Part name, content type; also the order of the zip members.
_PARTS: Final = (
    ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
    ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
    ("/word/document.xml", f"{_WML_CT}.document.main+xml"),
    ("/word/styles.xml", f"{_WML_CT}.styles+xml"),
    ("/word/numbering.xml", f"{_WML_CT}.numbering+xml"),
    ("/word/settings.xml", f"{_WML_CT}.settings+xml"),
    ("/word/fontTable.xml", f"{_WML_CT}.fontTable+xml"),
    ("/word/webSettings.xml", f"{_WML_CT}.webSettings+xml"),
    ("/word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
)
_DOCUMENT_RELS: Final = (
    ("rId1", "styles", "styles.xml"),
    ("rId2", "numbering", "numbering.xml"),
    ("rId3", "settings", "settings.xml"),
    ("rId4", "fontTable", "fontTable.xml"),
    ("rId5", "webSettings", "webSettings.xml"),
    ("rId6", "theme", "theme/theme1.xml"),
)


@functools.cache
def _template_parts() -> dict[str, bytes]:
    """Styles, settings, fonts and theme from python-docx's default template, read once."""
    # find_spec locates the package without importing it: importing python-docx would
    # cost more than writing a 1,000-provision draft, and only its template file is needed.
    spec = importlib.util.find_spec("docx")
    if spec is None or spec.origin is None:
        raise InputError("python-docx is not installed: its default template is needed to write DOCX")
    template = Path(spec.origin).parent / "templates" / "default.docx"
    with zipfile.ZipFile(template) as z:
        names = ("word/settings.xml", "word/fontTable.xml", "word/webSettings.xml", "word/theme/theme1.xml")
        parts = {name: z.read(name) for name in names}
        parts["word/styles.xml"] = _trim_styles(z.read("word/styles.xml"))
    return parts


def _trim_styles(data: bytes) -> bytes:
    """The template's styles without its 140 table styles and its numbered list styles.

    The list styles point at the template's numbering.xml, which this writer replaces, and
    the table styles are 400 kB of XML a draft never uses.
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(data, parser)
    w_type, w_style_id = qn("w:type"), qn("w:styleId")
    for style in root.findall(qn("w:style")):
        unused_table = style.get(w_type) == "table" and style.get(w_style_id) != "TableNormal"
        if unused_table or style.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None:
            root.remove(style)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


_XML_DECLARATION: Final = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"


def _content_types() -> bytes:
    # Package plumbing with constant values only, so plain text is safe (and lxml-stubs
    # cannot type a default-namespace nsmap).
    rows = [
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
        '<Default Extension="xml" ContentType="application/xml"/>',
    ]
    rows += [f'<Override PartName="{name}" ContentType="{ctype}"/>' for name, ctype in _PARTS]
    return (_XML_DECLARATION + f'<Types xmlns="{_CT_NS}">' + "".join(rows) + "</Types>").encode()


def _relationships(rels: Sequence[tuple[str, str, str]]) -> bytes:
    rows = [f'<Relationship Id="{rid}" Type="{rtype}" Target="{target}"/>' for rid, rtype, target in rels]
    return (
        _XML_DECLARATION + f'<Relationships xmlns="{_REL_NS}">' + "".join(rows) + "</Relationships>"
    ).encode()


def _core_xml(title: str, rev: Revision) -> bytes:
    cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    dc = "http://purl.org/dc/elements/1.1/"
    dcterms = "http://purl.org/dc/terms/"
    xsi = "http://www.w3.org/2001/XMLSchema-instance"
    root = etree.Element(
        f"{{{cp}}}coreProperties", nsmap={"cp": cp, "dc": dc, "dcterms": dcterms, "xsi": xsi}
    )
    etree.SubElement(root, f"{{{dc}}}title").text = title
    etree.SubElement(root, f"{{{dc}}}creator").text = rev.author
    etree.SubElement(root, f"{{{cp}}}lastModifiedBy").text = rev.author
    etree.SubElement(root, f"{{{cp}}}revision").text = "1"
    for name in ("created", "modified"):
        stamp = etree.SubElement(root, f"{{{dcterms}}}{name}")
        stamp.set(f"{{{xsi}}}type", "dcterms:W3CDTF")
        stamp.text = rev.date
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _app_xml() -> bytes:
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    return (
        _XML_DECLARATION + f'<Properties xmlns="{ns}"><Application>draftkit</Application></Properties>'
    ).encode()


def draft_members(draft: Draft, document: bytes, numbering: bytes, rev: Revision) -> list[tuple[str, bytes]]:
    template = _template_parts()
    return [
        ("[Content_Types].xml", _content_types()),
        (
            "_rels/.rels",
            _relationships(
                (
                    ("rId1", f"{_OFFICE_REL}/officeDocument", "word/document.xml"),
                    ("rId2", f"{_REL_NS}/metadata/core-properties", "docProps/core.xml"),
                    ("rId3", f"{_OFFICE_REL}/extended-properties", "docProps/app.xml"),
                )
            ),
        ),
        ("docProps/core.xml", _core_xml(" ".join((draft.title or "").split()), rev)),
        ("docProps/app.xml", _app_xml()),
        ("word/document.xml", document),
        (
            "word/_rels/document.xml.rels",
            _relationships(
                [(rid, f"{_OFFICE_REL}/{rtype}", target) for rid, rtype, target in _DOCUMENT_RELS]
            ),
        ),
        ("word/styles.xml", template["word/styles.xml"]),
        ("word/numbering.xml", numbering),
        ("word/settings.xml", template["word/settings.xml"]),
        ("word/fontTable.xml", template["word/fontTable.xml"]),
        ("word/webSettings.xml", template["word/webSettings.xml"]),
        ("word/theme/theme1.xml", template["word/theme/theme1.xml"]),
    ]


@record
class Deflated:
    """A part deflated as a zip member holds it (raw deflate), with its size and CRC-32."""

    data: bytes
    size: int
    crc: int


_LEVEL: Final = 1  # a 4 MB document.xml deflates several times faster than at 6, ~10 % larger
_WINDOW: Final = 32_768  # what a deflate stream may refer back to
HALVES_AT: Final = 1 << 20  # bytes: a part this large is deflated as two halves at once


def deflated(data: bytes) -> Deflated:
    """`data` deflated for a zip member. A part of `HALVES_AT` bytes or more is deflated as two
    halves at once, the second in a thread (zlib works without the GIL; on one core, after the
    first), primed with the last 32 KB of the first, which ends on a sync flush (as pigz
    does): one valid stream, the same bytes on any machine, in about half the time (a
    13,000-provision redline's 4 MB document.xml: ~12 ms of ~24, on the redline's last
    stretch, where no child works beside it)."""
    if len(data) < HALVES_AT:
        whole = zlib.compressobj(_LEVEL, zlib.DEFLATED, -15)
        return Deflated(whole.compress(data) + whole.flush(), len(data), zlib.crc32(data))
    view = memoryview(data)
    middle = len(data) // 2
    second: list[bytes] = []

    def deflate_second() -> None:
        rest = zlib.compressobj(_LEVEL, zlib.DEFLATED, -15, zdict=view[middle - _WINDOW : middle])
        second.append(rest.compress(view[middle:]) + rest.flush())

    helper = threading.Thread(target=deflate_second) if len(os.sched_getaffinity(0)) >= 2 else None
    if helper is not None:
        helper.start()
    first = zlib.compressobj(_LEVEL, zlib.DEFLATED, -15)
    head = first.compress(view[:middle]) + first.flush(zlib.Z_SYNC_FLUSH)
    crc = zlib.crc32(data)
    if helper is not None:
        helper.join()
    if not second:  # (one core, or the thread failed: made here)
        deflate_second()
    return Deflated(head + second[0], len(data), crc)


def zip_package(
    members: Sequence[tuple[str, bytes | Deflated]], stamp: tuple[int, int, int, int, int, int]
) -> bytes:
    """Zip the parts in the given order with one fixed timestamp: same parts, same bytes (a
    part given `Deflated` is stored as it was deflated). The bytes are those `zipfile` writes
    (local headers with sizes and CRC, no data descriptors, one central directory), written
    here so that a part may come deflated."""
    out = bytearray()
    directory = bytearray()
    for name, data in members:
        part = data if isinstance(data, Deflated) else deflated(data)
        info = zipfile.ZipInfo(name, stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.create_system = 0  # otherwise the host OS leaks into the bytes
        info.external_attr = 0o600 << 16  # rw------- (what zipfile writes for a part without)
        info.CRC, info.compress_size, info.file_size = part.crc, len(part.data), part.size
        if max(len(out), part.size, len(part.data)) >= 0xFFFFFFFF:
            raise InputError(f"{name}: too large for a package (4 GB)")
        offset = len(out)
        out += info.FileHeader(False)
        out += part.data
        try:
            filename, flags = info.filename.encode("ascii"), info.flag_bits
        except UnicodeEncodeError:
            filename, flags = info.filename.encode("utf-8"), info.flag_bits | 0x800
        date, time = _dos(stamp)
        directory += struct.pack(
            "<4s4B4HL2L5H2L",
            b"PK\x01\x02",
            info.create_version,
            info.create_system,
            info.extract_version,
            info.reserved,
            flags,
            info.compress_type,
            time,
            date,
            info.CRC,
            info.compress_size,
            info.file_size,
            len(filename),
            0,  # extra
            0,  # comment
            0,  # disk
            info.internal_attr,
            info.external_attr,
            offset,
        )
        directory += filename
    count = len(members)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(directory), len(out), 0)
    return bytes(out + directory + end)


def _dos(stamp: tuple[int, int, int, int, int, int]) -> tuple[int, int]:
    """A timestamp as a zip holds it: its date and its time, MS-DOS style."""
    year, month, day, hour, minute, second = stamp
    return (year - 1980) << 9 | month << 5 | day, hour << 11 | minute << 5 | second // 2


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename over it: never a half file."""
    import tempfile  # (here: a redline is written by outputs.write_atomic; ~1 ms of imports)

    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # mkstemp creates the file 0600; a document is usually shared like any other.
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
