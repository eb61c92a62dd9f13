"""Significance rules: what changed inside one aligned pair of texts, and how much it matters.

Each rule reads both texts into features (modal verbs with the verb they govern, negations,
quantities with units, dates, names, condition and exception clauses, scope words,
recognition wording, bracketed text), matches the features of the old text against those
of the new one by their normalised form, and reports what is left over on either side.
Matching on normalised features instead of character positions is what keeps cosmetic
edits silent: "recognise" and "recognize", "600,000" and "600 000", "five years" and
"5 years", a moved comma — all give the same features.

A rule returns `Finding`s: a headline in plain words, the old and new fragments as the
drafter wrote them, a significance 0–1 (from the taxonomy's `[significance]` table), and
the character spans it explains (so what no rule explains can still be reported, at low).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from draftkit.risk.analysis import Analysis, Clause, name_runs
from draftkit.risk.taxonomy import Compiled, Significance, Taxonomy
from draftkit.risk.tokens import Text, content_key

RULES: tuple[str, ...] = (
    "obligation",
    "negation",
    "recognition",
    "number",
    "deadline",
    "name",
    "condition",
    "exception",
    "scope",
    "brackets",
    "provision",
    "reference",
    "heading",
    "wording",
)

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class Sides:
    """Both texts of a pair, analysed once."""

    old: Analysis
    new: Analysis
    taxonomy: Taxonomy

    @property
    def compiled(self) -> Compiled:
        """The taxonomy's phrase sets."""
        return self.taxonomy.compiled

    @property
    def sig(self) -> Significance:
        """The taxonomy's significance table."""
        return self.taxonomy.significance


T = TypeVar("T")


def split_matched(
    old: Sequence[T], new: Sequence[T], key: Callable[[T], Hashable]
) -> tuple[list[T], list[T]]:
    """Items of `old` with no equal-keyed partner in `new`, and vice versa, in text order.

    Of several equal keys, the first ones are taken as matched."""
    counts_new = Counter(key(x) for x in new)
    counts_old = Counter(key(x) for x in old)
    removed: list[T] = []
    seen: Counter[Hashable] = Counter()
    for item in old:
        k = key(item)
        seen[k] += 1
        if seen[k] > counts_new[k]:
            removed.append(item)
    added: list[T] = []
    seen = Counter()
    for item in new:
        k = key(item)
        seen[k] += 1
        if seen[k] > counts_old[k]:
            added.append(item)
    return removed, added


def _span(text: Text, first: int, last: int) -> Span:
    if first >= last or first >= len(text.tokens):
        return (0, 0)
    return (text.tokens[first].start, text.tokens[min(last, len(text.tokens)) - 1].end)


def _pos(text: Text, index: int) -> int:
    return text.tokens[index].start if 0 <= index < len(text.tokens) else 0


# ---------------------------------------------------------------------------------------------
# Obligation strength

_VERB_SKIP = {
    "not",
    "also",
    "jointly",
    "immediately",
    "promptly",
    "duly",
    "further",
    "then",
    "thereafter",
    "forthwith",
    "fully",
    "expeditiously",
    "unconditionally",
    "each",
    "both",
    "never",
    "в",
    "не",
    "також",
    "негайно",
    "также",
    "немедленно",
}
_LEVEL_NAMES = {4: "binding", 3: "expected", 2: "advisory", 1: "discretionary"}


@dataclass(frozen=True, slots=True)
class _Modal:
    level: int
    verb: str
    negated: bool
    fragment: str
    spans: tuple[Span, ...]
    index: int


def _modals(side: Analysis, compiled: Compiled) -> list[_Modal]:
    text = side.text
    tokens = text.tokens
    negations = {k for hit in compiled.negation.find(text) for k in range(hit.first, hit.last)}
    out: list[_Modal] = []
    for hit in compiled.obligation.find(text):
        if side.in_marker(hit.first, hit.last):
            continue
        level = int(hit.label)
        j = hit.last
        skipped = False
        negated = any(k in negations for k in range(hit.first, hit.last))
        # "shall, within 60 days of …, withdraw": step over a parenthetical between commas.
        if j < len(tokens) and tokens[j].norm == ",":
            k = j + 1
            while k < len(tokens) and k - j < 40 and tokens[k].norm not in {",", ".", ";"}:
                k += 1
            if k < len(tokens) and tokens[k].norm == ",":
                j = k + 1
                skipped = True
        while j < len(tokens) and (tokens[j].norm in _VERB_SKIP or tokens[j].norm.endswith("ly")):
            negated = negated or j in negations
            j += 1
        if j >= len(tokens) or tokens[j].kind != "word":
            verb_last = j
            verb = ""
        else:
            verb_last = j + 1
            verb = tokens[j].norm
            if verb in {"be", "бути", "быть"} and j + 1 < len(tokens) and tokens[j + 1].kind == "word":
                verb_last = j + 2
                verb += " " + tokens[j + 1].norm
        modal_text = text.span(hit.first, hit.last)
        spans: tuple[Span, ...]
        if skipped:
            fragment = f"{modal_text} … {text.span(j, verb_last)}" if verb else modal_text
            spans = (_span(text, hit.first, hit.last), _span(text, j, verb_last))
        else:
            fragment = text.span(hit.first, verb_last) if verb else modal_text
            spans = (_span(text, hit.first, verb_last),)
        out.append(_Modal(level, verb, negated, fragment, spans, hit.first))
    return out


