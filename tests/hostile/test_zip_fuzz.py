"""Zip-level hostility: compression methods Word never writes, lying headers, truncation,
duplicate and aliased part names. Every one is read or refused with exit 3 and one line —
never exit 70. A seeded, bounded mutation fuzz of drafts/framework-v1.docx runs in CI
(DRAFTKIT_FUZZ_EXAMPLES scales the number of mutations, as in test_fuzz.py).
"""

from __future__ import annotations

import io
import os
import random
import struct
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

from .files import GOOD_TEXT
from .helpers import assert_fails, cli

SCALE = float(os.environ.get("DRAFTKIT_FUZZ_EXAMPLES", "1"))
SEED = 20260101
MUTATIONS = max(1, int(300 * SCALE))
SOURCE = ROOT / "drafts" / "framework-v1.docx"
LOCAL, CENTRAL, END = b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06"
# Offsets of the fields a mutation rewrites: (signature, offset, struct format).
FIELDS = {
    "local-flags": (LOCAL, 6, "<H"),
    "local-method": (LOCAL, 8, "<H"),
    "local-compressed": (LOCAL, 18, "<I"),
    "local-size": (LOCAL, 22, "<I"),
    "local-name-length": (LOCAL, 26, "<H"),
    "local-extra-length": (LOCAL, 28, "<H"),
    "central-flags": (CENTRAL, 8, "<H"),
    "central-method": (CENTRAL, 10, "<H"),
    "central-compressed": (CENTRAL, 20, "<I"),
    "central-size": (CENTRAL, 24, "<I"),
    "central-name-length": (CENTRAL, 28, "<H"),
    "central-extra-length": (CENTRAL, 30, "<H"),
    "central-offset": (CENTRAL, 42, "<I"),
    "end-entries": (END, 10, "<H"),
    "end-size": (END, 12, "<I"),
    "end-offset": (END, 16, "<I"),
}
METHODS = [0, 1, 6, 8, 9, 12, 14, 93, 95, 98, 99, 0xFFFF]


def _positions(data: bytes, signature: bytes) -> list[int]:
    found, at = [], data.find(signature)
    while at != -1:
        found.append(at)
        at = data.find(signature, at + 1)
    return found


def _set_field(data: bytearray, rng: random.Random, field: str) -> None:
    signature, offset, fmt = FIELDS[field]
    positions = _positions(bytes(data), signature)
    if not positions:
        return
    at = rng.choice(positions) + offset
    if at + struct.calcsize(fmt) > len(data):
        return
    if field.endswith("method"):
        value = rng.choice(METHODS)
    else:
        top = 0xFFFF if fmt == "<H" else 0xFFFFFFFF
        (old,) = struct.unpack_from(fmt, data, at)
        value = rng.choice([0, 1, top, top - 1, old + 1, max(old - 1, 0), rng.randrange(top + 1)]) & top
    struct.pack_into(fmt, data, at, value)


