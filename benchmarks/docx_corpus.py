"""Benchmark (issue 11, "read any draft a negotiator receives"): `draftkit parse` over a corpus.

    python benchmarks/docx_corpus.py PATH [--timeout S] [--jobs N] [--json OUT] [--draftkit EXE] [--label L]

Every .docx/.docm/.dotx/.dotm under PATH (recursive), each distinct file once (sha256), goes
through `draftkit parse FILE --format json` in its own process with a timeout, as a user
would run it. The report counts: parsed, refused (exit 3) by reason (the message with the
file, paragraph numbers, quoted fragments and numbers taken out), internal errors (exit 70,
each with its file and the last line of stderr), timeouts and any other exit code. For every
file not parsed, the benchmark also reads the document part itself (lxml, entities and network
off, size capped) to say whether it holds text at all, and how many paragraphs do.

Target (issue 11): refused only files that have no text, or are damaged or encrypted; no exit
70; no timeout. The corpus stays outside the repository: the script only takes a path.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath

from lxml import etree

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

SUFFIXES = {".docx", ".docm", ".dotx", ".dotm"}
EXIT_OK, EXIT_INPUT, EXIT_INTERNAL = 0, 3, 70
# Refusals the target accepts for a file that has text: nothing can be read from it.
UNREADABLE = ("encrypted", "damaged", "corrupt", "password", "not a zip")
# Refusals whose files are checked for text in the table (the brief's "no provisions" kind).
NO_PROVISIONS = ("no numbered provisions", "no provisions")

# Transitional and ISO strict WordprocessingML: the same elements in two namespaces.
W_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
)
OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
)
# The text check reads at most this much of the document part: it is a measure, not a reader,
# and the corpus is as hostile as any draft (zip bombs).
MAX_PART = 200_000_000


@dataclass
class TextStats:
    """What the document part of a DOCX holds, read without draftkit."""

    part: str | None = None
    text_chars: int = 0
    paragraphs: int = 0
    paragraphs_with_text: int = 0
    numbered_paragraphs: int = 0
    error: str | None = None


@dataclass
class Result:
    """One distinct file run through `draftkit parse`."""

    path: str
    sha256: str
    duplicates: list[str] = field(default_factory=list)
    status: str = ""  # ok, refused, internal, timeout, other
    exit: int | None = None
    seconds: float = 0.0
    reason: str | None = None
    stderr_last: str | None = None
    provisions: int | None = None
    top_level: int | None = None
    text: TextStats | None = None


def find_files(root: Path) -> list[Path]:
    """Every WordprocessingML file under `root` by suffix, sorted for a stable report."""
    return sorted(p for p in root.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())


def sha256(path: Path) -> str:
    """The file's sha256, hex."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def draftkit_command(explicit: str | None) -> list[str]:
    """The draftkit executable: --draftkit, else the one beside this Python (the venv), else PATH."""
    if explicit:
        return [explicit]
    beside = Path(sys.executable).parent / "draftkit"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("draftkit")
    if found:
        return [found]
    sys.exit("docx_corpus: no draftkit executable found (use --draftkit)")


def run_one(cmd: list[str], path: Path, timeout: float) -> tuple[int | None, str, str, float]:
    """Run `draftkit parse PATH --format json`; (exit code or None on timeout, stdout, stderr, seconds)."""
    env = {k: v for k, v in os.environ.items() if k != "DRAFTKIT_DEBUG"}
    return run_command([*cmd, "parse", str(path), "--format", "json"], timeout, env)


