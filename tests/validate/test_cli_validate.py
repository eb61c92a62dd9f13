"""`draftkit validate` and `draftkit schema check`: exit codes, stdout/stderr, formats."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from draftkit.cli.validate import schema_group, validate_command

ROOT = Path(__file__).resolve().parents[2]
BROKEN = ROOT / "tests" / "cases" / "validate" / "broken.txt"


@click.group()
def cli() -> None:
    """The two commands as `draftkit` will carry them once registered."""


cli.add_command(validate_command)
cli.add_command(schema_group)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_clean_round_exit_0() -> None:
    code, out, err = run("validate", "drafts/framework-v1.txt")
    assert (code, err) == (0, "")
    assert out == 'drafts/framework-v1.txt: 0 errors, 0 warnings (schema "framework"): passes\n'


def test_warnings_pass_unless_strict() -> None:
    code, out, _ = run("validate", "drafts/framework-v2.txt")
    assert code == 0 and out.count("warning [forbidden.brackets]") == 2
    assert out.splitlines()[0] == (
        "drafts/framework-v2.txt: line 54: warning [forbidden.brackets] Article 4(2) (art_4__para_2): "
        'bracketed, unagreed text: "[in peacetime]"'
    )
    code, out, err = run("validate", "drafts/framework-v2.txt", "--strict")
    assert code == 1 and err == ""
    assert out.endswith('0 errors, 2 warnings (schema "framework"): fails with --strict\n')


def test_errors_exit_1_with_findings_on_stdout() -> None:
    code, out, err = run("validate", str(BROKEN.relative_to(ROOT)))
    assert code == 1 and err == ""
    assert out == (ROOT / "tests" / "cases" / "validate" / "broken.expected.txt").read_text(encoding="utf-8")


def test_json_format() -> None:
    code, out, _ = run("validate", "tests/cases/validate/broken.txt", "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert list(data) == ["draft", "schema", "summary", "findings", "notes"]
    assert data["summary"] == {"errors": 8, "warnings": 2, "strict": False, "ok": False}
    assert list(data["findings"][0]) == [
        "severity",
        "rule",
        "message",
        "citation",
        "eid",
        "paragraph",
        "line",
        "text",
    ]
    code, out, _ = run("validate", "drafts/framework-v2.txt", "--format", "json", "--strict")
    assert code == 1 and json.loads(out)["summary"] == {
        "errors": 0,
        "warnings": 2,
        "strict": True,
        "ok": False,
    }


def test_same_input_same_bytes() -> None:
    first = run("validate", "tests/cases/validate/broken.txt", "--format", "json")
    assert run("validate", "tests/cases/validate/broken.txt", "--format", "json") == first


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "findings.json"
    code, out, _ = run("validate", "tests/cases/validate/broken.txt", "--format", "json", "-o", str(target))
    assert code == 1 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["errors"] == 8


def test_output_over_the_schema_is_refused(tmp_path: Path) -> None:
    schema = tmp_path / "s.toml"
    schema.write_text("", encoding="utf-8")
    code, _, err = run("validate", "drafts/framework-v1.txt", "--schema", str(schema), "-o", str(schema))
    assert code == 2 and "also an input" in err
    assert schema.read_text(encoding="utf-8") == ""


def test_custom_schema(tmp_path: Path) -> None:
    schema = tmp_path / "strict-brackets.clauses.toml"
    schema.write_text(
        '[schema]\nname = "final"\n\n[[forbidden]]\nid = "brackets"\npattern = [\'\\[\']\n', "utf-8"
    )
    code, out, _ = run("validate", "drafts/framework-v2.txt", "--schema", str(schema))
    assert code == 1 and "error [forbidden.brackets]" in out and '(schema "final")' in out


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('[numbering]\ncontiguous = "error\n', ": line 2: not valid TOML: "),
        (
            '[numbering]\nduplicate = "error"\n',
            ': line 2: unknown key "duplicate" in [numbering] (did you mean "duplicates"?)',
        ),
        (
            '[[assert]]\nid = "a"\ndescription = "d"\ncontext = "//article[["\ntest = "true()"\n',
            ": line 4: [[assert]] \"a\" context: bad XPath '//article[['",
        ),
        (
            "[[forbidden]]\nid = \"a\"\npattern = ['(unclosed']\n",
            ': line 3: [[forbidden]] "a" pattern: bad regular expression',
        ),
    ],
)
def test_invalid_schema_exit_4_one_line(tmp_path: Path, toml: str, expected: str) -> None:
    schema = tmp_path / "bad.clauses.toml"
    schema.write_text(toml, encoding="utf-8")
    for args in (
        ("validate", "drafts/framework-v1.txt", "--schema", str(schema)),
        ("schema", "check", str(schema)),
    ):
        code, out, err = run(*args)
        assert code == 4, err
        assert out == ""
        assert err.startswith(f"draftkit: error: {schema}{expected}")
        assert err.count("\n") == 1 and "Traceback" not in err


def test_invalid_schema_wins_over_an_unreadable_draft(tmp_path: Path) -> None:
    schema = tmp_path / "bad.toml"
    schema.write_text("x = 1\n", encoding="utf-8")
    code, _, err = run("validate", str(tmp_path / "missing.txt"), "--schema", str(schema))
    assert code == 4 and 'unknown key "x"' in err


def test_missing_schema_exit_4() -> None:
    code, _, err = run("schema", "check", "nowhere.toml")
    assert code == 4 and err == "draftkit: error: nowhere.toml: no such schema file\n"


def test_unreadable_draft_exit_3() -> None:
    code, out, err = run("validate", "drafts/nowhere.txt")
    assert code == 3 and out == "" and "no such file" in err


def test_schema_check_ok() -> None:
    code, out, err = run("schema", "check", "schemas/framework.clauses.toml")
    assert (code, err) == (0, "")
    assert out.startswith('schemas/framework.clauses.toml: valid clause schema "framework" (')


def test_schema_show_prints_the_default() -> None:
    code, out, _ = run("schema", "show")
    assert code == 0 and out == (ROOT / "schemas" / "framework.clauses.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("args", [("validate",), ("schema",), ("schema", "check"), ("schema", "show")])
def test_every_command_has_help_ending_with_an_example(args: tuple[str, ...]) -> None:
    code, out, _ = run(*args, "--help")
    assert code == 0
    paragraphs = [p for p in out.split("\n\n") if p.strip()]
    assert any(p.strip().startswith("Example: draftkit ") for p in paragraphs)
