"""A redline that cannot act: the package stripped of everything that runs, fetches or
updates when the file is opened.

The redline is written into the new draft's own DOCX, and that draft came from another
party: whatever active content it carries would go out again under draftkit's name.
Takes the finished package (every part, the main document as a tree) and edits it in
place. Guarantees that the package holds:

* no macro or ActiveX part (`vbaProject.bin`, `vbaData.xml`, keyboard and toolbar
  customisations, ribbon `customUI`, `activeX*`), no macro content type, and a plain
  document content type for the main part (a `.docm` or template base becomes a `.docx`);
* no external relationship (`TargetMode="External"`: attached template, linked images,
  linked OLE objects, hyperlink targets, frames, mail-merge sources) and no relationship
  to an embedded OLE object, an `altChunk` or a subdocument; references to a removed
  relationship are taken off the elements that hold them (a linked image keeps its
  embedded copy if it has one, else shows nothing), and a hyperlink to an outside
  target is unwrapped: its text and formatting stay, it no longer points anywhere;
* no field that reaches outside the document or changes what it shows on opening: every
  field but local numbering, cross-reference and index fields (`PAGE`, `SEQ`, `REF`,
  `TOC` … `_INERT_FIELDS`) is replaced by its last result as plain runs (`DDE`,
  `DDEAUTO`, `INCLUDETEXT`, `INCLUDEPICTURE`, `LINK`, `HYPERLINK`, `DATE`, `MERGEFIELD`,
  `MACROBUTTON`, form fields …), and no field is marked dirty (to update on open);
* no `w:altChunk`, `w:subDoc`, `w:control`, OLE object (`o:OLEObject`; its preview image
  stays), and in the settings no `w:updateFields`, `w:attachedTemplate`, `w:mailMerge`,
  `w:linkStyles`, `w:saveThroughXslt`; no `HyperlinkBase` in the document properties;
* no part that nothing reaches any more (OPC garbage: what the removed relationships led
  to, such as `vbaProject.bin` or an embedded `oleObject1.bin`).

The visible text does not change, except that an `altChunk`'s imported content (which
draftkit's reader never reads, so never compared) is not carried over.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final
from urllib.parse import unquote

from lxml import etree

from draftkit.readers.safezip import parse_xml
from draftkit.render.wml import W_R, W_RPR, qn

_CT_NS: Final = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL_NS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
_O_NS: Final = "urn:schemas-microsoft-com:office:office"
_C_NS: Final = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_EP_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_MAIN_CT: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

# Relationship types (their last path segment) whose target acts, or is only there for
# something that acts: macros and their customisations, ActiveX, OLE objects, imported
# chunks, subdocuments, templates, mail-merge sources, frames, XSLT on save, signatures
# (which a redline would invalidate anyway).
_ACTIVE_RELS: Final = frozenset({
    "vbaProject", "wordVbaData", "keyMapCustomizations", "attachedToolbars", "extensibility",
    "control", "activeXControlBinary", "oleObject", "aFChunk", "attachedTemplate",
    "subDocument", "mailMergeSource", "mailMergeHeaderSource", "recipientData", "frame",
    "transform", "origin",
})  # fmt: skip

# Content types that mark macros or ActiveX (Defaults and Overrides).
_ACTIVE_TYPES: Final = ("vbaProject", "vbaData", "activeX", "oleObject", "keyMapCustomizations",
                        "attachedToolbars", "macroEnabled")  # fmt: skip

# Fields whose update only counts or cross-refers inside the document: kept as fields.
# Every other field is frozen to its last result.
_INERT_FIELDS: Final = frozenset({
    "PAGE", "NUMPAGES", "SECTIONPAGES", "SECTION", "SEQ", "REF", "PAGEREF", "NOTEREF",
    "STYLEREF", "LISTNUM", "AUTONUM", "AUTONUMLGL", "AUTONUMOUT", "TOC", "TOA", "TA", "TC",
    "XE", "INDEX", "SYMBOL", "EQ", "ADVANCE", "BIDIOUTLINE",
})  # fmt: skip

_W_FLDCHAR = qn("w:fldChar")
_W_FLDCHARTYPE = qn("w:fldCharType")
_W_INSTRTEXT = qn("w:instrText")
_W_DELINSTRTEXT = qn("w:delInstrText")
_W_FLDSIMPLE = qn("w:fldSimple")
_W_INSTR = qn("w:instr")
_W_DIRTY = qn("w:dirty")
_W_HYPERLINK = qn("w:hyperlink")
_W_ANCHOR = qn("w:anchor")
_WRAPPERS: Final = frozenset(qn(f"w:{x}") for x in ("ins", "del", "moveFrom", "moveTo"))

# Elements removed wherever they stand: each acts (or imports) by itself.
_ACTIVE_ELEMENTS: Final = frozenset({
    *(qn(f"w:{x}") for x in ("altChunk", "subDoc", "control", "objectEmbed", "objectLink",
                             "attachedTemplate", "mailMerge", "updateFields", "linkStyles",
                             "saveThroughXslt", "frameset")),
    f"{{{_O_NS}}}OLEObject",
})  # fmt: skip
# Elements that are only a link: removed when the relationship they name is removed.
_LINK_ELEMENTS: Final = frozenset({f"{{{_C_NS}}}externalData"})

# Parts worth parsing: those holding one of these (or a removed relationship's id).
_TRIGGERS: Final = (b"fldChar", b"fldSimple", b"altChunk", b"subDoc", b"control", b"OLEObject",
                    b"object", b"attachedTemplate", b"mailMerge", b"updateFields", b"linkStyles",
                    b"saveThroughXslt", b"frameset", b"externalData")  # fmt: skip


def strip_active(parts: dict[str, bytes], main: str, document: etree._Element) -> None:
    """Make the package inert, in place: `parts` maps part names to bytes (the main part's
    bytes are ignored: `document` is edited and written by the caller)."""
    rels = _Relationships(parts)
    trees: dict[str, etree._Element] = {main: document}
    for name in list(parts):
        if name == main or not name.lower().endswith(".xml") or _is_rels(name):
            continue
        data = parts[name]
        ids = rels.removed.get(name, set())
        if any(t in data for t in _TRIGGERS) or any(f'"{i}"'.encode() in data for i in ids):
            trees[name] = parse_xml(data, name)
    for name, root in trees.items():
        changed = _strip_part(root, rels, name)
        changed = _freeze_fields(root) or changed
        if changed and name != main:
            parts[name] = _xml(root)
    rels.write(parts)
    _collect_garbage(parts, main)
    _content_types(parts, main)
    _properties(parts)


# --------------------------------------------------------------------------- relationships


def _is_rels(name: str) -> bool:
    return name.lower().endswith(".rels")


def _rels_name(part: str) -> str:
    directory, base = posixpath.split(part)
    return posixpath.join(directory, "_rels", f"{base}.rels")


def _source_of(rels_name: str) -> str:
    """The part a relationships part belongs to ('' for the package's own)."""
    folder, base = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), base[: -len(".rels")]) if folder else ""


