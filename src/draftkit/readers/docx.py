"""The DOCX reader: word/document.xml walked with lxml into Blocks, numbers computed as Word does.

Stages: `safezip` opens the package and parses parts hardened; `wordnum` reads numbering
and styles; `_Walker` goes through the body once, in document order, and guarantees:

- one Block per visible paragraph with text or an automatic number, table cells included;
- `Location(paragraph=i)`: i is the 1-based position of the paragraph's `w:p` among all
  `w:p` of `w:body` in document order (`body.iter(w:p)`), counting empty, hidden and
  text-box paragraphs too, so a writer can find the same `w:p` again; `cell` is the table
  cell (table, row, column) it stands in, rows and cells counted as the view shows them;
- pending revisions shown as one consistent view: "accept" (all accepted) or "original"
  (all rejected), paragraph marks included, and said: one note at the first (docx_tracked);
- text as displayed (the rendering model of `docx_text`): field results without codes (a
  REF whose stored result is not its bookmark's text, a DATE or TIME, said: `stale_results`),
  content controls in place, the `mc:Choice` a current word processor shows, `w:sym` as
  the character, ruby base text with its annotation as a note (`⟦ruby: …⟧`), an equation as
  one unit with its text in a linear form keeping its structure (`⟦equation: (1)/(2)⟧`), Strict-namespace
  elements inside a transitional file read like the rest; text Word shows in capitals
  (`w:caps`, `w:smallCaps`, directly or from a style) in capitals, one character for one;
- text boxes (VML and DrawingML) as paragraphs of their own right after the paragraph that
  anchors them, at their own `w:p` index;
- each footnote and endnote inside the text of the paragraph that references it, at the
  reference, as `⟦Footnote: …⟧` / `⟦Endnote: …⟧` (no number: renumbering is not a change);
- hidden text (through docDefaults, paragraph and character styles, direct formatting) kept
  out of the text and named in a `ReadWarning`; text only one of Word and LibreOffice hides
  is kept in the text, with a warning;
- what it cannot read as text (images, charts, SmartArt, embedded objects, `w:altChunk`)
  never skipped in silence: a `⟦image sha256:…⟧`-style placeholder with the content hash of
  the part (a diagram's data less the id of its cached drawing) stands in the text, and a
  `ReadWarning` names it. No headers or footers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, NamedTuple

from lxml import etree

from draftkit.errors import InputError, LimitError, UsageError, Where
from draftkit.model import Cell, Location, ReadWarning, placeholders
from draftkit.readers import docx_objects as objects
from draftkit.readers.blocks import Block
from draftkit.readers.docx_invisible import Unseen, unseen_note
from draftkit.readers.docx_objects import (
    DROP_CAP_NOTE,
    continues_merge,
    foreign_note,
    merged_cell_note,
    with_article,
    wordart_text,
)
from draftkit.readers.docx_parts import Parts, embedded
from draftkit.readers.docx_tags import Tags
from draftkit.readers.docx_text import (
    CAPS,
    SOFT,
    Collected,
    Hiding,
    Visibility,
    capitals,
    choose_branch,
    core_title,
    form_field_text,
    is_recomputed,
    look_of,
    macro_button_text,
    math_text,
    on_off,
    override_note,
    parse_visibility,
    resolve_soft,
    shown_look,
    stale_results,
    symbol_text,
    unify_namespaces,
)
from draftkit.readers.docx_tracked import tracked_changes
from draftkit.readers.frozen import new_block, new_location
from draftkit.readers.limits import DEFAULT_MAX_BYTES, DEFAULT_MAX_UNPACKED, PARAGRAPHS_PER_PROVISION
from draftkit.readers.safezip import open_package
from draftkit.readers.wordnum import (
    DECIMALS,
    WORD_NAMESPACES,
    ListNumState,
    NumberingDefs,
    NumberingState,
    ResolvedStyle,
    StyleSheet,
    decimal_number,
    parse_numbering,
    parse_styles,
)

View = Literal["accept", "original"]


@dataclass(frozen=True, slots=True)
class DocxContent:
    """What the DOCX reader hands on: the paragraphs as Blocks, the core-properties title,
    and what it read with a caveat (hidden text, objects not compared), located."""

    blocks: tuple[Block, ...]
    title: str | None
    warnings: tuple[ReadWarning, ...] = field(default=())
    tables: bool = True  # whether the body holds a w:tbl anywhere (shown or not)
    document: tuple[str, etree._Element, bytes] | None = None  # `keep`: (main part, root, bytes)


class _Field:
    """One open complex field: whether its result part has begun, its instruction, and its
    form field data (`w:ffData`), if any."""

    __slots__ = ("form", "in_result", "instruction", "result")

    def __init__(self, form: etree._Element | None) -> None:
        self.in_result = False
        self.instruction: list[str] = []
        self.form = form
        self.result: tuple[list[str], int] | None = None  # a REF's: where its shown text starts


# What a w:pPr says, read once per paragraph in the view: (pStyle, numId, ilvl, outlineLvl,
# whether the paragraph mark is removed).
_Props = tuple[str | None, int | None, int | None, int | None, bool]
_NO_PROPS: _Props = (None, None, None, None, False)


class _Piece(NamedTuple):
    """One w:p's share of an output paragraph (several when paragraph marks are removed)."""

    text: str
    position: int
    props: _Props


