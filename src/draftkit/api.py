"""The library functions behind each CLI command (same names: `draftkit parse` ↔ `parse()`)."""

from __future__ import annotations

import os

from draftkit.changes import Comparison
from draftkit.model import Draft
from draftkit.readers import Limits, View, read


def parse(path: str | os.PathLike[str], *, view: View = "accept", limits: Limits | None = None) -> Draft:
    """Read a draft (.docx, .txt, .md, draftkit .xml) into its provision tree."""
    return read(path, view=view, limits=limits)


def diff(
    old: str | os.PathLike[str],
    new: str | os.PathLike[str],
    *,
    view: View = "accept",
    limits: Limits | None = None,
) -> Comparison:
    """Read two drafts (any supported formats) and compare them provision by provision."""
    from draftkit.compare import compare

    return compare(read(old, view=view, limits=limits), read(new, view=view, limits=limits))
