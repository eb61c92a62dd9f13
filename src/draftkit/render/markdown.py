"""A Comparison as Markdown for an issue tracker or a memo: summary tables, flags, each change
redlined with ~~deleted~~ and **inserted** text.

Draft text is escaped so that it can add no link, HTML, heading, list, table cell or emphasis
of its own: only our markers remain. GitHub-flavoured Markdown is the target (CommonMark plus
tables, strikethrough and bare-URL autolinks); the escaping also holds for plain CommonMark.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterable
from typing import Literal, assert_never

from draftkit.compare.changes import (
    COUNT_LABELS,
    SEVERITIES,
    Change,
    Comparison,
    Flag,
    Severity,
    category_label,
    kind_label,
)
from draftkit.compare.textdiff import Op, OpKind
from draftkit.records import record
from draftkit.render.draft_out import READING_NOTES_HEADING, reading_notes

# Invisible, and as an entity its source ends in ";" (punctuation), which lets a marker next
# to it open or close; inside a word it also breaks e-mail autolinks and @mentions.
_ZWSP = "&#8203;"
_UNSAFE_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# Backslash-escaped wherever they occur: every inline construct starts with one of these.
_SPECIAL = frozenset("\\`*_[]<>|~#")
_LIST_START = re.compile(r"^(\d{1,9})([.)])")
_WWW = re.compile(r"(?i)(?<![\w.])www\.")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_NEWLINES = re.compile(r"\n+")
_HARD_BREAK = "\\\n"
EVIDENCE_MAX = 160  # characters of a flag's old/new words shown beside its message
_STRUCTURAL = frozenset({"part", "chapter", "section", "article", "annex"})


def _severity_label(severity: Severity) -> str:
    match severity:
        case "high":
            return "HIGH"
        case "medium":
            return "MEDIUM"
        case "low":
            return "LOW"
        case _:
            assert_never(severity)


# --- escaping ----------------------------------------------------------------------------


def escape(text: str | None) -> str:
    """Draft text as inert Markdown on one line: every character shows as itself."""
    flat = " ".join(_UNSAFE_CHARS.sub("\ufffd", text or "").split("\n"))
    out: list[str] = []
    for k, ch in enumerate(flat):
        before = flat[k - 1] if k else ""
        after = flat[k + 1] if k + 1 < len(flat) else ""
        if ch in _SPECIAL:
            out.append("\\" + ch)
            if ch == "#" and after.isalnum():
                out.append(_ZWSP)  # "#12" would link issue 12 in a tracker
        elif ch == ":" and before.isalnum() and after and not after.isspace():
            out.append("\\:")  # "http://…", "javascript:…": no scheme, no bare-URL autolink
        elif ch == "@" and after.isalnum():
            out.append("@" + _ZWSP)  # no e-mail autolink, no @mention
        elif ch == "&" and _ENTITY.match(flat, k):
            out.append("\\&")  # "&lt;" stays the four characters it is
        else:
            out.append(ch)
    return _WWW.sub(lambda m: m.group(0)[:3] + "\\.", "".join(out))


def _guard_line(line: str) -> str:
    """Keep a line of our own text from starting a block (list, heading, quote, rule, code)."""
    line = line.lstrip(" \t")
    if line[:1] in ("-", "+", "="):
        return "\\" + line
    m = _LIST_START.match(line)
    if m:
        return m.group(1) + "\\" + line[len(m.group(1)) :]
    return line


def _is_space(ch: str) -> bool:
    return not ch or ch.isspace()


def _is_punct(ch: str) -> bool:
    """Punctuation in every CommonMark version (ASCII punctuation and Unicode P*)."""
    return bool(ch) and (ch in string.punctuation or unicodedata.category(ch).startswith("P"))


def _maybe_punct(ch: str) -> bool:
    """Punctuation in some CommonMark version (0.31 added Unicode symbols, S*)."""
    return bool(ch) and (_is_punct(ch) or unicodedata.category(ch).startswith("S"))


# --- redline of ops ----------------------------------------------------------------------


@record
class _Part:
    role: Literal["text", "open", "close"]
    text: str


def _inline(kind: OpKind, text: str) -> str:
    """Escaped text of one op; a paragraph break is a hard line break unless it was deleted."""
    match kind:
        case "delete":
            return " ¶ ".join(escape(t) for t in _NEWLINES.split(text))
        case "insert":
            lines = _NEWLINES.split(text)
            return (" ¶" + _HARD_BREAK).join([escape(t.rstrip()) for t in lines[:-1]] + [escape(lines[-1])])
        case "equal":
            return _HARD_BREAK.join(escape(t) for t in _NEWLINES.split(text))
        case _:
            assert_never(kind)


def _parts(ops: Iterable[Op]) -> list[_Part]:
    parts: list[_Part] = []
    for kind, text in ops:
        if kind == "equal":
            parts.append(_Part("text", _inline(kind, text)))
            continue
        core = text.strip()
        if not core:
            # Only white space changed: show the new spacing, mark nothing.
            parts.append(_Part("text", _inline("equal", text) if kind == "insert" else ""))
            continue
        start = text.index(core)
        marker = "**" if kind == "insert" else "~~"
        parts.append(_Part("text", _inline("equal", text[:start])))
        parts += [_Part("open", marker), _Part("text", _inline(kind, core)), _Part("close", marker)]
        parts.append(_Part("text", _inline("equal", text[start + len(core) :])))
    return [part for part in parts if part.text]


def _assemble(parts: list[_Part]) -> str:
    """Join parts, adding an invisible entity where a marker would otherwise not count as one:
    CommonMark opens `**` only when it is not glued to a word on its left while followed
    by punctuation, and closes it only in the mirror case ("Agreement**, unless**")."""
    out = ""
    for k, part in enumerate(parts):
        before = out[-1:]
        after = parts[k + 1].text[:1] if k + 1 < len(parts) else ""
        # cmark-gfm does not take a "~~" or "**" next to a marker as punctuation
        # ("~~b~~**, c**" stays literal): treat a neighbouring marker as a letter.
        if k and parts[k - 1].role != "text" and not out.endswith(_ZWSP):
            before = "a"
        if k + 1 < len(parts) and parts[k + 1].role != "text":
            after = "a"
        match part.role:
            case "text":
                out += part.text
            case "open":
                fix = not _is_space(before) and not _is_punct(before) and _maybe_punct(after)
                out += (_ZWSP if fix else "") + part.text
            case "close":
                fix = _maybe_punct(before) and not _is_space(after) and not _is_punct(after)
                out += part.text + (_ZWSP if fix else "")
    return out


def redline(ops: Iterable[Op]) -> str:
    """'the Parties ~~shall~~ **may** withdraw': ops as Markdown, paragraph breaks as hard breaks."""
    lines = _assemble(_parts(ops)).split("\n")
    # Breaks from neighbouring ops can stack up, and a break at either end would show as a
    # backslash: keep only lines with text, and no hard break after the last one. (A line
    # ending in an odd number of backslashes ends in our hard break; pairs are escapes.)
    lines = [line for line in lines if line.strip() not in ("", "\\")]
    if lines and (len(lines[-1]) - len(lines[-1].rstrip("\\"))) % 2:
        lines[-1] = lines[-1][:-1]
    return "\n".join(lines)


def _mark(kind: OpKind, text: str | None) -> str:
    return redline([(kind, text)]) if text else ""


# --- document parts ----------------------------------------------------------------------


def _quote(body: str) -> str:
    """A block quote of redlined text; every line guarded against starting a block."""
    lines = [_guard_line(line) for line in body.split("\n")]
    return "\n".join("> " + line if line else ">" for line in lines)


def _squash(text: str | None) -> str:
    return " ".join((text or "").split())


def _num(change: Change) -> str:
    old, new = change.old_num, change.new_num
    match change.kind:
        case "added":
            return _mark("insert", new)
        case "deleted":
            return _mark("delete", old)
        case "unchanged" | "modified" | "split" | "merged":
            if old and new and _squash(old) != _squash(new):
                return _mark("delete", old) + " " + _mark("insert", new)
            return escape(new or old)
        case _:
            assert_never(change.kind)


def _heading(change: Change) -> str:
    match change.kind:
        case "added":
            return _mark("insert", change.new_heading)
        case "deleted":
            return _mark("delete", change.old_heading)
        case "unchanged" | "modified" | "split" | "merged":
            if change.heading_changed:
                marked = (_mark("delete", change.old_heading), _mark("insert", change.new_heading))
                return " ".join(x for x in marked if x)
            return escape(change.new_heading or change.old_heading)
        case _:
            assert_never(change.kind)


def _label(change: Change) -> str:
    old, new = change.old_cite, change.new_cite
    if old and new and old != new:
        return f"{escape(old)} → {escape(new)}"
    return escape(new or old)


def _tags(change: Change) -> list[str]:
    if change.kind == "unchanged":
        tags = [] if change.references_updated else ["Text unchanged"]
    else:
        tags = [kind_label(change.kind)]
    if change.moved:
        tags.append(change.moved_label[0].upper() + change.moved_label[1:])
    if change.renumbered:
        tags.append("Renumbered")
    if change.heading_changed:
        tags.append("Heading changed")
    if change.references_updated:
        tags.append("References updated")
    if change.rewritten:
        review = ", check this pairing" if change.needs_review else ""
        tags.append(f"Rewritten (confidence {change.confidence or 0:.2f}{review})")
    if change.pinned:
        tags.append("Paired by hand" if change.old and change.new else "Kept apart by hand")
    if change.possibly_replaced_by:
        tags.append(f"Possibly replaced by {escape(change.possibly_replaced_by)}")
    return tags


def _clip(text: str, limit: int = EVIDENCE_MAX) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _flag_line(flag: Flag, where: str = "") -> str:
    evidence = ""
    if flag.old or flag.new:
        old = f"“{escape(_clip(flag.old))}”" if flag.old else "—"
        new = f"“{escape(_clip(flag.new))}”" if flag.new else "—"
        evidence = f" ({old} → {new})"
    at = f" · {where}" if where else ""
    severity = _severity_label(flag.severity)
    return f"- {severity} · {escape(category_label(flag.category))}{at}: {escape(flag.message)}{evidence}"


def _change_section(change: Change) -> str:
    num, heading, text = _num(change), _heading(change), redline(change.ops)
    first = (change.new or change.old)[:1]
    if first and first[0].kind in _STRUCTURAL:
        # "Article 5 — Maritime Arrangements", its own text (if any) on the next line
        head = " — ".join(x for x in (num, heading) if x)
        body = head + (_HARD_BREAK + text if head and text else text)
    else:
        # "2. The Parties shall …" as the draft prints it
        body = " ".join(x for x in (num, heading, text) if x)
    lines = [f"### {_label(change)} · {', '.join(_tags(change))}", ""]
    if body:
        lines += [_quote(body), ""]
    lines += [_flag_line(flag) for flag in change.flags]
    if change.flags:
        lines.append("")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return escape(text) or " "


def _relabelled_only(change: Change) -> bool:
    return (
        change.kind == "unchanged"
        and change.renumbered
        and not change.moved
        and not change.references_updated
        and not change.flags
    )


def render_markdown(comparison: Comparison) -> str:
    """Markdown report of a comparison: summary, flags, and every change redlined."""
    old, new = comparison.old, comparison.new
    title = new.title or old.title or "Draft comparison"
    out = [f"# Redline: {escape(title)}", ""]
    old_path, new_path = (d.source.path if d.source else "" for d in (old, new))
    out += [
        "| | Old | New |",
        "| --- | --- | --- |",
        f"| File | {_cell(old_path)} | {_cell(new_path)} |",
        f"| Provisions | {old.count()} | {new.count()} |",
    ]
    if old.source and new.source:
        out.append(f"| SHA-256 | `{old.source.sha256}` | `{new.source.sha256}` |")
    summary = comparison.summary()
    keys = [k for k in summary if k != "unchanged"] + ["unchanged"]
    out += [
        "",
        "## Summary",
        "",
        "| " + " | ".join(COUNT_LABELS.get(k, escape(k)) for k in keys) + " |",
        "| " + " | ".join("---:" for _ in keys) + " |",
        "| " + " | ".join(str(summary[k]) for k in keys) + " |",
        "",
    ]
    flags = [(flag, change) for change in comparison.changes for flag in change.flags]
    counts = comparison.flag_counts()
    out += [
        "| Flags | " + " | ".join(s.capitalize() for s in SEVERITIES) + " | Total |",
        "| --- | " + " | ".join("---:" for _ in SEVERITIES) + " | ---: |",
        "| All | " + " | ".join(str(counts[s]) for s in SEVERITIES) + f" | {len(flags)} |",
    ]
    for category in sorted({flag.category for flag, _ in flags}):
        row = [sum(1 for f, _ in flags if f.category == category and f.severity == s) for s in SEVERITIES]
        out.append(f"| {_cell(category_label(category))} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    out.append("")
    notes: list[str] = []
    refs = sum(1 for c in comparison.changes if c.references_updated)
    if refs:
        notes.append(
            f"- {refs} provision{'s' if refs != 1 else ''} changed only by cross-references rewritten after "
            "renumbering (counted as unchanged, shown below)."
        )
    for pin in comparison.pins:
        if pin.old_cite and pin.new_cite:
            notes.append(f"- Paired by hand: {escape(pin.old_cite)} = {escape(pin.new_cite)}.")
        else:
            notes.append(f"- Kept apart by hand: {escape(pin.old_cite or pin.new_cite)}.")
    reading = reading_notes(old, new)
    if reading:
        notes.append(f"- {READING_NOTES_HEADING}:")
        notes += [f"  - {escape(line)}" for line in reading]
    if notes:
        out += [*notes, ""]
    if flags:
        order = {s: k for k, s in enumerate(SEVERITIES)}
        out += ["## Flags", ""]
        out += [
            _flag_line(flag, escape(change.new_cite or change.old_cite))
            for flag, change in sorted(flags, key=lambda fc: order[fc[0].severity])
        ]
        out.append("")
    out += ["## Changes", ""]
    shown = [
        c
        for c in comparison.changes
        if (c.is_change or c.references_updated or c.flags) and not _relabelled_only(c)
    ]
    out += [_change_section(c) for c in shown]
    relabelled = [c for c in comparison.changes if _relabelled_only(c)]
    if relabelled:
        out += [
            f"### Renumbered only, text unchanged ({len(relabelled)})",
            "",
            ", ".join(_label(c) for c in relabelled),
            "",
        ]
    if not shown and not relabelled:
        codes = {w.code for draft in (old, new) for w in draft.warnings}
        if "not-compared" in codes:
            out += ["No changes in the text compared (see the reading warnings above).", ""]
        elif "tracked-changes" in codes:  # Word shows them as markup (readers.docx_tracked)
            out += [
                "No changes in the text as read (see the reading warnings above: pending tracked changes).",
                "",
            ]
        else:
            out += ["No changes.", ""]
    return "\n".join(out).rstrip("\n") + "\n"
