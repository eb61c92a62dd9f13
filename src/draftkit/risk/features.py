"""Features: what the significance rules read in one text, before any comparison.

Takes one text, analysed (risk/analysis.py: tokens with cross-references masked, condition
and exception clauses) with the taxonomy's phrase sets, and hands on lists of features —
modal verbs with the verb they govern, negations, quantities with units, dates, condition
and exception clauses, scope words, recognition wording, cross-references
(names: risk/names.py). Every feature is `Located` (risk/findings.py): its fragment as the
drafter wrote it, its character spans and its place, so a finding can quote it. Guarantees:
an extractor reads one side only (never the other text), in text order, and a `Side` runs
each extractor at most once — `Reader` keeps one `Side` per text, as a comparison repeats
texts (splits, merges, moves). Normalised fields (`key`, `norm`, `content`) are what the
rules pair on, so cosmetic edits give equal features.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from draftkit.records import record
from draftkit.risk.analysis import Analysis, Clause, in_a_name, negated_subject, not_limited_at, references_in
from draftkit.risk.counted import (
    RESOLUTIONS,
    elliptical,
    noun_after_compound,
    one_sentence,
    said_again,
    years_cited,
)
from draftkit.risk.findings import Quote, Span, position_of, span_of
from draftkit.risk.lemmas import language_of, lemma_forms, same_stem
from draftkit.risk.magnitudes import HALF_SCALES_IN_ONE_WORD, Scale, lone_scales, scaled, shares
from draftkit.risk.phrases import PhraseSet, PhraseSets
from draftkit.risk.senses import (
    actors_declare,
    describes,
    examines,
    in_any_case,
    no_hedge,
    no_number_bounded,
    not_suspension,
    of_effort,
)
from draftkit.risk.taxonomy import OBLIGATION_LEVELS, Compiled, Taxonomy
from draftkit.risk.tokens import Text, Token, and_a_half, content_key

F = TypeVar("F")


class Side:
    """One text analysed, with each kind of feature read from it at most once."""

    __slots__ = ("_features", "analysis", "compiled")

    def __init__(self, analysis: Analysis, compiled: Compiled) -> None:
        self.analysis = analysis
        self.compiled = compiled
        self._features: dict[object, tuple[object, ...]] = {}

    @property
    def text(self) -> Text:
        """The tokenised text."""
        return self.analysis.text

    @property
    def lemmas(self) -> Text:
        """The text's lemma view: the same tokens, each word in its dictionary form."""
        return self.features(_lemma_view)[0]

    @property
    def lemma_set(self) -> frozenset[str]:
        """Every word's lemma, for "does the other side say this at all"."""
        return self.features(_lemma_words)[0]

    def features(self, extract: Callable[[Side], Sequence[F]]) -> tuple[F, ...]:
        """What `extract` reads in this text (read once, then remembered)."""
        found = self._features.get(extract)
        if found is None:
            found = self._features[extract] = tuple(extract(self))
        return found  # type: ignore[return-value]  # (stored by `extract`: its own type)


def _lemma_view(side: Side) -> list[Text]:
    langs = language_of(side.text.original) if not side.text.original.isascii() else ("en",)
    lemmas = side.text.mapped(lemma_forms(langs))
    side.compiled.lemma_sets.find_all(lemmas)  # names and qualifiers, read in one scan
    return [lemmas]


def _lemma_words(side: Side) -> list[frozenset[str]]:
    return [frozenset(t.norm for t in side.lemmas.tokens if t.kind == "word")]


def mentions(side: Side, lemma: str) -> bool:
    """True when a word with this lemma (or one of its stem) stands in the side's text."""
    if lemma in side.lemma_set:
        return True
    return len(lemma) >= 5 and any(same_stem(lemma, w) for w in side.lemma_set if w[:4] == lemma[:4])


