"""Text a Word file holds and its page does not let anyone see: white on a white page, too
small or too narrow to read, or in the colour of its own shading (issue: a hostile file can
hide a change).

Hidden text (`w:vanish`) is left out of the comparison and named (docx_text). Text coloured
white, set at 1.5 points or less, squeezed to a fifth of its width or less (`w:w`), or shaded
in its own colour is not hidden: Word and LibreOffice lay it out, a search finds it, a copy
carries it — and a reader of the page, on screen or printed, does not see it (LibreOffice's
PDF export, the oracle: no ink where the word stands, or a smudge 3 points wide for 'not').
draftkit compares it as any text (a 'not' slipped in white is a change it reports), and names
it where it stands, so that whoever reads the redline in Word, where it is as invisible as in
the draft, is told.

Found in one pass over the document's colour, size and width elements (`iter` by tag: no
other element is looked at), the runs of the paragraph and character styles that make text
so, and — where the document defaults (`w:docDefaults`) or the default paragraph style make
text white or tiny — the runs of the paragraphs of no style. Each candidate run's colour,
size and width are then resolved as Word does (the run's own, else its character style's,
else its paragraph style's, each along `basedOn`, else the document defaults), and for white
text what could make it visible is looked for: a highlight or shading of its own, its
paragraph's or its table cell's, a table with a style (which may shade it), a text box, a
page background that is not white. When in doubt, the text is taken as visible: a note on
every white heading of a dark table would teach readers to skip the note.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from lxml import etree

from draftkit.readers.docx_text import quote

_WHITE_THEMES = frozenset({"background1", "light1"})  # white in Word's own themes
_TINY = frozenset({"0", "1", "2", "3"})  # half-points: 1.5 points or less
_NARROW = 20  # w:w, per cent of the normal width: 'not' 3.3 points wide at 12 points (16.7 at 100)
_NO_FILL = frozenset({None, "", "auto"})
_NO_HIGHLIGHT = frozenset({"none", "white"})
# What makes a run unseen, in the order the note names them: (bit, words).
WHITE, TINY, NARROW, SHADED = 1, 2, 4, 8
_WHY = (
    (WHITE, "white on a white page"),
    (TINY, "1.5 points or less"),
    (NARROW, "squeezed to a fifth of its width or less"),
    (SHADED, "in the colour of its own shading"),
)
_Own = tuple[bool | None, bool | None, bool | None]  # (white, tiny, narrow) a style sets itself


def _w(ns: str, local: str) -> str:
    return f"{{{ns}}}{local}"


def _rgb(value: str | None) -> bytes | None:
    """A colour's channels (RRGGBB, any case), or None for 'auto', a theme name or damage."""
    if value is None or len(value) != 6:
        return None
    try:
        return bytes.fromhex(value)
    except ValueError:
        return None


def _light(value: str | None) -> bool:
    """Whether a colour (RRGGBB, any case) is white to the eye on white: every channel F0 or
    more ('FEFEFE' hides a word as well as 'FFFFFF' does)."""
    rgb = _rgb(value)
    return rgb is not None and min(rgb) >= 0xF0


def _white(color: etree._Element, ns: str) -> bool:
    """Whether a w:color makes text white: Word draws its theme colour over `w:val` (a
    fallback), darkened by a shade ('White, Background 1, Darker 50%' is grey)."""
    theme = color.get(_w(ns, "themeColor"))
    if theme is not None:
        return theme in _WHITE_THEMES and color.get(_w(ns, "themeShade")) in (None, "FF", "ff")
    return _light(color.get(_w(ns, "val")))


def _narrow(scale: etree._Element, ns: str) -> bool:
    """Whether a w:w (character scale, 1-600 per cent) squeezes text to `_NARROW` or less."""
    value = (scale.get(_w(ns, "val")) or "").strip().rstrip("%")
    return value.isdigit() and int(value) <= _NARROW


