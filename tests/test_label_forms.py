"""The label forms of real framework texts beyond "Article 5", "1." and "(a)": numbers written
out in words ("Article One", "PART TWENTY-ONE", Word's cardinalText and ordinalText lists),
articles put in between ("Article 5 bis", "Section 2A", "第十条の二"), keywords of French,
Spanish, Portuguese, Italian, German and Arabic texts, Chinese, Japanese and Korean labels,
phases and clauses, and the cross-references that cite them. Each is read as the number it
is, so an inserted article is a renumbering of the rest, not their headings added and their
texts moved, a gap is found, and a renumbering cascade reads as references updated."""

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
    [
        "Article One of the Charter applies.",
        "Item one of the agenda",
        "Part of the territory",
        "Article Onetwo",
        "Section three (sentinel section) paragraph.",
    ],
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
def test_a_word_processor_label_in_words_has_its_ordinal(
    label: str, fmt: str, ordinal: int, shape: str
) -> None:
    parsed = parse_exact(label)
    assert (parsed.fmt, parsed.ordinal, parsed.shape) == (fmt, ordinal, shape)


@pytest.mark.parametrize("word", ["Nineth", "Oneth", "Twoth", "Twelveth", "one two", "Twenty hundred"])
def test_misspelt_or_impossible_numbers_are_no_numbers(word: str) -> None:
    assert words_to_int(word) is None


@given(st.integers(min_value=1, max_value=99_999), st.sampled_from(["cardinalText", "ordinalText"]))
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
def test_an_article_inserted_before_others_numbered_in_words_renumbers_them(
    tmp_path: Path, label: str
) -> None:
    old = _articles(tmp_path / "old.txt", [CEASE, WITHDRAW], label=label)
    new = _articles(tmp_path / "new.txt", [COMMISSION, CEASE, WITHDRAW], label=label)
    comparison = api.diff(old, new)
    kinds = sorted(
        (c.kind, c.renumbered, c.moved) for c in comparison.changes if c.kind != "unchanged" or c.renumbered
    )
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


# ---------------------------------------------------------------- inserted articles, other languages


@pytest.mark.parametrize(
    ("line", "num", "parts"),
    [
        ("Article 5 bis", "Article 5 bis", ("5", "bis")),
        ("Article 5bis The Parties", "Article 5bis", ("5", "bis")),
        ("ARTICLE 12 TER", "ARTICLE 12 TER", ("12", "TER")),
        ("Section 2A. Monitoring", "Section 2A", ("2", "A")),
        ("Art. 7 quater", "Art. 7 quater", ("7", "quater")),
    ],
)
def test_an_inserted_article_is_a_label_outside_the_count(
    line: str, num: str, parts: tuple[str, ...]
) -> None:
    found = parse_label(line)
    assert found is not None
    label = found[0]
    assert (label.num, label.kind in ("article", "section"), label.parts, label.ordinal) == (
        num,
        True,
        parts,
        None,
    )


@pytest.mark.parametrize(
    "line", ["Article 2 A joint commission", "Article 2 Bisected lines", "Article 5 shall apply"]
)
def test_a_word_after_the_number_is_not_an_insertion(line: str) -> None:
    found = parse_label(line)
    assert found is None or found[0].num == "Article 2"


