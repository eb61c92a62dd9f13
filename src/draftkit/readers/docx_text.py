"""The run-level rendering model of the DOCX reader: what Word and LibreOffice display.

Pure functions and frozen tables over lxml elements, used by `docx._Walker`:

- `Visibility` resolves hidden text (`w:vanish`, `w:specVanish`; `w:webHidden`, which only
  LibreOffice hides on the page) through document
  defaults, the paragraph style chain, the character style chain and direct formatting,
  twice: as Word does (ECMA-376 §17.7.3: in a style a toggle property flips the value
  inherited from the previous level, direct formatting is absolute; within one `basedOn`
  chain the nearest explicit value wins) and as LibreOffice does (character style over
  paragraph style, no toggling; `specVanish` and a hiding docDefaults not applied). Text both hide is
  hidden; text only one hides is *disputed* and compared as visible, so nothing shown on
  anyone's screen escapes the comparison. Through the same styles, as Word does, it
  resolves a run's look (`look`: caps and smallCaps, read in `capitals`; strike, dstrike
  and superscript, which reading notes name), cached per pair of style ids.
- `choose_branch` picks the `mc:Choice` of an `mc:AlternateContent` whose required
  namespaces draftkit reads, else the `mc:Fallback` (what Word 2010+ and LibreOffice show).
- `symbol_text` turns a `w:sym` (font + character code) into the Unicode character it
  shows, keeping the private-use code point where no mapping is known.
- `math_text` is an equation's text in a linear form that keeps its structure (a fraction
  `(1)/(2)`, a power `10^(3)`, a root, a sum's sign, brackets), so ½ and 12 differ.
- `form_field_text` is what a legacy check box or drop-down form field shows (Word keeps no
  result for them: the box and the chosen entry are drawn from the field's `w:ffData`), and
  `macro_button_text` what a MACROBUTTON field shows: the display text of its instruction.
- `stale_results` says where a field shows a stored result Word or LibreOffice may show
  otherwise: a REF whose result is not its bookmark's text (Word shows the stored one until
  fields update; LibreOffice's PDF the bookmark's), a DATE or TIME field (the day it is
  opened or printed), a DOCVARIABLE or FILENAME field (Word shows what it stored;
  LibreOffice reads no document variable), the other fields Word computes on the page
  (`PAGE_FIELDS`: PAGE, NUMPAGES, PAGEREF, SAVEDATE …; one note for paragraphs in a row).
- `unify_namespaces` renames elements of the other WordprocessingML namespace (Strict in a
  transitional part, or the reverse) so one set of names reads both, as Word does.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, NamedTuple

from lxml import etree

from draftkit.readers.wordnum import MC_NS, STRICT_W_NS, W_NS, decimal_number, names_for, namespace_of

if TYPE_CHECKING:
    from draftkit.readers.docx_tags import Tags

_MC_CHOICE = f"{{{MC_NS}}}Choice"
_MC_FALLBACK = f"{{{MC_NS}}}Fallback"

# Namespaces whose content the reader walks (text boxes, pictures, equations, VML, Word
# 2010-2016 extensions that keep their text in w:t): a Choice requiring only these is read.
UNDERSTOOD_NAMESPACES = frozenset(
    {
        W_NS,
        STRICT_W_NS,
        MC_NS,
        "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",  # wps
        "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",  # wpg
        "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",  # wpc
        "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",  # wp14
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",  # wp
        "http://schemas.openxmlformats.org/drawingml/2006/main",  # a
        "http://schemas.openxmlformats.org/drawingml/2006/picture",  # pic
        "http://schemas.openxmlformats.org/officeDocument/2006/math",  # m
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",  # r
        "urn:schemas-microsoft-com:vml",  # v
        "urn:schemas-microsoft-com:office:office",  # o
        "urn:schemas-microsoft-com:office:word",  # w10
        "http://schemas.microsoft.com/office/word/2010/wordml",  # w14
        "http://schemas.microsoft.com/office/word/2012/wordml",  # w15
    }
)


_TABLE_TAG = re.compile(rb"tbl[\s/>]")


def may_hold_table(part: bytes) -> bool:
    """Whether a WordprocessingML part may hold a table, told from its bytes without parsing
    them: False only when no table start tag (`<tbl` or `:tbl`, any prefix, then a space, `/`
    or `>`) stands in them — an element's name is never escaped, so then there is none. A
    part in an encoding that is not a superset of ASCII (UTF-16, …): maybe."""
    if not _ascii_superset(part):
        return True
    # "tbl" searched for (fast: a literal), then what stands before it checked
    return any(m.start() > 0 and part[m.start() - 1] in b"<:" for m in _TABLE_TAG.finditer(part))


def may_hold_ids(part: bytes) -> bool:
    """Whether an XML part may hold a `w:id` (any prefix), told from its bytes: False only
    when ":id" stands nowhere in them (an attribute's name is never escaped). Maybe in an
    encoding that is not a superset of ASCII. The search for the largest id walks every node
    of a parsed part: ~7 ms in a 13,000-provision document that holds none."""
    return b":id" in part or not _ascii_superset(part)


def _ascii_superset(part: bytes) -> bool:
    """Whether an XML part's bytes write ASCII as ASCII (UTF-8, …; not UTF-16), as far as
    its start tells: a tag after at most a UTF-8 byte order mark and white space, no NUL."""
    return part[:8].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") and b"\x00" not in part[:200]


def choose_branch(alternate: etree._Element) -> etree._Element | None:
    """The branch of an mc:AlternateContent a current word processor shows: the first
    mc:Choice whose every required prefix names an understood namespace, else mc:Fallback."""
    fallback: etree._Element | None = None
    for branch in alternate:
        if branch.tag == _MC_CHOICE:
            if fallback is None and _understood(branch):
                return branch
        elif branch.tag == _MC_FALLBACK and fallback is None:
            fallback = branch
    return fallback


def _understood(choice: etree._Element) -> bool:
    required = (choice.get("Requires") or "").split()
    if not required:
        return False  # Requires is mandatory: a Choice without it is damaged markup
    nsmap = choice.nsmap
    return all(nsmap.get(prefix) in UNDERSTOOD_NAMESPACES for prefix in required)


_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"


def core_title(root: etree._Element) -> str | None:
    """The title in a package's core properties (docProps/core.xml), if it has one."""
    element = root.find(_DC_TITLE)
    if element is None or element.text is None:
        return None
    return element.text.strip() or None


def unify_namespaces(root: etree._Element, ns: str) -> int:
    """Rename every element (and its attributes) in the other WordprocessingML namespace
    into `ns`, in place; returns how many were renamed (0 for an ordinary file)."""
    other = STRICT_W_NS if ns == W_NS else W_NS
    prefix = f"{{{other}}}"
    renamed = 0
    for element in list(root.iter(f"{prefix}*")):
        element.tag = f"{{{ns}}}{etree.QName(element).localname}"
        for name in [str(a) for a in element.attrib if str(a).startswith(prefix)]:
            value = element.attrib.pop(name)
            element.set(f"{{{ns}}}{name[len(prefix) :]}", value)
        renamed += 1
    return renamed


# ------------------------------------------------------------------------------ hidden text


class Hiding(NamedTuple):
    """Whether a run is hidden by Word's rules and by LibreOffice's."""

    word: bool
    office: bool

    @property
    def hidden(self) -> bool:
        """Hidden for every reader: kept out of the compared text."""
        return self.word and self.office

    @property
    def disputed(self) -> bool:
        """Hidden for one word processor only: compared, and warned about."""
        return self.word != self.office


class _StyleRun(NamedTuple):  # a NamedTuple: made on import faster than a dataclass
    """The run-property facts of one style that decide visibility and look: vanish,
    specVanish, and the look properties it sets (`looks`, bits of `LOOK_TAGS`) with their
    values (`looks_on`)."""

    based_on: str | None
    vanish: bool | None
    spec_vanish: bool | None
    looks: int = 0
    looks_on: int = 0
    web_hidden: bool | None = None


class Visibility:
    """Hidden-text and look resolution over styles.xml: docDefaults, paragraph and character
    styles."""

    __slots__ = (
        "_cache",
        "_characters",
        "_looks",
        "_paragraphs",
        "default_character",
        "default_hidden",
        "default_look",
        "default_paragraph",
        "lookless",
        "plain",
    )

    def __init__(
        self,
        paragraphs: Mapping[str, _StyleRun],
        characters: Mapping[str, _StyleRun],
        default_paragraph: str | None,
        default_character: str | None,
        default_hidden: bool,
        default_look: int = 0,
    ) -> None:
        self._paragraphs = paragraphs
        self._characters = characters
        self.default_paragraph = default_paragraph
        self.default_character = default_character
        self.default_hidden = default_hidden
        self.default_look = default_look
        self._cache: dict[tuple[str | None, str | None, bool | None, bool | None, bool | None], Hiding] = {}
        self._looks: dict[tuple[str | None, str | None], int] = {}
        # No style and no default hides anything: only direct formatting can (most files).
        self.plain = not default_hidden and not any(
            s.vanish or s.spec_vanish or s.web_hidden
            for table in (paragraphs, characters)
            for s in table.values()
        )
        # No style and no default sets capitals, strike-through or superscript (most files).
        self.lookless = not default_look and not any(
            s.looks_on for table in (paragraphs, characters) for s in table.values()
        )

    def look(self, paragraph_style: str | None, character_style: str | None) -> int:
        """The look properties (bits of `LOOK_TAGS`) the styles give a run: docDefaults, then
        the paragraph style, then the character style (each along its basedOn chain, the
        nearest explicit value winning). Word flips a toggle property (caps, smallCaps,
        strike) at each level that turns it on; LibreOffice takes the nearest level's value
        (checked by its PDF export): a property is on where either shows it (capitals read,
        strike-through named). Direct formatting, absolute, is the caller's (`_hiding`)."""
        key = (paragraph_style, character_style)
        found = self._looks.get(key)
        if found is None:
            word = office = self.default_look
            for styles, style_id in (
                (self._paragraphs, paragraph_style or self.default_paragraph),
                (self._characters, character_style or self.default_character),
            ):
                looks, on = _look_chain(styles, style_id)
                word = ((word ^ on) & _TOGGLES) | (word & ~_TOGGLES & ~looks) | (on & ~_TOGGLES)
                office = (office & ~looks) | on
            found = word | office
            if len(self._looks) < 4096:
                self._looks[key] = found
        return found

    def shown(
        self, paragraph_style: str | None, character_style: str | None, looks: int, looks_on: int
    ) -> int:
        """The look (STRUCK, RAISED, CAPS) a run shows: its direct look properties (`looks`
        set, `looks_on` their values), absolute, over what its styles give (`look`)."""
        if not self.lookless:
            looks_on |= self.look(paragraph_style, character_style) & ~looks
        return shown_look(looks_on)

    def run(
        self,
        paragraph_style: str | None,
        character_style: str | None,
        vanish: bool | None,
        spec_vanish: bool | None,
        web_hidden: bool | None = None,
    ) -> Hiding:
        """How a run with these styles and direct vanish/specVanish/webHidden (None: not
        set) shows."""
        key = (paragraph_style, character_style, vanish, spec_vanish, web_hidden)
        found = self._cache.get(key)
        if found is None:
            found = self._resolve(*key)
            if len(self._cache) < 4096:
                self._cache[key] = found
        return found

    def _resolve(
        self,
        paragraph_style: str | None,
        character_style: str | None,
        vanish: bool | None,
        spec_vanish: bool | None,
        web_hidden: bool | None = None,
    ) -> Hiding:
        p_vanish, p_spec = _chain(self._paragraphs, paragraph_style or self.default_paragraph)
        c_vanish, c_spec = _chain(self._characters, character_style or self.default_character)
        # Word: docDefaults set the base; each style level that turns vanish on flips it.
        word = self.default_hidden
        for level in (p_vanish, c_vanish):
            if level:
                word = not word
        # LibreOffice (7.4, checked by its PDF export): the nearest style that says anything
        # decides, no toggling, and a hiding docDefaults is not applied.
        office = next((v for v in (c_vanish, p_vanish) if v is not None), False)
        if vanish is not None:  # direct formatting is absolute for both
            word = office = vanish
        # specVanish ("always hidden") is honoured by Word, shown by LibreOffice.
        spec = spec_vanish if spec_vanish is not None else bool(c_spec or p_spec)
        # webHidden ("hidden in Web Layout") is shown by Word on the page and in print, and
        # hidden by LibreOffice (its PDF export: no trace of the word), directly or by a style.
        if web_hidden is None:
            web_hidden = next(
                (
                    v
                    for v in (
                        _web(self._characters, character_style),
                        _web(self._paragraphs, paragraph_style or self.default_paragraph),
                    )
                    if v is not None
                ),
                None,
            )
        return Hiding(word or spec, office or bool(web_hidden))


def _lineage(styles: Mapping[str, _StyleRun], style_id: str | None) -> Iterator[_StyleRun]:
    """A style and the styles it is based on, nearest first (stopping at a loop, a missing
    style or 32 levels)."""
    seen: set[str] = set()
    current = style_id
    while current is not None and current not in seen and len(seen) < 32:
        seen.add(current)
        style = styles.get(current)
        if style is None:
            return
        yield style
        current = style.based_on


def _chain(styles: Mapping[str, _StyleRun], style_id: str | None) -> tuple[bool | None, bool | None]:
    """(vanish, specVanish) of a style: the nearest explicit value along basedOn."""
    vanish: bool | None = None
    spec: bool | None = None
    for style in _lineage(styles, style_id):
        if vanish is None:
            vanish = style.vanish
        if spec is None:
            spec = style.spec_vanish
    return vanish, spec


def _web(styles: Mapping[str, _StyleRun], style_id: str | None) -> bool | None:
    """webHidden of a style: the nearest explicit value along basedOn."""
    return next((s.web_hidden for s in _lineage(styles, style_id) if s.web_hidden is not None), None)


def _look_chain(styles: Mapping[str, _StyleRun], style_id: str | None) -> tuple[int, int]:
    """(look properties set, their values) of a style: the nearest explicit value along basedOn."""
    looks = on = 0
    for style in _lineage(styles, style_id):
        on |= style.looks_on & ~looks
        looks |= style.looks
    return looks, on


# A space the reader puts around its own notes and placeholders: kept only between two
# non-space characters, so "fn⟦Footnote: …⟧ after" reads "fn ⟦Footnote: …⟧ after" and no
# doubled space appears. NUL cannot occur in XML text, so it cannot collide with the file's.
SOFT = "\x00"
_SOFT_RUN = re.compile("\x00+")
_QUOTE_CHARS = 80


def resolve_soft(text: str) -> str:
    """`text` with the reader's soft spaces made spaces where they stand between two words."""
    if SOFT not in text:
        return text

    def space(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        return "" if before.isspace() or after.isspace() else " "

    return _SOFT_RUN.sub(space, text)


def quote(text: str) -> str:
    """A short, one-line quotation of text for a warning."""
    text = " ".join(text.split())
    return repr(text if len(text) <= _QUOTE_CHARS else text[: _QUOTE_CHARS - 1] + "…")


# A run's look, as the reader acts on it: struck through and superscript (a reading note
# names them), in capitals (read in capitals).
STRUCK, RAISED, CAPS = 1, 2, 4
# The run properties behind a look, one bit each: strike (STRUCK), vertAlign superscript
# (RAISED), caps (CAPS), dstrike (STRUCK) and smallCaps (CAPS). The toggle properties among
# them (ECMA-376 §17.7.3) flip the inherited value where a style turns them on.
LOOK_TAGS = {"strike": 1, "vertAlign": 2, "caps": 4, "dstrike": 8, "smallCaps": 16}
_TOGGLES = 1 | 4 | 16


def shown_look(bits: int) -> int:
    """The look (STRUCK, RAISED, CAPS) of a run whose look properties are `bits`."""
    return (bits & 7) | ((bits >> 3) & STRUCK) | ((bits >> 2) & CAPS)


def look_of(prop: etree._Element, name: str, val: str) -> tuple[int, int]:
    """(bit, value) of a look property element named `name` (a key of `LOOK_TAGS`)."""
    bit = LOOK_TAGS[name]
    if bit == RAISED:
        return bit, bit if prop.get(val) == "superscript" else 0
    return bit, bit if on_off(prop, val) else 0


# Capitals as Word and LibreOffice show `w:caps` and `w:smallCaps` text (LibreOffice's PDF
# export gives them as capitals, ß as ẞ), one character for one: a character whose capital
# is several (the ligature ﬁ) stays, so offsets into the stored text hold (the redline
# writer finds the reader's lines in the runs by them).
_ONE_CAPITAL = {"ß": "ẞ"}


def capitals(text: str) -> str:
    """`text` in capitals as `w:caps` shows it, character for character."""
    upper = text.upper()
    if len(upper) == len(text):
        return upper
    return "".join(_ONE_CAPITAL.get(c) or (u if len(u := c.upper()) == 1 else c) for c in text)


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


class Collected:
    """What one w:p collects besides its text: hidden and disputed text, text struck through,
    superscript digits read into a number, text boxes to read after it (with the index of their first w:p), and the style its runs
    inherit from, with the look (STRUCK, RAISED, CAPS) it gives a run of no properties."""

    __slots__ = ("boxes", "hidden", "hidden_in_office", "hidden_in_word", "look", "raised", "struck", "style")

    def __init__(self, style: str | None) -> None:
        self.style = style
        self.look = 0
        self.hidden: list[str] = []
        self.hidden_in_word: list[str] = []  # shown by LibreOffice: compared, warned about
        self.hidden_in_office: list[str] = []  # shown by Word: compared, warned about
        self.struck: list[str] = []  # struck through (a deletion marked by hand?): compared, warned about
        self.raised: list[tuple[str, str]] = []  # superscript digits after a number: (before, them)
        self.boxes: list[tuple[etree._Element, int]] = []

    def looked(self, look: int, parts: list[str], start: int) -> None:
        """A run's text, parts[start:], read in a look a note names (`look`: STRUCK, RAISED)."""
        if look & STRUCK:
            self.struck.extend(parts[start:])
        if look & RAISED:
            # Superscript digits right after a digit ("10" "3", shown 10³) read as digits of
            # that number (103); a footnote call after a word is only a mark.
            before = "".join(parts[max(0, start - 4) : start])[-12:]
            # A footnote's text or an object's placeholder (the reader's, SOFT-led) is no
            # digit shown: a note reference (its style superscript) after a number is only a mark.
            them = "".join(p for p in parts[start:] if p[:1] != SOFT)
            if before[-1:].isdigit() and any(c.isdigit() for c in them):
                self.raised.append((before, them))

    def noted(self) -> bool:
        """Whether it holds text a reading note must name (hidden, disputed, struck, raised)."""
        return bool(self.hidden or self.hidden_in_word or self.hidden_in_office or self.struck or self.raised)

    def notes(self) -> list[tuple[str, str]]:
        """The reading notes (code, message) of what it collected."""
        out = []
        hidden = resolve_soft("".join(self.hidden))
        if hidden.strip():
            out.append(("hidden-text", f"hidden text not compared: {quote(hidden)}"))
        for word_hides, pieces in ((True, self.hidden_in_word), (False, self.hidden_in_office)):
            disputed = resolve_soft("".join(pieces))
            if disputed.strip():
                hides, shows = ("Word", "LibreOffice") if word_hides else ("LibreOffice", "Word")
                out.append(
                    (
                        "hidden-text",
                        f"text {hides} hides and {shows} shows, compared as visible: {quote(disputed)}",
                    )
                )
        struck = resolve_soft("".join(self.struck))
        if struck.strip():
            out.append(
                (
                    "not-compared",
                    f"text struck through (a deletion marked by hand?), compared as text: {quote(struck)}",
                )
            )
        for before, them in self.raised:
            out.append(
                (
                    "not-compared",
                    f"digits set as superscript after a number, compared as digits of it:"
                    f" shown {quote(before + them.translate(_SUPERSCRIPT))}, compared as {quote(before + them)}",
                )
            )
        return out


def on_off(element: etree._Element, val: str) -> bool:
    """An ST_OnOff property: on unless its w:val says false."""
    return (element.get(val) or "true").strip().lower() not in ("false", "0", "off")


def parse_visibility(root: etree._Element | None) -> Visibility:
    """Read the hidden-text facts of styles.xml: docDefaults and every paragraph and
    character style's w:rPr (vanish, specVanish, basedOn)."""
    if root is None:
        return Visibility({}, {}, None, None, False)
    w = names_for(namespace_of(root))
    val = w("val")
    looks_by_tag = {w(name): name for name in LOOK_TAGS}
    default_hidden = False
    default_look = 0
    defaults = root.find(w("docDefaults"))
    if defaults is not None:
        for element in defaults.iterfind(f"{w('rPrDefault')}/{w('rPr')}/*"):
            if element.tag == w("vanish"):
                default_hidden = on_off(element, val)
            elif element.tag in looks_by_tag:
                bit, on = look_of(element, looks_by_tag[element.tag], val)
                default_look = (default_look & ~bit) | on
    paragraphs: dict[str, _StyleRun] = {}
    characters: dict[str, _StyleRun] = {}
    default_paragraph = default_character = None
    for element in root.iterfind(w("style")):
        style_id = element.get(w("styleId"))
        kind = element.get(w("type")) or "paragraph"
        if style_id is None or kind not in ("paragraph", "character"):
            continue
        based_on = vanish = spec = web = None
        looks = looks_on = 0
        for child in element:
            if child.tag == w("basedOn"):
                based_on = child.get(val)
            elif child.tag == w("rPr"):
                for prop in child:
                    if prop.tag == w("vanish"):
                        vanish = on_off(prop, val)
                    elif prop.tag == w("specVanish"):
                        spec = on_off(prop, val)
                    elif prop.tag == w("webHidden"):
                        web = on_off(prop, val)
                    elif prop.tag in looks_by_tag:
                        bit, on = look_of(prop, looks_by_tag[prop.tag], val)
                        looks, looks_on = looks | bit, (looks_on & ~bit) | on
        table = paragraphs if kind == "paragraph" else characters
        table.setdefault(style_id, _StyleRun(based_on, vanish, spec, looks, looks_on, web))
        if (element.get(w("default")) or "").lower() in ("1", "true", "on"):
            if kind == "paragraph" and default_paragraph is None:
                default_paragraph = style_id
            elif kind == "character" and default_character is None:
                default_character = style_id
    return Visibility(
        paragraphs, characters, default_paragraph, default_character, default_hidden, default_look
    )


# ----------------------------------------------------------------------------- w:sym


# Adobe Symbol encoding (the Symbol font Word uses for Greek and mathematical signs), codes
# 0x20-0xFE; letters and digits equal to ASCII are left to the default rule below.
_SYMBOL: dict[int, str] = {
    0x22: "\u2200", 0x24: "\u2203", 0x27: "\u220b", 0x2A: "\u2217", 0x2D: "\u2212", 0x40: "\u2245",
    0x5C: "\u2234", 0x5E: "\u22a5", 0x60: "\u203e", 0x7E: "\u223c",
    0xA1: "\u03d2", 0xA2: "\u2032", 0xA3: "\u2264", 0xA4: "\u2044", 0xA5: "\u221e", 0xA6: "\u0192",
    0xA7: "\u2663", 0xA8: "\u2666", 0xA9: "\u2665", 0xAA: "\u2660", 0xAB: "\u2194", 0xAC: "\u2190",
    0xAD: "\u2191", 0xAE: "\u2192", 0xAF: "\u2193", 0xB0: "\u00b0", 0xB1: "\u00b1", 0xB2: "\u2033",
    0xB3: "\u2265", 0xB4: "\u00d7", 0xB5: "\u221d", 0xB6: "\u2202", 0xB7: "\u2022", 0xB8: "\u00f7",
    0xB9: "\u2260", 0xBA: "\u2261", 0xBB: "\u2248", 0xBC: "\u2026", 0xC0: "\u2135", 0xC1: "\u2111",
    0xC2: "\u211c", 0xC3: "\u2118", 0xC4: "\u2297", 0xC5: "\u2295", 0xC6: "\u2205", 0xC7: "\u2229",
    0xC8: "\u222a", 0xC9: "\u2283", 0xCA: "\u2287", 0xCB: "\u2284", 0xCC: "\u2282", 0xCD: "\u2286",
    0xCE: "\u2208", 0xCF: "\u2209", 0xD0: "\u2220", 0xD1: "\u2207", 0xD2: "\u00ae", 0xD3: "\u00a9",
    0xD4: "\u2122", 0xD5: "\u220f", 0xD6: "\u221a", 0xD7: "\u22c5", 0xD8: "\u00ac", 0xD9: "\u2227",
    0xDA: "\u2228", 0xDB: "\u21d4", 0xDC: "\u21d0", 0xDD: "\u21d1", 0xDE: "\u21d2", 0xDF: "\u21d3",
    0xE0: "\u25ca", 0xE1: "\u2329", 0xE5: "\u2211", 0xF1: "\u232a", 0xF2: "\u222b",
}  # fmt: skip
_SYMBOL.update(zip(range(0x41, 0x5B), "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ", strict=True))
_SYMBOL.update(zip(range(0x61, 0x7B), "αβχδεφγηιϕκλμνοπθρστυϖωξψζ", strict=True))
# The Wingdings signs drafts use: ticks, crosses, boxes, bullets, arrows.
_WINGDINGS: dict[int, str] = {
    0x6C: "\u25cf", 0x6E: "\u25a0", 0x6F: "\u25a1", 0x71: "\u2751", 0x76: "\u2756", 0xA7: "\u25aa",
    0xA8: "\u25fb", 0xD8: "\u27a2", 0xE8: "\u2794", 0xFB: "\u2717", 0xFC: "\u2713", 0xFD: "\u2612",
    0xFE: "\u2611",
}  # fmt: skip
_FONTS: dict[str, dict[int, str]] = {"symbol": _SYMBOL, "wingdings": _WINGDINGS}


def symbol_text(font: str | None, code: str | None) -> str:
    """The character a w:sym shows: mapped to Unicode for Symbol and Wingdings codes draftkit
    knows, else the code point itself (private-use F0xx codes stay as they are, so a changed
    symbol is still a changed character); '' for a missing or damaged code, and for one of a
    character XML cannot hold (a control character, U+FFFE, U+FFFF), as the text reader
    drops them."""
    try:
        value = int((code or "").strip(), 16)
    except ValueError:
        return ""
    if not 0x20 <= value <= 0x10FFFF or 0xD800 <= value <= 0xDFFF or value in (0xFFFE, 0xFFFF):
        return ""
    low = value - 0xF000 if 0xF020 <= value <= 0xF0FF else value
    table = _FONTS.get((font or "").strip().lower())
    if table is not None and low < 0x100:
        mapped = table.get(low)
        if mapped is not None:
            return mapped
        if table is _SYMBOL and (0x20 <= low < 0x7F):
            return chr(low)  # digits, ASCII punctuation and space are themselves in Symbol
    return chr(value)


# ---------------------------------------------------------------------------- equations

_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_M_T = f"{_M}t"
_M_VAL = f"{_M}val"
# Structures whose parts are shown around their arguments, in a linear form close to
# UnicodeMath (Word's own linear format): (tag, [(part, before, after)], default character).
_SCRIPTS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "sSup": (("e", "", ""), ("sup", "^(", ")")),
    "sSub": (("e", "", ""), ("sub", "_(", ")")),
    "sSubSup": (("e", "", ""), ("sub", "_(", ")"), ("sup", "^(", ")")),
    "sPre": (("sub", "_(", ")"), ("sup", "^(", ")"), ("e", "", "")),
    "limLow": (("e", "", ""), ("lim", "┬(", ")")),
    "limUpp": (("e", "", ""), ("lim", "┴(", ")")),
    "func": (("fName", "", ""), ("e", " ", "")),
}


def math_text(element: etree._Element, hidden: frozenset[str] | set[str] = frozenset()) -> str:
    """An equation's text (`m:oMath`, `m:oMathPara` or any part of one) in a linear form that
    keeps what its layout shows: a fraction `(1)/(2)`, scripts `10^(3)` and `x_(i)`, a root
    `√(x)` or `√(3&x)`, an n-ary operator with its sign and limits `∑_(i)^(n)▒(x)`, brackets
    with their characters, accents, bars, matrices and equation arrays; the elements in
    `hidden` (revisions not shown in the view) left out. Plain runs read as their text. An
    equation (or part) that shows no character is '' — its structure alone ("()/()") is
    nothing a reader sees as text, and a wholly deleted equation reads as none."""
    out: list[str] = []
    return "".join(out) if _math_into(element, hidden, out) else ""


def _math_prop(element: etree._Element, name: str, default: str) -> str:
    """A character property of a math structure (`m:chr`, `m:begChr` …) in its `*Pr`."""
    for child in element:
        if isinstance(child.tag, str) and child.tag.endswith("Pr") and child.tag.startswith(_M):
            found = child.find(f"{_M}{name}")
            if found is not None:
                return found.get(_M_VAL) or ""
    return default


def _math_into(element: etree._Element, hidden: frozenset[str] | set[str], out: list[str]) -> bool:
    """`element`'s content appended to `out`; whether it shows a character (an `m:t` with
    text, here or in a part read: each part is read once, its answer passed up)."""
    shown = [False]

    def read(part: etree._Element | None) -> str:
        text = "" if part is None else math_text(part, hidden)
        shown[0] = shown[0] or bool(text)
        return text

    def of(structure: etree._Element, name: str) -> str:
        return read(structure.find(f"{_M}{name}"))

    for node in element:
        tag = node.tag
        if not isinstance(tag, str) or tag in hidden:
            continue
        if tag == _M_T:
            out.append(node.text or "")
            shown[0] = shown[0] or bool(node.text)
            continue
        if not tag.startswith(_M):
            shown[0] = _math_into(node, hidden, out) or shown[0]  # a revision shown, a w:r inside math
            continue
        kind = tag[len(_M) :]
        if kind.endswith("Pr"):
            continue  # properties: read by the structure that owns them
        if kind in _SCRIPTS:
            for part, before, after in _SCRIPTS[kind]:
                text = of(node, part)
                if text or not before:
                    out.append(f"{before}{text}{after}")
        elif kind == "f":
            bar = "¦" if _math_prop(node, "type", "bar") == "noBar" else "/"
            out.append(f"({of(node, 'num')}){bar}({of(node, 'den')})")
        elif kind == "rad":
            degree = of(node, "deg")
            out.append(f"√({degree + '&' if degree else ''}{of(node, 'e')})")
        elif kind == "nary":
            out.append(_math_prop(node, "chr", "∫"))
            for part, before in (("sub", "_("), ("sup", "^(")):
                text = of(node, part)
                if text:
                    out.append(f"{before}{text})")
            out.append(f"▒({of(node, 'e')})")
        elif kind == "d":
            sep = _math_prop(node, "sepChr", "|")
            items = [read(e) for e in node.iterfind(f"{_M}e")]
            out.append(_math_prop(node, "begChr", "(") + sep.join(items) + _math_prop(node, "endChr", ")"))
        elif kind == "acc":
            out.append(f"{of(node, 'e')}{_math_prop(node, 'chr', chr(0x302))}")
        elif kind in ("bar", "groupChr", "borderBox"):
            if kind == "bar":
                mark = "¯" if _math_prop(node, "pos", "bot") == "top" else "▁"
            else:
                mark = _math_prop(node, "chr", "⏟") if kind == "groupChr" else "▭"
            out.append(f"{mark}({of(node, 'e')})")
        elif kind == "eqArr":
            out.append("█(" + "@".join(read(e) for e in node.iterfind(f"{_M}e")) + ")")
        elif kind == "m":
            rows = ("&".join(read(e) for e in row.iterfind(f"{_M}e")) for row in node.iterfind(f"{_M}mr"))
            out.append("■(" + "@".join(rows) + ")")
        elif kind == "phant":
            show = node.find(f"{_M}phantPr/{_M}show")
            if show is None or on_off(show, _M_VAL):
                out.append(of(node, "e"))
        else:  # m:r, m:e, m:box, m:oMath, m:oMathPara and anything newer: their content
            shown[0] = _math_into(node, hidden, out) or shown[0]
    return shown[0]


# ------------------------------------------------------------------------------- w:bdo


def override_note(direction: str | None, text: str) -> str | None:
    """The warning for text under a bidirectional override (`w:bdo`) that Word shows in
    another order than stored: right to left on digits or left-to-right letters ('600,000'
    shows '000,006'); None for any other (Arabic or Hebrew under it shows as written)."""
    if (direction or "").lower() != "rtl":
        return None
    if not any(unicodedata.bidirectional(c) in ("L", "EN", "AN") for c in text):
        return None
    return f"text Word shows in reverse order (a right-to-left override, w:bdo), compared as stored: {quote(text)}"


# ------------------------------------------------------------------------- form fields

CHECKED, UNCHECKED = "\u2612", "\u2610"  # ☒ ☐: the box Word draws for a check box form field


def form_field_text(ffdata: etree._Element | None, instruction: str) -> str | None:
    """What a FORMCHECKBOX or FORMDROPDOWN field without a result shows, from its `w:ffData`
    (any WordprocessingML namespace): ☒ or ☐ (`w:checked`, else `w:default`), the chosen
    entry of the list (`w:result`, else `w:default`, else the first); None for any other field."""
    words = instruction.split()
    kind = words[0].upper() if words else ""
    if ffdata is None or kind not in ("FORMCHECKBOX", "FORMDROPDOWN"):
        return None
    ns = namespace_of(ffdata)
    val = f"{{{ns}}}val"
    if kind == "FORMCHECKBOX":
        box = ffdata.find(f"{{{ns}}}checkBox")
        if box is None:
            return None
        state = box.find(f"{{{ns}}}checked")
        if state is None:
            state = box.find(f"{{{ns}}}default")
        return CHECKED if state is not None and on_off(state, val) else UNCHECKED
    listing = ffdata.find(f"{{{ns}}}ddList")
    if listing is None:
        return None
    entries = [entry.get(val) or "" for entry in listing.iterfind(f"{{{ns}}}listEntry")]
    chosen = listing.find(f"{{{ns}}}result")
    if chosen is None:
        chosen = listing.find(f"{{{ns}}}default")
    index = decimal_number(chosen.get(val)) if chosen is not None else 0
    return entries[index] if index is not None and 0 <= index < len(entries) else (entries or [""])[0]


_MACRO_BUTTON = re.compile(r"\s*MACROBUTTON\s+\S+\s+(.*?)\s*\Z", re.IGNORECASE | re.DOTALL)


def macro_button_text(instruction: str) -> str | None:
    """What a MACROBUTTON field without a result shows: its display text, the instruction's
    words after the macro's name (`MACROBUTTON NoMacro [Click here and type]` shows
    "[Click here and type]" in Word and LibreOffice); None for any other field."""
    found = _MACRO_BUTTON.match(instruction)
    return found.group(1) if found is not None else None


# A diagram's data part names its drawing (a cached rendering) by an id of the document's
# relationships: package plumbing, not content — two copies of one diagram in two files,
# or one carried into a redline beside another, differ there only.
_DIAGRAM_DRAWING_ID = re.compile(rb'(<[^<>]*dataModelExt\b[^<>]*?\brelId=")[^"]*(")')


def diagram_digest(data: bytes) -> str:
    """The SHA-256 (hex) of a diagram's data part, its drawing's relationship id left out."""
    return hashlib.sha256(_DIAGRAM_DRAWING_ID.sub(rb"\1\2", data)).hexdigest()


# A REF field shows its stored result until Word updates it (F9, or printing with "update
# fields"); LibreOffice's PDF shows the bookmark's text. Switches that show a number or a
# position instead of the text (\r \n \w \p \f) are not compared.
_REF = re.compile(r"^\s*REF\s+(?P<name>[^\s\\]+)(?P<switches>.*)$", re.IGNORECASE | re.DOTALL)
_NOT_TEXT = re.compile(r"\\[rnwpf]\b", re.IGNORECASE)
_CASE_SWITCH = re.compile(r"\\\*\s*(upper|lower|caps|firstcap)\b", re.IGNORECASE)


# A DATE or TIME field shows the moment the document is opened or printed: Word updates it
# then, LibreOffice's PDF shows the day it was made.
_NOW = re.compile(r"^\s*(DATE|TIME)\b", re.IGNORECASE)
# A document variable (settings' w:docVars, which LibreOffice does not read: Open-Xml-
# PowerTools' HW010 stored 'January 2014' and exported '2014 2014') or the file's name (what
# it is called when opened): Word shows what it stored until it updates the field. Not a
# document property, which both read from the file's own properties.
_HELD = re.compile(r"^\s*(DOCVARIABLE|FILENAME)\b", re.IGNORECASE)
# Fields whose result Word computes where it shows the page, or from the file or the person
# viewing it: another page count, save date or file name is not a change of the draft (a
# page's header or footer: readers.furniture), and in the body two saves of the same text
# may store other results (LibreOffice's PDF shows its own: 'page 1 of 1' for a stored
# 'page 2 of 7', nothing for a stored SAVEDATE).
PAGE_FIELDS = frozenset(
    {
        "PAGE", "NUMPAGES", "SECTIONPAGES", "SECTION", "PAGEREF", "STYLEREF", "DATE", "TIME",
        "PRINTDATE", "SAVEDATE", "CREATEDATE", "EDITTIME", "FILENAME", "FILESIZE", "NUMWORDS",
        "NUMCHARS", "REVNUM", "TEMPLATE", "USERNAME", "USERINITIALS", "USERADDRESS",
    }
)  # fmt: skip


def page_field(instruction: str) -> str | None:
    """The kind of field (`PAGE_FIELDS`) an instruction names, upper case; None for another."""
    words = instruction.split()
    kind = words[0].upper() if words else ""
    return kind if kind in PAGE_FIELDS else None


def is_recomputed(instruction: str) -> bool:
    """Whether a field's stored result is one Word or LibreOffice may show otherwise, so the
    reader keeps it for `stale_results`: a REF to a bookmark's text, a field Word computes
    on the page (`PAGE_FIELDS`: DATE, TIME, FILENAME, PAGE, NUMPAGES, SAVEDATE …), a
    DOCVARIABLE field."""
    found = _REF.match(instruction)
    return (found is not None and not _NOT_TEXT.search(found.group("switches"))) or bool(
        _HELD.match(instruction) or page_field(instruction)
    )


def stale_results(
    body: etree._Element, references: list[tuple[str, str, int]], tags: Tags, accept: bool
) -> list[tuple[str, int]]:
    """(message, paragraph) for each field `is_recomputed` keeps that may show otherwise: a
    DATE or TIME field, whatever it stored; the other fields Word computes on the page (a
    PAGE, NUMPAGES, SAVEDATE …), one note for those of a run of paragraphs in a row; a REF
    field whose shown result is not its bookmark's text (Word shows the stored result,
    LibreOffice's PDF and an update show the bookmark's; the bookmarks' texts are read in one
    pass over the body, for the names referred to only)."""
    wanted: dict[str, list[tuple[str, int, str]]] = {}
    out: list[tuple[str, int]] = []
    computed: list[tuple[str, str, int]] = []  # (kind, stored result, paragraph)
    for instruction, shown, index in references:
        kind = page_field(instruction)
        if kind is not None and kind not in ("DATE", "TIME", "FILENAME"):
            computed.append((kind, " ".join(shown.split()), index))
            continue
        found = _REF.match(instruction)
        if found is not None:
            wanted.setdefault(found.group("name"), []).append((shown, index, found.group("switches")))
        elif now := _NOW.match(instruction):
            kind = now.group(1).upper()
            out.append(
                (
                    f"a {kind} field shows the {'day' if kind == 'DATE' else 'time'} the document is opened"
                    f" or printed (Word updates it then; LibreOffice's PDF shows when it was made): compared"
                    f" as stored, {quote(shown)}",
                    index,
                )
            )
        elif held := _HELD.match(instruction):
            out.append(
                (
                    f"a {held.group(1).upper()} field shows what Word stored with the document until it"
                    f" updates it (LibreOffice's PDF may show its own reading): compared as stored,"
                    f" {quote(shown)}",
                    index,
                )
            )
    out += _computed_notes(computed)
    if not wanted:
        return sorted(out, key=lambda said: said[1])
    t = tags
    hidden = t.moveFrom if accept else t.moveTo
    open_ids: dict[str | None, str] = {}
    texts: dict[str, list[str]] = {}
    # A bookmark's text read only as far as its longest stored result needs, with a margin
    # (4,000 around a whole text, each given every word: 8 s); one read further is `cut`.
    room = {name: 4 * max(len(shown) for shown, _, _ in uses) + 256 for name, uses in wanted.items()}
    cut: set[str] = set()
    for element in body.iter(t.bookmarkStart, t.bookmarkEnd, t.t):
        if element.tag == t.bookmarkStart:
            name = element.get(t.name)
            if name is not None and name in wanted and name not in texts:
                open_ids[element.get(t.id)] = name
                texts[name] = []
        elif element.tag == t.bookmarkEnd:
            open_ids.pop(element.get(t.id), None)
        elif open_ids and next(element.iterancestors(hidden), None) is None:
            for key, name in list(open_ids.items()):
                texts[name].append(element.text or "")
                room[name] -= len(element.text or "") + 1
                if room[name] < 0:
                    cut.add(name)
                    del open_ids[key]
    for name, uses in wanted.items():
        if name not in texts:
            continue  # no such bookmark: Word shows "Error! Reference source not found." on update
        target = " ".join("".join(texts[name]).split())
        for shown, index, switches in uses:
            stored = " ".join(shown.split())
            same = name not in cut and (
                stored.casefold() == target.casefold() if _CASE_SWITCH.search(switches) else stored == target
            )
            if not same:
                out.append(
                    (
                        f"a cross-reference field (REF {name}) shows {quote(stored)} as stored, but its"
                        f" bookmark holds {quote(target + (' …' if name in cut else ''))}: Word shows the"
                        " stored text until its fields are updated, LibreOffice's PDF the bookmark's;"
                        " compared as stored",
                        index,
                    )
                )
    return sorted(out, key=lambda said: said[1])


def _computed_notes(computed: list[tuple[str, str, int]]) -> list[tuple[str, int]]:
    """One note for the fields Word computes on the page (`computed`: kind, stored result,
    paragraph) of each run of paragraphs in a row (a table of contents' page numbers: one)."""
    out: list[tuple[str, int]] = []
    start = 0
    for end in range(1, len(computed) + 1):
        if end < len(computed) and computed[end][2] - computed[end - 1][2] <= 1:
            continue
        group = computed[start:end]
        kinds = list(dict.fromkeys(kind for kind, _, _ in group))
        first, last = group[0][2], group[-1][2]
        stored = ", ".join(quote(shown) for _, shown, _ in group[:3]) + (", …" if len(group) > 3 else "")
        where = f" (in paragraphs {first}–{last})" if last > first else ""
        out.append(
            (
                f"{'a ' if len(group) == 1 else f'{len(group)} '}{'/'.join(kinds)} field{'s' if len(group) > 1 else ''}"
                f"{where} whose result Word computes where it shows the page, stored as {stored}: compared"
                " as stored, so another save of the same text may show as a change here (LibreOffice's"
                " PDF shows its own)",
                first,
            )
        )
        start = end
    return out
