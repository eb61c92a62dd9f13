"""What every check shares: the provision tree it walks and the findings it hands on.

Takes in a `Draft` and hands on its provisions as `Entry`s (each with its chain of ancestors,
its place in document order and the annex it stands in), a `Collector` the checks add
findings to, `Finding`/`Report`/`Severity` (what `validate()` hands its callers), and the
wording every message uses (`quote`, `normal`, `or_list`, `PLURAL`). Guarantees: a finding
added at level "off" is dropped; `Collector.sorted()` gives the findings in document order,
ties broken by rule, message and text, without a finding equal to the one before it.
Imports no module of this package but `clause_schema`, so every check can import it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

from draftkit.compare.citations import cite
from draftkit.model import Draft, Location, Provision, Source
from draftkit.records import record
from draftkit.validate.clause_schema import Level

Severity = Literal["error", "warning"]

PLURAL: dict[str, str] = {
    "part": "parts",
    "chapter": "chapters",
    "section": "sections",
    "article": "articles",
    "paragraph": "paragraphs",
    "subparagraph": "subparagraphs",
    "point": "points",
    "annex": "annexes",
    "preface": "titles",
    "recital": "recitals",
    "conclusion": "final clauses",
}
_WS = re.compile(r"\s+")


@record
class Finding:
    """One problem: how bad, which rule, what is wrong, and where it stands.

    `citation` is how a drafter names the place ("Article 4(2)(b)", "Preamble, recital 3");
    `eid` the provision's eId; `location` the source paragraph (DOCX) or line (text); `text`
    the words at fault (the citation as written, the bracketed text), when there are any.
    Findings about the draft as a whole (a missing provision) have no place.
    """

    severity: Severity
    rule: str
    message: str
    citation: str | None = None
    eid: str | None = None
    location: Location | None = None
    text: str | None = None


@record
class Report:
    """The findings of one validation, in document order, and what they were checked against."""

    findings: tuple[Finding, ...]
    schema: str
    schema_source: str
    source: Source | None = None
    notes: tuple[str, ...] = ()

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity 'error'."""
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity 'warning'."""
        return tuple(f for f in self.findings if f.severity == "warning")

    def ok(self, strict: bool = False) -> bool:
        """True when there are no errors (and, if `strict`, no warnings)."""
        return not self.errors and not (strict and self.warnings)


@record
class Entry:
    """A provision with its chain of ancestors (root → itself) and its place in document order."""

    provision: Provision
    path: tuple[Provision, ...]
    index: int
    annex: str  # eid of the annex it stands in ("" outside annexes)

    @property
    def parent(self) -> Provision | None:
        """The provision this one stands in; None at the top of the draft."""
        return self.path[-2] if len(self.path) > 1 else None

    def citation(self) -> str:
        """How a drafter names this provision: "Article 4(2)(b)"."""
        return cite(self.path)


@dataclass
class Collector:
    """The findings of the checks as they add them, each with its place in document order."""

    findings: list[tuple[tuple[int, int, int], Finding]] = field(default_factory=list)

    def add(
        self,
        level: Level,
        rule: str,
        message: str,
        entry: Entry | None = None,
        *,
        text: str | None = None,
        citation: str | None = None,
        order: tuple[int, int, int] | None = None,
    ) -> None:
        """Add a finding at `entry` (or about the draft as a whole, or at `order`); none if "off"."""
        if level == "off":
            return
        if entry is not None:
            provision = entry.provision
            finding = Finding(
                level, rule, message, entry.citation(), provision.eid or None, provision.location, text
            )
            key = order or (1, entry.index, 0)
        else:
            finding = Finding(level, rule, message, citation, None, None, text)
            key = order or (2, 0, 0)
        self.findings.append((key, finding))

    def sorted(self) -> tuple[Finding, ...]:
        """The findings in document order, ties by rule, message and text; repeats in a row dropped."""
        ordered = sorted(
            self.findings, key=lambda item: (item[0], item[1].rule, item[1].message, item[1].text or "")
        )
        out: list[Finding] = []
        for _, finding in ordered:
            if not out or out[-1] != finding:
                out.append(finding)
        return tuple(out)


def entries_of(draft: Draft) -> list[Entry]:
    """Every provision of the draft, depth first in document order, as an `Entry`."""
    out: list[Entry] = []

    def visit(provision: Provision, path: tuple[Provision, ...], annex: str) -> None:
        chain = (*path, provision)
        out.append(Entry(provision, chain, len(out), annex))
        inner = provision.eid if provision.kind == "annex" else annex
        for child in provision.children:
            visit(child, chain, inner)

    for provision in draft.provisions:
        visit(provision, (), "")
    return out


def quote(text: str, limit: int = 80) -> str:
    """`text` on one line, cut to `limit` characters with "…", in double quotes for a message."""
    flat = _WS.sub(" ", text).strip()
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return f'"{flat}"'


def normal(text: str) -> str:
    """`text` with its runs of whitespace made one space, trimmed."""
    return _WS.sub(" ", text).strip()


def entry_of(element: etree._Element | None, by_eid: dict[str, Entry]) -> Entry | None:
    """The entry of the nearest provision (by eId) that holds this XML element, if any."""
    while element is not None:
        eid = element.get("eId")
        if eid and eid in by_eid:
            return by_eid[eid]
        element = element.getparent()
    return None


def or_list(words: Iterable[str]) -> str:
    """'a, b or c'."""
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]