def _rezip(data: bytes, rng: random.Random) -> bytes:
    """The package rewritten with one entry duplicated (maybe under an aliased name) or
    recompressed with bzip2/LZMA."""
    source = zipfile.ZipFile(io.BytesIO(data))
    members = [(info.filename, source.read(info)) for info in source.infolist()]
    out = io.BytesIO()
    choice = rng.randrange(3)
    victim = rng.randrange(len(members))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for k, (name, part) in enumerate(members):
            method = zipfile.ZIP_DEFLATED
            if choice == 0 and k == victim:
                method = rng.choice([zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
            archive.writestr(zipfile.ZipInfo(name), part, compress_type=method)
            if choice >= 1 and k == victim:
                alias = rng.choice([name, "/" + name, name.replace("/", "\\"), name.upper(), name.title()])
                archive.writestr(zipfile.ZipInfo(alias), part if choice == 1 else part[: len(part) // 2])
    return out.getvalue()


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to three structural mutations of a zip: header fields, flipped bytes, truncation,
    duplicated entries, other compression methods."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        kind = rng.randrange(5)
        if kind == 0:
            _set_field(out, rng, rng.choice(list(FIELDS)))
        elif kind == 1:  # flip bytes inside one header
            signature = rng.choice([LOCAL, CENTRAL, END])
            positions = _positions(bytes(out), signature)
            if positions:
                at = rng.choice(positions) + rng.randrange(46)
                if at < len(out):
                    out[at] ^= 1 << rng.randrange(8)
        elif kind == 2:
            out = out[: rng.randrange(len(out))]
        elif kind == 3:
            try:
                out = bytearray(_rezip(bytes(out), rng))
            except (zipfile.BadZipFile, ValueError, EOFError, OSError, NotImplementedError, KeyError):
                continue  # already too damaged to rewrite: keep it as it is
            except Exception:  # the zlib, bz2 and lzma modules' own errors
                continue
        else:  # flip a random byte anywhere
            if out:
                out[rng.randrange(len(out))] ^= 0xFF
    return bytes(out)


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_zip_mutations_exit_0_or_3(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    original = SOURCE.read_bytes()
    path = tmp_path / "mutant.docx"
    seen: dict[int, int] = {}
    for k in range(MUTATIONS):
        data = mutate(original, rng)
        path.write_bytes(data)
        run = cli("parse", path, "--format", "json")
        assert run.code in (0, 3), (k, run.code, run.err)
        assert "Traceback" not in run.err
        if run.code == 3:
            assert run.out == "" and run.err.startswith("draftkit: error: ") and run.err.count("\n") == 1, (
                run.err
            )
        seen[run.code] = seen.get(run.code, 0) + 1
    assert seen.get(3, 0) > 0  # the mutations do reach the error paths


def _package(entries: list[tuple[str, bytes, int]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data, method in entries:
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return out.getvalue()


def _members() -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(SOURCE) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


@pytest.mark.parametrize(
    "alias",
    [
        "word/document.xml",
        "/word/document.xml",
        "word\\document.xml",
        "Word/Document.xml",
        "WORD/DOCUMENT.XML",
        "word/./document.xml",
    ],
)
@pytest.mark.parametrize("first", [True, False], ids=["alias-first", "alias-last"])
@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_duplicate_or_aliased_part_names_are_refused(alias: str, first: bool, tmp_path: Path) -> None:
    members = _members()
    document = dict(members)["word/document.xml"]
    other = document.replace(b"cease", b"resume")
    entries = [(name, data, zipfile.ZIP_DEFLATED) for name, data in members]
    extra = (alias, other, zipfile.ZIP_DEFLATED)
    entries = [extra, *entries] if first else [*entries, extra]
    path = tmp_path / "ambiguous.docx"
    path.write_bytes(_package(entries))
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    for args in (["parse", path], ["diff", good, path], ["validate", path]):
        assert_fails(cli(*args), 3, "damaged or ambiguous package: two parts named word/document.xml", path)


@pytest.mark.parametrize(
    "method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA, 99, 12345], ids=["bzip2", "lzma", "aes", "unknown"]
)
def test_compression_methods_word_never_writes_are_refused(method: int, tmp_path: Path) -> None:
    members = _members()
    if method in (zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
        data = _package(
            [(n, d, method if n == "word/document.xml" else zipfile.ZIP_DEFLATED) for n, d in members]
        )
    else:  # zipfile cannot write these: write stored, then rewrite the method fields
        buffer = bytearray(_package([(n, d, zipfile.ZIP_STORED) for n, d in members]))
        for signature, offset in ((LOCAL, 8), (CENTRAL, 10)):
            for at in _positions(bytes(buffer), signature):
                struct.pack_into("<H", buffer, at + offset, method)
        data = bytes(buffer)
    path = tmp_path / "method.docx"
    path.write_bytes(data)
    assert_fails(cli("parse", path), 3, "compression", path)


@pytest.mark.parametrize("field", sorted(FIELDS), ids=sorted(FIELDS))
@pytest.mark.parametrize("value", ["zero", "max"])
def test_every_header_field_at_its_extremes(field: str, value: str, tmp_path: Path) -> None:
    signature, offset, fmt = FIELDS[field]
    data = bytearray(SOURCE.read_bytes())
    top = 0xFFFF if fmt == "<H" else 0xFFFFFFFF
    for at in _positions(bytes(data), signature):
        struct.pack_into(fmt, data, at + offset, 0 if value == "zero" else top)
    path = tmp_path / "fields.docx"
    path.write_bytes(bytes(data))
    run = cli("parse", path, "--format", "json")
    assert run.code in (0, 3), (run.code, run.err)
    if run.code == 3:
        assert run.err.count("\n") == 1
