"""A LanguageComparison (compare.languages) as a terminal report, JSON, Markdown or HTML: the
discrepancies between two language versions first, then every pair of provisions.

Each renderer reads the same three things: the summary counts, the discrepancies (kind,
where in each version, what differs) and the pairs. Output is deterministic: same inputs,
same bytes (JSON keys in a fixed order, no dates or random ids).
"""

from __future__ import annotations

import html
import json
from typing import assert_never

from draftkit.compare.languages import Discrepancy, DiscrepancyKind, LanguageComparison
from draftkit.render.markdown import escape

KIND_LABELS: dict[DiscrepancyKind, str] = {
    "missing": "missing in the other version",
    "number": "number differs",
    "date": "date differs",
    "shorter": "counterpart far shorter",
}
_ORDER: tuple[DiscrepancyKind, ...] = ("missing", "number", "date", "shorter")


def _kind_label(kind: DiscrepancyKind) -> str:
    match kind:
        case "missing" | "number" | "date" | "shorter":
            return KIND_LABELS[kind]
        case _:
            assert_never(kind)


def counts(comparison: LanguageComparison) -> dict[str, int]:
    """Pairs and discrepancies by kind, in a fixed order."""
    out = {"pairs": len(comparison.pairs)}
    for kind in _ORDER:
        out[kind] = sum(1 for d in comparison.discrepancies if d.kind == kind)
    return out


def _where(d: Discrepancy, comparison: LanguageComparison) -> str:
    a, b = comparison.languages
    return f"{a} {d.a or '—'} / {b} {d.b or '—'}"


def render_languages_terminal(comparison: LanguageComparison) -> str:
    """Plain text for a terminal: the summary line, then one line per discrepancy."""
    a, b = comparison.languages
    c = counts(comparison)
    lines = [
        f"Language versions {a} / {b}: {c['pairs']} pairs of provisions, "
        f"{len(comparison.discrepancies)} discrepanc{'y' if len(comparison.discrepancies) == 1 else 'ies'} "
        f"({c['missing']} missing, {c['number']} number, {c['date']} date, {c['shorter']} shorter)",
        f"length ratio {b}/{a}: {comparison.length_ratio:.2f}",
        *(f"warning: {w}" for w in comparison.warnings),
    ]
    if not comparison.discrepancies:
        lines.append("No discrepancy found: every provision has its counterpart, numbers and dates agree.")
    for d in comparison.discrepancies:
        lines.append(f"  {_kind_label(d.kind):<30} {_where(d, comparison)}: {d.detail}")
    return "\n".join(lines) + "\n"


def render_languages_json(comparison: LanguageComparison) -> str:
    """JSON: languages, counts, discrepancies and pairs (keys in a fixed order)."""
    a, b = comparison.languages
    data = {
        "languages": [a, b],
        "length_ratio": comparison.length_ratio,
        "warnings": list(comparison.warnings),
        "counts": counts(comparison),
        "only_in": {a: list(comparison.only_in_a), b: list(comparison.only_in_b)},
        "discrepancies": [
            {
                "kind": d.kind,
                a: d.a,
                b: d.b,
                "detail": d.detail,
                "values": {a: list(d.a_values), b: list(d.b_values)},
            }
            for d in comparison.discrepancies
        ],
        "pairs": [
            {a: list(p.a), b: list(p.b), "eids": {a: list(p.a_eids), b: list(p.b_eids)}, "score": p.score}
            for p in comparison.pairs
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_languages_markdown(comparison: LanguageComparison) -> str:
    """Markdown: a summary table, the discrepancies, the pairs."""
    a, b = comparison.languages
    c = counts(comparison)
    out = [
        f"# Language versions: {a} / {b}",
        "",
        "| pairs | missing | number | date | shorter |",
        "|---|---|---|---|---|",
        f"| {c['pairs']} | {c['missing']} | {c['number']} | {c['date']} | {c['shorter']} |",
        "",
        *(f"> warning: {escape(w)}\n" for w in comparison.warnings),
        "## Discrepancies",
        "",
    ]
    if not comparison.discrepancies:
        out.append("None: every provision has its counterpart, numbers and dates agree.")
    else:
        out += [f"| what | {a} | {b} | detail |", "|---|---|---|---|"]
        out += [
            f"| {_kind_label(d.kind)} | {_cell(d.a)} | {_cell(d.b)} | {_cell(d.detail)} |"
            for d in comparison.discrepancies
        ]
    out += ["", "## Pairs", "", f"| {a} | {b} | score |", "|---|---|---|"]
    out += [
        f"| {_cell(' + '.join(p.a))} | {_cell(' + '.join(p.b))} | {p.score:.2f} |" for p in comparison.pairs
    ]
    return "\n".join(out) + "\n"


def _cell(text: str | None) -> str:
    return escape(text or "—").replace("\n", " ")


def render_languages_html(comparison: LanguageComparison) -> str:
    """A self-contained HTML page: the summary, the discrepancies, the pairs."""
    a, b = comparison.languages
    c = counts(comparison)
    e = html.escape
    rows = "".join(
        f'<tr class="{d.kind}"><td>{e(_kind_label(d.kind))}</td><td>{e(d.a or "—")}</td>'
        f"<td>{e(d.b or '—')}</td><td>{e(d.detail)}</td></tr>"
        for d in comparison.discrepancies
    )
    found = (
        f"<table><thead><tr><th>what</th><th>{e(a)}</th><th>{e(b)}</th><th>detail</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
        if rows
        else "<p>None: every provision has its counterpart, numbers and dates agree.</p>"
    )
    pairs = "".join(
        f"<tr><td>{e(' + '.join(p.a))}</td><td>{e(' + '.join(p.b))}</td><td>{p.score:.2f}</td></tr>"
        for p in comparison.pairs
    )
    summary = ", ".join(f"{value} {key}" for key, value in c.items())
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>Language versions {e(a)} / {e(b)}</title><style>{_CSS}</style></head><body>"
        f'<h1>Language versions: {e(a)} / {e(b)}</h1><p class="summary">{e(summary)}; '
        f"length ratio {e(b)}/{e(a)} {comparison.length_ratio:.2f}</p>"
        + "".join(f'<p class="warning">warning: {e(w)}</p>' for w in comparison.warnings)
        + f"<h2>Discrepancies</h2>{found}"
        f"<h2>Pairs</h2><table><thead><tr><th>{e(a)}</th><th>{e(b)}</th><th>score</th></tr></thead>"
        f"<tbody>{pairs}</tbody></table></body></html>\n"
    )


_CSS = (
    "body{font:15px/1.4 system-ui,sans-serif;margin:2em;max-width:72em}"
    "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}"
    "tr.missing td:first-child{color:#a00}tr.number td:first-child,tr.date td:first-child{color:#a50}"
    "tr.shorter td:first-child{color:#555}"
)
