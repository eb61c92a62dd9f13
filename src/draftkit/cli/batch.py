"""`draftkit batch`: a manifest of draft pairs compared in parallel — a thin adapter over
`draftkit.batch.run_batch` (progress bar and the closing line are the only things it adds)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Never

import click

from draftkit.cli.common import error_boundary, limit_options, view_option
from draftkit.errors import EXIT_FINDINGS, display_name
from draftkit.limits import Limits
from draftkit.outputs import escape_unsafe

if TYPE_CHECKING:
    from tqdm import tqdm

    from draftkit.api import ReportFormat

_FORMATS: dict[str, ReportFormat] = {"json": "json", "html": "html", "md": "md", "docx": "docx"}


@click.command("batch")
@click.argument("manifest", type=click.Path(path_type=str))
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    metavar="DIR",
    type=click.Path(file_okay=False, path_type=str),
    help="Output folder: one folder per job, plus index.html, summary.csv and summary.json.",
)
@click.option(
    "--pairs",
    type=click.Choice(["consecutive"]),
    help="MANIFEST is a folder of rounds: sort its drafts naturally and compare each with the next.",
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(list(_FORMATS)),
    help="Report(s) written per job; repeat for several. [default: json and html]",
)
@click.option(
    "-j",
    "--jobs",
    "workers",
    metavar="N",
    type=click.IntRange(min=1),
    help="Worker processes. [default: the CPU count]",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Run on a Dask cluster (tcp://host:8786) instead; inputs and DIR on a path every worker shares.",
)
@click.option("--fail-fast", is_flag=True, help="Stop at the first failed job (the rest are 'not run').")
@click.option(
    "--author",
    metavar="NAME",
    default="draftkit",
    show_default=True,
    help="Author of the tracked changes (docx).",
)
@click.option(
    "--date", metavar="DATE", help="Date of the tracked changes (default: SOURCE_DATE_EPOCH, else now)."
)
@click.option("--moves", is_flag=True, help="DOCX: moved provisions as Word moves.")
@click.option("--summary", "docx_summary", is_flag=True, help="DOCX: put a summary table first.")
@click.option("--taxonomy", type=click.Path(dir_okay=False, path_type=str), help="Risk taxonomy TOML.")
@view_option
@limit_options
@error_boundary
def batch_command(
    manifest: str,
    outdir: str,
    pairs: str | None,
    formats: tuple[str, ...],
    workers: int | None,
    scheduler: str | None,
    fail_fast: bool,
    author: str,
    date: str | None,
    moves: bool,
    docx_summary: bool,
    taxonomy: str | None,
    view: str,
    max_bytes: int,
    max_unpacked: int,
    max_provisions: int,
    max_depth: int,
) -> None:
    """Compare every pair of a manifest (CSV old,new,label · JSON · TOML · a folder with
    --pairs consecutive) into DIR; exit 1 if any job failed. A rerun skips the jobs whose
    inputs and options are unchanged.

    Example: draftkit batch pairs.csv -o out/batch --format html --format docx --jobs 2
    """
    # The runner (process pools, Dask) is loaded only when a batch runs: `draftkit --help` stays light.
    from draftkit import batch as batching

    jobs = batching.read_manifest(manifest, pairs="consecutive" if pairs else None)
    options = batching.make_options(
        formats=tuple(_FORMATS[f] for f in formats) or ("json", "html"),
        view="original" if view == "original" else "accept",
        limits=Limits(max_bytes, max_unpacked, max_provisions, max_depth),
        taxonomy=taxonomy,
        author=author,
        date=date,
        moves=moves,
        summary=docx_summary,
    )
    bar = _progress(len(jobs))

    def advance(result: batching.JobResult) -> None:
        if result.status == "failed":
            _say(f"draftkit: error: {result.job.label}: {result.error}", bar)
        if bar is not None:
            bar.update(1)

    try:
        report = batching.run_batch(
            jobs,
            outdir,
            options=options,
            workers=workers,
            scheduler=scheduler,
            fail_fast=fail_fast,
            on_result=advance,
            reads=(manifest,),
        )
    finally:
        if bar is not None:
            bar.close()
    failed = len(report.failed)
    done = len(report.results) - failed
    unrun = len(jobs) - len(report.results)
    parts = [f"{done} done" + (f" ({report.resumed} resumed)" if report.resumed else ""), f"{failed} failed"]
    if unrun:
        parts.append(f"{unrun} not run")
    _say(f"batch: {len(jobs)} jobs: {', '.join(parts)}; see {display_name(str(report.summary[2]))}", None)
    # Reading warnings stay in each job's reports; what could not be compared is said here too.
    unread = [r.job.label for r in report.results if r.not_compared]
    if unread:
        _say(
            f"batch: {len(unread)} job(s) hold parts not compared or not weighed (first: {unread[0]}):"
            " see the 'not_compared' column and each job's report",
            None,
        )
    if failed:
        sys.exit(EXIT_FINDINGS)


def _progress(total: int) -> tqdm[Never] | None:
    """A progress bar with ETA on stderr when stderr is a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        return None
    import shutil  # here: every command imports this module, only a batch on a terminal needs it

    from tqdm import tqdm

    # A terminal that reports no width (a bare pty) gets 80 columns rather than an empty bar.
    # (shutil falls back only when the size cannot be read; a pty may answer 0 columns.)
    width = shutil.get_terminal_size((80, 24)).columns or 80
    return tqdm(total=total, unit="job", file=sys.stderr, ncols=width)


def _say(line: str, bar: tqdm[Never] | None) -> None:
    """One line on stderr, above the progress bar when there is one."""
    text = escape_unsafe(line)
    if bar is not None:
        bar.write(text, file=sys.stderr)
    else:
        click.echo(text, err=True)
