"""Points said in other words (compare.subjects): a deleted and an added point that share a
subject no other point names, each the other's best, in the same slot or in a successor text
whose points were put in another order, are one point rewritten; the controls stay apart."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from draftkit.compare import align as align_module
from draftkit.compare import compare
from draftkit.compare.content import ContentSimilarity
from draftkit.compare.flat import ROOT
from draftkit.compare.subjects import CONTEXT_MIN, subject_pairs
from draftkit.readers import read

Changes = set[tuple[str, str, str]]


def _changes(tmp_path: Path, old: str, new: str) -> Changes:
    (tmp_path / "old.txt").write_text(old, encoding="utf-8")
    (tmp_path / "new.txt").write_text(new, encoding="utf-8")
    comparison = compare(read(tmp_path / "old.txt"), read(tmp_path / "new.txt"))
    return {(c.kind, c.old_cite, c.new_cite) for c in comparison.changes if c.kind != "unchanged"}


def _kinds(changes: Changes) -> dict[tuple[str, str], str]:
    """(old cite, new cite) → kind, for the 1:1 changes."""
    return {(o, n): k for k, o, n in changes if o and n}


def _points(lines: list[str]) -> str:
    return "Agreement\n\n" + "".join(f"{n}. {text}\n" for n, text in enumerate(lines, start=1))


# A successor text: the points kept word for word stand in another order, two are rewritten
# beyond what characters or content scores show, one is dropped and one is new.
SHUFFLED_OLD = _points(
    [
        "The Parties shall stop all shelling of residential districts.",
        "Observers of the Mission shall patrol the contact line every day.",
        "Prisoners of war shall be exchanged within thirty days.",
        "Reopen the railway link between the two capitals.",
        "Adopt a programme to repair the schools of the region.",
        "Refugees may return to their homes under safe conditions.",
        "The Mission shall publish its reports once a month.",
    ]
)
SHUFFLED_NEW = _points(
    [
        "Refugees may return to their homes under safe conditions.",
        "Observers of the Mission shall patrol the contact line every day.",
        "Trains between the capitals are to run again, the railway operators of both sides"
        " agreeing on timetables and tariffs.",
        "Prisoners of war shall be exchanged within thirty days.",
        "Definition of how donors will pay for rebuilding damaged schools and kindergartens.",
        "The Parties shall stop all shelling of residential districts.",
        "A hotline shall link the commanders of both sides.",
    ]
)


def test_rewritten_points_of_a_reordered_text_are_paired_by_subject(tmp_path: Path) -> None:
    kinds = _kinds(_changes(tmp_path, SHUFFLED_OLD, SHUFFLED_NEW))
    assert kinds.get(("4", "3")) == "modified"  # the railway between the capitals
    assert kinds.get(("5", "5")) == "modified"  # the schools


def test_without_the_pass_they_fall_apart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pairs above are this pass's: the earlier ones leave them deleted and added."""
    monkeypatch.setattr(align_module, "subject_pairs", lambda *args: [])
    changes = _changes(tmp_path, SHUFFLED_OLD, SHUFFLED_NEW)
    assert {("deleted", "4", ""), ("deleted", "5", ""), ("added", "", "3"), ("added", "", "5")} <= changes


def test_a_dropped_point_and_an_unrelated_new_one_stay_apart(tmp_path: Path) -> None:
    changes = _changes(tmp_path, SHUFFLED_OLD, SHUFFLED_NEW)
    assert ("deleted", "7", "") in changes  # the Mission's monthly reports
    assert ("added", "", "7") in changes  # the hotline


def test_a_broad_topic_other_points_share_is_no_subject(tmp_path: Path) -> None:
    """ "Humanitarian" in three points is the text's topic, not the subject of two of them: a
    convoy point dropped and a demining point added in a reordered text stay apart."""
    old = _points(
        [
            "Humanitarian convoys shall pass the checkpoints without inspection.",
            "Observers of the Mission shall patrol the contact line every day.",
            "Prisoners of war shall be exchanged within thirty days.",
            "Humanitarian organisations shall have access to detention places.",
            "Refugees may return to their homes under safe conditions.",
        ]
    )
    new = _points(
        [
            "Refugees may return to their homes under safe conditions.",
            "Humanitarian organisations shall have access to detention places.",
            "Observers of the Mission shall patrol the contact line every day.",
            "Humanitarian demining of farmland shall begin in spring.",
            "Prisoners of war shall be exchanged within thirty days.",
        ]
    )
    changes = _changes(tmp_path, old, new)
    assert ("deleted", "1", "") in changes
    assert ("added", "", "4") in changes


