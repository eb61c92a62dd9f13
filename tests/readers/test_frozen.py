"""readers/frozen: objects made in bulk are the objects their __init__ makes."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from draftkit.model import Location, Provision
from draftkit.readers.blocks import Block
from draftkit.readers.frozen import maker, new_block, new_provision

_maybe_text = st.none() | st.text(max_size=8)
_maybe_int = st.none() | st.integers(-5, 10**6)


def _same(made: object, built: object) -> None:
    assert made == built
    assert hash(made) == hash(built)
    assert repr(made) == repr(built)
    assert type(made) is type(built)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.text = "changed"  # type: ignore[attr-defined]


@given(
    kind=st.sampled_from(["article", "point", "paragraph"]),
    num=_maybe_text,
    ordinal=_maybe_int,
    heading=_maybe_text,
    text=st.text(max_size=20),
    eid=st.text(max_size=8),
    guid=_maybe_text,
    paragraph=_maybe_int,
)
def test_provision_equals_init(
    kind: str,
    num: str | None,
    ordinal: int | None,
    heading: str | None,
    text: str,
    eid: str,
    guid: str | None,
    paragraph: int | None,
) -> None:
    location = Location(paragraph=paragraph)
    child = Provision("point", "(a)", 1, None, "x", (), "p_a", None, None)
    values = (kind, num, ordinal, heading, text, (child,), eid, guid, location)
    _same(new_provision(*values), Provision(*values))  # type: ignore[arg-type]


@given(
    text=st.text(max_size=20),
    label=_maybe_text,
    level=_maybe_int,
    listed=_maybe_int,
    heading=_maybe_int,
    style=_maybe_text,
    title=st.booleans(),
    indent=st.integers(0, 8),
)
def test_block_equals_init(
    text: str,
    label: str | None,
    level: int | None,
    listed: int | None,
    heading: int | None,
    style: str | None,
    title: bool,
    indent: int,
) -> None:
    values = (text, Location(paragraph=3), label, level, listed, heading, style, title, indent)
    _same(new_block(*values), Block(*values))


def test_every_field_is_an_argument() -> None:
    """A field added to a class is one more argument: a caller that leaves it out fails."""
    with pytest.raises(TypeError):
        new_block("text", Location(paragraph=1))  # type: ignore[call-arg]


def test_refuses_what_it_would_bypass() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        value: int

        def __post_init__(self) -> None:
            assert self.value >= 0

    @dataclasses.dataclass(slots=True)
    class Mutable:
        value: int

    @dataclasses.dataclass(frozen=True)
    class Unslotted:
        value: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class Base:
        value: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class Derived(Base):  # its slots are not all its fields: no twin of the same layout
        more: int

    for cls in (Checked, Mutable, Unslotted, Derived):
        with pytest.raises(TypeError):
            maker(cls)
