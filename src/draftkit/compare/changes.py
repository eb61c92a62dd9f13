"""The one change model every renderer reads: Comparison, Change, Flag."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field, fields
from operator import attrgetter
from typing import Literal, assert_never

from draftkit.compare.textdiff import Op
from draftkit.model import Draft, Provision
from draftkit.records import record

ChangeKind = Literal["unchanged", "modified", "added", "deleted", "split", "merged"]
TableMove = Literal["into", "out of"]
CHANGE_KINDS: tuple[ChangeKind, ...] = ("unchanged", "modified", "added", "deleted", "split", "merged")
Severity = Literal["high", "medium", "low"]


def kind_label(kind: ChangeKind) -> str:
    """How a change kind is named to a reader ("Modified")."""
    match kind:
        case "unchanged":
            return "Unchanged"
        case "modified":
            return "Modified"
        case "added":
            return "Added"
        case "deleted":
            return "Deleted"
        case "split":
            return "Split"
        case "merged":
            return "Merged"
        case _:
            assert_never(kind)


def category_label(category: str) -> str:
    """A risk category as a reader says it ("military de-escalation"): the bundled
    taxonomy's label, else the id in words ("security_guarantees" → "security guarantees")."""
    learnt = _LEARNT.get(category)
    if learnt is not None:
        return learnt
    try:
        from draftkit.risk.taxonomy import default_taxonomy

        return default_taxonomy().label(category)
    except Exception:  # a display name is never a reason to fail a report
        return category.replace("_", " ")


_LEARNT: dict[str, str] = {}  # labels `category_label` gave in another process (`learn_labels`)


def learn_labels(labels: Mapping[str, str]) -> None:
    """Labels `category_label` gave elsewhere (a forked child that flagged a comparison:
    draftkit.flags_aside), so that this process says them without loading the taxonomy."""
    _LEARNT.update(labels)


# Display names of the summary counts: the kinds, then the two flags every change carries.
COUNT_LABELS: dict[str, str] = {kind: kind_label(kind) for kind in CHANGE_KINDS}
COUNT_LABELS.update(moved="Moved", renumbered="Renumbered")
SEVERITIES: tuple[Severity, ...] = ("high", "medium", "low")
# A rewritten pair whose evidence score is below this is marked for review in the reports.
REVIEW_BELOW = 0.6


@record
class Pin:
    """A decision the user made: `old` paired with `new`, or one side kept apart (the other None)."""

    old: str | None  # eid
    new: str | None
    old_cite: str | None
    new_cite: str | None


@record
class Flag:
    """Why a change matters: a rule fired in a category, with a severity and plain words."""

    rule: str
    category: str
    severity: Severity
    message: str
    old: str = ""
    new: str = ""


