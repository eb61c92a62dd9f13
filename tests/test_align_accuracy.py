"""How well compare() recovers known edits: accuracy on generated pairs, invariants as
Hypothesis properties, and the hand-written ground truth of the bundled drafts."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from draftkit.compare import compare
from draftkit.compare.changes import Change, Comparison
from draftkit.compare.engine import framed
from draftkit.compare.flat import normalise
from draftkit.compare.textdiff import new_text, old_text
from draftkit.errors import InputError
from draftkit.model import FRONT_KINDS, Draft
from draftkit.readers import read
from tests.gen_pairs import LabelledPair, insert_article_at_top, make_draft, make_pair, to_text
from tests.strategies import draft_texts

DRAFTS = Path(__file__).resolve().parents[1] / "drafts"
SEEDS = range(60)
MIN_F1 = 0.999  # issue 15: generated-pair F1 >= 0.999 (0.9994 on 3 Dec 2026)
MIN_KIND_ACCURACY = 0.99  # 0.9976 on 3 Dec 2026


# -- scoring --------------------------------------------------------------------------------
@dataclass
class Score:
    """Pooled over pairs: provision links (old eid, new eid) and truth units got right."""

    true_links: int = 0
    found_links: int = 0
    common_links: int = 0
    units: int = 0
    units_right: int = 0
    misses: list[str] = field(default_factory=list)
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # expected kind → [right, total]

    @property
    def precision(self) -> float:
        return self.common_links / self.found_links if self.found_links else 1.0

    @property
    def recall(self) -> float:
        return self.common_links / self.true_links if self.true_links else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def kind_accuracy(self) -> float:
        return self.units_right / self.units if self.units else 1.0

    @property
    def edited_accuracy(self) -> float:
        """Accuracy over the units whose expected kind is not `unchanged`: the figure the many
        untouched provisions do not flatter."""
        right = sum(r for k, (r, _) in self.by_kind.items() if k != "unchanged")
        total = sum(n for k, (_, n) in self.by_kind.items() if k != "unchanged")
        return right / total if total else 1.0

    def report(self) -> str:
        return (
            f"alignment F1 {self.f1:.4f} (precision {self.precision:.4f}, recall {self.recall:.4f}, "
            f"{self.true_links} true links); change kind+moved accuracy {self.kind_accuracy:.4f} "
            f"({self.units_right}/{self.units} units; {self.edited_accuracy:.4f} on edited ones; "
            "per expected kind: "
            + ", ".join(f"{k} {r}/{n}" for k, (r, n) in sorted(self.by_kind.items()))
            + ")"
        )


def _links(units: Iterable[tuple[tuple[str, ...], tuple[str, ...]]]) -> set[tuple[str, str]]:
    """Every old×new provision pair a unit joins; split and merge members included."""
    return {(o, n) for olds, news in units for o in olds for n in news}


def _eids(change: Change) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(p.eid for p in change.old), tuple(p.eid for p in change.new)


def _front(change: Change) -> bool:
    return any(p.kind in FRONT_KINDS for p in (*change.old, *change.new))


def score(pair: LabelledPair, comparison: Comparison, into: Score | None = None) -> Score:
    """Add how well `comparison` recovers `pair`'s truth to `into` (a new Score by default)."""
    out = into if into is not None else Score()
    # The truth lists provisions; the title and recitals are scored by the CHANGES.md test.
    comparison = replace(comparison, changes=tuple(c for c in comparison.changes if not _front(c)))
    truth = _links((u.old, u.new) for u in pair.truth)
    found = _links(_eids(c) for c in comparison.changes)
    out.true_links += len(truth)
    out.found_links += len(found)
    out.common_links += len(truth & found)
    by_unit = {(frozenset(o), frozenset(n)): c for c in comparison.changes for o, n in [_eids(c)]}
    by_old = {p.eid: c for c in comparison.changes for p in c.old}
    # A swap of two points is right when at least one of them is reported moved.
    swap_seen = {
        x: by_old[a].moved or by_old[b].moved
        for a, b in pair.swaps
        for x in (a, b)
        if a in by_old and b in by_old
    }
    for unit in pair.truth:
        out.units += 1
        tally = out.by_kind.setdefault(unit.kind, [0, 0])
        tally[1] += 1
        change = by_unit.get((frozenset(unit.old), frozenset(unit.new)))
        moved_ok = change is not None and (
            change.moved == unit.moved if unit.moved is not None else swap_seen.get(unit.old[0], False)
        )
        if change is not None and change.kind == unit.kind and moved_ok:
            out.units_right += 1
            tally[0] += 1
            continue
        got = f"{change.kind} moved={change.moved}" if change else _found_as(comparison, unit.old, unit.new)
        out.misses.append(
            f"seed {pair.seed}: {unit.old} → {unit.new} expected {unit.kind} moved={unit.moved}, got {got}"
        )
    return out


