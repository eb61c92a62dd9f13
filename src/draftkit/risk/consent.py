"""Consent: what one side may do only with another's agreement, read once per side.

Takes the two sides of one aligned pair of texts (risk.matching.Sides) and hands on findings
for risk.rules to run among its content rules. "Warships of third states may enter the bay at
the invitation of either Party, with the consent of the other Party" → "… at the invitation of
either Party": the other Party's veto is gone, and nothing but a few words removed says so. A
consent is a word of consent (*consent*, *concurrence*, *згода*, *погодження*, *согласие*,
*согласование*, by lemma), *agreement* after *with*, *without*, *subject to* or *upon* and
before *of*, or a participle of agreeing before *з* / *с* ("погоджене з іншою Стороною",
"согласованное с …"). Guarantees: a consent dropped where the other text says none, nor any
word of agreeing, approving or permitting, is "Consent requirement removed" (added: "Consent
requirement added"), weighed as a condition removed (added); one consent said another way
("without the prior consent of the Commission" / "unless the Commission has consented") is
none, and `restated` drops the condition the other way of saying it makes ("Condition added:
'unless the Commission has consented'") where the other text holds a consent too, and the
negation where the other text's consent is one "without" ("без згоди ОБСЄ" / "якщо ОБСЄ не дасть
згоди"). "Consent
to be bound" (a treaty's conclusion) is no consent requirement.
"""

from __future__ import annotations

from draftkit.records import record
from draftkit.risk.features import Side
from draftkit.risk.findings import Finding, Report, Span, span_of, token_index
from draftkit.risk.matching import FeatureRule, Sides, anything, by, silent

_CONSENT = frozenset(["consent", "concurrence", "concur", "згода", "погодження", "согласие", "согласование"])
# Participles of agreeing: a consent only with whom it is agreed after them ("погоджене з
# іншою Стороною"; not "погоджені заходи", "согласованные меры": agreed measures).
# (Their forms as written: the dictionary gives them several lemmas.)
_AGREED_WORDS = """погоджений погоджена погоджене погоджені погодженого погодженої погоджену
    погодженим погодженою погоджено погоджених погодженими погодженому погодженій погодженім
    узгоджений узгоджена узгоджене узгоджені узгодженого узгодженої узгоджену узгодженим
    узгодженою узгоджено узгоджених узгодженими узгодженому узгодженій
    согласованный согласованная согласованное согласованные согласованного согласованной
    согласованную согласованным согласовано согласованных согласованными согласованному
    согласованном"""
_AGREED = frozenset(_AGREED_WORDS.split())
_WITH = frozenset(["з", "із", "зі", "с", "со"])
_TRIGGERS = _CONSENT | {"agreement"}
# "with the (prior written) agreement of": the words that may stand between.
_BEFORE_AGREEMENT = frozenset(["with", "without", "subject", "to", "upon"])
_BETWEEN = frozenset(["the", "prior", "express", "written", "mutual", "their", "its"])
# The words a consent's quote takes in before it ("without the prior", "за згодою", "с согласия").
_OPENING = _BEFORE_AGREEMENT | frozenset(["за", "без", "зі", "після", "по", "с", "после"])
_LEADING = _BETWEEN | _OPENING
# Words that say a consent otherwise: a consent dropped where one of them stands is reworded.
_LIKE_WORDS = """agreement agree agreed approval approve permission permit authorization authorize
    погодити погоджувати погоджуватися узгодити узгоджувати домовитися домовленість дозвіл схвалення
    схвалити
    согласовать согласовывать согласиться договориться договоренность разрешение одобрение
    одобрить"""
_LIKE = _TRIGGERS | frozenset(_LIKE_WORDS.split())
_GIVER = 6  # words after a consent word read as whose consent it is (to the clause's end)


@record
class Consent:
    """A consent requirement, with the words around it ("without the prior consent of the
    Commission")."""

    fragment: str
    spans: tuple[Span, ...]
    position: int


