"""What every draftkit command shares: the error boundary, output writing, input-limit options."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

import click

from draftkit.errors import EXIT_INPUT, EXIT_INTERNAL, DraftkitError, one_line
from draftkit.outputs import check_output_path, write_atomic
from draftkit.readers import Limits

P = ParamSpec("P")
R = TypeVar("R")


def _fail(message: str, code: int) -> None:
    click.echo(f"draftkit: error: {message}", err=True)
    sys.exit(code)


def error_boundary(func: Callable[P, R]) -> Callable[P, R]:
    """The one place that turns exceptions into a one-line message and an exit code."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except DraftkitError as exc:
            _fail(str(exc), exc.exit_code)
        except MemoryError:
            _fail("out of memory (the input is too large for this machine)", EXIT_INTERNAL)
        except RecursionError:
            _fail("input nests too deeply", EXIT_INPUT)
        except (KeyboardInterrupt, click.exceptions.Exit, click.ClickException):
            raise
        except Exception as exc:
            if os.environ.get("DRAFTKIT_DEBUG"):
                raise
            _fail(
                f"internal error ({type(exc).__name__}: {one_line(str(exc))}); please report it",
                EXIT_INTERNAL,
            )
        raise AssertionError("unreachable")

    return wrapper


# What a draft may carry that would drive a terminal (CSI, escape sequences) or reorder what
# it shows (bidi overrides); newlines and tabs stay.
_TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def for_terminal(text: str) -> str:
    """Human-readable output with control characters from a draft shown as escapes (\\x9b)."""
    return _TERMINAL_UNSAFE.sub(lambda m: repr(m.group())[1:-1], text)


def emit(text: str, output: str | None, inputs: list[str], *, human: bool = False) -> None:
    """Write a result to stdout (`human` text escaped for the terminal) or atomically to `output`."""
    if output is None or output == "-":
        click.echo(for_terminal(text) if human else text, nl=False)
        return
    path = check_output_path(output, inputs)
    write_atomic(path, text.encode("utf-8"))


def limit_options(func: Callable[P, R]) -> Callable[P, R]:
    """The input-limit options shared by every command that reads drafts."""
    defaults = Limits()
    for name, default, help_text in reversed(
        (
            ("--max-bytes", defaults.max_bytes, "Largest input file, in bytes."),
            (
                "--max-unpacked",
                defaults.max_unpacked,
                "Most bytes unpacked from a DOCX's XML parts (media and macros are never unpacked).",
            ),
            (
                "--max-provisions",
                defaults.max_provisions,
                "Most provisions in one draft (also sets the paragraph limit: 10 per provision).",
            ),
            ("--max-depth", defaults.max_depth, "Deepest nesting of provisions."),
        )
    ):
        func = click.option(
            name, type=click.IntRange(min=1), default=default, show_default=True, help=help_text
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
    "-o", "--output", type=click.Path(dir_okay=False, path_type=str), help="Write to FILE instead of stdout."
)


def format_option(*choices: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """`--format` with these choices, the first being the default."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
        help="Output format.",
    )
