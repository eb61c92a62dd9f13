"""Running a batch's jobs: in this process, on a local process pool, or on a Dask cluster —
the same `run_job` everywhere, results yielded as they complete.

Guarantees: every job yields exactly one `JobResult` unless the caller stops early
(`fail_fast`, Ctrl-C, closing the generator); stopping early terminates the pool's worker
processes (SIGTERM: a report being written removes its temporary file) or cancels the
cluster's pending tasks, so nothing goes on writing into OUTDIR after `batch` returns —
except a task a Dask worker had already started, which finishes its own folder (its record
is written last, so it is never half done). Local worker processes ignore SIGINT: Ctrl-C
reaches the caller, which decides.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from draftkit.batch.manifest import RESERVED, Job
from draftkit.batch.task import OUTPUT_NAMES, RECORD, BatchOptions, JobResult, run_job
from draftkit.errors import EXIT_INTERNAL, UsageError, one_line

# How long to wait for a Dask scheduler to answer before giving up with exit 2.
SCHEDULER_TIMEOUT = "10s"


def default_workers() -> int:
    """The CPU count this process may use (its affinity where the system tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def prepare_outdir(outdir: str | os.PathLike[str]) -> Path:
    """OUTDIR made (with its parents) and returned absolute; a file in its place is exit 2."""
    path = Path(outdir).absolute()
    if path.exists() and not path.is_dir():
        raise UsageError(f"output folder {path} is a file")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create the output folder {path}: {exc.strerror or exc}") from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise UsageError(f"output folder {path} is not writable")
    return path


def check_outputs(
    outdir: str | os.PathLike[str],
    jobs: Sequence[Job],
    options: BatchOptions,
    reads: Iterable[str | os.PathLike[str]] = (),
) -> None:
    """Refuse (exit 2, before anything is written) a batch one of whose files — a job's
    reports and record, the summary files — is a file it reads: a draft, the taxonomy and
    the files it extends, or one of `reads` (the manifest). Told by device and inode, so a
    symlink or a hard link to an input is refused too; a file not there yet is no input."""
    from draftkit.risk.taxonomy import taxonomy_files

    read: set[tuple[int, int]] = set()
    for item in (*reads, *taxonomy_files(options.taxonomy), *(p for job in jobs for p in (job.old, job.new))):
        with contextlib.suppress(OSError, ValueError):
            found = os.stat(item)
            read.add((found.st_dev, found.st_ino))
    folder = Path(outdir).absolute()
    names = (RECORD, *OUTPUT_NAMES.values())
    for target in (
        *(folder / n for n in sorted(RESERVED)),
        *(folder / j.name / n for j in jobs for n in names),
    ):
        try:
            found = os.stat(target)
        except (OSError, ValueError):
            continue
        if (found.st_dev, found.st_ino) in read:
            raise UsageError(f"output path {target} is also an input; refusing to overwrite it")


def batch(
    jobs: Sequence[Job],
    outdir: str | os.PathLike[str],
    *,
    options: BatchOptions | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    fail_fast: bool = False,
    reads: Iterable[str | os.PathLike[str]] = (),
) -> Iterator[JobResult]:
    """Run `jobs` into `outdir` and yield each `JobResult` as it completes: in this process
    (`workers=1`), on a pool of `workers` processes (default: the CPU count), or on the Dask
    cluster at `scheduler`; with `fail_fast`, stop at the first failed job (yielded last).
    No file of the batch may be one it reads (`check_outputs`; `reads`: the manifest)."""
    settings = options or BatchOptions()
    check_outputs(outdir, jobs, settings, reads)
    folder = str(prepare_outdir(outdir))
    if scheduler is not None:
        yield from _on_dask(jobs, folder, settings, scheduler, fail_fast)
        return
    count = min(workers or default_workers(), max(1, len(jobs)))
    if count <= 1:
        for job in jobs:
            result = run_job(job, folder, settings)
            yield result
            if fail_fast and result.status == "failed":
                return
        return
    yield from _on_pool(jobs, folder, settings, count, fail_fast)


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _executor(count: int) -> ProcessPoolExecutor:
    # spawn, not fork: the caller may hold threads (a progress bar's monitor, a Dask client)
    # that a forked child would inherit in whatever state they were, and spawn behaves the
    # same on Linux, macOS and Windows. A pool of concurrent.futures rather than
    # multiprocessing.Pool: a worker killed outright (the kernel's OOM killer) breaks the
    # pool with an error instead of leaving the caller waiting for ever.
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(count, mp_context=context, initializer=_ignore_sigint)


def _terminate(executor: ProcessPoolExecutor) -> None:
    """Stop the workers now (SIGTERM), not after the jobs they are running."""
    stop = getattr(executor, "terminate_workers", None)  # Python 3.14+
    if stop is not None:
        stop()
        return
    processes = getattr(executor, "_processes", None) or {}
    for process in list(processes.values()):
        with contextlib.suppress(OSError, AttributeError):
            process.terminate()


def _on_pool(
    jobs: Sequence[Job], outdir: str, options: BatchOptions, count: int, fail_fast: bool
) -> Iterator[JobResult]:
    executor = _executor(count)
    finished = False
    try:
        futures = {executor.submit(run_job, job, outdir, options): job for job in jobs}
        for future in as_completed(futures):
            try:
                result = future.result()
            except BrokenProcessPool:
                result = _lost(futures[future], "a worker process died (killed, or out of memory)")
            yield result
            if fail_fast and result.status == "failed":
                return
        finished = True
    finally:
        if not finished:
            _terminate(executor)  # Ctrl-C, fail-fast or the caller stopped reading
        executor.shutdown(wait=True, cancel_futures=True)


def _lost(job: Job, why: str) -> JobResult:
    """The result of a job whose worker went away before it could report."""
    return JobResult(job=job, status="failed", error=why, exit_code=EXIT_INTERNAL)


def _on_dask(
    jobs: Sequence[Job], outdir: str, options: BatchOptions, scheduler: str, fail_fast: bool
) -> Iterator[JobResult]:
    try:
        from distributed import Client, Future
        from distributed import as_completed as dask_completed
    except ImportError:
        raise UsageError(
            "--scheduler needs Dask: pip install 'draftkit[dask]' (here and on every worker)"
        ) from None
    try:
        client = Client(scheduler, timeout=SCHEDULER_TIMEOUT, set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    futures: dict[Future[JobResult], Job] = {}
    try:
        # pure=False: the same job run twice (a rerun after its inputs changed) is a new task.
        futures = {client.submit(run_job, job, outdir, options, pure=False): job for job in jobs}
        for future in dask_completed(list(futures), loop=client.loop):  # type: ignore[no-untyped-call]
            try:
                result: JobResult = future.result()
            except Exception as exc:  # the worker died (KilledWorker) or lost the task
                result = _lost(
                    futures[future], f"the Dask task failed ({type(exc).__name__}: {one_line(str(exc))})"
                )
            yield result
            if fail_fast and result.status == "failed":
                return
    finally:
        pending = [f for f in futures if not f.done()]  # type: ignore[no-untyped-call]
        if pending:
            client.cancel(pending)  # type: ignore[no-untyped-call]
        client.close()  # type: ignore[no-untyped-call]
