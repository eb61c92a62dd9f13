"""Determinism: every command, run twice on the same inputs with the same --date, writes the
same bytes, even in processes with different hash seeds and time zones (set order and
local time are the usual leaks)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import DRAFTS, ROOT

from .test_escaping import NEW, OLD

# One CliRunner process runs every command and writes each result to OUT/<index>.
DRIVER = """
import json, sys
from pathlib import Path
from click.testing import CliRunner
from draftkit.cli import main
out = Path(sys.argv[1])
for index, args in enumerate(json.loads(Path(sys.argv[2]).read_text())):
    args = [a.replace("{OUT}", str(out)) for a in args]
    result = CliRunner().invoke(main, args)
    (out / f"{index}.stdout").write_text(f"{result.exit_code}\\n{result.stdout}", encoding="utf-8")
"""


def _commands(old: Path, new: Path, tag: str) -> list[list[str]]:
    o, n = str(old), str(new)
    return [
        ["parse", o, "--format", "outline"],
        ["parse", n, "--format", "json"],
        ["parse", n, "--format", "xml", "-o", f"{{OUT}}/{tag}-parse.xml"],
        ["parse", o, "--view", "original", "--format", "json"],
        ["diff", o, n],
        ["diff", o, n, "--format", "json", "--all"],
        ["redline", o, n, "-o", f"{{OUT}}/{tag}-redline.json", "--date", "2026-11-24"],
        ["redline", o, n, "-o", f"{{OUT}}/{tag}-redline.md", "--date", "2026-11-24"],
        ["redline", o, n, "-o", f"{{OUT}}/{tag}-redline.html", "--date", "2026-11-24"],
        ["redline", o, n, "-o", f"{{OUT}}/{tag}-redline.docx", "--date", "2026-11-24", "--summary"],
        ["redline", o, n, "-o", f"{{OUT}}/{tag}-moves.docx", "--date", "2026-11-24T10:00:00Z", "--moves"],
        ["validate", n, "--format", "json"],
        ["validate", o],
        ["classify", n, "--format", "json"],
        ["classify", o, "--explain"],
    ]


def _run(out: Path, commands: Path, driver: Path, seed: str, tz: str) -> dict[str, bytes]:
    out.mkdir()
    env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": tz}
    env.pop("SOURCE_DATE_EPOCH", None)
    subprocess.run(
        [sys.executable, str(driver), str(out), str(commands)], check=True, env=env, cwd=ROOT, timeout=120
    )
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_every_command_twice_gives_identical_bytes(tmp_path: Path) -> None:
    hostile_old, hostile_new = tmp_path / "old.txt", tmp_path / "new.txt"
    hostile_old.write_text(OLD, encoding="utf-8")
    hostile_new.write_text(NEW, encoding="utf-8")
    commands = (
        _commands(DRAFTS / "framework-v1.docx", DRAFTS / "framework-v2.docx", "docx")
        + _commands(DRAFTS / "framework-v2.txt", DRAFTS / "framework-v3-tracked.docx", "mixed")
        + _commands(hostile_old, hostile_new, "hostile")
    )
    listing = tmp_path / "commands.json"
    listing.write_text(json.dumps(commands), encoding="utf-8")
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    first = _run(tmp_path / "a", listing, driver, "1", "UTC")
    second = _run(tmp_path / "b", listing, driver, "2", "Asia/Kathmandu")
    assert len(first) == len(commands) + sum(any("{OUT}" in a for a in c) for c in commands)
    codes = {name: data.split(b"\n", 1)[0] for name, data in first.items() if name.endswith(".stdout")}
    assert set(codes.values()) <= {b"0", b"1"}, codes  # every command ran (1: validation findings)
    assert first.keys() == second.keys()
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
