"""Two renderings of one text: what both must say, and one pair's findings weighed by it.

Takes the two sides of one aligned pair (risk.features.Side, as risk.rules read them) and the
pair's findings (risk.rules.content_findings); hands the findings on, some weighed as wording.
Two translations of one plan, or a text and its translation back, say the same thing in
other words: a rule that pairs features by their words (the verb a modal governs, the word
beside a name) reads a paraphrase as an obligation removed and another added, a place
dropped and another named. What a rendering cannot change without changing the text is
read on each side and compared as a whole (`differences`):

- numbers: quantities with their units, a bare figure with the word it counts ("6,000 in
  the air force"), a count in words only against the same noun's count on the other side
  (as risk.numbers pairs it);
- dates: calendar dates, durations with their direction ("within", "after"), frequencies,
  urgency ("immediately" = "at once"), the deadline markers that bound a number or a date;
- names: places, parties, bodies; one name said in other words is the same name (its words
  all stand on the other side, "the city of Hodeidah" / "Hodeidah city", "a committee to
  coordinate the redeployment" / "the Redeployment Coordination Committee"; its initials,
  "UNVIM"; a gazetteer alias, "UN" / "United Nations");
- negations, counted ("not to bring any" / "neither side will send");
- modal force: the modals below binding, by class (best effort, permissive), each modal's
  own class whatever frames it ("agreed that … may" is permissive here), and what a text says
  of its own force ("legally binding", "political commitments"); a plain statement binds as
  "shall" does, so "shall enter into force" / "takes effect" agree;
- conditions: condition and exception clauses, consent requirements, triggers ("upon",
  "once", "from the moment") and temporal limits ("until", "during"), counted;
- scope: the scope words that change what is covered ("all", "only", "permanently", "at
  least"; not "any" or "throughout", which translators add and drop), scope qualifiers
  ("additional", "part of");
- kinds of promise (guarantees / assurances / support), remedies, recognition wording,
  cross-references.

A finding is a rewording (`_rewording`) only in a reworded pair (`reworded`: the two texts
have on average a quarter of their words that the other does not say, each at least 15% and
two words; one edit in a text otherwise kept, "housing, schools and hospitals" → "housing and
hospitals", is an edit under any lens), where the kinds it is about agree and, for what quotes
content (a list's item, a scope word with what it covers, a condition's clause), where the
other side says those words.

With the translation lens (`rendered`), a reworded pair whose every kind agrees and whose
every finding is a rewording is a register difference: one low flag says so, in place of what
the rules read in it. Where some kind differs, each rewording is weighed as wording, its
message saying which kinds agree — but not an obligation or a negation, which may be part of
the difference — and every other finding keeps its flag and its weight; where a kind differs
that no finding is about, nothing is weighed down. A role, a sequence, brackets, a
cross-reference, a list's "and" made "or" are never weighed down here.

In the default lens (`paraphrased`), only where the evidence is strong — a reworded pair,
every kind agreeing — a name, a figure, a date, a list's item, a scope word or a condition
said in other words is weighed as wording. Never an obligation added or removed, nor a
negation: "shall be legally binding" → "reflects the political commitments" is a reworded
pair whose numbers, names, modals and negations agree, and the obligation is gone.
Tests: tests/risk/test_renderings.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import replace

from draftkit.risk.consent import consents
from draftkit.risk.features import (
    Reader,
    Side,
    commitments,
    conditions,
    exceptions,
    negations,
    quantities,
    recognitions,
    references,
    remedies,
    scopes,
)
from draftkit.risk.findings import Finding, Span, token_index
from draftkit.risk.frequency import frequencies
from draftkit.risk.lemmas import same_stem
from draftkit.risk.names import Name, listed_names, named_entities, named_otherwise, respelt, unlisted_names
from draftkit.risk.numbers import dates, time_bounds
from draftkit.risk.qualifiers import qualifiers
from draftkit.risk.taxonomy import Significance

REGISTER = "Register difference (translation lens)"
AGREED = "same numbers, names, negations, modal force, dates and conditions, in other words"
SAID_OTHERWISE = (
    "said otherwise: a rewording with the same numbers, names, negations, modals, dates and conditions"
)

# The kinds compared, in the order a message names them.
KINDS = (
    "numbers",
    "dates",
    "names",
    "negations",
    "modal force",
    "conditions",
    "scope",
    "promises",
    "recognition",
    "references",
)

# The kinds a finding of each rule is about: the finding is a rewording where they agree.
# Rules left out (role, sequence, brackets, reference …) are never weighed down here.
_ABOUT: dict[str, tuple[str, ...]] = {
    "obligation": ("modal force",),
    "negation": ("negations",),
    "number": ("numbers",),
    "deadline": ("dates",),
    "name": ("names",),
    "condition": ("conditions",),
    "exception": ("conditions",),
    "qualifier": ("conditions", "dates", "scope"),
    "scope": ("scope",),
    "commitment": ("promises",),
    "remedy": ("promises",),
    "recognition": ("recognition",),
    "list": ("names", "numbers"),
}
# Where the renderings differ on a kind, a modal or a negation the rules read as added or
# removed may be part of that difference ("shall report to the Panel within ten days", a
# monitoring duty given with its deadline): weighed as found.
_WITH_THE_CHANGE = {"obligation", "negation"}
# What the default lens weighs as wording where a reworded pair agrees on every kind.
_PARAPHRASED = {"name", "number", "deadline", "list", "scope", "condition", "exception", "qualifier"}
# Findings that quote content: a rewording only where the other side says its words.
_QUOTING = {"list", "scope", "condition", "exception", "qualifier"}

# A paraphrase, not an edit: the two sides have on average at least this share of their words
# the other does not say, each at least the second share (a list's item dropped from a text
# kept as it was leaves the old words all said).
REWORDED = 0.25
REWORDED_EACH = 0.15
# … and at least this many words each ("any sanctions and blockades" → "economic sanctions"
# is an edit).
REWORDED_WORDS = 2

# Scope words a translator adds and drops without changing what is covered.
_LOOSE_SCOPE = {"any", "throughout", "global", "comprehensive", "будь які", "любой", "любые", "любых"}
_LOOSE_STEMS = ("всеобъемлющ", "комплексн", "всеосяжн", "всебічн", "будь як")
# Triggers a rendering writes for "upon", "once", "as soon as" (risk.qualifiers' conditional).
_TRIGGERS = (("from", "the", "moment"), ("at", "the", "moment"), ("with", "effect", "from"))
# What a text says of its own force: bound in law, or a political word only.
_FORCE = {
    ("legally", "binding"): "legal",
    ("binding",): "legal",
    ("political", "commitment"): "political",
    ("political", "commitments"): "political",
    ("politically", "binding"): "political",
    ("non", "binding"): "political",
    ("not", "legally", "binding"): "political",
    ("юридично", "обов'язковий"): "legal",
    ("юридически", "обязывающий"): "legal",
    ("юридически", "обязывающее"): "legal",
    ("політичні", "зобов'язання"): "political",
    ("политические", "обязательства"): "political",
}
_SMALL = {
    "and", "or", "of", "the", "a", "an", "for", "to", "in", "on", "by", "with", "from", "at", "its",
    "their", "і", "й", "та", "в", "у", "з", "на", "до", "и", "с", "по", "к",
}  # fmt: skip
# Words that mark a condition, an exception or a qualifier: the clause's words are its content.
_MARKERS = {
    "if", "unless", "provided", "providing", "subject", "condition", "conditional", "event", "case",
    "upon", "once", "soon", "as", "after", "only", "until", "during", "following", "except",
    "excluding", "other", "than", "save", "this", "that", "be", "is", "are",
}  # fmt: skip
# Endings that make a noun of a verb ("sign" / "signature", "deploy" / "deployment").
_ENDINGS = ("ature", "ation", "ition", "ment", "ance", "ence", "ing", "ure", "ion", "al", "ed")


def differences(old: Side, new: Side, grouped: bool = False) -> tuple[str, ...]:
    """The kinds (`KINDS`) on which two renderings disagree; `grouped`: the texts of a split
    or a merge, whose parts may repeat a feature once said (compared as sets, not counts)."""
    out = []
    for kind in KINDS:
        if kind == "names":
            same = _names_agree(old, new) and _names_agree(new, old)
        else:
            a, b = _READ[kind](old), _READ[kind](new)
            same = set(a) == set(b) if grouped else a == b
            if same and kind == "numbers":
                same = _counts_agree(old, new, grouped)
        if not same:
            out.append(kind)
    return tuple(out)


def reworded(old: Side, new: Side) -> bool:
    """Whether both texts are reworded: each has `REWORDED_EACH` of its words the other does
    not say, and `REWORDED` of them on average (a rendering may say it in fewer words)."""
    (a, m), (b, n) = _unsaid(old, new), _unsaid(new, old)
    return min(m, n) >= REWORDED_WORDS and min(a, b) >= REWORDED_EACH and a + b >= 2 * REWORDED


def rendered(
    old: Side, new: Side, found: Sequence[Finding], sig: Significance, grouped: bool = False
) -> list[Finding]:
    """The findings of one pair of renderings (the translation lens): one register difference
    where the pair is reworded, every kind agrees and every finding is a rewording; else each
    rewording weighed as wording, the rest as found."""
    if any(f.rule == "wording" for f in found) or not reworded(old, new):
        return list(found)  # "Not weighed" (too long for the rules), or an edit, not a rendering
    differ = differences(old, new, grouped)
    said = {
        k
        for f in found
        for k in (*_ABOUT.get(f.rule, ()), *(("references",) if f.rule == "reference" else ()))
    }
    if not said.issuperset(differ):
        # The renderings differ where no rule said so ("shall" / "agreed that … may", read as
        # binding): nothing is weighed down, the flags stay as the rules gave them.
        return list(found)
    weighed = [
        _register(f, sig, differ)
        if _rewording(f, differ, old, new) and not (differ and f.rule in _WITH_THE_CHANGE)
        else f
        for f in found
    ]
    if differ or any(f.rule in _ABOUT and not registered(f) for f in weighed):
        return weighed
    kept = [f for f in weighed if not registered(f)]
    return [
        *kept,
        Finding("wording", f"{REGISTER}: {AGREED}", sig.wording, old.text.original, new.text.original),
    ]


def paraphrased(
    old: Side, new: Side, found: Sequence[Finding], sig: Significance, grouped: bool = False
) -> list[Finding]:
    """The findings of one pair in the default lens: in a reworded pair whose every kind
    agrees, a name, a figure, a date, a list's item, a scope word or a condition said in other
    words weighed as wording (not an obligation or a negation)."""
    if not any(f.rule in _PARAPHRASED for f in found) or not reworded(old, new):
        return list(found)
    if differences(old, new, grouped):
        return list(found)
    said = [f.rule in _PARAPHRASED and _rewording(f, (), old, new) for f in found]
    return [
        replace(_wording(f, sig), headline=f"{f.headline} ({SAID_OTHERWISE})") if s else f
        for f, s in zip(found, said, strict=True)
    ]


def default_findings(old: str, new: str, reader: Reader, grouped: bool = False) -> list[Finding]:
    """What the content rules find between two texts (risk.rules.content_findings), weighed
    as the default lens weighs a paraphrase (`paraphrased`): made where the findings are
    made — in the flags, or ahead of them in another process (risk.foresight), which then
    also reads the sides this needs."""
    from draftkit.risk.rules import content_findings  # (risk.rules imports the rules' modules)

    found = content_findings(old, new, reader, grouped)
    if not found:
        return found
    return paraphrased(reader.side(old), reader.side(new), found, reader.taxonomy.significance, grouped)


def registered(finding: Finding) -> bool:
    """Whether a finding was weighed here as a register difference (its headline says so)."""
    return finding.headline.startswith(REGISTER)


def _register(finding: Finding, sig: Significance, differ: Sequence[str]) -> Finding:
    agree = [k for k in _ABOUT[finding.rule] if k not in differ]
    said = agree[0] if len(agree) == 1 else f"{', '.join(agree[:-1])} and {agree[-1]}"
    why = f"{said} agree{'s' if len(agree) == 1 and not said.endswith('s') else ''}"
    return replace(_wording(finding, sig), rule="wording", headline=f"{REGISTER}, {why}: {finding.headline}")


def _wording(finding: Finding, sig: Significance) -> Finding:
    return replace(finding, significance=min(finding.significance, sig.wording), heavy=0.0)


def _rewording(finding: Finding, differ: Sequence[str], old: Side, new: Side) -> bool:
    """Whether a finding of a reworded pair is a rewording: the kinds it is about agree and,
    for one that quotes content, the other side says the words it quotes."""
    about = _ABOUT.get(finding.rule)
    if about is None or any(k in differ for k in about):
        return False
    if finding.rule == "list" and "joined" in finding.headline.lower():
        return False  # a list's "and" made "or" (risk.lists JOINERS)
    return finding.rule not in _QUOTING or _words_said(finding, old, new)


def _words_said(finding: Finding, old: Side, new: Side) -> bool:
    """Whether every word a finding quotes on one side (but markers and scope words) stands
    on the other."""
    return _said_in(old, finding.old, finding.old_spans, new) and _said_in(
        new, finding.new, finding.new_spans, old
    )


def _said_in(side: Side, quoted: str, spans: Sequence[Span], other: Side) -> bool:
    if not quoted or not spans:
        return True
    # The words quoted, where they stand ("throughout Afghanistan": the scope word's spans
    # hold the word alone, its quote the words it covers).
    start = spans[0][0]
    end = max(spans[-1][1], start + len(quoted) if side.text.original.startswith(quoted, start) else 0)
    scope = {k for s in side.features(scopes) for k in _tokens_in(side, s.spans)}
    for k in _tokens_in(side, [(start, end)]):
        token = side.text.tokens[k]
        lemma = side.lemmas.tokens[k].norm
        if k in scope or token.kind != "word" or token.norm in _SMALL or lemma in _MARKERS:
            continue
        if not _mentioned(other, lemma):
            return False
    return True


def _mentioned(side: Side, lemma: str) -> bool:
    """risk.features.mentions (the word, or one of its stem), or a noun made of the verb the
    side says ("signature" / "signed"); by the side's words of the same first four letters."""
    if lemma in side.lemma_set:
        return True
    if len(lemma) < 4:
        return False
    for w in side.features(_by_start)[0].get(lemma[:4], ()):
        if len(lemma) >= 5 and same_stem(lemma, w):
            return True
        short, long = (w, lemma) if len(w) < len(lemma) else (lemma, w)
        if long.startswith(short) and long[len(short) :] in _ENDINGS:
            return True
    return False


