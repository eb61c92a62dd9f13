"""Numbers written out in words, as treaties number their parts ("Article One", "PART
TWENTY-ONE", "Strand Three") and as Word's cardinalText and ordinalText lists show them
("Twenty-one|", "First|"): read as the numbers they are, so that an inserted article is a
renumbering of the rest, not their headings added and their texts moved, and a gap is found."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from draftkit import api
from draftkit.model.numbering import format_number, parse_exact, parse_label, words_to_int
from draftkit.validate import validate
from tests.fixtures.docx import make_fixtures as fx


@pytest.mark.parametrize(
    ("line", "num", "ordinal", "rest"),
    [
        ("Article One", "Article One", 1, ""),
        ("ARTICLE TWENTY-ONE", "ARTICLE TWENTY-ONE", 21, ""),
        ("Part Two Security arrangements", "Part Two", 2, "Security arrangements"),
        ("Chapter Seventeen", "Chapter Seventeen", 17, ""),
        ("Section Sixty", "Section Sixty", 60, ""),
        ("Article One Hundred and Five", "Article One Hundred and Five", 105, ""),
        ("Article Ninety Nine.", "Article Ninety Nine", 99, ""),
    ],
)
def test_a_keyword_with_a_number_in_words_is_a_label(line: str, num: str, ordinal: int, rest: str) -> None:
    found = parse_label(line)
    assert found is not None
    label, after = found
    assert (label.num, label.ordinal, label.fmt, after) == (num, ordinal, "cardinalText", rest)


@pytest.mark.parametrize(
    "line",
    ["Article One of the Charter applies.", "Item one of the agenda", "Part of the territory", "Article Onetwo"],
)
def test_prose_that_starts_with_a_keyword_and_a_word_is_not_a_label(line: str) -> None:
    found = parse_label(line)
    assert found is None or found[0].fmt != "cardinalText"


@pytest.mark.parametrize(
    ("label", "fmt", "ordinal", "shape"),
    [
        ("Twenty-one", "cardinalText", 21, "#"),
        ("First", "ordinalText", 1, "#"),
        ("(Second)", "ordinalText", 2, "(#)"),
        ("One hundred seventy-third|", "ordinalText", 173, "#|"),
        ("Three.", "cardinalText", 3, "#."),
    ],
)
def test_a_word_processor_label_in_words_has_its_ordinal(label: str, fmt: str, ordinal: int, shape: str) -> None:
    parsed = parse_exact(label)
    assert (parsed.fmt, parsed.ordinal, parsed.shape) == (fmt, ordinal, shape)


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["cardinalText", "ordinalText"]))
def test_words_read_back_as_the_number_written(n: int, fmt: str) -> None:
    written = format_number(n, fmt)
    for form in (written, written.upper(), written.lower(), written.title()):
        assert words_to_int(form) == (fmt, n)


def _articles(path: Path, texts: list[str], *, label: str = "Article {}") -> Path:
    words = ["One", "Two", "Three", "Four", "Five"]
    lines = ["Framework Agreement", ""]
    for k, text in enumerate(texts):
        lines += [label.format(words[k]), text, ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


CEASE = "The Parties shall cease all hostilities."
WITHDRAW = "The Parties shall withdraw forces 15 km from the line."
COMMISSION = "A joint commission is established."


@pytest.mark.parametrize("label", ["Article {}", "ARTICLE {}", "Part {}"])
def test_an_article_inserted_before_others_numbered_in_words_renumbers_them(tmp_path: Path, label: str) -> None:
    old = _articles(tmp_path / "old.txt", [CEASE, WITHDRAW], label=label)
    new = _articles(tmp_path / "new.txt", [COMMISSION, CEASE, WITHDRAW], label=label)
    comparison = api.diff(old, new)
    kinds = sorted((c.kind, c.renumbered, c.moved) for c in comparison.changes if c.kind != "unchanged" or c.renumbered)
    assert kinds == [("added", False, False), ("unchanged", True, False), ("unchanged", True, False)]
    assert not [f for c in comparison.changes for f in c.flags if f.severity == "high"]


def test_a_missing_article_in_words_is_named_in_words(tmp_path: Path) -> None:
    path = tmp_path / "gap.txt"
    path.write_text(
        "Framework Agreement\n\nARTICLE ONE\nText one.\n\nARTICLE TWO\nText two.\n\nARTICLE FOUR\nText four.\n",
        encoding="utf-8",
    )
    draft = api.parse(path)
    assert [p.ordinal for p in draft.provisions] == [1, 2, 4]
    messages = [f.message for f in validate(draft).findings if f.rule == "numbering.contiguous"]
    assert messages and '"ARTICLE THREE" is missing' in messages[0]


def test_typed_article_headings_in_words_in_a_word_file(tmp_path: Path) -> None:
    body = "".join(fx.p(fx.r(text)) for text in ["Article One", CEASE, "Article Two", WITHDRAW])
    draft = api.parse(fx.build_docx(tmp_path / "d.docx", body))
    assert [(p.kind, p.num, p.ordinal) for p in draft.provisions] == [
        ("article", "Article One", 1),
        ("article", "Article Two", 2),
    ]
