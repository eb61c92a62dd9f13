"""The `draftkit` command line: parses options, calls one library function, maps errors to exits.

One module per command group (`parse`, `compare` for diff and redline, `risk` for classify,
`validate` for validate and schema, `serve` for the local web app); `common` holds the shared
options and the error boundary.

Exit codes: 0 ok · 1 findings · 2 usage · 3 unreadable input · 4 invalid schema · 70 internal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import click

from draftkit.cli.batch import batch_command
from draftkit.cli.common import WholeSummaries, fail, say
from draftkit.cli.compare import diff_command, redline_command
from draftkit.cli.history import compare3_command, history_command
from draftkit.cli.parse import parse_command
from draftkit.cli.risk import classify_command
from draftkit.cli.serve import serve_command
from draftkit.cli.validate import schema_group, validate_command
from draftkit.errors import EXIT_INTERRUPTED, EXIT_USAGE, one_line

DISTRIBUTION = "draftkit-frameworks"  # the name on the package index; the import name is draftkit


class DraftkitGroup(WholeSummaries):
    """The top-level group: click's usage errors (unknown option, bad value, missing argument)
    reported as every other draftkit error is, on one line of stderr with exit 2, instead of
    click's three-line usage block."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            result = super().main(args, prog_name, complete_var, False, **extra)
        except click.UsageError as exc:
            _usage_error(exc)
        except click.ClickException as exc:
            fail(one_line(exc.format_message()), exc.exit_code)
        except click.Abort:
            say("draftkit: interrupted")
            sys.exit(EXIT_INTERRUPTED)
        sys.exit(result if isinstance(result, int) else 0)

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        """Every command's help shows the input limits in a section of their own."""
        if type(cmd) is click.Command:
            cmd.__class__ = DraftkitCommand
        super().add_command(cmd, name)


LIMIT_PARAMS = frozenset({"max_bytes", "max_unpacked", "max_provisions", "max_depth"})


class DraftkitCommand(click.Command):
    """A command whose help lists the four input limits apart, after its own options."""

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        own: list[tuple[str, str]] = []
        limits: list[tuple[str, str]] = []
        for param in self.get_params(ctx):
            if isinstance(param, click.Argument):
                continue  # named in the usage line and the help text (click ≥ 8.5.1 lists them too)
            record = param.get_help_record(ctx)
            if record is not None:
                (limits if param.name in LIMIT_PARAMS else own).append(record)
        if own:
            with formatter.section("Options"):
                formatter.write_dl(own)
        if limits:
            with formatter.section("Limits (docs/limits.md; raise them for very large drafts)"):
                formatter.write_dl(limits)


def _usage_error(exc: click.UsageError) -> NoReturn:
    if isinstance(exc, click.exceptions.NoArgsIsHelpError):
        # `draftkit` or `draftkit schema` alone: the help it asks for, as click shows it
        # (on stderr, exit 2), not squeezed onto one error line.
        exc.show()
        sys.exit(EXIT_USAGE)
    where = exc.ctx.command_path if exc.ctx is not None else "draftkit"
    message = one_line(exc.format_message()).rstrip(".")
    fail(f"{message} (see '{where} --help')", EXIT_USAGE if exc.exit_code == 2 else exc.exit_code)


@click.group(cls=DraftkitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name=DISTRIBUTION, prog_name="draftkit")
def main() -> None:
    """draftkit: parse, compare, flag, redline and validate framework drafts.

    Example: draftkit parse drafts/framework-v1.docx
    """


main.add_command(parse_command)
main.add_command(diff_command)
main.add_command(redline_command)
main.add_command(classify_command)
main.add_command(validate_command)
main.add_command(schema_group)
main.add_command(history_command)
main.add_command(compare3_command)
main.add_command(serve_command)
main.add_command(batch_command)


def run() -> NoReturn:
    """The `draftkit` program: `main`, then an exit that leaves the heap as it is.

    A diff of two long drafts leaves millions of objects; freeing them one by one at exit took
    0.3 s of a 13,000-provision diff (issue 18), after every output was written and closed.
    The exit code and the streams are as `main` left them: standard output and error are
    flushed first, and a flush that fails falls back to Python's own exit, which reports it as
    before. Library callers and tests call `main`, which exits the ordinary way."""
    from draftkit.memory import process_ends_after_command

    process_ends_after_command()
    try:
        main()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    if not isinstance(code, int):
        if code is not None:
            print(code, file=sys.stderr)
        code = 0 if code is None else 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:  # Python's exit flushes again and reports it as it always did
        sys.exit(code)
    os._exit(code)
