"""Writing results: atomically, never over an input, nothing left behind on failure."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from draftkit.errors import UsageError


def check_output_path(output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]) -> Path:
    """Refuse an output path that is one of the inputs or a directory; return it as a Path."""
    out = Path(output)
    if out.is_dir():
        raise UsageError(f"output path {out} is a directory; give a file name")
    resolved = out.resolve()
    for item in inputs:
        candidate = Path(item)
        if candidate.exists() and (candidate.resolve() == resolved or (out.exists() and os.path.samefile(candidate, out))):
            raise UsageError(f"output path {out} is also an input; refusing to overwrite it")
    if not resolved.parent.is_dir():
        raise UsageError(f"output folder {resolved.parent} does not exist")
    return out


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path`."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
