"""The DOCX reader: word/document.xml walked with lxml into Blocks, numbers computed as Word does.

Stages: `safezip` opens the package and parses parts hardened; `wordnum` reads numbering
and styles; `_Walker` goes through the body once, in document order, and guarantees:

- one Block per visible paragraph with text or an automatic number, table cells included;
- `Location(paragraph=i)`: i is the 1-based position of the paragraph's `w:p` among all
  `w:p` of `w:body` in document order (`body.iter(w:p)`), counting empty, hidden and
  text-box paragraphs too, so a writer can find the same `w:p` again;
- pending revisions shown as one consistent view: "accept" (all accepted) or "original"
  (all rejected), paragraph marks included;
- text as displayed: field results without codes, no footnotes, headers or text boxes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal, NamedTuple

from lxml import etree

from draftkit.errors import InputError, LimitError, UsageError, Where
from draftkit.model import Location
from draftkit.readers.blocks import Block
from draftkit.readers.limits import DEFAULT_MAX_BYTES, DEFAULT_MAX_UNPACKED, PARAGRAPHS_PER_PROVISION
from draftkit.readers.safezip import open_package
from draftkit.readers.wordnum import (
    MC_NS,
    WORD_NAMESPACES,
    ListNumState,
    NumberingDefs,
    NumberingState,
    StyleSheet,
    parse_numbering,
    parse_styles,
)

View = Literal["accept", "original"]

_M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"


@dataclass(frozen=True, slots=True)
class DocxContent:
    """What the DOCX reader hands on: the paragraphs as Blocks and the core-properties title."""

    blocks: tuple[Block, ...]
    title: str | None


class _Tags:
    """Clark names for one WordprocessingML namespace, computed once per document."""

    def __init__(self, ns: str) -> None:
        def w(local: str) -> str:
            return f"{{{ns}}}{local}"

        self.body = w("body")
        self.p = w("p")
        self.pPr = w("pPr")
        self.rPr = w("rPr")
        self.r = w("r")
        self.t = w("t")
        self.delText = w("delText")
        self.tab = w("tab")
        self.ptab = w("ptab")
        self.br = w("br")
        self.cr = w("cr")
        self.noBreakHyphen = w("noBreakHyphen")
        self.softHyphen = w("softHyphen")
        self.fldChar = w("fldChar")
        self.fldCharType = w("fldCharType")
        self.instrText = w("instrText")
        self.delInstrText = w("delInstrText")
        self.fldSimple = w("fldSimple")
        self.instr = w("instr")
        self.vanish = w("vanish")
        self.ins = w("ins")
        self.dele = w("del")
        self.moveFrom = w("moveFrom")
        self.moveTo = w("moveTo")
        self.pStyle = w("pStyle")
        self.numPr = w("numPr")
        self.numId = w("numId")
        self.ilvl = w("ilvl")
        self.outlineLvl = w("outlineLvl")
        self.pPrChange = w("pPrChange")
        self.val = w("val")
        self.tbl = w("tbl")
        self.tr = w("tr")
        self.tc = w("tc")
        self.trPr = w("trPr")
        self.tcPr = w("tcPr")
        self.cellIns = w("cellIns")
        self.cellDel = w("cellDel")
        self.sdt = w("sdt")
        self.sdtContent = w("sdtContent")
        self.alternate = f"{{{MC_NS}}}AlternateContent"
        self.fallback = f"{{{MC_NS}}}Fallback"
        self.math_t = f"{{{_M_NS}}}t"
        self.math = frozenset({f"{{{_M_NS}}}oMath", f"{{{_M_NS}}}oMathPara"})
        # Inline wrappers whose children are runs (or more wrappers) shown as they are.
        self.inline_wrappers = frozenset(
            w(x) for x in ("hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo", "sdtContent")
        )
        # Inline elements that never hold visible text: skipped without a look inside.
        self.inline_skip = frozenset(
            w(x)
            for x in (
                "pPr", "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd",
                "commentRangeStart", "commentRangeEnd", "moveFromRangeStart",
                "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
                "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart",
                "customXmlDelRangeEnd", "sdtPr", "sdtEndPr", "customXmlPr", "smartTagPr",
            )
        )  # fmt: skip
        # Run children holding drawings and text boxes: their w:p count, their text does not.
        self.run_objects = frozenset({w("drawing"), w("pict"), w("object"), self.alternate, w("txbxContent")})
        # Block-level elements without paragraphs inside.
        self.block_skip = frozenset(
            w(x)
            for x in (
                "sectPr", "tblPr", "tblGrid", "trPr", "tcPr", "sdtPr", "sdtEndPr",
                "customXmlPr", "bookmarkStart", "bookmarkEnd", "proofErr", "permStart",
                "permEnd", "commentRangeStart", "commentRangeEnd", "tblPrEx", "altChunk",
            )
        )  # fmt: skip


class _Field:
    """One open complex field: whether its result part has begun, and its instruction."""

    __slots__ = ("in_result", "instruction")

    def __init__(self) -> None:
        self.in_result = False
        self.instruction: list[str] = []


class _Piece(NamedTuple):
    """One w:p's share of an output paragraph (several when paragraph marks are removed)."""

    text: str
    position: int
    ppr: etree._Element | None


