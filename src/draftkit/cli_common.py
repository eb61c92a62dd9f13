"""What every draftkit command shares: the error boundary, output writing, input-limit options."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

import click

from draftkit.errors import EXIT_INPUT, EXIT_INTERNAL, DraftkitError
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
            _fail(f"internal error ({type(exc).__name__}: {exc}); please report it", EXIT_INTERNAL)
        raise AssertionError("unreachable")

    return wrapper


def emit(text: str, output: str | None, inputs: list[str]) -> None:
    if output is None or output == "-":
        click.echo(text, nl=False)
        return
    path = check_output_path(output, inputs)
    write_atomic(path, text.encode("utf-8"))


def limit_options(func: Callable[P, R]) -> Callable[P, R]:
    """The input-limit options shared by every command that reads drafts."""
    defaults = Limits()
    for name, default, help_text in reversed(
        (
            ("--max-bytes", defaults.max_bytes, "Largest input file, in bytes."),
            ("--max-unpacked", defaults.max_unpacked, "Largest total unpacked size of a DOCX, in bytes."),
            ("--max-provisions", defaults.max_provisions, "Most provisions in one draft."),
            ("--max-depth", defaults.max_depth, "Deepest nesting of provisions."),
        )
    ):
        func = click.option(
            name, type=click.IntRange(min=1), default=default, show_default=True, help=help_text
        )(func)
    return func
