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
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == ["False", "False"]


class _Big:
    """An object a weak reference can watch."""


def test_outlive_frees_as_usual_in_a_process_that_goes_on() -> None:
    import weakref

    big = _Big()
    watched = weakref.ref(big)
    memory.outlive(big)
    del big
    assert watched() is None


def test_outlive_keeps_until_the_end_when_the_process_ends_after_the_command() -> None:
    code = (
        "import weakref\n"
        "from draftkit import memory\n"
        "class Big: pass\n"
        "memory.process_ends_after_command()\n"
        "big = Big(); watched = weakref.ref(big)\n"
        "memory.outlive(big)\n"
        "del big\n"
        "print(watched() is not None)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == ["True"]
