"""The installed wheel (not only an editable install) carries schemas/ (issue 2)."""

from __future__ import annotations

import os
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
    (wheel,) = tmp_path.glob("draftkit_frameworks-*.whl")
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
    assert "draftkit/web/static/index.html" in names
    assert "draftkit/web/static/app.js" in names
    # Installed, draftkit finds them inside itself (resources.schema_path), not in a checkout.
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    found = subprocess.run(
        [
            sys.executable,
            "-c",
            "import draftkit.resources as r, draftkit.risk as k; p = r.schema_path('taxonomy.toml');"
            " print(r.__file__); print(p); print(p.is_file(), len(k.load_taxonomy().categories) > 0)",
        ],
        env={**os.environ, "PYTHONPATH": str(site)},
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split("\n")
    assert found[0].startswith(str(site)), found
    assert found[1] == str(site / "draftkit" / "schemas" / "taxonomy.toml")
    assert found[2] == "True True"


def test_distribution_name_is_our_own() -> None:
    """ "draftkit" on the package index is an unrelated project (issue 17): ours is
    draftkit-frameworks, with the import name and the command still `draftkit`."""
    import tomllib
    from importlib import metadata

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "draftkit-frameworks"
    assert project["scripts"] == {"draftkit": "draftkit.cli:run"}
    assert metadata.version("draftkit-frameworks") == project["version"]
    command = Path(sys.executable).with_name("draftkit")
    result = subprocess.run([str(command), "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"draftkit, version {project['version']}"
