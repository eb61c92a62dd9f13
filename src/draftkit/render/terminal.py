"""A Comparison for the terminal: counts, flags highest first, one line per changed provision."""

from __future__ import annotations

from collections import Counter

from draftkit.compare.changes import SEVERITIES, Change, Comparison, Pin, category_label
from draftkit.compare.textdiff import Op
from draftkit.errors import one_line

_CONTEXT = 24  # characters of unchanged text kept around an edit
# With colour, edits are wrapped in these private-use marks while the text is built and escaped,
# and `paint` turns them into terminal colours last, so escaping a draft's own control
# characters never touches ours (and a draft's own marks are replaced first).
_INS, _DEL, _END = "\ue000", "\ue001", "\ue002"
_MARKS = str.maketrans(dict.fromkeys((_INS, _DEL, _END), "\ufffd"))
_SGR = {_INS: "\x1b[32m", _DEL: "\x1b[31;9m", _END: "\x1b[0m"}
_MAX_LINE = 160


def inline_diff(
    ops: tuple[Op, ...] | list[Op], *, context: int = _CONTEXT, limit: int = _MAX_LINE, colour: bool = False
) -> str:
    """'… the Parties [-shall-]{+may+} withdraw …': edits marked, long equal runs trimmed
    (`colour`: edits wrapped in marks that `paint` turns into red and green instead)."""
    parts: list[str] = []
    last = len(ops) - 1
    for k, (kind, text) in enumerate(ops):
        flat = " ".join(text.split("\n")) if kind == "equal" else text.replace("\n", " ¶ ")
        flat = flat.translate(_MARKS) if colour else flat
        match kind:
            case "insert":
                parts.append(_INS + flat + _END if colour else "{+" + flat + "+}")
            case "delete":
                parts.append(_DEL + flat + _END if colour else "[-" + flat + "-]")
            case "equal":
                if len(flat) > 2 * context:
                    head = flat[:context] if k > 0 else ""
                    tail = flat[-context:] if k < last else ""
                    flat = (head + "…" if head else "…") + (tail if tail else "")
                parts.append(flat)
    line = "".join(parts)
    if len(line) > limit:
        line = line[: limit - 1] + "…"
        if colour and line.rfind(_END) < max(line.rfind(_INS), line.rfind(_DEL)):
            line += _END  # the cut fell inside an edit
    return line


def paint(text: str) -> str:
    """Text from `render_terminal(colour=True)`, its marks turned into ANSI colours (run it
    after escaping the text for the terminal)."""
    for mark, sgr in _SGR.items():
        text = text.replace(mark, sgr)
    return text


def _labels(change: Change) -> str:
    old = change.old_cite or "—"
    new = change.new_cite or "—"
    return old if old == new else f"{old} → {new}"


def _line(change: Change, colour: bool = False) -> str:
    tags: list[str] = [change.kind]
    if change.moved:
        tags.append(change.moved_label)
    if change.renumbered:
        tags.append("renumbered")
    if change.references_updated:
        tags.append("references updated")
    if change.rewritten:
        tags.append(f"rewritten, confidence {change.confidence or 0:.2f}")
    if change.pinned:
        tags.append("paired by hand" if change.old and change.new else "kept apart by hand")
    if change.possibly_replaced_by:
        tags.append(f"possibly replaced by {change.possibly_replaced_by}")
    body = ""
    match change.kind:
        case "added" | "deleted":
            text = change.new_text if change.kind == "added" else change.old_text
            heading = change.new_heading if change.kind == "added" else change.old_heading
            shown = " ".join(((heading or "") + " " + text).split())
            body = shown if len(shown) <= 100 else shown[:99] + "…"
        case "modified" | "split" | "merged":
            if change.heading_changed:
                body = f"heading: {change.old_heading or '—'} → {change.new_heading or '—'}"
            if any(kind != "equal" for kind, _ in change.ops):
                body = (body + "; " if body else "") + inline_diff(change.ops, colour=colour)
        case "unchanged" if change.references_updated and any(kind != "equal" for kind, _ in change.ops):
            body = inline_diff(change.ops, colour=colour)  # the citations rewritten
        case "unchanged":
            pass
    return f"  {_labels(change)}  [{', '.join(tags)}]" + (f"  {body}" if body else "")


