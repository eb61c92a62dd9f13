"""The deception suite (issue 13 item 1): a draft that shows one text and hides another.

Each case is an old and a new DOCX built here from raw WordprocessingML. In the *visible*
cases the new file puts a changed word ("shall" → "may", 600,000 → 800,000, a place name)
where Word and LibreOffice display it but a naive reader does not look (the chosen branch of
`mc:AlternateContent`, `w:sym`, text boxes, ruby, Strict-namespace runs, content controls,
field results, a footnote, an imported chunk, an image) or keeps the old word in the file
hidden by a style: `draftkit diff` must report the change. In the *hidden* cases only text
nobody sees changes: draftkit must not report a visible change, and must name the hidden
text on stderr.

LibreOffice is the oracle of what is visible: each file is exported to PDF (its text export
prints hidden text and leaves out text boxes and footnotes, so it cannot serve) and the
PDF's text checked — the new word is on the page, the old one is not; for the hidden cases,
old and new pages read the same.
"""

from __future__ import annotations

import hashlib
import json
import struct
import subprocess
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.fixtures.docx import make_fixtures as fx
from tests.fixtures.docx.word_probes import Doc as ProbeDoc
from tests.hostile.helpers import cli

STRICT = fx.STRICT_W_NS
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NUMBERING = fx.numbering_xml(fx.abstract(1, fx.lvl(0, "decimal", "Article %1")) + fx.num(1, 1))
HEADING = fx.np("Withdrawal of forces", 1, 0)


def sentence(modal: str = "shall", number: str = "600,000", place: str = "Kessel Valley") -> str:
    return f"The Parties {modal} withdraw {number} troops from the {place}."


def styles(extra: str = "", defaults: str = "") -> str:
    """styles.xml with a hiding character style 'Hid' and paragraph style 'HidP'."""
    return fx.styles_xml(
        f"<w:docDefaults><w:rPrDefault><w:rPr>{defaults}</w:rPr></w:rPrDefault></w:docDefaults>"
        + fx.style("Normal", "Normal", default=True)
        + '<w:style w:type="character" w:styleId="Hid"><w:name w:val="Hid"/><w:rPr><w:vanish/></w:rPr></w:style>'
        + '<w:style w:type="paragraph" w:styleId="HidP"><w:name w:val="HidP"/><w:rPr><w:vanish/></w:rPr></w:style>'
        + extra
    )


def png(colour: tuple[int, int, int]) -> bytes:
    """A 4x4 PNG of one colour (made here: no binary fixture)."""
    raw = b"".join(b"\x00" + bytes(colour) * 4 for _ in range(4))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def Doc(body: str, **kw: Any) -> ProbeDoc:
    """One DOCX to build (tests.fixtures.docx.word_probes' builder) with this module's
    one-level numbering: body, styles, notes, extra related parts."""
    return ProbeDoc(body, numbering=NUMBERING, **kw)


def notes(kind: str, text: str) -> str:
    """footnotes.xml or endnotes.xml with separators and note 1."""
    tag = kind[:-1]
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:{kind} {fx.NS_DECLS.format(w=fx.W_NS)}>"
        f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
        f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{tag}>'
        f'<w:{tag} w:id="1">{fx.p(f"<w:r><w:{tag}Ref/></w:r>" + fx.r(" " + text))}</w:{tag}></w:{kind}>'
    )


def article(content: str) -> str:
    """Article 1 with one paragraph of content."""
    return HEADING + fx.p(content)


