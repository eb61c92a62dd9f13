"""Fixtures of the renderer tests: one headless LibreOffice for the session (tests/lo_oracle.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.lo_oracle import LibreOffice, uno_python


@pytest.fixture(scope="session")
def libreoffice(soffice: str) -> Iterator[LibreOffice]:
    """One headless LibreOffice for the session; skips (or fails in CI) without python3-uno."""
    python = uno_python()
    if python is None:
        message = (
            "python3-uno is not installed (no interpreter can `import uno`); `make test` installs it as root"
        )
        if os.environ.get("DRAFTKIT_REQUIRE_SYSTEM_TOOLS"):
            pytest.fail(f"{message} — CI requires it")
        pytest.skip(message)
    with LibreOffice(soffice, python) as office:
        yield office