def _target_part(source: str, target: str) -> str | None:
    """An internal target as a part name, resolved against its source part's folder."""
    target = unquote(target.split("#", 1)[0])
    if not target:
        return None
    if target.startswith("/"):
        resolved = posixpath.normpath(target.lstrip("/"))
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
    return None if resolved.startswith("..") else resolved


@dataclass
class _Relationships:
    """Every relationships part, with the active and external relationships taken out."""

    parts: dict[str, bytes]
    trees: dict[str, etree._Element] = field(default_factory=dict)  # source part → Relationships
    removed: dict[str, set[str]] = field(default_factory=dict)  # source part → removed ids
    changed: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        for name, data in self.parts.items():
            if not _is_rels(name):
                continue
            root = parse_xml(data, name)
            source = _source_of(name)
            self.trees[source] = root
            for rel in list(root):
                kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
                if rel.get("TargetMode") == "External" or kind in _ACTIVE_RELS:
                    self._drop(source, rel)

    def _drop(self, source: str, rel: etree._Element) -> None:
        self.removed.setdefault(source, set()).add(rel.get("Id") or "")
        parent = rel.getparent()
        if parent is not None:
            parent.remove(rel)
        self.changed.add(source)

    def drop_id(self, source: str, rid: str) -> None:
        """Remove a relationship whose only user was removed (an OLE object's embedding)."""
        root = self.trees.get(source)
        if root is None:
            return
        for rel in root:
            if rel.get("Id") == rid:
                self._drop(source, rel)
                return

    def write(self, parts: dict[str, bytes]) -> None:
        for source in self.changed:
            parts[_rels_name(source)] = _xml(self.trees[source])

    def targets(self, source: str) -> Iterable[str]:
        root = self.trees.get(source)
        if root is None:
            return
        for rel in root:
            if rel.get("TargetMode") != "External":
                part = _target_part(source, rel.get("Target") or "")
                if part is not None:
                    yield part


