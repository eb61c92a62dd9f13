"""Benchmark (issue 12): LibreOffice's own Accept All / Reject All on draftkit's redlines.

    python benchmarks/lo_oracle.py FOLDER [TESTS_CS] [--only ID] [--json OUT] [--keep DIR]

Pairs: with TESTS_CS (Open-Xml-PowerTools' `WmlComparerTests.cs`), the `WC003_Compare` rows
read as `benchmarks/wmlcomparer.py` reads them, the documents from FOLDER (its `TestFiles/`);
without it, the DOCX files of FOLDER in name order, each with the next.

Per pair: draftkit compares the two files and writes its DOCX redline; one headless
LibreOffice (`tests/lo_oracle.py`) accepts every tracked change of the redline and shows its
text, rejects every one and shows its text, and shows the new and the old document as they
are (their own tracked changes accepted, the view draftkit reads them in). `ok` when the texts agree (body with table cells, footnotes, endnotes; empty paragraphs
left out, whitespace runs as one space; list numbers apart), `mismatch` with the first
differing paragraph, `crash` when LibreOffice fails on the file, `-` when draftkit refused
the pair or found no change. List numbers are counted separately (`labels`: the paragraphs
whose number differs in the accept / reject view).
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from tests.lo_oracle import LibreOffice, OfficeError, Shown, View  # noqa: E402
from wmlcomparer import pairs as cs_pairs  # noqa: E402


@dataclass
class Result:
    id: str
    old: str
    new: str
    changes: int = 0
    accept: str = ""  # ok | mismatch | crash | -
    reject: str = ""
    labels: str = ""  # differing list numbers, accept/reject
    detail: str = ""


def _first_difference(got: Shown, want: Shown) -> str | None:
    a, b = got.texts(), want.texts()
    for k, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return f"paragraph {k + 1}: {x[:50]!r} vs {y[:50]!r}"
    return None if len(a) == len(b) else f"{len(a)} paragraphs vs {len(b)}"


def write_redline(folder: Path, result: Result, work: Path) -> Path | None:
    """draftkit's redline of one pair, written to `work` (None when draftkit refused the pair
    or found no change: noted in `result`)."""
    from draftkit.compare import compare
    from draftkit.errors import DraftkitError
    from draftkit.readers import read
    from draftkit.render.docx_redline import render_docx

    try:
        comparison = compare(read(folder / result.old), read(folder / result.new))
        result.changes = sum(1 for c in comparison.changes if c.is_change)
        data = render_docx(comparison, author="benchmark", date="2026-01-01T00:00:00Z")
    except DraftkitError as exc:
        result.accept = result.reject = "-"
        result.detail = f"refused: {exc}"[:120]
        return None
    except Exception as exc:  # a crash of draftkit is wmlcomparer.py's business: noted, not judged here
        result.accept = result.reject = "-"
        result.detail = f"draftkit: {type(exc).__name__}: {exc}"[:120]
        return None
    if not result.changes:
        result.accept = result.reject = "-"
        result.detail = "no changes"
        return None
    redline = work / f"{result.id}.docx"
    redline.write_bytes(data)
    return redline


def requests(folder: Path, result: Result, redline: Path) -> list[tuple[Path, View]]:
    """The four reads a pair is judged on: the redline accepted and rejected, the new and the
    old document with their own tracked changes accepted (the view draftkit reads them in)."""
    return [
        (redline, "accept"),
        (redline, "reject"),
        (folder / result.new, "accept"),
        (folder / result.old, "accept"),
    ]


def judge(result: Result, shown: Sequence[Shown | OfficeError]) -> None:
    """`result`'s accept, reject, labels and detail from the four reads of `requests`."""
    labels = []
    for field, got, want in (("accept", shown[0], shown[2]), ("reject", shown[1], shown[3])):
        if isinstance(got, OfficeError) or isinstance(want, OfficeError):
            setattr(result, field, "crash")
            result.detail = result.detail or f"{field}: {got if isinstance(got, OfficeError) else want}"[:120]
            labels.append("?")
            continue
        difference = _first_difference(got, want)
        setattr(result, field, "ok" if difference is None else "mismatch")
        if difference is not None and not result.detail:
            result.detail = f"{field}: {difference}"
        labels.append(str(sum(x != y for x, y in zip(got.labels(), want.labels(), strict=False))))
    result.labels = "/".join(labels)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("tests_cs", type=Path, nargs="?")
    parser.add_argument("--only")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--keep", type=Path, help="folder to keep the redlines LibreOffice disagrees on")
    args = parser.parse_args()
    if args.tests_cs is not None:
        rows = [(ident, old, new) for ident, old, new, _ in cs_pairs(args.tests_cs)]
    else:
        files = sorted(p.name for p in args.folder.glob("*.docx"))
        rows = [(f"P{k + 1:03}", a, b) for k, (a, b) in enumerate(itertools.pairwise(files))]
    rows = [r for r in rows if not args.only or r[0] == args.only]
    work = Path(tempfile.mkdtemp(prefix="lo-oracle-bench-"))
    results: list[Result] = []
    judged: list[tuple[Result, list[tuple[Path, View]]]] = []
    started = time.perf_counter()
    for k, (ident, old, new) in enumerate(rows, 1):
        result = Result(ident, old, new)
        results.append(result)
        if not (args.folder / old).exists() or not (args.folder / new).exists():
            result.accept = result.reject = "-"
            result.detail = "missing"
            continue
        redline = write_redline(args.folder, result, work)
        if redline is not None:
            judged.append((result, requests(args.folder, result, redline)))
        if k % 20 == 0:
            print(f"lo_oracle: {k}/{len(rows)} redlines written", file=sys.stderr)
    # Every read at once: LibreOffice.read_all spreads them over its soffice processes.
    with LibreOffice(timeout=120) as office:
        shown = office.read_all([request for _, four in judged for request in four])
    for k, (result, _) in enumerate(judged):
        judge(result, shown[4 * k : 4 * k + 4])
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        for result, four in judged:
            if (result.accept, result.reject) != ("ok", "ok"):
                shutil.copy(four[0][0], args.keep / four[0][0].name)
    width = max((len(r.id) for r in results), default=4)
    print(f"{'pair':{width}}  changes  accept    reject    labels  detail")
    for r in results:
        print(f"{r.id:{width}}  {r.changes:7}  {r.accept:8}  {r.reject:8}  {r.labels:6}  {r.detail[:90]}")
    judged = [r for r in results if r.accept not in ("-", "")]
    print()
    print(f"pairs {len(results)}; judged (draftkit wrote a redline with changes) {len(judged)}")
    for field, side in (("accept", "new"), ("reject", "old")):
        ok = sum(1 for r in judged if getattr(r, field) == "ok")
        crash = sum(1 for r in judged if getattr(r, field) == "crash")
        print(f"LibreOffice {field}-all of the redline shows the {side} document's text: {ok}/{len(judged)}"
              f" (LibreOffice failures {crash})")  # fmt: skip
    same_numbers = sum(1 for r in judged if r.labels == "0/0")
    print(f"list numbers the same in both views: {same_numbers}/{len(judged)}")
    print(f"seconds {time.perf_counter() - started:.0f}")
    shutil.rmtree(work, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
