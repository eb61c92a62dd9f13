"""Test oracles over WordprocessingML: accept/reject all revisions, paragraph texts, and the
labels Word displays — written independently of the writer so they can check it.
"""

from __future__ import annotations

import copy
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS}


def w(local: str) -> str:
    """Clark name in the w: namespace."""
    return f"{{{W_NS}}}{local}"


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_blank_text=False)


def read_part(docx: Path | bytes, name: str) -> etree._Element:
    """Parse one part of a DOCX (path or bytes)."""
    source = docx if isinstance(docx, Path) else io.BytesIO(docx)
    with zipfile.ZipFile(source) as z:
        return etree.fromstring(z.read(name), _PARSER)


def _unwrap(element: etree._Element) -> None:
    """Replace `element` by its children, in place."""
    parent = element.getparent()
    assert parent is not None
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)


_MOVE_RANGES = ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd")


def _mark_of(p: etree._Element, markers: tuple[str, ...]) -> etree._Element | None:
    rpr = p.find(f"{w('pPr')}/{w('rPr')}")
    if rpr is None:
        return None
    for child in rpr:
        if child.tag in markers:
            return child
    return None


def _remove_mark(mark: etree._Element) -> None:
    """Take a revision off a paragraph mark (and the mark's run properties when left empty)."""
    rpr = mark.getparent()
    rpr.remove(mark)
    ppr = rpr.getparent()
    if len(rpr) == 0 and ppr is not None:
        ppr.remove(rpr)
        if len(ppr) == 0 and ppr.getparent() is not None:
            ppr.getparent().remove(ppr)


def _has_text(p: etree._Element) -> bool:
    return paragraph_text(p) != ""


def _merge_marked(root: etree._Element, markers: tuple[str, ...], keep: str) -> None:
    """Join every paragraph whose mark carries one of `markers` with the next one.

    A paragraph left without text simply goes (what it still holds, such as a comment
    anchor, moves to the start of the next one, which keeps its properties). Otherwise the
    next paragraph's content moves in after its own, and the joined paragraph has the
    properties of the first paragraph (`keep="first"`) or of the second, whose mark it
    ends with (`keep="last"`): word processors differ, so a redline should not depend on it.
    """
    paragraphs = list(root.iter(w("p")))
    i = 0
    while i < len(paragraphs):
        p = paragraphs[i]
        mark = _mark_of(p, markers)
        j = _next_in_story(paragraphs, i) if mark is not None else None
        if mark is None or j is None:
            if mark is not None:
                _remove_mark(mark)
            i += 1
            continue
        _remove_mark(mark)
        nxt = paragraphs[j]
        ppr_tag = w("pPr")
        if not _has_text(p):
            at = 1 if nxt.find(ppr_tag) is not None else 0
            for child in [c for c in p if c.tag != ppr_tag]:
                nxt.insert(at, child)
                at += 1
            p.getparent().remove(p)
            del paragraphs[i]
            continue
        for child in [c for c in nxt if c.tag != ppr_tag]:
            p.append(child)
        if keep == "last":
            old = p.find(ppr_tag)
            if old is not None:
                p.remove(old)
            new = nxt.find(ppr_tag)
            if new is not None:
                p.insert(0, new)
        else:
            # The joined paragraph ends with the next paragraph's mark.
            next_mark = _mark_of(nxt, markers)
            if next_mark is not None:
                p_rpr = p.find(f"{ppr_tag}/{w('rPr')}")
                if p_rpr is None:
                    ppr = p.find(ppr_tag)
                    if ppr is None:
                        ppr = etree.SubElement(p, ppr_tag)
                        p.insert(0, ppr)
                    p_rpr = etree.SubElement(ppr, w("rPr"))
                p_rpr.insert(0, next_mark)
        nxt.getparent().remove(nxt)
        del paragraphs[j]


def _next_in_story(paragraphs: list[etree._Element], i: int) -> int | None:
    """The index of the paragraph a removed mark joins paragraphs[i] with: the next one of
    its story (the body, or its text box), not one of a text box it anchors itself."""
    p = paragraphs[i]
    story = next(p.iterancestors(w("txbxContent")), None)
    for j in range(i + 1, len(paragraphs)):
        q = paragraphs[j]
        inside = next(q.iterancestors(w("txbxContent")), None)
        if inside is story:
            return j
        if story is not None and not any(a is story for a in q.iterancestors()):
            return None  # past the end of its text box
    return None


