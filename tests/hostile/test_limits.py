"""The documented limits and exit codes (docs/limits.md, README) are the code's: the tables are
read and compared with `Limits` and the CLI options, and every limit and every exit code is
hit at its boundary through the real command line."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from draftkit import api, errors
from draftkit.cli import main
from draftkit.readers import Limits, safezip, wordnum
from draftkit.readers import limits as limits_module
from tests.conftest import ROOT

from .files import GOOD_TEXT, NS, deep_text, fx, good_docx
from .helpers import assert_fails, cli, cli_process

DOCS = ROOT / "docs" / "limits.md"
README = ROOT / "README.md"
READING_COMMANDS = ("parse", "diff", "redline", "validate", "classify")
LIMIT_ROWS = {  # table row → (Limits attribute, CLI option)
    "file size": ("max_bytes", "--max-bytes"),
    "unpacked size": ("max_unpacked", "--max-unpacked"),
    "provisions": ("max_provisions", "--max-provisions"),
    "paragraphs": ("max_paragraphs", "--max-provisions"),
    "nesting depth": ("max_depth", "--max-depth"),
}
EXIT_ROWS = {
    "0": ("success", errors.EXIT_OK),
    "1": ("findings", errors.EXIT_FINDINGS),
    "2": ("usage", errors.EXIT_USAGE),
    "3": ("input", errors.EXIT_INPUT),
    "4": ("schema", errors.EXIT_SCHEMA),
    "70": ("internal", errors.EXIT_INTERNAL),
    "130": ("interrupted", errors.EXIT_INTERRUPTED),
}


def _table(text: str, first_header: str) -> list[list[str]]:
    """The rows of the Markdown table whose header starts with `first_header`."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {first_header} |"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split(" | ")])
    return rows


@pytest.mark.parametrize("document", [DOCS, README], ids=["docs/limits.md", "README.md"])
def test_limits_table_matches_the_code(document: Path) -> None:
    rows = _table(document.read_text(encoding="utf-8"), "limit")
    assert [row[0] for row in rows] == list(LIMIT_ROWS)
    defaults = Limits()
    for name, default, option, _ in rows:
        attribute, expected_option = LIMIT_ROWS[name]
        assert int(default.replace(",", "")) == getattr(defaults, attribute), name
        assert option.split("`")[1] == expected_option, name
    for command in READING_COMMANDS:
        params = {p.opts[0]: p for p in main.commands[command].params}
        for attribute, option in LIMIT_ROWS.values():
            if attribute != "max_paragraphs":
                assert params[option].default == getattr(defaults, attribute), (command, option)


@pytest.mark.parametrize("document", [DOCS, README], ids=["docs/limits.md", "README.md"])
def test_exit_code_table_matches_the_code(document: Path) -> None:
    rows = _table(document.read_text(encoding="utf-8"), "code")
    assert {row[0]: row[1] for row in rows} == {code: meaning for code, (meaning, _) in EXIT_ROWS.items()}
    for code, (_, value) in EXIT_ROWS.items():
        assert int(code) == value
    assert errors.InputError.exit_code == errors.LimitError.exit_code == 3
    assert errors.UsageError.exit_code == errors.OutputError.exit_code == 2
    assert errors.SchemaError.exit_code == 4


def test_fixed_safeguards_in_the_text_match_the_constants() -> None:
    text = " ".join(DOCS.read_text(encoding="utf-8").split())
    assert f"{safezip.BOMB_MIN_SIZE // (1024 * 1024)} MiB" in text
    assert f"more than {safezip.BOMB_RATIO}:1" in text
    assert f"cut to {limits_module.MAX_LABEL_CHARS} characters" in text
    assert f"above {wordnum.MAX_SPELLED:,}" in text
    assert f"stops at {wordnum.MAX_PAD} digits" in text
    assert f"({limits_module.PARAGRAPHS_PER_PROVISION} per provision)" in text


# ------------------------------------------------------------------ every limit at its boundary


def test_max_bytes(tmp_path: Path) -> None:
    text = tmp_path / "d.txt"
    text.write_text(GOOD_TEXT, encoding="utf-8")
    docx = good_docx(tmp_path)
    for path in (text, docx):
        size = path.stat().st_size
        assert cli("parse", path, "--max-bytes", size).code == 0
        assert_fails(cli("parse", path, "--max-bytes", size - 1), 3, "raise with --max-bytes", path)


@pytest.mark.parametrize("limit", ["100000000000", "9" * 25], ids=["100-GB", "past-2^63"])
def test_max_bytes_raised_far_beyond_the_file(limit: str, tmp_path: Path) -> None:
    """A limit raised generously reads a small draft as the default does: the file was asked
    for in one read of the limit's size ('out of memory', or OverflowError: exit 70)."""
    text = tmp_path / "d.txt"
    text.write_text(GOOD_TEXT, encoding="utf-8")
    pdf = ROOT / "drafts" / "framework-v2.pdf"
    for path in (text, pdf):
        run = cli_process("parse", path, "--max-bytes", limit)
        assert run.code == 0, run.err
    piped = CliRunner().invoke(main, ["parse", "-", "--max-bytes", limit], input=GOOD_TEXT.encode())
    assert piped.exit_code == 0, piped.stderr


