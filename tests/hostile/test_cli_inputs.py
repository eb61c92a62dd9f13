"""Hostile command-line values: dates off the calendar, author names with control
characters or undecodable bytes, file names that are not UTF-8, `-o` into a symlink loop or
over a taxonomy, setuid outputs, long names, text reports carrying terminal controls, a
taxonomy nested too deeply. Each is refused with one line (exit 2, or 4 for a taxonomy) or
works — never exit 70.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import threading
from pathlib import Path

import pytest

from draftkit.errors import one_line
from tests.conftest import DRAFTS

from .files import GOOD_TEXT
from .helpers import DATE, assert_fails, cli, cli_process, draftkit_script, snapshot

NEW_TEXT = GOOD_TEXT.replace("cease fire", "cease all fire\u202e now\x9b2J") + "3. Added.\n"


@pytest.fixture
def drafts(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(GOOD_TEXT, encoding="utf-8")
    new.write_text(NEW_TEXT, encoding="utf-8")
    return old, new


@pytest.mark.parametrize(
    "date", ["0001-01-01T00:00:00+23:59", "9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+00:01"]
)
def test_a_date_whose_offset_leaves_the_calendar(
    date: str, drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = drafts
    before = snapshot(tmp_path)
    assert_fails(cli("redline", old, new, "-o", tmp_path / "r.docx", "--date", date), 2, "--date")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    "author", ["a\x1b[31mb", "line\nbreak", "nul\x00", "c1\x9b", "rtl\u202eoverride", "bytes\udcff"]
)
def test_an_author_with_control_characters_is_refused(
    author: str, drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = drafts
    run = cli("redline", old, new, "-o", tmp_path / "r.docx", "--date", DATE, "--author", author)
    assert_fails(run, 2, "--author holds")
    assert not (tmp_path / "r.docx").exists()


@pytest.mark.parametrize("label", ["a\x1b[31mb", "nul\x00", "c1\x9b", "rtl\u202eoverride", "bytes\udcff"])
@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_compare3_labels_with_control_characters_are_refused(
    label: str, fmt: str, drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    """compare3's labels are the authors of its DOCX's tracked changes: refused as --author
    is (a DOCX could not hold them: exit 70 before), whatever the format."""
    old, new = drafts
    out = tmp_path / f"three.{fmt}"
    run = cli("compare3", old, new, old, "--labels", f"{label},B", "-o", out, "--date", DATE)
    assert_fails(run, 2, "--labels holds")
    assert not out.exists()


def test_an_author_in_undecodable_bytes_through_the_real_script(
    drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = drafts
    done = subprocess.run(
        [
            draftkit_script(),
            "redline",
            old,
            new,
            "-o",
            tmp_path / "r.docx",
            "--date",
            DATE,
            "--author",
            b"A\xffB",
        ],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.count(b"\n") == 1 and b"not UTF-8" in done.stderr


def test_a_plain_author_still_works(drafts: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = drafts
    run = cli("redline", old, new, "-o", tmp_path / "r.docx", "--date", DATE, "--author", "Ана-Марія O'Neil")
    assert run.code == 0, run.err


UNDECODABLE = os.fsdecode(b"draft-\xff\xfe.txt")


@pytest.mark.parametrize(
    "args",
    [
        ["parse", "{bad}", "--format", "xml"],
        ["parse", "{bad}", "--format", "json"],
        ["parse", "{bad}"],
        ["validate", "{bad}"],
        ["validate", "{bad}", "--format", "json"],
        ["classify", "{bad}", "--format", "json"],
        ["diff", "{old}", "{bad}"],
        ["diff", "{old}", "{bad}", "--format", "json"],
        ["redline", "{old}", "{bad}", "-o", "{out}.json", "--date", DATE],
        ["redline", "{old}", "{bad}", "-o", "{out}.md", "--date", DATE],
        ["redline", "{old}", "{bad}", "-o", "{out}.html", "--date", DATE],
        ["redline", "{old}", "{bad}", "-o", "{out}.docx", "--date", DATE],
    ],
    ids=lambda a: "-".join(x for x in a if not x.startswith("{"))[:40],
)
@pytest.mark.parametrize("to_file", [False, True], ids=["stdout", "file"])
def test_an_input_name_that_is_not_utf8(
    args: list[str], to_file: bool, drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    old, _ = drafts
    bad = tmp_path / UNDECODABLE
    bad.write_text(NEW_TEXT, encoding="utf-8")
    out = tmp_path / "report"
    argv = [a.format(old=old, bad=bad, out=out) for a in args]
    written = None
    if "-o" not in argv and to_file:
        written = tmp_path / "out.txt"
        argv += ["-o", str(written)]
    elif "-o" in argv:
        written = Path(argv[argv.index("-o") + 1])
    run = cli(*argv)
    assert run.code in (0, 1), run.err
    text = (
        run.out
        if written is None
        else written.read_bytes().decode("utf-8")
        if written.suffix != ".docx"
        else ""
    )
    if "json" in argv or (written is not None and written.suffix == ".json"):
        json.loads(text)  # still valid JSON
    if text and "xml" not in argv:
        assert "\udcff" not in text


def test_output_into_a_symlink_loop(drafts: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = drafts
    (tmp_path / "loop-a").symlink_to(tmp_path / "loop-b")
    (tmp_path / "loop-b").symlink_to(tmp_path / "loop-a")
    before = snapshot(tmp_path)
    for args in (
        ["parse", old, "--format", "json"],
        ["diff", old, new],
        ["redline", old, new, "--date", DATE, "--format", "json"],
        ["classify", old],
    ):
        assert_fails(cli(*args, "-o", tmp_path / "loop-a"), 2, "cannot be resolved")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("command", ["diff", "redline", "classify"])
def test_the_taxonomy_is_protected_from_output(
    command: str, drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = drafts
    taxonomy = tmp_path / "my.taxonomy.json"  # a suffix redline can write, so only the check stops it
    taxonomy.write_text('extends = "default"\n', encoding="utf-8")
    args = {
        "diff": ["diff", old, new, "--taxonomy", taxonomy],
        "redline": ["redline", old, new, "--date", DATE, "--taxonomy", taxonomy],
        "classify": ["classify", old, "--taxonomy", taxonomy],
    }[command]
    link = tmp_path / "alias.json"
    link.symlink_to(taxonomy)
    for target in (taxonomy, link):
        assert_fails(cli(*args, "-o", target), 2, "is also an input")
    assert taxonomy.read_text(encoding="utf-8") == 'extends = "default"\n'


@pytest.mark.parametrize("command", ["diff", "redline"])
def test_the_pairs_file_is_protected_from_output(
    command: str, drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = drafts
    pairs = tmp_path / "pairs.json"  # a suffix both commands write
    pairs.write_text('{"Article 1(1)": "Article 1(1)"}', encoding="utf-8")
    link = tmp_path / "alias.json"
    link.symlink_to(pairs)
    before = snapshot(tmp_path)
    for target in (pairs, link):
        run = cli(
            command,
            old,
            new,
            "--pairs",
            pairs,
            "-o",
            target,
            *(["--date", DATE] if command == "redline" else []),
        )
        assert_fails(run, 2, "is also an input")
    assert snapshot(tmp_path) == before


def test_a_replaced_output_never_keeps_setuid_or_setgid(drafts: tuple[Path, Path], tmp_path: Path) -> None:
    old, _ = drafts
    target = tmp_path / "report.json"
    target.write_text("previous", encoding="utf-8")
    target.chmod(0o6755)
    if not stat.S_IMODE(target.stat().st_mode) & stat.S_ISUID:
        pytest.skip("this file system does not keep setuid bits")
    assert cli("parse", old, "--format", "json", "-o", target).code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o755


def test_a_long_output_name_works(drafts: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = drafts
    for name in ("r" * 240 + ".json", "é" * 120 + ".json"):  # 245 characters; 245 bytes
        target = tmp_path / name
        assert cli("redline", old, new, "-o", target, "--date", DATE).code == 0
        assert target.read_text(encoding="utf-8").startswith("{")
    assert not [p for p in tmp_path.iterdir() if ".draftkit-tmp-" in p.name]


@pytest.mark.parametrize(
    "args",
    [
        ["diff", "{old}", "{new}", "-o", "{out}.txt"],
        ["parse", "{new}", "-o", "{out}.txt"],
        ["classify", "{new}", "-o", "{out}.txt"],
        ["validate", "{new}", "-o", "{out}.txt"],
        ["redline", "{old}", "{new}", "-o", "{out}.md", "--date", DATE],
    ],
    ids=["diff", "parse", "classify", "validate", "redline-md"],
)
def test_text_reports_in_files_escape_controls_as_stdout_does(
    args: list[str], drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = drafts
    argv = [a.format(old=old, new=new, out=tmp_path / "report") for a in args]
    run = cli(*argv)
    assert run.code in (0, 1), run.err
    text = Path(argv[argv.index("-o") + 1]).read_text(encoding="utf-8")
    assert "\u202e" not in text and "\x9b" not in text and "\x1b" not in text
    if argv[0] in ("diff", "parse", "redline"):  # the reports that quote the draft's text
        assert "\\u202e" in text


def test_a_taxonomy_nested_too_deeply_is_exit_4_with_its_name(
    drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = drafts
    for n, body in enumerate(("x = " + "[" * 5000 + "]" * 5000, "x = " + "{a=" * 3000 + "1" + "}" * 3000)):
        taxonomy = tmp_path / f"deep{n}.toml"
        taxonomy.write_text(body + "\n", encoding="utf-8")
        for args in (["classify", old], ["diff", old, new], ["redline", old, new, "-o", tmp_path / "r.md"]):
            assert_fails(cli(*args, "--taxonomy", taxonomy), 4, "nest too deeply", taxonomy)


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["diff", "{old}", "{new}", "--pairs", "{zero}.json"], 2, "pairs file larger than 5,000,000 bytes"),
        (
            ["diff", "{old}", "{new}", "--taxonomy", "{zero}.toml"],
            4,
            "taxonomy file larger than 5,000,000 bytes",
        ),
        (["validate", "{old}", "--schema", "{zero}.toml"], 4, "schema file larger than 5,000,000 bytes"),
        (["schema", "check", "{zero}.toml"], 4, "schema file larger than 5,000,000 bytes"),
        (["batch", "{zero}.csv", "-o", "{out}"], 3, "manifest larger than 50,000,000 bytes"),
        (["history", "{zero}.json"], 3, "manifest larger than 1,000,000 bytes"),
    ],
    ids=["pairs", "taxonomy", "schema", "schema-check", "batch-manifest", "history-manifest"],
)
def test_a_file_beside_the_drafts_that_never_ends(
    args: list[str], code: int, message: str, drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    """A taxonomy, schema, manifest or pairs file that is a device (here /dev/zero behind a
    symlink with the file's suffix) has no size to check first: it is read up to its limit
    and refused, in a child held to 1 GB — not read until memory runs out."""
    old, new = drafts
    zero = tmp_path / "zero"
    for suffix in (".json", ".toml", ".csv"):
        zero.with_suffix(suffix).symlink_to("/dev/zero")
    argv = [a.format(old=old, new=new, zero=zero, out=tmp_path / "out") for a in args]
    hostile = next(Path(a) for a in argv if a.startswith(str(zero)))
    assert_fails(cli_process(*argv), code, message, hostile)


BIG_NUMBER = "7" * 5000  # more digits than Python turns into an int (4,300)
DEEP_TOML = "x = " + "[" * 5000 + "]" * 5000 + "\n"


@pytest.mark.parametrize(
    ("args", "name", "content", "code", "message"),
    [
        (["history", "{file}"], "rounds.json", f'{{"rounds": [{BIG_NUMBER}, 1]}}', 3, "manifest holds a number of more"),
        (["history", "{file}"], "rounds.toml", f"rounds = [{BIG_NUMBER}, 1]\n", 3, "manifest holds a number of more"),
        (["batch", "{file}", "-o", "{out}"], "pairs.json", f'[{{"old": "a", "new": "b", "label": {BIG_NUMBER}}}]', 3,
         "manifest holds a number of more"),
        (["batch", "{file}", "-o", "{out}"], "pairs.toml", DEEP_TOML, 3, "TOML nests too deeply"),
        (["diff", "{old}", "{new}", "--taxonomy", "{file}"], "t.toml", f"x = {BIG_NUMBER}\n", 4, "a number of more"),
        (["validate", "{old}", "--schema", "{file}"], "s.toml", f"x = {BIG_NUMBER}\n", 4, "a number of more"),
        (["schema", "check", "{file}"], "s.toml", DEEP_TOML, 4, "nest too deeply"),
        (["diff", "{old}", "{new}", "--pairs", "{file}"], "p.json", "[" * 5000 + "]" * 5000, 2, "nests too deeply"),
        (["diff", "{old}", "{new}", "--pairs", "{file}"], "p.json", f'{{"A": {BIG_NUMBER}}}', 2, "a number of more"),
    ],
    ids=["history-json", "history-toml", "batch-json", "batch-toml", "taxonomy", "schema", "schema-deep",
         "pairs-deep", "pairs-number"],
)  # fmt: skip
def test_a_file_beside_the_drafts_with_an_endless_number_or_nesting(
    args: list[str],
    name: str,
    content: str,
    code: int,
    message: str,
    drafts: tuple[Path, Path],
    tmp_path: Path,
) -> None:
    """Valid TOML or JSON that Python's own limits refuse — an integer of 5,000 digits (a
    ValueError, not the parser's decode error), arrays 5,000 deep — is the file's error with
    its exit code and its name, never exit 70."""
    old, new = drafts
    file = tmp_path / name
    file.write_text(content, encoding="utf-8")
    argv = [a.format(old=old, new=new, file=file, out=tmp_path / "out") for a in args]
    assert_fails(cli(*argv), code, message, file)


def _fifo_fed(path: Path, data: bytes, endless: bool = False) -> Path:
    """A named pipe at `path` that a thread feeds `data` (then zeros without end) once a
    reader opens it."""
    os.mkfifo(path)

    def feed() -> None:
        try:
            with open(path, "wb") as pipe:
                pipe.write(data)
                while endless:
                    pipe.write(bytes(1 << 16))
        except OSError:
            pass  # the reader closed it

    threading.Thread(target=feed, daemon=True).start()
    return path


def test_a_word_file_through_a_pipe_is_refused_in_one_line(tmp_path: Path) -> None:
    """The package readers open the file again: a named pipe, read once, then waited for a
    writer without end (a `<(…)` pipe looked empty: 'not a DOCX file: the file is empty').
    Standard input (-) is held in a file and works."""
    data = (DRAFTS / "framework-v1.docx").read_bytes()
    fifo = _fifo_fed(tmp_path / "round1.docx", data)
    assert_fails(
        cli_process("parse", fifo), 3, "a Word or ODT file cannot be read from a pipe or a device", fifo
    )


def test_an_endless_zip_stream_through_a_pipe_ends(tmp_path: Path) -> None:
    """A zip's first bytes then zeros without end: hashed without end before."""
    fifo = _fifo_fed(tmp_path / "endless.docx", b"PK\x03\x04", endless=True)
    assert_fails(cli_process("parse", fifo), 3, "cannot be read from a pipe", fifo)


def test_a_batch_input_that_never_ends(tmp_path: Path) -> None:
    """A job's inputs are hashed for the resume check before they are read: /dev/zero was
    hashed without end. Now the hash stops at the size limit and the reader refuses it."""
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    manifest = tmp_path / "pairs.csv"
    manifest.write_text("old,new\nzero.txt,good.txt\n", encoding="utf-8")
    run = cli_process("batch", manifest, "-o", tmp_path / "out", "--jobs", "1", "--max-bytes", "1000000")
    assert run.code == 1, run.err
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert "over the limit of 1,000,000 bytes" in json.dumps(summary)


def test_a_file_name_with_a_newline_stays_on_its_line(tmp_path: Path) -> None:
    """A file name is the other party's to choose, newlines included: one made the line of a
    reading warning, of a validate finding, of diff's, history's and compare3's headers two
    lines, the second a forged one ('forged: line 1: error …'). Shown as \\n, as in errors."""
    folder = tmp_path / "rounds"
    folder.mkdir()
    (folder / "r1.txt").write_text(GOOD_TEXT, encoding="utf-8")
    forged = folder / "r2\nforged: line 1: error [numbering.gap] the draft is void.txt"
    forged.write_text(GOOD_TEXT.replace("2. Monitors", "3. Monitors"), encoding="utf-8")  # a numbering gap
    shown = "r2\\nforged: line 1: error"
    runs = {
        "parse": cli("parse", forged),
        "validate": cli("validate", forged),
        "diff": cli("diff", folder / "r1.txt", forged),
        "history": cli("history", folder),
        "compare3": cli("compare3", folder / "r1.txt", forged, folder / "r1.txt"),
    }
    for command, run in runs.items():
        assert run.code in (0, 1), (command, run.err)
        for line in (run.out + run.err).splitlines():
            assert not line.startswith("forged"), (command, line)
        assert shown in run.out + run.err, command
    assert [line for line in runs["parse"].err.splitlines() if line.startswith("draftkit: warning: ")] == [
        f"draftkit: warning: {one_line(str(forged))}: line 5: numbering gap: '3.' follows '1.': 2. missing"
    ]
