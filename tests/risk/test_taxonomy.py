"""Loading and checking taxonomy files: the default, a user's own, `extends`, and every kind of bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftkit.errors import EXIT_SCHEMA, SchemaError
from draftkit.resources import schema_path
from draftkit.risk import classify, load_taxonomy
from draftkit.risk.taxonomy import Significance
from tests.risk.helpers import read_text

CATEGORIES = (
    "territory",
    "security_guarantees",
    "military_deescalation",
    "aid_reconstruction",
    "sanctions",
    "humanitarian",
    "political",
    "justice",
    "implementation",
)


def test_default_taxonomy_has_the_nine_categories() -> None:
    taxonomy = load_taxonomy()
    assert tuple(c.id for c in taxonomy.categories) == CATEGORIES
    assert taxonomy.source == str(schema_path("taxonomy.toml"))
    assert all(0 < c.weight <= 1 and c.terms for c in taxonomy.categories)
    assert {g.kind for g in taxonomy.gazetteers} == {"place", "party", "organisation"}
    assert taxonomy.label("military_deescalation") == "military de-escalation"
    assert taxonomy.high > taxonomy.medium


def test_wording_can_never_reach_medium() -> None:
    # Rewording no rule explains is reported, but always low: weights are at most 1.
    taxonomy = load_taxonomy()
    assert taxonomy.significance.wording * max(c.weight for c in taxonomy.categories) < taxonomy.medium


def write(tmp_path: Path, text: str, name: str = "taxonomy.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


MINIMAL = """version = 1
[categories.territory]
weight = 1.0
terms = ["line of contact"]
"""


def test_minimal_user_taxonomy(tmp_path: Path) -> None:
    taxonomy = load_taxonomy(write(tmp_path, MINIMAL))
    assert [c.id for c in taxonomy.categories] == ["territory"]
    assert taxonomy.significance == Significance()
    assert taxonomy.label("territory") == "territory"


BAD: list[tuple[str, str, str, int | None]] = [
    # (id, file text, expected words in the message, expected line)
    ("toml-syntax", "version = 1\n[categories.territory\nweight = 1\n", "invalid TOML", 2),
    ("unknown-top-key", MINIMAL + "colour = 'red'\n", "colour: unknown key", 5),
    (
        "unknown-category-key",
        MINIMAL.replace("weight = 1.0", "weight = 1.0\nwieght = 1"),
        "categories.territory.wieght: unknown key",
        4,
    ),
    (
        "weight-type",
        MINIMAL.replace("weight = 1.0", 'weight = "high"'),
        "categories.territory.weight: must be a number, got a string",
        3,
    ),
    (
        "weight-range",
        MINIMAL.replace("weight = 1.0", "weight = 1.5"),
        "categories.territory.weight: must be between 0 and 1, got 1.5",
        3,
    ),
    ("weight-missing", MINIMAL.replace("weight = 1.0\n", ""), "categories.territory.weight: is required", 2),
    (
        "terms-type",
        MINIMAL.replace('terms = ["line of contact"]', 'terms = "line of contact"'),
        "categories.territory.terms: must be a list of strings",
        4,
    ),
    (
        "term-empty",
        MINIMAL.replace('["line of contact"]', '["line of contact", " "]'),
        "categories.territory.terms: item 2 is empty",
        4,
    ),
    (
        "bad-regex",
        MINIMAL + "patterns = ['de (facto']\n",
        "categories.territory.patterns: item 1 is not a valid regular expression",
        5,
    ),
    ("empty-regex", MINIMAL + "patterns = ['x*']\n", "item 1 matches the empty string", 5),
    (
        "bad-id",
        MINIMAL.replace("[categories.territory]", "[categories.Territory]"),
        "categories.Territory",
        2,
    ),
    ("no-categories", "version = 1\n", "at least one category is required", None),
    ("version", "version = 2\n" + MINIMAL[len("version = 1\n") :], "unsupported version 2", 1),
    (
        "severity-order",
        MINIMAL + "[severity]\nhigh = 0.3\nmedium = 0.6\n",
        "severity.medium: must not be above",
        7,
    ),
    (
        "significance-key",
        MINIMAL + "[significance]\nobligations = 0.5\n",
        "significance.obligations: unknown key",
        6,
    ),
    (
        "significance-range",
        MINIMAL + "[significance]\nnegation = -1\n",
        "significance.negation: must be between",
        6,
    ),
    (
        "gazetteer-kind",
        MINIMAL + "[gazetteers.x]\nkind = 'city'\nnames = ['Marren']\n",
        "gazetteers.x.kind: must be one of place, party, organisation",
        6,
    ),
    (
        "gazetteer-category",
        MINIMAL + "[gazetteers.x]\nkind = 'place'\ncategory = 'land'\nnames = ['Marren']\n",
        "gazetteers.x.category: unknown category 'land'",
        7,
    ),
    ("scope-group", MINIMAL + "[scope]\neverything = ['all']\n", "scope.everything: unknown key", 6),
    ("unit-class", MINIMAL + "[units.weight]\nkg = 1\n", "units.weight: unknown key", 5),
    (
        "unit-factor",
        MINIMAL + "[units.distance]\nkm = 'one thousand'\n",
        "units.distance.km: must be a number",
        6,
    ),
    ("extends-type", "extends = 1\n" + MINIMAL, "extends: must be a string", 1),
]


@pytest.mark.parametrize(("text", "words", "line"), [pytest.param(b[1], b[2], b[3], id=b[0]) for b in BAD])
def test_bad_taxonomy_is_a_schema_error_with_place(
    tmp_path: Path, text: str, words: str, line: int | None
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(SchemaError) as info:
        load_taxonomy(path)
    error = info.value
    assert error.exit_code == EXIT_SCHEMA == 4
    assert words in str(error)
    assert str(error).startswith(str(path))
    if line is not None:
        assert f"line {line}:" in str(error)


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(SchemaError, match="no such taxonomy file"):
        load_taxonomy(tmp_path / "nope.toml")
    with pytest.raises(SchemaError, match="is a directory"):
        load_taxonomy(tmp_path)
    bad = tmp_path / "latin1.toml"
    bad.write_bytes("version = 1 # café".encode("latin-1"))
    with pytest.raises(SchemaError, match="not UTF-8"):
        load_taxonomy(bad)


def test_extends_default_adds_terms_and_names(tmp_path: Path) -> None:
    user = write(
        tmp_path,
        """extends = "default"
