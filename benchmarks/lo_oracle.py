"""Benchmark (issue 12): LibreOffice's own Accept All / Reject All on draftkit's redlines.

    python benchmarks/lo_oracle.py FOLDER [TESTS_CS] [--only ID] [--json OUT]

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
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from tests.lo_oracle import LibreOffice, OfficeError, Shown  # noqa: E402
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
    seconds: float = 0.0


def _first_difference(got: Shown, want: Shown) -> str | None:
    a, b = got.texts(), want.texts()
    for k, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return f"paragraph {k + 1}: {x[:50]!r} vs {y[:50]!r}"
    return None if len(a) == len(b) else f"{len(a)} paragraphs vs {len(b)}"


def run_pair(office: LibreOffice, folder: Path, ident: str, old: str, new: str, work: Path) -> Result:
    """One pair: draftkit's redline, then LibreOffice's views of it and of both documents."""
    from draftkit.compare import compare
    from draftkit.errors import DraftkitError
    from draftkit.readers import read
    from draftkit.render.docx_redline import render_docx

    result = Result(ident, old, new)
    start = time.perf_counter()
    try:
        comparison = compare(read(folder / old), read(folder / new))
        result.changes = sum(1 for c in comparison.changes if c.is_change)
        data = render_docx(comparison, author="benchmark", date="2026-01-01T00:00:00Z")
    except DraftkitError as exc:
        result.accept = result.reject = "-"
        result.detail = f"refused: {exc}"[:120]
        return result
    except Exception as exc:  # a crash of draftkit is wmlcomparer.py's business: noted, not judged here
        result.accept = result.reject = "-"
        result.detail = f"draftkit: {type(exc).__name__}: {exc}"[:120]
        return result
    if not result.changes:
        result.accept = result.reject = "-"
        result.detail = "no changes"
        return result
    redline = work / f"{ident}.docx"
    redline.write_bytes(data)
    labels = []
    for field, view, source in (("accept", "accept", new), ("reject", "reject", old)):
        try:
            # draftkit reads both drafts with their own tracked changes accepted: so does the oracle.
            got, want = office.read(redline, view), office.read(folder / source, "accept")  # type: ignore[arg-type]
        except OfficeError as exc:
            setattr(result, field, "crash")
            result.detail = result.detail or f"{field}: {exc}"[:120]
            labels.append("?")
            continue
        difference = _first_difference(got, want)
        setattr(result, field, "ok" if difference is None else "mismatch")
        if difference is not None and not result.detail:
            result.detail = f"{field}: {difference}"
        labels.append(str(sum(x != y for x, y in zip(got.labels(), want.labels(), strict=False))))
    result.labels = "/".join(labels)
    result.seconds = round(time.perf_counter() - start, 3)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("tests_cs", type=Path, nargs="?")
    parser.add_argument("--only")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if args.tests_cs is not None:
        rows = [(ident, old, new) for ident, old, new, _ in cs_pairs(args.tests_cs)]
    else:
        files = sorted(p.name for p in args.folder.glob("*.docx"))
        rows = [(f"P{k + 1:03}", a, b) for k, (a, b) in enumerate(itertools.pairwise(files))]
    rows = [r for r in rows if not args.only or r[0] == args.only]
    work = Path(tempfile.mkdtemp(prefix="lo-oracle-bench-"))
    results: list[Result] = []
    started = time.perf_counter()
    with LibreOffice(timeout=120) as office:
        for k, (ident, old, new) in enumerate(rows, 1):
            if not (args.folder / old).exists() or not (args.folder / new).exists():
                results.append(Result(ident, old, new, accept="-", reject="-", detail="missing"))
                continue
            results.append(run_pair(office, args.folder, ident, old, new, work))
            if k % 20 == 0:
                print(f"lo_oracle: {k}/{len(rows)} pairs", file=sys.stderr)
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
