"""One batch job, the unit every runner ships (process pool or Dask): read both drafts,
compare, flag, write the chosen reports into OUTDIR/<job>/, and say what happened.

Guarantees: `run_job` never raises for a bad input or a bug in one job (the result carries
the one-line error and its exit code); a job folder counts as done only when its
`job.json` exists — it is removed before anything else is written and written last,
atomically — so a job stopped half-way (Ctrl-C, a killed worker) is simply run again;
`job.json` records the sha256 of both inputs (and of the taxonomy) and the options, and a
job whose record matches is skipped (`resumed`). Everything here is picklable: a worker
process or a Dask worker gets `run_job`, a `Job` and a `BatchOptions`, nothing else.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from dataclasses import field
from pathlib import Path
from typing import Literal

from draftkit import __version__, api
from draftkit.batch.manifest import Job
from draftkit.compare.changes import SEVERITIES, Comparison
from draftkit.errors import (
    EXIT_INPUT,
    EXIT_INTERNAL,
    DraftkitError,
    OutputError,
    UsageError,
    json_safe,
    one_line,
)
from draftkit.outputs import check_output_path, write_atomic
from draftkit.readers import Limits, View, reporting
from draftkit.records import record
from draftkit.risk.taxonomy import taxonomy_files

Status = Literal["ok", "failed", "not run"]
RECORD = "job.json"
# The report of each format inside a job folder, in the order they are written and linked.
OUTPUT_NAMES: dict[api.ReportFormat, str] = {
    "html": "report.html",
    "md": "report.md",
    "json": "diff.json",
    "docx": "redline.docx",
}
_CHUNK = 1 << 20


@record
class BatchOptions:
    """Every setting of a batch that shapes a job's outputs (the resume check compares them)."""

    formats: tuple[api.ReportFormat, ...] = ("json", "html")
    view: View = "accept"
    limits: Limits = field(default_factory=Limits)
    taxonomy: str | None = None
    author: str = "draftkit"
    date: str | None = None
    """The revision date when one was asked for (`--date`, SOURCE_DATE_EPOCH), else None."""
    stamp: str = "2026-01-01T00:00:00Z"
    """The revision date used: `date`, else the batch's start (not part of the resume check)."""
    moves: bool = False
    summary: bool = False

    def fingerprint_fields(self) -> dict[str, object]:
        """The options as a JSON-ready table, in a fixed order."""
        return {
            "formats": sorted(self.formats),
            "view": self.view,
            "limits": [
                self.limits.max_bytes,
                self.limits.max_unpacked,
                self.limits.max_provisions,
                self.limits.max_depth,
                self.limits.strict,
            ],
            "author": self.author,
            "date": self.date,
            "moves": self.moves,
            "summary": self.summary,
        }


def make_options(
    *,
    formats: tuple[api.ReportFormat, ...] = ("json", "html"),
    view: View = "accept",
    limits: Limits | None = None,
    taxonomy: str | os.PathLike[str] | None = None,
    author: str = "draftkit",
    date: str | None = None,
    moves: bool = False,
    summary: bool = False,
) -> BatchOptions:
    """Batch options checked once for the whole batch (author, date, formats), the revision
    date resolved once so every job carries the same, and the taxonomy path made absolute."""
    api.check_author(author)
    if not formats:
        raise UsageError("give at least one report format")
    stamp = api.revision_date(date)
    explicit = date is not None or "SOURCE_DATE_EPOCH" in os.environ
    ordered = tuple(fmt for fmt in OUTPUT_NAMES if fmt in formats)
    return BatchOptions(
        formats=ordered,
        view=view,
        limits=limits or Limits(),
        taxonomy=str(Path(taxonomy).resolve()) if taxonomy is not None else None,
        author=author,
        date=stamp if explicit else None,
        stamp=stamp,
        moves=moves,
        summary=summary,
    )


@record
class JobResult:
    """What one job gave: status, counts per change kind, flags per severity and category,
    the reports written (file names in the job folder), time, and the error if it failed."""

    job: Job
    status: Status
    error: str = ""
    exit_code: int = 0
    resumed: bool = False
    counts: dict[str, int] = field(default_factory=dict)
    severities: dict[str, int] = field(default_factory=dict)
    categories: dict[str, int] = field(default_factory=dict)
    highest: str = ""
    warnings: int = 0
    not_compared: int = 0  # of the warnings, those that say a part was not compared or weighed
    outputs: tuple[str, ...] = ()
    seconds: float = 0.0

    @property
    def link(self) -> str | None:
        """The report to open from the index, relative to OUTDIR (None when there is none)."""
        return f"{self.job.name}/{self.outputs[0]}" if self.outputs else None


def run_job(job: Job, outdir: str, options: BatchOptions) -> JobResult:
    """Run one job into `outdir`/<job.name>/ (skipped when its record matches); never raises
    for a job's own failure, which the result carries as one line."""
    started = time.perf_counter()
    folder = Path(outdir) / job.name
    try:
        fingerprint = _fingerprint(job, options)
        done = _resumable(job, folder, fingerprint)
        if done is not None:
            return done
        return _run(job, folder, options, fingerprint, started)
    except DraftkitError as exc:
        message, code = str(exc), exc.exit_code
    except MemoryError:
        message, code = "out of memory (the input is too large for this machine)", EXIT_INTERNAL
    except RecursionError:
        message, code = "input nests too deeply", EXIT_INPUT
    except Exception as exc:
        message = f"internal error ({type(exc).__name__}: {one_line(str(exc))}); please report it"
        code = EXIT_INTERNAL
    _clear(folder)
    return JobResult(
        job=job, status="failed", error=message, exit_code=code, seconds=time.perf_counter() - started
    )


