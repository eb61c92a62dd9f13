"""risk.echelons: a unit size as a threshold, one echelon put in another's place."""

from __future__ import annotations

import pytest

from tests.risk.helpers import rules_of


@pytest.mark.parametrize(
    ("old", "new", "headline"),
    [
        (
            "All movements of more than a platoon size will require prior notification to the Head of the Monitoring Mission.",
            "All movements of more than a company size will require prior notification to the Head of the Monitoring Mission.",
            "Unit size raised",
        ),
        (
            "Переміщення підрозділів понад роту потребує попереднього повідомлення.",
            "Переміщення підрозділів понад взвод потребує попереднього повідомлення.",
            "Unit size lowered",
        ),
        (
            "Перемещения подразделений свыше батальона требуют предварительного уведомления.",
            "Перемещения подразделений свыше полка требуют предварительного уведомления.",
            "Unit size raised",
        ),
    ],
)
def test_an_echelon_in_another_s_place_is_a_size_changed(old: str, new: str, headline: str) -> None:
    """'more than a platoon size' → 'more than a company size' said only 'Wording changed',
    LOW (risk_heldout10): a company is three or four platoons."""
    assert ("number", headline) in rules_of(old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("The company shall pay the fees.", "The division shall pay the fees."),
        ("The battalion shall withdraw to its base.", "The regiment shall withdraw to its base."),
        ("Units larger than a platoon shall be notified.", "Units larger than a platoon shall be reported."),
    ],
)
def test_an_echelon_that_is_no_size_or_unchanged_is_no_number(old: str, new: str) -> None:
    """A firm, or a unit named as who acts, is no threshold; a size unchanged is none."""
    assert [r for r in rules_of(old, new) if r[1].startswith("Unit size")] == []
