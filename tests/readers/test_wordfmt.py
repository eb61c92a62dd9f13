"""Word's list number formats (readers/wordfmt.py): a label draftkit cannot write is shown in
digits and said, once per format and located, on stderr and in the reports — never in silence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from draftkit import api
from draftkit.readers.wordfmt import digits_note, format_number, spell
from tests.fixtures.docx import make_fixtures as fx
from tests.hostile.helpers import cli

THAI = "a Word list numbered in thaiNumbers is read with digits (1, 2, 3) in place of the labels Word shows"


@pytest.mark.parametrize(
    ("n", "fmt", "custom"),
    [
        (1, "thaiNumbers", None),  # LibreOffice shows digits: not guessed
        (1, "vietnameseCounting", None),
        (1, "hindiConsonants", None),  # LibreOffice shows digits
        (1, "ideographEnclosedCircle", None),  # LibreOffice shows ①, not ideographs
        (10, "ideographDigital", None),  # LibreOffice counts (十)
        (10, "japaneseLegal", None),
        (21, "decimalEnclosedCircle", None),  # LibreOffice goes on to ㊿
        (1, "no-such-format", None),
        (1, "custom", "一, 二, 三, ..."),  # a custom format that is not zero-padded digits
        (1000, "hebrew1", None),
        (10_000, "chineseCounting", None),
        (32_768, "upperRoman", None),  # past MAX_SPELLED
    ],
)
def test_what_draftkit_cannot_write_is_none_and_shows_digits(n: int, fmt: str, custom: str | None) -> None:
    assert spell(n, fmt, custom) is None
    assert format_number(n, fmt, custom) == str(n)


@pytest.mark.parametrize(
    ("n", "fmt", "custom", "expected"),
    [
        (12, "decimal", None, "12"),
        (0, "decimal", None, "0"),
        (3, "decimalZero", None, "03"),
        (7, "custom", "001, 002, 003, ...", "007"),
        (3, "bullet", None, ""),
        (3, "none", None, ""),
        (10, "ideographTraditional", None, "癸"),
        (11, "ideographTraditional", None, "11"),  # past 癸 LibreOffice shows digits too
        (13, "ideographZodiac", None, "13"),
        (0, "lowerLetter", None, "0"),  # no letter for zero: LibreOffice shows 0 in every format
        (0, "ordinal", None, "0"),
    ],
)
def test_what_draftkit_writes_is_spelled(n: int, fmt: str, custom: str | None, expected: str) -> None:
    assert spell(n, fmt, custom) == expected


def test_the_note_says_which_format_and_where_the_digits_start() -> None:
    assert digits_note(1, "thaiNumbers") == THAI
    assert digits_note(21, "decimalEnclosedCircle") == (
        "a Word list numbered in decimalEnclosedCircle reaches 21, beyond the labels draftkit writes in"
        " that format: such numbers are read with digits (21), which may not be what Word shows"
    )
    assert "a custom format ('一, 二, 三, ...')" in digits_note(1, "custom", "一, 二, 三, ...")
    # A format name from a hostile file is quoted and cut, never written raw to stderr.
    assert "numbered in '\\x1b[31m" in digits_note(1, "\x1b[31m" + "x" * 100)


def _lists(tmp_path: Path, *formats: str, items: int = 4) -> Path:
    """A title, then one list per format, `items` points each."""
    numbering = "".join(
        fx.abstract(k, fx.lvl(0, fmt, "%1.")) + fx.num(k, k) for k, fmt in enumerate(formats, 1)
    )
    body = fx.p(fx.r("Agreement on the points below")) + "".join(
        fx.np(f"Point {i} of list {k}.", k) for k, _ in enumerate(formats, 1) for i in range(1, items + 1)
    )
    return fx.build_docx(tmp_path / "lists.docx", body, numbering=fx.numbering_xml(numbering))


def test_an_unknown_format_is_warned_once_at_its_first_paragraph(tmp_path: Path) -> None:
    path = _lists(tmp_path, "decimal", "thaiNumbers", "decimalEnclosedCircle", items=21)
    draft = api.parse(path)
    assert [p.num for p in draft.walk()][21:24] == ["1.", "2.", "3."]  # digits, as before
    assert [p.num for p in draft.walk()][-2:] == ["⑳.", "21."]
    warnings = [(w.code, w.location.paragraph if w.location else None, w.message) for w in draft.warnings]
    assert warnings == [
        ("number-format", 23, THAI),  # paragraph 1 is the title, 2-22 the decimal list
        ("number-format", 64, digits_note(21, "decimalEnclosedCircle")),
    ]


def test_known_formats_are_not_warned(tmp_path: Path) -> None:
    formats = (
        "decimal", "lowerLetter", "upperRoman", "decimalZero", "hebrew2", "chineseCounting", "bullet",
        "decimalHalfWidth", "thaiLetters", "koreanLegal", "iroha", "ganada", "ideographLegalTraditional",
    )  # fmt: skip
    assert api.parse(_lists(tmp_path, *formats)).warnings == ()


def test_the_warning_reaches_stderr_and_the_json_reports(tmp_path: Path) -> None:
    path = _lists(tmp_path, "thaiNumbers")
    line = f"draftkit: warning: {path}: paragraph 2: {THAI}"
    run = cli("parse", path, "--format", "json", "-o", tmp_path / "draft.json")
    assert run.code == 0 and line in run.err.splitlines()
    warnings = json.loads((tmp_path / "draft.json").read_text())["warnings"]
    assert warnings == [{"code": "number-format", "message": THAI, "paragraph": 2, "line": None}]
    run = cli("diff", path, path, "--format", "json", "-o", tmp_path / "diff.json")
    assert run.code == 0 and line in run.err.splitlines()
    assert THAI in (tmp_path / "diff.json").read_text()
    # --strict refuses a draft whose labels are a guess, as it refuses any reading warning.
    assert cli("parse", path, "--strict").code == 3
