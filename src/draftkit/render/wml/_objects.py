"""What a paragraph shows besides its text, as the DOCX reader shows it: footnote and
endnote references as `⟦Footnote: …⟧`, images, charts, diagrams and embedded objects as
`⟦image sha256:…⟧`-style placeholders with the content hash of their part, a WordArt
shape as `⟦WordArt: …⟧` with the text it draws, equations as
`⟦equation: …⟧` with their text (and `mark_math`, an equation tracked whole as Word does);
a check box or drop-down form field, and a MACROBUTTON field, as what it shows
(`show_form_fields`).

Takes a parsed part (the main document, a copy of it, a note part) and the package's parts
by name; writes each object's placeholder text onto the run child that shows it, as an
attribute in draftkit's own namespace (`SHOWN`), which `_ranges.text_atoms` reads: a copied
or moved run keeps its text, and no state lives beside the tree. `strip_shown` removes every
such attribute before the part is serialised. The one edit: a legacy check box or drop-down
form field, which keeps no result (Word draws ☒ or the chosen entry from its `w:ffData`),
and a MACROBUTTON field, which keeps none either (Word shows its display text), become a
plain run of that text — what the reader reads, and what the redline's inert pass
(which freezes every form field to its last result) would otherwise leave empty.
Guarantees the reader's strings (`readers.docx` `_Walker._note`, `_embedded`): the note's
paragraphs stripped and joined by one space, in `model.placeholders.note` as the reader's;
the first 8 hex digits of the part's SHA-256, `⟦kind: missing⟧`, `⟦linked kind: target⟧`.
"""

from __future__ import annotations

import copy
import hashlib
import itertools
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from lxml import etree

from draftkit.model import placeholders
from draftkit.readers.docx_objects import wordart_text
from draftkit.readers.docx_text import (
    choose_branch,
    diagram_digest,
    form_field_text,
    macro_button_text,
    math_text,
)
from draftkit.records import record
from draftkit.render.wml._core import (
    MARK_TAGS,
    W_DEL,
    W_DELTEXT,
    W_FLDCHAR,
    W_FLDCHARTYPE,
    W_MOVEFROM,
    W_NS,
    W_P,
    W_R,
    W_RPR,
    W_T,
    MarkKind,
    Revision,
    RevisionIds,
    qn,
    set_revision_attrs,
)

# A plain (un-namespaced) attribute: stripping it leaves no namespace declaration behind.
SHOWN = "draftkit-shown"

_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_R_EMBED, _R_LINK, _R_ID, _R_DM = (f"{{{_R_NS}}}{x}" for x in ("embed", "link", "id", "dm"))
_A_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_A_GRAPHIC_DATA = "{http://schemas.openxmlformats.org/drawingml/2006/main}graphicData"
_C_CHART = "{http://schemas.openxmlformats.org/drawingml/2006/chart}chart"
_DGM_REL_IDS = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}relIds"
_V_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"
_V_TEXTPATH = "{urn:schemas-microsoft-com:vml}textpath"
_O_OLE = "{urn:schemas-microsoft-com:office:office}OLEObject"
_MC_ALTERNATE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
_READ_GRAPHICS = frozenset(
    {
        "http://schemas.openxmlformats.org/drawingml/2006/picture",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
        "http://schemas.openxmlformats.org/drawingml/2006/chart",
        "http://schemas.openxmlformats.org/drawingml/2006/diagram",
    }
)
W_FOOTNOTE_REF = qn("w:footnoteReference")
W_ENDNOTE_REF = qn("w:endnoteReference")
W_DRAWING, W_PICT, W_OBJECT = qn("w:drawing"), qn("w:pict"), qn("w:object")
W_TXBX = qn("w:txbxContent")
_W_R = qn("w:r")
OBJECT_TAGS = frozenset({W_DRAWING, W_PICT, W_OBJECT, _MC_ALTERNATE})
NOTE_KINDS: dict[str, placeholders.NoteKind] = {W_FOOTNOTE_REF: "footnote", W_ENDNOTE_REF: "endnote"}
_M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
M_OMATH, M_OMATH_PARA = f"{{{_M_NS}}}oMath", f"{{{_M_NS}}}oMathPara"
MATH_TAGS = frozenset({M_OMATH, M_OMATH_PARA})
_M_R, _M_RPR, _M_CTRLPR = (f"{{{_M_NS}}}{x}" for x in ("r", "rPr", "ctrlPr"))


