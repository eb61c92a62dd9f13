"""Work split over two processes by forking, where that is safe and pays (issue 18).

`readers.pair` reads the old draft in a forked child while this process reads the new one;
`risk.annotate` flags the second half of the changes in a child the same way; `Ahead` makes,
in a child, what this process will want later (risk.foresight: texts' scores while the drafts
are compared) and this process takes what has come by then. They ask `can_fork`; the child's
results come back as plain values through a pipe (`marshal`), and if anything goes wrong in
the child this process does that work itself, so results and errors are those of the ordinary
path.

Forking is safe here only on Linux, with at least two usable cores, in a process running a
single thread (a fork beside other threads may inherit a lock held by one of them: the web
app's server threads, a test runner's) that is not itself a pool worker.
`DRAFTKIT_SEQUENTIAL=1` turns it off.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

ENV = "DRAFTKIT_SEQUENTIAL"  # set to 1: never fork, everything in this process

_T = TypeVar("_T")
_R = TypeVar("_R")


def can_fork() -> bool:
    """Whether work may be split with a forked child now (see the module's docstring)."""
    if os.environ.get(ENV) == "1" or not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    if threading.active_count() > 1 or _in_pool_worker():
        return False
    return len(os.sched_getaffinity(0)) >= 2


def _in_pool_worker() -> bool:
    # A pool worker has multiprocessing loaded (inherited, or imported to run): where it is
    # not, this process is none, and the module's import is spared.
    multiprocessing = sys.modules.get("multiprocessing")
    return multiprocessing is not None and multiprocessing.parent_process() is not None


def halves(
    items: Sequence[_T],
    work: Callable[[_T], _R],
    encode: Callable[[_R], Any],
    decode: Callable[[Any], _R],
    *,
    at_least: int,
) -> list[_R]:
    """`[work(item) for item in items]`, the second half done in a forked child when there
    are `at_least` items and `can_fork`. `encode` makes a result marshal-able, `decode` makes
    it again; the parent's half and any error it raises are as in the ordinary path."""
    if len(items) < at_least or not can_fork():
        return [work(item) for item in items]
    half = len(items) // 2
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its half, sent back; it leaves without cleanup handlers
        os.close(reader)
        child(writer, lambda: [encode(work(item)) for item in items[half:]])
    os.close(writer)
    try:
        first = [work(item) for item in items[:half]]
    except BaseException:
        os.close(reader)
        stop(pid)
        raise
    payload = drain(reader)
    os.close(reader)
    reap(pid)
    second: list[_R] | None = None
    if payload:
        with contextlib.suppress(Exception):
            second = [decode(value) for value in marshal.loads(payload)]
    if second is None or len(second) != len(items) - half:
        second = [work(item) for item in items[half:]]
    return first + second


def child(writer: int, make: Callable[[], Any]) -> None:
    """In a forked child: `make()` marshalled into the pipe, then exit (status 0 when sent)."""
    status = 1
    try:
        data = marshal.dumps(make())
        with os.fdopen(writer, "wb") as stream:
            stream.write(data)
        status = 0
    except BaseException:
        pass
    finally:
        os._exit(status)


_PIPE = 1 << 20  # a pipe's buffer raised to this (Linux' default limit for a process)


def pipe() -> tuple[int, int]:
    """A pipe (reading end, writing end) whose buffer holds up to 1 MB where the system allows:
    a child writes what it makes without waiting for this process, busy elsewhere, to read."""
    import fcntl  # POSIX only, as forking is: imported once `can_fork` said yes

    reader, writer = os.pipe()
    with contextlib.suppress(AttributeError, OSError):
        fcntl.fcntl(writer, fcntl.F_SETPIPE_SZ, _PIPE)
    return reader, writer


def child_pieces(writer: int, make: Callable[[], Iterable[Any]]) -> None:
    """In a forked child: each value `make()` yields marshalled into the pipe as it is made,
    each after its length (8 bytes), then exit (status 0 when all were sent). The parent
    reads them with `pieces`, one while the child makes the next."""
    status = 1
    try:
        with os.fdopen(writer, "wb") as stream:
            for value in make():
                data = marshal.dumps(value)
                stream.write(len(data).to_bytes(8, "little"))
                stream.write(data)
                stream.flush()
        status = 0
    except BaseException:
        pass
    finally:
        os._exit(status)


def pieces(reader: int) -> Iterator[Any]:
    """The values a child sends with `child_pieces`, each as soon as it has come whole;
    EOFError when the child ended in the middle of one. The pipe's end is left open."""
    with os.fdopen(reader, "rb", closefd=False) as stream:
        while size := stream.read(8):
            data = stream.read(int.from_bytes(size, "little")) if len(size) == 8 else b""
            if len(size) != 8 or len(data) != int.from_bytes(size, "little"):
                raise EOFError("the child ended in the middle of a piece")
            yield marshal.loads(data)


def stop(pid: int) -> None:
    """End a forked child this process no longer listens to (it may be blocked writing to a
    pipe no one reads), and wait for it."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    reap(pid)


class Ahead:
    """Work begun in a forked child for later: `take` gives the pieces the child has sent
    whole by then (the values `make()` yields, in order), never waiting for more, and ends the
    child. Whatever has not come is for this process to make when it needs it, so a result
    never depends on how far the child got, only the time does."""

    def __init__(self, make: Callable[[], Iterable[Any]]) -> None:
        self._reader, writer = pipe()
        self._pid = os.fork()
        if self._pid == 0:
            os.close(self._reader)
            child_pieces(writer, make)
        os.close(writer)

    def take(self) -> list[Any]:
        """The pieces that have come whole; the child is ended (once: then it is [])."""
        if self._reader < 0:
            return []
        os.set_blocking(self._reader, False)
        chunks = []
        with contextlib.suppress(BlockingIOError):
            while chunk := os.read(self._reader, 1 << 20):
                chunks.append(chunk)
        os.close(self._reader)
        self._reader = -1
        stop(self._pid)
        data = b"".join(chunks)
        taken = []
        at = 0
        while at + 8 <= len(data):
            end = at + 8 + int.from_bytes(data[at : at + 8], "little")
            if end > len(data):
                break  # a piece still being written
            try:
                taken.append(marshal.loads(data[at + 8 : end]))
            except (EOFError, ValueError, TypeError):
                break
            at = end
        return taken


def drain(reader: int) -> bytes:
    """Everything a child wrote to the pipe, until it closed its end."""
    chunks = []
    while chunk := os.read(reader, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def reap(pid: int) -> None:
    """Wait for a forked child to end."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
