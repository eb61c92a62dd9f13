"""Every validation rule, made to fire and made not to fire."""

from __future__ import annotations

import re
import sys
import types
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from draftkit.errors import SchemaError
from draftkit.model import Draft, Location, Provision
from draftkit.model.ids import assign_eids
from draftkit.readers import read
from draftkit.validate import Report, validate

from .conftest import CLEAN, only, rules, schema_of

Check = Callable[[str, "str | None"], Report]
ROOT = Path(__file__).resolve().parents[2]

# A schema with every default section but nothing required or forbidden: isolates one rule.
BARE = ""


def _point(num: str, ordinal: int, text: str = "text;") -> Provision:
    return Provision("point", num, ordinal, None, text)


def _draft(*provisions: Provision) -> Draft:
    return Draft("T", (), assign_eids(provisions))


# -- the default schema on a clean draft -----------------------------------------------------


def test_clean_draft_has_no_findings(check: Check) -> None:
    report = check(CLEAN, None)
    assert report.findings == ()
    assert report.ok(strict=True)


# -- structure --------------------------------------------------------------------------------


def test_relaxng_fires_on_a_tree_the_grammar_refuses() -> None:
    broken = Draft("T", (), (Provision("article", "Article 1", 1, None, "text", eid=""),))
    report = validate(broken, schema_of(BARE))
    assert rules(report) == ["structure.relaxng"]
    assert "draft.rng" in report.findings[0].message and report.findings[0].severity == "error"


def test_relaxng_quiet_on_a_read_draft(check: Check) -> None:
    assert "structure.relaxng" not in rules(check(CLEAN, BARE))


def test_custom_relaxng_grammar_applies(tmp_path: Path, make_draft: Callable[[str], Draft]) -> None:
    # A grammar that allows no provisions at all in the body.
    (tmp_path / "empty.rng").write_text(
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="https://draftkit.dev/ns/draft/1">'
        '<start><element name="draft"><zeroOrMore><attribute><anyName/></attribute></zeroOrMore>'
        "<zeroOrMore><element><anyName/><text/></element></zeroOrMore>"
        '<element name="body"><empty/></element></element></start></grammar>',
        encoding="utf-8",
    )
    schema = schema_of('[structure]\nrelaxng = "empty.rng"\n', base=tmp_path)
    report = validate(make_draft("T\n\nArticle 1 — A\n1. Text.\n"), schema)
    assert rules(report) == ["structure.relaxng"]
    assert "does not match empty.rng" in report.findings[0].message


def test_nesting_top_fires_and_not(check: Check) -> None:
    toml = '[structure]\ntop = ["article"]\n'
    report = check("T\n\n1. A numbered paragraph at the top.\n", toml)
    assert rules(report) == ["structure.nesting"]
    assert report.findings[0].message.startswith('"1." (a paragraph) may not stand at the top of the draft')
    assert rules(check("T\n\nArticle 1 — A\n1. Text.\n", toml)) == []


def test_nesting_contains_fires_and_not(check: Check) -> None:
    toml = '[structure.contains]\narticle = ["paragraph"]\n'
    report = check("T\n\nArticle 1 — A\n(a) a point directly in the article.\n", toml)
    assert rules(report) == ["structure.nesting"]
    finding = report.findings[0]
    assert finding.citation == "Article 1(a)" and finding.eid == "art_1__point_a"
    assert (
        "may not stand directly in an article (Article 1); an article may contain paragraphs"
        in finding.message
    )
    assert rules(check("T\n\nArticle 1 — A\n1. A paragraph.\n", toml)) == []


def test_nesting_skips_bullets_and_unnumbered_paragraphs(check: Check) -> None:
    # A published plan as a bullet list, or with unnumbered indented paragraphs under a
    # point: the kind is the reader's guess, not a number the drafter chose.
    toml = '[structure]\ntop = ["article"]\n'
    assert rules(check("T\n\n- A bullet at the top.\n- Another.\n", toml)) == []
    nested = "T\n\n1. Guarantees will be given:\n  If attacked, sanctions return.\n  If not, they lapse.\n"
    assert rules(check(nested, '[structure.contains]\nparagraph = ["point"]\n')) == []
    assert rules(check("T\n\n1. A numbered paragraph.\n", toml)) == ["structure.nesting"]


