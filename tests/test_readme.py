"""README as a new user reads it (issue 17): its first screen says how to install, run the demo
and the tests, run draftkit after the demo and start the web app; every relative link and
every repository path it names exists in a clone; every command is in its table."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import click
import pytest

from draftkit.cli import DISTRIBUTION, main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
FIRST_SCREEN = "\n".join(README.splitlines()[:40])
# Folders of the repository: a path starting with one of them names a file of the clone
# (out/ is what `make demo` writes, not part of the clone).
REPO_DIRS = ("benchmarks/", "docs/", "drafts/", "schemas/", "src/", "tests/", "tools/")


def _tracked() -> set[str]:
    """The files and folders a clone has: git's index (untracked files are not cloned)."""
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: what a clone holds is unknown")
    files = (
        subprocess.run([git, "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, timeout=60)
        .stdout.decode("utf-8")
        .split("\0")
    )
    names = {f for f in files if f}
    for name in list(names):
        parts = name.split("/")
        names.update("/".join(parts[:i]) for i in range(1, len(parts)))
    return names


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def test_first_screen_installs_demos_tests_runs_and_serves() -> None:
    for needle in (
        "make demo",
        "make test",
        f"pip install '{DISTRIBUTION}",
        f"pipx install '{DISTRIBUTION}",
        ".venv/bin/draftkit --help",
        "source .venv/bin/activate",
        "draftkit serve",
        "http://127.0.0.1:8000/",
    ):
        assert needle in FIRST_SCREEN, needle


def test_relative_links_exist_in_a_clone() -> None:
    tracked = _tracked()
    links = re.findall(r"\]\(([^)\s]+)\)", README)
    relative = [link for link in links if not re.match(r"[a-z]+:", link)]
    assert relative, "the README links to docs/ (the test would check nothing)"
    for link in relative:
        path, _, anchor = link.partition("#")
        if path:
            assert path.rstrip("/") in tracked, f"README links to {path}, which a clone lacks"
        if anchor:
            target = (ROOT / path) if path else ROOT / "README.md"
            headings = re.findall(r"^#+ (.+)$", target.read_text(encoding="utf-8"), flags=re.M)
            assert anchor in {_slug(h) for h in headings}, f"README links to {link}: no such heading"


def test_repository_paths_it_names_exist_in_a_clone() -> None:
    tracked = _tracked()
    pattern = r"(?<![\w./-])((?:" + "|".join(REPO_DIRS) + r")[\w./-]*\w/?)"
    named = set(re.findall(pattern, README))
    assert len(named) > 10
    missing = sorted(p for p in named if p.rstrip("/") not in tracked)
    assert missing == [], f"README names paths a clone lacks: {missing}"


def test_every_command_is_in_the_table_and_completion_is_explained() -> None:
    for name, command in main.commands.items():
        subs = command.commands if isinstance(command, click.Group) else {"": command}
        for sub in subs:
            assert f"| `draftkit {name}{' ' + sub if sub else ''}" in README, (name, sub)
    assert "_DRAFTKIT_COMPLETE=bash_source draftkit" in README
    assert "draftkit schema show > " in README


def test_the_library_example_runs_and_prints_what_it_says(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (block,) = re.findall(r"```python\n(.*?)```", README, flags=re.S)
    monkeypatch.chdir(ROOT)
    exec(compile(block, "README.md", "exec"), {})  # the README's own example
    out = capsys.readouterr().out
    assert "art_1__para_1__point_a (a) None" in out
    for promised in re.findall(r'"((?:Added|Renumbered) +Article [^"]+)"', block):
        assert any(line.startswith(promised) for line in out.splitlines()), promised


def _commands_in_readme() -> list[list[str]]:
    """The `draftkit …` lines of the README's shell blocks, as arguments (comments and a
    `> FILE` redirection dropped; lines with placeholders such as OLD NEW left out)."""
    found: list[list[str]] = []
    for block in re.findall(r"```sh\n(.*?)```", README, flags=re.S):
        for line in block.splitlines():
            words = shlex.split(line, comments=True)
            if not words or Path(words[0]).name != "draftkit":
                continue
            args = words[1 : words.index(">")] if ">" in words else words[1:]
            if not any(a.isupper() and len(a) > 1 for a in args):
                found.append(args)
    return found


def test_every_command_line_in_the_readme_parses() -> None:
    """Each README command names options and choices the CLI has (parsed, not run)."""
    commands = _commands_in_readme()
    assert len(commands) > 15
    for args in commands:
        if args in (["--help"], ["--version"]):
            continue
        command: click.Command = main.commands[args[0]]
        name, rest = args[0], args[1:]
        if isinstance(command, click.Group):
            name, command, rest = rest[0], command.commands[rest[0]], rest[1:]
        try:
            command.make_context(name, list(rest))
        except click.exceptions.Exit:
            pass  # --help
        except click.UsageError as exc:
            raise AssertionError(f"README: draftkit {' '.join(args)}: {exc.format_message()}") from None


def test_the_commands_said_to_take_strict_do() -> None:
    listed = re.search(r"`--strict` \(([a-z0-9, ]+)\) refuses such a draft", README)
    assert listed is not None
    named = listed[1].split(", ")
    reading = [n for n, c in main.commands.items() if any(p.name == "strict_reading" for p in c.params)]
    assert sorted(named) == sorted(reading)
