"""Hypothesis strategies for drafts: random provision trees, and random draft texts."""

from __future__ import annotations

from typing import get_args

from hypothesis import strategies as st

from draftkit.model import KINDS, Draft, Location, Provision, Source, SourceFormat
from draftkit.model.ids import assign_eids

# Text XML 1.0 can hold (no C0 controls but tab/newline/CR, no surrogates, no U+FFFE/FFFF).
xml_chars = st.characters(
    blacklist_categories=("Cs",),
    blacklist_characters="".join(chr(c) for c in range(0x20) if c not in (9, 10, 13)) + "\ufffe\uffff",
)
texts = st.text(xml_chars, max_size=40)


@st.composite
def provisions(draw: st.DrawFn, depth: int = 0) -> Provision:
    """A random provision subtree (eids filled in later by assign_eids)."""
    children: tuple[Provision, ...] = ()
    if depth < 3:
        children = tuple(draw(st.lists(provisions(depth + 1), max_size=3)))
    return Provision(
        kind=draw(st.sampled_from(KINDS)),
        num=draw(st.none() | st.text(xml_chars, min_size=1, max_size=12)),
        ordinal=draw(st.none() | st.integers(-5, 10_000)),
        heading=draw(st.none() | texts),
        text=draw(texts),
        children=children,
        guid=draw(st.none() | st.uuids().map(str)),
        location=draw(
            st.none()
            | st.builds(
                Location, st.none() | st.integers(1, 10**6), st.none() | st.integers(1, 10**6)
            ).filter(lambda loc: loc.paragraph is not None or loc.line is not None)
        ),
    )


@st.composite
def drafts(draw: st.DrawFn) -> Draft:
    """A random Draft with positional eids."""
    return Draft(
        title=draw(st.none() | texts),
        preamble=tuple(draw(st.lists(texts, max_size=3))),
        provisions=assign_eids(draw(st.lists(provisions(), max_size=4))),
        source=draw(
            st.none()
            | st.builds(
                Source,
                texts,
                st.text("0123456789abcdef", min_size=64, max_size=64),
                st.sampled_from(get_args(SourceFormat)),
            )
        ),
    )


LABELS = ["Article {n}", "{n}.", "({a})", "({r})", "{n})", "{n}.{m}", "Section {n}", "ANNEX {R}"]
WORDS = [
    "The",
    "Parties",
    "shall",
    "withdraw",
    "forces",
    "from",
    "the",
    "Kessel",
    "Valley",
    "within",
    "30",
    "days",
    "600,000",
    "troops",
    "may",
    "monitor",
    "verify",
    "ceasefire",
    "line",
    "zone",
]


@st.composite
def draft_texts(draw: st.DrawFn) -> str:
    """A random plain-text draft: labelled lines in random shapes, some prose, blank lines."""
    lines: list[str] = ["DRAFT FRAMEWORK", ""]
    for _ in range(draw(st.integers(1, 30))):
        shape = draw(st.sampled_from(LABELS))
        n = draw(st.integers(1, 30))
        label = shape.format(
            n=n,
            m=draw(st.integers(1, 9)),
            a="abcdefghijklmnopqrstuvwxyz"[n % 26],
            r=["i", "ii", "iii", "iv", "v", "vi"][n % 6],
            R=["I", "II", "III", "IV"][n % 4],
        )
        words = draw(st.lists(st.sampled_from(WORDS), max_size=12))
        lines.append((label + " " + " ".join(words)).strip() + draw(st.sampled_from(["", ".", ";", ":"])))
        if draw(st.booleans()):
            lines.append("")
    return "\n".join(lines) + "\n"
