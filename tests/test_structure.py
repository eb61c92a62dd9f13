"""Text grammar → provision tree, table-driven: each case is a draft text and its expected outline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from draftkit.errors import InputError, LimitError
from draftkit.model import Draft
from draftkit.readers import Limits, read


def outline(draft: Draft) -> list[str]:
    """eid | num | heading | text for every provision, as compact strings."""
    return [f"{p.eid}|{p.num or ''}|{p.heading or ''}|{p.text}" for p in draft.walk()]


def parse_text(tmp_path: Path, text: str, name: str = "d.txt") -> Draft:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read(path)


CASES: dict[str, tuple[str, list[str]]] = {
    "articles, paragraphs, points, heading on same line": (
        "Article 1 — Scope\n1. The Parties shall:\n(a) stop;\n(b) withdraw.\n2. Done.\n",
        [
            "art_1|Article 1|Scope|",
            "art_1__para_1|1.||The Parties shall:",
            "art_1__para_1__point_a|(a)||stop;",
            "art_1__para_1__point_b|(b)||withdraw.",
            "art_1__para_2|2.||Done.",
        ],
    ),
    "heading on the next line, wrapped lines joined": (
        "Article 2\nCeasefire\n\n1. The ceasefire shall\nenter into force at once.\n",
        ["art_2|Article 2|Ceasefire|", "art_2__para_1|1.||The ceasefire shall enter into force at once."],
    ),
    "Art. abbreviation and roman article numbers": (
        "Art. 1 Scope\nText of one.\n\nARTICLE II\nText of two.\n",
        ["art_1|Art. 1|Scope|Text of one.", "art_II|ARTICLE II||Text of two."],
    ),
    "article text on the same line after a full stop": (
        "Article 3. The Parties shall exchange all prisoners within 30 days.\n",
        ["art_3|Article 3||The Parties shall exchange all prisoners within 30 days."],
    ),
    "dotted decimals nest": (
        "1. General\n1.1 First.\n1.2 Second.\n1.2.1 Deep.\n2. Next\n2.1 Again.\n",
        [
            "para_1|1.||General",
            "para_1__subpara_1|1.1||First.",
            "para_1__subpara_2|1.2||Second.",
            "para_1__subpara_2__subpara_1|1.2.1||Deep.",
            "para_2|2.||Next",
            "para_2__subpara_1|2.1||Again.",
        ],
    ),
    "(i) after (h) is a letter": (
        "1. List:\n(a) a;\n(b) b;\n(c) c;\n(d) d;\n(e) e;\n(f) f;\n(g) g;\n(h) h;\n(i) i;\n(j) j.\n",
        ["para_1|1.||List:"]
        + [f"para_1__point_{c}|({c})||{c}{'.' if c == 'j' else ';'}" for c in "abcdefghij"],
    ),
    "(i) after (h) is roman when (ii) follows": (
        "1. List:\n(a) a;\n(b) b;\n(c) c;\n(d) d;\n(e) e;\n(f) f;\n(g) g;\n(h) h:\n(i) one;\n(ii) two.\n",
        ["para_1|1.||List:"]
        + [f"para_1__point_{c}|({c})||{c};" for c in "abcdefg"]
        + [
            "para_1__point_h|(h)||h:",
            "para_1__point_h__point_i|(i)||one;",
            "para_1__point_h__point_ii|(ii)||two.",
        ],
    ),
    "roman list under a letter": (
        "Article 1\n1. Lead-in:\n(a) withdraw:\n(i) tanks;\n(ii) guns;\n(b) report.\n",
        [
            "art_1|Article 1||",
            "art_1__para_1|1.||Lead-in:",
            "art_1__para_1__point_a|(a)||withdraw:",
            "art_1__para_1__point_a__point_i|(i)||tanks;",
            "art_1__para_1__point_a__point_ii|(ii)||guns;",
            "art_1__para_1__point_b|(b)||report.",
        ],
    ),
    "a) and 1) and (A) styles": (
        "1) First:\na) alpha;\nb) beta.\n2) Second:\n(A) upper.\n",
        [
            "para_1|1)||First:",
            "para_1__point_a|a)||alpha;",
            "para_1__point_b|b)||beta.",
            "para_2|2)||Second:",
            "para_2__point_A|(A)||upper.",
        ],
    ),
    "sections, chapters and parts contain articles": (
        "PART I — SECURITY\nChapter 1 Guarantees\nArticle 1\nText.\nArticle 2\nMore.\nPART II — LAND\nArticle 3\nLast.\n",
        [
            "part_I|PART I|SECURITY|",
            "part_I__chp_1|Chapter 1|Guarantees|",
            "part_I__chp_1__art_1|Article 1||Text.",
            "part_I__chp_1__art_2|Article 2||More.",
            "part_II|PART II|LAND|",
            "part_II__art_3|Article 3||Last.",
        ],
    ),
    "ALL-CAPS unnumbered section titles": (
        "SECURITY GUARANTEES\n\n1. The guarantors shall act.\n\nTERRITORY\n\n2. The line holds.\n",
        [
            "sec_nn||SECURITY GUARANTEES|",
            "sec_nn__para_1|1.||The guarantors shall act.",
            "sec_nn_2||TERRITORY|",
            "sec_nn_2__para_2|2.||The line holds.",
        ],
    ),
    "annex resets to top level": (
        "Article 1\n1. Text.\nANNEX I — MAPS\n1. Coordinates.\nAnnex II\n1. Schedule.\n",
        [
            "art_1|Article 1||",
            "art_1__para_1|1.||Text.",
            "annex_I|ANNEX I|MAPS|",
            "annex_I__para_1|1.||Coordinates.",
            "annex_II|Annex II||",
            "annex_II__para_1|1.||Schedule.",
        ],
    ),
    "Cyrillic articles and points": (
        "Стаття 1. Припинення вогню\n1. Сторони зобов'язуються:\nа) припинити вогонь;\nб) відвести війська.\n",
        [
            "art_1|Стаття 1|Припинення вогню|",
            "art_1__para_1|1.||Сторони зобов'язуються:",
            "art_1__para_1__point_а|а)||припинити вогонь;",
            "art_1__para_1__point_б|б)||відвести війська.",
        ],
    ),
    "a year at the start of a wrapped line is not a label": (
        "1. The ceasefire shall hold until 31 December\n2027. It may be extended.\n",
        ["para_1|1.||The ceasefire shall hold until 31 December 2027. It may be extended."],
    ),
    "a point a few numbers ahead, before a capital, is the next point (a gap), not a wrapped number": (
        "1. Ceasefire\n2. Withdrawal\n4. Monitoring\n",
        ["para_1|1.||Ceasefire", "para_2|2.||Withdrawal", "para_4|4.||Monitoring"],
    ),
    "short point titles with a point missing each time are not one point": (
        "Points agreed\n1. Ceasefire along the line\n3. Monitoring by observers\n5. Elections\n",
        ["para_1|1.||Ceasefire along the line", "para_3|3.||Monitoring by observers", "para_5|5.||Elections"],
    ),
    "a small number after a line ending mid-sentence, before lower case, is no point": (
        "1. Troops up to\n3 brigades remain in the zone.\n",
        ["para_1|1.||Troops up to\n3 brigades remain in the zone."],
    ),
    "a news page's opening and a lead-in before bullets are the preamble, the bullets the points": (
        "The two sides met in Sochi on Monday.\n\nThey agreed on the following:\n\n"
        "\u2022 The zone will be preserved.\n\u2022 Heavy weapons will be withdrawn.\n",
        ["point_1|\u2022||The zone will be preserved.", "point_2|\u2022||Heavy weapons will be withdrawn."],
    ),
    "a paragraph that ends no lead-in keeps its bullets": (
        "The two sides met in Sochi on Monday.\n\nThey agreed.\n\n"
        "\u2022 The zone will be preserved.\n\u2022 Heavy weapons will be withdrawn.\n",
        [
            "para_1|||The two sides met in Sochi on Monday.",
            "para_2|||They agreed.",
            "para_2__point_1|\u2022||The zone will be preserved.",
            "para_2__point_2|\u2022||Heavy weapons will be withdrawn.",
        ],
    ),
    "unlabelled paragraphs join the open provision": (
        "Article 1\n1. First sentence.\n\nA second paragraph of the same point.\n",
        ["art_1|Article 1||", "art_1__para_1|1.||First sentence.\nA second paragraph of the same point."],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_text_grammar(tmp_path: Path, name: str) -> None:
    text, expected = CASES[name]
    assert outline(parse_text(tmp_path, "TITLE OF THE DRAFT\n\n" + text)) == expected


def test_title_and_preamble(tmp_path: Path) -> None:
    draft = parse_text(
        tmp_path,
        "FRAMEWORK AGREEMENT\n\nThe Parties,\nrecalling their commitments,\n\nHave agreed as follows:\n\n"
        "Article 1\nText.\n",
    )
    assert draft.title == "FRAMEWORK AGREEMENT"
    assert draft.preamble == ("The Parties, recalling their commitments,", "Have agreed as follows:")


def test_markdown_headings(tmp_path: Path) -> None:
    draft = parse_text(
        tmp_path,
        "# Framework on the Kessel Valley\n\nPreamble text.\n\n## Article 1 — Ceasefire\n\n1. **Stop** firing.\n\n"
        "## Article 2\n\n### Monitoring\n\n1. The Mission shall monitor.\n",
        name="d.md",
    )
    assert draft.title == "Framework on the Kessel Valley"
    assert draft.preamble == ("Preamble text.",)
    assert outline(draft) == [
        "art_1|Article 1|Ceasefire|",
        "art_1__para_1|1.||Stop firing.",
        "art_2|Article 2|Monitoring|",
        "art_2__para_1|1.||The Mission shall monitor.",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"   \n\n", "empty file"),
        (b"1. ok\n\xff\xfe\xfa bad", "not valid UTF-8"),
        (b"\x00\x01\x02binary\x00junk", "binary data"),
        (b"%PDF-1.7\n...", "PDF"),
    ],
)
def test_unreadable_text_inputs(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        read(path)
    assert info.value.exit_code == 3


@pytest.mark.parametrize(
    ("text", "codec", "named"),
    [
        ("1. The Parties\u2019 forces shall withdraw \u2013 within 30 days.\n", "cp1252", "Windows-1252"),
        ("1. Сторони виводять війська протягом 30 днів.\n", "cp1251", "Windows-1251"),
        ("1. Стороны выводят войска в течение 30 дней.\n", "koi8-r", "KOI8-U/KOI8-R"),
    ],
)
def test_a_legacy_encoding_is_named_in_the_refusal(tmp_path: Path, text: str, codec: str, named: str) -> None:
    """A text saved in an old 8-bit encoding is refused (a guess could change words), but the
    message says which encoding it reads as and how to convert it."""
    path = tmp_path / "old.txt"
    path.write_bytes(text.encode(codec))
    with pytest.raises(InputError, match=f"not valid UTF-8 text .*it reads as {re.escape(named)}") as info:
        read(path)
    assert "iconv -f " in str(info.value) and info.value.exit_code == 3


def test_bytes_no_legacy_encoding_explains_get_the_plain_refusal(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(b"1. ok " + bytes(range(0x80, 0x100)))
    with pytest.raises(InputError, match="save the draft as UTF-8") as info:
        read(path)
    assert "reads as" not in str(info.value)


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("report.docx", "not a Word document (.docx): it does not start as a DOCX (zip) package does"),
        ("minutes.odt", "not an OpenDocument text (.odt): it does not start as an ODT (zip) package does"),
        ("scan.pdf", "not a PDF: it does not start as a PDF ('%PDF') does"),
    ],
)
def test_a_damaged_binary_file_is_named_for_the_format_its_name_claims(
    tmp_path: Path, name: str, says: str
) -> None:
    """A .docx (.odt, .pdf) of bytes that are none of these formats was refused as "binary
    data (NUL bytes), not a text draft": a reader who sent a Word file was told about text.
    The message now says what the file is not, and the likely cause; the same bytes named
    .txt keep the text reader's message, and UTF-16 text named .docx is still read."""
    junk = bytes(range(256)) * 8
    path = tmp_path / name
    path.write_bytes(junk)
    with pytest.raises(InputError, match=re.escape(says)) as info:
        read(path)
    assert info.value.exit_code == 3 and "damaged, or another kind of file renamed" in str(info.value)
    text = tmp_path / "junk.txt"
    text.write_bytes(junk)
    with pytest.raises(InputError, match="binary data"):
        read(text)
    utf16 = tmp_path / "typed.docx"
    utf16.write_bytes("1. Текст.\n".encode("utf-16"))
    assert [p.num for p in read(utf16).walk()] == ["1."]


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("Article 1\n1. Текст.\n".encode("utf-16"))
    assert [p.num for p in read(path).walk()] == ["Article 1", "1."]


