"""The cycle collector paused around bulk work (issue 18).

Reading, comparing and rendering a long draft make hundreds of thousands of small objects
without cycles; Python's cycle collector walks them again and again as they accumulate (a
quarter of a 13,000-provision diff's time). `few_collections` pauses it for the duration
of a call and restores it after; whatever cycles were made are collected once it resumes.
Resuming has a price: the first collection after it walks every object made while paused
(0.15-0.3 s after a 13,000-provision diff), so a command the program exits after
(`until_exit`) leaves it paused when the process is ending anyway.

For the same reason such a command does not free its large temporaries as they die
(`outlive`): the exit does not free them either.
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


_OUTLIVING: list[object] = []  # what `outlive` kept: never freed before the process ends


def outlive(*objects: object) -> None:
    """Keep `objects` (large temporaries whose last reference is about to go) alive until the
    process ends, when it ends after the command (`ending`): freeing them is work the exit
    makes needless, and it gives their memory back to the system only for the next objects
    to fault it in again. On a 13,000-provision pair, the drafts' flat forms and the flags'
    work ahead at the end of `api.diff` took 8 ms and 4,000 page faults to free, the
    comparison after the report 5 ms, the redline's document tree 4 ms. Only where nothing
    much is made after: memory freed mid-command is mostly reused by what comes next, and
    keeping it costs as many faults as it saves (tried on the reader's and the aligner's).
    Library callers and tests, whose process goes on, free them as usual."""
    if _ENDING:
        _OUTLIVING.append(objects)
