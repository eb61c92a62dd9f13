"""Draft.walk and Provision.walk: every provision once, in document order (depth first), as
the recursive definition gives it, for any tree shape."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given
from hypothesis import strategies as st

from draftkit.model import Draft, Provision

_TREES = st.recursive(
    st.builds(lambda n: Provision("point", str(n), None, None, f"text {n}"), st.integers(0, 99)),
    lambda children: st.builds(
        lambda n, kids: Provision("article", str(n), None, None, "", tuple(kids)),
        st.integers(0, 99),
        st.lists(children, max_size=4),
    ),
    max_leaves=30,
)


def _in_order(provisions: tuple[Provision, ...]) -> Iterator[Provision]:
    for provision in provisions:
        yield provision
        yield from _in_order(provision.children)


@given(st.lists(_TREES, max_size=5))
def test_walk_is_depth_first_document_order(tops: list[Provision]) -> None:
    draft = Draft(None, (), tuple(tops))
    expected = [id(p) for p in _in_order(draft.provisions)]
    assert [id(p) for p in draft.walk()] == expected
    assert draft.count() == len(expected)
    for top in tops:
        assert [id(p) for p in top.walk()] == [id(p) for p in _in_order((top,))]
