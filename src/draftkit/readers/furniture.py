"""What a file holds beside its body that draftkit does not compare: a Word file's page
headers, page footers and comments (docs/limits.md, "Not read"), a PDF's running headers and
footers (left out by readers.pdf). Never silent: where the two files of a pair differ there,
a note says so and shows how, so that "no changes" means no changes.

Takes the older draft (or, for a Word file, its path) and the newer draft of a pair
(`readers.pair`, each round against the one before it in `history`, each counter-proposal
against its base in `compare3`) and the view they were read in; `noted` gives the newer
draft with a `ReadWarning` (code `not-compared`, so `--strict` refuses the pair) where they
differ. A Word file's parts are read with the reader's limits and hardened parser, in the
draft's view (tracked insertions shown in the accept view, deletions in the original),
without the results of the fields Word computes when it shows the page (page numbers and
counts, the file name, the date: `PAGE_FIELDS`), which would differ between any two files —
every other field's last result (a DOCPROPERTY status, a REF) is compared, as are symbols
(`w:sym`) and a watermark's text (a VML text path); a PDF's are the texts
its reading left out (`Source.running`), page numbers never among them. Headers and footers
are compared as the sets of the texts the pages show (a first page's where `w:titlePg` gives
it its own, an even page's where the settings give them theirs, marked: `_page_texts`), whichever
section holds them; comments
as the multiset of theirs. Where one file of the pair is a Word file and the other a PDF, the
note also says what the Word file holds that a PDF shows elsewhere or otherwise: footnotes
and endnotes, pending tracked changes, text boxes, page headers and footers the PDF's text
holds; and
notes of their own on its equations (a PDF draws them), its list numbers in forms no text
shows as numbers ('00001|', 'First.'), its unnumbered headings nested by their heading
levels (a PDF shows a level only by its look) or read as text in the PDF, its table cells
the PDF's reader read as one line (no border between them), and its LISTNUM fields (numbers
LibreOffice does not show), each saying where the first stands.
"""

from __future__ import annotations

import itertools
import os
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from lxml import etree

from draftkit.errors import DraftkitError
from draftkit.limits import Limits
from draftkit.model import Draft, Location, Provision, ReadWarning
from draftkit.model.numbering import parse_label
from draftkit.model.placeholders import CLOSE, NOTE_KINDS, NoteKind, labelled_opening, note_opening
from draftkit.readers import STDIN_NAME
from draftkit.readers.docx_text import PAGE_FIELDS, choose_branch, symbol_text
from draftkit.readers.safezip import open_package

_KINDS = ("header", "footer", "comments")
_SHOWN_AT_MOST = 2  # texts quoted per side
_QUOTED_CHARS = 80


def noted(
    old: str | os.PathLike[str] | Draft, new: Draft, view: str, limits: Limits | None, *, said: bool = False
) -> Draft:
    """`new` with the note on the page headers, footers (and, for Word files, comments) in
    which its file and `old`'s differ, if they do; `said`: `new`'s warnings were reported as
    it was read, so the note is reported now (readers.report: the sink, `--strict`)."""
    source = new.source
    if source is None:
        return new
    limits = limits or Limits()
    note: ReadWarning | None = None
    if source.format == "docx":
        path = old if not isinstance(old, Draft) else old.source.path if old.source else None
        both = isinstance(old, Draft) and old.source is not None and old.source.format == "docx"
        if both and STDIN_NAME in (path, source.path):
            # Standard input is held only while it is read: its parts cannot be read again.
            note = ReadWarning(
                "not-compared",
                "the page headers, footers and comments were not compared: a Word file read from"
                " standard input is not kept to read them again (give it as a file)",
            )
        elif path is not None:
            note = furniture_note(path, source.path, view, limits)
    elif source.format == "pdf" and isinstance(old, Draft) and old.source and old.source.format == "pdf":
        note = _running_note(old.source.running, source.running)
    notes = tuple(n for n in (note, *_word_and_pdf_notes(old, new, view, limits)) if n is not None)
    if not notes:
        return new
    if said:
        from draftkit.readers import report

        report(replace(new, warnings=notes), limits, source.path)
    return replace(new, warnings=(*new.warnings, *notes))


