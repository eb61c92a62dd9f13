"""Categories per provision from taxonomy terms in its own text, its heading and its context.

A provision's score in a category is what its own words say (text, and heading twice as
much: a heading is chosen on purpose), plus a smaller share of what every enclosing
provision says (the article heading, a lead-in "The Parties shall:"). Terms inside a
condition or exception count less: "Subject to verification of the withdrawal …, the
Guarantors shall lift the sanctions" is about sanctions, conditioned on withdrawal.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping

from draftkit.model import Draft, Provision
from draftkit.records import record
from draftkit.risk.analysis import Analysis, name_runs
from draftkit.risk.taxonomy import Taxonomy
from draftkit.risk.tokens import MODALS, RELATIVES, Text

HEADING_FACTOR = 2.0
CLASSIFY_CHARS = 50_000
INHERIT_FACTOR = 0.3  # share of each enclosing provision's own score
CLAUSE_FACTOR = 0.3  # weight of a term inside a condition or exception …
CLAUSE_CAP = 0.5  # … and of all of one category's terms in such clauses together
PHRASE_BONUS = 0.25  # extra weight per word of a multi-word term
# The first term of a provision outside any condition, exception or phrase a preposition
# opens names what it is about ("Elections shall be held … under the monitoring of observers"
# is about elections; "The outcome of the referendum will be subject to ratification" about the
# referendum): its category gets this much more, which decides between equally matched ones.
TOPIC_BONUS = 0.3
TERM_CAP = 2  # one term counts at most this many times in one text
MIN_SCORE = 0.5  # a category below this is not reported
MIN_SHARE = 0.25  # … nor one below this share of the strongest
PLACE_NAME_WEIGHT = 0.5  # a capitalised place name no gazetteer lists
# A listed name says where, not what: "an amnesty for the Donetsk region" is about amnesty,
# "withdraw from the Zaporizhzhia plant" about withdrawal (issue 14) — so a gazetteer name
# weighs less than one subject term.
LISTED_NAME_WEIGHT = 0.6


Scores = dict[str, float]


@record
class Classified:
    """Why a provision has its categories: own and total scores, and the terms that matched."""

    eid: str
    own: Mapping[str, float]
    total: Mapping[str, float]
    signals: Mapping[str, tuple[str, ...]]  # category → matched terms, in text order
    categories: tuple[str, ...]


TextCache = dict[str, tuple[Scores, dict[str, list[str]]]]


def text_scores(
    text: str, taxonomy: Taxonomy, cache: TextCache | None = None
) -> tuple[Scores, dict[str, list[str]]]:
    """Category scores of one text, and the terms found per category (`cache`: by text)."""
    if cache is not None:
        found = _cached(text, taxonomy, cache)
        return dict(found[0]), {cid: list(terms) for cid, terms in found[1].items()}
    scores: Scores = {}
    signals: dict[str, list[str]] = {}
    if not text.strip():
        return scores, signals
    compiled = taxonomy.compiled
    # What a provision is about shows in its first pages; a multi-megabyte paragraph is
    # classified by its opening CLASSIFY_CHARS characters rather than read whole.
    tokens = Text(text[:CLASSIFY_CHARS])
    groups = compiled.classifier.find_groups(tokens)
    # A clause that says when ("until the withdrawal is complete") qualifies the provision as
    # a condition does: "All sanctions … shall remain in force until the withdrawal" is about
    # sanctions (issue 14: category by what a provision does).
    clauses = [*groups.get("conditions", ()), *groups.get("temporal", ())]
    analysis = Analysis.build(tokens, clauses, groups.get("exceptions", ())).bounded()
    clauses_in = bool(analysis.conditions or analysis.exceptions)
    topic: tuple[int, str] | None = None  # where the topic term is, and its category (TOPIC_BONUS)
    for category in taxonomy.categories:
        cid = category.id
        hits = groups.get(cid)
        if not hits:
            continue
        seen: dict[str, int] = {}
        main = qualifying = 0.0
        for hit in hits:
            seen[hit.norm] = seen.get(hit.norm, 0) + 1
            if seen[hit.norm] > TERM_CAP:
                continue
            # A longer phrase is more specific evidence: "lift the sanctions" over "Guarantors".
            weight = 1.0 + PHRASE_BONUS * (hit.last - hit.first - 1)
            if clauses_in and analysis.in_clause(hit.first):
                qualifying += CLAUSE_FACTOR * weight
            else:
                main += weight
                if (
                    (topic is None or hit.first < topic[0])
                    and not _after_preposition(tokens, hit.first)
                    and not _in_relative_clause(tokens, hit.first)
                ):
                    topic = (hit.first, cid)
            signals.setdefault(cid, []).append(hit.norm)
        if main or qualifying:
            scores[cid] = main + min(CLAUSE_CAP, qualifying)
    if topic is not None:
        scores[topic[1]] += TOPIC_BONUS
    for cid, pattern in compiled.category_patterns:
        for m in pattern.finditer(tokens.joined):
            if m.start() != m.end():
                scores[cid] = scores.get(cid, 0.0) + 1.0
                signals.setdefault(cid, []).append(m.group(0))
    known: set[int] = set()
    for hit in groups.get("gazetteer", ()):
        listed = compiled.gazetteer_category.get(hit.label)
        if not analysis.text.tokens[hit.first].cap:
            continue
        known.update(range(hit.first, hit.last))
        if listed is None:
            continue
        scores[listed] = scores.get(listed, 0.0) + LISTED_NAME_WEIGHT
        signals.setdefault(listed, []).append(analysis.text.span(hit.first, hit.last))
    # A name no gazetteer lists but that reads as a place ("Lake Ostra", "the village of
    # Hollin") is a weaker signal of the places' category.
    place_category = next(
        (g.category for g in taxonomy.gazetteers if g.kind == "place" and g.category is not None), None
    )
    # A run reads as a place only by a place word in it or just before it: a text without
    # any place word (most) has no such run, and its names are not looked for.
    if place_category is not None and not compiled.place_words.isdisjoint(tokens.forms()):
        for run in name_runs(analysis.text, compiled):
            if run.place and not known.intersection(range(run.first, run.last)):
                scores[place_category] = scores.get(place_category, 0.0) + PLACE_NAME_WEIGHT
                signals.setdefault(place_category, []).append(analysis.text.span(run.first, run.last))
    return scores, signals


_PREPOSITIONS = frozenset(
    {
        "in", "into", "within", "under", "on", "at", "by", "for", "with", "from", "through",
        "throughout", "along", "across", "against", "among", "between", "about", "regarding",
        "в", "у", "во", "на", "під", "по", "при", "до", "з", "із", "зі", "від", "після", "для",
        "через", "вздовж", "уздовж", "протягом", "проти", "серед", "між", "щодо",
        "под", "с", "со", "от", "после", "вдоль", "против", "среди", "между", "относительно",
    }
)  # fmt: skip


_DETERMINERS = frozenset(
    {
        "the", "a", "an", "its", "their", "his", "her", "this", "these", "that", "those", "such",
        "свій", "своя", "своє", "свої", "свого", "своєї", "своїх", "своїй", "своєму", "свою", "своїм",
        "свой", "свое", "своё", "свои", "своего", "своей", "своих", "своем", "своём", "своим",
        "його", "її", "їх", "его", "ее", "её", "их", "цей", "ця", "це", "ці", "цього", "цієї", "цих",
        "этот", "эта", "это", "эти", "этого", "этой", "этих",
    }
)  # fmt: skip


def _after_preposition(tokens: Text, first: int) -> bool:
    """Whether the word before token `first` (past articles, possessives, demonstratives) is a
    preposition: "in its Constitution", "under the supervision of", "під контролем" —
    where, when or how, not what the provision is about."""
    k = first - 1
    while k >= 0:
        token = tokens.tokens[k]
        if token.kind != "punct" and token.norm not in _DETERMINERS:
            return token.norm in _PREPOSITIONS
        k -= 1
    return False


# Who or what a relative clause is about is not what the provision is about: "Protesters and
# those who … handed over their weapons will be granted amnesty" is about amnesty. ("That" is
# left out: "agree that all forces withdraw" opens what the provision is about.)
_RELATIVES = RELATIVES - {"that"}
_SENTENCE_ENDS = frozenset({".", ";", ":", "!", "?"})


def _in_relative_clause(tokens: Text, first: int) -> bool:
    """Whether token `first` stands in a relative clause: a relative pronoun before it in its
    sentence, no modal between ("those who … handed over their weapons"; not "amnesty" of "…
    will be granted amnesty", the main clause going on)."""
    for k in range(first - 1, -1, -1):
        norm = tokens.tokens[k].norm
        if norm in _SENTENCE_ENDS or norm in MODALS:
            return False
        if norm in _RELATIVES:
            return True
    return False


def _cached(text: str, taxonomy: Taxonomy, cache: TextCache) -> tuple[Scores, dict[str, list[str]]]:
    """`text_scores` of one text as the cache keeps it (the caller must not change it)."""
    found = cache.get(text)
    if found is None:
        found = cache[text] = text_scores(text, taxonomy)
    return found


def add(into: Scores, extra: Mapping[str, float], factor: float = 1.0) -> None:
    """into += factor × extra, per category."""
    for cid, value in extra.items():
        into[cid] = into.get(cid, 0.0) + factor * value


def own_scores(
    provision: Provision, taxonomy: Taxonomy, cache: TextCache | None = None
) -> tuple[Scores, dict[str, list[str]]]:
    """Scores from a provision's own text and heading."""
    scores, signals = text_scores(provision.text, taxonomy, cache)
    if provision.heading:
        heading, heading_signals = text_scores(provision.heading, taxonomy, cache)
        add(scores, heading, HEADING_FACTOR)
        for cid, terms in heading_signals.items():
            signals.setdefault(cid, []).extend(terms)
    return scores, signals


def _classified(
    provision: Provision, inherited: Scores, taxonomy: Taxonomy, cache: TextCache
) -> tuple[Classified, Scores]:
    """A provision classified from its own words and what its ancestors hand down
    (`inherited`), and what it hands down to its children."""
    text_scores_, text_signals = _cached(provision.text, taxonomy, cache)
    own = dict(text_scores_)
    signals: dict[str, tuple[str, ...]]
    if provision.heading:
        heading, heading_signals = _cached(provision.heading, taxonomy, cache)
        add(own, heading, HEADING_FACTOR)
        merged = {cid: list(terms) for cid, terms in text_signals.items()}
        for cid, terms in heading_signals.items():
            merged.setdefault(cid, []).extend(terms)
        signals = {cid: tuple(terms) for cid, terms in merged.items()}
    else:
        signals = {cid: tuple(terms) for cid, terms in text_signals.items()}
    total = dict(own)
    add(total, inherited, INHERIT_FACTOR)
    passed = dict(inherited)
    add(passed, own)
    classified = Classified(
        eid=provision.eid, own=own, total=total, signals=signals, categories=rank(total, taxonomy)
    )
    return classified, passed


def rank(scores: Mapping[str, float], taxonomy: Taxonomy) -> tuple[str, ...]:
    """Category ids worth reporting, strongest first (file order breaks ties)."""
    if not scores:
        return ()
    order = taxonomy.order
    ranked = sorted(
        (cid for cid, value in scores.items() if value > 0 and cid in order),
        key=lambda cid: (-round(scores[cid], 9), order[cid]),
    )
    if not ranked:
        return ()
    top = scores[ranked[0]]
    return tuple(cid for cid in ranked if scores[cid] >= MIN_SCORE and scores[cid] >= MIN_SHARE * top)


def explain(draft: Draft, taxonomy: Taxonomy, cache: TextCache | None = None) -> dict[str, Classified]:
    """Every provision's classification with its scores and matched terms, by eid (`cache`
    shares text scores between drafts: most provisions of two rounds are the same text)."""
    out: dict[str, Classified] = {}
    if cache is None:
        cache = {}

    def visit(provision: Provision, inherited: Scores) -> None:
        out[provision.eid], passed = _classified(provision, inherited, taxonomy, cache)
        for child in provision.children:
            visit(child, passed)

    for provision in draft.provisions:
        visit(provision, {})
    return out


class LazyClassification(Mapping[str, Classified]):
    """`explain` on demand: a provision is classified (with the ancestors it inherits from)
    only when asked for. Comparing two rounds needs the changed provisions only — a few per
    cent of a long draft — and classifying all of them dominated the cost of a diff."""

    def __init__(self, draft: Draft, taxonomy: Taxonomy, cache: TextCache | None = None) -> None:
        self.taxonomy = taxonomy
        self.cache: TextCache = cache if cache is not None else {}
        self.nodes: dict[str, Provision] = {}
        self.parent: dict[str, str | None] = {}
        nodes, parents = self.nodes, self.parent

        def index(provisions: tuple[Provision, ...], parent: str | None) -> None:
            # Document order (an eid seen twice: the later one stands); most are leaves.
            for provision in provisions:
                nodes[provision.eid] = provision
                parents[provision.eid] = parent
                if provision.children:
                    index(provision.children, provision.eid)

        index(draft.provisions, None)
        self.done: dict[str, Classified] = {}
        self.passed: dict[str, Scores] = {}  # what a provision hands down: inherited + own

    def __getitem__(self, eid: str) -> Classified:
        found = self.done.get(eid)
        if found is not None:
            return found
        provision = self.nodes[eid]  # KeyError for an unknown eid, as a Mapping should
        parent = self.parent[eid]
        inherited: Scores = {}
        if parent is not None:
            self[parent]
            inherited = self.passed[parent]
        found, self.passed[eid] = _classified(provision, inherited, self.taxonomy, self.cache)
        self.done[eid] = found
        return found

    def __contains__(self, eid: object) -> bool:
        return eid in self.nodes

    def __iter__(self) -> Iterator[str]:
        return iter(self.nodes)

    def __len__(self) -> int:
        return len(self.nodes)


def classify(draft: Draft, taxonomy: Taxonomy) -> dict[str, tuple[str, ...]]:
    """eid → category ids, strongest first; a provision inherits from its heading and the
    provisions (article, lead-in) it stands in."""
    return {eid: c.categories for eid, c in explain(draft, taxonomy).items()}


def subtree_scores(
    provision: Provision,
    taxonomy: Taxonomy,
    cache: TextCache | None = None,
    only: Collection[str] | None = None,
) -> Scores:
    """Own scores of a provision and all its descendants, summed (an added article as a whole);
    with `only`, of the descendants whose eids it holds (the rest were kept elsewhere)."""
    total: Scores = {}
    for p in provision.walk():
        if only is not None and p is not provision and p.eid not in only:
            continue
        if cache is None:
            add(total, own_scores(p, taxonomy)[0])
            continue
        own = _cached(p.text, taxonomy, cache)[0]
        if p.heading:
            own = dict(own)
            add(own, _cached(p.heading, taxonomy, cache)[0], HEADING_FACTOR)
        add(total, own)
    return total


def combine(parts: Iterable[Mapping[str, float]]) -> Scores:
    """Per category, the largest score among the parts."""
    out: Scores = {}
    for part in parts:
        for cid, value in part.items():
            out[cid] = max(out.get(cid, 0.0), value)
    return out
