"""`draftkit history` and `draftkit compare3`: a negotiation's rounds, and two
counter-proposals against one base — thin adapters over `draftkit.history.history` and
`draftkit.history.compare3`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from draftkit.cli.common import (
    emit,
    error_boundary,
    limit_options,
    output_format,
    output_option,
    strict_option,
    taxonomy_inputs,
    view_option,
)
from draftkit.errors import UsageError, display_name, one_line
from draftkit.limits import Limits
from draftkit.memory import until_exit
from draftkit.outputs import check_output_path

if TYPE_CHECKING:
    from draftkit.history import History

_FORMATS = ("text", "json", "html", "md")
format_choice = click.option(
    "--format",
    "fmt",
    type=click.Choice(list(_FORMATS)),
    default="text",
    show_default=True,
    help="Output format: terminal summary, JSON, a self-contained HTML page or Markdown.",
)
taxonomy_option = click.option(
    "--taxonomy",
    type=click.Path(dir_okay=False, path_type=str),
    help="Risk taxonomy TOML (default: the bundled one).",
)


def _emit(text: str, fmt: str, output: str | None, inputs: list[str]) -> None:
    # HTML escapes draft text itself; text and Markdown are read as plain text too.
    emit(text, output, inputs, human=fmt in ("text", "md"))


@click.command("history")
@click.argument("rounds", nargs=-1, required=True, type=click.Path(path_type=str))
@format_choice
@view_option
@taxonomy_option
@click.option(
    "--provision",
    "provisions",
    metavar="LABEL",
    multiple=True,
    help="Show one provision's life through the rounds instead of the summary: its citation in"
    " any round ('Article 11(1)') or its eId; repeat for more (terminal format).",
)
@output_option
@limit_options
@strict_option
@error_boundary
@until_exit
def history_command(
    rounds: tuple[str, ...],
    fmt: str,
    view: str,
    taxonomy: str | None,
    provisions: tuple[str, ...],
    output: str | None,
    max_bytes: int,
    max_unpacked: int,
    max_provisions: int,
    max_depth: int,
) -> None:
    """Follow every provision and bracket through the rounds of a negotiation.

    ROUNDS: the drafts in round order, or one folder (drafts in natural order), or one
    manifest (.toml/.json: a list "rounds" of {file, label, date, author}).

    Example: draftkit history drafts/framework-v1.txt drafts/framework-v2.txt drafts/framework-v3.txt --format html -o out/history.html
    """
    from draftkit.history import history
    from draftkit.history.rounds import specs

    limits = Limits(max_bytes, max_unpacked, max_provisions, max_depth)
    fmt = output_format(output, fmt)
    if provisions and fmt != "text":
        raise UsageError(
            f"--provision is shown in the terminal format, not {fmt} (the {fmt} report holds every provision)"
        )
    taken = specs(rounds)
    inputs = [*rounds, *(s.path for s in taken), *taxonomy_inputs(taxonomy, output)]
    if len(rounds) == 1 and Path(rounds[0]).is_dir():  # which of its files were taken, in which order
        listed = ", ".join(f"R{k} {Path(s.path).name}" for k, s in enumerate(taken, start=1))
        click.echo(one_line(display_name(f"rounds from {rounds[0]}, in natural order: {listed}")), err=True)
    if output is not None and output != "-":
        check_output_path(output, inputs)
    result = history(
        rounds, view="original" if view == "original" else "accept", limits=limits, taxonomy=taxonomy
    )
    match fmt:
        case "json":
            from draftkit.render.history_json import render_history_json

            text = render_history_json(result)
        case "html":
            from draftkit.render.history_html import render_history_html

            text = render_history_html(result)
        case "md":
            from draftkit.render.history_markdown import render_history_markdown

            text = render_history_markdown(result)
        case _ if provisions:
            text = _lives(result, provisions)
        case _:
            from draftkit.render.history_terminal import render_history_terminal

            text = render_history_terminal(result)
    _emit(text, fmt, output, inputs)


def _lives(result: History, labels: tuple[str, ...]) -> str:
    """Each named provision's life through the rounds; a label naming none is a UsageError
    (exit 2) that lists some citations of the last round."""
    from draftkit.render.history_terminal import matching_lineages, render_provision_life

    shown: list[int] = []
    notes: list[str] = []
    for label in labels:
        found = matching_lineages(result, label)
        if not found:
            last = [
                c
                for lineage in result.lineages
                if (c := lineage.cites[-1]) is not None
                and not (lineage.eids[-1] or "").startswith(("preface", "preamble"))
            ]
            sample = ", ".join(last[:6]) + (", …" if len(last) > 6 else "")
            raise UsageError(
                f"--provision {label!r}: no provision is cited so in any round (the last round has {sample})"
            )
        if len(found) > 1:
            notes.append(_several(result, label, found))
        shown += [k for k in found if k not in shown]
    return "\n".join([*notes, *(render_provision_life(result, k) for k in shown)])


def _several(result: History, label: str, found: list[int]) -> str:
    """Why one label shows several lives: it cites different provisions in different rounds."""
    from draftkit.render.history_terminal import rounds_cited

    lines = [f"{label!r} cites {len(found)} different provisions, in different rounds (a renumbering):"]
    for k in found:
        rounds = ", ".join(f"R{r + 1}" for r in rounds_cited(result.lineages[k], label))
        lines.append(f"  {result.lineages[k].cite} (cited {label!r} in {rounds})")
    return "\n".join(lines) + "\n"


def _labels(value: str) -> tuple[str, str]:
    from draftkit.api import check_author  # the labels are the DOCX's authors of the changes

    parts = [p.strip() for p in value.split(",")]
    if len(parts) != 2 or not all(parts):
        raise UsageError(f"--labels must be two names separated by a comma, not {value!r}")
    labels = check_author(parts[0], "--labels"), check_author(parts[1], "--labels")
    from draftkit.history.three_way import distinct_labels

    if (why := distinct_labels(labels)) is not None:
        raise UsageError(f"--labels: {why}")
    return labels


@click.command("compare3")
@click.argument("base", type=click.Path(path_type=str))
@click.argument("a", type=click.Path(path_type=str))
@click.argument("b", type=click.Path(path_type=str))
@click.option(
    "--format",
    "fmt",
    type=click.Choice([*_FORMATS, "docx"]),
    default="text",
    show_default=True,
    help="Output format: terminal summary, JSON, HTML, Markdown, or DOCX (each side's changes tracked under its name; needs -o).",
)
@click.option(
    "--date", metavar="DATE", help="DOCX: date of the tracked changes (default: SOURCE_DATE_EPOCH, else now)."
)
@click.option(
    "--labels",
    metavar="A,B",
    default="A,B",
    show_default=True,
    help="Names of the two counter-proposals, comma-separated.",
)
@view_option
@taxonomy_option
@output_option
@limit_options
@strict_option
@error_boundary
@until_exit
def compare3_command(
    base: str,
    a: str,
    b: str,
    fmt: str,
    labels: str,
    date: str | None,
    view: str,
    taxonomy: str | None,
    output: str | None,
    max_bytes: int,
    max_unpacked: int,
    max_provisions: int,
    max_depth: int,
) -> None:
    """Compare two counter-proposals A and B with their BASE: changed by one side, by both
    the same way, or in conflict.

    Example: draftkit compare3 drafts/kessel/base.txt drafts/kessel/veloria-counter.txt drafts/kessel/astria-counter.txt --labels Veloria,Astria -o out/three.html
    """
    from draftkit.history import compare3

    limits = Limits(max_bytes, max_unpacked, max_provisions, max_depth)
    fmt = output_format(output, fmt)
    names = _labels(labels)
    inputs = [base, a, b, *taxonomy_inputs(taxonomy, output)]
    if fmt == "docx" and (output is None or output == "-"):
        raise UsageError("--format docx writes a file: give -o FILE.docx")
    from draftkit import api  # on use: `draftkit --help` does not load the comparison engine

    stamp = api.revision_date(date) if fmt == "docx" else ""
    if output is not None and output != "-":
        check_output_path(output, inputs)
    result = compare3(
        base,
        a,
        b,
        view="original" if view == "original" else "accept",
        limits=limits,
        taxonomy=taxonomy,
        labels=names,
    )
    if fmt == "docx":
        from draftkit.outputs import write_atomic
        from draftkit.render.history_docx import render_three_way_docx

        assert output is not None
        write_atomic(check_output_path(output, inputs), render_three_way_docx(result, date=stamp))
        click.echo(f"wrote {output}", err=True)
        return
    match fmt:
        case "json":
            from draftkit.render.history_json import render_three_way_json

            text = render_three_way_json(result)
        case "html":
            from draftkit.render.history_html import render_three_way_html

            text = render_three_way_html(result)
        case "md":
            from draftkit.render.history_markdown import render_three_way_markdown

            text = render_three_way_markdown(result)
        case _:
            from draftkit.render.history_terminal import render_three_way_terminal

            text = render_three_way_terminal(result)
    _emit(text, fmt, output, inputs)