@record
class Rel:
    """One relationship of a part: its target part name (or URL) and whether it is external."""

    target: str
    external: bool


def relationships(parts: Mapping[str, bytes], source: str) -> dict[str, Rel]:
    """The relationships of part `source`, targets resolved to part names."""
    directory, name = posixpath.split(source)
    rels_name = posixpath.join(directory, "_rels", f"{name}.rels")
    data = parts.get(rels_name)
    if data is None:
        return {}
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    out: dict[str, Rel] = {}
    for rel in root.iter(f"{{{_PKG_REL_NS}}}Relationship"):
        target = rel.get("Target") or ""
        if rel.get("TargetMode") == "External":
            out[rel.get("Id") or ""] = Rel(target, True)
        else:
            path = (
                target[1:]
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(directory, target))
            )
            out[rel.get("Id") or ""] = Rel(path, False)
    return out


def rel_kind(parts: Mapping[str, bytes], source: str, kind: str) -> str | None:
    """The first internal part related to `source` by a relationship of type `kind`."""
    directory, name = posixpath.split(source)
    data = parts.get(posixpath.join(directory, "_rels", f"{name}.rels"))
    if data is None:
        return None
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    for rel in root.iter(f"{{{_PKG_REL_NS}}}Relationship"):
        if (rel.get("Type") or "").rsplit("/", 1)[-1] == kind and rel.get("TargetMode") != "External":
            path = posixpath.normpath(posixpath.join(directory, rel.get("Target") or ""))
            if path in parts:
                return path
    return None


@dataclass(slots=True)
class Objects:
    """The package as placeholders need it: relationships per part, digests, note texts."""

    parts: Mapping[str, bytes]
    digests: dict[str, str] = field(default_factory=dict)
    rels: dict[str, dict[str, Rel]] = field(default_factory=dict)

    def placeholder(self, source: str, rel_id: str | None, kind: str) -> str:
        """The reader's placeholder for the part `rel_id` of `source` names."""
        found = self.rels.get(source)
        if found is None:
            found = self.rels[source] = relationships(self.parts, source)
        rel = found.get(rel_id or "") if rel_id else None
        if rel is None:
            return placeholders.missing(kind)
        if rel.external:
            return placeholders.linked(kind, rel.target)
        data = self.parts.get(rel.target)
        if data is None:
            return placeholders.missing(kind)
        digest = self.digests.get(rel.target)
        if digest is None:
            full = diagram_digest(data) if kind == "diagram" else hashlib.sha256(data).hexdigest()
            digest = self.digests[rel.target] = full[:8]
        return placeholders.hashed(kind, digest)


def object_text(element: etree._Element, show: Callable[[str | None, str], str]) -> str:
    """What a run's drawing, picture, OLE object or alternate content shows (text boxes are
    paragraphs of their own): its placeholders joined by a space, '' for none."""
    out: list[str] = []
    stack = [element]
    while stack:
        node = stack.pop()
        tag = node.tag
        if tag == W_TXBX or not isinstance(tag, str):
            continue
        if tag == _MC_ALTERNATE:
            chosen = choose_branch(node)
            if chosen is not None:
                stack.extend(reversed(chosen))
            continue
        if tag == W_OBJECT:
            ole = next(node.iter(_O_OLE), None)
            if ole is not None:
                prog = (ole.get("ProgID") or "object").strip() or "object"
                out.append(show(ole.get(_R_ID), f"{prog} object"))
                continue
        if tag in (_A_BLIP, _V_IMAGEDATA):
            out.append(show(node.get(_R_EMBED) or node.get(_R_LINK) or node.get(_R_ID), "image"))
        elif tag == _V_TEXTPATH:
            if text := wordart_text(node):
                out.append(placeholders.labelled("WordArt", text))
        elif tag == _C_CHART:
            out.append(show(node.get(_R_ID), "chart"))
        elif tag == _DGM_REL_IDS:
            out.append(show(node.get(_R_DM), "diagram"))
        elif tag == _A_GRAPHIC_DATA and node.get("uri") not in _READ_GRAPHICS:
            out.append(placeholders.OBJECT)
            continue
        stack.extend(reversed(node))
    return " ".join(out)


