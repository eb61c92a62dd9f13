"""The shipped taxonomy read from its parsed JSON copy (schemas/taxonomy.parsed.json)."""

from __future__ import annotations

import hashlib
import json
import sys
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from draftkit.resources import schema_path
from draftkit.risk import phrases, taxonomy
from draftkit.risk.taxonomy import DEFAULT_TAXONOMY, PARSED_AHEAD, _load, _parsed_ahead, _read

REBUILD = "stale: rebuild it with .venv/bin/python tools/build_taxonomy_json.py"


def test_the_copy_is_of_the_shipped_toml_and_parses_alike() -> None:
    raw = schema_path(DEFAULT_TAXONOMY).read_bytes()
    copy = json.loads(schema_path(PARSED_AHEAD).read_bytes())
    assert copy["toml_sha256"] == hashlib.sha256(raw).hexdigest(), REBUILD
    assert copy["data"] == tomllib.loads(raw.decode("utf-8-sig")), REBUILD
    assert _parsed_ahead(schema_path(DEFAULT_TAXONOMY), raw) == copy["data"]


def test_the_shipped_taxonomy_loads_without_the_toml_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tomllib", None)  # an import of it would fail
    data, _ = _read(schema_path(DEFAULT_TAXONOMY))
    monkeypatch.undo()
    assert data == tomllib.loads(schema_path(DEFAULT_TAXONOMY).read_text("utf-8-sig"))


def test_same_taxonomy_from_the_copy_as_from_the_toml(tmp_path: Path) -> None:
    elsewhere = tmp_path / DEFAULT_TAXONOMY  # same name, not the shipped path: the TOML is parsed
    elsewhere.write_bytes(schema_path(DEFAULT_TAXONOMY).read_bytes())
    from_toml, from_copy = _load(elsewhere), _load(schema_path(DEFAULT_TAXONOMY))
    assert replace(from_toml, source=from_copy.source) == from_copy  # all but where it was read


def test_other_bytes_or_files_are_parsed_as_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = schema_path(DEFAULT_TAXONOMY)
    raw = shipped.read_bytes()
    assert _parsed_ahead(shipped, raw + b"\n# edited\n") is None  # the TOML changed since the copy
    assert _parsed_ahead(tmp_path / "mine.toml", raw) is None
    # A damaged copy: the TOML is parsed, as without one.
    broken = tmp_path / PARSED_AHEAD
    broken.write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(taxonomy, "schema_path", lambda name: broken if name == PARSED_AHEAD else shipped)
    assert _parsed_ahead(shipped, raw) is None
    data, _ = _read(shipped)
    assert data == tomllib.loads(raw.decode("utf-8-sig"))


def test_the_phrases_made_ahead_are_what_the_code_makes_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """The lemma forms and word tokens the copy holds (risk.taxonomy.LEMMAS_AHEAD,
    risk.phrases.WORDS_AHEAD) are the ones made without them: a change to the tokeniser, the
    lemmatiser or its dictionaries makes the copy stale until it is rebuilt."""
    made = json.loads(schema_path(PARSED_AHEAD).read_bytes())["phrases"]
    monkeypatch.setattr(taxonomy, "LEMMAS_AHEAD", {})
    assert {p: taxonomy.lemma_phrases(p) for p in made["lemmas"]} == made["lemmas"], REBUILD
    fresh = {w: [list(pair) for pair in phrases._word_tokens.__wrapped__(w)] for w in made["words"]}
    assert fresh == made["words"], REBUILD


def test_the_phrases_made_ahead_cover_the_shipped_taxonomy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Compiling the shipped taxonomy after its copy is read makes no lemma form anew."""
    made_now: list[str] = []
    real = taxonomy.lemma_phrases

    def counted(phrase: str) -> list[str]:
        if phrase not in taxonomy.LEMMAS_AHEAD:
            made_now.append(phrase)
        return real(phrase)

    monkeypatch.setattr(taxonomy, "lemma_phrases", counted)
    _load(schema_path(DEFAULT_TAXONOMY))
    assert made_now == [], REBUILD


@pytest.mark.parametrize(
    "phrases_value", [None, [], {"lemmas": [], "words": {}}, {"lemmas": {"x": 5}, "words": 7}]
)
def test_damaged_phrases_in_the_copy_are_left_out(
    phrases_value: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(taxonomy, "LEMMAS_AHEAD", {})
    monkeypatch.setattr(phrases, "WORDS_AHEAD", {})
    taxonomy._take_phrases(phrases_value)
    assert taxonomy.LEMMAS_AHEAD == {} and phrases.WORDS_AHEAD == {}
