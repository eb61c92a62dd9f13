"""Ordinal words after the keywords of Spanish, Portuguese and Italian texts ("ARTÍCULO
PRIMERO", "Artículo Décimo Primero", "Artigo Primeiro", "Articolo primo", "Articolo 1-bis"),
Arabic articles numbered in parentheses ("المادة (5)") or put in between ("المادة 5 مكرر"),
and the citations that cite them in words ("el artículo primero", "o artigo primeiro",
"وفقا للمادة الخامسة"). Each is read as the number it is, so renumbering reads as
renumbering, a gap is named in the label's own words, and a renumbering cascade reads as
references updated, the new number written in the citation's own form and case."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftkit import api
from draftkit.compare.refs import find_references
from draftkit.model.numbering import parse_label
from draftkit.validate import validate

# ---------------------------------------------------------------- Spanish, Portuguese, Italian


@pytest.mark.parametrize(
    ("line", "kind", "ordinal", "rest"),
    [
        ("ARTÍCULO PRIMERO", "article", 1, ""),
        ("Artículo Segundo. Objeto del Acuerdo", "article", 2, "Objeto del Acuerdo"),
        (
            "Artículo primero. Modificación de la Ley 12/2003.",
            "article",
            1,
            "Modificación de la Ley 12/2003.",
        ),
        ("ARTÍCULO TERCERO: Cese al fuego", "article", 3, ": Cese al fuego"),
        ("Artículo Décimo Primero", "article", 11, ""),
        ("ARTÍCULO DÉCIMO QUINTO", "article", 15, ""),
        ("Artículo Undécimo", "article", 11, ""),
        ("ARTÍCULO DUODÉCIMO", "article", 12, ""),
        ("Artículo decimotercero.", "article", 13, ""),
        ("ARTÍCULO VIGÉSIMO", "article", 20, ""),
        ("Artículo Vigésimo Tercero", "article", 23, ""),
        ("ARTICULO DECIMO", "article", 10, ""),  # a text without accents
        ("Artículo Séptimo", "article", 7, ""),
        ("Artículo Noveno", "article", 9, ""),
        ("CAPÍTULO TERCERO", "chapter", 3, ""),
        ("TÍTULO PRIMERO", "part", 1, ""),
        ("Sección Segunda", "section", 2, ""),
        ("Artigo Primeiro", "article", 1, ""),
        ("ARTIGO DÉCIMO SEGUNDO", "article", 12, ""),
        ("Artigo Oitavo", "article", 8, ""),
        ("Artigo Terceiro – Da retirada das forças", "article", 3, "– Da retirada das forças"),
        ("Articolo primo", "article", 1, ""),
        ("ARTICOLO TERZO", "article", 3, ""),
        ("Articolo undicesimo", "article", 11, ""),
        ("Articolo ventunesimo", "article", 21, ""),
        ("Capitolo Secondo", "chapter", 2, ""),
    ],
)
def test_a_romance_keyword_with_an_ordinal_in_words_is_a_label(
    line: str, kind: str, ordinal: int, rest: str
) -> None:
    found = parse_label(line)
    assert found is not None
    assert (found[0].kind, found[0].ordinal, found[1].lstrip(": ")) == (kind, ordinal, rest.lstrip(": "))


@pytest.mark.parametrize(
    "line",
    [
        "Artículo primero de la Ley 5/2000 dispone lo siguiente.",
        "Artigo primeiro da Constituição",
        "Articolo terzo comma due",
        "Artículo Quintana",
    ],
)
def test_prose_with_a_romance_ordinal_after_a_keyword_is_not_a_label(line: str) -> None:
    found = parse_label(line)
    assert found is None or found[0].ordinal is None


@pytest.mark.parametrize(
    ("line", "num"), [("Articolo 1-bis", "Articolo 1-bis"), ("Art. 3-ter Disposizioni", "Art. 3-ter")]
)
def test_an_italian_article_put_in_between_is_outside_the_count(line: str, num: str) -> None:
    found = parse_label(line)
    assert found is not None
    assert (found[0].kind, found[0].num, found[0].ordinal) == ("article", num, None)


def _draft(path: Path, labels: list[str], texts: list[str], title: str) -> Path:
    lines = [title, ""]
    for label, text in zip(labels, texts, strict=True):
        lines += [label, text, ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_a_missing_spanish_article_is_named_in_its_words(tmp_path: Path) -> None:
    path = _draft(
        tmp_path / "gap.txt",
        ["ARTÍCULO PRIMERO", "ARTÍCULO SEGUNDO", "ARTÍCULO CUARTO"],
        ["Las Partes cesan las hostilidades.", "Las Partes retiran sus fuerzas.", "Se crea una comisión."],
        "Acuerdo Marco",
    )
    draft = api.parse(path)
    assert [(p.kind, p.ordinal) for p in draft.provisions] == [("article", 1), ("article", 2), ("article", 4)]
    assert next(w.message for w in draft.warnings if w.code == "numbering-gap").endswith(
        "ARTÍCULO TERCERO missing"
    )
    messages = [f.message for f in validate(draft).findings if f.rule == "numbering.contiguous"]
    assert messages and '"ARTÍCULO TERCERO" is missing' in messages[0]
    assert [f.message for f in validate(draft).findings if f.rule == "numbering.one_format"] == []


RENUMBERED = [
    ("Acuerdo Marco", ["Artículo Primero", "Artículo Segundo", "Artículo Tercero"]),
    ("Acuerdo Marco", ["ARTÍCULO DÉCIMO", "ARTÍCULO DÉCIMO PRIMERO", "ARTÍCULO DÉCIMO SEGUNDO"]),
    ("Acordo-Quadro", ["Artigo Primeiro", "Artigo Segundo", "Artigo Terceiro"]),
    ("Accordo quadro", ["Articolo primo", "Articolo secondo", "Articolo terzo"]),
]


@pytest.mark.parametrize(("title", "labels"), RENUMBERED)
def test_an_article_inserted_before_romance_ordinals_renumbers_them(
    tmp_path: Path, title: str, labels: list[str]
) -> None:
    texts = [
        "Las Partes cesan todas las hostilidades.",
        "Las Partes retiran sus fuerzas a 15 km de la línea.",
    ]
    old = _draft(tmp_path / "old.txt", labels[:2], texts, title)
    new = _draft(tmp_path / "new.txt", labels, ["Se establece una comisión conjunta.", *texts], title)
    changes = [c for c in api.diff(old, new).changes if c.kind != "unchanged" or c.renumbered]
    assert sorted((c.kind, c.renumbered) for c in changes) == [
        ("added", False),
        ("unchanged", True),
        ("unchanged", True),
    ]
    assert [(c.old_cite, c.new_cite) for c in changes if c.renumbered] == [
        (labels[0], labels[1]),
        (labels[1], labels[2]),
    ]


# ---------------------------------------------------------------- Arabic: parentheses, مكرر


@pytest.mark.parametrize(
    ("line", "kind", "ordinal", "rest"),
    [
        ("المادة (5)", "article", 5, ""),
        ("المادة (12): الأحكام الختامية", "article", 12, ": الأحكام الختامية"),
        ("المادة (٣)", "article", 3, ""),
        ("الفصل (2) وقف إطلاق النار", "chapter", 2, "وقف إطلاق النار"),
    ],
)
def test_an_arabic_number_in_parentheses_after_the_keyword(
    line: str, kind: str, ordinal: int, rest: str
) -> None:
    found = parse_label(line)
    assert found is not None
    assert (found[0].kind, found[0].ordinal, found[1].lstrip(": ")) == (kind, ordinal, rest.lstrip(": "))


@pytest.mark.parametrize(
    "line", ["المادة 5 مكرر", "المادة الخامسة مكرر", "المادة (5) مكرر", "مادة 18 مكرراً", "المادة 7 مكررة"]
)
def test_an_arabic_article_put_in_between_is_outside_the_count(line: str) -> None:
    found = parse_label(line)
    assert found is not None
    assert (found[0].kind, found[0].ordinal, found[0].num, found[1]) == ("article", None, line, "")


def test_arabic_articles_with_one_put_in_between_are_siblings_without_a_gap(tmp_path: Path) -> None:
    labels = ["المادة 4", "المادة 5", "المادة 5 مكرر", "المادة 6"]
    draft = api.parse(
        _draft(tmp_path / "d.txt", labels, ["نص أول.", "نص ثان.", "نص مضاف.", "نص ثالث."], "اتفاق")
    )
    assert [(p.kind, p.ordinal, p.num) for p in draft.provisions] == [
        ("article", 4, "المادة 4"),
        ("article", 5, "المادة 5"),
        ("article", None, "المادة 5 مكرر"),
        ("article", 6, "المادة 6"),
    ]
    assert [w for w in draft.warnings if w.code in ("numbering-gap", "numbering-repeat")] == []


def test_an_arabic_article_put_in_between_renumbers_nothing(tmp_path: Path) -> None:
    texts = ["يوقف الطرفان جميع الأعمال العدائية.", "تنسحب القوات مسافة 15 كم.", "تنشأ لجنة مشتركة."]
    old = _draft(tmp_path / "old.txt", ["المادة الرابعة", "المادة الخامسة", "المادة السادسة"], texts, "اتفاق")
    new = _draft(
        tmp_path / "new.txt",
        ["المادة الرابعة", "المادة الخامسة", "المادة الخامسة مكرر", "المادة السادسة"],
        [*texts[:2], "تتولى الأمم المتحدة المراقبة.", texts[2]],
        "اتفاق",
    )
    changes = [c for c in api.diff(old, new).changes if c.kind != "unchanged" or c.renumbered]
    assert [(c.kind, c.new_cite) for c in changes] == [("added", "المادة الخامسة مكرر")]


# ---------------------------------------------------------------- citations


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("de conformidad con el artículo primero del presente Acuerdo", [("article", ("primero",))]),
        ("según lo dispuesto en el Artículo Segundo", [("article", ("Segundo",))]),
        ("conforme al ARTÍCULO TERCERO", [("article", ("TERCERO",))]),
        (
            "según el artículo décimo primero y el artículo vigésimo",
            [("article", ("décimo primero",)), ("article", ("vigésimo",))],
        ),
        ("nos termos do artigo primeiro", [("article", ("primeiro",))]),
        ("ai sensi dell'articolo primo", [("article", ("primo",))]),
        ("el primer artículo", []),
        ("وفقا للمادة الخامسة من هذا الاتفاق", [("article", ("الخامسة",))]),
        ("بموجب المادة الحادية عشرة", [("article", ("الحادية عشرة",))]),
        ("وفقاً للمادة (5) من هذا الاتفاق", [("article", ("5",))]),
        ("وفقا للمادة 5 مكرر", [("article", ("5",))]),
    ],
)
def test_citations_in_words_are_found(text: str, cited: list[tuple[str, tuple[str, ...]]]) -> None:
    assert [(r.top_kind, r.path) for r in find_references(text)] == cited


# (title, labels of articles 1-3, the cited article's text, the citing text with "{}" for the cited
#  number, the number as cited before and after an article inserted first)
CASCADES = [
    ("Acuerdo Marco", ("Artículo Primero", "Artículo Segundo", "Artículo Tercero"),
     "Las Partes cesan todas las hostilidades.", "El cese al fuego previsto en el artículo {} será verificado.", ("primero", "segundo")),
    ("Acuerdo Marco", ("ARTÍCULO PRIMERO", "ARTÍCULO SEGUNDO", "ARTÍCULO TERCERO"),
     "Las Partes cesan todas las hostilidades.", "El cese al fuego del Artículo {} será verificado.", ("Primero", "Segundo")),
    ("Acuerdo Marco", ("ARTÍCULO DÉCIMO", "ARTÍCULO DÉCIMO PRIMERO", "ARTÍCULO DÉCIMO SEGUNDO"),
     "Las Partes cesan todas las hostilidades.", "El cese al fuego del ARTÍCULO {} será verificado.", ("DÉCIMO", "DÉCIMO PRIMERO")),
    ("Acuerdo Marco", ("Artículo 1", "Artículo 2", "Artículo 3"),
     "Las Partes cesan todas las hostilidades.", "El cese al fuego previsto en el artículo {} será verificado.", ("primero", "segundo")),
    ("Acordo-Quadro", ("Artigo Primeiro", "Artigo Segundo", "Artigo Terceiro"),
     "As Partes cessam todas as hostilidades.", "O cessar-fogo previsto no artigo {} será verificado.", ("primeiro", "segundo")),
    ("Accordo quadro", ("Articolo primo", "Articolo secondo", "Articolo terzo"),
     "Le Parti cessano tutte le ostilità.", "Il cessate il fuoco di cui all'articolo {} è verificato.", ("primo", "secondo")),
    ("اتفاق", ("المادة الأولى", "المادة الثانية", "المادة الثالثة"),
     "يوقف الطرفان جميع الأعمال العدائية.", "تتولى اللجنة مراقبة وقف إطلاق النار وفقا للمادة {}.", ("الأولى", "الثانية")),
    ("اتفاق", ("المادة العاشرة", "المادة الحادية عشرة", "المادة الثانية عشرة"),
     "يوقف الطرفان جميع الأعمال العدائية.", "تتولى اللجنة مراقبة وقف إطلاق النار وفقا للمادة {}.", ("العاشرة", "الحادية عشرة")),
    ("اتفاق", ("المادة (1)", "المادة (2)", "المادة (3)"),
     "يوقف الطرفان جميع الأعمال العدائية.", "تتولى اللجنة مراقبة وقف إطلاق النار وفقا للمادة ({}).", ("1", "2")),
]  # fmt: skip


@pytest.mark.parametrize(("title", "labels", "cited", "citing", "numbers"), CASCADES)
def test_a_renumbering_cascade_cited_in_words_reads_as_references_updated(
    tmp_path: Path,
    title: str,
    labels: tuple[str, str, str],
    cited: str,
    citing: str,
    numbers: tuple[str, str],
) -> None:
    # An article inserted first: the rest renumbered, the one citing the first's old number now
    # citing its new one in the citation's own form and case (the new text is that rewrite).
    one, two, three = labels
    old = _draft(tmp_path / "old.txt", [one, two], [cited, citing.format(numbers[0])], title)
    new = _draft(
        tmp_path / "new.txt", [one, two, three], ["Texto nuevo.", cited, citing.format(numbers[1])], title
    )
    changes = [c for c in api.diff(old, new).changes if c.kind != "unchanged" or c.renumbered]
    assert sorted(c.kind for c in changes) == ["added", "unchanged", "unchanged"]
    assert [c.references_updated for c in changes if c.new_cite == three] == [True]


# ---------------------------------------------------------------- added after the first run


def test_a_word_like_an_italian_ordinal_is_no_citation() -> None:
    # "[a-z]+esimo" is the grammar of Italian's ordinals past the tenth; the word must be one.
    assert find_references("di cui all'articolo medesimo") == []


def test_validate_resolves_spanish_citations_in_words(tmp_path: Path) -> None:
    path = _draft(
        tmp_path / "d.txt",
        ["ARTÍCULO PRIMERO", "ARTÍCULO SEGUNDO"],
        [
            "Las Partes cesan las hostilidades.",
            "Lo previsto en el artículo primero y en el Artículo Tercero se verifica.",
        ],
        "Acuerdo Marco",
    )
    dangling = [f.message for f in validate(api.parse(path)).findings if f.rule == "references.dangling"]
    assert len(dangling) == 1 and '"Artículo Tercero" does not resolve' in dangling[0]
