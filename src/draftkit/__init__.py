"""draftkit: parse, compare, flag, redline and validate negotiated framework texts."""

from __future__ import annotations

from draftkit.api import diff, parse, redline
from draftkit.errors import DraftkitError
from draftkit.model import Draft, Location, Provision, Source
from draftkit.readers import Limits

__version__ = "0.1.0"
__all__ = ["Draft", "DraftkitError", "Limits", "Location", "Provision", "Source", "diff", "parse", "redline"]
