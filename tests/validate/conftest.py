"""Helpers for the validation tests: drafts from text, schemas from TOML text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from draftkit.model import Draft
from draftkit.readers import read
from draftkit.validate import Finding, Report, validate
from draftkit.validate.clause_schema import ClauseSchema, parse_schema

# A small draft that passes the default schema; tests break one thing at a time.
CLEAN = """\
FRAMEWORK ON DE-ESCALATION

The Parties,

Have agreed as follows:

Article 1 — Ceasefire
1. The Parties shall observe a ceasefire from the day following signature.
2. The Parties shall refrain from:
(a) offensive operations;
(b) the laying of mines.

Article 2 — Withdrawal
1. Each Party shall, within 30 days of signature, withdraw its forces as set out in Annex I.
2. Withdrawal under paragraph 1 shall be verified as provided in Article 3.

Article 3 — Monitoring and Verification
1. A monitoring mission shall verify compliance with point (b) of paragraph 2 of Article 1.

Article 4 — Security Guarantees
1. The Guarantors shall consult within 72 hours of a violation of Art. 1(2).

Article 5 — Territorial Arrangements
1. The line of contact described in Annex I shall separate the forces.

Article 6 — Reconstruction
1. A reconstruction fund is established.

Article 7 — Entry into Force
1. This Framework shall enter into force on signature.

ANNEX I — LINE OF CONTACT
1. The line follows points LC-01 to LC-09.
"""


@pytest.fixture
def make_draft(tmp_path: Path) -> Callable[[str], Draft]:
    """Read a draft from text (written to a file, as a user would have it)."""
    counter = iter(range(1_000))

    def make(text: str) -> Draft:
        path = tmp_path / f"draft{next(counter)}.txt"
        path.write_text(text, encoding="utf-8")
        return read(path)

    return make


def schema_of(toml: str, base: Path | None = None) -> ClauseSchema:
    """A clause schema from TOML text."""
    return parse_schema(toml, source="test.clauses.toml", base=base)


def rules(report: Report) -> list[str]:
    """The rule ids of a report's findings, in order."""
    return [f.rule for f in report.findings]


def only(report: Report, rule: str) -> list[Finding]:
    """The findings of one rule."""
    return [f for f in report.findings if f.rule == rule]


@pytest.fixture
def check(make_draft: Callable[[str], Draft]) -> Callable[[str, str | None], Report]:
    """Validate draft text against TOML schema text (None: the default schema)."""

    def run(text: str, toml: str | None = None) -> Report:
        schema = schema_of(toml) if toml is not None else None
        return validate(make_draft(text), schema)

    return run
