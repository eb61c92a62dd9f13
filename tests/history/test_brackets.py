"""Brackets: spans found in a text (nested, alternatives, unbalanced), and their identity
across the five bundled rounds — opened, edited, closed with either alternative or new
wording, dropped, reopened."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from draftkit.compare.textdiff import diff_words
from draftkit.history import History, find_spans
from draftkit.history.brackets import Bracket, project

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from compare_shapes import brackets_rounds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no brackets here", []),
        ("shall not exceed 800,000 personnel [in peacetime].", [("[in peacetime]", ("in peacetime",))]),
        ("up to [1,200] / [2,000] monitors", [("[1,200] / [2,000]", ("1,200", "2,000"))]),
        ("within [24 hours] [72 hours].", [("[24 hours] [72 hours]", ("24 hours", "72 hours"))]),
        ("[A] or [B] and then [C]", [("[A] or [B]", ("A", "B")), ("[C]", ("C",))]),
        (
            "[, other than [serious] violations,] other",
            [
                ("[, other than [serious] violations,]", (", other than [serious] violations,",)),
                ("[serious]", ("serious",)),
            ],
        ),
        (
            "[within [30] / [60] days] and [x]",
            [
                ("[within [30] / [60] days]", ("within [30] / [60] days",)),
                ("[30] / [60]", ("30", "60")),
                ("[x]", ("x",)),
            ],
        ),
        ("a stray ] here, [kept], and [never closed", [("[kept]", ("kept",))]),
        ("[Option 1: a] [Option 2: b]", [("[Option 1: a] [Option 2: b]", ("Option 1: a", "Option 2: b"))]),
    ],
)
def test_find_spans(text: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    spans = find_spans(text)
    assert [(s.raw, s.alternatives) for s in spans] == expected
    for span in spans:
        assert text[span.start : span.end] == span.raw


def test_nesting_depth_and_level() -> None:
    outer, inner = find_spans("a [[double]] b")
    assert outer.depth == 2 and outer.level == 1 and outer.alternatives == ("[double]",)
    assert inner.depth == 1 and inner.level == 2 and inner.raw == "[double]"


def test_nesting_deeper_than_followed_is_text_of_the_bracket_around_it() -> None:
    from draftkit.history.brackets import MAX_LEVEL

    text = "[" * 20_000 + "]" * 20_000  # bounded work: MAX_LEVEL spans, not 20,000 copies of the text
    assert [s.level for s in find_spans(text)] == list(range(1, MAX_LEVEL + 1))


def test_project_follows_the_word_diff() -> None:
    old, new = "not exceed 800,000 personnel [in peacetime].", "not exceed 800,000 personnel in peacetime."
    start = old.index("[")
    ns, ne = project(diff_words(old, new), start, start + len("[in peacetime]"))
    assert new[ns:ne] == "in peacetime"
    dropped = "not exceed 800,000 personnel."
    ns, ne = project(diff_words(old, dropped), start, start + len("[in peacetime]"))
    assert dropped[ns:ne].strip(" .") == ""


def _story(bracket: Bracket) -> list[tuple[int, str, str | None, str | None, int | None]]:
    return [(e.round + 1, e.kind, e.resolution, e.wording, e.alternative) for e in bracket.events]


def _by_text(history: History, fragment: str) -> Bracket:
    (found,) = [b for b in history.brackets if any(fragment in (t or "") for t in b.texts)]
    return found


def test_closed_agreed_with_the_bracketed_words(five_rounds: History) -> None:
    assert _story(_by_text(five_rounds, "[in peacetime]")) == [
        (2, "opened", None, None, None),
        (3, "closed", "agreed", "in peacetime", None),
    ]


def test_dropped_then_reopened_then_dropped(five_rounds: History) -> None:
    bracket = _by_text(five_rounds, "legislation of the Republic of Veloria")
    assert _story(bracket) == [
        (2, "opened", None, None, None),
        (3, "closed", "dropped", None, None),
        (4, "reopened", None, None, None),
        (5, "closed", "dropped", None, None),
    ]
    assert [t is not None for t in bracket.texts] == [False, True, False, True, False]


def test_closed_with_either_alternative(five_rounds: History) -> None:
    assert _story(_by_text(five_rounds, "[24 hours] [72 hours]"))[-1] == (
        5,
        "closed",
        "agreed",
        "72 hours",
        2,
    )
    options = _by_text(five_rounds, "[Option 1: diplomatic and economic measures]")
    assert _story(options)[-1] == (5, "closed", "agreed", "diplomatic and economic measures", 1)


def test_closed_with_new_wording(five_rounds: History) -> None:
    assert _story(_by_text(five_rounds, "[1,200] / [2,000]"))[-1] == (5, "closed", "agreed", "1,500", None)


def test_inner_bracket_agreed_outer_still_open_and_unchanged(five_rounds: History) -> None:
    """R4 brackets "[, other than [serious] violations …,]"; R5 agrees "serious" only: the
    inner bracket closed, the outer one still open and not changed (its own words are the
    same) — before, the outer one was reported changed and the inner one not at all."""
    (outer,) = [b for b in five_rounds.brackets if (b.texts[3] or "").startswith("[, other than")]
    assert [e.kind for e in outer.events] == ["opened"]
    assert outer.texts[4] == "[, other than serious violations of international humanitarian law,]"
    (inner,) = [b for b in five_rounds.brackets if b.texts[3] == "[serious]"]
    assert _story(inner) == [(4, "opened", None, None, None), (5, "closed", "agreed", "serious", None)]
    assert [b.id for b in five_rounds.open_brackets(4)] == [outer.id]


def _nested() -> History:
    from draftkit.history import history
    from tests.conftest import CASES

    return history(sorted((CASES / "history" / "nested").glob("round-*.txt")), flags=False)


def _stories(history: History) -> dict[str, list[tuple[int, str, str | None, str | None, int | None]]]:
    return {next(t for t in b.texts if t is not None): _story(b) for b in history.brackets}


def test_nested_brackets_each_keep_their_own_story() -> None:
    """Three rounds of tests/cases/history/nested: each bracket, outer or inner, is told
    apart. Before, an inner bracket's change was the outer one's ("changed"), an outer one
    closed around a still open inner one took the inner one's identity, and an outer one
    opened around an open inner one was that inner one "changed"."""
    stories = _stories(_nested())
    assert stories == {
        # Inner agreed in R2: the outer one is not changed by it; its own words are in R3.
        "[to a distance of [30] km]": [(1, "opened", None, None, None), (3, "changed", None, None, None)],
        "[30]": [(1, "opened", None, None, None), (2, "closed", "agreed", "30", None)],
        # An alternative added inside: the inner bracket changed, not the outer one; then the
        # outer one agreed around the inner one, which stays open.
        "[monthly in [Geneva]]": [
            (1, "opened", None, None, None),
            (3, "closed", "agreed", "monthly in [Geneva] / [Vienna]", None),
        ],
        "[Geneva]": [(1, "opened", None, None, None), (2, "changed", None, None, None)],
        # A bracket opened around an open one: the inner one untouched, the outer one opened.
        "[14]": [(1, "opened", None, None, None), (3, "closed", "agreed", "14", None)],
        "[within [14] days of signature]": [
            (2, "opened", None, None, None),
            (3, "closed", "agreed", "within 14 days of signature", None),
        ],
    }


def test_each_nested_span_of_each_round_belongs_to_one_bracket() -> None:
    from draftkit.history.lineage import units

    history = _nested()
    for r, round_ in enumerate(history.rounds):
        spans = sorted(s.raw for p in units(round_.draft) for s in find_spans(p.text))
        assert sorted(b.texts[r] or "" for b in history.open_brackets(r)) == spans


def test_open_brackets_per_round(five_rounds: History) -> None:
    assert [len(five_rounds.open_brackets(r)) for r in range(5)] == [0, 2, 0, 7, 1]


def test_each_span_of_each_round_belongs_to_one_bracket(five_rounds: History) -> None:
    from draftkit.history.lineage import units

    for r, round_ in enumerate(five_rounds.rounds):
        spans = sorted(s.raw for p in units(round_.draft) for s in find_spans(p.text))
        assert sorted(b.texts[r] or "" for b in five_rounds.open_brackets(r)) == spans


def test_a_projection_places_spans_as_project_does() -> None:
    """Projection (offsets taken once, spans placed by bisection) agrees with project."""
    import random

    from draftkit.history.brackets import Projection

    rng = random.Random(3)
    words = ["a", "b", "c", "[d]", "e", "f", "gg", "hhh", "i"]
    for _ in range(500):
        old = " ".join(rng.choice(words) for _ in range(rng.randint(0, 12)))
        new = " ".join(rng.choice(words) for _ in range(rng.randint(0, 12)))
        ops = diff_words(old, new)
        placed = Projection(ops)
        for _ in range(8):
            start = rng.randint(0, len(old))
            end = rng.randint(start, len(old))
            assert placed(start, end) == project(ops, start, end)


def test_thousands_of_brackets_in_one_provision_are_followed_in_linear_work(
    tmp_path: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One paragraph holding 3,000 bracketed passages, a third agreed each round: each new
    span's wording is made once, not once per bracket the word diff lost (a history of
    10,000 such brackets took 15 s, now 2.5 s)."""
    from draftkit.history import brackets
    from draftkit.history.timeline import history

    paths = brackets_rounds(3000, tmp_path)  # type: ignore[arg-type]
    calls = 0
    plain = brackets._plain

    def counted(text: str) -> str:
        nonlocal calls
        calls += 1
        return plain(text)

    monkeypatch.setattr(brackets, "_plain", counted)
    found = history(paths, flags=False)
    assert len(found.brackets) >= 3000
    assert calls <= 4 * 3000 * 2