def _by_start(side: Side) -> list[dict[str, tuple[str, ...]]]:
    """The side's lemmas of four letters or more by their first four (read once per side)."""
    out: dict[str, list[str]] = {}
    for w in side.lemma_set:
        if len(w) >= 4:
            out.setdefault(w[:4], []).append(w)
    return [{k: tuple(v) for k, v in out.items()}]


def _tokens_in(side: Side, spans: Iterable[Span]) -> list[int]:
    tokens = side.text.tokens
    out: list[int] = []
    for a, b in spans:
        k = token_index(side.text, a)
        while b > a and k < len(tokens) and tokens[k].start < b:
            out.append(k)
            k += 1
    return out


def _unsaid(this: Side, other: Side) -> tuple[float, int]:
    """The share and the number of the words of `this` the other side does not say."""
    words = {
        this.lemmas.tokens[k].norm
        for k, t in enumerate(this.text.tokens)
        if t.kind == "word" and t.norm not in _SMALL
    }
    unsaid = sum(not _mentioned(other, w) for w in words)
    return (unsaid / len(words) if words else 0.0), unsaid


# ---------------------------------------------------------------------------------------------
# What each side says, kind by kind


def _numbers(side: Side) -> Counter[Hashable]:
    """Figures with their units (a bare one with the word it counts); not counts in words."""
    tokens = side.text.tokens
    out: Counter[Hashable] = Counter()
    for q in side.features(quantities):
        if q.words_only or q.cls in ("time", "year"):
            continue
        unit = q.unit if q.unit not in _SMALL else ""
        if not unit:  # "40,000 in the army": the word counted
            k = token_index(side.text, q.spans[-1][1])
            while k < len(tokens) and (tokens[k].kind != "word" or tokens[k].norm in _SMALL):
                k += 1
            unit = side.lemmas.tokens[k].norm if k < len(tokens) else ""
        out[(q.cls, round(q.base, 6), q.per, unit)] += 1
    return out


