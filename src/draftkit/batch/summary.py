"""A batch's own files in OUTDIR: `summary.csv` and `summary.json` (one row per job, failed
and unrun ones included — the table a researcher loads into pandas) and `index.html` (one
row per job with its counts, highest flag and a link to its report).

Guarantees: rows in manifest order whatever order the jobs completed in, and the same
columns for every job of a batch (the taxonomy's categories, then any other category a flag
carried), so the files are byte-identical whatever `--jobs`, except the `seconds` column;
everything from a manifest or a draft (labels, paths, errors) is escaped in the HTML; each
file is written atomically.
"""

from __future__ import annotations

import csv
import html
import io
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from urllib.parse import quote

from draftkit import __version__
from draftkit.batch.manifest import Job
from draftkit.batch.task import JobResult
from draftkit.compare.changes import CHANGE_KINDS, SEVERITIES
from draftkit.errors import display_name, json_safe, one_line
from draftkit.outputs import write_atomic

COUNTS = (*CHANGE_KINDS, "moved", "renumbered")
GENERAL = "general"  # the category of a flag no taxonomy category matched (risk/annotate.py)
# Columns that depend on the run rather than on the inputs.
TIMING = ("seconds",)

Cell = str | int | float | bool | None


def columns(categories: Sequence[str]) -> tuple[str, ...]:
    """The summary's columns, in order, for a batch whose flags may carry `categories`."""
    return (
        "label",
        "job",
        "old",
        "new",
        "status",
        "resumed",
        "error",
        "exit_code",
        "seconds",
        "warnings",
        "not_compared",
        *COUNTS,
        *(f"flags_{s}" for s in SEVERITIES),
        "highest_flag",
        *(f"flags_{c}" for c in categories),
        "report",
    )


def categories_of(taxonomy_ids: Iterable[str], results: Iterable[JobResult]) -> tuple[str, ...]:
    """The taxonomy's categories in its order, 'general', then any other seen, sorted."""
    known = [*taxonomy_ids, GENERAL]
    seen = sorted({c for r in results for c in r.categories} - set(known))
    return (*known, *seen)


def rows(
    jobs: Sequence[Job], results: Mapping[str, JobResult], categories: Sequence[str]
) -> list[dict[str, Cell]]:
    """One row per job, in manifest order; a job with no result is 'not run'."""
    table: list[dict[str, Cell]] = []
    for job in jobs:
        result = results.get(job.name) or JobResult(job=job, status="not run")
        ok = result.status == "ok"
        row: dict[str, Cell] = {
            "label": job.label,
            "job": job.name,
            "old": job.old,
            "new": job.new,
            "status": result.status,
            "resumed": result.resumed,
            "error": result.error,
            "exit_code": result.exit_code if result.status != "not run" else None,
            "seconds": round(result.seconds, 3) if result.status != "not run" else None,
            "warnings": result.warnings if ok else None,
            "not_compared": result.not_compared if ok else None,
        }
        row.update({kind: result.counts.get(kind, 0) if ok else None for kind in COUNTS})
        row.update({f"flags_{s}": result.severities.get(s, 0) if ok else None for s in SEVERITIES})
        row["highest_flag"] = result.highest if ok else None
        row.update({f"flags_{c}": result.categories.get(c, 0) if ok else None for c in categories})
        row["report"] = result.link
        table.append(row)
    return table


def write_summary(
    outdir: str | os.PathLike[str],
    jobs: Sequence[Job],
    results: Iterable[JobResult],
    taxonomy_ids: Sequence[str] = (),
) -> tuple[Path, Path, Path]:
    """Write summary.csv, summary.json and index.html into `outdir`; return their paths."""
    by_name = {r.job.name: r for r in results}
    categories = categories_of(taxonomy_ids, by_name.values())
    header = columns(categories)
    table = rows(jobs, by_name, categories)
    folder = Path(outdir)
    paths = (folder / "summary.csv", folder / "summary.json", folder / "index.html")
    write_atomic(paths[0], _csv(header, table).encode("utf-8"))
    write_atomic(paths[1], _json(header, table).encode("utf-8"))
    write_atomic(paths[2], _html(table).encode("utf-8"))
    return paths


def _csv(header: Sequence[str], table: Sequence[Mapping[str, Cell]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in table:
        writer.writerow([_csv_cell(row[column]) for column in header])
    return display_name(out.getvalue())


def _csv_cell(value: Cell) -> str:
    # Empty for "does not apply" (a failed job's counts): pandas reads NaN, not a false 0.
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA):
        # A spreadsheet runs a cell that opens so as a formula ('=HYPERLINK(…)' as a draft's
        # name or label): written after an apostrophe, as OWASP advises, it is shown as text.
        return "'" + value
    return str(value)


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _json(header: Sequence[str], table: Sequence[Mapping[str, Cell]]) -> str:
    statuses = [row["status"] for row in table]
    document = {
        "draftkit": __version__,
        "jobs": len(table),
        "ok": statuses.count("ok"),
        "failed": statuses.count("failed"),
        "not_run": statuses.count("not run"),
        "columns": list(header),
        "rows": [{column: row[column] for column in header} for row in table],
    }
    return json_safe(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


_STYLE = """
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left}
td.n{text-align:right}tr.failed td{background:#fde8e8}tr.notrun td{color:#888}
.high{color:#b00;font-weight:bold}.medium{color:#b60}.low{color:#666}
"""


def _html(table: Sequence[Mapping[str, Cell]]) -> str:
    failed = sum(row["status"] == "failed" for row in table)
    notrun = sum(row["status"] == "not run" for row in table)
    head = [
        "Label",
        "Status",
        "Modified",
        "Added",
        "Deleted",
        "Moved",
        "Renumbered",
        "Flags (H/M/L)",
        "Highest",
        "Report",
    ]
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        "<title>draftkit batch</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>draftkit batch</h1>",
        f"<p>{len(table)} jobs: {len(table) - failed - notrun} done, {failed} failed"
        + (f", {notrun} not run" if notrun else "")
        + '. The table as data: <a href="summary.csv">summary.csv</a>, <a href="summary.json">summary.json</a>.</p>',
        "<table><thead><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr></thead><tbody>",
    ]
    for row in table:
        lines.append(_html_row(row))
    lines += ["</tbody></table>", "</body></html>", ""]
    return display_name("\n".join(lines))


def _html_row(row: Mapping[str, Cell]) -> str:
    status = str(row["status"])
    label = _esc(row["label"])
    if status != "ok":
        css = "failed" if status == "failed" else "notrun"
        detail = _esc(row["error"]) if status == "failed" else "not run"
        return f'<tr class="{css}"><td>{label}</td><td>{_esc(status)}</td><td colspan="8">{detail}</td></tr>'
    numbers = "".join(
        f'<td class="n">{_esc(row[k])}</td>' for k in ("modified", "added", "deleted", "moved", "renumbered")
    )
    flags = "/".join(_esc(row[f"flags_{s}"]) for s in SEVERITIES)
    highest = str(row["highest_flag"] or "")
    link = row["report"]
    report = f'<a href="{_esc(quote(str(link)))}">{_esc(str(link).rsplit("/", 1)[-1])}</a>' if link else ""
    resumed = " (resumed)" if row["resumed"] else ""
    return (
        f'<tr><td>{label}</td><td>ok{resumed}</td>{numbers}<td class="n">{flags}</td>'
        f'<td class="{_esc(highest)}">{_esc(highest or "none")}</td><td>{report}</td></tr>'
    )


def _esc(value: Cell) -> str:
    return html.escape(one_line("" if value is None else str(value)), quote=True)
