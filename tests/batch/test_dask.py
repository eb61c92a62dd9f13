"""`--scheduler`: the same jobs on a Dask distributed cluster (a LocalCluster on loopback,
started in the test) give the same OUTDIR as the local process pool."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftkit.batch import make_options, read_manifest, run_batch
from tests.batch.corpus import tree, write_csv, write_pairs

distributed = pytest.importorskip(
    "distributed", reason="the 'dask' extra is not installed (pip install 'draftkit-frameworks[dask]')"
)


@pytest.fixture(scope="module")
def cluster():  # type: ignore[no-untyped-def]
    # An in-process worker behind a TCP scheduler on loopback, no dashboard: bounded, and nothing listens beyond this host.
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=False,
        protocol="tcp://",  # a real TCP scheduler, as a remote cluster is reached
        host="127.0.0.1",
        dashboard_address=None,
    ) as local:
        yield local


def test_a_cluster_run_equals_the_process_pool_run(tmp_path: Path, cluster) -> None:  # type: ignore[no-untyped-def]
    rows = write_pairs(tmp_path / "in", 4, broken=(1,))
    jobs = read_manifest(write_csv(tmp_path / "in" / "pairs.csv", rows))
    options = make_options(date="2026-11-24", formats=("json", "html", "docx"))
    local = run_batch(jobs, tmp_path / "local", options=options, workers=1)
    remote = run_batch(jobs, tmp_path / "dask", options=options, scheduler=cluster.scheduler_address)
    assert [r.status for r in remote.results] == ["ok", "failed", "ok", "ok"]
    assert remote.failed[0].error == local.failed[0].error
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")
    # Resume works the same through the cluster.
    assert (
        run_batch(jobs, tmp_path / "dask", options=options, scheduler=cluster.scheduler_address).resumed == 3
    )


def test_an_unreachable_scheduler_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from draftkit.batch import runner
    from draftkit.errors import UsageError

    monkeypatch.setattr(runner, "SCHEDULER_TIMEOUT", "1s")

    rows = write_pairs(tmp_path / "in", 1)
    jobs = read_manifest(write_csv(tmp_path / "in" / "pairs.csv", rows))
    with pytest.raises(UsageError, match="cannot reach the Dask scheduler"):
        run_batch(jobs, tmp_path / "out", scheduler="tcp://127.0.0.1:9", options=make_options())
