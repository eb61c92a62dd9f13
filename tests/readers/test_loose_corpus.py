"""The hand-labelled loose corpus (tests/cases/loose/, labels written without running the
parser): a floor on how much of it draftkit reads right, and the reading warnings."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from draftkit.cli import main
from draftkit.readers import Limits, read

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
import loose_corpus  # noqa: E402

# Measured when the reading work landed (313/315 units, 32/34 cases exact); a change that
# reads the corpus worse fails here. Raise the floor when the reading gets better.
UNIT_FLOOR = 0.98
EXACT_FLOOR = 32


def test_loose_corpus_accuracy() -> None:
    matched = expected = exact = 0
    for _name, source, labels in loose_corpus.cases():
        m, n, _ = loose_corpus.score(
            loose_corpus.expected_units(labels), loose_corpus.draft_units(read(source))
        )
        matched, expected, exact = matched + m, expected + n, exact + (m == n)
    assert expected > 250
    assert matched / expected >= UNIT_FLOOR, (matched, expected)
    assert exact >= EXACT_FLOOR


@pytest.mark.parametrize(
    ("text", "nums"),
    [
        ("1. One.\n2 – Two.\n3 Three.\n8- Eight?\n4. Four.\n", ["1.", "2", "3", "4."]),
        ("1. One.\n2. Two.\n2027. It may be extended.\n3. Three.\n", ["1.", "2.", "3."]),
        ("- first\n- second\n• third\n", ["-", "-", "•"]),
    ],
)
def test_the_running_sequence_decides(tmp_path: Path, text: str, nums: list[str]) -> None:
    path = tmp_path / "d.txt"
    path.write_text(text, encoding="utf-8")
    assert [p.num for p in read(path).walk()] == nums


def test_warnings_are_located_in_json_on_stderr_and_strict_refuses(tmp_path: Path) -> None:
    path = tmp_path / "gap.txt"
    path.write_text("1. One.\n3. Three.\n", encoding="utf-8")
    draft = read(path)
    assert [(w.code, w.location.line if w.location else None) for w in draft.warnings] == [
        ("numbering-gap", 2)
    ]
    with pytest.raises(Exception, match="reading warning"):
        read(path, limits=Limits(strict=True))
    runner = CliRunner()
    result = runner.invoke(main, ["parse", str(path), "--format", "json"])
    assert result.exit_code == 0
    assert (
        "warning:" in result.stderr
        and "line 2: numbering gap: '3.' follows '1.': 2. missing" in result.stderr
    )
    assert json.loads(result.stdout)["warnings"] == [
        {
            "code": "numbering-gap",
            "message": "numbering gap: '3.' follows '1.': 2. missing",
            "paragraph": None,
            "line": 2,
        }
    ]
    strict = runner.invoke(main, ["diff", str(path), str(path), "--strict"])
    assert strict.exit_code == 3 and strict.stdout == ""


def test_a_point_that_swallowed_the_next_is_said(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_text("1. One. 2. Two glued on.\n3. Three.\n", encoding="utf-8")
    assert [w.code for w in read(path).warnings] == ["swallowed-label"]
