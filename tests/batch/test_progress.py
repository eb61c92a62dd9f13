"""The batch progress bar draws on a terminal (issue 19): a real pseudo-terminal, with a
size and with none reported (0 columns)."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from tests.conftest import DRAFTS


@pytest.mark.parametrize("columns", [100, 0])
def test_the_bar_draws_on_a_terminal(tmp_path: Path, columns: int) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text(
        "old,new,label\n"
        f"{DRAFTS / 'framework-v1.txt'},{DRAFTS / 'framework-v2.txt'},a\n"
        f"{DRAFTS / 'framework-v2.txt'},{DRAFTS / 'framework-v3.txt'},b\n",
        encoding="utf-8",
    )
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    code = "from draftkit.cli import main; main()"
    args = [sys.executable, "-c", code, "batch", str(manifest), "-o", str(tmp_path / "out"), "--jobs", "1"]
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    process = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    out = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        elif process.poll() is not None:
            break
    os.close(master)
    assert process.wait(timeout=30) == 0
    text = out.decode("utf-8", "replace")
    assert "2/2" in text and "100%|" in text, text[-400:]
    assert "batch: 2 jobs: 2 done, 0 failed" in text
