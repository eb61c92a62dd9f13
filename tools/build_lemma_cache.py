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

    looked_up = lemmas._looked_up

    def recording_lookup(lower: str, lang: str) -> str | None:
        # A word the dictionary index answers is shipped too: looking it up decodes the whole
        # dictionary of its language (an alias in Ukrainian, in an English diff).
        found = looked_up(lower, lang)
        if found is not None:
            seen.setdefault(lang, {})[lower] = original(lower, lang)
        return found

    lemmas._simplemma = recording  # type: ignore[assignment]
    lemmas._looked_up = recording_lookup  # type: ignore[assignment]
    lemmas._shipped.cache_clear()
    lemmas.lemmatize.cache_clear()
    lemmas._CACHE_FILE = ROOT / "nonexistent"  # record everything, shipped or not
    from draftkit.compare import content
    from draftkit.risk.taxonomy import default_taxonomy

    default_taxonomy()
    content.warm_up()  # the aliases and the topic index, as the first comparison compiles them
    target = ROOT / "src" / "draftkit" / "compare" / "lemma_cache.json"
    # The words already shipped stay, lemmatised again by the installed simplemma: some are
    # looked up only once a comparison needs them (the topic index reads its terms lazily),
    # and a word dropped here would decode a whole dictionary there.
    if target.exists():
        for lang, words in json.loads(target.read_text(encoding="utf-8"))["lemmas"].items():
            for word in words:
                seen.setdefault(lang, {})[word] = original(word, lang)
    data = {
        "simplemma": version("simplemma"),
        "lemmas": {lang: dict(sorted(words.items())) for lang, words in sorted(seen.items())},
    }
    target.write_text(
        json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n", encoding="utf-8"
    )
    print(f"{target}: {sum(len(w) for w in seen.values())} words")


if __name__ == "__main__":
    main()