def test_nesting_off(check: Check) -> None:
    toml = '[structure]\nnesting = "off"\ntop = ["article"]\n'
    assert rules(check("T\n\n1. Top paragraph.\n", toml)) == []


# -- numbering --------------------------------------------------------------------------------


def test_gap_fires(check: Check) -> None:
    report = check("T\n\nArticle 1 — A\n1. One.\n2. Two.\n4. Four.\n", BARE)
    assert [(f.rule, f.citation, f.message) for f in report.findings] == [
        ("numbering.contiguous", "Article 1(4)", '"4." follows "2.": "3." is missing'),
    ]
    assert report.findings[0].location == Location(line=6)


def test_gap_of_several_and_first_not_one(check: Check) -> None:
    report = check("T\n\nArticle 1 — A\n3. Three.\n7. Seven.\n", BARE)
    assert [f.message for f in report.findings] == [
        '"3." is the first of these paragraphs: "1." and "2." are missing',
        '"7." follows "3.": "4." to "6." are missing',
    ]


def test_loosely_numbered_points_are_not_reported_missing(check: Check) -> None:
    """A published text numbered "1.", "2 –", "3 Text", "4.": parse reads every point, but
    validate said '"4." follows "1.": "2." and "3." are missing' of points that are there."""
    loose = "1. One shall be confirmed.\n2 – Two will follow.\n3 Three will follow.\n4. Four.\n6. Six.\n"
    report = check(loose, BARE)
    assert [f.message for f in report.findings] == ['"6." follows "4.": "5." is missing']
    after_loose = check(
        "1. One shall be confirmed.\n2 – Two will follow.\n3 Three will follow.\n5. Five.\n", BARE
    )
    assert [f.message for f in after_loose.findings] == ['"5." follows "3": "4." is missing']


def test_out_of_order_is_one_finding_not_a_gap(check: Check) -> None:
    report = check("T\n\nArticle 1 — A\n1. One.\n3. Three.\n2. Two.\n", BARE)
    assert [f.message for f in report.findings] == ['"2." comes after "3.": the paragraphs are out of order']


def test_contiguous_quiet_and_off(check: Check) -> None:
    text = "T\n\nArticle 1 — A\n1. One.\n2. Two.\n(a) a;\n(b) b;\n(c) c.\n3. Three.\n"
    assert rules(check(text, BARE)) == []
    assert rules(check("T\n\nArticle 1 — A\n1. One.\n4. Four.\n", '[numbering]\ncontiguous = "off"\n')) == []


def test_letter_gap_misread_as_roman_is_reported_as_a_gap(check: Check) -> None:
    # "(d)" after "(b)" reads as roman 500 to the parser; the validator reads it back.
    report = check("T\n\nArticle 1 — A\n1. Refrain from:\n(a) a;\n(b) b;\n(d) d;\n(e) e.\n", BARE)
    assert [f.message for f in report.findings] == ['"(d)" follows "(b)": "(c)" is missing']


def test_real_roman_list_under_a_letter_is_not_misread(check: Check) -> None:
    text = "T\n\nArticle 1 — A\n1. As follows:\n(a) artillery:\n(i) light;\n(ii) heavy;\n(b) rockets.\n"
    assert rules(check(text, BARE)) == []


def test_letters_i_after_h_stay_letters(check: Check) -> None:
    points = "".join(f"({c}) {c};\n" for c in "abcdefghij")
    assert rules(check(f"T\n\nArticle 1 — A\n1. Definitions:\n{points}", BARE)) == []


def test_duplicate_fires_and_not(check: Check) -> None:
    report = check("T\n\nArticle 1 — A\n1. One.\n2. Two.\n2. Two again.\n3. Three.\n", BARE)
    assert [(f.rule, f.eid, f.message) for f in report.findings] == [
        (
            "numbering.duplicates",
            "art_1__para_2_2",
            '"2." is used twice among these paragraphs (the first is at line 5)',
        ),
    ]
    assert rules(check("T\n\nArticle 1 — A\n1. One.\n2. Two.\n", BARE)) == []
    assert rules(check("T\n\nArticle 1 — A\n1. One.\n1. One.\n", '[numbering]\nduplicates = "off"\n')) == []