def note_texts(root: etree._Element, kind: str, text_of: Callable[[etree._Element], str]) -> dict[str, str]:
    """Each note of a footnotes/endnotes part by id: its paragraphs' texts, stripped, joined
    by a space (as the reader joins a note's blocks)."""
    out: dict[str, str] = {}
    for note in root.iter(f"{{{W_NS}}}{kind}"):
        texts = (text_of(p).strip() for p in note.iter(W_P))
        out[note.get(qn("w:id")) or ""] = " ".join(t for t in texts if t)
    return out


def show_objects(
    root: etree._Element,
    objects: Objects,
    source: str,
    notes: Mapping[str, Mapping[str, str]] | None = None,
) -> None:
    """Write each object's and note reference's placeholder onto it (`SHOWN`), in place.
    `notes`: per kind ("footnote", "endnote") the note texts by id; None inside a note part
    (a note inside a note is not something Word makes: nothing shown)."""
    used: set[tuple[str, str]] = set()

    def show(rel_id: str | None, kind: str) -> str:
        return objects.placeholder(source, rel_id, kind)

    for element in root.iter(W_FOOTNOTE_REF, W_ENDNOTE_REF, *OBJECT_TAGS):
        tag = element.tag
        kind = NOTE_KINDS.get(tag)
        if kind is not None:
            note_id = element.get(qn("w:id")) or ""
            text = (notes or {}).get(kind, {}).get(note_id)
            if text is None or (kind, note_id) in used:
                continue  # a missing or second reference: the reader shows nothing
            used.add((kind, note_id))
            element.set(SHOWN, placeholders.note(kind, text))
        elif _tag_of(element.getparent()) == _W_R:
            text = object_text(element, show)
            if text:
                element.set(SHOWN, text)


_ACCEPT_HIDDEN = frozenset({W_DEL, W_MOVEFROM})  # what the accept-all view does not show


def show_math(root: etree._Element) -> None:
    """Write each equation's placeholder (`⟦equation: …⟧`) on its outermost math element;
    an equation with no text in the accept-all view shows nothing (as the reader)."""
    for element in root.iter(M_OMATH_PARA, M_OMATH):
        if any(a.tag in MATH_TAGS for a in element.iterancestors()):
            continue
        text = math_text(element, _ACCEPT_HIDDEN)
        if text:
            element.set(SHOWN, placeholders.labelled("equation", text))
        elif element.get(SHOWN) is not None:
            del element.attrib[SHOWN]


def mark_math(element: etree._Element, kind: MarkKind, ids: RevisionIds, rev: Revision) -> None:
    """Track a whole equation as inserted or deleted, as Word does: the content of each math
    run inside `w:ins`/`w:del` (in the run), and each control character (fraction bar,
    brackets …) marked in its `m:ctrlPr`. Math has no moves: a move is an insertion or a
    deletion there."""
    tag = MARK_TAGS["ins" if kind in ("ins", "moveTo") else "del"]
    for run in list(element.iter(_M_R)):
        content = [c for c in run if c.tag != _M_RPR]
        if not content:
            continue
        wrapper = etree.Element(tag)
        set_revision_attrs(wrapper, ids, rev)
        content[0].addprevious(wrapper)
        wrapper.extend(content)
    for ctrl in list(element.iter(_M_CTRLPR)):
        wrapper = etree.Element(tag)
        set_revision_attrs(wrapper, ids, rev)
        wrapper.extend(list(ctrl))
        if wrapper.find(W_RPR) is None:
            etree.SubElement(wrapper, W_RPR)
        ctrl.append(wrapper)


def _tag_of(element: etree._Element | None) -> object:
    return None if element is None else element.tag


def strip_shown(root: etree._Element) -> None:
    """Remove every placeholder annotation (before the part is written out)."""
    etree.strip_attributes(root, SHOWN)


_W_FFDATA, _W_INSTRTEXT, _W_DELINSTRTEXT = qn("w:ffData"), qn("w:instrText"), qn("w:delInstrText")
_W_FLDSIMPLE, _W_INSTR = qn("w:fldSimple"), qn("w:instr")


@dataclass
class _Form:
    """A complex field being read by `show_form_fields`: its code's run children, its
    instruction, its form field data, whether its result part has begun."""

    begin: etree._Element
    ffdata: etree._Element | None
    code: list[etree._Element] = field(default_factory=list)
    instruction: list[str] = field(default_factory=list)
    result: bool = False


