"""Work split over two processes by forking, where that is safe and pays (issue 18).

`readers.pair` reads the old draft in a forked child while this process reads the new one;
`risk.annotate` shares the flagging of the changes with a child (`halves`: each from one end,
meeting where they meet); `Ahead` makes, in a child, what this process will want later
(risk.foresight: texts' scores while the drafts are compared) and this process takes what
has come by then. They ask `can_fork`; the child's
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
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from draftkit.memory import ending

if TYPE_CHECKING:
    import _socket

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
    meanwhile: Callable[[], None] | None = None,
) -> list[_R]:
    """`[work(item) for item in items]`, shared with a forked child when there are `at_least`
    items and `can_fork`: this process works from the front, the child from the back, and
    they meet where they meet (the child's results come in small pieces, taken between two
    items of this process, which never waits for them), so the share of each follows its
    speed, not a fixed half. `encode` makes a result marshal-able, `decode` makes it again;
    this process's results and any error it raises are as in the ordinary path, and what the
    child did not send (it failed, or was slow) is done here. `meanwhile`: other work of this
    process, done once the child is forked, before its own share (without a child: first)."""
    if len(items) < at_least or not can_fork():
        if meanwhile is not None:
            meanwhile()
        return [work(item) for item in items]
    reader, writer = pipe()
    pid = os.fork()
    if pid == 0:  # the child: from the back, in pieces; it leaves without cleanup handlers
        quiet_child()
        os.close(reader)
        child_pieces(writer, lambda: _from_the_back(items, work, encode))
    os.close(writer)
    came = _Pieces(reader)
    first: list[_R] = []
    try:
        os.set_blocking(reader, False)
        if meanwhile is not None:
            meanwhile()
            came.poll()  # the child may have done much while this process did `meanwhile`
        while len(first) < len(items) - came.count:
            first.append(work(items[len(first)]))
            came.poll()
    finally:
        os.close(reader)
        stop(pid)  # done, or failed here: the child's unsent work is not wanted
    # The child's results from the back, down to where this process's begin (it may have
    # sent one this process had made too).
    sent = [value for piece in came.values for value in piece][: len(items) - len(first)]
    second: list[_R] = []
    with contextlib.suppress(Exception):
        second = [decode(value) for value in reversed(sent)]
    missing = [work(item) for item in items[len(first) : len(items) - len(second)]]
    return first + missing + second


_PIECE = 4  # results the child sends at a time: this process sees its progress this closely


def _from_the_back(
    items: Sequence[_T], work: Callable[[_T], _R], encode: Callable[[_R], Any]
) -> Iterator[Any]:
    piece = []
    for item in reversed(items):
        piece.append(encode(work(item)))
        if len(piece) == _PIECE:
            yield piece
            piece = []
    if piece:
        yield piece


class _Pieces:
    """The pieces a child sends with `child_pieces` on a non-blocking pipe, gathered as they
    come whole (`poll` never waits); `count`: how many values they hold."""

    def __init__(self, reader: int) -> None:
        self._reader = reader
        self._data = bytearray()
        self.values: list[list[Any]] = []
        self.count = 0
        self._closed = False

    def poll(self) -> None:
        if self._closed:
            return
        try:
            chunk = os.read(self._reader, 1 << 20)
        except BlockingIOError:
            return
        if not chunk:
            self._closed = True
            return
        data = self._data
        data += chunk
        values, used, whole = _complete(data)
        for piece in values:
            if type(piece) is not list:
                whole = False
                break
            self.values.append(piece)
            self.count += len(piece)
        if not whole:
            self._closed = True  # not what the child sends: what came before it is kept
        del data[:used]


def _complete(data: bytes | bytearray) -> tuple[list[Any], int, bool]:
    """The pieces (as `child_pieces` frames them) that stand whole at the start of `data`, the
    bytes they take, and False when one could not be decoded (nothing after it is read)."""
    values: list[Any] = []
    at = 0
    while at + 8 <= len(data):
        end = at + 8 + int.from_bytes(data[at : at + 8], "little")
        if end > len(data):
            break  # a piece still being written
        try:
            values.append(marshal.loads(data[at + 8 : end]))
        except (EOFError, ValueError, TypeError):
            return values, at, False
        at = end
    return values, at, True


_PIPE = 1 << 20  # a pipe's buffer raised to this (Linux' default limit for a process)


def pipe() -> tuple[int, int]:
    """A pipe (reading end, writing end) whose buffer holds up to 1 MB where the system allows:
    a child writes what it makes without waiting for this process, busy elsewhere, to read."""
    import fcntl  # POSIX only, as forking is: imported once `can_fork` said yes

    reader, writer = os.pipe()
    with contextlib.suppress(AttributeError, OSError):
        fcntl.fcntl(writer, fcntl.F_SETPIPE_SZ, _PIPE)
    return reader, writer


def quiet_child() -> None:
    """In a forked child, first: its standard output and error pointed at the null device. A
    child writes nothing there (its results go through a pipe; what fails in it the parent does
    again), and its copies would keep this program's output open until the child has exited: a
    reader of it (`draftkit diff … | grep HIGH`, a script capturing it) would wait for the
    children's exit, not the program's (see `reap`)."""
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        os.close(null)


def child_pieces(writer: int, make: Callable[[], Iterable[Any]]) -> None:
    """In a forked child: each value `make()` yields marshalled into the pipe as it is made,
    each after its length (8 bytes), then exit (status 0 when all were sent). The parent
    reads them with `pieces`, one while the child makes the next."""
    status = 1
    try:
        send_pieces(writer, make())
        status = 0
    except BaseException:
        pass
    finally:
        os._exit(status)


def send_pieces(writer: int, values: Iterable[Any]) -> None:
    """Each value marshalled into the pipe as it is made (`frame`), then the pipe closed."""
    with os.fdopen(writer, "wb") as stream:
        for value in values:
            stream.write(frame(value))
            stream.flush()


def frame(value: Any) -> bytes:
    """A value as the pipes here carry it: its length (8 bytes), then its `marshal` bytes."""
    data = marshal.dumps(value)
    return len(data).to_bytes(8, "little") + data


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
    pipe no one reads), and reap it (`reap`: waited for, but in the `draftkit` program)."""
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
            quiet_child()
            os.close(self._reader)
            child_pieces(writer, make)
        os.close(writer)

    def take(self) -> list[Any]:
        """The pieces that have come whole; the child is ended (once: then it is [])."""
        if self._reader < 0:
            return []
        reader, self._reader = self._reader, -1
        try:
            return _come(reader)
        finally:
            stop(self._pid)

    def keep(self) -> Coming:
        """The pieces as they come, the child left working (`end` ends it)."""
        return Coming(self._reader)

    def end(self) -> None:
        """The child ended and the pipe closed (if not taken already)."""
        if self._reader >= 0:
            reader, self._reader = self._reader, -1
            os.close(reader)
            stop(self._pid)


