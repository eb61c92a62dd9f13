"""Text a Word file holds and its page does not let anyone see: white on a white page, or too
small to read (issue: a hostile file can hide a change).

Hidden text (`w:vanish`) is left out of the comparison and named (docx_text). Text coloured
white, or set at 1.5 points or less, is not hidden: Word and LibreOffice lay it out, a search
finds it, a copy carries it — and a reader of the page, on screen or printed, does not see
it. draftkit compares it as any text (a 'not' slipped in white is a change it reports), and
names it where it stands, so that whoever reads the redline in Word, where it is as invisible
as in the draft, is told.

Found in one pass over the document's colour and size elements (`iter` by tag: no other
element is looked at), then, for each candidate run, what could make it visible: a
highlight or shading of its own, its paragraph's or its table cell's, a table with a style
(which may shade it), a page background that is not white. Styles count too: a run or
paragraph style whose character properties make text white or tiny, a style that shades.
When in doubt, the text is taken as visible: a note on every white heading of a dark table
would teach readers to skip the note.
"""

from __future__ import annotations

import re

from lxml import etree

from draftkit.readers.docx_text import quote

_WHITE_THEMES = frozenset({"background1", "light1"})  # white in Word's own themes
_TINY = frozenset({"0", "1", "2", "3"})  # half-points: 1.5 points or less
_NO_FILL = frozenset({None, "", "auto"})
_NO_HIGHLIGHT = frozenset({"none", "white"})


def _w(ns: str, local: str) -> str:
    return f"{{{ns}}}{local}"


def _light(value: str | None) -> bool:
    """Whether a colour (RRGGBB, any case) is white to the eye on white: every channel F0 or
    more ('FEFEFE' hides a word as well as 'FFFFFF' does)."""
    if value is None or len(value) != 6:
        return False
    try:
        return min(bytes.fromhex(value)) >= 0xF0
    except ValueError:
        return False


def _white(color: etree._Element, ns: str) -> bool:
    """Whether a w:color makes text white: Word draws its theme colour over `w:val` (a
    fallback), darkened by a shade ('White, Background 1, Darker 50%' is grey)."""
    theme = color.get(_w(ns, "themeColor"))
    if theme is not None:
        return theme in _WHITE_THEMES and color.get(_w(ns, "themeShade")) in (None, "FF", "ff")
    return _light(color.get(_w(ns, "val")))


class Unseen:
    """Text a Word file's page does not show, found part by part: `of(element)` gives, for the
    part holding `element` (the document, the footnotes), its paragraphs holding such text
    with that text — the part read in one pass the first time it is asked for. Runs of a
    revision the view leaves out (`hidden_changes`: w:del and w:moveFrom in the accept view)
    are not read, as the reader does not read them."""

    def __init__(
        self, document: etree._Element, styles: etree._Element | None, ns: str, hidden_changes: frozenset[str]
    ) -> None:
        self._args = (*_styles(styles, ns), ns, hidden_changes)
        self._dark = _dark_page(document, ns)
        self._parts: dict[etree._Element, dict[etree._Element, str]] = {}

    def of(self, element: etree._Element) -> dict[etree._Element, str]:
        if self._dark:
            return {}
        root = element.getroottree().getroot()
        found = self._parts.get(root)
        if found is None:
            found = self._parts[root] = invisible_text(root, *self._args)
        return found


def invisible_text(
    root: etree._Element,
    invisible_styles: frozenset[str],
    shaded_styles: frozenset[str],
    coloured_styles: frozenset[str],
    ns: str,
    hidden_changes: frozenset[str],
) -> dict[etree._Element, str]:
    """The paragraphs (w:p) under `root` holding text the page does not show, with that text."""
    color, sz, style_tags = _w(ns, "color"), _w(ns, "sz"), (_w(ns, "rStyle"), _w(ns, "pStyle"))
    val = _w(ns, "val")
    runs: dict[etree._Element, bool] = {}  # candidate run → made so by its own properties
    # Runs tiny only in the size Word gives complex scripts (w:szCs: Arabic, Hebrew, Thai …):
    # unseen only where they hold such letters.
    complex_only: set[etree._Element] = set()
    for prop in root.iter(color, sz, _w(ns, "szCs")):
        unseen = _white(prop, ns) if prop.tag == color else prop.get(val) in _TINY
        if unseen:
            run = prop.getparent()
            run = run.getparent() if run is not None else None  # rPr → r (a paragraph mark's: a pPr)
            if run is not None and run.tag == _w(ns, "r"):
                if prop.tag == color or prop.tag == sz:
                    runs[run] = True
                    complex_only.discard(run)
                elif run not in runs:
                    runs[run] = True
                    complex_only.add(run)
    if invisible_styles:
        for ref in root.iter(*style_tags):
            if ref.get(val) in invisible_styles:
                holder = ref.getparent()
                owner = holder.getparent() if holder is not None else None
                if owner is None:
                    continue
                if owner.tag == _w(ns, "r"):
                    runs.setdefault(owner, False)
                elif owner.tag == _w(ns, "p"):
                    for run in owner.iter(_w(ns, "r")):
                        runs.setdefault(run, False)
    found: dict[etree._Element, list[str]] = {}
    for run, direct in runs.items():
        if _seen_anyway(run, direct, ns, shaded_styles, hidden_changes, coloured_styles):
            continue
        text = "".join(t.text or "" for t in run.iter(_w(ns, "t")))
        if not text.strip() or (run in complex_only and not _COMPLEX.search(text)):
            continue
        paragraph = next(run.iterancestors(_w(ns, "p")), None)
        if paragraph is not None:
            found.setdefault(paragraph, []).append(text)
    return {p: quote("".join(texts)) for p, texts in found.items()}


