"""Old objects carried into the redline: what the old draft held that the new one does not
(an image, a chart, a diagram, an embedded object, a footnote or endnote), brought back as
a deleted run so that reject-all restores it.

Takes the old draft (read from a DOCX) and the redline's `Base`; hands the writer, for a
placeholder the reader showed in the old text (`⟦image sha256:…⟧`, `⟦Footnote: …⟧`), a run
that holds a copy of the old element, wrapped in `w:del` (or `w:moveFrom`). Copies what
that element needs from the old package into the redline's: each part it reaches through a
relationship (an image, a chart and its workbook, a diagram's four parts and its drawing),
with their own relationships, under fresh part names and relationship ids, their content
types declared; a note is copied into the redline's note part under a fresh id (the part
made, from the old one's separators, where the new draft has none). Guarantees that the
same inputs give the same names and ids (fresh ones are the smallest free), that a part
already in the redline with the same bytes is shared rather than copied, and that nothing
is taken from the old package but what a carried element reaches.
"""

from __future__ import annotations

import copy
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from lxml import etree

from draftkit.model import Draft, Provision
from draftkit.readers.docx_text import may_hold_table
from draftkit.readers.safezip import CONTENT_TYPES, open_package, parse_xml
from draftkit.render.redline.base import Base, counted, is_docx, reread
from draftkit.render.wml import (
    MATH_TAGS,
    SHOWN,
    W_ID,
    W_R,
    W_RPR,
    MarkKind,
    Revision,
    RevisionIds,
    has_revisions,
    mark_math,
    paragraph_text,
    qn,
    resolve_revisions,
    revision,
    show_package,
    strip_shown,
)

_R_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL_NS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS: Final = "http://schemas.openxmlformats.org/package/2006/content-types"
_WP_DOCPR: Final = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
# A diagram's data part names its drawing part by an id of the *document's* relationships.
_DSP_EXT: Final = "{http://schemas.microsoft.com/office/drawing/2008/diagram}dataModelExt"
_NOTE_REFS: Final = {qn("w:footnoteReference"): "footnote", qn("w:endnoteReference"): "endnote"}
# Range markers of the old file: their ids and names mean nothing in the redline.
_ANCHORS: Final = frozenset(
    qn(f"w:{x}")
    for x in ("bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd", "permStart", "permEnd")
)
_RPR_REVISIONS: Final = frozenset(
    {qn("w:ins"), qn("w:del"), qn("w:rPrChange"), qn("w:moveFrom"), qn("w:moveTo")}
)


def _rels_name(part: str) -> str:
    directory, name = posixpath.split(part)
    return posixpath.join(directory, "_rels", f"{name}.rels")


def _serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


