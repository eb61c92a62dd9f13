"""Bracketed (unagreed) text: brackets added, dropped, agreed and reopened, alternative by alternative.

Takes the two texts of a pair (matching.Sides), the findings every other rule made on them,
and a way to make such findings for two other texts; hands on the findings as a negotiator
reads them. A bracket with its alternatives (`[600,000] / [800,000]`, `[shall][may]`,
`[Option 1: …] [Option 2: …]`: editorial.BETWEEN_ALTERNATIVES, as the history reads them)
is one `Group`; the two texts are aligned word by word with each group as one element, and
what changed where a group stands is said of the group: a figure bracketed against an
alternative ("Figure reopened against an alternative: '600,000' → '[600,000] / [800,000]'"),
a bracket closed on one of its alternatives ("Agreed: '[600,000] / [800,000]' → '800,000'")
or on other words, an alternative proposed, withdrawn or changed, alternatives dropped. What
an alternative changes is weighed by the other rules, on the text read with that alternative
in the group's place (so "[shall][may]" against "shall" weighs as "shall" → "may"), and their
findings about the group's words give way to the group's. Quotes are cut where a bracket
opens or closes ("800,000] units" is "800,000"), and what lies inside bracketed text added
or dropped whole is that bracket's to say. Guarantees: bracket formatting — lenticular
brackets, spacing, "/" or nothing between alternatives, their order — says nothing; a group
left as it was adds nothing to a change beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

from rapidfuzz.distance import Indel

from draftkit.compare.editorial import BETWEEN_ALTERNATIVES, OPTION_LABEL, editorial, outermost, squared
from draftkit.records import record
from draftkit.risk.features import Side, words_in
from draftkit.risk.findings import Finding, Report, Span, inside, overlaps
from draftkit.risk.matching import FeatureRule, Sides, silent, unpaired
from draftkit.risk.tokens import content_key

__all__ = ["BRACKETS", "Bracket", "Group", "brackets", "groups", "settle"]

# ---------------------------------------------------------------------------------------------
# Each bracket alone: added, dropped, lifted (agreed) or put around words already there


@record
class Bracket:
    """An outermost [ … ] segment of the original text, brackets included."""

    content: tuple[str, ...]
    fragment: str
    spans: tuple[Span, ...]
    position: int


def brackets(side: Side) -> list[Bracket]:
    """Outermost [ … ] segments of the original text (the tokens of a Text skip brackets)."""
    out: list[Bracket] = []
    original = side.text.original
    square = squared(original)
    if "[" not in square:
        return out
    for start, end, _ in outermost(square):
        if not editorial(square, start, end):  # not "confirmed.[1]", "[sic]"
            words = tuple(w for w in content_key(original[start + 1 : end - 1]) if w not in {"[", "]"})
            out.append(Bracket(words, original[start:end], ((start, end),), start))
    return out


CLAUSE_WORDS = 4  # a bracket of this many words or more is a clause ("[within 30 days]" is not)


def _bracket_removed(s: Sides, old: Bracket) -> Report:
    kept = words_in(s.new_text, old.content)
    if kept is None:
        what = "clause" if len(old.content) >= CLAUSE_WORDS else "text"
        return Report(f"Bracketed {what} dropped", s.sig.brackets_removed)
    return Report(
        "Brackets lifted (text agreed)", s.sig.brackets_lifted, counterpart=kept, position=kept.position
    )


def _bracket_added(s: Sides, new: Bracket) -> Report:
    before = words_in(s.old_text, new.content)
    if before is None:
        what = "clause" if len(new.content) >= CLAUSE_WORDS else "text"
        return Report(f"Bracketed {what} added", s.sig.brackets_added)
    return Report("Text put in brackets (reopened)", s.sig.brackets_reopened, counterpart=before)


BRACKETS: FeatureRule[Bracket] = FeatureRule(
    name="brackets",
    features=brackets,
    key=lambda b: b.content,
    pair=unpaired,
    changed=silent,
    removed=_bracket_removed,
    added=_bracket_added,
)
DROPPED = frozenset({"Bracketed clause dropped", "Bracketed text dropped", "Bracketed alternatives dropped"})
ADDED = frozenset({"Bracketed clause added", "Bracketed text added", "Bracketed alternatives added"})


# ---------------------------------------------------------------------------------------------
# A bracket with its alternatives


@record
class Group:
    """A bracket and the brackets beside it that are its alternatives: [start, end) over the
    text, each alternative's inner span (an option label left out) and its words."""

    start: int
    end: int
    alternatives: tuple[Span, ...]
    keys: tuple[tuple[str, ...], ...]


