"""Findings: what the significance rules hand on, and the edits no finding explains.

Takes nothing but plain values: a rule (risk/rules.py) reports a `Finding` — a headline in
plain words, the old and new fragments as the drafter wrote them, a significance 0–1 (from
the taxonomy's `[significance]` table) and the character spans it explains. `Located` is
what every feature offers to a finding (fragment, spans, position); `Report` is what a rule
says about one feature or pair of features, the mechanism (risk/matching.py) joins the two.
`unexplained` takes a word diff's ops and the findings, and hands on the passages no finding
covers, so annotate.py can still report them, at low. Guarantees: everything here is
frozen and free of I/O; a finding's spans are character offsets into its own side's text.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from operator import attrgetter
from typing import Protocol

from draftkit.records import record
from draftkit.risk.tokens import Text, content_key

Span = tuple[int, int]


@record
class Finding:
    """One thing a rule saw change, before it is weighed by the category."""

    rule: str
    headline: str
    significance: float
    old: str = ""
    new: str = ""
    old_spans: tuple[Span, ...] = ()
    new_spans: tuple[Span, ...] = ()
    position: int = 0  # where in the (new, else old) text: orders findings of one rule
    heavy: float = 0.0  # the significance where the change's category is heavy, when higher


class Located(Protocol):
    """What a feature shows in a finding: its words as written, their spans, its place."""

    @property
    def fragment(self) -> str: ...

    @property
    def spans(self) -> tuple[Span, ...]: ...

    @property
    def position(self) -> int: ...


@record
class Quote:
    """Words of one text as written, with their spans and place (a `Located` of its own)."""

    fragment: str
    spans: tuple[Span, ...]
    position: int


@record
class Report:
    """What a rule says about a pair of features, or about one left without a partner.

    The fragments, spans and position of the finding come from the features; `counterpart`
    is where an unpaired feature's place stands in the other text (quoted on that side), and
    `position` overrides the feature's place when the finding belongs where the counterpart is."""

    headline: str
    significance: float
    rule: str | None = None  # None: the declaring rule's name
    counterpart: Located | None = None
    position: int | None = None
    heavy: float = 0.0  # the significance in a heavy category (annotate.HEAVY_WEIGHT), when higher


def span_of(text: Text, first: int, last: int) -> Span:
    """Character span of tokens [first, last) of `text`; (0, 0) when empty."""
    if first >= last or first >= len(text.tokens):
        return (0, 0)
    return (text.tokens[first].start, text.tokens[min(last, len(text.tokens)) - 1].end)


def token_index(text: Text, at: int) -> int:
    """The index of the first token of `text` starting at or after character `at` (the
    inverse of `position_of`; the number of tokens when none does)."""
    return bisect_left(text.tokens, at, key=_START)


_START = attrgetter("start")


def position_of(text: Text, index: int) -> int:
    """Character offset of token `index` (0 when there is no such token)."""
    return text.tokens[index].start if 0 <= index < len(text.tokens) else 0


def inside(finding: Finding, old: Sequence[Span], new: Sequence[Span]) -> bool:
    """True when every span of a finding lies within one of the given spans of its side."""
    spans = [(sp, old) for sp in finding.old_spans] + [(sp, new) for sp in finding.new_spans]
    return bool(spans) and all(any(s <= a and b <= e for s, e in within) for (a, b), within in spans if b > a)


def overlaps(spans: Sequence[Span], a: int, b: int) -> bool:
    """True when [a, b) overlaps one of the (non-empty) spans."""
    return any(s < b and a < e for s, e in spans if e > s)


_MERGE_GAP = 24  # characters of unchanged text that still join two edited regions into one passage


def _edge_word(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened by one word on each side (not across a line break)."""
    a = start
    while a > 0 and text[a - 1] in " \t":
        a -= 1
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    b = end
    while b < len(text) and text[b] in " \t":
        b += 1
    while b < len(text) and not text[b].isspace():
        b += 1
    return a, b


def unexplained(
    ops: Sequence[tuple[str, str]], findings: Sequence[Finding], old_text: str, new_text: str
) -> list[tuple[str, str, bool, bool]]:
    """Passages the ops edit that no finding covers and that are more than cosmetic: (old
    words, new words, anything deleted, anything inserted), with one word of context each side."""
    old_spans = [sp for f in findings for sp in f.old_spans]
    new_spans = [sp for f in findings for sp in f.new_spans]
    raw: list[list[int]] = []  # [old start, old end, new start, new end]
    a = b = 0
    for kind, text in ops:
        if kind == "equal":
            a += len(text)
            b += len(text)
            continue
        if not raw or raw[-1][1] != a or raw[-1][3] != b:
            raw.append([a, a, b, b])
        if kind == "delete":
            a += len(text)
        else:
            b += len(text)
        raw[-1][1], raw[-1][3] = a, b
    kept: list[tuple[int, list[int]]] = []
    for k, (sa, ea, sb, eb) in enumerate(raw):
        if content_key(old_text[sa:ea]) == content_key(new_text[sb:eb]):
            continue
        if overlaps(old_spans, sa, ea) or overlaps(new_spans, sb, eb):
            continue
        kept.append((k, [sa, ea, sb, eb]))
    passages: list[tuple[list[int], bool, bool]] = []
    last_k = -2
    for k, region in kept:
        deleted, inserted = region[1] > region[0], region[3] > region[2]
        if passages and k == last_k + 1:
            prev, d, i = passages[-1]
            gap = old_text[prev[1] : region[0]]
            if len(gap) <= _MERGE_GAP and "\n" not in gap:
                prev[1], prev[3] = region[1], region[3]
                passages[-1] = (prev, d or deleted, i or inserted)
                last_k = k
                continue
        passages.append((region, deleted, inserted))
        last_k = k
    out: list[tuple[str, str, bool, bool]] = []
    for (sa, ea, sb, eb), deleted, inserted in passages:
        wa, xa = _edge_word(old_text, sa, ea)
        wb, xb = _edge_word(new_text, sb, eb)
        out.append((old_text[wa:xa].strip(), new_text[wb:xb].strip(), deleted, inserted))
    return out