_SHOWN = Hiding(word=False, office=False)


class _Walker:
    """One pass over w:body (or one note) in document order, producing Blocks."""

    def __init__(
        self,
        tags: Tags,
        view: View,
        styles: StyleSheet,
        numbering: NumberingDefs,
        max_paragraphs: int | None = None,
        source: str = "<docx>",
        *,
        visibility: Visibility | None = None,
        parts: Parts | None = None,
        part: str = "word/document.xml",
        in_note: bool = False,
    ) -> None:
        self.tags = tags
        self.view: View = view
        self.max_paragraphs = max_paragraphs
        self.source = source
        self.accept = view == "accept"
        self.styles = styles
        self.resolved: dict[str | None, ResolvedStyle] = {}  # styles.resolve, without a call each
        self.numbering_defs = numbering
        self.warnings: list[ReadWarning] = []
        self.numbering = NumberingState(numbering, styles, self.warnings)  # adds number-format warnings
        self.listnum = ListNumState()
        self.visibility = visibility or Visibility({}, {}, None, None, False)
        self.plain = self.visibility.plain  # no style or default hides text
        self.lookless = self.visibility.lookless  # no style or default sets caps, strike, superscript
        self.fast = self.plain and self.lookless
        self.look = 0  # the look of the runs the last run properties read are for (`_hiding`)
        self.parts = parts
        self.part = part
        self.in_note = in_note
        self.index = 0
        self.blocks: list[Block] = []
        self.pending: list[_Piece] = []
        self.fields: list[_Field] = []
        self.instr_depth = 0  # fields on the stack still in their instruction part
        self.references: list[tuple[str, str, int]] = []  # REF, DATE fields: instruction, shown, where
        self.current = Collected(None)
        self.spare: Collected | None = None  # one whose paragraph is done, its lists empty
        self.used_notes: set[tuple[str, str]] = set()
        self.tables = 0  # tables met so far, nested ones included
        self.cell: Cell | None = None  # the table cell being read: (table, row, column)
        t = tags
        # In the accept view insertions are shown and deletions dropped; the reverse in
        # the original view. Moves behave like a deletion plus an insertion.
        shown = (t.ins, t.moveTo) if self.accept else (t.dele, t.moveFrom)
        hidden = (t.dele, t.moveFrom) if self.accept else (t.ins, t.moveTo)
        self.shown_changes = frozenset(shown)
        self.hidden_changes = frozenset(hidden)
        self.unseen: dict[etree._Element, str] = {}  # of its part: paragraph → text the page does not show
        self.unseen_parts: Unseen | None = None  # (docx_invisible: what finds them, part by part)
        self.tracked: tuple[etree._Element | None, str] | None = None  # docx_tracked: where, what

    def warn(self, code: str, message: str, index: int | None = None) -> None:
        """Record a located reading warning (at the current paragraph by default)."""
        where = Location(paragraph=index if index is not None else max(self.index, 1))
        self.warnings.append(ReadWarning(code, message, where))

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
                outer, self.tables = self.cell, self.tables + 1
                self.cell = (self.tables, 0, 0)
                self.walk_blocks(child, hidden)
                self.flush()
                self.cell = outer
            elif tag == t.tr:
                removed = self._marked_removed(child.find(t.trPr), t.ins, t.dele)
                if self.cell is not None and not removed:
                    self.cell = (self.cell[0], self.cell[1] + 1, 0)
                self.walk_blocks(child, hidden or removed)
            elif tag == t.tc:
                props = child.find(t.tcPr)
                removed = self._marked_removed(props, t.cellIns, t.cellDel)
                if self.cell is not None and not removed:
                    self.cell = (self.cell[0], self.cell[1], self.cell[2] + 1)
                # A cell continuing a vertical merge shows the first cell's text, not its own.
                if not (hidden or removed) and continues_merge(props, t):
                    removed = True
                    if note := merged_cell_note(child, t):
                        self.warn("hidden-text", note, self.index + 1)
                self.walk_blocks(child, hidden or removed)
                self.flush()
            elif tag == t.altChunk:
                if not hidden:
                    self._alt_chunk(child)
            elif tag in t.block_skip or not isinstance(tag, str):
                continue
            elif tag == t.alternate:
                self._alternate(child, lambda branch: self.walk_blocks(branch, hidden))
            else:
                # sdt, sdtContent, customXml and anything newer: look inside for paragraphs.
                start = len(self.blocks)
                self.walk_blocks(child, hidden)
                if not hidden:
                    self._shown_inside(child, " ".join(b.text for b in self.blocks[start:]))

    def _alternate(self, alternate: etree._Element, read: Callable[[etree._Element], None]) -> None:
        """Read the branch a word processor shows; count the w:p of the others."""
        chosen = choose_branch(alternate)
        for branch in alternate:
            if branch is chosen:
                read(branch)
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

    def _alt_chunk(self, chunk: etree._Element) -> None:
        """An imported file Word merges in on opening: a placeholder paragraph with its hash."""
        self.flush()
        text, what = embedded(self.parts, self.part, chunk.get(objects.R_ID), "imported document")
        at = max(self.index, 1)
        self.warn(
            "not-compared",
            f"after this paragraph, {what} (w:altChunk) that Word imports on opening: its text is"
            " not compared, only its content hash, and a redline written into this file leaves it out",
            at,
        )
        self._append(text, at)

    def _append(self, text: str, index: int) -> None:
        """A paragraph made by the reader itself (a placeholder), not from a w:p's runs."""
        self._check_limit(index)
        self.blocks.append(Block(text=text, location=Location(paragraph=index, cell=self.cell)))

    # -------------------------------------------------------------- paragraph level

    def paragraph(self, p: etree._Element, hidden: bool) -> None:
        """One w:p: its text in the view, then merged or emitted according to its mark; then
        the text boxes it anchors, as paragraphs of their own."""
        t = self.tags
        self.index += 1
        index = self.index
        if self.tracked is not None and p is self.tracked[0]:  # said once, where it first stands
            self.warn("tracked-changes", self.tracked[1], index)
            self.tracked = None
        if hidden:
            self.index += sum(1 for _ in p.iter(t.p)) - 1
            return
        if self.unseen and p in self.unseen:  # (a dict lookup only where the part has some)
            self.warn("invisible-text", unseen_note(self.unseen[p]), index)
        first = p[0] if len(p) else None
        ppr = first if first is not None and first.tag == t.pPr else None
        props = _NO_PROPS if ppr is None else self._properties(ppr)
        # Runs of one w:t read at once where no style hides text or gives the paragraph's runs
        # a look (`fast`: none in the file), no mark is removed and no field is open.
        if (
            (self.fast or (self.plain and not self.visibility.look(props[0], None)))
            and not props[4]
            and not self.pending
        ):
            text = self._plain_text(first if ppr is None else ppr.getnext())
            if text is not None:
                self._block(text.strip(), index, props)
                return
        outer = self.current
        # The paragraph style matters to runs only when some style hides text or sets a look.
        style = None if ppr is None or (self.plain and self.lookless) else self._style_of(ppr)
        here = self.spare
        if here is None:
            here = Collected(style)
        else:
            self.spare, here.style = None, style
        here.look = 0 if self.lookless else shown_look(self.visibility.look(style, None))
        self.current = here
        parts: list[str] = []
        # The pPr (first, when there is one) holds no text: the runs start after it.
        if self.plain and not here.look:
            self._plain_runs(first if ppr is None else ppr.getnext(), parts)
        else:
            self.inline(p if ppr is None else ppr.itersiblings(), parts)
        if self.instr_depth:
            self._close_instructions()
        self.current = outer
        if here.noted():
            self._report(here, index)
        text = "".join(parts)
        if SOFT in text:
            text = resolve_soft(text)
        if props[4]:
            # Without its mark the paragraph runs on into the next one (Word's merge).
            self.pending.append(_Piece(text, index, props))
        elif self.pending:
            group = [*self.pending, _Piece(text, index, props)]
            self.pending = []
            self.emit(group, orphan=False)
        else:  # the common case: a paragraph of its own
            self._block(text.strip(), index, props)
        if here.boxes:
            self._read_boxes(here.boxes)
        elif not here.noted():
            # Its lists empty, it is as new: the next paragraph takes it (none holds it now).
            self.spare = here

    def _plain_text(self, first: etree._Element | None) -> str | None:
        """The text of `first` and its following siblings if each is a run of one w:t (most of
        a long draft), else None: as `_plain_runs` reads them, with no `Collected` to fill."""
        texts: list[str] = []
        while first is not None:
            if first.tag != self.tags.r or len(first) != 1 or (item := first[0]).tag != self.tags.t:
                return None
            texts.append(item.text or "")
            first = first.getnext()
        return "".join(texts)

    def _plain_runs(self, first: etree._Element | None, parts: list[str]) -> None:
        """`inline` over `first` and its following siblings where no style hides text, a run
        whose one child is a w:t read here. The same result, because: `inline` handles each
        child apart (no state across them), so a child handed to it alone reads as in the
        whole loop; `getnext` visits the siblings iteration would (elements, comments, PIs),
        without an iterator object; and `run`, when `plain`, only appends a lone w:t's text
        (if no field instruction is open)."""
        run_tag, text_tag = self.tags.r, self.tags.t
        child = first
        while child is not None:
            if child.tag != run_tag:
                self.inline((child,), parts)
            elif len(child) == 1 and (item := child[0]).tag == text_tag:
                if self.instr_depth == 0:
                    parts.append(item.text or "")
            else:
                self.run(child, parts)
            child = child.getnext()

    def _style_of(self, ppr: etree._Element) -> str | None:
        """The paragraph style in the view (the pre-change one in the original view)."""
        t = self.tags
        if not self.accept:
            change = ppr.find(t.pPrChange)
            old = change.find(t.pPr) if change is not None else None
            if old is not None:
                ppr = old
        style = ppr.find(t.pStyle)
        return style.get(t.val) if style is not None else None

    def _report(self, here: Collected, index: int) -> None:
        for code, message in here.notes():
            self.warn(code, message, index)

    def _read_boxes(self, boxes: list[tuple[etree._Element, int]]) -> None:
        """Text boxes after their anchor: each at its own w:p indices, apart from any merge
        or field still open in the body."""
        saved = (self.index, self.pending, self.fields, self.instr_depth)
        self.pending, self.fields, self.instr_depth = [], [], 0
        for box, start in boxes:
            self.index = start
            self.walk_blocks(box, hidden=False)
            self.flush()
        self.index, self.pending, self.fields, self.instr_depth = saved

    def flush(self) -> None:
        """Emit paragraphs whose removed mark found no following paragraph to merge with."""
        if self.pending:
            group, self.pending = self.pending, []
            self.emit(group, orphan=True)

    def _check_limit(self, index: int) -> None:
        if self.max_paragraphs is not None and len(self.blocks) >= self.max_paragraphs:
            raise LimitError(
                f"more than {self.max_paragraphs:,} paragraphs, over the limit of {PARAGRAPHS_PER_PROVISION}"
                " per allowed provision (raise with --max-provisions)",
                Where(self.source, paragraph=index),
            )

    def emit(self, group: list[_Piece], orphan: bool) -> None:
        """Turn a group of merged w:p into one Block, numbering it from the surviving mark."""
        text = (group[0].text if len(group) == 1 else "".join(piece.text for piece in group)).strip()
        if orphan and not text:
            return  # a wholly removed paragraph: nothing displayed, nothing counted
        last = group[-1]
        if len(group) == 1:
            index = last.position
        else:
            index = next((piece.position for piece in group if piece.text.strip()), last.position)
        self._block(text, index, last.props)

    def _block(self, text: str, index: int, props: _Props) -> None:
        """One output paragraph: its number counted from the surviving mark's properties."""
        style_id, num_id, ilvl, outline, _ = props
        resolved = self.resolved.get(style_id)
        if resolved is None:
            resolved = self.resolved[style_id] = self.styles.resolve(style_id)
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
            counted = self.numbering.count(num_id, ilvl, index)
            if counted is not None:
                label, listed = counted
                level = ilvl
        if not text and label is None:
            return
        if outline is not None:
            heading = outline + 1 if 0 <= outline < 9 else None
        else:
            heading = resolved.heading_level
        if self.max_paragraphs is not None and len(self.blocks) >= self.max_paragraphs:
            self._check_limit(index)
        self.blocks.append(
            new_block(
                text,
                new_location(index, None, self.cell),
                label,
                level,
                listed,
                heading,
                resolved.style_id,
                resolved.title,
                0,
            )
        )

    def _properties(self, ppr: etree._Element, outermost: bool = True) -> _Props:
        """What a pPr says, read in one pass: (pStyle, numId, ilvl, outlineLvl) in the view —
        the pre-change pPr's in the original view — and whether the paragraph mark (the first
        w:rPr) is removed in the view."""
        t = self.tags
        style = num_id = ilvl = outline = None
        removed = False
        mark: etree._Element | None = None
        change: etree._Element | None = None
        # Children by `getnext` (the same ones iteration visits, without an iterator object).
        child = ppr[0] if len(ppr) else None
        while child is not None:
            tag = child.tag
            if tag == t.numPr:
                part = child[0] if len(child) else None
                while part is not None:
                    part_tag = part.tag
                    if part_tag == t.numId:
                        value = part.get(t.val)
                        num_id = DECIMALS[value] if value in DECIMALS else decimal_number(value)
                    elif part_tag == t.ilvl:
                        value = part.get(t.val)
                        ilvl = DECIMALS[value] if value in DECIMALS else decimal_number(value)
                    part = part.getnext()
            elif tag == t.pStyle:
                style = child.get(t.val)
            elif tag == t.rPr:
                if mark is None:
                    mark = child
                    removed = any(m.tag in self.hidden_changes for m in child)
            elif tag == t.outlineLvl:
                outline = decimal_number(child.get(t.val))
            elif tag == t.framePr and outermost and child.get(t.dropCap) in ("drop", "margin"):
                self.warn("layout", DROP_CAP_NOTE)
            elif tag == t.pPrChange and change is None and outermost:
                change = child
            child = child.getnext()
        if change is not None and not self.accept:
            # A tracked formatting change keeps the old pPr (numPr, pStyle) inside it.
            old = change.find(t.pPr)
            if old is not None:
                style, num_id, ilvl, outline, _ = self._properties(old, outermost=False)
        return style, num_id, ilvl, outline, removed

    # ----------------------------------------------------------------- inline level

    def inline(self, children: Iterable[etree._Element], parts: list[str]) -> None:
        """Text of a paragraph's content (an element's children): runs, wrappers and revisions
        shown in the view."""
        t = self.tags
        for child in children:
            tag = child.tag
            if tag == t.r:
                self.run(child, parts)
            elif tag in t.inline_wrappers:
                if tag == t.fldSimple and not len(child):
                    self._field_without_result(child.get(t.instr) or "", parts)
                elif tag == t.fldSimple and is_recomputed(instruction := child.get(t.instr) or ""):
                    start = len(parts)
                    self.inline(child, parts)
                    self.references.append(
                        (instruction, resolve_soft("".join(parts[start:])), max(self.index, 1))
                    )
                elif tag == t.bdo:
                    self._override(child, parts)
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
                    self._math(child, parts)
            elif tag == t.alternate:
                self._alternate(child, lambda branch: self.inline(branch, parts))
            elif tag == t.subDoc:
                _, what = embedded(self.parts, self.part, child.get(objects.R_ID), "subdocument")
                self.warn(
                    "not-compared",
                    f"{what} (w:subDoc) that Word shows as a link, or its text in outline view:"
                    " its text is not read or compared, and a redline written into this file leaves it out",
                )
            else:
                # sdt, unknown wrappers: whatever runs they hold are text.
                start = len(parts)
                self.inline(child, parts)
                self._shown_inside(child, "".join(parts[start:]))

    def _shown_inside(self, element: etree._Element, text: str) -> None:
        """Said of what a content control or an element the reader does not know shows: a
        bound control's other text (`Parts.binding_note`), a foreign element's (`foreign_note`)."""
        if element.tag == self.tags.sdt:
            note = self.parts.binding_note(element, self.tags, resolve_soft(text)) if self.parts else None
            if note:
                self.warn("not-compared", note)
        elif note := foreign_note(element.tag, resolve_soft(text)):
            self.warn("hidden-text", note)

    def _override(self, bdo: etree._Element, parts: list[str]) -> None:
        """A bidirectional override (w:bdo): read as stored, said where Word shows it reversed."""
        start = len(parts)
        self.inline(bdo, parts)
        note = override_note(bdo.get(self.tags.val), "".join(parts[start:]).replace(SOFT, ""))
        if note:
            self.warn("not-compared", note)

    def _hiding(self, rpr: etree._Element | None) -> Hiding:
        """How the runs with these properties show, styles and defaults included."""
        t = self.tags
        if rpr is not None and not self.accept:
            # A tracked formatting change keeps the old run properties (vanish included).
            change = rpr.find(t.rPrChange)
            old = change.find(t.rPr) if change is not None else None
            if old is not None:
                rpr = old
        style = vanish = spec = web = None
        looks = looks_on = 0  # look properties set directly, and their values
        if rpr is not None:
            for child in rpr:
                tag = child.tag
                if tag in t.looks:
                    bit, on = look_of(child, t.looks[tag], t.val)
                    looks, looks_on = looks | bit, (looks_on & ~bit) | on
                elif tag == t.vanish:
                    vanish = on_off(child, t.val)
                elif tag == t.specVanish:
                    spec = on_off(child, t.val)
                elif tag == t.webHidden:
                    web = on_off(child, t.val)
                elif tag == t.rStyle:
                    style = child.get(t.val)
        self.look = self.visibility.shown(self.current.style, style, looks, looks_on)
        # Inside a field's result (a table of contents' page numbers) LibreOffice shows its
        # own reading of the field, webHidden or not: only text of no field counts.
        return self.visibility.run(self.current.style, style, vanish, spec, False if self.fields else web)

    def run(self, r: etree._Element, parts: list[str]) -> None:
        """Text of one w:r, honouring hidden text and complex-field state."""
        t = self.tags
        # Without run properties a run shows as its paragraph style and the defaults say;
        # w:rPr comes first in a run (the schema's order), so it decides before any text.
        if self.plain:
            hiding = _SHOWN
            sink = parts
            look = self.current.look
        else:
            hiding = self._hiding(None)
            sink = self.current.hidden if hiding.hidden else parts
            look = self.look
        start = len(sink)
        text_tag = t.t
        for child in r:
            tag = child.tag
            if tag == text_tag:  # the common case, inlined
                if self.instr_depth == 0:
                    sink.append(child.text or "")
            elif tag == t.rPr:
                hiding = self._hiding(child)
                sink = self.current.hidden if hiding.hidden else parts
                start = len(sink)
                look = self.look
            else:
                self._run_child(child, sink)
        if look and sink is parts and len(parts) > start:
            if look & CAPS:
                # Shown in capitals; the reader's own notes and placeholders (SOFT-led) as they are.
                parts[start:] = [p if p[:1] == SOFT else capitals(p) for p in parts[start:]]
            self.current.looked(look, parts, start)
        if hiding is not _SHOWN and hiding.disputed and len(sink) > start:
            disputed = self.current.hidden_in_word if hiding.word else self.current.hidden_in_office
            disputed.extend(sink[start:])

    def _run_children(self, branch: etree._Element, sink: list[str]) -> None:
        for child in branch:
            self._run_child(child, sink)

    def _run_child(self, child: etree._Element, sink: list[str]) -> None:
        """One element of a run's content into `sink`."""
        t = self.tags
        tag = child.tag
        if tag == t.t:
            if self.instr_depth == 0:
                sink.append(child.text or "")
        elif tag == t.rPr:
            return
        elif tag == t.delText:
            # Deleted text is only reached inside a shown w:del (the original view).
            if not self.accept and self.instr_depth == 0:
                sink.append(child.text or "")
        elif tag == t.tab or tag == t.ptab:
            if self.instr_depth == 0:
                sink.append("\t")
        elif tag == t.br or tag == t.cr:
            if self.instr_depth == 0:
                sink.append(" ")
        elif tag == t.noBreakHyphen:
            if self.instr_depth == 0:
                sink.append("-")
        elif tag == t.sym:
            if self.instr_depth == 0:
                sink.append(symbol_text(child.get(t.font), child.get(t.char)))
        elif tag == t.fldChar:
            self._field_char(child, sink)
        elif tag == t.instrText or tag == t.delInstrText:
            if self.fields and not self.fields[-1].in_result:
                self.fields[-1].instruction.append(child.text or "")
        elif tag == t.footnoteReference or tag == t.endnoteReference:
            if self.instr_depth == 0:
                self._note("footnote" if tag == t.footnoteReference else "endnote", child.get(t.id), sink)
        elif tag == t.ruby:
            self._ruby(child, sink)
        elif tag == t.alternate:
            self._alternate(child, lambda branch: self._run_children(branch, sink))
        elif tag in t.run_objects:
            self._object(child, sink)
        # w:softHyphen (shown only at a line end), comment references: nothing to show.

    def _ruby(self, ruby: etree._Element, parts: list[str]) -> None:
        """Ruby: the base text in place, the annotation after it as a note."""
        t = self.tags
        base = ruby.find(t.rubyBase)
        if base is not None:
            self.inline(base, parts)
        annotation = ruby.find(t.rt)
        if annotation is not None:
            note: list[str] = []
            self.inline(annotation, note)
            text = " ".join("".join(note).split())
            if text:
                parts.append(f"{SOFT}{placeholders.labelled('ruby', text)}{SOFT}")

    def _note(self, kind: placeholders.NoteKind, note_id: str | None, parts: list[str]) -> None:
        """A footnote or endnote, read where its reference stands."""
        if self.in_note or self.parts is None:
            return  # a note inside a note is not something Word makes
        found = self.parts.notes.get(kind)
        note = found[1].get(note_id or "") if found is not None else None
        if found is None or note is None:
            self.warn(
                "not-compared", f"a {kind} reference to {kind} {note_id!r}, which the file does not hold"
            )
            return
        if (kind, note_id or "") in self.used_notes:
            # Word gives each note one reference; a second would repeat its text unboundedly.
            self.warn("not-compared", f"a second reference to {kind} {note_id!r}: its text is read once")
            return
        self.used_notes.add((kind, note_id or ""))
        walker = _Walker(
            self.tags,
            self.view,
            self.styles,
            self.numbering_defs,
            None,
            self.source,
            visibility=self.visibility,
            parts=self.parts,
            part=found[0],
            in_note=True,
        )
        walker.unseen = self.unseen_parts.of(note) if self.unseen_parts is not None else {}
        walker.walk_blocks(note, hidden=False)
        walker.flush()
        here = max(self.index, 1)
        for warning in walker.warnings:
            self.warn(warning.code, f"in {with_article(kind)}: {warning.message}", here)
        text = " ".join(
            " ".join(f"{b.auto_label} {b.text}".split()) if b.auto_label else b.text for b in walker.blocks
        )
        parts.append(f"{SOFT}{placeholders.note(kind, text)}{SOFT}")

    def _object(self, element: etree._Element, parts: list[str]) -> None:
        """A drawing, VML picture, OLE object or alternate content inside a run: text boxes
        deferred, images and objects as placeholders with their content hash."""
        t = self.tags
        if element.tag == t.object:
            self._ole(element, parts)
            return
        stack = [element]
        while stack:
            node = stack.pop()
            tag = node.tag
            if tag == t.txbxContent:
                self.current.boxes.append((node, self.index))
                self._skip(node)
                continue
            if tag == t.alternate:
                chosen = choose_branch(node)
                for branch in node:
                    if branch is not chosen:
                        self._skip(branch)
                if chosen is not None:
                    stack.extend(reversed(chosen))
                continue
            if tag == t.object:
                self._ole(node, parts)
                continue
            if tag in (objects.A_BLIP, objects.V_IMAGEDATA):
                rel_id = node.get(objects.R_EMBED) or node.get(objects.R_LINK) or node.get(objects.R_ID)
                self._placeholder(rel_id, "image", parts)
            elif tag == objects.V_TEXTPATH:
                if (text := wordart_text(node)) and not self.instr_depth:
                    parts.append(f"{SOFT}{placeholders.labelled('WordArt', text)}{SOFT}")
            elif tag == objects.C_CHART:
                self._placeholder(node.get(objects.R_ID), "chart", parts)
            elif tag == objects.DGM_REL_IDS:
                self._placeholder(node.get(objects.R_DM), "diagram", parts)
            elif tag == objects.A_GRAPHIC_DATA and node.get("uri") not in objects.READ_GRAPHICS:
                self.warn(
                    "not-compared", f"an embedded object of a kind draftkit cannot read ({node.get('uri')})"
                )
                parts.append(f"{SOFT}{placeholders.OBJECT}{SOFT}")
                self._skip(node)
                continue
            stack.extend(reversed(node))

    def _ole(self, element: etree._Element, parts: list[str]) -> None:
        ole = next(element.iter(objects.O_OLE), None)
        if ole is None:
            self._object_children(element, parts)
            return
        prog = (ole.get(objects.O_PROG_ID) or "object").strip() or "object"
        self._placeholder(ole.get(objects.R_ID), f"{prog} object", parts)
        for box in element.iter(self.tags.txbxContent):
            self.current.boxes.append((box, self.index))
            self._skip(box)

    def _object_children(self, element: etree._Element, parts: list[str]) -> None:
        for child in element:
            if isinstance(child.tag, str):
                self._object(child, parts)

    def _math(self, element: etree._Element, parts: list[str]) -> None:
        """An equation, one unit like an object: `⟦equation: …⟧` with its text in this view
        (a run Word tracked as inserted or deleted inside it counts in its view only)."""
        text = math_text(element, self.hidden_changes)
        if text:
            parts.append(f"{SOFT}{placeholders.labelled('equation', text)}{SOFT}")

    def _placeholder(self, rel_id: str | None, kind: str, parts: list[str]) -> None:
        if self.instr_depth:
            return  # inside a field instruction: not displayed
        text, what = embedded(self.parts, self.part, rel_id, kind)
        self.warn("not-compared", f"{what}: compared by its content hash, not as text")
        parts.append(f"{SOFT}{text}{SOFT}")

    def _field_char(self, char: etree._Element, parts: list[str]) -> None:
        kind = char.get(self.tags.fldCharType)
        if kind == "begin":
            self.fields.append(_Field(char.find(self.tags.ffData) if len(char) else None))
            self.instr_depth += 1
        elif kind == "separate":
            if self.fields and not self.fields[-1].in_result:
                field = self.fields[-1]
                field.in_result = True
                self.instr_depth -= 1
                if is_recomputed("".join(field.instruction)):
                    field.result = (parts, len(parts))
        elif kind == "end" and self.fields:
            field = self.fields.pop()
            if not field.in_result:
                self.instr_depth -= 1
                self._field_without_result("".join(field.instruction), parts, field.form)
            elif field.result is not None and field.result[0] is parts:  # a REF within one paragraph
                shown = resolve_soft("".join(parts[field.result[1] :]))
                self.references.append(("".join(field.instruction), shown, max(self.index, 1)))

    def _field_without_result(
        self, instruction: str, parts: list[str], form: etree._Element | None = None
    ) -> None:
        """A field Word computes at display time: LISTNUM gets its number, a check box or
        drop-down form field what it shows (☒, the chosen entry), a MACROBUTTON its display
        text, others nothing."""
        if self.instr_depth:
            return
        if instruction.strip().upper().startswith("LISTNUM"):
            label = self.listnum.label_for(instruction)
            if label:
                parts.append(label)
        elif form is not None:
            parts.append(form_field_text(form, instruction) or "")
        else:
            parts.append(macro_button_text(instruction) or "")

    def _close_instructions(self) -> None:
        # A field instruction never spans paragraphs; one left open is damaged markup, and
        # keeping it open would hide all the text that follows.
        if self.instr_depth:
            self.fields = [field for field in self.fields if field.in_result]
            self.instr_depth = 0


