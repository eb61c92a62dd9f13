"""One text read for the risk rules: tokens with cross-references masked, and the condition
and exception clauses in it (shared by classification and the significance rules)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Sequence
from itertools import compress
from operator import attrgetter

from draftkit.compare.refs import Reference, find_references
from draftkit.records import record
from draftkit.risk.phrases import PhraseSets
from draftkit.risk.taxonomy import Compiled
from draftkit.risk.tokens import COORDINATORS, Hit, Text, Token

_SENTENCE_END = {".", ";", ":", "!", "?"}
_CLAUSE_END = {",", ";", ".", ":", "!", "?"}
_LIST_END = {";", ".", ":", "!", "?"}
_LIST_JOINERS = COORDINATORS | {","}


# A clause opened by a negative determiner negates whatever modal it holds: "No armed group
# may operate" forbids (as "may not" does); "No later than 30 days" and "no more than" bound.
_NEGATIVE_SUBJECT = {"no", "neither", "none", "nobody", "nothing"}
_NOT_A_SUBJECT = {"later", "earlier", "sooner", "more", "less", "fewer", "longer", "shorter", "further"}


# "including, but not limited to, …" (не обмежуючись, не ограничиваясь): what follows gives
# examples of a whole, neither an exception ("but not") nor a restriction ("limited to").
_LIMITED = frozenset({"limited", "обмежуючись", "ограничиваясь"})


def not_limited_at(text: Text, index: int) -> bool:
    """Whether token `index` is in a "but not limited to" phrase (its "but", "not" or "limited")."""
    tokens = text.tokens
    for k in range(max(1, index - 1), min(len(tokens), index + 3)):
        word = tokens[k].norm
        if word in _LIMITED and tokens[k - 1].norm in ("not", "не"):
            return word != "limited" or (k + 1 < len(tokens) and tokens[k + 1].norm == "to")
    return False


def negated_subject(text: Text, first: int) -> bool:
    """Whether the clause that holds token `first` opens with a negative determiner ('No
    other armed group', 'Neither Party'), so that a modal in it states a prohibition."""
    tokens = text.tokens
    k = first - 1
    while k >= 0 and first - k <= 12 and tokens[k].norm not in _CLAUSE_END:
        k -= 1
    if k >= 0 and tokens[k].norm not in _CLAUSE_END:
        return False  # too far back to be the subject
    start = k + 1
    if start >= first or tokens[start].norm not in _NEGATIVE_SUBJECT:
        return False
    return start + 1 < len(tokens) and tokens[start + 1].norm not in _NOT_A_SUBJECT


@functools.lru_cache(maxsize=2048)
def references_in(original: str) -> tuple[Reference, ...]:
    """The cross-references of a text, found once: its analysis masks them and the
    references rule quotes them."""
    return tuple(find_references(original))


@record
class Clause:
    """A condition or exception: marker tokens [first, body), body tokens [body, last)."""

    label: str  # "if" / "unless" for conditions, "except" for exceptions
    first: int
    body: int
    last: int
    content: tuple[str, ...]  # normalised words of the body (cross-references as '#ref')
    items: tuple[tuple[str, ...], ...]  # the body split at commas, 'and', 'or'


def in_a_name(text: Text, index: int) -> bool:
    """Whether the word at `index` is a word of a capitalised name: written with a capital,
    not where a sentence opens, beside another capitalised word ("the Transition Assistance
    Group", "the Compensation Commission")."""
    if not capitalised(text, index) or at_sentence_start(text, index):
        return False
    return capitalised(text, index - 1) or capitalised(text, index + 1)


def capitalised(text: Text, k: int) -> bool:
    """Whether token `k` is a word written with a capital (False past either end)."""
    tokens = text.tokens
    return 0 <= k < len(tokens) and tokens[k].kind == "word" and tokens[k].cap


def at_sentence_start(text: Text, index: int) -> bool:
    k = index - 1
    while k >= 0 and text.tokens[k].norm in {'"', "'", "("}:
        k -= 1
    return k < 0 or text.tokens[k].norm in _SENTENCE_END


# Words written with a dot that ends no sentence: "St. Petersburg", "No. 3", "Art. 5", "U.S.".
_ABBREVIATIONS = frozenset(
    [
        "st",
        "mt",
        "ft",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "sgt",
        "no",
        "nos",
        "nr",
        "art",
        "arts",
        "para",
        "paras",
        "sec",
        "p",
        "pp",
        "vol",
        "ch",
        "cf",
        "e",
        "g",
        "i",
        "ie",
        "eg",
        "etc",
        "vs",
        "v",
        "u",
        "s",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "govt",
        "dept",
        "approx",
        "ca",
        "est",
    ]
)


def _abbreviation_dot(text: Text, index: int) -> bool:
    """Whether the '.' at `index` closes an abbreviation or an initial rather than a clause:
    the word before it is a known abbreviation or one letter, or what follows is lower case
    or a number ("St. Petersburg", "No. 3", "U.S. forces")."""
    if text.tokens[index].norm != "." or index == 0:
        return False
    before = text.tokens[index - 1]
    if before.kind == "punct":
        return False
    word = before.norm.lower()
    if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return True
    following = text.tokens[index + 1] if index + 1 < len(text.tokens) else None
    return following is not None and following.kind == "word" and not following.cap


def _clause(text: Text, hit: Hit, stops: set[str]) -> Clause:
    end = hit.last
    depth = 0
    while end < len(text.tokens):
        norm = text.tokens[end].norm
        if norm in {"(", "["}:
            depth += 1
        elif norm in {")", "]"} and depth:
            depth -= 1
        elif depth == 0 and norm in stops and not _abbreviation_dot(text, end):
            break
        end += 1
    content = text.words(hit.last, end)
    items: list[tuple[str, ...]] = []
    current: list[str] = []
    for tok in text.tokens[hit.last : end]:
        if tok.norm in _LIST_JOINERS:
            if current:
                items.append(tuple(current))
            current = []
        elif tok.kind != "punct" or tok.norm == "#ref":
            current.append(tok.norm)
    if current:
        items.append(tuple(current))
    return Clause(hit.label, hit.first, hit.last, end, content, tuple(items))


@record
class Analysis:
    """A text with its condition and exception clauses and the token ranges of their markers."""

    text: Text
    conditions: tuple[Clause, ...]
    exceptions: tuple[Clause, ...]

    @staticmethod
    def of(original: str, compiled: Compiled, phrases: PhraseSets | None = None) -> Analysis:
        """Read one provision text (or several joined with newlines), cross-references masked
        (`phrases`: the sets read in the same scan as the conditions and exceptions)."""
        refs = [(r.start, r.end) for r in references_in(original)]
        text = Text(original, masked=refs)
        (phrases or compiled.modal_sets).find_all(text)
        return Analysis.build(text, compiled.conditions.find(text), compiled.exceptions.find(text))

    @staticmethod
    def build(text: Text, condition_hits: Sequence[Hit], exception_hits: Sequence[Hit]) -> Analysis:
        """An analysis from marker hits already found (classification finds them in its one pass)."""
        exceptions: list[Clause] = []
        for hit in exception_hits:
            if not_limited_at(text, hit.first):
                continue  # "including, but not limited to, …": examples, not an exception
            if hit.last < len(text.tokens) and text.tokens[hit.last].norm in _NOT_A_SUBJECT:
                continue  # "as soon as possible, but not later than …": a deadline, no exception
            # An exception opening a sentence ("Except as provided in paragraph 3, …") ends
            # at the comma; one inside a sentence runs to the end of the list it introduces.
            stops = _CLAUSE_END if at_sentence_start(text, hit.first) else _LIST_END
            exceptions.append(_clause(text, hit, stops))
        conditions = tuple(_clause(text, hit, _CLAUSE_END) for hit in condition_hits)
        return Analysis(text, conditions, tuple(exceptions))

    def in_marker(self, first: int, last: int) -> bool:
        """True when tokens [first, last) overlap an exception marker ('shall not apply to')."""
        return any(first < c.body and c.first < last for c in self.exceptions)

    def bounded(self) -> Analysis:
        """Without the 'when' clauses that open a sentence and run to its end ("Після
        схвалення угоди Ізраїлем усіх заручників буде повернуто"): with no comma after
        them, where they stop cannot be read."""
        tokens = self.text.tokens

        def unbounded(c: Clause) -> bool:
            ends = c.last >= len(tokens) or tokens[c.last].norm in _SENTENCE_END
            return c.label == "when" and ends and at_sentence_start(self.text, c.first)

        return Analysis(self.text, tuple(c for c in self.conditions if not unbounded(c)), self.exceptions)

    def in_clause(self, index: int) -> bool:
        """True when a token stands inside a condition or exception (marker or body)."""
        return any(c.first <= index < c.last for c in (*self.conditions, *self.exceptions))


_CAP = attrgetter("cap")
_CONNECTORS = {"of", "the", "for", "and", "de", "la", "on", "upon", "del", "di"}
# Words that open sentences with a capital but are not part of a name after them.
_OPENERS = {
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "such",
    "each",
    "every",
    "any",
    "all",
    "no",
    "neither",
    "either",
    "both",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "within",
    "following",
    "pending",
    "subject",
    "nothing",
    "upon",
    "after",
    "before",
    "if",
    "where",
    "when",
    "unless",
    "notwithstanding",
    "until",
    "during",
    "withdrawn",
    "only",
    "under",
    "between",
    "its",
    "their",
}


@record
class NameRun:
    """A run of capitalised words read as a proper name: 'Kessel Valley', 'Joint Commission'."""

    first: int
    last: int
    key: str  # normalised words joined by spaces
    before: str  # normalised word just before the name ('' at the start)
    place: bool  # a place word is in the name or just before it ("village of Hollin")
    body: bool = False  # the name ends in a body word ("Joint Commission", "Board of Peace")
    head: int = -1  # the place word it shares with the next names of a list (`Conjunct`)


# A list of names sharing one place word names as many places, each with that word:
# "Запорізької та Херсонської областей" is Zaporizhzhia oblast and Kherson oblast, "the
# Donetsk and Luhansk oblasts" Donetsk oblast and Luhansk oblast. The last item stands next to
# the word and is read with it as any name is; the others (`Conjunct`) are read here.
_ITEM_WORDS = 3  # capitalised words of one item at most ("Івано-Франківської": two)


@record
class Conjunct:
    """An item of a list of names before one place word, other than the last: tokens
    [first, last), the shared place word at `head`."""

    first: int
    last: int
    head: int


def _item_start(text: Text, end: int, is_cap: Callable[[int], bool]) -> int:
    """Where the item of capitalised words that ends before token `end` starts (`end` when
    there is none). A capitalised word opening a sentence joins an item only as its one word:
    "У Донецькій та …" is the item "Донецькій", "Донецька та …" the item "Донецька"."""
    k = end
    while k > 0 and end - k < _ITEM_WORDS and is_cap(k - 1):
        if at_sentence_start(text, k - 1) and k < end:
            break
        k -= 1
    return k


# The adjectives of Ukrainian and Russian place names (Запорізька, Донецька, Сумська;
# Запорожская, Донецкая) end in -ськ-, -цьк-, -зьк- (-ск-, -цк-) and a case ending.
_PLACE_ADJECTIVE = re.compile(r"(?:ськ|цьк|зьк|ск|цк)[^\W\d]{1,3}$")


def _agrees(item: str, last: str) -> bool:
    """Whether an item can share the place word its list's last item stands next to: in
    Ukrainian and Russian both are place adjectives in one case, so they end alike
    ("Запорізької" and "Херсонської", not "Москвой" and "Херсонской"); an English name
    does not inflect (the place word's plural says it is shared)."""
    if item.isascii():
        return True
    return not last.isascii() and item[-2:] == last[-2:] and _PLACE_ADJECTIVE.search(item) is not None


def coordinated(text: Text, compiled: Compiled) -> tuple[Conjunct, ...]:
    """The items of lists of names that share the place word after the last one, other than
    the last ("Запорізької" of "Запорізької та Херсонської областей"), in text order. The
    item before the last is joined by a conjunction, the others by it or by commas; an
    English list shares a plural ("oblasts", "regions"), a Ukrainian or Russian one a word
    its adjectives agree with ("Донецької та Луганської області")."""
    place_words = compiled.place_words
    if place_words.isdisjoint(text.forms()):
        return ()  # most texts name no place with a place word
    tokens = text.tokens

    def is_cap(k: int) -> bool:
        tok = tokens[k]
        return (
            tok.kind == "word"
            and tok.cap
            and not not_name(tok.norm, compiled)
            and tok.norm not in _CONNECTORS
        )

    out: list[Conjunct] = []
    for head in [k for k, tok in enumerate(tokens) if tok.norm in place_words]:
        word = tokens[head].norm
        k = _item_start(text, head, is_cap)
        if k == head or (word.isascii() and not (word.endswith("s") and word[:-1] in place_words)):
            continue
        last = tokens[head - 1].norm
        items: list[Conjunct] = []
        while k > 0:
            j = k - 1
            joined = tokens[j].norm in COORDINATORS
            if joined and j > 0 and tokens[j - 1].norm == ",":
                j -= 1  # "Donetsk, Luhansk, and Zaporizhzhia oblasts"
            if not (joined or (tokens[j].norm == "," and items)):
                break
            start = _item_start(text, j, is_cap)
            if start == j or not _agrees(tokens[j - 1].norm, last):
                break
            items.append(Conjunct(start, j, head))
            k = start
        out.extend(reversed(items))
    return tuple(sorted(out, key=attrgetter("first")))


def _before(tokens: Sequence[Token], first: int) -> str:
    """The normalised word before token `first` ('' at the start)."""
    return tokens[first - 1].norm if first > 0 else ""


def _without_possessive(word: str) -> str:
    """'republic' of "republic's" (and "republic’s"), 'parties' of "parties'"."""
    for ending in ("'s", "’s", "'", "’"):
        if word.endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)]
    return word