def _found_as(comparison: Comparison, olds: tuple[str, ...], news: tuple[str, ...]) -> str:
    """What the comparison made of a unit it did not find as such."""
    parts = []
    for c in comparison.changes:
        o, n = _eids(c)
        if set(o) & set(olds) or set(n) & set(news):
            parts.append(f"[{c.kind} {o} → {n} moved={c.moved}]")
    return " ".join(parts) or "nothing"


# -- accuracy on generated pairs -----------------------------------------------------------
def test_accuracy_on_generated_pairs() -> None:
    """Alignment F1 and change-kind accuracy over many seeds stay above the bar."""
    total = Score()
    for seed in SEEDS:
        pair = make_pair(seed)
        score(pair, compare(pair.old, pair.new), total)
    message = total.report()
    print(f"\n{len(SEEDS)} generated pairs: {message}")
    for miss in total.misses:
        print("  ", miss)
    assert total.f1 >= MIN_F1, f"{message}; misses: {total.misses[:10]}"
    assert total.kind_accuracy >= MIN_KIND_ACCURACY, f"{message}; misses: {total.misses[:10]}"


# -- the generator itself -------------------------------------------------------------------
def _shape(draft: Draft) -> list[tuple[str, str | None, str | None, str]]:
    return [(p.kind, p.num, p.heading, p.text) for p in draft.walk()]


def _parsed(text: str) -> Draft:
    """A draft text read through draftkit's reader (from a temporary file)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.txt"
        path.write_text(text, encoding="utf-8")
        return read(path)


def _parsed_or_none(text: str) -> Draft | None:
    """As `_parsed`, None for a text the reader rightly refuses (no numbered provision)."""
    try:
        return _parsed(text)
    except InputError:
        return None


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_generated_drafts_read_back_as_built(seed: int) -> None:
    """The generated trees are what the text reader makes of the same draft as a file."""
    pair = make_pair(seed)
    for draft in (pair.old, pair.new):
        parsed = _parsed(to_text(draft))
        assert _shape(parsed) == _shape(draft)
        assert [p.eid for p in parsed.walk()] == [p.eid for p in draft.walk()]


@pytest.mark.parametrize("seed", range(10))
def test_truth_covers_every_provision_once(seed: int) -> None:
    """The truth is a partition of both drafts, and the generator is deterministic."""
    pair = make_pair(seed)
    olds = [e for unit in pair.truth for e in unit.old]
    news = [e for unit in pair.truth for e in unit.new]
    assert sorted(olds) == sorted(p.eid for p in pair.old.walk())
    assert sorted(news) == sorted(p.eid for p in pair.new.walk())
    assert make_pair(seed) == pair
    assert make_draft(seed) == pair.old


# -- properties -----------------------------------------------------------------------------
# Bounded for the suite; raise DRAFTKIT_PROPERTY_EXAMPLES for a longer hunt.
PROPERTY = settings(
    max_examples=int(os.environ.get("DRAFTKIT_PROPERTY_EXAMPLES", "30")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
seeds = st.integers(0, 2**32 - 1)
generated_drafts = st.builds(make_draft, seeds, st.integers(1, 12))


@st.composite
def parsed_drafts(draw: st.DrawFn) -> Draft:
    """A random draft text (tests/strategies.py) as draftkit's reader makes it."""
    draft = _parsed_or_none(draw(draft_texts()))
    assume(draft is not None)
    assert draft is not None
    return draft


