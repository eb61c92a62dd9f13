"""The redline plan's vocabulary: op streams cut into lines, and the edit actions a `Planner`
(`plan`) hands the `Writer` (`write`).

An op stream is a change's words as equal / inserted / deleted / moved segments with its
paragraph breaks in them (`parse_stream` cuts it into new lines and the old-only breaks
within them). An action says what to write and where, and carries everything the writer
needs: it holds paragraphs of the base and copied properties, never the alignment. No I/O,
no edits: records and two pure functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

from draftkit.compare.changes import Flag
from draftkit.model import Provision
from draftkit.records import record
from draftkit.render.redline.layout import Layout, Slot
from draftkit.render.redline.locate import Locator

SegKind = Literal["equal", "insert", "delete", "moveFrom", "moveTo"]
Seg = tuple[SegKind, str]
Mark = Literal["ins", "del", "moveFrom", "moveTo"]


# --------------------------------------------------------------------------- op streams


@dataclass(slots=True)
class Sub:
    """Part of one new line: what lies between two old-only paragraph breaks."""

    old_line: int
    segs: list[Seg] = field(default_factory=list)

    @property
    def deleted(self) -> bool:
        """Nothing in it survives (all deleted, or empty)."""
        return all(kind in ("delete", "moveFrom") for kind, _ in self.segs)

    @property
    def inserted(self) -> bool:
        """All of it is new (and there is some)."""
        return bool(self.segs) and all(kind == "insert" for kind, _ in self.segs)


def parse_stream(ops: Sequence[Seg]) -> tuple[list[list[Sub]], list[tuple[str, int]]]:
    """Cut ops at line breaks: per new line its parts (cut at old-only breaks), and per break
    between new lines whether the old text had it ("equal") or not ("insert"), with the old
    line that follows it."""
    lines: list[list[Sub]] = []
    breaks: list[tuple[str, int]] = []
    old_line = 0
    current = [Sub(0)]
    for kind, text in ops:
        pieces = text.split("\n")
        for i, piece in enumerate(pieces):
            if piece:
                current[-1].segs.append((kind, piece))
            if i == len(pieces) - 1:
                continue
            if kind in ("delete", "moveFrom"):
                old_line += 1
                current.append(Sub(old_line))
                continue
            if kind in ("equal", "moveTo"):
                old_line += 1
                breaks.append(("equal", old_line))
            else:
                breaks.append(("insert", old_line))
            lines.append(current)
            current = [Sub(old_line)]
    lines.append(current)
    return lines, breaks


def sides(ops: Iterable[Seg]) -> tuple[str, str]:
    """The old and the new text an op stream stands for."""
    old = "".join(t for k, t in ops if k in ("equal", "delete", "moveFrom"))
    new = "".join(t for k, t in ops if k in ("equal", "insert", "moveTo"))
    return old, new


@record
class LinePlan:
    """One new line of a stream: its paragraph (`slot`) and its parts. Parts after the first
    go into new paragraphs after it (old-only breaks); the first `keep` parts stay in the new
    text, the rest are old paragraphs only. `mark` is the mark of the paragraph holding the
    end of the kept text; `opens_old` gives, per part, the old provision that started there,
    if one did (its paragraph then had the label's properties), `typed` the old typed
    label to show deleted at its start and `fields` the field that numbered it (LISTNUM),
    to show deleted before that. `new_label`: the line opens a new provision where no old
    one started, so the field that numbers its paragraph, if any, is inserted."""

    slot: Slot
    subs: tuple[Sub, ...]
    mark: Mark | None
    keep: int
    opens_old: tuple[Provision | None, ...]
    typed: tuple[str | None, ...]
    between: tuple[etree._Element, ...]  # empty paragraphs after it, each to get an inserted mark
    fields: tuple[tuple[etree._Element, ...], ...]
    new_label: bool


@record
class BreakPlan:
    """What the break before line `line` needs besides the lines' marks.

    "split": rejecting joins the two paragraphs, so the later one records the earlier one's
    old properties where they differ; "new": a new provision starts where the old text ran
    on (its paragraph had `cont_ppr`); "old": an old provision started there (its paragraph
    had `label_ppr`, `typed` is its old typed label, shown deleted, after `field`, the field
    that numbered it (LISTNUM), and `opens` the old provision). `wrap_prefix`: how many
    characters at the start of the line (a new typed label) are wrapped as inserted.
    """

    line: int
    kind: Literal["split", "new", "old"]
    wrap_prefix: int = 0
    typed: str | None = None
    opens: Provision | None = None
    field: tuple[etree._Element, ...] = ()


@record
class StreamPlan:
    """An op stream written into the paragraphs of its new lines. `plain`: paragraphs with
    no provision layout (preamble), whose old paragraphs keep their own properties; else
    `label_ppr` and `cont_ppr` are the properties a label and a continuing paragraph had."""

    lines: tuple[LinePlan, ...]
    breaks: tuple[BreakPlan, ...]
    plain: bool
    label_ppr: etree._Element | None
    cont_ppr: etree._Element | None


# --------------------------------------------------------------------------- actions


@record
class OldParagraph:
    """One paragraph of an old provision: properties, run properties, text, mark, the old
    provision when it is that provision's first paragraph, and the runs of a field that
    numbers it (LISTNUM), put before its text."""

    ppr: etree._Element | None
    rpr: etree._Element | None
    segs: tuple[Seg, ...]
    mark: Mark
    opens: Provision | None = None
    label_runs: tuple[etree._Element, ...] = ()


@record
class ShowOld:
    """Old provisions as new deleted (or moved-from) paragraphs: at the cursor (after the
    material written last), or before `before`. `move` names the move range around them;
    `flags` become a comment over them."""

    paragraphs: tuple[OldParagraph, ...]
    move: str | None = None
    flags: tuple[Flag, ...] = ()
    before: etree._Element | None = None


@record
class Relabel:
    """A typed label that changed: characters start..end of `p` become old (deleted) and
    new (inserted) number."""

    p: etree._Element
    start: int
    end: int
    old_num: str
    num: str


@record
class Keep:
    """A provision with nothing to show, which old material follows (planned only then). Where
    it is, `layout()`, is looked up when the writer places that material."""

    provision: Provision
    locator: Locator

    def layout(self) -> Layout | None:
        """Where the provision is (see `Locator.layout`)."""
        return self.locator.layout(self.provision)


@record
class Insert:
    """The new provisions' paragraphs wholly inserted (runs and marks)."""

    layouts: tuple[Layout, ...]
    flags: tuple[Flag, ...]


@record
class Revise:
    """Word-level revisions in place (`stream`, None when the words are the same), then a
    typed label relabelled."""

    layouts: tuple[Layout, ...]
    flags: tuple[Flag, ...]
    stream: StreamPlan | None
    relabel: Relabel | None


@record
class Replace:
    """A change that cannot be lined up with its paragraphs: the old provisions deleted
    before the new ones, which are wholly inserted."""

    layouts: tuple[Layout, ...]
    flags: tuple[Flag, ...]
    old: ShowOld


@record
class MoveTo:
    """The new place of a moved provision: w:moveTo inside the move range `name`.

    `wrap_prefix` wraps the label paragraph's prefix (a typed label) as `prefix_mark`;
    `stream` writes the moved text with words added in the move as insertions; without
    it every paragraph is wrapped whole as moved. Each paragraph's mark then follows what
    it holds (moved text only: moved; else inserted).
    """

    layouts: tuple[Layout, ...]
    flags: tuple[Flag, ...]
    name: str
    wrap_prefix: int
    prefix_mark: Mark
    stream: StreamPlan | None


@record
class FrontDelete:
    """Title or preamble lines with no new ones left: deleted paragraphs at the very start
    of the body (`at_start`, a title) or at the cursor."""

    lines: tuple[str, ...]
    at_start: bool


@record
class FrontInsert:
    """Title or preamble paragraphs that are all new: wholly inserted."""

    paragraphs: tuple[etree._Element, ...]


@record
class FrontRevise:
    """Title or preamble lines revised word by word."""

    stream: StreamPlan


@record
class FrontComment:
    """Flags on the title or a recital: a comment over the front paragraphs that hold it."""

    first: etree._Element
    last: etree._Element
    flags: tuple[Flag, ...]


@record
class Start:
    """Where old material goes while nothing has been written: before `top`, the first
    provision's first paragraph (None: at the end of the body)."""

    top: etree._Element | None


@record
class Finish:
    """No revised paragraph may end the body or a table cell."""


Backbone = Keep | Insert | Revise | Replace | MoveTo
Action = Start | Backbone | ShowOld | FrontDelete | FrontInsert | FrontRevise | FrontComment | Finish