def test_an_article_bis_is_its_own_provision_and_no_gap(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text("Framework\n\nArticle 1\nText one.\n\nArticle 2\nText two.\n", encoding="utf-8")
    new.write_text(
        "Framework\n\nArticle 1\nText one.\n\nArticle 1 bis\nText one bis.\n\nArticle 2\nText two.\n",
        encoding="utf-8",
    )
    draft = api.parse(new)
    assert [(p.num, p.text) for p in draft.provisions] == [
        ("Article 1", "Text one."),
        ("Article 1 bis", "Text one bis."),
        ("Article 2", "Text two."),
    ]
    assert [p.eid for p in draft.provisions] == ["art_1", "art_1bis", "art_2"]  # its number kept
    assert not [f for f in validate(draft).findings if f.rule.startswith("numbering.")]
    changes = [
        (c.kind, c.renumbered) for c in api.diff(old, new).changes if c.kind != "unchanged" or c.renumbered
    ]
    assert changes == [("added", False)]


@pytest.mark.parametrize(
    ("line", "kind", "ordinal"),
    [
        ("Artículo 3", "article", 3),
        ("Artículo 1.º Las Partes", "article", 1),
        ("Capítulo II", "chapter", 2),
        ("Título I Disposiciones generales", "part", 1),
        ("Chapitre IV", "chapter", 4),
        ("Annexe 2", "annex", 2),
        ("Artigo 12", "article", 12),
        ("Articolo 4", "article", 4),
        ("Artikel 9", "article", 9),
        ("Abschnitt 3", "section", 3),
    ],
)
def test_keywords_of_other_languages(line: str, kind: str, ordinal: int) -> None:
    found = parse_label(line)
    assert found is not None
    assert (found[0].kind, found[0].ordinal) == (kind, ordinal)


def test_a_spanish_article_inserted_renumbers_the_rest(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    cease, withdraw = "Las Partes cesarán todas las hostilidades.", "Las Partes retirarán sus fuerzas 15 km."
    old.write_text(f"Acuerdo Marco\n\nArtículo 1\n{cease}\n\nArtículo 2\n{withdraw}\n", encoding="utf-8")
    new.write_text(
        f"Acuerdo Marco\n\nArtículo 1\nSe establece una comisión conjunta.\n\nArtículo 2\n{cease}\n\nArtículo 3\n{withdraw}\n",
        encoding="utf-8",
    )
    changes = sorted(
        (c.kind, c.renumbered, c.moved)
        for c in api.diff(old, new).changes
        if c.kind != "unchanged" or c.renumbered
    )
    assert changes == [("added", False, False), ("unchanged", True, False), ("unchanged", True, False)]


# ---------------------------------------------------------------- Arabic, Chinese, Japanese, Korean


@pytest.mark.parametrize(
    ("line", "kind", "ordinal", "rest"),
    [
        ("المادة 1", "article", 1, ""),
        ("المادة ١٢ وقف إطلاق النار", "article", 12, "وقف إطلاق النار"),
        ("المادة الأولى", "article", 1, ""),
        ("المادة الخامسة", "article", 5, ""),
        ("الفصل الثاني", "chapter", 2, ""),
        ("第一条 双方立即停火。", "article", 1, "双方立即停火。"),
        ("第12条 撤军", "article", 12, "撤军"),
        ("第二十一条", "article", 21, ""),
        ("第二章 安全", "chapter", 2, "安全"),
        ("제3조 휴전", "article", 3, "휴전"),
        ("\u200fالمادة 5", "article", 5, ""),
        ("一、尊重各国主权。", None, 1, "尊重各国主权。"),
        ("（三）停止敌对行动", None, 3, "停止敌对行动"),
        ("十二、推动战后重建。", None, 12, "推动战后重建。"),
    ],
)
def test_labels_of_arabic_and_east_asian_texts(line: str, kind: str | None, ordinal: int, rest: str) -> None:
    found = parse_label(line)
    assert found is not None
    assert (found[0].kind, found[0].ordinal, found[1]) == (kind, ordinal, rest)


@pytest.mark.parametrize("line", ["一般原则", "十分重要", "第一次会议", "二〇二五年"])
def test_han_words_that_start_with_a_numeral_are_not_labels(line: str) -> None:
    assert parse_label(line) is None


@given(st.integers(min_value=1, max_value=9_999))
def test_chinese_numerals_read_back(n: int) -> None:
    from draftkit.model.numbering import han_to_int

    assert han_to_int(format_number(n, "chineseCounting")) == n


def test_a_chinese_point_inserted_renumbers_the_rest(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text("立场文件\n\n一、尊重各国主权。\n二、停火止战。\n三、启动和谈。\n", encoding="utf-8")
    new.write_text(
        "立场文件\n\n一、尊重各国主权。\n二、摒弃冷战思维。\n三、停火止战。\n四、启动和谈。\n",
        encoding="utf-8",
    )
    changes = sorted(
        (c.kind, c.renumbered) for c in api.diff(old, new).changes if c.kind != "unchanged" or c.renumbered
    )
    assert changes == [("added", False), ("unchanged", True), ("unchanged", True)]
    assert [p.text for p in api.parse(new).provisions] == [
        "尊重各国主权。",
        "摒弃冷战思维。",
        "停火止战。",
        "启动和谈。",
    ]


# ---------------------------------------------------------------- phases, clauses, "A)" lists


@pytest.mark.parametrize(
    ("line", "kind", "ordinal"),
    [
        ("Phase One", "part", 1),
        ("PHASE 2", "part", 2),
        ("Stage II", "part", 2),
        ("Clause 3 Termination", "article", 3),
        ("Step 2: Withdrawal", "point", 2),
        ("A) The Parties", None, 1),
        ("B) Withdrawal", None, 2),
    ],
)
def test_more_keywords_and_upper_case_letters_before_a_parenthesis(
    line: str, kind: str | None, ordinal: int
) -> None:
    found = parse_label(line)
    assert found is not None
    assert (found[0].kind, found[0].ordinal) == (kind, ordinal)


def test_points_of_each_phase_are_the_phase_s_own(tmp_path: Path) -> None:
    path = tmp_path / "ceasefire.txt"
    path.write_text(
        "Ceasefire Agreement\n\nPhase One\n1. A cessation of military operations for 42 days.\n"
        "2. Withdrawal of forces from populated areas.\n\nPhase Two\n1. A permanent cessation of hostilities.\n"
        "2. Exchange of remaining detainees.\n",
        encoding="utf-8",
    )
    draft = api.parse(path)
    assert [(p.kind, p.num, len(p.children)) for p in draft.provisions] == [
        ("part", "Phase One", 2),
        ("part", "Phase Two", 2),
    ]
    assert draft.provisions[0].children[1].text == "Withdrawal of forces from populated areas."


# ---------------------------------------------------------------- references in words


def test_references_in_words_are_found() -> None:
    from draftkit.compare.refs import find_references

    assert [(r.top_kind, r.path) for r in find_references("under Article Three and Part Two")] == [
        ("article", ("Three",)),
        ("part", ("Two",)),
    ]
    assert find_references("Article Concerning the Parties") == []
    cited = [
        (r.text, r.path)
        for r in find_references("under Article Twenty-One and Article 5(2); Article One Hundred applies")
    ]
    assert cited == [
        ("Article Twenty-One", ("Twenty-One",)),
        ("Article 5(2)", ("5", "2")),
        ("Article One Hundred", ("One Hundred",)),
    ]
    assert [r.path for r in find_references("Section 2A applies")] == [("2A",)]


@pytest.mark.parametrize("line", ["Title I of the Act", "TITLE II", "Principle 3 applies", "Protocol I"])
def test_words_that_share_a_kind_with_another_keyword_are_not_keywords(line: str) -> None:
    # "TITLE I" under "PART TWO", "Protocol I" beside "Annex I": read as parts and annexes,
    # they repeated their neighbours' numbers (validate: duplicates; eIds: art_1_2).
    found = parse_label(line)
    assert found is None or found[0].kind is None


@pytest.mark.parametrize(
    ("line", "num"),
    [("第十条の二 追加", "第十条の二"), ("第一条之一", "第一条之一"), ("제3조의2 휴전", "제3조의2")],
)
def test_an_east_asian_article_put_in_between_is_outside_the_count(line: str, num: str) -> None:
    found = parse_label(line)
    assert found is not None and (found[0].num, found[0].kind, found[0].ordinal) == (num, "article", None)


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("Accord\n\nArticle premier\nTexte un.\n\nArticle 3\nTexte trois.\n", "Article 2 missing"),
        ("خطة\n\nالمادة الأولى\nنص.\n\nالمادة الثالثة\nنص.\n", "المادة 2 missing"),
    ],
)
def test_a_gap_after_a_number_written_otherwise_names_the_keyword(
    tmp_path: Path, text: str, missing: str
) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    assert next(w.message for w in api.parse(path).warnings if w.code == "numbering-gap").endswith(missing)


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("conforme al artículo 5, apartado 2", [("article", ("5",))]),
        ("l'article 3 du présent accord", [("article", ("3",))]),
        ("nos termos do artigo 7 e do Anexo 2", [("article", ("7",)), ("annex", ("2",))]),
        ("gemäß Artikel 9", [("article", ("9",))]),
        ("وفقا للمادة 5", [("article", ("5",))]),
        ("the article 5 is", []),  # English cites "Article 5"; prose left as before
        # Ukrainian and Russian, in any case of the noun.
        ("відповідно до статті 5", [("article", ("5",))]),
        ("згідно зі статтею 12", [("article", ("12",))]),
        ("в соответствии со статьей 3 и ст. 7", [("article", ("3",)), ("article", ("7",))]),
        ("у додатку 2 та в розділі 3", [("annex", ("2",)), ("section", ("3",))]),
        ("главным образом 5 раз", []),
    ],
)
def test_citations_in_the_other_languages_read(text: str, cited: list[tuple[str, tuple[str, ...]]]) -> None:
    from draftkit.compare.refs import find_references

    assert [(r.top_kind, r.path) for r in find_references(text)] == cited


# (title, keyword, a new first article, the cited article's text with "{n}" for its number)
CASCADES = [
    (
        "Framework",
        "Article {}",
        COMMISSION,
        CEASE,
        "The ceasefire under Article {} shall be monitored.",
        ("One", "Two", "Three"),
    ),
    (
        "Acuerdo Marco",
        "Artículo {}",
        "Se establece una comisión.",
        "Las Partes cesarán todas las hostilidades.",
        "El cese previsto en el artículo {} será verificado.",
        ("1", "2", "3"),
    ),
    (
        "Рамкова угода",
        "Стаття {}",
        "Створюється спільна комісія.",
        "Сторони припиняють вогонь.",
        "Припинення вогню відповідно до статті {} перевіряється.",
        ("1", "2", "3"),
    ),
]


@pytest.mark.parametrize(("title", "keyword", "first", "cited", "citing", "numbers"), CASCADES)
def test_a_renumbering_cascade_reads_as_references_updated(
    tmp_path: Path,
    title: str,
    keyword: str,
    first: str,
    cited: str,
    citing: str,
    numbers: tuple[str, str, str],
) -> None:
    # An article inserted first: the rest renumbered, the one citing the first's old number
    # now citing its new one — references updated, not a modification.
    one, two, three = (keyword.format(n) for n in numbers)
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text(f"{title}\n\n{one}\n{cited}\n\n{two}\n{citing.format(numbers[0])}\n", encoding="utf-8")
    new.write_text(
        f"{title}\n\n{one}\n{first}\n\n{two}\n{cited}\n\n{three}\n{citing.format(numbers[1])}\n",
        encoding="utf-8",
    )
    changes = [c for c in api.diff(old, new).changes if c.kind != "unchanged" or c.renumbered]
    assert sorted(c.kind for c in changes) == ["added", "unchanged", "unchanged"]
    assert [c.references_updated for c in changes if c.new_cite == three] == [True]


