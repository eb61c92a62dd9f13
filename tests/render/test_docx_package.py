"""render.docx_package's zip: the bytes zipfile writes for the same parts, and a large part
deflated as two halves at once (issue 18) that any zip reader reads back whole, the same
bytes on one core or two."""

from __future__ import annotations

import io
import random
import zipfile
import zlib

import pytest

from draftkit.render import docx_package
from draftkit.render.docx_package import HALVES_AT, Deflated, deflated, zip_package

STAMP = (2026, 11, 24, 13, 45, 58)


def _zipfile(members: list[tuple[str, bytes]]) -> bytes:
    """What `zip_package` wrote before it wrote zips itself: zipfile's bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            z.writestr(info, data, compresslevel=1)
    return buffer.getvalue()


def _xml(size: int, seed: int = 1) -> bytes:
    rng = random.Random(seed)
    words = [b"shall", b"Party", b"the", b"withdrawal", b"<w:t>", b"</w:t>", b"Article", b"zone"]
    out = bytearray()
    while len(out) < size:
        out += b" ".join(rng.choice(words) for _ in range(12)) + b"\n"
    return bytes(out[:size])


def test_the_parts_are_zipped_as_zipfile_zips_them() -> None:
    members = [
        ("[Content_Types].xml", _xml(3_000)),
        ("word/document.xml", _xml(200_000, seed=2)),
        ("word/media/ünïcode.bin", bytes(range(256)) * 40),
        ("docProps/empty.xml", b""),
    ]
    assert zip_package(members, STAMP) == _zipfile(members)


@pytest.mark.parametrize("cores", [1, 2])
def test_a_large_part_is_deflated_as_halves_read_back_whole(
    cores: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _xml(HALVES_AT + 123_457)
    monkeypatch.setattr(docx_package.os, "sched_getaffinity", lambda pid: set(range(cores)))
    part = deflated(data)
    assert part.size == len(data) and part.crc == zlib.crc32(data)
    assert zlib.decompress(part.data, -15) == data
    single = zlib.compressobj(1, zlib.DEFLATED, -15)
    assert part.data != single.compress(data) + single.flush()  # two halves, one stream
    packaged = zip_package([("word/document.xml", part), ("word/styles.xml", b"<styles/>")], STAMP)
    with zipfile.ZipFile(io.BytesIO(packaged)) as z:
        assert z.testzip() is None
        assert z.read("word/document.xml") == data
    monkeypatch.setattr(docx_package.os, "sched_getaffinity", lambda pid: set(range(3 - cores)))
    assert deflated(data) == part  # the same bytes on one core or two


def test_a_small_part_deflates_as_zipfile_deflates_it() -> None:
    data = _xml(HALVES_AT - 1)
    assert zip_package([("a.xml", deflated(data))], STAMP) == _zipfile([("a.xml", data)])
    assert isinstance(deflated(b""), Deflated)
