"""Benchmark (issue 19): `draftkit batch` over generated pairs — in process (`--jobs 1`), on a
2-process pool (`--jobs 2`) and on a 2-worker Dask LocalCluster — with the speed-up and a
check that the three OUTDIRs hold the same bytes (the `seconds` column aside).

    python benchmarks/batch.py [--pairs 40] [--provisions 100] [--format json] [--no-dask]

Each pair is a synthetic framework of ~N provisions (benchmarks/make_big_draft.py, one seed
per pair) against a next round with obligation words, numbers and one paragraph changed.
The timings are wall clock and include starting the workers (spawned processes import
draftkit and load the lemma dictionaries once each); the in-process run warms up first.
The issue's full size is `--pairs 500`.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE.parent))

from benchmarks.make_big_draft import draft_to_text, make_draft  # noqa: E402
from tests.batch.corpus import tree  # noqa: E402

from draftkit.api import ReportFormat  # noqa: E402
from draftkit.batch import BatchReport, Job, make_options, run_batch  # noqa: E402


def next_round(text: str, seed: int) -> str:
    """The following round: every 7th 'shall' a 'may', numbers of days moved, one line cut."""
    count = 0

    def soften(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return "may" if count % 7 == seed % 7 else match.group()

    text = re.sub(r"\bshall\b", soften, text)
    text = text.replace("thirty days", f"{40 + seed % 20} days")
    lines = text.splitlines()
    cut = 5 + seed % max(1, len(lines) - 10)
    if lines[cut].strip():
        del lines[cut]
    return "\n".join(lines) + "\n"


def make_corpus(folder: Path, pairs: int, provisions: int) -> list[Job]:
    jobs = []
    for k in range(pairs):
        old = folder / f"round_{k}_a.txt"
        new = folder / f"round_{k}_b.txt"
        text = draft_to_text(make_draft(provisions, seed=k + 1))
        old.write_text(text, encoding="utf-8")
        new.write_text(next_round(text, k), encoding="utf-8")
        jobs.append(Job(old=str(old), new=str(new), label=f"pair {k}", name=f"pair_{k}"))
    return jobs


def timed(label: str, run: object) -> tuple[float, BatchReport]:
    started = time.perf_counter()
    report = run()  # type: ignore[operator]
    elapsed = time.perf_counter() - started
    failed = len(report.failed)
    print(f"{label:<28} {elapsed:7.2f} s   {len(report.results) / elapsed:6.2f} pairs/s   failed {failed}")
    return elapsed, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pairs", type=int, default=40)
    parser.add_argument("--provisions", type=int, default=100)
    parser.add_argument("--format", action="append", choices=["json", "html", "md", "docx"])
    parser.add_argument("--no-dask", action="store_true", help="skip the LocalCluster run")
    args = parser.parse_args(argv)
    formats: tuple[ReportFormat, ...] = tuple(args.format or ["json"])
    options = make_options(formats=formats, date="2026-11-24")
    with tempfile.TemporaryDirectory(prefix="draftkit-batch-bench-") as tmp:
        root = Path(tmp)
        (root / "in").mkdir()
        jobs = make_corpus(root / "in", args.pairs, args.provisions)
        print(
            f"{args.pairs} pairs of ~{args.provisions} provisions, reports: {', '.join(formats)}; "
            f"machine: {len(__import__('os').sched_getaffinity(0))} CPUs"
        )
        run_batch(jobs[:1], root / "warm", options=options, workers=1)  # imports, lemma tables
        one, _ = timed(
            "--jobs 1 (in process)", lambda: run_batch(jobs, root / "one", options=options, workers=1)
        )
        two, _ = timed(
            "--jobs 2 (process pool)", lambda: run_batch(jobs, root / "two", options=options, workers=2)
        )
        print(f"speed-up --jobs 2 over --jobs 1: {one / two:.2f}x")
        same = tree(root / "one") == tree(root / "two")
        if not args.no_dask:
            try:
                import distributed
            except ImportError:
                print("Dask LocalCluster: skipped (pip install 'draftkit-frameworks[dask]')")
            else:
                with distributed.LocalCluster(
                    n_workers=2,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                ) as cluster:
                    address = cluster.scheduler_address
                    dask, _ = timed(
                        "Dask LocalCluster, 2 workers",
                        lambda: run_batch(jobs, root / "dask", options=options, scheduler=address),
                    )
                print(f"speed-up Dask (2 workers) over --jobs 1: {one / dask:.2f}x")
                same = same and tree(root / "one") == tree(root / "dask")
        print(f"same OUTDIR bytes in every run (seconds aside): {'yes' if same else 'NO'}")
        return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