def test_articles_number_through_chapters(check: Check) -> None:
    text = "T\n\nChapter I\nArticle 1 — A\n1. x.\nArticle 2 — B\n1. x.\nChapter II\nArticle 3 — C\n1. x.\n"
    assert rules(check(text, BARE)) == []
    restarted = "T\n\nChapter I\nArticle 1 — A\n1. x.\nChapter II\nArticle 1 — B\n1. x.\n"
    report = check(restarted, BARE)
    assert rules(report) == ["numbering.duplicates"]
    # …unless the schema says articles restart in each chapter.
    assert rules(check(restarted, '[numbering]\ncontinuous = ["chapter"]\n')) == []


def test_dangling_article_gap_between_articles(check: Check) -> None:
    report = check("T\n\nArticle 1 — A\n1. x.\nArticle 3 — C\n1. x.\n", BARE)
    assert [f.message for f in report.findings] == ['"Article 3" follows "Article 1": "Article 2" is missing']


def test_one_format_fires_and_not() -> None:
    mixed = _draft(
        Provision(
            "article",
            "Article 1",
            1,
            None,
            "",
            (
                _point("(a)", 1),
                _point("(b)", 2),
                _point("c)", 3),
            ),
        )
    )
    report = validate(mixed, schema_of(BARE))
    assert [(f.rule, f.severity, f.message) for f in report.findings] == [
        (
            "numbering.one_format",
            "warning",
            '"c)" is numbered in another format than the other points here (like "(a)")',
        ),
    ]
    same = _draft(Provision("article", "Article 1", 1, None, "", (_point("(a)", 1), _point("(b)", 2))))
    assert validate(same, schema_of(BARE)).findings == ()
    assert validate(mixed, schema_of('[numbering]\none_format = "off"\n')).findings == ()


def test_one_format_letters_vs_numbers() -> None:
    mixed = _draft(
        Provision(
            "article",
            "Article 1",
            1,
            None,
            "",
            (
                Provision("paragraph", "1.", 1, None, "x."),
                Provision("paragraph", "2)", 2, None, "x."),
                Provision("paragraph", "3.", 3, None, "x."),
            ),
        )
    )
    report = validate(mixed, schema_of(BARE))
    assert [f.text for f in report.findings] == ["2)"]


def test_unusual_labels_are_not_sequence_checked() -> None:
    draft = _draft(
        Provision("article", "Article 1", 1, None, "x."),
        Provision("article", "Article 1bis", 1, None, "x."),
        Provision("article", "Article 2", 2, None, "x."),
    )
    assert validate(draft, schema_of(BARE)).findings == ()


# -- cross-references -------------------------------------------------------------------------

REFS = """\
T

Article 1 — Scope
1. The Parties shall:
(a) act;
(b) refrain from action under subparagraph (a) above.
2. {ref}

Article 2 — Other
1. x.
2. y.
3. z.

ANNEX I — MAP
1. The map.
"""


@pytest.mark.parametrize(
    "ref",
    [
        "as set out in Article 2.",
        "as set out in Art. 2(3).",
        "under paragraph 3 of Article 2.",
        "under paragraph 1.",
        "under point (b) of paragraph 1.",
        "under point (a) of paragraph 1 of Article 1.",
        "under point 1.",
        "under item 2.",
        "as shown in Annex I.",
        "under paragraph 1 of Annex I.",
        "under Article 51 of the Charter of the United Nations.",
        "under Annex 2 to the Minsk Protocol.",
        "under Article 1 of this Agreement.",
        "under Article 9 of the Minsk Agreement, as this Agreement recalls.",
        "under paragraph 7 of Security Council resolution 2202 (2015).",
        "under Article 3 of the Geneva Conventions.",
        # Another body's article: owned by a name, or likened to ("mirroring", "-style").
        "with guarantees mirroring Article 5.",
        "with guarantees modelled on Article 5.",
        "invoking NATO's Article 5.",
        "invoking NATO’s Article 5.",
        "with an Article 5-style guarantee.",
        "under Article 5 of the North Atlantic Treaty.",
    ],
)
def test_reference_resolves(check: Check, ref: str) -> None:
    assert only(check(REFS.format(ref=ref), BARE), "references.dangling") == []


