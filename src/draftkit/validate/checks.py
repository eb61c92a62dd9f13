"""Check a draft against a clause schema: `validate()`, which runs every check in turn.

Takes in a `Draft` or a draft file and a `ClauseSchema` or schema file (default: framework
texts); walks the provision tree once (`common.entries_of`), runs the checks of
`structure`, `numbering`, `references`, `required`, `forbidden` and `asserts` over it, and
hands on one `Report` of their findings in document order, with notes on what could not be
checked. Guarantees: library code that never prints or exits (the CLI maps
`Report.ok(strict)` to exit 1); the same draft and schema give the same report.
"""

from __future__ import annotations

import os

from draftkit.model import Draft
from draftkit.readers import Limits, View, read
from draftkit.validate.asserts import check_asserts
from draftkit.validate.clause_schema import ClauseSchema, load_schema
from draftkit.validate.common import Collector, Report, entries_of
from draftkit.validate.forbidden import check_forbidden
from draftkit.validate.numbering import check_numbering
from draftkit.validate.references import check_references
from draftkit.validate.required import check_required
from draftkit.validate.structure import check_nesting, check_relaxng


def validate(
    draft: Draft | str | os.PathLike[str],
    schema: ClauseSchema | str | os.PathLike[str] | None = None,
    *,
    view: View = "accept",
    limits: Limits | None = None,
) -> Report:
    """Check a draft (or a draft file) against a clause schema (default: framework texts)."""
    loaded = schema if isinstance(schema, ClauseSchema) else load_schema(schema)
    document = draft if isinstance(draft, Draft) else read(draft, view=view, limits=limits)
    entries = entries_of(document)
    out = Collector()
    # The view a Word file's pending tracked changes were read in (readers.docx_tracked): the
    # draft checked is that view's, while Word shows the markup. Other reading warnings are
    # numbering and structure, which the checks report as findings of their own.
    name = document.source.path if document.source is not None else "<draft>"
    notes = [w.describe(name) for w in document.warnings if w.code == "tracked-changes"]
    check_relaxng(document, loaded, entries, out)
    check_nesting(loaded, entries, out)
    check_numbering(loaded, entries, out)
    check_references(document, loaded, entries, out)
    check_required(document, loaded, entries, out, notes)
    check_forbidden(document, loaded, entries, out)
    check_asserts(document, loaded, entries, out)
    return Report(
        findings=out.sorted(),
        schema=loaded.name,
        schema_source=loaded.source,
        source=document.source,
        notes=tuple(notes),
    )


__all__ = ["validate"]
