"""Code run in a fresh interpreter: a test session may hold threads (a server, an office
process's pipes), and draftkit rightly forks no work then; the forking tests run elsewhere."""

from __future__ import annotations

import os
import subprocess
import sys


def run_fresh(code: str, *args: object, without: str, timeout: float) -> str:
    """`code` run by this Python with `args`, the environment variable `without` unset (the
    switch that would turn forking off); its stdout, once it exited 0 (else its stderr fails)."""
    env = {k: v for k, v in os.environ.items() if k != without}
    done = subprocess.run(
        [sys.executable, "-c", code, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout
