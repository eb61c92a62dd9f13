"""What a new user meets first (issue 17, rough edges): every usage error on one line in
draftkit's format, `-o` contradicting `--format` refused, `diff -o` saying what it wrote, the
same file given twice named, colour on a terminal only (NO_COLOR respected), and the HTML
report dated when it was made."""

from __future__ import annotations

import os
import pty
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from draftkit.cli import main
from tests.conftest import DRAFTS

V1 = str(DRAFTS / "framework-v1.txt")
V2 = str(DRAFTS / "framework-v2.txt")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), prog_name="draftkit")
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["diff", V1, V2, "-o", "{tmp}"], "Invalid value for '-o' / '--output'"),
        (["diff", V1, V2, "--bogus"], "No such option '--bogus'"),
        (["redline", V1, V2], "Missing option '-o' / '--output'"),
        (["diff", V1], "Missing argument 'NEW'"),
        (["parse", V1, "--format", "nope"], "Invalid value for '--format'"),
        (["nosuchcommand"], "No such command 'nosuchcommand'"),
    ],
)
def test_every_usage_error_is_one_line(args: list[str], needle: str, tmp_path: Path) -> None:
    code, out, err = run(*(a.replace("{tmp}", str(tmp_path)) for a in args))
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1, err
    assert err.startswith("draftkit: error: ") and needle in err
    assert "--help'" in err  # where to look next


def test_help_and_version_still_exit_0() -> None:
    code, out, _ = run("diff", "--help")
    assert code == 0 and out.startswith("Usage: draftkit diff")
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("draftkit, version ")


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("x.html", "docx"), ("x.docx", "md"), ("x.md", "json"), ("x.json", "html"), ("x.htm", "md")],
)
def test_output_suffix_contradicting_format_is_refused(tmp_path: Path, name: str, fmt: str) -> None:
    target = tmp_path / name
    code, _, err = run("redline", V1, V2, "-o", str(target), "--format", fmt)
    assert code == 2
    assert err.startswith("draftkit: error: -o ") and f"--format is {fmt}" in err
    assert len(err.splitlines()) == 1
    assert not target.exists()


def test_format_agreeing_or_suffix_unknown_is_taken(tmp_path: Path) -> None:
    code, _, err = run(
        "redline", V1, V2, "-o", str(tmp_path / "x.md"), "--format", "md", "--date", "2026-11-24"
    )
    assert code == 0, err
    code, _, err = run(
        "redline", V1, V2, "-o", str(tmp_path / "x.out"), "--format", "md", "--date", "2026-11-24"
    )
    assert code == 0, err
    assert (tmp_path / "x.out").read_text(encoding="utf-8").startswith("#")


def test_diff_to_a_file_says_wrote_as_redline_does(tmp_path: Path) -> None:
    target = tmp_path / "changes.json"
    code, out, err = run("diff", V1, V2, "--format", "json", "-o", str(target))
    assert code == 0 and out == ""
    assert err == f"wrote {target}\n"
    code, _, err = run("redline", V1, V2, "-o", str(tmp_path / "r.md"), "--date", "2026-11-24")
    assert err == f"wrote {tmp_path / 'r.md'}\n"


def test_the_same_file_twice_is_named(tmp_path: Path) -> None:
    code, out, err = run("diff", V1, V1)
    assert code == 0 and "no changes" in out
    assert err == f"draftkit: warning: {V1} and {V1} are the same file: there is nothing to compare\n"
    copy = tmp_path / "copy.txt"
    shutil.copyfile(V1, copy)
    code, _, err = run("redline", V1, str(copy), "-o", str(tmp_path / "r.md"), "--date", "2026-11-24")
    assert code == 0
    assert f"draftkit: warning: {V1} and {copy} have the same content" in err
    code, _, err = run("diff", V1, V2)
    assert "warning" not in err


