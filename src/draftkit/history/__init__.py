"""Stage 2b — a negotiation's whole story: N rounds, brackets, two counter-proposals.

Takes in drafts (paths, read by `draftkit.readers`) and hands on a `History` (the rounds,
the flagged `Comparison` of each consecutive pair, every provision's `Lineage`, every
`Bracket`) or a `ThreeWay` (a base against two counter-proposals). Modules: `rounds` (files,
folder or manifest → round specs), `lineage` (chained alignment), `brackets` (bracketed
spans with an identity across rounds), `three_way` (base, A, B → entries), `timeline`
(`history()` and `compare3()`). Guarantees: every provision of every round in exactly one
lineage; every base unit in exactly one three-way entry; deterministic, no printing.
"""

from __future__ import annotations

from draftkit.history.brackets import Bracket, BracketEvent, find_spans
from draftkit.history.lineage import Event, Lineage, Round
from draftkit.history.three_way import Entry, ThreeWay
from draftkit.history.timeline import History, build, compare3, history

__all__ = [
    "Bracket",
    "BracketEvent",
    "Entry",
    "Event",
    "History",
    "Lineage",
    "Round",
    "ThreeWay",
    "build",
    "compare3",
    "find_spans",
    "history",
]
