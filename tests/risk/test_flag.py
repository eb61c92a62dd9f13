"""flag(): flags and categories on a Comparison — severity, messages, what is never flagged, determinism."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from draftkit.compare import compare
from draftkit.compare.changes import Comparison
from draftkit.compare.pins import pins_of
from draftkit.readers import read
from draftkit.risk import annotate, flag, severity_of
from draftkit.risk.annotate import focus, quote
from draftkit.risk.classify import combine, explain, rank
from tests.conftest import DRAFTS
from tests.risk.helpers import TAXONOMY, compare_texts, draft_text, flags_for, read_text


def test_the_issue_example_message(tmp_path: Path) -> None:
    old = draft_text(
        ["The Parties shall observe the ceasefire.", "Each Party shall withdraw its heavy weapons."],
        "Withdrawal of Heavy Weapons",
    )
    new = old.replace("Each Party shall withdraw", "Each Party may withdraw")
    comparison = compare_texts(tmp_path, old, new)
    (flag_,) = [f for c in comparison.changes for f in c.flags]
    # The provision and the category stand in their own columns of every report (issue 17).
    assert flag_.message == "Obligation weakened: 'shall withdraw' → 'may withdraw'"
    assert (flag_.rule, flag_.category, flag_.severity) == ("obligation", "military_deescalation", "high")
    assert (flag_.old, flag_.new) == ("shall withdraw", "may withdraw")


@pytest.mark.parametrize(
    ("weight", "significance", "severity"),
    [
        (1.0, 1.0, "high"),
        (1.0, 0.6, "high"),
        (0.9, 0.6, "medium"),
        (0.5, 1.0, "medium"),
        (0.5, 0.5, "low"),
        (1.0, 0.25, "low"),
        (0.0, 1.0, "low"),
    ],
)
def test_severity_is_weight_times_significance(weight: float, significance: float, severity: str) -> None:
    assert severity_of(weight, significance, TAXONOMY) == severity


def test_category_weight_sets_severity(tmp_path: Path) -> None:
    heavy = flags_for(
        tmp_path, "shall act within 30 days.", "shall act within 33 days.", "Territorial Arrangements"
    )
    light = flags_for(tmp_path, "shall act within 30 days.", "shall act within 33 days.", "Implementation")
    assert [f.category for f in heavy] == ["territory"] and [f.category for f in light] == ["implementation"]
    order = ("low", "medium", "high")
    assert order.index(heavy[0].severity) > order.index(light[0].severity)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Each Party shall withdraw its forces.", "Each Party  shall withdraw its forces."),
        ("The Parties recognise the line of contact.", "The Parties recognize the line of contact."),
        ("The demilitarised zone is 15 kilometres wide.", "The demilitarized zone is 15 kilometers wide."),
        ("Each Party shall, within 30 days, withdraw.", "Each Party shall within 30 days withdraw."),
        ("not exceed 600,000 personnel.", "not exceed 600 000 personnel."),
        ("30 per cent of the frozen assets.", "30% of the frozen assets."),
        ('on the basis of "all for all";', "on the basis of “all for all”."),
    ],
)
def test_cosmetic_edits_are_never_flagged(tmp_path: Path, old: str, new: str) -> None:
    assert flags_for(tmp_path, old, new, "Territorial Arrangements") == []


def test_pure_move_and_renumbering_are_never_flagged(tmp_path: Path) -> None:
    a = [
        "Each Party shall withdraw its heavy weapons within 30 days.",
        "The Mission shall verify the withdrawal.",
    ]
    b = [
        "The Guarantors shall hold consultations within 72 hours.",
        "The Guarantors shall agree on a response.",
    ]
    old = draft_text(a, "Withdrawal", number=4) + "\n" + draft_text(b, "Security Guarantees", number=5)[10:]
    moved = (
        draft_text([a[1], a[0]], "Withdrawal", number=4)
        + "\n"
        + draft_text(b, "Security Guarantees", number=5)[10:]
    )
    renumbered = (
        draft_text(a, "Withdrawal", number=6) + "\n" + draft_text(b, "Security Guarantees", number=7)[10:]
    )
    across = (
        draft_text(a[:1], "Withdrawal", number=4)
        + "\n"
        + draft_text([*b, a[1]], "Security Guarantees", number=5)[10:]
    )
    for new in (moved, renumbered, across):
        comparison = compare_texts(tmp_path, old, new)
        assert any(c.moved or c.renumbered for c in comparison.changes)
        assert [f for c in comparison.changes for f in c.flags] == []


def test_unchanged_changes_carry_categories_but_no_flags() -> None:
    comparison = flag(compare(read(DRAFTS / "framework-v1.txt"), read(DRAFTS / "framework-v2.txt")), TAXONOMY)
    unchanged = [c for c in comparison.changes if c.kind == "unchanged"]
    assert unchanged and all(not c.flags for c in unchanged)
    assert any(c.new_category for c in unchanged)
    assert any(c.references_updated for c in unchanged)  # Article 1(1)(f): "Article 5" → "Article 6"


def test_a_changes_categories_rank_the_strongest_scores_of_its_side() -> None:
    # One provision's categories are taken as its classification ranked them: the same as
    # ranking the strongest scores of a side of one (what a split or merge side is ranked by).
    plain = compare(read(DRAFTS / "framework-v2.txt"), read(DRAFTS / "framework-v3.txt"))
    flagged = flag(plain, TAXONOMY)
    old, new = explain(plain.old, TAXONOMY), explain(plain.new, TAXONOMY)
    for change in flagged.changes:
        if change.kind == "unchanged" and not change.moved:
            continue
        for provisions, side, categories in (
            (change.old, old, change.old_category),
            (change.new, new, change.new_category),
        ):
            scores = combine(side[p.eid].total for p in provisions if p.eid in side)
            assert categories == (rank(scores, TAXONOMY) if provisions else ())


def test_flag_returns_a_new_comparison_and_is_deterministic() -> None:
    plain = compare(read(DRAFTS / "framework-v2.txt"), read(DRAFTS / "framework-v3.txt"))
    first = flag(plain, TAXONOMY)
    assert first is not plain and all(not c.flags for c in plain.changes)
    assert [c.flags for c in first.changes] == [c.flags for c in flag(plain, TAXONOMY).changes]
    assert [c.flags for c in first.changes] == [c.flags for c in flag(plain).changes]  # default taxonomy
    assert first.flag_counts()["high"] >= 4


def test_flags_in_a_change_are_ordered_by_severity() -> None:
    comparison = flag(compare(read(DRAFTS / "framework-v2.txt"), read(DRAFTS / "framework-v3.txt")), TAXONOMY)
    rank = {"high": 0, "medium": 1, "low": 2}
    for change in comparison.changes:
        severities = [rank[f.severity] for f in change.flags]
        assert severities == sorted(severities)


def test_added_article_is_one_flag_for_its_subtree(tmp_path: Path) -> None:
    base = draft_text(["The Parties shall observe the ceasefire."], "Ceasefire", number=1)
    extra = (
        "\nArticle 2 — Maritime Arrangements\n1. The Parties shall refrain from:\n"
        "(a) the deployment of naval vessels;\n(b) the laying of new mines.\n"
    )
    comparison = compare_texts(tmp_path, base, base + extra)
    flagged = [(c.new_cite, f) for c in comparison.changes for f in c.flags]
    assert len(flagged) == 1
    cite, only = flagged[0]
    assert cite == "Article 2" and only.rule == "provision"
    assert only.message.startswith("Article added with 3 sub-provisions: 'Maritime Arrangements'")
    assert only.severity == "high"


def test_deleted_paragraph_and_deleted_definition(tmp_path: Path) -> None:
    old = draft_text(
        ["The Mission may use drones for verification.", "Observers are civilians."], "Monitoring"
    )
    comparison = compare_texts(tmp_path, old, draft_text(["Observers are civilians."], "Monitoring"))
    (only,) = [f for c in comparison.changes for f in c.flags]
    assert only.message.startswith("Paragraph deleted: 'The Mission may use drones for verification.'")
    assert only.severity == "high"  # operative ("may use") in military de-escalation


def test_delete_plus_identical_add_is_a_move(tmp_path: Path) -> None:
    # However the alignment pairs them, a provision deleted here and added there unchanged is not flagged.
    text = "The Mission shall report any violation of the ceasefire to the Parties within 72 hours."
    old = draft_text(["A.", text, "B."], "Ceasefire")
    new = draft_text(["A.", "B.", "C.", text], "Ceasefire")
    comparison = compare_texts(tmp_path, old, new)
    messages = [f.message for c in comparison.changes for f in c.flags]
    assert not [m for m in messages if "72 hours" in m]


def test_a_move_kept_apart_is_not_flagged_with_or_without_a_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pinned apart, the move is a deletion plus an addition of the same content: the moved
    # content is made as the last item of work (a forked child's, when there is one) and takes
    # the two provisions' flags away after both halves are done.
    text = "The Mission shall report any violation of the ceasefire to the Parties within 72 hours."
    old = read_text(tmp_path, draft_text(["A.", text, "B."], "Ceasefire"), "old.txt")
    new = read_text(tmp_path, draft_text(["A.", "B.", "C.", text], "Ceasefire"), "new.txt")
    comparison = compare(old, new, pins_of(None, ["Article 4(2)", "=Article 4(4)"]))
    assert {c.kind for c in comparison.changes if text in (c.old_text or c.new_text)} == {"added", "deleted"}
    monkeypatch.setattr(annotate, "FORK_AT_LEAST", 10**9)
    alone = flag(comparison, TAXONOMY)
    monkeypatch.setattr(annotate, "FORK_AT_LEAST", 2)
    assert flag(comparison, TAXONOMY) == alone
    assert [c.new_cite for c in alone.changes if c.flags] == ["Article 4(3)"]  # 'C.', not the move


def test_unexplained_rewording_is_low(tmp_path: Path) -> None:
    flags = flags_for(
        tmp_path,
        "the Guarantors shall hold consultations.",
        "the Guarantors shall convene talks.",
        "Security Guarantees",
    )
    assert [(f.rule, f.severity) for f in flags] == [("wording", "low")]
    assert flags[0].message == "Wording changed: 'shall hold consultations.' → 'shall convene talks.'"


def test_heading_change_is_low(tmp_path: Path) -> None:
    old = draft_text(["The Parties shall hold elections."], "Political Provisions")
    comparison = compare_texts(tmp_path, old, old.replace("Political Provisions", "Elections and Language"))
    assert [(f.rule, f.severity) for c in comparison.changes for f in c.flags] == [("heading", "low")]


def test_message_helpers() -> None:
    assert quote("a  b\nc") == "'a b c'"
    assert quote("word " * 40).endswith("…'")
    old = (
        "with the exception of the Monitoring Mission and civilian police in numbers agreed by the "
        "Joint Commission"
    )
    new = old.replace("Mission and", "Mission, engineering units engaged in mine clearance and")
    short_old, short_new = focus(old, new)
    assert short_old == "… Monitoring Mission and civilian …"  # "Mission" and "Mission," are one word here
    assert short_new == "… Monitoring Mission, engineering units engaged in mine clearance and civilian …"


# --- properties ------------------------------------------------------------------------------

_WORDS = (
    "shall",
    "withdraw",
    "forces",
    "the",
    "line",
    "of",
    "contact",
    "within",
    "30",
    "days",
    "not",
    "may",
    "recognise",
    "defence",
    "all",
    "km",
    "15",
    "unless",
    "agreed",
    "[in",
    "peacetime]",
    "Kessel",
    "Valley",
)
_SPELLING = {"recognise": "recognize", "defence": "defense"}


def _flagged(tmp_path: Path, old: str, new: str) -> Comparison:
    return compare_texts(
        tmp_path, draft_text([old], "Territorial Arrangements"), draft_text([new], "Territorial Arrangements")
    )


sentences = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14).map(lambda ws: " ".join(ws) + ".")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sentence=sentences, seed=st.integers(0, 10**6))
def test_cosmetic_variants_of_any_sentence_are_not_flagged(tmp_path: Path, sentence: str, seed: int) -> None:
    import random

    rng = random.Random(seed)
    words = sentence.split(" ")
    variant = [_SPELLING.get(w, w) if rng.random() < 0.5 else w for w in words]
    spaced = "".join(w + rng.choice([" ", "  ", "\t", " "]) for w in variant).rstrip()
    comparison = _flagged(tmp_path, sentence, spaced.replace(".", ";") if rng.random() < 0.3 else spaced)
    assert [f for c in comparison.changes for f in c.flags] == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sentence=sentences)
def test_a_draft_compared_with_itself_has_no_flags(tmp_path: Path, sentence: str) -> None:
    comparison = _flagged(tmp_path, sentence, sentence)
    assert [f for c in comparison.changes for f in c.flags] == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(old=sentences, new=sentences)
def test_any_edit_gives_well_formed_flags(tmp_path: Path, old: str, new: str) -> None:
    comparison = _flagged(tmp_path, old, new)
    for change in comparison.changes:
        for f in change.flags:
            assert f.severity in ("high", "medium", "low")
            assert f.category in ("territory", "general") or f.category in {c.id for c in TAXONOMY.categories}
            assert f.message and " in Article 4" not in f.message
            assert not f.message.endswith(f", {TAXONOMY.label(f.category)}")
            if f.rule == "wording":
                assert f.severity == "low"


def test_translation_lens_names_register_differences_as_noise(tmp_path: Path) -> None:
    from draftkit.risk import annotate

    heading = "Sovereignty"
    old = draft_text(
        ["Ukraine's sovereignty will be confirmed.", "The Parties shall observe the ceasefire."], heading
    )
    new = draft_text(
        ["The sovereignty of Ukraine will be reaffirmed.", "The Parties shall observe the ceasefire."],
        heading,
    )
    comparison = compare_texts(tmp_path, old, new)
    plain = [f for c in annotate.flag(comparison).changes for f in c.flags]
    lens = [f for c in annotate.flag(comparison, lens="translation").changes for f in c.flags]
    assert all(f.severity == "low" for f in plain + lens)
    assert any(f.rule == "wording" for f in lens)
    assert all(f.message.startswith(annotate.REGISTER) for f in lens if f.rule == "wording")
    assert not any(annotate.REGISTER in f.message for f in plain)


def test_a_plain_provision_added_in_a_heavy_category_is_high(tmp_path: Path) -> None:
    # Issue 14 item 5: "Ukraine recognises …" binds without a modal verb; a definition does not.
    base = ["The Parties shall observe the ceasefire."]
    plain = "The Republic recognises the islands as part of its territory."
    definition = '"Islands" means the islands of the northern lake and their shores.'
    for added, severity in ((plain, "high"), (definition, "medium")):
        comparison = compare_texts(
            tmp_path, draft_text(base, "Territory"), draft_text([*base, added], "Territory")
        )
        (only,) = [f for c in comparison.changes for f in c.flags]
        assert (only.rule, only.category, only.severity) == ("provision", "territory", severity)


def test_a_title_changed_is_shown_but_never_above_low(tmp_path: Path) -> None:
    # A working title replaced by the signed one, its date with it: nothing anyone must do.
    old = "Outline of the truce at the northern ports (working text, 2 March)\n\n1. The Parties shall withdraw their warships 20 nautical miles from the ports.\n"
    new = "Agreement on the truce at the northern ports, 14 March 2023\n\n1. The Parties shall withdraw their warships 20 nautical miles from the ports.\n"
    for title_new in (new, "Memorandum of 14 March 2023\n\n" + new.split("\n\n", 1)[1]):
        comparison = compare_texts(tmp_path, old, title_new)
        titled = [c for c in comparison.changes if any(p.kind == "preface" for p in (*c.old, *c.new))]
        assert titled and all(c.flags for c in titled)
        assert {f.severity for c in titled for f in c.flags} == {"low"}
    # … while a change of the operative point is flagged as before.
    changed = compare_texts(tmp_path, old, new.replace("20 nautical", "5 nautical"))
    assert "high" in {f.severity for c in changed.changes for f in c.flags}


def test_a_chapeau_deleted_whose_points_were_kept_is_weighed_alone(tmp_path: Path) -> None:
    # One rendering lists the points under "The envoys agreed as follows:", the other puts
    # them at the top level: the chapeau goes, its points do not go with it.
    old = (
        "Note\n\n1. The envoys met in Vienna on 8 June.\n\n2. The envoys agreed as follows:\n"
        "- Armoured units shall pull back 15 km from the front line.\n"
        "- Monitors shall verify the pullback.\n\n3. The envoys will meet again in July.\n"
    )
    new = (
        "Note\n\n1. The envoys met in Vienna on 8 June.\n\n"
        "2. Armoured units shall pull back 15 km from the front line.\n\n"
        "3. Monitors shall verify the pullback.\n\n4. The envoys will meet again in July.\n"
    )
    comparison = compare_texts(tmp_path, old, new)
    deleted = [c for c in comparison.changes if c.kind == "deleted"]
    assert [c.old_cite for c in deleted] == ["2"]
    assert [f.message for f in deleted[0].flags] == ["Paragraph deleted: 'The envoys agreed as follows:'"]
    assert deleted[0].flags[0].severity == "low"
    # The same chapeau deleted with its points still says so and weighs them.
    gone = compare_texts(
        tmp_path,
        old,
        new.replace(
            "2. Armoured units shall pull back 15 km from the front line.\n\n3. Monitors shall verify the pullback.\n\n4.",
            "2.",
        ),
    )
    flags = [f for c in gone.changes if c.kind == "deleted" for f in c.flags]
    assert [f.severity for f in flags] == ["high"] and "with 2 sub-provisions" in flags[0].message
