"""Text a Word file holds and its page does not show (white on a white page, 1.5 points or
less): compared as any text, and named where it stands (readers.docx_invisible) — a 'not'
slipped into a provision in white is a change draftkit reports, and a reader of the page
(or of the redline in Word, where it stays white) is told why nothing shows."""

from __future__ import annotations

from pathlib import Path

from draftkit.api import diff
from draftkit.readers import read
from tests.fixtures.docx import make_fixtures as fx
from tests.fixtures.docx.word_probes import SENTENCE, Doc, article

CLEAN = fx.r("The Parties shall ") + fx.r("not ") + fx.r("withdraw.")


def _notes(tmp_path: Path, body: str, styles: str | None = None, name: str = "d") -> list[str]:
    path = Doc(body, styles=styles).build(tmp_path / f"{name}.docx")
    return [w.message for w in read(path).warnings if w.code == "invisible-text"]


def _with(rpr: str) -> str:
    return fx.r("The Parties shall ") + fx.r("not ", rpr) + fx.r("withdraw.")


def test_a_word_made_white_is_a_change_and_is_named_where_it_stands(tmp_path: Path) -> None:
    old = Doc(article(CLEAN)).build(tmp_path / "old.docx")
    new = Doc(article(_with('<w:color w:val="FFFFFF"/>'))).build(tmp_path / "new.docx")
    comparison = diff(old, new)
    notes = [w for w in comparison.new.warnings if w.code == "invisible-text"]
    assert len(notes) == 1 and "'not'" in notes[0].message and notes[0].location is not None
    assert notes[0].location.paragraph == 2  # the heading is paragraph 1
    assert not [w for w in comparison.old.warnings if w.code == "invisible-text"]


def test_white_by_theme_and_one_point_text_are_named_too(tmp_path: Path) -> None:
    assert _notes(tmp_path, article(_with('<w:color w:val="FFFFFF" w:themeColor="background1"/>')), name="a")
    assert _notes(tmp_path, article(_with('<w:color w:val="auto" w:themeColor="background1"/>')), name="b")
    assert _notes(tmp_path, article(_with('<w:sz w:val="2"/>')), name="c") == [
        "text the page does not show (1.5 points or less): 'not';"
        " compared as any text, but a reader of the page, or of the redline in Word, does not see it"
    ]


def test_white_text_a_fill_or_highlight_shows_is_not_named(tmp_path: Path) -> None:
    white = '<w:color w:val="FFFFFF"/>'
    shaded_run = _with(white + '<w:shd w:val="clear" w:color="auto" w:fill="1F3864"/>')
    highlighted = _with(white + '<w:highlight w:val="black"/>')
    shaded_paragraph = fx.p(_with(white), '<w:shd w:val="clear" w:color="auto" w:fill="000000"/>')
    dark_cell = (
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid/><w:tr><w:tc>'
        '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="002060"/></w:tcPr>'
        f"{fx.p(_with(white))}</w:tc></w:tr></w:tbl>"
    )
    for n, body in enumerate((article(shaded_run), article(highlighted), shaded_paragraph, dark_cell)):
        assert _notes(tmp_path, body, name=f"q{n}") == [], body


def test_ordinary_colours_and_sizes_are_not_named(tmp_path: Path) -> None:
    body = article(
        _with('<w:color w:val="FF0000"/><w:sz w:val="24"/>') + fx.r(" Done.", '<w:color w:val="000000"/>')
    )
    assert _notes(tmp_path, body) == []


def test_a_style_that_makes_text_white_is_followed_and_a_run_colour_of_its_own_undoes_it(
    tmp_path: Path,
) -> None:
    styles = (
        '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:style w:type="character" w:styleId="Ghost"><w:name w:val="Ghost"/>'
        '<w:rPr><w:color w:val="FFFFFF"/></w:rPr></w:style>'
        '<w:style w:type="character" w:styleId="Ghostly"><w:name w:val="Ghostly"/>'
        '<w:basedOn w:val="Ghost"/></w:style>'
        "</w:styles>"
    )
    assert _notes(tmp_path, article(_with('<w:rStyle w:val="Ghostly"/>')), styles, name="s1")
    undone = _with('<w:rStyle w:val="Ghostly"/><w:color w:val="000000"/>')
    assert _notes(tmp_path, article(undone), styles, name="s2") == []


