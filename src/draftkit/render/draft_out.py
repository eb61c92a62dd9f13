"""A parsed Draft as JSON (schemas/draft.schema.json) or as an indented terminal outline."""

from __future__ import annotations

import json
from typing import Any

from draftkit.model import Draft, Provision, ReadWarning

_PREVIEW = 72


def provision_to_dict(provision: Provision) -> dict[str, Any]:
    """One provision as a JSON-ready dict, children included, keys in a fixed order."""
    location = provision.location
    return {
        "eid": provision.eid,
        "kind": provision.kind,
        "num": provision.num,
        "ordinal": provision.ordinal,
        "heading": provision.heading,
        "text": provision.text,
        "location": {
            "paragraph": location.paragraph if location else None,
            "line": location.line if location else None,
        },
        "children": [provision_to_dict(child) for child in provision.children],
    }


def draft_to_dict(draft: Draft) -> dict[str, Any]:
    """The whole draft as a JSON-ready dict."""
    source = draft.source
    return {
        "source": {
            "path": source.path if source else None,
            "sha256": source.sha256 if source else None,
            "format": source.format if source else None,
        },
        "title": draft.title,
        "preamble": list(draft.preamble),
        "provisions": [provision_to_dict(p) for p in draft.provisions],
        "warnings": [warning_to_dict(w) for w in draft.warnings],
    }


READING_NOTES_MAX = 50  # a report lists this many reading warnings per draft, then counts the rest
READING_NOTES_HEADING = "Read with a guess or not read (reading warnings)"


def reading_notes(*drafts: Draft) -> list[str]:
    """The drafts' reading warnings as report lines ('v3.txt: line 5: no numbering: …'), at
    most READING_NOTES_MAX per draft and then how many more: what the reader guessed or could
    not read is said in the report too, not only on stderr."""
    lines: list[str] = []
    for draft in drafts:
        name = draft.source.path if draft.source else "draft"
        lines += [w.describe(name) for w in draft.warnings[:READING_NOTES_MAX]]
        if len(draft.warnings) > READING_NOTES_MAX:
            lines.append(
                f"{name}: {len(draft.warnings) - READING_NOTES_MAX} more reading warning(s) (see the JSON)"
            )
    return lines


def warning_to_dict(warning: ReadWarning) -> dict[str, Any]:
    """One reading warning as a JSON-ready dict (`paragraph`/`line` where it was read)."""
    location = warning.location
    return {
        "code": warning.code,
        "message": warning.message,
        "paragraph": location.paragraph if location else None,
        "line": location.line if location else None,
    }


def draft_to_json(draft: Draft) -> str:
    """JSON text of the draft (UTF-8 safe, indented, deterministic)."""
    return json.dumps(draft_to_dict(draft), ensure_ascii=False, indent=2) + "\n"


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _PREVIEW else flat[: _PREVIEW - 1] + "…"


def draft_outline(draft: Draft) -> str:
    """An indented outline for the terminal: label, heading, first words of the text."""
    lines: list[str] = []
    if draft.title:
        lines.append(draft.title)
    if draft.preamble:
        lines.append(f"  [preamble: {len(draft.preamble)} paragraph(s)]")

    def visit(provision: Provision, depth: int) -> None:
        parts = [provision.num or f"[{provision.kind}]"]
        if provision.heading:
            parts.append(f"— {provision.heading}")
        if provision.text:
            parts.append(_preview(provision.text))
        lines.append("  " * depth + " ".join(parts))
        for child in provision.children:
            visit(child, depth + 1)

    for provision in draft.provisions:
        visit(provision, 0)
    lines.append(f"({draft.count()} provisions)")
    return "\n".join(lines) + "\n"
