"""Shared fixtures: paths, and the system tools (LibreOffice, Chromium) the user-level tests need."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]

# CI (`.ci/run` sets DRAFTKIT_REQUIRE_SYSTEM_TOOLS) runs the same Hypothesis examples on every
# run, so a landing does not depend on the draw; on a developer's machine the search explores
# (and keeps what it finds in .hypothesis/). `benchmarks/fuzz.py` explores at length.
settings.register_profile("ci", derandomize=True)
if os.environ.get("DRAFTKIT_REQUIRE_SYSTEM_TOOLS"):
    settings.load_profile("ci")
DRAFTS = ROOT / "drafts"
CASES = Path(__file__).resolve().parent / "cases"


def _tool(name: str, *candidates: str) -> str:
    for candidate in candidates:
        found = shutil.which(candidate)
        if found:
            return found
    message = f"{name} is not installed ({' / '.join(candidates)}); `make test` installs it as root"
    if os.environ.get("DRAFTKIT_REQUIRE_SYSTEM_TOOLS"):
        pytest.fail(f"{message} — CI requires it")
    pytest.skip(message)


@pytest.fixture(scope="session")
def soffice() -> str:
    """Path to LibreOffice's soffice; skips (or fails in CI) when absent."""
    return _tool("LibreOffice", "soffice", "libreoffice")


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path to Chromium; skips (or fails in CI) when absent."""
    return _tool("Chromium", "chromium", "chromium-browser")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen-golden",
        action="store_true",
        default=False,
        help="rewrite the expected outputs of golden tests (review with git diff)",
    )


@pytest.fixture
def regen_golden(request: pytest.FixtureRequest) -> bool:
    """True when golden files should be rewritten instead of compared."""
    return bool(request.config.getoption("--regen-golden"))