def read_docx_blocks(
    path: Path,
    view: View = "accept",
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_unpacked: int = DEFAULT_MAX_UNPACKED,
    max_paragraphs: int | None = None,
    keep: bool = False,
) -> DocxContent:
    """Read a .docx/.docm into Blocks with Word's displayed numbers, in one revision view;
    a `LimitError` past `max_paragraphs` shown paragraphs. Macros are never read. `keep`:
    the parsed main document and its bytes handed on too (`DocxContent.document`;
    readers.kept), unless the reader had to rename elements in it."""
    if view not in ("accept", "original"):
        raise UsageError(f"unknown view {view!r}: use 'accept' or 'original'")
    path = Path(path)
    with open_package(path, max_bytes=max_bytes, max_unpacked=max_unpacked) as package:
        main = package.main_document_part()
        data = package.read(main)
        document = package.parse_part(main, data)
        if not keep:
            data = b""  # not held through the walk
        tag = document.tag if isinstance(document.tag, str) else ""
        ns, _, local = tag[1:].partition("}")
        if local != "document" or ns not in WORD_NAMESPACES:
            raise InputError(
                f"not a DOCX file: its main part is <{local or tag}>, not a Word document",
                Where(str(path)),
            )
        # Word reads Strict-namespace elements inside a transitional file (and the reverse).
        renamed = unify_namespaces(document, ns)
        numbering_part = package.related_part(main, "numbering")
        styles_part = package.related_part(main, "styles")
        numbering = parse_numbering(package.parse_part(numbering_part) if numbering_part else None)
        styles_root = package.parse_part(styles_part) if styles_part else None
        styles = parse_styles(styles_root)
        visibility = parse_visibility(styles_root)
        core_part = package.related_part("", "core-properties")
        if core_part is None and package.has("docProps/core.xml"):
            core_part = "docProps/core.xml"
        title = core_title(package.parse_part(core_part)) if core_part else None
        tags = Tags(ns)
        walker = _Walker(
            tags,
            view,
            styles,
            numbering,
            max_paragraphs,
            str(path),
            visibility=visibility,
            parts=Parts(package, main, ns),
            part=main,
        )
        body = document.find(tags.body)
        walker.unseen_parts = Unseen(document, styles_root, ns, walker.hidden_changes)
        walker.unseen = walker.unseen_parts.of(document)
        walker.tracked = tracked_changes(document, ns, walker.accept, walker.parts)
        if body is not None:
            walker.walk_blocks(body, hidden=False)
        walker.flush()
        if walker.tracked is not None:  # its paragraph never met (none): said at the last one
            walker.warn("tracked-changes", walker.tracked[1])
        if walker.references and body is not None:  # REF results against their bookmarks', DATE
            for message, index in stale_results(body, walker.references, tags, walker.accept):
                walker.warn("not-compared", message, index)
        tables = body is not None and next(body.iter(tags.tbl), None) is not None
    kept = (main, document, data) if keep and not renamed else None  # the walk only reads the tree
    return DocxContent(tuple(walker.blocks), title, tuple(walker.warnings), tables, kept)
