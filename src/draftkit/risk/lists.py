"""Lists: the coordinated lists of a text, read once per side, and the rules that compare them.

Takes one text (a `Side`: tokens, lemma view, its conditions and exceptions, its modal
verbs) and hands on `Listing`s — "tanks, artillery systems and mortars", "енергетичного,
банківського та оборонного секторів", "спутников, беспилотников и радаров": items joined by
commas and a last "and" / "or" (та, і, й, або, чи; и, или) — each item with the lemmas that
tell it from the others of its list. Two rules read them: `ITEMS` (an item dropped or added,
"Item removed from a list: 'mortars'") and `JOINERS` ("and" ↔ "or" between the same items:
all of them → any of them). Guarantees: an item is read by its lemmas, so its case forms and
plurals are one item ("танки" / "танків"); an item counts as dropped only when none of its
own words stands anywhere in the other text while another item of its list does (the same
list, edited), so reordering, re-punctuation, a recast sentence and an item spelt out as its
kinds ("artillery" → "towed artillery, self-propelled artillery") say nothing; a list under a
negation ("No tanks, artillery or mortars") reads "and" and "or" alike.
"""

from __future__ import annotations

import re
from itertools import pairwise

from draftkit.records import record
from draftkit.risk.features import Side, mentions, modals
from draftkit.risk.findings import Quote, Report, Span, position_of, span_of
from draftkit.risk.lemmas import same_stem
from draftkit.risk.matching import FeatureRule, Sides, by, silent, unpaired
from draftkit.risk.names import acronym_words, named_entities, named_otherwise, spelt_out
from draftkit.risk.tokens import COORDINATORS, OR_WORDS, Text

# Where an item ends: punctuation other than a comma ends a list; these words open what
# follows an item (a preposition, a verb of being, a relative clause), "of" does not
# ("prisoners of war", "artillery systems of a calibre exceeding 100 mm").
_HARD_STOPS = frozenset({".", ";", ":", "!", "?", "(", ")", "[", "]", "-", '"', "/"})
_STOP_TEXT = """to from in into within by at on for with without under until after before along across
    through between during upon over above below beyond near towards against than as which that
    who whose where when if unless once is are be been being was were will shall must may should
    can could would has have had do does not no needs need у в на до з із зі від за про через
    під після протягом для між по при щоб як що який яка які щодо якщо коли не є буде будуть має
    мають повинні повинна необхідно потрібно слід во с со из от о об под после течение к
    относительно чтобы как что который которая которые если когда не является будет будут должен
    должна должно должны может могут необходимо нужно надо следует"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
# Words in an item that say nothing about which item it is ("будь-яких", "каких-либо": any).
FILLER_TEXT = """the a an all any its their his her such these those this both either each every other others
    more less fewer above below otherwise else back also of усі всі всіх усіх весь вся все її їх
    його свої своїх свій всех всю всё его ее их свои своих свой этот эти інші інших іншим іншими
    другие других другим другими иные иных иным иными
    будь який яка яке які якого якої якому якій яким якими яких любой любая любое любые любого
    любую любом любым любыми любых какой какая какое какие каких либо"""
FILLER = frozenset(FILLER_TEXT.split())
_NEGATIONS = frozenset(
    {"no", "not", "nor", "neither", "never", "не", "ні", "ни", "жоден", "жодних", "никакой"}
)
# Legal doublets: two words joined by "and" / "or" that say one thing ("null and void"), a
# fixed term rather than a list. "null and void" → "void" drops no item from anything.
# Not "rights and obligations", "final and binding", "due and payable": each word says
# something of its own there, and dropping one is a change.
_DOUBLETS: frozenset[tuple[str, str]] = frozenset(
    {
        ("null", "void"),
        ("any", "all"),
        ("each", "every"),
        ("terms", "conditions"),
        ("cease", "desist"),
        ("aid", "abet"),
        ("fit", "proper"),
        ("true", "correct"),
        ("sole", "exclusive"),
        ("free", "clear"),
        ("force", "effect"),
        ("release", "discharge"),
    }
)
_ITEM_WORDS = 6  # words of an item at most, but one between two commas
_MIDDLE_WORDS = 12  # … which may be longer ("artillery systems of a calibre exceeding 100 mm,")


@record
class Item:
    """One item of a list: tokens [first, last), its lemmas and the ones that are its own."""

    first: int
    last: int
    lemmas: tuple[str, ...]  # content lemmas, in order (fillers left out)
    own: tuple[str, ...]  # of those, the ones no other item of its list has (its shared head left out)
    forms: tuple[str, ...]  # the own words as written (normalised): a lemma the dictionary gets wrong
    named: bool  # it holds a capitalised word (not opening a sentence): a name, the name rule's
    fragment: str
    spans: tuple[Span, ...]
    position: int


@record
class Listing:
    """A coordinated list: its items, whether they are joined by "and" or "or", its span."""

    items: tuple[Item, ...]
    joiner: str  # "and" / "or"
    negated: bool  # under a negation ("No tanks, artillery or mortars"): "and" and "or" alike
    fragment: str
    spans: tuple[Span, ...]
    position: int
    operative: bool  # bound by its text (a binding modal or a plain statement), not "may" / "should"
    # Its items are predicates, each after its own auxiliary ("has ceased … and has disarmed
    # …"): read for "and" ↔ "or" only, not for an item's words (a list inside such an item,
    # "is composed of civilian and military monitors", is a list of its own).
    predicates: bool = False


@record
class ListItem:
    """An item as a feature of its own: the item and the list it belongs to."""

    item: Item
    listing: Listing

    @property
    def fragment(self) -> str:
        """The item as written."""
        return self.item.fragment

    @property
    def spans(self) -> tuple[Span, ...]:
        """The item's span."""
        return self.item.spans

    @property
    def position(self) -> int:
        """Where the item stands."""
        return self.item.position


