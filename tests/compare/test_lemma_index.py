"""The indexed dictionary lookups (compare/lemma_index.py) give simplemma's own answers
(issue 18: the index spares decoding a whole dictionary, it must change no lemma)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
import simplemma
from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

from draftkit.compare import lemma_index, lemmas
from tests.conftest import DRAFTS

_SAMPLE = 1500


@pytest.fixture(scope="module", params=sorted(lemma_index.BLOCK))
def language(request: pytest.FixtureRequest) -> tuple[str, dict[bytes, bytes]]:
    return request.param, _load_dictionary_from_disk(request.param)


def test_the_index_fits_the_installed_simplemma() -> None:
    for lang in lemma_index.BLOCK:
        assert lemma_index.table(lang) is not None, "rebuild it: .venv/bin/python tools/build_lemma_index.py"


def test_every_block_edge_and_a_sample_read_as_simplemma_decodes_them(
    language: tuple[str, dict[bytes, bytes]],
) -> None:
    lang, decoded = language
    table = lemma_index.table(lang)
    assert table is not None
    keys = sorted(decoded)  # stored order is sorted by (possibly reversed) key; edges either way
    rng = random.Random(lang)
    probe = rng.sample(keys, _SAMPLE) + keys[:3] + keys[-3:]
    wrong = {
        k: (table.get(k.decode()), decoded[k]) for k in probe if table.get(k.decode()) != decoded[k].decode()
    }
    assert wrong == {}
    assert len(table) == len(decoded)
    absent = [k.decode() + "\u0444zq" for k in probe[:200]] + ["", "\uffff", "a" * 500]
    assert [w for w in absent if table.get(w) is not None] == []


def _words_of_drafts() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(DRAFTS.glob("*.txt")))
    return sorted(set(lemmas.words(text)))


def test_lemmas_are_simplemmas_for_the_bundled_drafts_and_made_up_words() -> None:
    words = _words_of_drafts()
    made_up = [w + s for w in words[:300] for s in ("s", "ed", "ing", "'s", "-based")]
    cyrillic = (
        "сторони сторонами військ військами війська пункти пунктах гарантії гарантіями войска войсками сторонам территорий"
        " Києва Київ Донбасу Запоріжжя прекращения вывода відведення Росії России зобов'язання обов’язки"
    )
    probe = [(w, "en") for w in words + made_up] + [(w, lemmas.language_of(w)) for w in cyrillic.split()]
    wrong = {}
    for word, lang in probe:
        lower = word.lower()
        lemmas.lemmatize.cache_clear()
        ours = lemmas.lemmatize(word, lang) if lower not in lemmas._shipped().get(lang, {}) else None
        theirs = str(simplemma.lemmatize(lower, lang=lang)).lower()
        if ours is not None and ours != theirs:
            wrong[(word, lang)] = (ours, theirs)
    assert wrong == {}


def test_an_index_that_does_not_fit_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stale = tmp_path / "en.plzma"
    stale.write_bytes(b"not simplemma's file")
    monkeypatch.setattr(lemma_index, "data_file", lambda lang: stale)
    monkeypatch.setattr(lemma_index, "_TABLES", {})  # made again, from the stale file
    assert lemma_index.table("en") is None
    assert re.fullmatch(r"[0-9a-f]{64}", str(lemma_index._index("en")["sha256"]))


def test_a_table_packed_in_one_process_is_the_same_table_in_another(monkeypatch: pytest.MonkeyPatch) -> None:
    """api.diff: the child that reads the old draft makes the table and sends it packed; this
    process installs it instead of decompressing simplemma's file itself."""
    import marshal

    made = lemma_index.packed("en")
    assert made is not None
    monkeypatch.setattr(lemma_index, "_TABLES", {})
    lemma_index.install(marshal.loads(marshal.dumps(made)))
    given = lemma_index._TABLES["en"]
    assert given is not None
    monkeypatch.setattr(lemma_index, "_TABLES", {})
    own = lemma_index.table("en")
    assert own is not None and len(given) == len(own)
    for word in ("parties", "withdrew", "guarantees", "Kyiv", "zzzz", "a", "être"):
        assert given.get(word) == own.get(word)
    lemma_index.install(("en", "not a table"))  # any other shape is ignored
    lemma_index.install(None)
    assert lemma_index._TABLES["en"] is own


def test_a_table_kept_at_install_is_the_table_made_from_simplemmas_file(tmp_path: Path) -> None:
    """`make` keeps each language's table decompressed (tools/build_caches.py): read
    back, it answers as the table made from simplemma's file; a kept file that is damaged, of
    another simplemma file or missing is not used."""
    import hashlib

    path = lemma_index.data_file("uk")
    assert path is not None
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    assert lemma_index.build_cache("uk", tmp_path)
    kept = lemma_index._cached("uk", sha256, tmp_path)
    made = lemma_index._made("uk", cached=False)
    assert kept is not None and made is not None and len(kept) == len(made)
    words = [
        "сторони",
        "відводять",
        "війська",
        "гарантії",
        "ОБСЄ",
        "zzzz",
        "а",
        *random.Random(5).sample(list(made), 300),
    ]
    assert [kept.get(w) for w in words] == [made.get(w) for w in words]
    assert lemma_index._cached("uk", "0" * 64, tmp_path) is None  # another simplemma file
    assert lemma_index._cached("ru", sha256, tmp_path) is None  # none kept
    file = Path(lemma_index.cache_file("uk", tmp_path))
    data = bytearray(file.read_bytes())
    data[len(data) // 2] ^= 0x40
    file.write_bytes(bytes(data))
    assert lemma_index._cached("uk", sha256, tmp_path) is None  # damaged: its CRC-32 says so