[categories.territory]
terms = ["ostra shoreline"]

[gazetteers.local_places]
kind = "place"
category = "territory"
names = ["Marren", "Hollin"]

[severity]
high = 0.7
""",
    )
    taxonomy = load_taxonomy(user)
    default = load_taxonomy()
    territory = taxonomy.category("territory")
    assert territory is not None
    assert "ostra shoreline" in territory.terms and "line of contact" in territory.terms
    assert len(taxonomy.categories) == len(default.categories)
    assert taxonomy.high == 0.7 and taxonomy.medium == default.medium
    draft = read_text(tmp_path, "Article 1 — Transit\n1. Transit via Marren shall be open.\n", "d.txt")
    assert classify(draft, taxonomy)["art_1__para_1"][0] == "territory"
    assert classify(draft, default)["art_1__para_1"] == ()


def test_extends_a_file_and_refuses_itself(tmp_path: Path) -> None:
    base = write(tmp_path, MINIMAL, "base.toml")
    child = write(tmp_path, f'extends = "{base.name}"\n[categories.sanctions]\nweight = 0.9\n', "child.toml")
    assert [c.id for c in load_taxonomy(child).categories] == ["territory", "sanctions"]
    loop = write(tmp_path, 'extends = "loop.toml"\n', "loop.toml")
    with pytest.raises(SchemaError, match="cannot extend itself"):
        load_taxonomy(loop)


def test_wildcards_and_spelling_in_terms(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL.replace('["line of contact"]', '["demilitariz* zone", "defence line"]'))
    taxonomy = load_taxonomy(path)
    draft = read_text(
        tmp_path,
        "Article 1\n1. The demilitarised zone is set.\n2. The defense line is set.\n3. Nothing.\n",
        "d.txt",
    )
    got = classify(draft, taxonomy)
    assert got["art_1__para_1"] == ("territory",)
    assert got["art_1__para_2"] == ("territory",)
    assert got["art_1__para_3"] == ()
