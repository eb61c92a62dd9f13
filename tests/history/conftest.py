"""Shared inputs of the history tests: the five bundled rounds, read once."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftkit.history import History, Round, build
from draftkit.readers import read
from tests.conftest import CASES, ROOT

ROUNDS = CASES / "history" / "rounds"
ROUND_FILES = sorted(ROUNDS.glob("round-*.txt"))


def relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.fixture(scope="session")
def five_rounds() -> History:
    """The five rounds without risk flags (the goldens do not move when a rule does)."""
    rounds = [Round(p.stem, read(relative(p))) for p in ROUND_FILES]
    return build(rounds, flags=False)
