"""Long fuzzing run: random and mutated drafts (text, DOCX XML, draftkit XML) through parse,
validate, diff and every redline format; each must succeed or raise a DraftkitError.

    python benchmarks/fuzz.py [--examples N] [--pairs N] [--seed S] [--keep DIR]

The same strategies and properties as tests/hostile/test_fuzz.py (tests/fuzz_strategies.py),
without the CI budget. Unlike a test, the run does not stop at the first failure: each one
is recorded (exception type and message) and its input saved under --keep for replay, and
a summary is printed at the end: examples run, outcomes, failures, time, peak memory.
Exit status 1 if anything failed.
"""

from __future__ import annotations

import argparse
import collections
import random
import resource
import sys
import tempfile
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "src"))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from tests.fuzz_strategies import check_file, check_pair, draft_files  # noqa: E402

from draftkit import api  # noqa: E402
from draftkit.errors import DraftkitError  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=3000, help="single files to try (parse + validate)")
    parser.add_argument("--pairs", type=int, default=1000, help="pairs to try (diff + redline in 4 formats)")
    parser.add_argument("--seed", type=int, default=random.SystemRandom().randrange(2**32))
    parser.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "draftkit-fuzz-failures")
    args = parser.parse_args()

    outcomes: collections.Counter[str] = collections.Counter()
    failures: list[str] = []
    counted = {"files": 0, "pairs": 0}

    def fail(kind: str, inputs: list[tuple[str, bytes]], exc: BaseException) -> None:
        folder = args.keep / f"{kind}-{len(failures):04d}"
        folder.mkdir(parents=True, exist_ok=True)
        for i, (name, data) in enumerate(inputs):
            (folder / f"{i}-{name}").write_bytes(data)
        (folder / "traceback.txt").write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
        failures.append(f"{kind}: {type(exc).__name__}: {exc} (input in {folder})")

    def outcome(name: str, data: bytes) -> str:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / name
            path.write_bytes(data)
            try:
                api.parse(path)
            except DraftkitError as exc:
                return str(exc).rsplit(": ", 1)[-1][:60]
            return "parsed"

    common = {"deadline": None, "database": None, "suppress_health_check": list(HealthCheck)}

    @seed(args.seed)
    @settings(max_examples=args.examples, **common)  # type: ignore[arg-type]
    @given(draft_files())
    def files(file: tuple[str, bytes]) -> None:
        counted["files"] += 1
        outcomes[outcome(*file)] += 1
        with tempfile.TemporaryDirectory() as folder:
            try:
                check_file(Path(folder), *file)
            except Exception as exc:
                fail("file", [file], exc)

    @seed(args.seed + 1)
    @settings(max_examples=args.pairs, **common)  # type: ignore[arg-type]
    @given(draft_files(), draft_files())
    def pairs(old: tuple[str, bytes], new: tuple[str, bytes]) -> None:
        counted["pairs"] += 1
        with tempfile.TemporaryDirectory() as folder:
            try:
                check_pair(Path(folder), old, new)
            except Exception as exc:
                fail("pair", [old, new], exc)

    start = time.perf_counter()
    files()
    pairs()
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(
        f"seed {args.seed}: {counted['files']} files, {counted['pairs']} pairs in {elapsed:.0f} s, peak {peak} MB"
    )
    print("single-file outcomes (parse):")
    for what, count in outcomes.most_common():
        print(f"  {count:6}  {what}")
    print(f"failures: {len(failures)}")
    for line in failures[:50]:
        print(f"  {line}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