def _counts_agree(old: Side, new: Side, grouped: bool) -> bool:
    """A count in words ("three ports") against the same noun's count on the other side."""
    x, y = _counted(old), _counted(new)
    return all((set(x[n]) == set(y[n])) if grouped else (x[n] == y[n]) for n in x.keys() & y.keys())


def _counted(side: Side) -> dict[str, Counter[float]]:
    out: dict[str, Counter[float]] = {}
    for q in side.features(quantities):
        if q.words_only:
            out.setdefault(q.unit, Counter())[round(q.value, 6)] += 1
    return out


def _dates(side: Side) -> Counter[Hashable]:
    found: Counter[Hashable] = Counter()
    found.update(("date", d.day, d.month) for d in side.features(dates))
    periods = [q for q in side.features(quantities) if q.cls in ("time", "year") and not q.words_only]
    found.update(("period", q.cls, round(q.base, 6), q.prefix) for q in periods)
    found.update(("every", f.days) for f in side.features(frequencies))
    found.update(("urgent",) for q in side.features(qualifiers) if q.group == "urgency" and not q.anchor)
    bounded = [d.spans[0][0] for d in side.features(dates)] + [q.spans[0][0] for q in periods]
    for bound in side.features(time_bounds):
        start = bound.spans[0][0]
        if any(start <= at < start + len(bound.fragment) for at in bounded):
            found[("bound", bound.label)] += 1  # "no later than 1 March"; not "chaired by the UN"
    return found