class Coming:
    """The pieces a child sends (`child_pieces`) taken as they come, while it goes on: `new`
    gives those that have come whole since the last call, never waiting. The pipe stays its
    owner's (`Ahead`, `Later`), which ends the child and closes it."""

    def __init__(self, reader: int) -> None:
        self._reader = reader
        self._data = bytearray()
        self.done = reader < 0  # the child has sent all it will (its end of the pipe closed)
        if reader >= 0:
            os.set_blocking(reader, False)

    def new(self) -> list[Any]:
        if self.done:
            return []
        data = self._data
        try:
            while chunk := os.read(self._reader, 1 << 20):
                data += chunk
            self.done = True  # the end of the pipe: all has come
        except BlockingIOError:
            pass
        values, used, whole = _complete(data)
        del data[:used]
        if not whole:
            self.done = True  # not what a child sends: nothing after it is read
        return values


def _come(reader: int) -> list[Any]:
    """The pieces that have come whole on the pipe by now (never waiting); the pipe closed."""
    try:
        return Coming(reader).new()
    finally:
        os.close(reader)


class Later:
    """Work a forked child goes on with once its own task is done and this process has given it
    a value: `run(*args)` (in the child) iterates `make(*args, given)`, where `given()` waits
    for the next value given (`given.ready()` says, never waiting, whether one has come), and
    sends what it yields, as `Ahead` does. This process gives with `give`, value after value,
    which never waits (each value goes through a file in memory, which the child reads when it
    is ready; only its size through a socket), and `take`s what has come whole, which ends
    the child, as `Ahead.take` does, or `wait`s for all the child sends.

    Set up before the fork (`open`: False where the system has no files in memory), then each
    side keeps its own ends (`in_child`, `in_parent(pid)`). Until `in_parent`, or once taken
    or `end`ed, `give` does nothing and `take` gives []. `end` must follow, in any case: it
    reaps the child (taken: killed; see `reap`) and closes what `open` made."""

    def __init__(self, make: Callable[..., Iterable[Any]]) -> None:
        self._make = make
        self._pid = 0
        self._killed = False
        self._kept = False  # its results taken as they come (`keep`)
        self._memory = self._results_r = self._results_w = -1
        self._given_up_to = 0  # bytes of the file in memory given so far (this process)
        self._read_up_to = 0  # bytes of it read so far (the child)
        # The size of the value given, told the child through a socket (a send to a child gone
        # fails, where a write to a pipe would raise SIGPIPE): this process's end, the child's.
        # (`_socket`, imported by `open`: the C module `socket` wraps, ~0.8 ms where `socket` is ~4)
        self._told: _socket.socket | None = None
        self._telling: _socket.socket | None = None

    def open(self) -> bool:
        """Before the fork: the file, socket and pipe made (False, and nothing left open, where
        they cannot be)."""
        import _socket  # here, not at the top: only a long pair read side by side needs it

        try:
            self._memory = os.memfd_create("draftkit-later", os.MFD_CLOEXEC)
            self._telling, self._told = _socket.socketpair(_socket.AF_UNIX, _socket.SOCK_STREAM)
            self._results_r, self._results_w = pipe()
        except (AttributeError, OSError):
            self.end()
            return False
        return True

    def in_child(self) -> None:
        """In the child, after the fork: this process's ends closed."""
        if self._telling is not None:
            self._telling.close()
            self._telling = None
        os.close(self._results_r)
        self._results_r = -1

    def in_parent(self, pid: int) -> None:
        """In this process, after the fork: the child's ends closed, the child this one's."""
        if self._told is not None:
            self._told.close()
            self._told = None
        os.close(self._results_w)
        self._results_w = -1
        self._pid = pid

    @property
    def running(self) -> bool:
        """Whether a child is doing the work (given `in_parent`, not yet taken or ended)."""
        return self._pid > 0 and not self._killed

    def run(self, *args: Any) -> None:
        """In the child: `make(*args, given)`'s values sent to this process; nothing is sent if
        the value never comes (this process ended, or ended the child)."""
        writer, self._results_w = self._results_w, -1
        send_pieces(writer, self._make(*args, _Given(self)))

    def _given(self) -> Any:
        """In the child: the next value given, waiting for it (EOFError: no more will come)."""
        assert self._told is not None
        size = b""
        while len(size) < 8:
            chunk = self._told.recv(8 - len(size))
            if not chunk:
                raise EOFError("nothing was given")
            size += chunk
        wanted = int.from_bytes(size, "little")
        data = bytearray()
        while len(data) < wanted:
            chunk = os.pread(self._memory, wanted - len(data), self._read_up_to + len(data))
            if not chunk:
                raise EOFError("less was given than said")
            data += chunk
        self._read_up_to += wanted
        return marshal.loads(bytes(data))

    def _ready(self) -> bool:
        """In the child: whether a value given (or the end of giving) waits to be read."""
        assert self._told is not None
        import _socket  # (imported by `open` already)

        try:
            self._told.recv(1, _socket.MSG_PEEK | _socket.MSG_DONTWAIT)  # a size, or b"": the end
            return True
        except BlockingIOError:
            return False
        except OSError:
            return True  # `given()` says what is wrong

    def give(self, value: Any) -> None:
        """The next value for the child (plain values, marshal-able); never waits. A value that
        cannot be marshalled, or a child already ended, gives nothing, and nothing more is
        given after it (the child, waiting for it, is told there is none)."""
        telling = self._telling
        if telling is None or not self.running:
            return
        import _socket  # (imported by `open` already)

        try:
            data = marshal.dumps(value)
            view = memoryview(data)
            start = self._given_up_to
            while view:
                view = view[os.pwrite(self._memory, view, start + len(data) - len(view)) :]
            telling.send(len(data).to_bytes(8, "little"), _socket.MSG_NOSIGNAL)  # no SIGPIPE
            self._given_up_to += len(data)
        except (ValueError, OSError):
            self._telling = None
            telling.close()

    def keep(self) -> Coming:
        """The pieces as they come, the child left working (`end` ends it; `take` is then [])."""
        if not self.running:
            return Coming(-1)
        coming = Coming(self._results_r)
        self._kept = True
        return coming

    def take(self) -> list[Any]:
        """The pieces that have come whole; the child is ended (once: then it is [])."""
        if not self.running or self._kept:
            return []
        reader, self._results_r = self._results_r, -1
        came = _come(reader)
        self._kill()
        return came

    def wait(self) -> list[Any]:
        """Every piece the child sends, waiting until it has sent all (its end of the pipe
        closed: done, or failed: then those that came whole); the child is then ended (once:
        then it is [])."""
        if not self.running or self._kept:
            return []
        reader, self._results_r = self._results_r, -1
        came: list[Any] = []
        try:
            os.set_blocking(reader, True)
            with contextlib.suppress(EOFError, ValueError, TypeError, OSError):
                came.extend(pieces(reader))
        finally:
            os.close(reader)
        self._kill()
        return came

    def _kill(self) -> None:
        # Killed, not yet waited for: a child ended mid-work takes ~10 ms to leave, which it
        # does beside this process; `end` reaps it.
        with contextlib.suppress(ProcessLookupError):
            os.kill(self._pid, signal.SIGKILL)
        self._killed = True

    def end(self) -> None:
        """The child ended (if running; reaped) and everything closed; nothing more comes."""
        if self._pid > 0:
            if self._killed:
                reap(self._pid)
            else:
                stop(self._pid)
        self._pid = -1
        for name in ("_memory", "_results_r", "_results_w"):
            fd = getattr(self, name)
            setattr(self, name, -1)
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
        for end in (self._telling, self._told):
            if end is not None:
                end.close()
        self._telling = self._told = None