@dataclass(slots=True)
class Reader:
    """Analyses texts once per taxonomy (a comparison repeats texts: splits, merges, moves)."""

    taxonomy: Taxonomy
    _cache: dict[str, Analysis] = field(default_factory=dict)
    _sides: dict[str, Side] = field(default_factory=dict)

    def analyse(self, text: str, phrases: PhraseSets | None = None) -> Analysis:
        """The analysis of one text, cached (read for `phrases` too: by default, modal verbs)."""
        found = self._cache.get(text)
        if found is None:
            found = Analysis.of(text, self.taxonomy.compiled, phrases)
            self._cache[text] = found
        return found

    def side(self, text: str) -> Side:
        """One text as a side of a comparison, its features cached."""
        found = self._sides.get(text)
        if found is None:
            compiled = self.taxonomy.compiled
            analysis = self.analyse(text, compiled.rule_sets)
            compiled.rule_sets.find_all(analysis.text)  # (the text may have been read for modals only)
            found = Side(analysis, compiled)
            self._sides[text] = found
        return found


# ---------------------------------------------------------------------------------------------
# Shared helpers: a few words around a feature, and where given words stand in a text


def window(text: Text, first: int, last: int, before: int = 2, after: int = 2) -> tuple[int, int]:
    """Tokens [first, last) widened by up to `before` and `after` words, not across , ; : ."""
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


def counterpart(other: Text, text: Text, first: int, last: int) -> Quote | None:
    """Where the words around tokens [first, last) of `text` stand in `other`, without them."""
    before = [t.norm for t in text.tokens[max(0, first - 2) : first]]
    after = [t.norm for t in text.tokens[last : last + 2]]
    norms = [t.norm for t in other.tokens]
    probe = before + after
    if not probe:
        return None
    for k in range(len(norms) - len(probe) + 1):
        if norms[k : k + len(probe)] == probe:
            return Quote(
                other.span(k, k + len(probe)), (span_of(other, k, k + len(probe)),), position_of(other, k)
            )
    return None


def words_in(text: Text, words: tuple[str, ...]) -> Quote | None:
    """Where normalised `words` stand in `text`, punctuation between them ignored."""
    run = text.run_of(words)
    if run is None:
        return None
    span = span_of(text, *run)
    return Quote(text.span(*run), (span,), span[0])


# ---------------------------------------------------------------------------------------------
# Modal verbs with the verb they govern

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


@record
class Modal:
    """'shall withdraw': the modal's strength (4 binding … 1 discretionary) and governed verb."""

    level: int
    verb: str
    negated: bool
    fragment: str
    spans: tuple[Span, ...]
    position: int
    lemma: str = ""  # the governed verb's lemma ("be redeveloped" → "redevelop")


# "It is expected that Russia will not attack": a modal inside a that-clause takes the
# strength of the verb that frames it, so the translator's "is not expected to attack" is the
# same commitment. Frame lemma → class (4 binding, 2 best effort).
_FRAMES = {
    **dict.fromkeys(("agree", "undertake", "commit", "guarantee", "ensure"), 4),
    **dict.fromkeys(("expect", "очікуватися", "ожидаться"), 2),
}
_THAT = {"that", "що", "что", "щоб", "чтобы"}


def _frame_level(side: Side, first: int) -> int | None:
    """The class of a framing verb before 'that' in the same sentence, if any."""
    tokens = side.text.tokens
    lemmas = side.lemmas.tokens
    k = first - 1
    while k > 0 and first - k < 10 and tokens[k].norm not in {".", ";", ":"}:
        if tokens[k].norm in _THAT:
            for j in range(max(0, k - 2), k):
                level = _FRAMES.get(lemmas[j].norm)
                if level is not None:
                    return level
            return None
        k -= 1
    return None


_NOT_VERBS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "it", "them"}


# A modal of consideration governs a noun: "will consider the deployment of a force" weighs
# the deployment (the verb "deploy"), as "will deploy a force" commits to it.
_CONSIDER = {
    "consider",
    "examine",
    "explore",
    "study",
    "розглянути",
    "розглядати",
    "рассмотреть",
    "рассматривать",
}
# "докладуть зусиль, щоб надати": the governed verb after "in order to".
_IN_ORDER_TO = {"щоб", "чтобы", "аби"}


def _sentence_initial(text: Text, index: int) -> bool:
    return index == 0 or text.tokens[index - 1].norm in {".", ";", ":", "!", "?", "(", '"'}


_BINDING = dict(OBLIGATION_LEVELS)["binding"]


