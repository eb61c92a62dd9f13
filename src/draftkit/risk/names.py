"""Names: the places, parties and organisations a text names, read once per side.

Takes one text (a `Side`: its tokens, lemma view and the taxonomy's gazetteers and aliases)
and hands on `Name` features for the `name` rule: gazetteer names and their aliases matched
on lemmas, each keyed by its canonical name, then capitalised names no gazetteer lists, of
kind place ("the Marrow Valley", "Херсонской области"), organisation ("the Joint Commission")
or name. Each item of a list sharing one place word is a place of its own with that word
("Запорізької та Херсонської областей": Zaporizhzhia Oblast and Kherson Oblast). Guarantees:
a name is `Located` (fragment, spans, place) and in text order; a place no gazetteer lists is
keyed by its lemmas, so its case forms are one place. For the name rule's pairs: `venue`
(where a meeting is held, which weighs as wording), `seat`, `same_place_but_words`.

And whether two spellings name one body (the last section: `same_body`, `named_otherwise`,
`spelt_out`), the one place the name, role and list rules and the renderings' names ask: a
name written otherwise by a letter or two, an acronym and the words it stands for (in any
case pattern: "GOI" / "the Government of Israel", "СБСЕ" / "Совещания по безопасности и
сотрудничеству в Европе"), an acronym defined in brackets or spelt out in its place in another
language's initials; an acronym the gazetteer knows as a body's is spelt out only in that
body's words.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable, Mapping
from itertools import pairwise

from draftkit.records import record
from draftkit.risk.analysis import Conjunct, at_sentence_start, coordinated, name_runs, shouted
from draftkit.risk.features import Side
from draftkit.risk.findings import Span, span_of
from draftkit.risk.lemmas import same_stem
from draftkit.risk.phrases import PhraseSet
from draftkit.risk.tokens import COORDINATORS, MODALS, Text


@record
class Name:
    """A name: from the gazetteer (place / party / organisation), or any capitalised run."""

    key: str
    kind: str  # place / party / organisation / name
    before: str  # the normalised word before it
    first: int
    last: int
    fragment: str
    spans: tuple[Span, ...]
    position: int


def _conjuncts(side: Side) -> tuple[Conjunct, ...]:
    """The items of the text's lists of names sharing one place word (read once per side)."""
    return coordinated(side.text, side.compiled)


def listed_names(side: Side) -> list[Name]:
    """Gazetteer names and their aliases, matched on lemmas, each keyed by its canonical name
    ("the Alliance" is NATO, "Ukrainian" and "of Ukraine" are Ukraine, "Україні" is Україна);
    a form written with a capital counts only where the text capitalises it."""
    text = side.text
    compiled = side.compiled
    found = [(hit.first, hit.last, hit.label) for hit in compiled.entities.find(side.lemmas)]
    # An item of a list sharing a place word is listed with that word ("Запорізької" of
    # "Запорізької та Херсонської областей" is Zaporizhzhia Oblast, "Donetsk" of "the Donetsk
    # and Luhansk oblasts" Donetsk Oblast, not the city): that reading replaces its own.
    for item in side.features(_conjuncts):
        words = [t.norm for t in side.lemmas.tokens[item.first : item.last]]
        label = compiled.entities.label([*words, side.lemmas.tokens[item.head].norm])
        if label is not None:
            found = [f for f in found if f[1] <= item.first or f[0] >= item.last]
            found.append((item.first, item.last, label))
    out: list[Name] = []
    languages = not side.lemma_set.isdisjoint(_LANGUAGE)
    for first, last, label in sorted(found):
        canonical, cap = label.rsplit("|", 1)
        if cap == "cap" and not text.tokens[first].cap:
            continue
        if languages and last - first == 1 and (not text.tokens[first].cap or _a_language(side, first, last)):
            continue  # "англійська та українська" (мови), "the Azerbaijani and Armenian languages"
        if last < len(text.tokens) and compiled.units.get(text.tokens[last].norm, ("",))[0] == "currency":
            continue  # "US dollars", "Russian roubles": a currency, no party
        before = text.tokens[first - 1].norm if first else ""
        span = span_of(text, first, last)
        # A body of a listed organisation names it too: "the OSCE SMM" is the OSCE's mission,
        # so "of the OSCE" spelt out beside it adds no organisation.
        for name in (canonical, *parents(canonical, compiled.entity_kind)):
            kind = compiled.entity_kind.get(name, "party")
            out.append(Name(name, kind, before, first, last, text.span(first, last), (span,), span[0]))
    return out