any_drafts = st.one_of(generated_drafts, parsed_drafts())


def _drafts_of_pair(seed: int, n_articles: int) -> tuple[Draft, Draft]:
    pair = make_pair(seed, n_articles)
    return pair.old, pair.new


generated_pairs = st.builds(_drafts_of_pair, seeds, st.integers(1, 12))
any_pairs = st.one_of(generated_pairs, st.tuples(parsed_drafts(), parsed_drafts()))


@PROPERTY
@given(any_drafts)
def test_self_comparison_has_no_changes(draft: Draft) -> None:
    """A draft compared with itself: every change unchanged, none moved or renumbered."""
    for change in compare(draft, draft).changes:
        assert (change.kind, change.moved, change.renumbered) == ("unchanged", False, False), change.old_cite
        assert change.old == change.new


@PROPERTY
@given(any_pairs)
def test_ops_rebuild_both_texts(pair: tuple[Draft, Draft]) -> None:
    """The ops of every change give back its old and new text exactly."""
    for change in compare(*pair).changes:
        assert old_text(change.ops) == change.old_text == "\n".join(p.text for p in change.old)
        assert new_text(change.ops) == change.new_text == "\n".join(p.text for p in change.new)


@PROPERTY
@given(any_pairs)
def test_every_provision_in_exactly_one_change(pair: tuple[Draft, Draft]) -> None:
    """Both drafts are partitioned by the changes (provisions counted by object identity)."""
    old, new = pair
    changes = compare(old, new).changes
    seen_old = sorted(p.eid for c in changes for p in c.old)
    seen_new = sorted(p.eid for c in changes for p in c.new)
    # The title and each recital are units of the comparison too (`framed`).
    assert seen_old == sorted(p.eid for p in framed(old).walk())
    assert seen_new == sorted(p.eid for p in framed(new).walk())


def _distinguishable(draft: Draft) -> bool:
    """Every provision has its own non-empty text: which old one became which new one is
    then observable (four bare "Article N" lines are not; see the known weaknesses below)."""
    keys = [normalise(p) for p in draft.walk()]
    return all(keys) and len(set(keys)) == len(keys)


@PROPERTY
@given(st.one_of(generated_drafts, parsed_drafts().filter(_distinguishable)), seeds)
def test_article_inserted_at_top_only_renumbers(draft: Draft, seed: int) -> None:
    """A new Article 1 (later articles and references renumbered): nothing modified, every old
    provision matched, the new article's provisions added, renumbered articles say so."""
    new = insert_article_at_top(draft, seed)
    comparison = compare(draft, new)
    inserted = {id(p) for p in new.provisions[0].walk()}
    kinds = [c.kind for c in comparison.changes]
    assert "modified" not in kinds and "deleted" not in kinds, comparison.summary()
    assert all(c.new for c in comparison.changes if c.old)
    assert {id(p) for c in comparison.changes if c.kind == "added" for p in c.new} == inserted
    for change in comparison.changes:
        if not change.old:
            continue
        assert not change.moved, change.old_cite
        m = re.fullmatch(r"Article (\d+)", (change.old_num or "").strip())
        if change.old[0].kind == "article" and m:
            # The partner is the same article one number up: matched by content, not by label.
            assert (change.new_num, change.renumbered) == (f"Article {int(m.group(1)) + 1}", True)
        else:
            assert change.new_num == change.old_num, change.old_cite