def groups(original: str) -> list[Group]:
    """The outermost brackets of a text grouped with their alternatives, in text order."""
    text = squared(original)
    if "[" not in text:
        return []
    tops = [(s, e) for s, e, _ in outermost(text) if not editorial(text, s, e)]
    runs: list[list[tuple[int, int]]] = []
    for top in tops:
        if runs and BETWEEN_ALTERNATIVES.fullmatch(text, runs[-1][-1][1], top[0]):
            runs[-1].append(top)
        else:
            runs.append([top])
    out = []
    for run in runs:
        inner = []
        for s, e in run:
            label = OPTION_LABEL.match(text[s + 1 : e - 1])  # ("^" holds at a string's start only)
            inner.append((s + 1 + (label.end() if label else 0), e - 1))
        keys = tuple(content_key(original[a:b]) for a, b in inner)
        out.append(Group(run[0][0], run[-1][1], tuple(inner), keys))
    return out


def _element_keys(side: Side, found: list[Group]) -> tuple[list[Hashable], list[Span], list[Group | None]]:
    """The text as elements: each word or number outside a group, each group as one (its
    alternatives as a set: their order and the marks between them say nothing)."""
    keys: list[Hashable] = []
    spans: list[Span] = []
    owners: list[Group | None] = []
    tokens = [t for t in side.text.tokens if t.kind != "punct"]
    g = 0
    for tok in tokens:
        while g < len(found) and found[g].end <= tok.start:
            g += 1
        if g < len(found) and found[g].start <= tok.start:
            if owners and owners[-1] is found[g]:
                continue
            keys.append(("[]", frozenset(found[g].keys)))
            spans.append((found[g].start, found[g].end))
            owners.append(found[g])
            continue
        keys.append(tok.norm)
        spans.append((tok.start, tok.end))
        owners.append(None)
    return keys, spans, owners


# What an alternative changes, named by the rule that weighs it.
_WHAT = {
    "number": "Figure",
    "deadline": "Deadline",
    "obligation": "Obligation",
    "negation": "Negation",
    "name": "Name",
    "condition": "Condition",
    "exception": "Exception",
    "qualifier": "Qualifier",
    "scope": "Scope",
    "list": "List",
    "recognition": "Recognition",
    "remedy": "Remedy",
    "commitment": "Commitment",
    "role": "Role",
    "sequence": "Sequence",
}
_QUIET_RULES = frozenset({"brackets", "reference", "wording", "heading"})

Findings = Callable[[str, str], list[Finding]]


@record
class _Said:
    """One group's finding, the regions of each text it speaks for, and the rules whose
    findings there it replaces."""

    finding: Finding
    old: tuple[Span, ...]
    new: tuple[Span, ...]
    rules: frozenset[str]


def _reading(text: str, group: Group, k: int, window: Span) -> tuple[str, Span]:
    """The window of `text` read with the group's alternative `k` in its place, and where the
    alternative stands in it."""
    a, b = group.alternatives[k]
    inner = text[a:b].strip(" \t\n,;")
    at = group.start - window[0]
    return text[window[0] : group.start] + inner + text[group.end : window[1]], (at, at + len(inner))


