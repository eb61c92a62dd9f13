"""compare3 --format docx (issue 16): each counter-proposal's changes tracked under its own
author; LibreOffice opens it and shows both."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from draftkit.cli import main
from draftkit.history import compare3
from draftkit.render.history_docx import render_three_way_docx
from draftkit.render.wml import resolve_revisions
from tests.conftest import DRAFTS

KESSEL = DRAFTS / "kessel"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _three() -> bytes:
    result = compare3(
        KESSEL / "base.txt",
        KESSEL / "veloria-counter.txt",
        KESSEL / "astria-counter.txt",
        labels=("Veloria", "Astria"),
    )
    return render_three_way_docx(result, date="2026-11-24T00:00:00Z")


def _document(data: bytes) -> etree._Element:
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as z:
        return etree.fromstring(z.read("word/document.xml"))


def test_each_side_is_its_own_author_and_the_bytes_are_stable() -> None:
    data = _three()
    assert data == _three()
    root = _document(data)
    authors = {el.get(f"{W}author") for el in root.iter(f"{W}ins", f"{W}del")}
    assert authors == {"Veloria", "Astria"}
    ids = [el.get(f"{W}id") for el in root.iter(f"{W}ins", f"{W}del")]
    assert len(ids) == len(set(ids))


def test_accepting_a_side_gives_its_wording() -> None:
    root = _document(_three())
    resolve_revisions(root, "accept")
    text = " ".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p"))
    assert "Veloria: The Parties shall withdraw their forces 25 km" in text
    assert (
        "Astria: The Parties shall withdraw their forces 10 km from the Line of Contact within 60 days"
        in text
    )


def test_cli_needs_an_output_file(tmp_path: Path) -> None:
    args = [
        "compare3",
        str(KESSEL / "base.txt"),
        str(KESSEL / "veloria-counter.txt"),
        str(KESSEL / "astria-counter.txt"),
    ]
    refused = CliRunner().invoke(main, [*args, "--format", "docx"])
    assert refused.exit_code == 2 and "give -o FILE.docx" in refused.stderr
    out = tmp_path / "three.docx"
    made = CliRunner().invoke(main, [*args, "--format", "docx", "-o", str(out), "--date", "2026-11-24"])
    assert made.exit_code == 0, made.output
    assert zipfile.is_zipfile(out)


@pytest.mark.office
def test_libreoffice_opens_it_with_both_authors(soffice: str, tmp_path: Path) -> None:
    path = tmp_path / "three.docx"
    path.write_bytes(_three())
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "odt", "--outdir", str(tmp_path), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    with zipfile.ZipFile(tmp_path / "three.odt") as z:
        content = z.read("content.xml").decode("utf-8")
    # LibreOffice keeps each tracked change with its author (dc:creator in changed-region).
    assert "<dc:creator>Veloria</dc:creator>" in content and "<dc:creator>Astria</dc:creator>" in content