def _word(text: Text, k: int) -> bool:
    tok = text.tokens[k]
    return tok.kind != "punct" and tok.norm not in COORDINATORS


def _right_item(text: Text, start: int, stops: set[int]) -> int:
    """The end of the item that starts at token `start` (after a coordinator)."""
    k = start
    tokens = text.tokens
    while k < len(tokens) and tokens[k].norm in FILLER:
        k += 1
    first = k
    while (
        k < len(tokens)
        and k - start < _ITEM_WORDS
        and _word(text, k)
        and tokens[k].norm not in STOP_WORDS
        and k not in stops
        and not (k > first and _participle_after(tokens[k].norm))
    ):
        k += 1
    return k


def _participle_after(norm: str) -> bool:
    """An English past participle after an item's noun opens what is said of the list ("the
    individual sanctions and the arms embargo imposed on …": 'imposed' is no word of the item)."""
    return len(norm) > 4 and norm.endswith("ed") and norm.isascii() and norm.isalpha()


def _left_item(text: Text, end: int, stops: set[int], limit: int, names: bool = False) -> tuple[int, bool]:
    """The start of the item that ends before token `end`: back to a comma or a hard stop
    (a middle item, between two commas, is whole), else to a stop word, at most `limit` words.
    `names`: the item after it is a name; then a middle item ending in a name after words in
    lower case is that name ("set up, made up of representatives of the Georgian, Russian and
    South Ossetian sides": 'Georgian'; what comes before it is no item, and says nothing of
    whether the list is one: True with the start)."""
    tokens = text.tokens
    k = end
    while k > 0 and end - k < _MIDDLE_WORDS and _word(text, k - 1) and k - 1 not in stops:
        k -= 1
    if k > 0 and tokens[k - 1].norm == "," and k < end:
        if names and tokens[end - 1].cap:
            start = end - 1
            while start > k and tokens[start - 1].cap:
                start -= 1
            if any(
                tokens[j].kind == "word" and not tokens[j].cap and tokens[j].norm not in FILLER
                for j in range(k, start)
            ):
                return start, True
        return k, False  # between two commas (or a comma and the coordinator): the whole item
    name = tokens[end - 1].cap and end - 1 > 0 and tokens[end - 2].norm not in _HARD_STOPS
    k = end
    while (
        k > 0
        and end - k < limit
        and _word(text, k - 1)
        and tokens[k - 1].norm not in STOP_WORDS
        and tokens[k - 1].norm not in FILLER
        and k - 1 not in stops
        and not (name and not tokens[k - 1].cap)  # "наблюдают ОБСЕ": the name, not the verb
    ):
        k -= 1
    return k, False


