"""The input limits (docs/limits.md): what each one bounds, its default, and the CLI option
that raises it. Every reader honours them; hitting one is a `LimitError` (exit 3).

The defaults keep a hostile file within about 1 GB of memory and a few seconds on a small
machine, while staying far above any real draft: a 1,000-page framework text is some
10,000 provisions, a few MB of document XML, and travels by e-mail under 25 MB.
"""

from __future__ import annotations

import os
from typing import IO

from draftkit.records import record

DEFAULT_MAX_BYTES = 50_000_000
"""Largest input file on disk (`--max-bytes`)."""
DEFAULT_MAX_UNPACKED = 50_000_000
"""Most bytes decompressed from the XML parts of one DOCX (`--max-unpacked`); lxml needs
up to ~20 times this in memory for pathological markup, so this is the memory bound."""
DEFAULT_MAX_PROVISIONS = 50_000
"""Most provisions in one draft (`--max-provisions`)."""
DEFAULT_MAX_DEPTH = 24
"""Deepest nesting of provisions (`--max-depth`)."""
PARAGRAPHS_PER_PROVISION = 10
"""Paragraphs (blocks) a reader accepts per allowed provision, so that a file of millions of
tiny unnumbered paragraphs fails fast instead of filling memory: the paragraph limit is
`PARAGRAPHS_PER_PROVISION * max_provisions` and rises with `--max-provisions`."""
MAX_LABEL_CHARS = 255
"""Longest automatic number a DOCX numbering definition may produce; longer ones are cut."""
WEIGH_CHARS = 200_000
"""Longest changed provision (old and new text together, in characters) the risk rules weigh;
a longer one is flagged as not weighed, with a located note (far above any real provision:
some 30,000 words; the rules' time and memory grow with it — docs/limits.md)."""


@record
class Limits:
    """Input limits; each has a CLI option to raise it."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_unpacked: int = DEFAULT_MAX_UNPACKED
    max_provisions: int = DEFAULT_MAX_PROVISIONS
    max_depth: int = DEFAULT_MAX_DEPTH
    strict: bool = False
    """Refuse (exit 3) a draft whose reading needed a guess: see `Draft.warnings`."""

    @property
    def max_paragraphs(self) -> int:
        """Most paragraphs (blocks) a reader hands on, derived from `max_provisions`."""
        return PARAGRAPHS_PER_PROVISION * self.max_provisions


_CHUNK = 1 << 20


def read_upto(stream: IO[bytes], count: int) -> bytes:
    """At most `count` bytes of `stream`, a megabyte at a time: `stream.read(count)` sets
    aside `count` bytes first, so a limit raised to 100 GB (--max-bytes) ran out of memory
    on a file of a few lines, and one past 2^63 could not be asked for at all."""
    chunks: list[bytes] = []
    while count > 0:
        chunk = stream.read(min(count, _CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        count -= len(chunk)
    return b"".join(chunks)


def read_capped(path: str | os.PathLike[str], most: int) -> bytes | None:
    """The bytes of a file named beside the drafts (a taxonomy, a clause schema, a manifest,
    a pairs file), or None when it holds more than `most`: read, not sized first, since a
    device (/dev/zero), a pipe or a file still growing has no size to trust and would be
    read without end. OSError goes to the caller, who names the file."""
    with open(path, "rb") as handle:
        data = read_upto(handle, most + 1)
    return data if len(data) <= most else None
