"""The command line: exit codes, stdout/stderr separation, atomic output, help on every command."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from draftkit.cli import main
from draftkit.resources import schema_bytes

DRAFT = "TITLE\n\nArticle 1 — Scope\n1. The Parties shall:\n(a) stop;\n(b) withdraw.\n"


@pytest.fixture
def draft_file(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_outline_default(draft_file: Path) -> None:
    code, out, err = run("parse", str(draft_file))
    assert code == 0 and err == ""
    assert out.splitlines()[:3] == ["TITLE", "Article 1 — Scope", "  1. The Parties shall:"]


def test_json_matches_schema(draft_file: Path) -> None:
    code, out, _ = run("parse", str(draft_file), "--format", "json")
    assert code == 0
    data = json.loads(out)
    jsonschema.validate(data, json.loads(schema_bytes("draft.schema.json")))
    assert data["provisions"][0]["children"][0]["children"][1]["eid"] == "art_1__para_1__point_b"


def test_output_file_written_atomically(draft_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xml"
    code, stdout, _ = run("parse", str(draft_file), "--format", "xml", "-o", str(out))
    assert code == 0 and stdout == ""
    assert out.read_bytes().startswith(b"<?xml")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_output_equal_to_input_is_refused(draft_file: Path) -> None:
    before = draft_file.read_bytes()
    code, _, err = run("parse", str(draft_file), "-o", str(draft_file))
    assert code == 2 and "also an input" in err
    assert draft_file.read_bytes() == before


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.docx", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: (d / "e.txt", (d / "e.txt").write_bytes(b""))[0], "empty file"),
        (lambda d: (d / "j.bin", (d / "j.bin").write_bytes(bytes(range(256)) * 4))[0], "binary"),
        (lambda d: (d / "p.docx", (d / "p.docx").write_bytes(b"%PDF-1.4 junk"))[0], "PDF"),
    ],
)
def test_unreadable_input_exit_3_one_line(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    sub = tmp_path / "in"
    sub.mkdir()
    path = make(sub)
    code, out, err = run("parse", str(path))
    assert code == 3, err
    assert out == ""
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_failed_run_leaves_existing_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("previous")
    code, _, _ = run("parse", str(tmp_path / "missing.txt"), "-o", str(out))
    assert code == 3 and out.read_text() == "previous"


def test_every_command_has_help_with_example() -> None:
    for name, command in main.commands.items():
        code, out, _ = run(name, "--help")
        assert code == 0 and "Example:" in out, name
        assert command.help


def test_diff_json_matches_schema_and_counts(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text(
        "T\n\nArticle 1\n1. The Parties shall withdraw within 30 days.\n2. Keep.\n", encoding="utf-8"
    )
    new.write_text(
        "T\n\nArticle 1\n1. The Parties may withdraw within 60 days.\n2. Keep.\n3. New.\n", encoding="utf-8"
    )
    out = tmp_path / "diff.json"
    code, _, err = run("diff", str(old), str(new), "--format", "json", "-o", str(out))
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(schema_bytes("diff.schema.json")))
    # unchanged: the title "T" (a unit of the comparison), Article 1 and 1(2)
    assert (data["summary"]["modified"], data["summary"]["added"], data["summary"]["unchanged"]) == (1, 1, 3)
    modified = next(c for c in data["changes"] if c["kind"] == "modified")
    assert ["delete", "shall"] in modified["ops"] and ["insert", "60"] in modified["ops"]


def test_diff_text_lists_changes(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text("T\n\nArticle 1\n1. Alpha beta gamma.\n", encoding="utf-8")
    new.write_text("T\n\nArticle 1\n1. Alpha delta gamma.\n", encoding="utf-8")
    code, out, _ = run("diff", str(old), str(new))
    assert code == 0
    assert "Article 1(1)  [modified]  Alpha [-beta-]{+delta+} gamma." in out


def test_redline_to_stdout_needs_a_format(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text("T\n\nArticle 1\n1. The Parties shall withdraw.\n", encoding="utf-8")
    new.write_text("T\n\nArticle 1\n1. The Parties may withdraw.\n", encoding="utf-8")
    code, out, _ = run("redline", str(old), str(new), "-o", "-", "--format", "md")
    assert code == 0 and "~~shall~~" in out
    code, _, err = run("redline", str(old), str(new), "-o", "-")
    assert code == 2 and "--format" in err
    assert not (Path.cwd() / "-").exists()


def test_a_change_has_a_readers_label_and_citation() -> None:
    """Issue 17: the README's library loop no longer prints 'unchanged Article 5 → Article 6'."""
    from draftkit.api import diff
    from tests.conftest import DRAFTS

    changes = [
        c for c in diff(DRAFTS / "framework-v1.txt", DRAFTS / "framework-v2.txt").changes if c.is_change
    ]
    shown = {(c.label, c.cite) for c in changes}
    assert ("Added", "Article 2(3)") in shown
    assert ("Renumbered", "Article 6 → Article 7") in shown
    assert "Unchanged" not in {label for label, _ in shown}
