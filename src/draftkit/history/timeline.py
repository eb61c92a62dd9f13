"""`history()`: N rounds read, compared step by step, flagged, chained into lineages and
brackets; `compare3()`: a base and two counter-proposals."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from draftkit.compare import compare
from draftkit.compare.changes import Comparison
from draftkit.compare.engine import say_notes
from draftkit.history.brackets import Bracket, track
from draftkit.history.lineage import Lineage, Round, chain
from draftkit.history.rounds import specs
from draftkit.history.three_way import ThreeWay, combine
from draftkit.model import Draft
from draftkit.readers import Limits, View, read
from draftkit.records import record

PathLike = str | os.PathLike[str]


@record
class History:
    """A negotiation's whole story: its rounds, the flagged comparison of each step (step k
    compares round k with round k + 1), every provision's lineage and every bracket."""

    rounds: tuple[Round, ...]
    steps: tuple[Comparison, ...]
    lineages: tuple[Lineage, ...]
    brackets: tuple[Bracket, ...]

    def open_brackets(self, round_index: int) -> tuple[Bracket, ...]:
        """The brackets standing in one round's text."""
        return tuple(b for b in self.brackets if b.is_open(round_index))

    def bracket_cite(self, bracket: Bracket, round_index: int) -> str:
        """Where a reader of that round finds a bracket: the citation, in that round, of the
        provision holding it (a split may have carried it out of the one it opened in), or,
        closed by a deletion, of the provision it stood in the round before."""
        eid = bracket.eid_in(round_index)
        if eid is not None:
            for r in (round_index, round_index - 1):
                if r < 0:
                    continue
                for lineage in self.lineages:
                    if lineage.eids[r] == eid:
                        return lineage.cites[r] or lineage.cite_in(r)
        return self.lineages[bracket.lineage].cite_in(round_index)

    def restored(self, round_index: int) -> int:
        """How many of the step's added provisions restore one deleted in an earlier round
        (their lineage's "restored" events): the comparison of two rounds counts them added."""
        return sum(
            1
            for lineage in self.lineages
            for e in lineage.events
            if e.round == round_index and e.kind == "restored"
        )

    def summary(self, round_index: int) -> dict[str, int]:
        """Counts of the step into a round (round ≥ 1): the comparison's, plus its flags."""
        step = self.steps[round_index - 1]
        counts = dict(step.summary())
        counts.update({f"flags_{k}": v for k, v in step.flag_counts().items()})
        return counts


def _flagged(comparison: Comparison, taxonomy: PathLike | None, flags: bool) -> Comparison:
    if not flags:
        return comparison
    from draftkit.risk import flag, load_taxonomy

    return flag(comparison, load_taxonomy(taxonomy))


def build(rounds: Sequence[Round], *, taxonomy: PathLike | None = None, flags: bool = True) -> History:
    """The history of rounds already read."""
    drafts = [r.draft for r in rounds]
    steps = tuple(_flagged(compare(a, b), taxonomy, flags) for a, b in pairwise(drafts))
    lineages = chain(drafts, steps)
    # Each round as its step left it: its reading warnings, then the comparison's own notes
    # (two rounds in two languages, a provision too long to compare word by word), which
    # the reports list with the round's warnings.
    noted = (rounds[0], *(replace(r, draft=s.new) for r, s in zip(rounds[1:], steps, strict=True)))
    return History(tuple(noted), steps, lineages, track(drafts, steps, lineages))


def history(
    paths: Sequence[PathLike],
    *,
    view: View = "accept",
    limits: Limits | None = None,
    taxonomy: PathLike | None = None,
    flags: bool = True,
) -> History:
    """Read the rounds (files in round order, one folder, or one TOML/JSON manifest), compare
    each with the next, and follow every provision and bracket through them."""
    if taxonomy is not None and flags:
        from draftkit.risk import load_taxonomy

        load_taxonomy(taxonomy)  # a bad taxonomy fails before any draft is read
    from draftkit.readers.furniture import noted

    rounds: list[Round] = []
    for spec in specs(paths):
        draft = read(spec.path, view=view, limits=limits)
        if rounds:  # what no comparison holds, said: page headers, footers, comments
            draft = noted(rounds[-1].draft, draft, view, limits, said=True)
        rounds.append(Round(spec.label, draft, spec.date, spec.author))
    built = build(rounds, taxonomy=taxonomy, flags=flags)
    for step, later in zip(built.steps, rounds[1:], strict=True):
        say_notes(step, later.draft, limits)  # a provision too long to compare word by word
    return built


def compare3(
    base: PathLike | Draft,
    a: PathLike | Draft,
    b: PathLike | Draft,
    *,
    view: View = "accept",
    limits: Limits | None = None,
    taxonomy: PathLike | None = None,
    flags: bool = True,
    labels: tuple[str, str] = ("A", "B"),
) -> ThreeWay:
    """Compare two counter-proposals A and B with their base, provision by provision;
    `labels` that a report could not tell apart are refused (UsageError)."""
    from draftkit.errors import UsageError
    from draftkit.history.three_way import distinct_labels
    from draftkit.readers.furniture import noted

    if (why := distinct_labels(labels)) is not None:
        raise UsageError(why)

    def load(x: PathLike | Draft, against: Draft | None = None) -> Draft:
        if isinstance(x, Draft):
            return x
        draft = read(x, view=view, limits=limits)
        # A counter-proposal's page headers, footers and comments against the base's: said.
        return draft if against is None else noted(against, draft, view, limits, said=True)

    base_draft = load(base)
    a_draft, b_draft = load(a, base_draft), load(b, base_draft)
    with_a, with_b = compare(base_draft, a_draft), compare(base_draft, b_draft)
    say_notes(with_a, a_draft, limits)  # a provision too long to compare word by word
    say_notes(with_b, b_draft, limits)
    return combine(base_draft, _flagged(with_a, taxonomy, flags), _flagged(with_b, taxonomy, flags), labels)