@pytest.mark.parametrize(
    ("ref", "written", "why"),
    [
        (
            "as set out in Article 7.",
            "Article 7",
            "there is no Article 7 (the articles run from Article 1 to Article 2)",
        ),
        ("as set out in Art. 2(4).", "Art. 2(4)", "Article 2 has no paragraph 4 (it has 1. to 3.)"),
        (
            "under paragraph 4 of Article 2.",
            "paragraph 4 of Article 2",
            "Article 2 has no paragraph 4 (it has 1. to 3.)",
        ),
        ("under paragraph 3.", "paragraph 3", "there is no paragraph 3 in Article 1"),
        ("under point (c).", "point (c)", "there is no point (c) in Article 1"),
        ("under point (c) of paragraph 1.", "point (c) of paragraph 1", "Article 1(1) has no point (c)"),
        ("under point 12.", "point 12", "there is no point 12 in Article 1"),
        ("as shown in Annex II.", "Annex II", "there is no Annex II (the only annex is ANNEX I)"),
        (
            "under Article 9 of this Agreement.",
            "Article 9",
            "there is no Article 9 (the articles run from Article 1 to Article 2)",
        ),
        # The draft's own name as the owner: still this draft's article.
        (
            "under the Agreement's Article 9, as this Agreement recalls.",
            "Article 9",
            "there is no Article 9 (the articles run from Article 1 to Article 2)",
        ),
        # A name ending in s: its "s" is not the possessive's (it read as "Proce", another body).
        (
            "under the Process's Article 9, as this Process recalls.",
            "Article 9",
            "there is no Article 9 (the articles run from Article 1 to Article 2)",
        ),
    ],
)
def test_reference_dangles(check: Check, ref: str, written: str, why: str) -> None:
    findings = only(check(REFS.format(ref=ref), BARE), "references.dangling")
    assert [(f.severity, f.citation, f.eid, f.location, f.text, f.message) for f in findings] == [
        (
            "error",
            "Article 1(2)",
            "art_1__para_2",
            Location(line=7),
            written,
            f'"{written}" does not resolve: {why}',
        ),
    ]


@pytest.mark.parametrize(
    ("ref", "written", "why"),
    [
        # "to the Joint Commission" names no instrument: the citation is this draft's.
        (
            "report breaches of Article 7 to the Joint Commission.",
            "Article 7",
            "there is no Article 7 (the articles run from Article 1 to Article 2)",
        ),
        # The draft calls itself "this Agreement", so "the Agreement" is the draft.
        (
            "under Article 9 of the Agreement, as this Agreement recalls.",
            "Article 9",
            "there is no Article 9 (the articles run from Article 1 to Article 2)",
        ),
        ("under Art. 1(1)(c).", "Art. 1(1)(c)", "Article 1(1) has no point (c) (it has (a) to (b))"),
        (
            "under Art. 2(1)(a).",
            "Art. 2(1)(a)",
            "Article 2(1) has no provision numbered (a) (it has no numbered parts)",
        ),
    ],
)
def test_reference_dangles_despite_following_words(check: Check, ref: str, written: str, why: str) -> None:
    findings = only(check(REFS.format(ref=ref), BARE), "references.dangling")
    assert [(f.text, f.message) for f in findings] == [(written, f'"{written}" does not resolve: {why}')]


def test_subparagraph_above_dangles(check: Check) -> None:
    text = REFS.replace("subparagraph (a) above", "subparagraph (c) above").format(ref="x.")
    findings = only(check(text, BARE), "references.dangling")
    assert [(f.citation, f.text) for f in findings] == [("Article 1(1)(b)", "subparagraph (c)")]


def test_point_number_in_a_draft_without_articles(check: Check) -> None:
    text = "T\n\n1. The ceasefire.\n2. Withdrawal under point 1.\n3. Monitoring of point 4.\n"
    findings = only(check(text, BARE), "references.dangling")
    assert [(f.citation, f.message) for f in findings] == [
        ("3", '"point 4" does not resolve: there is no point 4 in the draft'),
    ]


