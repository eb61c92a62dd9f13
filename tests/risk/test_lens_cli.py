"""`--lens translation` on diff and redline (issue 14 item 6): passed to the rules, said in
the report."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from draftkit.cli import main
from draftkit.resources import schema_bytes


def _pair(tmp_path: Path) -> tuple[str, str]:
    a, b = tmp_path / "en.txt", tmp_path / "back.txt"
    a.write_text("T\n\n1. The Strip will be redeveloped for the benefit of its people.\n", encoding="utf-8")
    b.write_text("T\n\n1. The Strip will be rebuilt for the benefit of its population.\n", encoding="utf-8")
    return str(a), str(b)


def test_the_lens_reaches_the_rules_and_the_json(tmp_path: Path) -> None:
    a, b = _pair(tmp_path)
    runner = CliRunner()
    plain = json.loads(runner.invoke(main, ["diff", a, b, "--format", "json"]).stdout)
    lensed = json.loads(
        runner.invoke(main, ["diff", a, b, "--format", "json", "--lens", "translation"]).stdout
    )
    jsonschema.validate(lensed, json.loads(schema_bytes("diff.schema.json")))
    assert "lens" not in plain and lensed["lens"] == "translation"
    messages = [f["message"] for c in lensed["changes"] for f in c["flags"]]
    assert any(m.startswith("Register difference (translation lens)") for m in messages)
    text = runner.invoke(main, ["diff", a, b, "--lens", "translation"]).stdout
    assert "lens: translation" in text


def test_redline_takes_the_lens(tmp_path: Path) -> None:
    a, b = _pair(tmp_path)
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["redline", a, b, "-o", str(out), "--lens", "translation"])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["lens"] == "translation"