@dataclass(slots=True)
class Carrier:
    """The old package, indexed by placeholder, and the copies made into the redline's. The
    old file is checked when the carrier is made, read and indexed when first needed (a
    redline that deletes no object never parses it)."""

    base: Base
    path: Path  # the old draft's DOCX
    parts: dict[str, bytes] = field(default_factory=dict)  # the old package
    main: str = ""  # the old main document part
    found: dict[str, list[etree._Element]] = field(default_factory=dict)  # placeholder → old elements
    notes: dict[str, tuple[str, etree._Element]] = field(default_factory=dict)  # old note parts by kind
    paragraphs: list[etree._Element] = field(
        default_factory=list
    )  # the old body's, counted as the reader counted
    loaded: bool = False
    used: dict[str, int] = field(default_factory=dict)
    copied: dict[str, str] = field(default_factory=dict)  # old part → its part in the redline
    docpr: int = 0  # the largest drawing id in the redline
    carried: set[str] = field(default_factory=set)  # the kinds of note carried in
    tables: bool | None = None  # whether the old body holds a table, as the reader saw (None: not known)
    note_by_id: dict[str, dict[str | None, etree._Element]] = field(
        default_factory=dict
    )  # old notes by kind, id
    top_note: dict[int, tuple[etree._Element, int]] = field(
        default_factory=dict
    )  # a note part: (last note, largest id)

    @classmethod
    def of(cls, old: Draft, base: Base) -> Carrier | None:
        """The carrier for an old draft read from a DOCX (None otherwise); the file must be
        the one that was read."""
        if not is_docx(old):
            return None
        assert old.source is not None
        return cls(base, reread(old, "old"), tables=old.source.tables)

    def load(self) -> None:
        """Read and index the old package (once): each object, note reference and equation
        by the placeholder the reader showed for it, the body's paragraphs."""
        if self.loaded:
            return
        self.loaded = True
        with open_package(self.path) as package:
            main = package.main_document_part()
            if not package.has(CONTENT_TYPES) or not package.named_as_related("", main):
                return  # as for a Strict file below; see base.docx_base
            parts = {name: package.read(name) for name in package.names}
        document = parse_xml(parts[main], f"{self.path}: {main}")
        if document.tag != qn("w:document"):
            return  # ISO Strict or stranger: nothing carried (named in comments instead)
        body = document.find(qn("w:body"))
        # The body's paragraphs as the reader counted them (`Location.paragraph`): before its
        # revisions are resolved, one merged away counted as the paragraph holding its text.
        copies = list(body.iter(qn("w:p"))) if body is not None else []
        if has_revisions(document):
            merged = resolve_revisions(document, "accept")
            copies = counted(document, [merged.get(p, p) for p in copies])
        self.parts, self.main = parts, main
        self.notes = show_package(document, parts, main, paragraph_text)
        for element in document.iter():
            shown = element.get(SHOWN) if isinstance(element.tag, str) else None
            if shown:
                self.found.setdefault(shown, []).append(element)
        self.docpr = max((_int(e.get("id")) for e in self.base.document.iter(_WP_DOCPR)), default=0)
        self.paragraphs = copies

    def first_paragraph(self, old: Provision, shows: str) -> etree._Element | None:
        """The old body paragraph the reader counted as `old`'s first (`Location.paragraph`;
        in a table cell too: the count takes cells' paragraphs in), if it shows `shows`; None
        otherwise (a paragraph a resolved revision moved, a provision without a location)."""
        where = old.location
        if where is None or where.paragraph is None:
            return None
        self.load()
        if not 0 < where.paragraph <= len(self.paragraphs):
            return None
        paragraph = self.paragraphs[where.paragraph - 1]
        return paragraph if paragraph_text(paragraph).strip() == shows.strip() else None

    def may_hold_tables(self) -> bool:
        """Whether the old body may hold a table, told without parsing it: as the reader saw
        it (`Source.tables`) where it says, else from the main part's bytes (`may_hold_table`)."""
        if self.loaded:
            return True
        if self.tables is not None:
            return self.tables
        with open_package(self.path) as package:
            return may_hold_table(package.read(package.main_document_part()))

    # ------------------------------------------------------------------ runs

    def run(self, placeholder: str, mark: MarkKind, ids: RevisionIds, rev: Revision) -> etree._Element | None:
        """The old object or note reference that showed `placeholder`, as a run inside a
        revision of kind `mark` (an equation: itself, tracked inside); None when the old
        draft has no such element."""
        self.load()
        elements = self.found.get(placeholder)
        if not elements:
            return None
        k = self.used.get(placeholder, 0)
        self.used[placeholder] = k + 1
        element = elements[min(k, len(elements) - 1)]
        if element.tag in MATH_TAGS:  # an equation is its own run: tracked inside, as Word does
            twin = _without_anchors(copy.deepcopy(element))
            strip_shown(twin)  # deleted inside, it shows no text in the accept-all view
            mark_math(twin, mark, ids, rev)
            return twin
        old_run = element.getparent()
        run = etree.Element(W_R)
        old_rpr = old_run.find(W_RPR) if old_run is not None else None
        if old_rpr is not None:
            rpr = copy.deepcopy(old_rpr)
            for child in list(rpr):
                if child.tag in _RPR_REVISIONS:
                    rpr.remove(child)
            run.append(rpr)
        kind = _NOTE_REFS.get(element.tag)
        if kind is not None:
            ref = self._note(element, kind, ids)
            if ref is None:
                return None
            run.append(ref)
        else:
            twin = _without_anchors(copy.deepcopy(element))
            self._relate_all(twin, self.main, self.base.main)
            for docpr in twin.iter(_WP_DOCPR):
                self.docpr += 1
                docpr.set("id", str(self.docpr))
            run.append(twin)
        return revision(mark, [run], ids, rev)

    def adopt(self, element: etree._Element, ids: RevisionIds) -> None:
        """A copy of old content made the redline's: its relationships, drawing ids and note
        references (each note copied) remapped, in place."""
        self._relate_all(element, self.main, self.base.main)
        for docpr in element.iter(_WP_DOCPR):
            self.docpr += 1
            docpr.set("id", str(self.docpr))
        for ref in list(element.iter(*_NOTE_REFS)):
            new_ref = self._note(ref, _NOTE_REFS[ref.tag], ids)
            parent = ref.getparent()
            if parent is None:
                continue
            if new_ref is None:
                parent.remove(ref)
            else:
                ref.addprevious(new_ref)
                parent.remove(ref)

    def _note(self, ref: etree._Element, kind: str, ids: RevisionIds) -> etree._Element | None:
        """A copy of the old note `ref` refers to in the redline's note part; the new reference.
        Its id comes from the revision ids (one id space in the document, as checkers expect)."""
        old = self.notes.get(kind)
        if old is None:
            return None
        old_part, old_root = old
        by_id = self.note_by_id.get(kind)
        if by_id is None:  # indexed once: a draft may carry thousands of notes
            by_id = self.note_by_id[kind] = {}
            for n in old_root:
                by_id.setdefault(n.get(W_ID), n)
        note = by_id.get(ref.get(W_ID))
        if note is None:
            return None
        target = self.base.notes.get(kind) or self._note_part(kind, old_part, old_root)
        if target is None:
            return None
        part, root = target
        last, top = self.top_note.get(id(root), (None, 0))
        if last is None or last.getparent() is not root or last.getnext() is not None:
            # first seen, or another hand added a note after ours: counted again
            top = max((_int(n.get(W_ID)) for n in root), default=0)
        fresh = max(ids.next(), top + 1)
        twin = copy.deepcopy(note)
        twin.set(W_ID, str(fresh))
        self._relate_all(twin, old_part, part)
        root.append(twin)
        self.top_note[id(root)] = (twin, fresh)
        self.base.notes_edited.add(kind)
        self.carried.add(kind)
        out = copy.deepcopy(ref)
        out.set(W_ID, str(fresh))
        return out

    def _note_part(
        self, kind: str, old_part: str, old_root: etree._Element
    ) -> tuple[str, etree._Element] | None:
        """A note part for the redline, where the new draft has none: the old one's separators."""
        rel = next(
            (r for r in self._rels(self.parts, self.main).values() if r[1] == old_part and not r[2]), None
        )
        if rel is None:
            return None
        root = copy.deepcopy(old_root)
        for note in list(root):
            if note.get(qn("w:type")) not in ("separator", "continuationSeparator", "continuationNotice"):
                root.remove(note)
        name = self._free_name(f"{posixpath.dirname(self.base.main)}/{kind}s.xml".lstrip("/"))
        self._put(name, _serialise(root))
        self._declare(name, self._content_type(old_part))
        self._add_rel(self.base.main, rel[0], posixpath.relpath(name, posixpath.dirname(self.base.main) or "."),
                      external=False, prefer=None)  # fmt: skip
        self.base.notes[kind] = (name, root)
        return name, root

    def order_notes(self, document: etree._Element) -> None:
        """Where a note was carried in, the notes of its kind take their ids in the order of
        their references in the document (the same ids, shuffled): LibreOffice gives the
        notes' contents to the references in ascending id order, not by id."""
        for kind in sorted(self.carried):
            target = self.base.notes.get(kind)
            if target is None:
                continue
            tag = next(t for t, k in _NOTE_REFS.items() if k == kind)
            refs = list(document.iter(tag))
            order = list(dict.fromkeys(ref.get(W_ID) or "" for ref in refs))  # each id once, in order
            renumber = dict(zip(order, sorted(order, key=_int), strict=True))
            if all(a == b for a, b in renumber.items()):
                continue
            for ref in refs:
                ref.set(W_ID, renumber[ref.get(W_ID) or ""])
            root = target[1]
            for note in root:
                found = note.get(W_ID)
                if found is not None and found in renumber:
                    note.set(W_ID, renumber[found])
            notes = sorted(root, key=lambda n: (n.get(qn("w:type")) is None, _int(n.get(W_ID))))
            for note in notes:
                root.append(note)

    # ------------------------------------------------------------------ relationships

    def _relate_all(self, element: etree._Element, old_source: str, new_source: str) -> None:
        """Every relationship id on `element` and below, from `old_source`'s rels to `new_source`'s."""
        for node in element.iter():
            if not isinstance(node.tag, str):
                continue
            for key, found in list(node.attrib.items()):
                name, value = str(key), str(found)
                if name.startswith(f"{{{_R_NS}}}") and value:
                    new_id = self._relate(old_source, value, new_source)
                    if new_id is None:
                        del node.attrib[name]
                    else:
                        node.set(name, new_id)

    def _relate(self, old_source: str, old_id: str, new_source: str) -> str | None:
        """The id, in `new_source`'s relationships, of what `old_id` reached from `old_source`."""
        rel = self._rels(self.parts, old_source).get(old_id)
        if rel is None:
            return None
        kind, target, external = rel
        if external:
            return self._add_rel(new_source, kind, target, external=True, prefer=old_id)
        if target not in self.parts:
            return None
        copied = self._copy_part(target)
        relative = posixpath.relpath(copied, posixpath.dirname(new_source) or ".")
        return self._add_rel(new_source, kind, relative, external=False, prefer=old_id)

    def _copy_part(self, old: str) -> str:
        """The redline's part for old part `old`: shared when the same bytes (and
        relationships) are there under the same name, else copied under a fresh name."""
        done = self.copied.get(old)
        if done is not None:
            return done
        members = dict(self.base.members)
        rels = _rels_name(old)
        if members.get(old) == self.parts[old] and members.get(rels) == self.parts.get(rels):
            self.copied[old] = old
            return old
        name = self._free_name(old)
        self.copied[old] = name
        data = self.parts[old]
        if _DSP_EXT.encode().split(b"}")[1] in data:
            data = self._diagram_data(data)
        self._put(name, data)
        self._declare(name, self._content_type(old))
        if rels in self.parts:
            root = parse_xml(self.parts[rels], rels)
            for rel in root:
                if rel.get("TargetMode") == "External":
                    continue
                target = posixpath.normpath(posixpath.join(posixpath.dirname(old), rel.get("Target") or ""))
                if target in self.parts:
                    rel.set(
                        "Target", posixpath.relpath(self._copy_part(target), posixpath.dirname(name) or ".")
                    )
            self._put(_rels_name(name), _serialise(root))
        return name

    def _diagram_data(self, data: bytes) -> bytes:
        """A diagram data part whose drawing part is named by a document relationship id:
        that id remapped to the redline document's, every other byte kept (the reader
        identifies a diagram by its data less that id: `docx_text.diagram_digest`)."""
        root = parse_xml(data, "diagram data")
        for ext in root.iter(_DSP_EXT):
            old_id = ext.get("relId") or ""
            new_id = self._relate(self.main, old_id, self.base.main)
            if new_id is not None and new_id != old_id:
                pattern = re.compile(
                    rb'(<[^<>]*dataModelExt\b[^<>]*?\brelId=")' + re.escape(old_id.encode()) + rb'(")'
                )
                replacement = new_id.encode().replace(b"\\", b"\\\\")
                data = pattern.sub(rb"\g<1>" + replacement + rb"\g<2>", data, count=1)
        return data

    # ------------------------------------------------------------------ package edits

    @staticmethod
    def _rels(parts: dict[str, bytes], source: str) -> dict[str, tuple[str, str, bool]]:
        """Relationships of `source`: id → (type, target part name or URL, external)."""
        name = _rels_name(source)
        if name not in parts:
            return {}
        out: dict[str, tuple[str, str, bool]] = {}
        for rel in parse_xml(parts[name], name):
            target = rel.get("Target") or ""
            external = rel.get("TargetMode") == "External"
            if not external:
                target = (
                    target[1:]
                    if target.startswith("/")
                    else posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
                )
            out[rel.get("Id") or ""] = (rel.get("Type") or "", target, external)
        return out

    def _add_rel(self, source: str, kind: str, target: str, *, external: bool, prefer: str | None) -> str:
        """A relationship of `source` (an equal one reused): its id, `prefer` when free."""
        name = _rels_name(source)
        members = dict(self.base.members)
        root = (
            parse_xml(members[name], name)
            if name in members
            else etree.fromstring(f'<Relationships xmlns="{_REL_NS}"/>'.encode())
        )
        taken: set[str] = set()
        for rel in root:
            taken.add(rel.get("Id") or "")
            same_mode = (rel.get("TargetMode") == "External") == external
            if rel.get("Type") == kind and rel.get("Target") == target and same_mode:
                return rel.get("Id") or ""
        new_id = prefer if prefer and prefer not in taken else None
        n = 1
        while new_id is None:
            if f"rId{n}" not in taken:
                new_id = f"rId{n}"
            n += 1
        rel = etree.SubElement(root, f"{{{_REL_NS}}}Relationship")
        rel.set("Id", new_id)
        rel.set("Type", kind)
        rel.set("Target", target)
        if external:
            rel.set("TargetMode", "External")
        self._put(name, _serialise(root))
        return new_id

    def _free_name(self, wanted: str) -> str:
        taken = {name.lower() for name, _ in self.base.members}
        if wanted.lower() not in taken:
            return wanted
        stem, ext = posixpath.splitext(wanted)
        n = 1
        while f"{stem}-old{n}{ext}".lower() in taken:
            n += 1
        return f"{stem}-old{n}{ext}"

    def _put(self, name: str, data: bytes) -> None:
        for k, (member, _) in enumerate(self.base.members):
            if member == name:
                self.base.members[k] = (name, data)
                return
        self.base.members.append((name, data))

    def _content_type(self, old: str) -> str | None:
        """The content type of old part `old` (its override, else its extension's default)."""
        types = parse_xml(self.parts[CONTENT_TYPES], CONTENT_TYPES)
        ext = posixpath.splitext(old)[1].lstrip(".").lower()
        default = None
        for entry in types:
            if (
                entry.tag == f"{{{_CT_NS}}}Override"
                and (entry.get("PartName") or "").lower() == f"/{old}".lower()
            ):
                return entry.get("ContentType")
            if entry.tag == f"{{{_CT_NS}}}Default" and (entry.get("Extension") or "").lower() == ext:
                default = entry.get("ContentType")
        return default

    def _declare(self, name: str, content_type: str | None) -> None:
        """Declare `name`'s content type in the redline (nothing when its default holds)."""
        if content_type is None:
            return
        members = dict(self.base.members)
        types = parse_xml(members["[Content_Types].xml"], "[Content_Types].xml")
        ext = posixpath.splitext(name)[1].lstrip(".").lower()
        for entry in types:
            default = entry.tag == f"{{{_CT_NS}}}Default" and (entry.get("Extension") or "").lower() == ext
            if default and entry.get("ContentType") == content_type:
                return
        override = etree.SubElement(types, f"{{{_CT_NS}}}Override")
        override.set("PartName", f"/{name}")
        override.set("ContentType", content_type)
        self._put("[Content_Types].xml", _serialise(types))


def _without_anchors(twin: etree._Element) -> etree._Element:
    """A copy of an old object or equation without the old file's bookmarks and range
    markers in it (WC012: a bookmark in an equation, its id also the kept equation's)."""
    for marker in list(twin.iter(*_ANCHORS)):
        holder = marker.getparent()
        if holder is not None:
            holder.remove(marker)
    return twin


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0
