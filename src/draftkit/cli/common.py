"""What every draftkit command shares: the error boundary, output writing, input-limit options."""

from __future__ import annotations

import contextlib
import filecmp
import os
import re
import signal
import sys
from collections.abc import Callable
from functools import wraps
from typing import NoReturn, ParamSpec, TypeVar

import click
from click.core import ParameterSource

from draftkit.errors import (
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    DraftkitError,
    OutputError,
    Terminated,
    UsageError,
    display_name,
    json_bytes,
    json_safe,
    one_line,
)
from draftkit.limits import Limits
from draftkit.outputs import check_output_path, escape_unsafe, write_atomic

P = ParamSpec("P")
R = TypeVar("R")


def _say(line: str) -> None:
    """One line on stderr; a closed or full stderr is not an error of its own."""
    try:
        click.echo(line, err=True)
    except OSError:
        _silence(sys.stderr)


def _warn(line: str) -> None:
    """A reading warning ('draft.txt: line 12: numbering gap …'), one line on stderr: a
    newline in a file name is shown as \\n, or the name would start a line of its own."""
    _say("draftkit: warning: " + one_line(display_name(line)))


def _fail(message: str, code: int) -> NoReturn:
    _say(f"draftkit: error: {message}")
    sys.exit(code)


# The error line and the exit, for the command group's own boundary (click's usage errors).
say = _say
fail = _fail
warn = _warn


def warn_same_input(old: str, new: str) -> None:
    """A warning when OLD and NEW are one file, or two files with the same bytes: the
    comparison will find nothing, which is seldom what was meant."""
    if "-" in (old, new):
        return
    try:
        same = os.path.samefile(old, new)
        identical = same or filecmp.cmp(old, new, shallow=False)
    except OSError:
        return  # a missing or unreadable file is the reader's to report
    if same:
        _warn(f"{old} and {new} are the same file: there is nothing to compare")
    elif identical:
        _warn(f"{old} and {new} have the same content: there is nothing to compare")


def taxonomy_inputs(taxonomy: str | None, output: str | None) -> list[str]:
    """A --taxonomy file and, when `output` is a file, every file its `extends` chain names:
    inputs an output path must not be (`-o` over the base a taxonomy extends is refused like
    `-o` over a draft)."""
    if taxonomy is None:
        return []
    if output is None or output == "-":
        return [taxonomy]
    from draftkit.risk.taxonomy import taxonomy_files

    return [str(path) for path in taxonomy_files(taxonomy)]


