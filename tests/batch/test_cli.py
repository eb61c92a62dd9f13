"""`draftkit batch` on the command line: exit codes, stderr lines, and Ctrl-C leaving OUTDIR
consistent (a subprocess interrupted mid-batch; a rerun resumes what it finished)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from draftkit.batch import make_options, read_manifest, run_batch
from draftkit.cli import main
from tests.batch.corpus import OLD, big, write_csv, write_pairs

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["batch", *args])


def test_all_good_exits_0_and_a_rerun_resumes(tmp_path: Path) -> None:
    manifest = write_csv(tmp_path / "in" / "pairs.csv", write_pairs(tmp_path / "in", 2))
    out = tmp_path / "out"
    first = _run(str(manifest), "-o", str(out), "--jobs", "1", "--date", "2026-11-24")
    assert first.exit_code == 0, first.output
    assert first.stdout == ""
    assert "batch: 2 jobs: 2 done, 0 failed; see " in first.stderr
    assert (out / "pair_0" / "report.html").is_file() and (out / "index.html").is_file()
    again = _run(str(manifest), "-o", str(out), "--jobs", "1", "--date", "2026-11-24")
    assert again.exit_code == 0 and "2 done (2 resumed)" in again.stderr


def test_a_failed_job_exits_1_with_its_line(tmp_path: Path) -> None:
    manifest = write_csv(tmp_path / "in" / "pairs.csv", write_pairs(tmp_path / "in", 3, broken=(1,)))
    result = _run(str(manifest), "-o", str(tmp_path / "out"), "-j", "1", "--format", "md")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("draftkit: error:")]
    assert len(errors) == 1 and errors[0].startswith("draftkit: error: pair 1: ") and "new_1.txt" in errors[0]
    assert "3 jobs: 2 done, 1 failed" in result.stderr
    assert (tmp_path / "out" / "pair_2" / "report.md").is_file()


def test_fail_fast_exits_1_and_runs_nothing_after(tmp_path: Path) -> None:
    manifest = write_csv(tmp_path / "in" / "pairs.csv", write_pairs(tmp_path / "in", 3, broken=(0,)))
    result = _run(str(manifest), "-o", str(tmp_path / "out"), "-j", "1", "--fail-fast")
    assert result.exit_code == 1 and "0 done, 1 failed, 2 not run" in result.stderr


def test_usage_input_and_schema_exit_codes(tmp_path: Path) -> None:
    folder = tmp_path / "rounds"
    folder.mkdir()
    for k in range(3):
        (folder / f"round-{k + 1}.txt").write_text(OLD.replace("30", str(30 + k)), encoding="utf-8")
    no_pairs = _run(str(folder), "-o", str(tmp_path / "out"))
    assert no_pairs.exit_code == 2 and "--pairs consecutive" in no_pairs.stderr
    missing = _run(str(tmp_path / "absent.csv"), "-o", str(tmp_path / "out"))
    assert missing.exit_code == 3 and missing.stderr.count("\n") == 1
    (tmp_path / "file").write_text("x", encoding="utf-8")
    on_file = _run(str(folder), "--pairs", "consecutive", "-o", str(tmp_path / "file"))
    assert on_file.exit_code == 2
    taxonomy = tmp_path / "t.toml"
    taxonomy.write_text("[[categories]]\n", encoding="utf-8")
    bad = _run(
        str(folder), "--pairs", "consecutive", "-o", str(tmp_path / "out"), "--taxonomy", str(taxonomy)
    )
    assert bad.exit_code == 4
    assert (
        _run(
            str(folder), "--pairs", "consecutive", "-o", str(tmp_path / "out"), "--author", "a\x1bb"
        ).exit_code
        == 2
    )
    good = _run(str(folder), "--pairs", "consecutive", "-o", str(tmp_path / "out"), "-j", "1")
    assert good.exit_code == 0
    names = [r["job"] for r in json.loads((tmp_path / "out" / "summary.json").read_text())["rows"]]
    assert names == ["round-1--round-2", "round-2--round-3"]


def test_help_ends_with_an_example() -> None:
    result = CliRunner().invoke(main, ["batch", "--help"])
    assert result.exit_code == 0 and "Example: draftkit batch" in result.output


def test_ctrl_c_leaves_outdir_consistent(tmp_path: Path) -> None:
    """SIGINT to a batch running slow jobs on 2 workers: exit 130, one line; every folder with
    a record holds all its reports, none holds a temporary file; the summary lists the
    unfinished jobs as 'not run'; a rerun skips exactly the finished ones."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    rows = []
    for k in range(8):
        (inputs / f"old_{k}.txt").write_text(big(k, 60), encoding="utf-8")
        (inputs / f"new_{k}.txt").write_text(big(k + 1, 60), encoding="utf-8")
        rows.append((f"old_{k}.txt", f"new_{k}.txt", f"slow {k}"))
    manifest = write_csv(inputs / "pairs.csv", rows)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    args = [
        "batch",
        str(manifest),
        "-o",
        str(out),
        "-j",
        "2",
        "--format",
        "json",
        "--format",
        "docx",
        "--date",
        "2026-11-24",
    ]
    code = "import sys; from draftkit.cli import main; sys.argv[0] = 'draftkit'; main()"
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 120
        while not list(out.glob("*/job.json")):
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "no job finished in 120 s"
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 130, stderr.decode()
    assert stdout == b"" and stderr.decode().strip().endswith("draftkit: interrupted")
    rows_out = json.loads((out / "summary.json").read_text())["rows"]
    done = {r["job"] for r in rows_out if r["status"] == "ok"}
    assert 1 <= len(done) < 8 and {r["status"] for r in rows_out} <= {"ok", "not run"}
    assert not [p for p in out.rglob("*") if ".draftkit-tmp-" in p.name]
    for folder in (p for p in out.iterdir() if p.is_dir()):
        if (folder / "job.json").exists():
            assert folder.name in done
            assert sorted(p.name for p in folder.iterdir()) == ["diff.json", "job.json", "redline.docx"]
        else:
            assert folder.name not in done  # half done: not counted, run again next time
    # The rerun (of the finished ones only, to keep the test short) skips every one of them.
    jobs = [j for j in read_manifest(manifest) if j.name in done]
    options = make_options(formats=("json", "docx"), date="2026-11-24")
    assert run_batch(jobs, out, options=options, workers=1).resumed == len(done)
