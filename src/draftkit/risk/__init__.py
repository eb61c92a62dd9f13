"""Risk flags: which changes matter, and why (ARCHITECTURE.md § Risk).

taxonomy = load_taxonomy()                 # schemas/taxonomy.toml, or a user's file
classify(draft, taxonomy)                  # eid → category ids, strongest first
flagged = flag(compare(old, new))          # every change with categories and flags
"""

from __future__ import annotations

from draftkit.risk.annotate import flag, severity_of
from draftkit.risk.classify import Classified, classify, explain
from draftkit.risk.taxonomy import GENERAL, Category, Gazetteer, Significance, Taxonomy, load_taxonomy

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