# Prepositions an item may repeat after the coordinator ("by combatants and by agents of the
# State", "від Херсона та від Запоріжжя"): the two items are what follows each.
_PREPOSITIONS = frozenset({"by", "to", "from", "for", "with", "in", "on", "at", "against", "of", "від", "для", "з",
                           "із", "у", "в", "на", "до", "по", "проти", "через", "між", "от", "с", "к", "против",
                           "между"})  # fmt: skip


# … or an auxiliary ("when the Government has ceased the overflights and has disarmed the
# militias": the items are what each "has" governs).
_AUXILIARIES = frozenset({"has", "have", "is", "are"})
_REPEATED = _PREPOSITIONS | _AUXILIARIES


def _repeated_word(text: Text, c: int) -> int | None:
    """Where the preposition (or auxiliary) after coordinator `c` stood before it, in the same
    clause (the first item opens after it), or None."""
    tokens = text.tokens
    if c + 1 >= len(tokens) or tokens[c + 1].norm not in _REPEATED:
        return None
    word = tokens[c + 1].norm
    for k in range(c - 1, max(c - _MIDDLE_WORDS, 0) - 1, -1):
        if tokens[k].norm in _HARD_STOPS or tokens[k].norm in COORDINATORS:
            return None
        if tokens[k].norm == word:
            return k
    return None


def _introductory(text: Text, start: int, end: int, stops: set[int]) -> bool:
    """Whether tokens [start, end), before a comma and not after one, end a phrase that opens
    its sentence or clause with a preposition or a conjunction ("In the zone, …", "If Russia
    attacks, …"): what it introduces may be a list; it is none of its items. A clause whose
    modal (`stops`) governs the item is no such phrase: in "…, which may include diplomatic,
    economic and military measures" "diplomatic" is the list's first item."""
    tokens = text.tokens
    if start > 0 and tokens[start - 1].norm == ",":
        return False  # between two commas: an item
    k = start
    while k > 0 and tokens[k - 1].norm not in _HARD_STOPS and tokens[k - 1].norm != ",":
        k -= 1
    if any(j in stops for j in range(k, start)):
        return False
    return tokens[k].norm in STOP_WORDS and tokens[k].norm not in _NEGATIONS  # "No tanks, …" is a list


def _opens_sentence(text: Text, k: int) -> bool:
    return k == 0 or text.tokens[k - 1].norm in {".", "!", "?", ":", ";", '"', "(", "-"}


def _clause_of(side: Side, index: int) -> int:
    """Which condition or exception clause holds token `index` (-1: none)."""
    for n, clause in enumerate((*side.analysis.conditions, *side.analysis.exceptions)):
        if clause.first <= index < clause.last:
            return n
    return -1


def _negated(text: Text, first: int) -> bool:
    """Whether a negation stands in the clause before token `first`."""
    k = first - 1
    while k >= 0 and text.tokens[k].norm not in _HARD_STOPS and text.tokens[k].norm != ",":
        if text.tokens[k].norm in _NEGATIONS:
            return True
        k -= 1
    return False


def _content(side: Side, first: int, last: int) -> tuple[tuple[str, str], ...]:
    """(lemma, normalised word) of the item's words that tell what it is."""
    lemmas = side.lemmas.tokens
    tokens = side.text.tokens
    return tuple(
        (lemmas[k].norm, tokens[k].norm)
        for k in range(first, last)
        if tokens[k].kind == "word"
        and tokens[k].norm not in FILLER
        and tokens[k].norm not in STOP_WORDS  # "municipalities in Lanao": "in" tells no item
        and len(lemmas[k].norm) > 1
    )


