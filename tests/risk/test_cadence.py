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


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The Government shall invite observers to all polling stations.",
            "The Government shall invite observers to polling stations where possible.",
        ),
        (
            "The Parties agree to invite the OSCE to monitor all crossing points.",
            "The Parties agree to invite the OSCE to monitor crossing points where possible.",
        ),
        (
            "The Government shall, upon request, provide information on all detainees.",
            "The Government shall, upon request, provide information on detainees where possible.",
        ),
        (
            "Upon request by the Commission the Government gives access to all sites.",
            "Upon request by the Commission the Government gives access to sites where possible.",
        ),
        (
            "The Parties shall call a ceasefire in all regions.",
            "The Parties shall call a ceasefire in the northern regions.",
        ),
    ],
)
def test_a_party_s_own_act_after_a_request_word_keeps_its_weight(old: str, new: str) -> None:
    """A request verb a binding word governs ('shall invite', 'agree to invite', 'shall call')
    is the party's own act, and 'upon request' asks nothing of an outsider: the scope made
    partial there was weighed as wording."""
    found = [f for f in findings(old, new) if f.rule in ("qualifier", "scope")]
    assert found and all(f.significance > TAXONOMY.significance.wording for f in found)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The Parties request the Security Council to deploy observers to all regions.",
            "The Parties request the Security Council to deploy observers to regions.",
        ),
        (
            "Сторони закликають ОБСЄ розгорнути спостерігачів у всіх регіонах.",
            "Сторони закликають ОБСЄ розгорнути спостерігачів у регіонах.",
        ),
    ],
)
def test_a_scope_word_dropped_from_a_request_weighs_as_wording(old: str, new: str) -> None:
    """'all' dropped from what the parties ask of the Council is quoted on the old side only;
    the request rule read the new side's empty quote and kept it MEDIUM, while 'all' added
    there was low."""
    found = [f for f in findings(old, new) if f.rule == "scope"]
    assert found and all(f.significance <= TAXONOMY.significance.wording for f in found)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Сторони ведуть облік затриманих осіб.",
            "Сторони ведуть облік затриманих осіб і зобов'язані опублікувати списки затриманих.",
        ),
        (
            "Стороны ведут учет задержанных лиц.",
            "Стороны ведут учет задержанных лиц и обязаны опубликовать списки задержанных.",
        ),
    ],
)
def test_a_clerical_act_about_detainees_keeps_its_weight_in_ukrainian_and_russian(old: str, new: str) -> None:
    """The review of 7 December: the English 'shall publish the lists of detainees' kept its
    weight (a detainee text is urgent), the Ukrainian and Russian ones did not — their urgent
    words had no detainees ('затриман*', 'задержанн*' now)."""
    found = [f for f in findings(old, new) if f.rule == "obligation"]
    assert found and all(f.significance > TAXONOMY.significance.wording for f in found)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # Copies sent, a statement issued, hearings held: a body's paperwork (risk_heldout8's kind).
        (
            "The Mission shall report monthly to the Council.",
            "The Mission shall report monthly to the Council and shall forward copies of its reports to the donors.",
        ),
        (
            "The Panel shall meet after each round of talks.",
            "The Panel shall meet after each round of talks and may issue a press statement.",
        ),
        (
            "The Tribunal shall sit in the capital.",
            "The Tribunal shall sit in the capital and may hold hearings in the provinces.",
        ),
    ],
)
def test_copies_statements_and_hearings_are_clerical(old: str, new: str) -> None:
    assert all(f.significance <= TAXONOMY.significance.wording for f in findings(old, new))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # Who is kept informed, who holds the original, who witnesses the signature, where a
        # treaty is registered: not who acts (risk_heldout8's kind).
        (
            "The Chairman shall keep the Secretary-General informed of the work of the Commission.",
            "The Chairman shall keep the Secretary-General and the African Union informed of the work of the Commission.",
        ),
        (
            "Сторони інформують ОБСЄ про хід виконання цього Протоколу.",
            "Сторони інформують ОБСЄ та Польщу про хід виконання цього Протоколу.",
        ),
        (
            "Оригинал Соглашения хранится в архиве Правительства Республики Казахстан.",
            "Оригинал Соглашения хранится в архиве Правительства Республики Армения.",
        ),
        (
            "The Protocol was signed in Geneva.",
            "The Protocol was signed in Geneva, witnessed by the Secretary-General of the OSCE.",
        ),
        (
            "Ця Угода підлягає ратифікації.",
            "Ця Угода підлягає ратифікації та реєстрації в Секретаріаті ОБСЄ.",
        ),
        # A venue added where a body meets, in a text about its meetings.
        (
            "The Joint Committee shall meet in Geneva.",
            "The Joint Committee shall meet in Geneva or, when the Parties so agree, in Moscow.",
        ),
        (
            "Комісія збирається на засідання щомісяця.",
            "Комісія збирається на засідання щомісяця по черзі у Києві та Мінську.",
        ),
    ],
)
def test_who_is_informed_and_where_a_body_meets_weigh_as_wording(old: str, new: str) -> None:
    found = findings(old, new)
    assert found and all(f.significance <= TAXONOMY.significance.wording for f in found), found


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # Who acts, who is consulted, who monitors: still what a party gives up.
        (
            "The Commission shall verify the withdrawal.",
            "The Commission and the African Union shall verify the withdrawal.",
        ),
        (
            "Elections shall be held in the presence of the OSCE.",
            "Elections shall be held in the presence of the OSCE and the United Nations.",
        ),
        # Who informs is who acts: an operator added is no addressee.
        (
            "The plant is run under the supervision of the IAEA.",
            "The plant is run by the Russian Federation, which informs the IAEA.",
        ),
        # A meeting's clause ends at the next obligation: monitors deployed are no venue.
        (
            "The Commission shall meet monthly.",
            "The Commission shall meet monthly and shall deploy monitors in Transnistria.",
        ),
    ],
)
def test_who_acts_or_monitors_keeps_its_weight(old: str, new: str) -> None:
    assert any(f.significance > TAXONOMY.significance.wording for f in findings(old, new))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Combatants shall report to the designated cantonment sites within six days of the truce.",
            "Combatants shall report to the designated cantonment sites within ten days of the truce.",
        ),
        (
            "All guerrilla units will report to assembly areas within 48 hours.",
            "All guerrilla units will report to assembly areas within 96 hours.",
        ),
    ],
)
def test_forces_reporting_to_a_place_move_there_and_their_deadline_keeps_its_weight(
    old: str, new: str
) -> None:
    """'Report to the assembly areas' is a movement of forces, not paperwork."""
    [moved] = [f for f in findings(old, new) if f.rule == "deadline"]
    assert moved.significance > TAXONOMY.significance.wording


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The Board shall report to the Assembly within six days of each session.",
            "The Board shall report to the Assembly within ten days of each session.",
        ),
        (
            "Each Party shall designate a contact officer within six days; its units shall report to the "
            "assembly areas.",
            "Each Party shall designate a contact officer within ten days; its units shall report to the "
            "assembly areas.",
        ),
        (
            "The Secretariat shall report to the Council on the camps within six days.",
            "The Secretariat shall report to the Council on the camps within ten days.",
        ),
    ],
)
def test_reporting_to_a_body_and_designating_stay_paperwork(old: str, new: str) -> None:
    [timed] = [f for f in findings(old, new) if f.rule == "deadline"]
    assert timed.significance <= TAXONOMY.significance.wording


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The headquarters of the Authority shall be in Arusha.",
            "The headquarters of the Authority shall be in Arusha; some of its offices may be located in Kigali.",
        ),
        (
            "Штаб-квартира Ради знаходиться в Києві.",
            "Штаб-квартира Ради знаходиться в Києві; окремі органи Ради можуть розміщуватися в Москві.",
        ),
        (
            "Штаб-квартира Совета находится в Киеве.",
            "Штаб-квартира Совета находится в Киеве; отдельные органы Совета могут размещаться в городе Москве.",
        ),
    ],
)
def test_where_a_body_s_offices_sit_weighs_as_wording(old: str, new: str) -> None:
    """A seat of bodies added, and the place it names, is an arrangement for the paperwork."""
    found = [f for f in findings(old, new) if f.rule in ("obligation", "name")]
    assert found
    assert all(f.significance <= TAXONOMY.significance.wording for f in found)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Foreign naval units shall be based in Tartus.",
            "Foreign naval units shall be based in Tartus; some of their vessels may be located in Latakia.",
        ),
        (
            "Війська Російської Федерації розміщуються в Тирасполі.",
            "Війська Російської Федерації розміщуються в Тирасполі; окремі підрозділи можуть розміщуватися в Москві.",
        ),
    ],
)
def test_where_forces_sit_keeps_its_weight(old: str, new: str) -> None:
    found = [f for f in findings(old, new) if f.rule in ("obligation", "name")]
    assert any(f.significance > TAXONOMY.significance.wording for f in found)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The Commission shall report to the Council.",
            "The Commission shall report to the Council and shall copy its reports to the Secretariat.",
        ),
        (
            "The Mission shall report on the ceasefire to the Council.",
            "The Mission shall report on the ceasefire to the Council and shall copy its reports to the Board.",
        ),
    ],
)
def test_a_duty_to_copy_reports_is_clerical(old: str, new: str) -> None:
    """A duty to copy reports to another body, added, is paperwork ('shall copy', as 'shall
    transmit copies' was; Ukrainian and Russian say it with a sending verb and 'копії')."""
    found = findings(old, new)
    assert [(f.rule, f.headline) for f in found if f.rule == "obligation"] == [
        ("obligation", "Obligation added")
    ]
    assert all(f.significance <= TAXONOMY.significance.wording for f in found if f.rule == "obligation")
