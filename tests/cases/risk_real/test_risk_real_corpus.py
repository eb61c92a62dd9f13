"""The labelled risk corpus has the shape issue 14 asks for, and its loader refuses bad lines."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from tests.cases.risk_real.load import (
    CHANGING_KINDS,
    PRESERVING_KINDS,
    CorpusError,
    contains_word,
    load_pairs,
    normalise,
)

PAIRS = load_pairs()


def test_corpus_size_halves_and_languages() -> None:
    assert len(PAIRS) >= 300
    preserving = sum(p.preserving for p in PAIRS)
    assert 0.45 <= preserving / len(PAIRS) <= 0.55
    langs = Counter(p.lang for p in PAIRS)
    assert (langs["uk"] + langs["ru"]) / len(PAIRS) >= 0.20
    assert langs["uk"] >= 20 and langs["ru"] >= 20


def test_every_kind_present_in_quantity() -> None:
    kinds = Counter(p.kind for p in PAIRS)
    for kind in PRESERVING_KINDS + CHANGING_KINDS:
        assert kinds[kind] >= 5, kind


def test_changing_pairs_name_key_words_from_their_text() -> None:
    for pair in PAIRS:
        if pair.preserving:
            assert pair.severity == "none" and not pair.key_words
        else:
            assert pair.severity in ("low", "medium", "high") and pair.key_words
            for word in pair.key_words:
                assert contains_word(f"{pair.old or ''} {pair.new or ''}", word), (pair.id, word)


def test_whole_word_match_and_number_grouping() -> None:
    assert contains_word("limited to 600 000 personnel", "600,000")
    assert contains_word("limited to 600\u00a0000 personnel", "600000")
    assert not contains_word("a distance of 15 km", "5")
    assert contains_word("Вооружённых сил", "вооруженных")
    assert not contains_word("the allied forces", "all")
    assert normalise("Ukraine\u2019s  \u2013 sovereignty") == "ukraine's - sovereignty"


def _write(tmp_path: Path, row: dict[str, object]) -> Path:
    path = tmp_path / "pairs.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


GOOD = {
    "id": "en-number-99",
    "lang": "en",
    "kind": "number",
    "old": "The cap is 600,000 troops.",
    "new": "The cap is 800,000 troops.",
    "preserving": False,
    "severity": "high",
    "categories": ["security_guarantees"],
    "categories_ideal": ["security_guarantees"],
    "key_words": ["600,000", "800,000"],
    "why": "cap raised",
}


def test_loader_reads_a_good_line(tmp_path: Path) -> None:
    (pair,) = load_pairs(_write(tmp_path, GOOD))
    assert pair.key_words == ("600,000", "800,000") and not pair.preserving


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"categories": ["hostages"]}, "not in the taxonomy"),
        ({"key_words": ["700,000"]}, "appear in neither"),
        ({"preserving": True}, "not a preserving kind"),
        ({"old": None}, "may be null only"),
        ({"severity": "none"}, "needs a severity"),
        ({"lang": "de"}, "lang 'de'"),
        ({"new": "The cap is 600,000 troops."}, "the same text"),
    ],
)
def test_loader_refuses_bad_lines(tmp_path: Path, change: dict[str, object], message: str) -> None:
    with pytest.raises(CorpusError, match=message):
        load_pairs(_write(tmp_path, {**GOOD, **change}))


def test_loader_refuses_missing_field_and_bad_json(tmp_path: Path) -> None:
    row = dict(GOOD)
    del row["why"]
    with pytest.raises(CorpusError, match="line 1: fields must be"):
        load_pairs(_write(tmp_path, row))
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="line 1: not JSON"):
        load_pairs(bad)
