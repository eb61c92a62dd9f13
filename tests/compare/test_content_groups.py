"""compare.regroup.content_groups on its own: which candidate counts as a free provision's
best when the strongest is already paired with a provision that is not its neighbour."""

from __future__ import annotations

from dataclasses import dataclass, field

from draftkit.compare.measures import text_ratio
from draftkit.compare.regroup import content_groups

ROOT = -1


@dataclass
class _Side:
    keys: list[str]
    parent: list[int] = field(default_factory=list)
    children: dict[int, tuple[int, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.parent = [ROOT] * len(self.keys)
        self.children = {ROOT: tuple(range(len(self.keys))), **{k: () for k in range(len(self.keys))}}


# The old text's point 3 (index 2) is split into new points 4 and 5 (indices 3, 4). New 5's
# strongest candidate is old point 1 (index 0), by a hair (it names the Mission too), but
# old 1 is already paired with new point 1, which is not new 5's neighbour: new 5 cannot join
# that pair. Its best candidate for a group is the best it could be grouped with, old 3.
OLD = _Side(["mission verifies the silence", "captives freed", "devolution by a statute on councils"])
NEW = _Side(
    [
        "mission verifies the silence and the pull-back",
        "captives exchanged",
        "a dialogue opens",
        "constitutional reform with devolution",
        "elections under the statute on councils, observed by the mission",
    ]
)


def test_a_candidate_paired_away_from_the_provision_does_not_block_its_group() -> None:
    candidates = {4: [(0.375, 0), (0.37, 2)], 3: [(0.3, 2)]}  # new → (score, old), strongest first
    back = {2: [(0.37, 4), (0.3, 3)], 0: [(0.375, 4)]}  # old → (score, new)
    partner_of = {0: 0, 1: 1}  # old → new: old 1 → new 1, old 2 → new 2
    free_new = lambda j: j in (2, 3, 4)  # noqa: E731
    free_old = lambda i: i == 2  # noqa: E731
    found = content_groups(partner_of, NEW, OLD, free_new, free_old, candidates, back, text_ratio)
    assert found == [((3, 4), 2)]


def test_a_candidate_paired_with_the_neighbour_is_still_joined() -> None:
    # New 3 (index 2) free beside new 2 (index 1), whose partner old 2 (index 1) is its best.
    candidates = {2: [(0.4, 1)]}
    back = {1: [(0.6, 1), (0.4, 2)]}
    partner_of = {0: 0, 1: 1}
    found = content_groups(
        partner_of, NEW, OLD, lambda j: j == 2, lambda i: False, candidates, back, lambda a, b: 1.0
    )
    assert found == [((1, 2), 1)]