def _weighed(made: Findings, old: str, new: str, old_at: Span, new_at: Span) -> list[Finding]:
    """What the other rules find between two readings, where the alternative stands."""
    return [
        f
        for f in made(old, new)
        if f.rule not in _QUIET_RULES and (overlaps(f.old_spans, *old_at) or overlaps(f.new_spans, *new_at))
    ]


def _strongest(found: Sequence[Finding]) -> Finding | None:
    return max(found, key=lambda f: (f.significance, f.heavy), default=None)


def _what(found: Finding | None) -> str:
    return _WHAT.get(found.rule, "Wording") if found is not None else "Wording"


def _figures(group: Group) -> str:
    """What a group's alternatives are when no rule weighed them: figures, or wording."""
    numbers = all(key and all(w.replace(".", "").isdigit() for w in key) for key in group.keys)
    return "Figure" if numbers else "Wording"


def _text(text: str, spans: Sequence[Span]) -> str:
    return text[spans[0][0] : spans[-1][1]].strip() if spans else ""


def _one_side(
    s: Sides,
    made: Findings,
    group: Group,
    group_side_new: bool,
    plain: Sequence[Hashable],
    plain_spans: Sequence[Span],
    around: tuple[Sequence[Hashable], Sequence[Hashable]],
    windows: tuple[Span, Span],
) -> _Said | None:
    """A group where the other text has plain words (or none): reopened, agreed, added or
    dropped. `around`: the words of the group's stretch before and after it; `windows`: the
    stretch of each text (old, new) an alternative is weighed in."""
    sig = s.sig
    texts = (s.old_text.original, s.new_text.original)
    grouped_text = texts[group_side_new]
    other = texts[not group_side_new]
    plain_at = (plain_spans[0][0], plain_spans[-1][1]) if plain_spans else (0, 0)
    raw = grouped_text[group.start : group.end]
    words = tuple(plain)
    readings = [(*around[0], *key, *around[1]) for key in group.keys]
    kept = next((k for k, r in enumerate(readings) if r == words), None)
    if len(group.alternatives) < 2 and (kept is not None or not words):
        return None  # one bracket lifted, put around words, added or dropped: BRACKETS says it
    weighed: list[Finding] = []
    for k in range(len(group.alternatives)):
        if k == kept or not words:
            continue
        win, other_win = windows[group_side_new], windows[not group_side_new]
        text, at = _reading(grouped_text, group, k, win)
        plain = other[other_win[0] : other_win[1]]
        here = (plain_at[0] - other_win[0], plain_at[1] - other_win[0])
        if group_side_new:
            weighed += _weighed(made, plain, text, here, at)
        else:
            weighed += _weighed(made, text, plain, at, here)
    top = _strongest(weighed)
    what = _what(top) if weighed or made is not _unweighed else _figures(group)
    value = top.significance if top else 0.0
    heavy = top.heavy if top else 0.0
    group_spans = ((group.start, group.end),)
    plain_quote = _text(other, plain_spans)
    if group_side_new:
        if not words:
            finding = Finding("brackets", "Bracketed alternatives added", sig.brackets_added, "", raw)
        else:
            headline = (
                f"{what} reopened against an alternative"
                if kept is not None
                else f"{what} replaced by bracketed alternatives"
            )
            finding = Finding(
                "brackets", headline, max(sig.brackets_reopened, value), plain_quote, raw, heavy=heavy
            )
        finding = _placed(finding, plain_spans, group_spans, group.start)
        return _Said(finding, tuple(plain_spans), group_spans, _rules(weighed))
    if not words:
        finding = Finding("brackets", "Bracketed alternatives dropped", sig.brackets_removed, raw, "")
    elif kept is not None:
        finding = Finding("brackets", "Agreed", sig.brackets_lifted, raw, plain_quote)
    else:
        other_words = "figure" if top is not None and top.rule == "number" else "wording"
        finding = Finding(
            "brackets", f"Agreed on another {other_words}", max(sig.brackets_lifted, value), raw, plain_quote,
            heavy=heavy,
        )  # fmt: skip
    finding = _placed(finding, group_spans, plain_spans, plain_at[0] if plain_spans else group.start)
    return _Said(finding, group_spans, tuple(plain_spans), _rules(weighed))


