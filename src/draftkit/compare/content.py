"""Content similarity for alignment (issue 15): what a provision is about, not its characters.

Each text becomes a weighted bag of evidence:

- content lemmas (compare.lemmas), weighted by rarity across the two drafts (BM25's idf over
  every text given, with a sublinear term frequency); English derivational endings dropped
  ("redevelopment" = "redeveloped", "withdrawal" = "withdraw");
- numbers ("1,700" = "1700"), which rarely survive a rewrite by accident: weight ×1.5;
- names (capitalised words inside a sentence: "Nordland", "Velmar"), a place and its people
  as one ("Lorvania" = "Lorvanian"), and the taxonomy's [aliases] as their canonical name
  ("Gazans", "the Strip" → Gaza): weight ×1.5;
- the taxonomy's topics (risk categories whose terms the text uses: amnesty → justice) and
  the concepts of compare/lexicon.json ("troops" and "army" → military): weight ×0.5, a hint
  rather than proof.

The similarity of two texts is the cosine of their bags. Candidates come from an inverted
index over the new texts' evidence; postings of evidence found in more than a quarter of the
texts (and at least 8) are not walked, so the work stays near-linear in the drafts' size.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from draftkit.compare.lemmas import content_lemmas, language_of
from draftkit.compare.lexicon import concepts

_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?")
_NAME = re.compile(r"(?<![.!?:;]\s)(?<!^)\b([A-Z\u0400-\u042f][\w’'-]+)")
NUMBER_WEIGHT = 1.5
NAME_WEIGHT = 1.5
TOPIC_WEIGHT = 0.5
COMMON_SHARE = 0.25  # evidence in more than this share of texts is not used for candidates
COMMON_MIN = 8
# At most this many new texts are scored for one old text: those found through its rarest
# evidence first, and of a piece of evidence more texts hold, those nearest its place. Two
# long drafts with little in common (everything left free) stay linear, not n × n.
CANDIDATE_HITS = 128

Bag = dict[str, float]


# Numbers written as words are the same evidence as digits ("three weeks" = "3 weeks"), and a
# period in weeks is also one in days ("three weeks" = "21 days"): rewrites change the unit.
_UNITS = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
_NUMBER_WORDS = {word: value for value, word in enumerate(_UNITS.split(), start=1)}
_NUMBER_WORDS |= {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90}
_SPELLED = "|".join(w for w in _NUMBER_WORDS if w)
_SPELLED_NUMBER = re.compile(rf"(?<!\w)({_SPELLED})(?!\w)", re.IGNORECASE)
_WEEKS = re.compile(rf"(?<![\w.,])(\d+|{_SPELLED})\s+weeks?(?!\w)", re.IGNORECASE)


def _value(number: str) -> int:
    return int(number) if number.isdigit() else _NUMBER_WORDS[number.lower()]


def number_keys(text: str) -> list[str]:
    """The numbers a text says, as evidence ("#600000"; spelled ones and weeks as days too)."""
    out = []
    for match in _NUMBER.finditer(text):
        digits = re.sub(r"[,\u00a0\u202f ]", "", match.group(0))
        out.append("#" + digits)
    spelled = weeks = True
    if text.isascii():
        # Both patterns open with a look-behind, which no scan can skip to: each would try
        # every position of the text. In an ASCII text (case folded as `str.lower` does) a
        # spelled number is one of its words, and "week" is in it wherever _WEEKS matches.
        lowered = text.lower()
        spelled = not _NUMBER_WORDS.keys().isdisjoint(_LEAD.findall(lowered))
        weeks = "week" in lowered
    if spelled:
        out += [f"#{_NUMBER_WORDS[m.group(1).lower()]}" for m in _SPELLED_NUMBER.finditer(text)]
    if weeks:
        out += [f"#{7 * _value(m.group(1))}" for m in _WEEKS.finditer(text)]
    return out


# A place and its people are one name: "Lorvania" and "Lorvanian", "Israel" and "Israeli".
_DEMONYM = re.compile(r"(?:ians?|ans?|ia|is?|ese|ish)$")


# A capitalised word opening a sentence ("Lorvanian forces shall …") is a name only when the
# texts use it as one elsewhere, inside a sentence.
_INITIAL = re.compile(r"(?:^|(?<=[.!?:;]\s))([A-Z\u0400-\u042f][\w’'-]+)")


@lru_cache(maxsize=65_536)  # a draft names the same places and parties again and again
def _name_key(word: str) -> str:
    name = re.sub(r"['’]s$", "", word.lower())  # "Ukraine’s" is Ukraine
    stem = _DEMONYM.sub("", name)
    return "@" + (stem if len(stem) >= 4 else name)


# Between two words of one name of several ("Special Jurisdiction for Peace", "International
# Committee of the Red Cross"): a space, or up to two short lower-case words.
_NAME_LINK = re.compile(r"\s+(?:[a-z\u0430-\u044f\u0456\u0457\u0454]{1,3}\s+){0,2}")


def name_phrases(text: str) -> list[frozenset[str]]:
    """The names of several words in `text`, each as the set of its words' name keys: one
    name, one fact, however many of its words two texts share."""
    out: list[frozenset[str]] = []
    run: list[str] = []
    end = -1
    for m in _NAME.finditer(text):
        if run and not _NAME_LINK.fullmatch(text, end, m.start()):
            if len(run) > 1:
                out.append(frozenset(run))
            run = []
        run.append(_name_key(m.group(1)))
        end = m.end()
    if len(run) > 1:
        out.append(frozenset(run))
    return out


def _names(text: str, known: frozenset[str] = frozenset(), inside: list[str] | None = None) -> list[str]:
    """The name keys of `text`: inside its sentences (`inside`, when `_names(text)` was
    already asked), then those opening a sentence that `known` holds."""
    out = [_name_key(m.group(1)) for m in _NAME.finditer(text)] if inside is None else list(inside)
    if known:
        out += [key for m in _INITIAL.finditer(text) if (key := _name_key(m.group(1))) in known]
    return out


@lru_cache(maxsize=1)
def _alias_matcher() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One regex over every form of the taxonomy's [aliases] ("the Alliance", "Gazans",
    "U.S."), as written (case matters: "US" is not "us"), and each form's canonical name."""
    try:
        from draftkit.risk.taxonomy import default_taxonomy

        aliases = default_taxonomy().lexicon.aliases
    except Exception:  # the taxonomy is evidence, never a reason to fail alignment
        return None, {}
    canonical: dict[str, str] = {}
    for name, forms in aliases:
        for form in (name, *forms):
            canonical.setdefault(form, "@" + name.lower())
    if not canonical:
        return None, {}
    longest_first = sorted(canonical, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in longest_first) + r")(?!\w)"), canonical


