"""Clause schema files: the default loads; every kind of mistake is one located SchemaError."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftkit.errors import EXIT_SCHEMA, SchemaError, Where
from draftkit.resources import schema_path
from draftkit.validate.clause_schema import DEFAULT_SCHEMA, check_schema, load_schema, parse_schema

ROOT = Path(__file__).resolve().parents[2]


def test_default_schema_loads() -> None:
    schema = load_schema()
    assert schema.name == "framework"
    assert schema.source == f"draftkit:{DEFAULT_SCHEMA}"
    assert {r.id for r in schema.required} >= {
        "monitoring",
        "verification",
        "withdrawal_timeline",
        "security_guarantees",
        "territorial_arrangements",
        "aid_reconstruction",
    }
    assert {f.id for f in schema.forbidden} >= {"brackets", "elision", "tbd", "xx", "empty"}
    # Required provisions are warnings by default (a signed agreement passes), recognised by
    # the risk classifier where a category is named — with headings, phrases or patterns of
    # their own, so the default still works without the taxonomy.
    assert all(r.severity == "warning" for r in schema.required)
    assert {r.id for r in schema.required if r.category} >= {"ceasefire", "monitoring", "security_guarantees"}
    assert all(r.headings or r.phrases or r.patterns for r in schema.required)
    assert schema.structure.relaxng_path.name == "draft.rng"
    assert schema_path(DEFAULT_SCHEMA).is_file()


def test_default_schema_file_is_the_shipped_one() -> None:
    assert load_schema(ROOT / "schemas" / DEFAULT_SCHEMA).required == load_schema().required


def test_empty_schema_means_defaults() -> None:
    schema = parse_schema("")
    assert schema.numbering.contiguous == "error" and schema.numbering.one_format == "warning"
    assert schema.references.dangling == "error"
    assert schema.required == () and schema.forbidden == () and schema.asserts == ()
    assert schema.structure.allowed_in("point") != ()


def test_docs_example_is_a_valid_schema() -> None:
    text = (ROOT / "docs" / "validate.md").read_text(encoding="utf-8")
    start = text.index("```toml\n") + len("```toml\n")
    example = text[start : text.index("```", start)]
    schema = parse_schema(example, source="docs/validate.md")
    assert schema.required and schema.forbidden and schema.asserts


def error_of(text: str, tmp_path: Path | None = None) -> SchemaError:
    with pytest.raises(SchemaError) as caught:
        parse_schema(text, source="my.clauses.toml", base=tmp_path)
    assert caught.value.exit_code == EXIT_SCHEMA
    return caught.value


def line_of(error: SchemaError) -> int | None:
    assert isinstance(error.where, Where) and error.where.source == "my.clauses.toml"
    return error.where.line


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        # TOML syntax
        ('[numbering]\ncontiguous = "error\n', 2, "not valid TOML: "),
        ("[numbering\n", 1, "not valid TOML: "),
        # unknown keys, with a suggestion
        (
            '[numbering]\ncontiguous = "error"\nduplicate = "error"\n',
            3,
            'unknown key "duplicate" in [numbering] (did you mean "duplicates"?)',
        ),
        (
            '[[required]]\nid = "a"\nheading = ["x"]\nsevrity = "warning"\n',
            4,
            'unknown key "sevrity" in [[required]] "a" (did you mean "severity"?)',
        ),
        ('colour = "red"\n', 1, 'unknown key "colour" in the top level'),
        (
            '[[forbidden]]\nid = "a"\nwords = ["x"]\n\n[[forbidden]]\nid = "b"\npatern = ["y"]\n',
            7,
            'unknown key "patern" in [[forbidden]] "b" (did you mean "pattern"?)',
        ),
        (
            '[structure.contains]\narticel = ["paragraph"]\n',
            2,
            'unknown key "articel" in [structure.contains]',
        ),
        # wrong values
        (
            '[numbering]\ncontiguous = "fatal"\n',
            2,
            '[numbering] contiguous must be "error", "warning" or "off", not "fatal"',
        ),
        ("[numbering]\ncontiguous = true\n", 2, "not true"),
        ('[structure]\ntop = ["article", "clause"]\n', 2, 'unknown provision kind "clause"'),
        ('[structure.contains]\narticle = ["paragraf"]\n', 2, '(did you mean "paragraph"?)'),
        ('[numbering]\ncontinuous = "article"\nstart = "one"\n', 3, "start must be a whole number"),
        ("[numbering]\nstart = -1\n", 2, "start must be 0 or more"),
        ("[schema]\nformat = 2\n", 2, "format 2 is not supported"),
        ('[schema]\ntaxonomy = "nowhere.toml"\n', 2, 'taxonomy: no such file "nowhere.toml"'),
        ('[structure]\nrelaxng = "nowhere.rng"\n', 2, 'relaxng: no such file "nowhere.rng"'),
        (
            '[required]\nid = "a"\n',
            1,
            "write [[required]] (an array of tables, one per rule), not [required]",
        ),
        # entries
        ('[[required]]\nheading = ["x"]\n', 1, '[[required]] entry 1 needs "id"'),
        ('[[required]]\nid = "Bad Id"\nheading = ["x"]\n', 2, "id must be lower-case letters"),
        (
            '[[required]]\nid = "a"\nheading = ["x"]\n[[required]]\nid = "a"\nheading = ["y"]\n',
            5,
            '[[required]] id "a" is used twice (entries 1 and 2)',
        ),
        ('[[required]]\nid = "a"\n', 1, "says nothing to look for"),
        ('[[required]]\nid = "a"\nheading = [1, 2]\n', 3, "heading must be a list of texts"),
        ('[[required]]\nid = "a"\nheading = [""]\n', 3, "heading holds an empty text"),
        ('[[forbidden]]\nid = "a"\nempty = "yes"\n', 3, "empty must be true or false"),
        ("[[forbidden]]\nid = \"a\"\npattern = ['x*']\n", 3, "matches empty text"),
        # bad patterns and XPath
        (
            "[[forbidden]]\nid = \"a\"\npattern = ['[unclosed']\n",
            3,
            "[[forbidden]] \"a\" pattern: bad regular expression '[unclosed': "
            "unterminated character set at position 0",
        ),
        ("[[required]]\nid = \"a\"\npattern = ['(?<=a+)b']\n", 3, "bad regular expression"),
        (
            '[[assert]]\nid = "a"\ndescription = "d"\ncontext = "//article[["\ntest = "true()"\n',
            4,
            "[[assert]] \"a\" context: bad XPath '//article[['",
        ),
        (
            '[[assert]]\nid = "a"\ndescription = "d"\ncontext = "//article"\ntest = "nosuch(.)"\n',
            5,
            "[[assert]] \"a\" test: XPath 'nosuch(.)' cannot be evaluated",
        ),
        (
            '[[assert]]\nid = "a"\ndescription = "d"\ncontext = "//x:article"\ntest = "true()"\n',
            4,
            "cannot be evaluated",
        ),
        (
            '[[assert]]\nid = "a"\ndescription = "d"\ncontext = "count(//article)"\ntest = "true()"\n',
            4,
            "context must select elements",
        ),
        (
            '[[assert]]\nid = "a"\ncontext = "//article"\ntest = "true()"\n',
            1,
            '[[assert]] "a" needs "description"',
        ),
    ],
)
def test_schema_mistakes(text: str, line: int, message: str) -> None:
    error = error_of(text)
    assert message in error.message
    assert line_of(error) == line
    assert "\n" not in str(error)


def test_error_string_names_file_and_line() -> None:
    error = error_of('[numbering]\ncontiguous = "fatal"\n')
    assert (
        str(error)
        == 'my.clauses.toml: line 2: [numbering] contiguous must be "error", "warning" or "off", not "fatal"'
    )


def test_relaxng_that_is_not_a_grammar(tmp_path: Path) -> None:
    (tmp_path / "bad.rng").write_text("<grammar><oops/></grammar>", encoding="utf-8")
    (tmp_path / "broken.rng").write_text("<grammar", encoding="utf-8")
    (tmp_path / "entity.rng").write_text('<!DOCTYPE g [<!ENTITY x "y">]><g/>', encoding="utf-8")
    assert "not a RelaxNG grammar" in error_of('[structure]\nrelaxng = "bad.rng"\n', tmp_path).message
    assert "not well-formed XML" in error_of('[structure]\nrelaxng = "broken.rng"\n', tmp_path).message
    assert (
        "DOCTYPE and entities are refused"
        in error_of('[structure]\nrelaxng = "entity.rng"\n', tmp_path).message
    )


def test_relative_files_are_found_beside_the_schema(tmp_path: Path) -> None:
    (tmp_path / "grammar.rng").write_bytes((ROOT / "schemas" / "draft.rng").read_bytes())
    path = tmp_path / "mine.clauses.toml"
    path.write_text('[structure]\nrelaxng = "grammar.rng"\n', encoding="utf-8")
    assert load_schema(path).structure.relaxng_path == tmp_path / "grammar.rng"
    assert load_schema(path).name == "mine"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.toml", "no such schema file"),
        (lambda d: d, "is a directory"),
        (
            lambda d: (d / "latin.toml", (d / "latin.toml").write_bytes(b'[schema]\nname = "caf\xe9"\n'))[0],
            "not UTF-8",
        ),
    ],
)
def test_unreadable_schema_files(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SchemaError, match=message):
        check_schema(make(tmp_path))


def test_rule_count() -> None:
    assert parse_schema("").rule_count() == 6
    assert parse_schema('[numbering]\none_format = "off"\n').rule_count() == 5