class _Sheet(NamedTuple):
    """What styles.xml says of colour, size and width: each style's own (white, tiny, narrow)
    and `basedOn`, the styles that shade, the default paragraph style, the document defaults."""

    based: dict[str, str | None]
    own: dict[str, _Own]
    shaded: frozenset[str]
    default_paragraph: str | None
    defaults: tuple[bool, bool, bool]

    def nearest(self, sid: str | None, which: int) -> bool | None:
        """The value of property `which` (0 white, 1 tiny, 2 narrow) the nearest style of
        `sid`'s `basedOn` chain that sets it gives; None where none does."""
        seen: set[str] = set()
        while sid is not None and sid not in seen and len(seen) < 32:
            seen.add(sid)
            own = self.own.get(sid)
            if own is not None and own[which] is not None:
                return own[which]
            sid = self.based.get(sid)
        return None

    def paragraph(self, sid: str | None, which: int) -> bool:
        """Property `which` of the text of a paragraph of style `sid` (None: the default
        paragraph style): its style chain's, else the document defaults'."""
        found = self.nearest(sid if sid is not None else self.default_paragraph, which)
        return self.defaults[which] if found is None else found


_NO_SHEET = _Sheet({}, {}, frozenset(), None, (False, False, False))


class Unseen:
    """Text a Word file's page does not show, found part by part: `of(element)` gives, for the
    part holding `element` (the document, the footnotes), its paragraphs holding such text
    with what the note says of it — the part read in one pass the first time it is asked for.
    Runs of a revision the view leaves out (`hidden_changes`: w:del and w:moveFrom in the
    accept view) are not read, as the reader does not read them."""

    def __init__(
        self, document: etree._Element, styles: etree._Element | None, ns: str, hidden_changes: frozenset[str]
    ) -> None:
        self._args = (_sheet(styles, ns), ns, hidden_changes, _dark_page(document, ns))
        self._parts: dict[etree._Element, dict[etree._Element, str]] = {}

    def of(self, element: etree._Element) -> dict[etree._Element, str]:
        root = element.getroottree().getroot()
        found = self._parts.get(root)
        if found is None:
            found = self._parts[root] = invisible_text(root, *self._args)
        return found


def invisible_text(
    root: etree._Element, sheet: _Sheet, ns: str, hidden_changes: frozenset[str], dark: bool = False
) -> dict[etree._Element, str]:
    """The paragraphs (w:p) under `root` holding text the page does not show, each with what
    makes it so and that text ("(white on a white page): 'not'"). On a `dark` page white text
    may show: only size, width and shading count."""
    color, sz, szcs, scale = _w(ns, "color"), _w(ns, "sz"), _w(ns, "szCs"), _w(ns, "w")
    r_tag, p_tag, val = _w(ns, "r"), _w(ns, "p"), _w(ns, "val")
    runs: dict[etree._Element, None] = {}  # candidate runs, in document order
    # Runs tiny only in the size Word gives complex scripts (w:szCs: Arabic, Hebrew, Thai …):
    # unseen only where they hold such letters.
    complex_tiny: set[etree._Element] = set()
    for prop in root.iter(color, sz, szcs, scale):
        tag = prop.tag
        if tag == color:
            unseen = (not dark and _white(prop, ns)) or _own_shade(prop, ns)
        elif tag == scale:
            unseen = _narrow(prop, ns)
        else:
            unseen = prop.get(val) in _TINY
        if unseen:
            run = prop.getparent()
            run = run.getparent() if run is not None else None  # rPr → r (a paragraph mark's: a pPr)
            if run is not None and run.tag == r_tag:
                runs[run] = None
                if tag == szcs:
                    complex_tiny.add(run)
    styled = _unseen_styles(sheet)
    if styled[0] or styled[1]:
        styled_paragraphs: set[etree._Element] = set()
        for ref in root.iter(_w(ns, "rStyle"), _w(ns, "pStyle")):
            if ref.get(val) in styled[ref.tag == _w(ns, "pStyle")]:
                holder = ref.getparent()
                owner = holder.getparent() if holder is not None else None
                if owner is not None and owner.tag == r_tag:
                    runs[owner] = None
                elif owner is not None and owner.tag == p_tag and owner not in styled_paragraphs:
                    styled_paragraphs.add(owner)  # (once: a hostile pPr may repeat its pStyle)
                    runs.update(dict.fromkeys(owner.iter(r_tag)))
    if any(sheet.paragraph(None, which) for which in (0, 1, 2)):  # the text of no style is unseen
        p_props, p_style = _w(ns, "pPr"), _w(ns, "pStyle")
        for paragraph in root.iter(p_tag):
            props = paragraph.find(p_props)
            if props is None or props.find(p_style) is None:
                runs.update(dict.fromkeys(paragraph.iter(r_tag)))
    reasons: dict[etree._Element, int] = {}
    texts: dict[etree._Element, list[str]] = {}
    around = _Around(ns, sheet.shaded)
    for run in runs:
        why = _why(run, sheet, ns, hidden_changes, dark, around)
        text = "".join(t.text or "" for t in run.iter(_w(ns, "t")))
        if run in complex_tiny and _COMPLEX.search(text):
            why |= TINY
        if not why or not text.strip():
            continue
        holder = next(run.iterancestors(p_tag), None)
        if holder is not None:
            reasons[holder] = reasons.get(holder, 0) | why
            texts.setdefault(holder, []).append(text)
    return {
        p: f"({', '.join(words for bit, words in _WHY if why & bit)}): {quote(''.join(texts[p]))}"
        for p, why in reasons.items()
    }


