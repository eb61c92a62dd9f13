"""A three-way comparison as a Word document: each side's changes tracked under its own name.

Takes a `ThreeWay` (history.three_way: BASE with counter-proposals A and B) and hands on
DOCX bytes: for every base provision that a side touched, a heading with its citation and
what happened (only one side, both the same way, compatible, conflict and why), then one
paragraph per side holding the base text with that side's word-level changes as native
tracked changes (w:ins / w:del) whose author is the side's name. In Word or LibreOffice,
"review by author" shows one party's proposals at a time, and accepting all of one author's
changes on a paragraph gives that party's wording. Guarantees: author names and the date are
inputs, revision ids are sequential, so the same inputs give the same bytes.
"""

from __future__ import annotations

from lxml import etree

from draftkit.compare.changes import Change
from draftkit.history.three_way import ThreeWay, entry_label
from draftkit.render.docx_package import draft_members, zip_package, zip_time
from draftkit.render.draft_out import READING_NOTES_HEADING, reading_notes
from draftkit.render.wml import NSMAP, W_P, Revision, RevisionIds, add_run, make_paragraph, qn, revision_run

_NUMBERING = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
)


def _side(body: etree._Element, name: str, change: Change | None, ids: RevisionIds, rev: Revision) -> None:
    p = make_paragraph(body)
    add_run(p, f"{name}: ")
    if change is None or (not change.new and not change.old):
        add_run(p, "(no such provision)")
        return
    if not change.is_change and change.kind == "unchanged":
        add_run(p, "(unchanged) " + change.new_text)
        return
    if change.kind == "added":
        p.append(revision_run("insert", change.new_text, ids, rev, None))
        return
    if change.kind == "deleted":
        p.append(revision_run("delete", change.old_text, ids, rev, None))
        return
    for kind, text in change.ops:
        if text:
            p.append(revision_run(kind, text, ids, rev, None))
    if change.moved or change.renumbered:
        where = "moved" if change.moved else "renumbered"
        add_run(p, f" [{where}: {change.old_cite or '—'} → {change.new_cite or '—'}]")


def render_three_way_docx(result: ThreeWay, *, date: str = "2026-01-01T00:00:00Z") -> bytes:
    """The three-way comparison as DOCX bytes (see the module docstring)."""
    labels = result.labels
    ids = RevisionIds()
    revs = (Revision(labels[0], date), Revision(labels[1], date))
    document = etree.Element(qn("w:document"), nsmap=NSMAP)
    body = etree.SubElement(document, qn("w:body"))
    add_run(make_paragraph(body, style="Title"), f"Three-way comparison: {result.base.title or 'base draft'}")
    names = [d.source.path if d.source else "" for d in (result.base, result.a, result.b)]
    add_run(
        make_paragraph(body),
        f"Base: {names[0]}. {labels[0]}: {names[1]}. {labels[1]}: {names[2]}. Each side's changes to the "
        f"base are tracked under its own name ({labels[0]}, {labels[1]}): review them by author.",
    )
    shown = [e for e in result.entries if e.kind != "unchanged"]
    if not shown:
        add_run(make_paragraph(body), "Neither side changed the base.")
    for entry in shown:
        heading = f"{entry.shown_cite(labels)} — {entry_label(entry.kind, labels)}" + (
            f" ({entry.reason})" if entry.reason else ""
        )
        add_run(make_paragraph(body, style="Heading2"), heading)
        _side(body, labels[0], entry.a, ids, revs[0])
        _side(body, labels[1], entry.b, ids, revs[1])
    reading = reading_notes(result.base, result.a, result.b)
    if reading:  # what was read with a guess, or not read or compared, as the other reports say it
        add_run(make_paragraph(body, style="Heading2"), READING_NOTES_HEADING)
        for line in reading:
            add_run(make_paragraph(body), line)
    assert all(p.tag == W_P for p in body)
    xml = etree.tostring(document, xml_declaration=True, encoding="UTF-8", standalone=True)
    members = draft_members(result.base, xml, _NUMBERING, revs[0])
    return zip_package(members, zip_time(date))