def listings(side: Side) -> list[Listing]:
    """The coordinated lists of a text, in text order: each coordinator with the item after
    it and the items before it, back over the commas that join them."""
    text = side.text
    tokens = text.tokens
    coordinators = [k for k, tok in enumerate(tokens) if tok.norm in COORDINATORS]
    if not coordinators:
        return []
    # A modal and the verb it governs stand outside any item ("shall hold presidential and
    # parliamentary elections": the items are "presidential", "parliamentary elections").
    stops = {k for hit in side.compiled.obligation.find(text) for k in range(hit.first, hit.last + 1)}
    # Each coordinator, its items' bounds, whether each item has its own preposition.
    found: list[tuple[int, list[tuple[int, int]], bool]] = []
    for c in coordinators:
        start = c + 1
        repeated = _repeated_word(text, c)
        if repeated is not None:  # "by combatants … and by agents of the State": items after each "by"
            start += 1
        end = _right_item(text, start, stops)
        if end == start:
            continue
        bounds = [(start, end)]
        k = c - 1 if c > 0 and tokens[c - 1].norm == "," else c  # "tanks, artillery, and mortars"
        if repeated is not None:
            if repeated + 1 < k:
                bounds.append((repeated + 1, k))
            bounds.reverse()
            found.append((c, bounds, True))
            continue
        while k > 0:
            middle = [last - first for first, last in bounds[1:]]
            limit = min(middle) if middle else min(end - c - 1, 3)
            after = bounds[-1]
            names = any(tokens[j].cap and not _opens_sentence(text, j) for j in range(*after))
            start, named = _left_item(text, k, stops, limit, names)
            if start == k or (len(bounds) > 1 and not named and _introductory(text, start, k, stops)):
                break  # "In the zone, tanks and mortars …": "zone" is no item
            bounds.append((start, k))
            if start > 1 and tokens[start - 1].norm == "," and _word(text, start - 2):
                k = start - 1
                continue
            break
        if len(bounds) < 2 or _doublet(text, bounds):
            continue
        bounds.reverse()
        found.append((c, bounds, False))
    # Two lists in a row share words: in "эффективный мониторинг и верификацию режима
    # прекращения огня и отвода …" the genitive after "верификацию" is the next list's first
    # item, which both nouns govern; the last item of a list ends where the next list begins.
    found = _chained(text, found)
    for (_, bounds, _), (_, following, _) in pairwise(found):
        first, last = bounds[-1]
        if first < following[0][0] < last:
            bounds[-1] = (first, following[0][0])
    out: list[Listing] = []
    operative = _operative(side)
    for c, bounds, repeated_word in found:
        clause = _clause_of(side, c)
        bounds = [(a, b) for a, b in bounds if _clause_of(side, a) == clause]
        words = [_content(side, a, b) for a, b in bounds]
        if len(bounds) < 2 or not all(any(w.isalpha() for w, _ in item) for item in words):
            continue
        items = _items(text, bounds, words, repeated_word)
        first, last = bounds[0][0], bounds[-1][1]
        span = span_of(text, first, last)
        joiner = "or" if tokens[c].norm in OR_WORDS else "and"
        predicates = repeated_word and tokens[c + 1].norm in _AUXILIARIES
        negated = _negated(text, first)
        out.append(
            Listing(items, joiner, negated, text.span(first, last), (span,), span[0], operative, predicates)
        )
    return out


def _chained(
    text: Text, found: list[tuple[int, list[tuple[int, int]], bool]]
) -> list[tuple[int, list[tuple[int, int]], bool]]:
    """Two lists in a row whose items meet, the last item of the one (its filler words left
    out) the first of the other ("merchant ships and other civilian vessels and port
    facilities", "торговельні судна та інші цивільні судна і портові споруди"), as one list of
    them all, read at its last coordinator."""
    tokens = text.tokens
    out: list[tuple[int, list[tuple[int, int]], bool]] = []
    for c, bounds, repeated in found:
        if out and not repeated and not out[-1][2]:
            first, last = out[-1][1][-1]
            while first < last and tokens[first].norm in FILLER:
                first += 1
            if (first, last) == bounds[0]:
                out[-1] = (c, [*out[-1][1][:-1], *bounds], False)
                continue
        out.append((c, bounds, repeated))
    return out


def _doublet(text: Text, bounds: list[tuple[int, int]]) -> bool:
    """Whether a list of two one-word items (`bounds` last item first) is a legal doublet."""
    if len(bounds) != 2 or any(last - first != 1 for first, last in bounds):
        return False
    (after, _), (before, _) = bounds
    return (text.tokens[before].norm, text.tokens[after].norm) in _DOUBLETS