def warm_up() -> None:
    """Compile now what the first comparison would (the taxonomy's aliases and topic words)."""
    _alias_matcher()
    _topic_index()


def _aliases(text: str) -> list[str]:
    """The canonical names the text calls by any of their forms ("Israeli" → "@israel")."""
    pattern, canonical = _alias_matcher()
    return [canonical[m.group(0)] for m in pattern.finditer(text)] if pattern is not None else []


# English derivational endings: "redevelopment" and "redevelop", "withdrawal" and "withdraw",
# "election" and "elect" are one piece of evidence (the lemmatizer keeps them apart).
# "signature" and "sign" too ("-ature" leaves a shorter stem).
_EN_SUFFIXES = ("isation", "ization", "ation", "ment", "ition", "ion", "al", "ance", "ence", "ing")


@lru_cache(maxsize=65_536)
def root(lemma: str, lang: str) -> str:
    """The lemma without an English derivational ending (other languages: as it is)."""
    if lang != "en":
        return lemma
    if lemma.endswith("ature") and len(lemma) >= 9:
        return lemma[:-5]
    for suffix in _EN_SUFFIXES:
        if lemma.endswith(suffix) and len(lemma) - len(suffix) >= 5:
            return lemma[: -len(suffix)]
    return lemma


def _term_source(term: str) -> str:
    """A taxonomy term as a regex: its words apart by any whitespace, "amnest*" → amnest\\w*."""
    words = [re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "") for w in term.split()]
    return r"\s+".join(words)


