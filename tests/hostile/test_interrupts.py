"""The output contract when the run is cut short: a reader that goes away (`| head`), a
closed stderr, Ctrl-C, SIGTERM and SIGHUP in the middle of a write. Never exit 70, never a
traceback, never a temporary file left behind.

These run the real script in a child process: a closed pipe and a signal are properties of
a process, which CliRunner cannot fake.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from draftkit.errors import Terminated
from draftkit.outputs import temp_name, write_atomic

from .files import GOOD_TEXT
from .helpers import DATE, draftkit_script, snapshot

NEW_TEXT = GOOD_TEXT.replace("cease fire", "cease all fire") + "3. The Parties may withdraw 600 000 troops.\n"

# A child that runs the CLI with fsync slowed down: it writes `marker` when the output's
# temporary file exists and is full, then waits to be signalled.
_SLOW_WRITE = """
import os, sys, time
from pathlib import Path
marker = Path(sys.argv[1])
def slow_fsync(fd):
    marker.write_text("ready")
    time.sleep(30)
os.fsync = slow_fsync
from draftkit.cli import main
main(sys.argv[2:], prog_name="draftkit")
"""


@pytest.fixture
def drafts(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(GOOD_TEXT, encoding="utf-8")
    new.write_text(NEW_TEXT, encoding="utf-8")
    return old, new


def _closed_pipe() -> int:
    """The write end of a pipe whose reader has already gone (what `| head` leaves)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    return write_end


def _run(
    args: list[str | Path], *, stdout: int | None = None, stderr: int | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "DRAFTKIT_DEBUG"}
    return subprocess.run(
        [draftkit_script(), *map(str, args)],
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=stderr if stderr is not None else subprocess.PIPE,
        timeout=60,
        env=env,
        check=False,
    )


STDOUT_COMMANDS: list[tuple[str, list[str], int]] = [
    ("parse-outline", ["parse", "{old}"], 0),
    ("parse-json", ["parse", "{old}", "--format", "json"], 0),
    ("parse-xml", ["parse", "{old}", "--format", "xml"], 0),
    ("diff", ["diff", "{old}", "{new}"], 0),
    ("diff-json", ["diff", "{old}", "{new}", "--format", "json"], 0),
    ("diff-fail-on", ["diff", "{old}", "{new}", "--fail-on", "low"], 1),  # its own exit code stays
    ("classify", ["classify", "{old}"], 0),
    ("validate", ["validate", "{old}", "--format", "json"], 0),
    ("redline-stdout-docx", ["redline", "{old}", "{new}", "-o", "-", "--format", "docx", "--date", DATE], 0),
    ("redline-stdout-md", ["redline", "{old}", "{new}", "-o", "-", "--format", "md", "--date", DATE], 0),
    ("schema-show", ["schema", "show"], 0),
]


@pytest.mark.parametrize(("name", "template", "code"), STDOUT_COMMANDS, ids=[c[0] for c in STDOUT_COMMANDS])
def test_a_closed_stdout_ends_quietly(
    name: str, template: list[str], code: int, drafts: tuple[Path, Path]
) -> None:
    old, new = drafts
    args: list[str | Path] = [a.format(old=old, new=new) for a in template]
    pipe = _closed_pipe()
    try:
        done = _run(args, stdout=pipe)
    finally:
        os.close(pipe)
    if name == "validate":
        code = done.returncode if done.returncode in (0, 1) else -1  # findings or not: the draft decides
    assert done.returncode == code, done.stderr
    assert done.stderr == b"", done.stderr


def test_a_closed_stderr_keeps_the_exit_code(tmp_path: Path) -> None:
    pipe = _closed_pipe()
    try:
        done = _run(["parse", tmp_path / "missing.txt"], stderr=pipe)
    finally:
        os.close(pipe)
    assert done.returncode == 3
    assert done.stdout == b""


