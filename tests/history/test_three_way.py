"""Three-way: one side only, both the same way, conflict, delete/modify; compare3(B, B, T)
is diff(B, T) with every change "only B"."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from draftkit.compare import compare
from draftkit.history import ThreeWay, compare3
from draftkit.history.lineage import units
from tests.conftest import CASES
from tests.gen_pairs import make_pair

CASE = CASES / "history" / "three_way"


@pytest.fixture(scope="module")
def three() -> ThreeWay:
    return compare3(
        CASE / "base.txt",
        CASE / "veloria.txt",
        CASE / "astria.txt",
        flags=False,
        labels=("Veloria", "Astria"),
    )


def _kinds(three: ThreeWay) -> dict[str, str]:
    return {entry.cite: entry.kind for entry in three.entries}


def test_each_outcome(three: ThreeWay) -> None:
    kinds = _kinds(three)
    assert kinds["Article 1(1)"] == "unchanged"
    assert kinds["Article 1(2)"] == "conflict"  # 25 km vs 10 km / 60 days
    assert kinds["Article 1(3)"] == "same"  # both added the Drava Corridor
    assert kinds["Article 1(4)"] == "conflict"  # Veloria changed it, Astria deleted it
    assert kinds["Article 1(5)"] == "only_b"
    assert kinds["Article 1(7)"] == "only_a"  # added by Veloria
    by_cite = {e.cite: e for e in three.entries}
    assert by_cite["Article 1(2)"].reason == "changed differently in Veloria and Astria"
    assert by_cite["Article 1(4)"].reason == "deleted in Astria, changed in Veloria"
    assert three.summary()["conflict"] == 2


def test_conflict_keeps_both_wordings(three: ThreeWay) -> None:
    entry = next(e for e in three.entries if e.cite == "Article 1(2)")
    assert entry.a is not None and "25 km" in entry.a.new_text
    assert entry.b is not None and "10 km" in entry.b.new_text and "60 days" in entry.b.new_text


def test_every_base_unit_in_exactly_one_entry(three: ThreeWay) -> None:
    counted = Counter(e.base_eid for e in three.entries if e.base_eid is not None)
    assert counted == Counter(p.eid for p in units(three.base))


def _only_b(three: ThreeWay) -> Counter[tuple[tuple[str, ...], tuple[str, ...], str]]:
    out: Counter[tuple[tuple[str, ...], tuple[str, ...], str]] = Counter()
    seen: set[int] = set()
    for entry in three.entries:
        assert entry.kind in ("unchanged", "only_b"), entry
        if entry.kind == "only_b" and entry.b is not None and id(entry.b) not in seen:
            seen.add(id(entry.b))
            out[(tuple(p.eid for p in entry.b.old), tuple(p.eid for p in entry.b.new), entry.b.kind)] += 1
    return out


def test_base_against_itself_is_the_diff() -> None:
    three = compare3(CASE / "base.txt", CASE / "base.txt", CASE / "astria.txt", flags=False)
    diff = compare(three.base, three.b)
    assert _only_b(three) == Counter(
        (tuple(p.eid for p in c.old), tuple(p.eid for p in c.new), c.kind)
        for c in diff.changes
        if c.is_change
    )


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 10))
def test_property_base_against_itself_is_the_diff(seed: int, n: int) -> None:
    pair = make_pair(seed, n)
    three = compare3(pair.old, pair.old, pair.new, flags=False)
    assert _only_b(three) == Counter(
        (tuple(p.eid for p in c.old), tuple(p.eid for p in c.new), c.kind)
        for c in compare(pair.old, pair.new).changes
        if c.is_change
    )


@settings(max_examples=10, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 10))
def test_property_same_proposal_twice_has_no_conflict(seed: int, n: int) -> None:
    pair = make_pair(seed, n)
    three = compare3(pair.old, pair.new, pair.new, flags=False)
    assert three.summary()["conflict"] == 0
    assert {e.kind for e in three.entries} <= {"unchanged", "same"}


_BASE_POINTS = [
    "The Parties shall observe a ceasefire along the River Line from the day after signature.",
    "The Parties shall withdraw heavy weapons 20 km from the River Line within 30 days.",
    "The Monitoring Mission shall have unhindered access to the river crossings at all times.",
    "Detained persons shall be released within 14 days on the basis of all for all.",
    "The Joint Commission shall meet every two weeks in the town of Vell.",
]
_ACCESS = _BASE_POINTS[2]


def _draft(tmp_path: pytest.TempPathFactory, name: str, points: list[str]) -> str:
    body = "\n".join(f"{i}. {text}" for i, text in enumerate(points, start=1))
    path = tmp_path / f"{name}.txt"  # type: ignore[operator]
    path.write_text(f"AGREEMENT ON THE RIVER LINE\n\nArticle 1 — Measures\n\n{body}\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("b_points", "reason"),
    [
        # B only renumbered it (a point inserted before it): kept, not "compatible".
        (
            ["The Parties confirm their commitment to a lasting settlement.", *_BASE_POINTS],
            "kept in B: renumbered",
        ),
        # B only moved it (to the end): kept there.
        ([*_BASE_POINTS[:2], *_BASE_POINTS[3:], _ACCESS], "kept in B: moved and renumbered"),
        # B changed its wording: the conflict it always was.
        ([*_BASE_POINTS[:2], _ACCESS.replace("at all times", "by day"), *_BASE_POINTS[3:]], "changed in B"),
        # B merged it with the next point.
        (
            [
                *_BASE_POINTS[:2],
                _ACCESS[:-1] + ", and detained persons shall be released within 14 days on the "
                "basis of all for all.",
                _BASE_POINTS[4],
            ],
            "merged with another provision in B",
        ),
    ],
)
def test_deleted_by_one_side_and_kept_by_the_other_is_a_conflict(
    tmp_path: pytest.TempPathFactory, b_points: list[str], reason: str
) -> None:
    """A point A deletes while B keeps it (even only renumbered or moved, its wording the same)
    is a decision for the mediator: a conflict, with a reason saying what B did, in every
    report."""
    base = _draft(tmp_path, "base", _BASE_POINTS)
    a = _draft(tmp_path, "a", [p for p in _BASE_POINTS if p != _ACCESS])
    b = _draft(tmp_path, "b", b_points)
    three = compare3(base, a, b, flags=False)
    (entry,) = [e for e in three.entries if e.base_cite == "Article 1(3)"]
    assert entry.kind == "conflict"
    assert entry.reason.startswith("deleted in A, " + reason)
    for report in _reports(three):
        assert "deleted in A, " + reason in report
    # Swapping the sides names them the other way round.
    swapped = compare3(base, b, a, flags=False)
    (entry,) = [e for e in swapped.entries if e.base_cite == "Article 1(3)"]
    assert entry.kind == "conflict" and entry.reason.startswith(
        "deleted in B, " + reason.replace(" in B", " in A")
    )


def _reports(three: ThreeWay) -> list[str]:
    """The terminal, JSON, Markdown and HTML reports, and the DOCX report's text."""
    import io
    import zipfile

    from draftkit.render.history_docx import render_three_way_docx
    from draftkit.render.history_html import render_three_way_html
    from draftkit.render.history_json import render_three_way_json
    from draftkit.render.history_markdown import render_three_way_markdown
    from draftkit.render.history_terminal import render_three_way_terminal

    with zipfile.ZipFile(io.BytesIO(render_three_way_docx(three))) as z:
        docx = z.read("word/document.xml").decode()
    return [
        render_three_way_terminal(three),
        render_three_way_json(three),
        render_three_way_markdown(three),
        render_three_way_html(three),
        docx,
    ]


