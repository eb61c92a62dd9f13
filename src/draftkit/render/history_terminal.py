"""A History or a ThreeWay for the terminal: per-round counts, the provisions that changed
most, brackets still open and how each closed one ended; for three-way, conflicts first."""

from __future__ import annotations

from draftkit.compare.changes import SEVERITIES, Change, category_label
from draftkit.errors import one_line
from draftkit.history.brackets import Bracket, BracketEvent
from draftkit.history.lineage import Lineage
from draftkit.history.three_way import ENTRY_KINDS, Entry, ThreeWay, entry_label
from draftkit.history.timeline import History
from draftkit.render.terminal import inline_diff

MOST_CHANGED = 10  # lineages listed under "changed most"
_CLIP = 90


def _clip(text: str, limit: int = _CLIP) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def closing_words(event: BracketEvent) -> str:
    """'agreed: "72 hours" (alternative 2)' or 'dropped'."""
    match event.resolution:
        case "agreed":
            which = f" (alternative {event.alternative})" if event.alternative is not None else ""
            return f'agreed: "{_clip(event.wording or "", 60)}"{which}'
        case "dropped":
            return "dropped"
        case None:
            return event.kind


def reopened_words(bracket: Bracket) -> str:
    """For a bracket open again after it closed, 'reopened in R5, after it was agreed in R3:
    "800,000"' (else ''): said beside it, so an agreement taken back is not read as new."""
    events = bracket.events
    at = next((i for i in reversed(range(len(events))) if events[i].kind == "reopened"), None)
    if at is None:
        return ""
    closed = next((e for e in reversed(events[:at]) if e.kind == "closed"), None)
    if closed is None:
        return f"reopened in R{events[at].round + 1}"
    words = closing_words(closed)  # 'agreed: "…"' or 'dropped'
    head, colon, rest = words.partition(":")
    ended = f"{head} in R{closed.round + 1}{colon}{rest}"
    return f"reopened in R{events[at].round + 1}, after it was {ended}"


def _bracket_line(history: History, bracket: Bracket, round_index: int) -> str:
    cite = history.bracket_cite(bracket, round_index)
    again = reopened_words(bracket)
    line = f"    {bracket.id:<5} {cite:<18} {_clip(bracket.texts[round_index] or '', 70)}"
    return f"{line}  {again}" if again else line


def render_history_terminal(history: History) -> str:
    """The human summary of a negotiation's rounds."""
    lines = ["rounds:"]
    for i, r in enumerate(history.rounds):
        extra = "  ".join(x for x in (r.date or "", r.author or "") if x)
        source = r.source or "?"
        lines.append(
            one_line(
                f"  R{i + 1} {r.label}  {source}  ({r.draft.count()} provisions)"
                + (f"  {extra}" if extra else "")
            )
        )
    lines += ["", "steps:"]
    for k, step in enumerate(history.steps, start=1):
        counts = step.summary()
        flags = step.flag_counts()
        restored = history.restored(k)
        shown = "  ".join(
            f"{kind}: {n}" + (f" ({restored} restored)" if kind == "added" and restored else "")
            for kind, n in counts.items()
            if n and kind != "unchanged"
        )
        flagged = "  ".join(f"{s}: {flags[s]}" for s in SEVERITIES if flags[s])
        opened = sum(
            1 for b in history.brackets for e in b.events if e.round == k and e.kind in ("opened", "reopened")
        )
        closed = sum(1 for b in history.brackets for e in b.events if e.round == k and e.kind == "closed")
        brackets = f"brackets +{opened} −{closed}" if opened or closed else ""
        body = "  ".join(
            x for x in (shown or "no changes", f"flags {flagged}" if flagged else "", brackets) if x
        )
        lines.append(f"  R{k} → R{k + 1}  {body}")
    ranked = sorted(
        (lineage for lineage in history.lineages if lineage.change_count),
        key=lambda lineage: (-lineage.change_count, -len(lineage.rounds_changed())),
    )[:MOST_CHANGED]
    if ranked:
        lines += ["", "changed most (the rounds that changed its text):"]
        for lineage in ranked:
            # The count is of the rounds listed, each with what it did: "added" and
            # "deleted" counted too, so the number and the list never disagree.
            changed = lineage.rounds_changed()
            where = ", ".join(f"R{r + 1} {kinds}" for r, kinds in changed)
            lines.append(f"  {lineage.shown_cite:<20} {len(changed)} round(s): {where}")
    last = len(history.rounds) - 1
    still = history.open_brackets(last)
    lines += ["", f"brackets open in R{last + 1} ({len(still)}):"]
    lines += [_bracket_line(history, b, last) for b in still] or ["    none"]
    ended = [b for b in history.brackets if b.closing is not None]
    if ended:
        lines += ["", f"brackets closed ({len(ended)}):"]
        for b in ended:
            event = b.closing
            assert event is not None
            cite = history.bracket_cite(b, event.round)
            lines.append(
                f"    {b.id:<5} R{event.round + 1}  {cite:<18} {_clip(event.text, 50):<50}  {closing_words(event)}"
            )
    return "\n".join(lines) + "\n"


def _norm(label: str) -> str:
    return "".join(label.split()).casefold().rstrip(".")


def matching_lineages(history: History, label: str) -> list[int]:
    """The lineages cited `label` in some round ("Article 11(1)", any case or spacing), or
    holding the eId `label`; the same citation may name different provisions in different
    rounds (after a renumbering): each is its own lineage."""
    wanted = _norm(label)
    return [
        k
        for k, lineage in enumerate(history.lineages)
        if label in lineage.eids or any(c is not None and _norm(c) == wanted for c in lineage.cites)
    ]


