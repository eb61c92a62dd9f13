"""Small drafts from strings, compared and flagged, for the risk tests."""

from __future__ import annotations

from pathlib import Path

from draftkit.compare import compare
from draftkit.compare.changes import Comparison, Flag
from draftkit.model import Draft
from draftkit.readers import read
from draftkit.risk import flag, load_taxonomy
from draftkit.risk.rules import Finding, Reader, content_findings

TAXONOMY = load_taxonomy()
ARTICLE = {"en": "Article", "uk": "Стаття", "ru": "Статья"}


def draft_text(paragraphs: list[str], heading: str, lang: str = "en", number: int = 4) -> str:
    """'Article 4 — heading' with numbered paragraphs."""
    lines = ["AGREEMENT", "", f"{ARTICLE[lang]} {number} — {heading}", ""]
    lines += [f"{k}. {p}" for k, p in enumerate(paragraphs, start=1)]
    return "\n".join(lines) + "\n"


def read_text(tmp_path: Path, text: str, name: str) -> Draft:
    """A draft read from text written to a file."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read(path)


def compare_texts(tmp_path: Path, old: str, new: str) -> Comparison:
    """Two draft texts compared and flagged with the default taxonomy."""
    return flag(compare(read_text(tmp_path, old, "old.txt"), read_text(tmp_path, new, "new.txt")), TAXONOMY)


def flags_for(
    tmp_path: Path, old: str, new: str, heading: str = "Withdrawal of Heavy Weapons", lang: str = "en"
) -> list[Flag]:
    """Flags of a one-paragraph edit inside an article with the given heading."""
    base = ["The Parties shall meet regularly in the Joint Commission."]
    comparison = compare_texts(
        tmp_path, draft_text([*base, old], heading, lang), draft_text([*base, new], heading, lang)
    )
    return [f for change in comparison.changes for f in change.flags]


def findings(old: str, new: str) -> list[Finding]:
    """What the content rules find between two texts."""
    return content_findings(old, new, Reader(TAXONOMY))


def rules_of(old: str, new: str) -> list[tuple[str, str]]:
    """(rule, headline) of every finding."""
    return [(f.rule, f.headline) for f in findings(old, new)]