def test_deleted_by_one_side_and_left_alone_by_the_other_is_that_side_only(
    tmp_path: pytest.TempPathFactory,
) -> None:
    base = _draft(tmp_path, "base", _BASE_POINTS)
    a = _draft(tmp_path, "a", [p for p in _BASE_POINTS if p != _ACCESS])
    three = compare3(base, a, base, flags=False)
    (entry,) = [e for e in three.entries if e.base_cite == "Article 1(3)"]
    assert entry.kind == "only_a" and entry.reason == ""


def test_an_addition_is_not_headed_as_the_base_provision_of_its_number(
    tmp_path: pytest.TempPathFactory,
) -> None:
    """B inserts a new point 1: its entry was headed "Article 1(1)", as the base's point 1
    (which B renumbered 1(2)) is: two entries "Article 1(1)", the addition read as the base's.
    It now says whose numbering its citation is in."""
    base = _draft(tmp_path, "base", _BASE_POINTS)
    b = _draft(
        tmp_path, "b", ["The Parties confirm their commitment to a lasting settlement.", *_BASE_POINTS]
    )
    three = compare3(base, base, b, flags=False, labels=("Veloria", "Astria"))
    added = [e for e in three.entries if e.base_eid is None]
    assert [e.shown_cite(three.labels) for e in added] == ["Article 1(1), new in Astria"]
    assert added[0].cite == "Article 1(1)"  # the JSON's cite is the side's own, base null
    for report in _reports(three)[:1] + _reports(three)[2:]:
        assert "Article 1(1), new in Astria" in report


