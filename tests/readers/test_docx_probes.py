"""Word-file differences the DOCX reader once missed in silence, found by the probe pairs of
`tests/fixtures/docx/word_probes.py` (old and new differ in one thing a reader of the
document sees, or in nothing a reader sees).

- WordArt (a VML `v:textpath`, a banner drawn across the page) keeps its text in an
  attribute, not a `w:t`: it is read in place as `⟦WordArt: …⟧`, so a changed banner is a
  change, and the redline keeps both views.
- A table cell continuing a vertical merge (`w:vMerge`) shows none of its own text: Word and
  LibreOffice show the first cell's. Its text is kept out and named, never a change.
- Text inside an element of a namespace Word does not know (declared ignorable): Word leaves
  it out with its content, LibreOffice shows it — compared as visible, and named.
- A dropped capital (`w:framePr w:dropCap`) is a paragraph of its own that Word draws as the
  next paragraph's first letter: read as stored, and said, located.

LibreOffice is the oracle where one is needed (`office` tests).
"""

from __future__ import annotations

import json
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest

from draftkit.compare import compare
from draftkit.readers import read
from draftkit.render.docx_redline import render_docx
from tests.fixtures.docx.word_probes import Probe, probes
from tests.hostile.helpers import cli
from tests.render.test_docx_redline import check_views

PROBES = {p.name: p for p in probes()}


def _pair(name: str, folder: Path) -> tuple[Path, Path]:
    probe: Probe = PROBES[name]
    return probe.old.build(folder / f"{name}.old.docx"), probe.new.build(folder / f"{name}.new.docx")


def _diff(old: Path, new: Path) -> tuple[list[dict[str, object]], str]:
    run = cli("diff", old, new, "--format", "json")
    assert run.code == 0, run.err
    changes = [c for c in json.loads(run.out)["changes"] if c["kind"] != "unchanged" or c["renumbered"]]
    return changes, run.err


def test_a_changed_wordart_banner_is_a_change(tmp_path: Path) -> None:
    old, new = _pair("vml-wordart", tmp_path)
    changes, _ = _diff(old, new)
    assert [(c["old_text"], c["new_text"]) for c in changes] == [
        ("See the banner. ⟦WordArt: ARMISTICE⟧", "See the banner. ⟦WordArt: CEASEFIRE⟧")
    ]


@pytest.mark.parametrize("direction", ["forward", "back"])
def test_a_redline_of_a_wordart_change_keeps_both_views(direction: str, tmp_path: Path) -> None:
    old, new = _pair("vml-wordart", tmp_path)
    if direction == "back":
        old, new = new, old
    comparison = compare(read(old), read(new))
    check_views(comparison, render_docx(comparison), tmp_path)


def test_text_in_a_merged_away_cell_is_named_not_compared(tmp_path: Path) -> None:
    old, new = _pair("vmerge-continue-cell-text", tmp_path)
    changes, err = _diff(old, new)
    assert changes == []
    for path, word in ((old, "Kessel"), (new, "Drava")):
        assert (
            f"{path}: paragraph 4: text in a table cell merged into the cell above (w:vMerge), which"
            f" Word and LibreOffice do not show, not compared: '{word}'"
        ) in err
    assert not any("Drava" in p.text for p in read(new).walk())


def test_a_restarting_merged_cell_is_read(tmp_path: Path) -> None:
    # The first cell of the merge (w:vMerge w:val="restart") shows its text: a change of it is one.
    old, new = _pair("vmerge-continue-cell-text", tmp_path)
    for path in (old, new):
        with zipfile.ZipFile(path) as z:
            assert b'<w:vMerge w:val="restart"/>' in z.read("word/document.xml")
    assert "Zone A" in "\n".join(p.text for p in read(new).walk())


def test_text_in_an_element_word_does_not_know_is_compared_and_named(tmp_path: Path) -> None:
    old, new = _pair("ignorable-unknown-wrapper", tmp_path)
    changes, err = _diff(old, new)
    assert [c["new_text"] for c in changes] == ["The Parties shall not withdraw."]
    assert (
        f"{new}: paragraph 2: text inside an element Word does not know (<wrap> of urn:unknown-ext):"
        " Word leaves such an element out with its text (or refuses the file), LibreOffice shows the"
        " text; compared as visible: 'not'"
    ) in err
    assert str(old) not in err


def test_known_wrappers_are_not_named(tmp_path: Path) -> None:
    for name in ("smarttag-run", "customxml-run", "sdt-inline", "sdt-block"):
        old, new = _pair(name, tmp_path)
        changes, err = _diff(old, new)
        assert changes and "does not know" not in err, name


def test_a_dropped_capital_is_said_where_it_stands(tmp_path: Path) -> None:
    old, new = _pair("drop-cap", tmp_path)
    _, err = _diff(old, new)
    assert (
        f"{new}: paragraph 2: a dropped capital (w:framePr w:dropCap), which Word shows as the first"
        " letter of the next paragraph, is read as a paragraph of its own"
    ) in err
    assert str(old) not in err


@pytest.mark.office
def test_libreoffice_shows_no_merged_away_text_and_the_wordart(soffice: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        merged, _ = _pair("vmerge-continue-cell-text", folder)
        _, wordart = _pair("vml-wordart", folder)
        subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation=file://{folder}/profile",
             "--convert-to", "odt", "--outdir", str(folder / "odt"), str(merged), str(wordart)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        with zipfile.ZipFile(folder / "odt" / f"{merged.stem}.odt") as z:
            content = z.read("content.xml").decode()
        assert "Zone A" in content and "Kessel" not in content
        with zipfile.ZipFile(folder / "odt" / f"{wordart.stem}.odt") as z:
            assert "CEASEFIRE" in z.read("content.xml").decode()