_SHOUTED_WORD = r"[A-ZÀ-ÖØ-ÞА-ЯЁЄІЇҐЎ][A-ZÀ-ÖØ-ÞА-ЯЁЄІЇҐЎ'’-]+"
_TWO_SHOUTED = re.compile(rf"(?<!\w){_SHOUTED_WORD}[\W\d_]+{_SHOUTED_WORD}(?!\w)")


def shouted(text: Text) -> bool:
    """Whether a text is written in capitals (typed so, or a heading or clause Word shows in
    capitals, `w:caps`): most of its words of two letters or more are capitals, three at
    least. There a capital says nothing of a name ("THE PARTIES SHALL WITHDRAW" names no
    one), as at a sentence's start."""
    original = text.original
    # Cheap first (one scan in C, not a loop over the characters): where most words are in
    # capitals, two of them stand side by side.
    if not original.isupper() and _TWO_SHOUTED.search(original) is None:
        return False
    words = [original[t.start : t.end] for t in text.tokens if t.kind == "word" and t.end - t.start > 1]
    upper = sum(w.isupper() for w in words)
    return upper >= 3 and upper * 2 > len(words)


def _carried_on(text: Text, taken: Collection[int]) -> set[int]:
    """The tokens `taken` and the capitalised words that follow one of them directly."""
    tokens = text.tokens
    out = set(taken)
    for k in sorted(taken):
        j = k + 1
        while j < len(tokens) and j not in out and tokens[j].kind == "word" and tokens[j].cap:
            out.add(j)  # each token added once: linear in the text
            j += 1
    return out


