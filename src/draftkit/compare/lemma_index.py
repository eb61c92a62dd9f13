"""simplemma's dictionaries looked up without decoding them whole (issue 18).

simplemma ships each language's dictionary as one lzma-compressed, front-coded stream of
sorted (word, lemma) records and decodes all of it on a language's first lookup: 181,612
records for English (~0.3 s), 0.6 and 1.4 million for Ukrainian and Russian (1–2 s). A
front-coded record is read from the one before it, so a lookup can start only at a known
point: `lemma_index.LANG.json.gz` (made by tools/build_lemma_index.py; one file a language, so
an English diff reads only English's) holds, for every block of
records, where it starts in the decompressed stream and the record before it. A lookup
decompresses the file (30–80 ms, once), bisects to its block and reads at most a block.

The index fits one simplemma file byte for byte: it names the file's sha256, and any other
file (another simplemma, another language) makes `table` answer None — the caller then asks
simplemma itself. tests/compare/test_lemma_index.py checks the lookups against simplemma's own
decoded dictionary.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from bisect import bisect_right
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path
from typing import Any


def index_file(lang: str) -> Path:
    """The index of one language's dictionary."""
    return Path(__file__).with_name(f"lemma_index.{lang}.json.gz")


BLOCK = {"en": 64, "uk": 256, "ru": 256}

_MAGIC = b"SMFC1"
_SAME_AS_PREV = 254
_LITERAL_VALUE = 255

Seed = tuple[int, bytes, bytes]  # where a block starts, the record before it (key, value)


def data_file(lang: str) -> Path | None:
    """simplemma's compressed dictionary of `lang`, found without importing simplemma."""
    spec = find_spec("simplemma")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "strategies" / "dictionaries" / "data"
    path = path / f"{lang}.plzma"
    return path if path.is_file() else None


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, pos
        shift += 7


def header(data: bytes) -> tuple[bool, int, int]:
    """(keys stored reversed, record count, where the first record starts)."""
    if not data.startswith(_MAGIC):
        raise ValueError("not a front-coded stream")
    reverse = bool(data[len(_MAGIC)] & 1)
    count, pos = _varint(data, len(_MAGIC) + 1)
    return reverse, count, pos


def records(
    data: bytes, pos: int, key: bytes = b"", value: bytes = b""
) -> Iterator[tuple[int, bytes, bytes]]:
    """(where the record starts, stored key, stored value) from `pos` on: each key keeps a
    prefix of the one before and adds bytes; each value is the one before ("same"), a
    literal, or its own key with a tail replaced."""
    end_of_data = len(data)
    while pos < end_of_data:
        start = pos
        # A varint under 128 is its one byte (nearly every length here): read inline.
        shared = data[pos]
        if shared < 0x80:
            pos += 1
        else:
            shared, pos = _varint(data, pos)
        length = data[pos]
        if length < 0x80:
            pos += 1
        else:
            length, pos = _varint(data, pos)
        key = key[:shared] + data[pos : pos + length]
        pos += length
        trim = data[pos]
        pos += 1
        if trim != _SAME_AS_PREV:
            length = data[pos]
            if length < 0x80:
                pos += 1
            else:
                length, pos = _varint(data, pos)
            tail = data[pos : pos + length]
            pos += length
            value = tail if trim == _LITERAL_VALUE else key[: len(key) - trim] + tail
        yield start, key, value


class Table:
    """One language's dictionary: word → lemma, read a block at a time."""

    def __init__(self, data: bytes, seeds: list[Seed], firsts: list[bytes] | None = None) -> None:
        self._data = data
        self._reverse, self._count, self._start = header(data)
        self._seeds = seeds
        self._firsts = firsts if firsts is not None else [next(records(data, *seed))[1] for seed in seeds]
        self._decoded: dict[int, dict[bytes, bytes]] = {}

    def packed(self) -> tuple[bytes, list[Seed], list[bytes]]:
        """The table as plain values (`marshal`-able): `Table(*packed)` is the same table."""
        return self._data, self._seeds, self._firsts

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[str]:
        for _, key, _ in records(self._data, self._start):
            yield (key[::-1] if self._reverse else key).decode()

    def get(self, word: str) -> str | None:
        target = word.encode()
        if self._reverse:
            target = target[::-1]
        block = bisect_right(self._firsts, target) - 1
        if block < 0:
            return None
        found = self._block(block).get(target)
        if found is None:
            return None
        return (found[::-1] if self._reverse else found).decode()

    def _block(self, block: int) -> dict[bytes, bytes]:
        """The records of one block, decoded on its first lookup."""
        decoded = self._decoded.get(block)
        if decoded is None:
            end = self._seeds[block + 1][0] if block + 1 < len(self._seeds) else len(self._data)
            decoded = {}
            for start, key, value in records(self._data, *self._seeds[block]):
                if start >= end:
                    break
                decoded[key] = value
            self._decoded[block] = decoded
        return decoded