# A text about languages names them with the adjectives a party's aliases are ("українська").
_LANGUAGE = frozenset({"language", "мова", "язык"})
# What stands between a language noun and the capitalised adjectives of a list of languages
# ("in the Azerbaijani, Armenian and Russian languages", "languages of the Commission shall be
# English and Ukrainian").
_IN_A_LIST = frozenset({",", "and", "or", "the", "of", "shall", "will", "be", "is", "are", ":"})


def _a_language(side: Side, first: int, last: int) -> bool:
    """Whether the capitalised word at `first` stands in a list of languages: a language noun
    is reached from it over capitalised words and the list's small words, either way."""
    tokens, lemmas = side.text.tokens, side.lemmas.tokens
    k = last
    while k < len(tokens) and (tokens[k].cap or tokens[k].norm in _IN_A_LIST):
        k += 1
    if k < len(tokens) and lemmas[k].norm in _LANGUAGE:
        return True
    k = first - 1
    while k >= 0 and (tokens[k].cap or tokens[k].norm in _IN_A_LIST):
        k -= 1
    return k >= 0 and lemmas[k].norm in _LANGUAGE


def parents(canonical: str, known: Mapping[str, str]) -> list[str]:
    """The listed organisations whose canonical name opens this one's ("OSCE" of "OSCE
    Special Monitoring Mission", "UN" of "UN Security Council")."""
    words = canonical.split()
    return [
        parent for n in range(1, len(words)) if known.get(parent := " ".join(words[:n])) == "organisation"
    ]


def named_entities(side: Side) -> list[Name]:
    """Each entity the text names, once (its first mention): naming a party twice, or in
    another form, says nothing new about who is bound. Names no gazetteer lists are here too,
    of kind place ("the Marrow Valley"), organisation ("the Joint Commission") or name."""
    seen: set[str] = set()
    out: list[Name] = []
    found = [*side.features(listed_names), *side.features(unlisted_names)]
    for name in sorted(found, key=lambda n: n.first):
        if name.key not in seen:
            seen.add(name.key)
            out.append(name)
    return out


def unlisted_names(side: Side) -> list[Name]:
    """Other capitalised names, outside the gazetteer's."""
    text = side.text
    taken = {k for name in side.features(listed_names) for k in range(name.first, name.last)}
    out: list[Name] = []
    lemmas = side.lemmas.tokens
    for run in name_runs(text, side.compiled, taken, side.features(_conjuncts)):
        if taken.intersection(range(run.first, run.last)):
            continue
        span = span_of(text, run.first, run.last)
        key = run.key
        if run.place:
            # A place by its lemmas, with the place word of its list: "Сумській області",
            # "Сумської області" and the "Сумської" of "Сумської та Чернігівської областей"
            # are one place.
            shared = (lemmas[run.head].norm,) if run.head >= 0 else ()
            key = " ".join([*(t.norm for t in lemmas[run.first : run.last] if t.kind == "word"), *shared])
        out.append(
            Name(
                key,
                "place" if run.place else "organisation" if run.body else "name",
                run.before,
                run.first,
                run.last,
                text.span(run.first, run.last),
                (span,),
                span[0],
            )
        )
    return out


def listed_acronym(side: Side, name: Name) -> bool:
    """Whether an unlisted name is an acronym ("UNIFIL") named in a list beside a listed party
    or organisation ("including France and UNIFIL", "the UN, the OSCE and UNIFIL"): a body
    among bodies, whose loss or addition changes who is in."""
    written = name.fragment
    if name.kind != "name" or len(written) < 3 or not written.isalpha() or not written.isupper():
        return False
    if side.compiled.units.get(written.lower(), ("",))[0] == "currency":
        return False  # "financed by the EU, EUR 500 million": a currency, no body
    tokens = side.text.tokens
    listed = [n for n in side.features(named_entities) if n.kind in ("party", "organisation")]
    ends = {n.last: n for n in listed}
    starts = {n.first: n for n in listed}
    before = name.first - 1
    if before >= 1 and tokens[before].norm in _LIST_JOINERS and before in ends:
        return True
    after = name.last
    return after + 1 < len(tokens) and tokens[after].norm in _LIST_JOINERS and after + 1 in starts


