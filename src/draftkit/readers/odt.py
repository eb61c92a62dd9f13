"""OpenDocument text (.odt) → blocks, on the same safe package and lxml path as DOCX.

Takes an .odt (LibreOffice's own format, and what LibreOffice saves a Word file as) and hands
on one `Block` per paragraph or heading in document order, with the list number LibreOffice
displays computed from the ODF list styles — ODF stores no rendered numbers: each
`text:list-level-style-number` gives the format (1, a, A, i, I), prefix, suffix, start value
and how many upper levels to display, and a list continues its predecessor's counting when
it says so (`text:continue-numbering`, `text:continue-list`). Nesting comes from the list
level, as for Word's `w:ilvl`. Headings carry their outline level. Tracked changes: the
accepted text is inline; deleted text lives apart, so `--view original` is refused for an
ODT with tracked changes (never read wrongly). Guarantees: the package is opened with the
DOCX reader's bounds (size, unpacked XML, entities and network off); what is not read
(frames, objects) is named in a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from draftkit.errors import InputError, LimitError, Where
from draftkit.model import Location, ReadWarning, placeholders
from draftkit.readers.blocks import Block
from draftkit.readers.limits import DEFAULT_MAX_BYTES, DEFAULT_MAX_UNPACKED, PARAGRAPHS_PER_PROVISION
from draftkit.readers.safezip import OoxmlPackage, open_package
from draftkit.readers.wordfmt import format_number
from draftkit.records import record

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _t(name: str) -> str:
    return f"{{{_TEXT}}}{name}"


_P, _H, _LIST, _ITEM, _HEADER = _t("p"), _t("h"), _t("list"), _t("list-item"), _t("list-header")
_SPACE, _TAB, _BREAK, _SPAN, _A = _t("s"), _t("tab"), _t("line-break"), _t("span"), _t("a")
_SKIP = {_t("note"), _t("tracked-changes"), _t("sequence-decls"), _t("bookmark-ref")}
# A comment (its author, date and words) and the end of the range it spans: not the text.
_COMMENTS = {f"{{{_OFFICE}}}annotation", f"{{{_OFFICE}}}annotation-end"}
_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
MIMETYPE = b"application/vnd.oasis.opendocument.text"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_OBJECT = "\ue000{}\ue001"  # a drawing's place in a paragraph's text, private-use marks
_OBJECT_RE = re.compile("\ue000(\\d+)\ue001")
# ODF list and outline levels run from 1 to 10; a counter is at most a 32-bit value, as in Word.
_LEVELS = 10
_MAX_COUNT = 2**31 - 1


def _number(value: str | None, default: int, top: int = _MAX_COUNT, bottom: int = 1) -> int:
    """An ODF integer attribute (a level, a start value): `default` where it is absent, not
    plain digits, or outside bottom..top — a hostile file's "x", "²" or 10^5000 neither stops
    the reader nor makes it count (or spell a roman numeral) that far."""
    value = (value or "").strip()
    if not (value.isascii() and value.isdigit()) or len(value) > 10:
        return default
    number = int(value)
    return number if bottom <= number <= top else default


@record
class _Level:
    fmt: str  # draftkit/Word numFmt name, "bullet" or "none"
    prefix: str = ""
    suffix: str = ""
    display: int = 1
    start: int = 1


@dataclass
class OdtContent:
    """What `read_odt_blocks` returns."""

    blocks: list[Block]
    warnings: tuple[ReadWarning, ...] = ()


@dataclass
class _Counters:
    values: dict[int, int] = field(default_factory=dict)


def _list_styles(*roots: etree._Element) -> dict[str, dict[int, _Level]]:
    styles: dict[str, dict[int, _Level]] = {}
    for root in roots:
        for style in root.iter(_t("list-style")):
            name = style.get(f"{{{_STYLE}}}name")
            if not name:
                continue
            levels: dict[int, _Level] = {}
            for level in style:
                number = _number(level.get(_t("level"), "1"), 0, _LEVELS)
                if not number:
                    continue  # a level ODF does not have: it numbers nothing
                if level.tag == _t("list-level-style-number"):
                    fmt = _FORMATS.get(level.get(f"{{{_STYLE}}}num-format", ""), "none")
                    levels[number] = _Level(
                        fmt,
                        level.get(f"{{{_STYLE}}}num-prefix", ""),
                        level.get(f"{{{_STYLE}}}num-suffix", ""),
                        _number(level.get(_t("display-levels")), 1, _LEVELS),
                        _number(level.get(_t("start-value")), 1, bottom=0),
                    )
                elif level.tag == _t("list-level-style-bullet"):
                    levels[number] = _Level("bullet", level.get(_t("bullet-char"), "•"))
            styles[name] = levels
    return styles


OUTLINE = "\x00outline"  # the key of the document's heading numbering (text:outline-style)


def _outline_style(*roots: etree._Element) -> dict[int, _Level]:
    for root in roots:
        for style in root.iter(_t("outline-style")):
            levels: dict[int, _Level] = {}
            for level in style:
                number = _number(level.get(_t("level"), "1"), 0, _LEVELS)
                if not number:
                    continue
                fmt = _FORMATS.get(level.get(f"{{{_STYLE}}}num-format", ""), "none")
                levels[number] = _Level(
                    fmt,
                    level.get(f"{{{_STYLE}}}num-prefix", ""),
                    level.get(f"{{{_STYLE}}}num-suffix", ""),
                    _number(level.get(_t("display-levels")), 1, _LEVELS),
                    _number(level.get(_t("start-value")), 1, bottom=0),
                )
            return levels
    return {}


def _paragraph_list_styles(*roots: etree._Element) -> dict[str, str]:
    """Paragraph style → the list style it numbers with (style:list-style-name)."""
    out: dict[str, str] = {}
    for root in roots:
        for style in root.iter(f"{{{_STYLE}}}style"):
            name, listed = style.get(f"{{{_STYLE}}}name"), style.get(f"{{{_STYLE}}}list-style-name")
            if name and listed:
                out[name] = listed
    return out


def _text(
    element: etree._Element, objects: list[etree._Element] | None = None, comments: list[int] | None = None
) -> str:
    """The visible text of a paragraph: spans, links, spaces and tabs, notes at their
    reference; change marks and comments left out (each comment counted in `comments`). A
    frame or drawing stands as a marker (`_OBJECT`) whose element goes to `objects`, for the
    reader to show as a text box's text or a placeholder."""
    out: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text:
            out.append(node.text)
        for child in node:
            tag = child.tag
            if tag == _SPACE:
                out.append(" ")  # text:c spaces, but runs of spaces are joined below: one is enough
            elif tag in (_TAB, _BREAK):
                out.append(" " if tag == _TAB else "\n")
            elif tag == _t("note"):
                body = child.find(_t("note-body"))
                kind: placeholders.NoteKind = (
                    "endnote" if child.get(_t("note-class")) == "endnote" else "footnote"
                )
                if body is not None:  # at its reference, as the DOCX reader reads notes
                    out.append(f" {placeholders.note(kind, ' '.join(_text(p) for p in body.iter(_P)))} ")
            elif isinstance(tag, str) and tag.startswith(f"{{{_DRAW}}}"):
                if objects is not None:
                    out.append(_OBJECT.format(len(objects)))
                    objects.append(child)
            elif tag in _SKIP:
                pass
            elif tag in _COMMENTS:
                if comments is not None and tag == f"{{{_OFFICE}}}annotation":
                    comments.append(1)
            else:
                walk(child)
            if child.tail:
                out.append(child.tail)

    walk(element)
    return " ".join("".join(out).split())


