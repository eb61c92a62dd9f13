"""The rules drawn on a PDF page (`pdf_engine`: thin lines, a table's borders) as the PDF
reader weighs them: an upright rule between two runs on one baseline, in a row with a rule on
its left too, parts them into table cells (a run's border, a box around words of a line, has
none left of the line); in a row ruled across (`rows`: three or more borders of one span)
with no border between its cells, a gap wider than an em parts two runs into cells (`in_row`);
a number boxed between rules in a cell is no page number; a rule drawn
across between two lines, past the text of both, parts them (a paragraph's border between
two paragraphs, a table's border between two rows; an underline or a strike-through runs
no further than its words, and stands too close to its own baseline).

Takes the engine's boxes ([x0, y0, x1, y1] in page space) and the reader's lines
(`readers.pdf._Line`, whose `cell`, `limit`, `inner` and `ruled` it sets); keeps only upright rules, by x, so a
lookup between two places on a baseline is a bisection.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from draftkit.readers.pdf import _Line


@dataclass(slots=True, frozen=True)
class Rule:
    """An upright line drawn on a page (a table's border), from `y0` up to `y1`."""

    x: float
    y0: float
    y1: float

    def crosses(self, y: float, size: float) -> bool:
        """Whether it runs past the text on baseline `y`: from there to half its size above."""
        return self.y0 <= y + 0.25 * size and self.y1 >= y + 0.5 * size


def upright(rules: Iterable[Sequence[float]]) -> list[Rule]:
    """The upright rules among a page's (`pdf_engine`: boxes [x0, y0, x1, y1]), by x."""
    return sorted(
        (Rule((x0 + x1) / 2, y0, y1) for x0, y0, x1, y1 in rules if x1 - x0 < y1 - y0),
        key=lambda rule: rule.x,
    )


def rule_between(rules: list[Rule], left: float, right: float, y: float, size: float) -> Rule | None:
    """The first upright rule standing between `left` and `right` (half a point either way)
    across the text on baseline `y` of font size `size`, if any; `rules` sorted by x."""
    index = bisect.bisect_left(rules, left - 0.5, key=lambda rule: rule.x)
    for rule in itertools.islice(rules, index, None):
        if rule.x > right + 0.5:
            return None
        if rule.crosses(y, size):
            return rule
    return None


def ruled_cells(lines: list[_Line], rules: list[Rule]) -> None:
    """Lines one after the other on one baseline with an upright rule between them, in a row
    with a rule on its left too, are table cells (a paragraph each, `_next_cell`), whatever
    their distance: a cell's text may run up to the rule on its right (or the page's text
    edge). A box drawn around words of a line (a run's border) has no rule left of the line."""
    edge = max((line.right for line in lines), default=0.0)
    first = lines[0] if lines else None
    for a, b in itertools.pairwise(lines):
        if not (same_baseline(a, b) and b.x > a.x):
            first = b
        elif (
            rule_between(rules, a.right, b.x, a.y, a.size)
            and first is not None
            and rule_between(rules, -math.inf, first.x, first.y, first.size)
        ):
            for line in (a, b):
                line.cell = True
                after = rule_between(rules, line.right, math.inf, line.y, line.size)
                line.limit = after.x if after is not None else max(edge, line.right)


def bound(lines: list[_Line], rules: list[Rule]) -> None:
    """Sets `inner` for each line standing between upright rules (a table's cell, a bordered
    paragraph) and starting near the left one (within 1.5 ems: a cell's margin, not centred
    or right-aligned text): where its text can reach on the right, the right rule less the
    line's own distance from the left one (a cell's margins are alike on both sides), so
    that whether a cell's line is full is judged against its cell, not against the page's
    widest line."""
    for line in lines:
        left = None
        index = bisect.bisect_right(rules, line.x + 0.5, key=lambda rule: rule.x)
        for rule in reversed(rules[:index]):
            if rule.crosses(line.y, line.size):
                left = rule
                break
        if left is None or line.x - left.x > 1.5 * line.size:
            continue
        right = rule_between(rules, line.right, math.inf, line.y, line.size)
        if right is not None:
            line.inner = max(line.right, right.x - (line.x - left.x))


def boxed(line: _Line, rules: list[Rule]) -> bool:
    """Whether upright rules stand on both sides of a line, across its text (a table's cell)."""
    return (
        rule_between(rules, -math.inf, line.x, line.y, line.size) is not None
        and rule_between(rules, line.right, math.inf, line.y, line.size) is not None
    )


def same_baseline(line: _Line, other: _Line) -> bool:
    """Whether two lines stand on one baseline (within 0.4 of the larger font size)."""
    return abs(other.y - line.y) <= 0.4 * max(line.size, other.size)


def parted(lines: list[_Line], rules: Iterable[Sequence[float]]) -> None:
    """Marks `ruled` each line with a rule drawn across between it and the line before it in
    the stream, below that line's descenders and above this one's capitals, from left of both
    lines to past the end of both by half a size or more."""
    across = sorted(((y0 + y1) / 2, x0, x1) for x0, y0, x1, y1 in rules if x1 - x0 > y1 - y0)
    if not across:
        return
    for a, b in itertools.pairwise(lines):
        low, high = b.y + 0.7 * b.size, a.y - 0.2 * a.size
        if b.page != a.page or low >= high:
            continue
        left, right = min(a.x, b.x) + 1, max(a.right, b.right) + 0.5 * max(a.size, b.size)
        index = bisect.bisect_left(across, (low,))
        for y, x0, x1 in itertools.islice(across, index, None):
            if y > high:
                break
            if x0 <= left and x1 >= right:
                b.ruled = True
                break


def apart(lines: list[_Line], rules: list[Rule]) -> None:
    """Marks `ruled` each line that a table's border parts from the line before it in the
    stream: an upright rule stands between the two, across both their baselines — the next
    cell of a row, its text standing higher than the last line of the cell before (centred
    in its cell, or at its foot: Open-Xml-PowerTools' HC017), is a paragraph of its own."""
    for a, b in itertools.pairwise(lines):
        if b.ruled or b.cell or a.page != b.page:
            continue
        if b.x >= a.right:
            left, right = a.right, b.x
        elif b.right <= a.x:
            left, right = b.right, a.x
        else:
            continue
        index = bisect.bisect_left(rules, left - 0.5, key=lambda rule: rule.x)
        for rule in itertools.islice(rules, index, None):
            if rule.x > right + 0.5:
                break
            if rule.crosses(a.y, a.size) and rule.crosses(b.y, b.size):
                b.ruled = True
                break


@dataclass(slots=True, frozen=True)
class Across:
    """A rule drawn across a page (a table's row border, a paragraph's), at height `y` from
    `x0` to `x1`."""

    y: float
    x0: float
    x1: float


class Rows(list[Across]):
    """The borders of table rows by height (`rows`), with the lowest border's height of each
    span (x0, x1): `in_row` asks it for every line, and a page holds up to 4,000 rules."""

    def __init__(self, borders: Iterable[Across]) -> None:
        super().__init__(borders)
        self.lowest: dict[tuple[float, float], float] = {}
        for rule in self:
            self.lowest.setdefault((rule.x0, rule.x1), rule.y)


def rows(rules: Iterable[Sequence[float]]) -> Rows:
    """The rules drawn across that border a table's rows (`pdf_engine`: boxes [x0, y0, x1, y1]),
    by height: three or more of one span on the page (two rows, their borders ruled), not a
    paragraph's top and bottom border alone, nor an underline."""
    found = [Across((y0 + y1) / 2, x0, x1) for x0, y0, x1, y1 in rules if x1 - x0 > y1 - y0]
    spans = Counter((round(rule.x0), round(rule.x1)) for rule in found)
    return Rows(
        sorted(
            (rule for rule in found if spans[round(rule.x0), round(rule.x1)] >= 3), key=lambda rule: rule.y
        )
    )


def in_row(rows: Rows, y: float, size: float, left: float, right: float) -> Across | None:
    """The border above, when text on baseline `y` from `left` to `right` stands in a table's
    ruled row: the first line under a row's border (drawn across within 1.5 sizes of its
    top, past both ends), with a border of that span below it. Reads the borders within
    reach only (every border from there up, for each line, took 9 s on a page of 4,000)."""
    index = bisect.bisect_left(rows, y + 0.7 * size, key=lambda rule: rule.y)
    above = None
    for rule in itertools.islice(rows, index, None):
        if rule.y > y + 2.5 * size:
            break
        if rule.x0 <= left and rule.x1 >= right:
            above = rule
            break
    if above is None:
        return None
    return above if rows.lowest[above.x0, above.x1] < y - 0.2 * size else None