def _both_sides(s: Sides, made: Findings, old: Group, new: Group, windows: tuple[Span, Span]) -> _Said | None:
    """A group in both texts whose alternatives differ: proposed, withdrawn or changed."""
    sig = s.sig
    old_text, new_text = s.old_text.original, s.new_text.original
    gone = [k for k, key in enumerate(old.keys) if key not in new.keys]
    came = [k for k, key in enumerate(new.keys) if key not in old.keys]
    if len(old.alternatives) < 2 and len(new.alternatives) < 2:
        return None  # one bracket's words changed: the other rules say what (BRACKETS is silent)
    common_old = next((k for k, key in enumerate(old.keys) if key in new.keys), None)
    common_new = next((k for k, key in enumerate(new.keys) if key in old.keys), None)
    pairs: list[tuple[int, int]] = list(zip(gone, came, strict=False))
    if common_old is not None and common_new is not None:
        pairs += [(k, common_new) for k in gone[len(came) :]]
        pairs += [(common_old, k) for k in came[len(gone) :]]
    weighed: list[Finding] = []
    for a, b in pairs:
        old_reading, old_at = _reading(old_text, old, a, windows[0])
        new_reading, new_at = _reading(new_text, new, b, windows[1])
        weighed += _weighed(made, old_reading, new_reading, old_at, new_at)
    top = _strongest(weighed)
    value, heavy = (top.significance, top.heavy) if top else (0.0, 0.0)
    if gone and came:
        headline, floor = "Bracketed alternative changed", sig.brackets_added
    elif came:
        headline, floor = "Alternative proposed", sig.brackets_added
    elif gone:
        headline, floor, value, heavy = "Alternative withdrawn", sig.brackets_removed, 0.0, 0.0
    else:
        return None
    old_spans, new_spans = ((old.start, old.end),), ((new.start, new.end),)
    finding = Finding(
        "brackets", headline, max(floor, value), old_text[old.start : old.end], new_text[new.start : new.end],
        heavy=heavy,
    )  # fmt: skip
    return _Said(_placed(finding, old_spans, new_spans, new.start), old_spans, new_spans, _rules(weighed))


def _placed(finding: Finding, old: Sequence[Span], new: Sequence[Span], position: int) -> Finding:
    return Finding(
        finding.rule, finding.headline, finding.significance, finding.old, finding.new,
        tuple(old), tuple(new), position, finding.heavy,
    )  # fmt: skip


def _rules(found: Sequence[Finding]) -> frozenset[str]:
    return frozenset(f.rule for f in found)


