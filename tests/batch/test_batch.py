"""The batch as a library: failed jobs among good ones, resume, fail-fast, the summary
files' columns, index.html escaping, and the same OUTDIR bytes whatever the worker count."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest

from draftkit.batch import make_options, read_manifest, run_batch
from draftkit.batch.summary import COUNTS
from draftkit.errors import SchemaError
from tests.batch.corpus import tree, write_csv, write_pairs

DATE = "2026-11-24"


def _jobs(tmp_path: Path, n: int, broken: tuple[int, ...] = (), labels: dict[int, str] | None = None):
    rows = write_pairs(tmp_path / "in", n, broken=broken)
    for k, label in (labels or {}).items():
        rows[k] = (rows[k][0], rows[k][1], label)
    return read_manifest(write_csv(tmp_path / "in" / "pairs.csv", rows))


def test_a_broken_file_fails_its_job_and_the_rest_complete(tmp_path: Path) -> None:
    jobs = _jobs(tmp_path, 4, broken=(1,))
    report = run_batch(jobs, tmp_path / "out", options=make_options(date=DATE), workers=1)
    assert [r.status for r in report.results] == ["ok", "failed", "ok", "ok"]
    failed = report.failed[0]
    assert failed.exit_code == 3 and "new_1.txt" in failed.error and "\n" not in failed.error
    assert not (tmp_path / "out" / "pair_1").exists()  # no folder for a failed job
    for k in (0, 2, 3):
        folder = tmp_path / "out" / f"pair_{k}"
        assert sorted(p.name for p in folder.iterdir()) == ["diff.json", "job.json", "report.html"]
        assert json.loads((folder / "diff.json").read_text())["summary"]["modified"] >= 1
    rows = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert (rows["ok"], rows["failed"], rows["not_run"]) == (3, 1, 0)
    bad = rows["rows"][1]
    assert (bad["status"], bad["exit_code"], bad["modified"], bad["report"]) == ("failed", 3, None, None)
    assert bad["error"] == failed.error


def test_summary_columns_csv_equals_json(tmp_path: Path) -> None:
    jobs = _jobs(tmp_path, 2, broken=(1,))
    run_batch(jobs, tmp_path / "out", options=make_options(date=DATE), workers=1)
    with (tmp_path / "out" / "summary.csv").open(encoding="utf-8", newline="") as stream:
        table = list(csv.DictReader(stream))
    document = json.loads((tmp_path / "out" / "summary.json").read_text())
    header = list(table[0])
    assert header == document["columns"]
    assert header[:10] == [
        "label",
        "job",
        "old",
        "new",
        "status",
        "resumed",
        "error",
        "exit_code",
        "seconds",
        "warnings",
    ]
    assert header[10] == "not_compared"
    assert [c for c in header if c in COUNTS] == list(COUNTS)
    assert {
        "flags_high",
        "flags_medium",
        "flags_low",
        "highest_flag",
        "flags_territory",
        "flags_general",
        "report",
    } <= set(header)
    good, bad = table
    assert good["status"] == "ok" and int(good["modified"]) >= 1 and good["report"] == "pair_0/report.html"
    # The flags per category add up to the flags per severity.
    by_severity = sum(int(good[f"flags_{s}"]) for s in ("high", "medium", "low"))
    assert by_severity > 0
    assert (
        sum(int(good[c]) for c in header if c.startswith("flags_") and c[6:] not in ("high", "medium", "low"))
        == by_severity
    )
    assert good["highest_flag"] in ("high", "medium", "low")
    assert (bad["status"], bad["modified"], bad["flags_high"], bad["exit_code"]) == ("failed", "", "", "3")
    assert float(good["seconds"]) > 0


def test_resume_skips_matching_jobs_and_reruns_changed_ones(tmp_path: Path) -> None:
    jobs = _jobs(tmp_path, 3)
    out = tmp_path / "out"
    options = make_options(date=DATE)
    first = run_batch(jobs, out, options=options, workers=1)
    assert first.resumed == 0
    before = tree(out)
    again = run_batch(jobs, out, options=options, workers=1)
    assert again.resumed == 3 and [r.counts for r in again.results] == [r.counts for r in first.results]
    # An input changed, a report deleted, a job stopped half-way (no record): those run again.
    (tmp_path / "in" / "new_0.txt").write_text(
        "Article 1 — Ceasefire\n1. Nothing is agreed.\n", encoding="utf-8"
    )
    (out / "pair_1" / "report.html").unlink()
    (out / "pair_2" / "job.json").unlink()
    third = run_batch(jobs, out, options=options, workers=1)
    assert [r.resumed for r in third.results] == [False, False, False]
    assert tree(out)["pair_1/report.html"] == before["pair_1/report.html"]
    # Other options (a format more, another date): every job runs again; stale formats go.
    fourth = run_batch(jobs, out, options=make_options(date=DATE, formats=("md",)), workers=1)
    assert fourth.resumed == 0
    assert sorted(p.name for p in (out / "pair_0").iterdir()) == ["job.json", "report.md"]
    assert (
        run_batch(jobs, out, options=make_options(date="2026-11-25", formats=("md",)), workers=1).resumed == 0
    )


def test_fail_fast_stops_and_lists_the_rest_as_not_run(tmp_path: Path) -> None:
    jobs = _jobs(tmp_path, 3, broken=(0,))
    report = run_batch(jobs, tmp_path / "out", options=make_options(date=DATE), workers=1, fail_fast=True)
    assert [r.status for r in report.results] == ["failed"]
    rows = json.loads((tmp_path / "out" / "summary.json").read_text())["rows"]
    assert [r["status"] for r in rows] == ["failed", "not run", "not run"]
    assert not (tmp_path / "out" / "pair_1").exists()


def test_index_escapes_labels_and_links(tmp_path: Path) -> None:
    hostile = '<script>alert("x")</script> & \x1b[31m'
    jobs = _jobs(tmp_path, 2, broken=(1,), labels={0: hostile, 1: "<img src=x onerror=alert(1)>"})
    run_batch(jobs, tmp_path / "out", options=make_options(date=DATE), workers=1)
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "<script" not in page and "<img" not in page and "\x1b" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; \\x1b[31m" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert f'href="{jobs[0].name}/report.html"' in page
    assert "default-src 'none'" in page
    # The label stays as given in the data files (escaping is the page's business).
    assert json.loads((tmp_path / "out" / "summary.json").read_text())["rows"][0]["label"] == hostile


def test_every_format_and_a_docx_that_opens(tmp_path: Path) -> None:
    jobs = _jobs(tmp_path, 1)
    options = make_options(date=DATE, formats=("docx", "md", "json", "html"))
    (result,) = run_batch(jobs, tmp_path / "out", options=options, workers=1).results
    assert result.outputs == ("report.html", "report.md", "diff.json", "redline.docx")
    with zipfile.ZipFile(tmp_path / "out" / "pair_0" / "redline.docx") as package:
        assert "<w:ins " in package.read("word/document.xml").decode()


def test_same_outdir_bytes_whatever_the_worker_count(tmp_path: Path) -> None:
    jobs = _jobs(tmp_path, 5, broken=(2,))
    options = make_options(date=DATE, formats=("json", "html", "md", "docx"))
    one = run_batch(jobs, tmp_path / "one", options=options, workers=1)
    two = run_batch(jobs, tmp_path / "two", options=options, workers=2)
    assert [r.job.name for r in one.results] == [r.job.name for r in two.results]
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_a_bad_taxonomy_stops_before_any_job(tmp_path: Path) -> None:
    jobs = _jobs(tmp_path, 1)
    taxonomy = tmp_path / "tax.toml"
    taxonomy.write_text("categories = 3\n", encoding="utf-8")
    with pytest.raises(SchemaError):
        run_batch(jobs, tmp_path / "out", options=make_options(taxonomy=taxonomy), workers=1)
    assert not (tmp_path / "out" / "pair_0").exists()


def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text(tmp_path: Path) -> None:
    """A label (or a draft's name) opening with '=', '+', '-' or '@' is a formula to Excel and
    LibreOffice Calc ('=HYPERLINK(…)' from a counterpart's file): summary.csv writes it after an
    apostrophe, as OWASP advises; summary.json keeps it as given."""
    label = '=HYPERLINK("http://example.invalid","open")'
    jobs = _jobs(tmp_path, 2, labels={0: label, 1: "-1+2"})
    run_batch(jobs, tmp_path / "out", options=make_options(date=DATE), workers=1)
    with (tmp_path / "out" / "summary.csv").open(encoding="utf-8", newline="") as stream:
        labels = [row["label"] for row in csv.DictReader(stream)]
    assert labels == ["'" + label, "'-1+2"]
    document = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert [row["label"] for row in document["rows"]] == [label, "-1+2"]


def test_a_part_not_compared_is_counted_apart_and_said(tmp_path: Path) -> None:
    """Reading warnings go to each job's reports and a count in the summary; one that says a
    part was not compared or not weighed (here a provision too long for the risk rules) has a
    column of its own, and the command says which job holds one."""
    import random

    from click.testing import CliRunner

    from draftkit.cli import main
    from draftkit.limits import WEIGH_CHARS

    rng = random.Random(5)
    words = ["the", "parties", "shall", "withdraw", "forces", "within", "thirty", "days"]
    old = [rng.choice(words) for _ in range(WEIGH_CHARS // 8)]
    new = [w if k % 10 else rng.choice(words) for k, w in enumerate(old)]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "old.txt").write_text("1. " + " ".join(old) + ".\n", encoding="utf-8")
    (folder / "new.txt").write_text("1. " + " ".join(new) + ".\n", encoding="utf-8")
    manifest = write_csv(folder / "pairs.csv", [(str(folder / "old.txt"), str(folder / "new.txt"), "long")])
    result = CliRunner().invoke(main, ["batch", str(manifest), "-o", str(tmp_path / "out"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "1 job(s) hold parts not compared or not weighed (first: long)" in result.output
    row = json.loads((tmp_path / "out" / "summary.json").read_text())["rows"][0]
    assert row["not_compared"] >= 1 and row["warnings"] >= row["not_compared"]
