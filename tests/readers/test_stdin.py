"""`-` reads a draft from standard input, for every command that reads one (issue 17)."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from draftkit.cli import main
from tests.conftest import DRAFTS


def test_parse_a_docx_from_stdin() -> None:
    result = CliRunner().invoke(
        main, ["parse", "-", "--format", "json"], input=(DRAFTS / "framework-v2.docx").read_bytes()
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"]["path"] == "<stdin>" and data["source"]["format"] == "docx"


def test_diff_a_file_against_stdin() -> None:
    new = (DRAFTS / "framework-v2.txt").read_bytes()
    result = CliRunner().invoke(
        main, ["diff", str(DRAFTS / "framework-v1.txt"), "-", "--format", "json"], input=new
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["new"]["source"] == "<stdin>"


def test_stdin_twice_is_refused_in_one_line() -> None:
    result = CliRunner().invoke(main, ["diff", "-", "-"], input=b"1. One.\n")
    assert result.exit_code == 3
    assert (
        result.stderr
        == "draftkit: error: <stdin>: standard input can be read only once: give the other draft as a file\n"
    )


def test_a_broken_package_on_stdin_names_stdin_not_a_temporary_file() -> None:
    data = (DRAFTS / "framework-v1.docx").read_bytes()[:2000]
    done = subprocess.run(
        [sys.executable, "-c", "from draftkit.cli import main; main()", "parse", "-"],
        input=data,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 3, done.stderr
    assert (
        done.stderr.decode().startswith("draftkit: error: <stdin>") and b"draftkit-stdin-" not in done.stderr
    )