def test_references_off(check: Check) -> None:
    assert rules(check(REFS.format(ref="Article 7."), '[references]\ndangling = "off"\n')) == []


def _renumber_without_updating_references(text: str) -> str:
    """Delete v2's Article 5 and renumber the later articles, leaving every citation as it was:
    the reshuffle a drafter does by hand."""
    start = text.index("Article 5 — Maritime")
    end = text.index("Article 6 — Monitoring")
    text = text[:start] + text[end:]
    return re.sub(
        r"^Article (\d+)(?= —)",
        lambda m: f"Article {int(m.group(1)) - (int(m.group(1)) > 5)}",
        text,
        flags=re.M,
    )


def test_dangling_reference_introduced_by_renumbering(tmp_path: Path) -> None:
    original = (ROOT / "drafts" / "framework-v2.txt").read_text(encoding="utf-8")
    assert only(validate(ROOT / "drafts" / "framework-v2.txt"), "references.dangling") == []
    path = tmp_path / "reshuffled.txt"
    path.write_text(_renumber_without_updating_references(original), encoding="utf-8")
    findings = only(validate(path), "references.dangling")
    assert [(f.citation, f.eid, f.text, f.message) for f in findings] == [
        (
            "Article 1(1)(j)",
            "art_1__para_1__point_j",
            "Article 12",
            '"Article 12" does not resolve: there is no Article 12 '
            "(the articles run from Article 1 to Article 11)",
        )
    ]


# -- required provisions -----------------------------------------------------------------------


def test_required_by_heading_phrase_pattern(check: Check) -> None:
    toml = """
[[required]]
id = "guarantees"
description = "security guarantees"
heading = ["security guarantees"]
"""
    assert rules(check(CLEAN, toml)) == []
    report = check(CLEAN.replace("Security Guarantees", "Consultations"), toml)
    assert [(f.rule, f.severity, f.citation, f.location, f.message) for f in report.findings] == [
        (
            "required.guarantees",
            "error",
            None,
            None,
            "the draft has no provision on security guarantees "
            '(looked for a heading with "security guarantees")',
        ),
    ]
    by_phrase = '[[required]]\nid = "fund"\nphrase = ["reconstruction fund"]\nseverity = "warning"\n'
    assert rules(check(CLEAN, by_phrase)) == []
    missing = check(CLEAN.replace("reconstruction fund", "fund"), by_phrase)
    assert [(f.rule, f.severity) for f in missing.findings] == [("required.fund", "warning")]
    assert missing.ok() and not missing.ok(strict=True)
    by_pattern = "[[required]]\nid = \"deadline\"\npattern = ['within \\d+ days']\n"
    assert rules(check(CLEAN, by_pattern)) == []
    assert rules(check(CLEAN.replace("within 30 days", "soon"), by_pattern)) == ["required.deadline"]


def test_required_phrase_is_whole_words_any_case(check: Check) -> None:
    toml = '[[required]]\nid = "aid"\nphrase = ["aid"]\n'
    assert rules(check("T\n\n1. Humanitarian AID shall flow.\n", toml)) == []
    assert rules(check("T\n\n1. The Parties said so.\n", toml)) == ["required.aid"]


def test_required_kind_filter(check: Check) -> None:
    toml = '[[required]]\nid = "g"\nheading = ["guarantees"]\nkind = ["annex"]\n'
    report = check(CLEAN, toml)
    assert rules(report) == ["required.g"]
    assert report.findings[0].message.endswith("in annexes)")


def test_default_schema_requirements(check: Check) -> None:
    without = CLEAN.replace(
        "Article 4 — Security Guarantees\n1. The Guarantors shall consult within 72 hours "
        "of a violation of Art. 1(2).\n\n",
        "",
    )
    without = without.replace("Article 5 —", "Article 4 —").replace("Article 6 —", "Article 5 —")
    without = without.replace("Article 7 —", "Article 6 —")
    assert rules(check(without, None)) == ["required.security_guarantees"]
    no_timeline = CLEAN.replace("within 30 days of signature, withdraw", "withdraw")
    assert rules(check(no_timeline, None)) == ["required.withdrawal_timeline"]
    no_force = CLEAN.replace("This Framework shall enter into force on signature.", "Signed.")
    report = check(no_force.replace("Entry into Force", "Final Clauses"), None)
    assert [(f.rule, f.severity) for f in report.findings] == [("required.entry_into_force", "warning")]