def _relationship_ids(element: etree._Element) -> list[tuple[str, str]]:
    """The element's attributes that name a relationship: (attribute, id)."""
    out: list[tuple[str, str]] = []
    for name, value in element.attrib.items():
        key, rid = str(name), str(value)
        if key.startswith("{") and key[1:].split("}", 1)[0].endswith("/relationships"):
            out.append((key, rid))
    return out


def _strip_part(root: etree._Element, rels: _Relationships, name: str) -> bool:
    """Remove active elements and references to removed relationships; True if changed."""
    changed = False
    removed = rels.removed.get(name, set())
    for element in list(root.iter(*_ACTIVE_ELEMENTS)):
        for inner in element.iter():
            for _, rid in _relationship_ids(inner):
                rels.drop_id(name, rid)
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
            changed = True
    removed = rels.removed.get(name, set())
    if not removed:
        return changed
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        refs = [(attr, rid) for attr, rid in _relationship_ids(element) if rid in removed]
        if not refs:
            continue
        changed = True
        if element.tag in _LINK_ELEMENTS:
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
        elif element.tag == _W_HYPERLINK and element.get(_W_ANCHOR) is None:
            _unwrap(element)
        else:
            for attr, _ in refs:
                del element.attrib[attr]
    return changed


def _unwrap(element: etree._Element) -> None:
    """Replace an element by its children, in place."""
    parent = element.getparent()
    if parent is None:
        return
    at = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(at + offset, child)
    parent.remove(element)


# --------------------------------------------------------------------------- fields


@dataclass
class _Field:
    """A complex field being read: its own instruction, and the run children of its code
    (begin … separate, nested fields included)."""

    items: list[etree._Element]
    instruction: list[str] = field(default_factory=list)
    code: bool = True
    keep: bool = False


def _inert(instruction: str) -> bool:
    words = instruction.split()
    if not words:
        return False
    return words[0].startswith("=") or words[0].upper() in _INERT_FIELDS