def _alternatives(s: Sides, out: list[Finding], made: Findings) -> list[Finding]:
    """The findings with what each group of alternatives says in place of what the other
    rules said of its words."""
    old_groups, new_groups = groups(s.old_text.original), groups(s.new_text.original)
    if not any(len(g.alternatives) > 1 for g in (*old_groups, *new_groups)):
        return out
    ok, ospans, oowners = _element_keys(s.old, old_groups)
    nk, nspans, nowners = _element_keys(s.new, new_groups)
    said: list[_Said] = []
    same: list[tuple[Group, Group]] = []  # groups the same but for their formatting
    if len(ok) * len(nk) > MAX_CELLS:
        return out  # each bracket on its own (BRACKETS), quotes cut
    for tag, i1, i2, j1, j2 in _blocks(ok, nk):
        if tag == "equal":
            same += [(o, n) for o, n in zip(oowners[i1:i2], nowners[j1:j2], strict=True) if o and n]
            continue
        olds = [k for k in range(i1, i2) if oowners[k] is not None]
        news = [k for k in range(j1, j2) if nowners[k] is not None]
        if len(olds) + len(news) != 1 and not (len(olds) == len(news) == 1):
            continue  # several groups in one changed stretch: each bracket on its own (BRACKETS)
        # Each alternative is weighed on the words around it, not the whole text (a text
        # holding hundreds of brackets is read once per bracket), and a few dozen at most.
        weigh = made if len(said) < WEIGHED else _unweighed
        windows = (_window(ospans, i1, i2), _window(nspans, j1, j2))
        if olds and news:
            found = _both_sides(s, weigh, _owner(oowners, olds[0]), _owner(nowners, news[0]), windows)
        elif news:
            at = news[0]
            around = (nk[j1:at], nk[at + 1 : j2])
            found = _one_side(s, weigh, _owner(nowners, at), True, ok[i1:i2], ospans[i1:i2], around, windows)
        else:
            at = olds[0]
            around = (ok[i1:at], ok[at + 1 : i2])
            found = _one_side(s, weigh, _owner(oowners, at), False, nk[j1:j2], nspans[j1:j2], around, windows)
        if found is not None:
            said.append(found if weigh is made else _Said(found.finding, found.old, found.new, ANY))
    if not said and not same:
        return out
    kept = [f for f in out if not any(_speaks_for(x, f) for x in said) and not _reordered(f, same)]
    return kept + [x.finding for x in said]


MAX_CELLS = 10**9  # old × new elements aligned (a bit-parallel LCS: a few seconds at most)


def _blocks(old: Sequence[Hashable], new: Sequence[Hashable]) -> list[tuple[str, int, int, int, int]]:
    """The two element sequences aligned: equal runs, and between them one changed stretch
    (what was deleted and inserted there together)."""
    table: dict[Hashable, str] = {}
    for key in (*old, *new):
        if key not in table:
            table[key] = chr(0xE000 + len(table))  # past the surrogates (MAX_CELLS bounds the count)
    a, b = "".join(map(table.__getitem__, old)), "".join(map(table.__getitem__, new))
    out: list[tuple[str, int, int, int, int]] = []
    for op in Indel.opcodes(a, b):
        tag, i1, i2, j1, j2 = (
            str(op.tag),
            int(op.src_start),
            int(op.src_end),
            int(op.dest_start),
            int(op.dest_end),
        )
        if tag != "equal" and out and out[-1][0] != "equal":
            out[-1] = ("replace", out[-1][1], i2, out[-1][3], j2)
        else:
            out.append((tag, i1, i2, j1, j2))
    return out


WEIGHED = 48  # groups of one pair whose alternatives the other rules weigh (the rest: said only)
CONTEXT = 16  # words and groups either side of a changed stretch an alternative is weighed with


ANY = frozenset({"*"})  # an unweighed group's finding speaks for every rule's there


def _unweighed(old: str, new: str) -> list[Finding]:
    return []


def _window(spans: Sequence[Span], first: int, last: int) -> Span:
    """Characters of the elements [first, last) with CONTEXT elements either side."""
    if not spans:
        return (0, 0)
    a = min(max(first - CONTEXT, 0), len(spans) - 1)
    b = min(max(last + CONTEXT, 1), len(spans)) - 1
    return (spans[a][0], spans[b][1])


def _owner(owners: Sequence[Group | None], k: int) -> Group:
    group = owners[k]
    assert group is not None
    return group


def _starts_in(spans: Sequence[Span], regions: Sequence[Span]) -> bool:
    return all(any(s <= a < max(e, s + 1) for s, e in regions) for a, b in spans if b > a)


def _speaks_for(said: _Said, f: Finding) -> bool:
    """Whether a group's finding says what `f` says of its words."""
    if f.rule == "brackets":
        return overlaps(said.old, *_extent(f.old_spans)) or overlaps(said.new, *_extent(f.new_spans))
    if not (f.old_spans or f.new_spans):
        return False
    touches = any(overlaps(said.old, *sp) for sp in f.old_spans) or any(
        overlaps(said.new, *sp) for sp in f.new_spans
    )
    return touches and (
        f.rule in said.rules
        or said.rules is ANY
        or (_starts_in(f.old_spans, said.old) and _starts_in(f.new_spans, said.new))
    )


