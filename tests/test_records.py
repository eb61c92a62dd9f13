"""`@record` behaves as `@dataclass(frozen=True, slots=True)` (draftkit.records)."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
from dataclasses import dataclass, field

import pytest
from hypothesis import given
from hypothesis import strategies as st

from draftkit.model import Location, Provision
from draftkit.records import record


@record
class Made:
    a: int
    b: str = "x"
    c: tuple[int, ...] = ()
    hidden: float = field(default=0.0, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Written:
    a: int
    b: str = "x"
    c: tuple[int, ...] = ()
    hidden: float = field(default=0.0, compare=False, repr=False)


@record
class Empty:
    pass


@record
class One:
    a: float


@record
class Factory:  # made by `dataclass` itself, with the shared equality, hash and repr
    a: int
    b: list[int] = field(default_factory=list)


@record
class Own:
    a: int

    def __repr__(self) -> str:
        return "mine"


values = st.tuples(st.integers(), st.text(max_size=5), st.tuples(st.integers()), st.floats(allow_nan=False))


@given(values, values)
def test_equality_hash_and_repr_are_the_dataclass_ones(x: tuple, y: tuple) -> None:
    made_x, made_y = Made(*x), Made(*y)
    written_x, written_y = Written(*x), Written(*y)
    assert (made_x == made_y) == (written_x == written_y)
    assert (made_x != made_y) == (written_x != written_y)
    assert hash(made_x) == hash(written_x)
    assert repr(made_x) == repr(written_x).replace("Written(", "Made(")
    assert made_x != written_x  # another class: never equal, as a dataclass is not
    assert dataclasses.astuple(made_x) == dataclasses.astuple(written_x)


def test_frozen_slotted_and_still_a_dataclass() -> None:
    made = Made(1, "y", (2,), 3.0)
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'a'"):
        made.a = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'b'"):
        del made.b  # type: ignore[misc]
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'a'"):
        Made()  # type: ignore[call-arg]
    assert str(inspect.signature(Made)) == str(inspect.signature(Written))
    assert repr(Made.__dataclass_params__) == repr(Written.__dataclass_params__)  # type: ignore[attr-defined]
    assert Made.__match_args__ == Written.__match_args__ and Made.__slots__ == Written.__slots__
    assert copy.copy(made) == made and copy.deepcopy(made) == made
    assert not hasattr(made, "__dict__")
    assert [f.name for f in dataclasses.fields(made)] == ["a", "b", "c", "hidden"]
    assert dataclasses.replace(made, a=5) == Made(5, "y", (2,), 3.0)
    assert pickle.loads(pickle.dumps(made)) == made
    assert Made(1, hidden=1.0) == Made(1, hidden=2.0)  # a field not compared
    assert Made.__eq__.__qualname__ == "Made.__eq__"


def test_no_fields_one_field_and_a_method_of_its_own() -> None:
    assert Empty() == Empty() and hash(Empty()) == hash(()) and repr(Empty()) == "Empty()"
    nan = float("nan")
    assert One(nan) == One(nan)  # the same object: equal, as the dataclass's tuples are
    assert hash(One(2.0)) == hash((2.0,))
    assert repr(Own(1)) == "mine"
    assert Factory(1) == Factory(1) and repr(Factory(1)) == "Factory(a=1, b=[])"
    with pytest.raises(dataclasses.FrozenInstanceError):
        Factory(1).a = 2  # type: ignore[misc]


def test_the_model_is_made_with_it() -> None:
    location = Location(3, None, None)
    provision = Provision(kind="article", num="1", ordinal=1, heading=None, text="t", location=location)
    assert provision == dataclasses.replace(provision)
    assert {provision: 1}[Provision("article", "1", 1, None, "t", location=Location(3, None, None))] == 1
    assert repr(location) == "Location(paragraph=3, line=None, cell=None)"
