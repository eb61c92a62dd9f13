"""A History or a ThreeWay as Markdown: tables of rounds and steps, the timeline of every
provision that changed, brackets open and closed; three-way entries conflicts first.
Draft text goes through `render.markdown.escape` / `redline`, as in the diff report."""

from __future__ import annotations

from draftkit.compare.changes import SEVERITIES, Change
from draftkit.history.lineage import event_label
from draftkit.history.three_way import ENTRY_KINDS, ThreeWay, entry_label
from draftkit.history.timeline import History
from draftkit.model import Draft
from draftkit.render.draft_out import READING_NOTES_HEADING, reading_notes
from draftkit.render.history_json import event_groups
from draftkit.render.history_terminal import closing_words, reopened_words
from draftkit.render.markdown import _flag_line, escape, redline


def _cell(text: str) -> str:
    return escape(text).replace("|", "\\|") if text else ""


def render_history_markdown(history: History) -> str:
    """The whole history as one Markdown document."""
    n = len(history.rounds)
    out = [
        "# Negotiation history",
        "",
        "| Round | Label | Source | Date | Author | Provisions |",
        "|---|---|---|---|---|---|",
    ]
    for i, r in enumerate(history.rounds):
        out.append(
            f"| R{i + 1} | {_cell(r.label)} | {_cell(r.source or '')} | {_cell(r.date or '')} "
            f"| {_cell(r.author or '')} | {r.draft.count()} |"
        )
    out += [
        "",
        "## Steps",
        "",
        "| Step | Modified | Added | Deleted | Split | Merged | Moved | Renumbered | Flags (high/medium/low) |",
    ]
    out.append("|---|---|---|---|---|---|---|---|---|")
    for k, step in enumerate(history.steps, start=1):
        c = step.summary()
        f = step.flag_counts()
        restored = history.restored(k)
        added = f"{c['added']} ({restored} restored)" if restored else str(c["added"])
        out.append(
            f"| R{k} → R{k + 1} | {c['modified']} | {added} | {c['deleted']} | {c['split']} | {c['merged']} "
            f"| {c['moved']} | {c['renumbered']} | {' / '.join(str(f[s]) for s in SEVERITIES)} |"
        )
    head = "| Provision | " + " | ".join(f"R{i + 1}" for i in range(1, n)) + " |"
    out += ["", "## Timeline", "", "Provisions with at least one event; one column per step.", "", head]
    out.append("|---" * n + "|")
    for lineage in history.lineages:
        if not lineage.events:
            continue
        cells = [""] * (n - 1)
        for round_index, _, group in event_groups(lineage):
            words = ", ".join(event_label(e.kind) for e in group)
            cells[round_index - 1] = (cells[round_index - 1] + "; " if cells[round_index - 1] else "") + words
        out.append(f"| {_cell(lineage.shown_cite)} | " + " | ".join(cells) + " |")
    last = n - 1
    out += ["", f"## Brackets open in R{n}", ""]
    still = history.open_brackets(last)
    out += [
        f"- **{b.id}** {_cell(history.bracket_cite(b, last))}: {escape(b.texts[last])}"
        + (f" — {escape(again)}" if (again := reopened_words(b)) else "")
        for b in still
    ] or ["None."]
    ended = [b for b in history.brackets if b.closing is not None]
    if ended:
        out += ["", "## Brackets closed", ""]
        for b in ended:
            event = b.closing
            assert event is not None
            out.append(
                f"- **{b.id}** {_cell(history.bracket_cite(b, event.round))}, R{event.round + 1}: "
                f"{escape(event.text)} — {escape(closing_words(event))}"
            )
    out += _reading(*(r.draft for r in history.rounds))
    return "\n".join(out) + "\n"


def _reading(*drafts: Draft) -> list[str]:
    """The drafts' reading notes as a section (none: no lines), as the diff's report says them."""
    reading = reading_notes(*drafts)
    return (
        ["", f"## {READING_NOTES_HEADING}", "", *(f"- {escape(line)}" for line in reading)] if reading else []
    )


def _side(label: str, change: Change | None) -> str:
    if change is None:
        return f"- {escape(label)}: no such provision"
    if not change.is_change:
        return f"- {escape(label)}: unchanged"
    text = redline(change.ops) if change.ops else ""
    where = f" ({escape(change.new_cite)})" if change.new_cite and change.new_cite != change.old_cite else ""
    # Moved or renumbered with its words kept: said as such, as the terminal says it, not as
    # "unchanged" under an outcome that says the side changed it.
    kind = change.kind if change.kind != "unchanged" else _placed(change)
    # Its flags under it, as the HTML report shows them: "shall" → "may" is said, not only
    # drawn in the redline.
    flags = "".join(f"\n  {_flag_line(flag)}" for flag in change.flags)
    return f"- {escape(label)}: {kind}{where}: {text}{flags}"


def _placed(change: Change) -> str:
    """What happened to a provision whose words did not change: moved, renumbered or both."""
    return ", ".join(
        word for word, did in (("moved", change.moved), ("renumbered", change.renumbered)) if did
    )


def render_three_way_markdown(three: ThreeWay) -> str:
    """A three-way comparison as Markdown, conflicts first."""
    a_label, b_label = three.labels
    summary = three.summary()
    out = [
        "# Three-way comparison",
        "",
        f"Base: {escape(three.base.source.path if three.base.source else '?')} · "
        f"{escape(a_label)}: {escape(three.a.source.path if three.a.source else '?')} · "
        f"{escape(b_label)}: {escape(three.b.source.path if three.b.source else '?')}",
        "",
        " · ".join(f"{escape(entry_label(k, three.labels))}: {summary[k]}" for k in ENTRY_KINDS),
    ]
    for kind in ENTRY_KINDS:
        if kind == "unchanged":
            continue
        entries = [e for e in three.entries if e.kind == kind]
        if not entries:
            continue
        out += ["", f"## {escape(entry_label(kind, three.labels))} ({len(entries)})"]
        for entry in entries:
            reason = f" — {escape(entry.reason)}" if entry.reason else ""
            out += ["", f"### {escape(entry.shown_cite(three.labels))}{reason}", ""]
            if kind in ("only_a", "same", "compatible", "conflict"):
                out.append(_side(f"{a_label} = {b_label}" if kind == "same" else a_label, entry.a))
            if kind in ("only_b", "compatible", "conflict"):
                out.append(_side(b_label, entry.b))
    out += _reading(three.base, three.a, three.b)
    return "\n".join(out) + "\n"