def _items(
    text: Text,
    bounds: list[tuple[int, int]],
    words: list[tuple[tuple[str, str], ...]],
    repeated_word: bool = False,
) -> tuple[Item, ...]:
    """The items of one list, each with its own lemmas: those no other item has, and not the
    head the last item shares with the others ("defence" of "the energy, banking and defence
    sectors": "sectors" is every item's; after items of one word each, the last item's own
    word is its first: "verifiable" of "complete and verifiable withdrawal of forces"). Items
    that each follow their own preposition share no head ("from shelling and from armed
    provocations": the second item is "armed provocations")."""
    lemmas = [tuple(lemma for lemma, _ in item) for item in words]
    named = [
        any(text.tokens[k].cap and not _opens_sentence(text, k) for k in range(first, last))
        for first, last in bounds
    ]
    # (a name of one word shares no head: "Росії проти України та міжнародного механізму")
    shared_head = (
        not repeated_word
        and len(lemmas[-1]) > 1
        and all(len(item) == 1 for item in lemmas[:-1])
        and not any(named[:-1])
    )
    out: list[Item] = []
    for n, (first, last) in enumerate(bounds):
        others = {w for m, other in enumerate(lemmas) if m != n for w in other}
        mine = words[n][:1] if shared_head and n == len(lemmas) - 1 else words[n]
        own = tuple(pair for pair in mine if pair[0] not in others) or mine
        shown = last
        if shared_head and n == len(lemmas) - 1:  # quoted to its own word: 'verifiable'
            shown = next(k for k in range(first, last) if text.tokens[k].norm == own[0][1]) + 1
        span = span_of(text, first, shown)
        out.append(
            Item(
                first,
                last,
                lemmas[n],
                tuple(lemma for lemma, _ in own),
                tuple(form for _, form in own),
                named[n],
                text.span(first, shown),
                (span,),
                position_of(text, first),
            )
        )
    return tuple(out)


def _operative(side: Side) -> bool:
    """A text binds what its lists say unless its only modals are best effort or permissive."""
    found = side.features(modals)
    return not found or any(m.level >= 3 or m.negated for m in found)


def list_items(side: Side) -> list[ListItem]:
    """Every item of every list, in text order."""
    listed = side.features(listings)
    return [ListItem(item, listing) for listing in listed if not listing.predicates for item in listing.items]


# ---------------------------------------------------------------------------------------------
# The rules


def _kept(side: Side, item: Item) -> bool:
    """Whether the text says one of the item's own words (or one of their stem), by its
    lemma or as written (simplemma reads "артиллерия" as "дальнего", "артиллерию" right),
    or one of the item's words with a hyphen taken out or put in."""
    forms = side.text.forms()
    return any(
        mentions(side, w) or w in forms or any(same_stem(w, f) for f in forms if f[:4] == w[:4])
        for w in (*item.own, *item.forms)
    ) or _hyphenation_of(side, item)


_HYPHENS = "-\u2010\u2011"
_WORDS = re.compile(r"\w+(?:[-\u2010\u2011]\w+)*")


def _written(text: str) -> tuple[set[str], set[str]]:
    """A text's words, as (hyphenated ones with their hyphens taken out: "deescalation" for
    "de-escalation", words of one piece)."""
    joined: set[str] = set()
    whole: set[str] = set()
    for word in _WORDS.findall(text.casefold()):
        if any(h in word for h in _HYPHENS):
            joined.add(word.translate({ord(h): None for h in _HYPHENS}))
        else:
            whole.add(word)
    return joined, whole


def _hyphenation_of(side: Side, item: Item) -> bool:
    """Whether the other text writes one of the item's words with a hyphen where the item
    has none, or none where it has one ("de-escalation", "deescalation"; "post-war",
    "postwar"): a spelling, not another item."""
    mine_joined, mine_whole = _written(item.fragment)
    if not mine_joined and not mine_whole:
        return False
    theirs_joined, theirs_whole = _written(side.text.original)
    return bool(mine_joined & theirs_whole) or bool(mine_whole & theirs_joined)