# A revision in the main document part, whatever the namespace's prefix.
_REVISION = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:ins|del|moveFrom|moveTo)[\s/>]")
_TEXT_BOX = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?txbxContent[\s/>]")
# A LISTNUM field's instruction (in a w:instrText, or a w:fldSimple's instr attribute).
_LISTNUM = re.compile(rb"(?:>|instr=[\"'])\s*LISTNUM\b", re.IGNORECASE)
_PARAGRAPH = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?p[\s>]")


def _word_and_pdf_notes(old: object, new: Draft, view: str, limits: Limits) -> list[ReadWarning | None]:
    """Where one draft of a pair is a Word file and the other a PDF: what the Word file holds
    that a PDF shows elsewhere or otherwise, so that a difference there is not taken for a
    change of text — its footnotes and endnotes (read at their references in the Word file,
    where they are printed in a PDF), its pending tracked changes (read as accept-all; a
    PDF printed with the markup shows the deleted text too), and its page headers and
    footers that the PDF reader did not leave out as running lines (a document of one page:
    nothing repeats), read there as text, in one note; its equations (`_equations_note`),
    its list numbers no text shows as numbers (`_labels_note`) and its unnumbered headings
    nested by heading level (`_headings_note`), each located at the first."""
    if not isinstance(old, Draft) or old.source is None or new.source is None:
        return []
    formats = {old.source.format: old, new.source.format: new}
    word, pdf = formats.get("docx"), formats.get("pdf")
    if word is None or pdf is None or word.source is None:
        return []
    names = (Path(word.source.path).name, Path(pdf.source.path).name if pdf.source else "the PDF")
    pair = f"{names[0]} (Word) is compared with {names[1]} (PDF): "
    # A note goes on the newer draft: located there only when that is the Word file.
    located = word is new
    held = _held(Path(word.source.path), limits) if word.source.path != STDIN_NAME else {}
    return [
        _word_and_pdf_note(word, pdf, view, limits, pair, held),
        _equations_note(word, pair, located),
        _labels_note(word, pair, located),
        _headings_note(word, pair, located),
        _plain_headings_note(word, pdf, pair, located),
        _cells_note(word, pdf, pair, located),
        _listnum_note(pair, located, held),
    ]


def _first(provision: Provision, located: bool) -> tuple[str, Location | None]:
    """Where a note's first instance stands: said in its text, and its location where the
    note is on the Word file (the newer draft)."""
    where = provision.location
    return (f", first at {where.describe()} of the Word file" if where else ""), (where if located else None)


_FORMAT_NOT_TEXT = ": a difference there may be the format's, not the text's (docs/limits.md)"


def _equations_note(word: Draft, pair: str, located: bool) -> ReadWarning | None:
    """The Word file's equations are read as their text (`⟦equation: …⟧`); a PDF draws them
    (LibreOffice as shapes), its text layer holding none of them, or their signs apart."""
    opening = labelled_opening("equation")  # wherever it stands, a note's equation too
    found = [p for p in word.walk() if opening in p.text or opening in (p.heading or "")]
    if not found:
        return None
    first = found[0].text if opening in found[0].text else found[0].heading or ""
    shown = first[first.index(opening) :].split(CLOSE, 1)[0] + CLOSE
    where, location = _first(found[0], located)
    return ReadWarning(
        "not-compared",
        f"{pair}its equations ({len(found)} provision(s){where}: {_quoted([shown])}) are read as their"
        " text; a PDF draws them, and its text holds none of them or their signs apart" + _FORMAT_NOT_TEXT,
        location,
    )