def test_required_signals_use_the_classifier(check: Check) -> None:
    pytest.importorskip("draftkit.risk.classify")
    toml = (
        '[[required]]\nid = "monitoring"\nheading = ["monitoring"]\ncategory = "military_deescalation"\n'
        'signal = ["monitor*", "observer*"]\n'
        '[[required]]\nid = "ceasefire"\nphrase = ["ceasefire"]\ncategory = "military_deescalation"\n'
        'signal = ["war will end", "війна закінчиться"]\n'
    )
    signed = "T\n\n1. The war will end immediately.\n2. Observers shall monitor the line of contact.\n"
    assert rules(check(signed, toml)) == []
    assert rules(check("T\n\n1. Війна закінчиться негайно.\n2. Спостерігачі ОБСЄ.\n", toml)) == [
        "required.monitoring"
    ]
    # The category alone is not enough: a withdrawal is de-escalation, not monitoring.
    report = check("T\n\n1. The forces will withdraw 15 km.\n", toml)
    assert rules(report) == ["required.monitoring", "required.ceasefire"]
    assert 'risk category "military_deescalation" for "monitor*" or "observer*"' in report.findings[0].message


def test_required_signal_needs_a_category() -> None:
    with pytest.raises(SchemaError, match="signal needs a category"):
        schema_of('[[required]]\nid = "m"\nphrase = ["x"]\nsignal = ["monitor*"]\n')


def test_default_schema_passes_a_signed_text(check: Check) -> None:
    pytest.importorskip("draftkit.risk.classify")
    signed = (
        "T\n\n- If both sides agree, the war will end immediately.\n"
        "- Observers of the OSCE will monitor and verify the withdrawal.\n"
        "- Guarantees mirroring NATO's Article 5 will be provided.\n"
        "  If Russia invades, sanctions will be reinstated.\n"
    )
    report = check(signed, None)
    assert [f.severity for f in report.findings] == ["warning"] * len(report.findings)
    assert not {"required.ceasefire", "required.monitoring", "required.verification"} & set(rules(report))
    assert report.ok()


def test_required_category_degrades_without_risk(check: Check, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "draftkit.risk", None)  # import fails
    toml = '[[required]]\nid = "sg"\ncategory = "security_guarantees"\n'
    report = check(CLEAN, toml)
    assert rules(report) == []
    assert report.notes and "draftkit.risk" in report.notes[0] and "(sg)" in report.notes[0]
    report = check(CLEAN.replace("Security Guarantees", "Consultations"), toml)
    assert rules(report) == ["required.sg"]
    assert 'a heading or text with "security guarantees"' in report.findings[0].message


def test_required_category_with_the_classifier(check: Check, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    fake = types.ModuleType("draftkit.risk")

    def load_taxonomy(path: object = None) -> str:
        calls.append(path)
        return "taxonomy"

    def classify(draft: Draft, taxonomy: object) -> dict[str, tuple[str, ...]]:
        return {p.eid: ("humanitarian",) for p in draft.walk() if "Reconstruction" in (p.heading or "")}

    fake.load_taxonomy = load_taxonomy  # type: ignore[attr-defined]
    fake.classify = classify  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "draftkit.risk", fake)
    toml = '[[required]]\nid = "hum"\ncategory = "humanitarian"\n'
    report = check(CLEAN, toml)
    assert rules(report) == [] and report.notes == () and calls == [None]
    report = check(CLEAN, '[[required]]\nid = "terr"\ncategory = "territory"\n')
    assert rules(report) == ["required.terr"]
    assert 'a provision in the risk category "territory"' in report.findings[0].message


def test_required_category_with_the_real_classifier(check: Check) -> None:
    pytest.importorskip("draftkit.risk.classify")
    toml = '[[required]]\nid = "sg"\ncategory = "security_guarantees"\n'
    report = check(CLEAN, toml)
    assert rules(report) == [] and report.notes == ()
    broken = validate(ROOT / "tests" / "cases" / "validate" / "broken.txt", schema_of(toml))
    assert [r for r in rules(broken) if r.startswith("required.")] == ["required.sg"] and broken.notes == ()


