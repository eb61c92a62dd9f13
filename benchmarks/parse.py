"""Benchmark: parse a ~10,000-provision DOCX (Word auto-numbering, ~2 MB of text).

    python benchmarks/parse.py [N ...]

Each size runs in a fresh process so peak memory (ru_maxrss) is that run's own.
Targets: 10,000 provisions under 0.3 s on an idle machine and growth 1,000 → 10,000 at most
11× (issue 18; issue 2's were 1 s and 200 MB peak).
"""

from __future__ import annotations

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

SIZES = (100, 1_000, 10_000)
REPEAT = 5


def measure(n: int, workdir: Path) -> dict[str, float]:
    """In a child process: write the DOCX, then time `draftkit.parse` (best of REPEAT)."""
    from make_big_draft import make_draft

    from draftkit.api import parse
    from draftkit.render.docx_draft import write_draft_docx

    path = workdir / f"draft_{n}.docx"
    draft = make_draft(n, seed=n)
    write_draft_docx(draft, path)
    chars = sum(len(p.text) + len(p.heading or "") for p in draft.walk())
    del draft
    times = []
    count = 0
    for _ in range(REPEAT):
        started = time.perf_counter()
        parsed = parse(path)
        times.append(time.perf_counter() - started)
        count = parsed.count()
        del parsed
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "n": n,
        "provisions": count,
        "best": min(times),
        "median": sorted(times)[REPEAT // 2],
        "peak_mb": peak,
        "text_mb": chars / 1e6,
        "docx_mb": path.stat().st_size / 1e6,
    }


def main() -> int:
    sizes = [int(a) for a in sys.argv[1:] if a.isdigit()] or list(SIZES)
    if "--child" in sys.argv:
        print(json.dumps(measure(sizes[0], Path(sys.argv[sys.argv.index("--child") + 1]))))
        return 0
    best: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            out = subprocess.run(
                [sys.executable, __file__, str(n), "--child", tmp], check=True, capture_output=True, text=True
            )
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(
                f"{r['provisions']:>6} provisions ({r['text_mb']:.2f} MB text, {r['docx_mb']:.2f} MB docx): "
                f"parse best {r['best']:.3f} s, median {r['median']:.3f} s, peak {r['peak_mb']:.0f} MB"
            )
            best[n] = r["best"]
    if 1_000 in best and 10_000 in best:
        print(f"growth 1,000 → 10,000: {best[10_000] / best[1_000]:.1f}× (target ≤ 11×; 10k target ≤ 0.3 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