def run_command(args: list[str], timeout: float, env: dict[str, str]) -> tuple[int | None, str, str, float]:
    """`args` run in a process group of its own (a timeout kills the whole group, not only the
    child); (exit code or None on timeout, stdout, stderr, seconds)."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        args,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=timeout)
        code: int | None = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        code = None
    elapsed = time.perf_counter() - started
    return code, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), elapsed


def last_line(text: str) -> str:
    """The last non-empty line of `text` (stderr), or ''."""
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


_LOCATION = re.compile(r"^(?:(?:paragraph|line|part|row|cell) \d+: )+")
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|'[^']*'|‘[^’]*’")
_NUMBER = re.compile(r"\d[\d,._]*")


def reason_of(stderr_line: str, path: Path) -> str:
    """The error message with what is specific to one file taken out, so refusals group."""
    message = stderr_line.removeprefix("draftkit: error: ")
    for shown in (str(path), path.name):
        if message.startswith(shown + ": "):
            message = message[len(shown) + 2 :]
            break
    message = _LOCATION.sub("", message)
    message = _QUOTED.sub("…", message)
    return _NUMBER.sub("N", message).strip()


def main_part(zf: zipfile.ZipFile) -> str:
    """The main document part, from the package relationships; word/document.xml if they say nothing."""
    try:
        rels = _parse(_read(zf, "_rels/.rels"))
    except (KeyError, etree.XMLSyntaxError, ValueError):
        return "word/document.xml"
    for rel in rels.iter("{*}Relationship"):
        if rel.get("Type") in OFFICE_DOCUMENT and rel.get("TargetMode") != "External":
            target = (rel.get("Target") or "").lstrip("/")
            return str(PurePosixPath(target)) if target else "word/document.xml"
    return "word/document.xml"


def _read(zf: zipfile.ZipFile, name: str) -> bytes:
    with zf.open(name) as fh:
        data = fh.read(MAX_PART + 1)
    if len(data) > MAX_PART:
        raise ValueError(f"{name} unpacks to more than {MAX_PART:,} bytes")
    return data


def _parse(data: bytes) -> etree._Element:
    # Hardened: no entity expansion, no DTD, no network, no huge-tree bypass of lxml's limits.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    return etree.fromstring(data, parser)


def text_stats(path: Path) -> TextStats:
    """Count the text of the document part with lxml alone: does the file hold text at all?"""
    stats = TextStats()
    try:
        with zipfile.ZipFile(path) as zf:
            stats.part = main_part(zf)
            root = _parse(_read(zf, stats.part))
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError, OSError, RuntimeError) as exc:
        # RuntimeError: zipfile's "encrypted, password required".
        stats.error = f"{type(exc).__name__}: {exc}"[:200]
        return stats
    w = next((ns for ns in W_NAMESPACES if root.tag.startswith(f"{{{ns}}}")), W_NAMESPACES[0])
    p_tag, t_tag, num_pr = f"{{{w}}}p", f"{{{w}}}t", f"{{{w}}}pPr/{{{w}}}numPr"
    for paragraph in root.iter(p_tag):
        stats.paragraphs += 1
        chars = sum(len((t.text or "").strip()) for t in paragraph.iter(t_tag))
        if chars:
            stats.paragraphs_with_text += 1
        if paragraph.find(num_pr) is not None:
            stats.numbered_paragraphs += 1
    # Text counted once over the whole part: nested paragraphs (text boxes) are not counted twice.
    stats.text_chars = sum(len((t.text or "").strip()) for t in root.iter(t_tag))
    return stats


def classify(result: Result, code: int | None, out: str, err: str, path: Path) -> None:
    """Fill status, reason, stderr line and provision counts from one run."""
    result.exit = code
    result.stderr_last = last_line(err) or None
    if code is None:
        result.status = "timeout"
    elif code == EXIT_OK:
        try:
            provisions = json.loads(out)["provisions"]
        except (ValueError, KeyError, TypeError) as exc:
            # Exit 0 without a draft on stdout is a bug as much as exit 70.
            result.status = "other"
            result.reason = f"exit 0 but stdout is not draft JSON ({type(exc).__name__})"
            return
        result.status = "ok"
        result.top_level = len(provisions)
        result.provisions = _count(provisions)
    elif code == EXIT_INPUT:
        result.status = "refused"
        result.reason = reason_of(result.stderr_last or "", path)
    elif code == EXIT_INTERNAL:
        result.status = "internal"
        result.reason = reason_of(result.stderr_last or "", path)
    else:
        result.status = "other"
        result.reason = f"exit {code}" if code >= 0 else f"killed by signal {-code}"


def _count(provisions: list[dict[str, object]]) -> int:
    total = 0
    for provision in provisions:
        children = provision.get("children") or []
        total += 1 + _count(children if isinstance(children, list) else [])
    return total


def project_version() -> str:
    """The checkout the numbers belong to: `git describe --always --dirty` of the project."""
    try:
        return subprocess.run(
            ["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def run(root: Path, cmd: list[str], timeout: float, jobs: int) -> tuple[list[Result], int]:
    """Run every distinct file; (results sorted by path, number of files found)."""
    files = find_files(root)
    by_hash: dict[str, Result] = {}
    for path in files:
        digest = sha256(path)
        rel = str(path.relative_to(root))
        if digest in by_hash:
            by_hash[digest].duplicates.append(rel)
        else:
            by_hash[digest] = Result(path=rel, sha256=digest)
    results = sorted(by_hash.values(), key=lambda r: r.path)

    done = 0

    def work(result: Result) -> None:
        nonlocal done
        path = root / result.path
        code, out, err, elapsed = run_one(cmd, path, timeout)
        result.seconds = round(elapsed, 3)
        classify(result, code, out, err, path)
        if result.status != "ok":
            result.text = text_stats(path)
        done += 1
        if done % 50 == 0:
            print(f"docx_corpus: {done}/{len(results)} files", file=sys.stderr, flush=True)

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(work, results))
    return results, len(files)


def summarise(results: list[Result]) -> dict[str, object]:
    """The counts the table shows, also written to --json."""
    status = collections.Counter(r.status for r in results)
    refusals: dict[str, dict[str, object]] = {}
    for r in results:
        if r.status != "refused" or r.reason is None:
            continue
        group = refusals.setdefault(r.reason, {"files": 0, "with_text": 0, "paragraphs_with_text": []})
        group["files"] += 1  # type: ignore[operator]
        if r.text and r.text.text_chars:
            group["with_text"] += 1  # type: ignore[operator]
            group["paragraphs_with_text"].append(r.text.paragraphs_with_text)  # type: ignore[attr-defined]
    refused_with_text = [
        r.path
        for r in results
        if r.status == "refused"
        and r.text
        and r.text.text_chars
        and not any(word in (r.reason or "").lower() for word in UNREADABLE)
    ]
    return {
        "distinct_files": len(results),
        "ok": status["ok"],
        "refused": status["refused"],
        "internal": status["internal"],
        "timeout": status["timeout"],
        "other": status["other"],
        "refusals": dict(sorted(refusals.items(), key=lambda kv: (-kv[1]["files"], kv[0]))),  # type: ignore[operator]
        "refused_with_text": len(refused_with_text),
        "target_met": not refused_with_text and not status["internal"] and not status["timeout"],
    }


def table(
    root: Path, results: list[Result], found: int, summary: dict[str, object], meta: dict[str, object]
) -> str:
    """The readable report."""
    lines: list[str] = []
    add = lines.append
    add(f"draftkit parse --format json over {root}")
    add(
        f"  project {meta['project']}, timeout {meta['timeout']} s, jobs {meta['jobs']}, "
        f"wall {meta['wall_seconds']} s"
    )
    add(f"  files found {found}, distinct (sha256) {len(results)}")
    add("")
    add(f"{'parsed OK (exit 0)':<34}{summary['ok']:>6}")
    add(f"{'refused (exit 3)':<34}{summary['refused']:>6}")
    add(f"{'internal error (exit 70)':<34}{summary['internal']:>6}")
    add(f"{'timeout':<34}{summary['timeout']:>6}")
    add(f"{'other exit codes':<34}{summary['other']:>6}")

    refusals: dict[str, dict[str, object]] = summary["refusals"]  # type: ignore[assignment]
    if refusals:
        add("")
        add(
            "Refusals by reason                                        files  with text  paragraphs with text"
        )
        for reason, group in refusals.items():
            counts: list[int] = group["paragraphs_with_text"]  # type: ignore[assignment]
            spread = (
                f"min {min(counts)} / median {statistics.median(counts):g} / max {max(counts)}"
                if counts
                else "-"
            )
            add(f"  {reason[:56]:<56}{group['files']:>6}{group['with_text']:>11}  {spread}")
            if len(reason) > 56:
                add(f"    ({reason})")

    for status, title in (("internal", "Internal errors (exit 70)"), ("other", "Other exit codes")):
        chosen = [r for r in results if r.status == status]
        if chosen:
            add("")
            add(f"{title}:")
            for r in chosen:
                add(f"  {r.path}  [exit {r.exit}]")
                add(f"    {r.stderr_last or r.reason}")
    timeouts = [r for r in results if r.status == "timeout"]
    if timeouts:
        add("")
        add(f"Timeouts (> {meta['timeout']} s):")
        for r in timeouts:
            add(f"  {r.path}")

    with_text = [
        r
        for r in results
        if r.status == "refused"
        and r.text
        and r.text.text_chars
        and any(word in (r.reason or "") for word in NO_PROVISIONS)
    ]
    if with_text:
        add("")
        add("Refused for no provisions although the document has text (most paragraphs first):")
        add("  paragraphs with text / all / numbered (numPr)   file")
        for r in sorted(with_text, key=lambda r: (-r.text.paragraphs_with_text, r.path))[:25]:  # type: ignore[union-attr]
            t = r.text
            assert t is not None
            add(f"  {t.paragraphs_with_text:>6} / {t.paragraphs:>5} / {t.numbered_paragraphs:>5}   {r.path}")
        if len(with_text) > 25:
            add(f"  … and {len(with_text) - 25} more (see --json)")

    slowest = sorted((r for r in results if r.status != "timeout"), key=lambda r: -r.seconds)[:5]
    if slowest:
        add("")
        add("Slowest runs: " + ", ".join(f"{r.path} {r.seconds:.2f} s" for r in slowest))
    add("")
    add(
        f"Target (issue 11): refused with text (not damaged/encrypted) {summary['refused_with_text']}, "
        f"exit 70 {summary['internal']}, timeouts {summary['timeout']} -> "
        + ("met" if summary["target_met"] else "not met")
    )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run the corpus, print the table, write --json; exit 0 whatever the numbers (it measures)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path, help="folder of DOCX files (searched recursively)")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds per file (default 30)")
    ap.add_argument("--jobs", type=int, default=1, help="files run at once (default 1)")
    ap.add_argument("--json", type=Path, help="write the full report (every file) here")
    ap.add_argument("--draftkit", help="draftkit executable (default: beside this Python, else PATH)")
    ap.add_argument(
        "--label", help="the code under test, for the report (default: git describe of this checkout)"
    )
    args = ap.parse_args(argv)
    if not args.path.is_dir():
        ap.error(f"{args.path}: not a folder")
    root = args.path.resolve()
    cmd = draftkit_command(args.draftkit)

    started = time.perf_counter()
    results, found = run(root, cmd, args.timeout, max(1, args.jobs))
    meta: dict[str, object] = {
        "project": args.label or project_version(),
        "draftkit": cmd,
        "timeout": args.timeout,
        "jobs": args.jobs,
        "wall_seconds": round(time.perf_counter() - started, 1),
    }
    summary = summarise(results)
    print(table(root, results, found, summary, meta), end="")
    if args.json:
        report = {
            "root": str(root),
            **meta,
            "files_found": found,
            "summary": summary,
            "files": [asdict(r) for r in results],
        }
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
