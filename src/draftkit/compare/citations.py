"""Human citations of provisions: "Article 4(2)(b)", "Annex I, 3.", "1.2(a)"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from draftkit.model import Provision

_PLAIN_NUMBER = re.compile(r"^\(?([0-9]+|[A-Za-z]{1,3}|[ivxlcdm]+|[^\W\d_]{1,2})[.)]?$")


BULLETS = frozenset("-–—•▪◦●‣∙·*")  # labels that are bullets, not numbers
_POSITIONAL_WORDS = {
    "para": "paragraph",
    "point": "point",
    "recital": "recital",
    "conclusions": "final clause",
}


def _positional(provision: Provision) -> str:
    """'paragraph 3', 'recital 2', 'final clause 1', 'title': an unnumbered unit cited by its
    place, as its positional eid gives it."""
    if provision.kind == "preface":
        return "title"
    step = provision.eid.rsplit("__", 1)[-1]
    word, _, number = step.partition("_")
    if word in _POSITIONAL_WORDS and number.isdigit():
        return f"{_POSITIONAL_WORDS[word]} {number}"
    return ""


def extend(prefix: str, provision: Provision) -> str:
    """The citation of `provision` given the (raw, possibly empty) citation of its parent."""
    num = (provision.num or "").strip()
    if not num or num in BULLETS:
        positional = _positional(provision)
        if positional:
            return f"{prefix}, {positional}" if prefix else positional
        return prefix or provision.heading or ""
    if not prefix:
        return num.rstrip(".")
    plain = _plain_number(num)
    if plain is not None and provision.kind not in ("article", "section", "chapter", "part", "annex"):
        return f"{prefix}({plain})"
    return f"{prefix}, {num}"


@lru_cache(maxsize=4_096)  # labels repeat thousands of times in a long draft
def _plain_number(num: str) -> str | None:
    """'b' for '(b)', '2' for '2.', None for a label that is not a plain number or letter."""
    m = _PLAIN_NUMBER.match(num)
    return m.group(1) if m else None


def cite(path: Sequence[Provision]) -> str:
    """A citation from the chain of provisions root → target, as drafters write it."""
    out = ""
    for provision in path:
        out = extend(out, provision)
    return out or UNNUMBERED


UNNUMBERED = "(unnumbered provision)"