_SPLIT_ROUNDS = (
    "Article 1\nThe Parties shall cease fire within [24 hours] / [72 hours] of signature.\n"
    "Article 2\nHeavy weapons shall be withdrawn [15 km] from the line [, except in the Kessel sector,]"
    " within [30] days.\nArticle 3\nPrisoners shall be exchanged.\n",
    "Article 1\nThe Parties shall cease fire within [48 hours] / [72 hours] of signature.\n"
    "Article 2\nHeavy weapons shall be withdrawn [15 km] from the line.\n"
    "Article 3\nThe withdrawal under Article 2 shall be completed [, except in the Kessel sector,]"
    " within [30] days.\nArticle 4\nPrisoners shall be exchanged.\n",
    "Article 1\nThe Parties shall cease fire within 60 hours of signature.\n"
    "Article 2\nHeavy weapons shall be withdrawn 15 km from the line.\n"
    "Article 3\nThe withdrawal under Article 2 shall be completed within [30] / [45] days.\n"
    "Article 4\nPrisoners shall be exchanged [all for all].\n",
)


@pytest.fixture
def split_rounds(tmp_path: Path) -> History:
    from draftkit.history import history

    paths = []
    for k, text in enumerate(_SPLIT_ROUNDS, start=1):
        path = tmp_path / f"r{k}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return history(paths, flags=False)


