"""The redline's list numbers as LibreOffice prints them (issue 17 item 4), PDF → text.

LibreOffice 7.4 shows a numbered paragraph of a document with tracked changes as
`actual[original]` ("2.[3.]", "[2.]" for a deleted one): its own display of tracked
numbering, not text of the redline (docs/redline.md, "List numbers in LibreOffice"). These
tests pin what is ours — the numbers the redline holds — and what is LibreOffice's:

* accepted (rejected) in LibreOffice, saved and printed again, the redline shows exactly the
  new (old) draft's numbers;
* printed with its changes showing, the paragraphs before the first revision show their
  plain number, a deleted paragraph its old number in brackets;
* LibreOffice's own redline of the bundled v1 → v2 (Edit › Track Changes › Compare
  Document) shows bracketed numbers on paragraphs that did not change too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest

from draftkit.compare import compare
from draftkit.readers import read
from draftkit.render.docx_redline import render_docx
from tests.lo_oracle import LibreOffice
from tests.render.test_lo_oracle import DRAFTS

OLD = "Undertakings\n1. Alpha text here.\n2. Beta text here.\n3. Gamma text here.\n4. Delta text here.\n"
NEW = "Undertakings\n1. Alpha text here.\n2. Gamma text here.\n3. Epsilon new words inserted.\n4. Delta text here.\n"
WORDS = ("Alpha", "Beta", "Gamma", "Epsilon", "Delta")


def _lines(pdf: Path) -> list[str]:
    return [line.strip() for page in pypdf.PdfReader(pdf).pages for line in page.extract_text().splitlines()]


def _numbers(pdf: Path, words: tuple[str, ...] = WORDS) -> dict[str, str]:
    """The number printed before each paragraph starting with one of `words`."""
    out: dict[str, str] = {}
    for line in _lines(pdf):
        for word in words:
            at = line.find(word)
            if at >= 0 and word not in out:
                out[word] = line[:at].strip()
    return out


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The redline of a one-level list: point 2 deleted, a point inserted after the old 3."""
    tmp = tmp_path_factory.mktemp("numbers")
    (tmp / "old.txt").write_text(OLD, encoding="utf-8")
    (tmp / "new.txt").write_text(NEW, encoding="utf-8")
    comparison = compare(read(tmp / "old.txt"), read(tmp / "new.txt"))
    assert [c.kind for c in comparison.changes if c.kind != "unchanged"] == ["deleted", "added"]
    (tmp / "redline.docx").write_bytes(render_docx(comparison))
    return tmp


@pytest.mark.office
@pytest.mark.parametrize(
    ("view", "expected"),
    [
        ("accept", {"Alpha": "1.", "Gamma": "2.", "Epsilon": "3.", "Delta": "4."}),
        ("reject", {"Alpha": "1.", "Beta": "2.", "Gamma": "3.", "Delta": "4."}),
    ],
)
def test_accepted_and_rejected_redline_prints_the_drafts_numbers(
    libreoffice: LibreOffice,
    pair: Path,
    view: str,
    expected: dict[str, str],
) -> None:
    # Saved first: LibreOffice's in-memory layout right after Accept All still numbers
    # the paragraph that followed a deleted one as if it were deleted (it prints
    # "Gamma text here." with no number); the document it saves is right.
    resolved = pair / f"{view}.docx"
    libreoffice.save(pair / "redline.docx", resolved, view)  # type: ignore[arg-type]
    libreoffice.save(resolved, pair / f"{view}.pdf")
    assert _numbers(pair / f"{view}.pdf") == expected


@pytest.mark.office
def test_redline_printed_with_changes_uses_libreoffices_brackets(
    libreoffice: LibreOffice,
    pair: Path,
) -> None:
    libreoffice.save(pair / "redline.docx", pair / "shown.pdf")
    numbers = _numbers(pair / "shown.pdf")
    assert set(numbers) == set(WORDS), numbers
    # Before the first revision: the plain number. The deleted point: no number of its own
    # in the new draft, its old one in brackets — LibreOffice's rule at its simplest.
    assert numbers["Alpha"] == "1."
    assert numbers["Beta"] == "[2.]"
    # Every number printed is LibreOffice's `actual[original]` form, nothing else.
    assert all(re.fullmatch(r"(\d+\.)?(\[\d+\.\])?", n) for n in numbers.values()), numbers


@pytest.mark.office
def test_libreoffices_own_redline_brackets_unchanged_paragraphs(
    libreoffice: LibreOffice,
    tmp_path: Path,
) -> None:
    """The brackets on paragraphs whose number did not change are LibreOffice's: its own
    Compare Document of v1 → v2 prints them as ours does. Article 3's paragraph 3 ("No armed
    forces …") is number 3 in both drafts; LibreOffice 7.4 prints it "1.[7.]" in ours and
    "5.[3.]" in its own (and its own heading "[Article 3]")."""
    ours = tmp_path / "ours.docx"
    ours.write_bytes(
        render_docx(compare(read(DRAFTS / "framework-v1.docx"), read(DRAFTS / "framework-v2.docx")))
    )
    theirs = tmp_path / "theirs.docx"
    libreoffice.compare(DRAFTS / "framework-v1.docx", DRAFTS / "framework-v2.docx", theirs)
    words = ("Disengagement", "No armed forces")
    printed = {}
    for name, path in (("ours", ours), ("theirs", theirs)):
        libreoffice.save(path, tmp_path / f"{name}.pdf")
        printed[name] = _numbers(tmp_path / f"{name}.pdf", words)
    # In both drafts: "Article 3 Disengagement …", paragraph 3 "No armed forces …".
    new = read(DRAFTS / "framework-v2.docx")
    article = next(p for p in new.walk() if p.heading and p.heading.startswith("Disengagement"))
    assert article.num == "Article 3"
    for name in ("ours", "theirs"):
        shown = printed[name]
        assert set(shown) == set(words), (name, shown)
        assert shown["No armed forces"] != "3." and "[" in shown["No armed forces"], (name, shown)
