"""Golden parses of every bundled draft: num, heading, text and parent of each provision.

Regenerate with `pytest tests/test_drafts_golden.py --regen-golden` and review `git diff`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from draftkit.readers import read
from draftkit.render.draft_out import draft_to_dict
from tests.conftest import CASES, DRAFTS

GOLDEN = CASES / "parse"
FILES = sorted(
    p for p in DRAFTS.iterdir() if p.name.startswith("framework-") and p.suffix in {".txt", ".docx", ".md"}
)


def _snapshot(path: Path, view: str = "accept") -> dict[str, object]:
    data = draft_to_dict(read(path, view="original" if view == "original" else "accept"))
    data["source"] = {"path": path.name, "format": data["source"]["format"]}  # type: ignore[index]
    return data


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_draft_parses_to_golden(path: Path, regen_golden: bool) -> None:
    expected_path = GOLDEN / f"{path.name}.json"
    actual = _snapshot(path)
    if regen_golden or not expected_path.exists():
        expected_path.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        if not regen_golden:
            pytest.fail(f"golden file {expected_path.name} was missing; written — review it and rerun")
    assert actual == json.loads(expected_path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("version", ["v1", "v2", "v3"])
def test_docx_and_text_rounds_give_the_same_tree(version: str) -> None:
    docx = _snapshot(DRAFTS / f"framework-{version}.docx")
    text = _snapshot(DRAFTS / f"framework-{version}.txt")

    def strip(provisions: list[dict[str, object]]) -> list[object]:
        return [(p["eid"], p["num"], p["heading"], p["text"], strip(p["children"])) for p in provisions]  # type: ignore[arg-type]

    assert strip(docx["provisions"]) == strip(text["provisions"])  # type: ignore[arg-type]
    assert (docx["title"], docx["preamble"]) == (text["title"], text["preamble"])


def test_tracked_round_views() -> None:
    """framework-v3-tracked.docx: accept all = round 3; reject all = round 2's wording."""
    tracked = DRAFTS / "framework-v3-tracked.docx"
    accepted = read(tracked)
    original = read(tracked, view="original")
    v3 = read(DRAFTS / "framework-v3.txt")
    assert [(p.num, p.text) for p in accepted.walk()] == [(p.num, p.text) for p in v3.walk()]
    reverted = {p.eid: p.text for p in original.walk()}
    assert "will endeavour to agree" in reverted["art_7__para_2"]
    assert "within 72 hours" in reverted["art_7__para_1"]
    assert "shall agree" in {p.eid: p.text for p in v3.walk()}["art_7__para_2"]
