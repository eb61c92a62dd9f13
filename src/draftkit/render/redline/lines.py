"""Line-level ops for provisions that hold a table: a row added or removed is lines added or
removed whole, a cell reworded is one line's words diffed.

Takes the old and new lines of a provision (a table's cells are lines, in reading order);
hands the planner one op stream over them ("\n" between lines), the same texts back on each
side. Guarantees that lines equal on both sides stay equal, that a run of replaced lines is
paired line by line when as long, else by word likeness (above `_LIKE`, most in all), with
what is left removed and added whole, alternating — so a row replaced keeps each cell's old
text in its cell and a row removed is its lines removed whole (`rows` puts it back as a row).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from lxml import etree

from draftkit.compare.textdiff import diff_words, push_op
from draftkit.render.wml import W_P, qn

SegKind = Literal["equal", "insert", "delete", "moveFrom", "moveTo"]
Seg = tuple[SegKind, str]

TR = qn("w:tr")


def line_ops(old: Sequence[str], new: Sequence[str]) -> list[Seg]:
    """Ops turning lines `old` into lines `new` (joined by "\n"): lines matched whole first,
    words diffed inside runs of lines that differ; a line break goes with the line before it."""
    ops: list[Seg] = []

    def push(kind: SegKind, text: str) -> None:
        push_op(ops, kind, text)

    def brk(i: int, j: int) -> None:
        """The line breaks after old line i and new line j (-1: none there)."""
        has_old, has_new = 0 <= i < len(old) - 1, 0 <= j < len(new) - 1
        if has_old and has_new:
            push("equal", "\n")
        elif has_old:
            push("delete", "\n")
        elif has_new:
            push("insert", "\n")

    import difflib  # (here: only provisions holding a table need it; ~1 ms of imports)

    matcher = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                push("equal", old[i1 + k])
                brk(i1 + k, j1 + k)
        elif tag == "delete":
            for i in range(i1, i2):
                push("delete", old[i])
                brk(i, -1)
        elif tag == "insert":
            for j in range(j1, j2):
                push("insert", new[j])
                brk(-1, j)
        else:  # lines paired by likeness (a cell edited), the rest removed or added whole
            for a, b in _pair_lines(old[i1:i2], new[j1:j2]):
                if a is not None and b is not None:
                    for kind, text in diff_words(old[i1 + a], new[j1 + b]):
                        push(kind, text)
                    brk(i1 + a, j1 + b)
                elif a is not None:
                    push("delete", old[i1 + a])
                    brk(i1 + a, -1)
                elif b is not None:
                    push("insert", new[j1 + b])
                    brk(-1, j1 + b)
    return ops


def ends_cell(p: etree._Element) -> bool:
    """Whether `p` is the last paragraph of a table cell."""
    parent = p.getparent()
    if parent is None or parent.tag != qn("w:tc"):
        return False
    return not any(sibling.tag == W_P for sibling in p.itersiblings())


_LIKE = 0.7  # word likeness above which two lines are one line edited (a cell reworded a little)
_PAIR_CELLS = 10_000  # the largest block of lines paired (cells of the DP; else removed and added)


def _pair_lines(old: Sequence[str], new: Sequence[str]) -> list[tuple[int | None, int | None]]:
    """The lines of two blocks in order: (i, j) pairs — line by line when the blocks are as
    long, else of like lines (most likeness in all, by dynamic programming) —, (i, None)
    removed, (None, j) added; between two pairs removals
    and additions alternate, so that each cell of a row replaced keeps its old text."""
    n, m = len(old), len(new)
    if n == m:  # as many lines: each cell reworded in place
        return [(k, k) for k in range(n)]
    if n * m > _PAIR_CELLS:
        return [(i, None) for i in range(n)] + [(None, j) for j in range(m)]
    words_old, words_new = [line.split() for line in old], [line.split() for line in new]

    import difflib

    memo: dict[tuple[int, int], float] = {}

    def like(i: int, j: int) -> float:
        found = memo.get((i, j))
        if found is None:
            ratio = difflib.SequenceMatcher(None, words_old[i], words_new[j], autojunk=False).ratio()
            found = memo[(i, j)] = ratio if ratio > _LIKE else 0.0
        return found

    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            score = like(i, j)
            best[i][j] = max(best[i + 1][j], best[i][j + 1], best[i + 1][j + 1] + score if score else 0.0)
    out: list[tuple[int | None, int | None]] = []
    removed: list[tuple[int | None, int | None]] = []
    added: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < n and j < m:
        score = like(i, j)
        if score and best[i][j] == best[i + 1][j + 1] + score:
            out.extend(_alternate(removed, added))
            removed, added = [], []
            out.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            removed.append((i, None))
            i += 1
        else:
            added.append((None, j))
            j += 1
    removed.extend((k, None) for k in range(i, n))
    added.extend((None, k) for k in range(j, m))
    return out + _alternate(removed, added)


def _alternate(
    removed: list[tuple[int | None, int | None]], added: list[tuple[int | None, int | None]]
) -> list[tuple[int | None, int | None]]:
    out: list[tuple[int | None, int | None]] = []
    for k in range(max(len(removed), len(added))):
        out.extend(removed[k : k + 1] + added[k : k + 1])
    return out
