"""A History as one self-contained HTML timeline (one row per provision, one column per
round, each event a cell that opens that step's redline), and a ThreeWay as base | A | B
side by side, conflicts first.

The page, its escaping and its filters are the diff report's (`render.html`): the same
CSS, the same script over `data-filter` / `data-flags` / `data-change`, the same form
control ids (severity, category, "changes without flags", "changes only"). Clicking an
event opens a `<details>`, so the redlines are reachable without JavaScript too. The
output is deterministic: no clock, ids from lineage and bracket ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from draftkit.compare.changes import SEVERITIES, Change, Flag, Severity
from draftkit.history.lineage import Lineage, event_label
from draftkit.history.three_way import ENTRY_KINDS, Entry, ThreeWay, entry_label
from draftkit.history.timeline import History
from draftkit.model import Draft
from draftkit.render.draft_out import READING_NOTES_HEADING, reading_notes
from draftkit.render.history_json import event_groups, lineage_id
from draftkit.render.history_terminal import closing_words, reopened_words
from draftkit.render.html import (
    CSP,
    _e,
    _flag_body,
    _flag_tokens,
    _heading_redline,
    _num_redline,
    _pieces,
    _redline_text,
    _severity_label,
    filter_fieldsets,
)
from draftkit.render.html_assets import _CSS, _JS

_EXTRA_CSS = """
.timeline{width:100%;border-collapse:collapse;font-size:.85rem}
.timeline th,.timeline td{border:1px solid var(--rule);padding:.25rem .4rem;vertical-align:top;text-align:left}
.timeline thead th{background:var(--panel);position:sticky;top:0}
table.timeline tr.prov,table.three tr.prov{display:table-row;border-left:0}
.timeline td.absent{color:var(--faint);text-align:center}
.timeline td.same{color:var(--faint);text-align:center}
.timeline details.ev>summary{cursor:pointer;list-style:none}
.timeline details.ev>summary::-webkit-details-marker{display:none}
.timeline details.ev[open]{min-width:22rem}
.steprl{font-family:var(--serif);font-size:.95rem;line-height:1.5;margin-top:.3rem;overflow-wrap:anywhere}
.ev-modified,.ev-restored{color:var(--accent)}.ev-added{color:var(--ins)}.ev-deleted{color:var(--del)}
.ev-split,.ev-merged{color:#6e40c9}.ev-moved,.ev-renumbered{color:var(--medium)}
.three{width:100%;border-collapse:collapse;font-size:.9rem}
.three th,.three td{border:1px solid var(--rule);padding:.3rem .5rem;vertical-align:top;text-align:left}
.three td.txt3{font-family:var(--serif);overflow-wrap:anywhere}
.k3-conflict td:first-child{border-left:4px solid var(--high)}
.bl{margin:.2rem 0;padding-left:1.2rem}
"""


def _page(title: str, eyebrow: str, sources: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="draftkit">\n'
        f"<title>{_e(eyebrow)} — {_e(title)}</title>\n"
        f"<style>{_CSS}{_EXTRA_CSS}</style>\n</head>\n"
        '<body data-view="redline">\n<div class="page">\n'
        f'<header class="head"><p class="eyebrow">{_e(eyebrow)}</p><h1>{_e(title)}</h1>'
        f'<dl class="sources">{sources}</dl></header>\n<main>\n{body}</main>\n'
        '<footer class="foot">Produced by draftkit. This page is self-contained and loads nothing.</footer>\n'
        f"</div>\n<script>{_JS}</script>\n</body>\n</html>\n"
    )


def _controls(counts: dict[Severity, int], categories: Sequence[str]) -> str:
    """The diff report's filter form (same ids and names: its script drives it)."""
    return (
        '<form id="controls" class="controls" aria-label="Filters" hidden>'
        f"{filter_fieldsets(counts, categories)}"
        '<fieldset><legend>Show</legend><label for="changes-only">'
        '<input type="checkbox" id="changes-only" name="changes_only"> Changes only</label></fieldset>'
        '<p id="shown" class="shown" aria-live="polite"></p></form>\n'
    )


def _flags_html(flags: Iterable[Flag]) -> str:
    items = "".join(f'<li class="flag" data-sev="{f.severity}">{_flag_body(f)}</li>' for f in flags)
    return f'<ul class="pflags" aria-label="Flags">{items}</ul>' if items else ""


def _change_html(change: Change) -> str:
    """One step's redline of a change: label, heading and text with insertions and deletions."""
    head = " ".join(x for x in (_num_redline(change), _heading_redline(change)) if x)
    text = _redline_text(change, _pieces(change))
    head_html = f'<p class="hd">{head}</p>' if head else ""
    return f'<div class="steprl">{head_html}<p class="txt">{text}</p></div>' + _flags_html(change.flags)


def _cells(history: History, lineage: Lineage, ident: str) -> str:
    groups = {r: (c, g) for r, c, g in event_groups(lineage)}
    out = []
    for r in range(len(history.rounds)):
        present = lineage.eids[r] is not None
        if r in groups:
            change_index, group = groups[r]
            change = history.steps[r - 1].changes[change_index]
            badges = " ".join(f'<span class="badge ev-{e.kind}">{event_label(e.kind)}</span>' for e in group)
            worst = sorted(change.flags, key=lambda f: SEVERITIES.index(f.severity))[:1]
            sev = "".join(f' <span class="sev sev-{f.severity}">{f.severity}</span>' for f in worst)
            out.append(
                f'<td class="ev-cell"><details class="ev" id="{ident}-r{r + 1}"><summary>{badges}{sev}</summary>'
                f"{_change_html(change)}</details></td>"
            )
        elif present:
            out.append('<td class="same" title="unchanged">·</td>')
        else:
            out.append('<td class="absent" title="not in this round">—</td>')
    return "".join(out)


def _categories(flags: Iterable[Flag]) -> list[str]:
    return sorted({f.category for f in flags})


def render_history_html(history: History, *, title: str | None = None) -> str:
    """The timeline page of a history."""
    n = len(history.rounds)
    all_flags = [f for step in history.steps for c in step.changes for f in c.flags]
    categories = _categories(all_flags)
    category_index = {c: i for i, c in enumerate(categories)}
    counts = {s: sum(1 for f in all_flags if f.severity == s) for s in SEVERITIES}
    sources = "".join(
        f"<dt>R{i + 1}</dt><dd>{_e(r.label)} · <span class=path>{_e(r.source or '')}</span>"
        + (f" · {_e(r.date)}" if r.date else "")
        + (f" · {_e(r.author)}" if r.author else "")
        + f" · {r.draft.count()} provisions</dd>"
        for i, r in enumerate(history.rounds)
    )
    steps = "".join(
        f"<tr><th scope=row>R{k} → R{k + 1}</th>"
        + "".join(
            f"<td data-step-count={key}>{v}"
            + (f" <small>({n} restored)</small>" if key == "added" and (n := history.restored(k)) else "")
            + "</td>"
            for key, v in step.summary().items()
            if key != "unchanged"
        )
        + "".join(f"<td>{step.flag_counts()[s]}</td>" for s in SEVERITIES)
        + "</tr>"
        for k, step in enumerate(history.steps, start=1)
    )
    keys = [k for k in history.steps[0].summary() if k != "unchanged"]
    steps_table = (
        '<table class="cats"><thead><tr><th scope="col">Step</th>'
        + "".join(f'<th scope="col">{_e(k.capitalize())}</th>' for k in keys)
        + "".join(f'<th scope="col">{_severity_label(s)}</th>' for s in SEVERITIES)
        + f"</tr></thead><tbody>{steps}</tbody></table>"
    )
    rows = []
    for index, lineage in enumerate(history.lineages):
        ident = lineage_id(index)
        flags = [f for r, c, _ in event_groups(lineage) for f in history.steps[r - 1].changes[c].flags]
        attrs = f'id="{ident}" class="prov" data-filter data-change="{int(bool(lineage.events))}"'
        if flags:
            attrs += f' data-flags="{_e(_flag_tokens(flags, category_index))}"'
        rows.append(
            f"<tr {attrs}><th scope=row><a class=cite href=#{ident}>{_e(lineage.shown_cite)}</a></th>"
            f"{_cells(history, lineage, ident)}</tr>\n"
        )
    head = "".join(f'<th scope="col">R{i + 1} {_e(r.label)}</th>' for i, r in enumerate(history.rounds))
    last = n - 1
    still = history.open_brackets(last)
    open_items = "".join(
        f'<li id="{b.id}"><a href="#{lineage_id(b.lineage)}">{_e(history.bracket_cite(b, last))}</a>: '
        f"<span class=txt>{_e(b.texts[last])}</span>"
        + (f" — {_e(again)}" if (again := reopened_words(b)) else "")
        + "</li>"
        for b in still
    )
    ended = [b for b in history.brackets if b.closing is not None]
    closed_items = "".join(
        f'<li id="{b.id}"><a href="#{lineage_id(b.lineage)}">{_e(history.bracket_cite(b, e.round))}</a>, '
        f"R{e.round + 1}: <span class=txt>{_e(e.text)}</span> — {_e(closing_words(e))}</li>"
        for b in ended
        if (e := b.closing) is not None
    )
    per_round = "".join(
        f"<tr><th scope=row>R{r + 1}</th><td data-open-brackets={r + 1}>{len(history.open_brackets(r))}</td></tr>"
        for r in range(n)
    )
    body = (
        '<section aria-labelledby="steps-h"><h2 id="steps-h">Steps</h2>' + steps_table + "</section>\n"
        '<section aria-labelledby="br-h"><h2 id="br-h">Brackets</h2>'
        f'<table class="cats"><thead><tr><th scope="col">Round</th><th scope="col">Open</th></tr></thead>'
        f"<tbody>{per_round}</tbody></table>"
        f"<h3>Open in R{n} ({len(still)})</h3><ul class=bl>{open_items or '<li>None</li>'}</ul>"
        f"<h3>Closed ({len(ended)})</h3><ul class=bl>{closed_items or '<li>None</li>'}</ul></section>\n"
        '<section aria-labelledby="tl-h"><h2 id="tl-h">Timeline</h2>'
        '<p class="legend">One row per provision, one column per round: click an event for that '
        "step's redline (<ins>inserted</ins> <del>deleted</del>); · unchanged, — not in that round.</p>\n"
        + _controls(counts, categories)
        + f'<table class="timeline"><thead><tr><th scope="col">Provision</th>{head}</tr></thead><tbody>\n'
        + "".join(rows)
        + "</tbody></table></section>\n"
    )
    body += _reading_html(*(r.draft for r in history.rounds))
    heading = title or history.rounds[-1].draft.title or "Negotiation history"
    return _page(heading, "Negotiation history", sources, body)


def _reading_html(*drafts: Draft) -> str:
    """The drafts' reading notes (what was read with a guess, or not read or compared), as
    the diff's report says them; nothing when there are none."""
    reading = reading_notes(*drafts)
    if not reading:
        return ""
    return (
        f'<section aria-labelledby="rn-h" class="reading"><h2 id="rn-h">{_e(READING_NOTES_HEADING)}</h2>'
        "<ul>" + "".join(f"<li>{_e(line)}</li>" for line in reading) + "</ul></section>\n"
    )


def _side_cell(change: Change | None, show: bool) -> str:
    if change is None:
        return '<td class="txt3 absent">—</td>'
    if not show or not change.is_change:
        return '<td class="txt3 same">unchanged</td>'
    return f'<td class="txt3">{_change_html(change)}</td>'


def _base_text(entry: Entry) -> str:
    change = entry.a or entry.b
    if change is None or not change.old:
        return '<span class="absent">(not in the base)</span>'
    return _e(change.old_text)


def render_three_way_html(three: ThreeWay, *, title: str | None = None) -> str:
    """Base | A | B side by side, conflicts first."""
    a_label, b_label = three.labels
    all_flags = [
        f for e in three.entries for c in (e.a, e.b) if c is not None and c.is_change for f in c.flags
    ]
    categories = _categories(all_flags)
    category_index = {c: i for i, c in enumerate(categories)}
    counts = {s: sum(1 for f in all_flags if f.severity == s) for s in SEVERITIES}
    order = {kind: i for i, kind in enumerate(ENTRY_KINDS)}
    rows = []
    for index, entry in sorted(enumerate(three.entries), key=lambda ie: (order[ie[1].kind], ie[0])):
        flags = [f for c in (entry.a, entry.b) if c is not None and c.is_change for f in c.flags]
        changed = entry.kind != "unchanged"
        attrs = f'id="e{index + 1}" class="prov k3-{entry.kind}" data-filter data-change="{int(changed)}"'
        if flags:
            attrs += f' data-flags="{_e(_flag_tokens(flags, category_index))}"'
        reason = f"<br><small>{_e(entry.reason)}</small>" if entry.reason else ""
        rows.append(
            f"<tr {attrs}><th scope=row>{_e(entry.shown_cite(three.labels))}</th><td>{_e(entry_label(entry.kind, three.labels))}{reason}</td>"
            f'<td class="txt3">{_base_text(entry)}</td>'
            f"{_side_cell(entry.a, entry.kind != 'only_b')}{_side_cell(entry.b, entry.kind != 'only_a')}</tr>\n"
        )
    summary = three.summary()
    tiles = "".join(
        f'<div class="tile"><dt>{_e(entry_label(k, three.labels))}</dt><dd data-count="{k}">{summary[k]}</dd></div>'
        for k in ENTRY_KINDS
    )

    def source(label: str, draft_source: object) -> str:
        return f"<dt>{_e(label)}</dt><dd class=path>{_e(str(draft_source))}</dd>"

    sources = (
        source("Base", three.base.source.path if three.base.source else "?")
        + source(a_label, three.a.source.path if three.a.source else "?")
        + source(b_label, three.b.source.path if three.b.source else "?")
    )
    body = (
        '<section class="summary"><h2>Summary</h2><dl class="tiles">' + tiles + "</dl></section>\n"
        '<section aria-labelledby="tw-h"><h2 id="tw-h">Provisions, conflicts first</h2>'
        + _controls(counts, categories)
        + '<table class="three"><thead><tr><th scope="col">Provision</th><th scope="col">Outcome</th>'
        f'<th scope="col">Base</th><th scope="col">{_e(a_label)}</th><th scope="col">{_e(b_label)}</th>'
        "</tr></thead><tbody>\n" + "".join(rows) + "</tbody></table></section>\n"
    ) + _reading_html(three.base, three.a, three.b)
    heading = title or three.base.title or "Three-way comparison"
    return _page(heading, "Three-way comparison", sources, body)