def modals(side: Side) -> list[Modal]:
    """Modal verbs outside exception markers, each with the verb it governs."""
    compiled = side.compiled
    text = side.text
    tokens = text.tokens
    negations = {k for hit in compiled.negation.find(text) for k in range(hit.first, hit.last)}
    out: list[Modal] = []
    for hit in compiled.obligation.find(text):
        if side.analysis.in_marker(hit.first, hit.last):
            continue
        nominal = side.lemmas.tokens[hit.last - 1].norm in _CONSIDER
        if hit.last < len(tokens) and tokens[hit.last].norm in _NOT_VERBS and not nominal:
            continue  # "agree to this proposal": a noun follows, not a governed verb
        if hit.norm == "should" and _sentence_initial(text, hit.first):
            continue  # "Should both sides accept …": a condition, not a modal
        level = _frame_level(side, hit.first) or int(hit.label)
        if examines(tokens, hit.norm, hit.last):
            level = _BINDING  # "shall consider the report": a duty to examine it
        j = hit.last
        skipped = False
        negated = any(k in negations for k in range(hit.first, hit.last))
        if negated_subject(text, hit.first):  # "No armed group may operate" forbids, as "may not" does
            negated, level = True, 4 if level == 1 else level
        if nominal:
            while j < len(tokens) and tokens[j].norm in _NOT_VERBS:
                j += 1
        if j + 1 < len(tokens) and tokens[j].norm == "," and tokens[j + 1].norm in _IN_ORDER_TO:
            j += 2
            skipped = True
        # "shall, within 60 days of …, withdraw": step over a parenthetical between commas.
        elif j < len(tokens) and tokens[j].norm == ",":
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
            spans = (span_of(text, hit.first, hit.last), span_of(text, j, verb_last))
        else:
            fragment = text.span(hit.first, verb_last) if verb else modal_text
            spans = (span_of(text, hit.first, verb_last),)
        lemma = side.lemmas.tokens[verb_last - 1].norm if verb else ""
        out.append(Modal(level, verb, negated, fragment, spans, position_of(text, hit.first), lemma))
    return out


# ---------------------------------------------------------------------------------------------
# Negations


@record
class Negation:
    """'not' (or 'не') with the words either side of it; tokens [first, last)."""

    key: tuple[str, str, str]  # the negation, the word before, the word after
    first: int
    last: int
    fragment: str  # with two words of context each side
    spans: tuple[Span, ...]  # the negation itself
    position: int


def _owned_by_phrases(side: Side) -> set[int]:
    """Tokens inside phrases that carry their own 'not' ("not less than", "not later than")."""
    owned: set[int] = set()
    for phrases in (side.compiled.scope, side.compiled.deadlines):
        for hit in phrases.find(side.text):
            owned.update(range(hit.first, hit.last))
    for clause in side.analysis.exceptions:
        owned.update(range(clause.first, clause.body))
    return owned


_CLAUSE_MARKS = frozenset(",;:.")


def _clause_index(side: Side, index: int) -> int:
    """Which clause (counted by , ; : . before it) token `index` stands in."""
    return bisect_left(side.text.positions(_CLAUSE_MARKS), index)