def _negations(side: Side) -> Counter[Hashable]:
    return Counter({"not": len(side.features(negations))})


def _modal_force(side: Side) -> Counter[Hashable]:
    # Each modal's own class, not the frame's (risk.features.modals reads "agreed that a
    # ceasefire may take effect" as binding, "agreed" framing it): a rendering that says "may"
    # where the other says "shall" differs, whatever frames it.
    found: Counter[Hashable] = Counter()
    tokens = side.text.tokens
    for hit in side.compiled.obligation.find(side.text):
        level = int(hit.label)
        if level >= 3 or side.analysis.in_marker(hit.first, hit.last):
            continue
        if hit.norm == "should" and (hit.first == 0 or tokens[hit.first - 1].norm in {".", ";", ":"}):
            continue  # "Should both sides accept …": a condition
        found[level] += 1
    found.update(_phrases(side, _FORCE))
    return found


def _phrases(side: Side, table: dict[tuple[str, ...], str]) -> list[str]:
    """The labels of the phrases of `table` in the side's words, the longest first at a place."""
    words = [t.norm for t in side.text.tokens]
    out: list[str] = []
    k = 0
    while k < len(words):
        for phrase in sorted((p for p in table if p[0] == words[k]), key=len, reverse=True):
            if tuple(words[k : k + len(phrase)]) == phrase:
                out.append(table[phrase])
                k += len(phrase) - 1
                break
        k += 1
    return out