_MARKS = (w("ins"), w("del"), w("moveFrom"), w("moveTo"))


def _property_changes(doc: etree._Element, accept: bool) -> None:
    """Accept (drop) or reject (restore) recorded paragraph and run property changes."""
    for change in list(doc.iter(w("pPrChange"), w("rPrChange"))):
        parent = change.getparent()
        if parent is None:
            continue
        if not accept:
            keep: tuple[str, ...] = (w("rPr"), w("sectPr")) if change.tag == w("pPrChange") else ()
            if (
                change.tag == w("rPrChange")
                and parent.getparent() is not None
                and parent.getparent().tag == w("pPr")
            ):
                # A paragraph mark's: its insertion or deletion is a revision of its own.
                keep = _MARKS
            for child in list(parent):
                if child is not change and child.tag not in keep:
                    parent.remove(child)
            old = change[0] if len(change) else None
            at = sum(1 for child in parent if child.tag in _MARKS)  # properties after the marks
            for k, child in enumerate(list(old) if old is not None else ()):
                parent.insert(at + k, child)
        parent.remove(change)
        if change.tag == w("pPrChange") and len(parent) == 0 and parent.getparent() is not None:
            # Properties recorded as none: an empty w:pPr says what no w:pPr says.
            parent.getparent().remove(parent)


def _drop_ranges(doc: etree._Element) -> None:
    for marker in list(doc.iter(*(w(x) for x in _MOVE_RANGES))):
        marker.getparent().remove(marker)


def accept_all(root: etree._Element, keep: str = "first") -> etree._Element:
    """A copy of a document part with every revision accepted (moves too)."""
    doc = copy.deepcopy(root)
    _drop_ranges(doc)
    _property_changes(doc, accept=True)
    for element in list(doc.iter(w("del"), w("moveFrom"))):
        if element.getparent() is not None and element.getparent().tag != w("rPr"):
            element.getparent().remove(element)
    _merge_marked(doc, (w("del"), w("moveFrom")), keep)
    for element in list(doc.iter(w("ins"), w("moveTo"))):
        parent = element.getparent()
        if parent is not None and parent.tag == w("rPr"):
            _remove_mark(element)  # an inserted mark, accepted: just a mark
        else:
            _unwrap(element)
    return doc


def reject_all(root: etree._Element, keep: str = "first") -> etree._Element:
    """A copy of a document part with every revision rejected (moves too)."""
    doc = copy.deepcopy(root)
    _drop_ranges(doc)
    _property_changes(doc, accept=False)
    for element in list(doc.iter(w("ins"), w("moveTo"))):
        if element.getparent() is not None and element.getparent().tag != w("rPr"):
            element.getparent().remove(element)
    _merge_marked(doc, (w("ins"), w("moveTo")), keep)
    for element in list(doc.iter(w("del"), w("moveFrom"))):
        parent = element.getparent()
        if parent is not None and parent.tag == w("rPr"):
            _remove_mark(element)
        else:
            for text in element.iter(w("delText")):
                text.tag = w("t")
            _unwrap(element)
    return doc


def paragraph_text(p: etree._Element) -> str:
    """Visible text of one paragraph: w:t and w:delText, w:tab as a tab character."""
    out: list[str] = []
    for element in p.iter(w("t"), w("delText"), w("tab")):
        if element.tag == w("tab"):
            # w:tab also appears in w:pPr/w:tabs as a tab stop; only run tabs are text.
            if element.getparent() is not None and element.getparent().tag == w("r"):
                out.append("\t")
        else:
            out.append(element.text or "")
    return "".join(out)


def body_paragraphs(root: etree._Element) -> list[etree._Element]:
    """The body's paragraphs in order."""
    body = root.find(w("body"))
    assert body is not None
    return list(body.iter(w("p")))


def paragraph_texts(root: etree._Element) -> list[str]:
    """The text of every body paragraph."""
    return [paragraph_text(p) for p in body_paragraphs(root)]


