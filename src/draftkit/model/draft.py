"""The provision tree: frozen dataclasses, no I/O.

Text is held exactly as the reader saw it; normalisation happens only when comparing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import field
from typing import Literal

from draftkit.records import record

Kind = Literal[
    "part",
    "chapter",
    "section",
    "article",
    "paragraph",
    "subparagraph",
    "point",
    "annex",
    "preface",
    "recital",
    "conclusion",
]
KINDS: tuple[Kind, ...] = (
    "part",
    "chapter",
    "section",
    "article",
    "paragraph",
    "subparagraph",
    "point",
    "annex",
    "conclusion",
)
"""Kinds of provision in a draft's tree, and (`Kind` only) of the comparison's front units. `preface` (the title) and `recital` (a preamble paragraph, the
enacting formula included) are the draft's front matter as units the comparison aligns,
diffs and flags like provisions; `conclusion` is a closing formula or a signature block
("Done at …", "For the Government of …"), never glued to the provision above it."""
FRONT_KINDS: tuple[Kind, ...] = ("preface", "recital")

SourceFormat = Literal["docx", "odt", "pdf", "text", "markdown", "xml"]


Cell = tuple[int, int, int]
"""A table cell as (table, row, column), 1-based: tables counted in document order, nested
ones included; rows and columns as the view being read shows them."""


@record
class Location:
    """Where a provision starts in its source: paragraph index (DOCX) or line (text), 1-based;
    `cell` the table cell that paragraph stands in (DOCX; None outside tables and in formats
    whose reader does not record tables)."""

    paragraph: int | None = None
    line: int | None = None
    cell: Cell | None = None

    def describe(self) -> str:
        """Human form: 'paragraph 41' or 'line 12'."""
        if self.paragraph is not None:
            return f"paragraph {self.paragraph}"
        if self.line is not None:
            return f"line {self.line}"
        return "unknown place"

    def describe_cell(self) -> str:
        """'table 1, row 2, column 1'; '' outside tables."""
        if self.cell is None:
            return ""
        table, row, column = self.cell
        return f"table {table}, row {row}, column {column}"


@record
class Provision:
    """One numbered (or titled) unit of a draft with its own text and its children.

    `num` is the label exactly as displayed ("Article 5", "5.2", "(b)"); `text` is the
    provision's own text without label and children (for a provision with children it is
    the lead-in, AKN `intro`). Paragraphs of the own text are joined with "\\n".
    """

    kind: Kind
    num: str | None
    ordinal: int | None
    heading: str | None
    text: str
    children: tuple[Provision, ...] = ()
    eid: str = ""
    guid: str | None = None
    location: Location | None = None

    def walk(self) -> Iterator[Provision]:
        """This provision, then all its descendants, in document order."""
        # A stack, not nested generators: each provision is handed on once, not through a
        # generator per level above it (a long draft is walked many times).
        stack = [self]
        while stack:
            provision = stack.pop()
            yield provision
            if provision.children:
                stack.extend(reversed(provision.children))


@record
class Source:
    """Where a draft came from."""

    path: str
    sha256: str
    format: SourceFormat
    # DOCX: whether the main document's body holds a table (False: later stages that look
    # for table rows need not open the file again); None where not known (other formats).
    tables: bool | None = None
    # PDF: the running headers and footers the reader left out (readers.pdf), for a pair's
    # note where they differ (readers.furniture).
    running: tuple[str, ...] = ()


@record
class ReadWarning:
    """Something a reader guessed, located: a numbering gap, a number read as text, a point
    that seems to hold another, paragraphs read as unnumbered provisions."""

    code: str
    message: str
    location: Location | None = None

    def describe(self, source: str) -> str:
        """One line: 'draft.txt: line 12: …'."""
        where = f"{self.location.describe()}: " if self.location is not None else ""
        return f"{source}: {where}{self.message}"


@record
class Draft:
    """A whole draft: title, unnumbered preamble, and the provision tree (annexes included,
    as top-level provisions of kind 'annex')."""

    title: str | None
    preamble: tuple[str, ...]
    provisions: tuple[Provision, ...]
    source: Source | None = None
    meta: tuple[tuple[str, str], ...] = field(default=())
    warnings: tuple[ReadWarning, ...] = field(default=(), compare=False)

    def walk(self) -> Iterator[Provision]:
        """Every provision in document order (depth first)."""
        stack = list(reversed(self.provisions))
        while stack:
            provision = stack.pop()
            yield provision
            if provision.children:
                stack.extend(reversed(provision.children))

    @property
    def annexes(self) -> tuple[Provision, ...]:
        """The top-level provisions of kind 'annex'."""
        return tuple(p for p in self.provisions if p.kind == "annex")

    def count(self) -> int:
        """How many provisions the tree holds (family by family: a long draft's are mostly leaves)."""
        total, families = 0, [self.provisions]
        while families:
            family = families.pop()
            total += len(family)
            families.extend([p.children for p in family if p.children])
        return total