def _labels_note(word: Draft, pair: str, located: bool) -> ReadWarning | None:
    """The Word file's list numbers that no text shows as a number ('00001|', 'First.'): the
    PDF's reader reads them as words of their provisions' text."""
    readable: dict[str, bool] = {}
    found = []
    for provision in word.walk():
        num = provision.num
        if num and num not in readable:
            label = parse_label(f"{num} The text.")  # as a line of text would start
            readable[num] = label is not None and label[0].num == num
        if num and not readable[num]:
            found.append(provision)
    if not found:
        return None
    forms = list(dict.fromkeys(p.num or "" for p in found))
    where, location = _first(found[0], located)
    return ReadWarning(
        "not-compared",
        f"{pair}its list numbers in forms no text shows as a number ({_quoted(forms)}: {len(found)}"
        f" provision(s){where}) are Word's; the PDF's reader reads them as words of the text"
        + _FORMAT_NOT_TEXT,
        location,
    )


def _headings_note(word: Draft, pair: str, located: bool) -> ReadWarning | None:
    """The Word file's unnumbered headings nested under others by their heading levels
    (Heading 2 under Heading 1): a PDF shows the levels only by the headings' look, which its
    reader does not weigh, so it sets them side by side (a move where nothing moved)."""
    found: list[Provision] = []
    stack = [(p, False) for p in reversed(word.provisions)]
    while stack:
        provision, under_heading = stack.pop()
        heading = provision.num is None and provision.heading is not None
        if heading and under_heading:
            found.append(provision)
        stack.extend((child, heading) for child in reversed(provision.children))
    if not found:
        return None
    where, location = _first(found[0], located)
    return ReadWarning(
        "not-compared",
        f"{pair}its unnumbered headings nest by their Word heading levels ({len(found)} under another"
        f"{where}: {_quoted([found[0].heading or ''])}); a PDF shows those levels only by the headings'"
        " look, and its reader sets them side by side" + _FORMAT_NOT_TEXT,
        location,
    )


def _plain_headings_note(word: Draft, pdf: Draft, pair: str, located: bool) -> ReadWarning | None:
    """The Word file's unnumbered headings (Word's heading styles) that the PDF's reading
    holds as text, not as a heading: the PDF shows a heading only by its look, and its reader takes a
    line for one only when it is short, opens with a capital, ends without a stop and comes
    before a paragraph (a heading alone, '[项目名称]', 'Video provides … point.' are text)."""
    shown = {" ".join(p.heading.split()) for p in pdf.walk() if p.heading}
    texts = "\n".join(
        " ".join(t.split()) for t in (pdf.title or "", *pdf.preamble, *(p.text for p in pdf.walk()))
    )
    found = [
        p
        for p in word.walk()
        if p.num is None
        and p.heading
        and (heading := " ".join(p.heading.split())) not in shown
        and heading in texts
    ]
    if not found:
        return None
    where, location = _first(found[0], located)
    return ReadWarning(
        "not-compared",
        f"{pair}its unnumbered headings ({len(found)}{where}: {_quoted([found[0].heading or ''])}) are"
        " read as text in the PDF: a PDF shows a heading only by its look, which its reader does not"
        " weigh" + _FORMAT_NOT_TEXT,
        location,
    )


def _cells_note(word: Draft, pdf: Draft, pair: str, located: bool) -> ReadWarning | None:
    """Two neighbouring cells of a row of the Word file's tables (paragraphs of their own)
    whose texts, one after the other, open a provision (or the title, or a paragraph of the
    preamble) of the PDF's reading and no provision of the Word file's: cells the PDF shows close together, with no border between them, that its
    reader read as one line ('NAME:' | 'Eric White', 'a' | 'b' | 'c')."""
    starts = [" ".join(t.split()) for t in (pdf.title or "", *pdf.preamble)] + [_whole(p) for p in pdf.walk()]
    own = {_whole(p) for p in word.walk()}
    cells = [p for p in word.walk() if p.location is not None and p.location.cell is not None]
    found = []
    for a, b in itertools.pairwise(cells):
        assert a.location is not None and b.location is not None and a.location.cell and b.location.cell
        if a.location.cell[:2] != b.location.cell[:2] or a.location.cell[2] == b.location.cell[2]:
            continue  # not two cells of one row
        both = f"{_whole(a)} {_whole(b)}"
        if any(text.startswith(both) for text in starts) and not any(text.startswith(both) for text in own):
            found.append((a, both))
    if not found:
        return None
    where, location = _first(found[0][0], located)
    return ReadWarning(
        "not-compared",
        f"{pair}its table cells are paragraphs of their own; where the PDF shows cells of a row close"
        f" together, with no border between them, its reader reads them as one line ({len(found)}"
        f" pair(s) of cells{where}: {_quoted([found[0][1]])})" + _FORMAT_NOT_TEXT,
        location,
    )