_LIST_JOINERS = COORDINATORS | {","}


# Where a body meets is an arrangement, not what a party gives up: a venue moved ("shall meet
# in Minsk" → "in Geneva") is low, as analysts rate it (two held-out sets alike).
PLACE_PREPOSITIONS = frozenset({"in", "at", "в", "у", "во"})
_MEETING_WORDS = """meet meeting talk talks session consultation negotiation convene засідання зустріч
    переговори консультація збиратися заседание встреча переговоры консультация собираться"""
MEETING = frozenset(_MEETING_WORDS.split())


def venue(old_side: Side, new_side: Side, old: Name, new: Name) -> bool:
    """Whether two unlisted names, or a party's capital ("in Baku", "in Ankara": a party's name
    said otherwise), stand where a meeting is held, in texts about meetings, or where the
    agreement is signed ("Done at Paris" → "Done at Dayton, Ohio")."""
    if not (_a_place_to_meet(old) and _a_place_to_meet(new) and _at(old_side, old) and _at(new_side, new)):
        return False
    if executed(old_side.text, old.first) and executed(new_side.text, new.first):
        return True
    return not MEETING.isdisjoint(old_side.lemma_set) and not MEETING.isdisjoint(new_side.lemma_set)


# The words that open an agreement's closing formula, where it says where, when, in how many
# copies and in which languages it was signed ("Done at Paris on …", "Signed in Minsk …",
# "Вчинено в Стамбулі …", "Совершено в Париже …"): a record of the signing, which binds no one.
_EXECUTION_WORDS = """done signed concluded вчинено підписано укладено учинено совершено подписано
    заключено"""
EXECUTION = frozenset(_EXECUTION_WORDS.split())
_SENTENCE_ENDS = frozenset({".", ";", "!", "?"})


def executed(text: Text, k: int) -> bool:
    """Whether token `k` stands in a sentence that opens with a word of the closing formula
    ("Done at …", "Підписано в …"), no modal verb in it before `k`."""
    tokens = text.tokens
    for j in range(min(k, len(tokens) - 1), -1, -1):
        norm = tokens[j].norm
        if j < k and (norm in _SENTENCE_ENDS or norm in MODALS):
            return False
        if norm in EXECUTION and (j == 0 or tokens[j - 1].norm in _SENTENCE_ENDS):
            return True
    return False


# Where a body sits is an arrangement too: its seat, headquarters or office moved ("its office
# at Rangamati" → "at Khagrachari", "Штаб-квартира … в Ханої" → "в Сайгоні") is low, as
# analysts rate it (risk_heldout7, 8, 9); a place no gazetteer lists, or a party's capital.
_SEAT_WORDS = "headquarters seat office based штаб перебування резиденція местопребывание резиденция"
SEAT = frozenset(_SEAT_WORDS.split())


def seat(old_side: Side, new_side: Side, old: Name, new: Name) -> bool:
    """Whether two unlisted places (or a party's capital) stand where a body has its seat, in
    texts about its seat: after "in" / "at" / "в", or with a place word ("місто Бендери").
    Where forces are based is the caller's to rule out (risk.modifiers.armed)."""
    if SEAT.isdisjoint(old_side.lemma_set) or SEAT.isdisjoint(new_side.lemma_set):
        return False
    return _a_seat(old_side, old) and _a_seat(new_side, new)


def _a_seat(side: Side, name: Name) -> bool:
    if name.kind == "place":  # a listed place is what is at stake, not where a body sits
        listed = name.key in side.compiled.entity_kind
        return not listed and (_at(side, name) or name.before in side.compiled.place_words)
    return _a_place_to_meet(name) and _at(side, name)


def _a_place_to_meet(name: Name) -> bool:
    return name.kind == "name" or (name.kind == "party" and name.fragment != name.key)