# -- golden: the bundled drafts against drafts/CHANGES.md ------------------------------------
# One row per change unit of CHANGES.md's provision maps: old citation, new citation, and
# what draftkit should call it. CHANGES.md's words map onto draftkit's kinds as follows:
# reworded → modified; moved → unchanged + moved; moved and reworded → modified + moved;
# renumbered → unchanged (labels differ); reordered → unchanged, one of the two moved;
# "cross-reference updated after renumbering" → unchanged + references_updated (ARCHITECTURE
# § Alignment 6: references rewritten only by renumbering are not content changes).
UNCHANGED, MODIFIED, MOVED, MOVED_MODIFIED = "unchanged", "modified", "moved", "moved+modified"
REFERENCES, REORDERED = "references", "reordered"
SPLIT, MERGED, ADDED, DELETED = "split", "merged", "added", "deleted"
Row = tuple[str, str, str]


def _same(*cites: str) -> list[Row]:
    return [(c, c, UNCHANGED) for c in cites]


def _shift(old_article: int, *subs: str) -> list[Row]:
    """Rows of an article renumbered one up, with the given unchanged sub-provisions."""
    new_article = old_article + 1
    return [(f"Article {old_article}{s}", f"Article {new_article}{s}", UNCHANGED) for s in ("", *subs)]


V1_V2: list[Row] = [
    *_same("title", "recital 1", "recital 2", "recital 3", "recital 4"),
    ("", "recital 5", ADDED),  # preamble, new paragraph 5
    ("recital 5", "recital 6", UNCHANGED),
    ("recital 6", "recital 7", UNCHANGED),
    *_same("Article 1", "Article 1(1)", *(f"Article 1(1)({x})" for x in "abcdegh")),
    ("Article 1(1)(f)", "Article 1(1)(f)", REFERENCES),  # item 2: Article 5 → 6
    ("Article 1(1)(i)", "Article 1(1)(i)", REFERENCES),  # item 3: paragraph 1 of Article 8 → 9
    ("Article 1(1)(j)", "Article 1(1)(j)", REFERENCES),  # item 4: Article 11 → 12
    *_same(
        "Article 2", "Article 2(1)", "Article 2(2)", "Article 2(2)(a)", "Article 2(2)(b)", "Article 2(2)(c)"
    ),
    ("", "Article 2(3)", ADDED),  # item 5
    ("Article 2(3)", "Article 6(3)", MOVED),  # item 6
    *_same("Article 3", "Article 3(3)"),
    ("Article 3(1)", "Article 3(1)", MODIFIED),  # item 7: 15 km → 10 km, 7.5 km → 5 km
    ("Article 3(2)", "Article 3(2)", MODIFIED),  # item 8: 30 → 60 days
    ("Article 3(4)", "Article 10(2)", MOVED_MODIFIED),  # item 9
    *_same(
        "Article 4",
        "Article 4(1)",
        "Article 4(1)(a)",
        "Article 4(1)(a)(i)",
        "Article 4(1)(a)(ii)",
        "Article 4(1)(a)(iii)",
        "Article 4(1)(b)",
    ),
    ("Article 4(2)", "Article 4(2)", MODIFIED),  # item 10: 600,000 → 800,000 [in peacetime]
    ("Article 4(3)", "Article 4(3)", MODIFIED),  # item 11: shall → may
    ("", "Article 4(4)", ADDED),  # item 12
    *(
        ("", c, ADDED)
        for c in ("Article 5", "Article 5(1)", "Article 5(2)", "Article 5(2)(a)", "Article 5(2)(b)")
    ),
    *_shift(5, "(1)", "(2)"),  # item 14
    ("Article 5(3)", "", DELETED),  # item 15
    *_shift(6, "(1)", "(2)"),
    *_shift(7, "(1)", "(3)"),
    ("Article 7(2)", "Article 8(2)", MODIFIED),  # item 16: Hollin → Dunmar
    ("Article 7(4)", "Article 8(4)", MODIFIED),  # item 17: condition added
    *_shift(8),
    ("Article 8(1)", "Article 9(1) + Article 9(2)", SPLIT),  # item 18
    ("Article 8(2)", "Article 9(3)", UNCHANGED),
    ("Article 8(3)", "Article 9(4)", MODIFIED),  # item 19: condition added
    ("Article 8(4)", "Article 9(5)", REFERENCES),  # item 20: paragraph 3 → 4
    *_shift(9, "(1)", "(1)(c)", "(1)(d)"),
    ("Article 9(1)(a)", "Article 10(1)(b)", REORDERED),  # item 21
    ("Article 9(1)(b)", "Article 10(1)(a)", REORDERED),
    *_shift(10, "(2)"),
    ("Article 10(1)", "Article 11(1)", MODIFIED),  # item 22: bracketed text added
    ("Article 10(3) + Article 10(4)", "Article 11(3)", MERGED),  # item 23
    *_shift(11, "(1)", "(2)", "(3)"),
    *_same("ANNEX I", "ANNEX I(1)", "ANNEX I(2)"),
]