def _run(
    job: Job, folder: Path, options: BatchOptions, fingerprint: dict[str, object], started: float
) -> JobResult:
    inputs: list[str | os.PathLike[str]] = [job.old, job.new, *taxonomy_files(options.taxonomy)]
    # Reading warnings go into the summary's count, not onto a worker's stderr.
    with reporting(None):
        comparison = api.diff(
            job.old, job.new, view=options.view, limits=options.limits, taxonomy=options.taxonomy
        )
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the job folder: {exc.strerror or exc}", str(folder)) from None
    # From here until the record is written last, the folder does not count as done.
    with contextlib.suppress(FileNotFoundError):
        (folder / RECORD).unlink()
    written: list[str] = []
    for fmt in options.formats:
        data = api.render_report(
            comparison,
            fmt,
            author=options.author,
            date=options.stamp,
            moves=options.moves,
            summary=options.summary,
            generated=options.date,
        )
        target = check_output_path(folder / OUTPUT_NAMES[fmt], inputs)
        write_atomic(target, data)
        written.append(OUTPUT_NAMES[fmt])
    for name in set(OUTPUT_NAMES.values()) - set(written):
        with contextlib.suppress(FileNotFoundError):
            (folder / name).unlink()  # a report of a format no longer asked for is stale
    result = _result(job, comparison, tuple(written), time.perf_counter() - started)
    record = {"draftkit": __version__, **fingerprint, "result": _result_fields(result)}
    text = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    write_atomic(check_output_path(folder / RECORD, inputs), json_safe(text).encode("utf-8"))
    return result


def _result(job: Job, comparison: Comparison, outputs: tuple[str, ...], seconds: float) -> JobResult:
    severities = comparison.flag_counts()
    categories: dict[str, int] = {}
    for change in comparison.changes:
        for flag in change.flags:
            categories[flag.category] = categories.get(flag.category, 0) + 1
    highest = next((s for s in SEVERITIES if severities[s]), "")
    return JobResult(
        job=job,
        status="ok",
        counts=comparison.summary(),
        severities=severities,
        categories=dict(sorted(categories.items())),
        highest=highest,
        warnings=len(comparison.old.warnings) + len(comparison.new.warnings),
        not_compared=sum(
            w.code == "not-compared" for w in (*comparison.old.warnings, *comparison.new.warnings)
        ),
        outputs=outputs,
        seconds=seconds,
    )


def _result_fields(result: JobResult) -> dict[str, object]:
    return {
        "counts": result.counts,
        "severities": result.severities,
        "categories": result.categories,
        "highest": result.highest,
        "warnings": result.warnings,
        "not_compared": result.not_compared,
        "outputs": list(result.outputs),
        "seconds": round(result.seconds, 3),
    }


def recorded(job: Job, outdir: str | os.PathLike[str], options: BatchOptions) -> JobResult | None:
    """The result OUTDIR holds for `job` with these inputs and options, or None: how a batch
    that stopped early learns of jobs a worker finished before it could report them."""
    return _resumable(job, Path(outdir) / job.name, _fingerprint(job, options))


def _fingerprint(job: Job, options: BatchOptions) -> dict[str, object]:
    """What the outputs depend on: the inputs' sha256 and the options (an input that cannot
    be hashed gets None and the job runs, to fail with the reader's own message)."""
    most = options.limits.max_bytes
    return {
        "sha256": {
            "old": _sha256(job.old, most),
            "new": _sha256(job.new, most),
            "taxonomy": _sha256(options.taxonomy, most) if options.taxonomy else None,
        },
        "options": options.fingerprint_fields(),
    }


def _sha256(path: str, most: int) -> str | None:
    """The file's sha256; None when it cannot be read or holds more than `most` bytes (a
    device such as /dev/zero never ends): the job then runs, and the reader refuses it."""
    digest = hashlib.sha256()
    read = 0
    try:
        with open(path, "rb") as stream:
            while chunk := stream.read(_CHUNK):
                read += len(chunk)
                if read > most:
                    return None
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _resumable(job: Job, folder: Path, fingerprint: dict[str, object]) -> JobResult | None:
    """The stored result when the folder's record matches this job and its reports are all
    there; None (run it) otherwise."""
    sha = fingerprint["sha256"]
    if not isinstance(sha, dict) or None in (sha["old"], sha["new"]):
        return None
    try:
        record = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("draftkit") != __version__:
        return None
    if record.get("sha256") != fingerprint["sha256"] or record.get("options") != fingerprint["options"]:
        return None
    stored = record.get("result")
    if not isinstance(stored, dict):
        return None
    try:
        outputs = tuple(str(name) for name in stored["outputs"])
        if not all((folder / name).is_file() for name in outputs):
            return None
        return JobResult(
            job=job,
            status="ok",
            resumed=True,
            counts={str(k): int(v) for k, v in stored["counts"].items()},
            severities={str(k): int(v) for k, v in stored["severities"].items()},
            categories={str(k): int(v) for k, v in stored["categories"].items()},
            highest=str(stored["highest"]),
            warnings=int(stored["warnings"]),
            not_compared=int(stored.get("not_compared", 0)),
            outputs=outputs,
            seconds=float(stored["seconds"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None  # a record from elsewhere or hand-edited: run the job again


def _clear(folder: Path) -> None:
    """Remove a failed job's record and reports (they described other inputs), and its
    folder if nothing else is in it."""
    for name in (RECORD, *OUTPUT_NAMES.values()):
        with contextlib.suppress(OSError):
            (folder / name).unlink()
    with contextlib.suppress(OSError):
        folder.rmdir()