class _Around:
    """What the paragraphs, cells and tables holding candidate runs say, each read once: a
    paragraph's style, and whether a container lets white text be seen (`_seen_anyway`).
    Their properties are looked for among their children, and a paragraph of 20,000 white
    runs (or a cell of 20,000 paragraphs) was searched again for each (17 s for 8 KB)."""

    def __init__(self, ns: str, shaded_styles: frozenset[str]) -> None:
        self.ns = ns
        self.shaded_styles = shaded_styles
        self.p, self.tc, self.tbl = _w(ns, "p"), _w(ns, "tc"), _w(ns, "tbl")
        self._styles: dict[etree._Element, str | None] = {}
        self._shows: dict[etree._Element, bool] = {}

    def style(self, paragraph: etree._Element) -> str | None:
        """The paragraph's style id (w:pPr/w:pStyle), None for none."""
        if paragraph not in self._styles:
            found = paragraph.find(f"{_w(self.ns, 'pPr')}/{_w(self.ns, 'pStyle')}")
            self._styles[paragraph] = found.get(_w(self.ns, "val")) if found is not None else None
        return self._styles[paragraph]

    def shows(self, container: etree._Element) -> bool:
        """Whether a paragraph, cell or table lets white text in it be seen: a fill of its
        own, a paragraph style that shades, a table style (which may shade it)."""
        known = self._shows.get(container)
        if known is None:
            known = self._shows[container] = self._read(container)
        return known

    def _read(self, container: etree._Element) -> bool:
        ns, tag = self.ns, container.tag
        if tag == self.p:
            ppr = container.find(_w(ns, "pPr"))
            if ppr is None:
                return False
            style = ppr.find(_w(ns, "pStyle"))
            return _fills(ppr, ns) or (style is not None and style.get(_w(ns, "val")) in self.shaded_styles)
        if tag == self.tc:
            cell = container.find(_w(ns, "tcPr"))
            return cell is not None and _fills(cell, ns)
        table = container.find(_w(ns, "tblPr"))
        return table is not None and (_fills(table, ns) or table.find(_w(ns, "tblStyle")) is not None)


# Letters Word sizes by w:szCs: Hebrew, Arabic, Syriac, Thaana, NKo, Thai, Lao, and the
# Arabic and Hebrew presentation forms.
_COMPLEX = re.compile("[\u0590-\u08ff\u0e00-\u0eff\ufb1d-\ufdff\ufe70-\ufeff]")


def unseen_note(said: str) -> str:
    """The reading note on a paragraph's invisible text (`said`: why, and the text quoted)."""
    return (
        f"text the page does not show {said};"
        " compared as any text, but a reader of the page, or of the redline in Word, does not see it"
    )


