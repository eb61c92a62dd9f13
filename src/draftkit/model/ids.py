"""Positional eIds from the tree, Akoma Ntoso style: `art_3__para_2__point_b`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from draftkit.model.draft import Kind, Provision

ABBREVIATIONS: dict[Kind, str] = {
    "part": "part",
    "chapter": "chp",
    "section": "sec",
    "article": "art",
    "paragraph": "para",
    "subparagraph": "subpara",
    "point": "point",
    "annex": "annex",
    "preface": "preface",
    "recital": "recital",
    "conclusion": "conclusions",
}
_POSITIONAL: frozenset[Kind] = frozenset({"paragraph", "point", "recital", "conclusion"})
_UNSAFE = re.compile(r"[^\w.-]+")
_INSERTED = re.compile(
    r"(?i:bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies)|مكرّ?ر(?:اً|ًا|ا|ة)?"
)


@lru_cache(maxsize=4096)  # a long draft repeats a few hundred (kind, label) pairs
def eid_step(kind: Kind, num: str | None) -> str:
    """One step of an eId: the kind's abbreviation and the label's last number ('nn' if none)."""
    prefix = ABBREVIATIONS[kind]
    if num is None:
        return f"{prefix}_nn"
    # The last word of the label, its last dotted component: "Article 5" → 5, "2.3." → 3; an
    # article put in between keeps its number: "Article 5 bis" → 5bis, "المادة 5 مكرر" → 5مكرر.
    words = num.strip(" .()").split()
    last = words[-1] if words else ""
    if len(words) > 1 and (len(words) > 2 or words[0][:1].isdigit()) and _INSERTED.fullmatch(last):
        last = words[-2] + (last.lower() if last.isascii() else "bis")
    components = [c for c in last.split(".") if c.strip("()")]
    number = components[-1].strip("()") if components else ""
    number = _UNSAFE.sub("-", number).strip("-_") or "nn"
    return f"{prefix}_{number}"


def assign_eids(provisions: Sequence[Provision], parent: str = "") -> tuple[Provision, ...]:
    """Return the provisions with positional eids; siblings that would collide get _2, _3 …"""
    seen: dict[str, int] = {}
    out: list[Provision] = []
    for provision in provisions:
        eid = next_eid(parent, provision.kind, provision.num, seen)
        children = assign_eids(provision.children, eid)
        out.append(replace(provision, eid=eid, children=children))
    return tuple(out)


def next_eid(parent: str, kind: Kind, num: str | None, seen: dict[str, int]) -> str:
    """The eid of the next sibling under `parent`; `seen` counts steps already used there."""
    step = eid_step(kind, num)
    if step.endswith("_nn") and kind in _POSITIONAL:
        # An unnumbered paragraph or a bullet has no number to cite: its place among its
        # unnumbered siblings is its number ("para_3"), as Akoma Ntoso does.
        position = seen.get(f"#{kind}", 0) + 1
        seen[f"#{kind}"] = position
        step = f"{ABBREVIATIONS[kind]}_{position}"
    count = seen.get(step, 0) + 1
    seen[step] = count
    if count > 1:
        step = f"{step}_{count}"
    return f"{parent}__{step}" if parent else step
