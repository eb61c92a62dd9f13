"""A validation Report as text (one line per finding, like a compiler) or as JSON.

Both are deterministic: findings come in document order, JSON keys in a fixed order, and
nothing depends on the clock or the machine.
"""

from __future__ import annotations

import json
from typing import Any

from draftkit.errors import one_line
from draftkit.validate import Finding, Report


def _place(finding: Finding, source: str) -> str:
    if finding.location is not None:
        if finding.location.paragraph is not None:
            return f"{source}: paragraph {finding.location.paragraph}"
        if finding.location.line is not None:
            return f"{source}: line {finding.location.line}"
    return source


def finding_line(finding: Finding, source: str) -> str:
    """One finding as a line: 'FILE: line 44: error [rule] Article 4(2) (eid): message'."""
    where = ""
    if finding.citation:
        where = f" {finding.citation}"
        if finding.eid:
            where += f" ({finding.eid})"
        where += ":"
    return f"{_place(finding, source)}: {finding.severity} [{finding.rule}]{where} {finding.message}"


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def summary_line(report: Report, source: str, *, strict: bool = False) -> str:
    """'FILE: 2 errors, 1 warning (schema "framework") — fails' and the like."""
    counts = f"{_count(len(report.errors), 'error')}, {_count(len(report.warnings), 'warning')}"
    verdict = "passes" if report.ok(strict) else "fails"
    mode = " with --strict" if strict else ""
    return f'{source}: {counts} (schema "{report.schema}"): {verdict}{mode}'


def render_text(report: Report, *, strict: bool = False) -> str:
    """The report as text: one line per finding, notes, then a summary line (a newline in
    the file's name or a quoted text shown as \\n: each stays one line)."""
    source = report.source.path if report.source is not None else "<draft>"
    lines = [finding_line(f, source) for f in report.findings]
    lines += [f"note: {note}" for note in report.notes]
    lines.append(summary_line(report, source, strict=strict))
    return "\n".join(map(one_line, lines)) + "\n"


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """One finding as a JSON-ready dict (keys in a fixed order)."""
    return {
        "severity": finding.severity,
        "rule": finding.rule,
        "message": finding.message,
        "citation": finding.citation,
        "eid": finding.eid,
        "paragraph": finding.location.paragraph if finding.location is not None else None,
        "line": finding.location.line if finding.location is not None else None,
        "text": finding.text,
    }


def report_to_dict(report: Report, *, strict: bool = False) -> dict[str, Any]:
    """The whole report as a JSON-ready dict."""
    return {
        "draft": {
            "source": report.source.path if report.source is not None else None,
            "sha256": report.source.sha256 if report.source is not None else None,
            "format": report.source.format if report.source is not None else None,
        },
        "schema": {"name": report.schema, "source": report.schema_source},
        "summary": {
            "errors": len(report.errors),
            "warnings": len(report.warnings),
            "strict": strict,
            "ok": report.ok(strict),
        },
        "findings": [finding_to_dict(f) for f in report.findings],
        "notes": list(report.notes),
    }


def render_json(report: Report, *, strict: bool = False) -> str:
    """The report as JSON text."""
    return json.dumps(report_to_dict(report, strict=strict), ensure_ascii=False, indent=2) + "\n"