def _conditions(side: Side) -> Counter[Hashable]:
    found: Counter[Hashable] = Counter(c.label for c in side.features(conditions))
    found.update("except" for _ in side.features(exceptions))
    found.update("consent" for _ in side.features(consents))
    original = side.text.original
    for q in side.features(qualifiers):
        if q.anchor or q.group not in ("conditional", "temporal"):
            continue
        at = q.spans[0][0]
        if q.group == "conditional" and at and original[at - 1] == "-":
            continue  # "agreed-upon locations": no trigger
        found[q.group] += 1
    found.update(_phrases(side, dict.fromkeys(_TRIGGERS, "conditional")))
    return found


def _scope(side: Side) -> Counter[Hashable]:
    found: Counter[Hashable] = Counter(
        (s.group, s.norm if s.group == "universal" else "")
        for s in side.features(scopes)
        if s.norm not in _LOOSE_SCOPE and not s.norm.startswith(_LOOSE_STEMS)
    )
    found.update(("qualifier", q.group) for q in side.features(qualifiers) if q.group in ("scope", "pace"))
    return found


def _promises(side: Side) -> Counter[Hashable]:
    found: Counter[Hashable] = Counter(("commitment", g.group) for g in side.features(commitments))
    found.update(("remedy", g.group) for g in side.features(remedies))
    return found


def _recognition(side: Side) -> Counter[Hashable]:
    return Counter(r.norm for r in side.features(recognitions))


def _references(side: Side) -> Counter[Hashable]:
    return Counter(r.key for r in side.features(references))


_READ: dict[str, Callable[[Side], Counter[Hashable]]] = {
    "numbers": _numbers,
    "dates": _dates,
    "negations": _negations,
    "modal force": _modal_force,
    "conditions": _conditions,
    "scope": _scope,
    "promises": _promises,
    "recognition": _recognition,
    "references": _references,
}


def _names_agree(this: Side, other: Side) -> bool:
    """Whether every name of `this` is said on the other side: the same name or alias, one
    written otherwise (risk.names.respelt), in another spelling (risk.names.named_otherwise:
    its acronym, "UNVIM" / "United Nations Verification and Inspection Mechanism", or the
    words an acronym stands for), or all its words."""
    theirs = [*other.features(listed_names), *other.features(unlisted_names)]
    keys = {n.key for n in theirs}
    return all(_said(name, this, other, keys, theirs) for name in this.features(named_entities))


def _said(name: Name, this: Side, other: Side, keys: set[str], theirs: Sequence[Name]) -> bool:
    if name.key in keys or any(respelt(this, name, other, n) for n in theirs):
        return True
    if named_otherwise(this, name, other):
        return True
    words = [
        this.lemmas.tokens[k].norm
        for k in range(name.first, name.last)
        if this.text.tokens[k].kind == "word" and this.text.tokens[k].norm not in _SMALL
    ]
    return bool(words) and all(_mentioned(other, w) for w in words)