@lru_cache(maxsize=1)
def _topic_terms() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each taxonomy category with its terms (taxonomy order)."""
    try:
        from draftkit.risk.taxonomy import default_taxonomy

        taxonomy = default_taxonomy()
    except Exception:  # the taxonomy is evidence, never a reason to fail alignment
        return ()
    return tuple((c.id, tuple(c.terms)) for c in taxonomy.categories if c.terms)


@cache
def _category_matcher(name: str) -> re.Pattern[str]:
    """One regex over a category's terms: the rule `topics` applies."""
    terms = dict(_topic_terms())[name]
    return re.compile(r"(?<!\w)(?:" + "|".join(_term_source(t) for t in terms) + r")(?!\w)", re.IGNORECASE)


@cache
def _term_matcher(term: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + _term_source(term) + r"(?!\w)", re.IGNORECASE)


_LEAD = re.compile(r"\w+")


class _TopicIndex(NamedTuple):
    names: tuple[str, ...]
    exact: dict[str, list[tuple[str, str]]]
    prefix: dict[str, list[tuple[str, str]]]
    sizes: frozenset[int]  # the lengths of `prefix`'s keys
    always: frozenset[str]
    starts: dict[str, tuple[tuple[str, str], ...]]  # word → the terms it can start, filled on use
    sure: frozenset[str]  # one-word terms of word characters only: a word they start is a match
    needs: dict[str, frozenset[str]]  # term → the words a text it matches has (`_needs`)


@lru_cache(maxsize=1)
def _topic_index() -> _TopicIndex:
    """Where an ASCII text's words can start a category's term: word → [(category, term)]
    for a term whose first word is that word, prefix → [(category, term)] for "amnest*" (and
    the prefixes' lengths), categories with a term not opening with a word character, which
    are always searched whole; and every category's name, in taxonomy order.

    A term matches only where no word character precedes it, so at the start of one of the
    text's words (`\\w+`, lower case): that word equals the term's first word up to its first
    character outside `\\w`, or begins with a starred first word. Only the terms a word of the
    text can start are searched; an ASCII text's case folds as `str.lower` does. A term of one
    word of word characters (starred or not) matches wherever a word of the text can start it
    (`sure`): that word is the whole term, or begins with its starred stem, and no word
    character stands before or after a word."""
    exact: dict[str, list[tuple[str, str]]] = {}
    prefix: dict[str, list[tuple[str, str]]] = {}
    always: set[str] = set()
    sure: set[str] = set()
    for name, terms in _topic_terms():
        for term in terms:
            if not _may_match_ascii(term):
                continue  # a Cyrillic term never matches an ASCII text
            first = term.split()[0].lower()
            bare = first.rstrip("*")
            lead = _LEAD.match(bare)
            if lead is None or not bare.isascii():
                always.add(name)
            elif first.endswith("*") and lead.group(0) == bare:
                prefix.setdefault(bare, []).append((name, term))
            else:
                exact.setdefault(lead.group(0), []).append((name, term))
            if lead is not None and lead.group(0) == bare and bare.isascii() and len(term.split()) == 1:
                sure.add(term)
    names = tuple(name for name, _ in _topic_terms())
    needs = {term: _needs(term) for _, terms in _topic_terms() for term in terms}
    return _TopicIndex(
        names, exact, prefix, frozenset(map(len, prefix)), frozenset(always), {}, frozenset(sure), needs
    )


def _needs(term: str) -> frozenset[str]:
    """Words (`\\w+`, lower case) an ASCII text holds wherever `_term_matcher(term)` matches
    it: each run of word characters of the term's words, but the last of a starred word
    (only the start of a word) and any not in ASCII (case folding may match it otherwise).
    Each stands whole in a match: a non-word character or the term's edge on either side."""
    out: set[str] = set()
    for word in term.lower().split():
        pieces = _LEAD.findall(word.rstrip("*"))
        if word.endswith("*") and pieces:
            pieces.pop()
        out.update(piece for piece in pieces if piece.isascii())
    return frozenset(out)


