"""Writing results: atomically, never over an input, nothing left behind on failure.

Guarantees of `write_atomic`: the bytes go to a new temporary file in the target's own
folder, are flushed to disk, and the file is then renamed over the target in one step, so
a reader sees the old file or the complete new one, never a partial one; on any failure
(disk full, interrupt) the temporary file is removed and an existing target is untouched.
A target that exists and is not a regular file (`/dev/null`, `/dev/stdout`, a named pipe)
is written in place instead: renaming over it would replace the device with a plain file.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path

from draftkit.errors import OutputError, UsageError

_TMP_ATTEMPTS = 100


def check_output_path(output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]) -> Path:
    """Refuse an output path that is one of the inputs or a directory; return it as a Path."""
    out = Path(output)
    if out.is_dir():
        raise UsageError(f"output path {out} is a directory; give a file name")
    resolved = out.resolve()
    for item in inputs:
        candidate = Path(item)
        if candidate.exists() and (
            candidate.resolve() == resolved or (out.exists() and os.path.samefile(candidate, out))
        ):
            raise UsageError(f"output path {out} is also an input; refusing to overwrite it")
    if not resolved.parent.is_dir():
        raise UsageError(f"output folder {resolved.parent} does not exist")
    return out


def _in_place(path: Path) -> bool:
    """Whether `path` (followed through symlinks) is a device or pipe to write into directly;
    refuse anything else that is not a regular file (a socket, a block device)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False  # absent (or a dangling symlink): a new file
    if stat.S_ISREG(mode):
        return False
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return True
    raise OutputError("the output path is not a regular file, a device or a pipe", str(path))


def _create_temp(target: Path) -> tuple[int, Path]:
    """A new, empty file beside `target`: `.name.<random>.tmp`, created with the usual
    permissions (0o666 less the umask, as a plain `open` would), never an existing file."""
    for _ in range(_TMP_ATTEMPTS):
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {target}")


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path`."""
    target = Path(path)
    try:
        if _in_place(target):
            with target.open("wb") as stream:
                stream.write(data)
            return
        fd, tmp = _create_temp(target)
    except OSError as exc:
        raise OutputError(f"cannot write the output: {exc.strerror or exc}", str(target)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileNotFoundError):
            # Replacing a file keeps its permission bits, as saving over it in an editor would.
            os.chmod(tmp, stat.S_IMODE(target.stat().st_mode))
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write the output: {exc.strerror or exc}", str(target)) from None
        raise