def _at(side: Side, name: Name) -> bool:
    """Whether a name follows "in" / "в", itself or after a name and a comma ("in Nairobi, Kenya")."""
    tokens = side.text.tokens
    k = name.first - 1
    while k > 0 and tokens[k].norm == "," and tokens[k - 1].cap:
        k -= 1
        while k > 0 and tokens[k].cap:
            k -= 1
    return k >= 0 and tokens[k].norm in PLACE_PREPOSITIONS


def same_place_but_words(this: Side, name: Name, other: Side, there: Name) -> bool:
    """Whether a name of this text and one of the other are one place whose place word only
    stands elsewhere ("the city of Hodeidah" → "Hodeidah city"): said otherwise. A place word
    added, dropped or changed is another place ("Hodeidah city" → "Hodeidah governorate",
    "Kherson" → "Kherson region": the city is not the region)."""
    if "place" not in (name.kind, there.kind):
        return False
    place_words = this.compiled.place_words
    if _place_words(this, name, place_words) != _place_words(other, there, place_words):
        return False
    a = [w for w in name.key.casefold().split() if w not in place_words and w != "of"]
    b = [w for w in there.key.casefold().split() if w not in place_words and w != "of"]
    return bool(a) and a == b


def _place_words(side: Side, name: Name, place_words: frozenset[str]) -> list[str]:
    """The place words of a name, with the one of "the city of …" before it."""
    words = [w for w in name.key.casefold().split() if w in place_words]
    tokens = side.text.tokens
    if name.first >= 2 and tokens[name.first - 1].norm == "of" and tokens[name.first - 2].norm in place_words:
        words.append(tokens[name.first - 2].norm)
    return sorted(words)


def at_sentence_start_in(other: Side, name: Name, this: Side) -> bool:
    """Whether the other text holds the name's words, in any case form, where a sentence
    opens, so it was not read as a name there ("Агдамский район и территории …" → "…
    возвращены Агдамский район", "Комиссия состоит из …" → "В состав Комиссии входят …"):
    the name moved within the text, not added or removed."""
    words = [t.norm for t in this.lemmas.tokens[name.first : name.last]]
    tokens = other.lemmas.tokens
    n = len(words)
    for k in other.lemmas.positions(frozenset(words[:1])):
        if [t.norm for t in tokens[k : k + n]] == words and at_sentence_start(other.text, k):
            return True
    return False


# ---------------------------------------------------------------------------------------------
# One body, two spellings
#
# Whether two spellings name one body is decided here, and only here: the name rule (a name
# changed, added or removed: risk.rules), the role rule (a role's holder: risk.roles), the
# list rule (an item abbreviated: risk.lists) and the renderings' names (risk.renderings) ask
# `same_body` (two names, one of each text) and `named_otherwise` (one name, anywhere in the
# other text). A body is spelt out where the initials of its words give its acronym:
# capitalised words ("the Government of Israel": GOI) and, in Ukrainian and Russian, whose
# names keep their inner words in lower case, any words ("Совещания по безопасности и
# сотрудничеству в Европе": СБСЕ); small words left out or counted ("GoI"), a word in capitals
# counted whole or left out, and in an acronym of four letters or more one other word left out
# ("Управления Верховного комиссара ООН по делам беженцев": УВКБ); or before the acronym in
# brackets, or in its place in another language's initials (`in_definition`). The letters
# Ukrainian and Russian write one sound with are one ("ОБСЄ" / "ОБСЕ"). Initials alone decide
# for an acronym no gazetteer lists; one it knows as a body's ("SMM", "СММ": the OSCE's
# mission) is that body in any alphabet, and is spelt out only in that body's words:
# "Спеціальна місія Молдови" is another body with its initials.

_SPELT_OUT = 8  # words a name spelt out before its acronym may run to