class _Reader:
    def __init__(self, styles: dict[str, dict[int, _Level]], para_lists: dict[str, str], source: str,
                 max_paragraphs: int | None, digest: Callable[[str], str | None]) -> None:  # fmt: skip
        self.digest = digest
        self.styles = styles
        self.para_lists = para_lists
        self.source = source
        self.max_paragraphs = max_paragraphs
        self.blocks: list[Block] = []
        self.warnings: list[ReadWarning] = []
        self.index = 0
        self.by_id: dict[str, _Counters] = {}
        self.last_by_style: dict[str, _Counters] = {}
        self.lists = 0
        self.outline = _Counters()
        self.comments: list[int] = []  # one per comment read past (office:annotation)
        self.commented: int | None = None  # the paragraph of the first

    def body(self, text_root: etree._Element) -> None:
        for child in text_root:
            self.element(child, None)

    def element(self, node: etree._Element, item: tuple[str, int, _Counters, int] | None) -> None:
        tag = node.tag
        if tag in (_P, _H):
            self.paragraph(node, item)
        elif tag == _LIST:
            self.list(node, None)
        elif tag == f"{{{_TABLE}}}table" or tag == _t("section"):
            for descendant in node.iter(_P, _H):
                self.paragraph(descendant, None)
        elif tag == f"{{{_OFFICE}}}forms" or tag in _SKIP:
            return
        elif isinstance(tag, str) and tag.startswith(f"{{{_DRAW}}}"):
            self.warn("a frame or drawing, not compared")

    def list(self, node: etree._Element, parent: tuple[str, int, _Counters, int] | None) -> None:
        style = node.get(_t("style-name")) or (parent[0] if parent else "")
        level = parent[1] + 1 if parent else 1
        if parent is not None:
            counters, key = parent[2], parent[3]
        else:
            continued = node.get(_t("continue-list"))
            if continued and continued in self.by_id:
                counters = self.by_id[continued]
            elif node.get(_t("continue-numbering")) == "true" and style in self.last_by_style:
                counters = self.last_by_style[style]
            else:
                counters = _Counters()
            self.lists += 1
            key = id(counters)
            self.last_by_style[style] = counters
            own = node.get(_XML_ID)
            if own:
                self.by_id[own] = counters
        for child in node:
            if child.tag in (_ITEM, _HEADER):
                numbered = child.tag == _ITEM
                if numbered:
                    start = _number(child.get(_t("start-value")), -1, bottom=0)
                    self.count(counters, style, level, start if start >= 0 else None)
                first = True
                for grandchild in child:
                    if grandchild.tag == _LIST:
                        self.list(grandchild, (style, level, counters, key))
                    elif grandchild.tag in (_P, _H):
                        self.paragraph(
                            grandchild, (style, level, counters, key) if first and numbered else None
                        )
                        first = False
                    else:
                        self.element(grandchild, None)

    def count(self, counters: _Counters, style: str, level: int, start: int | None) -> None:
        levels = self.styles.get(style, {})
        spec = levels.get(level, _Level("decimal"))
        current = counters.values.get(level)
        counters.values[level] = (
            start if start is not None else (spec.start if current is None else current + 1)
        )
        for deeper in [k for k in counters.values if k > level]:
            del counters.values[deeper]

    def label(self, style: str, level: int, counters: _Counters) -> str | None:
        levels = self.styles.get(style, {})
        spec = levels.get(level)
        if spec is None or spec.fmt == "none":
            return None
        if spec.fmt == "bullet":
            return spec.prefix or "•"
        shown = []
        for k in range(max(1, level - spec.display + 1), level + 1):
            upper = levels.get(k, _Level("decimal"))
            value = counters.values.get(k, upper.start)
            shown.append(
                format_number(value, upper.fmt if upper.fmt not in ("bullet", "none") else "decimal")
            )
        return (spec.prefix + ".".join(shown) + spec.suffix).strip() or None

    def paragraph(self, node: etree._Element, item: tuple[str, int, _Counters, int] | None) -> None:
        self.index += 1
        objects: list[etree._Element] = []
        seen = len(self.comments)
        text = _text(node, objects, self.comments)
        if self.commented is None and len(self.comments) > seen:
            self.commented = self.index
        if objects:
            text = " ".join(_OBJECT_RE.sub(lambda m: self._shown(objects[int(m.group(1))]), text).split())
        label: str | None = None
        level: int | None = None
        listed: int | None = None
        if item is None and node.tag == _H and self.styles.get(OUTLINE):
            # A heading outside any list numbers with the document's outline numbering.
            depth = _number(node.get(_t("outline-level")), 1, _LEVELS)
            self.count(self.outline, OUTLINE, depth, None)
            item = (OUTLINE, depth, self.outline, -1)
        if item is not None:
            style, depth, counters, key = item
            label = self.label(style, depth, counters)
            if label is not None:
                level, listed = depth - 1, key
        if not text and label is None:
            return
        if self.max_paragraphs is not None and len(self.blocks) >= self.max_paragraphs:
            raise LimitError(
                f"more than {self.max_paragraphs:,} paragraphs, over the limit of {PARAGRAPHS_PER_PROVISION}"
                " per allowed provision (raise with --max-provisions)",
                Where(self.source, paragraph=self.index),
            )
        style_name = node.get(_t("style-name")) or ""
        heading = _number(node.get(_t("outline-level")), 1, _LEVELS) if node.tag == _H else None
        self.blocks.append(
            Block(
                text=text,
                location=Location(paragraph=self.index),
                auto_label=label,
                auto_level=level,
                auto_list=listed,
                heading_level=heading,
                style=style_name or None,
                title=style_name == "Title",
            )
        )

    def _shown(self, frame: etree._Element) -> str:
        """A drawing as the reader shows it: a text box's text in place, an image by the hash
        of its bytes (as the DOCX reader does), anything else named; never silently dropped."""
        box = next(frame.iter(f"{{{_DRAW}}}text-box"), None)
        if box is not None:
            return f" {placeholders.labelled('text box', ' '.join(_text(p) for p in box.iter(_P, _H)))} "
        image = next(frame.iter(f"{{{_DRAW}}}image"), None)
        href = image.get(_XLINK_HREF) if image is not None else None
        if href:
            digest = self.digest(href)
            if digest is None:
                self.warn(f"a linked image ({href}) outside the file, not compared")
                return f" {placeholders.linked('image', href)} "
            self.warn(f"an image (sha256:{digest[:8]}), compared by its content hash")
            return f" {placeholders.hashed('image', digest[:8])} "
        self.warn("a drawing or object, not compared")
        return f" {placeholders.DRAWING} "

    def warn(self, message: str) -> None:
        self.warnings.append(ReadWarning("not-compared", message, Location(paragraph=self.index + 1)))


