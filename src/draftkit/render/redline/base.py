"""The document a redline is written into: the new draft's own DOCX (its tracked changes
resolved to the view it was read in), or the new draft written clean by `docx_draft`.

Takes the new `Draft` (and, for text input, a revision for the clean DOCX); hands on a
`Base`: every package member, the parsed main document, its paragraphs counted as the
reader counted them, where each new provision starts, and the largest `w:id` already in
the package. Guarantees that the file is the one that was read (same SHA-256).
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from draftkit.errors import InputError
from draftkit.model import Draft
from draftkit.readers.docx_text import capitals, may_hold_ids
from draftkit.readers.kept import take
from draftkit.readers.safezip import CONTENT_TYPES, open_package, parse_xml
from draftkit.render.redline.layout import BODY, provision_lines
from draftkit.render.wml import (
    W_P,
    Revision,
    has_revisions,
    max_revision_id,
    paragraph_text,
    qn,
    resolve_revisions,
    show_math,
    show_package,
)


@dataclass(slots=True)
class Base:
    """The document the redline is written into, and where each new provision starts."""

    members: list[tuple[str, bytes]]  # every part, package order
    main: str  # the main document part
    document: etree._Element
    paragraphs: list[etree._Element]  # body.iter(w:p) as the reader counted, index i-1 → paragraph i
    first: dict[int, int]  # id(new provision) → its first paragraph (1-based)
    title: list[int] | None = None  # paragraphs of the title and preamble, when known
    preamble: list[int] | None = None
    above: int = 0  # the largest w:id in the package
    # The footnote and endnote parts by kind ("footnote", "endnote"): part name, parsed root
    # (edited in place when a note's text changed; written back by `package`).
    notes: dict[str, tuple[str, etree._Element]] = field(default_factory=dict)
    notes_edited: set[str] = field(default_factory=set)  # the kinds whose part was edited


def is_docx(draft: Draft) -> bool:
    return draft.source is not None and draft.source.format == "docx"


def reread(draft: Draft, which: str) -> Path:
    """The path of a draft's DOCX, checked to be the file that was read (`which`: "old" or
    "new", for the message)."""
    assert draft.source is not None
    path = Path(draft.source.path)
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise InputError(f"cannot read the {which} draft again: {exc.strerror or exc}", str(path)) from None
    if digest != draft.source.sha256:
        raise InputError("the file changed after it was read; compare again", str(path))
    return path


def docx_base(draft: Draft) -> Base | None:
    """The new draft's own DOCX, its tracked changes resolved; None for a Strict file, or a
    package without the content types every part of a DOCX is declared in."""
    path = reread(draft, "new")
    assert draft.source is not None  # (reread checked it)
    with open_package(path) as package:
        main = package.main_document_part()
        if not package.has(CONTENT_TYPES) or not package.named_as_related("", main):
            # No package Word opens, or parts found only under another case than their
            # relationships give: written as a clean draft instead.
            return None
        # The tree the reader parsed and its bytes, when this redline asked it to keep them
        # (readers.kept): the part is neither decompressed nor parsed again.
        taken = take(path, draft.source.sha256, main)
        members = [
            (name, taken[1] if taken is not None and name == main else package.read(name))
            for name in package.names
        ]
    data = dict(members)
    document = taken[0] if taken is not None else parse_xml(data[main], f"{path}: {main}")
    if document.tag != qn("w:document"):
        return None  # ISO Strict or stranger: written as a clean draft instead
    above = max_revision_id(document) if may_hold_ids(data[main]) else 0
    for name, part in members:
        if name != main and name.startswith("word/") and name.endswith(".xml") and may_hold_ids(part):
            above = max(above, max_revision_id(parse_xml(part, f"{path}: {name}")))
    body = document.find(BODY)
    if body is None:
        return None
    # Note references, images and objects show the reader's placeholders (see wml._objects),
    # so that paragraphs hold the provisions' texts as the reader read them.
    notes = show_package(document, data, main, paragraph_text)
    for _, root in notes.values():
        if has_revisions(root):
            resolve_revisions(root, "accept")
    paragraphs = list(body.iter(W_P))
    first = {
        id(p): p.location.paragraph
        for p in draft.walk()
        if p.location is not None and p.location.paragraph is not None
    }
    if has_revisions(document):
        document, paragraphs = _resolved(document, draft, first)
        show_math(document)  # an equation's text in the view kept
    return Base(members, main, document, paragraphs, first, above=above, notes=notes)


def _resolved(
    document: etree._Element, draft: Draft, first: dict[int, int]
) -> tuple[etree._Element, list[etree._Element]]:
    """The document with its own tracked changes accepted or rejected — whichever view the
    draft was read in (the one whose paragraphs hold the provisions' texts)."""
    best: tuple[int, etree._Element, list[etree._Element]] | None = None
    for view in ("accept", "original"):
        trial = copy.deepcopy(document)
        body = trial.find(BODY)
        assert body is not None
        copies = list(body.iter(W_P))
        merged = resolve_revisions(trial, view)
        mapped = [merged.get(p, p) for p in copies]
        score = 0
        for provision in draft.walk():
            index = first.get(id(provision))
            if index is None or not 0 < index <= len(mapped):
                continue
            lines = provision_lines(provision)
            wanted = next((line for line in lines if line), "")
            shown = paragraph_text(mapped[index - 1]).rstrip()
            if shown.endswith(wanted) or capitals(shown).endswith(capitals(wanted)):  # w:caps: layout._suffix
                score += 1
        if best is None or score > best[0]:
            best = (score, trial, mapped)
    assert best is not None
    return best[1], counted(best[1], best[2])


def counted(document: etree._Element, mapped: list[etree._Element]) -> list[etree._Element]:
    """`mapped` with each paragraph the view removed whole (its tracked row or table gone)
    counted as the next paragraph still in the document, as a paragraph merged away counts as
    the one holding its text (the last one left: as the one before it). Else a provision's
    region would end in a removed row, and old material placed after it would be lost with
    that row (RP011: a deleted cell's paragraph put into the new draft's deleted rows)."""
    body = document.find(BODY)
    assert body is not None
    live = set(body.iter(W_P))
    if len(live) == len(set(mapped)):
        return mapped  # nothing removed whole (the usual case)
    out = list(mapped)
    following: etree._Element | None = None
    for i in range(len(out) - 1, -1, -1):
        if out[i] in live:
            following = out[i]
        elif following is not None:
            out[i] = following
    previous: etree._Element | None = None
    for i, p in enumerate(out):
        if p in live:
            previous = p
        elif previous is not None:
            out[i] = previous
    return out


def text_base(draft: Draft, rev: Revision) -> Base:
    """The new draft written as a clean DOCX with Word numbering."""
    # Imported here: a redline into the new draft's own DOCX (the long ones) never needs the
    # clean writer and its numbering (~5 ms of imports).
    from draftkit.render.docx_draft import draft_document

    built = draft_document(draft, date=rev.date, author=rev.author)
    body = built.document.find(BODY)
    assert body is not None
    first = {id(p): index for p, index in zip(draft.walk(), built.provisions, strict=True)}
    return Base(
        list(built.members),
        "word/document.xml",
        built.document,
        list(body.iter(W_P)),
        first,
        list(built.title),
        list(built.preamble),
    )
