"""Lemmas: one dictionary form per word, so a translator's inflection is not a change.

Takes one normalised word (risk/tokens.py `normalise_word`) and hands on its lemma from
simplemma through compare/lemmas.py (the one lemmatizer alignment and risk share; simplemma
is maintained and ships its own dictionaries — English, Ukrainian and Russian here):
"soldiers" → "soldier", "Україні" → "україна", "выведет" → "вывести", "Ukraine's" →
"ukraine". The language is read from the word's script and letters (і ї є ґ: Ukrainian;
ы э ъ: Russian; other Cyrillic: both dictionaries, Ukrainian first), never from the other
text. Guarantees: lower case out, the same word always gives the same lemma (cached per
process), and a word simplemma does not know comes back as itself (possessive 's dropped),
but for an adjective in -ськ-, -цьк- (-ск-, -цк-), read by its ending: "Херсонской" and
"Херсонская" are "херсонский" as "Донецкой" is "донецкий".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from draftkit.compare.lemmas import lemmatize
from draftkit.risk.tokens import normalise_word

_UK_ONLY = frozenset("іїєґ")
_RU_ONLY = frozenset("ыэъ")


def language_of(word: str) -> tuple[str, ...]:
    """The simplemma language codes to try for a word (or a whole text), most likely first."""
    if word.isascii():
        return ("en",)
    letters = set(word)
    if letters & _UK_ONLY:
        return ("uk",)
    if letters & _RU_ONLY:
        return ("ru",)
    if any("\u0400" <= ch <= "\u04ff" for ch in word):
        return ("uk", "ru")
    return ("en",)


@functools.lru_cache(maxsize=131072)
def lemmatise(word: str, langs: tuple[str, ...] | None = None) -> str:
    """The dictionary form of one (normalised) word, lower case; `langs`: the text's
    languages (`language_of` the whole text), else guessed from the word."""
    w = word.lower()
    if w.endswith(("'s", "’s")) and len(w) > 3:
        w = w[:-2]
    elif w.endswith("s'") and len(w) > 3:
        w = w[:-1]
    if not w or not w[0].isalpha():
        return w
    if w.isascii():
        langs = ("en",)
    for lang in langs or language_of(w):
        lemma = lemmatize(w, lang)
        if lemma != w:
            return lemma
    return _adjective(w)


# Place adjectives simplemma's dictionaries lack ("Херсонской", "Луганской" in Russian), by
# their endings: a case form to the masculine nominative, as the dictionaries give the forms
# they know ("донецкой" → "донецкий", "херсонської" → "херсонський"). Endings a noun can
# have too are left: "Донецка", "Донецька" (of the city), "Донецком" (with it).
_ADJECTIVE_ENDING = re.compile(
    r"^(.+(?:[сц]ьк|зьк|[сц]к))(?:ого|ому|ими|ой|ая|ую|ое|ие|их|им|ої|ій|ою|ім|ий)$"
)


def _adjective(word: str) -> str:
    """A Ukrainian or Russian adjective in -ськ-/-цьк-/-зьк- (-ск-/-цк-) as its masculine
    nominative (-ський, -ский); any other word as it is."""
    found = None if word.isascii() else _ADJECTIVE_ENDING.match(word)
    return word if found is None else found.group(1) + "ий"


def same_stem(a: str, b: str, shortest: int = 5) -> bool:
    """True when two lemmas are one word or share a stem of `shortest` letters or more and
    differ only after it by a few letters ("redevelop" / "redevelopment", "відвести" /
    "відведення")."""
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= shortest and n >= min(len(a), len(b)) - 3


@functools.lru_cache(maxsize=131072)
def lemma_form(norm: str, langs: tuple[str, ...] | None = None) -> str:
    """A normalised word's lemma, normalised again (the form lemma views and lemma phrases
    share: British and American spellings stay one)."""
    return normalise_word(lemmatise(norm, langs))


class _Forms(dict[str, str]):
    """`lemma_form` of each word met, for one tuple of languages."""

    __slots__ = ("langs",)

    def __init__(self, langs: tuple[str, ...]) -> None:
        super().__init__()
        self.langs = langs

    def __missing__(self, norm: str) -> str:
        if len(self) >= _FORMS_KEPT:  # a stream of new words cannot grow it forever
            self.clear()
        form = self[norm] = lemma_form(norm, self.langs)
        return form


_FORMS_KEPT = 1 << 16
_FORMS: dict[tuple[str, ...], _Forms] = {}


def lemma_forms(langs: tuple[str, ...]) -> Callable[[str], str]:
    """`lemma_form(word, langs)` as one dict lookup for a word met before (a text's lemma
    view looks up every word of it: most are words of the texts before)."""
    found = _FORMS.get(langs)
    if found is None:
        found = _FORMS[langs] = _Forms(langs)
    return found.__getitem__
