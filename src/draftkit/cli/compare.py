"""`draftkit diff` and `draftkit redline`: two drafts compared — thin adapters over `draftkit.api.diff` and `draftkit.api.redline`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import click
from click.core import ParameterSource

from draftkit.cli.common import (
    emit,
    emit_bytes,
    emit_file,
    error_boundary,
    format_option,
    limit_options,
    output_format,
    output_option,
    strict_option,
    taxonomy_inputs,
    view_option,
    wants_colour,
    warn,
    warn_same_input,
)
from draftkit.errors import EXIT_FINDINGS, UsageError
from draftkit.limits import Limits
from draftkit.memory import outlive, until_exit
from draftkit.outputs import check_output_path

if TYPE_CHECKING:
    from draftkit.compare.changes import Comparison
    from draftkit.readers import View

P = ParamSpec("P")
R = TypeVar("R")


def pairing_options(func: Callable[P, R]) -> Callable[P, R]:
    """--pair, --pairs, --no-pair and --lens: how two drafts are paired and read, shared by
    diff and redline."""
    for option in reversed(
        (
            click.option(
                "--pair",
                "pair",
                multiple=True,
                metavar="OLD=NEW",
                help="Pair these two provisions as is (citations as printed, e.g. 'Article 5(2)=Article 6(1)', or eids); repeatable.",
            ),
            click.option(
                "--pairs",
                "pairs_file",
                type=click.Path(exists=True, dir_okay=False, path_type=str),
                help='Pairs from a file: a JSON object {"OLD": "NEW"} or CSV rows old,new (null / empty NEW: keep apart).',
            ),
            click.option(
                "--no-pair",
                "no_pair",
                multiple=True,
                metavar="OLD",
                help="Never pair this old provision: it stays deleted ('=NEW': a new one stays added); repeatable.",
            ),
            click.option(
                "--lens",
                type=click.Choice(["default", "translation"]),
                default="default",
                show_default=True,
                help="translation: OLD and NEW render one text (two translations, a translation back): a point both reword with the same numbers, names, negations, modals, dates and conditions is a low register difference; what differs keeps its flag. Never applied by itself.",
            ),
        )
    ):
        func = option(func)
    return func


@click.command("diff")
@click.argument("old", type=click.Path(path_type=str))
@click.argument("new", type=click.Path(path_type=str))
@format_option("text", "json")
@view_option
@click.option("--all", "show_all", is_flag=True, help="List renumbered-only provisions one per line too.")
@click.option(
    "--taxonomy",
    type=click.Path(dir_okay=False, path_type=str),
    help="Risk taxonomy TOML (default: the bundled one).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["high", "medium", "low"]),
    help="Exit 1 when a flag of this severity or higher is raised.",
)
@click.option(
    "--languages",
    metavar="A,B",
    help="OLD and NEW are equally authentic language versions (en, uk, ru), e.g. 'en,uk': report provisions missing in one, numbers and dates that differ, counterparts far shorter (-o x.html / x.md for HTML / Markdown).",
)
@pairing_options
@output_option
@limit_options
@strict_option
@error_boundary
@until_exit
def diff_command(
    old: str,
    new: str,
    fmt: str,
    view: str,
    show_all: bool,
    taxonomy: str | None,
    fail_on: str | None,
    languages: str | None,
    pair: tuple[str, ...],
    pairs_file: str | None,
    no_pair: tuple[str, ...],
    lens: str,
    output: str | None,
    max_bytes: int,
    max_unpacked: int,
    max_provisions: int,
    max_depth: int,
) -> None:
    """Compare OLD and NEW provision by provision (any formats: DOCX vs TXT works).

    Example: draftkit diff drafts/framework-v1.docx drafts/framework-v2.docx --format json -o changes.json
    """
    from draftkit import api  # on use: `draftkit --help` does not load the comparison engine

    limits = Limits(max_bytes, max_unpacked, max_provisions, max_depth)
    if languages is not None:
        unused: dict[str, object] = {"--taxonomy": taxonomy, "--fail-on": fail_on, "--pair": pair}
        unused |= {
            "--pairs": pairs_file,
            "--no-pair": no_pair,
            "--lens": lens != "default",
            "--all": show_all,
        }
        if given := [name for name, value in unused.items() if value]:
            raise UsageError(
                f"--languages compares two language versions: {', '.join(given)} not taken with it"
            )
        _diff_languages(old, new, languages, fmt, view, limits, output)
        return
    fmt = output_format(output, fmt)
    inputs = [old, new, *taxonomy_inputs(taxonomy, output)] + ([pairs_file] if pairs_file else [])
    to_file = output if output is not None and output != "-" else None
    if to_file is not None:
        check_output_path(to_file, inputs)
    made: dict[str, Any] = {}
    comparison = api.diff(
        old,
        new,
        view="original" if view == "original" else "accept",
        limits=limits,
        taxonomy=taxonomy,
        pairs=_pairs(pair, pairs_file),
        no_pair=no_pair,
        lens=lens,
        _report="json" if to_file is not None and fmt == "json" else None,
        _made=made,
    )
    warn_same_input(old, new)  # after a successful read: a failure stays one line
    if fmt == "json" and to_file is not None:
        from draftkit.render.json_diff import render_json_bytes

        # A file takes the JSON as bytes, most lines encoded while the changes were flagged.
        emit_file(render_json_bytes(comparison, ready=made.get("json")), to_file, inputs)
    elif fmt == "json":
        from draftkit.render.json_diff import render_json

        emit(render_json(comparison), output, inputs)
    else:
        from draftkit.render.terminal import render_terminal

        text = render_terminal(comparison, show_all=show_all, colour=wants_colour(output))
        emit(text, output, inputs, human=True, colour=wants_colour(output))
    outlive(comparison, made)  # not freed when the process ends after the command (memory.outlive)
    if fail_on is not None and _reached(comparison, fail_on):
        sys.exit(EXIT_FINDINGS)


def _diff_languages(
    old: str, new: str, languages: str, fmt: str, view: str, limits: Limits, output: str | None
) -> None:
    """`diff --languages A,B`: two language versions aligned and their discrepancies reported
    (compare.languages), as text or JSON (--format) or HTML / Markdown (-o suffix)."""
    from draftkit.compare.languages import compare_languages
    from draftkit.readers.pair import read_pair
    from draftkit.render import languages as report

    inputs = [old, new]
    if output is not None and output != "-":
        check_output_path(output, inputs)
    names = tuple(name.strip().lower() for name in languages.split(","))
    if len(names) != 2:
        raise UsageError(f"--languages takes two languages, e.g. en,uk (got {languages!r})")
    suffix = Path(output).suffix.lower() if output is not None and output != "-" else ""
    implied = {".json": "json", ".html": "html", ".htm": "html", ".md": "md"}.get(suffix)
    given = click.get_current_context().get_parameter_source("fmt") not in (None, ParameterSource.DEFAULT)
    if implied is not None and given and implied != fmt:
        raise UsageError(f"-o {output} names a .{implied} file but --format is {fmt}: drop one of them")
    kind = implied if implied is not None and not given else fmt
    drafts = read_pair(old, new, view="original" if view == "original" else "accept", limits=limits)
    comparison = compare_languages(*drafts, (names[0], names[1]))
    for line in comparison.warnings:
        warn(line)
    if kind == "json":
        text = report.render_languages_json(comparison)
    elif kind == "html":
        text = report.render_languages_html(comparison)
    elif kind == "md":
        text = report.render_languages_markdown(comparison)
    else:
        text = report.render_languages_terminal(comparison)
    emit(text, output, inputs, human=kind != "json")


def _pairs(pair: tuple[str, ...], pairs_file: str | None) -> list[tuple[str, str | None]]:
    """The pins of --pair OLD=NEW and --pairs FILE, in that order."""
    if not pair and pairs_file is None:
        return []  # the comparison's modules are not imported before the drafts are read
    from draftkit.compare.pins import MAX_PAIRS_BYTES, parse_pair, parse_pairs
    from draftkit.limits import read_capped

    pairs: list[tuple[str, str | None]] = [parse_pair(text) for text in pair]
    if pairs_file is not None:
        try:
            data = read_capped(pairs_file, MAX_PAIRS_BYTES)
            if data is None:
                raise UsageError(f"pairs file larger than {MAX_PAIRS_BYTES:,} bytes", pairs_file)
            text = data.decode("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"cannot read the pairs file: {error}", pairs_file) from None
        pairs += parse_pairs(text, pairs_file)
    return pairs


def _reached(comparison: Comparison, fail_on: str) -> bool:
    order = ("high", "medium", "low")
    counts = comparison.flag_counts()
    return any(counts[s] for s in order[: order.index(fail_on) + 1])


def _check_suffix(output: str, fmt: str | None) -> None:
    """Refuse `-o x.html --format docx`: a suffix naming another report format than --format
    (a suffix that names none, `-o report.out --format md`, is the user's choice)."""
    from draftkit import api

    if fmt is None or output == "-":
        return
    try:
        implied = api.report_format(output)
    except UsageError:
        return
    if implied != fmt:
        raise UsageError(f"-o {output} names a .{implied} file but --format is {fmt}: drop one of them")


@click.command("redline")
@click.argument("old", type=click.Path(path_type=str))
@click.argument("new", type=click.Path(path_type=str))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=str),
    help="Report file: .docx, .html, .md or .json.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["docx", "html", "md", "json"]),
    help="Report format (default: from the output suffix).",
)
@click.option(
    "--author", metavar="NAME", default="draftkit", show_default=True, help="Author of the tracked changes."
)
@click.option(
    "--date", metavar="DATE", help="Date of the tracked changes (default: SOURCE_DATE_EPOCH, else now)."
)
@click.option(
    "--moves", is_flag=True, help="DOCX: moved provisions as Word moves (default: delete + insert)."
)
@click.option("--summary", is_flag=True, help="DOCX: put a summary table first.")
@click.option("--taxonomy", type=click.Path(dir_okay=False, path_type=str), help="Risk taxonomy TOML.")
@pairing_options
@view_option
@limit_options
@strict_option
@error_boundary
@until_exit
def redline_command(
    old: str,
    new: str,
    output: str,
    fmt: str | None,
    author: str,
    date: str | None,
    moves: bool,
    summary: bool,
    taxonomy: str | None,
    pair: tuple[str, ...],
    pairs_file: str | None,
    no_pair: tuple[str, ...],
    lens: str,
    view: str,
    max_bytes: int,
    max_unpacked: int,
    max_provisions: int,
    max_depth: int,
) -> None:
    """Write a redline of OLD → NEW: DOCX with native tracked changes and comments, HTML, Markdown or JSON.

    Example: draftkit redline drafts/framework-v1.docx drafts/framework-v2.docx -o out/redline.docx
    """
    from draftkit import api

    limits = Limits(max_bytes, max_unpacked, max_provisions, max_depth)
    read_view: View = "original" if view == "original" else "accept"
    _check_suffix(output, fmt)
    if pairs_file is not None and output != "-":
        check_output_path(
            output, [pairs_file]
        )  # the library checks the drafts and the taxonomy (api.redline)
    # What both ways of writing the report (a file, or `-o -` to stdout) are given alike.
    report: dict[str, Any] = dict(
        author=author,
        date=date,
        moves=moves,
        summary=summary,
        view=read_view,
        limits=limits,
        taxonomy=taxonomy,
        pairs=_pairs(pair, pairs_file),
        no_pair=no_pair,
        lens=lens,
    )
    if output == "-":
        # `-o -` streams the report to stdout; the format must then be named.
        if fmt is None:
            raise UsageError("with -o - give the report format: --format docx|html|md|json")
        data = api.redline_bytes(old, new, api.report_format("-", fmt), **report)
        warn_same_input(old, new)
        emit_bytes(data)
        return
    target = api.redline(old, new, output, fmt=fmt, **report)
    warn_same_input(old, new)
    click.echo(f"wrote {target}", err=True)
