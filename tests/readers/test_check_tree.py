"""readers: the tree's size and depth, read in one pass for the limits."""

from __future__ import annotations

from hypothesis import given

from draftkit.model import Draft, Provision
from draftkit.readers import _size
from tests.strategies import drafts


def _depth(provisions: tuple[Provision, ...]) -> int:
    return max((1 + _depth(p.children) for p in provisions), default=0)


@given(drafts())
def test_size_is_count_and_depth(draft: Draft) -> None:
    assert _size(draft.provisions) == (draft.count(), _depth(draft.provisions))
