"""No hang, no memory blow-up: the heaviest hostile inputs through the installed `draftkit`
script in a child process limited to 1 GB of address space and 10 seconds.

A child over the memory limit gets MemoryError and exits 70 ("out of memory"), so the exit
code assertions catch a blow-up; a hang raises subprocess.TimeoutExpired.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

from .files import (
    FIXTURES,
    LAUGHS,
    NUMBERING,
    absurd_numbering_docx,
    docm_with_bomb_macro,
    draft_xml,
    fx,
    many_provisions,
)
from .helpers import DATE, TIME_LIMIT, assert_fails, cli_process

# Longer than the CI budget: run with DRAFTKIT_SLOW=1 (each takes the whole 10 s to prove a hang).
slow = pytest.mark.slow
needs_slow = pytest.mark.skipif(
    not os.environ.get("DRAFTKIT_SLOW"), reason="slow: set DRAFTKIT_SLOW=1 to run"
)
FIVE_MB = "word " * 1_000_000


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_zip_bomb_is_refused_fast() -> None:
    assert_fails(cli_process("parse", FIXTURES / "bomb.docx"), 3, "zip bomb")


def test_macro_bomb_is_never_decompressed(tmp_path: Path) -> None:
    run = cli_process("parse", docm_with_bomb_macro(tmp_path))
    assert run.code == 0 and "Macro clause" in run.out, run.err


def test_billion_laughs_are_refused(tmp_path: Path) -> None:
    xml = _write(tmp_path / "laughs.xml", draft_xml("&a9;", LAUGHS))
    assert_fails(cli_process("parse", xml), 3, "DOCTYPE is refused")


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_five_megabyte_paragraph(kind: str, tmp_path: Path) -> None:
    if kind == "txt":
        path = _write(tmp_path / "long.txt", f"T\n\nArticle 1\n1. {FIVE_MB}\n")
    else:
        path = fx.build_docx(tmp_path / "long.docx", fx.np(FIVE_MB, 1, 0), numbering=NUMBERING)
    run = cli_process("parse", path, "--format", "json", "-o", tmp_path / "out.json")
    assert run.code == 0, run.err
    assert (tmp_path / "out.json").stat().st_size > 5_000_000
    same = cli_process("diff", path, path)  # a draft against itself: no change, however long
    assert same.code == 0, same.err


def test_fifty_thousand_tiny_provisions(tmp_path: Path) -> None:
    path = _write(tmp_path / "many.txt", many_provisions(5_000))  # 5,000 articles × 9 = 50,000
    run = cli_process("parse", path, "--format", "json", "-o", tmp_path / "out.json")
    assert run.code == 0, run.err


def test_one_more_provision_than_the_limit(tmp_path: Path) -> None:
    path = _write(tmp_path / "many.txt", many_provisions(5_000) + "10. One too many.\n")
    assert_fails(
        cli_process("parse", path), 3, "over the limit of 50,000 (raise with --max-provisions)", path
    )


def test_a_million_tiny_paragraphs_fail_fast(tmp_path: Path) -> None:
    path = _write(tmp_path / "prose.txt", "1. x\n\n" + "x\n\n" * 1_000_000)
    assert_fails(cli_process("parse", path), 3, "more than 500,000 paragraphs", path)


def test_sixty_thousand_numbered_docx_paragraphs(tmp_path: Path) -> None:
    body = "".join(fx.np(f"p{i}", 1, i % 2) for i in range(60_000))
    path = fx.build_docx(tmp_path / "many.docx", body, numbering=NUMBERING)
    assert_fails(cli_process("parse", path), 3, "over the limit of 50,000", path)


def test_docx_xml_over_the_unpacked_limit(tmp_path: Path) -> None:
    body = "".join(fx.np(f"p{i}", 1, i % 3) for i in range(420_000))  # ~55 MB of XML, 2 MB zipped
    path = fx.build_docx(tmp_path / "huge.docx", body, numbering=NUMBERING)
    assert_fails(cli_process("parse", path), 3, "over the 50,000,000-byte limit", path)


def test_a_markdown_line_of_forty_thousand_emphasis_markers(tmp_path: Path) -> None:
    # Every "*" or "_" opens an italic that may close anywhere after it: read in linear time
    # (an unbounded lazy match took ~30 s on this 120 KB line).
    for marker in "*_":
        path = _write(tmp_path / "marks.md", "# T\n\n" + f"{marker}a " * 40_000 + "\n")
        run = cli_process("parse", path, timeout=TIME_LIMIT)
        assert run.code == 0, run.err


def test_absurd_numbering_definitions(tmp_path: Path) -> None:
    run = cli_process("parse", absurd_numbering_docx(tmp_path))
    assert run.code == 0 and "Clause 399" in run.out, run.err
    assert max(len(line) for line in run.out.splitlines()) < 400  # labels cut to 255 characters


def test_tables_nested_eighty_deep_around_twenty_thousand_paragraphs(tmp_path: Path) -> None:
    """A 60 KB DOCX: every paragraph stands in 80 rows, one inside the other. The DOCX
    redline looked at each paragraph once per row around it (1.6 million looks: 24 s and
    1.7 GB, against itself)."""
    inner = "".join(fx.np(f"The Parties shall do thing {i}.", 1, 1 if i % 10 else 0) for i in range(20_000))
    for _ in range(80):
        inner = f"<w:tbl><w:tr><w:tc>{inner}<w:p/></w:tc></w:tr></w:tbl><w:p/>"
    path = fx.build_docx(tmp_path / "nested.docx", inner, numbering=NUMBERING)
    run = cli_process("redline", path, path, "-o", tmp_path / "r.docx", "--date", DATE)
    assert run.code == 0, run.err


# ------------------------------------------------------------------ once-slow paths (slow)


@slow
@needs_slow
def test_five_megabyte_paragraph_edited_diffs_in_time(tmp_path: Path) -> None:
    old = _write(tmp_path / "old.txt", f"T\n\nArticle 1\n1. {FIVE_MB}\n")
    new = _write(tmp_path / "new.txt", f"T\n\nArticle 1\n1. {FIVE_MB[:-40]} other words here now ok\n")
    run = cli_process("redline", old, new, "-o", tmp_path / "r.html", "--date", DATE, timeout=TIME_LIMIT)
    assert run.code == 0, run.err


@slow
@needs_slow
def test_fifty_thousand_provisions_diff_in_time(tmp_path: Path) -> None:
    old = _write(tmp_path / "old.txt", many_provisions(5_000))
    new = _write(tmp_path / "new.txt", many_provisions(5_000).replace("Point 77.3.", "Point 77.3 amended."))
    run = cli_process("diff", old, new, timeout=TIME_LIMIT)
    assert run.code == 0, run.err


# One child process runs `parse` on every catalogued input (tests/hostile/files.py) under the
# memory limit, timing each; the parent checks exit codes and times.
CATALOGUE_DRIVER = """
import json, sys, tempfile, time
from pathlib import Path
from click.testing import CliRunner
from draftkit.cli import main
from tests.hostile.files import FAILING, READABLE
results = []
with tempfile.TemporaryDirectory() as root:
    for case in (*FAILING, *READABLE):
        folder = Path(root) / case.id
        folder.mkdir()
        path = case.build(folder)
        start = time.process_time()
        result = CliRunner().invoke(main, ["parse", str(path), "--format", "json"])
        results.append([case.id, result.exit_code, time.process_time() - start, type(result.exception).__name__])
print(json.dumps(results))
"""


def test_every_catalogued_input_within_time_and_memory() -> None:
    from .files import FAILING, READABLE
    from .helpers import _limits

    done = subprocess.run(
        [sys.executable, "-c", CATALOGUE_DRIVER],  # -c: the working folder (ROOT) is on sys.path
        capture_output=True, timeout=120, preexec_fn=_limits(120), cwd=ROOT, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    results = {case: (code, seconds) for case, code, seconds, _ in json.loads(done.stdout)}
    expected = {c.id: c.code for c in FAILING} | {c.id: 0 for c in READABLE}
    assert {case: code for case, (code, _) in results.items()} == expected
    slow = {case: round(seconds, 1) for case, (_, seconds) in results.items() if seconds > TIME_LIMIT}
    assert slow == {}
