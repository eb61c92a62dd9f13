"""Files shipped under `schemas/`: inside the wheel at draftkit/schemas, in a checkout at ./schemas."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def schema_path(name: str) -> Path:
    """Path of a shipped schema file (RelaxNG, JSON Schema, taxonomy, clause schema)."""
    packaged = resources.files("draftkit").joinpath("schemas", name)
    if packaged.is_file():
        return Path(str(packaged))
    # An editable install or a plain checkout: the top-level schemas/ folder.
    return Path(__file__).resolve().parents[2] / "schemas" / name


def schema_bytes(name: str) -> bytes:
    """Contents of a shipped schema file."""
    return schema_path(name).read_bytes()