def test_unknown_category_is_a_schema_error(check: Check) -> None:
    pytest.importorskip("draftkit.risk.classify")
    with pytest.raises(SchemaError, match='category "security_guarantes" is not in the risk taxonomy'):
        check(CLEAN, '[[required]]\nid = "sg"\ncategory = "security_guarantes"\n')


# -- forbidden leftovers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("inserted", "rule", "text"),
    [
        ("the zone [of 15 km]", "forbidden.brackets", "[of 15 km]"),
        ("the zone […]", "forbidden.elision", "[…]"),
        ("the zone [...]", "forbidden.elision", "[...]"),
        ("a zone of TBD km", "forbidden.tbd", "TBD"),
        ("a zone of tbc km", "forbidden.tbd", "tbc"),
        ("a zone of XX km", "forbidden.xx", "XX"),
        ("a zone of xx km", "forbidden.xx", "xx"),
        ("a zone of ____ km", "forbidden.blank", "____"),
    ],
)
def test_leftover_fires(check: Check, inserted: str, rule: str, text: str) -> None:
    report = check(CLEAN.replace("the forces.", f"the forces in {inserted}."), None)
    assert [(f.rule, f.citation, f.text) for f in report.findings] == [(rule, "Article 5(1)", text)]


@pytest.mark.parametrize(
    "inserted",
    [
        "Article XX of the Charter",
        "the TBDX zone",
        "the 1:50,000 map",
        "the well-known zone",
        "a (bracketed) aside",
    ],
)
def test_leftover_quiet(check: Check, inserted: str) -> None:
    assert rules(check(CLEAN.replace("the forces.", f"the forces in {inserted}."), None)) == []


def test_brackets_default_to_warning(check: Check) -> None:
    report = check(CLEAN.replace("the forces.", "the forces [in peacetime]."), None)
    assert [f.severity for f in report.findings] == ["warning"]
    assert report.ok() and not report.ok(strict=True)


def test_leftovers_in_title_and_preamble(check: Check) -> None:
    text = CLEAN.replace("FRAMEWORK ON DE-ESCALATION", "FRAMEWORK ON [DE-ESCALATION]").replace(
        "The Parties,", "The Parties [TBD],"
    )
    report = check(text, None)
    assert [(f.rule, f.citation, f.eid, f.location) for f in report.findings] == [
        ("forbidden.brackets", "Title", None, None),
        ("forbidden.brackets", "Preamble, recital 1", None, None),
        ("forbidden.tbd", "Preamble, recital 1", None, None),
    ]


def test_empty_provision(check: Check) -> None:
    report = check(
        CLEAN.replace("2. Withdrawal under paragraph 1", "2.\n3. Withdrawal under paragraph 1"), None
    )
    assert [(f.rule, f.citation, f.message) for f in report.findings] == [
        ("forbidden.empty", "Article 2(2)", 'an empty provision: "2." has no text'),
    ]
    heading_only = check(CLEAN + "\nANNEX II — TABLES\n", None)
    assert [(f.citation, f.message) for f in heading_only.findings] == [
        ("ANNEX II", 'an empty provision: "ANNEX II" has a heading but no text'),
    ]


def test_forbidden_words_and_custom_pattern(check: Check) -> None:
    toml = '[[forbidden]]\nid = "draft_note"\ndescription = "a drafter\'s note"\nwords = ["note to draft"]\n'
    report = check(CLEAN.replace("the forces.", "the forces. Note  to draft: check."), toml)
    assert [(f.rule, f.text, f.message) for f in report.findings] == [
        ("forbidden.draft_note", "Note  to draft", 'a drafter\'s note: "Note to draft"'),
    ]
    assert rules(check(CLEAN, toml)) == []


def test_forbidden_off(check: Check) -> None:
    toml = '[[forbidden]]\nid = "b"\npattern = [\'\\[\']\nseverity = "off"\n'
    assert rules(check(CLEAN.replace("the forces.", "the forces [x]."), toml)) == []


