"""Write src/draftkit/compare/lemma_cache.json: the lemma of every word the bundled taxonomy
and the alignment's topic and alias vocabulary lemmatise when they load, per language, so
that loading them decodes no simplemma dictionary (see compare/lemmas.py).

    .venv/bin/python tools/build_lemma_cache.py
"""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

from draftkit.compare import lemmas

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    seen: dict[str, dict[str, str]] = {}
    original = lemmas._simplemma

    def recording(lower: str, lang: str) -> str:
        lemma = original(lower, lang)
        seen.setdefault(lang, {})[lower] = lemma
        return lemma

    lemmas._simplemma = recording  # type: ignore[assignment]
    lemmas._shipped.cache_clear()
    lemmas.lemmatize.cache_clear()
    lemmas._CACHE_FILE = ROOT / "nonexistent"  # record everything, shipped or not
    from draftkit.compare import content
    from draftkit.risk.taxonomy import default_taxonomy

    default_taxonomy()
    content._alias_matcher()
    content._topic_matchers()
    data = {
        "simplemma": version("simplemma"),
        "lemmas": {lang: dict(sorted(words.items())) for lang, words in sorted(seen.items())},
    }
    target = ROOT / "src" / "draftkit" / "compare" / "lemma_cache.json"
    target.write_text(
        json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n", encoding="utf-8"
    )
    print(f"{target}: {sum(len(w) for w in seen.values())} words")


if __name__ == "__main__":
    main()
