"""Risk flags: which changes matter, and why (ARCHITECTURE.md § Risk).

taxonomy = load_taxonomy()                 # schemas/taxonomy.toml, or a user's file
classify(draft, taxonomy)                  # eid → category ids, strongest first
flagged = flag(compare(old, new))          # every change with categories and flags

`flag` and `severity_of` are imported from risk.annotate when first asked for (PEP 562): a
process that needs the taxonomy only — the comparison reads its aliases and topic words —
does not import the rules with it (~20 ms; the process that writes a long DOCX redline never
flags: draftkit.flags_aside).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from draftkit.risk.classify import Classified, classify, explain
from draftkit.risk.taxonomy import GENERAL, Category, Gazetteer, Significance, Taxonomy, load_taxonomy

if TYPE_CHECKING:
    from draftkit.risk.annotate import flag, severity_of

__all__ = [
    "GENERAL",
    "Category",
    "Classified",
    "Gazetteer",
    "Significance",
    "Taxonomy",
    "classify",
    "explain",
    "flag",
    "load_taxonomy",
    "severity_of",
]


def __getattr__(name: str) -> Any:
    if name not in ("flag", "severity_of"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from draftkit.risk import annotate

    value = getattr(annotate, name)
    globals()[name] = value  # asked for once
    return value