V2_V3: list[Row] = [
    *_same("title", *(f"recital {n}" for n in range(1, 8))),
    *_same("Article 1", "Article 1(1)", "Article 1(1)(a)", "Article 1(1)(b)", "Article 1(1)(c)"),
    ("", "Article 1(1)(d)", ADDED),  # item 1
    *(
        (f"Article 1(1)({a})", f"Article 1(1)({b})", UNCHANGED)
        for a, b in zip("defghij", "efghijk", strict=True)
    ),
    *_same("Article 2", "Article 2(1)", "Article 2(2)", "Article 2(2)(a)", "Article 2(3)"),
    ("Article 2(2)(b)", "Article 5(2)(b)", MOVED),  # item 3
    ("Article 2(2)(c)", "Article 2(2)(b)", UNCHANGED),  # item 4
    *_same("Article 3", "Article 3(1)", "Article 3(2)"),
    ("Article 3(3)", "Article 3(3)", MODIFIED),  # item 6: exception added
    *_same(
        "Article 4",
        "Article 4(1)",
        "Article 4(1)(a)",
        "Article 4(1)(a)(i)",
        "Article 4(1)(a)(ii)",
        "Article 4(1)(a)(iii)",
        "Article 4(1)(b)",
        "Article 4(3)",
        "Article 4(4)",
    ),
    ("Article 4(2)", "Article 4(2)", MODIFIED),  # item 7: brackets removed
    *_same("Article 5", "Article 5(1)", "Article 5(2)", "Article 5(2)(a)"),
    ("Article 5(2)(b)", "Article 5(2)(c)", UNCHANGED),  # item 5
    *_same("Article 6", "Article 6(1)", "Article 6(2)", "Article 6(3)", "Article 7"),
    ("Article 7(1)", "Article 7(1)", MODIFIED),  # item 8: hold → convene, 72 → 24 hours
    ("Article 7(2)", "Article 7(2)", MODIFIED),  # item 9: will endeavour to → shall
    *_same("Article 8", "Article 8(1)", "Article 8(2)", "Article 8(3)", "Article 8(4)"),
    *_same("Article 9", "Article 9(1)", "Article 9(2)", "Article 9(4)", "Article 9(5)"),
    ("Article 9(3)", "Article 9(3)", MODIFIED),  # item 10: 30 → 40 per cent
    *_same("Article 10", "Article 10(1)", "Article 10(1)(a)", "Article 10(1)(b)", "Article 10(2)"),
    ("Article 10(1)(c)", "", DELETED),  # item 11
    ("Article 10(1)(d)", "Article 10(1)(c)", UNCHANGED),  # item 12
    ("Article 11", "Article 11", MODIFIED),  # item 13: heading
    ("Article 11(1)", "Article 11(1)", MODIFIED),  # item 14: bracketed text deleted
    *_same("Article 11(2)", "Article 11(3)", "Article 12", "Article 12(1)", "Article 12(2)", "Article 12(3)"),
    *_same("ANNEX I", "ANNEX I(1)", "ANNEX I(2)"),
]

