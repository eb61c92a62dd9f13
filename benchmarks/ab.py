"""Interleaved A/B of two checkouts (issue 18): is a change faster, on a machine whose speed
drifts (shared, throttled)? Times the same `draftkit` command with each checkout's `src/`,
alternating A and B (ABBA…) in fresh interpreters, on the 13,200-provision pair of floor.py.

    python benchmarks/ab.py A_SRC [B_SRC] [--runs 12] [--n 13200] [--command diff|json|redline|html]
                            [--pair OLD NEW]

A_SRC, B_SRC: a checkout's `src/` folder (B: this checkout's by default), beside its
`schemas/`; for a commit, `git worktree add /tmp/a <rev>` first and give /tmp/a/src. Both are compiled to bytecode
first, as an install leaves them. Printed per side: best, first quartile and median; then
the median of the paired ratios B/A (each pair of runs taken back to back, so drift moves
both): below 1.00 means B is faster. `--pair OLD NEW`: time that pair of drafts instead (any
formats draftkit reads: ../shared/realtexts, public test files), kept where it is. Runs of one command on one pair: a guide, not a proof —
repeat it, and say how many runs a claim rests on.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

_RUN = "import sys; from draftkit.cli import run; sys.argv[0] = 'draftkit'; sys.exit(run())"


def _compiled(src: Path) -> dict[str, str]:
    """The environment that runs `src`'s draftkit from compiled bytecode (see floor.py)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(src)], check=True, env=env)
    return {**env, "PYTHONPATH": str(src)}


def _time(env: dict[str, str], args: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _RUN, *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        said = done.stderr.strip().splitlines()[-1:] or ["(nothing on stderr)"]
        raise SystemExit(
            f"draftkit with PYTHONPATH={env['PYTHONPATH']} failed (exit {done.returncode}): {said[0]}"
        )
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a_src", type=Path)
    parser.add_argument("b_src", type=Path, nargs="?", default=HERE.parent / "src")
    parser.add_argument("--runs", type=int, default=12)
    parser.add_argument("--n", type=int, default=13_200)
    parser.add_argument("--command", choices=("diff", "json", "redline", "html"), default="diff")
    parser.add_argument("--pair", nargs=2, type=Path, metavar=("OLD", "NEW"), help="drafts to time instead")
    args = parser.parse_args()
    for src in (args.a_src, args.b_src):
        if not (src / "draftkit" / "__init__.py").is_file():
            parser.error(f"{src} is not a checkout's src/ folder (no draftkit/__init__.py in it)")
    from make_big_draft import make_draft

    from compare import edit
    from draftkit.render.docx_draft import write_draft_docx

    envs = {"A": _compiled(args.a_src.resolve()), "B": _compiled(args.b_src.resolve())}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.pair:
            a, b = (path.resolve() for path in args.pair)
        else:
            old = make_draft(args.n, seed=args.n)
            a, b = folder / "old.docx", folder / "new.docx"
            write_draft_docx(old, a)
            write_draft_docx(edit(old, seed=args.n + 1), b)
            del old
        command = {
            "diff": ["diff", str(a), str(b), "-o", str(folder / "x.txt")],
            "json": ["diff", str(a), str(b), "-o", str(folder / "x.json")],
            "redline": ["redline", str(a), str(b), "-o", str(folder / "x.docx"), "--date", "2026-11-24"],
            "html": ["redline", str(a), str(b), "-o", str(folder / "x.html"), "--date", "2026-11-24"],
        }[args.command]
        for env in envs.values():
            _time(env, command)  # a first run each: caches of the file system, not timed
        times: dict[str, list[float]] = {"A": [], "B": []}
        ratios = []
        for k in range(args.runs):
            order = ("A", "B") if k % 2 == 0 else ("B", "A")
            taken = {side: _time(envs[side], command) for side in order}
            for side, seconds in taken.items():
                times[side].append(seconds)
            ratios.append(taken["B"] / taken["A"])
    what = f"{args.pair[0]} → {args.pair[1]}" if args.pair else f"{args.n:,} provisions"
    print(f"{args.command} on {what}, {args.runs} runs each, interleaved")
    for side, src in (("A", args.a_src), ("B", args.b_src)):
        runs = sorted(times[side])
        print(
            f"  {side} {src}: best {runs[0]:.3f} s, first quartile {runs[len(runs) // 4]:.3f} s, "
            f"median {statistics.median(runs):.3f} s"
        )
    print(f"  B/A, median of the paired ratios: {statistics.median(ratios):.3f} (below 1: B is faster)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
