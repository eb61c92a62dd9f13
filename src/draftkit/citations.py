"""Human citations of provisions: "Article 4(2)(b)", "Annex I, 3.", "1.2(a)"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from draftkit.model import Provision

_PLAIN_NUMBER = re.compile(r"^\(?([0-9]+|[A-Za-z]{1,3}|[ivxlcdm]+|[^\W\d_]{1,2})[.)]?$")


def cite(path: Sequence[Provision]) -> str:
    """A citation from the chain of provisions root → target, as drafters write it."""
    out = ""
    for provision in path:
        num = (provision.num or "").strip()
        if not num:
            if not out and provision.heading:
                out = provision.heading
            continue
        if not out:
            out = num.rstrip(".")
            continue
        m = _PLAIN_NUMBER.match(num)
        if m and provision.kind not in ("article", "section", "chapter", "part", "annex"):
            out += f"({m.group(1)})"
        else:
            out += f", {num}"
    return out or "(unnumbered provision)"
