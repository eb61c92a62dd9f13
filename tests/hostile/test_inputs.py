"""Every hostile or broken input through every command of the real CLI.

A refused input gives its exit code and one line on stderr naming the file, nothing on
stdout, and leaves the input and output folders exactly as they were (a pre-existing
output untouched, no temporary file left). A hostile input that is still a draft is read
in full: every piece of its text reaches the output.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from draftkit.model.xmlio import from_xml

from .files import FAILING, GOOD_TEXT, READABLE, Failing, Readable
from .helpers import COMMANDS, argv, assert_fails, cli, snapshot


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path, Path]:
    """(inputs folder, output folder with a previous report in it, the good draft)."""
    inputs, outputs = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    outputs.mkdir()
    good = inputs / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    for name in ("previous.json", "previous.html"):
        (outputs / name).write_text("previous report", encoding="utf-8")
    return inputs, outputs, good


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", FAILING, ids=[c.id for c in FAILING])
def test_refused_by_every_command(case: Failing, command: str, folders: tuple[Path, Path, Path]) -> None:
    inputs, outputs, good = folders
    hostile = case.build(inputs)
    output = outputs / ("previous.html" if command == "redline" else "previous.json")
    before = snapshot(inputs), snapshot(outputs)
    run = cli(*argv(command, hostile, good, output))
    assert_fails(run, case.code, case.message, hostile)
    assert (snapshot(inputs), snapshot(outputs)) == before


@pytest.mark.parametrize("case", FAILING, ids=[c.id for c in FAILING])
def test_refused_to_stdout_too(case: Failing, folders: tuple[Path, Path, Path]) -> None:
    inputs, _, good = folders
    hostile = case.build(inputs)
    assert_fails(cli("parse", hostile), case.code, case.message, hostile)
    assert_fails(cli("diff", good, hostile), case.code, case.message, hostile)


def _strings(value: Any) -> Iterator[str]:
    """Every string in a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@pytest.mark.parametrize("case", READABLE, ids=[c.id for c in READABLE])
def test_hostile_but_readable(case: Readable, folders: tuple[Path, Path, Path]) -> None:
    inputs, outputs, good = folders
    path = case.build(inputs)
    run = cli("parse", path, "--format", "json")
    said = run.err.splitlines()
    assert run.code == 0 and len(said) == len(case.warnings)
    assert all(
        line.startswith("draftkit: warning: ") and w in line
        for w, line in zip(case.warnings, said, strict=True)
    )
    texts = "\n".join(_strings(json.loads(run.out)))
    for expected in case.contains:
        assert expected in texts, expected
    xml = cli("parse", path, "--format", "xml")
    assert (
        xml.code == 0
        and from_xml(xml.out.encode("utf-8")).provisions == from_xml(xml.out.encode("utf-8")).provisions
    )
    assert cli("diff", good, path, "--format", "json").code == 0
    assert cli("redline", good, path, "-o", outputs / "r.md", "--date", "2026-01-01").code == 0
    assert cli("validate", path).code in (0, 1)
    assert cli("classify", path).code == 0
