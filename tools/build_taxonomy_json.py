"""Write schemas/taxonomy.parsed.json: the shipped schemas/taxonomy.toml as `tomllib` parses
it, with the SHA-256 of the TOML it was made from, and the lemma forms of its phrases and the
tokens of its words as compiling it makes them (risk.taxonomy.LEMMAS_AHEAD, WORDS_AHEAD). The taxonomy loader reads this copy instead
of parsing the TOML (a pure-Python parser, ~15 ms of every diff) when the hash matches, and
parses the TOML otherwise: a stale copy is only slower, and tests/risk/test_taxonomy_parsed.py
fails until it is rebuilt.

    .venv/bin/python tools/build_taxonomy_json.py
"""

from __future__ import annotations

import hashlib
import json
import tomllib

from draftkit.resources import schema_path
from draftkit.risk import phrases, taxonomy
from draftkit.risk.taxonomy import DEFAULT_TAXONOMY, PARSED_AHEAD


def made_phrases(data: dict[str, object], text: str, name: str) -> dict[str, object]:
    """The lemma forms of every phrase and the tokens of every word the taxonomy's compiling
    makes (risk.taxonomy.lemma_phrases, risk.phrases._word_tokens), made now, none taken ahead."""
    lemmas: dict[str, list[str]] = {}
    words: dict[str, list[list[object]]] = {}
    real_lemmas, real_words = taxonomy.lemma_phrases, phrases._word_tokens

    def lemma_phrases(phrase: str) -> list[str]:
        made = lemmas[phrase] = real_lemmas(phrase)
        return list(made)

    def word_tokens(word: str) -> tuple[tuple[str, bool], ...]:
        made = real_words.__wrapped__(word)
        words[word] = [list(pair) for pair in made]
        return made

    taxonomy.LEMMAS_AHEAD.clear()
    phrases.WORDS_AHEAD.clear()
    taxonomy.lemma_phrases, phrases._word_tokens = lemma_phrases, word_tokens  # type: ignore[assignment]
    try:
        taxonomy._Checker(name, text).check(data)
    finally:
        taxonomy.lemma_phrases, phrases._word_tokens = real_lemmas, real_words
    return {"lemmas": dict(sorted(lemmas.items())), "words": dict(sorted(words.items()))}


def main() -> None:
    # The same files the loader reads (`_parsed_ahead`), found the way it finds them.
    raw = schema_path(DEFAULT_TAXONOMY).read_bytes()
    text = raw.decode("utf-8-sig")
    data = tomllib.loads(text)
    made = made_phrases(tomllib.loads(text), text, str(schema_path(DEFAULT_TAXONOMY)))
    copy = {"toml_sha256": hashlib.sha256(raw).hexdigest(), "data": data, "phrases": made}
    out = schema_path(PARSED_AHEAD)
    out.write_text(json.dumps(copy, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