def test_in_a_text_kept_in_order_a_subject_elsewhere_is_no_pair(tmp_path: Path) -> None:
    """Points kept in order: a dropped point and a new one three places later sharing their
    subject's words are a deletion and an addition (a move needs more than one subject)."""
    old = _points(
        [
            "The Parties shall stop all shelling of residential districts.",
            "Reopen the railway link between the two capitals.",
            "Observers of the Mission shall patrol the contact line every day.",
            "Prisoners of war shall be exchanged within thirty days.",
            "Refugees may return to their homes under safe conditions.",
        ]
    )
    new = _points(
        [
            "The Parties shall stop all shelling of residential districts.",
            "Observers of the Mission shall patrol the contact line every day.",
            "Prisoners of war shall be exchanged within thirty days.",
            "Refugees may return to their homes under safe conditions.",
            "No military cargo may be carried on the railway to the capitals.",
        ]
    )
    changes = _changes(tmp_path, old, new)
    assert ("deleted", "2", "") in changes
    assert ("added", "", "5") in changes


def test_in_a_text_kept_in_order_the_same_slot_pairs(tmp_path: Path) -> None:
    """Between the same two points kept (renumbered: a point put first), a point rewritten
    around its one subject."""
    old = _points(
        [
            "The Parties shall stop all shelling of residential districts.",
            "Observers of the Mission shall patrol the contact line every day.",
            "Each Party keeps the right to strike targets across the line in self-defence where"
            " the army of the other fails to stop attacks launched from its territory.",
            "Prisoners of war shall be exchanged within thirty days.",
            "Refugees may return to their homes under safe conditions.",
        ]
    )
    new = _points(
        [
            "This Agreement enters into force on signature.",
            "The Parties shall stop all shelling of residential districts.",
            "Observers of the Mission shall patrol the contact line every day.",
            "Nothing here precludes either signatory from exercising its inherent right of"
            " self-defence consistent with international law.",
            "Prisoners of war shall be exchanged within thirty days.",
            "Refugees may return to their homes under safe conditions.",
        ]
    )
    assert _kinds(_changes(tmp_path, old, new)).get(("3", "4")) == "modified"


def test_two_equal_candidates_pair_neither(tmp_path: Path) -> None:
    """A dropped point sharing one subject word with each of two new points: no one best."""
    old = _points(
        [
            "Refugees may return to their homes under safe conditions.",
            "Observers of the Mission shall patrol the contact line every day.",
            "Prisoners of war shall be exchanged within thirty days.",
            "Reopen the railway link to the port.",
            "The Parties shall stop all shelling of residential districts.",
        ]
    )
    new = _points(
        [
            "The Parties shall stop all shelling of residential districts.",
            "Freight on the railway shall be inspected by customs.",
            "Prisoners of war shall be exchanged within thirty days.",
            "Observers of the Mission shall patrol the contact line every day.",
            "Grain ships may use the port without escort.",
            "Refugees may return to their homes under safe conditions.",
        ]
    )
    changes = _changes(tmp_path, old, new)
    assert ("deleted", "4", "") in changes


def test_ukrainian_points_are_paired_by_lemma(tmp_path: Path) -> None:
    """Inflected forms are one subject: "державного кордону" and "державний кордон"."""
    old = _points(
        [
            "Сторони припиняють обстріли житлових кварталів.",
            "Спостерігачі Місії щодня патрулюють лінію зіткнення.",
            "Забезпечити постійний моніторинг на державному кордоні.",
            "Військовополонені обмінюються протягом тридцяти днів.",
            "Біженці можуть повернутися додому в безпечних умовах.",
        ]
    )
    new = _points(
        [
            "Біженці можуть повернутися додому в безпечних умовах.",
            "Військовополонені обмінюються протягом тридцяти днів.",
            "Відновлення повного контролю уряду над державним кордоном після виборів.",
            "Спостерігачі Місії щодня патрулюють лінію зіткнення.",
            "Сторони припиняють обстріли житлових кварталів.",
        ]
    )
    assert _kinds(_changes(tmp_path, old, new)).get(("3", "3")) == "modified"