def test_html_report_is_dated_when_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    target = tmp_path / "report.html"
    before = time.strftime("%Y-%m-%d", time.gmtime())
    assert run("redline", V1, V2, "-o", str(target))[0] == 0
    page = target.read_text(encoding="utf-8")
    after = time.strftime("%Y-%m-%d", time.gmtime())
    assert f"<dt>Generated</dt><dd>{before}" in page or f"<dt>Generated</dt><dd>{after}" in page
    assert run("redline", V1, V2, "-o", str(target), "--date", "2026-11-24")[0] == 0
    assert "<dt>Generated</dt><dd>2026-11-24T00:00:00Z</dd>" in target.read_text(encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    assert run("redline", V1, V2, "-o", str(target))[0] == 0
    assert "<dt>Generated</dt><dd>2026-11-18T" in target.read_text(encoding="utf-8")


# --- colour: a real terminal (a pseudo-terminal as stdout), a pipe, NO_COLOR ---------------


def _on_terminal(args: list[str], env: dict[str, str]) -> str:
    """stdout of `draftkit ARGS` run with a pseudo-terminal as its stdout (bounded wait)."""
    leader, follower = pty.openpty()
    command = str(Path(sys.executable).with_name("draftkit"))
    process = subprocess.Popen([command, *args], stdout=follower, stderr=subprocess.DEVNULL, env=env)
    os.close(follower)
    chunks: list[bytes] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.5)
        if ready:
            try:
                data = os.read(leader, 65536)
            except OSError:  # the child closed its side
                break
            if not data:
                break
            chunks.append(data)
        elif process.poll() is not None:
            break
    os.close(leader)
    process.wait(timeout=30)
    return b"".join(chunks).decode("utf-8")


