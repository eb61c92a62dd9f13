"""Write a `Draft` as a clean DOCX with real Word auto-numbering, optionally with pending
tracked changes in chosen provisions.

Layout of the body, which the DOCX reader and `structure` rely on:

* the title is a `Title` paragraph, each preamble item a `Normal` paragraph;
* a provision of a container kind (part, chapter, section, article, annex) or any
  provision with a heading gets a *heading paragraph* (style `Heading{depth+1}`) holding
  its number and its heading only: Word's number (`lvlText` "Article %1"), the level's
  tab suffix, then the heading text. A reader computing Word numbering therefore gets
  `auto_label="Article 3"` and text "Heading" — no dash or separator lands in either
  (the " — " of the plain-text form is a text convention, not part of label or heading).
  The provision's own text follows in unnumbered body paragraphs;
* any other provision (paragraph, subparagraph, point) without a heading is one numbered
  body paragraph holding its number and the first paragraph of its text; further
  paragraphs of its text ("\\n" in `Provision.text`) follow unnumbered, indented to the
  text position of its number.

Numbering: one multi-level abstractNum per family (the articles and everything under
them; the annexes and everything under them). Each distinct label form — literal prefix,
number format, literal suffix: "Article %1", "%2." decimal, "(%3)" lowerLetter, "(%4)"
lowerRoman, "%1.%2", "Section %1", "ANNEX %1" upperRoman, "%2)", "Стаття %1" … —
becomes one list level, shallowest form first (at most nine), with the number format
chosen per sibling list from the labels actually seen ("(i)" alone under "(a)" reads as
roman, "(a)…(i)" as letters; "01" is decimalZero). A level whose numbers continue across
its parents (articles numbered through chapters) gets `w:lvlRestart=0`; `w:start` is the
value the labels start at.

Every displayed label is exactly `num`. The writer runs Word's counting rules itself
while it assigns numbers. Where a label does not come out of the count (a gap, a repeat,
a restart Word would not make), the list continues in a fresh copy of the abstractNum
whose `w:start` values pick up the count and jump to the wanted number, so the label is
still Word's. Where Word cannot show the label at all — a form lvlText cannot express
("Article 3a", "6 bis", Cyrillic letters "а)", a "%"), a "4.1" under "3.", a tenth
form, edge spaces — it is typed: a run "label" + tab before the text (the label alone
when nothing follows), in a paragraph without `w:numPr`, indented like its level.

Output is deterministic: fixed part order and zip entries, zip timestamps and core
properties from `date`, revision ids sequential from 1, no `now()` anywhere.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, cast

from lxml import etree

from draftkit.errors import UsageError
from draftkit.model import Draft, Provision
from draftkit.records import record
from draftkit.render.docx_numbering import (
    CONTAINER_KINDS,
    MIN_HANGING,
    Decision,
    Level,
    NumberingPlan,
    numbering_xml,
    plan_numbering,
)
from draftkit.render.docx_package import draft_members, write_atomically, zip_package, zip_time
from draftkit.render.wml import (
    NSMAP,
    OpKind,
    Revision,
    RevisionIds,
    add_run,
    children_xml,
    fill_paragraphs,
    make_paragraph,
    paragraph_xml,
    parse_body,
    ppr_xml,
    qn,
    right_to_left,
    run_xml,
)

__all__ = [
    "DraftDocument",
    "draft_document",
    "draft_docx_bytes",
    "write_atomically",
    "write_draft_docx",
    "zip_package",
    "zip_time",
]


_OP_KINDS: Final = frozenset({"equal", "insert", "delete"})
_DEFAULT_DATE: Final = "2026-01-01T00:00:00Z"


def write_draft_docx(
    draft: Draft,
    path: Path,
    *,
    date: str = _DEFAULT_DATE,
    author: str = "draftkit",
    pending: Mapping[str, Sequence[tuple[str, str]]] | None = None,
) -> None:
    """Write `draft` to `path` as a DOCX with Word auto-numbering, atomically."""
    data = draft_docx_bytes(draft, date=date, author=author, pending=pending)
    write_atomically(Path(path), data)


def draft_docx_bytes(
    draft: Draft,
    *,
    date: str = _DEFAULT_DATE,
    author: str = "draftkit",
    pending: Mapping[str, Sequence[tuple[str, str]]] | None = None,
) -> bytes:
    """The DOCX bytes `write_draft_docx` would write (same inputs give the same bytes).

    `pending` maps a provision's `eid` to word-level ops `[("equal"|"insert"|"delete",
    text), ...]` that replace its own text: it is written as pending tracked changes, so
    accepting all gives the ops' new text and rejecting all the old.
    """
    built = draft_document(draft, date=date, author=author, pending=pending)
    document = etree.tostring(built.document, xml_declaration=True, encoding="UTF-8", standalone=True)
    members = [(name, document if name == "word/document.xml" else data) for name, data in built.members]
    return zip_package(members, zip_time(date))


@record
class DraftDocument:
    """A draft laid out as a DOCX, before zipping: the parsed `word/document.xml`, where
    each provision starts, and every other part of the package.

    Paragraph positions are 1-based indices into `body.iter(w:p)`, the counting the DOCX
    reader uses for `Location.paragraph`.
    """

    document: etree._Element
    provisions: tuple[int, ...]  # first paragraph of each provision, Draft.walk() order
    title: tuple[int, ...]  # the title's paragraphs
    preamble: tuple[int, ...]  # the preamble's paragraphs, in order
    members: tuple[tuple[str, bytes], ...]  # package order; word/document.xml holds b""


def draft_document(
    draft: Draft,
    *,
    date: str = _DEFAULT_DATE,
    author: str = "draftkit",
    pending: Mapping[str, Sequence[tuple[str, str]]] | None = None,
) -> DraftDocument:
    """Lay `draft` out as a DOCX without zipping it (see `draft_docx_bytes`)."""
    zip_time(date)  # checks the date
    checked = _check_pending(draft, pending or {})
    plan = plan_numbering(draft)
    rev = Revision(author=author, date=date)
    document, places = _document_root(draft, plan, checked, rev)
    numbering = numbering_xml(plan)
    members = draft_members(draft, b"", numbering, rev)
    return DraftDocument(
        document, tuple(places.provisions), tuple(places.title), tuple(places.preamble), tuple(members)
    )


# --------------------------------------------------------------------------- pending ops


def _check_pending(
    draft: Draft, pending: Mapping[str, Sequence[tuple[str, str]]]
) -> dict[str, tuple[tuple[OpKind, str], ...]]:
    known = {p.eid for p in draft.walk() if p.eid}
    checked: dict[str, tuple[tuple[OpKind, str], ...]] = {}
    for eid, ops in pending.items():
        if eid not in known:
            raise UsageError(f"pending changes name a provision the draft does not have: {eid!r}")
        out: list[tuple[OpKind, str]] = []
        for kind, text in ops:
            if kind in _OP_KINDS:
                out.append((cast(OpKind, kind), text))
            else:
                raise UsageError(f"{eid}: unknown change kind {kind!r} (equal, insert, delete)")
        checked[eid] = tuple(out)
    return checked


# --------------------------------------------------------------------------- document.xml


_HEADING_STYLES: Final = tuple(f"Heading{n}" for n in range(1, 10))


@dataclass(slots=True)
class _Places:
    provisions: list[int] = field(default_factory=list)
    title: list[int] = field(default_factory=list)
    preamble: list[int] = field(default_factory=list)
    count: int = 0  # paragraphs written so far

    def take(self, n: int) -> list[int]:
        """The indices of the next n paragraphs."""
        start = self.count
        self.count += n
        return list(range(start + 1, start + n + 1))


def _document_root(
    draft: Draft,
    plan: NumberingPlan,
    pending: Mapping[str, tuple[tuple[OpKind, str], ...]],
    rev: Revision,
) -> tuple[etree._Element, _Places]:
    places = _Places()
    ids = RevisionIds(0)  # a fresh package holds no other ids (bookmarks, comments)
    # Clean paragraphs are written as fragments (the bulk, and the fast path); paragraphs
    # with pending revisions are built as elements under `scratch`, then serialised in
    # place. `parse_body` turns the lot into one checked tree.
    fragments: list[str] = []
    scratch = etree.Element(qn("w:body"), nsmap=NSMAP)

    for line in (draft.title or "").split("\n") if draft.title else ():
        fragments.append(paragraph_xml(run_xml(line), style="Title", bidi=right_to_left(line)))
        places.title.extend(places.take(1))
    for item in draft.preamble:
        for line in item.split("\n"):
            fragments.append(paragraph_xml(run_xml(line), bidi=right_to_left(line)))
            places.preamble.extend(places.take(1))

    decisions = iter(plan.decisions)

    def emit(p: Provision, depth: int) -> None:
        decision = next(decisions)
        level = decision.level
        heading_para = p.kind in CONTAINER_KINDS or p.heading is not None
        # A paragraph cannot hold a paragraph break; a heading is one line.
        heading = (p.heading or "").replace("\n", " ")
        style = _HEADING_STYLES[min(depth, 8)] if heading_para else None
        num_id = decision.num_id
        label = ""
        num: tuple[int, int] | None = None
        indent: tuple[int, int] | None = None
        if num_id is not None and level is not None:
            num = (num_id, level.ilvl)
        else:
            indent = _unnumbered_indent(depth, level, heading_para, decision)
            if decision.typed is not None:
                # Typed label + tab, as Word shows its own number + tab suffix; the label
                # alone when nothing follows on that line.
                nothing_follows = not heading if heading_para else not p.text and p.eid not in pending
                label = decision.typed if nothing_follows else decision.typed + "\t"
        # Text paragraphs after the first line up with the text after the number; under a
        # heading they start where the heading's number starts.
        if heading_para:
            cont = level.number_pos if level is not None else 0
        else:
            cont = level.text_pos if level is not None else MIN_HANGING * depth
        cont_indent = (cont, 0) if cont else None
        # Arabic or Hebrew: right-to-left paragraphs (the label on the right, as Word sets it).
        bidi = right_to_left(heading or p.text)

        places.provisions.append(places.count + 1)
        ops = pending.get(p.eid) if p.eid else None
        if ops is None:
            # Clean text, the common case.
            lines = p.text.split("\n") if p.text else []
            first_text = heading if heading_para else (lines.pop(0) if lines else "")
            ppr = ppr_xml(style=style, num=num, indent=indent, bidi=bidi)
            fragments.append(f"<w:p>{ppr}{run_xml(label)}{run_xml(first_text)}</w:p>")
            cont_ppr = ppr_xml(indent=cont_indent, bidi=bidi)
            fragments.extend(f"<w:p>{cont_ppr}{run_xml(line)}</w:p>" for line in lines)
            places.take(1 + len(lines))
        else:
            region: list[tuple[OpKind, str]] = list(ops)
            if heading_para:
                old = "".join(t for k, t in ops if k != "insert")
                new = "".join(t for k, t in ops if k != "delete")
                # Heading paragraph and text paragraphs are one op stream with a "\n"
                # between them; when only one version has text, that break is itself
                # inserted or deleted, so accept/reject add or remove the text paragraph.
                region = [("equal", heading)]
                if old or new:
                    region.append(("equal" if old and new else "insert" if new else "delete", "\n"))
                    region.extend(ops)
            first = make_paragraph(scratch, style=style, num=num, indent=indent, bidi=bidi)
            if label:
                add_run(first, label)

            def text_paragraph() -> etree._Element:
                return make_paragraph(scratch, indent=cont_indent, bidi=bidi)

            written = fill_paragraphs(region, first, text_paragraph, ids, rev)
            places.take(len(written))
            fragments.append(children_xml(scratch))
            scratch.clear()
        for child in p.children:
            emit(child, depth + 1)

    for top in draft.provisions:
        emit(top, 0)
    fragments.append(_SECTION)
    return parse_body(fragments), places


# A4, the page of international texts, with 2.5 cm margins.
_SECTION: Final = (
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"'
    ' w:header="708" w:footer="708" w:gutter="0"/>'
    '<w:cols w:space="708"/></w:sectPr>'
)


def _unnumbered_indent(
    depth: int, level: Level | None, heading: bool, decision: Decision
) -> tuple[int, int] | None:
    """Indent (left, hanging) of a first paragraph without a Word number."""
    if level is not None:  # typed because the count went wrong: sit where Word's would
        return (level.text_pos, level.hanging)
    if heading or depth == 0:
        return None
    if decision.typed is not None:
        return (MIN_HANGING * depth, MIN_HANGING)
    return (MIN_HANGING * depth, 0)
