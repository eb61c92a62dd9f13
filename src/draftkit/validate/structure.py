"""Structure: the draft's XML against the schema's RelaxNG grammar, then its nesting rules.

Takes in the draft, the clause schema and the entries from `common`; hands on
`structure.relaxng` findings (the draft's XML does not match the grammar) and
`structure.nesting` findings (a numbered provision at the top, or inside a kind, where the
schema's `[structure]` table does not allow it). Guarantees: at most one RelaxNG finding per draft —
the first fault, placed at the provision it lies in when that can be found, with a count of
the messages that only echo it — and at most one nesting finding per provision; a bullet
("-", "•") or an unnumbered paragraph is never a nesting finding: its kind is the reader's
guess, not a number the drafter chose (published plans are bullet lists, with unnumbered
indented paragraphs under a point).
"""

from __future__ import annotations

from lxml import etree

from draftkit.compare.citations import cite
from draftkit.model import Draft
from draftkit.validate.clause_schema import ClauseSchema
from draftkit.validate.common import PLURAL, Collector, Entry, entry_of, or_list, quote


def check_relaxng(draft: Draft, schema: ClauseSchema, entries: list[Entry], out: Collector) -> None:
    """Add a finding when the draft's XML does not match the schema's RelaxNG grammar."""
    from draftkit.model.xmlio import to_xml_element

    root = to_xml_element(draft)
    grammar = schema.structure.relaxng
    if grammar.validate(root):
        return
    # RelaxNG reports one fault and then every ancestor that "failed to validate content":
    # the first message is the fault, the rest are its echo.
    errors = list(grammar.error_log)
    if not errors:
        out.add(
            "error",
            "structure.relaxng",
            f"the draft's XML does not match {_grammar_name(schema)}",
            order=(0, 0, 0),
        )
        return
    first = errors[0]
    element: etree._Element | None = None
    if first.path:
        try:
            found = root.getroottree().xpath(first.path)
        except etree.XPathError:
            found = []
        if isinstance(found, list) and found and isinstance(found[0], etree._Element):
            element = found[0]
    by_eid = {entry.provision.eid: entry for entry in entries if entry.provision.eid}
    entry = entry_of(element, by_eid)
    more = f" (and {len(errors) - 1} more messages)" if len(errors) > 1 else ""
    message = f"the draft's XML does not match {_grammar_name(schema)}: {first.message}{more}"
    if entry is not None:
        out.add("error", "structure.relaxng", message, entry)
    else:
        out.add("error", "structure.relaxng", message, order=(0, 0, 0))


def _grammar_name(schema: ClauseSchema) -> str:
    """The file name of the schema's RelaxNG grammar, for messages."""
    return schema.structure.relaxng_path.name


def check_nesting(schema: ClauseSchema, entries: list[Entry], out: Collector) -> None:
    """Add a finding for each provision standing where the schema's nesting rules forbid it."""
    rules = schema.structure
    for entry in entries:
        provision, parent = entry.provision, entry.parent
        if not _numbered(provision.num):
            continue
        name = (
            quote(provision.num) if provision.num else (quote(provision.heading) if provision.heading else "")
        )
        what = f"{name} ({_a(provision.kind)})" if name else _a(provision.kind)
        if parent is None:
            if provision.kind not in rules.top:
                out.add(
                    rules.nesting,
                    "structure.nesting",
                    f"{what} may not stand at the top of the draft; the top may hold "
                    f"{or_list(PLURAL[k] for k in rules.top) or 'nothing'}",
                    entry,
                )
            continue
        allowed = rules.allowed_in(parent.kind)
        if provision.kind not in allowed:
            holder = cite(entry.path[:-1])
            may = or_list(PLURAL[k] for k in allowed)
            out.add(
                rules.nesting,
                "structure.nesting",
                f"{what} may not stand directly in {_a(parent.kind)} ({holder}); "
                + (
                    f"{_a(parent.kind)} may contain {may}"
                    if may
                    else f"{_a(parent.kind)} may contain nothing"
                ),
                entry,
            )


def _numbered(num: str | None) -> bool:
    """Whether a label is a number the drafter wrote ("4.", "(b)", "IV"), not a bullet or none."""
    return num is not None and any(ch.isalnum() for ch in num)


def _a(kind: str) -> str:
    return f"an {kind}" if kind[:1] in "aeiou" else f"a {kind}"