def test_russian_compound_words_share_their_head(tmp_path: Path) -> None:
    """ "социально-экономических связей" is economic: the head of a hyphenated word counts (the
    one word the two points share, between the same two points kept)."""
    old = _points(
        [
            "Стороны прекращают обстрелы жилых кварталов.",
            "Наблюдатели Миссии ежедневно патрулируют линию соприкосновения.",
            "Принять программу экономического возрождения региона.",
            "Военнопленные обмениваются в течение тридцати дней.",
            "Беженцы могут вернуться домой в безопасных условиях.",
        ]
    )
    new = _points(
        [
            "Соглашение вступает в силу с момента подписания.",
            "Стороны прекращают обстрелы жилых кварталов.",
            "Наблюдатели Миссии ежедневно патрулируют линию соприкосновения.",
            "Определение порядка восстановления социально-экономических связей, включая пенсии.",
            "Военнопленные обмениваются в течение тридцати дней.",
            "Беженцы могут вернуться домой в безопасных условиях.",
        ]
    )
    assert _kinds(_changes(tmp_path, old, new)).get(("3", "4")) == "modified"


@dataclass
class _Side:
    """A draft's tree as compare.subjects reads it: children by parent, normalised texts."""

    children: dict[int, tuple[int, ...]]
    keys: list[str]


def _flat(texts: list[str]) -> _Side:
    return _Side({ROOT: tuple(range(len(texts)))}, [t.lower() for t in texts])


def _pairs(old: list[str], new: list[str], a2b: dict[int, int]) -> list[tuple[int, int]]:
    """What the pass pairs, the content pass having seen the free points (as compare.align)."""
    a, b = _flat(old), _flat(new)
    free_a = [i for i in range(len(old)) if i not in a2b]
    free_b = [j for j in range(len(new)) if j not in a2b.values()]
    content = ContentSimilarity([old[i] for i in free_a], [new[j] for j in free_b])
    at = ({i: x for x, i in enumerate(free_a)}, {j: y for y, j in enumerate(free_b)})
    free = (lambda i: i not in a2b, lambda j: j not in a2b.values())
    return [(i, j) for i, j, _ in subject_pairs([(ROOT, ROOT)], (a, b), a2b, free, content, at)]


STAY = [
    "Refugees may return home.",
    "Prisoners shall be exchanged.",
    "Shelling shall stop.",
    "Mines are marked.",
]
REVERSED = {0: 4, 1: 3, 2: 1, 3: 0}  # STAY's points in the new list below: in another order


def test_the_pass_pairs_a_shared_subject_in_a_shuffled_list() -> None:
    old = [*STAY, "Reopen the railway link to the port."]
    new = [STAY[3], STAY[2], "Customs officers inspect freight at the port.", STAY[1], STAY[0]]
    assert _pairs(old, new, REVERSED) == [(4, 2)]
    assert _pairs(old, new, {0: 0, 1: 1, 2: 3, 3: 4}) == []  # in order, in other slots: a move


def test_a_short_list_says_nothing_of_exclusive_words() -> None:
    """Under CONTEXT_MIN points a side every shared word is one no other point uses."""
    old = [*STAY[:2], "Reopen the railway link to the port."]
    new = [STAY[1], "Customs officers inspect freight at the port.", STAY[0]]
    assert len(old) < CONTEXT_MIN
    assert _pairs(old, new, {0: 2, 1: 0}) == []


def test_numbers_and_ties() -> None:
    """A number only two points hold is a subject too; a tie pairs neither."""
    old = [*STAY, "Troops stay 15 kilometres back."]
    new = [STAY[3], STAY[2], "A zone of 15 is kept.", STAY[1], STAY[0]]
    assert _pairs(old, new, REVERSED) == [(4, 2)]
    tie = [STAY[3], STAY[2], "A zone of 15 is kept.", STAY[1], STAY[0], "Kilometres are counted."]
    assert _pairs(old, tie, REVERSED) == []


def test_one_word_in_another_place_needs_the_content_too() -> None:
    """In a reordered list, one shared word pairs only points whose content scores make them
    each other's best: not a deleted point whose content is closer to another new one."""
    stay = [*STAY[:3], "Mines are cleared along the railway link."]
    old = [*stay, "Reopen the railway link to the port."]
    closer = "The railway link shall be repaired."  # "railway link": not exclusive, yet closer
    new = ["Customs officers inspect freight at the port.", stay[3], stay[2], stay[1], stay[0], closer]
    reversed_after_one = {0: 4, 1: 3, 2: 2, 3: 1}
    assert _pairs(old, new, reversed_after_one) == []
    assert _pairs(old, new[:5], reversed_after_one) == [(4, 0)]  # without it: the port