# Letters Word sizes by w:szCs: Hebrew, Arabic, Syriac, Thaana, NKo, Thai, Lao, and the
# Arabic and Hebrew presentation forms.
_COMPLEX = re.compile("[\u0590-\u08ff\u0e00-\u0eff\ufb1d-\ufdff\ufe70-\ufeff]")


def unseen_note(quoted: str) -> str:
    """The reading note on a paragraph's invisible text."""
    return (
        f"text the page does not show (white on a white page, or 1.5 points or less): {quoted};"
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


def _seen_anyway(
    run: etree._Element,
    direct: bool,
    ns: str,
    shaded_styles: frozenset[str],
    hidden_changes: frozenset[str],
    coloured_styles: frozenset[str] = frozenset(),
) -> bool:
    """Whether something lets a candidate run be seen (or the view leaves it out): a fill or
    highlight of its own, of its paragraph, cell or table; for a run made invisible by a
    style (not `direct`ly), a colour or size of its own, or a run style whose colour a page
    shows (taken as undoing the style's)."""
    props = run.find(_w(ns, "rPr"))
    if props is not None:
        if _fills(props, ns) or _highlights(props, ns):
            return True
        style = props.find(_w(ns, "rStyle"))
        if style is not None and style.get(_w(ns, "val")) in shaded_styles:
            return True
        if not direct and style is not None and style.get(_w(ns, "val")) in coloured_styles:
            return True
        if not direct and (props.find(_w(ns, "color")) is not None or props.find(_w(ns, "sz")) is not None):
            return True
    for ancestor in run.iterancestors():
        tag = ancestor.tag
        if tag in hidden_changes:
            return True  # not in this view: the reader does not read it
        if tag == _w(ns, "p"):
            ppr = ancestor.find(_w(ns, "pPr"))
            if ppr is not None:
                if _fills(ppr, ns):
                    return True
                style = ppr.find(_w(ns, "pStyle"))
                if style is not None and style.get(_w(ns, "val")) in shaded_styles:
                    return True
        elif tag == _w(ns, "tc"):
            cell = ancestor.find(_w(ns, "tcPr"))
            if cell is not None and _fills(cell, ns):
                return True
        elif tag == _w(ns, "tbl"):
            table = ancestor.find(_w(ns, "tblPr"))
            if table is not None and (_fills(table, ns) or table.find(_w(ns, "tblStyle")) is not None):
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


def _styles(styles: etree._Element | None, ns: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(styles whose text is invisible, styles that shade, styles whose colour is one a page
    shows), each through its `basedOn` chain: the nearest style that sets a colour (a size)
    decides it, as in Word."""
    if styles is None:
        return frozenset(), frozenset(), frozenset()
    based: dict[str, str | None] = {}
    colours: dict[str, bool] = {}  # style → whether the colour it sets is white
    sizes: dict[str, bool] = {}  # style → whether the size it sets is tiny
    own_shaded: set[str] = set()
    for style in styles.iter(_w(ns, "style")):
        sid = style.get(_w(ns, "styleId"))
        if not sid:
            continue
        parent = style.find(_w(ns, "basedOn"))
        based[sid] = parent.get(_w(ns, "val")) if parent is not None else None
        rpr = style.find(_w(ns, "rPr"))
        if rpr is not None:
            color = rpr.find(_w(ns, "color"))
            size = rpr.find(_w(ns, "sz"))
            if color is not None:
                colours[sid] = _white(color, ns)
            if size is not None:
                sizes[sid] = size.get(_w(ns, "val")) in _TINY
            if _fills(rpr, ns) or _highlights(rpr, ns):
                own_shaded.add(sid)
        ppr = style.find(_w(ns, "pPr"))
        if ppr is not None and _fills(ppr, ns):
            own_shaded.add(sid)

    def nearest(sid: str, own: dict[str, bool]) -> bool:
        seen: set[str] = set()
        current: str | None = sid
        while current is not None and current not in seen:
            if current in own:
                return own[current]
            seen.add(current)
            current = based.get(current)
        return False

    shaded = {sid: True for sid in own_shaded}
    shown = {sid: not white for sid, white in colours.items()}
    return (
        frozenset(s for s in based if nearest(s, colours) or nearest(s, sizes)),
        frozenset(s for s in based if nearest(s, shaded)),
        frozenset(s for s in based if nearest(s, shown)),
    )