def _pin(pin: Pin) -> str:
    if pin.old_cite and pin.new_cite:
        return f"{pin.old_cite} = {pin.new_cite}"
    return f"{pin.old_cite} kept deleted" if pin.old_cite else f"{pin.new_cite} kept added"


def render_terminal(comparison: Comparison, *, show_all: bool = False, colour: bool = False) -> str:
    """The human summary of a comparison (`colour`: edits marked for `paint`, not as [-…-]{+…+})."""
    old, new = comparison.old, comparison.new
    summary = comparison.summary()
    lines = [
        f"old: {one_line(old.source.path) if old.source else '?'}  ({old.count()} provisions)",
        f"new: {one_line(new.source.path) if new.source else '?'}  ({new.count()} provisions)",
        "",
        "  ".join(f"{kind}: {n}" for kind, n in summary.items()),
    ]
    flags = [
        (flag, change.new_cite or change.old_cite) for change in comparison.changes for flag in change.flags
    ]
    if flags:
        counts = Counter(flag.severity for flag, _ in flags)  # comparison.flag_counts, from these
        lines += ["", "flags: " + "  ".join(f"{s}: {counts[s]}" for s in SEVERITIES)]
        order = {s: k for k, s in enumerate(SEVERITIES)}
        for flag, where in sorted(flags, key=lambda fw: order[fw[0].severity]):
            lines.append(
                f"  {flag.severity.upper():<6} {category_label(flag.category):<22} {where + ': ' if where else ''}{flag.message}"
            )
    content: list[Change] = []
    relabelled: list[Change] = []
    if show_all:
        content = [c for c in comparison.changes if c.is_change]
    else:  # one pass over a long draft's changes, most of them unchanged
        for c in comparison.changes:
            if c.kind != "unchanged" or c.moved or c.references_updated or c.flags:
                content.append(c)  # a citation rewritten is a text changed: shown as one
            elif c.renumbered:
                relabelled.append(c)
    if content:
        lines += ["", "changes:"]
        lines += [_line(c, colour) for c in content]
    if relabelled:
        shown = ", ".join(f"{c.old_cite} → {c.new_cite}" for c in relabelled[:12])
        more = f" and {len(relabelled) - 12} more" if len(relabelled) > 12 else ""
        lines += ["", f"renumbered only, text unchanged ({len(relabelled)}): {shown}{more}"]
    if comparison.lens == "translation":
        lines += [
            "",
            "lens: translation — two renderings of one text; a point reworded with the same numbers, names,"
            " negations, modals, dates and conditions is a register difference",
        ]
    if comparison.pins:
        lines += [
            "",
            f"pinned by hand ({len(comparison.pins)}): " + ", ".join(_pin(p) for p in comparison.pins),
        ]
    # What was not compared (parts of a file, a text too long to compare word by word) is
    # said in the report too, not only on stderr: a report kept in a file is not silent.
    left_out = _said(comparison, "not-compared")
    if left_out:
        lines += ["", "not compared (also said on stderr):"]
        lines += [f"  {line}" for line in left_out]
    # Pending tracked changes, read in one view, are markup in Word: a file Word shows edited
    # may read as the old text (readers.docx_tracked), so the report says it too.
    tracked = _said(comparison, "tracked-changes")
    if tracked:
        lines += ["", "pending tracked changes (also said on stderr):"]
        lines += [f"  {line}" for line in tracked]
    if not content and not relabelled:
        if left_out:
            lines += ["", "no changes in the text compared"]
        else:
            lines += [
                "",
                "no changes in the text as read (pending tracked changes: see above)"
                if tracked
                else "no changes",
            ]
    return "\n".join(lines) + "\n"


def _said(comparison: Comparison, code: str) -> list[str]:
    """The drafts' reading warnings of one code, each as stderr says it (old draft first)."""
    return [
        one_line(warning.describe(draft.source.path if draft.source else "draft"))
        for draft in (comparison.old, comparison.new)
        for warning in draft.warnings
        if warning.code == code
    ]
