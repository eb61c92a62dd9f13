"""Outputs: written atomically beside the target, never over an input, nothing written on
failure, an existing output replaced only on success, special files written in place."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import threading
from pathlib import Path

import pytest

from draftkit import api
from draftkit.errors import OutputError, UsageError
from draftkit.outputs import check_output_path, write_atomic

from .files import GOOD_TEXT
from .helpers import DATE, assert_fails, cli, draftkit_script, snapshot

NEW_TEXT = GOOD_TEXT.replace("cease fire", "cease all fire") + "3. Added.\n"
# (command, arguments before -o, whether the command reads two drafts)
WRITERS = [
    ("parse", ["parse", "{old}", "--format", "json"]),
    ("diff", ["diff", "{old}", "{new}", "--format", "json"]),
    ("redline", ["redline", "{old}", "{new}", "--date", DATE]),
    ("validate", ["validate", "{old}", "--format", "json"]),
    ("classify", ["classify", "{old}", "--format", "json"]),
]


@pytest.fixture
def drafts(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(GOOD_TEXT, encoding="utf-8")
    new.write_text(NEW_TEXT, encoding="utf-8")
    return old, new


def _args(template: list[str], old: Path, new: Path) -> list[str]:
    return [a.format(old=old, new=new) for a in template]


@pytest.mark.parametrize(("name", "template"), WRITERS, ids=[w[0] for w in WRITERS])
@pytest.mark.parametrize("alias", ["same", "dot-slash", "symlink", "hardlink"])
def test_output_equal_to_an_input_is_refused(
    name: str, template: list[str], alias: str, drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = drafts
    target = {"same": old, "dot-slash": Path(f"{old.parent}/./{old.name}")}.get(alias)
    if alias == "symlink":
        target = tmp_path / "link.txt"
        target.symlink_to(old)
    elif alias == "hardlink":
        target = tmp_path / "hard.txt"
        os.link(old, target)
    assert target is not None
    before = snapshot(tmp_path)
    run = cli(*_args(template, old, new), "-o", target)
    assert_fails(run, 2, "is also an input; refusing to overwrite it")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(("name", "template"), WRITERS, ids=[w[0] for w in WRITERS])
def test_success_writes_only_the_output(
    name: str, template: list[str], drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = drafts
    target = tmp_path / "reports" / ("out.html" if name == "redline" else "out.json")
    target.parent.mkdir()
    target.write_text("previous", encoding="utf-8")
    target.chmod(0o640)
    before = snapshot(tmp_path)
    run = cli(*_args(template, old, new), "-o", target)
    assert run.code in ((0, 1) if name == "validate" else (0,)), run.err
    assert run.out == ""
    after = snapshot(tmp_path)
    # Exactly one file changed, the requested one; no temporary file left behind.
    assert set(after) == set(before)
    assert [k for k in after if after[k] != before[k]] == [str(target.relative_to(tmp_path))]
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # replacing keeps the permissions


def test_new_output_gets_the_usual_permissions(drafts: tuple[Path, Path], tmp_path: Path) -> None:
    old, _ = drafts
    target = tmp_path / "new.json"
    mask = os.umask(0o022)
    try:
        assert cli("parse", old, "--format", "json", "-o", target).code == 0
    finally:
        os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # not mkstemp's 0o600


@pytest.mark.parametrize(("name", "template"), WRITERS, ids=[w[0] for w in WRITERS])
def test_failure_writes_nothing_and_keeps_the_old_output(
    name: str, template: list[str], drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    _, new = drafts
    target = tmp_path / ("out.html" if name == "redline" else "out.json")
    target.write_text("previous", encoding="utf-8")
    before = snapshot(tmp_path)
    run = cli(*_args(template, tmp_path / "missing.txt", new), "-o", target)
    assert_fails(run, 3, "no such file")
    assert snapshot(tmp_path) == before


def test_output_folder_missing_or_a_directory(drafts: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = drafts
    before = snapshot(tmp_path)
    assert_fails(cli("parse", old, "-o", tmp_path / "nowhere" / "x.json"), 2, "does not exist")
    assert_fails(cli("redline", old, new, "-o", tmp_path / "nowhere" / "x.html"), 2, "does not exist")
    (tmp_path / "dir.html").mkdir()
    # click checks `-o DIRECTORY` itself: its usage message (several lines), exit 2.
    run = cli("redline", old, new, "-o", tmp_path / "dir.html")
    assert run.code == 2 and "is a directory" in run.err and "Traceback" not in run.err and run.out == ""
    assert set(snapshot(tmp_path)) == set(before)


def test_unwritable_folder_is_a_one_line_usage_error(
    drafts: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = drafts
    real_open = os.open

    def refuse(path: str | os.PathLike[str], flags: int, mode: int = 0o777) -> int:
        if ".draftkit-tmp-" in str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", refuse)
    before = snapshot(tmp_path)
    assert_fails(cli("redline", old, new, "-o", tmp_path / "r.md", "--date", DATE), 2, "Permission denied")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_interrupted_write_leaves_no_temporary_and_the_old_file(
    failure: BaseException, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.json"
    target.write_bytes(b"previous")

    def fail(*_: object) -> None:
        raise failure

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OutputError if isinstance(failure, OSError) else KeyboardInterrupt):
        write_atomic(target, b"new content")
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
    assert target.read_bytes() == b"previous"


def test_redline_library_refuses_before_reading(drafts: tuple[Path, Path]) -> None:
    old, new = drafts
    with pytest.raises(UsageError, match="also an input"):
        api.redline(old, new, new)
    assert check_output_path(old.parent / "other.md", [old, new]) == old.parent / "other.md"


def test_a_pipe_is_written_in_place_not_replaced(drafts: tuple[Path, Path], tmp_path: Path) -> None:
    """`-o /dev/stdout` or a named pipe: renaming over it would replace the device with a
    plain file (as root, `-o /dev/null` once did exactly that)."""
    old, _ = drafts
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    run = cli("parse", old, "--format", "json", "-o", fifo)
    reader.join(timeout=10)
    assert run.code == 0, run.err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received and received[0].startswith(b"{")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.txt", "old.txt", "pipe"]


@pytest.mark.parametrize("header", [b"", b"earlier output\n"], ids=["truncated-by-the-shell", "appended"])
def test_a_descriptors_name_onto_a_file_is_written_through(
    header: bytes, drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    """`-o /dev/stdout > report.json`: the name is a link to the descriptor, a regular file.
    Renamed over, the link itself was replaced: as root /dev/stdout became a plain file for
    every program on the machine, otherwise the write failed (exit 2). Written through, as
    `>` or `>>` left the file. (Here /dev/fd/1: before the fix a rename there fails, harmless.)"""
    old, _ = drafts
    report = tmp_path / "report.json"
    report.write_bytes(header)
    with open(report, "ab") as stdout:
        done = subprocess.run(
            [draftkit_script(), "parse", str(old), "--format", "json", "-o", "/dev/fd/1"],
            stdout=stdout, stderr=subprocess.PIPE, timeout=60, check=False,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = report.read_bytes()
    assert data.startswith(header) and json.loads(data[len(header) :])["title"] == "FRAMEWORK"
    assert stat.S_ISLNK(os.lstat("/dev/stdout").st_mode)


@pytest.mark.parametrize("target", ["itself", "/dev/fd/0"])
def test_the_file_standard_input_reads_is_never_the_output(
    target: str, drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    """`draftkit parse - -o round1.txt < round1.txt`: '-' named no file to check the output
    path against, and the input was replaced by the report. (Not /dev/stdin here: before
    the fix, as root, a rename over it replaced the link in /dev.)"""
    old, _ = drafts
    before = old.read_bytes()
    output = str(old) if target == "itself" else target
    with open(old, "rb") as stdin:
        done = subprocess.run(
            [draftkit_script(), "parse", "-", "--format", "json", "-o", output],
            stdin=stdin, capture_output=True, timeout=60, check=False,
        )  # fmt: skip
    err = done.stderr.decode()
    assert done.returncode == 2 and err.count("\n") == 1, err
    assert "is also an input (standard input)" in err or "is standard input" in err, err
    assert old.read_bytes() == before


def test_a_renderer_crash_writes_nothing(
    drafts: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even an internal error (exit 70) after both drafts were read leaves the folder as it was."""
    old, new = drafts
    target = tmp_path / "report.html"
    target.write_text("previous", encoding="utf-8")
    monkeypatch.delenv("DRAFTKIT_DEBUG", raising=False)

    def crash(*_: object, **__: object) -> bytes:
        raise RuntimeError("renderer failed")

    monkeypatch.setattr(api, "render_report", crash)
    before = snapshot(tmp_path)
    assert_fails(cli("redline", old, new, "-o", target, "--date", DATE), 70, "internal error (RuntimeError")
    assert snapshot(tmp_path) == before
