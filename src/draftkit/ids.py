"""Positional eIds from the tree, Akoma Ntoso style: `art_3__para_2__point_b`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from draftkit.model import Kind, Provision

ABBREVIATIONS: dict[Kind, str] = {
    "part": "part",
    "chapter": "chp",
    "section": "sec",
    "article": "art",
    "paragraph": "para",
    "subparagraph": "subpara",
    "point": "point",
    "annex": "annex",
}
_UNSAFE = re.compile(r"[^\w.-]+")


def eid_step(provision: Provision) -> str:
    """One step of an eId: the kind's abbreviation and the label's last number ('nn' if none)."""
    prefix = ABBREVIATIONS[provision.kind]
    if provision.num is None:
        return f"{prefix}_nn"
    # The last word of the label, its last dotted component: "Article 5" → 5, "2.3." → 3.
    words = provision.num.strip(" .()").split()
    last = words[-1] if words else ""
    components = [c for c in last.split(".") if c.strip("()")]
    number = components[-1].strip("()") if components else ""
    number = _UNSAFE.sub("-", number).strip("-_") or "nn"
    return f"{prefix}_{number}"


def assign_eids(provisions: Sequence[Provision], parent: str = "") -> tuple[Provision, ...]:
    """Return the provisions with positional eids; siblings that would collide get _2, _3 …"""
    seen: dict[str, int] = {}
    out: list[Provision] = []
    for provision in provisions:
        step = eid_step(provision)
        seen[step] = seen.get(step, 0) + 1
        if seen[step] > 1:
            step = f"{step}_{seen[step]}"
        eid = f"{parent}__{step}" if parent else step
        children = assign_eids(provision.children, eid)
        out.append(replace(provision, eid=eid, children=children))
    return tuple(out)