def _whole(provision: Provision) -> str:
    return " ".join(" ".join(filter(None, (provision.num, provision.heading, provision.text))).split())


def _listnum_note(pair: str, located: bool, held: dict[str, tuple[int, int]]) -> ReadWarning | None:
    """The Word file's LISTNUM fields (`held`: see `_held`): read as the numbers Word shows;
    LibreOffice shows none (Open-Xml-PowerTools' HC048 and RP026: '(a)', '1)' read in the
    Word file, not in its PDF)."""
    if "LISTNUM" not in held:
        return None
    count, paragraph = held["LISTNUM"]
    return ReadWarning(
        "not-compared",
        f"{pair}its LISTNUM fields ({count}, first at paragraph {paragraph} of the Word file) are read as the"
        " numbers Word shows; LibreOffice shows none, so a PDF it made holds no number there"
        + _FORMAT_NOT_TEXT,
        Location(paragraph=paragraph) if located else None,
    )


def _notes(texts: list[str], kind: NoteKind) -> int:
    """How many notes of `kind` the texts hold, set back at their calls."""
    opening = note_opening(kind)
    return sum(t.count(opening) for t in texts)


def _word_and_pdf_note(
    word: Draft, pdf: Draft, view: str, limits: Limits, pair: str, held: dict[str, tuple[int, int]]
) -> ReadWarning | None:
    """The one note on the Word file's notes, tracked changes and printed headers and footers."""
    assert word.source is not None
    said = []
    texts = [word.title or "", *word.preamble, *(p.text for p in word.walk())]
    in_pdf = [pdf.title or "", *pdf.preamble, *(p.text for p in pdf.walk())]
    # Notes the PDF reader set back at their calls (readers.pdf_footnotes) read as the Word
    # file's do: said only where it found fewer.
    notes = [f"{kind}s" for kind in NOTE_KINDS if _notes(texts, kind) > _notes(in_pdf, kind)]
    if notes:
        said.append(
            f"its {' and '.join(notes)} are read in its text, at their references; the PDF prints them at the foot"
            " of the page or at the end, where they are read as text of their own"
        )
    shown = "deleted" if view != "original" else "inserted"
    if any(w.code == "tracked-changes" for w in word.warnings):
        # Its own note (readers.docx_tracked) says how many and how they were read: not twice.
        said.append(
            f"a PDF printed with the markup of its pending tracked changes shows the {shown} text as well"
        )
    elif "revisions" in held:
        said.append(
            "it holds pending tracked changes, read as accepted (--view original: rejected); a PDF printed"
            f" with its markup shows the {shown} text as well"
        )
    if "text boxes" in held:
        said.append(
            "its text boxes are read as paragraphs of their own after the paragraph that holds them; a PDF"
            " shows their text where the box stands, beside or among the lines around it"
        )
    printed = _printed_furniture(word, pdf, view, limits)
    if printed:
        said.append(
            f"its page headers and footers ({_quoted(printed)}) are not read, and the PDF reader read them as"
            " text where they do not repeat on most pages"
        )
    if not said:
        return None
    return ReadWarning("not-compared", pair + "; ".join(said) + _FORMAT_NOT_TEXT)


_FURNITURE_WORDS = frozenset({"page", "of", "seite", "von", "página", "de", "sur"})