def obligation(s: Sides) -> list[Finding]:
    """Obligation weakened or strengthened (shall → may), added or removed."""
    olds = _modals(s.old, s.compiled)
    news = _modals(s.new, s.compiled)
    removed, added = split_matched(olds, news, lambda m: (m.verb, m.level, m.negated))
    pairs: list[tuple[_Modal, _Modal]] = []
    # Same governed verb first ("shall withdraw" → "may withdraw"), then what is left in order.
    for old in list(removed):
        partner = next((n for n in added if n.verb == old.verb), None)
        if partner is not None:
            pairs.append((old, partner))
            removed.remove(old)
            added.remove(partner)
    while removed and added:
        pairs.append((removed.pop(0), added.pop(0)))
    sig = s.sig
    out: list[Finding] = []
    for old, new in pairs:
        if old.level == new.level or old.negated != new.negated:
            continue  # same strength, another verb; or a negation change, which its own rule reports
        steps = abs(old.level - new.level)
        value = (sig.obligation_step_1, sig.obligation_step_2, sig.obligation_step_3)[min(steps, 3) - 1]
        headline = "Obligation weakened" if new.level < old.level else "Obligation strengthened"
        out.append(
            Finding(
                "obligation",
                headline,
                value,
                old.fragment,
                new.fragment,
                old.spans,
                new.spans,
                _pos(s.new.text, new.index),
            )
        )
    for old in removed:
        if not old.verb:
            continue
        headline = "Obligation removed" if old.level >= 3 else "Discretion removed"
        value = sig.obligation_removed if old.level >= 3 else sig.obligation_removed * 0.75
        out.append(
            Finding(
                "obligation", headline, value, old.fragment, "", old.spans, (), _pos(s.old.text, old.index)
            )
        )
    for new in added:
        if not new.verb:
            continue
        headline = "Obligation added" if new.level >= 3 else "Discretion added"
        value = sig.obligation_added if new.level >= 3 else sig.obligation_added * 0.75
        out.append(
            Finding(
                "obligation", headline, value, "", new.fragment, (), new.spans, _pos(s.new.text, new.index)
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# Negation


@dataclass(frozen=True, slots=True)
class _Neg:
    key: tuple[str, str, str]
    first: int
    last: int


def _owned_by_phrases(side: Analysis, compiled: Compiled) -> set[int]:
    """Tokens inside phrases that carry their own 'not' ("not less than", "not later than")."""
    owned: set[int] = set()
    for phrases in (compiled.scope, compiled.deadlines):
        for hit in phrases.find(side.text):
            owned.update(range(hit.first, hit.last))
    for clause in side.exceptions:
        owned.update(range(clause.first, clause.body))
    return owned


def _negations(side: Analysis, compiled: Compiled) -> list[_Neg]:
    text = side.text
    owned = _owned_by_phrases(side, compiled)
    out: list[_Neg] = []
    for hit in compiled.negation.find(text):
        if any(k in owned for k in range(hit.first, hit.last)):
            continue
        before = next((t.norm for t in reversed(text.tokens[: hit.first]) if t.kind != "punct"), "")
        after = next((t.norm for t in text.tokens[hit.last :] if t.kind != "punct"), "")
        out.append(_Neg((hit.norm, before, after), hit.first, hit.last))
    return out


def _window(text: Text, first: int, last: int, before: int = 2, after: int = 2) -> tuple[int, int]:
    a = first
    count = 0
    while a > 0 and count < before and text.tokens[a - 1].norm not in {".", ";", ":", ","}:
        a -= 1
        count += text.tokens[a].kind != "punct"
    b = last
    count = 0
    while b < len(text.tokens) and count < after and text.tokens[b].norm not in {".", ";", ":", ","}:
        count += text.tokens[b].kind != "punct"
        b += 1
    return a, b


def _counterpart(other: Text, text: Text, first: int, last: int) -> tuple[int, int] | None:
    """Where the words around tokens [first, last) of `text` stand in `other`, without them."""
    before = [t.norm for t in text.tokens[max(0, first - 2) : first]]
    after = [t.norm for t in text.tokens[last : last + 2]]
    norms = [t.norm for t in other.tokens]
    probe = before + after
    if not probe:
        return None
    for k in range(len(norms) - len(probe) + 1):
        if norms[k : k + len(probe)] == probe:
            return k, k + len(probe)
    return None


def negation(s: Sides) -> list[Finding]:
    """A negation added or removed ("shall withdraw" → "shall not withdraw"; "не")."""
    olds = _negations(s.old, s.compiled)
    news = _negations(s.new, s.compiled)
    if len(olds) == len(news):
        return []  # the same number of negations: words around them changed, not the polarity
    removed, added = split_matched(olds, news, lambda n: n.key)
    out: list[Finding] = []
    value = s.sig.negation
    if len(news) > len(olds):
        for neg in added[: len(news) - len(olds)]:
            a, b = _window(s.new.text, neg.first, neg.last)
            where = _counterpart(s.old.text, s.new.text, neg.first, neg.last)
            old_frag = s.old.text.span(*where) if where else ""
            old_spans = (_span(s.old.text, *where),) if where else ()
            out.append(
                Finding(
                    "negation",
                    "Negation added",
                    value,
                    old_frag,
                    s.new.text.span(a, b),
                    old_spans,
                    (_span(s.new.text, neg.first, neg.last),),
                    _pos(s.new.text, neg.first),
                )
            )
    else:
        for neg in removed[: len(olds) - len(news)]:
            a, b = _window(s.old.text, neg.first, neg.last)
            where = _counterpart(s.new.text, s.old.text, neg.first, neg.last)
            new_frag = s.new.text.span(*where) if where else ""
            new_spans = (_span(s.new.text, *where),) if where else ()
            out.append(
                Finding(
                    "negation",
                    "Negation removed",
                    value,
                    s.old.text.span(a, b),
                    new_frag,
                    (_span(s.old.text, neg.first, neg.last),),
                    new_spans,
                    _pos(s.old.text, neg.first),
                )
            )
    return out


# ---------------------------------------------------------------------------------------------
# Numbers, durations, dates

_TIME_WORDS = {
    1: ("hour", "hours"),
    24: ("day", "days"),
    168: ("week", "weeks"),
    730: ("month", "months"),
    8760: ("year", "years"),
}


@dataclass(frozen=True, slots=True)
class _Quantity:
    cls: str  # distance, calibre, time, personnel, percent, money, count, year
    unit: str  # normalised unit word (currency for money)
    unit_text: str
    value: float  # as written (with multiplier)
    base: float  # in the class's base unit
    factor: float
    prefix: str  # "by" / "not_before" / ""
    fragment: str
    span: Span
    index: int


def _quantities(side: Analysis, compiled: Compiled) -> list[_Quantity]:
    text = side.text
    tokens = text.tokens
    units = compiled.units
    prefixes = {hit.last: hit for hit in compiled.deadlines.find(text)}
    out: list[_Quantity] = []
    for i, tok in enumerate(tokens):
        if tok.kind != "number" or tok.value is None or tok.value != tok.value:
            continue
        value = tok.value
        j = i + 1
        if j < len(tokens) and units.get(tokens[j].norm, ("", 0.0))[0] == "multiplier":
            value *= units[tokens[j].norm][1]
            j += 1
        cls, factor, unit, unit_text, last = "", 1.0, "", "", j
        for k in (j, j + 1):  # "800,000 personnel", "800,000 military personnel"
            if k < len(tokens) and tokens[k].norm in units and units[tokens[k].norm][0] != "multiplier":
                cls, factor = units[tokens[k].norm]
                unit, unit_text, last = tokens[k].norm, text.span(k, k + 1), k + 1
                break
            if k < len(tokens) and tokens[k].kind != "word":
                break
        first = i
        if i > 0 and units.get(tokens[i - 1].norm, ("", 0.0))[0] == "currency":
            cls, unit, unit_text, first = "currency", tokens[i - 1].norm, text.span(i - 1, i), i - 1
            last = j
        if cls == "currency":
            cls = "money"
        if tok.spelled and not cls:
            continue  # "one Party", "either of the two": words, not quantities
        if not cls:
            if 1900 <= value <= 2200 and value == int(value) and "." not in tok.norm:
                cls = "year"
            else:
                cls = "count"
                if j < len(tokens) and tokens[j].kind == "word":
                    unit, unit_text, last = tokens[j].norm, text.span(j, j + 1), j + 1
        prefix_hit = prefixes.get(first)
        prefix = prefix_hit.label if prefix_hit is not None and cls == "time" else ""
        start = prefix_hit.first if prefix_hit is not None and cls == "time" else first
        out.append(
            _Quantity(
                cls,
                unit,
                unit_text,
                value,
                value * factor,
                factor,
                prefix,
                text.span(start, last),
                _span(text, start, last),
                i,
            )
        )
    return out


def _fmt(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _relative(old: float, new: float) -> float:
    top = max(abs(old), abs(new))
    return abs(new - old) / top if top else 0.0


def _percent(old: float, new: float, *, signed: bool = True) -> str:
    """'+33%' / '−50%' (or '33%' unsigned, after 'increased by'); '' when old is 0."""
    if not old:
        return ""
    change = (new - old) / abs(old) * 100
    if not signed:
        return f"{abs(change):.0f}%"
    return f"{change:+.0f}%".replace("-", "−")


def _time_words(hours: float, prefer: float = 0.0) -> str:
    preferred = int(prefer) if prefer == int(prefer) and int(prefer) in _TIME_WORDS else 0
    sizes = (preferred, 8760, 730, 168, 24, 1) if preferred else (8760, 730, 168, 24, 1)
    for size in sizes:
        if hours >= size and (hours / size) == int(hours / size):
            n = int(hours / size)
            return f"{n:,} {_TIME_WORDS[size][0 if n == 1 else 1]}"
    return f"{_fmt(hours)} hours"


def _quantity_finding(s: Sides, old: _Quantity, new: _Quantity) -> Finding:
    sig = s.sig
    up = new.base > old.base
    rel = _relative(old.base, new.base)
    diff = abs(new.value - old.value)
    match new.cls:
        case "time":
            delta = abs(new.base - old.base)
            words = _time_words(delta, new.factor) if delta else "a different unit"
            if new.prefix == "by" or old.prefix == "by":
                headline = f"Deadline {'extended' if up else 'shortened'} by {words}"
            elif new.prefix == "not_before" or old.prefix == "not_before":
                headline = f"Waiting period {'lengthened' if up else 'shortened'} by {words}"
            else:
                headline = f"Period {'lengthened' if up else 'shortened'} by {words}"
            return Finding(
                "deadline",
                headline,
                min(1.0, sig.deadline_base + min(0.5, rel)),
                old.fragment,
                new.fragment,
                (old.span,),
                (new.span,),
                new.span[0],
            )
        case "year":
            headline = f"Year moved {'later' if up else 'earlier'}"
            return Finding(
                "deadline",
                headline,
                sig.date,
                old.fragment,
                new.fragment,
                (old.span,),
                (new.span,),
                new.span[0],
            )
        case "percent":
            headline = f"Percentage {'raised' if up else 'lowered'} by {_fmt(diff)} points"
        case "distance":
            by = (
                f"{_fmt(diff)} {new.unit_text}"
                if old.unit == new.unit
                else _percent(old.base, new.base, signed=False)
            )
            headline = f"Distance {'increased' if up else 'reduced'} by {by}"
        case "calibre":
            headline = f"Calibre threshold {'raised' if up else 'lowered'} by {_fmt(diff)} {new.unit_text}"
        case "personnel":
            headline = (
                f"Number of {new.unit_text} {'increased' if up else 'reduced'} by {_fmt(diff)} "
                f"({_percent(old.value, new.value)})"
            )
        case "money":
            headline = (
                f"Amount {'increased' if up else 'reduced'} by {_percent(old.value, new.value, signed=False)}"
            )
        case _:
            headline = f"Number {'increased' if up else 'reduced'} by {_fmt(diff)}"
    return Finding(
        "number",
        headline,
        min(1.0, sig.number_base + min(0.5, rel)),
        old.fragment,
        new.fragment,
        (old.span,),
        (new.span,),
        new.span[0],
    )


def _compatible(a: _Quantity, b: _Quantity) -> bool:
    if a.cls != b.cls:
        return False
    if a.cls in {"count", "money"}:
        return a.unit == b.unit
    return True


def numbers(s: Sides) -> list[Finding]:
    """Numbers with their units and direction (km, troops, days, money, percent); durations
    and years are deadlines."""
    olds = _quantities(s.old, s.compiled)
    news = _quantities(s.new, s.compiled)
    removed, added = split_matched(
        olds, news, lambda q: (q.cls, q.unit if q.cls in {"count", "money"} else "", q.base)
    )
    out: list[Finding] = []
    for old in list(removed):
        partner = next((q for q in added if _compatible(old, q)), None)
        if partner is None:
            continue
        removed.remove(old)
        added.remove(partner)
        out.append(_quantity_finding(s, old, partner))
    sig = s.sig
    for q in removed:
        if q.cls == "time":
            out.append(
                Finding(
                    "deadline",
                    "Deadline removed" if q.prefix == "by" else "Period removed",
                    sig.deadline_removed,
                    q.fragment,
                    "",
                    (q.span,),
                    (),
                    q.span[0],
                )
            )
        else:
            rule = "deadline" if q.cls == "year" else "number"
            out.append(
                Finding(rule, "Number removed", sig.number_removed, q.fragment, "", (q.span,), (), q.span[0])
            )
    for q in added:
        if q.cls == "time":
            out.append(
                Finding(
                    "deadline",
                    "Deadline added" if q.prefix == "by" else "Period added",
                    sig.deadline_added,
                    "",
                    q.fragment,
                    (),
                    (q.span,),
                    q.span[0],
                )
            )
        else:
            rule = "deadline" if q.cls == "year" else "number"
            out.append(
                Finding(rule, "Number added", sig.number_added, "", q.fragment, (), (q.span,), q.span[0])
            )
    return out


@dataclass(frozen=True, slots=True)
class _Date:
    day: int
    fragment: str
    span: Span


def dates(s: Sides) -> list[Finding]:
    """Dates moved, added or removed."""

    def read(side: Analysis) -> list[_Date]:
        text = side.text
        return [
            _Date(int(t.value), text.span(k, k + 1), _span(text, k, k + 1))
            for k, t in enumerate(text.tokens)
            if t.kind == "date" and t.value is not None
        ]

    removed, added = split_matched(read(s.old), read(s.new), lambda d: d.day)
    out: list[Finding] = []
    value = s.sig.date
    while removed and added:
        old, new = removed.pop(0), added.pop(0)
        days = new.day - old.day
        headline = f"Date moved {'later' if days > 0 else 'earlier'} by {_time_words(abs(days) * 24)}"
        out.append(
            Finding(
                "deadline", headline, value, old.fragment, new.fragment, (old.span,), (new.span,), new.span[0]
            )
        )
    for d in removed:
        out.append(Finding("deadline", "Date removed", value, d.fragment, "", (d.span,), (), d.span[0]))
    for d in added:
        out.append(Finding("deadline", "Date added", value, "", d.fragment, (), (d.span,), d.span[0]))
    return out


# ---------------------------------------------------------------------------------------------
# Names of places, parties, organisations

_KIND_WORD = {"place": "Place", "party": "Party", "organisation": "Organisation"}


@dataclass(frozen=True, slots=True)
class _Name:
    key: str
    kind: str  # place / party / organisation / name
    before: str
    fragment: str
    span: Span


def _names(side: Analysis, compiled: Compiled) -> tuple[list[_Name], list[_Name]]:
    """Gazetteer names, and other capitalised names, of one text."""
    text = side.text
    listed: list[_Name] = []
    taken: set[int] = set()
    for hit in compiled.gazetteer.find(text):
        if not text.tokens[hit.first].cap:
            continue
        taken.update(range(hit.first, hit.last))
        before = text.tokens[hit.first - 1].norm if hit.first else ""
        listed.append(
            _Name(
                hit.norm,
                compiled.gazetteer_kind[hit.label],
                before,
                text.span(hit.first, hit.last),
                _span(text, hit.first, hit.last),
            )
        )
    other: list[_Name] = []
    for run in name_runs(text, compiled):
        if taken.intersection(range(run.first, run.last)):
            continue
        other.append(
            _Name(
                run.key,
                "place" if run.place else "name",
                run.before,
                text.span(run.first, run.last),
                _span(text, run.first, run.last),
            )
        )
    return listed, other


def names(s: Sides) -> list[Finding]:
    """A place, party or organisation name replaced, added or removed."""
    old_listed, old_other = _names(s.old, s.compiled)
    new_listed, new_other = _names(s.new, s.compiled)
    sig = s.sig
    out: list[Finding] = []
    removed, added = split_matched(old_listed, new_listed, lambda n: n.key)
    for old in list(removed):
        partner = next((n for n in added if n.kind == old.kind), None)
        if partner is None:
            continue
        removed.remove(old)
        added.remove(partner)
        out.append(
            Finding(
                "name",
                f"{_KIND_WORD[old.kind]} changed",
                sig.name_changed,
                old.fragment,
                partner.fragment,
                (old.span,),
                (partner.span,),
                partner.span[0],
            )
        )
    for n in removed:
        out.append(
            Finding(
                "name",
                f"{_KIND_WORD[n.kind]} removed",
                sig.name_removed,
                n.fragment,
                "",
                (n.span,),
                (),
                n.span[0],
            )
        )
    for n in added:
        out.append(
            Finding(
                "name",
                f"{_KIND_WORD[n.kind]} added",
                sig.name_added,
                "",
                n.fragment,
                (),
                (n.span,),
                n.span[0],
            )
        )
    # Names no gazetteer lists count only when one replaces another in the same place
    # ("the village of Hollin" → "the village of Dunmar"): a name merely added or removed
    # is usually a defined term moving about ("The Reconstruction Fund shall …").
    removed_other, added_other = split_matched(old_other, new_other, lambda n: n.key)
    for old in removed_other:
        partner = next((n for n in added_other if n.before == old.before and old.before), None)
        if partner is None:
            continue
        added_other.remove(partner)
        kind = "Place" if old.kind == "place" or partner.kind == "place" else "Name"
        out.append(
            Finding(
                "name",
                f"{kind} changed",
                sig.name_changed,
                old.fragment,
                partner.fragment,
                (old.span,),
                (partner.span,),
                partner.span[0],
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# Conditions and exceptions


def _numbers_masked(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple("#" if w[:1].isdigit() or w.startswith("date:") else w for w in words)


def _clause_text(text: Text, clause: Clause) -> str:
    return text.span(clause.first, clause.last)


def _clause_span(text: Text, clause: Clause) -> Span:
    return _span(text, clause.first, clause.last)


def conditions(s: Sides) -> list[Finding]:
    """Conditions added, removed, reversed (if ↔ unless) or changed."""
    removed, added = split_matched(s.old.conditions, s.new.conditions, lambda c: (c.label, c.content))
    sig = s.sig
    out: list[Finding] = []
    while removed and added:
        old, new = removed.pop(0), added.pop(0)
        if old.label != new.label:
            headline, value = "Condition reversed", sig.condition_added
        elif _numbers_masked(old.content) == _numbers_masked(new.content):
            continue  # only a number or date inside changed: the number rule says which
        else:
            headline, value = "Condition changed", sig.condition_changed
        out.append(
            Finding(
                "condition",
                headline,
                value,
                _clause_text(s.old.text, old),
                _clause_text(s.new.text, new),
                (_clause_span(s.old.text, old),),
                (_clause_span(s.new.text, new),),
                _pos(s.new.text, new.first),
            )
        )
    for c in removed:
        out.append(
            Finding(
                "condition",
                "Condition removed",
                sig.condition_removed,
                _clause_text(s.old.text, c),
                "",
                (_clause_span(s.old.text, c),),
                (),
                _pos(s.old.text, c.first),
            )
        )
    for c in added:
        out.append(
            Finding(
                "condition",
                "Condition added",
                sig.condition_added,
                "",
                _clause_text(s.new.text, c),
                (),
                (_clause_span(s.new.text, c),),
                _pos(s.new.text, c.first),
            )
        )
    return out


def exceptions(s: Sides) -> list[Finding]:
    """Exceptions and exclusions added, removed, widened or narrowed. The marker's wording is
    not the point: "shall not apply to war crimes" and "other than war crimes" are one
    exclusion."""
    removed, added = split_matched(s.old.exceptions, s.new.exceptions, lambda c: c.content)
    sig = s.sig
    out: list[Finding] = []
    while removed and added:
        old, new = removed.pop(0), added.pop(0)
        if _numbers_masked(old.content) == _numbers_masked(new.content):
            continue
        old_items, new_items = set(old.items), set(new.items)
        if old_items < new_items or (old_items <= new_items and len(new.content) > len(old.content)):
            headline = "Exception widened"
        elif new_items < old_items:
            headline = "Exception narrowed"
        else:
            headline = "Exception changed"
        out.append(
            Finding(
                "exception",
                headline,
                sig.exception_changed,
                _clause_text(s.old.text, old),
                _clause_text(s.new.text, new),
                (_clause_span(s.old.text, old),),
                (_clause_span(s.new.text, new),),
                _pos(s.new.text, new.first),
            )
        )
    for c in removed:
        out.append(
            Finding(
                "exception",
                "Exception removed",
                sig.exception_removed,
                _clause_text(s.old.text, c),
                "",
                (_clause_span(s.old.text, c),),
                (),
                _pos(s.old.text, c.first),
            )
        )
    for c in added:
        out.append(
            Finding(
                "exception",
                "Exception added",
                sig.exception_added,
                "",
                _clause_text(s.new.text, c),
                (),
                (_clause_span(s.new.text, c),),
                _pos(s.new.text, c.first),
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# Scope words

_PARTNERS = {
    "universal": "restrictive",
    "restrictive": "universal",
    "permanent": "temporary",
    "temporary": "permanent",
    "lower_bound": "upper_bound",
    "upper_bound": "lower_bound",
}
_SCOPE_ADDED = {
    "universal": "Scope widened",
    "restrictive": "Scope narrowed",
    "permanent": "Made permanent",
    "temporary": "Made temporary",
    "lower_bound": "Minimum added",
    "upper_bound": "Maximum added",
}
_SCOPE_REMOVED = {
    "universal": "Scope narrowed",
    "restrictive": "Scope widened",
    "permanent": "No longer permanent",
    "temporary": "No longer temporary",
    "lower_bound": "Minimum removed",
    "upper_bound": "Maximum removed",
}
_SCOPE_SWAPPED = {
    "universal": "Scope narrowed",
    "restrictive": "Scope widened",
    "permanent": "Made temporary",
    "temporary": "Made permanent",
    "lower_bound": "Limit reversed",
    "upper_bound": "Limit reversed",
}


@dataclass(frozen=True, slots=True)
class _Scope:
    group: str
    norm: str
    context: tuple[str, ...]  # the next two words, to show and to find the place on the other side
    fragment: str
    span: Span
    index: int


def _scopes(side: Analysis, compiled: Compiled) -> list[_Scope]:
    text = side.text
    out: list[_Scope] = []
    for hit in compiled.scope.find(text):
        _, b = _window(text, hit.first, hit.last, before=0, after=2)
        context = text.words(hit.last, b)
        out.append(
            _Scope(
                hit.label,
                hit.norm,
                context,
                text.span(hit.first, b),
                _span(text, hit.first, hit.last),
                hit.first,
            )
        )
    return out


def _scope_value(sig: Significance, group: str) -> float:
    match group:
        case "permanent" | "temporary":
            return sig.scope_duration
        case "lower_bound" | "upper_bound":
            return sig.scope_restrictive
        case "restrictive":
            return sig.scope_restrictive
        case _:
            return sig.scope_universal


def _context_in(text: Text, context: tuple[str, ...]) -> tuple[str, Span] | None:
    if not context:
        return None
    words = [(k, t.norm) for k, t in enumerate(text.tokens) if t.kind != "punct"]
    for n in range(len(words) - len(context) + 1):
        if tuple(w for _, w in words[n : n + len(context)]) == context:
            first, last = words[n][0], words[n + len(context) - 1][0] + 1
            return text.span(first, last), _span(text, first, last)
    return None


def scope(s: Sides) -> list[Finding]:
    """Scope words added, removed or swapped (all, only, permanently, temporarily, not less
    than ↔ up to)."""
    removed, added = split_matched(
        _scopes(s.old, s.compiled), _scopes(s.new, s.compiled), lambda x: (x.group, x.norm)
    )
    sig = s.sig
    out: list[Finding] = []
    # Words of one list are interchangeable ("each" for "every"): drop such swaps.
    for old in list(removed):
        same = next((n for n in added if n.group == old.group), None)
        if same is not None:
            removed.remove(old)
            added.remove(same)
    for old in list(removed):
        partner = next((n for n in added if n.group == _PARTNERS[old.group]), None)
        if partner is None:
            continue
        removed.remove(old)
        added.remove(partner)
        value = sig.scope_bound if old.group.endswith("bound") else _scope_value(sig, old.group)
        out.append(
            Finding(
                "scope",
                _SCOPE_SWAPPED[old.group],
                value,
                old.fragment,
                partner.fragment,
                (old.span,),
                (partner.span,),
                partner.span[0],
            )
        )
    for old in removed:
        found = _context_in(s.new.text, old.context)
        out.append(
            Finding(
                "scope",
                _SCOPE_REMOVED[old.group],
                _scope_value(sig, old.group),
                old.fragment,
                found[0] if found else "",
                (old.span,),
                (),
                old.span[0],
            )
        )
    for new in added:
        found = _context_in(s.old.text, new.context)
        out.append(
            Finding(
                "scope",
                _SCOPE_ADDED[new.group],
                _scope_value(sig, new.group),
                found[0] if found else "",
                new.fragment,
                (),
                (new.span,),
                new.span[0],
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# Recognition wording


def recognition(s: Sides) -> list[Finding]:
    """Recognition wording changed, added or removed (de jure ↔ de facto, sovereignty, status)."""

    def read(side: Analysis) -> list[tuple[str, str, Span, int]]:
        text = side.text
        out: list[tuple[str, str, Span, int]] = []
        for hit in s.compiled.recognition.find(text):
            a, b = _window(text, hit.first, hit.last, before=1, after=1)
            out.append((hit.norm, text.span(a, b), _span(text, hit.first, hit.last), hit.first))
        return out

    removed, added = split_matched(read(s.old), read(s.new), lambda r: r[0])
    value = s.sig.recognition
    out: list[Finding] = []
    while removed and added:
        old, new = removed.pop(0), added.pop(0)
        out.append(
            Finding(
                "recognition",
                "Recognition wording changed",
                value,
                old[1],
                new[1],
                (old[2],),
                (new[2],),
                new[2][0],
            )
        )
    for r in removed:
        out.append(
            Finding("recognition", "Recognition wording removed", value, r[1], "", (r[2],), (), r[2][0])
        )
    for r in added:
        out.append(Finding("recognition", "Recognition wording added", value, "", r[1], (), (r[2],), r[2][0]))
    return out


# ---------------------------------------------------------------------------------------------
# Bracketed (unagreed) text


@dataclass(frozen=True, slots=True)
class _Bracket:
    content: tuple[str, ...]
    fragment: str
    span: Span


def _brackets(text: Text) -> list[_Bracket]:
    """Outermost [ … ] segments of the original text (the tokens of a Text skip brackets)."""
    out: list[_Bracket] = []
    original = text.original
    depth = 0
    start = 0
    for k, ch in enumerate(original):
        if ch == "[":
            if depth == 0:
                start = k
            depth += 1
        elif ch == "]" and depth:
            depth -= 1
            if depth == 0:
                words = tuple(w for w in content_key(original[start + 1 : k]) if w not in {"[", "]"})
                out.append(_Bracket(words, original[start : k + 1], (start, k + 1)))
    return out


def _contains(text: Text, words: tuple[str, ...]) -> tuple[str, Span] | None:
    return _context_in(text, words)


def brackets(s: Sides) -> list[Finding]:
    """Bracketed (not yet agreed) text added, removed, agreed (brackets lifted) or reopened."""
    removed, added = split_matched(_brackets(s.old.text), _brackets(s.new.text), lambda b: b.content)
    sig = s.sig
    out: list[Finding] = []
    for b in removed:
        kept = _contains(s.new.text, b.content) if b.content else None
        if kept is not None:
            out.append(
                Finding(
                    "brackets",
                    "Brackets lifted (text agreed)",
                    sig.brackets_lifted,
                    b.fragment,
                    kept[0],
                    (b.span,),
                    (kept[1],),
                    kept[1][0],
                )
            )
        else:
            out.append(
                Finding(
                    "brackets",
                    "Bracketed text deleted",
                    sig.brackets_removed,
                    b.fragment,
                    "",
                    (b.span,),
                    (),
                    b.span[0],
                )
            )
    for b in added:
        before = _contains(s.old.text, b.content) if b.content else None
        if before is not None:
            out.append(
                Finding(
                    "brackets",
                    "Text put in brackets (reopened)",
                    sig.brackets_reopened,
                    before[0],
                    b.fragment,
                    (before[1],),
                    (b.span,),
                    b.span[0],
                )
            )
        else:
            out.append(
                Finding(
                    "brackets",
                    "Bracketed text added",
                    sig.brackets_added,
                    "",
                    b.fragment,
                    (),
                    (b.span,),
                    b.span[0],
                )
            )
    return out


# ---------------------------------------------------------------------------------------------
# Cross-references


def references(s: Sides) -> list[Finding]:
    """Cross-references changed (low: most follow a renumbering)."""
    from draftkit.compare.refs import find_references

    def read(original: str) -> list[tuple[str, str, Span]]:
        return [(" ".join(content_key(r.text)), r.text, (r.start, r.end)) for r in find_references(original)]

    removed, added = split_matched(read(s.old.text.original), read(s.new.text.original), lambda r: r[0])
    value = s.sig.reference
    out: list[Finding] = []
    while removed and added:
        old, new = removed.pop(0), added.pop(0)
        out.append(
            Finding(
                "reference", "Cross-reference changed", value, old[1], new[1], (old[2],), (new[2],), new[2][0]
            )
        )
    for r in removed:
        out.append(Finding("reference", "Cross-reference removed", value, r[1], "", (r[2],), (), r[2][0]))
    for r in added:
        out.append(Finding("reference", "Cross-reference added", value, "", r[1], (), (r[2],), r[2][0]))
    return out


# ---------------------------------------------------------------------------------------------
# All content rules on one pair of texts

CONTENT_RULES: tuple[Callable[[Sides], list[Finding]], ...] = (
    obligation,
    negation,
    recognition,
    numbers,
    dates,
    names,
    conditions,
    exceptions,
    scope,
    brackets,
    references,
)


@dataclass(slots=True)
class Reader:
    """Analyses texts once per taxonomy (a comparison repeats texts: splits, merges, moves)."""

    taxonomy: Taxonomy
    _cache: dict[str, Analysis] = field(default_factory=dict)

    def analyse(self, text: str) -> Analysis:
        """The analysis of one text, cached."""
        found = self._cache.get(text)
        if found is None:
            found = Analysis.of(text, self.taxonomy.compiled)
            self._cache[text] = found
        return found


def content_findings(old: str, new: str, reader: Reader) -> list[Finding]:
    """What every content rule finds between two texts (nothing when only cosmetics differ)."""
    if content_key(old) == content_key(new):
        return []
    sides = Sides(reader.analyse(old), reader.analyse(new), reader.taxonomy)
    out: list[Finding] = []
    for rule in CONTENT_RULES:
        out.extend(rule(sides))
    # A cross-reference inside an added condition (or any other finding) is part of it.
    others = [f for f in out if f.rule != "reference"]
    old_spans = [sp for f in others for sp in f.old_spans]
    new_spans = [sp for f in others for sp in f.new_spans]
    out = [
        f
        for f in out
        if f.rule != "reference"
        or not (
            any(_overlaps(old_spans, *sp) for sp in f.old_spans)
            or any(_overlaps(new_spans, *sp) for sp in f.new_spans)
        )
    ]
    # What stands inside bracketed text added or deleted as a whole is unagreed text: the
    # brackets flag quotes it, once ("[and in accordance with … the Republic of Veloria]").
    added = [sp for f in out if f.headline == "Bracketed text added" for sp in f.new_spans]
    deleted = [sp for f in out if f.headline == "Bracketed text deleted" for sp in f.old_spans]
    return [f for f in out if f.rule == "brackets" or not _inside(f, deleted, added)]


def _inside(finding: Finding, old: Sequence[Span], new: Sequence[Span]) -> bool:
    """True when every span of a finding lies within one of the given spans of its side."""
    spans = [(sp, old) for sp in finding.old_spans] + [(sp, new) for sp in finding.new_spans]
    return bool(spans) and all(any(s <= a and b <= e for s, e in within) for (a, b), within in spans if b > a)


def _overlaps(spans: Sequence[Span], a: int, b: int) -> bool:
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
        if _overlaps(old_spans, sa, ea) or _overlaps(new_spans, sb, eb):
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
