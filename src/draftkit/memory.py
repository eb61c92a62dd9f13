"""The cycle collector paused around bulk work (issue 18).

Reading, comparing and rendering a long draft make hundreds of thousands of small objects
without cycles; Python's cycle collector walks them again and again as they accumulate (a
quarter of a 13,000-provision diff's time). `few_collections` pauses it for the duration
of a call and restores it after; whatever cycles were made are collected once it resumes.
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

    @functools.wraps(function)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return paused