def test_a_white_word_in_a_deletion_the_view_leaves_out_is_not_named(tmp_path: Path) -> None:
    deleted = (
        fx.r("The Parties shall ")
        + fx.dele(fx.dr("not ").replace("<w:r>", '<w:r><w:rPr><w:color w:val="FFFFFF"/></w:rPr>'))
        + fx.r("withdraw.")
    )
    assert _notes(tmp_path, article(deleted)) == []


def test_the_invisible_text_note_is_a_code_the_json_schemas_know(tmp_path: Path) -> None:
    import json

    import jsonschema

    from draftkit.resources import schema_bytes
    from tests.hostile.helpers import cli

    old = Doc(article(CLEAN)).build(tmp_path / "old.docx")
    new = Doc(article(_with('<w:color w:val="FFFFFF"/>'))).build(tmp_path / "new.docx")
    diffed = json.loads(cli("diff", old, new, "--format", "json").out)
    assert "invisible-text" in [w["code"] for w in diffed["new"]["warnings"]]
    jsonschema.validate(diffed, json.loads(schema_bytes("diff.schema.json")))


def _with_page(path: Path, background: str) -> Path:
    """The file with a page colour (w:background, before the body)."""
    import zipfile

    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    document = parts["word/document.xml"].decode()
    parts["word/document.xml"] = document.replace(
        "<w:body>", f'<w:background w:color="{background}"/><w:body>', 1
    ).encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def test_near_white_text_fill_highlight_or_page_hide_nothing(tmp_path: Path) -> None:
    """A hostile file need not write FFFFFF: 'FEFEFE' text, 'fFfFfF', a white highlight, a
    near-white fill, or a near-white page colour (which turned the whole check off) hid a word
    from the page and from the notes alike."""
    assert _notes(tmp_path, article(_with('<w:color w:val="FEFEFE"/>')), name="n1")
    assert _notes(tmp_path, article(_with('<w:color w:val="fFFFFF"/>')), name="n2")
    assert _notes(
        tmp_path, article(_with('<w:color w:val="FFFFFF"/><w:highlight w:val="white"/>')), name="n3"
    )
    filled = '<w:color w:val="FFFFFF"/><w:shd w:val="clear" w:color="auto" w:fill="FEFEFE"/>'
    assert _notes(tmp_path, article(_with(filled)), name="n4")
    paged = _with_page(Doc(article(_with('<w:color w:val="FFFFFF"/>'))).build(tmp_path / "n5.docx"), "FEFEFE")
    assert [w for w in read(paged).warnings if w.code == "invisible-text"]
    dark = _with_page(Doc(article(_with('<w:color w:val="FFFFFF"/>'))).build(tmp_path / "n6.docx"), "1F3864")
    assert not [w for w in read(dark).warnings if w.code == "invisible-text"]


def test_a_theme_colour_shaded_darker_or_not_white_is_seen(tmp_path: Path) -> None:
    """Word draws a theme colour over `w:val` (its fallback), darkened by `themeShade`: 'White,
    Background 1, Darker 50%' is grey text, and FFFFFF under themeColor text1 is black."""
    grey = '<w:color w:val="7F7F7F" w:themeColor="background1" w:themeShade="7F"/>'
    assert _notes(tmp_path, article(_with(grey)), name="t1") == []
    black = '<w:color w:val="FFFFFF" w:themeColor="text1"/>'
    assert _notes(tmp_path, article(_with(black)), name="t2") == []
    tinted = '<w:color w:val="FFFFFF" w:themeColor="background1" w:themeTint="80"/>'
    assert _notes(tmp_path, article(_with(tinted)), name="t3")


def test_a_style_based_on_a_white_one_with_a_colour_of_its_own_is_seen(tmp_path: Path) -> None:
    styles = (
        '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:style w:type="character" w:styleId="Ghost"><w:name w:val="Ghost"/>'
        '<w:rPr><w:color w:val="FFFFFF"/></w:rPr></w:style>'
        '<w:style w:type="character" w:styleId="Inked"><w:name w:val="Inked"/>'
        '<w:basedOn w:val="Ghost"/><w:rPr><w:color w:val="000000"/></w:rPr></w:style>'
        "</w:styles>"
    )
    assert _notes(tmp_path, article(_with('<w:rStyle w:val="Inked"/>')), styles) == []