def textbox_vml(text: str) -> str:
    return (
        '<w:r><w:pict><v:shape style="width:300pt;height:40pt"><v:textbox><w:txbxContent>'
        f"{fx.p(fx.r(text))}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )


def textbox_dml(chosen: str, fallback: str) -> str:
    """A DrawingML text box in mc:Choice (wps), an older VML box in mc:Fallback."""
    drawing = (
        '<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="3800000" cy="500000"/>'
        '<wp:docPr id="1" name="Box"/>'
        f'<a:graphic xmlns:a="{A}"><a:graphicData uri="{WPS}"><wps:wsp xmlns:wps="{WPS}"><wps:cNvSpPr txBox="1"/>'
        '<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="3800000" cy="500000"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{fx.p(fx.r(chosen))}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:inline></w:drawing>"
    )
    return (
        f'<w:r><mc:AlternateContent><mc:Choice xmlns:wps="{WPS}" Requires="wps">{drawing}</mc:Choice>'
        f"<mc:Fallback>{textbox_vml(fallback)[5:-6]}</mc:Fallback></mc:AlternateContent></w:r>"
    )


def image_run(rel_id: str) -> str:
    return (
        '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="400000" cy="400000"/>'
        f'<wp:docPr id="2" name="Map"/><a:graphic xmlns:a="{A}"><a:graphicData uri="{PIC}">'
        f'<pic:pic xmlns:pic="{PIC}"><pic:nvPicPr><pic:cNvPr id="2" name="map.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="400000" cy="400000"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing></w:r>"
    )


def sym(font: str, code: str) -> str:
    return f'<w:r><w:sym w:font="{font}" w:char="{code}"/></w:r>'


def ruby(base: str, annotation: str) -> str:
    return (
        '<w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="center"/><w:hps w:val="10"/><w:hpsRaise w:val="18"/>'
        '<w:hpsBaseText w:val="22"/><w:lid w:val="en-GB"/></w:rubyPr>'
        f"<w:rt>{fx.r(annotation)}</w:rt><w:rubyBase>{fx.r(base)}</w:rubyBase></w:ruby></w:r>"
    )


def modal_in(wrap: Callable[[str], str]) -> Callable[[str], str]:
    """The article sentence with its modal verb put inside a construct."""
    return lambda modal: article(
        fx.r("The Parties ") + wrap(modal) + fx.r(" withdraw 600,000 troops from the Kessel Valley.")
    )


@dataclass(frozen=True)
class Case:
    """Old and new file; `shown` is on the new page and `gone` is not (the oracle checks)."""

    name: str
    old: Doc
    new: Doc
    shown: str
    gone: str
    flagged: bool = True  # a risk rule fires (exit 1 with --fail-on low)
    images: bool = False  # the change is in an image: the oracle compares the PDF's images
    reported: str | None = None  # what draftkit's new text holds, when it is not `shown`


def _pair(name: str, make: Callable[[str], str], old: str, new: str, **kwargs: object) -> Case:
    doc_kwargs = {k: v for k, v in kwargs.items() if k in ("styles", "footnotes", "endnotes", "related")}
    case_kwargs = {k: v for k, v in kwargs.items() if k not in doc_kwargs}
    return Case(name, Doc(make(old), **doc_kwargs), Doc(make(new), **doc_kwargs), new, old, **case_kwargs)  # type: ignore[arg-type]


def _alternate(modal: str) -> str:
    # The Fallback keeps "shall" in both files: a reader of the fallback sees no change.
    return (
        '<mc:AlternateContent><mc:Choice Requires="w14">'
        f"{fx.r(modal)}</mc:Choice><mc:Fallback>{fx.r('shall')}</mc:Fallback></mc:AlternateContent>"
    )


def _strict_run(modal: str) -> str:
    return f'<s:r xmlns:s="{STRICT}"><s:t>{modal}</s:t></s:r>'


def _strict_paragraph(modal: str) -> str:
    return HEADING + f'<s:p xmlns:s="{STRICT}"><s:r><s:t>{sentence(modal)}</s:t></s:r></s:p>'


def _sym_digit(code: str) -> str:
    # The first digit of the number is a Symbol-font character (Symbol keeps ASCII digits).
    return article(
        fx.r("The Parties shall withdraw ")
        + sym("Symbol", code)
        + fx.r("00,000 troops from the Kessel Valley.")
    )


def _complex_field(number: str) -> str:
    field_run = fx.BEGIN + fx.instr(" DOCPROPERTY Troops ") + fx.SEPARATE + fx.r(number) + fx.END
    return article(fx.r("The Parties shall withdraw ") + field_run + fx.r(" troops from the Kessel Valley."))


def form_field(entries: tuple[str, ...] = (), chosen: int = 0, checked: bool | None = None) -> str:
    """A legacy form field (Word keeps no result: it draws the box or the chosen entry from
    w:ffData): a drop-down of `entries`, or a check box when `checked` is given."""
    if checked is not None:
        data = f'<w:checkBox><w:sizeAuto/><w:default w:val="{int(checked)}"/></w:checkBox>'
        kind = "FORMCHECKBOX"
    else:
        listed = "".join(f'<w:listEntry w:val="{e}"/>' for e in entries)
        data = f'<w:ddList><w:result w:val="{chosen}"/>{listed}</w:ddList>'
        kind = "FORMDROPDOWN"
    return (
        '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="F1"/><w:enabled/>'
        f'<w:calcOnExit w:val="0"/>{data}</w:ffData></w:fldChar></w:r>' + fx.instr(f" {kind} ") + fx.END
    )


def _footnote_doc(text: str) -> Doc:
    body = article(
        fx.r(sentence())
        + '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
    )
    return Doc(body, footnotes=notes("footnotes", text))


def _endnote_doc(text: str) -> Doc:
    body = article(fx.r(sentence()) + '<w:r><w:endnoteReference w:id="1"/></w:r>')
    return Doc(body, endnotes=notes("endnotes", text))


def _hidden_by_character_style(new: bool) -> Doc:
    # The new file keeps the old modal in the text, hidden by a character style.
    content = fx.r("The Parties ") + fx.r("shall", '<w:rStyle w:val="Hid"/>') + (fx.r(" may") if new else "")
    if not new:
        content = fx.r("The Parties shall")
    return Doc(article(content + fx.r(" withdraw 600,000 troops from the Kessel Valley.")), styles=styles())


def _hidden_by_paragraph_style(new: bool) -> Doc:
    old_paragraph = fx.p(fx.r(sentence()), '<w:pStyle w:val="HidP"/>' if new else "")
    shown = fx.p(fx.r(sentence("may"))) if new else ""
    return Doc(HEADING + old_paragraph + shown, styles=styles())


def _hidden_by_defaults(new: bool) -> Doc:
    # Every run is hidden by the document defaults unless it turns vanish off itself.
    off = '<w:vanish w:val="0"/>'
    if new:
        content = (
            fx.r("The Parties ", off)
            + fx.r("shall ")
            + fx.r("may ", off)
            + fx.r("withdraw 600,000 troops from the Kessel Valley.", off)
        )
    else:
        content = fx.r(sentence(), off)
    return Doc(
        HEADING.replace("<w:r>", f"<w:r><w:rPr>{off}</w:rPr>", 1) + fx.p(content),
        styles=styles(defaults="<w:vanish/>"),
    )


def _image_doc(colour: tuple[int, int, int]) -> Doc:
    body = article(fx.r(sentence()) + image_run("rIdImg"))
    return Doc(body, related=(("rIdImg", f"{REL}/image", "media/map.png", png(colour)),))


def _alt_chunk_doc(new: bool) -> Doc:
    if not new:
        return Doc(article(fx.r(sentence())))
    html = f"<html><body><p>{sentence('may', '800,000', 'Drava Corridor')}</p></body></html>"
    return Doc(
        article(fx.r(sentence())) + '<w:altChunk r:id="rIdChunk"/>',
        related=(("rIdChunk", f"{REL}/aFChunk", "chunk.htm", html),),
    )


VISIBLE_CASES = [
    _pair("mc-choice", modal_in(_alternate), "shall", "may"),
    _pair(
        "dml-textbox-in-choice",
        lambda m: article(fx.r("See the box.") + textbox_dml(sentence(m), sentence())),
        "shall",
        "may",
    ),
    _pair("vml-textbox", lambda m: article(fx.r("See the box.") + textbox_vml(sentence(m))), "shall", "may"),
    _pair("sym", _sym_digit, "F036", "F038"),
    _pair(
        "ruby-base",
        lambda place: article(
            fx.r("The Parties shall withdraw 600,000 troops from the ")
            + ruby(place, "the valley")
            + fx.r(".")
        ),
        "Kessel",
        "Drava",
    ),
    _pair("strict-run", modal_in(_strict_run), "shall", "may"),
    _pair("strict-paragraph", _strict_paragraph, "shall", "may"),
    _pair(
        "sdt-inline",
        modal_in(lambda m: f"<w:sdt><w:sdtPr/><w:sdtContent>{fx.r(m)}</w:sdtContent></w:sdt>"),
        "shall",
        "may",
    ),
    _pair(
        "sdt-block",
        lambda m: (
            HEADING + f"<w:sdt><w:sdtPr/><w:sdtContent>{fx.p(fx.r(sentence(m)))}</w:sdtContent></w:sdt>"
        ),
        "shall",
        "may",
    ),
    _pair(
        "field-simple",
        lambda n: article(
            fx.r("The Parties shall withdraw ")
            + f'<w:fldSimple w:instr=" DOCPROPERTY Troops ">{fx.r(n)}</w:fldSimple>'
            + fx.r(" troops.")
        ),
        "600,000",
        "800,000",
    ),
    _pair("field-complex", _complex_field, "600,000", "800,000"),
    # A drop-down form field shows its chosen entry, which its field code does not hold.
    _pair(
        "form-dropdown",
        modal_in(lambda m: form_field(("shall", "may"), ("shall", "may").index(m))),
        "shall",
        "may",
    ),
    # A MACROBUTTON field keeps no result either: Word and LibreOffice show its display text.
    _pair(
        "macro-button",
        modal_in(lambda m: fx.BEGIN + fx.instr(f" MACROBUTTON NoMacro {m} ") + fx.END),
        "shall",
        "may",
    ),
    Case(
        "footnote",
        _footnote_doc("Party A reserves 50,000 troops."),
        _footnote_doc("Party A reserves 70,000 troops."),
        "70,000",
        "50,000",
    ),
    Case(
        "endnote",
        _endnote_doc("Subject to access to Lake Ostra."),
        _endnote_doc("Subject to access to the Drava Corridor."),
        "Drava",
        "Ostra",
    ),
    Case(
        "hidden-by-character-style",
        _hidden_by_character_style(False),
        _hidden_by_character_style(True),
        "may",
        "shall",
    ),
    Case(
        "hidden-by-paragraph-style",
        _hidden_by_paragraph_style(False),
        _hidden_by_paragraph_style(True),
        "may",
        "shall",
    ),
    # Word hides "shall" (docDefaults), LibreOffice 7.4 shows it: both words are compared.
    Case("hidden-by-defaults", _hidden_by_defaults(False), _hidden_by_defaults(True), "may", ""),
    Case(
        "image",
        _image_doc((200, 0, 0)),
        _image_doc((0, 0, 200)),
        "",
        "",
        flagged=False,
        images=True,
        reported=f"\u27e6image sha256:{hashlib.sha256(png((0, 0, 200))).hexdigest()[:8]}\u27e7",
    ),
    # Word (and LibreOffice) import the chunk on opening; draftkit names it and compares its hash.
    Case(
        "alt-chunk",
        _alt_chunk_doc(False),
        _alt_chunk_doc(True),
        "Drava",
        "",
        flagged=False,
        reported="\u27e6imported document sha256:",
    ),
]
# The symbol case's words on the page: the digit the w:sym shows.
SYM_SHOWN = {"F036": "600,000", "F038": "800,000"}


def _hidden_direct(note: str) -> Doc:
    return Doc(article(fx.r(sentence()) + fx.r(f" Drafting note: {note}.", "<w:vanish/>")))


def _hidden_style(note: str) -> Doc:
    return Doc(
        article(fx.r(sentence()) + fx.r(f" Drafting note: {note}.", '<w:rStyle w:val="Hid"/>')),
        styles=styles(),
    )


def _hidden_paragraph(note: str) -> Doc:
    return Doc(
        article(fx.r(sentence())) + fx.p(fx.r(f"Drafting note: {note}."), '<w:pStyle w:val="HidP"/>'),
        styles=styles(),
    )


def _hidden_defaults(note: str) -> Doc:
    off = '<w:vanish w:val="0"/>'
    return Doc(
        HEADING.replace("<w:r>", f"<w:r><w:rPr>{off}</w:rPr>", 1)
        + fx.p(fx.r(sentence(), off) + fx.r(f" Drafting note: {note}.")),
        styles=styles(defaults="<w:vanish/>"),
    )


HIDDEN_CASES = [
    (name, make("the Parties may withdraw 800,000 troops"), make("the Parties shall withdraw 600,000 troops"))
    for name, make in (
        ("direct-vanish", _hidden_direct),
        ("character-style", _hidden_style),
        ("paragraph-style", _hidden_paragraph),
    )
]
# Hidden by the document defaults: Word hides the note, LibreOffice shows it — disputed text,
# compared as visible and named on stderr.
DISPUTED = (
    _hidden_defaults("the Parties may withdraw 800,000 troops"),
    _hidden_defaults("the Parties shall withdraw 600,000 troops"),
)


# ---------------------------------------------------------------------------- draftkit


def _diff(tmp_path: Path, old: Doc, new: Doc, *args: str) -> tuple[int, dict[str, object], str]:
    old_path, new_path = old.build(tmp_path / "old.docx"), new.build(tmp_path / "new.docx")
    run = cli("diff", old_path, new_path, "--format", "json", *args)
    assert run.code in (0, 1), run.err
    return run.code, json.loads(run.out), run.err


@pytest.mark.parametrize("case", VISIBLE_CASES, ids=lambda c: c.name)
def test_a_visible_change_is_reported(case: Case, tmp_path: Path) -> None:
    code, report, _ = _diff(tmp_path, case.old, case.new, "--fail-on", "low")
    changes = [c for c in report["changes"] if c["kind"] != "unchanged"]  # type: ignore[union-attr, index]
    assert changes, f"{case.name}: draftkit saw no change"
    shown = case.reported or SYM_SHOWN.get(case.shown, case.shown)
    if shown:
        assert any(shown in (c["new_text"] or "") for c in changes), changes
    if case.flagged:
        assert code == 1, f"{case.name}: no flag raised for {changes}"


@pytest.mark.parametrize(("name", "old", "new"), HIDDEN_CASES, ids=[c[0] for c in HIDDEN_CASES])
def test_a_hidden_change_is_named_not_compared(name: str, old: Doc, new: Doc, tmp_path: Path) -> None:
    code, report, err = _diff(tmp_path, old, new, "--fail-on", "low")
    assert code == 0, report
    assert all(c["kind"] == "unchanged" for c in report["changes"])  # type: ignore[union-attr, index]
    assert "hidden text not compared: 'Drafting note: the Parties may withdraw 800,000 troops.'" in err
    assert "hidden text not compared: 'Drafting note: the Parties shall withdraw 600,000 troops.'" in err


def test_text_only_word_hides_is_compared_and_named(tmp_path: Path) -> None:
    code, report, err = _diff(tmp_path, *DISPUTED, "--fail-on", "low")
    assert code == 1
    assert any("600,000" in (c["new_text"] or "") for c in report["changes"])  # type: ignore[union-attr, index]
    assert (
        "text Word hides and LibreOffice shows, compared as visible: 'Drafting note: the Parties shall" in err
    )


def test_objects_are_named_on_stderr(tmp_path: Path) -> None:
    image = next(c for c in VISIBLE_CASES if c.name == "image")
    _, _, err = _diff(tmp_path, image.old, image.new)
    digest = hashlib.sha256(png((0, 0, 200))).hexdigest()[:8]
    assert (
        f"paragraph 2: an embedded image (sha256:{digest}): compared by its content hash, not as text" in err
    )
    chunk = next(c for c in VISIBLE_CASES if c.name == "alt-chunk")
    _, _, err = _diff(tmp_path, chunk.old, chunk.new)
    assert "(w:altChunk) that Word imports on opening: its text is not compared" in err


# ------------------------------------------------------------------ the LibreOffice oracle


def _image_streams(page: object) -> list[bytes]:
    """The raw streams of a PDF page's image XObjects (no Pillow needed)."""
    resources = page.get("/Resources") or {}  # type: ignore[attr-defined]
    xobjects = resources.get("/XObject") or {}
    found = []
    for ref in xobjects.values():
        obj = ref.get_object()
        if obj.get("/Subtype") == "/Image":
            found.append(obj.get_data())
    return found


@pytest.fixture(scope="module")
def rendered(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, list[str]]]:
    """Every file of the suite as LibreOffice lays it out: (page text, image hashes) by name."""
    folder = tmp_path_factory.mktemp("deception")
    sources: list[Path] = []
    for case in VISIBLE_CASES:
        sources += [
            case.old.build(folder / f"{case.name}.old.docx"),
            case.new.build(folder / f"{case.name}.new.docx"),
        ]
    for name, old, new in HIDDEN_CASES:
        sources += [
            old.build(folder / f"hidden-{name}.old.docx"),
            new.build(folder / f"hidden-{name}.new.docx"),
        ]
    sources.append(DISPUTED[1].build(folder / "disputed.new.docx"))
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{folder}/profile",
         "--convert-to", "pdf", "--outdir", str(folder), *map(str, sources)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    import pypdf

    out: dict[str, tuple[str, list[str]]] = {}
    for source in sources:
        reader = pypdf.PdfReader(source.with_suffix(".pdf"))
        text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
        images = [hashlib.sha256(data).hexdigest() for page in reader.pages for data in _image_streams(page)]
        out[source.name.removesuffix(".docx")] = (text, images)
    return out


