"""Frozen, slotted dataclasses made for less at import (issue 18).

`@record` is `@dataclass(frozen=True, slots=True)`: the same fields, `__init__`, frozen
`__setattr__`, slots, `dataclasses.fields`/`replace`/`asdict`, and the same equality, hash
and repr. Only how the last three are made differs: `dataclass` writes each as source text
and compiles it, once per class (six compiles for a frozen class, ~0.5 ms); here they are
three functions shared in shape, reading the fields through one `operator.attrgetter` made
per class. A diff imports ~100 such classes before its first result: ~15 ms of a
13,000-provision redline's start went to compiling them. A method the class defines itself
is kept, as `dataclass` keeps it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

_T = TypeVar("_T")


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The fields `names` of an object as a tuple, the tuple `dataclass`'s methods compare."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        get = attrgetter(names[0])
        return lambda obj: (get(obj),)
    return lambda obj: ()


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def record(cls: type[_T]) -> type[_T]:
    """`cls` as `@dataclass(frozen=True, slots=True)` makes it (see the module's docstring)."""
    own = set(vars(cls))
    made = dataclasses.dataclass(cls, frozen=True, slots=True, eq=False, repr=False)
    fields = dataclasses.fields(made)  # type: ignore[arg-type]
    key = _getter(tuple(f.name for f in fields if f.compare))
    hashed = _getter(tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash)))
    shown = tuple((f"{f.name}=", attrgetter(f.name)) for f in fields if f.repr)

    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return key(self) == key(other)
        return NotImplemented

    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    def __repr__(self: Any) -> str:
        inside = ", ".join([name + repr(get(self)) for name, get in shown])
        return f"{self.__class__.__qualname__}({inside})"

    for method in (__eq__, __hash__, __repr__):
        if method.__name__ not in own:
            method.__qualname__ = f"{made.__qualname__}.{method.__name__}"
            setattr(made, method.__name__, method)
    return made
