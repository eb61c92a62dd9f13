"""Where `draftkit diff` spends its time (issue 18): one run of the command in this process,
each stage stamped as it starts and ends (wall clock from the program's start).

    python benchmarks/phases.py OLD NEW [diff options…]   e.g. -o x.json

The stages are found by wrapping draftkit's functions before the command runs (reading the
new draft, the warm-up while the old one is read in the forked child, waiting for the child's
draft and decoding its pieces as they come, taking the flags' work that child (or one forked
for it) made ahead during the comparison, compare, flags (shared with a forked child), hygiene, objects); what
follows the last is the report and its writing. A machine shared with other work gives upper bounds: run it a few times.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import time
from pathlib import Path
from typing import Any

START = time.perf_counter()
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

STAMPS: list[tuple[float, str]] = []


def _wrap(module: Any, name: str, label: str) -> None:
    function = getattr(module, name)

    @functools.wraps(function)
    def stamped(*args: Any, **kwargs: Any) -> Any:
        STAMPS.append((time.perf_counter() - START, f"{label} starts"))
        try:
            return function(*args, **kwargs)
        finally:
            STAMPS.append((time.perf_counter() - START, f"{label} ends"))

    setattr(module, name, stamped)


def main() -> None:
    import draftkit.compare as compare_package
    import draftkit.risk as risk_package
    from draftkit import api
    from draftkit.cli import main as cli_main
    from draftkit.readers import pair
    from draftkit.risk import hygiene, objects

    STAMPS.append((time.perf_counter() - START, "imported"))
    _wrap(pair, "read_unreported", "reading (this process)")
    _wrap(api, "_prepare", "warm-up")
    _wrap(pair, "_assembled", "waiting for the child's draft and decoding its pieces")
    _wrap(compare_package, "compare", "compare")
    _wrap(risk_package, "flag", "flags")
    _wrap(
        api,
        "_ahead_of_report",
        "flags: the report's work ahead (DOCX redline but its comments, JSON lines), while a child flags",
    )
    from draftkit.risk import foresight

    _wrap(
        foresight,
        "ahead",
        "forking a child for the flags' work ahead (where the reading child does not do it)",
    )
    _wrap(foresight.Foresight, "take", "taking the flags' work made ahead")
    _wrap(hygiene, "check", "hygiene")
    _wrap(objects, "check_objects", "objects")
    from draftkit.memory import process_ends_after_command

    process_ends_after_command()  # as the draftkit program does (cli.run)
    with contextlib.suppress(SystemExit):
        cli_main(["diff", *sys.argv[1:]])
    STAMPS.append((time.perf_counter() - START, "done"))
    for at, what in STAMPS:
        print(f"{at:7.3f} s  {what}", file=sys.stderr)
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
