"""Cross-reference resolution (`validate/references.py`) pinned on one small draft.

The resolver answers each citation from indexes built once per draft (issue 13: a draft
with thousands of dangling references took quadratic time). This draft has every way a
citation can fail or resolve — absolute, relative, chained, through unnumbered provisions,
with a label used twice by different kinds — cited from three places, so the indexes are
asked the same questions more than once; the findings are the ones the linear search gave.
"""

from __future__ import annotations

from draftkit.model import Draft, Kind, Provision
from draftkit.model.ids import assign_eids
from draftkit.validate import validate

from .conftest import only, schema_of


def _p(kind: Kind, num: str | None, text: str = "x.", *children: Provision) -> Provision:
    return Provision(kind, num, None, None, text, children)


CITING = (
    "See Article 9999, paragraph 77 of Article 12, Article 2(77), Article 2(1)(z), Section 4, "
    "point (z) of paragraph 2, point 12, paragraph 2, point (b) of paragraph 2, point (c) of "
    "paragraph 3, point (c) of paragraph 3 of Article 2, point (c) of Article 2, point 3 of "
    "Article 2, Article 3(9), Article 3(a), point (a) of Article 3, Annex i, Annex II and "
    "paragraph 9 of Annex I."
)

DRAFT = Draft(
    "T",
    (),
    assign_eids(
        (
            _p(
                "article",
                "Article 1",
                "",
                _p("paragraph", "1.", CITING),
                _p(
                    "paragraph", "2.", "x:", _p("paragraph", None, "", _p("point", "(a)"), _p("point", "(b)"))
                ),
            ),
            _p(
                "article",
                "Article 2",
                "",
                _p("paragraph", "1.", "y:", _p("point", "(a)")),
                _p("paragraph", "2."),
                _p("point", "3."),  # "3." twice: a point, then a paragraph
                _p("paragraph", "3.", "z:", _p("point", "(c)")),
                _p("paragraph", "4.", CITING),
            ),
            _p(
                "article",
                "Article 3",
                "",
                _p("paragraph", None, "", _p("point", "(a)")),
                _p("paragraph", "1."),
            ),
            _p(
                "chapter",
                "Chapter 1",
                "",
                _p("paragraph", "1.", "See paragraph 5, point 2 and Article 1(2)(b)."),
            ),
            _p(
                "annex",
                "ANNEX I",
                "",
                _p("paragraph", "1.", CITING),
                _p("paragraph", "2.", "See paragraph 1 and paragraph 7."),
            ),
        )
    ),
)

# (where the citation stands, the citation, why it does not resolve)
EXPECTED = [
    ("Article 1(1)", "Annex II", "there is no Annex II (the only annex is ANNEX I)"),
    ("Article 1(1)", "Article 2(1)(z)", "Article 2(1) has no point (z) (it has only (a))"),
    ("Article 1(1)", "Article 2(77)", "Article 2 has no paragraph 77 (it has 1. to 4.)"),
    ("Article 1(1)", "Article 3(9)", "Article 3 has no paragraph 9 (it has only 1.)"),
    (
        "Article 1(1)",
        "Article 9999",
        "there is no Article 9999 (the articles run from Article 1 to Article 3)",
    ),
    ("Article 1(1)", "Section 4", "there is no Section 4 (the draft has no sections)"),
    (
        "Article 1(1)",
        "paragraph 77 of Article 12",
        "there is no Article 12 (the articles run from Article 1 to Article 3)",
    ),
    ("Article 1(1)", "paragraph 9 of Annex I", "ANNEX I has no paragraph 9 (it has 1. to 2.)"),
    ("Article 1(1)", "point (c) of paragraph 3 of Article 2", "Article 2(3) has no point (c)"),
    ("Article 1(1)", "point (c) of paragraph 3", "there is no paragraph 3 in Article 1"),
    ("Article 1(1)", "point (z) of paragraph 2", "Article 1(2) has no point (z)"),
    ("Article 1(1)", "point 12", "there is no point 12 in Article 1"),
    ("Article 2(4)", "Annex II", "there is no Annex II (the only annex is ANNEX I)"),
    ("Article 2(4)", "Article 2(1)(z)", "Article 2(1) has no point (z) (it has only (a))"),
    ("Article 2(4)", "Article 2(77)", "Article 2 has no paragraph 77 (it has 1. to 4.)"),
    ("Article 2(4)", "Article 3(9)", "Article 3 has no paragraph 9 (it has only 1.)"),
    (
        "Article 2(4)",
        "Article 9999",
        "there is no Article 9999 (the articles run from Article 1 to Article 3)",
    ),
    ("Article 2(4)", "Section 4", "there is no Section 4 (the draft has no sections)"),
    (
        "Article 2(4)",
        "paragraph 77 of Article 12",
        "there is no Article 12 (the articles run from Article 1 to Article 3)",
    ),
    ("Article 2(4)", "paragraph 9 of Annex I", "ANNEX I has no paragraph 9 (it has 1. to 2.)"),
    ("Article 2(4)", "point (b) of paragraph 2", "Article 2(2) has no point (b)"),
    ("Article 2(4)", "point (c) of paragraph 3 of Article 2", "Article 2(3) has no point (c)"),
    ("Article 2(4)", "point (z) of paragraph 2", "Article 2(2) has no point (z)"),
    ("Article 2(4)", "point 12", "there is no point 12 in Article 2"),
    ("Chapter 1(1)", "paragraph 5", "there is no paragraph 5 in the draft"),
    ("Chapter 1(1)", "point 2", "there is no point 2 in the draft"),
    ("ANNEX I(1)", "Annex II", "there is no Annex II (the only annex is ANNEX I)"),
    ("ANNEX I(1)", "Article 2(1)(z)", "Article 2(1) has no point (z) (it has only (a))"),
    ("ANNEX I(1)", "Article 2(77)", "Article 2 has no paragraph 77 (it has 1. to 4.)"),
    ("ANNEX I(1)", "Article 3(9)", "Article 3 has no paragraph 9 (it has only 1.)"),
    ("ANNEX I(1)", "Article 9999", "there is no Article 9999 (the articles run from Article 1 to Article 3)"),
    ("ANNEX I(1)", "Section 4", "there is no Section 4 (the draft has no sections)"),
    (
        "ANNEX I(1)",
        "paragraph 77 of Article 12",
        "there is no Article 12 (the articles run from Article 1 to Article 3)",
    ),
    ("ANNEX I(1)", "paragraph 9 of Annex I", "ANNEX I has no paragraph 9 (it has 1. to 2.)"),
    ("ANNEX I(1)", "point (b) of paragraph 2", "ANNEX I(2) has no point (b)"),
    ("ANNEX I(1)", "point (c) of paragraph 3 of Article 2", "Article 2(3) has no point (c)"),
    ("ANNEX I(1)", "point (c) of paragraph 3", "there is no paragraph 3 in ANNEX I"),
    ("ANNEX I(1)", "point (z) of paragraph 2", "ANNEX I(2) has no point (z)"),
    ("ANNEX I(1)", "point 12", "there is no point 12 in ANNEX I"),
    ("ANNEX I(2)", "paragraph 7", "there is no paragraph 7 in ANNEX I"),
]


def test_dangling_references_on_a_small_draft_are_unchanged() -> None:
    findings = only(validate(DRAFT, schema_of("")), "references.dangling")
    assert [(f.citation, f.text, f.message) for f in findings] == [
        (citation, text, f'"{text}" does not resolve: {why}') for citation, text, why in EXPECTED
    ]
    assert {f.severity for f in findings} == {"error"}