_INSERTED = "The Parties confirm their commitment to a lasting settlement."


@pytest.mark.parametrize(
    ("a_points", "b_points", "kind", "reason"),
    [
        # A moved the access point to the end, B to the start: both placings cannot stand.
        (
            [*_BASE_POINTS[:2], *_BASE_POINTS[3:], _ACCESS],
            [_ACCESS, *_BASE_POINTS[:2], *_BASE_POINTS[3:]],
            "conflict",
            "moved to different places: Article 1(5) in A, Article 1(1) in B",
        ),
        # A moved it, B only renumbered it (a point inserted before it): both stand.
        (
            [*_BASE_POINTS[:2], *_BASE_POINTS[3:], _ACCESS],
            [_INSERTED, *_BASE_POINTS],
            "compatible",
            "the same wording, moved differently: Article 1(5) in A, Article 1(4) in B",
        ),
        # Renumbered by both, to different numbers (A deleted a point before it, B inserted one).
        (
            _BASE_POINTS[1:],
            [_INSERTED, *_BASE_POINTS],
            "compatible",
            "the same wording, numbered differently: Article 1(2) in A, Article 1(4) in B",
        ),
        # Moved by both to the same place: the same way.
        (
            [*_BASE_POINTS[:2], *_BASE_POINTS[3:], _ACCESS],
            [*_BASE_POINTS[:2], *_BASE_POINTS[3:], _ACCESS],
            "same",
            "",
        ),
    ],
)
def test_the_same_wording_at_different_places(
    tmp_path: pytest.TempPathFactory, a_points: list[str], b_points: list[str], kind: str, reason: str
) -> None:
    """Before, an unchanged wording was "Both, the same way" wherever each side put it, and the
    reports showed A's place for both ("A = B: moved → Article 1(5)" while B moved it to 1(1))."""
    base = _draft(tmp_path, "base", _BASE_POINTS)
    three = compare3(base, _draft(tmp_path, "a", a_points), _draft(tmp_path, "b", b_points), flags=False)
    (entry,) = [e for e in three.entries if e.base_cite == "Article 1(3)"]
    assert (entry.kind, entry.reason) == (kind, reason)


def test_an_addition_both_made_says_each_sides_citation(tmp_path: pytest.TempPathFactory) -> None:
    base = _draft(tmp_path, "base", _BASE_POINTS)
    extra = "The Guarantors shall report to the Joint Commission every six months."
    a = _draft(tmp_path, "a", [*_BASE_POINTS, extra])
    b = _draft(tmp_path, "b", [*_BASE_POINTS[1:], extra])  # B also deleted point 1
    three = compare3(base, a, b, flags=False)
    (added,) = [e for e in three.entries if e.base_eid is None]
    assert added.kind == "same"
    assert added.shown_cite(three.labels) == "Article 1(6) in A, Article 1(5) in B, new in both"