def _macro_buttons(root: etree._Element) -> bool:
    """Whether a part may hold a MACROBUTTON field (its name in a field instruction)."""
    instructions = (e.text or "" for e in root.iter(_W_INSTRTEXT, _W_DELINSTRTEXT))
    simple = (e.get(_W_INSTR) or "" for e in root.iter(_W_FLDSIMPLE))
    return any("MACROBUTTON" in text.upper() for text in itertools.chain(instructions, simple))


def show_form_fields(root: etree._Element) -> None:
    """Replace each check box or drop-down form field without a result by a run of what it
    shows (☒ or ☐, the chosen entry: `readers.docx_text.form_field_text`), and each MACROBUTTON
    field without a result by a run of its display text (`macro_button_text`), in place, with
    the properties of the run that began it."""
    if next(root.iter(_W_FFDATA), None) is None and not _macro_buttons(root):
        return  # no form field and no MACROBUTTON (nearly every draft)
    for simple in list(root.iter(_W_FLDSIMPLE)):
        text = None if len(simple) else macro_button_text(simple.get(_W_INSTR) or "")
        if text is not None and simple.getparent() is not None:
            shown = etree.Element(W_R)
            etree.SubElement(shown, W_T).text = text
            simple.addprevious(shown)
            simple.getparent().remove(simple)  # type: ignore[union-attr]
    stack: list[_Form] = []
    for run in list(root.iter(W_R)):
        for child in list(run):
            for open_field in stack:
                if not open_field.result:
                    open_field.code.append(child)
            if child.tag == W_FLDCHAR:
                kind = child.get(W_FLDCHARTYPE)
                if kind == "begin":
                    stack.append(_Form(child, child.find(_W_FFDATA), [child]))
                elif kind == "separate" and stack:
                    stack[-1].result = True
                elif kind == "end" and stack:
                    done = stack.pop()
                    instruction = "".join(done.instruction)
                    if done.result:
                        text = None
                    elif done.ffdata is not None:
                        text = form_field_text(done.ffdata, instruction)
                    else:
                        text = macro_button_text(instruction)
                    if text is not None:
                        _replace_field(done, text)
            elif child.tag in (_W_INSTRTEXT, _W_DELINSTRTEXT) and stack and not stack[-1].result:
                stack[-1].instruction.append(child.text or "")


def _replace_field(form: _Form, text: str) -> None:
    """A run of `text` where `form` began, its code (begin … end) taken out."""
    begin_run = form.begin.getparent()
    if begin_run is None:
        return
    shown = etree.Element(W_R)
    rpr = begin_run.find(W_RPR)
    if rpr is not None:
        shown.append(copy.deepcopy(rpr))
    parent = begin_run.getparent()
    deleted = parent is not None and parent.tag in (W_DEL, W_MOVEFROM)
    etree.SubElement(shown, W_DELTEXT if deleted else W_T).text = text
    begin_run.addprevious(shown)
    for element in form.code:
        run = element.getparent()
        if run is None:
            continue
        run.remove(element)
        if not any(c.tag != W_RPR for c in run) and run.getparent() is not None:
            run.getparent().remove(run)  # type: ignore[union-attr]


def show_package(
    document: etree._Element, parts: Mapping[str, bytes], main: str, text_of: Callable[[etree._Element], str]
) -> dict[str, tuple[str, etree._Element]]:
    """Annotate the main document (and the note parts) of a package; returns the parsed note
    parts by kind ("footnote", "endnote") → (part name, root), annotated too."""
    objects = Objects(parts)
    parsed: dict[str, tuple[str, etree._Element]] = {}
    texts: dict[str, dict[str, str]] = {}
    for kind in ("footnote", "endnote"):
        part = rel_kind(parts, main, f"{kind}s")
        if part is None:
            continue
        root = etree.fromstring(parts[part], etree.XMLParser(resolve_entities=False, no_network=True))
        show_form_fields(root)
        show_objects(root, objects, part, None)
        parsed[kind] = (part, root)
        texts[kind] = note_texts(root, kind, text_of)
    show_form_fields(document)
    show_objects(document, objects, main, texts)
    show_math(document)
    return parsed
