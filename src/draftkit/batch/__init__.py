"""A corpus at once: many comparisons run in parallel into one output folder.

Stages: `manifest` (a CSV/JSON/TOML manifest or a folder of rounds → `Job`s with unique,
safe folder names) → `runner` (`batch()`: the same `task.run_job` in this process, on a
local process pool or on a Dask cluster, results yielded as they complete) → `summary`
(summary.csv, summary.json, index.html, one row per job in manifest order).

`run_batch()` strings them together for the CLI: it writes the summary files however the
run ends — all done, `fail_fast`, or Ctrl-C (unfinished jobs are 'not run' there, and their
folders have no record, so a rerun runs them and skips the rest).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from draftkit.batch.manifest import Job, Pairing, read_manifest
from draftkit.batch.runner import batch, check_outputs, default_workers, prepare_outdir
from draftkit.batch.summary import write_summary
from draftkit.batch.task import OUTPUT_NAMES, BatchOptions, JobResult, make_options, recorded, run_job
from draftkit.records import record

__all__ = [
    "OUTPUT_NAMES",
    "BatchOptions",
    "BatchReport",
    "Job",
    "JobResult",
    "Pairing",
    "batch",
    "check_outputs",
    "default_workers",
    "make_options",
    "read_manifest",
    "run_batch",
    "run_job",
    "write_summary",
]


@record
class BatchReport:
    """How a batch ended: every result in manifest order (unrun jobs absent) and the summary files."""

    jobs: tuple[Job, ...]
    results: tuple[JobResult, ...]
    summary: tuple[Path, Path, Path]

    @property
    def failed(self) -> tuple[JobResult, ...]:
        """The results of the jobs that failed."""
        return tuple(r for r in self.results if r.status == "failed")

    @property
    def resumed(self) -> int:
        """How many jobs were skipped because OUTDIR already held their reports."""
        return sum(r.resumed for r in self.results)


def run_batch(
    jobs: Sequence[Job],
    outdir: str | os.PathLike[str],
    *,
    options: BatchOptions | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    fail_fast: bool = False,
    on_result: Callable[[JobResult], None] | None = None,
    reads: Iterable[str | os.PathLike[str]] = (),
) -> BatchReport:
    """Run every job into `outdir` (see `batch`), call `on_result` as each completes, and
    write summary.csv, summary.json and index.html — also when interrupted, before the
    KeyboardInterrupt goes on. `reads`: other files the batch read (its manifest), which
    none of its files may be, as no draft may be (`check_outputs`)."""
    from draftkit.risk import load_taxonomy

    settings = options or BatchOptions()
    reads = tuple(reads)
    check_outputs(outdir, jobs, settings, reads)  # exit 2 before anything is read or written
    # The taxonomy is checked once here (exit 4 before any job runs) and names the columns.
    taxonomy_ids = [c.id for c in load_taxonomy(settings.taxonomy).categories]
    folder = prepare_outdir(outdir)
    done: dict[str, JobResult] = {}
    try:
        for result in batch(
            jobs,
            folder,
            options=settings,
            workers=workers,
            scheduler=scheduler,
            fail_fast=fail_fast,
            reads=reads,
        ):
            done[result.job.name] = result
            if on_result is not None:
                on_result(result)
    finally:
        if len(done) < len(jobs):
            # Stopped early (Ctrl-C, fail-fast): a worker may have finished a job whose result
            # never reached us; its record says so, and the summary should too.
            for job in jobs:
                if job.name not in done and (found := recorded(job, folder, settings)) is not None:
                    done[job.name] = found
        paths = write_summary(folder, jobs, done.values(), taxonomy_ids)
    ordered = tuple(done[job.name] for job in jobs if job.name in done)
    return BatchReport(jobs=tuple(jobs), results=ordered, summary=paths)
