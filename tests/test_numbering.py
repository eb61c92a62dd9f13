"""The label grammar, table-driven."""

from __future__ import annotations

import pytest

from draftkit.model.numbering import (
    format_number,
    int_to_letter,
    letter_to_int,
    parse_exact,
    parse_label,
    roman_to_int,
)

CASES = [
    # text, num, kind, fmt, shape, ordinal, rest
    ("Article 3 — Withdrawal", "Article 3", "article", "decimal", "article #", 3, "— Withdrawal"),
    ("Art. 3", "Art. 3", "article", "decimal", "article #", 3, ""),
    ("ARTICLE III", "ARTICLE III", "article", "upperRoman", "article #", 3, ""),
    ("Section 2. Scope", "Section 2", "section", "decimal", "section #", 2, "Scope"),
    ("Chapter IV", "Chapter IV", "chapter", "upperRoman", "chapter #", 4, ""),
    ("Part II — Security", "Part II", "part", "upperRoman", "part #", 2, "— Security"),
    ("Point 4. The Parties", "Point 4", "point", "decimal", "point #", 4, "The Parties"),
    ("Annex I — Maps", "Annex I", "annex", "upperRoman", "annex #", 1, "— Maps"),
    ("1. The Parties shall", "1.", None, "decimal", "#.", 1, "The Parties shall"),
    ("12) text", "12)", None, "decimal", "#)", 12, "text"),
    (
        "10000. text",
        "10000.",
        None,
        "decimal",
        "#.",
        10000,
        "text",
    ),  # a list past 9999: no fold into the one before
    ("1.1 text", "1.1", None, "decimal", "#.#", 1, "text"),
    ("2.3.4. text", "2.3.4.", None, "decimal", "#.#.#.", 4, "text"),
    ("(a) text", "(a)", None, "lowerLetter", "(#)", 1, "text"),
    ("b) text", "b)", None, "lowerLetter", "#)", 2, "text"),
    ("(iv) text", "(iv)", None, "lowerRoman", "(#)", 4, "text"),
    ("iii. text", "iii.", None, "lowerRoman", "#.", 3, "text"),
    ("(A) text", "(A)", None, "upperLetter", "(#)", 1, "text"),
    ("(aa) text", "(aa)", None, "lowerLetter", "(#)", 27, "text"),
    ("Стаття 1", "Стаття 1", "article", "decimal", "article #", 1, ""),
    ("Статья 12. Прекращение огня", "Статья 12", "article", "decimal", "article #", 12, "Прекращение огня"),
    ("а) текст", "а)", None, "cyrillic", "#)", 1, "текст"),
    ("(в) текст", "(в)", None, "cyrillic", "(#)", 3, "текст"),
]


@pytest.mark.parametrize(("text", "num", "kind", "fmt", "shape", "ordinal", "rest"), CASES)
def test_parse_label(
    text: str, num: str, kind: str | None, fmt: str, shape: str, ordinal: int, rest: str
) -> None:
    found = parse_label(text)
    assert found is not None
    label, tail = found
    assert (label.num, label.kind, label.fmt, label.shape, label.ordinal, tail) == (
        num,
        kind,
        fmt,
        shape,
        ordinal,
        rest,
    )


@pytest.mark.parametrize(
    "text",
    [
        "The Parties shall",
        "Article 5 shall apply",
        "2027 was",
        "",
        "   ",
        "(not a label)",
        "1.5km wide",
        "(ab) x",
    ],
)
def test_not_a_label(text: str) -> None:
    assert parse_label(text) is None


def test_ambiguous_roman_or_letter_has_both_readings() -> None:
    found = parse_label("(i) text")
    assert found is not None
    label = found[0]
    assert label.fmt == "lowerRoman" and label.ordinal == 1
    assert label.alt is not None and label.alt.fmt == "lowerLetter" and label.alt.ordinal == 9


@pytest.mark.parametrize(
    ("n", "fmt", "out"),
    [
        (1, "decimal", "1"),
        (7, "decimalZero", "07"),
        (1, "lowerLetter", "a"),
        (26, "lowerLetter", "z"),
        (27, "lowerLetter", "aa"),
        (28, "lowerLetter", "bb"),
        (53, "upperLetter", "AAA"),
        (4, "lowerRoman", "iv"),
        (1994, "upperRoman", "MCMXCIV"),
        (9, "lowerRoman", "ix"),
    ],
)
def test_format_number(n: int, fmt: str, out: str) -> None:
    assert format_number(n, fmt) == out


def test_letters_and_romans_round_trip() -> None:
    for n in range(1, 200):
        assert letter_to_int(int_to_letter(n)) == n
        assert roman_to_int(format_number(n, "lowerRoman")) == n
    assert roman_to_int("iiii") is None
    assert letter_to_int("ab") is None


def test_parse_exact_falls_back_to_shape() -> None:
    label = parse_exact("§ 12")
    assert label.fmt == "other" and label.shape == "§ #" and label.ordinal == 12
    assert parse_exact("Article 3").kind == "article"
