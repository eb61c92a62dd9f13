"""Lemmas of draft text, shared by alignment and (later) the risk rules.

One small API over simplemma (MIT; its dictionaries ship inside the package, no download):

- `language_of(text)` → "en", "uk" or "ru" (by script; Ukrainian by its own letters);
- `lemmatize(word, lang)` → the word's lemma, lower case ("parties" → "party",
  "сторони" → "сторона"); cached;
- `lemmas(text, lang=None)` → the lemma of every word of `text`, in order;
- `content_lemmas(text, lang=None)` → the same without stop words and one-letter words: what
  a provision is about.

A word simplemma's dictionary holds is looked up in it through compare/lemma_index.py, which
reads one block of the dictionary rather than decoding all of it (English ~0.3 s, Ukrainian or
Russian 1–2 s); any other word goes through simplemma's whole pipeline (rules, affixes, …) on
the same indexed dictionary. The answers are simplemma's either way.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from draftkit.compare import lemma_index, lemma_rules

LANGUAGES = ("en", "uk", "ru")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_UKRAINIAN = re.compile(r"[іїєґІЇЄҐ]")

_STOP_EN = """a about above after again against all also an and any are as at be been before being
        below between both but by can could did do does during each either for from further had
        has have having he her here hers him his how i if in into is it its itself may might more
        most must no nor not of off on once only or other our out over own same she should so some
        such than that the their theirs them then there these they this those through to too under
        until up upon very was we were what when where which while who whom why will with within
        would you your shall hereby herein thereof therein thereto whereby such per via any every
        be have do"""
_STOP_UK = """і й та а але або чи що як у в на до з із за від по про для при без між під над через
        це цей ця ці той та ті він вона воно вони ми ви я його її їх не ні так також має мають
        бути є був була були буде будуть який яка яке які свій своя своє свої"""
_STOP_RU = """и а но или что как в во на до с со из за от по о об про для при без между под над через
        это этот эта эти тот та те он она оно они мы вы я его ее её их не ни так также должен
        должна должны быть есть был была были будет будут который которая которое которые
        свой своя свое свои"""
STOP_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(_STOP_EN.split()),
    "uk": frozenset(_STOP_UK.split()),
    "ru": frozenset(_STOP_RU.split()),
}


def language_of(text: str) -> str:
    """ "uk" or "ru" for Cyrillic text (Ukrainian when its own letters appear), else "en"."""
    if not _CYRILLIC.search(text):
        return "en"
    return "uk" if _UKRAINIAN.search(text) else "ru"


# simplemma decodes a language's whole dictionary on first use: 0.3 s for English, over a
# second each for Ukrainian and Russian, more on a loaded machine. The bundled taxonomy's
# own vocabulary (every language) is lemmatised when it is loaded, so its lemmas ship
# precomputed (lemma_cache.json, made by tools/build_lemma_cache.py and checked against
# simplemma by tests/compare/test_lemmas.py): an English diff never decodes the Ukrainian
# and Russian dictionaries.
_CACHE_FILE = Path(__file__).with_name("lemma_cache.json")


@lru_cache(maxsize=1)
def _shipped() -> dict[str, dict[str, str]]:
    try:
        data = json.loads(_CACHE_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("simplemma") != _simplemma_version():
        return {}  # another simplemma may lemmatise otherwise: ask it
    lemmas = data.get("lemmas", {})
    return lemmas if isinstance(lemmas, dict) else {}


@lru_cache(maxsize=1)
def _simplemma_folder() -> Path | None:
    """The installed simplemma package's folder, found without importing it."""
    spec = find_spec("simplemma")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


@lru_cache(maxsize=1)
def _simplemma_version() -> str:
    """The installed simplemma's version, read from its own `__metadata__.py` without importing
    it (importlib.metadata alone costs ~20 ms of a small diff's start)."""
    folder = _simplemma_folder()
    if folder is None:
        return ""
    try:
        text = (folder / "__metadata__.py").read_text(encoding="utf-8")
    except OSError:
        return ""
    found = re.search(r"""^__version__\s*=\s*["']([^"']+)["']""", text, re.MULTILINE)
    return found.group(1) if found else ""


