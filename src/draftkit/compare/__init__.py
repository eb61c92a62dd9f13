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

from draftkit.compare.changes import Change, ChangeKind, Comparison, Flag
from draftkit.compare.engine import compare

__all__ = ["Change", "ChangeKind", "Comparison", "Flag", "compare"]