def test_a_closed_stderr_after_a_write(drafts: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = drafts
    pipe = _closed_pipe()
    try:
        done = _run(["redline", old, new, "-o", tmp_path / "r.md", "--date", DATE], stderr=pipe)
    finally:
        os.close(pipe)
    assert done.returncode == 0
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# Redline")


def test_a_full_stdout_is_an_output_error(drafts: tuple[Path, Path]) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    with open("/dev/full", "wb") as full:
        done = _run(["parse", drafts[0], "--format", "json"], stdout=full.fileno())
    assert done.returncode == 2
    assert done.stderr.decode().count("\n") == 1 and b"cannot write the output" in done.stderr


def _slow_child(tmp_path: Path, args: list[str | Path]) -> tuple[subprocess.Popen[bytes], Path]:
    marker = tmp_path / "marker"
    env = {k: v for k, v in os.environ.items() if k != "DRAFTKIT_DEBUG"}
    child = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITE, str(marker), *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    deadline = time.monotonic() + 30
    while not marker.exists():
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < deadline, "the child never reached its write"
        time.sleep(0.05)
    marker.unlink()
    return child, marker


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=["TERM", "HUP", "INT"])
def test_a_signal_during_a_write_leaves_no_temporary(
    signum: int, drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = drafts
    target = tmp_path / "out" / "redline.docx"
    target.parent.mkdir()
    target.write_bytes(b"previous")
    before = snapshot(tmp_path)
    child, _ = _slow_child(tmp_path, ["redline", old, new, "-o", target, "--date", DATE])
    assert any(".draftkit-tmp-" in p.name for p in target.parent.iterdir())  # the write is under way
    child.send_signal(signum)
    out, err = child.communicate(timeout=30)
    if signum == signal.SIGINT:
        assert child.returncode == 130
        assert err == b"draftkit: interrupted\n", err
    else:
        assert child.returncode == -signum, err  # ended by the signal itself, as without draftkit
        assert b"Traceback" not in err
    assert out == b""
    assert snapshot(tmp_path) == before  # no temporary, the previous output untouched


def test_ctrl_c_while_reading_is_130_and_one_line(
    drafts: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from draftkit import api

    from .helpers import cli

    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(api, "parse", interrupted)
    run = cli("parse", drafts[0])
    assert (run.code, run.out, run.err) == (130, "", "draftkit: interrupted\n")


def test_sigterm_inside_write_atomic_removes_the_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.json"
    target.write_bytes(b"previous")
    real_fsync = os.fsync

    def terminate(fd: int) -> None:
        real_fsync(fd)
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # the handler raises before this ends

    monkeypatch.setattr(os, "fsync", terminate)
    with pytest.raises(Terminated):
        write_atomic(target, b"new content")
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
    assert target.read_bytes() == b"previous"
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL  # handler restored


def test_temporary_names_are_recognisable_and_fit() -> None:
    assert temp_name("report.json", "0123abcd") == ".report.json.draftkit-tmp-0123abcd"
    for name in ("a" * 245, "é" * 127, "x" * 255):
        tmp = temp_name(name, "0123abcd")
        assert len(os.fsencode(tmp)) <= 255 and tmp.endswith(".draftkit-tmp-0123abcd")


def test_the_program_exits_as_main_does_with_the_same_output(
    drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    """`draftkit` (cli.run) skips freeing the heap at exit: same bytes on stdout and in -o, same
    exit codes, same stderr as `main` exiting the ordinary way."""
    old, new = drafts
    cases: list[list[str | Path]] = [
        ["diff", old, new, "--format", "json"],
        ["diff", old, new, "--fail-on", "low"],
        ["diff", old, tmp_path / "missing.txt"],
        ["diff", old],
        ["redline", old, new, "-o", tmp_path / "{which}.md", "--date", DATE],
    ]
    for case in cases:
        runs = {}
        for which, entry in (("run", "run"), ("main", "main")):
            args = [str(a).format(which=which) for a in case]
            done = subprocess.run(
                [sys.executable, "-c", f"from draftkit.cli import {entry}; {entry}()", *args],
                capture_output=True,
                timeout=60,
                check=False,
            )
            runs[which] = (done.returncode, done.stdout, done.stderr.replace(b"/main.md", b"/run.md"))
        assert runs["run"] == runs["main"], case
    assert (tmp_path / "run.md").read_bytes() == (tmp_path / "main.md").read_bytes()
