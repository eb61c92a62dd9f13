"""Comments of a redline planned before its comparison is flagged (issue 18: api.diff writes
the redline while a child flags, draftkit.flags_aside or risk.annotate's). Such a plan (`Planner(later=True)`) gives each
action that would carry a change's flags a `Later` in their place; `settle` puts the flags
there once they are known, or says the plan was not the flagged comparison's."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from draftkit.compare.changes import Comparison, Flag, but_flags
from draftkit.records import record
from draftkit.render.redline.package import Comment


@record
class Later(Flag):
    """In a plan of a comparison not flagged yet (`Planner(later=True)`): the flags of the
    change at `index` of the comparison, known later (`settle`)."""

    index: int = -1


def settle(
    comments: Sequence[Comment],
    planned: Comparison,
    flagged: Comparison,
) -> list[Comment] | None:
    """The comments of a plan made with `later=True` of `planned`, as a plan of `flagged` would
    have made them: each `Later` replaced by its change's flags (no comment where it has
    none). None when `flagged` is not `planned` with flags added (another change than a
    flag, category or hygiene note), or flags a change that had no action in the plan: that
    plan is not the flagged comparison's, and the redline is made again."""
    if (
        len(planned.changes) != len(flagged.changes)
        or planned.old is not flagged.old
        or planned.new is not flagged.new
    ):
        return None
    flagged_at: list[int] = []  # the changes with flags
    for k, (before, after) in enumerate(zip(planned.changes, flagged.changes, strict=True)):
        # (`but_flags` first: each field the same object, most often: quick)
        if (
            after is not before
            and (
                before.flags
                or before.old_category
                or before.new_category
                or but_flags(after) != but_flags(before)
            )
            and replace(after, flags=(), old_category=(), new_category=()) != before
        ):
            return None
        if after.flags:
            flagged_at.append(k)
    out: list[Comment] = []
    placed: set[int] = set()
    for first, last, flags in comments:
        if flags and isinstance(flags[0], Later):
            index = flags[0].index
            placed.add(index)
            found = flagged.changes[index].flags
            if found:
                out.append((first, last, found))
        else:
            out.append((first, last, flags))
    if not placed.issuperset(flagged_at):
        return None
    return out
