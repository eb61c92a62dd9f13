"""The issue's two accuracy figures on labelled pairs (tests/gen_risk_pairs.py), on a smaller sample
than `benchmarks/risk_accuracy.py` runs by default."""

from __future__ import annotations

import pytest
from benchmarks.risk_accuracy import report, run

from tests.gen_risk_pairs import generate


def test_generator_is_deterministic_and_labelled() -> None:
    first = generate(60, seed=7)
    assert first == generate(60, seed=7)
    assert {p.truth.lang for p in generate(200, seed=7)} == {"en", "uk", "ru"}
    for pair in first:
        assert pair.old != pair.new or pair.truth.edit == "renumbering"
        if pair.truth.cosmetic:
            assert pair.truth.category is None and not pair.truth.high_risk
        else:
            assert pair.truth.category is not None and pair.truth.cite


@pytest.mark.slow
def test_high_risk_found_and_cosmetic_quiet() -> None:
    results = run(300, seed=11)
    found, false_alarms = report(results)
    assert found >= 0.95
    assert false_alarms <= 0.05
