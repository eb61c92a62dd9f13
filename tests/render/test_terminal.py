"""The terminal summary of a diff: a citation rewritten because its target was renumbered is a
changed text, shown with its words, never listed as "renumbered only, text unchanged"."""

from __future__ import annotations

from pathlib import Path

from draftkit.api import diff
from draftkit.render.terminal import render_terminal

OLD = "Article 1\nThe parties agree to a ceasefire.\n\nArticle 2\nForces withdraw as set out in Article 3.\n\nArticle 3\nThe line of withdrawal is 15 km.\n"
NEW = (
    "Article 1\nThe parties agree to a ceasefire.\n\nArticle 2\nObservers are deployed.\n\n"
    "Article 3\nForces withdraw as set out in Article 4.\n\nArticle 4\nThe line of withdrawal is 15 km.\n"
)


def _shown(tmp_path: Path, old: str, new: str) -> str:
    (tmp_path / "old.txt").write_text(old, encoding="utf-8")
    (tmp_path / "new.txt").write_text(new, encoding="utf-8")
    return render_terminal(diff(tmp_path / "old.txt", tmp_path / "new.txt"))


def test_a_citation_updated_by_a_renumbering_is_shown_as_changed_text(tmp_path: Path) -> None:
    shown = _shown(tmp_path, OLD, NEW)
    line = next(line for line in shown.splitlines() if line.startswith("  Article 2 → Article 3"))
    assert "references updated" in line and "Article [-3-]{+4+}" in line
    relabelled = next(line for line in shown.splitlines() if line.startswith("renumbered only"))
    assert relabelled == "renumbered only, text unchanged (1): Article 3 → Article 4"


def test_a_citation_updated_in_a_provision_that_kept_its_number_is_shown(tmp_path: Path) -> None:
    """The citing article is not renumbered (the article inserted comes after it): its text
    still changed, and the summary shows it."""
    old = "Article 1\nForces withdraw as set out in Article 2.\n\nArticle 2\nThe line is 15 km.\n"
    new = "Article 1\nForces withdraw as set out in Article 3.\n\nArticle 2\nObservers deploy.\n\nArticle 3\nThe line is 15 km.\n"
    shown = _shown(tmp_path, old, new)
    assert (
        "  Article 1  [unchanged, references updated]  Forces withdraw as set out in Article [-2-]{+3+}."
        in shown
    )


def test_what_was_not_compared_is_in_the_report_and_no_changes_says_of_what(tmp_path: Path) -> None:
    """Two Word files whose body is the same and whose page headers differ: the terminal
    report (what `draftkit diff … > report.txt` keeps) does not say a bare "no changes"."""
    import docx

    for name, header in (("old", "DRAFT — confidential"), ("new", "FINAL — for signature")):
        document = docx.Document()
        document.sections[0].header.paragraphs[0].text = header
        document.add_paragraph("1. The Parties shall withdraw all forces within 30 days.")
        document.save(str(tmp_path / f"{name}.docx"))
    shown = render_terminal(diff(tmp_path / "old.docx", tmp_path / "new.docx"))
    lines = shown.splitlines()
    assert "no changes" not in lines
    assert "no changes in the text compared" in lines
    at = lines.index("not compared (also said on stderr):")
    assert "page headers differ" in lines[at + 1] and "'FINAL — for signature'" in lines[at + 1]
    assert lines[at + 1].startswith("  ") and "new.docx" in lines[at + 1]


def test_a_text_pair_with_nothing_left_out_still_says_no_changes(tmp_path: Path) -> None:
    shown = _shown(tmp_path, OLD, OLD)
    assert shown.splitlines()[-1] == "no changes" and "not compared" not in shown


def test_the_markdown_report_says_no_changes_of_the_text_compared_only(tmp_path: Path) -> None:
    import docx

    from draftkit.render.markdown import render_markdown

    for name, footer in (("old", "Page 1 of 3 — v1"), ("new", "Page 1 of 3 — v2")):
        document = docx.Document()
        document.sections[0].footer.paragraphs[0].text = footer
        document.add_paragraph("1. The Parties shall withdraw all forces within 30 days.")
        document.save(str(tmp_path / f"{name}.docx"))
    report = render_markdown(diff(tmp_path / "old.docx", tmp_path / "new.docx"))
    assert "page footers differ" in report
    assert report.rstrip().endswith("No changes in the text compared (see the reading warnings above).")
    (tmp_path / "a.txt").write_text(OLD, encoding="utf-8")
    assert render_markdown(diff(tmp_path / "a.txt", tmp_path / "a.txt")).rstrip().endswith("No changes.")
