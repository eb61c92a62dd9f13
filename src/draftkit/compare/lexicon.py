"""The trilingual lexicon of concepts (lexicon.json): word stems in English, Ukrainian and
Russian for the taxonomy's terms and the usual vocabulary of agreements. Read by the language
versions' alignment (compare.languages) and, as evidence of what a provision is about, by
the content similarity (compare.content): "withdraw" and "pull back" are one concept.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

LANGUAGES = ("en", "uk", "ru")


@lru_cache(maxsize=1)
def _concepts() -> dict[str, dict[str, list[str]]]:
    """lexicon.json's concepts: concept → language → stems."""
    data: dict[str, dict[str, list[str]]] = json.loads(
        Path(__file__).with_name("lexicon.json").read_text(encoding="utf-8")
    )["concepts"]
    return data


@lru_cache(maxsize=len(LANGUAGES))
def _lexicon(lang: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """For one language (compiled when first asked: an English diff never compiles the
    Cyrillic stems): one regex over every stem (longest first; a stem may be two words,
    "air defen"), and each stem's concept (lexicon.json)."""
    concept_of = {stem: concept for concept, stems in _concepts().items() for stem in stems.get(lang, ())}
    stems = sorted(concept_of, key=lambda stem: (-len(stem), stem))
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(stem) for stem in stems) + r")\w*")
    return pattern, concept_of


def concepts(text: str, lang: str) -> list[str]:
    """The lexicon's concepts `text` names, once per mention."""
    if lang not in LANGUAGES:
        raise KeyError(lang)
    pattern, concept_of = _lexicon(lang)
    return [concept_of[m.group(1)] for m in pattern.finditer(text.lower())]