# -- XPath assertions --------------------------------------------------------------------------


def test_assert_fires_and_not(check: Check) -> None:
    toml = """
[[assert]]
id = "guarantee-shall"
description = "a guarantee must be an obligation (shall)"
context = "//article[re:test(heading, 'guarantee', 'i')]"
test = ".//p[contains(., 'shall')]"
severity = "warning"
"""
    assert rules(check(CLEAN, toml)) == []
    report = check(CLEAN.replace("Guarantors shall consult", "Guarantors may consult"), toml)
    assert [(f.rule, f.severity, f.citation, f.eid, f.message) for f in report.findings] == [
        (
            "assert.guarantee-shall",
            "warning",
            "Article 4",
            "art_4",
            "a guarantee must be an obligation (shall)",
        ),
    ]


def test_assert_counts_with_ordinals(check: Check) -> None:
    toml = """
[[assert]]
id = "few-articles"
description = "at most 5 articles"
context = "/draft"
test = "count(body/article) <= 5"
"""
    report = check(CLEAN, toml)
    assert [(f.rule, f.citation) for f in report.findings] == [("assert.few-articles", None)]


# -- the report ---------------------------------------------------------------------------------


def test_report_ok_and_counts(check: Check) -> None:
    report = check(CLEAN.replace("the forces.", "the forces [x] TBD."), None)
    assert len(report.errors) == 1 and len(report.warnings) == 1
    assert not report.ok() and not report.ok(strict=True)
    assert report.schema == "framework" and report.schema_source == "draftkit:framework.clauses.toml"


def test_findings_are_sorted_in_document_order(check: Check) -> None:
    text = CLEAN.replace("LC-09.", "LC-09 [TBD].").replace(
        "offensive operations;", "offensive [x] operations;"
    )
    report = check(text, None)
    assert [f.citation for f in report.findings] == ["Article 1(2)(a)", "ANNEX I(1)", "ANNEX I(1)"]


def test_validate_accepts_a_path_and_reads_it() -> None:
    report = validate(str(ROOT / "drafts" / "framework-v1.txt"))
    assert report.source is not None and report.source.format == "text"


def test_validate_loads_a_schema_path(tmp_path: Path) -> None:
    path = tmp_path / "s.clauses.toml"
    path.write_text('[schema]\nname = "mine"\n', encoding="utf-8")
    assert validate(ROOT / "drafts" / "framework-v1.txt", path).schema == "mine"


def test_assert_with_a_bad_regex_is_a_schema_error() -> None:
    toml = '[[assert]]\nid = "x"\ndescription = "d"\ncontext = "//point"\ntest = "re:test(., \'(\')"\n'
    with pytest.raises(
        SchemaError, match=r'\[\[assert\]\] "x" test: XPath .* cannot be evaluated: missing \)'
    ):
        schema_of(toml)


def test_assert_failing_at_run_time_is_a_schema_error(
    make_draft: Callable[[str], Draft], monkeypatch: pytest.MonkeyPatch
) -> None:
    schema = schema_of('[[assert]]\nid = "x"\ndescription = "d"\ncontext = "//point"\ntest = "true()"\n')

    def fail(node: object) -> object:
        raise etree.XPathEvalError("boom")

    failing = replace(schema.asserts[0], test_xpath=fail)  # type: ignore[arg-type]
    broken = replace(schema, asserts=(failing,))
    with pytest.raises(SchemaError, match=r'\[\[assert\]\] "x" test \'true\(\)\' fails on this draft: boom'):
        validate(make_draft("T\n\nArticle 1 — A\n1. x:\n(a) y.\n"), broken)


def test_draft_from_xml_validates_like_its_text(tmp_path: Path) -> None:
    from draftkit.model.xmlio import to_xml

    text_draft = read(ROOT / "tests" / "cases" / "validate" / "broken.txt")
    xml_path = tmp_path / "broken.xml"
    xml_path.write_bytes(to_xml(text_draft))
    from_text = validate(text_draft)
    from_xml = validate(xml_path)
    assert [replace(f, location=None) for f in from_text.findings] == [
        replace(f, location=None) for f in from_xml.findings
    ]