@record
class Change:
    """What happened to one provision (or a split/merged group) between two drafts.

    `ops` rebuild `old_text` and `new_text` exactly; for splits and merges the texts of the
    parts are joined with "\\n". `references_updated` marks a pair whose only text change is
    cross-references rewritten because their targets were renumbered.
    """

    kind: ChangeKind
    old: tuple[Provision, ...]
    new: tuple[Provision, ...]
    old_cite: str
    new_cite: str
    moved: bool
    renumbered: bool
    similarity: float
    old_text: str
    new_text: str
    ops: tuple[Op, ...]
    old_heading: str | None = None
    new_heading: str | None = None
    references_updated: bool = False
    flags: tuple[Flag, ...] = ()
    old_category: tuple[str, ...] = field(default=())
    new_category: tuple[str, ...] = field(default=())
    # Paired by content evidence although the texts differ widely (issue 15): `confidence`
    # is the evidence score (0–1) of that pairing.
    rewritten: bool = False
    confidence: float | None = None
    # Paired, or kept apart, by the user (compare.pins): taken as is, never second-guessed.
    pinned: bool = False
    # A deletion's plausible but unproven counterpart: the citation of an added provision whose
    # content resembles it (issue 15 item 3), for the reader to judge.
    possibly_replaced_by: str | None = None
    # Its paragraph now stands in a table cell ("into") or no longer does ("out of"), both
    # drafts read from DOCX: a move (`moved` is set) the text alone does not show.
    table_move: TableMove | None = None

    @property
    def moved_label(self) -> str:
        """How a moved change moved: 'moved', or 'moved into a table (table 1, row 2, column 1)'
        with the cell on the side that has one."""
        if self.table_move is None:
            return "moved"
        side = self.new if self.table_move == "into" else self.old
        location = side[0].location if side else None
        cell = location.describe_cell() if location is not None else ""
        return f"moved {self.table_move} a table" + (f" ({cell})" if cell else "")

    @property
    def needs_review(self) -> bool:
        """A pair made on content evidence below REVIEW_BELOW: a reader should check it."""
        return self.rewritten and not self.pinned and (self.confidence or 0.0) < REVIEW_BELOW

    @property
    def heading_changed(self) -> bool:
        """True when the heading differs (beyond white space)."""
        return _squash(self.old_heading) != _squash(self.new_heading) and self.kind in (
            "modified",
            "split",
            "merged",
        )

    @property
    def label(self) -> str:
        """What a reader calls it: 'Modified', 'Added', 'Renumbered', 'Moved', 'Moved,
        renumbered', 'Modified, moved', 'References updated', 'Unchanged'."""
        parts = [] if self.kind == "unchanged" else [kind_label(self.kind)]
        if self.kind == "unchanged" and self.references_updated:
            parts.append("References updated")
        if self.moved:
            moved = self.moved_label
            parts.append(moved if parts else moved[0].upper() + moved[1:])
        if self.renumbered:
            parts.append("renumbered" if parts else "Renumbered")
        return ", ".join(parts) or "Unchanged"

    @property
    def cite(self) -> str:
        """Where it is, as a reader cites it: the new citation ('Article 6'), 'Article 5 →
        Article 6' when it moved or was renumbered, the old one when deleted."""
        if not self.new:
            return self.old_cite
        if not self.old or self.old_cite == self.new_cite:
            return self.new_cite
        return f"{self.old_cite} → {self.new_cite}"

    @property
    def is_change(self) -> bool:
        """Anything a reader should see: content, position or label."""
        return self.kind != "unchanged" or self.moved or self.renumbered

    @property
    def old_num(self) -> str | None:
        """Label of the (first) old provision."""
        return self.old[0].num if self.old else None

    @property
    def new_num(self) -> str | None:
        """Label of the (first) new provision."""
        return self.new[0].num if self.new else None


def _squash(text: str | None) -> str:
    return " ".join((text or "").split())


# What risk.flag adds to a change (its flags and categories), and a change's other fields as a
# tuple: `but_flags(a) == but_flags(b)` when two changes differ in those at most (each field
# the same object, most often: quick), as `replace(b, flags=a.flags, …) == a` says slower.
FLAGGED_FIELDS: tuple[str, ...] = ("flags", "old_category", "new_category")
but_flags = attrgetter(*(f.name for f in fields(Change) if f.name not in FLAGGED_FIELDS))


@record
class Comparison:
    """Two drafts and every change between them, in new-document order (deletions at
    their old place)."""

    old: Draft
    new: Draft
    changes: tuple[Change, ...]
    pins: tuple[Pin, ...] = ()
    lens: str = "default"  # "translation": two renderings of one text (risk.flag's lens)

    def summary(self) -> dict[str, int]:
        """Counts per change kind, plus moved and renumbered."""
        counts: dict[str, int] = {kind: 0 for kind in CHANGE_KINDS}
        counts["moved"] = 0
        counts["renumbered"] = 0
        for change in self.changes:
            counts[change.kind] += 1
            counts["moved"] += change.moved
            counts["renumbered"] += change.renumbered
        return counts

    def flag_counts(self) -> dict[str, int]:
        """Flags per severity."""
        counts: dict[str, int] = {severity: 0 for severity in SEVERITIES}
        for change in self.changes:
            for flag in change.flags:
                counts[flag.severity] += 1
        return counts