def has_revisions(root: etree._Element) -> bool:
    """Whether any revision is left: insertions, deletions, moves, property changes."""
    tags = ("ins", "del", "delText", "moveFrom", "moveTo", "pPrChange", "rPrChange", *_MOVE_RANGES)
    return any(True for _ in root.iter(*(w(t) for t in tags)))


# ----------------------------------------------------------------------------- numbering


def _roman(n: int) -> str:
    table = (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    )
    out = ""
    for value, symbol in table:
        while n >= value:
            out += symbol
            n -= value
    return out


def format_counter(n: int, fmt: str) -> str:
    """Word's rendering of counter `n` in numFmt `fmt` (the formats the writer may use)."""
    if fmt == "decimal":
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        text = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return text if fmt == "lowerLetter" else text.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n) if fmt == "lowerRoman" else _roman(n).upper()
    raise AssertionError(f"numFmt the oracle does not know: {fmt}")


@dataclass
class _Lvl:
    start: int
    fmt: str
    text: str
    restart: int | None  # w:lvlRestart value; None when absent


def _levels(numbering: etree._Element) -> tuple[dict[str, dict[int, _Lvl]], dict[str, str]]:
    abstracts: dict[str, dict[int, _Lvl]] = {}
    for abstract in numbering.iter(w("abstractNum")):
        lvls: dict[int, _Lvl] = {}
        for lvl in abstract.iter(w("lvl")):

            def val(tag: str, lvl: etree._Element = lvl) -> str | None:
                element = lvl.find(w(tag))
                return None if element is None else element.get(w("val"))

            restart = val("lvlRestart")
            lvls[int(lvl.get(w("ilvl")) or 0)] = _Lvl(
                start=int(val("start") or 0),
                fmt=val("numFmt") or "decimal",
                text=val("lvlText") or "",
                restart=None if restart is None else int(restart),
            )
        abstracts[abstract.get(w("abstractNumId")) or ""] = lvls
    nums: dict[str, str] = {}
    for num in numbering.iter(w("num")):
        target = num.find(w("abstractNumId"))
        assert target is not None
        assert num.find(w("lvlOverride")) is None, "the oracle does not handle lvlOverride"
        nums[num.get(w("numId")) or ""] = target.get(w("val")) or ""
    return abstracts, nums


def displayed_labels(document: etree._Element, numbering: etree._Element) -> list[str | None]:
    """Per body paragraph, the number Word shows in front of it (None when not numbered).

    Counters belong to the abstractNum; counting level L restarts deeper levels unless
    their lvlRestart is 0 (never) or names a level deeper than L; a level referenced by
    lvlText that has not been counted makes the oracle fail loudly.
    """
    abstracts, nums = _levels(numbering)
    counters: dict[str, dict[int, int]] = {}
    out: list[str | None] = []
    for p in body_paragraphs(document):
        numpr = p.find(f"{w('pPr')}/{w('numPr')}")
        if numpr is None:
            out.append(None)
            continue
        num_id = numpr.find(w("numId")).get(w("val"))
        ilvl_el = numpr.find(w("ilvl"))
        ilvl = int(ilvl_el.get(w("val")) or 0) if ilvl_el is not None else 0
        if num_id == "0":
            out.append(None)
            continue
        abstract_id = nums[num_id or ""]
        lvls = abstracts[abstract_id]
        state = counters.setdefault(abstract_id, {})
        state[ilvl] = state[ilvl] + 1 if ilvl in state else lvls[ilvl].start
        for deeper in [k for k in state if k > ilvl]:
            restart = lvls[deeper].restart
            if restart is None or (restart != 0 and ilvl < restart):
                del state[deeper]
        text = lvls[ilvl].text
        label = ""
        i = 0
        while i < len(text):
            if text[i] == "%" and i + 1 < len(text) and text[i + 1].isdigit():
                level = int(text[i + 1]) - 1
                assert level in state, f"lvlText {text!r} shows level {level} never counted"
                label += format_counter(state[level], lvls[level].fmt)
                i += 2
            else:
                label += text[i]
                i += 1
        out.append(label)
    return out
