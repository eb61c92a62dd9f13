"""Running the real CLI on hostile files, and the assertions every failure must meet.

`cli()` runs a command in-process with click's CliRunner (stdout and stderr apart);
`cli_process()` runs the installed `draftkit` script in a child process under a 1 GB
address-space limit and a 10 s timeout, to prove no hang and no memory blow-up.
"""

from __future__ import annotations

import math
import os
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from draftkit.cli import main
from draftkit.errors import one_line

MEMORY_LIMIT = 1 << 30  # bytes of address space a child run may use
TIME_LIMIT = 10.0  # seconds of CPU a child run may take (RLIMIT_CPU: a loaded machine does not fail it)
WAITING = 6  # ... and TIME_LIMIT times this of wall time, for a child that hangs without working
ERROR_PREFIX = "draftkit: error: "
DATE = "2026-01-01"

# Every command that reads drafts, as (name, argv builder): the hostile file goes where a
# user's draft would, beside a good draft where the command needs two.
COMMANDS = ("parse", "diff-old", "diff-new", "redline", "validate", "classify")


@dataclass(frozen=True)
class Run:
    """What one command run gave: exit code, stdout, stderr."""

    code: int
    out: str
    err: str


def cli(*args: str | Path) -> Run:
    """Run `draftkit ARGS` in-process."""
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        # An exception escaping the CLI is a bug in itself: show it, traceback and all.
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


def argv(command: str, hostile: Path, good: Path, output: Path | None = None) -> list[str | Path]:
    """The argument list of one of COMMANDS with the hostile file in the user's place."""
    match command:
        case "parse":
            return ["parse", hostile, "--format", "json", *(["-o", output] if output else [])]
        case "diff-old":
            return ["diff", hostile, good, "--format", "json", *(["-o", output] if output else [])]
        case "diff-new":
            return ["diff", good, hostile, *(["-o", output] if output else [])]
        case "redline":
            return [
                "redline",
                good,
                hostile,
                "-o",
                output or hostile.parent / "out" / "redline.html",
                "--date",
                DATE,
            ]
        case "validate":
            return ["validate", hostile, *(["-o", output] if output else [])]
        case "classify":
            return ["classify", hostile, "--format", "json", *(["-o", output] if output else [])]
    raise ValueError(command)


def assert_fails(run: Run, code: int, message: str, path: Path | None = None) -> None:
    """A failure as the CLI contract says: the exit code, nothing on stdout, and exactly one
    line on stderr starting 'draftkit: error:' that names the file and says what is wrong."""
    assert run.code == code, (run.code, run.err)
    assert run.out == "", run.out[:500]
    assert "Traceback" not in run.err
    assert run.err.startswith(ERROR_PREFIX), run.err
    assert run.err.count("\n") == 1 and run.err.endswith("\n"), run.err
    assert message in run.err, run.err
    if path is not None:
        assert one_line(str(path)) in run.err, run.err


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (hidden ones too) with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() or p.is_fifo()
    }


def draftkit_script() -> str:
    """The installed `draftkit` console script beside this interpreter."""
    beside = Path(sys.executable).with_name("draftkit")
    return str(beside) if beside.exists() else (shutil.which("draftkit") or "draftkit")


def _limits(seconds: int) -> Callable[[], None]:
    def limit() -> None:  # pragma: no cover - runs in the child before exec
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        # Each process of the run (draftkit forks a reading child) gets `seconds` of CPU.
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))

    return limit


def cli_process(*args: str | Path, timeout: float = TIME_LIMIT) -> Run:
    """Run the real `draftkit` script in a child: 1 GB of address space, `timeout` seconds
    of CPU (and WAITING times that of wall time). A child that hits the memory limit exits
    70 ("out of memory"); one that works or hangs past its time raises
    subprocess.TimeoutExpired. CPU time, not wall time: tests share a loaded machine."""
    env = {k: v for k, v in os.environ.items() if k != "DRAFTKIT_DEBUG"}
    command = [draftkit_script(), *map(str, args)]
    done = subprocess.run(
        command,
        capture_output=True,
        timeout=timeout * WAITING,
        preexec_fn=_limits(math.ceil(timeout)),
        env=env,
        check=False,
    )
    if done.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        raise subprocess.TimeoutExpired(command, timeout, done.stdout, done.stderr)
    return Run(
        done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")
    )