@lru_cache(maxsize=65_536)
def lemmatize(word: str, lang: str = "en") -> str:
    """The lemma of one word, lower case (the word itself, lower case, when unknown)."""
    lower = word.lower()
    if lang not in LANGUAGES:
        return lower
    shipped = _shipped().get(lang)
    if shipped is not None and lower in shipped:
        return shipped[lower]
    found = _looked_up(lower, lang)
    return found if found is not None else _simplemma(lower, lang)


def _looked_up(lower: str, lang: str) -> str | None:
    """simplemma's answer for a word its dictionary holds, without simplemma: its pipeline
    answers a number with itself, tries a word with an apostrophe at the apostrophe first,
    then the dictionary as written and capitalised ("Kyiv")."""
    if "'" in lower or "’" in lower or "ʼ" in lower or lower.isnumeric():
        return None
    if unicodedata.normalize("NFC", lower) != lower:
        return None
    table = lemma_index.table(lang)
    if table is None:
        return None
    found = table.get(lower)
    if found is None:
        found = table.get(lower.capitalize())
    return found.lower() if found is not None else None


def warm_up(sample: str, *, simplemma: bool = False, table: bool = True) -> None:
    """Load now what lemmatizing a text like `sample` will: the dictionary of its language
    (unless `table` is False: another process makes it, see lemma_index.install) and, with
    `simplemma`, simplemma itself (for words outside the dictionary)."""
    _shipped()
    if table:
        lemma_index.table(language_of(sample))
    if simplemma:
        _lemmatizer()


def _simplemma(lower: str, lang: str) -> str:
    return str(_lemmatizer().lemmatize(lower, lang)).lower()


@lru_cache(maxsize=1)
def _lemmatizer() -> Any:
    """simplemma's default lemmatizer reading its dictionaries through our index (each
    language's own decoded whole only when the index does not fit the installed file), its
    suffix rules imported one language at a time (compare.lemma_rules)."""
    folder = _simplemma_folder()
    if folder is not None:
        lemma_rules.on_demand(folder / "strategies" / "defaultrules", _simplemma_version())
    from simplemma import Lemmatizer
    from simplemma.strategies.default import DefaultStrategy
    from simplemma.strategies.dictionaries.dictionary_factory import (
        DEFAULT_DICTIONARY_FACTORY,
        DecodedStrMapping,
    )

    class Indexed(DecodedStrMapping):
        __slots__ = ("_table",)

        def __init__(self, table: lemma_index.Table) -> None:
            self._table = table

        def _lookup(self, key: str) -> str | None:
            return self._table.get(key)

        def __iter__(self) -> Iterator[str]:
            return iter(self._table)

        def __len__(self) -> int:
            return len(self._table)

    class Factory:
        def get_dictionary(self, lang: str) -> Any:
            table = lemma_index.table(lang)
            return Indexed(table) if table is not None else DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)

    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=Factory()))


def words(text: str) -> list[str]:
    """The words of `text` (letters, with inner apostrophes and hyphens), as written."""
    return _WORD.findall(text)


def lemmas(text: str, lang: str | None = None) -> list[str]:
    """The lemma of every word of `text`, in order."""
    language = lang or language_of(text)
    return [lemmatize(word, language) for word in words(text)]


def content_lemmas(text: str, lang: str | None = None) -> list[str]:
    """Lemmas of `text` without stop words and one-letter words."""
    language = lang or language_of(text)
    stop = STOP_WORDS.get(language, frozenset())
    out = []
    for word in words(text):
        lower = word.lower()
        if len(lower) < 2 or lower in stop:
            continue
        lemma = lemmatize(word, language)
        if lemma not in stop:
            out.append(lemma)
    return out
