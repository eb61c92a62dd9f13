"""Regular expressions compiled once, at install, instead of in every process (issue 18).

Python compiles a regular expression in Python code (re's parser and compiler): draftkit's
~200 patterns — Word's number formats, citations, the tokeniser's, the comparison's
lexicon — cost ~40 ms of every long diff, paid again in each forked child that needs them.
What the compiler makes is plain data (the pattern's flags, its code as a list of integers,
its groups), from which the C engine builds the pattern object in microseconds.

`build` (tools/build_caches.py, run by `make` after installing) records the patterns
a representative run compiles and writes that data to a file beside this module's
bytecode, for this interpreter only (`__pycache__/patterns.<cache tag>.bin`, like a .pyc).
`install`, called when draftkit is imported, puts the patterns back into `re`'s own cache:
`re.compile(p, flags)` then finds them there, as it finds a pattern compiled earlier in
the process. Each one is checked equal to what `re.compile` makes (flags, code, groups)
when the file is built, and the file is used only by the interpreter that built it (its
version and the engine's code format); a file missing, stale, or unreadable is ignored and
the patterns compile as usual. The file opens with a CRC-32 of the rest: `re`'s C engine
checks little of the code it is given (one flipped bit of a group count crashed the
interpreter at `import draftkit`; one in a pattern made `re.compile` of a wrong pattern
succeed), so a damaged file is not unpacked at all. The check is for damage, not for a
hostile file: the file is trusted as the bytecode beside it is. Nothing is written at run
time.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # (no stubs: the C engine behind re)
import marshal
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

_FORMAT = 2  # of the file's contents (bumped when the entries' shape changes)
# One pattern's key (pattern, flags as re's cache keys them) and what `_sre.compile` takes.
Entry = tuple[str | bytes, int, int, list[int], int, dict[str, int], tuple[str | None, ...]]


def cache_path(folder: str | os.PathLike[str] | None = None) -> str:
    """Where this interpreter's file is (`folder`: another than this module's `__pycache__`)."""
    return kept_path(__file__, "patterns", folder)


def _header() -> tuple[Any, ...]:
    return (_FORMAT, sys.version, _sre.MAGIC, _sre.CODESIZE)


# Files made at install for this interpreter and kept beside a module's bytecode (the
# patterns here, compare.lemma_index's tables): one value marshalled, sealed by a CRC-32.


def kept_path(module: str, name: str, folder: str | os.PathLike[str] | None = None) -> str:
    """`__pycache__/NAME.<cache tag>.bin` beside `module` (a module's `__file__`), or in
    `folder` (os.path, not pathlib: this module is imported with draftkit, by `draftkit --help`
    too)."""
    home = os.fspath(folder) if folder is not None else os.path.join(os.path.dirname(module), "__pycache__")
    return os.path.join(home, f"{name}.{sys.implementation.cache_tag}.bin")


def _sealed(payload: bytes) -> bytes:
    """The file's bytes: a CRC-32 of the payload (4 bytes, big-endian), then the payload."""
    return zlib.crc32(payload).to_bytes(4, "big") + payload


def _opened(data: bytes) -> memoryview:
    """The payload of a file's bytes (not copied: a kept table is up to 9 MB); ValueError when
    its CRC-32 is not the one recorded."""
    payload = memoryview(data)[4:]
    if len(data) < 4 or int.from_bytes(data[:4], "big") != zlib.crc32(payload):
        raise ValueError("damaged file")
    return payload


def write_kept(path: str, value: Any) -> None:
    """`value` marshalled and sealed into `path`, whole or not at all."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path + ".tmp", "wb") as file:
        file.write(_sealed(marshal.dumps(value)))
    os.replace(path + ".tmp", path)


def read_kept(path: str | os.PathLike[str]) -> Any:
    """The value `write_kept` wrote; OSError when there is no file, ValueError (or EOFError,
    TypeError) when it is damaged."""
    with open(path, "rb") as file:
        return marshal.loads(_opened(file.read()))


def install(path: str | os.PathLike[str] | None = None) -> int:
    """The file's patterns put into `re`'s cache (those not there already); how many. Nothing
    when the file is missing, unreadable or was built by another interpreter."""
    try:
        header, entries = read_kept(path if path is not None else cache_path())
        cache = re._cache  # type: ignore[attr-defined]  # re's own: {(type, pattern, flags): Pattern}
        room = re._MAXCACHE - len(cache)  # type: ignore[attr-defined]
    except (OSError, EOFError, ValueError, TypeError, AttributeError, MemoryError):
        return 0
    if header != _header() or type(cache) is not dict:
        return 0
    made = 0
    try:
        for pattern, flags, final, code, groups, index, names in entries[: max(room, 0)]:
            key = (type(pattern), pattern, flags)
            if key not in cache:
                cache[key] = _sre.compile(pattern, final, code, groups, index, names)
                made += 1
    except (TypeError, ValueError, RuntimeError, OverflowError):
        pass  # a damaged entry: those before it were whole, the rest compile as usual
    return made


def entry(pattern: str | bytes, flags: int) -> Entry | None:
    """What `re.compile(pattern, flags)` compiles `pattern` to, as data (the steps of
    re._compiler.compile); None if that is not what `re.compile` makes (checked)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    if flags & re.DEBUG:
        return None  # (compiling it prints)
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    index = dict(parsed.state.groupdict)
    names: list[str | None] = [None] * parsed.state.groups
    for name, i in index.items():
        names[i] = name
    made: Entry = (
        pattern,
        flags,
        int(flags | parsed.state.flags),
        code,
        parsed.state.groups - 1,
        index,
        tuple(names),
    )
    rebuilt = _sre.compile(pattern, made[2], code, made[4], index, made[6])
    return made if rebuilt == re.compile(pattern, flags) else None


@contextmanager
def recording() -> Iterator[set[tuple[str | bytes, int]]]:
    """The (pattern, flags) of every pattern `re` compiles while the block runs (for `build`:
    `re`'s internal compile step watched, then put back)."""
    seen: set[tuple[str | bytes, int]] = set()
    compile_step: Callable[[Any, Any], re.Pattern[Any]] = re._compile  # type: ignore[attr-defined]

    def watched(pattern: Any, flags: Any) -> re.Pattern[Any]:
        if isinstance(pattern, str | bytes):
            seen.add((pattern, int(flags)))
        return compile_step(pattern, flags)

    re._compile = watched  # type: ignore[attr-defined]
    try:
        yield seen
    finally:
        re._compile = compile_step  # type: ignore[attr-defined]


def build(patterns: set[tuple[str | bytes, int]], path: str | os.PathLike[str] | None = None) -> int:
    """The file written for these patterns (sorted: the same patterns, the same bytes), each
    checked; how many it holds. Written whole or not at all."""
    entries = []
    for pattern, flags in sorted(patterns, key=lambda item: (isinstance(item[0], bytes), repr(item))):
        try:
            made = entry(pattern, flags)
        except (re.error, TypeError, ValueError, OverflowError, RecursionError):
            made = None
        if made is not None:
            entries.append(made)
    write_kept(os.fspath(path) if path is not None else cache_path(), (_header(), entries))
    return len(entries)