def not_name(norm: str, compiled: Compiled) -> bool:
    """Whether a capitalised word is one of `not_names`, its English possessive too ("the
    Armistice Agreement's entry": no name 'Armistice Agreement's' beside 'Armistice')."""
    if norm in compiled.not_names:
        return True
    return norm.endswith("'s") and norm[:-2] in compiled.not_names


def name_runs(
    text: Text,
    compiled: Compiled,
    taken: Collection[int] = (),
    conjuncts: Sequence[Conjunct] | None = None,
) -> list[NameRun]:
    """Capitalised names that are not at a sentence start and not in `not_names`, nor on the
    tokens `taken` (names read otherwise, from a gazetteer: a run stops before them, so
    "Sumy and Kharkiv" with Kharkiv listed is the name "Sumy", not a run dropped whole) or
    on the capitalised words right after them, which carry their name on ("Kherson Regional
    Military Administration", "Kyiv Security Compact": no name "Regional Military
    Administration" of its own). `conjuncts`: `coordinated(text, compiled)`, where the caller
    has read it already.

    A sentence-initial capital says nothing, so a run that opens a sentence loses its first
    word ("The Reconstruction Fund" → "Reconstruction Fund")."""
    tokens = text.tokens
    runs: list[NameRun] = []
    n = len(tokens)
    if shouted(text):
        return runs
    if taken:
        taken = _carried_on(text, taken)

    def is_cap(k: int) -> bool:
        tok = tokens[k]
        return tok.kind == "word" and tok.cap and not not_name(tok.norm, compiled) and k not in taken

    # An item of a list before a shared place word is a name of its own, and a place.
    by_first = {c.first: c for c in (coordinated(text, compiled) if conjuncts is None else conjuncts)}
    ends = {c.last for c in by_first.values()}
    # Most tokens are not capitalised: a run can only start at one that is.
    resume = 0
    for i in [k for k in compress(range(n), map(_CAP, tokens)) if is_cap(k)]:
        if i < resume:
            continue  # inside the run before
        j = i + 1
        while j < n and j not in ends:
            if is_cap(j):
                j += 1
            elif (
                tokens[j].norm in _CONNECTORS
                and j + 1 < n
                and is_cap(j + 1)
                and tokens[j].kind == "word"
                and not (tokens[j].norm == "and" and j - i == 1 and not (j + 2 < n and is_cap(j + 2)))
            ):
                # ("Organization for Security and Co-operation"; but "Geneva and Vienna", "English
                # and French": two names of one word each, not one)
                j += 2
            else:
                break
        conjunct = by_first.get(i)
        if conjunct is not None and conjunct.last == j:
            runs.append(
                NameRun(
                    i, j, " ".join(t.norm for t in tokens[i:j]), _before(tokens, i), True, head=conjunct.head
                )
            )
            resume = j
            continue
        first = i
        if at_sentence_start(text, first) and (j - i == 1 or tokens[i].norm in _OPENERS):
            first += 1
            while first < j and not is_cap(first):
                first += 1
        if (
            first < j
            and j < n
            and tokens[j].norm in compiled.place_words
            and not is_cap(j)
            and j not in taken
        ):
            j += 1  # "Херсонской области", "Kherson region": the place word after the name
        if first < j:
            words = [t.norm for t in tokens[first:j]]
            words[-1] = _without_possessive(words[-1])  # "the Republic's" names the Republic
            before = _before(tokens, first)
            context = {t.norm for t in tokens[max(0, first - 2) : first]} | set(words)
            place = bool(context & compiled.place_words)
            body = not place and bool(set(words) & compiled.body_words)
            runs.append(NameRun(first, j, " ".join(words), before, place, body))
        resume = j
    return runs