def in_definition(side: Side, name: Name, other: Side, acronyms: Collection[str] | None = None) -> bool:
    """Whether the name stands in a name spelt out before its own acronym in brackets ("the
    Aceh Monitoring Mission (AMM)", "the United Nations Mission to support the Hodeidah
    Agreement (UNMHA)") whose acronym the other text writes alone (or is one of `acronyms`,
    normalised): spelt out, not added. The spelt-out name is the words whose capitals are the
    acronym, no more: in "the African Union and the Joint Military Commission (JMC)" the
    African Union is named besides."""
    tokens = side.text.tokens
    other_forms = other.text.forms() if acronyms is None else acronyms
    for k in range(name.last, min(len(tokens) - 2, name.last + _SPELT_OUT)):
        if tokens[k].kind == "word":
            continue
        if tokens[k].norm != "(" or tokens[k + 2].norm != ")":
            return False
        acronym = side.text.span(k + 1, k + 2)
        if not (2 <= len(acronym) <= 8 and acronym.isalpha() and acronym.isupper()):
            return False
        if tokens[k + 1].norm not in other_forms:
            return False
        words = [(j, side.text.span(j, j + 1)) for j in range(max(0, name.first - _SPELT_OUT), k)]
        capitalised = [(j, w) for j, w in words if tokens[j].kind == "word" and w[:1].isupper()]
        # Where the spelt-out name starts: at or before the name's last word.
        return any(
            start < name.last and "".join(w[0] for _, w in capitalised[n:]) == acronym
            for n, (start, _) in enumerate(capitalised)
        ) or _spelt_in_place(side, name, k, other)
    return False


_ARTICLES = frozenset({"the", "a", "an"})


def _spelt_in_place(side: Side, name: Name, k: int, other: Side) -> bool:
    """Whether the words from the name to the acronym in brackets at token `k` stand where the
    other text has the acronym alone, between the same words ("of ONUSAL." → "of the United
    Nations Observer Mission in El Salvador (ONUSAL).", "под руководством ЮНКТАД" → "под
    руководством Конференции ООН по торговле и развитию (ЮНКТАД)"): the acronym spelt out,
    in a language its initials are not of (ONUSAL is Spanish, ЮНКТАД English)."""
    tokens, there = side.text.tokens, other.text.tokens
    if any(t.kind != "word" for t in tokens[name.first : k]):
        return False
    if any(a.norm in COORDINATORS and b.norm in _ARTICLES for a, b in pairwise(tokens[name.first : k])):
        return False  # "the European Union and the United Nations Mission (UNAMA)": two bodies
    start = name.first
    while (
        start > 0
        and name.first - start < _SPELT_OUT
        and tokens[start - 1].kind == "word"
        and tokens[start - 1].cap
    ):
        start -= 1  # "the United Nations Observer Mission": from "United"
    before = start - 1
    while before >= 0 and tokens[before].norm in _ARTICLES:
        before -= 1
    after = tokens[k + 3].norm if k + 3 < len(tokens) else ""
    for j in other.text.positions(frozenset({tokens[k + 1].norm})):
        if j == 0 or there[j - 1].norm == "(":
            continue  # spelt out in the other text too, or at its start
        b = j - 1
        while b >= 0 and there[b].norm in _ARTICLES:
            b -= 1
        following = there[j + 1].norm if j + 1 < len(there) else ""
        if b >= 0 and before >= 0 and there[b].norm == tokens[before].norm and following == after:
            return True
    return False


# Small words an acronym leaves out of the name it stands for ("Organization for Security and
# Co-operation in Europe": OSCE; "Миссии Организации Объединенных Наций в поддержку
# Соглашения по Ходейде": МООНПСХ), or counts ("GoI", "MoU").
_LEFT_OUT_WORDS = """of for and in on the to de la du des del по в во и для с со на у о об от при
    за к з із зі та й і до від"""
_LEFT_OUT = frozenset(_LEFT_OUT_WORDS.split())
_SPELT = 12  # words a spelt-out name may run to
_ACRONYM = (2, 10)  # letters of a word in capitals read as an acronym
# Ukrainian and Russian write one body's acronym with the letter each gives a sound ("ОБСЄ" /
# "ОБСЕ", "ЄБРР" / "ЕБРР", "МАГАТЕ" / "МАГАТЭ"): compared with these folded.
_ONE_SOUND = str.maketrans("єіїґэыё", "еиигеие")


def _fold(letters: str) -> str:
    return letters.casefold().translate(_ONE_SOUND)


