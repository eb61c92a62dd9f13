"""draftkit: parse, compare, flag, redline and validate negotiated framework texts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from draftkit.api import diff, parse, redline
    from draftkit.errors import DraftkitError
    from draftkit.model import Draft, Location, Provision, Source
    from draftkit.readers import Limits

from draftkit.precompiled import install as _install_patterns

# draftkit's regular expressions, compiled at install, put where `re.compile` finds them
# (draftkit.precompiled: nothing when this interpreter has no such file).
_install_patterns()

__version__ = "0.1.0"
__all__ = ["Draft", "DraftkitError", "Limits", "Location", "Provision", "Source", "diff", "parse", "redline"]

# The public names are imported on first use (PEP 562), so `draftkit --help` and other
# light entry points do not load the readers, the model and the comparison engine.
_HOME = {
    "diff": "draftkit.api",
    "parse": "draftkit.api",
    "redline": "draftkit.api",
    "DraftkitError": "draftkit.errors",
    "Draft": "draftkit.model",
    "Location": "draftkit.model",
    "Provision": "draftkit.model",
    "Source": "draftkit.model",
    "Limits": "draftkit.readers",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'draftkit' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
