"""The DOCX rendering model: notes, hidden-text resolution, w:sym, mc:AlternateContent,
Strict names, objects (readers/docx_text.py and the walker in readers/docx.py)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from draftkit.readers.docx import read_docx_blocks
from draftkit.readers.docx_text import (
    Hiding,
    choose_branch,
    parse_visibility,
    symbol_text,
    unify_namespaces,
)
from tests.fixtures.docx import make_fixtures as fx
from tests.hostile.helpers import cli
from tests.hostile.test_deception import REL, Doc, form_field, notes, png

NUMBERING = fx.numbering_xml(fx.abstract(1, fx.lvl(0, "decimal", "Article %1")) + fx.num(1, 1))


def _texts(path: Path) -> list[tuple[int | None, str]]:
    return [(b.location.paragraph, b.text) for b in read_docx_blocks(path).blocks]


# ------------------------------------------------------------------------------ notes


def footnote_doc(*texts: str, body: str | None = None) -> Doc:
    """Footnotes 1..n, each referenced from one paragraph of Article 1."""
    items = "".join(
        f'<w:footnote w:id="{k}">{fx.p("<w:r><w:footnoteRef/></w:r>" + fx.r(" " + t))}</w:footnote>'
        for k, t in enumerate(texts, 1)
    )
    xml = notes("footnotes", "unused").replace('<w:footnote w:id="1">', f'{items}<w:footnote w:id="99">', 1)
    refs = "".join(
        fx.p(fx.r(f"Clause {k}.") + f'<w:r><w:footnoteReference w:id="{k}"/></w:r>')
        for k in range(1, len(texts) + 1)
    )
    return Doc(fx.np("Reservations", 1, 0) + (body if body is not None else refs), footnotes=xml)


def test_footnotes_read_at_their_reference(tmp_path: Path) -> None:
    path = footnote_doc("[Party A proposes: 90 days]", "Second note.").build(tmp_path / "f.docx")
    assert _texts(path) == [
        (1, "Reservations"),
        (2, "Clause 1. \u27e6Footnote: [Party A proposes: 90 days]\u27e7"),
        (3, "Clause 2. \u27e6Footnote: Second note.\u27e7"),
    ]


def test_footnote_text_is_part_of_the_provision_and_flagged(tmp_path: Path) -> None:
    old = footnote_doc("Second note.", "Second note.").build(tmp_path / "old.docx")
    new = footnote_doc("[Party A proposes: 90 days]", "Second note.").build(tmp_path / "new.docx")
    run = cli("diff", old, new, "--format", "json")
    changes = [c for c in json.loads(run.out)["changes"] if c["kind"] != "unchanged"]
    assert [c["new_cite"] for c in changes] == ["Clause 1"]  # "Clause 1." labels its paragraph
    assert any(f["rule"] == "brackets" for f in changes[0]["flags"]), changes[0]["flags"]


def test_endnote_and_hidden_text_inside_a_note(tmp_path: Path) -> None:
    endnotes = notes("endnotes", "Visible").replace(
        fx.r(" Visible"), fx.r(" Visible") + fx.r(" secret", "<w:vanish/>")
    )
    body = fx.np("Article", 1, 0) + fx.p(fx.r("Text") + '<w:r><w:endnoteReference w:id="1"/></w:r>')
    path = Doc(body, endnotes=endnotes).build(tmp_path / "e.docx")
    content = read_docx_blocks(path)
    assert content.blocks[1].text == "Text \u27e6Endnote: Visible\u27e7"
    assert [(w.location.paragraph, w.message) for w in content.warnings if w.location] == [
        (2, "in an endnote: hidden text not compared: 'secret'")
    ]


def test_missing_and_repeated_note_references_are_warned(tmp_path: Path) -> None:
    ref = '<w:r><w:footnoteReference w:id="1"/></w:r>'
    body = (
        fx.p(fx.r("A") + ref)
        + fx.p(fx.r("B") + ref)
        + fx.p(fx.r("C") + '<w:r><w:footnoteReference w:id="7"/></w:r>')
    )
    path = Doc(body, footnotes=notes("footnotes", "Note one.")).build(tmp_path / "r.docx")
    content = read_docx_blocks(path)
    assert [b.text for b in content.blocks] == ["A \u27e6Footnote: Note one.\u27e7", "B", "C"]
    messages = [w.describe("r.docx") for w in content.warnings]
    assert messages == [
        "r.docx: paragraph 2: a second reference to footnote '1': its text is read once",
        "r.docx: paragraph 3: a footnote reference to footnote '7', which the file does not hold",
    ]


# ------------------------------------------------------------------------ hidden text

STYLES = fx.styles_xml(
    "<w:docDefaults><w:rPrDefault><w:rPr/></w:rPrDefault></w:docDefaults>"
    + fx.style("Normal", "Normal", default=True)
    + '<w:style w:type="character" w:styleId="C"><w:name w:val="C"/><w:rPr><w:vanish/></w:rPr></w:style>'
    + '<w:style w:type="character" w:styleId="C2"><w:name w:val="C2"/><w:basedOn w:val="C"/></w:style>'
    + '<w:style w:type="character" w:styleId="Coff"><w:name w:val="Coff"/><w:basedOn w:val="C"/>'
    '<w:rPr><w:vanish w:val="0"/></w:rPr></w:style>'
    + '<w:style w:type="paragraph" w:styleId="P"><w:name w:val="P"/><w:rPr><w:vanish/></w:rPr></w:style>'
    + '<w:style w:type="character" w:styleId="S"><w:name w:val="S"/><w:rPr><w:specVanish/></w:rPr></w:style>'
)


@pytest.mark.parametrize(
    ("paragraph", "character", "vanish", "expected"),
    [
        (None, None, None, Hiding(False, False)),
        (None, "C", None, Hiding(True, True)),  # character style
        (None, "C2", None, Hiding(True, True)),  # inherited along basedOn
        (None, "Coff", None, Hiding(False, False)),  # nearest explicit value in the chain wins
        ("P", None, None, Hiding(True, True)),  # paragraph style
        ("P", "C", None, Hiding(False, True)),  # Word toggles twice; LibreOffice does not
        ("P", "Coff", None, Hiding(True, False)),  # false leaves Word's value; LibreOffice inherits
        (None, "C", False, Hiding(False, False)),  # direct formatting is absolute
        ("P", "C", True, Hiding(True, True)),
        (None, "S", None, Hiding(True, False)),  # specVanish: Word only
    ],
)
def test_visibility(
    paragraph: str | None, character: str | None, vanish: bool | None, expected: Hiding
) -> None:
    visibility = parse_visibility(etree.fromstring(STYLES.encode()))
    assert visibility.run(paragraph, character, vanish, None) == expected


def test_document_defaults_hide_in_word_only() -> None:
    styles = STYLES.replace("<w:rPrDefault><w:rPr/>", "<w:rPrDefault><w:rPr><w:vanish/></w:rPr>")
    visibility = parse_visibility(etree.fromstring(styles.encode()))
    assert visibility.run(None, None, None, None) == Hiding(True, False)
    assert visibility.run("P", None, None, None) == Hiding(False, True)  # toggled back on in Word
    assert visibility.run(None, None, False, None) == Hiding(False, False)


def test_tracked_formatting_change_hides_in_the_original_view(tmp_path: Path) -> None:
    rpr = '<w:vanish/><w:rPrChange w:id="5" w:author="x" w:date="2026-01-01T00:00:00Z"><w:rPr/></w:rPrChange>'
    path = fx.build_docx(tmp_path / "t.docx", fx.p(fx.r("Kept ") + fx.r("now hidden", rpr)))
    assert [b.text for b in read_docx_blocks(path, "accept").blocks] == ["Kept"]
    assert [b.text for b in read_docx_blocks(path, "original").blocks] == ["Kept now hidden"]


# ------------------------------------------------------------------ sym, mc, Strict names


@pytest.mark.parametrize(
    ("font", "code", "expected"),
    [
        ("Symbol", "F061", "\u03b1"),
        ("Symbol", "F0B3", "\u2265"),
        ("Symbol", "F038", "8"),
        ("Wingdings", "F0FC", "\u2713"),
        ("Wingdings", "F0FB", "\u2717"),
        ("Wingdings", "F021", "\uf021"),  # unknown: the code point itself
        ("Arial", "20AC", "\u20ac"),
        ("Symbol", "zz", ""),
        ("Symbol", "D800", ""),
        (None, None, ""),
        # Characters XML cannot hold: a draft's XML (parse --format xml, validate) failed on them.
        ("Arial", "0001", ""),
        ("Symbol", "001B", ""),
        ("Arial", "FFFE", ""),
        ("Wingdings", "FFFF", ""),
    ],
)
def test_symbol_text(font: str | None, code: str | None, expected: str) -> None:
    assert symbol_text(font, code) == expected


def _alternate(requires: str, extra_ns: str = "") -> etree._Element:
    return etree.fromstring(
        f'<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" {extra_ns}>'
        f'<mc:Choice Requires="{requires}"><c/></mc:Choice><mc:Fallback><f/></mc:Fallback></mc:AlternateContent>'
    )


def test_choose_branch() -> None:
    w14 = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
    unknown = 'xmlns:zz="urn:zz"'
    chosen = choose_branch(_alternate("w14", w14))
    assert chosen is not None and chosen[0].tag == "c"
    for requires, ns in (("zz", unknown), ("w14 zz", f"{w14} {unknown}"), ("undeclared", ""), ("", "")):
        fallback = choose_branch(_alternate(requires, ns))
        assert fallback is not None and fallback[0].tag == "f", requires


def test_unify_namespaces() -> None:
    root = etree.fromstring(
        f'<w:p xmlns:w="{fx.W_NS}" xmlns:s="{fx.STRICT_W_NS}"><s:r><s:t s:space="x">a</s:t></s:r></w:p>'
    )
    assert unify_namespaces(root, fx.W_NS) == 2
    assert [e.tag for e in root.iter()] == [f"{{{fx.W_NS}}}{n}" for n in ("p", "r", "t")]
    assert root[0][0].get(f"{{{fx.W_NS}}}space") == "x"


# ------------------------------------------------------------------------------ objects


def test_images_are_placeholders_with_their_hash(tmp_path: Path) -> None:
    from tests.hostile.test_deception import image_run

    image = png((10, 20, 30))
    body = (
        fx.np("Map", 1, 0)
        + fx.p(fx.r("See") + image_run("rIdImg") + fx.r("the map."))
        + fx.p(image_run("rIdX"))
    )
    doc = Doc(body, related=(("rIdImg", f"{REL}/image", "media/a.png", image),))
    content = read_docx_blocks(doc.build(tmp_path / "i.docx"))
    import hashlib

    digest = hashlib.sha256(image).hexdigest()[:8]
    assert [b.text for b in content.blocks] == [
        "Map",
        f"See \u27e6image sha256:{digest}\u27e7 the map.",
        "\u27e6image: missing\u27e7",
    ]
    assert [w.message for w in content.warnings] == [
        f"an embedded image (sha256:{digest}): compared by its content hash, not as text",
        "an image whose part is missing: compared by its content hash, not as text",
    ]


def test_unknown_graphic_is_named(tmp_path: Path) -> None:
    graphic = (
        '<w:r><w:drawing><wp:inline><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="urn:example:ink"><x/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
    )
    content = read_docx_blocks(fx.build_docx(tmp_path / "g.docx", fx.p(fx.r("Ink:") + graphic)))
    assert [b.text for b in content.blocks] == ["Ink: \u27e6object\u27e7"]
    assert (
        content.warnings[0].message == "an embedded object of a kind draftkit cannot read (urn:example:ink)"
    )


# ------------------------------------------------------------------------- form fields


def test_a_form_field_reads_as_word_draws_it(tmp_path: Path) -> None:
    """A check box or drop-down form field keeps no result: Word draws ☒/☐ or the chosen entry
    from its w:ffData. Before, both read as nothing, so a box unticked or another entry chosen
    was "no changes"."""
    checked = form_field(checked=True).replace('<w:default w:val="1"/>', '<w:default w:val="0"/><w:checked/>')
    body = fx.np("Consent", 1, 0) + "".join(
        fx.p(field + fx.r(" Party A accepts."))
        for field in (form_field(checked=True), form_field(checked=False), checked)
    )
    body += fx.p(fx.r("The Parties ") + form_field(("shall", "may", "will"), 2) + fx.r(" withdraw."))
    no_result = form_field(("shall", "may")).replace('<w:result w:val="0"/>', "")
    body += fx.p(fx.r("The Parties ") + no_result + fx.r(" withdraw."))
    path = Doc(body).build(tmp_path / "forms.docx")
    assert [text for _, text in _texts(path)][1:] == [
        "\u2612 Party A accepts.",
        "\u2610 Party A accepts.",
        "\u2612 Party A accepts.",
        "The Parties will withdraw.",
        "The Parties shall withdraw.",
    ]


def test_a_macro_button_reads_as_its_display_text(tmp_path: Path) -> None:
    """A MACROBUTTON field keeps no result: Word and LibreOffice show the display text of its
    instruction, '[Text]' in a letter template (Open-Xml-PowerTools' Letter files), which
    read as nothing; its instruction may be split over runs, or be a simple field's."""
    split = fx.BEGIN + fx.instr(" MACROBUTTON NN [") + fx.instr("Text") + fx.instr("]") + fx.END
    simple = '<w:fldSimple w:instr=" MACROBUTTON NoMacro [Click here and type the name] "/>'
    body = fx.np("Letter", 1, 0) + fx.p(split) + fx.p(fx.r("Dear ") + simple + fx.r(","))
    body += fx.p(fx.BEGIN + fx.instr(" MACROBUTTON NoMacro ") + fx.SEPARATE + fx.r("stored") + fx.END)
    path = Doc(body).build(tmp_path / "macro.docx")
    assert [text for _, text in _texts(path)][1:] == [
        "[Text]", "Dear [Click here and type the name],", "stored"
    ]  # fmt: skip


# ---------------------------------------------------------------------------- equations


@pytest.mark.parametrize(
    ("math", "shown"),
    [
        (
            "<m:f><m:num><m:r><m:t>1</m:t></m:r></m:num><m:den><m:r><m:t>2</m:t></m:r></m:den></m:f>",
            "(1)/(2)",
        ),
        ("<m:r><m:t>12</m:t></m:r>", "12"),
        (
            "<m:sSup><m:e><m:r><m:t>10</m:t></m:r></m:e><m:sup><m:r><m:t>3</m:t></m:r></m:sup></m:sSup>",
            "10^(3)",
        ),
        (
            "<m:sSub><m:e><m:r><m:t>x</m:t></m:r></m:e><m:sub><m:r><m:t>3</m:t></m:r></m:sub></m:sSub>",
            "x_(3)",
        ),
        (
            '<m:rad><m:radPr><m:degHide m:val="1"/></m:radPr><m:deg/><m:e><m:r><m:t>2</m:t></m:r></m:e></m:rad>',
            "√(2)",
        ),
        ("<m:rad><m:deg><m:r><m:t>3</m:t></m:r></m:deg><m:e><m:r><m:t>2</m:t></m:r></m:e></m:rad>", "√(3&2)"),
        (
            '<m:nary><m:naryPr><m:chr m:val="∏"/></m:naryPr><m:sub><m:r><m:t>i</m:t></m:r></m:sub><m:sup/>'
            "<m:e><m:r><m:t>x</m:t></m:r></m:e></m:nary>",
            "∏_(i)▒(x)",
        ),
        ("<m:nary><m:sub/><m:sup/><m:e><m:r><m:t>x</m:t></m:r></m:e></m:nary>", "∫▒(x)"),
        (
            '<m:d><m:dPr><m:begChr m:val="["/><m:endChr m:val="]"/></m:dPr>'
            "<m:e><m:r><m:t>a</m:t></m:r></m:e><m:e><m:r><m:t>b</m:t></m:r></m:e></m:d>",
            "[a|b]",
        ),
        ("<m:d><m:e><m:r><m:t>a</m:t></m:r></m:e></m:d>", "(a)"),
        ('<m:acc><m:accPr><m:chr m:val="̃"/></m:accPr><m:e><m:r><m:t>x</m:t></m:r></m:e></m:acc>', "x\u0303"),
        ('<m:bar><m:barPr><m:pos m:val="top"/></m:barPr><m:e><m:r><m:t>x</m:t></m:r></m:e></m:bar>', "¯(x)"),
        (
            "<m:m><m:mr><m:e><m:r><m:t>1</m:t></m:r></m:e><m:e><m:r><m:t>0</m:t></m:r></m:e></m:mr>"
            "<m:mr><m:e><m:r><m:t>0</m:t></m:r></m:e><m:e><m:r><m:t>1</m:t></m:r></m:e></m:mr></m:m>",
            "■(1&0@0&1)",
        ),
        (
            '<m:phant><m:phantPr><m:show m:val="0"/></m:phantPr><m:e><m:r><m:t>9</m:t></m:r></m:e></m:phant>'
            "<m:r><m:t>1</m:t></m:r>",
            "1",
        ),
    ],
)
def test_an_equation_reads_with_its_structure(tmp_path: Path, math: str, shown: str) -> None:
    """What an equation's layout shows is part of its text: ½ and 12, 10³ and 103, a sum and a
    product of the same terms differ (before, every equation read as its m:t joined: "12",
    "103", "x" — "no changes" where Word shows another value)."""
    path = Doc(fx.np("Shares", 1, 0) + fx.p(fx.r("The share is ") + f"<m:oMath>{math}</m:oMath>")).build(
        tmp_path / "m.docx"
    )
    assert _texts(path)[1] == (2, f"The share is \u27e6equation: {shown}\u27e7")


def test_an_equation_that_shows_no_character_reads_as_none(tmp_path: Path) -> None:
    """A bare structure (an empty fraction, as Word leaves one whose runs were deleted) is no
    text: no '⟦equation: ()/()⟧' placeholder."""
    math = "<m:f><m:num/><m:den><m:r><m:t></m:t></m:r></m:den></m:f>"
    path = Doc(fx.np("Shares", 1, 0) + fx.p(fx.r("The share is ") + f"<m:oMath>{math}</m:oMath>")).build(
        tmp_path / "m.docx"
    )
    assert _texts(path)[1] == (2, "The share is")


# ------------------------------------------------------------------ links and overrides


def _warnings(path: Path) -> list[str]:
    return [f"{w.location.paragraph}: {w.message}" for w in read_docx_blocks(path).warnings if w.location]


def test_a_subdocument_is_named_not_skipped(tmp_path: Path) -> None:
    """A master document's w:subDoc (Word shows the linked file's path, or its text in
    outline view) read as nothing: another subdocument linked in was "no changes" in silence."""
    body = fx.np("Annexes", 1, 0) + fx.p('<w:subDoc r:id="rIdSub"/>')
    built = Doc(body).build(tmp_path / "built.docx")
    path = tmp_path / "master.docx"
    link = (
        f'<Relationship Id="rIdSub" Type="{REL}/subDocument" Target="file:///drafts/annex-b.docx"'
        ' TargetMode="External"/></Relationships>'
    )
    with zipfile.ZipFile(built) as source, zipfile.ZipFile(path, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", link.encode())
            target.writestr(name, data)
    assert _warnings(path) == [
        "2: a linked subdocument (file:///drafts/annex-b.docx) outside the file (w:subDoc) that Word shows"
        " as a link, or its text in outline view: its text is not read or compared, and a redline written"
        " into this file leaves it out"
    ]


def test_a_right_to_left_override_on_digits_is_said(tmp_path: Path) -> None:
    """Word shows digits under a right-to-left override (w:bdo) reversed: '600,000' reads
    '000,006' on the page. Compared as stored, and said; Arabic under one shows as written."""
    body = fx.np("Withdrawal", 1, 0)
    for text, direction in (
        ("600,000", "rtl"),
        ("600,000", "ltr"),
        ("\u0627\u0644\u0642\u0648\u0627\u062a", "rtl"),
    ):
        body += fx.p(fx.r("The Parties shall withdraw ") + f'<w:bdo w:val="{direction}">{fx.r(text)}</w:bdo>')
    path = Doc(body).build(tmp_path / "bdo.docx")
    assert [text for _, text in _texts(path)][1] == "The Parties shall withdraw 600,000"
    assert _warnings(path) == [
        "2: text Word shows in reverse order (a right-to-left override, w:bdo), compared as stored: '600,000'"
    ]


# ------------------------------------------------------------------------- data binding

_STORE = "{11111111-2222-3333-4444-555555555555}"
_CORE = "{6C3C8BC8-F283-45AE-878A-BAB7291924A1}"


def _bound(store: str, xpath: str, prefixes: str, stored: str) -> str:
    return (
        f'<w:sdt><w:sdtPr><w:dataBinding w:prefixMappings="{prefixes}" w:xpath="{xpath}"'
        f' w:storeItemID="{store}"/><w:text/></w:sdtPr><w:sdtContent>{fx.r(stored)}</w:sdtContent></w:sdt>'
    )


def test_a_content_control_showing_its_bound_value_is_said(tmp_path: Path) -> None:
    """Word and LibreOffice show a data-bound content control's value from the document's
    custom XML (or its properties), not the text stored in it: a draft whose custom XML says
    800,000 shows 800,000 where its text says 600,000. Before, nothing was said."""
    item = '<?xml version="1.0"?><terms xmlns="urn:x-terms"><troops>800,000</troops></terms>'
    props = (
        f'<?xml version="1.0"?><ds:datastoreItem ds:itemID="{_STORE}" xmlns:ds="http://schemas.openxmlformats.org'
        '/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>'
    )
    item_rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/customXmlProps" Target="itemProps1.xml"/></Relationships>'
    )
    core = (
        "xmlns:ns0='http://purl.org/dc/elements/1.1/'"
        " xmlns:ns1='http://schemas.openxmlformats.org/package/2006/metadata/core-properties'"
    )
    body = fx.np("Withdrawal", 1, 0)
    body += fx.p(
        fx.r("The Parties shall withdraw ")
        + _bound(_STORE, "/ns0:terms[1]/ns0:troops[1]", "xmlns:ns0='urn:x-terms'", "600,000")
    )
    body += fx.p(
        fx.r("Agreed: ") + _bound(_STORE, "/ns0:terms[1]/ns0:troops[1]", "xmlns:ns0='urn:x-terms'", "800,000")
    )
    body += fx.p(_bound(_CORE, "/ns1:coreProperties[1]/ns0:title[1]", core, "Draft framework"))
    body += fx.p(_bound(_STORE, "/ns0:terms[1]/ns0:missing[1]", "xmlns:ns0='urn:x-terms'", "kept"))
    body += fx.p(_bound(_STORE, "/ns0:terms[", "xmlns:ns0='urn:x-terms'", "damaged path"))
    path = fx.build_docx(
        tmp_path / "bound.docx",
        body,
        numbering=NUMBERING,
        title="Agreed framework",
        extra_parts={
            "customXml/item1.xml": item,
            "customXml/itemProps1.xml": props,
            "customXml/_rels/item1.xml.rels": item_rels,
        },
    )
    assert [text for _, text in _texts(path)][1] == "The Parties shall withdraw 600,000"  # as stored
    assert _warnings(path) == [
        "2: a content control bound to the document's data (w:dataBinding) shows '800,000' in Word and"
        " LibreOffice; its stored text '600,000' is what is compared",
        "4: a content control bound to the document's data (w:dataBinding) shows 'Agreed framework' in Word"
        " and LibreOffice; its stored text 'Draft framework' is what is compared",
    ]


def test_text_struck_through_by_hand_is_named(tmp_path: Path) -> None:
    """A manual redline: words struck through (w:strike, w:dstrike) read to a negotiator as
    proposed for deletion, yet they are text. Compared as text, and said, located — so
    striking words out is never 'no changes' without a word."""
    body = (
        fx.np("Article", 1, 0)
        + fx.p(fx.r("The Parties ") + fx.r("shall withdraw", "<w:strike/>") + fx.r(" may withdraw forces."))
        + fx.p(fx.r("Monitors ") + fx.r("shall", '<w:dstrike w:val="1"/>') + fx.r(" report."))
        + fx.p(fx.r("Not struck ") + fx.r("at all", '<w:strike w:val="false"/>'))
    )
    content = read_docx_blocks(Doc(body).build(tmp_path / "m.docx"))
    assert content.blocks[1].text == "The Parties shall withdraw may withdraw forces."
    notes_of = [(w.code, w.location.paragraph if w.location else None, w.message) for w in content.warnings]
    assert notes_of == [
        (
            "not-compared",
            2,
            "text struck through (a deletion marked by hand?), compared as text: 'shall withdraw'",
        ),
        ("not-compared", 3, "text struck through (a deletion marked by hand?), compared as text: 'shall'"),
    ]


def test_striking_a_word_through_is_not_a_silent_no_change(tmp_path: Path) -> None:
    plain = fx.np("Article", 1, 0) + fx.p(fx.r("The Parties shall withdraw all forces."))
    struck = fx.np("Article", 1, 0) + fx.p(
        fx.r("The Parties shall withdraw ") + fx.r("all", "<w:strike/>") + fx.r(" forces.")
    )
    old, new = Doc(plain).build(tmp_path / "old.docx"), Doc(struck).build(tmp_path / "new.docx")
    done = cli("diff", str(old), str(new))
    assert done.code == 0 and "text struck through" in done.err and "'all'" in done.err


def test_superscript_digits_after_a_number_are_named(tmp_path: Path) -> None:
    """'10' then a superscript '3' shows 10³ (a thousand) and reads as '103'; '600,000' then a
    superscript footnote call '2' reads as '600,0002'. Said, located; a superscript call after
    a word ('troops²') is only a mark and is not."""
    body = (
        fx.np("Article", 1, 0)
        + fx.p(fx.r("Up to 10") + fx.r("3", '<w:vertAlign w:val="superscript"/>') + fx.r(" tonnes."))
        + fx.p(fx.r("The troops") + fx.r("2", '<w:vertAlign w:val="superscript"/>') + fx.r(" withdraw."))
        + fx.p(
            fx.r("H")
            + fx.r("2", '<w:vertAlign w:val="subscript"/>')
            + fx.r("O 5")
            + fx.r("th", '<w:vertAlign w:val="superscript"/>')
        )
    )
    content = read_docx_blocks(Doc(body).build(tmp_path / "s.docx"))
    assert content.blocks[1].text == "Up to 103 tonnes."
    notes_of = [(w.location.paragraph if w.location else None, w.message) for w in content.warnings]
    assert notes_of == [
        (
            2,
            "digits set as superscript after a number, compared as digits of it: shown 'Up to 10³', compared as 'Up to 103'",
        )
    ]


# ---------------------------------------------------------------- look set by styles

LOOK_STYLES = fx.styles_xml(
    fx.style("Normal", "Normal", default=True)
    + '<w:style w:type="paragraph" w:styleId="Caps"><w:name w:val="Caps"/><w:rPr><w:caps/></w:rPr></w:style>'
    + '<w:style w:type="paragraph" w:styleId="Caps2"><w:name w:val="Caps2"/><w:basedOn w:val="Caps"/></w:style>'
    + '<w:style w:type="character" w:styleId="Small"><w:name w:val="Small"/><w:rPr><w:smallCaps/></w:rPr></w:style>'
    + '<w:style w:type="character" w:styleId="CapsC"><w:name w:val="CapsC"/><w:rPr><w:caps/></w:rPr></w:style>'
    + '<w:style w:type="character" w:styleId="Struck"><w:name w:val="Struck"/><w:rPr><w:strike/></w:rPr></w:style>'
    + '<w:style w:type="paragraph" w:styleId="DStruck"><w:name w:val="DStruck"/><w:rPr><w:dstrike/></w:rPr></w:style>'
    + '<w:style w:type="character" w:styleId="Sup"><w:name w:val="Sup"/><w:basedOn w:val="Plain"/>'
    '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
    + '<w:style w:type="character" w:styleId="Plain"><w:name w:val="Plain"/></w:style>'
)


@pytest.mark.parametrize(
    ("paragraph", "character", "expected"),
    [
        (None, None, 0),
        ("Caps", None, 4),  # caps
        ("Caps2", None, 4),  # along basedOn
        (None, "Small", 16),  # smallCaps
        ("Caps", "CapsC", 4),  # turned on at two levels: Word flips it back, LibreOffice shows it
        ("DStruck", "Struck", 1 | 8),  # strike and dstrike, two properties
        (None, "Sup", 2),  # vertAlign superscript, inherited by nothing but its own chain
    ],
)
def test_look_resolved_through_styles(paragraph: str | None, character: str | None, expected: int) -> None:
    visibility = parse_visibility(etree.fromstring(LOOK_STYLES.encode()))
    assert visibility.look(paragraph, character) == expected
    assert not visibility.lookless and visibility.plain  # sets a look, hides nothing


def test_capitals_keep_the_stored_length() -> None:
    from draftkit.readers.docx_text import capitals

    assert capitals("Straße ǆ ﬁne") == "STRAẞE Ǆ ﬁNE"  # ẞ as LibreOffice shows it; ﬁ has no one capital
    assert capitals("Article 5") == "ARTICLE 5"


def test_caps_and_small_caps_read_as_word_shows_them(tmp_path: Path) -> None:
    """w:caps and w:smallCaps, directly or from a paragraph or character style, show capitals:
    read in capitals, as the document's own PDF reads, so formatting a heading in capitals and
    typing it in capitals read alike. Direct formatting turning caps off wins; a footnote's
    placeholder in a capitals paragraph keeps its own text."""
    body = (
        fx.p(fx.r("Article 1 general provisions"), '<w:pStyle w:val="Caps"/>')
        + fx.p(
            fx.r("The Parties ")
            + fx.r("shall", "<w:caps/>")
            + fx.r(" withdraw ")
            + fx.r("forces", '<w:rStyle w:val="Small"/>')
        )
        + fx.p(fx.r("Inherited ") + fx.r("but not here", '<w:caps w:val="0"/>'), '<w:pStyle w:val="Caps2"/>')
        + fx.p(fx.r("Clause 1.") + '<w:r><w:footnoteReference w:id="1"/></w:r>', '<w:pStyle w:val="Caps"/>')
    )
    xml = notes("footnotes", "a reservation")
    path = Doc(body, styles=LOOK_STYLES, footnotes=xml).build(tmp_path / "c.docx")
    assert [b.text for b in read_docx_blocks(path).blocks] == [
        "ARTICLE 1 GENERAL PROVISIONS",
        "The Parties SHALL withdraw FORCES",
        "INHERITED but not here",
        "CLAUSE 1. \u27e6Footnote: a reservation\u27e7",
    ]


def test_caps_formatting_and_typed_capitals_are_no_change(tmp_path: Path) -> None:
    typed = Doc(fx.np("Article", 1, 0) + fx.p(fx.r("THE PARTIES SHALL WITHDRAW.")), styles=LOOK_STYLES)
    formatted = Doc(
        fx.np("Article", 1, 0) + fx.p(fx.r("The Parties shall withdraw."), '<w:pStyle w:val="Caps"/>'),
        styles=LOOK_STYLES,
    )
    done = cli("diff", str(typed.build(tmp_path / "old.docx")), str(formatted.build(tmp_path / "new.docx")))
    assert done.code == 0 and "unchanged: 2  modified: 0" in done.out, done.out


def test_strike_and_superscript_from_a_style_are_named(tmp_path: Path) -> None:
    """Strike-through and superscript set by a character or paragraph style read to a
    negotiator as directly set ones do: the same reading notes."""
    body = (
        fx.np("Article", 1, 0)
        + fx.p(
            fx.r("The Parties ")
            + fx.r("shall withdraw", '<w:rStyle w:val="Struck"/>')
            + fx.r(" may withdraw.")
        )
        + fx.p(fx.r("Monitors shall report."), '<w:pStyle w:val="DStruck"/>')
        + fx.p(fx.r("Up to 10") + fx.r("3", '<w:rStyle w:val="Sup"/>') + fx.r(" tonnes."))
        + fx.p(fx.r("Not struck", '<w:rStyle w:val="Struck"/><w:strike w:val="0"/>'))
        + fx.p(
            fx.r("Up to 600,000")
            + '<w:r><w:rPr><w:rStyle w:val="Sup"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
        )
    )
    xml = notes("footnotes", "troops, 2 corps")  # a note reference after a number: only a mark
    content = read_docx_blocks(Doc(body, styles=LOOK_STYLES, footnotes=xml).build(tmp_path / "s.docx"))
    assert [(w.location.paragraph if w.location else None, w.message) for w in content.warnings] == [
        (2, "text struck through (a deletion marked by hand?), compared as text: 'shall withdraw'"),
        (3, "text struck through (a deletion marked by hand?), compared as text: 'Monitors shall report.'"),
        (
            4,
            "digits set as superscript after a number, compared as digits of it: shown 'Up to 10³', compared as 'Up to 103'",
        ),
    ]


# ------------------------------------------------------------------ cross-reference fields


def _ref(instruction: str, stored: str) -> str:
    """A complex field: instruction, then its stored result."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + fx.r(stored)
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _bookmarked(text: str) -> str:
    return fx.p(
        fx.r("The Parties shall withdraw within ")
        + '<w:bookmarkStart w:id="7" w:name="term"/>'
        + fx.r(text)
        + '<w:bookmarkEnd w:id="7"/>'
        + fx.r(".")
    )


@pytest.mark.parametrize(
    ("instruction", "stored", "said"),
    [
        ("REF term \\h", "60 days", True),  # Word shows 60 days, LibreOffice's PDF and F9 30 days
        ("REF term \\h", "30 days", False),
        ("REF term \\* Upper", "30 DAYS", False),  # the case switch shows it in capitals
        ("REF term \\r \\h", "1", False),  # a paragraph number, not the text
        ("REF other \\h", "60 days", False),  # no such bookmark: nothing to compare against
    ],
)
def test_a_cross_reference_showing_another_text_than_its_bookmark_is_said(
    tmp_path: Path, instruction: str, stored: str, said: bool
) -> None:
    """A REF field's stored result differing from its bookmark was read as stored in silence,
    though LibreOffice's PDF (and Word, once fields update) shows the bookmark's text."""
    body = _bookmarked("30 days") + fx.p(
        fx.r("The period (") + _ref(instruction, stored) + fx.r(") may be extended.")
    )
    path = Doc(body).build(tmp_path / "ref.docx")
    assert [text for _, text in _texts(path)][-1] == f"The period ({stored}) may be extended."
    expected = (
        ["2: a cross-reference field (REF term) shows '60 days' as stored, but its bookmark holds '30 days':"
         " Word shows the stored text until its fields are updated, LibreOffice's PDF the bookmark's;"
         " compared as stored"]
        if said
        else []
    )  # fmt: skip
    assert [w for w in _warnings(path) if "cross-reference" in w] == expected
    simple = f'<w:fldSimple w:instr=" {instruction} ">{fx.r(stored)}</w:fldSimple>'
    body = _bookmarked("30 days") + fx.p(fx.r("The period (") + simple + fx.r(") may be extended."))
    path = Doc(body).build(tmp_path / "simple.docx")
    assert [w for w in _warnings(path) if "cross-reference" in w] == expected


@pytest.mark.parametrize(
    ("instruction", "stored", "said"),
    [
        ('DATE \\@ "dddd, MMMM d, yyyy"', "Saturday, April 23, 2016", "a DATE field shows the day"),
        ('TIME \\@ "HH:mm"', "10:30", "a TIME field shows the time"),
        ("DOCPROPERTY Status", "Agreed", None),  # a stored property: no one's clock
        ("DOCVARIABLE Date", "January 2014", "a DOCVARIABLE field shows what Word stored"),
    ],
)
def test_a_date_field_is_said(tmp_path: Path, instruction: str, stored: str, said: str | None) -> None:
    """A DATE or TIME field shows the moment the document is opened or printed (Word updates
    it then; LibreOffice's PDF shows the day it was made: Open-Xml-PowerTools' WC018 read
    'Saturday, April 23, 2016' against its PDF's day, in silence). It is compared as stored,
    and said, located, quoting what it stored; as a complex field and as a simple one."""
    expected = (
        [f"2: {said} the document is opened or printed (Word updates it then; LibreOffice's PDF shows"
         f" when it was made): compared as stored, {stored!r}"]
        if said and "DOCVARIABLE" not in said
        else [f"2: {said} with the document until it updates it (LibreOffice's PDF may show its own"
              f" reading): compared as stored, {stored!r}"]
        if said
        else []
    )  # fmt: skip
    quoted = instruction.replace('"', "&quot;")
    simple = f'<w:fldSimple w:instr=" {quoted} ">{fx.r(stored)}</w:fldSimple>'
    for field in (_ref(instruction, stored), simple):
        body = fx.np("Letter", 1, 0) + fx.p(fx.r("Signed on ") + field + fx.r("."))
        path = Doc(body).build(tmp_path / "d.docx")
        assert [text for _, text in _texts(path)][-1] == f"Signed on {stored}."
        assert [w for w in _warnings(path) if " field shows " in w] == expected


def test_web_hidden_text_is_compared_and_named_as_text_libreoffice_hides(tmp_path: Path) -> None:
    """w:webHidden hides text in Word's Web Layout only: Word shows it on the page and in
    print, LibreOffice's PDF leaves it out (directly or through a character style). Compared
    as visible and named; a table of contents' page numbers, which Word marks webHidden and
    LibreOffice shows, say nothing."""
    from tests.fixtures.docx.word_probes import Doc as Probe
    from tests.fixtures.docx.word_probes import article

    def said(body: str, styles: str | None = None, name: str = "w") -> tuple[str, list[str]]:
        content = read_docx_blocks(Probe(body, styles=styles).build(tmp_path / f"{name}.docx"))
        return content.blocks[-1].text, [w.message for w in content.warnings if w.code == "hidden-text"]

    web = fx.r("The Parties shall ") + fx.r("not ", "<w:webHidden/>") + fx.r("withdraw.")
    assert said(article(web)) == (
        "The Parties shall not withdraw.",
        ["text LibreOffice hides and Word shows, compared as visible: 'not'"],
    )
    sheet = fx.styles_xml(
        '<w:style w:type="character" w:styleId="Web"><w:name w:val="Web"/><w:rPr><w:webHidden/></w:rPr></w:style>'
    )
    styled = fx.r("The Parties shall ") + fx.r("not ", '<w:rStyle w:val="Web"/>') + fx.r("withdraw.")
    assert said(article(styled), sheet, "s")[1] == [
        "text LibreOffice hides and Word shows, compared as visible: 'not'"
    ]
    toc = (
        fx.BEGIN
        + fx.instr(' TOC \\o "1-3" \\h ')
        + fx.SEPARATE
        + fx.r("Withdrawal")
        + fx.r("", "<w:webHidden/>").replace("<w:t", "<w:tab/><w:t", 1)
        + fx.r("3", "<w:webHidden/>")
        + fx.END
    )
    assert said(fx.p(toc), name="toc") == ("Withdrawal\t3", [])


def test_a_page_number_field_in_the_body_is_named_where_it_stands(tmp_path: Path) -> None:
    """PAGE, NUMPAGES, SAVEDATE … in the body: Word computes their result where it shows
    the page, so two saves of the same text may store '1 of 9' and '2 of 7' (LibreOffice's
    PDF shows 'page 1 of 1' for both). Compared as stored, and named on each side where it
    stands; a real change of wording beside it is a change as ever. A table of contents'
    page numbers (PAGEREF, paragraphs in a row) are one note."""
    from draftkit.api import diff
    from tests.fixtures.docx.word_probes import Doc as Probe
    from tests.fixtures.docx.word_probes import article

    def field(code: str, result: str) -> str:
        return fx.BEGIN + fx.instr(f" {code} ") + fx.SEPARATE + fx.r(result) + fx.END

    def draft(page: str, pages: str, modal: str, name: str) -> Path:
        body = article(
            fx.r("See page ")
            + field("PAGE", page)
            + fx.r(" of ")
            + field("NUMPAGES", pages)
            + fx.r(f". The Parties {modal} withdraw.")
        )
        return Probe(body).build(tmp_path / f"{name}.docx")

    comparison = diff(draft("1", "9", "shall", "a"), draft("2", "7", "shall", "b"))
    for side, stored in ((comparison.old, "'1', '9'"), (comparison.new, "'2', '7'")):
        said = [w for w in side.warnings if "computes where it shows the page" in w.message]
        assert len(said) == 1 and said[0].location is not None and said[0].location.paragraph == 2
        assert said[0].message.startswith(
            f"2 PAGE/NUMPAGES fields whose result Word computes where it shows the page, stored as {stored}"
        )
    edited = diff(draft("1", "9", "shall", "c"), draft("1", "9", "may", "d"))
    changed = [c for c in edited.changes if c.is_change]
    assert len(changed) == 1 and "may" in changed[0].new_text
    toc = "".join(
        fx.p(
            (fx.BEGIN + fx.instr(' TOC \\o "1-3" ') + fx.SEPARATE if n == 1 else "")
            + fx.r(f"Heading {n}\t")
            + field(f"PAGEREF _Toc{n} \\h", str(n))
            + (fx.END if n == 3 else "")
        )
        for n in (1, 2, 3)
    )
    notes = [
        w
        for w in read_docx_blocks(Probe(toc).build(tmp_path / "toc.docx")).warnings
        if "PAGEREF" in w.message
    ]
    assert [(w.location.paragraph if w.location else None) for w in notes] == [1]
    assert notes[0].message.startswith("3 PAGEREF fields (in paragraphs 1–3) whose result")
