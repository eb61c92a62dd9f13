"""The `draftkit` command line: parses options, calls one library function, maps errors to exits.

One module per command group (`parse`, `compare` for diff and redline, `risk` for classify,
`validate` for validate and schema); `common` holds the shared options and the error boundary.

Exit codes: 0 ok · 1 findings · 2 usage · 3 unreadable input · 4 invalid schema · 70 internal.
"""

from __future__ import annotations

import click

from draftkit.cli.compare import diff_command, redline_command
from draftkit.cli.parse import parse_command
from draftkit.cli.risk import classify_command
from draftkit.cli.validate import schema_group, validate_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="draftkit")
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