def wants_colour(output: str | None) -> bool:
    """Colour for human output to a terminal: stdout is a TTY, not `-o FILE`, and neither
    NO_COLOR (https://no-color.org) nor TERM=dumb is set."""
    if output not in (None, "-") or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _silence(*streams: object) -> None:
    """Point these standard streams at the null device after a write to them failed (the
    reader of a pipe went away: `draftkit parse … | head`), so nothing more is written and
    Python's flush at exit cannot fail a second time. A stream with no file descriptor (a
    test's captured stream) is left as it is."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    try:
        for stream in streams:
            with contextlib.suppress(AttributeError, OSError, ValueError):
                os.dup2(devnull, stream.fileno())  # type: ignore[attr-defined]
    finally:
        os.close(devnull)


def _resend(signum: int) -> NoReturn:
    """End the process by `signum` itself, as it would have without draftkit's handler (the
    temporary file is gone by now), so a parent sees the real cause; 128+N if that fails."""
    with contextlib.suppress(OSError, ValueError):
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
    sys.exit(128 + signum)


def error_boundary(func: Callable[P, R]) -> Callable[P, R]:
    """The one place that turns exceptions into a one-line message and an exit code.

    Ctrl-C exits 130 with one line; SIGTERM/SIGHUP during a write end the process by that
    signal once the temporary file is removed; a closed stdout or stderr (the reader of a
    pipe went away) ends the command quietly with exit 0.
    """

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from draftkit.readers import reporting

        try:
            with reporting(_warn):
                return func(*args, **kwargs)
        except DraftkitError as exc:
            _fail(str(exc), exc.exit_code)
        except MemoryError:
            _fail("out of memory (the input is too large for this machine)", EXIT_INTERNAL)
        except RecursionError:
            _fail("input nests too deeply", EXIT_INPUT)
        except KeyboardInterrupt:
            _say("draftkit: interrupted")
            sys.exit(EXIT_INTERRUPTED)
        except Terminated as exc:
            _resend(exc.signum)
        except BrokenPipeError:
            _silence(sys.stdout, sys.stderr)
            sys.exit(0)
        except (click.exceptions.Exit, click.ClickException):
            raise
        except Exception as exc:
            if os.environ.get("DRAFTKIT_DEBUG"):
                raise
            _fail(
                f"internal error ({type(exc).__name__}: {one_line(str(exc))}); please report it",
                EXIT_INTERNAL,
            )

    return wrapper


def for_terminal(text: str) -> str:
    """Human-readable output with control characters from a draft shown as escapes (\\x9b)."""
    return escape_unsafe(text)


def _to_stdout(data: str | bytes) -> None:
    """Write to stdout: a reader that went away ends the writing quietly (the command goes
    on to its own exit code, as `head` expects); any other failure (a full disk behind `>`)
    is an output error, exit 2."""
    try:
        click.echo(data, nl=False)
    except BrokenPipeError:
        _silence(sys.stdout)
    except OSError as exc:
        _silence(sys.stdout)
        raise OutputError(f"cannot write the output: {exc.strerror or exc}", "stdout") from None


def emit(
    text: str, output: str | None, inputs: list[str], *, human: bool = False, colour: bool = False
) -> None:
    """Write a result to stdout or atomically to `output`; `human` text (outlines, reports)
    has control and bidi override characters escaped in both places, and machine text
    (JSON) undecodable file-name bytes as `\\xff` escapes; `colour`: the terminal report's
    marks painted after that escaping."""
    if human:
        text = escape_unsafe(text)
    if colour:
        from draftkit.render.terminal import paint

        text = paint(text)
    if output is None or output == "-":
        _to_stdout(text if human else json_safe(text))
        return
    emit_file(text.encode("utf-8") if human else json_bytes(text), output, inputs)


# What an output file's suffix says about its content; a suffix not listed (.txt, which
# holds any text) says nothing.
_SUFFIX_FORMATS = {
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".xml": "xml",
    ".docx": "docx",
    ".md": "md",
}
# Formats no other format can stand in for: a .json file holding a text report is an error.
_STRICT_FORMATS = frozenset({"json", "html", "xml", "docx"})


def output_format(output: str | None, fmt: str) -> str:
    """The format to write `-o output` in: --format when given, else the one the suffix names
    (`-o changes.json` → json). A suffix contradicting --format (`--format text -o x.json`),
    or naming a format the command cannot write (`diff -o x.html`), is refused (exit 2)."""
    if output is None or output == "-":
        return fmt
    implied = _SUFFIX_FORMATS.get(os.path.splitext(output)[1].lower())
    if implied is None or implied == fmt:
        return fmt
    ctx = click.get_current_context()
    choices = next(
        (
            list(p.type.choices)
            for p in ctx.command.params
            if p.name == "fmt" and isinstance(p.type, click.Choice)
        ),
        [fmt],
    )
    given = ctx.get_parameter_source("fmt") not in (None, ParameterSource.DEFAULT)
    if given and (implied in choices or implied in _STRICT_FORMATS):
        raise UsageError(f"-o {output} names a .{implied} file but --format is {fmt}: drop one of them")
    if not given and implied in choices:
        return implied
    if implied in _STRICT_FORMATS:
        also = "; draftkit redline writes it" if ctx.info_name == "diff" else ""
        raise UsageError(
            f"-o {output} names a .{implied} file, which draftkit {ctx.info_name} does not write "
            f"(--format {'|'.join(str(c) for c in choices)}){also}"
        )
    return fmt


def emit_file(data: bytes, output: str, inputs: list[str]) -> None:
    """Write a result made as bytes (`emit`'s, or JSON encoded by `errors.json_bytes` as it
    was made) atomically to `output`, an input never overwritten, and say so on stderr."""
    write_atomic(check_output_path(output, inputs), data)
    _say("wrote " + escape_unsafe(output))


def emit_bytes(data: bytes) -> None:
    """Write a binary result (a DOCX report with `-o -`) to stdout, as `emit` does text."""
    _to_stdout(data)


def unwrapped_examples(text: str | None) -> str | None:
    """Help text whose 'Example:' paragraphs click prints as written (a `\\b` line before
    each), so an example stays one line to copy, not a command cut in two."""
    if text is None:
        return None
    return re.sub(r"\n\n([ \t]*)Example:", lambda m: f"\n\n{m[1]}\b\n{m[1]}Example:", text)


class WholeSummaries(click.Group):
    """A command group whose command list shows each command's whole first sentence (click
    cuts it at the terminal width, mid-phrase), and whose commands' examples are not rewrapped."""

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        cmd.help = unwrapped_examples(cmd.help)
        super().add_command(cmd, name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            first = " ".join((command.help or "").split("\n\n")[0].split())
            rows.append((name, first.split(". ")[0].rstrip(".") + "."))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def limit_options(func: Callable[P, R]) -> Callable[P, R]:
    """The input-limit options shared by every command that reads drafts."""
    defaults = Limits()
    for name, metavar, default, help_text in reversed(
        (
            ("--max-bytes", "BYTES", defaults.max_bytes, "Largest input file, in bytes."),
            (
                "--max-unpacked",
                "BYTES",
                defaults.max_unpacked,
                "Most bytes unpacked from a DOCX's XML parts (media and macros are never unpacked).",
            ),
            (
                "--max-provisions",
                "N",
                defaults.max_provisions,
                "Most provisions in one draft (also sets the paragraph limit: 10 per provision).",
            ),
            ("--max-depth", "N", defaults.max_depth, "Deepest nesting of provisions."),
        )
    ):
        func = click.option(
            name,
            type=click.IntRange(min=1),
            metavar=metavar,
            default=default,
            show_default=True,
            help=help_text,
        )(func)
    return func


# Options several commands share, defined once so their names and help stay the same.
view_option = click.option(
    "--view",
    type=click.Choice(["accept", "original"]),
    default="accept",
    show_default=True,
    help="Pending tracked changes in the input: accept all (the proposed text) or reject all (the original).",
)
output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=str),
    help="Write to FILE instead of stdout; without --format, its suffix (.json, .html, .md, .xml) chooses the format.",
)


