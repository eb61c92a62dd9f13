"""`draftkit validate` and `draftkit schema check`: thin adapters over `validate()` and
`check_schema()`. Registered on the main group with `main.add_command` (see cli/__init__.py).

Exit codes: 0 clean · 1 errors (with --strict also warnings) · 3 unreadable draft ·
4 invalid schema file.
"""

from __future__ import annotations

import sys

import click

from draftkit.cli.common import (
    WholeSummaries,
    emit,
    error_boundary,
    format_option,
    limit_options,
    output_format,
    output_option,
    view_option,
)
from draftkit.errors import EXIT_FINDINGS
from draftkit.limits import Limits
from draftkit.memory import until_exit


@click.command("validate")
@click.argument("draft", type=click.Path(dir_okay=True, path_type=str))
@click.option(
    "--schema",
    "schema_file",
    metavar="FILE",
    type=click.Path(dir_okay=True, path_type=str),
    default=None,
    help="Clause schema (TOML). Default: the shipped schema for framework texts.",
)
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too, not only on errors.")
@format_option("text", "json")
@view_option
@output_option
@limit_options
@error_boundary
@until_exit
def validate_command(
    draft: str,
    schema_file: str | None,
    strict: bool,
    fmt: str,
    view: str,
    output: str | None,
    max_bytes: int,
    max_unpacked: int,
    max_provisions: int,
    max_depth: int,
) -> None:
    """Check DRAFT against a clause schema: numbering, cross-references, required provisions,
    leftover brackets and placeholders. Exit 0 clean, 1 findings, 4 invalid schema.

    Example: draftkit validate drafts/framework-v2.docx --strict --format json -o findings.json
    """
    from draftkit.validate import validate
    from draftkit.validate.clause_schema import load_schema, schema_files

    limits = Limits(max_bytes, max_unpacked, max_provisions, max_depth)
    fmt = output_format(output, fmt)
    inputs = [draft] + ([schema_file] if schema_file else [])
    if output is not None and output != "-":
        from draftkit.outputs import check_output_path

        inputs += [str(path) for path in schema_files(schema_file)]  # its grammar and taxonomy too
        check_output_path(output, inputs)
    # validate reports numbering and structure as findings of its own: reading
    # warnings would say the same twice.
    from draftkit.readers import reporting

    with reporting(None):
        schema = load_schema(schema_file)  # before the draft: a broken schema is exit 4 whatever the draft
        report = validate(draft, schema, view="original" if view == "original" else "accept", limits=limits)
        if fmt == "json":
            from draftkit.render.findings import render_json

            text = render_json(report, strict=strict)
        else:
            from draftkit.render.findings import render_text

            text = render_text(report, strict=strict)
        emit(text, output, inputs, human=fmt != "json")
        if not report.ok(strict):
            sys.exit(EXIT_FINDINGS)


@click.group("schema", cls=WholeSummaries)
def schema_group() -> None:
    """Check and show clause schemas (the rules `draftkit validate` applies).

    Example: draftkit schema check my.clauses.toml
    """


@schema_group.command("check")
@click.argument("file", type=click.Path(dir_okay=True, path_type=str))
@error_boundary
def schema_check_command(file: str) -> None:
    """Check a clause schema FILE on its own: TOML syntax, known keys, kinds, patterns, XPath.
    Exit 0 when valid, 4 with what is wrong and where when not.

    Example: draftkit schema check schemas/framework.clauses.toml
    """
    from draftkit.validate.clause_schema import check_schema

    schema = check_schema(file)
    click.echo(f'{file}: valid clause schema "{schema.name}" ({schema.rule_count()} rules)')


@schema_group.command("show")
@error_boundary
def schema_show_command() -> None:
    """Print the default clause schema for framework texts, to copy and edit.

    Example: draftkit schema show > my.clauses.toml
    """
    from draftkit.resources import schema_bytes
    from draftkit.validate.clause_schema import DEFAULT_SCHEMA

    click.echo(schema_bytes(DEFAULT_SCHEMA).decode("utf-8"), nl=False)


__all__ = ["schema_group", "validate_command"]