class _Walker:
    """One pass over w:body in document order, producing Blocks."""

    def __init__(
        self,
        tags: _Tags,
        view: View,
        styles: StyleSheet,
        numbering: NumberingDefs,
        max_paragraphs: int | None = None,
        source: str = "<docx>",
    ) -> None:
        self.tags = tags
        self.max_paragraphs = max_paragraphs
        self.source = source
        self.accept = view == "accept"
        self.styles = styles
        self.numbering = NumberingState(numbering, styles)
        self.listnum = ListNumState()
        self.index = 0
        self.blocks: list[Block] = []
        self.pending: list[_Piece] = []
        self.fields: list[_Field] = []
        self.instr_depth = 0  # fields on the stack still in their instruction part
        t = tags
        # In the accept view insertions are shown and deletions dropped; the reverse in
        # the original view. Moves behave like a deletion plus an insertion.
        shown = (t.ins, t.moveTo) if self.accept else (t.dele, t.moveFrom)
        hidden = (t.dele, t.moveFrom) if self.accept else (t.ins, t.moveTo)
        self.shown_changes = frozenset(shown)
        self.hidden_changes = frozenset(hidden)

    # ------------------------------------------------------------------ block level

    def walk_blocks(self, container: etree._Element, hidden: bool) -> None:
        """Paragraphs and tables of a container (body, cell, content control) in order."""
        t = self.tags
        for child in container:
            tag = child.tag
            if tag == t.p:
                self.paragraph(child, hidden)
            elif tag == t.tbl:
                # A paragraph whose mark is removed cannot merge across a table edge.
                self.flush()
                self.walk_blocks(child, hidden)
                self.flush()
            elif tag == t.tr:
                self.walk_blocks(child, hidden or self._marked_removed(child.find(t.trPr), t.ins, t.dele))
            elif tag == t.tc:
                removed = self._marked_removed(child.find(t.tcPr), t.cellIns, t.cellDel)
                self.walk_blocks(child, hidden or removed)
                self.flush()
            elif tag in t.block_skip or not isinstance(tag, str):
                continue
            elif tag == t.alternate:
                self._alternate_blocks(child, hidden)
            else:
                # sdt, sdtContent, customXml and anything newer: look inside for paragraphs.
                self.walk_blocks(child, hidden)

    def _alternate_blocks(self, alternate: etree._Element, hidden: bool) -> None:
        fallback = alternate.find(self.tags.fallback)
        for branch in alternate:
            if branch is fallback:
                self.walk_blocks(branch, hidden)
            else:
                self._skip(branch)

    def _marked_removed(self, props: etree._Element | None, ins_tag: str, del_tag: str) -> bool:
        """Whether a row or cell is absent from the view (its trPr/tcPr marks it)."""
        if props is None:
            return False
        return any(child.tag == (del_tag if self.accept else ins_tag) for child in props)

    def _skip(self, element: etree._Element) -> None:
        """Count the w:p inside a subtree that is not shown, keeping indices in step."""
        self.index += sum(1 for _ in element.iter(self.tags.p))

    # -------------------------------------------------------------- paragraph level

    def paragraph(self, p: etree._Element, hidden: bool) -> None:
        """One w:p: its text in the view, then merged or emitted according to its mark."""
        t = self.tags
        self.index += 1
        index = self.index
        if hidden:
            self.index += sum(1 for _ in p.iter(t.p)) - 1
            return
        ppr: etree._Element | None = None
        if len(p) and p[0].tag == t.pPr:
            ppr = p[0]
        parts: list[str] = []
        self.inline(p, parts)
        self._close_instructions()
        piece = _Piece("".join(parts), index, ppr)
        if self._mark_removed(ppr):
            # Without its mark the paragraph runs on into the next one (Word's merge).
            self.pending.append(piece)
            return
        group = [*self.pending, piece]
        self.pending = []
        self.emit(group, orphan=False)

    def _mark_removed(self, ppr: etree._Element | None) -> bool:
        if ppr is None:
            return False
        t = self.tags
        for child in ppr:
            if child.tag == t.rPr:
                return any(mark.tag in self.hidden_changes for mark in child)
        return False

    def flush(self) -> None:
        """Emit paragraphs whose removed mark found no following paragraph to merge with."""
        if self.pending:
            group, self.pending = self.pending, []
            self.emit(group, orphan=True)

    def emit(self, group: list[_Piece], orphan: bool) -> None:
        """Turn a group of merged w:p into one Block, numbering it from the surviving mark."""
        text = "".join(piece.text for piece in group).strip()
        if orphan and not text:
            return  # a wholly removed paragraph: nothing displayed, nothing counted
        last = group[-1]
        style_id, num_id, ilvl, outline = self._properties(last.ppr)
        resolved = self.styles.resolve(style_id)
        if num_id is None:
            num_id = resolved.num_id
        label: str | None = None
        level: int | None = None
        listed: int | None = None
        if num_id:
            if ilvl is None:
                ilvl = resolved.ilvl
            if ilvl is None:
                ilvl = self.numbering.ilvl_for_style(num_id, resolved.chain) or 0
            label = self.numbering.label_for(num_id, ilvl)
            level = ilvl if label is not None else None
            listed = self.numbering.list_of(num_id) if label is not None else None
        if not text and label is None:
            return
        if outline is not None:
            heading = outline + 1 if 0 <= outline < 9 else None
        else:
            heading = resolved.heading_level
        index = next((piece.position for piece in group if piece.text.strip()), last.position)
        if self.max_paragraphs is not None and len(self.blocks) >= self.max_paragraphs:
            raise LimitError(
                f"more than {self.max_paragraphs:,} paragraphs, over the limit of {PARAGRAPHS_PER_PROVISION}"
                " per allowed provision (raise with --max-provisions)",
                Where(self.source, paragraph=index),
            )
        self.blocks.append(
            Block(
                text=text,
                location=Location(paragraph=index),
                auto_label=label,
                auto_level=level,
                auto_list=listed,
                heading_level=heading,
                style=resolved.style_id,
                title=resolved.title,
            )
        )

    def _properties(
        self, ppr: etree._Element | None
    ) -> tuple[str | None, int | None, int | None, int | None]:
        """(pStyle, numId, ilvl, outlineLvl) of a pPr; the pre-change pPr in the original view."""
        if ppr is None:
            return None, None, None, None
        t = self.tags
        if not self.accept:
            # A tracked formatting change keeps the old pPr (numPr, pStyle) inside it.
            for child in ppr:
                if child.tag == t.pPrChange:
                    old = child.find(t.pPr)
                    ppr = old if old is not None else ppr
                    break
        style = num_id = ilvl = outline = None
        for child in ppr:
            tag = child.tag
            if tag == t.pStyle:
                style = child.get(t.val)
            elif tag == t.numPr:
                for part in child:
                    if part.tag == t.numId:
                        num_id = _to_int(part.get(t.val))
                    elif part.tag == t.ilvl:
                        ilvl = _to_int(part.get(t.val))
            elif tag == t.outlineLvl:
                outline = _to_int(child.get(t.val))
        return style, num_id, ilvl, outline

    # ----------------------------------------------------------------- inline level

    def inline(self, element: etree._Element, parts: list[str]) -> None:
        """Text of a paragraph's content: runs, wrappers and revisions shown in the view."""
        t = self.tags
        for child in element:
            tag = child.tag
            if tag == t.r:
                self.run(child, parts)
            elif tag in t.inline_wrappers:
                if tag == t.fldSimple and not len(child):
                    self._field_without_result(child.get(t.instr) or "", parts)
                else:
                    self.inline(child, parts)
            elif tag in t.inline_skip or not isinstance(tag, str):
                continue
            elif tag in self.shown_changes:
                self.inline(child, parts)
            elif tag in self.hidden_changes:
                self._skip(child)
            elif tag in t.math:
                if self.instr_depth == 0:
                    parts.extend(m.text or "" for m in child.iter(t.math_t))
            elif tag == t.alternate:
                fallback = child.find(t.fallback)
                for branch in child:
                    if branch is fallback:
                        self.inline(branch, parts)
                    else:
                        self._skip(branch)
            else:
                # w:sdt and unknown wrappers: whatever runs they hold are text.
                self.inline(child, parts)

    def run(self, r: etree._Element, parts: list[str]) -> None:
        """Text of one w:r, honouring hidden text and complex-field state."""
        t = self.tags
        vanish = False
        for child in r:
            tag = child.tag
            if tag == t.t:
                if not vanish and self.instr_depth == 0:
                    parts.append(child.text or "")
            elif tag == t.rPr:
                vanish = _vanished(child, t)
            elif tag == t.delText:
                # Deleted text is only reached inside a shown w:del (the original view).
                if not self.accept and not vanish and self.instr_depth == 0:
                    parts.append(child.text or "")
            elif tag == t.tab or tag == t.ptab:
                if not vanish and self.instr_depth == 0:
                    parts.append("\t")
            elif tag == t.br or tag == t.cr:
                if not vanish and self.instr_depth == 0:
                    parts.append(" ")
            elif tag == t.noBreakHyphen:
                if not vanish and self.instr_depth == 0:
                    parts.append("-")
            elif tag == t.fldChar:
                self._field_char(child.get(t.fldCharType), parts)
            elif tag == t.instrText or tag == t.delInstrText:
                if self.fields and not self.fields[-1].in_result:
                    self.fields[-1].instruction.append(child.text or "")
            elif tag in t.run_objects:
                self._skip(child)
            # w:sym, w:softHyphen, note and comment references: nothing to show.

    def _field_char(self, kind: str | None, parts: list[str]) -> None:
        if kind == "begin":
            self.fields.append(_Field())
            self.instr_depth += 1
        elif kind == "separate":
            if self.fields and not self.fields[-1].in_result:
                self.fields[-1].in_result = True
                self.instr_depth -= 1
        elif kind == "end" and self.fields:
            field = self.fields.pop()
            if not field.in_result:
                self.instr_depth -= 1
                self._field_without_result("".join(field.instruction), parts)

    def _field_without_result(self, instruction: str, parts: list[str]) -> None:
        """A field Word computes at display time: LISTNUM gets its number, others nothing."""
        if self.instr_depth == 0 and instruction.strip().upper().startswith("LISTNUM"):
            label = self.listnum.label_for(instruction)
            if label:
                parts.append(label)

    def _close_instructions(self) -> None:
        # A field instruction never spans paragraphs; one left open is damaged markup, and
        # keeping it open would hide all the text that follows.
        if self.instr_depth:
            self.fields = [field for field in self.fields if field.in_result]
            self.instr_depth = 0