def _freeze_fields(root: etree._Element) -> bool:
    """Replace every field that is not inert by its last result; True if changed."""
    if next(root.iter(_W_FLDCHAR, _W_FLDSIMPLE), None) is None:
        return False
    stack: list[_Field] = []
    doomed: dict[int, etree._Element] = {}
    changed = False
    for run in list(root.iter(W_R)):
        for child in run:
            if child.tag == W_RPR:
                continue
            for open_field in stack:
                if open_field.code:
                    open_field.items.append(child)
            if child.tag == _W_FLDCHAR:
                kind = child.get(_W_FLDCHARTYPE)
                changed = _undirty(child) or changed
                if kind == "begin":
                    stack.append(_Field([child]))
                elif kind == "separate" and stack and stack[-1].code:
                    top = stack[-1]
                    top.code = False
                    top.keep = _inert("".join(top.instruction))
                elif kind == "end" and stack:
                    top = stack.pop()
                    if top.code:
                        top.keep = _inert("".join(top.instruction))
                    if not top.keep:
                        doomed.update((id(e), e) for e in (*top.items, child))
            elif child.tag in (_W_INSTRTEXT, _W_DELINSTRTEXT) and stack and stack[-1].code:
                stack[-1].instruction.append(child.text or "")
    for open_field in stack:  # never ended: its code goes
        if not open_field.keep:
            doomed.update((id(e), e) for e in open_field.items)
    for element in doomed.values():
        _remove_from_run(element)
        changed = True
    for simple in reversed(list(root.iter(_W_FLDSIMPLE))):
        changed = _undirty(simple) or changed
        if not _inert(simple.get(_W_INSTR) or ""):
            for data in simple.findall(qn("w:fldData")):
                simple.remove(data)
            _unwrap(simple)
            changed = True
    return changed


def _undirty(element: etree._Element) -> bool:
    """Take off the flag that makes Word update a field on opening."""
    if element.get(_W_DIRTY) is None:
        return False
    del element.attrib[_W_DIRTY]
    return True


def _remove_from_run(element: etree._Element) -> None:
    """Remove a run child; then the run if nothing but properties is left, and a revision
    wrapper left empty by that."""
    run = element.getparent()
    if run is None:
        return
    run.remove(element)
    if any(child.tag != W_RPR for child in run):
        return
    parent = run.getparent()
    if parent is None:
        return
    parent.remove(run)
    if parent.tag in _WRAPPERS and len(parent) == 0:
        grand = parent.getparent()
        if grand is not None:
            grand.remove(parent)


# --------------------------------------------------------------------------- package


def _collect_garbage(parts: dict[str, bytes], main: str) -> None:
    """Drop every part no relationship reaches any more (and its relationships part)."""
    graph = _Relationships({name: data for name, data in parts.items() if _is_rels(name)})
    lower = {name.lower(): name for name in parts}
    reached: set[str] = {main}
    todo = ["", main]
    while todo:
        source = todo.pop()
        for target in graph.targets(source):
            actual = lower.get(target.lower())
            if actual is not None and actual not in reached:
                reached.add(actual)
                todo.append(actual)
    for name in list(parts):
        if name == "[Content_Types].xml":
            continue
        if _is_rels(name):
            source = _source_of(name)
            if source == "" or lower.get(source.lower()) in reached:
                continue
        elif name in reached:
            continue
        del parts[name]


def _content_types(parts: dict[str, bytes], main: str) -> None:
    """No macro content type; no Override for a part that is gone; a plain main part."""
    name = "[Content_Types].xml"
    if name not in parts:
        return
    root = parse_xml(parts[name], name)
    present = {part.lower() for part in parts}
    changed = False
    for entry in list(root):
        part = (entry.get("PartName") or "").lstrip("/")
        content_type = entry.get("ContentType") or ""
        if entry.tag == f"{{{_CT_NS}}}Override" and part.lower() == main.lower():
            if content_type != _MAIN_CT and ("macroEnabled" in content_type or "template" in content_type):
                entry.set("ContentType", _MAIN_CT)
                changed = True
            continue
        gone = entry.tag == f"{{{_CT_NS}}}Override" and unquote(part).lower() not in present
        if gone or any(t in content_type for t in _ACTIVE_TYPES):
            root.remove(entry)
            changed = True
    if changed:
        parts[name] = _xml(root)


def _properties(parts: dict[str, bytes]) -> None:
    """No HyperlinkBase: it would turn relative paths in the document into remote ones."""
    name = "docProps/app.xml"
    if name not in parts or b"HyperlinkBase" not in parts[name]:
        return
    root = parse_xml(parts[name], name)
    for element in root.findall(f"{{{_EP_NS}}}HyperlinkBase"):
        root.remove(element)
    parts[name] = _xml(root)


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
