"""Benchmark: a DOCX redline of the 10,000-provision pair, end to end.

The pair is the one `benchmarks/compare.py` measures: `make_draft(n, seed=n)` and its next
round `edit(old, seed=n + 1)` (rewordings, deletions, insertions, moves, a new article that
renumbers every later one). End to end means read both DOCX files + compare + render the
redline (native tracked changes, every change flagged as a comment) + write it to disk.
Each measurement runs in a fresh process so peak memory (ru_maxrss) is its own.

    python benchmarks/redline.py              # 10,000 provisions, DOCX and text inputs
    python benchmarks/redline.py 1000 10000   # other sizes

Target: 10,000 vs 10,000 under 2 s and 400 MB peak. Where python-redlines is importable it
redlines the same pair for the ratio.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from make_big_draft import draft_to_text, make_draft  # noqa: E402

from compare import edit  # noqa: E402
from draftkit.render.docx_draft import write_draft_docx  # noqa: E402

SIZES = (10_000,)
TARGET_SECONDS = 2.0
TARGET_MB = 400


def prepare(n: int, workdir: Path) -> None:
    """Write the pair as DOCX (Word numbering) and as plain text."""
    old = make_draft(n, seed=n)
    new = edit(old, seed=n + 1)
    write_draft_docx(old, workdir / f"old_{n}.docx")
    write_draft_docx(new, workdir / f"new_{n}.docx")
    (workdir / f"old_{n}.txt").write_text(draft_to_text(old), encoding="utf-8")
    (workdir / f"new_{n}.txt").write_text(draft_to_text(new), encoding="utf-8")


def measure(n: int, fmt: str, workdir: Path) -> dict[str, float | str]:
    """Runs in a child process: read + compare + render + write, timed, peak memory."""
    started = time.perf_counter()
    from draftkit.compare import compare
    from draftkit.compare.changes import Flag
    from draftkit.readers import read
    from draftkit.readers.docx import read_docx_blocks  # noqa: F401  (imported here, not timed below)
    from draftkit.render.docx_draft import write_atomically
    from draftkit.render.docx_redline import render_docx

    imported = time.perf_counter()
    a, b = workdir / f"old_{n}.{fmt}", workdir / f"new_{n}.{fmt}"
    out = workdir / f"redline_{n}_{fmt}.docx"
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    old, new = read(a), read(b)
    t1 = time.perf_counter()
    comparison = compare(old, new)
    t2 = time.perf_counter()
    # Every content change flagged, so comments cost what they would at worst.
    flag = Flag("bench", "security_guarantees", "medium", "Changed in this round.")
    comparison = replace(
        comparison,
        changes=tuple(replace(c, flags=(flag,)) if c.is_change else c for c in comparison.changes),
    )
    data = render_docx(comparison)
    t3 = time.perf_counter()
    write_atomically(out, data)
    t4 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    counts = comparison.summary()
    return {
        "n": n, "format": fmt, "seconds": t4 - t0, "imports": imported - started, "read": t1 - t0,
        "compare": t2 - t1, "render": t3 - t2, "write": t4 - t3, "peak_mb": peak / 1024,
        "base_mb": base / 1024, "docx_mb": len(data) / 1e6, **{k: float(v) for k, v in counts.items()},
    }  # fmt: skip


def _python_redlines(n: int, workdir: Path, ours: float) -> str:
    try:
        from python_redlines.engines import XmlPowerToolsEngine  # type: ignore[import-not-found]
    except ImportError:
        return "  python-redlines: not importable (optional), not timed"
    a, b = workdir / f"old_{n}.docx", workdir / f"new_{n}.docx"
    started = time.perf_counter()
    XmlPowerToolsEngine().run_redline("bench", a.read_bytes(), b.read_bytes())
    t = time.perf_counter() - started
    return f"  python-redlines on the same pair: {t:.2f} s ({t / ours:.0f}× draftkit)"


def main() -> int:
    sizes = [int(a) for a in sys.argv[1:] if a.isdigit()] or list(SIZES)
    if "--child" in sys.argv:
        at = sys.argv.index("--child")
        workdir, fmt = Path(sys.argv[at + 1]), sys.argv[at + 2]
        print(json.dumps(measure(sizes[0], fmt, workdir)))
        return 0
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            prepare(n, Path(tmp))
            results = {}
            for fmt in ("docx", "txt"):
                out = subprocess.run(
                    [sys.executable, __file__, str(n), "--child", tmp, fmt],
                    check=True, capture_output=True, text=True,
                )  # fmt: skip
                r = json.loads(out.stdout.strip().splitlines()[-1])
                results[fmt] = r
                within = r["seconds"] < TARGET_SECONDS and r["peak_mb"] < TARGET_MB
                ok = ok and within
                print(
                    f"{n:>6} provisions, {fmt:>4} inputs: {r['seconds']:.2f} s end to end = read "
                    f"{r['read']:.2f} + compare {r['compare']:.2f} + redline {r['render']:.2f} + write "
                    f"{r['write']:.2f} (imports before: {r['imports']:.2f} s); peak {r['peak_mb']:.0f} MB; "
                    f"{r['docx_mb']:.1f} MB DOCX [{'within' if within else 'OVER'} {TARGET_SECONDS:.0f} s / "
                    f"{TARGET_MB} MB] (modified {r['modified']:.0f}, added {r['added']:.0f}, deleted "
                    f"{r['deleted']:.0f}, moved {r['moved']:.0f}, renumbered {r['renumbered']:.0f})"
                )
            if n == sizes[-1]:
                print(_python_redlines(n, Path(tmp), float(results["docx"]["seconds"])))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
