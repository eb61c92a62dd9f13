"""Write this interpreter's compiled-pattern file (draftkit.precompiled): the regular
expressions a run of every command on the bundled drafts compiles, as the C engine takes
them. Run by `make` after installing; the file lives in src/draftkit/__pycache__ (not in
git, like bytecode). A pattern the run did not meet compiles as usual when it is used.

    .venv/bin/python tools/build_pattern_cache.py
"""

from __future__ import annotations

import contextlib
import io
import os
import pkgutil
import sys
import tempfile
from importlib import import_module
from pathlib import Path

os.environ["DRAFTKIT_SEQUENTIAL"] = "1"  # one process: every pattern is compiled in this one

import draftkit  # (after the environment: read when the first command runs)
from draftkit import precompiled

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROOT / "drafts"


def _commands(out: Path) -> list[list[str]]:
    v1, v2 = str(DRAFTS / "framework-v1.docx"), str(DRAFTS / "framework-v2.docx")
    texts = [str(DRAFTS / f"framework-v{n}.txt") for n in (1, 2, 3)]
    kessel = [
        str(DRAFTS / "kessel" / f"{name}.txt") for name in ("base", "veloria-counter", "astria-counter")
    ]
    return [
        ["parse", v1],
        ["diff", v1, v2],
        ["diff", v1, str(DRAFTS / "framework-v2.pdf")],
        ["diff", texts[1], str(DRAFTS / "framework-v3-press.txt"), "--format", "json"],
        ["diff", texts[0], texts[1]],
        ["redline", texts[0], texts[1], "-o", str(out / "r.md")],
        ["validate", v2],
        ["redline", v1, v2, "-o", str(out / "r.docx"), "--summary"],
        ["redline", v1, v2, "-o", str(out / "r.html")],
        ["history", *texts, "--format", "html", "-o", str(out / "h.html")],
        ["compare3", *kessel, "--labels", "A,B"],
    ]


def main() -> None:
    import click

    from draftkit.cli import main as cli

    with precompiled.recording() as seen:
        for module in pkgutil.walk_packages(draftkit.__path__, "draftkit."):
            with contextlib.suppress(Exception):  # an optional extra not installed (the web app's)
                import_module(module.name)
        with tempfile.TemporaryDirectory() as folder:
            for args in _commands(Path(folder)):
                try:
                    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                        cli.main(args, prog_name="draftkit", standalone_mode=False)
                except (SystemExit, click.ClickException) as exc:  # its patterns are recorded still
                    if getattr(exc, "code", 0):
                        print(f"draftkit {' '.join(args[:1])} ended with {exc}", file=sys.stderr)
    count = precompiled.build(seen)
    print(f"wrote {precompiled.cache_path()}: {count} patterns", file=sys.stderr)


if __name__ == "__main__":
    main()