def test_white_text_in_a_footnote_is_named(tmp_path: Path) -> None:
    """A footnote's text is compared where its reference stands; white there is as unseen."""

    white = fx.r("Reserved ") + fx.r("not ", '<w:color w:val="FFFFFF"/>') + fx.r("at all.")
    footnotes = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:footnotes {fx.NS_DECLS.format(w=fx.W_NS)}>"
        f'<w:footnote w:id="1">{fx.p(white)}</w:footnote></w:footnotes>'
    )
    ref = '<w:r><w:footnoteReference w:id="1"/></w:r>'
    path = Doc(article(fx.r(SENTENCE) + ref), footnotes=footnotes).build(tmp_path / "f.docx")
    notes = [w for w in read(path).warnings if w.code == "invisible-text"]
    assert len(notes) == 1 and "'not'" in notes[0].message and "footnote" in notes[0].message


def test_arabic_or_hebrew_text_tiny_in_the_complex_script_size_is_named_latin_is_not(tmp_path: Path) -> None:
    """Word sizes Arabic and Hebrew letters by w:szCs: 'لا' (no) at 1 point is unseen, where
    the same size on Latin letters changes nothing (w:sz sizes them)."""
    arabic = fx.r("يلتزم الطرفان ") + fx.r("لا ", '<w:szCs w:val="2"/>') + fx.r("بالانسحاب.")
    assert (
        _notes(tmp_path, article(arabic), name="ar")
        and "'لا'" in _notes(tmp_path, article(arabic), name="ar2")[0]
    )
    assert _notes(tmp_path, article(_with('<w:szCs w:val="2"/>')), name="la") == []


def test_a_run_style_with_a_colour_a_page_shows_undoes_a_white_paragraph_style(tmp_path: Path) -> None:
    styles = (
        '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:style w:type="paragraph" w:styleId="Blank"><w:name w:val="Blank"/>'
        '<w:rPr><w:color w:val="FFFFFF"/></w:rPr></w:style>'
        '<w:style w:type="character" w:styleId="Ink"><w:name w:val="Ink"/>'
        '<w:rPr><w:color w:val="1F1F1F"/></w:rPr></w:style>'
        "</w:styles>"
    )
    inked = fx.p(
        fx.r("The Parties shall not withdraw.", '<w:rStyle w:val="Ink"/>'), '<w:pStyle w:val="Blank"/>'
    )
    bare = fx.p(fx.r("The Parties shall not withdraw."), '<w:pStyle w:val="Blank"/>')
    assert _notes(tmp_path, inked, styles, name="inked") == []
    assert _notes(tmp_path, bare, styles, name="bare")


def _styled(content: str, defaults: str = "") -> str:
    head = f"<w:docDefaults><w:rPrDefault><w:rPr>{defaults}</w:rPr></w:rPrDefault></w:docDefaults>"
    return fx.styles_xml((head if defaults else "") + content)


def _style(sid: str, rpr: str, kind: str = "paragraph", default: bool = False, based: str = "") -> str:
    flag = ' w:default="1"' if default else ""
    parent = f'<w:basedOn w:val="{based}"/>' if based else ""
    return f'<w:style w:type="{kind}" w:styleId="{sid}"{flag}><w:name w:val="{sid}"/>{parent}<w:rPr>{rpr}</w:rPr></w:style>'


INKED = '<w:color w:val="000000"/>'
# "The Parties shall" and "withdraw." in black of their own, "not" in what the styles give.
INKED_BUT_NOT = fx.r("The Parties shall ", INKED) + fx.r("not ") + fx.r("withdraw.", INKED)


