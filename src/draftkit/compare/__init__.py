"""Stage 2 — compare two drafts provision by provision.

Takes in two `Draft`s (from `draftkit.readers`) and hands on a `Comparison`: every provision
of both drafts in exactly one `Change` (unchanged, modified, added, deleted, split, merged;
each also moved and/or renumbered), with word-level ops that rebuild the old and new text
exactly and cross-references rewritten through the renumbering. Modules: `align` (the
alignment passes), `textdiff` (word diff), `refs` and `citations` (reference grammar and
human citations), `engine` (`compare()` itself), `changes` (the result types).
Guarantees: deterministic, no I/O, no risk judgement (that is `draftkit.risk`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from draftkit.compare.changes import Change, ChangeKind, Comparison, Flag

if TYPE_CHECKING:
    from draftkit.compare.engine import compare

__all__ = ["Change", "ChangeKind", "Comparison", "Flag", "compare"]


def __getattr__(name: str) -> Any:
    # The alignment (rapidfuzz, the lemmatizer) is imported when first compared, not when a
    # command that only reads starts: `draftkit --help` stays fast.
    if name == "compare":
        from draftkit.compare.engine import compare

        return compare
    raise AttributeError(f"module 'draftkit.compare' has no attribute {name!r}")