@pytest.mark.office
@pytest.mark.parametrize("case", VISIBLE_CASES, ids=lambda c: c.name)
def test_libreoffice_shows_the_change(case: Case, rendered: dict[str, tuple[str, list[str]]]) -> None:
    old_text, old_images = rendered[f"{case.name}.old"]
    new_text, new_images = rendered[f"{case.name}.new"]
    if case.images:
        assert old_images and new_images and old_images != new_images
        return
    if case.name == "alt-chunk":
        # LibreOffice 7.4 does not import an HTML altChunk (Word does): no oracle to ask.
        assert "Drava" not in new_text
        return
    if case.name == "sym":
        # LibreOffice keeps the Symbol code point (U+F036); the glyph drawn is the digit.
        assert "\uf036" in old_text and "\uf038" in new_text and "\uf036" not in new_text
        return
    assert case.shown in new_text, new_text
    if case.gone:
        assert case.gone not in new_text.replace(case.shown, ""), new_text
        assert case.gone in old_text


@pytest.mark.office
@pytest.mark.parametrize("name", [c[0] for c in HIDDEN_CASES])
def test_libreoffice_shows_no_hidden_change(name: str, rendered: dict[str, tuple[str, list[str]]]) -> None:
    old_text, _ = rendered[f"hidden-{name}.old"]
    new_text, _ = rendered[f"hidden-{name}.new"]
    assert old_text == new_text
    assert "Drafting note" not in new_text


@pytest.mark.office
def test_libreoffice_shows_what_only_word_hides(rendered: dict[str, tuple[str, list[str]]]) -> None:
    text, _ = rendered["disputed.new"]
    assert "Drafting note: the Parties shall withdraw 600,000 troops." in text