def test_white_or_tiny_text_from_the_document_defaults_is_named(tmp_path: Path) -> None:
    """LibreOffice's PDF of a file whose w:docDefaults make text white (or 1 point): no ink
    where 'not' stands (a word of no colour of its own), the black words shown. Each run's
    colour is resolved as Word does: its own, its styles', then the defaults."""
    white = _notes(tmp_path, fx.p(INKED_BUT_NOT), _styled("", '<w:color w:val="FFFFFF"/>'), name="dw")
    assert white == [
        "text the page does not show (white on a white page): 'not'; compared as any text, but a reader"
        " of the page, or of the redline in Word, does not see it"
    ]
    tiny = (
        fx.r("The Parties shall ", '<w:sz w:val="24"/>')
        + fx.r("not ")
        + fx.r("withdraw.", '<w:sz w:val="24"/>')
    )
    assert len(_notes(tmp_path, fx.p(tiny), _styled("", '<w:sz w:val="2"/>'), name="dt")) == 1
    # Defaults that are black, or grey from a theme (templates do so), are seen.
    grey = '<w:color w:val="595959" w:themeColor="text1" w:themeTint="A6"/>'
    assert _notes(tmp_path, fx.p(fx.r(SENTENCE)), _styled("", grey), name="dg") == []


def test_white_text_from_the_default_paragraph_style_is_named_a_style_of_its_own_undoes_it(
    tmp_path: Path,
) -> None:
    """A paragraph of no style takes the default paragraph style (Normal): white there is
    white on the page (LibreOffice's PDF: no ink), as it is in a style based on it; a style
    with a colour of its own shows its text, and so does a white default *character* style,
    which LibreOffice does not apply (its PDF shows the word)."""
    normal = _style("Normal", '<w:color w:val="FFFFFF"/>', default=True)
    dark = _style("Dark", INKED, based="Normal")
    body = _style("Body", "", based="Normal")
    sheet = _styled(normal + dark + body)
    assert _notes(tmp_path, fx.p(INKED_BUT_NOT), sheet, name="n1")
    assert _notes(tmp_path, fx.p(INKED_BUT_NOT, '<w:pStyle w:val="Body"/>'), sheet, name="n2")
    assert _notes(tmp_path, fx.p(INKED_BUT_NOT, '<w:pStyle w:val="Dark"/>'), sheet, name="n3") == []
    default_character = _style(
        "DefaultParagraphFont", '<w:color w:val="FFFFFF"/>', kind="character", default=True
    )
    assert _notes(tmp_path, fx.p(INKED_BUT_NOT), _styled(default_character), name="n4") == []


def test_text_squeezed_to_a_fifth_of_its_width_is_named(tmp_path: Path) -> None:
    """w:w scales characters' width: at 10 % LibreOffice's PDF draws 'not' 1.7 points wide
    (16.7 at 100 %), a smudge; 33 %, Word's narrowest preset, stays legible (5.5 points)."""
    assert _notes(tmp_path, article(_with('<w:w w:val="10"/>')), name="w10") == [
        "text the page does not show (squeezed to a fifth of its width or less): 'not'; compared as any"
        " text, but a reader of the page, or of the redline in Word, does not see it"
    ]
    assert _notes(tmp_path, article(_with('<w:w w:val="1"/>')), name="w1")
    for n, scale in enumerate(("33", "90", "150")):
        assert _notes(tmp_path, article(_with(f'<w:w w:val="{scale}"/>')), name=f"wok{n}") == []


def test_text_in_the_colour_of_its_own_shading_is_named(tmp_path: Path) -> None:
    """Black on a black fill (the look of a redaction that leaves the text in the file):
    LibreOffice's PDF has a black box and no letter in it."""
    black = '<w:color w:val="000000"/><w:shd w:val="clear" w:color="auto" w:fill="000000"/>'
    assert _notes(tmp_path, article(_with(black)), name="b1") == [
        "text the page does not show (in the colour of its own shading): 'not'; compared as any text,"
        " but a reader of the page, or of the redline in Word, does not see it"
    ]
    on_yellow = '<w:color w:val="000000"/><w:shd w:val="clear" w:color="auto" w:fill="FFFF00"/>'
    auto_on_black = '<w:color w:val="auto"/><w:shd w:val="clear" w:color="auto" w:fill="000000"/>'
    assert _notes(tmp_path, article(_with(on_yellow)), name="b2") == []
    assert _notes(tmp_path, article(_with(auto_on_black)), name="b3") == []  # Word draws 'auto' white there


def test_on_a_dark_page_tiny_text_is_still_named(tmp_path: Path) -> None:
    """A page colour may let white text show; it does not make 1-point text readable."""
    dark = _with_page(Doc(article(_with('<w:sz w:val="2"/>'))).build(tmp_path / "k.docx"), "1F3864")
    assert [w for w in read(dark).warnings if w.code == "invisible-text"]