def _vanished(rpr: etree._Element, t: _Tags) -> bool:
    for child in rpr:
        if child.tag == t.vanish:
            return (child.get(t.val) or "true").lower() not in ("false", "0", "off")
    return False


def _to_int(value: str | None) -> int | None:
    # ST_DecimalNumber is a 32-bit integer: anything else is damaged markup, not a number.
    if value is None:
        return None
    try:
        number = int(value.strip())
    except ValueError:
        return None
    return number if -(2**31) <= number < 2**31 else None


def _core_title(root: etree._Element) -> str | None:
    element = root.find(_DC_TITLE)
    if element is None or element.text is None:
        return None
    return element.text.strip() or None


def read_docx_blocks(
    path: Path,
    view: View = "accept",
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_unpacked: int = DEFAULT_MAX_UNPACKED,
    max_paragraphs: int | None = None,
) -> DocxContent:
    """Read a .docx/.docm into Blocks with Word's displayed numbers, in one revision view;
    a `LimitError` past `max_paragraphs` shown paragraphs. Macros are never read."""
    if view not in ("accept", "original"):
        raise UsageError(f"unknown view {view!r}: use 'accept' or 'original'")
    path = Path(path)
    with open_package(path, max_bytes=max_bytes, max_unpacked=max_unpacked) as package:
        main = package.main_document_part()
        document = package.parse_part(main)
        tag = document.tag if isinstance(document.tag, str) else ""
        ns, _, local = tag[1:].partition("}")
        if local != "document" or ns not in WORD_NAMESPACES:
            raise InputError(
                f"not a DOCX file: its main part is <{local or tag}>, not a Word document",
                Where(str(path)),
            )
        numbering_part = package.related_part(main, "numbering")
        styles_part = package.related_part(main, "styles")
        numbering = parse_numbering(package.parse_part(numbering_part) if numbering_part else None)
        styles = parse_styles(package.parse_part(styles_part) if styles_part else None)
        core_part = package.related_part("", "core-properties")
        if core_part is None and package.has("docProps/core.xml"):
            core_part = "docProps/core.xml"
        title = _core_title(package.parse_part(core_part)) if core_part else None
    tags = _Tags(ns)
    walker = _Walker(tags, view, styles, numbering, max_paragraphs, str(path))
    body = document.find(tags.body)
    if body is not None:
        walker.walk_blocks(body, hidden=False)
    walker.flush()
    return DocxContent(tuple(walker.blocks), title)