def seeds_of(data: bytes, block: int) -> tuple[int, list[Seed]]:
    """Every `block`-th record's seed, reading the whole stream (the index's builder)."""
    _, count, pos = header(data)
    seeds: list[Seed] = []
    key = value = b""
    n = 0
    for n, (start, stored_key, stored_value) in enumerate(records(data, pos), start=1):
        if (n - 1) % block == 0:
            seeds.append((start, key, value))
        key, value = stored_key, stored_value
    if n != count:
        raise ValueError("truncated or corrupt front-coded stream")
    return count, seeds


def _index(lang: str) -> dict[str, object]:
    try:
        with gzip.open(index_file(lang), "rt", encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError, EOFError):
        return {}
    return data if isinstance(data, dict) else {}


_TABLES: dict[str, Table | None] = {}  # each language's, once made (or given)


def table(lang: str) -> Table | None:
    """The dictionary of `lang`, or None when the index does not fit simplemma's file."""
    if lang not in _TABLES:
        _TABLES[lang] = _made(lang)
    return _TABLES[lang]


def packed(lang: str) -> tuple[str, tuple[bytes, list[Seed], list[bytes]]] | None:
    """`table(lang)` as plain values, for another process to `install` (api.diff: the child that
    reads the old draft makes it, so that this process does not); None without a table."""
    made = table(lang)
    return None if made is None else (lang, made.packed())


def install(value: object) -> None:
    """A table another process of this program made (`packed`), taken as its language's unless
    one is made here already; a value of any other shape is ignored (the table is then made
    here when first needed)."""
    lang: Any
    data: Any
    seeds: Any
    firsts: Any
    try:
        lang, (data, seeds, firsts) = value  # type: ignore[misc]
        if not isinstance(lang, str) or lang in _TABLES or lang not in BLOCK or not isinstance(data, bytes):
            return
        made = Table(
            data, [(int(at), bytes(key), bytes(val)) for at, key, val in seeds], [bytes(f) for f in firsts]
        )
    except (TypeError, ValueError, IndexError, StopIteration):
        return
    _TABLES[lang] = made


def _made(lang: str, *, cached: bool = True) -> Table | None:
    path = data_file(lang) if lang in BLOCK else None
    if path is None:
        return None
    raw = path.read_bytes()
    sha256 = hashlib.sha256(raw).hexdigest()
    if cached and (ready := _cached(lang, sha256)) is not None:
        return ready  # made from this very file (and an index that fitted it)
    entry = _index(lang)
    if not isinstance(entry, dict) or sha256 != entry.get("sha256"):
        return None
    import lzma

    try:
        data = lzma.decompress(raw)
        listed: list[list[Any]] = entry["seeds"]  # type: ignore[assignment]
        seeds = [(int(at), key.encode("latin-1"), value.encode("latin-1")) for at, key, value in listed]
        return Table(data, seeds)
    except (lzma.LZMAError, ValueError, TypeError, KeyError, IndexError, StopIteration):
        return None


# The table of a language made at install (`make`: tools/build_caches.py) and kept
# beside the bytecode, for this interpreter: simplemma's stream decompressed, its seeds and
# their first keys, as `Table.packed` gives them (draftkit.precompiled's kept files) — read in
# 4.5 ms (English) to 17 (Russian) where decompressing and indexing take 18 to 59 ms, in each
# process that looks a word up. Used
# only for the very simplemma file it was made from (its sha256), and only whole (a CRC-32
# of the rest opens the file); else the table is made as above.
_CACHE_FORMAT = 1


def cache_file(lang: str, folder: str | os.PathLike[str] | None = None) -> str:
    """Where the made table of `lang` is kept (`folder`: another than `__pycache__`)."""
    from draftkit.precompiled import kept_path

    return kept_path(__file__, f"lemma_index.{lang}", folder)


def _cached(lang: str, sha256: str, folder: str | os.PathLike[str] | None = None) -> Table | None:
    from draftkit.precompiled import read_kept

    try:
        header_, (data, seeds, firsts) = read_kept(cache_file(lang, folder))
        if header_ != (_CACHE_FORMAT, lang, sha256) or not isinstance(data, bytes):
            return None
        return Table(data, [(int(at), bytes(key), bytes(val)) for at, key, val in seeds], list(firsts))
    except (OSError, EOFError, ValueError, TypeError, IndexError, StopIteration):
        return None


def build_cache(lang: str, folder: str | os.PathLike[str] | None = None) -> bool:
    """The table of `lang` made and kept (`_cached` reads it); False where there is none to
    make (no simplemma file, or one the index does not fit). Written whole or not at all."""
    from draftkit.precompiled import write_kept

    made = _made(lang, cached=False)
    path = data_file(lang)
    if made is None or path is None:
        return False
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    write_kept(cache_file(lang, folder), ((_CACHE_FORMAT, lang, sha256), made.packed()))
    return True
