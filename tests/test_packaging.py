"""The installed wheel (not only an editable install) carries schemas/ (issue 2)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT


def test_wheel_carries_schemas(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("draftkit-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for schema in (
        "draft.rng",
        "draft.schema.json",
        "diff.schema.json",
        "taxonomy.toml",
        "framework.clauses.toml",
    ):
        assert f"draftkit/schemas/{schema}" in names, schema
    assert "draftkit/cli/__init__.py" in names
