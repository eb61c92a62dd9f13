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
    number = provision.num.rstrip(".)").lstrip("(").split()[-1].rstrip(".")
    number = number.split(".")[-1] if "." in number else number
    number = _UNSAFE.sub("-", number).strip("-") or "nn"
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
