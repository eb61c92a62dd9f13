"""Beside the pipeline — validate one draft against a clause schema.

Takes in a `Draft` (from `draftkit.readers`) and a `ClauseSchema` (`clause_schema`, a TOML
file checked on load) and hands on a `Report` of located `Finding`s: structure (RelaxNG and
the schema's nesting rules), numbering, cross-references, required provisions, forbidden
leftovers and the schema's own XPath assertions. Guarantees: library code that never prints
or exits; every finding names the provision it is about in a drafter's words.
"""

from __future__ import annotations

from draftkit.validate.checks import Finding, Report, validate

__all__ = ["Finding", "Report", "validate"]