def _extent(spans: Sequence[Span]) -> Span:
    return (spans[0][0], spans[-1][1]) if spans else (0, 0)


def _reordered(f: Finding, same: Sequence[tuple[Group, Group]]) -> bool:
    """Whether `f` only reads alternatives written in another order or with other marks."""
    if not same or not (f.old_spans or f.new_spans):
        return False
    old = [(o.start, o.end) for o, _ in same]
    new = [(n.start, n.end) for _, n in same]
    return _starts_in(f.old_spans, old) and _starts_in(f.new_spans, new)


# ---------------------------------------------------------------------------------------------
# Quotes cut where a bracket opens or closes


def _balanced_part(quote: str) -> tuple[int, int]:
    """[start, end) of `quote` holding no bracket without its partner: the part before the
    first unmatched one, or after it when nothing stands before it."""
    square = squared(quote)
    start, end = 0, len(square)
    while True:
        depth, bad = 0, -1
        opened: list[int] = []
        for k in range(start, end):
            ch = square[k]
            if ch == "[":
                opened.append(k)
                depth += 1
            elif ch == "]":
                if depth == 0:
                    bad = k
                    break
                opened.pop()
                depth -= 1
        if bad < 0 and opened:
            bad = opened[0]
        if bad < 0:
            return start, end
        if any(c.isalnum() for c in square[start:bad]):
            end = bad
        else:
            start = bad + 1


def _cut(quote: str, spans: tuple[Span, ...], text: str) -> tuple[str, tuple[Span, ...]]:
    """A quote and its spans cut to the part that holds no unmatched bracket."""
    if "[" not in squared(quote) and "]" not in squared(quote):
        return quote, spans
    a, b = _balanced_part(quote)
    if (a, b) == (0, len(quote)):
        return quote, spans
    piece = quote[a:b]
    lead = len(piece) - len(piece.lstrip(" ,;:"))
    piece = piece.strip(" ,;:")
    if len(spans) == 1 and text[spans[0][0] : spans[0][1]] == quote and piece:
        start = spans[0][0] + a + lead
        spans = ((start, start + len(piece)),)
    return piece or quote, spans


def _cut_quotes(s: Sides, out: list[Finding]) -> list[Finding]:
    old_text, new_text = s.old_text.original, s.new_text.original
    result = []
    for f in out:
        if f.rule == "brackets":
            result.append(f)
            continue
        old, old_spans = _cut(f.old, f.old_spans, old_text)
        new, new_spans = _cut(f.new, f.new_spans, new_text)
        if (old, new) != (f.old, f.new):
            f = Finding(
                f.rule, f.headline, f.significance, old, new, old_spans, new_spans, f.position, f.heavy
            )
        result.append(f)
    return result


def settle(s: Sides, out: list[Finding], made: Findings) -> list[Finding]:
    """The findings of a pair as brackets read them: quotes cut at bracket boundaries, what
    lies inside a bracket added or dropped whole left to it, and groups of alternatives
    compared alternative by alternative (`made`: the other rules' findings on two texts)."""
    old, new = s.old_text.original, s.new_text.original
    if not any(c in t for t in (old, new) for c in "[]【】"):
        return out
    out = _alternatives(s, out, made)  # (on the spans as the rules made them)
    out = _cut_quotes(s, out)
    # What stands inside bracketed text added or dropped as a whole is unagreed text: the
    # brackets flag quotes it, once ("[and in accordance with … the Republic of Veloria]").
    added = [sp for f in out if f.headline in ADDED for sp in f.new_spans]
    dropped = [sp for f in out if f.headline in DROPPED for sp in f.old_spans]
    return [f for f in out if f.rule == "brackets" or not inside(f, dropped, added)]