class Given(Protocol):
    """What `Later.run` hands the child's work: `given()` waits for the next value given,
    `given.ready()` says, never waiting, whether one waits."""

    def __call__(self) -> Any: ...

    def ready(self) -> bool: ...


class _Given:
    """`Given` for a `Later`'s child."""

    def __init__(self, later: Later) -> None:
        self._later = later

    def __call__(self) -> Any:
        return self._later._given()

    def ready(self) -> bool:
        return self._later._ready()


def reap(pid: int) -> None:
    """Wait for a forked child to end — unless this process ends right after its command (the
    `draftkit` program: memory.ending), where the child, done or killed, is left to end beside
    it: a child that read or flagged a long draft takes ~5-10 ms to give its memory back, which
    this process would wait for on its way to the report (the system reaps it once this
    process has exited, or this one at its next `reap`: a command that runs many comparisons,
    `draftkit batch`, leaves no more than one comparison's children unreaped). Library callers,
    whose process goes on, wait as before."""
    if not ending():
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
        return
    _unreaped.append(pid)
    for child in list(_unreaped):
        try:
            gone = os.waitpid(child, os.WNOHANG)[0] != 0
        except ChildProcessError:
            gone = True
        if gone:
            _unreaped.remove(child)


_unreaped: list[int] = []  # children left to end beside this process (`reap`)
