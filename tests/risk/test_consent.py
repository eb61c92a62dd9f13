"""risk.consent: a consent requirement removed or added, and one said another way."""

from __future__ import annotations

import pytest

from tests.risk.helpers import findings, rules_of

REMOVED = [
    (
        "Foreign aircraft may overfly the corridor with the prior consent of the Monitoring Board.",
        "Foreign aircraft may overfly the corridor.",
    ),
    (
        "The dismissal of a regional governor shall require the concurrence of both party leaders.",
        "The dismissal of a regional governor shall require consultation with both party leaders.",
    ),
    (
        "Іноземні літаки можуть пролітати над коридором за згодою обох Сторін.",
        "Іноземні літаки можуть пролітати над коридором.",
    ),
    (
        "Іноземні літаки можуть пролітати над коридором на запит однієї Сторони, погоджений з іншою Стороною.",
        "Іноземні літаки можуть пролітати над коридором на запит однієї Сторони.",
    ),
    (
        "Иностранные самолеты могут пролетать над коридором по согласованию с другой Стороной.",
        "Иностранные самолеты могут пролетать над коридором.",
    ),
    (
        "Иностранные самолеты могут пролетать над коридором только с согласия обеих Сторон.",
        "Иностранные самолеты могут пролетать над коридором.",
    ),
]


@pytest.mark.parametrize(("old", "new"), REMOVED)
def test_a_consent_requirement_dropped_or_added_is_flagged(old: str, new: str) -> None:
    assert ("condition", "Consent requirement removed") in rules_of(old, new)
    assert ("condition", "Consent requirement added") in rules_of(new, old)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Armoured vehicles shall not cross the river without the prior consent of the Monitoring Board.",
            "No armoured vehicles shall cross the river unless the Monitoring Board has consented beforehand.",
        ),
        (
            "Armoured vehicles shall not cross the river without the consent of the Monitoring Board.",
            "Armoured vehicles shall not cross the river without the approval of the Monitoring Board.",
        ),
        (
            "Бронетехніка не перетинає річку без згоди ОБСЄ.",
            "Бронетехніка не перетинає річку, якщо ОБСЄ не дасть на це згоди.",
        ),
        (
            "Бронетехника не пересекает реку без согласия ОБСЕ.",
            "Бронетехника не пересекает реку, если ОБСЕ не даст на это согласия.",
        ),
    ],
)
def test_one_consent_said_another_way_is_no_change(old: str, new: str) -> None:
    found = [(f.rule, f.headline) for f in findings(old, new) if f.rule in ("condition", "negation")]
    assert found == []
    assert [(f.rule, f.headline) for f in findings(new, old) if f.rule in ("condition", "negation")] == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The Parties consent to be bound by this Protocol.",
            "The Parties agree to be bound by this Protocol.",
        ),
        ("The Parties shall take agreed measures.", "The Parties shall take measures."),
        ("Сторони вживають погоджених заходів.", "Сторони вживають заходів."),
        ("Стороны принимают согласованные меры.", "Стороны принимают меры."),
    ],
)
def test_consent_to_be_bound_and_agreed_measures_are_no_consent_requirement(old: str, new: str) -> None:
    assert not [f for f in findings(old, new) if f.headline.startswith("Consent")]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Децентрализация с учетом особенностей отдельных районов, согласованных с представителями этих районов.",
            "Децентрализация с учетом особенностей отдельных районов, определенных Верховной Радой.",
        ),
        (
            "Децентралізація з урахуванням особливостей окремих районів, погоджених з представниками цих районів.",
            "Децентралізація з урахуванням особливостей окремих районів, визначених Верховною Радою.",
        ),
        (
            "Децентралізація з урахуванням особливостей окремих районів, узгоджених з представниками цих районів.",
            "Децентралізація з урахуванням особливостей окремих районів, визначених Верховною Радою.",
        ),
    ],
)
def test_a_plural_participle_of_agreeing_is_a_consent(old: str, new: str) -> None:
    """'согласованных с представителями этих районов' → 'определенных Верховной Радой' was
    'Wording changed', LOW (risk_heldout10): the plural and the other cases of the participle
    are a consent as the singular is; 'узгоджений з' as 'погоджений з'."""
    assert ("condition", "Consent requirement removed") in rules_of(old, new)


def test_a_plural_participle_of_agreeing_said_otherwise_is_no_consent_removed() -> None:
    old = "Особенности районов, согласованных с представителями этих районов."
    new = "Особенности районов, по которым достигнута договоренность с представителями этих районов."
    assert ("condition", "Consent requirement removed") not in rules_of(old, new)
