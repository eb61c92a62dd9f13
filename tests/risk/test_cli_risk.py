"""`draftkit classify`: stdout, stderr and exit codes separately; help ends with an example."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from draftkit.cli import main
from draftkit.cli.risk import classify_command
from tests.conftest import DRAFTS


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(classify_command, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_text_output() -> None:
    code, out, err = run(str(DRAFTS / "framework-v2.txt"))
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith("taxonomy: ") and lines[0].endswith("(9 categories)")
    assert "  Article 7(1)  [security_guarantees]" in lines
    assert "Article 9 — Reconstruction, Frozen Assets and Sanctions  [aid_reconstruction, sanctions]" in lines
    assert "strongest category per provision:" in lines


def test_explain_shows_terms() -> None:
    code, out, _ = run(str(DRAFTS / "framework-v2.txt"), "--explain")
    assert code == 0
    assert "armed attack" in out and "(inherited)" in out


def test_json_output(tmp_path: Path) -> None:
    target = tmp_path / "classes.json"
    code, out, err = run(str(DRAFTS / "framework-v3.txt"), "--format", "json", "-o", str(target))
    assert code == 0 and out == "" and err == f"wrote {target}\n"
    data = json.loads(target.read_text(encoding="utf-8"))
    assert list(data) == ["source", "taxonomy", "provisions"]
    first = {p["eid"]: p for p in data["provisions"]}["art_9__para_4"]
    assert first["cite"] == "Article 9(4)" and first["categories"][0] == "sanctions"
    assert "lift the sanctions" in first["signals"]["sanctions"]


def test_user_taxonomy(tmp_path: Path) -> None:
    taxonomy = tmp_path / "mine.toml"
    taxonomy.write_text(
        'extends = "default"\n[gazetteers.local]\nkind = "place"\ncategory = "territory"\n'
        'names = ["Marren"]\n',
        encoding="utf-8",
    )
    code, out, _ = run(str(DRAFTS / "framework-v2.txt"), "--taxonomy", str(taxonomy), "--explain")
    assert code == 0 and "Marren" in out


def test_bad_taxonomy_exits_4_with_place(tmp_path: Path) -> None:
    taxonomy = tmp_path / "bad.toml"
    taxonomy.write_text("version = 1\n[categories.territory]\nweight = 3\n", encoding="utf-8")
    code, out, err = run(str(DRAFTS / "framework-v2.txt"), "--taxonomy", str(taxonomy))
    assert code == 4 and out == ""
    where = f"draftkit: error: {taxonomy}: line 3: "
    assert err == where + "categories.territory.weight: must be between 0 and 1, got 3\n"


def test_missing_draft_exits_3() -> None:
    code, _, err = run("no-such-draft.txt")
    assert code == 3 and "no such file" in err


def test_registered_in_main() -> None:
    result = CliRunner().invoke(main, ["classify", str(DRAFTS / "framework-v1.txt"), "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["provisions"]


def test_help_ends_with_an_example() -> None:
    code, out, _ = run("--help")
    assert code == 0 and "Example: draftkit classify" in out
    assert "--taxonomy" in out and "--max-bytes" in out