def _printed_furniture(word: Draft, pdf: Draft, view: str, limits: Limits) -> list[str]:
    """The Word file's page header and footer texts with words of their own (not "Page of",
    what is left of a page-number footer without its fields) that the PDF's running lines
    left out do not hold."""
    if word.source is None or pdf.source is None or word.source.path == STDIN_NAME:
        return []
    try:
        texts = _texts(Path(word.source.path), view, limits)
    except (DraftkitError, OSError, ValueError, etree.LxmlError):
        return []
    running = pdf.source.running
    return [
        text
        for kind in ("header", "footer")
        for text in map(_bare, texts[kind])
        if text != _NONE
        and any(len(w) > 2 and w.lower() not in _FURNITURE_WORDS for w in re.findall(r"\w+", text))
        and not any(line in text or text in line for line in running)
    ]


def _held(path: Path, limits: Limits) -> dict[str, tuple[int, int]]:
    """What of "revisions" (tracked changes), "text boxes" and "LISTNUM" fields a Word file's
    main document part holds, each with how many and the paragraph of the first (its `w:p`
    counted from 1, as the DOCX reader locates it); nothing where it cannot be read again."""
    try:
        with open_package(path, max_bytes=limits.max_bytes, max_unpacked=limits.max_unpacked) as package:
            data = package.read(package.main_document_part())
    except (DraftkitError, OSError, ValueError):
        return {}
    held = {}
    for name, mark in (("revisions", _REVISION), ("text boxes", _TEXT_BOX), ("LISTNUM", _LISTNUM)):
        found = mark.search(data)
        if found is not None:
            held[name] = (len(mark.findall(data)), len(_PARAGRAPH.findall(data, 0, found.start())))
    return held


def _running_note(before: tuple[str, ...], after: tuple[str, ...]) -> ReadWarning | None:
    """Where two PDFs' running headers and footers differ: what each has that the other has not."""
    gone, came = sorted(set(before) - set(after)), sorted(set(after) - set(before))
    if not gone and not came:
        return None
    return ReadWarning(
        "not-compared",
        f"the running page headers and footers differ ({_quoted(gone)} → {_quoted(came)}): draftkit"
        " compares the body's text, not these (docs/limits.md)",
    )


def furniture_note(
    old: str | os.PathLike[str], new: str | os.PathLike[str], view: str, limits: Limits
) -> ReadWarning | None:
    """A note on the page headers, footers and comments in which two DOCX files differ; None
    where they do not, or where either is not a Word package (nothing to hold them)."""
    paths = Path(old), Path(new)
    if not all(_is_package(path) for path in paths):
        return None
    try:
        before, after = (_texts(path, view, limits) for path in paths)
    except (DraftkitError, OSError, ValueError, etree.LxmlError) as exc:
        return ReadWarning(
            "not-compared",
            f"the page headers, footers and comments could not be read to tell whether they differ ({exc})",
        )
    said: list[str] = []
    for kind, name in (("header", "page headers"), ("footer", "page footers")):
        gone = sorted(set(before[kind]) - set(after[kind]))
        came = sorted(set(after[kind]) - set(before[kind]))
        if gone or came:
            said.append(f"the {name} differ ({_quoted(gone)} → {_quoted(came)})")
    if Counter(before["comments"]) != Counter(after["comments"]):
        came = sorted((Counter(after["comments"]) - Counter(before["comments"])).elements())
        shown = f"; new: {_quoted(came)}" if came else ""
        counts = f"{len(before['comments'])} in the old file, {len(after['comments'])} in the new"
        said.append(f"the Word comments differ ({counts}{shown})")
    if not said:
        return None
    return ReadWarning(
        "not-compared", "; ".join(said) + ": draftkit compares the body's text, not these (docs/limits.md)"
    )


def _is_package(path: Path) -> bool:
    """Whether the file is a Word package (a zip the readers take for a DOCX, not an ODT)."""
    from draftkit.readers import sniff

    try:
        with path.open("rb") as handle:
            head = handle.read(128)
        return head.startswith(b"PK\x03\x04") and sniff(head, path) == "docx"
    except (OSError, DraftkitError):
        return False