# Reworded items, by old citation: words the diff must show deleted and inserted.
V1_V2_WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Article 3(1)": (("15", "7.5"), ("10", "5")),
    "Article 3(2)": (("30",), ("60",)),
    "Article 3(4)": ((), ("in safety and dignity",)),
    "Article 4(2)": (("600,000",), ("800,000", "[in peacetime]")),
    "Article 4(3)": (("shall",), ("may",)),
    "Article 7(2)": (("Hollin",), ("Dunmar",)),
    "Article 7(4)": ((), (", unless the Parties agree otherwise",)),
    "Article 8(3)": (
        (),
        ("Subject to verification by the Monitoring Mission of the withdrawal of Heavy Weapons",),
    ),
    "Article 10(1)": ((), ("[and in accordance with the legislation of the Republic of Veloria]",)),
}
V2_V3_WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Article 3(3)": ((), ("engineering units engaged in mine clearance under its supervision",)),
    "Article 4(2)": (("[", "]"), ()),
    "Article 7(1)": (("hold", "72"), ("convene", "24")),
    "Article 7(2)": (
        ("will endeavour to", "coordinated"),
        ("collective", "military", "to restore the observance"),
    ),
    "Article 9(3)": (("30",), ("40",)),
    "Article 11(1)": (("[and in accordance with the legislation of the Republic of Veloria]",), ()),
}


def _own_label(cite: str) -> str:
    """The provision's own label in a citation: 'Article 9(1)(a)' → '(a)', 'Article 9' → 'Article 9'."""
    m = re.search(r"\([^()]*\)$", cite)
    return m.group(0) if m else cite


def _check_golden(comparison: Comparison, rows: list[Row]) -> list[str]:
    """Every row found as the change it describes, and no change the rows do not list."""
    by_cites = {(c.old_cite, c.new_cite): c for c in comparison.changes}
    problems: list[str] = []
    reordered: list[Change] = []
    for old_cite, new_cite, expected in rows:
        change = by_cites.pop((old_cite, new_cite), None)
        if change is None:
            related = [
                f"{c.kind} {c.old_cite!r} → {c.new_cite!r}"
                for c in comparison.changes
                if (old_cite and c.old_cite == old_cite) or (new_cite and c.new_cite == new_cite)
            ]
            problems.append(f"{old_cite or '—'} → {new_cite or '—'} ({expected}): not found; got {related}")
            continue
        kind, moved = {
            MOVED: ("unchanged", True),
            MOVED_MODIFIED: ("modified", True),
            REFERENCES: ("unchanged", False),
            REORDERED: ("unchanged", change.moved),
            SPLIT: ("split", False),
            MERGED: ("merged", False),
        }.get(expected, (expected, False))
        got = (change.kind, change.moved, change.references_updated)
        if got != (kind, moved, expected == REFERENCES):
            problems.append(f"{old_cite} → {new_cite}: expected {expected}, got kind/moved/references {got}")
        if (
            change.kind == "unchanged"
            and not _front(change)  # "recital 5" → "recital 6": a place, not a label
            and _own_label(old_cite) != _own_label(new_cite)
            and not change.renumbered
        ):
            problems.append(f"{old_cite} → {new_cite}: label changed but not marked renumbered")
        if old_cite == new_cite and change.renumbered:
            problems.append(f"{old_cite}: marked renumbered, label unchanged")
        if expected == REORDERED:
            reordered.append(change)
    if reordered and not any(c.moved for c in reordered):
        problems.append(f"reordered points {[c.old_cite for c in reordered]}: none marked moved")
    problems += [f"unlisted change: {c.kind} {c.old_cite!r} → {c.new_cite!r}" for c in by_cites.values()]
    return problems


def _check_words(
    comparison: Comparison, words: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]
) -> list[str]:
    by_old = {c.old_cite: c for c in comparison.changes}
    problems: list[str] = []
    for cite, (deleted, inserted) in words.items():
        ops = by_old[cite].ops
        gone = "".join(text for kind, text in ops if kind == "delete")
        came = "".join(text for kind, text in ops if kind == "insert")
        problems += [f"{cite}: {w!r} not shown deleted (deleted: {gone!r})" for w in deleted if w not in gone]
        problems += [
            f"{cite}: {w!r} not shown inserted (inserted: {came!r})" for w in inserted if w not in came
        ]
    return problems


