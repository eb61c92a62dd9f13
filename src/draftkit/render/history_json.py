"""A History (schemas/history.schema.json) or a ThreeWay (schemas/compare3.schema.json) as
JSON. Keys in a fixed order; one lineage, bracket or entry per line."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from draftkit.compare.changes import Change
from draftkit.history.brackets import Bracket
from draftkit.history.lineage import Event, Lineage, Round
from draftkit.history.three_way import Entry, ThreeWay
from draftkit.history.timeline import History
from draftkit.render.draft_out import warning_to_dict
from draftkit.render.json_diff import change_to_dict, flag_to_dict


def lineage_id(index: int) -> str:
    """The id a lineage is given in every output ("l1" for the first)."""
    return f"l{index + 1}"


def round_to_dict(index: int, round_: Round) -> dict[str, Any]:
    """One round as a JSON-ready dict."""
    draft = round_.draft
    return {
        "index": index,
        "label": round_.label,
        "source": round_.source,
        "sha256": draft.source.sha256 if draft.source else None,
        "date": round_.date,
        "author": round_.author,
        "title": draft.title,
        "provisions": draft.count(),
        "warnings": [warning_to_dict(w) for w in draft.warnings],
    }


def event_groups(lineage: Lineage) -> list[tuple[int, int, list[Event]]]:
    """A lineage's events grouped by (round, change): what one cell of the timeline shows."""
    groups: dict[tuple[int, int], list[Event]] = {}
    for event in lineage.events:
        groups.setdefault((event.round, event.change), []).append(event)
    return [(r, c, events) for (r, c), events in groups.items()]


def _lineage(index: int, lineage: Lineage, history: History) -> dict[str, Any]:
    events = []
    for round_index, change_index, group in event_groups(lineage):
        change = history.steps[round_index - 1].changes[change_index]
        events.append(
            {
                "round": round_index,
                "kinds": [e.kind for e in group],
                "related": sorted({eid for e in group for eid in e.related}),
                "change": change_index,
                "similarity": round(change.similarity, 4),
                "flags": [flag_to_dict(f) for f in change.flags],
            }
        )
    return {
        "id": lineage_id(index),
        "cite": lineage.cite,
        "eids": list(lineage.eids),
        "cites": list(lineage.cites),
        "events": events,
    }


def _bracket(bracket: Bracket) -> dict[str, Any]:
    return {
        "id": bracket.id,
        "lineage": lineage_id(bracket.lineage),
        "texts": list(bracket.texts),
        "eids": list(bracket.eids) if bracket.eids else [None] * len(bracket.texts),
        "events": [
            {
                "round": e.round,
                "kind": e.kind,
                "eid": e.eid,
                "text": e.text,
                "resolution": e.resolution,
                "wording": e.wording,
                "alternative": e.alternative,
            }
            for e in bracket.events
        ],
    }


def history_to_dict(history: History) -> dict[str, Any]:
    """The whole history as a JSON-ready dict."""
    steps = []
    for k, step in enumerate(history.steps, start=1):
        summary: dict[str, Any] = dict(step.summary())
        summary["restored"] = history.restored(k)  # of the added: each restores a provision deleted earlier
        summary["flags"] = step.flag_counts()
        steps.append({"from": k - 1, "to": k, "summary": summary})
    return {
        "rounds": [round_to_dict(i, r) for i, r in enumerate(history.rounds)],
        "steps": steps,
        "open_brackets": [[b.id for b in history.open_brackets(r)] for r in range(len(history.rounds))],
        "lineages": [_lineage(i, lineage, history) for i, lineage in enumerate(history.lineages)],
        "brackets": [_bracket(b) for b in history.brackets],
    }


def _lines(data: dict[str, Any], head: Sequence[str], listed: Sequence[str]) -> str:
    parts = [f'  "{key}": {json.dumps(data[key], ensure_ascii=False)}' for key in head]
    for key in listed:
        items = ",\n".join("    " + json.dumps(item, ensure_ascii=False) for item in data[key])
        parts.append(f'  "{key}": [\n{items}\n  ]' if items else f'  "{key}": []')
    return "{\n" + ",\n".join(parts) + "\n}\n"


def render_history_json(history: History) -> str:
    """JSON text of a history: header indented, then one lineage or bracket per line."""
    return _lines(history_to_dict(history), ("rounds", "steps", "open_brackets"), ("lineages", "brackets"))


def _side(change: Change | None) -> dict[str, Any] | None:
    return None if change is None else change_to_dict(change)


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    """One three-way entry as a JSON-ready dict (each side's change as `draftkit diff` gives it)."""
    return {
        "kind": entry.kind,
        "base": entry.base_eid,
        "cite": entry.cite,
        "reason": entry.reason or None,
        "a": _side(entry.a),
        "b": _side(entry.b),
    }


def three_way_to_dict(three: ThreeWay) -> dict[str, Any]:
    """A three-way comparison as a JSON-ready dict."""

    def side(label: str, draft: Any) -> dict[str, Any]:
        return {
            "label": label,
            "source": draft.source.path if draft.source else None,
            "title": draft.title,
            "warnings": [warning_to_dict(w) for w in draft.warnings],
        }

    summary = three.summary()
    return {
        "base": side("base", three.base),
        "a": side(three.labels[0], three.a),
        "b": side(three.labels[1], three.b),
        "summary": {
            "conflicts": summary["conflict"],
            **{k: v for k, v in summary.items() if k != "conflict"},
        },
        "entries": [entry_to_dict(e) for e in three.entries],
    }


def render_three_way_json(three: ThreeWay) -> str:
    """JSON text of a three-way comparison: header indented, one entry per line."""
    return _lines(three_way_to_dict(three), ("base", "a", "b", "summary"), ("entries",))