def initials(name: str) -> frozenset[str]:
    """The capitals' initials of a name ('FDRE' of 'Federal Democratic Republic of Ethiopia'),
    and every word's ('MoU' of 'Memorandum of Understanding', 'GoI' of 'Government of
    Indonesia'); empty for a name of one word."""
    words = name.replace("-", " ").split()
    capitals = [w for w in words if w[:1].isupper()]
    if len(capitals) < 2:
        return frozenset()
    heads = "".join(w[0] for w in capitals)
    # and, for a long name (five capitalised words or more), those of its last three words or
    # more ('JSS' of 'Parbatya Chattagram Jana Samhati Samiti', its short form); not of a
    # shorter one, whose first word is rather a body's own ('the Ceasefire Joint Military
    # Commission' and 'the JMC' were two bodies in Sudan)
    tails = {heads[k:] for k in range(len(heads) - 2)} if len(capitals) >= 5 else set()
    return frozenset({heads, "".join(w[0] for w in words), *tails})


def same_body(this: Side, name: Name, other: Side, there: Name) -> bool:
    """Whether a name of this text and one of the other name one body: one written otherwise
    (`respelt`), or one is the other's acronym ("the GOI" / "the Government of Israel", "СБСЕ"
    / "Совещания по безопасности и сотрудничеству в Европе", "ОБСЄ" / "ОБСЕ", "СММ" /
    "Спеціальна моніторингова місія ОБСЄ", "под руководством ЮНКТАД" / "… Конференции ООН по
    торговле и развитию (ЮНКТАД)"). The two names themselves: that the other text names the
    body elsewhere is `named_otherwise`'s."""
    return (
        respelt(this, name, other, there)
        or _acronym_of(this, name, other, there)
        or _acronym_of(other, there, this, name)
    )


def _acronym_of(this: Side, name: Name, other: Side, there: Name) -> bool:
    """Whether `there`, a word in capitals, is the acronym of the body `name` is: the same
    acronym, the words around the name spell it out, the name has it for initials (`respelt`
    reads those as written), the gazetteer knows it as the name's body, or the name is spelt
    out before it in brackets."""
    acronym = _acronym(other, there.first) if there.last - there.first == 1 else None
    if acronym is None:
        return False
    if name.last - name.first == 1 and _acronym(this, name.first) == acronym:
        return True  # "ОБСЄ" / "ОБСЕ"
    if _spelt_around(this, acronym, name.first, name.last):
        return True
    if name.key in _gazetteer_acronyms(this.compiled.entities)[0].get(acronym, ()):
        return True
    return in_definition(this, name, other, (other.text.tokens[there.first].norm,))


def respelt(this: Side, name: Name, other: Side, there: Name) -> bool:
    """Whether a name of this text and one of the other are one written otherwise: a letter or
    two ('National Goverment'), or one is the other's initials ('FDRE' for 'Federal Democratic
    Republic of Ethiopia', 'GoI' for 'Government of Indonesia')."""
    from rapidfuzz.distance import Levenshtein  # the alignment has imported it by the time flags run

    a, b = name.fragment, there.fragment
    if name.kind != "name" and there.kind != "name":
        return False  # two listed (or placed) names: their keys tell them apart ('Slovakia', 'Slovenia')
    shorter = min(len(a), len(b))
    if shorter >= 6 and Levenshtein.distance(a.casefold(), b.casefold()) <= (1 if shorter < 12 else 2):
        return True
    if b in initials(a):
        return _fits(this, name.first, name.last, _fold(b))
    return a in initials(b) and _fits(other, there.first, there.last, _fold(a))


def named_otherwise(this: Side, name: Name, other: Side) -> bool:
    """Whether the other text names the body this name is, or stands in, in another spelling:
    this text spells out around the name an acronym the other writes in capitals ("the
    Government of Israel" / "GOI", "United Nations" of "the United Nations Transition
    Assistance Group" / "UNTAG", "Молдавской ССР" / "МССР"), the name is an acronym the other
    text spells out (`spelt_out`) or writes too, or the name is spelt out before its acronym
    in brackets where the other text writes the acronym alone (`in_definition`). An acronym
    the gazetteer knows as a body's is that body, in any alphabet: "СММ" and "SMM" or "the
    Special Monitoring Mission of the OSCE" are the OSCE's mission (and name the OSCE)."""
    theirs = other.features(_acronyms)[0]
    known = _gazetteer_acronyms(this.compiled.entities)[0]
    if theirs:
        if any(name.key in _with_parents(this, known.get(acronym, ())) for acronym in theirs):
            return True
        if any(_spelt_around(this, acronym, name.first, name.last) for acronym in theirs):
            return True
        if any(
            (acronym := _fold(said)) in theirs and _fits(this, name.first, name.last, acronym)
            for said in initials(name.fragment)
        ):
            return True  # 'JSS' of 'Parbatya Chattagram Jana Samhati Samiti'
    own = _acronym(this, name.first) if name.last - name.first == 1 else None
    if own is not None:
        if own in theirs or spelt_out(other, own):
            return True  # … or writes it too, where it reads no name ("as follows: SPLM 28 percent")
        bodies = known.get(own)
        if bodies and any(n.key in bodies for n in other.features(_names)):
            return True
    return in_definition(this, name, other)


