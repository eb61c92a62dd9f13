"""Stage 0 — the model every other stage shares.

Takes in nothing from the outside world: it defines the frozen provision tree (`Draft`,
`Provision`, `Location`, `Source`), the label grammar that reads and writes numbers
(`numbering`), positional Akoma Ntoso-style eIds (`ids`), the placeholders a provision's
text holds for notes and objects (`placeholders`) and the draftkit XML form with its RelaxNG check
(`xmlio`). It hands the readers a target shape and every later stage a tree
that never changes once built. Guarantees: no I/O apart from `xmlio`'s explicit read/write
helpers, and no import from any later stage.
"""

from __future__ import annotations

from draftkit.model.draft import (
    FRONT_KINDS,
    KINDS,
    Cell,
    Draft,
    Kind,
    Location,
    Provision,
    ReadWarning,
    Source,
    SourceFormat,
)

__all__ = [
    "FRONT_KINDS",
    "KINDS",
    "Cell",
    "Draft",
    "Kind",
    "Location",
    "Provision",
    "ReadWarning",
    "Source",
    "SourceFormat",
]