@pytest.mark.parametrize(
    ("old", "new", "rows", "words"),
    [("v1", "v2", V1_V2, V1_V2_WORDS), ("v2", "v3", V2_V3, V2_V3_WORDS)],
)
def test_bundled_drafts_match_changes_md(
    old: str, new: str, rows: list[Row], words: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]
) -> None:
    """compare() finds every change CHANGES.md lists between consecutive rounds, and no other."""
    comparison = compare(read(DRAFTS / f"framework-{old}.txt"), read(DRAFTS / f"framework-{new}.txt"))
    problems = _check_golden(comparison, rows) + _check_words(comparison, words)
    assert not problems, "\n".join(problems)


def test_bundled_headings_and_preamble() -> None:
    """The changes CHANGES.md lists outside provision texts: v2→v3 item 13 (a heading), and
    v1→v2 item 1 (a preamble paragraph, which the Comparison does not cover: checked on
    the drafts it carries)."""
    v1, v2, v3 = (read(DRAFTS / f"framework-v{n}.txt") for n in (1, 2, 3))
    (change,) = [c for c in compare(v2, v3).changes if c.old_cite == "Article 11"]
    assert (change.old_heading, change.new_heading) == (
        "Political Provisions and Amnesty",
        "Elections, Language Rights and Amnesty",
    )
    assert change.heading_changed
    inserted = (
        "Welcoming the readiness of the Meridian Security Organisation to deploy an impartial "
        "civilian monitoring mission in the area of the hostilities,"
    )
    assert v2.preamble == (*v1.preamble[:4], inserted, *v1.preamble[4:])
    assert v3.preamble == v2.preamble


# -- miss classes once seen on generated pairs, reduced by hand to minimal cases ---------------
# The first three were fixed in align.py (label bonus only breaks ties; confident in-parent
# matches first, then cross-parent leftovers, then the rest). The split across an inserted
# paragraph (and the merge across a deleted one) by compare.regroup (issue 15 item 6).
def _compare_texts(old: str, new: str) -> list[tuple[str, str, str, bool]]:
    comparison = compare(_parsed(old), _parsed(new))
    return [(c.kind, c.old_cite, c.new_cite, c.moved) for c in comparison.changes]


CEASEFIRE = (
    "The Parties shall observe a comprehensive ceasefire with effect from the day following "
    "the signature of this Agreement."
)


def test_unrelated_replacement_in_place_is_deleted_and_added() -> None:
    """A paragraph deleted and an unrelated one put in its place: deleted + added."""
    old = (
        f"Article 1 — Cultural Heritage\n\n1. {CEASEFIRE}\n2. The Government of the Astrian Federation "
        "shall protect cultural and religious sites in the Contested Areas on the basis of reciprocity.\n"
    )
    new = (
        f"Article 1 — Cultural Heritage\n\n1. {CEASEFIRE}\n2. The Halvern Development Bank may set up "
        "joint patrols along the Line of Contact in a manner consistent with international "
        "humanitarian law.\n"
    )
    changes = _compare_texts(old, new)
    assert ("deleted", "Article 1(2)", "", False) in changes
    assert ("added", "", "Article 1(2)", False) in changes


def test_moved_and_reworded_into_a_vacated_place() -> None:
    """Article 1(1) moved to Article 2 and reworded, while Article 2(1) was deleted."""
    transfer = "The Meridian Security Organisation shall transfer frozen assets to the Reconstruction Fund"
    report = (
        "The Joint Commission shall submit a written report on the implementation of this Agreement "
        "as described in Annex I."
    )
    freedom = (
        "The Monitoring Mission shall enjoy unrestricted freedom of movement throughout the "
        "Demilitarized Zone."
    )
    old = (
        f"Article 1 — Reconstruction\n\n1. {transfer} unless the Parties agree otherwise.\n2. {CEASEFIRE}\n\n"
        f"Article 2 — Monitoring\n\n1. {report}\n2. {freedom}\n"
    )
    new = (
        f"Article 1 — Reconstruction\n\n1. {CEASEFIRE}\n\n"
        f"Article 2 — Monitoring\n\n1. {transfer} at the request of either Party.\n2. {freedom}\n"
    )
    changes = _compare_texts(old, new)
    assert ("modified", "Article 1(1)", "Article 2(1)", True) in changes
    assert ("deleted", "Article 2(1)", "", False) in changes


