"""Files shipped under `schemas/`: inside the wheel at draftkit/schemas, in a checkout at ./schemas."""

from __future__ import annotations

from pathlib import Path

# draftkit is installed as files (a wheel unpacked, an editable install, a checkout): its
# schemas are found beside this module, without importlib.resources (whose import, with
# tempfile and random, is ~3 ms of every diff's start, in each of its processes).
_HERE = Path(__file__).resolve().parent


def schema_path(name: str) -> Path:
    """Path of a shipped schema file (RelaxNG, JSON Schema, taxonomy, clause schema)."""
    packaged = _HERE / "schemas" / name
    if packaged.is_file():
        return packaged
    # An editable install or a plain checkout: the top-level schemas/ folder.
    return _HERE.parents[1] / "schemas" / name


def schema_bytes(name: str) -> bytes:
    """Contents of a shipped schema file."""
    return schema_path(name).read_bytes()
