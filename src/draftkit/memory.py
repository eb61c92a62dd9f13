"""The cycle collector paused around bulk work (issue 18).

Reading, comparing and rendering a long draft make hundreds of thousands of small objects
without cycles; Python's cycle collector walks them again and again as they accumulate (a
quarter of a 13,000-provision diff's time). `few_collections` pauses it for the duration
of a call and restores it after; whatever cycles were made are collected once it resumes.
Resuming has a price: the first collection after it walks every object made while paused
(0.15-0.3 s after a 13,000-provision diff), so a command the program exits after
(`until_exit`) leaves it paused when the process is ending anyway.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")


def few_collections(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """`function` run with the cycle collector paused (nested calls leave it paused)."""
    return _paused(function, lambda: True)


_ENDING = False  # the process ends once the command is done (cli.run): see until_exit


def process_ends_after_command() -> None:
    """Called by the `draftkit` program (cli.run), which exits right after its command."""
    global _ENDING
    _ENDING = True


def ending() -> bool:
    """Whether the process ends once its command is done (the `draftkit` program)."""
    return _ENDING


def until_exit(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """`few_collections` for a command: when the process ends after it (`draftkit` run as a
    program), collection is not resumed — no walk over the objects the command made, just
    before an exit that does not free them (cli.run). Library callers and tests, whose process
    goes on, get the collector back as `few_collections` gives it."""
    return _paused(function, lambda: not _ENDING)


def _paused(function: Callable[_P, _R], resume: Callable[[], bool]) -> Callable[_P, _R]:
    """`function` with the collector paused while it runs, resumed after it if `resume()`."""

    @functools.wraps(function)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if resume():
                gc.enable()

    return paused