@pytest.mark.parametrize(
    ("line", "num", "ordinal", "rest"),
    [
        ("I – SECURITY", "I", 1, "SECURITY"),
        ("II - TERRITORY", "II", 2, "TERRITORY"),
        ("B – Withdrawal", "B", 2, "Withdrawal"),
    ],
)
def test_a_roman_numeral_or_letter_set_off_by_a_dash(line: str, num: str, ordinal: int, rest: str) -> None:
    found = parse_label(line)
    assert found is not None and (found[0].num, found[0].ordinal, found[1]) == (num, ordinal, rest)


@pytest.mark.parametrize("line", ["I - the undersigned", "I – 5 km", "IIII – X"])
def test_a_dash_after_a_capital_in_prose_is_no_label(line: str) -> None:
    assert parse_label(line) is None


def test_titled_roman_groups_set_off_by_dashes_hold_their_points(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "FRAMEWORK\n\nI - SECURITY\n1. The Parties shall cease all hostilities.\n2. Forces shall withdraw 15 km.\n\n"
        "II - TERRITORY\n1. The line of contact is the boundary.\n",
        encoding="utf-8",
    )
    draft = api.parse(path)
    assert [(p.kind, p.num, p.heading, len(p.children)) for p in draft.provisions] == [
        ("section", "I", "SECURITY", 2),
        ("section", "II", "TERRITORY", 1),
    ]


def test_a_label_without_a_number_before_its_suffix_keeps_the_old_eid() -> None:
    from draftkit.model.ids import eid_step

    assert (eid_step("article", "Article bis"), eid_step("article", "5 bis")) == ("art_bis", "art_5bis")


@pytest.mark.parametrize(
    ("text", "eids"),
    [
        (
            "Article 5\nA.\n\nArticle 5 bis\nB.\n\nArticle 6\nC.\n\nArticle 6 TER\nD.\n",
            ["art_5", "art_5bis", "art_6", "art_6ter"],
        ),
        ("المادة 5\nنص.\n\nالمادة 5 مكرر\nنص.\n\nالمادة 6\nنص.\n", ["art_5", "art_5bis", "art_6"]),
    ],
)
def test_an_article_put_in_between_keeps_its_number_in_its_eid(
    tmp_path: Path, text: str, eids: list[str]
) -> None:
    """'Article 5 bis' is art_5bis, not art_bis (two of them would be art_bis and art_bis_2)."""
    path = tmp_path / "d.txt"
    path.write_text("Framework\n\n" + text, encoding="utf-8")
    assert [p.eid for p in api.parse(path).provisions] == eids