def _dark_page(document: etree._Element, ns: str) -> bool:
    """Whether the page has a colour white text may show on (not white nor near it)."""
    background = document.find(_w(ns, "background"))
    if background is None:
        return False
    theme = background.get(_w(ns, "themeColor"))
    if theme is not None:
        return theme not in _WHITE_THEMES
    fill = background.get(_w(ns, "color"))
    return fill not in _NO_FILL and not _light(fill)


def _own_shade(color: etree._Element, ns: str) -> bool:
    """Whether a run's w:color is (near) the fill of its own shading, a fill with no pattern
    ('clear'): black on black, the look of a redaction that leaves the text in the file."""
    props = color.getparent()
    shading = props.find(_w(ns, "shd")) if props is not None else None
    if shading is None or shading.get(_w(ns, "val")) not in (None, "clear", "nil"):
        return False
    if color.get(_w(ns, "themeColor")) is not None or shading.get(_w(ns, "themeFill")) is not None:
        return False  # a theme's colours are not read: taken as apart
    ink, fill = _rgb(color.get(_w(ns, "val"))), _rgb(shading.get(_w(ns, "fill")))
    return (
        ink is not None
        and fill is not None
        and max(abs(a - b) for a, b in zip(ink, fill, strict=True)) <= 0x10
    )


def _why(
    run: etree._Element, sheet: _Sheet, ns: str, hidden_changes: frozenset[str], dark: bool, around: _Around
) -> int:
    """What makes a candidate run unseen (bits WHITE, TINY, NARROW, SHADED), 0 for nothing or
    a run the view leaves out: its colour, size and width resolved as Word does; white text
    where nothing may let it be seen (`_seen_anyway`)."""
    props = run.find(_w(ns, "rPr"))
    own: list[bool | None] = [None, None, None]
    style: str | None = None
    shaded = False
    if props is not None:
        for child in props:
            tag = child.tag
            if tag == _w(ns, "color"):
                own[0] = _white(child, ns)
                shaded = _own_shade(child, ns)
            elif tag == _w(ns, "sz"):
                own[1] = child.get(_w(ns, "val")) in _TINY
            elif tag == _w(ns, "w"):
                own[2] = _narrow(child, ns)
            elif tag == _w(ns, "rStyle"):
                style = child.get(_w(ns, "val"))
    paragraph_style: str | None = None
    for ancestor in run.iterancestors():
        if ancestor.tag in hidden_changes:
            return 0  # not in this view: the reader does not read it
        if ancestor.tag == around.p:
            paragraph_style = around.style(ancestor)
            break
    why = SHADED if shaded else 0
    for which, bit in enumerate((WHITE, TINY, NARROW)):
        value = own[which]
        if value is None and style is not None:
            value = sheet.nearest(style, which)
        if value is None:
            value = sheet.paragraph(paragraph_style, which)
        if value:
            why |= bit
    if why & WHITE and (dark or _seen_anyway(run, props, ns, around)):
        why &= ~WHITE
    return why


def _seen_anyway(run: etree._Element, props: etree._Element | None, ns: str, around: _Around) -> bool:
    """Whether something lets white text be seen: a fill or highlight of the run's own, of
    its paragraph, cell or table, a style that shades, a text box."""
    if props is not None:
        if _fills(props, ns) or _highlights(props, ns):
            return True
        style = props.find(_w(ns, "rStyle"))
        if style is not None and style.get(_w(ns, "val")) in around.shaded_styles:
            return True
    for ancestor in run.iterancestors():
        tag = ancestor.tag
        if tag in (around.p, around.tc, around.tbl):
            if around.shows(ancestor):
                return True
        elif tag == _w(ns, "txbxContent"):
            return True  # a text box draws its own fill, which draftkit does not read
    return False


def _fills(props: etree._Element, ns: str) -> bool:
    """Whether a w:shd gives a fill white text may show on (a near-white one gives none)."""
    shading = props.find(_w(ns, "shd"))
    if shading is None:
        return False
    fill = shading.get(_w(ns, "fill"))
    theme = shading.get(_w(ns, "themeFill"))
    pattern = shading.get(_w(ns, "val"))
    if pattern not in (None, "clear", "nil"):
        return True
    if theme is not None:
        return theme not in _WHITE_THEMES or shading.get(_w(ns, "themeFillShade")) not in (None, "FF", "ff")
    return fill not in _NO_FILL and not _light(fill)