def test_bare_articles_renumbered_by_an_insertion() -> None:
    """Four bare "Article N" lines, a new Article 1 on top: all four renumbered, none deleted."""
    old = "Article 1\nArticle 2\nArticle 3\nArticle 4\n"
    new = (
        "Article 1 — Final Provisions\n\n1. This Agreement shall enter into force on the date of its "
        "signature.\n\nArticle 2\nArticle 3\nArticle 4\nArticle 5\n"
    )
    kinds = [kind for kind, *_ in _compare_texts(old, new)]
    assert kinds.count("deleted") == 0
    assert kinds.count("added") == 2


FUND = (
    "The Halvern Fund for Reconstruction and Recovery is hereby established with an initial "
    "capitalisation of EUR 40 billion."
)
BOARD = "The Fund shall be administered by the Halvern Development Bank under the oversight of a board of the Parties."
ASSETS = (
    "The Guarantors shall transfer frozen assets to the Fund within 90 days of the entry into "
    "force of this Agreement."
)


def test_split_with_a_paragraph_inserted_between_the_parts() -> None:
    """Article 1(1) split into 1(1) and 1(3), with a new 1(2) between them (issue 15 item 6:
    compare.regroup)."""
    old = f"Article 1 — Reconstruction\n\n1. {FUND} {BOARD}\n"
    new = f"Article 1 — Reconstruction\n\n1. {FUND}\n2. {ASSETS}\n3. {BOARD}\n"
    changes = _compare_texts(old, new)
    assert ("split", "Article 1(1)", "Article 1(1) + Article 1(3)", False) in changes


def test_merge_across_a_deleted_paragraph() -> None:
    """Article 1(1) and 1(3) merged into 1(1), the 1(2) between them deleted."""
    old = f"Article 1 — Reconstruction\n\n1. {FUND}\n2. {ASSETS}\n3. {BOARD}\n"
    new = f"Article 1 — Reconstruction\n\n1. {FUND} {BOARD}\n"
    changes = _compare_texts(old, new)
    assert ("merged", "Article 1(1) + Article 1(3)", "Article 1(1)", False) in changes
    assert ("deleted", "Article 1(2)", "", False) in changes


def test_unrelated_paragraph_beyond_a_gap_is_not_joined() -> None:
    """A paragraph a few places after a modified one, whose words are not in the old text,
    is added: a gap split needs both parts found in the whole."""
    old = f"Article 1 — Reconstruction\n\n1. {FUND} {BOARD}\n"
    new = f"Article 1 — Reconstruction\n\n1. {FUND} {BOARD[:40]}\n2. {ASSETS}\n3. {CEASEFIRE}\n"
    kinds = [kind for kind, *_ in _compare_texts(old, new)]
    assert "split" not in kinds and kinds.count("added") == 2


def test_a_point_rewritten_as_an_intro_with_paragraphs_is_a_split() -> None:
    """A successor text turned one long point into a point with sub-paragraphs: the old point
    is split over the new point and all its paragraphs (compare.regroup's subtree)."""
    old = f"Article 1 — Reconstruction\n\n1. {FUND} {ASSETS} {BOARD}\n2. {CEASEFIRE}\n"
    new = (
        f"Article 1 — Reconstruction\n\n1. The Parties agree on reconstruction as follows:\n"
        f"(a) {FUND}\n(b) {ASSETS}\n(c) {BOARD}\n2. {CEASEFIRE}\n"
    )
    changes = _compare_texts(old, new)
    assert (
        "split",
        "Article 1(1)",
        "Article 1(1) + Article 1(1)(a) + Article 1(1)(b) + Article 1(1)(c)",
        False,
    ) in changes