def _env(**more: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
    env.update(TERM="xterm", **more)
    return env


def test_colour_on_a_terminal(tmp_path: Path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("Article 1 — Scope\n1. The Parties shall withdraw forces.\n", encoding="utf-8")
    # A terminal escape and one of the private-use marks colour is built with, in the draft.
    new.write_text("Article 1 — Scope\n1. The Parties may withdraw \x1b[2J \ue000forces.\n", encoding="utf-8")
    shown = _on_terminal(["diff", str(old), str(new)], _env())
    assert "\x1b[32m" in shown and "\x1b[31;9m" in shown and "\x1b[0m" in shown
    assert "{+" not in shown and "[-" not in shown
    assert "\x1b[2J" not in shown  # the draft's own escape never reaches the terminal
    assert "\ufffd" in shown and "\ue000" not in shown  # nor does it colour anything
    plain = _on_terminal(["diff", str(old), str(new)], _env(NO_COLOR="1"))
    assert "\x1b[" not in plain.replace("\\x1b[", "") and "[-shall-]{+may" in plain


def test_no_colour_when_piped() -> None:
    result = subprocess.run(
        [str(Path(sys.executable).with_name("draftkit")), "diff", V1, V2],
        capture_output=True, text=True, env=_env(), timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0
    assert "\x1b" not in result.stdout and "{+" in result.stdout


def test_help_shows_whole_summaries_and_the_limits_apart() -> None:
    """Issue 17: top-level --help cut every summary; the four limits cluttered each command."""
    from click.testing import CliRunner

    from draftkit.cli import main

    top = CliRunner().invoke(main, ["--help"]).stdout
    assert "tree of\n" in top or "tree of numbered provisions." in " ".join(top.split())
    assert "..." not in top.partition("Commands:")[2]
    parse = CliRunner().invoke(main, ["parse", "--help"]).stdout
    options, _, limits = parse.partition("Limits (docs/limits.md")
    assert "--max-bytes" in limits and "--max-depth" in limits
    assert "--max-bytes" not in options and "--format" in options


# --- help: metavars, one --format name per meaning, arguments not listed as options --------


def _commands() -> list[list[str]]:
    """Every command's path, subcommands of a group included."""
    paths: list[list[str]] = []
    for name, command in main.commands.items():
        if isinstance(command, click.Group):
            paths += [[name, sub] for sub in command.commands]
        else:
            paths.append([name])
    return paths


def _option_rows(help_text: str) -> list[str]:
    """The first line of each row in the Options and Limits sections of a command's help."""
    rows: list[str] = []
    section = False
    for line in help_text.splitlines():
        if line.endswith(":") and not line.startswith(" "):
            section = line.startswith(("Options", "Limits"))
        elif section and line.startswith("  ") and not line.startswith("   "):
            rows.append(line.strip())
    return rows


@pytest.mark.parametrize("path", _commands(), ids=" ".join)
def test_every_option_row_names_an_option_with_a_metavar_of_what_it_takes(path: list[str]) -> None:
    code, out, _ = run(*path, "--help")
    assert code == 0
    rows = _option_rows(out)
    assert rows and all(row.startswith("-") for row in rows), rows  # no bare OLD / DRAFT rows
    for generic in ("INTEGER", "TEXT", "PATH", "DIRECTORY", "RANGE"):
        assert all(generic not in row.split("  ")[0] for row in rows), (generic, rows)


def test_the_same_meaning_has_the_same_metavar_everywhere() -> None:
    seen: dict[str, set[str]] = {}
    for path in _commands():
        for row in _option_rows(run(*path, "--help")[1]):
            names = row.split("  ")[0].split()
            option = next((n.rstrip(",") for n in names if n.startswith("--")), "")
            metavar = names[-1] if not names[-1].startswith("-") else ""
            if option in ("--format", "--pairs"):
                continue  # choices differ by command; batch's --pairs takes a mode, not a file
            seen.setdefault(option, set()).add(metavar)
    assert seen.pop("--output") == {"FILE", "DIR"}  # DIR: batch writes a folder
    assert {o: m for o, m in seen.items() if len(m) > 1} == {}
    assert seen["--date"] == {"DATE"} and seen["--author"] == {"NAME"} and seen["--taxonomy"] == {"FILE"}
    assert seen["--max-bytes"] == {"BYTES"} and seen["--max-provisions"] == {"N"}


def test_text_is_the_terminal_format_of_every_command_and_outline_still_works() -> None:
    for path in (["parse"], ["diff"], ["validate"], ["classify"], ["history"], ["compare3"]):
        out = run(*path, "--help")[1]
        assert "--format [text|" in out and "outline" not in out, path
    code, text, _ = run("parse", V1, "--format", "text")
    assert code == 0 and text.startswith("FRAMEWORK AGREEMENT")
    assert run("parse", V1) == (0, text, "")
    assert run("parse", V1, "--format", "outline") == (0, text, "")  # the old spelling, hidden


def _complete(words: str) -> str:
    """What bash completion offers for the command line `words` (click's protocol)."""
    env = {**os.environ, "_DRAFTKIT_COMPLETE": "bash_complete", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}  # fmt: skip
    return subprocess.run(
        [str(Path(sys.executable).with_name("draftkit"))],
        capture_output=True, text=True, env=env, timeout=60, check=True,
    ).stdout  # fmt: skip


def test_shell_completion_works_with_draftkits_group() -> None:
    """README: `eval "$(_DRAFTKIT_COMPLETE=bash_source draftkit)"`."""
    script = subprocess.run(
        [str(Path(sys.executable).with_name("draftkit"))],
        capture_output=True, text=True, env={**os.environ, "_DRAFTKIT_COMPLETE": "bash_source"},
        timeout=60, check=True,
    ).stdout  # fmt: skip
    assert "complete -o nosort -F _draftkit_completion draftkit" in script
    for shell, needle in (("zsh", "#compdef draftkit"), ("fish", "complete --no-files --command draftkit")):
        other = subprocess.run(
            [str(Path(sys.executable).with_name("draftkit"))],
            capture_output=True, text=True, env={**os.environ, "_DRAFTKIT_COMPLETE": f"{shell}_source"},
            timeout=60, check=True,
        ).stdout  # fmt: skip
        assert needle in other, shell
    assert _complete("draftkit re").split() == ["plain,redline"]
    assert _complete("draftkit parse --format ").split() == ["plain,text", "plain,json", "plain,xml"]
    assert "plain,--max-bytes" in _complete("draftkit diff --max").split()


# --- `-` as a draft: standard input for every command that reads one -----------------------


@pytest.mark.parametrize(
    ("args", "shows"),
    [
        (["parse", "-"], "Article 1"),
        (["classify", "-"], "taxonomy:"),
        (["validate", "-"], "<stdin>: "),
        (["diff", "-", V2], "old: <stdin>"),
        (["redline", V1, "-", "-o", "-", "--format", "md", "--date", "2026-11-24"], "\\<stdin\\>"),
        (["history", "-", V2], "<stdin>"),
        (["compare3", "-", V1, V2], "base: <stdin>"),
    ],
    ids=lambda a: a[0] if isinstance(a, list) else "",
)
def test_a_dash_reads_the_draft_from_standard_input(args: list[str], shows: str) -> None:
    result = CliRunner().invoke(main, args, input=Path(V1).read_bytes(), prog_name="draftkit")
    assert result.exit_code in (0, 1), result.stderr
    assert shows in result.stdout
    assert "no such file" not in result.stderr


# --- -o FILE: every command says what it wrote, and the suffix agrees with --format --------

KESSEL = [str(DRAFTS / "kessel" / n) for n in ("base.txt", "veloria-counter.txt", "astria-counter.txt")]


@pytest.mark.parametrize(
    ("args", "name", "starts"),
    [
        (["parse", V1], "tree.xml", "<?xml"),
        (["parse", V1], "tree.json", "{"),
        (["diff", V1, V2], "changes.json", "{"),
        (["classify", V1], "classes.json", "{"),
        (["validate", V2], "findings.json", "{"),
        (["history", V1, V2], "history.html", "<!DOCTYPE html>"),
        (["history", V1, V2], "history.md", "#"),
        (["compare3", *KESSEL], "three.json", "{"),
        (["compare3", *KESSEL], "three.docx", "PK"),
    ],
)
def test_the_suffix_chooses_the_format_and_every_command_says_what_it_wrote(
    tmp_path: Path, args: list[str], name: str, starts: str
) -> None:
    target = tmp_path / name
    code, out, err = (
        run(*args, "-o", str(target), "--date", "2026-11-24")
        if name.endswith(".docx")
        else run(*args, "-o", str(target))
    )
    assert code in (0, 1) and out == ""
    assert err.splitlines()[-1] == f"wrote {target}"
    assert target.read_bytes().startswith(starts.encode())


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["parse", V1, "--format", "text", "-o", "{tmp}/x.json"], "names a .json file but --format is text"),
        (["parse", V1, "--format", "json", "-o", "{tmp}/x.xml"], "names a .xml file but --format is json"),
        (
            ["history", V1, V2, "--format", "md", "-o", "{tmp}/x.html"],
            "names a .html file but --format is md",
        ),
        (
            ["diff", V1, V2, "-o", "{tmp}/x.html"],
            "which draftkit diff does not write (--format text|json); draftkit redline",
        ),
        (["classify", V1, "-o", "{tmp}/x.docx"], "which draftkit classify does not write"),
    ],
)
def test_a_suffix_contradicting_the_format_is_refused_in_every_command(
    tmp_path: Path, args: list[str], needle: str
) -> None:
    code, out, err = run(*(a.replace("{tmp}", str(tmp_path)) for a in args))
    assert code == 2 and out == "" and len(err.splitlines()) == 1
    assert err.startswith("draftkit: error: -o ") and needle in err, err
    assert list(tmp_path.iterdir()) == []