def _starts(index: _TopicIndex, word: str) -> tuple[tuple[str, str], ...]:
    """The (category, term) pairs whose term can start at `word` (lower case): the index's
    exact first word, then each starred prefix the word begins with. Kept per word in the
    index (a draft's texts share most of their words)."""
    found = index.starts.get(word)
    if found is None:
        out = list(index.exact.get(word, ()))
        for size in index.sizes:
            if len(word) >= size:
                out += index.prefix.get(word[:size], ())
        found = index.starts[word] = tuple(out)
    return found


def _may_match_ascii(term: str) -> bool:
    """Whether a term can match some ASCII text case-insensitively: each of its characters is
    ASCII or folds to ASCII ("ſ", the Kelvin sign)."""
    return all(
        c.isascii() or c.lower().isascii() or c.upper().isascii() or c.casefold().isascii() for c in term
    )


def topics(text: str) -> list[str]:
    """The taxonomy categories whose terms `text` uses, as evidence keys ("§justice")."""
    index = _topic_index()
    if not text.isascii():
        return ["§" + name for name in index.names if _category_matcher(name).search(text)]
    candidates: dict[str, list[str]] = {}
    words = set(_LEAD.findall(text.lower()))
    for word in words:
        for name, term in _starts(index, word):
            candidates.setdefault(name, []).append(term)
    always, sure, needs = index.always, index.sure, index.needs
    if not candidates and not always:
        return []  # no word of the text starts a term
    return [
        "§" + name
        for name in index.names
        if (name in always and _category_matcher(name).search(text))
        or (
            name in candidates
            and any(
                term in sure or (needs[term] <= words and _term_matcher(term).search(text))
                for term in candidates[name]
            )
        )
    ]