def read_odt_blocks(
    path: Path,
    view: str = "accept",
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_unpacked: int = DEFAULT_MAX_UNPACKED,
    max_paragraphs: int | None = None,
) -> OdtContent:
    """Read an .odt into blocks (see the module docstring)."""
    source = str(path)
    with open_package(path, max_bytes=max_bytes, max_unpacked=max_unpacked) as package:
        if not package.has("content.xml"):
            raise InputError("corrupt ODT: the package has no content.xml", source)
        content = package.parse_part("content.xml")
        styles = package.parse_part("styles.xml") if package.has("styles.xml") else etree.Element("styles")
        return _read(content, styles, view, source, max_paragraphs, lambda href: _digest(package, href))


def _digest(package: OoxmlPackage, href: str) -> str | None:
    """The SHA-256 of an embedded part (None: linked from outside the file, or missing)."""
    name = href.removeprefix("./")
    if "://" in name or name.startswith("/") or not package.has(name):
        return None
    return package.digest(name)


def _read(
    content: etree._Element,
    styles: etree._Element,
    view: str,
    source: str,
    max_paragraphs: int | None,
    digest: Callable[[str], str | None],
) -> OdtContent:
    if view != "accept" and next(content.iter(_t("changed-region")), None) is not None:
        raise InputError(
            "this ODT holds tracked changes; --view original is not supported for ODT (save it as DOCX)",
            source,
        )
    text_root = next(content.iter(f"{{{_OFFICE}}}text"), None)
    if text_root is None:
        raise InputError("corrupt ODT: content.xml has no office:text body", source)
    list_styles = _list_styles(styles, content)
    list_styles[OUTLINE] = _outline_style(styles, content)
    reader = _Reader(list_styles, _paragraph_list_styles(styles, content), source, max_paragraphs, digest)
    reader.body(text_root)
    if reader.commented is not None:
        n = len(reader.comments)
        reader.warnings.append(
            ReadWarning(
                "not-compared",
                f"{n} comment{'s' if n != 1 else ''} (the first here), not compared",
                Location(paragraph=reader.commented),
            )
        )
    return OdtContent(reader.blocks, tuple(reader.warnings))