def test_max_unpacked(tmp_path: Path) -> None:
    docx = good_docx(tmp_path)
    with zipfile.ZipFile(docx) as archive:
        xml = sum(i.file_size for i in archive.infolist() if i.filename.endswith((".xml", ".rels")))
    assert cli("parse", docx, "--max-unpacked", xml).code == 0
    assert_fails(cli("parse", docx, "--max-unpacked", xml - 1), 3, "raise with --max-unpacked", docx)


def test_max_provisions(tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_text(GOOD_TEXT, encoding="utf-8")  # Article 1 with paragraphs 1 and 2
    assert cli("parse", path, "--max-provisions", 3).code == 0
    assert_fails(
        cli("parse", path, "--max-provisions", 2), 3, "over the limit of 2 (raise with --max-provisions)"
    )
    xml = tmp_path / "d.xml"
    xml.write_text(cli("parse", path, "--format", "xml").out, encoding="utf-8")
    assert_fails(cli("parse", xml, "--max-provisions", 2), 3, "3 provisions, over the limit of 2")


def test_paragraph_limit_rises_with_max_provisions(tmp_path: Path) -> None:
    path = tmp_path / "prose.txt"
    path.write_text("Article 1\n\n" + "Prose.\n\n" * 30, encoding="utf-8")  # 31 paragraphs, one provision
    assert_fails(cli("parse", path, "--max-provisions", 3), 3, "more than 30 paragraphs", path)
    assert cli("parse", path, "--max-provisions", 4).code == 0
    docx = good_docx(tmp_path, body=fx.np("Only", 1, 0) + fx.p(fx.r("Prose.")) * 30)
    assert_fails(cli("parse", docx, "--max-provisions", 3), 3, "more than 30 paragraphs", docx)
    assert cli("parse", docx, "--max-provisions", 4).code == 0


def test_max_depth(tmp_path: Path) -> None:
    path = tmp_path / "deep.txt"
    path.write_text(deep_text(25), encoding="utf-8")
    assert_fails(cli("parse", path), 3, f"{path}: line 27: provisions nest deeper than 24 levels")
    assert cli("parse", path, "--max-depth", 25).code == 0
    xml = tmp_path / "deep.xml"
    xml.write_text(cli("parse", path, "--max-depth", 25, "--format", "xml").out, encoding="utf-8")
    assert_fails(cli("parse", xml), 3, "nest 25 levels deep, deeper than 24 levels (raise with --max-depth)")
    assert cli("parse", xml, "--max-depth", 25).code == 0


def test_limits_in_the_library(tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    with pytest.raises(errors.LimitError, match="raise with --max-provisions"):
        api.parse(path, limits=Limits(max_provisions=1))
    assert api.parse(path, limits=Limits(max_provisions=3)).count() == 3


# ------------------------------------------------------------------------ every exit code


def test_exit_1_findings(tmp_path: Path) -> None:
    gap = tmp_path / "gap.txt"
    gap.write_text("T\n\nArticle 1 — Scope\n1. One.\n3. Three.\n", encoding="utf-8")
    run = cli("validate", gap)
    assert run.code == 1 and run.out and "Traceback" not in run.err
    old = tmp_path / "old.txt"
    old.write_text(GOOD_TEXT, encoding="utf-8")
    new = tmp_path / "new.txt"
    new.write_text(GOOD_TEXT.replace("shall", "may"), encoding="utf-8")
    assert cli("diff", old, new, "--fail-on", "low").code == 1


def test_exit_2_usage(tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    assert cli("parse", path, "--max-depth", 0).code == 2  # click refuses the value
    assert_fails(
        cli("redline", path, path, "-o", tmp_path / "r.md", "--date", "yesterday"), 2, "--date must look like"
    )
    assert_fails(cli("redline", path, path, "-o", tmp_path / "r.pdf"), 2, "cannot tell the report format")


def test_exit_4_schema(tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    assert_fails(cli("diff", path, path, "--taxonomy", tmp_path / "none.toml"), 4, "no such taxonomy file")
    bad = tmp_path / "bad.toml"
    bad.write_text("[[[ not toml", encoding="utf-8")
    assert_fails(cli("classify", path, "--taxonomy", bad), 4, "invalid TOML")
    assert cli("validate", path, "--schema", bad).code == 4


@pytest.mark.parametrize(
    ("exception", "code", "message"),
    [
        (RuntimeError("boom"), 70, "internal error (RuntimeError: boom); please report it"),
        (RuntimeError("boom\nsecond line"), 70, "internal error (RuntimeError: boom\\nsecond line)"),
        (MemoryError(), 70, "out of memory"),
        (RecursionError(), 3, "input nests too deeply"),
    ],
)
def test_exit_70_internal_and_the_last_resorts(
    exception: BaseException, code: int, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "d.txt"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    monkeypatch.delenv("DRAFTKIT_DEBUG", raising=False)

    def fail(*_: object, **__: object) -> None:
        raise exception

    monkeypatch.setattr(api, "parse", fail)
    assert_fails(cli("parse", path), code, message)


def test_draftkit_xml_root_namespace_is_checked(tmp_path: Path) -> None:
    xml = tmp_path / "d.xml"
    xml.write_text(f'<draft xmlns="{NS}x"><body/></draft>', encoding="utf-8")
    assert_fails(cli("parse", xml), 3, "not draftkit XML")


def test_error_messages_stay_on_one_line() -> None:
    error = errors.InputError("bad\u2028thing\x1b[2J", "dir\nname\u202e.txt")
    assert str(error) == "dir\\nname\\u202e.txt: bad\\u2028thing\\x1b[2J"
    assert re.fullmatch(r"[^\n\r]*", str(error))
