"""Benchmark (issue 12): draftkit on the comparison pairs of a peer's test suite.

    python benchmarks/wmlcomparer.py TESTFILES_DIR WMLCOMPARER_TESTS_CS [--timeout S] [--json OUT] [--only ID,ID…]

The pairs and the revision counts the peer asserts come from the peer's own test source
(Open-Xml-PowerTools, `OpenXmlPowerTools.Tests/WmlComparerTests.cs`, the `WC003_Compare`
InlineData rows: id, original, revised, revision count); the documents from its `TestFiles/`
folder. Both stay outside this repository (licences, size): the script takes their paths.

Per pair, in its own process with a timeout:
- diff: draftkit reads both files, compares and flags. `no changes` when draftkit finds no
  changed provision although the peer asserts revisions — the outcome that matters most
  (a negotiator would sign what the redline did not show).
- accept / reject: draftkit writes the DOCX redline; every tracked change in it is accepted
  (rejected) by draftkit's WordprocessingML resolver, in the body and in the footnote and
  endnote parts, and the visible text of every paragraph (body, tables, text boxes; numbers
  Word computes are not text) is compared with the new (old) document's own text: `ok`,
  `mismatch` or `crash`. Both sides are read in the reader's model (the one the redline
  writer edits in): a note shows at its reference as `⟦Footnote: …⟧` (its text from the
  resolved note part), an image as `⟦image sha256:…⟧` — so a placeholder written into the
  redline as text would compare equal: any `⟦` in a `w:t`/`w:delText` of the redline is
  a mismatch of its own ("placeholder written as text").
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing
import re
import sys
import time
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

_ROW = re.compile(r'^\s*\[InlineData\("(WC-\d+)",\s*"([^"]+)",\s*"([^"]+)",\s*(\d+)\)\]', re.MULTILINE)


@dataclass
class Result:
    id: str
    old: str
    new: str
    peer_revisions: int
    diff: str = ""  # changes | no changes | same | refused | crash | timeout
    changes: int = 0
    accept: str = ""  # ok | mismatch | crash | -
    reject: str = ""
    detail: str = ""
    seconds: float = 0.0


def pairs(tests_cs: Path) -> list[tuple[str, str, str, int]]:
    """(id, original, revised, revisions) of every WC003_Compare row that is not commented out."""
    text = tests_cs.read_text(encoding="utf-8-sig")
    return [(m[1], m[2], m[3], int(m[4])) for m in _ROW.finditer(text)]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _texts(parts: dict[str, bytes], view: str) -> list[str]:
    """Non-empty paragraph texts of a package in one view (tracked changes accepted or
    rejected, in the body and in the footnote and endnote parts), each as draftkit's reader
    shows it: notes at their reference, images and objects as placeholders
    (`render.wml.show_package`), text boxes as paragraphs of their own, the `mc:Choice` a word
    processor shows (other branches are not read)."""
    from draftkit.model.xmlio import parse_untrusted
    from draftkit.readers.docx_text import choose_branch
    from draftkit.render.wml import paragraph_text, resolve_revisions, show_package
    from draftkit.render.wml._objects import rel_kind

    main = "word/document.xml"
    root = parse_untrusted(parts[main], main)
    resolve_revisions(root, view)  # type: ignore[arg-type]
    resolved = dict(parts)
    for kind in ("footnotes", "endnotes"):
        part = rel_kind(parts, main, kind)
        if part is not None:
            note_root = parse_untrusted(parts[part], part)
            resolve_revisions(note_root, view)  # type: ignore[arg-type]
            from lxml import etree

            resolved[part] = etree.tostring(note_root)
    show_package(root, resolved, main, paragraph_text)
    skipped: set[object] = set()
    for alternate in root.iter(
        "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
    ):
        chosen = choose_branch(alternate)
        skipped.update(branch for branch in alternate if branch is not chosen)
    out = []
    for p in root.iter(f"{_W}p"):
        if any(a in skipped for a in p.iterancestors()):
            continue
        text = " ".join(paragraph_text(p).split())
        if text:
            out.append(text)
    return out


def _package(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = {n.lower(): n for n in z.namelist()}
        out = {n: z.read(n) for n in z.namelist()}
        main = names.get("word/document.xml")
        if main is not None and main != "word/document.xml":
            out["word/document.xml"] = out[main]
        return out


def _placeholders_as_text(data: bytes) -> str | None:
    """A placeholder written into the redline as text (w:t or w:delText), if any."""
    from draftkit.model.xmlio import parse_untrusted

    parts = _package(data)
    for name in ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml"):
        if name in parts:
            root = parse_untrusted(parts[name], name)
            for t in root.iter(f"{_W}t", f"{_W}delText"):
                if "⟦" in (t.text or ""):
                    return f"{name}: {t.text[:60]!r}"
    return None


def _first_difference(got: list[str], want: list[str]) -> str:
    for k, (a, b) in enumerate(zip(got, want, strict=False)):
        if a != b:
            return f"paragraph {k + 1}: {a[:60]!r} vs {b[:60]!r}"
    return f"{len(got)} paragraphs vs {len(want)}"


def run_pair(root: Path, row: tuple[str, str, str, int]) -> Result:
    """One pair, in the current process."""
    from draftkit.compare import compare
    from draftkit.errors import DraftkitError
    from draftkit.readers import read
    from draftkit.render.docx_redline import render_docx
    from draftkit.risk import flag, load_taxonomy

    ident, old_name, new_name, revisions = row
    result = Result(ident, old_name, new_name, revisions)
    start = time.perf_counter()
    old_path, new_path = root / old_name, root / new_name
    try:
        comparison = flag(compare(read(old_path), read(new_path)), load_taxonomy(None))
    except DraftkitError as exc:
        result.diff, result.detail = "refused", str(exc)[:200]
        result.accept = result.reject = "-"
        return result
    except Exception as exc:  # a crash is what this benchmark is for
        result.diff, result.detail = "crash", f"{type(exc).__name__}: {exc}"[:200]
        result.accept = result.reject = "-"
        return result
    result.changes = sum(1 for c in comparison.changes if c.is_change)
    if result.changes:
        result.diff = "changes"
    else:
        result.diff = "no changes" if revisions else "same"
    try:
        data = render_docx(comparison, author="benchmark", date="2026-01-01T00:00:00Z")
    except Exception as exc:
        result.accept = result.reject = "crash"
        result.detail = f"redline: {type(exc).__name__}: {exc}"[:200]
        return result
    written = _placeholders_as_text(data)
    if written is not None:
        result.detail = f"placeholder written as text: {written}"
    for view, path, field in (("accept", new_path, "accept"), ("original", old_path, "reject")):
        try:
            got, want = _texts(_package(data), view), _texts(_package(path.read_bytes()), "accept")
            verdict = "ok" if got == want and written is None else "mismatch"
            if verdict == "mismatch" and not result.detail:
                result.detail = f"{field}: {_first_difference(got, want)}"
        except Exception as exc:
            verdict = "crash"
            result.detail = result.detail or f"{field}: {type(exc).__name__}: {exc}"[:200]
        setattr(result, field, verdict)
    result.seconds = round(time.perf_counter() - start, 3)
    return result


def _child(root: Path, row: tuple[str, str, str, int], queue: multiprocessing.Queue[Result]) -> None:
    queue.put(run_pair(root, row))


def run_bounded(root: Path, row: tuple[str, str, str, int], timeout: float) -> Result:
    queue: multiprocessing.Queue[Result] = multiprocessing.Queue()
    process = multiprocessing.Process(target=_child, args=(root, row, queue))
    process.start()
    process.join(timeout)
    if process.is_alive():
        process.kill()
        process.join()
        return Result(row[0], row[1], row[2], row[3], diff="timeout", accept="-", reject="-")
    try:
        return queue.get(timeout=5)
    except Exception:
        return Result(row[0], row[1], row[2], row[3], diff="crash", accept="-", reject="-",
                      detail=f"worker exited {process.exitcode}")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("testfiles", type=Path)
    parser.add_argument("tests_cs", type=Path)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--only", help="pair ids, comma-separated")
    args = parser.parse_args()
    only = set(args.only.split(",")) if args.only else None
    rows = [r for r in pairs(args.tests_cs) if only is None or r[0] in only]
    results: list[Result] = []
    for k, row in enumerate(rows, 1):
        if not (args.testfiles / row[1]).exists() or not (args.testfiles / row[2]).exists():
            results.append(Result(*row, diff="missing", accept="-", reject="-"))
            continue
        results.append(run_bounded(args.testfiles, row, args.timeout))
        if k % 20 == 0:
            print(f"wmlcomparer: {k}/{len(rows)} pairs", file=sys.stderr)
    width = max((len(r.id) for r in results), default=6)
    print(f"{'pair':{width}}  peer  draftkit  diff        accept    reject    detail")
    for r in results:
        print(
            f"{r.id:{width}}  {r.peer_revisions:4}  {r.changes:8}  {r.diff:10}  {r.accept:8}  {r.reject:8}  {r.detail[:90]}"
        )
    asserted = [r for r in results if r.peer_revisions and r.diff not in ("missing",)]
    silent = [r for r in asserted if r.diff == "no changes"]
    judged = [r for r in results if r.reject in ("ok", "mismatch", "crash")]
    crashes = [r for r in results if "crash" in (r.diff, r.accept, r.reject)]
    print()
    print(f"pairs {len(results)}; peer asserts revisions in {len(asserted)}")
    print(f"'no changes' where the peer asserts revisions: {len(silent)}  {[r.id for r in silent]}")
    for field in ("accept", "reject"):
        ok = sum(1 for r in judged if getattr(r, field) == "ok")
        print(
            f"{field}-all of the redline equals the {'new' if field == 'accept' else 'old'} text: {ok}/{len(judged)}"
        )
    print(f"refused {sum(1 for r in results if r.diff == 'refused')}, crashes {len(crashes)}, "
          f"timeouts {sum(1 for r in results if r.diff == 'timeout')}")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
