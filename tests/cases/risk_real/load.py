"""Load the labelled risk corpus (pairs.jsonl beside this file); stdlib only.

    from tests.cases.risk_real.load import load_pairs
    pairs = load_pairs()                      # every pair, checked
    [p for p in pairs if not p.preserving]    # the meaning-changing half

README.md in this folder describes the format and the judgement calls behind the labels.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAIRS = HERE / "pairs.jsonl"
TAXONOMY = HERE.parents[2] / "schemas" / "taxonomy.toml"

LANGS = ("en", "uk", "ru")
SEVERITIES = ("none", "low", "medium", "high")
PRESERVING_KINDS = (
    "translation",
    "alias",
    "negation_moved",
    "number_format",
    "synonym",
    "derived_form",
    "modal_register",
    "punctuation",
    "word_order",
)
CHANGING_KINDS = (
    "obligation",
    "negation",
    "number",
    "deadline",
    "qualifier",
    "party",
    "place",
    "provision_added",
    "provision_deleted",
    "compensation",
    "condition",
    "exception",
    "scope",
    "chapeau_modal",
    "recognition",
)
FIELDS = (
    "id",
    "lang",
    "kind",
    "old",
    "new",
    "preserving",
    "severity",
    "categories",
    "categories_ideal",
    "key_words",
    "why",
)


class CorpusError(ValueError):
    """A line of pairs.jsonl that breaks the format (the message names file and line)."""


@dataclass(frozen=True, slots=True)
class Pair:
    """One labelled provision pair: old → new, and what an analyst says about the change."""

    id: str
    lang: str
    kind: str
    old: str | None  # None: the provision is added
    new: str | None  # None: the provision is deleted
    preserving: bool
    severity: str
    categories: tuple[str, ...]
    categories_ideal: tuple[str, ...]
    key_words: tuple[str, ...]
    why: str


def category_ids(taxonomy: Path = TAXONOMY) -> frozenset[str]:
    """The category ids of a taxonomy file ([categories.<id>] tables)."""
    with taxonomy.open("rb") as fh:
        return frozenset(tomllib.load(fh).get("categories", {}))


def load_pairs(path: Path = PAIRS, *, taxonomy: Path | None = TAXONOMY) -> list[Pair]:
    """Every pair of a corpus file, each checked against the format (CorpusError if not)."""
    known = category_ids(taxonomy) if taxonomy is not None else None
    pairs: list[Pair] = []
    ids: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path.name}: line {number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusError(f"{where}: not JSON ({exc.msg})") from None
        pair = _pair(row, where, known)
        if pair.id in ids:
            raise CorpusError(f"{where}: id {pair.id!r} repeated")
        ids.add(pair.id)
        pairs.append(pair)
    return pairs


def _pair(row: object, where: str, known: frozenset[str] | None) -> Pair:
    if not isinstance(row, dict) or set(row) != set(FIELDS):
        raise CorpusError(f"{where}: fields must be exactly {', '.join(FIELDS)}")
    pair = Pair(
        id=_str(row, "id", where),
        lang=_str(row, "lang", where),
        kind=_str(row, "kind", where),
        old=_text(row, "old", where),
        new=_text(row, "new", where),
        preserving=_bool(row, "preserving", where),
        severity=_str(row, "severity", where),
        categories=_strs(row, "categories", where),
        categories_ideal=_strs(row, "categories_ideal", where),
        key_words=_strs(row, "key_words", where),
        why=_str(row, "why", where),
    )
    _check(pair, where, known)
    return pair


def _check(pair: Pair, where: str, known: frozenset[str] | None) -> None:
    if pair.lang not in LANGS:
        raise CorpusError(f"{where}: lang {pair.lang!r} is not one of {LANGS}")
    if pair.severity not in SEVERITIES:
        raise CorpusError(f"{where}: severity {pair.severity!r} is not one of {SEVERITIES}")
    kinds = PRESERVING_KINDS if pair.preserving else CHANGING_KINDS
    if pair.kind not in kinds:
        raise CorpusError(
            f"{where}: kind {pair.kind!r} is not a {'preserving' if pair.preserving else 'changing'} kind"
        )
    if pair.old is None and pair.new is None:
        raise CorpusError(f"{where}: old and new are both null")
    if (pair.old is None) != (pair.kind == "provision_added") or (pair.new is None) != (
        pair.kind == "provision_deleted"
    ):
        raise CorpusError(f"{where}: old/new may be null only for a provision added/deleted")
    if pair.old == pair.new:
        raise CorpusError(f"{where}: old and new are the same text")
    if pair.preserving and (pair.severity != "none" or pair.key_words):
        raise CorpusError(f"{where}: a meaning-preserving pair has severity 'none' and no key words")
    if not pair.preserving and (pair.severity == "none" or not pair.key_words):
        raise CorpusError(f"{where}: a meaning-changing pair needs a severity and key words")
    if not pair.categories or not pair.categories_ideal:
        raise CorpusError(f"{where}: categories and categories_ideal must not be empty")
    if known is not None and (unknown := [c for c in pair.categories if c not in known]):
        raise CorpusError(f"{where}: categories {unknown} are not in the taxonomy")
    both = f"{pair.old or ''}\n{pair.new or ''}"
    if missing := [w for w in pair.key_words if not contains_word(both, w)]:
        raise CorpusError(f"{where}: key words {missing} appear in neither old nor new")


def normalise(text: str) -> str:
    """Lower case, one kind of quote and dash, thousands separators and spacing collapsed."""
    text = text.lower().replace("\u2019", "'").replace("\u02bc", "'").replace("ё", "е")
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    # 600,000 / 600 000 / 600\u00a0000 → 600000 (a separator only between digit groups of three)
    text = re.sub(r"(?<=\d)[,\u00a0\u202f ](?=\d{3}\b)", "", text)
    return re.sub(r"\s+", " ", text)


def contains_word(text: str, word: str) -> bool:
    """Whether `word` (or phrase) occurs in `text` as whole words, after normalise()."""
    pattern = r"(?<!\w)" + re.escape(normalise(word)).replace(r"\ ", r"\s") + r"(?!\w)"
    return re.search(pattern, normalise(text)) is not None


def _str(row: dict[str, object], key: str, where: str) -> str:
    value = row[key]
    if not isinstance(value, str) or not value.strip():
        raise CorpusError(f"{where}: {key} must be a non-empty string")
    return value


def _text(row: dict[str, object], key: str, where: str) -> str | None:
    return None if row[key] is None else _str(row, key, where)


def _bool(row: dict[str, object], key: str, where: str) -> bool:
    value = row[key]
    if not isinstance(value, bool):
        raise CorpusError(f"{where}: {key} must be true or false")
    return value


def _strs(row: dict[str, object], key: str, where: str) -> tuple[str, ...]:
    value = row[key]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise CorpusError(f"{where}: {key} must be a list of non-empty strings")
    return tuple(value)