def _with_parents(side: Side, bodies: Iterable[str]) -> set[str]:
    """The bodies (canonical names) and the organisations they belong to (`parents`)."""
    return {b for body in bodies for b in (body, *parents(body, side.compiled.entity_kind))}


def spelt_out(side: Side, acronym: str) -> bool:
    """Whether the text spells out the acronym (folded, as `acronym_words` gives it) around
    one of its names, or one of its names has it for initials: "ОБСЕ" in "Организацией по
    безопасности и сотрудничеству в Европе"."""
    for name in side.features(_names):
        if _spelt_around(side, acronym, name.first, name.last):
            return True
        said = {_fold(i) for i in initials(name.fragment)}
        if acronym in said and _fits(side, name.first, name.last, acronym):
            return True
    return False


def acronym_words(side: Side, first: int, last: int) -> list[str]:
    """The words of tokens [first, last) written in capitals as an acronym is ("UNIFIL",
    "ОБСЄ"), folded as `spelt_out` takes them."""
    return [a for k in range(first, last) if (a := _acronym(side, k)) is not None]


def _names(side: Side) -> list[Name]:
    return [*side.features(listed_names), *side.features(unlisted_names)]


def _acronym(side: Side, k: int) -> str | None:
    """The word at token `k`, folded, where it is written in capitals as an acronym is (not in
    a text written in capitals)."""
    tok = side.text.tokens[k]
    low, high = _ACRONYM
    if tok.kind != "word" or not tok.cap or not low <= tok.end - tok.start <= high:
        return None
    written = side.text.original[tok.start : tok.end]
    if not (written.isalpha() and written.isupper()) or side.features(_shouted)[0]:
        return None
    return _fold(written)


def _acronyms(side: Side) -> list[frozenset[str]]:
    """The acronyms the text writes in capitals, folded (read once per side)."""
    tokens = side.text.tokens
    return [frozenset(a for k, tok in enumerate(tokens) if tok.cap and (a := _acronym(side, k)))]


def _shouted(side: Side) -> list[bool]:
    """Whether the text is written in capitals (risk.analysis.shouted), where a word in
    capitals is no acronym (read once per side)."""
    return [shouted(side.text)]


def _spelt_around(side: Side, acronym: str, first: int, last: int) -> bool:
    """Whether a stretch of the text that holds tokens [first, last) spells out the acronym
    (folded), in words it may be spelt out in (`_fits`)."""
    for start in range(first, max(-1, first - _SPELT), -1):
        for end in _spell(side.text, acronym, start, not side.features(_shouted)[0]):
            if end >= last and _fits(side, start, end, acronym):
                return True
    return False


