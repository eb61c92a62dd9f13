"""Frozen, slotted dataclasses made for less at import (issue 18).

`@record` is `@dataclass(frozen=True, slots=True)`: the same fields, `__init__`, frozen
`__setattr__` and `__delattr__`, slots, pickling, `dataclasses.fields`/`replace`/`asdict`,
and the same equality, hash and repr. Only how the methods are made differs: `dataclass`
writes each as source text and compiles it, once per class (six compiles for a frozen class,
~0.6 ms a class); a diff imports ~100 such classes before its first result. Here the
equality, hash, repr and the frozen `__setattr__`/`__delattr__` are closures over one
`operator.attrgetter` of the class's fields, and only `__init__` is compiled — made from the
field names and defaults, storing each as the frozen dataclass's does (`object.__setattr__`).
A class whose fields need more (a `default_factory`, `init=False`, keyword-only or InitVar
fields, ClassVars, `__post_init__`) is made by `dataclass` itself and gets only the
closures. A method the class defines itself is kept, as `dataclass` keeps it.
"""

from __future__ import annotations

import copy
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


def _simple(cls: type) -> bool:
    """Whether `cls`'s fields are plain: each given to `__init__` positionally, with at most a
    default value; no `__post_init__`, no base class."""
    if cls.__bases__ != (object,) or "__post_init__" in vars(cls):
        return False
    for name, annotation in vars(cls).get("__annotations__", {}).items():
        value = vars(cls).get(name)
        if isinstance(value, dataclasses.Field) and (
            value.default_factory is not dataclasses.MISSING or not value.init or value.kw_only is True
        ):
            return False
        text = annotation if isinstance(annotation, str) else repr(annotation)
        if any(word in text for word in ("ClassVar", "InitVar", "KW_ONLY")):
            return False
    return True


def _init(fields: tuple[dataclasses.Field[Any], ...]) -> Callable[..., None]:
    """The frozen dataclass's `__init__` for plain fields: each stored by `object.__setattr__`."""
    scope: dict[str, Any] = {"__store": object.__setattr__}
    params = []
    for n, f in enumerate(fields):
        if f.default is dataclasses.MISSING:
            params.append(f.name)
        else:
            scope[f"__default{n}"] = f.default
            params.append(f"{f.name}=__default{n}")
    lines = [f"def __init__(self, {', '.join(params)}):".replace("(self, )", "(self)")]
    lines += [f"    __store(self, {f.name!r}, {f.name})" for f in fields] or ["    pass"]
    exec("\n".join(lines), scope)  # the source is made of the class's field names only
    init: Callable[..., None] = scope["__init__"]
    init.__annotations__ = {**{f.name: f.type for f in fields}, "return": None}
    return init


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def record(cls: type[_T]) -> type[_T]:
    """`cls` as `@dataclass(frozen=True, slots=True)` makes it (see the module's docstring)."""
    own = set(vars(cls))
    simple = _simple(cls)
    if simple:  # frozen below, by the closures; `dataclass` compiles nothing
        made = dataclasses.dataclass(cls, init=False, repr=False, eq=False, slots=True)
    else:
        made = dataclasses.dataclass(cls, frozen=True, slots=True, eq=False, repr=False)
    fields = dataclasses.fields(made)  # type: ignore[arg-type]
    names = frozenset(f.name for f in fields)
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

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is made or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(made, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is made or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(made, self).__delattr__(name)

    def __getstate__(self: Any) -> list[Any]:
        return [getattr(self, f.name) for f in fields]

    def __setstate__(self: Any, state: list[Any]) -> None:
        for f, value in zip(fields, state, strict=False):
            object.__setattr__(self, f.name, value)  # as the frozen dataclass's (it has no __dict__)

    methods: list[Callable[..., Any]] = [__eq__, __hash__, __repr__]
    if simple:
        methods += [_init(fields), __setattr__, __delattr__, __getstate__, __setstate__]
    # The parameters as `@dataclass(frozen=True, slots=True)` records them (readers.frozen and a
    # subclass read them).
    params = copy.copy(made.__dataclass_params__)  # type: ignore[attr-defined]
    params.init = params.repr = params.eq = params.frozen = True
    made.__dataclass_params__ = params  # type: ignore[attr-defined]
    for method in methods:
        if method.__name__ not in own:
            method.__qualname__ = f"{made.__qualname__}.{method.__name__}"
            setattr(made, method.__name__, method)
    return made