def test_a_suffix_naming_nothing_keeps_the_format(tmp_path: Path) -> None:
    for name in ("tree.txt", "tree.out", "notes.md"):  # parse writes no Markdown: .md says nothing
        code, _, _ = run("parse", V1, "-o", str(tmp_path / name))
        assert code == 0 and (tmp_path / name).read_text(encoding="utf-8").startswith("FRAMEWORK AGREEMENT")
    code, _, _ = run("parse", V1, "--format", "json", "-o", str(tmp_path / "tree.txt"))
    assert code == 0 and (tmp_path / "tree.txt").read_text(encoding="utf-8").startswith("{")


@pytest.mark.parametrize("args", [[], ["schema"]], ids=["draftkit", "draftkit schema"])
def test_a_group_alone_shows_its_help_not_an_error_line(args: list[str]) -> None:
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert err.startswith("Usage: draftkit") and "Commands:" in err
    assert "\\n" not in err and "draftkit: error" not in err


def test_schema_help_shows_whole_summaries() -> None:
    out = " ".join(run("schema", "--help")[1].split())
    commands = out.partition("Commands:")[2]
    assert "kinds, patterns, XPath." in commands and "to copy and edit." in commands and "..." not in commands


@pytest.mark.parametrize("path", _commands(), ids=" ".join)
def test_every_example_is_printed_on_one_line_to_copy(path: list[str]) -> None:
    command: click.Command = main
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    written = next(line.strip() for line in (command.help or "").splitlines() if "Example:" in line)
    lines = run(*path, "--help")[1].splitlines()
    shown = next(i for i, line in enumerate(lines) if line.strip().startswith("Example:"))
    assert lines[shown].strip() == written and lines[shown + 1] == ""


def test_python_m_draftkit_is_the_program(tmp_path: Path) -> None:
    """`python -m draftkit` (an environment without the script on PATH) runs the same
    program: same output, and a bad input is the same one-line error and exit code."""
    run = [sys.executable, "-m", "draftkit"]
    done = subprocess.run([*run, "diff", V1, V2], capture_output=True, text=True, env=_env(), timeout=120)
    assert done.returncode == 0 and "{+" in done.stdout
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    bad = subprocess.run([*run, "parse", str(empty)], capture_output=True, text=True, env=_env(), timeout=120)
    assert bad.returncode == 3 and len(bad.stderr.strip().splitlines()) == 1 and "Traceback" not in bad.stderr