class AliasedChoice(click.Choice[str]):
    """A choice that also takes older spellings (`outline` for `text`), read as their new
    name and shown nowhere (help, completion), so scripts written for them keep working."""

    def __init__(self, choices: list[str], aliases: dict[str, str]) -> None:
        super().__init__(choices)
        self.aliases = aliases

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> str:
        if isinstance(value, str) and value in self.aliases:
            value = self.aliases[value]
        return super().convert(value, param, ctx)


def format_option(
    *choices: str, aliases: dict[str, str] | None = None
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """`--format` with these choices, the first being the default; `aliases`: old spellings
    still taken. One name per meaning in every command: `text` is the report for a person
    to read on a terminal, `json` the machine-readable one."""
    return click.option(
        "--format",
        "fmt",
        type=AliasedChoice(list(choices), aliases or {}),
        default=choices[0],
        show_default=True,
        help="Output format.",
    )


def strict_option(func: Callable[P, R]) -> Callable[P, R]:
    """`--strict`: refuse (exit 3) a draft whose reading needed a guess (the warnings that
    are otherwise printed on stderr). For the commands that read drafts to report on them."""

    @click.option(
        "--strict",
        "strict_reading",
        is_flag=True,
        help="Exit 3 when a draft was read with warnings (numbering gaps, unnumbered paragraphs, …).",
    )
    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from draftkit.readers import reporting

        strict = bool(kwargs.pop("strict_reading", False))
        with reporting(_warn, strict=strict):
            return func(*args, **kwargs)

    return wrapper