class ContentSimilarity:
    """Evidence bags of two lists of texts, idf over all of them, cosine and candidates.

    `extra_olds` and `extra_news` are weighed with the others' idf and known names, after
    them (x and y from len(olds), len(news)), but take no part in the idf, the names known or
    the candidates: they can be scored against the others without changing any other score."""

    def __init__(
        self,
        olds: Sequence[str],
        news: Sequence[str],
        lang: str | None = None,
        extra_olds: Sequence[str] = (),
        extra_news: Sequence[str] = (),
    ) -> None:
        language = lang or language_of(" ".join([*olds[:50], *news[:50]]))
        inside = [_names(text) for text in (*olds, *news)]  # each text's names read once
        known = frozenset(key for names in inside for key in names)
        raw_a = [self._evidence(t, language, known, names) for t, names in zip(olds, inside, strict=False)]
        raw_b = [
            self._evidence(t, language, known, names)
            for t, names in zip(news, inside[len(olds) :], strict=True)
        ]
        total = len(raw_a) + len(raw_b)
        df: Counter[str] = Counter()
        for bag in (*raw_a, *raw_b):
            df.update(bag.keys())
        self.language, self.known = language, known  # for `evidence` of other texts
        self._read: dict[str, frozenset[str]] = {}
        self.common = {k for k, n in df.items() if n > max(COMMON_MIN, COMMON_SHARE * total)}
        self.df = df  # in how many texts each piece of evidence is

        # Each piece of evidence's idf, once (not once per text holding it).
        idf = {key: math.log(1 + (total - n + 0.5) / (n + 0.5)) for key, n in df.items()}

        def weigh(bag: Counter[str]) -> Bag:
            out: Bag = {}
            for key, tf in bag.items():
                boost = (
                    NUMBER_WEIGHT
                    if key[0] == "#"
                    else NAME_WEIGHT
                    if key[0] == "@"
                    else TOPIC_WEIGHT
                    if key[0] in "§$"
                    else 1.0
                )
                out[key] = (1 + math.log(tf)) * idf[key] * boost
            norm = math.sqrt(sum(v * v for v in out.values())) or 1.0
            return {k: v / norm for k, v in out.items()}

        self.a = [weigh(bag) for bag in raw_a]
        self.b = [weigh(bag) for bag in raw_b]
        # Names of several words, for `shared_facts` (one name is one fact).
        self.phrases_a = [name_phrases(text) for text in (*olds, *extra_olds)]
        self.phrases_b = [name_phrases(text) for text in (*news, *extra_news)]
        self.size = (len(self.a), len(self.b))  # the texts candidates are found among
        unseen = math.log(1 + (total + 0.5) / 0.5)  # the idf of evidence only an extra holds
        for texts, into in ((extra_olds, self.a), (extra_news, self.b)):
            for text in texts:
                bag = self._evidence(text, language, known)
                for key in bag.keys() - idf.keys():
                    idf[key] = unseen
                into.append(weigh(bag))
        self.postings: dict[str, list[int]] = {}
        for y, weights in enumerate(self.b[: self.size[1]]):
            for key in weights:
                if key not in self.common:
                    self.postings.setdefault(key, []).append(y)

    @staticmethod
    def _evidence(
        text: str, lang: str, known: frozenset[str] = frozenset(), inside: list[str] | None = None
    ) -> Counter[str]:
        bag: Counter[str] = Counter(root(lemma, lang) for lemma in content_lemmas(text, lang))
        bag.update(number_keys(text))
        bag.update(_names(text, known, inside))
        bag.update(_aliases(text))
        bag.update(topics(text))
        bag.update("$" + concept for concept in concepts(text, lang))
        return bag

    def evidence(self, text: str) -> frozenset[str]:
        """The evidence `text` holds, read as the texts given were (their language, the names
        they use): what it is about, unweighed (each text's read once)."""
        found = self._read.get(text)
        if found is None:
            found = self._read[text] = frozenset(self._evidence(text, self.language, self.known))
        return found

    def score(self, x: int, y: int) -> float:
        """Cosine of old text x and new text y (0–1)."""
        small, large = (self.a[x], self.b[y]) if len(self.a[x]) <= len(self.b[y]) else (self.b[y], self.a[x])
        return sum([v * large.get(k, 0.0) for k, v in small.items()])  # a list: quicker, same order

    def shared(self, x: int, y: int) -> list[str]:
        """The evidence both texts hold, strongest first (for messages and tests)."""
        both = [(self.a[x][k] * self.b[y][k], k) for k in self.a[x] if k in self.b[y]]
        return [k for _, k in sorted(both, reverse=True)]

    def shared_facts(self, x: int, y: int) -> set[str]:
        """Shared evidence other than topics and concepts (hints, not shared facts), a name
        and the same word as a lemma counted once ("@mission" and "mission"), and the words of
        one name of several that both texts hold as one ("Special Jurisdiction for Peace": one
        fact, not three names and three words)."""
        # A lemma's key is its root already; a name's key is the word (rooted once here, as
        # the lemma was: rooting a root again can cut it further, "transition" → "trans").
        facts = {root(k[1:], "en") if k[0] == "@" else k for k in self.shared(x, y) if k[0] not in "§$"}
        for mine in self.phrases_a[x]:
            for theirs in self.phrases_b[y]:
                both = mine & theirs
                if len(both) > 1:
                    words = {root(k[1:], "en") for k in both}
                    facts -= words
                    facts.add(" ".join(sorted(words)))
        return facts

    def candidates(
        self, limit: int = 5, allowed: Callable[[int, int], bool] | None = None
    ) -> list[tuple[float, int, int]]:
        """Up to `limit` best new texts per old text by cosine, through the inverted index."""
        out: list[tuple[float, int, int]] = []
        postings = self.postings
        size_b = max(1, self.size[1])
        size_a = max(1, self.size[0])
        for x, bag in enumerate(self.a[: self.size[0]]):
            hits: set[int] = set()
            for n, key in sorted((len(postings[key]), key) for key in bag if key in postings):
                if len(hits) + n > CANDIDATE_HITS:
                    if not hits:  # its rarest evidence is held by many: those around its place
                        ys = postings[key]  # in order
                        middle = bisect.bisect_left(ys, x * size_b // size_a)
                        lo = max(0, min(middle - CANDIDATE_HITS // 2, n - CANDIDATE_HITS))
                        hits.update(ys[lo : lo + CANDIDATE_HITS])
                    break
                hits.update(postings[key])
            scored = sorted(
                ((self.score(x, y), y) for y in hits if allowed is None or allowed(x, y)),
                key=lambda c: (-c[0], c[1]),
            )
            out.extend((s, x, y) for s, y in scored[:limit])
        return out
