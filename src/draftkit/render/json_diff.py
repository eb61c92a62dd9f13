"""A Comparison as JSON (schemas/diff.schema.json). Keys in a fixed order; any text stays valid JSON."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import Any

from draftkit.compare.changes import Change, Comparison, Flag
from draftkit.errors import json_bytes
from draftkit.memory import few_collections
from draftkit.model import Draft
from draftkit.render.draft_out import warning_to_dict


def _side(draft: Draft) -> dict[str, Any]:
    return {
        "source": draft.source.path if draft.source else None,
        "sha256": draft.source.sha256 if draft.source else None,
        "title": draft.title,
        "warnings": [warning_to_dict(w) for w in draft.warnings],
    }


def flag_to_dict(flag: Flag) -> dict[str, Any]:
    """One flag as a JSON-ready dict."""
    return {
        "rule": flag.rule,
        "category": flag.category,
        "severity": flag.severity,
        "message": flag.message,
        "old": flag.old,
        "new": flag.new,
    }


def _table_move(change: Change) -> dict[str, Any]:
    """Where a provision moved into (or out of) a table: the cell on the side in the table."""
    side = change.new if change.table_move == "into" else change.old
    location = side[0].location if side else None
    table, row, column = location.cell if location is not None and location.cell else (None, None, None)
    return {"direction": change.table_move, "table": table, "row": row, "column": column}


def change_to_dict(change: Change) -> dict[str, Any]:
    """One change as a JSON-ready dict."""
    return {
        "kind": change.kind,
        "old": [p.eid for p in change.old],
        "new": [p.eid for p in change.new],
        "old_num": change.old_num,
        "new_num": change.new_num,
        "old_cite": change.old_cite or None,
        "new_cite": change.new_cite or None,
        "moved": change.moved,
        "renumbered": change.renumbered,
        "references_updated": change.references_updated,
        **({"rewritten": True, "confidence": change.confidence} if change.rewritten else {}),
        **({"pinned": True} if change.pinned else {}),
        **({"possibly_replaced_by": change.possibly_replaced_by} if change.possibly_replaced_by else {}),
        **({"table_move": _table_move(change)} if change.table_move else {}),
        "similarity": round(change.similarity, 4),
        "old_heading": change.old_heading,
        "new_heading": change.new_heading,
        "old_text": change.old_text if change.old else None,
        "new_text": change.new_text if change.new else None,
        "ops": [[kind, text] for kind, text in change.ops],
        "categories": sorted(set(change.old_category) | set(change.new_category)),
        "flags": [flag_to_dict(f) for f in change.flags],
    }


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    """The whole comparison as a JSON-ready dict."""
    out = _head(comparison)
    out["changes"] = [change_to_dict(c) for c in comparison.changes]
    return out


def _head(comparison: Comparison) -> dict[str, Any]:
    """Everything of comparison_to_dict but the changes."""
    summary: dict[str, Any] = dict(comparison.summary())
    summary["flags"] = comparison.flag_counts()
    out: dict[str, Any] = {
        "old": _side(comparison.old),
        "new": _side(comparison.new),
        "summary": summary,
    }
    if comparison.lens != "default":
        out["lens"] = comparison.lens
    if comparison.pins:
        out["pins"] = [
            {"old": p.old, "new": p.new, "old_cite": p.old_cite, "new_cite": p.new_cite}
            for p in comparison.pins
        ]
    return out


# Lines made ahead: id(change) → (the change, its line as `render_json_bytes` writes it). The
# change is kept with its line so that a line is used only for that very (immutable) object.
Ready = dict[int, tuple[Change, bytes]]


def ready_lines(comparison: Comparison) -> Ready:
    """The lines of the changes the flags leave alone (unchanged, not moved: most of a long
    draft), made (and encoded) before the comparison is flagged (api.diff, while a forked
    child flags). A later step that gives one of them a flag replaces the change: its line is
    made again."""
    return {
        id(change): (change, json_bytes(_change_line(change)))
        for change in comparison.changes
        if change.kind == "unchanged" and not change.moved
    }


@few_collections  # ~100,000 small containers without cycles
def render_json(comparison: Comparison) -> str:
    """JSON text of a comparison: the header indented, then one change per line.

    One line per change keeps the file readable and diffable, and lets the C encoder do the
    work (json.dumps with `indent` runs the pure-Python encoder: 5× slower on long drafts).
    """
    head, lines = _head_text(comparison), [_change_line(change) for change in comparison.changes]
    if not lines:
        return "{\n" + head + ',\n  "changes": []\n}\n'
    # One join over the whole text: no per-change concatenation, no copies of the big string.
    return "".join(("{\n", head, ',\n  "changes": [\n    ', ",\n    ".join(lines), "\n  ]\n}\n"))


@few_collections
def render_json_bytes(comparison: Comparison, *, ready: Ready | None = None) -> bytes:
    """`render_json` as the file holds it: `errors.json_bytes` of the text (UTF-8, any
    undecodable file-name byte escaped), line by line (`ready`: lines made ahead by
    `ready_lines`, used for the very changes they were made of): the 7 MB text of a long
    draft is not encoded at the end, after the flags, but mostly beside them."""
    head = json_bytes(_head_text(comparison))
    if not comparison.changes:
        return b"{\n" + head + b',\n  "changes": []\n}\n'
    lines: list[bytes] = []
    append = lines.append
    got = ready.get if ready else None
    for change in comparison.changes:
        made = got(id(change)) if got is not None else None
        append(made[1] if made is not None and made[0] is change else json_bytes(_change_line(change)))
    return b"".join((b"{\n", head, b',\n  "changes": [\n    ', b",\n    ".join(lines), b"\n  ]\n}\n"))


def _head_text(comparison: Comparison) -> str:
    data = _head(comparison)
    encode = _ENCODER.encode
    return ",\n".join(f'  "{key}": {encode(data[key])}' for key in data)


# One encoder for every change (json.dumps with options builds a new one per call).
_ENCODER = json.JSONEncoder(ensure_ascii=False)
_STRING = json.encoder.encode_basestring  # a str as that encoder writes it (C)


def _scalar(value: object) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is str:
        return _STRING(value)
    return _ENCODER.encode(value)


def _strings(values: Iterable[str]) -> str:
    return "[" + ", ".join([_STRING(v) for v in values]) + "]"


def _unchanged_line(change: Change) -> str:
    """`_change_line` of an unchanged provision without flags or extras (most of a long
    draft), in one format string."""
    old, new = change.old[0], change.new[0]
    text = _STRING(change.old_text)
    string = _STRING
    # As `_scalar` writes them, its common cases inline (12,000 lines of a long draft): a str
    # or None, a bool, the similarity of equal texts.
    old_num, new_num, old_cite, new_cite = old.num, new.num, change.old_cite, change.new_cite
    old_heading, new_heading, similarity = change.old_heading, change.new_heading, change.similarity
    moved, renumbered, updated = change.moved, change.renumbered, change.references_updated
    return (
        f'{{"kind": "unchanged", "old": [{string(old.eid)}], "new": [{string(new.eid)}], '
        f'"old_num": {"null" if old_num is None else _scalar(old_num)}, '
        f'"new_num": {"null" if new_num is None else _scalar(new_num)}, '
        f'"old_cite": {_scalar(old_cite) if old_cite else "null"}, '
        f'"new_cite": {_scalar(new_cite) if new_cite else "null"}, '
        f'"moved": {"false" if moved is False else _scalar(moved)}, '
        f'"renumbered": {"false" if renumbered is False else _scalar(renumbered)}, '
        f'"references_updated": {"false" if updated is False else _scalar(updated)}, '
        f'"similarity": {"1.0" if similarity == 1.0 else float.__repr__(round(similarity, 4))}, '
        f'"old_heading": {"null" if old_heading is None else _scalar(old_heading)}, '
        f'"new_heading": {"null" if new_heading is None else _scalar(new_heading)}, '
        f'"old_text": {text}, "new_text": {text}, "ops": [["equal", {text}]], "categories": [], "flags": []}}'
    )


def _change_line(change: Change) -> str:
    """`_ENCODER.encode(change_to_dict(change))`, byte for byte, written directly: a long
    draft's JSON is mostly unchanged provisions, whose text stands three times in its line
    (old, new, the one 'equal' op) and is escaped here once (tests/render/test_json_line.py
    holds the two ways equal)."""
    if (
        change.kind == "unchanged"
        and len(change.old) == len(change.new) == 1
        and not (change.flags or change.old_category or change.new_category)
        and not (change.rewritten or change.pinned or change.possibly_replaced_by or change.table_move)
        and change.old_text == change.new_text
        and change.ops == (("equal", change.old_text),)
        and type(change.similarity) is float
        and math.isfinite(change.similarity)
    ):
        return _unchanged_line(change)
    old_text = _STRING(change.old_text) if change.old else "null"
    new_text = (
        old_text
        if change.new and change.old and change.new_text == change.old_text
        else _STRING(change.new_text)
        if change.new
        else "null"
    )
    ops = []
    for kind, text in change.ops:
        encoded = (
            old_text
            if change.old and text == change.old_text
            else new_text
            if change.new and text == change.new_text
            else _STRING(text)
        )
        ops.append(f"[{_STRING(kind)}, {encoded}]")
    optional = ""
    if change.rewritten:
        optional += f', "rewritten": true, "confidence": {_scalar(change.confidence)}'
    if change.pinned:
        optional += ', "pinned": true'
    if change.possibly_replaced_by:
        optional += f', "possibly_replaced_by": {_STRING(change.possibly_replaced_by)}'
    if change.table_move:
        optional += f', "table_move": {_ENCODER.encode(_table_move(change))}'
    flags = _ENCODER.encode([flag_to_dict(f) for f in change.flags]) if change.flags else "[]"
    return "".join(
        (
            '{"kind": ',
            _STRING(change.kind),
            ', "old": ',
            _strings([p.eid for p in change.old]),
            ', "new": ',
            _strings([p.eid for p in change.new]),
            ', "old_num": ',
            _scalar(change.old[0].num if change.old else None),
            ', "new_num": ',
            _scalar(change.new[0].num if change.new else None),
            ', "old_cite": ',
            _scalar(change.old_cite or None),
            ', "new_cite": ',
            _scalar(change.new_cite or None),
            ', "moved": ',
            _scalar(change.moved),
            ', "renumbered": ',
            _scalar(change.renumbered),
            ', "references_updated": ',
            _scalar(change.references_updated),
            optional,
            ', "similarity": ',
            _scalar(round(change.similarity, 4)),
            ', "old_heading": ',
            _scalar(change.old_heading),
            ', "new_heading": ',
            _scalar(change.new_heading),
            ', "old_text": ',
            old_text,
            ', "new_text": ',
            new_text,
            ', "ops": [',
            ", ".join(ops),
            '], "categories": ',
            _strings(sorted(set(change.old_category) | set(change.new_category))),
            ', "flags": ',
            flags,
            "}",
        )
    )
