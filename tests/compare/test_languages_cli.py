"""`draftkit diff --languages A,B` (compare.languages through the CLI)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from draftkit.cli import main

CASES = Path(__file__).resolve().parents[1] / "cases" / "languages"


def test_cli_languages_formats(tmp_path: Path) -> None:
    case = CASES / "elections-mixed"
    args = ["diff", str(case / "en.txt"), str(case / "uk.txt"), "--languages", "en,uk"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "missing in the other version" in result.stdout and "en 11 / uk —" in result.stdout
    data = json.loads(CliRunner().invoke(main, [*args, "--format", "json"]).stdout)
    assert data["only_in"] == {"en": ["11"], "uk": []}
    for suffix, start in (("html", "<!DOCTYPE html>"), ("md", "# Language versions")):
        out = tmp_path / f"report.{suffix}"
        assert CliRunner().invoke(main, [*args, "-o", str(out)]).exit_code == 0
        assert out.read_text(encoding="utf-8").startswith(start)
    bad = CliRunner().invoke(main, [*args[:3], "--languages", "en"])
    assert bad.exit_code == 2 and "two languages" in bad.output


def test_cli_warns_on_stderr_when_a_version_reads_as_another_language() -> None:
    case = CASES / "security-zone-numbers"
    args = ["diff", str(case / "en.txt"), str(case / "ru.txt"), "--languages", "en,uk"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0
    assert "draftkit: warning: version B is named uk but reads as ru" in result.stderr


def test_options_languages_do_not_take_are_refused_not_ignored(tmp_path: Path) -> None:
    """--taxonomy, --fail-on, --pair … shape a diff, not a check of language versions: given
    with --languages they were silently ignored; now exit 2, saying which, before reading."""
    case = CASES / "security-zone-numbers"
    args = ["diff", str(case / "en.txt"), str(case / "uk.txt"), "--languages", "en,uk"]
    for extra, name in (
        (["--fail-on", "high"], "--fail-on"),
        (["--pair", "1=1"], "--pair"),
        (["--no-pair", "1"], "--no-pair"),
        (["--lens", "translation"], "--lens"),
        (["--all"], "--all"),
    ):
        result = CliRunner().invoke(main, [*args, *extra])
        assert result.exit_code == 2 and f"{name} not taken with it" in result.output, (extra, result.output)
    # A suffix contradicting --format is refused, as in every command; alone it chooses.
    clash = CliRunner().invoke(main, [*args, "--format", "json", "-o", str(tmp_path / "x.md")])
    assert clash.exit_code == 2 and "names a .md file but --format is json" in clash.output
    assert not (tmp_path / "x.md").exists()
    assert CliRunner().invoke(main, [*args, "-o", str(tmp_path / "x.json")]).exit_code == 0
    assert json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))["languages"] == ["en", "uk"]