def _part_of_split(other: Side, feature: ListItem) -> bool:
    """Whether an item is one of the kinds an item of the other text is spelt out as
    ("towed artillery", "self-propelled artillery" for "artillery"): it ends in the words of
    an item of the other text's lists, and so does another item of its own list ("crimes
    against humanity" is no kind of "crimes")."""

    def kind_of(item: Item, whole: tuple[str, ...]) -> bool:
        return len(item.lemmas) > len(whole) and item.lemmas[-len(whole) :] == whole

    for listing in other.features(listings):
        for item in listing.items:
            if (
                item.lemmas
                and kind_of(feature.item, item.lemmas)
                and sum(1 for i in feature.listing.items if kind_of(i, item.lemmas)) >= 2
            ):
                return True
    return False


def _said(item: Item, words: frozenset[str]) -> bool:
    """Whether one of the item's own words is among `words` (lemmas or forms of another
    item), or shares its stem with one."""
    return any(
        w in words or any(same_stem(w, x) for x in words if x[:4] == w[:4]) for w in (*item.own, *item.forms)
    )


def _partner(sides: Sides, feature: ListItem, other: Side) -> tuple[Listing | None, int]:
    """The list of the other text that holds most of this list's items, and how many items
    it has; (None, 1) when no list there holds one of them but the word diff keeps the rest
    of a list of two in place (a list of one: "presidential elections" for "presidential
    and parliamentary elections"); (None, 0) when the list is not there at all."""
    listing = feature.listing
    this = sides.new if other is sides.old else sides.old
    # A list of the other text that is another list of this one, unchanged, is not this
    # list's ("Yugoslav and Serb personnel … at Serb sites and at border crossings": "Serb").
    theirs = [x for x in this.features(listings) if x is not listing]
    best: Listing | None = None
    score = 0
    for candidate in other.features(listings):
        if candidate.predicates or any(_same_items(x, candidate) for x in theirs):
            continue
        words = frozenset(w for i in candidate.items for w in (*i.lemmas, *i.forms))
        n = sum(1 for item in listing.items if _said(item, words))
        if n > score:
            best, score = candidate, n
    if best is not None:
        return best, len(best.items)
    return None, 1 if _lone(sides, feature, this, other) else 0


def _lone(sides: Sides, feature: ListItem, this: Side, other: Side) -> bool:
    """Whether a list lost (or gained) the item and all others but one: the word diff keeps
    that one item's word next to the coordinator (its head: "мониторинг" of "эффективный
    мониторинг и верификацию", whose adjective may go with the item), and the words either
    side of the list, in place (`this`: the side the item's list stands in). In a list of
    three or more, that one item is the only one whose words the other text holds, not the
    end of a name, and the word on its side of the list in place ("school buildings, temples and
    mosques" → "school buildings")."""
    listing = feature.listing
    first, last = listing.items[0].first, listing.items[-1].last
    outer: tuple[int | None, int | None]
    if len(listing.items) == 2:
        sibling = next(i for i in listing.items if i is not feature.item)
        outer = (first - 1, last)
    else:
        survivors = [i for i in listing.items if i is not feature.item and _kept(other, i)]
        if len(survivors) != 1 or (survivors[0].first and this.text.tokens[survivors[0].first - 1].cap):
            return False  # the end of a name before a comma ("the Gaza Strip, including …") heads no list
        sibling = survivors[0]
        following = listing.items.index(sibling) + 1
        if following < len(listing.items) and _appended(this, listing.items[following]):
            return False  # "in three copies, each in Ukrainian, Russian and English": no list with the copies
        # the edge on the kept item's side: what the dropped items stood before may go too
        outer = (
            first - 1 if sibling is listing.items[0] else None,
            last if sibling is listing.items[-1] else None,
        )
    kept = sides.kept_words()
    held = set(kept) if this is sides.old else set(kept.values())
    tokens = this.text.tokens
    words = [k for k in range(sibling.first, sibling.last) if tokens[k].kind != "punct"]
    if not words:
        return False
    head = words[-1] if sibling is listing.items[0] else words[0]
    edges = [k for k in outer if k is not None and 0 <= k < len(tokens)]
    return all(k in held for k in (head, *edges))


# Words that open a phrase saying more of what stands before the comma, not another item of
# a list with it ("…, including …", "…, each in …", "…, кожний українською …").
_APPENDING = frozenset(
    [
        "including",
        "each",
        "namely",
        "especially",
        "particularly",
        "notably",
        "включаючи",
        "зокрема",
        "кожний",
        "кожен",
        "кожна",
        "кожне",
        "включая",
        "каждый",
        "каждая",
        "каждое",
        "в",
        "частности",
    ]
)


