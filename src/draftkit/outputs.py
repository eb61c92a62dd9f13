"""Writing results: atomically, never over an input, nothing left behind on failure.

Guarantees of `write_atomic`: the bytes go to a new temporary file in the target's own
folder, are flushed to disk, and the file is then renamed over the target in one step, so
a reader sees the old file or the complete new one, never a partial one; on any failure
(disk full, Ctrl-C, SIGTERM or SIGHUP) the temporary file is removed and an existing target
is untouched. The temporary is named `.NAME.draftkit-tmp-XXXXXXXX` (NAME shortened so the
whole stays within the 255-byte name limit), so one left by a hard crash is recognisable.
A replaced file keeps its permission bits but never setuid, setgid or sticky.
A target that exists and is not a regular file (`/dev/null`, `/dev/stdout`, a named pipe)
is written in place instead: renaming over it would replace the device with a plain file.
So is a name of a descriptor the shell opened onto a regular file (`-o /dev/stdout >
report.json`), appended to as `>` or `>>` left it: renamed over, the link in /dev would be
replaced (as root) or could not be.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import signal
import stat
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import FrameType

from draftkit.errors import OutputError, Terminated, UsageError, display_name

_TMP_ATTEMPTS = 100
_TMP_MARK = ".draftkit-tmp-"
_NAME_MAX = 255  # bytes in one file name on every common file system
# Signals that end a command run from a terminal or a job runner; while a temporary file
# exists they raise Terminated so it is removed (SIGINT already raises KeyboardInterrupt).
_CLEANUP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))

# What a draft may carry that would drive a terminal (CSI, escape sequences) or reorder what
# it shows (bidi overrides); newlines and tabs stay.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Names of an open descriptor (links the kernel resolves to whatever the descriptor is), and
# those of standard input, which a report is never written into.
_DESCRIPTOR = re.compile(r"/(?:dev/(?:stdin|stdout|stderr|fd/\d+)|proc/(?:self|thread-self|\d+)/fd/\d+)")
_STDIN_NAMES = re.compile(r"/(?:dev/(?:stdin|fd/0)|proc/(?:self|thread-self)/fd/0)")


def escape_unsafe(text: str) -> str:
    """Human-readable text with control and bidi override characters shown as escapes
    (\\x9b, \\u202e) and undecodable file-name bytes as \\xff — for a terminal or a text file."""
    return display_name(_UNSAFE.sub(lambda m: repr(m.group())[1:-1], text))


def check_output_path(output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]) -> Path:
    """Refuse an output path that is one of the inputs or a directory; return it as a Path."""
    out = Path(output)
    if out.is_dir():
        raise UsageError(f"output path {out} is a directory; give a file name")
    if _STDIN_NAMES.fullmatch(os.path.abspath(out)):
        raise UsageError(f"output path {out} is standard input; give a file name")
    try:
        resolved = out.resolve()
    except (OSError, RuntimeError) as exc:  # a symlink loop: RuntimeError before Python 3.13
        raise UsageError(f"output path {out} cannot be resolved ({_reason(exc)})") from None
    for item in inputs:
        if str(item) == "-" and _is_stdin(out):
            raise UsageError(f"output path {out} is also an input (standard input); refusing to overwrite it")
        candidate = Path(item)
        try:
            same = candidate.exists() and (
                candidate.resolve() == resolved or (out.exists() and os.path.samefile(candidate, out))
            )
        except (OSError, RuntimeError):
            same = False  # an input that cannot be resolved is refused when it is read
        if same:
            raise UsageError(f"output path {out} is also an input; refusing to overwrite it")
    if not resolved.parent.is_dir():
        raise UsageError(f"output folder {resolved.parent} does not exist")
    return out


def _is_stdin(out: Path) -> bool:
    """Whether `out` is the file standard input reads (`draftkit parse - -o x.txt < x.txt`)."""
    try:
        return os.path.samestat(os.fstat(sys.stdin.fileno()), out.stat())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return False  # no such file yet, or a standard input without a descriptor


def _in_place(path: Path) -> str | None:
    """How to open `path` to write into it directly — "wb" for a device or pipe (followed
    through symlinks), "ab" for a descriptor's name onto a regular file — or None to replace
    it; refuse anything else that is not a regular file (a socket, a block device)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # absent (or a dangling symlink): a new file
    if stat.S_ISREG(mode):
        return "ab" if _DESCRIPTOR.fullmatch(os.path.abspath(path)) else None
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return "wb"
    raise OutputError("the output path is not a regular file, a device or a pipe", str(path))


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return "symbolic link loop" if "loop" in str(exc).lower() else str(exc)


def temp_name(name: str, token: str) -> str:
    """`.NAME.draftkit-tmp-TOKEN`, NAME cut short (whole characters) so the result fits in
    255 bytes: a valid 250-byte output name must not fail for want of a temporary."""
    suffix = f"{_TMP_MARK}{token}"
    room = _NAME_MAX - 1 - len(suffix.encode())
    while len(os.fsencode(name)) > room:
        name = name[:-1]
    return f".{name}{suffix}"


def _create_temp(target: Path) -> tuple[int, Path]:
    """A new, empty file beside `target` (see `temp_name`), created with the usual
    permissions (0o666 less the umask, as a plain `open` would), never an existing file."""
    for _ in range(_TMP_ATTEMPTS):
        # os.urandom, as secrets.token_hex reads it (whose import, with random and hmac, is
        # ~1.5 ms of every report written)
        tmp = target.with_name(temp_name(target.name, os.urandom(4).hex()))
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {target}")


def _raise_terminated(signum: int, _frame: FrameType | None) -> None:
    raise Terminated(signum)


@contextlib.contextmanager
def _signals_clean_up() -> Iterator[None]:
    """While the block runs, SIGTERM and SIGHUP raise `Terminated` (where they would kill the
    process outright), so the `finally` that removes a temporary file runs. A signal that is
    ignored (nohup) or has a handler of the embedding program's own is left alone; outside
    the main thread Python cannot install handlers and nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict[int, signal.Handlers | int | object] = {}
    try:
        for signum in _CLEANUP_SIGNALS:
            if signal.getsignal(signum) in (signal.SIG_DFL, None):
                previous[signum] = signal.signal(signum, _raise_terminated)
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP held (delivered when the block ends), where this thread can
    hold them."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    held = {signal.SIGINT, *_CLEANUP_SIGNALS}
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _write_error(exc: OSError, target: Path) -> OutputError:
    return OutputError(f"cannot write the output: {exc.strerror or exc}", str(target))


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path`."""
    target = Path(path)
    with _signals_clean_up():
        try:
            through = _in_place(target)
            if through is not None:
                with target.open(through) as stream:
                    stream.write(data)
                return
        except OSError as exc:
            raise _write_error(exc, target) from None
        tmp: Path | None = None
        try:
            # Made with the signals that end a write held, so one never comes between the
            # temporary's creation and its name being known here (a batch stopped at that
            # moment left `.redline.docx.draftkit-tmp-…` behind).
            with _signals_held():
                fd, tmp = _create_temp(target)
                stream = os.fdopen(fd, "wb")
            with stream as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            with contextlib.suppress(FileNotFoundError):
                # Replacing a file keeps its permission bits, as saving over it in an editor
                # would — but not setuid, setgid or sticky: a report is never a program.
                os.chmod(tmp, stat.S_IMODE(target.stat().st_mode) & 0o777)
            os.replace(tmp, target)
        except BaseException as exc:
            if tmp is not None:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(tmp)
            if isinstance(exc, OSError):
                raise _write_error(exc, target) from None
            raise
