"""The `--corpus real` mode of benchmarks/risk_accuracy.py: how a pair becomes drafts, and how
flags are judged against the labels. The figures themselves are the benchmark's to print; they
are not asserted here (the rules are being changed against them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.risk_accuracy import FIRST_POINT, draft_text, judge, main
from tests.cases.risk_real.load import Pair

from draftkit.compare.changes import Flag
from draftkit.readers import read


def _pair(**change: object) -> Pair:
    fields: dict[str, object] = {
        "id": "en-number-99",
        "lang": "en",
        "kind": "number",
        "old": "The cap is 600,000 troops.",
        "new": "The cap is 800,000 troops.",
        "preserving": False,
        "severity": "high",
        "categories": ("security_guarantees",),
        "categories_ideal": ("security_guarantees",),
        "key_words": ("600,000", "800,000"),
        "why": "cap raised",
    }
    fields.update(change)
    return Pair(**fields)  # type: ignore[arg-type]


def _flag(severity: str, category: str, message: str) -> Flag:
    return Flag("rule", category, severity, message)  # type: ignore[arg-type]


def test_preserving_pair_alarms_only_above_low() -> None:
    keep = _pair(kind="alias", preserving=True, severity="none", key_words=())
    assert not judge(keep, (_flag("low", "general", "Also reworded"),)).false_alarm
    assert not judge(keep, ()).false_alarm
    assert judge(keep, (_flag("medium", "general", "Organisation added: NATO"),)).false_alarm


def test_changing_pair_all_four_verdicts() -> None:
    pair = _pair()
    good = judge(pair, (_flag("high", "security_guarantees", "Force cap raised 600 000 → 800 000 (+33 %)"),))
    assert good.recalled and good.category_right and good.key_words_named and good.key_words_any_flag
    weak = judge(pair, (_flag("medium", "general", "Number changed in 2"),))
    assert not (weak.recalled or weak.category_right or weak.key_words_named)
    assert weak.missing_words == ("600,000", "800,000")


def test_category_read_from_the_strongest_flags_only() -> None:
    flags = (
        _flag("high", "territory", "Number removed: '600,000' / added: '800,000'"),
        _flag("medium", "security_guarantees", "Force cap raised"),
    )
    assert not judge(_pair(), flags).category_right
    assert judge(_pair(categories=("territory", "security_guarantees")), flags).category_right


def test_key_words_in_a_low_flag_count_only_for_a_low_label() -> None:
    flags = (
        _flag("high", "security_guarantees", "Force cap changed"),
        _flag("low", "general", "Also reworded: '600,000' → '800,000'"),
    )
    high = judge(_pair(), flags)
    assert not high.key_words_named and high.key_words_any_flag
    assert judge(_pair(severity="low"), flags).key_words_named


@pytest.mark.parametrize("lang", sorted(FIRST_POINT))
def test_a_pair_reads_as_the_fixed_point_then_the_provision(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "d.txt"
    path.write_text(draft_text(lang, "The Parties shall:\n(a) cease fire;\n(b) withdraw."), encoding="utf-8")
    first, second = read(path).provisions
    assert first.text == FIRST_POINT[lang][1]
    assert second.text == "The Parties shall:" and [c.num for c in second.children] == ["(a)", "(b)"]
    path.write_text(draft_text(lang, None), encoding="utf-8")
    assert len(read(path).provisions) == 1


def test_real_mode_refuses_an_empty_selection(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--corpus", "real", "--kind", "no-such-kind"]) == 2
    assert "no pair matches" in capsys.readouterr().err


def test_real_mode_runs_one_kind(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--corpus", "real", "--kind", "exception", "--lang", "uk"]) == 0
    out = capsys.readouterr().out
    assert "pairs: 1  (meaning-preserving 0, meaning-changing 1; uk 1)" in out
    assert "recall at the expected severity" in out and "reason names the key words" in out
