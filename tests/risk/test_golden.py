"""The drafts/ rounds give the flags a reader of drafts/CHANGES.md expects.

Golden files: tests/cases/flags/v1-v2.json and v2-v3.json (cite, rule, category, severity and
message per flag, in report order). Regenerate with `pytest --regen-golden` and review every
line in `git diff`. The tables below pin what a reader must see whatever the golden says.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from draftkit.compare import compare
from draftkit.readers import read
from draftkit.risk import flag
from tests.conftest import CASES, DRAFTS, ROOT
from tests.risk.helpers import TAXONOMY

GOLDEN = CASES / "flags"


def flags_of(old: str, new: str) -> dict[str, Any]:
    comparison = flag(compare(read(DRAFTS / old), read(DRAFTS / new)), TAXONOMY)
    return {
        "old": str((DRAFTS / old).relative_to(ROOT)),
        "new": str((DRAFTS / new).relative_to(ROOT)),
        "counts": comparison.flag_counts(),
        "flags": [
            {
                "cite": change.new_cite or change.old_cite,
                "rule": f.rule,
                "category": f.category,
                "severity": f.severity,
                "message": f.message,
            }
            for change in comparison.changes
            for f in change.flags
        ],
    }


ROUNDS = [
    ("v1-v2", "framework-v1.txt", "framework-v2.txt"),
    ("v2-v3", "framework-v2.txt", "framework-v3.txt"),
]


@pytest.mark.parametrize(("name", "old", "new"), ROUNDS)
def test_golden(name: str, old: str, new: str, regen_golden: bool) -> None:
    got = flags_of(old, new)
    path = GOLDEN / f"{name}.json"
    text = json.dumps(got, ensure_ascii=False, indent=2) + "\n"
    if regen_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run pytest --regen-golden and review it"
    assert json.loads(path.read_text(encoding="utf-8")) == got


# (cite, rule, category, severity): one line per CHANGES.md item a negotiator must not miss.
EXPECTED = {
    "v1-v2": [
        (
            "Article 2(3)",
            "provision",
            "military_deescalation",
            "high",
        ),  # item 5: new 24-hour order obligation
        ("Article 3(1)", "number", "territory", "high"),  # item 7: DMZ 15 → 10 km, 7.5 → 5 km
        # item 8: 30 → 60 days to withdraw from the DMZ (a withdrawal timeline: the brief puts
        # those under military de-escalation; it read territory before the topic term of risk.classify)
        ("Article 3(2)", "deadline", "military_deescalation", "high"),
        ("Article 4(2)", "number", "military_deescalation", "high"),  # item 10: 600,000 → 800,000 personnel
        ("Article 4(2)", "brackets", "military_deescalation", "medium"),  # item 10: [in peacetime]
        ("Article 4(3)", "obligation", "military_deescalation", "high"),  # item 11: shall → may withdraw
        ("Article 4(4)", "provision", "military_deescalation", "high"),  # item 12
        ("Article 5", "provision", "territory", "high"),  # item 13: Maritime Arrangements on Lake Ostra
        ("Article 5(3)", "provision", "military_deescalation", "high"),  # item 15: drones, satellites deleted
        ("Article 8(2)", "name", "territory", "high"),  # item 16: Hollin → Dunmar
        ("Article 8(4)", "condition", "territory", "high"),  # item 17: referendum, unless agreed otherwise
        ("Article 9(4)", "condition", "sanctions", "high"),  # item 19: sanctions relief made conditional
        ("Article 11(1)", "brackets", "political", "medium"),  # item 22
    ],
    "v2-v3": [
        ("Article 1(1)(d)", "provision", "territory", "medium"),  # item 1: "Lake Ostra" now includes land
        (
            "Article 3(3)",
            "exception",
            "military_deescalation",
            "high",
        ),  # item 6: exception widened in the DMZ
        ("Article 4(2)", "brackets", "military_deescalation", "medium"),  # item 7: [in peacetime] agreed
        ("Article 7(1)", "deadline", "security_guarantees", "high"),  # item 8: 72 → 24 hours
        ("Article 7(2)", "obligation", "security_guarantees", "high"),  # item 9: will endeavour to → shall
        ("Article 9(3)", "number", "aid_reconstruction", "high"),  # item 10: 30 → 40 per cent
        ("Article 10(1)(c)", "provision", "humanitarian", "medium"),  # item 11: mortal remains deleted
        ("Article 11", "heading", "political", "low"),  # item 13
        ("Article 11(1)", "brackets", "political", "medium"),  # item 14
    ],
}

# Edits a reader would not want flagged above low: moves, renumbering, references after renumbering.
QUIET = {
    "v1-v2": [
        "Article 1(1)(f)",
        "Article 6(3)",
        "Article 9(5)",
        "Article 10(1)(a)",
        "Article 10(1)(b)",
        "Article 9(1) + Article 9(2)",
        "Article 11(3)",
        "Article 10(2)",
    ],
    "v2-v3": ["Article 1(1)(e)", "Article 1(1)(k)", "Article 5(2)(b)", "Article 5(2)(c)", "Article 2(2)(b)"],
}


@pytest.mark.parametrize(("name", "old", "new"), ROUNDS)
def test_reader_expectations(name: str, old: str, new: str) -> None:
    got = flags_of(old, new)["flags"]
    seen = {(f["cite"], f["rule"], f["category"], f["severity"]) for f in got}
    for expected in EXPECTED[name]:
        assert expected in seen, expected
    for cite in QUIET[name]:
        loud = [f for f in got if f["cite"] == cite and f["severity"] != "low"]
        assert not loud, loud


def test_every_substantive_item_of_changes_md_is_flagged() -> None:
    # Items of CHANGES.md that change content (not moves, renumbering or reference updates).
    for name, old, new in ROUNDS:
        cites = {f["cite"] for f in flags_of(old, new)["flags"]}
        must = {e[0] for e in EXPECTED[name]}
        assert must <= cites
        assert len(cites) >= len(must)


def test_golden_files_are_reviewed_json() -> None:
    for name, _, _ in ROUNDS:
        data = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
        assert set(data) == {"old", "new", "counts", "flags"}
        assert all(set(f) == {"cite", "rule", "category", "severity", "message"} for f in data["flags"])


def test_golden_paths_are_relative(tmp_path: Path) -> None:
    data = flags_of("framework-v1.txt", "framework-v2.txt")
    assert data["old"] == "drafts/framework-v1.txt"