def _quoted(texts: list[str]) -> str:
    if not texts:
        return "none"
    shown = [
        repr(t if len(t) <= _QUOTED_CHARS else t[: _QUOTED_CHARS - 1] + "…") for t in texts[:_SHOWN_AT_MOST]
    ]
    more = len(texts) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more else "")


def _texts(path: Path, view: str, limits: Limits) -> dict[str, list[str]]:
    """Each kind's texts in the file: the page headers and footers its sections show
    (`_page_texts`), one per comment."""
    out: dict[str, list[str]] = {kind: [] for kind in _KINDS}
    hidden = {"del", "moveFrom"} if view == "accept" else {"ins", "moveTo"}
    with open_package(path, max_bytes=limits.max_bytes, max_unpacked=limits.max_unpacked) as package:
        main = package.main_document_part()
        targets: dict[str, str] = {}  # relationship id → header or footer part
        seen: set[str] = set()
        for rel in package.relationships(main):
            if rel.kind not in _KINDS or rel.external or not package.has(rel.target):
                continue
            if rel.kind != "comments":
                targets[rel.rel_id] = rel.target
            elif rel.target not in seen:
                seen.add(rel.target)
                root = package.parse_part(rel.target)
                out["comments"].extend(_text(comment, hidden) for comment in root.iter("{*}comment"))
        if targets:
            settings = package.related_part(main, "settings")
            even = settings is not None and _switched_on(package.parse_part(settings), "evenAndOddHeaders")
            read: dict[str, str] = {}

            def text_of(target: str | None) -> str:
                if target is None:
                    return ""
                if target not in read:
                    read[target] = _text(package.parse_part(target), hidden)
                return read[target]

            for kind, texts in _page_texts(package.parse_part(main), targets, even, text_of).items():
                out[kind] = texts
    return out


_PAGES = (("first", "first page: "), ("even", "even pages: "))
_NONE = "(none)"


def _page_texts(
    document: etree._Element, targets: dict[str, str], even: bool, text_of: Callable[[str | None], str]
) -> dict[str, list[str]]:
    """The page headers and footers Word shows, section by section: a section's own
    reference of each type (default, first, even), else the one of the section before; the
    first page's only where the section sets `w:titlePg` (without a first-page header of its
    own or before, the first page has none), the even pages' only where the settings set
    `w:evenAndOddHeaders`. Each kind's texts in order, once each: the default ones as they
    are, a first or even page's where it differs from the section's default, marked so
    ('first page: Cover', 'first page: (none)') — switching the first page's header on or
    off is a difference only where what the page shows changes."""
    out: dict[str, list[str]] = {"header": [], "footer": []}
    current: dict[tuple[str, str], str | None] = {}
    for section in document.iter("{*}sectPr"):
        if etree.QName(section.getparent()).localname == "sectPrChange":
            continue  # the properties before a tracked change: not what the page shows
        for ref in section:
            name = etree.QName(ref).localname if isinstance(ref.tag, str) else ""
            if name in ("headerReference", "footerReference"):
                kind = name[: -len("Reference")]
                page = _attribute(ref, "type") or "default"
                current[(kind, page)] = targets.get(_attribute(ref, "id") or "")
        title = _switched_on(section, "titlePg")
        for kind, texts in out.items():
            default = text_of(current.get((kind, "default")))
            shown = [default] if default else []
            for page, mark in _PAGES:
                if (page == "first" and title) or (page == "even" and even):
                    text = text_of(current.get((kind, page)))
                    if text != default:
                        shown.append(mark + (text or _NONE))
            texts.extend(t for t in shown if t not in texts)
    return out


def _switched_on(element: etree._Element, name: str) -> bool:
    """Whether an on/off child element `name` (any namespace) is on."""
    found = next(element.iterchildren(f"{{*}}{name}"), None)
    if found is None:
        return False
    value = _attribute(found, "val") or "true"
    return value.strip().lower() not in ("false", "0", "off")