def test_limits(tmp_path: Path) -> None:
    path = tmp_path / "many.txt"
    path.write_text("".join(f"{i}. Point {i}.\n" for i in range(1, 51)))
    with pytest.raises(LimitError, match="over the limit of 10"):
        read(path, limits=Limits(max_provisions=10))
    deep = tmp_path / "deep.txt"
    deep.write_text("1. a\n1.1 b\n1.1.1 c\n1.1.1.1 d\n1.1.1.1.1 e\n")
    with pytest.raises(LimitError, match="deeper than 3"):
        read(deep, limits=Limits(max_depth=3))


def test_prose_without_numbering_is_read_as_paragraphs(tmp_path: Path) -> None:
    """Issue 11: a text with no numbering is not refused; each paragraph is a provision, and
    the guess is said as a warning."""
    draft = parse_text(tmp_path, "Just some prose without any numbering at all.\n")
    assert [(p.kind, p.num, p.eid, p.text) for p in draft.provisions] == [
        ("paragraph", None, "para_1", "Just some prose without any numbering at all.")
    ]
    assert [w.code for w in draft.warnings] == ["unnumbered"]


def test_a_lone_lead_in_is_a_provision_not_a_refusal(tmp_path: Path) -> None:
    """A one-line document ending in ':' (a public test file: 'DayLong:') is read, not refused."""
    draft = parse_text(tmp_path, "The parties agree:\n")
    assert [(p.kind, p.text) for p in draft.provisions] == [("paragraph", "The parties agree:")]
    assert draft.preamble == ()


def test_a_long_wrapped_line_then_a_number_ahead_is_one_point(tmp_path: Path) -> None:
    """'… as provided in the annex to paragraph' / '4. The Commission …': a long line that
    ends no sentence is wrapped, not a point's title; the number goes on its sentence."""
    draft = parse_text(
        tmp_path,
        "1. Observers deploy as provided in the annex to paragraph\n4. The Commission meets monthly.\n2. Forces withdraw.\n",
    )
    assert [p.num for p in draft.walk()] == ["1.", "2."]


def test_three_paragraphs_before_a_lead_in_stay_the_drafts(tmp_path: Path) -> None:
    """Only a short opening (two paragraphs at most) goes to the preamble before a lead-in and
    its bullets; a draft's own paragraphs stay provisions."""
    draft = parse_text(
        tmp_path,
        "The ceasefire shall hold along the line of contact.\n\nForces withdraw 15 km.\n\n"
        "Observers report weekly.\n\nThey agreed on the following:\n\n- Prisoners are exchanged.\n- Roads reopen.\n",
    )
    assert draft.preamble == ()
    assert draft.provisions[0].text == "The ceasefire shall hold along the line of contact."
