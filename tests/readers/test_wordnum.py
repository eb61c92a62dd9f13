"""Word numbering engine: formats, counters, restarts, overrides, style links (table-driven)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from draftkit.readers.wordnum import (
    ListNumState,
    NumberingState,
    StyleSheet,
    format_number,
    parse_numbering,
    parse_styles,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "docx"


def _load_builders() -> ModuleType:
    # The fixture script lives beside the fixtures, outside any package: load it by path.
    spec = importlib.util.spec_from_file_location("draftkit_docx_fixtures", FIXTURES / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("draftkit_docx_fixtures", module)
    spec.loader.exec_module(module)
    return module


fx = _load_builders()


def _state(numbering: str, styles: str | None = None) -> NumberingState:
    defs = parse_numbering(etree.fromstring(fx.numbering_xml(numbering).encode()))
    sheet = parse_styles(etree.fromstring(styles.encode())) if styles else None
    return NumberingState(defs, sheet)


def _labels(state: NumberingState, sequence: list[tuple[int, int]]) -> list[str | None]:
    return [state.label_for(num_id, ilvl) for num_id, ilvl in sequence]


# --------------------------------------------------------------------- format_number

FORMATS = [
    (1, "decimal", "1"),
    (42, "decimal", "42"),
    (0, "decimal", "0"),
    (3, "decimalZero", "03"),
    (12, "decimalZero", "12"),
    (1, "lowerLetter", "a"),
    (26, "lowerLetter", "z"),
    (27, "lowerLetter", "aa"),
    (28, "lowerLetter", "bb"),
    (52, "lowerLetter", "zz"),
    (53, "lowerLetter", "aaa"),
    (27, "upperLetter", "AA"),
    (4, "lowerRoman", "iv"),
    (9, "lowerRoman", "ix"),
    (14, "upperRoman", "XIV"),
    (1999, "upperRoman", "MCMXCIX"),
    (3999, "upperRoman", "MMMCMXCIX"),
    (1, "ordinal", "1st"),
    (2, "ordinal", "2nd"),
    (3, "ordinal", "3rd"),
    (4, "ordinal", "4th"),
    (11, "ordinal", "11th"),
    (12, "ordinal", "12th"),
    (13, "ordinal", "13th"),
    (21, "ordinal", "21st"),
    (102, "ordinal", "102nd"),
    (1, "cardinalText", "One"),
    (21, "cardinalText", "Twenty-one"),
    (115, "cardinalText", "One hundred fifteen"),
    (1, "ordinalText", "First"),
    (12, "ordinalText", "Twelfth"),
    (20, "ordinalText", "Twentieth"),
    (23, "ordinalText", "Twenty-third"),
    (1, "russianLower", "а"),
    (10, "russianLower", "к"),  # й is skipped
    (29, "russianLower", "аа"),
    (3, "russianUpper", "В"),
    (3, "decimalEnclosedCircle", "③"),
    (21, "decimalEnclosedCircle", "21"),
    (2, "decimalEnclosedParen", "(2)"),
    (12, "decimalFullWidth", "１２"),
    (5, "chicago", "**"),  # *, †, ‡, §, then doubled
    (7, "numberInDash", "- 7 -"),
    (5, "bullet", ""),
    (5, "none", ""),
    (0, "lowerLetter", "0"),  # no letter for zero: digits
    (0, "upperRoman", "0"),
    (6, "somethingNew", "6"),  # unknown formats fall back to decimal
]


@pytest.mark.parametrize(("n", "fmt", "expected"), FORMATS)
def test_format_number(n: int, fmt: str, expected: str) -> None:
    assert format_number(n, fmt) == expected


@pytest.mark.parametrize(
    ("n", "pattern", "expected"),
    [(7, "001, 002, 003, ...", "007"), (12, "01, 02, 03, ...", "12"), (3, None, "3")],
)
def test_format_number_custom(n: int, pattern: str | None, expected: str) -> None:
    assert format_number(n, "custom", pattern) == expected


# --------------------------------------------------------------------- counting

L = fx.lvl
A = fx.abstract
N = fx.num
SO = fx.start_override

ARTICLE = L(0, "decimal", "Article %1") + L(1, "decimal", "%1.%2") + L(2, "lowerLetter", "(%3)")
DOTTED = L(0, "decimal", "%1.") + L(1, "decimal", "%1.%2") + L(2, "decimal", "%1.%2.%3")

COUNTING = [
    pytest.param(
        A(1, ARTICLE) + N(1, 1),
        [(1, 0), (1, 1), (1, 2), (1, 2), (1, 1), (1, 0), (1, 2), (1, 1)],
        ["Article 1", "1.1", "(a)", "(b)", "1.2", "Article 2", "(a)", "2.1"],
        id="multi-level Article / %1.%2 / (%3), deeper levels restart",
    ),
    pytest.param(
        A(1, L(0, "decimal", "%1.") + L(1, "lowerLetter", "%2.", extra='<w:lvlRestart w:val="0"/>'))
        + N(1, 1),
        [(1, 0), (1, 1), (1, 1), (1, 0), (1, 1)],
        ["1.", "a.", "b.", "2.", "c."],
        id="lvlRestart=0 never restarts",
    ),
    pytest.param(
        A(
            1,
            L(0, "decimal", "%1.")
            + L(1, "decimal", "%1.%2")
            + L(2, "decimal", "%1.%2.%3", extra='<w:lvlRestart w:val="1"/>'),
        )
        + N(1, 1),
        [(1, 0), (1, 1), (1, 2), (1, 2), (1, 1), (1, 2), (1, 0), (1, 1), (1, 2)],
        ["1.", "1.1", "1.1.1", "1.1.2", "1.2", "1.2.3", "2.", "2.1", "2.1.1"],
        id="lvlRestart=1 restarts only after level 1 (ilvl 0)",
    ),
    pytest.param(
        A(1, DOTTED) + N(1, 1) + N(2, 1),
        [(1, 0), (1, 1), (2, 0), (2, 1), (1, 0)],
        ["1.", "1.1", "2.", "2.1", "3."],
        id="two numIds on one abstractNum continue one count",
    ),
    pytest.param(
        A(1, DOTTED) + N(1, 1) + N(2, 1, SO(0, 5)),
        [(1, 0), (1, 0), (2, 0), (2, 0), (1, 0), (2, 0)],
        ["1.", "2.", "5.", "6.", "7.", "8."],
        id="startOverride on first use of its numId, then the count continues",
    ),
    pytest.param(
        A(1, DOTTED) + N(1, 1) + N(2, 1, SO(0, 1)),
        [(1, 0), (1, 0), (1, 0), (2, 0), (2, 1), (2, 0)],
        ["1.", "2.", "3.", "1.", "1.1", "2."],
        id="restart numbering: a new numId with startOverride 1",
    ),
    pytest.param(
        A(1, DOTTED) + N(2, 1, SO(1, 3)),
        [(2, 0), (2, 1), (2, 1), (2, 0), (2, 1)],
        ["1.", "1.3", "1.4", "2.", "2.3"],
        id="startOverride is also the restart value of its level",
    ),
    pytest.param(
        A(1, L(0, "lowerLetter", "(%1)", start=25)) + N(1, 1),
        [(1, 0)] * 5,
        ["(y)", "(z)", "(aa)", "(bb)", "(cc)"],
        id="letters past z repeat: aa, bb",
    ),
    pytest.param(
        A(1, L(0, "upperRoman", "Part %1") + L(1, "lowerRoman", "(%2)")) + N(1, 1),
        [(1, 0), (1, 1), (1, 1), (1, 1), (1, 1), (1, 0)],
        ["Part I", "(i)", "(ii)", "(iii)", "(iv)", "Part II"],
        id="roman numerals",
    ),
    pytest.param(
        A(1, L(0, "upperRoman", "Article %1") + L(1, "decimal", "%1.%2", extra="<w:isLgl/>")) + N(1, 1),
        [(1, 0), (1, 0), (1, 1)],
        ["Article I", "Article II", "2.1"],
        id="isLgl shows every level in decimal",
    ),
    pytest.param(
        A(1, L(0, "upperRoman", "%1") + L(1, "decimal", "%1.%2", extra='<w:isLgl w:val="0"/>')) + N(1, 1),
        [(1, 0), (1, 1)],
        ["I", "I.1"],
        id="isLgl val=0 is off",
    ),
    pytest.param(
        A(1, L(0, "decimal", "%1.") + L(1, "decimal", "%1.%2")) + N(1, 1),
        [(1, 1), (1, 1), (1, 0)],
        ["1.1", "1.2", "1."],
        id="a level never reached shows its start value",
    ),
    pytest.param(
        A(1, L(0, "decimal", "%1.", start=None)) + N(1, 1),
        [(1, 0), (1, 0)],
        ["0.", "1."],
        id="absent w:start is 0 (the schema default)",
    ),
    pytest.param(
        A(1, L(0, "bullet", "\u2022") + L(1, "decimal", "%2)")) + N(1, 1),
        [(1, 0), (1, 1), (1, 1), (1, 0), (1, 1)],
        [None, "1)", "2)", None, "1)"],
        id="bullets have no label but still restart deeper levels",
    ),
    pytest.param(
        A(1, L(0, "none", "") + L(1, "decimal", "%1(%2)")) + N(1, 1),
        [(1, 0), (1, 1), (1, 1)],
        [None, "(1)", "(2)"],
        id="numFmt none shows nothing for its level",
    ),
    pytest.param(
        A(1, DOTTED) + N(1, 1),
        [(99, 0), (1, 7), (0, 0), (1, -1), (1, 0)],
        [None, None, None, None, "1."],
        id="unknown numId, undefined level, numId 0 and bad ilvl are not numbered",
    ),
    pytest.param(
        A(1, L(0, "decimal", "%1.") + L(1, "lowerLetter", "%2)"))
        + N(
            1,
            1,
            '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="4"/>'
            '<w:numFmt w:val="upperLetter"/><w:lvlText w:val="(%1)"/></w:lvl></w:lvlOverride>',
        ),
        [(1, 0), (1, 1), (1, 0)],
        ["(D)", "a)", "(E)"],
        id="lvlOverride/lvl replaces the level for its numId",
    ),
    pytest.param(
        A(
            1,
            '<w:lvl w:ilvl="0"><w:start w:val="7"/><mc:AlternateContent><mc:Choice Requires="w14">'
            '<w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice><mc:Fallback>'
            '<w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1."/></w:lvl>',
        )
        + N(1, 1),
        [(1, 0)],
        ["007."],
        id="Word 2010 custom format inside mc:AlternateContent",
    ),
    pytest.param(
        A(1, L(0, "ordinal", "%1 paragraph") + L(1, "decimalZero", "%1-%2")) + N(1, 1),
        [(1, 0), (1, 1), (1, 0), (1, 1)],
        ["1st paragraph", "1st-01", "2nd paragraph", "2nd-01"],
        id="%k uses the numFmt of level k",
    ),
]


@pytest.mark.parametrize(("numbering", "sequence", "expected"), COUNTING)
def test_counting(numbering: str, sequence: list[tuple[int, int]], expected: list[str | None]) -> None:
    assert _labels(_state(numbering), sequence) == expected


def test_num_style_link_shares_the_linked_count() -> None:
    state = _state(
        A(6, "", extra='<w:numStyleLink w:val="LegalList"/>')
        + A(7, L(0, "decimal", "%1.") + L(1, "lowerLetter", "%2)"), extra='<w:styleLink w:val="LegalList"/>')
        + N(6, 6)
        + N(7, 7),
        fx.STYLES,
    )
    assert _labels(state, [(6, 0), (6, 1), (6, 0), (7, 0)]) == ["1.", "a)", "2.", "3."]


def test_num_style_link_without_style_falls_back_to_style_link() -> None:
    state = _state(
        A(6, "", extra='<w:numStyleLink w:val="Orphan"/>')
        + A(7, L(0, "upperLetter", "%1."), extra='<w:styleLink w:val="Orphan"/>')
        + N(6, 6)
    )
    assert _labels(state, [(6, 0), (6, 0)]) == ["A.", "B."]


def test_num_style_link_cycle_is_not_numbered() -> None:
    state = _state(A(6, "", extra='<w:numStyleLink w:val="Loop"/>') + N(6, 6), fx.styles_xml(
        fx.style("Loop", "Loop", fx.num_pr(6, None), kind="numbering")
    ))  # fmt: skip
    assert state.label_for(6, 0) is None


def test_ilvl_for_style_finds_the_level_naming_the_style() -> None:
    state = _state(A(1, L(0, "decimal", "%1", extra='<w:pStyle w:val="H1"/>')
                   + L(1, "decimal", "%1.%2", extra='<w:pStyle w:val="H2"/>')) + N(1, 1))  # fmt: skip
    assert state.ilvl_for_style(1, ["Custom", "H2"]) == 1
    assert state.ilvl_for_style(1, ["Nothing"]) is None
    assert state.ilvl_for_style(42, ["H1"]) is None


def test_parse_numbering_tolerates_junk() -> None:
    defs = parse_numbering(etree.fromstring(fx.numbering_xml(
        '<w:abstractNum w:abstractNumId="x"/><w:num w:numId="1"/>'
        '<w:num w:numId="2"><w:abstractNumId w:val="9"/></w:num>'
        + A(3, L(12, "decimal", "%1"))
    ).encode()))  # fmt: skip
    assert set(defs.abstracts) == {3}
    assert defs.abstracts[3].levels == {}
    assert NumberingState(defs).label_for(2, 0) is None


# --------------------------------------------------------------------- styles


def _sheet() -> StyleSheet:
    return parse_styles(etree.fromstring(fx.STYLES.encode()))


@pytest.mark.parametrize(
    ("style_id", "heading", "num_id", "ilvl", "title"),
    [
        ("Heading1", 1, 5, 0, False),
        ("Heading2", 2, 5, 1, False),
        ("ClauseHeading", 2, 5, 1, False),  # basedOn Heading2
        ("Heading3", 3, 5, None, False),  # numPr without ilvl: the level's pStyle decides
        ("Outline4", 4, None, None, False),  # outlineLvl 3
        ("Title", None, None, None, True),
        ("Subtitle", None, None, None, False),  # basedOn Title is not a title
        (None, None, None, None, False),  # the default paragraph style (Normal)
        ("NoSuchStyle", None, None, None, False),
    ],
)
def test_style_resolution(
    style_id: str | None, heading: int | None, num_id: int | None, ilvl: int | None, title: bool
) -> None:
    resolved = _sheet().resolve(style_id)
    assert (resolved.heading_level, resolved.num_id, resolved.ilvl, resolved.title) == (
        heading,
        num_id,
        ilvl,
        title,
    )


def test_default_style_and_chain() -> None:
    sheet = _sheet()
    assert sheet.default_paragraph == "Normal"
    assert sheet.resolve(None).style_id == "Normal"
    assert sheet.resolve("ClauseHeading").chain == ("ClauseHeading", "Heading2", "Heading1", "Normal")


def test_based_on_cycle_terminates() -> None:
    sheet = parse_styles(etree.fromstring(fx.styles_xml(
        fx.style("A", "heading 2", based_on="B") + fx.style("B", "B", based_on="A")
    ).encode()))  # fmt: skip
    assert sheet.resolve("B").chain == ("B", "A")
    assert sheet.resolve("B").heading_level == 2


def test_heading_names_are_case_insensitive_and_ids_count() -> None:
    sheet = parse_styles(etree.fromstring(fx.styles_xml(
        fx.style("berschrift1", "Heading 1") + fx.style("Heading7", "Mine") + fx.style("Body", "Body",
        '<w:outlineLvl w:val="9"/>')
    ).encode()))  # fmt: skip
    assert sheet.resolve("berschrift1").heading_level == 1
    assert sheet.resolve("Heading7").heading_level == 7
    assert sheet.resolve("Body").heading_level is None  # outline level 9 is body text


def test_missing_parts_give_empty_definitions() -> None:
    assert parse_styles(None).resolve("Anything").heading_level is None
    assert NumberingState(parse_numbering(None)).label_for(1, 0) is None


# --------------------------------------------------------------------- LISTNUM


def test_listnum_default_lists() -> None:
    state = ListNumState()
    calls = [
        " LISTNUM ",
        " LISTNUM \\l 2 ",
        " LISTNUM \\l 2 ",
        " LISTNUM ",
        ' LISTNUM "LegalDefault" \\l 2 ',
        " LISTNUM OutlineDefault \\l 1 \\s 3 ",
        "PAGE",
    ]
    assert [state.label_for(call) for call in calls] == ["1)", "a)", "b)", "2)", "1.1.", "III.", None]


# --------------------------------------------------------------------- hostile definitions


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (32767, "upperRoman", "M" * 32 + "DCCLXVII"),  # Word's largest counter still spelled
        (32768, "upperRoman", "32768"),  # beyond it: digits, not 33 "M"s and growing
        (10**18, "lowerRoman", str(10**18)),
        (10**9, "lowerLetter", str(10**9)),
        (10**15, "ordinalText", str(10**15)),
    ],
)
def test_huge_values_show_as_digits(n: int, fmt: str, expected: str) -> None:
    assert format_number(n, fmt) == expected


def test_custom_zero_padding_is_bounded() -> None:
    assert format_number(7, "custom", "0" * 10_000 + "1, ...") == "00007"


def test_numbers_outside_32_bits_are_ignored() -> None:
    state = _state(
        A(1, L(0, "decimal", "%1.", start=2**31))
        + A(2, L(0, "decimal", "%1.", start=2**31 - 1))
        + N(1, 1)
        + N(2, 2)
    )
    assert [state.label_for(1, 0), state.label_for(2, 0)] == ["0.", f"{2**31 - 1}."]


def test_labels_are_cut_to_255_characters() -> None:
    state = _state(
        A(1, L(0, "decimal", "%1" + "x" * 100_000) + L(1, "lowerLetter", "%2" * 200, start=1000)) + N(1, 1)
    )
    first, second = state.label_for(1, 0), state.label_for(1, 1)
    assert first is not None and len(first) <= 255 and first.startswith("1xx")
    assert second is not None and len(second) == 255


def test_listnum_with_absurd_switches() -> None:
    state = ListNumState()
    assert state.label_for("LISTNUM \\s " + "9" * 5000) == "1)"  # the switch is ignored, not int()-ed
    assert state.label_for("LISTNUM LegalDefault \\l 99 \\s 99999999999") == "1.1.1.1.1.1.1.1.1."


# Levels whose label shows one number (remembered per number) beside levels showing two,
# two numIds sharing the abstractNum, one with a start override.
_MEMO_NUMBERING = (
    A(
        1,
        L(0, "upperRoman", "Part %1")
        + L(1, "lowerLetter", "(%2)")
        + L(2, "decimal", "%2.%3")
        + L(3, "lowerRoman", "%1", start=3)
        + L(4, "bullet", "•"),
    )
    + N(1, 1)
    + N(2, 1, SO(1, 25))
)


@given(st.lists(st.tuples(st.sampled_from([1, 2, 3]), st.integers(0, 5)), max_size=60))
def test_labels_remembered_per_number_are_the_ones_formatted(sequence: list[tuple[int, int]]) -> None:
    remembered = _state(_MEMO_NUMBERING)
    fresh = _state(_MEMO_NUMBERING)
    for num_id, ilvl in sequence:
        expected = fresh.count(num_id, ilvl)
        for info in fresh._info.values():  # every label formatted anew
            for memo in info.labels if info is not None else ():
                if memo is not None:
                    memo.clear()
        assert remembered.count(num_id, ilvl) == expected