def rounds_cited(lineage: Lineage, label: str) -> list[int]:
    """The rounds (0-based) in which the lineage is cited `label`."""
    wanted = _norm(label)
    return [r for r, c in enumerate(lineage.cites) if c is not None and _norm(c) == wanted]


def render_provision_life(history: History, index: int) -> str:
    """One provision through the rounds: in each its citation and what happened to it (its
    text where it first stands, the word changes of each step, with the step's flags), then
    its brackets, opened and closed."""
    lineage = history.lineages[index]
    lines = [f"{lineage.cite} through {len(history.rounds)} rounds:"]
    for r, cite in enumerate(lineage.cites):
        events = lineage.events_in(r)
        where = f"  R{r + 1}  {cite or '—':<20}"
        if r == lineage.first:
            lines.append(f"{where}{_clip(lineage.texts[r] or '', 100)}")
        if not events:
            if r != lineage.first:
                lines.append(f"{where}{'unchanged' if cite is not None else '(not in this round)'}")
            continue
        for event in events:
            change = history.steps[r - 1].changes[event.change]
            match event.kind:
                case "modified" | "restored":
                    body = f"{event.kind}: {inline_diff(change.ops)}"
                case "split":
                    body = f"split into {change.new_cite}: {inline_diff(change.ops)}"
                case "merged" if lineage.cites[r] is None:  # a source that ended in the merge
                    body = f"merged into {change.new_cite}"
                case "merged":
                    body = f"merged from {change.old_cite}: {inline_diff(change.ops)}"
                case "renumbered" | "moved":
                    body = f"{event.kind} from {change.old_cite or '?'}"
                case "deleted":
                    body = "deleted"
                case "added":
                    body = "added"
            lines.append(f"{where}{body}")
            # A change of several events (modified and renumbered) has its flags said once,
            # under its last event: not once per event, as if each had raised them.
            if not any(later.change == event.change for later in events[events.index(event) + 1 :]):
                lines += [
                    f"        {f.severity.upper():<6} {f.category}: {_clip(f.message, 80)}"
                    for f in change.flags
                ]
    for bracket in (b for b in history.brackets if b.lineage == index):
        for step in bracket.events:
            ending = f"  {closing_words(step)}" if step.kind == "closed" else ""
            lines.append(
                f"  bracket {bracket.id}  R{step.round + 1} {step.kind}: {_clip(step.text, 60)}{ending}"
            )
    return "\n".join(lines) + "\n"


def _lower(label: str) -> str:
    """An outcome's name inside a line ("only Europe"): its first letter only lowered, so a
    side's own label keeps its capitals."""
    return label[:1].lower() + label[1:]


def _side_line(label: str, change: Change | None) -> str:
    if change is None:
        return f"      {label}: (no such provision)"
    if not change.is_change:
        return f"      {label}: unchanged"
    match change.kind:
        case "deleted":
            body = "deleted"
        case "added":
            body = "added: " + _clip(change.new_text)
        case "unchanged":
            body = ", ".join(
                x for x in ("moved" if change.moved else "", "renumbered" if change.renumbered else "") if x
            )
            body += f" → {change.new_cite}"
        case "modified" | "split" | "merged":
            body = f"{change.kind}: " + inline_diff(change.ops)
    # The side's flags under it, as the HTML report shows them: "shall" → "may" is said.
    flags = "".join(
        f"\n        {f.severity.upper():<6} {category_label(f.category)}: {_clip(f.message, 80)}"
        for f in change.flags
    )
    return f"      {label}: {body}{flags}"


def _entry_lines(three: ThreeWay, entry: Entry, width: int = 20) -> list[str]:
    reason = f"  ({entry.reason})" if entry.reason else ""
    lines = [f"  {entry.shown_cite(three.labels):<{width}} {entry_label(entry.kind, three.labels)}{reason}"]
    a_label, b_label = three.labels
    match entry.kind:
        case "only_a":
            lines.append(_side_line(a_label, entry.a))
        case "only_b":
            lines.append(_side_line(b_label, entry.b))
        case "same":
            lines.append(_side_line(f"{a_label} = {b_label}", entry.a))
        case "compatible" | "conflict":
            lines += [_side_line(a_label, entry.a), _side_line(b_label, entry.b)]
        case "unchanged":
            pass
    return lines


def render_three_way_terminal(three: ThreeWay) -> str:
    """The human summary of a three-way comparison, conflicts first."""
    a_label, b_label = three.labels
    lines = [
        one_line(f"base: {three.base.source.path if three.base.source else '?'}"),
        one_line(f"{a_label}: {three.a.source.path if three.a.source else '?'}"),
        one_line(f"{b_label}: {three.b.source.path if three.b.source else '?'}"),
        "",
        "  ".join(f"{_lower(entry_label(k, three.labels))}: {three.summary()[k]}" for k in ENTRY_KINDS),
    ]
    # One column for the citations: an addition's ("recital 1, new in Russia") may be longer.
    shown = [len(e.shown_cite(three.labels)) + 1 for e in three.entries if e.kind != "unchanged"]
    width = min(40, max([20, *shown]))
    for kind in ENTRY_KINDS:
        if kind == "unchanged":
            continue
        entries = [e for e in three.entries if e.kind == kind]
        if entries:
            lines += ["", f"{_lower(entry_label(kind, three.labels))} ({len(entries)}):"]
            for entry in entries:
                lines += _entry_lines(three, entry, width)
    return "\n".join(lines) + "\n"
