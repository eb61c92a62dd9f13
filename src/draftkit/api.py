"""The library functions behind each CLI command (same names: `draftkit parse` ↔ `parse()`)."""

from __future__ import annotations

import os

from draftkit.model import Draft
from draftkit.readers import Limits, View, read


def parse(path: str | os.PathLike[str], *, view: View = "accept", limits: Limits | None = None) -> Draft:
    """Read a draft (.docx, .txt, .md, draftkit .xml) into its provision tree."""
    return read(path, view=view, limits=limits)
