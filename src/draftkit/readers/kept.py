"""The parsed main document of a DOCX, kept from its reading for the redline written into it
(issue 18).

A DOCX redline is written into the new draft's own file (render.redline.base), which parses
its main document again: on a 13,000-provision draft ~20 ms on the redline's critical path,
for a tree the reader had just made. While a redline is made (`keeping(path)`, api.redline_bytes),
the reader hands the tree it parsed to `keep` instead of dropping it, and the base `take`s it
once, by path and SHA-256 (the file the draft was read from), with the bytes it was parsed
from (the base need not decompress the part again). Kept only as the file holds it:
a tree whose Strict-namespace elements the reader renamed is not kept (the base reads the file
as it is), nor any tree a redline does not want. What is not taken is dropped when `keeping`
ends, so no tree outlives the redline that wanted it.

The reader only reads the tree (tests/readers/test_kept.py: redlines made with and without it
are byte for byte the same).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml import etree

_lock = threading.Lock()
_wanted: dict[str, int] = {}  # path → how many redlines being made want its tree
_kept: dict[tuple[str, str], tuple[str, etree._Element, bytes]] = {}  # (path, sha256) → (part, root, bytes)


def _key(path: str | os.PathLike[str]) -> str:
    return str(Path(path))


@contextmanager
def keeping(path: str | os.PathLike[str]) -> Iterator[None]:
    """While this lasts, the main document parsed when the DOCX at `path` is read is kept."""
    key = _key(path)
    with _lock:
        _wanted[key] = _wanted.get(key, 0) + 1
    try:
        yield
    finally:
        with _lock:
            left = _wanted.pop(key) - 1
            if left:
                _wanted[key] = left
            else:
                for stale in [k for k in _kept if k[0] == key]:
                    del _kept[stale]


def wanted(path: str | os.PathLike[str]) -> bool:
    """Whether a redline being made wants the tree of the DOCX at `path` kept."""
    return bool(_wanted) and _key(path) in _wanted


def keep(path: str | os.PathLike[str], sha256: str, part: str, root: etree._Element, data: bytes) -> None:
    """Keep the parsed main document `part` of the file at `path` (as read: `sha256`), and
    the bytes it was parsed from."""
    key = _key(path)
    with _lock:
        if key in _wanted:
            _kept[(key, sha256)] = (part, root, data)


def take(path: str | os.PathLike[str], sha256: str, part: str) -> tuple[etree._Element, bytes] | None:
    """The kept tree of main document `part` of the file at `path` read as `sha256` and its
    bytes, handed over once (the taker may edit the tree); None when there is none."""
    with _lock:
        found = _kept.pop((_key(path), sha256), None)
    if found is None or found[0] != part:
        return None
    return found[1], found[2]
