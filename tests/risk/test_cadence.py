"""risk.cadence: clerical obligations and requests, weighed as wording only where they are."""

from __future__ import annotations

import pytest

from tests.risk.helpers import TAXONOMY, findings


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The Government shall disband the militias.",
            "The Government shall disband the militias and shall close the offices of the armed groups.",
        ),
        (
            "The Parties shall cooperate.",
            "The Parties shall cooperate and shall hand over the archives of the security services.",
        ),
        (
            "The Government shall cooperate.",
            "The Government shall cooperate and shall allow the opposition to open offices in all regions.",
        ),
        (
            "The Commission may meet.",
            "The Commission may meet and may publish its findings on violations.",
        ),
        (
            "The Parties shall cooperate.",
            "The Parties shall cooperate and shall not meet representatives of armed groups.",
        ),
    ],
)
def test_an_obligation_whose_act_is_not_clerical_keeps_its_weight(old: str, new: str) -> None:
    """A clerical word after another verb ('close the offices', 'hand over the archives',
    'allow … to open offices'), a ban ('shall not meet') and findings on violations are no
    clerical act: they were weighed as wording."""
    [added] = [f for f in findings(old, new) if f.rule == "obligation"]
    assert added.significance > TAXONOMY.significance.wording


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The Commission shall be based in Juba.",
            "The Commission shall be based in Juba and shall hold its meetings there.",
        ),
        (
            "The Commission shall be based in Juba.",
            "The Commission shall be based in Juba and shall be serviced by a secretariat.",
        ),
        ("Комісія працює в Києві.", "Комісія працює в Києві та зобов'язана опублікувати звіт."),
    ],
)
def test_an_obligation_that_does_or_supplies_a_clerical_act_weighs_as_wording(old: str, new: str) -> None:
    [added] = [f for f in findings(old, new) if f.rule == "obligation"]
    assert added.significance <= TAXONOMY.significance.wording