def _highlights(props: etree._Element, ns: str) -> bool:
    highlight = props.find(_w(ns, "highlight"))
    return highlight is not None and highlight.get(_w(ns, "val")) not in _NO_HIGHLIGHT


def _own(rpr: etree._Element | None, ns: str) -> _Own:
    """(white, tiny, narrow) a w:rPr sets (None: not set)."""
    if rpr is None:
        return None, None, None
    color, size, scale = rpr.find(_w(ns, "color")), rpr.find(_w(ns, "sz")), rpr.find(_w(ns, "w"))
    return (
        None if color is None else _white(color, ns),
        None if size is None else size.get(_w(ns, "val")) in _TINY,
        None if scale is None else _narrow(scale, ns),
    )


def _sheet(styles: etree._Element | None, ns: str) -> _Sheet:
    """styles.xml read for colour, size, width and shading."""
    if styles is None:
        return _NO_SHEET
    based: dict[str, str | None] = {}
    own: dict[str, _Own] = {}
    own_shaded: set[str] = set()
    default_paragraph: str | None = None
    for style in styles.iter(_w(ns, "style")):
        sid = style.get(_w(ns, "styleId"))
        if not sid or sid in based:
            continue
        parent = style.find(_w(ns, "basedOn"))
        based[sid] = parent.get(_w(ns, "val")) if parent is not None else None
        rpr = style.find(_w(ns, "rPr"))
        if rpr is not None:
            own[sid] = _own(rpr, ns)
            if _fills(rpr, ns) or _highlights(rpr, ns):
                own_shaded.add(sid)
        ppr = style.find(_w(ns, "pPr"))
        if ppr is not None and _fills(ppr, ns):
            own_shaded.add(sid)
        kind = style.get(_w(ns, "type")) or "paragraph"
        default = (style.get(_w(ns, "default")) or "").lower() in ("1", "true", "on")
        if kind == "paragraph" and default and default_paragraph is None:
            default_paragraph = sid
    defaults = _own(styles.find(f"{_w(ns, 'docDefaults')}/{_w(ns, 'rPrDefault')}/{_w(ns, 'rPr')}"), ns)
    sheet = _Sheet(
        based, own, frozenset(), default_paragraph, (bool(defaults[0]), bool(defaults[1]), bool(defaults[2]))
    )
    return sheet._replace(shaded=_chains_holding(based, own_shaded))


def _chains_holding(based: dict[str, str | None], members: set[str]) -> frozenset[str]:
    """The styles whose `basedOn` chain (themselves included) holds one of `members`: each
    style walked once, its answer kept for every style whose chain passes through it (a
    chain of 12,000 styles, each based on the one before, was walked from each: minutes)."""
    holding: dict[str, bool] = {}
    for sid in based:
        path: list[str] = []
        on_path: set[str] = set()
        current: str | None = sid
        found = False
        while current is not None:
            if current in holding:
                found = holding[current]
                break
            if current in members:
                found = True
                break
            if current in on_path:
                break  # a loop of styles none of which is a member
            path.append(current)
            on_path.add(current)
            current = based.get(current)
        holding.update(dict.fromkeys(path, found))
    return frozenset(s for s in based if holding.get(s) or s in members)


def _unseen_styles(sheet: _Sheet) -> tuple[frozenset[str], frozenset[str]]:
    """(character styles, paragraph styles) whose text is white, tiny or narrow: a character
    style by its own chain, a paragraph style by its chain or else the document defaults."""
    if not sheet.own and not any(sheet.defaults):
        return frozenset(), frozenset()
    runs = frozenset(s for s in sheet.based if any(sheet.nearest(s, which) for which in (0, 1, 2)))
    paragraphs = frozenset(s for s in sheet.based if any(sheet.paragraph(s, which) for which in (0, 1, 2)))
    return runs, paragraphs
