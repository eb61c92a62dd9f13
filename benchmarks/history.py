"""Benchmark: `draftkit history` over 10 rounds × 1,000 provisions and 3 rounds × 10,000.

Round 1 is a synthetic framework (benchmarks/make_big_draft.py); each next round is the
previous one with the edits benchmarks/compare.py gives a round (rewording, deletions,
additions, moves, a renumbering cascade), written as DOCX. Measured in a fresh process per
shape: the whole history (read every round once, compare and flag each step, chain the
lineages and brackets, render JSON) against the mean time of one pair diff (read two
rounds, compare, flag, JSON) over the same rounds, both after a small warm-up diff so that
one-time loads (taxonomy, word lists) count for neither. Times are CPU seconds of the
process (time.process_time), so other work on a shared machine does not skew the ratio.

    python benchmarks/history.py              # both shapes
    python benchmarks/history.py 3 10000      # one shape

Target (issue 16): history time ≤ (rounds − 1) × pair diff time; peak < 500 MB.
"""

from __future__ import annotations

import itertools
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from make_big_draft import make_draft  # noqa: E402

from compare import edit  # noqa: E402
from draftkit.render.docx_draft import write_draft_docx  # noqa: E402

SHAPES = ((10, 1_000), (3, 10_000))
PEAK_MB = 500


def measure(rounds: int, n: int, workdir: Path) -> dict[str, float]:
    """Runs in a child process: write the rounds, time the history, then the pair diffs."""
    from draftkit.api import diff
    from draftkit.history import history
    from draftkit.render.history_json import render_history_json
    from draftkit.render.json_diff import render_json

    drafts = [make_draft(n, seed=n)]
    for k in range(1, rounds):
        drafts.append(edit(drafts[-1], seed=n + k))
    paths = [workdir / f"round_{n}_{k + 1}.docx" for k in range(rounds)]
    for draft, path in zip(drafts, paths, strict=True):
        write_draft_docx(draft, path)
    del drafts
    # One-time loads (the taxonomy, word lists) are paid once per process by both sides:
    # a small diff first, so neither is charged for them.
    small = [workdir / "warm_1.docx", workdir / "warm_2.docx"]
    write_draft_docx(make_draft(50, seed=1), small[0])
    write_draft_docx(edit(make_draft(50, seed=1), seed=2), small[1])
    diff(*small)
    started = time.process_time()
    result = history(paths)
    text = render_history_json(result)
    elapsed = time.process_time() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lineages, events = len(result.lineages), sum(len(lin.events) for lin in result.lineages)
    del result
    pairs = list(itertools.pairwise(paths))[:3]  # three pairs give a stable mean
    started = time.process_time()
    for a, b in pairs:
        render_json(diff(a, b))
    pair = (time.process_time() - started) / len(pairs)
    return {
        "rounds": rounds,
        "n": n,
        "seconds": elapsed,
        "pair_seconds": pair,
        "peak_mb": peak,
        "lineages": lineages,
        "events": events,
        "json_mb": len(text) / 1e6,
    }


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(measure(int(sys.argv[2]), int(sys.argv[3]), Path(tmp))))
        return 0
    shapes = [(int(sys.argv[1]), int(sys.argv[2]))] if len(sys.argv) == 3 else list(SHAPES)
    failed = False
    for rounds, n in shapes:
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(rounds), str(n)],
            check=True,
            capture_output=True,
            text=True,
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        budget = (rounds - 1) * r["pair_seconds"]
        ok = r["seconds"] <= budget and r["peak_mb"] < PEAK_MB
        failed |= not ok
        print(
            f"history {rounds} rounds × {n:,} provisions: {r['seconds']:.2f} s CPU "
            f"(budget {budget:.2f} s = {rounds - 1} × pair diff {r['pair_seconds']:.2f} s), "
            f"peak {r['peak_mb']:.0f} MB, {r['lineages']:,.0f} lineages, {r['events']:,.0f} events, "
            f"JSON {r['json_mb']:.1f} MB  {'ok' if ok else 'OVER TARGET'}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
