"""The package around a redline: the summary before the draft, comments for flags, and the
zipped DOCX (comments part, relationships, content types).

Takes the written base document, the flagged paragraph ranges and the revision; hands on
the DOCX bytes. Guarantees that comment ids come from the same id allocator as the
revisions (one id space per package), that an existing comments part is extended rather
than replaced, that nothing in the package can act when it is opened (`inert`), and that
the same inputs give the same bytes.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from lxml import etree

from draftkit.compare.changes import CHANGE_KINDS, SEVERITIES, Comparison, Flag, category_label
from draftkit.model import Draft
from draftkit.readers.safezip import parse_xml
from draftkit.render.docx_package import Deflated, deflated, zip_package
from draftkit.render.draft_out import READING_NOTES_HEADING, reading_notes
from draftkit.render.redline.base import Base
from draftkit.render.redline.inert import strip_active
from draftkit.render.redline.layout import BODY, TC
from draftkit.render.wml import (
    NSMAP,
    W_ID,
    W_NUMPR,
    W_P,
    W_PPR,
    W_R,
    W_RPR,
    W_T,
    W_VAL,
    Revision,
    RevisionIds,
    paragraph_mark,
    qn,
    revision,
    strip_shown,
    xml_safe,
)

SUMMARY_HEADING: Final = "draftkit comparison summary"
_COMMENTS_TYPE: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
_COMMENTS_CT: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_CT_NS: Final = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL_NS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"

# A comment: its first paragraph, its last, and what it says: a change's flags, or lines of
# text (the reading notes, `reading_comment`).
Comment = tuple[etree._Element, etree._Element, tuple[Flag, ...] | tuple[str, ...]]

# The names each comment is made of, built once (a long draft has thousands of comments).
_W_COMMENTS: Final = qn("w:comments")
_W_COMMENT: Final = qn("w:comment")
_W_AUTHOR: Final = qn("w:author")
_W_DATE: Final = qn("w:date")
_W_INITIALS: Final = qn("w:initials")
_W_ANNOTATIONREF: Final = qn("w:annotationRef")
_W_B: Final = qn("w:b")
_XML_SPACE: Final = qn("xml:space")
_W_COMMENTRANGESTART: Final = qn("w:commentRangeStart")
_W_COMMENTRANGEEND: Final = qn("w:commentRangeEnd")
_W_COMMENTREFERENCE: Final = qn("w:commentReference")
_RANGE_ENDS: Final = (qn("w:moveToRangeEnd"), qn("w:moveFromRangeEnd"))

# --------------------------------------------------------------------------- summary


def _summary_paragraph(text: str, *, bold: bool = False, size: int | None = None) -> etree._Element:
    p = etree.Element(W_P, nsmap=NSMAP)
    ppr = etree.SubElement(p, W_PPR)
    # numId 0: no numbering, even if the document's Normal style carries some.
    numpr = etree.SubElement(ppr, W_NUMPR)
    etree.SubElement(numpr, qn("w:numId")).set(W_VAL, "0")
    if text:
        run = etree.SubElement(p, W_R)
        if bold or size:
            rpr = etree.SubElement(run, W_RPR)
            if bold:
                etree.SubElement(rpr, qn("w:b"))
            if size:
                etree.SubElement(rpr, qn("w:sz")).set(W_VAL, str(size))
        t = etree.SubElement(run, W_T)
        t.text = xml_safe(text)
    return p


def _summary_table(rows: Sequence[Sequence[str]], widths: Sequence[int]) -> etree._Element:
    table = etree.Element(qn("w:tbl"), nsmap=NSMAP)
    tblpr = etree.SubElement(table, qn("w:tblPr"))
    etree.SubElement(tblpr, qn("w:tblW")).attrib.update({qn("w:w"): str(sum(widths)), qn("w:type"): "dxa"})
    borders = etree.SubElement(tblpr, qn("w:tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        etree.SubElement(borders, qn(f"w:{side}")).attrib.update(
            {W_VAL: "single", qn("w:sz"): "4", qn("w:space"): "0", qn("w:color"): "808080"}
        )
    grid = etree.SubElement(table, qn("w:tblGrid"))
    for width in widths:
        etree.SubElement(grid, qn("w:gridCol")).set(qn("w:w"), str(width))
    for r, row in enumerate(rows):
        tr = etree.SubElement(table, qn("w:tr"))
        for width, text in zip(widths, row, strict=True):
            tc = etree.SubElement(tr, TC)
            tcpr = etree.SubElement(tc, qn("w:tcPr"))
            etree.SubElement(tcpr, qn("w:tcW")).attrib.update({qn("w:w"): str(width), qn("w:type"): "dxa"})
            tc.append(_summary_paragraph(text, bold=r == 0))
    return table


def insert_summary(document: etree._Element, comparison: Comparison) -> None:
    """A summary before the draft, plainly not part of it: no tracked change, no numbering."""
    body = document.find(BODY)
    assert body is not None
    counts = comparison.summary()
    flags = [(flag, change) for change in comparison.changes for flag in change.flags]
    by_severity = comparison.flag_counts()
    elements: list[etree._Element] = [
        _summary_paragraph(SUMMARY_HEADING, bold=True, size=32),
        _summary_paragraph(
            "Generated by draftkit to help review this redline. It is not part of the draft: "
            "delete this page before the text is used or compared again."
        ),
        _summary_paragraph(f"Old: {_source_name(comparison.old)}    New: {_source_name(comparison.new)}"),
        _summary_paragraph("Changes", bold=True),
        _summary_table(
            [
                ("Change", "Count"),
                *((kind, str(counts[kind])) for kind in (*CHANGE_KINDS, "moved", "renumbered")),
            ],
            (4000, 1500),
        ),
        _summary_paragraph("Flags by severity", bold=True),
        _summary_table(
            [("Severity", "Count"), *((s, str(by_severity[s])) for s in SEVERITIES)], (4000, 1500)
        ),
        _summary_paragraph("Flags", bold=True),
    ]
    if flags:
        order = {s: k for k, s in enumerate(SEVERITIES)}
        ranked = sorted(flags, key=lambda fc: order[fc[0].severity])
        rows = [("Severity", "Category", "Provision", "Why it matters")]
        rows += [
            (f.severity, category(f.category), c.new_cite if c.new else c.old_cite, f.message)
            for f, c in ranked
        ]
        elements.append(_summary_table(rows, (1250, 2000, 1650, 4100)))
    else:
        elements.append(_summary_paragraph("No flags."))
    reading = reading_notes(comparison.old, comparison.new)
    if reading:  # what the reader guessed or could not read, as the other reports say it
        elements.append(_summary_paragraph(READING_NOTES_HEADING, bold=True))
        elements += [_summary_paragraph(line) for line in reading]
    brk = _summary_paragraph("")
    run = etree.SubElement(brk, W_R)
    etree.SubElement(run, qn("w:br")).set(qn("w:type"), "page")
    elements.append(brk)
    for offset, element in enumerate(elements):
        body.insert(offset, element)


READING_COMMENT_HEADING: Final = "draftkit reading notes: what was read with a guess, or not read or compared"


def reading_comment(document: etree._Element, comparison: Comparison) -> Comment | None:
    """The drafts' reading notes (what was read with a guess, or not read or compared: page
    headers that differ, a text box, …) as a comment on the document's first paragraph, for a
    redline without the summary page, which says them there: a reader of the redline alone
    sees them too. None when there are none (or no paragraph to hold the comment)."""
    reading = reading_notes(comparison.old, comparison.new)
    body = document.find(BODY)
    first = next(body.iter(W_P), None) if body is not None else None
    if not reading or first is None:
        return None
    return first, first, (READING_COMMENT_HEADING, *reading)


def category(category: str) -> str:
    """A category as a reader says it (the taxonomy's label: "military de-escalation")."""
    return category_label(category)


def _source_name(draft: Draft) -> str:
    return Path(draft.source.path).name if draft.source is not None else (draft.title or "draft")


# --------------------------------------------------------------------------- package


def _comment_part(
    existing: bytes | None,
    comments: list[Comment],
    ids: list[int],
    rev: Revision,
) -> bytes:
    if existing is not None:
        root = parse_xml(existing, "word/comments.xml")
    else:
        root = etree.Element(_W_COMMENTS, nsmap=NSMAP)
    initials = "".join(word[0] for word in rev.author.split() if word)[:8] or "dk"
    for cid, (_, _, said) in zip(ids, comments, strict=True):
        comment = etree.SubElement(root, _W_COMMENT)
        comment.set(W_ID, str(cid))
        comment.set(_W_AUTHOR, rev.author)
        comment.set(_W_DATE, rev.date)
        comment.set(_W_INITIALS, initials)
        lines: Sequence[Flag | str] = said
        for i, flag in enumerate(lines):
            p = etree.SubElement(comment, W_P)
            if i == 0:
                ref = etree.SubElement(p, W_R)
                etree.SubElement(ref, _W_ANNOTATIONREF)
            if isinstance(flag, str):  # a line of the reading notes: the first in bold
                line = etree.SubElement(p, W_R)
                if i == 0:
                    etree.SubElement(etree.SubElement(line, W_RPR), _W_B)
                etree.SubElement(line, W_T).text = xml_safe(flag)
                continue
            head = etree.SubElement(p, W_R)
            etree.SubElement(etree.SubElement(head, W_RPR), _W_B)
            t = etree.SubElement(head, W_T)
            t.text = f"{flag.severity.upper()} · {category(flag.category)}: "
            t.set(_XML_SPACE, "preserve")
            body = etree.SubElement(p, W_R)
            etree.SubElement(body, W_T).text = xml_safe(flag.message)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def anchor_comments(comments: list[Comment], ids: RevisionIds, rev: Revision) -> list[int]:
    """Comment ranges around each flagged provision, and the reference mark after it.

    In a wholly inserted or moved-to paragraph the reference is part of the insertion (or
    move), inside the move range: left outside, LibreOffice loses the paragraph's mark.
    """
    out: list[int] = []
    for first, last, _ in comments:
        cid = ids.next()
        out.append(cid)
        start = etree.Element(_W_COMMENTRANGESTART, nsmap=NSMAP)
        start.set(W_ID, str(cid))
        ppr = first.find(W_PPR)
        first.insert(1 if ppr is not None else 0, start)
        end = etree.Element(_W_COMMENTRANGEEND, nsmap=NSMAP)
        end.set(W_ID, str(cid))
        run = etree.Element(W_R, nsmap=NSMAP)
        etree.SubElement(run, _W_COMMENTREFERENCE).set(W_ID, str(cid))
        mark = paragraph_mark(last)
        reference = run
        if mark == "ins" or mark == "moveTo":
            reference = revision(mark, [run], ids, rev)
        at = len(last)
        while at > 0 and last[at - 1].tag in _RANGE_ENDS:
            at -= 1
        last.insert(at, end)
        last.insert(at + 1, reference)
    return out


def _rels_name(part: str) -> str:
    directory, name = posixpath.split(part)
    return posixpath.join(directory, "_rels", f"{name}.rels")


def package(
    base: Base,
    comments: list[Comment],
    comment_ids: list[int],
    rev: Revision,
    stamp: tuple[int, int, int, int, int, int],
) -> bytes:
    members = dict(base.members)
    order = [name for name, _ in base.members]
    extra: list[tuple[str, bytes]] = []
    if comments:
        rels_name = _rels_name(base.main)
        rels = parse_xml(members[rels_name], rels_name) if rels_name in members else None
        target: str | None = None
        if rels is not None:
            for rel in rels:
                if rel.get("Type") == _COMMENTS_TYPE and rel.get("TargetMode") != "External":
                    folder = posixpath.dirname(base.main)
                    target = posixpath.normpath(posixpath.join(folder, rel.get("Target") or ""))
        if target is not None and target in members:
            members[target] = _comment_part(members[target], comments, comment_ids, rev)
        else:
            target = posixpath.join(posixpath.dirname(base.main), "comments.xml")
            extra.append((target, _comment_part(None, comments, comment_ids, rev)))
            if rels is None:
                rels = etree.fromstring(f'<Relationships xmlns="{_REL_NS}"/>'.encode())
                order.append(rels_name)
            taken = {rel.get("Id") for rel in rels}
            n = 1
            while f"rId{n}" in taken:
                n += 1
            rel = etree.SubElement(rels, f"{{{_REL_NS}}}Relationship")
            rel.set("Id", f"rId{n}")
            rel.set("Type", _COMMENTS_TYPE)
            rel.set("Target", posixpath.relpath(target, posixpath.dirname(base.main) or "."))
            members[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
            types = parse_xml(members["[Content_Types].xml"], "[Content_Types].xml")
            override = etree.SubElement(types, f"{{{_CT_NS}}}Override")
            override.set("PartName", "/" + target)
            override.set("ContentType", _COMMENTS_CT)
            members["[Content_Types].xml"] = etree.tostring(
                types, xml_declaration=True, encoding="UTF-8", standalone=True
            )
    members.update(extra)
    order.extend(name for name, _ in extra)
    strip_active(members, base.main, base.document)
    strip_shown(base.document)
    for kind, (part, root) in base.notes.items():
        strip_shown(root)
        if part in members and kind in base.notes_edited:
            members[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    parts: dict[str, bytes | Deflated] = dict(members)
    # The main part, the largest by far, deflated as it is made (two halves at once when long).
    parts[base.main] = deflated(
        etree.tostring(base.document, xml_declaration=True, encoding="UTF-8", standalone=True)
    )
    return zip_package([(name, parts[name]) for name in order if name in parts], stamp)
