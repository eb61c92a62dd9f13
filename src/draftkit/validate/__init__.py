"""Beside the pipeline — validate one draft against a clause schema.

Takes in a `Draft` (from `draftkit.readers`) and a `ClauseSchema` (`clause_schema`, a TOML
file checked on load) and hands on a `Report` of located `Finding`s: structure (RelaxNG and
the schema's nesting rules), numbering, cross-references, required provisions, forbidden
leftovers and the schema's own XPath assertions. Guarantees: library code that never prints
or exits; every finding names the provision it is about in a drafter's words.

The rules run in Python over the provision tree rather than as Schematron: they need regular
expressions (XPath 1.0 has none), the reference grammar of `compare.refs`, the risk
classifier and human citations ("Article 4(2)(b)"), and their messages must say what is
missing in a drafter's words. lxml does the part it is best at: RelaxNG for the XML
structure and XPath for the schema author's own `[[assert]]` rules (Schematron's
context/test model, without XSLT).

Modules: `checks` (`validate()`, which runs the checks below in turn) · `common` (`Finding`,
`Report`, the provision entries and finding collector every check shares) · `structure`
(RelaxNG, nesting) · `numbering` · `references` (cross-references) · `required` (required
provisions) · `forbidden` (leftovers: brackets, placeholders, empty provisions) · `asserts`
(the schema's XPath assertions) · `clause_schema` (loading and checking the schema).
"""

from __future__ import annotations

from draftkit.validate.checks import validate
from draftkit.validate.common import Finding, Report

__all__ = ["Finding", "Report", "validate"]