def negations(side: Side) -> list[Negation]:
    """Negations that are not part of a scope, deadline or exception phrase."""
    text = side.text
    tokens = text.tokens
    owned = _owned_by_phrases(side)
    out: list[Negation] = []
    last_clause, last_not = -1, ""
    for hit in side.compiled.negation.find(text):
        if any(k in owned for k in range(hit.first, hit.last)) or not_limited_at(text, hit.first):
            continue
        if describes(tokens, hit.first):
            continue  # "a terror-free zone that poses no threat to its neighbours": what it is
        # One clause negates once, however many words carry it: "neither … nor", "жодних …
        # не буде", "никакие … не будут", "Nothing … does not" (negative concord).
        clause = _clause_index(side, hit.first)
        if clause == last_clause and not hit.norm == last_not == "not":  # "have not … will not": two
            continue
        last_clause, last_not = clause, hit.norm
        before = next((tokens[k].norm for k in range(hit.first - 1, -1, -1) if tokens[k].kind != "punct"), "")
        after = next((tokens[k].norm for k in range(hit.last, len(tokens)) if tokens[k].kind != "punct"), "")
        # What the negation negates, not only where it stands: the rest of its clause
        # ("not apply to persons accused of war crimes"), as an analyst names it.
        a, b = window(text, hit.first, hit.last, before=2, after=14)
        out.append(
            Negation(
                (hit.norm, before, after),
                hit.first,
                hit.last,
                text.span(a, b),
                (span_of(text, hit.first, hit.last),),
                position_of(text, hit.first),
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# Numbers with their units, durations, years, dates


@record
class Quantity:
    """A number with its class and unit, in the class's base unit too."""

    cls: str  # distance, calibre, time, personnel, percent, money, count, year
    unit: str  # normalised unit word (currency for money)
    unit_text: str
    value: float  # as written (with multiplier)
    base: float  # in the class's base unit
    factor: float
    prefix: str  # "by" / "not_before" / ""
    fragment: str
    spans: tuple[Span, ...]
    position: int
    # A number in words before a noun no unit class knows ("two representatives"): compared
    # with the same noun's number on the other side, never reported alone ("one Party" →
    # "either Party" drops no quantity).
    words_only: bool = False
    per: int = 0  # a rate: the days of its period ("$200 million annually", "per year": 365)


# One code per currency, however it is written ("$100 bn" = "USD 100 billion").
_CURRENCY = {
    "$": "usd", "usd": "usd", "dollar": "usd", "dollars": "usd", "доларів": "usd", "долари": "usd",
    "долар": "usd", "долларов": "usd", "доллар": "usd", "доллара": "usd",
    "€": "eur", "eur": "eur", "euro": "eur", "euros": "eur", "євро": "eur", "евро": "eur",
    "£": "gbp", "gbp": "gbp", "pound": "gbp", "pounds": "gbp",
    "uah": "uah", "hryvnia": "uah", "hryvnias": "uah", "гривень": "uah", "гривні": "uah",
    "rub": "rub", "rubles": "rub", "roubles": "rub", "рублів": "rub", "рублей": "rub",
}  # fmt: skip


def _unit(side: Side, k: int) -> tuple[str, float] | None:
    """The unit (class, factor) token k stands for: its normalised form, else its lemma
    ("тисячами" is "тисяча", "soldiers" is "soldier")."""
    units = side.compiled.units
    found = units.get(side.text.tokens[k].norm)
    if found is None and side.text.tokens[k].kind == "word":
        found = units.get(side.lemmas.tokens[k].norm)
    return found


def _shares(side: Side, skip: set[int], scale: Scale) -> list[Quantity]:
    """Shares of a whole (risk.magnitudes: '50:50', '2/3', 'two thirds', 'equally'), as
    percentages."""
    text = side.text
    out: list[Quantity] = []
    for first, last, share in shares(text, skip, scale):
        span = span_of(text, first, last)
        out.append(
            Quantity("percent", "%", "", share, share, 1.0, "", text.span(first, last), (span,), span[0])
        )
    return out


_WORKING = frozenset({"working", "business", "робочих", "робочі", "рабочих", "рабочие"})


def _year(side: Side) -> float | None:
    """A year in the taxonomy's time unit (8,760 hours in the shipped one)."""
    return side.compiled.units.get("year", ("", None))[1]


_AGE_WORDS = frozenset({"віку", "віком", "молодше", "возраста", "возрасте", "моложе"})


def _of_age(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Whether the years at tokens [first, last) are an age: "the age of", "aged" just before,
    "of age" just after; "віку", "віком", "возрасте", "моложе" just before or after."""
    before = {t.norm for t in tokens[max(0, first - 3) : first]}
    after = [t.norm for t in tokens[last : last + 2]]
    if "age" in before or "aged" in before or after[:2] == ["of", "age"]:
        return True
    return bool(_AGE_WORDS & before) or not _AGE_WORDS.isdisjoint(after)


def _restated_after_unit(side: Side, tokens: Sequence[Token], i: int) -> bool:
    """Whether the number at `i` and its unit are said again in brackets right after them
    ("seventy-five percent (75%)", "десять кілометрів (10 км)"): the same number, with no
    unit or one of the same size."""
    if i + 4 >= len(tokens) or tokens[i + 2].norm != "(" or tokens[i + 3].value != tokens[i].value:
        return False
    unit, closed = _unit(side, i + 1), tokens[i + 4].norm == ")"
    again = closed or (i + 5 < len(tokens) and tokens[i + 5].norm == ")" and _unit(side, i + 4) == unit)
    return unit is not None and unit[0] != "multiplier" and tokens[i + 3].kind == "number" and again


def quantities(side: Side) -> list[Quantity]:
    """Numbers written in figures (or spelled with a unit), with unit, multiplier, prefix."""
    text = side.text
    tokens = text.tokens
    prefixes = {hit.last: hit for hit in side.compiled.deadlines.find(text)}
    out: list[Quantity] = []
    skip: set[int] = set()
    after: dict[int, int] = {}
    numbers = text.indices("number")
    for i in numbers:
        tok = tokens[i]
        # "thirty (30) days": the number in brackets repeats the words; read it once.
        if (
            i + 3 < len(tokens)
            and tokens[i + 1].norm == "("
            and tokens[i + 2].kind == "number"
            and tokens[i + 2].value == tok.value
            and tokens[i + 3].norm == ")"
        ):
            skip.add(i + 2)
            after[i] = i + 4
        elif _restated_after_unit(side, tokens, i):  # "seventy-five percent (75%)"
            skip.add(i + 3)
    if not text.forms().isdisjoint(RESOLUTIONS):
        skip.update(years_cited(text))

    def scale(k: int) -> float | None:
        if k >= len(tokens):
            return None
        found = _unit(side, k)
        if found is not None and found[0] == "multiplier":
            return found[1]
        return HALF_SCALES_IN_ONE_WORD.get(tokens[k].norm)  # "півмільйона": no taxonomy word

    out.extend(_shares(side, skip, scale))
    listed: tuple[int, tuple[str, str, str, float]] | None = None  # the last number with a unit
    timed: tuple[int, tuple[str, str, str, float]] | None = None  # … and the last duration
    lone = lone_scales(text, scale)  # "a million dollars", "мільйон гривень"
    for at, (_, begin) in lone.items():
        skip.update(range(begin, at))  # "one third of a million": not 1, nor 3
    for i in sorted((*numbers, *lone)) if lone else numbers:
        tok = tokens[i]
        alone = tok.kind == "word"
        if i in skip or (not alone and (tok.value is None or tok.value != tok.value)):
            continue
        begin = lone[i][1] if alone else i  # "half a million": the quote starts at "half"
        currency = begin > 0 and (_unit(side, begin - 1) or ("", 0.0))[0] == "currency"
        value, j, taken = scaled(
            tokens, i if alone else after.get(i, i + 1), lone[i][0] if alone else tok.value or 0.0, scale,
            spelled=alone or tok.spelled, money=currency,
        )  # fmt: skip
        skip.update(taken)  # "97 млн 750 тис.": the 750 is part of one number
        if said_again(tokens, j, value):  # "five thousand (5,000) prisoners": read once
            skip.add(j + 1)
            j += 3
        cls, factor, unit, unit_text, last = "", 1.0, "", "", j
        for k in (j, j + 1):  # "800,000 personnel", "800,000 military personnel"
            found = _unit(side, k) if k < len(tokens) else None
            if found is not None and found[0] != "multiplier":
                cls, factor = found
                if k > j and cls == "time" and factor == 24 and tokens[j].norm in _WORKING:
                    factor = 24 * 7 / 5  # "30 working days": six weeks, not thirty days
                unit, unit_text, last = tokens[k].norm, text.span(k, k + 1), k + 1
                break
            if k < len(tokens) and tokens[k].kind != "word":
                break
        first = begin
        if currency:
            # "$200 million per year": the money is in dollars, not in hours of a year
            cls, factor, unit, unit_text, first = (
                "currency",
                1.0,
                tokens[begin - 1].norm,
                text.span(begin - 1, begin),
                begin - 1,
            )
            last = j
        if cls == "currency":
            cls = "money"
            unit = _CURRENCY.get(unit, unit)
        if cls == "personnel":
            unit = "personnel"  # people, troops, soldiers, members: one class of noun
        day = _unit(side, i - 1) if not cls and i > 0 and tokens[i - 1].norm == "day" else None
        if day is not None and value < 1000:  # "on Day 30": the thirtieth day, as "the 30th day" is
            (cls, factor), unit, unit_text, first, last = day, "day", text.span(i - 1, i), i - 1, j
        words_only = (alone or tok.spelled) and not cls and i not in after
        if not cls:
            if 1900 <= value <= 2200 and value == int(value) and "." not in tok.norm:
                cls = "year"
            elif (shared := timed if first in prefixes else listed) is not None and (
                elliptical(tokens, j) and one_sentence(tokens, shared[0], i)
            ):
                # "24,000 troops in Southern Sudan, 6,000 in the Nuba Mountains": troops too;
                # "within 30 days, and 200 within 60": after a deadline's word, days
                cls, unit, unit_text, factor = shared[1]
            else:
                cls = "count"
                j = noun_after_compound(text, j)  # "250 life-sentence prisoners": prisoners
                if j < len(tokens) and tokens[j].kind == "word":
                    unit, unit_text, last = side.lemmas.tokens[j].norm, text.span(j, j + 1), j + 1
        if cls == "time" and factor == _year(side) and _of_age(tokens, first, last):
            cls = "age"  # "under the age of eighteen years", "15 years of age": who, not when
        if cls not in ("year", "count") or unit:
            listed = (i, (cls, unit, unit_text, factor))
            if cls == "time":
                timed = listed
        # "одного раза в месяц": how often (risk.frequency), not an amount counted per month
        per = _per(side, last) if cls in ("money", "count", "personnel") and unit not in _TIMES else 0
        prefix_hit = prefixes.get(first)
        prefix = prefix_hit.label if prefix_hit is not None and cls == "time" else ""
        start = prefix_hit.first if prefix_hit is not None and cls == "time" else first
        span = span_of(text, start, last)
        out.append(
            Quantity(
                cls,
                unit,
                unit_text,
                value,
                value * factor,
                factor,
                prefix,
                text.span(start, last),
                (span,),
                span[0],
                words_only,
                per,
            )
        )
    # "within a year", "протягом року", "в течение месяца": a deadline of one unit.
    starts = {q.spans[0][0] for q in out}
    for at, hit in prefixes.items():
        k = at + 1 if at < len(tokens) and tokens[at].norm in {"a", "an"} else at
        found = _unit(side, k) if k < len(tokens) and tokens[k].kind == "word" else None
        if found is None or found[0] != "time" or tokens[k].start in starts:
            continue
        half = and_a_half(tokens, k + 1)  # "within a year and a half": 1.5 years
        value, end = (1.5, k + 1 + half) if half else (1.0, k + 1)
        span = span_of(text, hit.first, end)
        out.append(
            Quantity(
                "time", tokens[k].norm, text.span(k, k + 1), value, value * found[1], found[1], hit.label,
                text.span(hit.first, end), (span,), span[0],
            )
        )  # fmt: skip
    out.sort(key=lambda q: q.position)  # shares first found, then the figures: text order
    return out


_PERIOD_NOUNS = {
    "day": 1, "week": 7, "month": 30, "quarter": 91, "year": 365,
    "день": 1, "тиждень": 7, "місяць": 30, "квартал": 91, "рік": 365,
    "неделя": 7, "месяц": 30, "год": 365,
}  # fmt: skip
_PERIOD_ADVERBS = {
    "daily": 1, "weekly": 7, "monthly": 30, "quarterly": 91, "annually": 365, "yearly": 365,
    "щодня": 1, "щоденно": 1, "щотижня": 7, "щотижнево": 7, "щомісяця": 30, "щомісячно": 30,
    "щокварталу": 91, "щоквартально": 91, "щороку": 365, "щорічно": 365,
    "ежедневно": 1, "еженедельно": 7, "ежемесячно": 30, "ежеквартально": 91, "ежегодно": 365,
}  # fmt: skip
_EVERY = {"every", "each", "кожний", "каждый"}  # "every month", "кожного місяця", "каждый год"
_PER = {"per", "a", "an", "each", "every", "на", "в", "кожний", "каждый"}  # "$5 million per year"


def _per(side: Side, k: int) -> int:
    """The days of the period a quantity ending before token `k` is counted over ("annually",
    "per year", "a month", "на рік", "в год"), else 0."""
    tokens, words = side.text.tokens, side.lemmas.tokens
    if k < len(tokens) and (days := _PERIOD_ADVERBS.get(tokens[k].norm)) is not None:
        return days
    if k + 1 < len(tokens) and words[k].norm in _PER:
        if words[k].norm == "per" and words[k + 1].norm in _LATIN_PERIODS:
            return _LATIN_PERIODS[words[k + 1].norm]  # "$200 million per annum"
        after = words[k + 2].norm if k + 2 < len(words) else ""
        if words[k].norm in {"a", "an"} and after in _FROM_THEN:
            return 0  # "5,000 troops a month after signature": when, not how often
        return _PERIOD_NOUNS.get(words[k + 1].norm, 0)
    return 0


_LATIN_PERIODS = {"annum": 365, "diem": 1, "mensem": 30}
_TIMES = frozenset({"раз", "time"})  # "одного раза в месяц", "two times a year": a count of times
_FROM_THEN = frozenset({"after", "before", "following", "later", "prior"})  # "a year from 2025": a rate


# ---------------------------------------------------------------------------------------------
# Conditions and exceptions


@record
class ClauseFeature:
    """A condition or exception clause (risk/analysis.py `Clause`), located."""

    label: str  # "if" / "unless" for conditions, "except" for exceptions
    content: tuple[str, ...]  # normalised words of the body
    items: tuple[tuple[str, ...], ...]  # the body split at commas, 'and', 'or'
    fragment: str
    spans: tuple[Span, ...]
    position: int


def _located(text: Text, clauses: Sequence[Clause]) -> list[ClauseFeature]:
    return [
        ClauseFeature(
            c.label,
            c.content,
            c.items,
            text.span(c.first, c.last),
            (span_of(text, c.first, c.last),),
            position_of(text, c.first),
        )
        for c in clauses
    ]


def conditions(side: Side) -> list[ClauseFeature]:
    """Condition clauses ('if', 'unless', 'provided that')."""
    return _located(side.text, side.analysis.conditions)


def exceptions(side: Side) -> list[ClauseFeature]:
    """Exception and exclusion clauses ('except', 'other than', 'shall not apply to')."""
    return _located(side.text, side.analysis.exceptions)


# ---------------------------------------------------------------------------------------------
# Scope words


@record
class Scope:
    """A scope word ('all', 'only', 'permanently', 'not less than') and its group."""

    group: str
    norm: str
    context: tuple[str, ...]  # the next two words, to show and to find the place on the other side
    fragment: str  # the word with its context
    spans: tuple[Span, ...]  # the word alone
    position: int


_NEGATIVE_POLARITY = {"any", "будь які", "любой", "любые", "любых"}


def scopes(side: Side) -> list[Scope]:
    """Scope words with the two words after them."""
    text = side.text
    out: list[Scope] = []
    negated = {_clause_index(side, n.first) for n in side.features(negations)}
    from draftkit.risk.frequency import frequencies  # (it reads this module's period words)

    how_often = {f.first for f in side.features(frequencies)}
    for hit in side.compiled.scope.find(text):
        if hit.norm in _NEGATIVE_POLARITY and _clause_index(side, hit.first) in negated:
            continue  # "will not carry out any operations" = "will carry out no operations"
        if (
            hit.first in how_often
            or not_limited_at(text, hit.first)
            or in_any_case(text.tokens, hit.norm, hit.first)
        ):
            continue  # the "every" of "every month": how often; "not limited to": examples
        if no_number_bounded(text.tokens, hit.norm, hit.first, hit.last):
            continue  # "maximum restraint", "максимум усилий": no number bounded
        if no_hedge(text.tokens, hit.norm, hit.first):
            continue  # "когда это станет возможно": what becomes possible, not "perhaps"
        if not_suspension(text.tokens, hit.norm, hit.last):
            continue  # "suspended sentences": a penalty's kind, not a measure made temporary
        if hit.label == "universal" and (
            of_effort(text.tokens, hit.last) or actors_declare(text.tokens, hit.last)
        ):
            continue  # "all possible efforts": how hard, not how much; "all signatories confirm": who
        _, b = window(text, hit.first, hit.last, before=0, after=2)
        span = span_of(text, hit.first, hit.last)
        out.append(
            Scope(hit.label, hit.norm, text.words(hit.last, b), text.span(hit.first, b), (span,), span[0])
        )
    return out


# ---------------------------------------------------------------------------------------------
# Recognition wording


@record
class Grouped:
    """A word of a group of a taxonomy table, with a word either side: a remedy ([remedies]:
    'compensation', 'assistance', 'waive all claims') or a commitment ([commitments])."""

    group: str
    fragment: str
    spans: tuple[Span, ...]  # the words alone
    position: int


def remedies(side: Side) -> list[Grouped]:
    """Remedy words of the taxonomy's [remedies] table, not in a body's name (a "Transition
    Assistance Group" gives no assistance)."""
    return _grouped(side, side.compiled.remedies, names=False)


def commitments(side: Side) -> list[Grouped]:
    """Commitment words of the taxonomy's [commitments] table ("quality assurance" is none)."""
    return _grouped(side, side.compiled.commitments, after={"quality", "якості", "качества"})


def _grouped(
    side: Side, phrases: PhraseSet, after: Collection[str] = (), names: bool = True
) -> list[Grouped]:
    text = side.text
    out: list[Grouped] = []
    for hit in phrases.find(text):
        if (hit.first and text.tokens[hit.first - 1].norm in after) or (
            not names and in_a_name(text, hit.first)
        ):
            continue
        a, b = window(text, hit.first, hit.last, before=1, after=1)
        span = span_of(text, hit.first, hit.last)
        out.append(Grouped(hit.label, text.span(a, b), (span,), span[0]))
    return out


@record
class Recognition:
    """Recognition wording ('de jure', 'sovereignty', 'status')."""

    norm: str
    fragment: str  # with a word of context each side
    spans: tuple[Span, ...]  # the wording alone
    position: int


_AS = {"as", "як", "как"}
_ARTICLES = {"the", "a", "an"}
_OBJECT_WORDS = 6  # words of what something is recognised as


def recognitions(side: Side) -> list[Recognition]:
    """Recognition wording with a word of context; "recognised as X" with what it recognises
    ("recognised as the line of separation" → "… as the state border" is a change)."""
    text = side.text
    tokens = text.tokens
    out: list[Recognition] = []
    taken = 0  # "recognised as a sovereign state": "sovereign" is part of what is recognised
    for hit in side.compiled.recognition.find(text):
        if hit.first < taken:
            continue
        if hit.last < len(tokens) and tokens[hit.last].norm in _AS:
            end = hit.last + 1
            while (
                end < len(tokens) and tokens[end].norm not in CLAUSE_STOP and end - hit.last <= _OBJECT_WORDS
            ):
                end += 1
            what = [
                side.lemmas.tokens[k].norm
                for k in range(hit.last + 1, end)
                if tokens[k].norm not in _ARTICLES
            ]
            if what:
                taken = end
                span = span_of(text, hit.first, end)
                out.append(
                    Recognition(
                        f"{hit.norm} as {' '.join(what)}", text.span(hit.first, end), (span,), span[0]
                    )
                )
                continue
        a, b = window(text, hit.first, hit.last, before=1, after=1)
        span = span_of(text, hit.first, hit.last)
        out.append(Recognition(hit.norm, text.span(a, b), (span,), span[0]))
    return out


# ---------------------------------------------------------------------------------------------
# Cross-references


@record
class Reference:
    """A cross-reference ('Article 4(2)') as written in the original text."""

    key: str
    fragment: str
    spans: tuple[Span, ...]
    position: int


def references(side: Side) -> list[Reference]:
    """Cross-references of the original text (the tokens mask them)."""
    return [
        Reference(" ".join(content_key(r.text)), r.text, ((r.start, r.end),), r.start)
        for r in references_in(side.text.original)
    ]


CLAUSE_STOP = {",", ";", ".", ":", "!", "?", "(", ")"}  # where a clause ends


def urgent(side: Side) -> bool:
    """True when the text is about hostages, prisoners, detainees or a withdrawal."""
    return bool(side.compiled.urgent.find(side.lemmas))