def _appended(side: Side, item: Item) -> bool:
    """Whether the item (or the word right before it) opens a phrase of `_APPENDING`."""
    tokens = side.text.tokens
    return any(tokens[k].norm in _APPENDING for k in (item.first - 1, item.first) if 0 <= k < len(tokens))


def _names_one(side: Side, item: Item) -> bool:
    """Whether the item holds a name the name rule reports (a place, party or organisation):
    "agents of the State" or "the Guarantors", whose capitals name no such thing, are the
    list's to report."""
    return any(n.kind != "name" and item.first <= n.first < item.last for n in side.features(named_entities))


def _abbreviated(this: Side, item: Item, other: Side) -> bool:
    """Whether the item is a body the other text names by its acronym ("the Government of
    Nepal" for "the GON"), or an acronym of a body the other text spells out."""
    names = this.features(named_entities)
    if any(item.first <= n.first < item.last and named_otherwise(this, n, other) for n in names):
        return True
    return any(spelt_out(other, acronym) for acronym in acronym_words(this, item.first, item.last))


def _item_report(s: Sides, feature: ListItem, other: Side, removed: bool) -> Report | None:
    """An item dropped (`removed`) or added: its words are nowhere in the other text, the
    other text holds its list with fewer items (a list with as many, another item in its
    place: "Item replaced", reported once, from the old side, in lists of three or more)."""
    item, listing = feature.item, feature.listing
    this = s.old if removed else s.new
    if (item.named and _names_one(this, item)) or _kept(other, item) or _abbreviated(this, item, other):
        return None  # a name is the name rule's; an item whose words are still there is kept
    partner, count = _partner(s, feature, other)
    if not count or _part_of_split(other, feature):
        return None
    heavy = s.sig.list_heavy if listing.operative else 0.0
    where = Quote("", partner.spans, partner.position) if partner is not None else None
    if count < len(listing.items):
        headline = "Item removed from a list" if removed else "Item added to a list"
        return Report(headline, s.sig.list_item, counterpart=where, heavy=heavy)
    if not removed or partner is None or count != len(listing.items) or count < 3:
        return None
    gone = [i for i in listing.items if not i.named and not _kept(other, i)]
    new = [i for i in partner.items if not i.named and not _kept(this, i)]
    if len(gone) != 1 or len(new) != 1:
        return None  # several items reworded: a rewording, not one item for another
    replacement = Quote(new[0].fragment, partner.spans, new[0].position)
    return Report("Item replaced in a list", s.sig.list_item, counterpart=replacement, heavy=heavy)


ITEMS: FeatureRule[ListItem] = FeatureRule(
    name="list",
    features=list_items,
    key=lambda f: f.item.own,
    pair=unpaired,
    changed=silent,
    removed=lambda s, old: _item_report(s, old, s.new, removed=True),
    added=lambda s, new: _item_report(s, new, s.old, removed=False),
)


def _same_items(old: Listing, new: Listing) -> bool:
    """Two lists of the same items (at least two, each matched by its own words)."""
    mine = [set(i.own) for i in old.items]
    theirs = [set(i.own) for i in new.items]
    if len(mine) != len(theirs):
        return False
    return all(any(a & b for b in theirs) for a in mine) and all(any(a & b for a in mine) for b in theirs)


def _joiner_changed(s: Sides, old: Listing, new: Listing) -> Report | None:
    if old.joiner == new.joiner or old.negated or new.negated:
        return None
    headline = (
        "Items made alternatives ('and' → 'or')"
        if new.joiner == "or"
        else "Alternatives made cumulative ('or' → 'and')"
    )
    heavy = s.sig.list_heavy if old.operative and new.operative else 0.0
    return Report(headline, s.sig.list_joiner, heavy=heavy)


JOINERS: FeatureRule[Listing] = FeatureRule(
    name="list",
    features=listings,
    key=lambda x: (x.joiner, tuple(sorted(w for i in x.items for w in i.own))),
    pair=by(_same_items),
    changed=_joiner_changed,
    removed=silent,
    added=silent,
)
