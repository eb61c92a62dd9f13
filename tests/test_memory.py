"""memory.until_exit: the collector paused for a command; resumed after it unless the process
ends after the command (the `draftkit` program), where resuming would only walk the
command's objects before an exit that does not free them."""

from __future__ import annotations

import gc
import subprocess
import sys

from draftkit import memory


def test_resumed_after_the_command_in_a_process_that_goes_on() -> None:
    seen: list[bool] = []
    command = memory.until_exit(lambda: seen.append(gc.isenabled()))
    assert gc.isenabled()
    command()
    assert seen == [False] and gc.isenabled()


def test_left_paused_when_the_process_ends_after_the_command() -> None:
    code = (
        "import gc\n"
        "from draftkit import memory\n"
        "memory.process_ends_after_command()\n"
        "memory.until_exit(lambda: None)()\n"
        "print(gc.isenabled())\n"
        "memory.few_collections(lambda: None)()\n"  # an inner pause is no resume either
        "print(gc.isenabled())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.split() == ["False", "False"]