def consents(side: Side) -> list[Consent]:
    """The consent requirements of a text, in text order."""
    if side.lemma_set.isdisjoint(_TRIGGERS) and side.text.forms().isdisjoint(_AGREED):
        return []
    tokens = side.text.tokens
    out: list[Consent] = []
    for k in sorted({*side.lemmas.positions(_TRIGGERS), *side.text.positions(_AGREED)}):
        if not _requirement(side, k):
            continue
        first = k
        while first > 0 and k - first < 4 and tokens[first - 1].norm in _LEADING:
            first -= 1
        last = k + 1
        while last < len(tokens) and last - k <= _GIVER and tokens[last].kind != "punct":
            last += 1
        span = span_of(side.text, first, last)
        out.append(Consent(side.text.span(first, last), (span,), span[0]))
    return out


def _requirement(side: Side, k: int) -> bool:
    """Whether the trigger word at token `k` is a consent requirement."""
    tokens = side.text.tokens
    lemma = side.lemmas.tokens[k].norm
    after = [t.norm for t in tokens[k + 1 : k + 4]]
    if tokens[k].norm in _AGREED:
        return bool(after) and after[0] in _WITH
    if lemma == "agreement":
        before = [t.norm for t in tokens[max(0, k - 4) : k] if t.norm not in _BETWEEN]
        return bool(after) and after[0] == "of" and bool(before) and before[-1] in _BEFORE_AGREEMENT
    return after[:3] != ["to", "be", "bound"]  # "consent to be bound": a treaty's conclusion


def _said_otherwise(other: Side) -> bool:
    return not other.lemma_set.isdisjoint(_LIKE) or not other.text.forms().isdisjoint(_AGREED)


CONSENT: FeatureRule[Consent] = FeatureRule(
    name="condition",
    features=consents,
    key=lambda c: "consent",  # one consent said another way is no change
    pair=by(anything),
    changed=silent,
    removed=lambda s, old: (
        None if _said_otherwise(s.new) else Report("Consent requirement removed", s.sig.condition_removed)
    ),
    added=lambda s, new: (
        None if _said_otherwise(s.old) else Report("Consent requirement added", s.sig.condition_added)
    ),
)


def restated(s: Sides, found: list[Finding]) -> list[Finding]:
    """The findings without a condition or negation added or removed that says a consent the
    other text holds too ("without the consent of X" → "unless X has consented")."""
    return [f for f in found if not _consent_restated(s, f)]


_RESTATING = {
    "Condition added": True,
    "Condition removed": False,
    "Negation added": True,  # "без згоди ОБСЄ" → "якщо ОБСЄ не дасть згоди"
    "Negation removed": False,
}
_PRIVATIVE = frozenset({"without", "без"})


def _without(consent: Consent) -> bool:
    return not _PRIVATIVE.isdisjoint(consent.fragment.casefold().split())


def _consent_restated(s: Sides, finding: Finding) -> bool:
    added = _RESTATING.get(finding.headline)
    if added is None or finding.rule not in ("condition", "negation"):
        return False
    this, other = (s.new, s.old) if added else (s.old, s.new)
    spans = finding.new_spans if added else finding.old_spans
    held = other.features(consents)
    if not spans or not held:
        return False
    if finding.rule == "negation" and (
        not any(_without(c) for c in held) or any(_without(c) for c in this.features(consents))
    ):
        return False  # a negation restates only a consent's "without", said in one text only
    first, last = token_index(this.text, spans[0][0]), token_index(this.text, spans[-1][1])
    tokens = this.text.tokens
    while finding.rule == "negation" and last + 1 < len(tokens) and tokens[last + 1].kind != "punct":
        last += 1  # what the negation negates, to its clause's end
    return any(
        this.lemmas.tokens[k].norm in _CONSENT or tokens[k].norm in _AGREED
        for k in range(first, min(last + 1, len(this.text.tokens)))
    )
