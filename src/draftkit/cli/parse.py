"""`draftkit parse`: one draft as an outline, JSON or draftkit XML — a thin adapter over `draftkit.parse`."""

from __future__ import annotations

import click

from draftkit.cli.common import (
    emit,
    error_boundary,
    format_option,
    limit_options,
    output_format,
    output_option,
    strict_option,
    view_option,
)
from draftkit.limits import Limits
from draftkit.memory import until_exit


@click.command("parse")
@click.argument("draft", type=click.Path(dir_okay=True, path_type=str))
@format_option("text", "json", "xml", aliases={"outline": "text"})
@view_option
@output_option
@limit_options
@strict_option
@error_boundary
@until_exit
def parse_command(
    draft: str,
    fmt: str,
    view: str,
    output: str | None,
    max_bytes: int,
    max_unpacked: int,
    max_provisions: int,
    max_depth: int,
) -> None:
    """Parse DRAFT (.docx, .odt, .pdf, .txt, .md or draftkit .xml) into its tree of numbered provisions.

    Example: draftkit parse drafts/framework-v2.docx --format json -o v2.json
    """
    limits = Limits(max_bytes, max_unpacked, max_provisions, max_depth)
    fmt = output_format(output, fmt)
    from draftkit import api  # on use: `draftkit --help` does not load the readers' stages

    result = api.parse(draft, view="original" if view == "original" else "accept", limits=limits)
    match fmt:
        case "json":
            from draftkit.render.draft_out import draft_to_json

            text = draft_to_json(result)
        case "xml":
            from draftkit.model.xmlio import to_xml

            text = to_xml(result).decode("utf-8")
        case _:
            from draftkit.render.draft_out import draft_outline

            text = draft_outline(result)
    emit(text, output, [draft], human=fmt == "text")