def _told(history: History, first: str) -> list[tuple[int, str, str | None, str | None]]:
    (bracket,) = [b for b in history.brackets if b.events[0].text == first]
    return [(e.round, e.kind, e.resolution, e.wording) for e in bracket.events]


def test_a_bracket_dropped_beside_another_that_gains_an_alternative(split_rounds: History) -> None:
    """R3 dropped "[, except in the Kessel sector,]" and made "[30]" "[30] / [45]". The word
    diff kept the first bracket's "]" for the second's: the tracker said the exception was
    changed into "[30] / [45]" and "[30]" was agreed as "[45]"."""
    assert _told(split_rounds, "[, except in the Kessel sector,]") == [
        (0, "opened", None, None),
        (2, "closed", "dropped", None),
    ]
    assert _told(split_rounds, "[30]") == [(0, "opened", None, None), (2, "changed", None, None)]
    assert _told(split_rounds, "[15 km]")[-1] == (2, "closed", "agreed", "15 km")
    assert _told(split_rounds, "[24 hours] / [72 hours]")[-1] == (2, "closed", "agreed", "60 hours")


def test_a_bracket_carried_by_a_split_is_cited_where_it_stands(split_rounds: History) -> None:
    """Article 2 was split in R2 and its "[30]" went to Article 3: the open list cited it as
    Article 2 (the provision it opened in), where R3 holds no bracket."""
    from draftkit.render.history_terminal import render_history_terminal

    (thirty,) = [b for b in split_rounds.brackets if b.events[0].text == "[30]"]
    assert split_rounds.bracket_cite(thirty, 0) == "Article 2"
    assert split_rounds.bracket_cite(thirty, 2) == "Article 3"
    terminal = render_history_terminal(split_rounds)
    assert "    b4    Article 3          [30] / [45]" in terminal
    assert "    b3    R3  Article 3          [, except in the Kessel sector,]" in terminal