def _spell(text: Text, letters: str, start: int, capitals: bool = True) -> list[int]:
    """Where the stretches from token `start` whose words' initials are `letters` end: a
    capitalised first word, a last word whose initial is the last letter; a small word between
    left out or counted, a word in capitals counted whole or left out (`capitals`: not in a
    text written in capitals, whose words count by their initials), the second part of a
    hyphenated word ("Co-operation") left out or counted, a word in lower case counted in
    Cyrillic only and, for four letters or more, one other word left out ("делам" of
    "Управления Верховного комиссара ООН по делам беженцев", "support" of "the United Nations
    Mission to support the Hodeidah Agreement")."""
    tokens, original = text.tokens, text.original
    if not (tokens[start].kind == "word" and tokens[start].cap):
        return []
    ends: list[int] = []
    # states: (letters spelt, other words that may still be left out), over the words in turn
    states = {(0, 1 if len(letters) >= 4 else 0)}
    for k in range(start, min(len(tokens), start + _SPELT)):
        tok = tokens[k]
        if tok.kind != "word":
            break
        written = original[tok.start : tok.end]
        whole = capitals and len(written) > 1 and written.isupper()
        said = _fold(written if whole else written[:1])
        free = k > start and (whole or tok.norm in _LEFT_OUT or _joined(text, k))
        counts = k == start or free or tok.cap or not written[:1].isascii()
        following: set[tuple[int, int]] = set()
        for done, left in states:
            if counts and letters.startswith(said, done):
                if done + len(said) < len(letters):
                    following.add((done + len(said), left))
                elif k > start:
                    ends.append(k + 1)
            if free:
                following.add((done, left))
            elif k > start and left:
                following.add((done, left - 1))
        if not following:
            break
        states = following
    return ends


def _joined(text: Text, k: int) -> bool:
    """Whether token `k` is the second part of a hyphenated word ("operation" of "Co-operation")."""
    start = text.tokens[k].start
    return text.original[start - 1] == "-" and text.tokens[k - 1].end == start - 1


def _fits(side: Side, first: int, last: int, acronym: str) -> bool:
    """Whether the words of tokens [first, last) may be what the acronym (folded) spells out:
    any words, for an acronym the gazetteer does not know; for one it knows as a body's
    ("SMM", "СММ": the OSCE's mission), that body's words only ("Спеціальна моніторингова
    місія", not "Спеціальна місія Молдови")."""
    bodies, words = _gazetteer_acronyms(side.compiled.entities)
    known = bodies.get(acronym)
    if known is None:
        return True
    tokens, lemmas = side.text.tokens, side.lemmas.tokens
    said = [
        (tokens[k].norm, lemmas[k].norm)
        for k in range(first, last)
        if tokens[k].kind == "word" and tokens[k].norm not in _LEFT_OUT
    ]
    return any(all(_said_of(words[body], w, lemma) for w, lemma in said) for body in known)


def _said_of(words: frozenset[str], norm: str, lemma: str) -> bool:
    """Whether a word (its form, its lemma) is one of a body's words, or shares a stem with one
    (a lemmatiser reads "мониторинговой" and "мониторинговая" apart)."""
    if norm in words or lemma in words:
        return True
    return len(lemma) >= 5 and any(w[:5] == lemma[:5] and same_stem(lemma, w) for w in words)


@functools.lru_cache(maxsize=4)
def _gazetteer_acronyms(
    entities: PhraseSet,
) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """The acronyms the gazetteer knows (folded), each with the bodies it names (canonical
    names), and each body's words (its forms' lemmas). An acronym is a form of one word (read
    as one only where a text writes it in capitals), or the word that a form of two puts
    beside the form of the organisation whose name opens the body's ("СММ" of "СММ ОБСЄ",
    "SMM" of "OSCE SMM": the mission's own)."""
    bodies_of: dict[str, set[str]] = {}
    words: dict[str, set[str]] = {}
    for label, phrase in entities.phrases:
        canonical = label.rsplit("|", 1)[0]
        bodies_of.setdefault(phrase, set()).add(canonical)
        words.setdefault(canonical, set()).update(phrase.split())
    acronyms: dict[str, set[str]] = {}
    for phrase, bodies in bodies_of.items():
        parts = phrase.split()
        if len(parts) == 1:
            acronyms.setdefault(_fold(phrase), set()).update(bodies)
        elif len(parts) == 2:
            for own, beside in (parts, parts[::-1]):
                for body in bodies:
                    if any(_opens(parent, body) for parent in bodies_of.get(beside, ())):
                        acronyms.setdefault(_fold(own), set()).add(body)
    return (
        {a: frozenset(b) for a, b in acronyms.items()},
        {c: frozenset(w) for c, w in words.items()},
    )


def _opens(parent: str, body: str) -> bool:
    """Whether the canonical name `parent` opens the canonical name `body` ("OSCE" of "OSCE
    Special Monitoring Mission"), and is not it."""
    words = parent.split()
    return parent != body and body.split()[: len(words)] == words