def _attribute(element: etree._Element, local: str) -> str | None:
    """An attribute's value by its local name, in whichever namespace."""
    suffix = "}" + local
    for key, value in element.attrib.items():
        if str(key).endswith(suffix):
            return str(value)
    return None


def _bare(text: str) -> str:
    """A page header's or footer's text without the page mark `_page_texts` gives it."""
    for _, mark in _PAGES:
        if text.startswith(mark):
            return text[len(mark) :]
    return text


_V_TEXTPATH = "{urn:schemas-microsoft-com:vml}textpath"


def _on_the_page(instruction: str) -> bool:
    """Whether a field instruction names a field Word computes on the page (`PAGE_FIELDS`)."""
    words = instruction.split()
    return bool(words) and words[0].upper() in PAGE_FIELDS


class _Field:
    """One open complex field: its instruction so far, whether its result has begun, and
    whether Word computes it on the page (itself, or a field nested in its instruction)."""

    __slots__ = ("instruction", "on_page", "result")

    def __init__(self) -> None:
        self.instruction: list[str] = []
        self.result = False
        self.on_page = False


def _text(element: etree._Element, hidden: set[str]) -> str:
    """The text shown of a part or comment, its paragraphs set apart by a space, without the
    runs of revisions `hidden` in the view or the results of fields Word computes on the page
    (page numbers and counts, dates, the file name); field results otherwise, symbols and a
    watermark's (VML text path's) text included; white space squashed."""
    out: list[str] = []
    fields: list[_Field] = []
    for node in _shown(element, hidden):
        name = etree.QName(node).localname
        ns = etree.QName(node).namespace
        if name == "fldChar":
            kind = node.get(f"{{{ns}}}fldCharType")
            if kind == "begin":
                fields.append(_Field())
            elif kind == "separate" and fields and not fields[-1].result:
                fields[-1].result = True
                fields[-1].on_page = fields[-1].on_page or _on_the_page("".join(fields[-1].instruction))
            elif kind == "end" and fields:
                done = fields.pop()
                done.on_page = done.on_page or _on_the_page("".join(done.instruction))
                if fields and not fields[-1].result and done.on_page:
                    fields[-1].on_page = True  # { = { PAGE } + 1 } is computed on the page too
            continue
        if name in ("instrText", "delInstrText"):
            if fields and not fields[-1].result:
                fields[-1].instruction.append(node.text or "")
            continue
        if fields and (not fields[-1].result or any(f.on_page for f in fields)):
            continue  # an instruction, or a result Word computes on the page
        if name in ("t", "delText"):
            out.append(node.text or "")
        elif name == "sym":
            out.append(symbol_text(node.get(f"{{{ns}}}font"), node.get(f"{{{ns}}}char")))
        elif node.tag == _V_TEXTPATH:
            out.append(f" {node.get('string') or ''} ")
        elif name in ("p", "tab", "ptab", "br", "cr"):
            out.append(" ")
        elif name == "noBreakHyphen":
            out.append("-")
    return " ".join("".join(out).split())


def _shown(element: etree._Element, hidden: set[str]) -> list[etree._Element]:
    """`element`'s descendants in document order, but those inside a hidden revision, a
    simple field Word computes on the page, or an alternate content's branch not shown."""
    found: list[etree._Element] = []
    stack = list(reversed(element))
    while stack:
        node = stack.pop()
        if not isinstance(node.tag, str):
            continue
        name = etree.QName(node).localname
        if name in hidden:
            continue
        if name == "fldSimple" and _on_the_page(node.get(f"{{{etree.QName(node).namespace}}}instr") or ""):
            continue
        if name == "AlternateContent":
            chosen = choose_branch(node)
            if chosen is not None:
                stack.extend(reversed(chosen))
            continue
        found.append(node)
        stack.extend(reversed(node))
    return found
