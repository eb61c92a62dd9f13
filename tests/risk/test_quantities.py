"""risk.features quantities: an amount's period, and a number whose noun is left out."""

from __future__ import annotations

from tests.risk.helpers import findings, rules_of


def test_per_annum_is_annually() -> None:
    """'per annum' was no period: '$200 million per annum' → 'annually' read as 'Total made an
    amount per year', HIGH."""
    old = "The donors shall provide $200 million per annum."
    assert rules_of(old, "The donors shall provide $200 million annually.") == []
    assert ("number", "Amount per year made a total") in rules_of(
        old, "The donors shall provide $200 million in total."
    )


def test_a_month_after_a_date_is_no_rate() -> None:
    """'5,000 troops a month after signature' is when, not 5,000 troops each month: against
    'one month after signature' it read 'Amount per month made a total', HIGH."""
    found = findings(
        "The force shall consist of 5,000 troops a month after signature.",
        "The force shall consist of 5,000 troops one month after signature.",
    )
    assert [f for f in found if f.rule == "number"] == []


def test_a_partitive_number_is_not_counted_in_the_noun_before_it() -> None:
    """'Within 30 days, 20 of the detainees' took the unit of '30 days': 20 → 30 detainees
    read as 'Period lengthened by 10 days'. '2 of whom' still counts in the noun before it."""
    assert rules_of(
        "Within 30 days, 20 of the detainees shall be released.",
        "Within 30 days, 30 of the detainees shall be released.",
    ) == [("number", "Number increased by 10")]
    assert rules_of(
        "For 5 years, 10 of the seats shall be reserved.",
        "For 5 years, 12 of the seats shall be reserved.",
    ) == [("number", "Number increased by 2")]
    assert rules_of(
        "There shall be 500 troops on each side, 2 of whom shall be officers.",
        "There shall be 500 troops on each side, 3 of whom shall be officers.",
    ) == [("number", "Number of personnel increased by 1 (+50%)")]


def test_a_number_after_a_deadline_word_takes_the_duration_s_unit() -> None:
    """The review of 7 December: '500 troops shall withdraw within 30 days, and 200 within 60'
    → '… within 90' read 'Number increased by 30' (the 60 took the noun of the number before
    it, a count); after a deadline's word it takes the last duration's unit."""
    assert rules_of(
        "500 troops shall withdraw within 30 days, and 200 within 60.",
        "500 troops shall withdraw within 30 days, and 200 within 90.",
    ) == [("deadline", "Deadline extended by 30 days")]


def test_a_night_named_by_its_days_is_its_midnight() -> None:
    """'в полночь с 8 на 9 мая' is 00:00 on 9 May: the 8 is no number removed; the night moved
    is a date moved."""
    pairs = [
        (
            "Огонь прекращается в полночь с 8 на 9 мая 1994 года.",
            "Огонь прекращается в 00 часов 00 минут 9 мая 1994 года.",
        ),
        (
            "Вогонь припиняється опівночі з 8 на 9 травня 1994 року.",
            "Вогонь припиняється о 00 годині 00 хвилин 9 травня 1994 року.",
        ),
        (
            "Fire shall cease at midnight on the night of 8 to 9 May 1994.",
            "Fire shall cease at 00:00 on 9 May 1994.",
        ),
    ]
    for old, new in pairs:
        assert [r for r, _ in rules_of(old, new) if r in ("number", "deadline")] == []
    moved = rules_of(
        "Огонь прекращается в полночь с 8 на 9 мая 1994 года.",
        "Огонь прекращается в полночь с 14 на 15 мая 1994 года.",
    )
    assert moved == [("deadline", "Date moved later by 6 days")]


def test_a_duration_said_as_one_adjective_is_compared_as_a_duration() -> None:
    """'в семиденний строк' is 'протягом семи днів' (no change), and 'в тридцятиденний строк'
    lengthens it; in Russian alike, as 'a seven-day period' in English."""
    same = [
        (
            "Сторони в семиденний строк відводять свої формування.",
            "Сторони протягом семи днів відводять свої формування.",
        ),
        (
            "Стороны в семидневный срок отводят свои формирования.",
            "Стороны в течение семи дней отводят свои формирования.",
        ),
        (
            "The Parties shall withdraw within a seven-day period.",
            "The Parties shall withdraw within seven days.",
        ),
    ]
    for old, new in same:
        assert [r for r, _ in rules_of(old, new) if r in ("number", "deadline")] == []
    longer = [
        (
            "Сторони в семиденний строк відводять свої формування.",
            "Сторони в тридцятиденний строк відводять свої формування.",
        ),
        (
            "Стороны в семидневный срок отводят свои формирования.",
            "Стороны в тридцатидневный срок отводят свои формирования.",
        ),
        (
            "The Parties shall withdraw within a seven-day period.",
            "The Parties shall withdraw within a thirty-day period.",
        ),
    ]
    for old, new in longer:
        assert ("deadline", "Period lengthened by 23 days") in rules_of(old, new)


def test_a_number_said_again_in_brackets_after_its_unit_is_one_number() -> None:
    """'seventy-five percent (75%)' restates the number, as 'thirty (30) days' does; another
    number in the brackets is still a number added."""
    same = [
        (
            "The region shall receive seventy-five percent of the taxes.",
            "The region shall receive seventy-five percent (75%) of the taxes.",
        ),
        (
            "Громада отримує сімдесят п'ять відсотків податків.",
            "Громада отримує сімдесят п'ять відсотків (75 %) податків.",
        ),
        (
            "Община получает семьдесят пять процентов налогов.",
            "Община получает семьдесят пять процентов (75%) налогов.",
        ),
        ("The zone shall be ten kilometres wide.", "The zone shall be ten kilometres (10 km) wide."),
    ]
    for old, new in same:
        assert [r for r, _ in rules_of(old, new) if r == "number"] == []
    other = rules_of(
        "The region shall receive seventy-five percent of the taxes.",
        "The region shall receive seventy-five percent (70%) of the taxes.",
    )
    assert ("number", "Number added") in other


def test_a_count_of_times_is_how_often_not_an_amount_per_period() -> None:
    """'одного раза в месяц' → '… в квартал' is a frequency lowered, not 'Amount per month made
    an amount per quarter'; an amount of money per month made per year still is."""
    for old, new in [
        (
            "Комиссия собирается не реже одного раза в месяц.",
            "Комиссия собирается не реже одного раза в квартал.",
        ),
        (
            "Комісія збирається не рідше одного разу на місяць.",
            "Комісія збирається не рідше одного разу на квартал.",
        ),
        ("The Commission shall meet two times a month.", "The Commission shall meet two times a quarter."),
    ]:
        assert rules_of(old, new) == [("deadline", "Frequency lowered")]
    money = rules_of(
        "The donors shall provide $200 million a month.", "The donors shall provide $200 million a year."
    )
    assert ("number", "Amount per month made an amount per year") in money


def test_the_number_of_copies_is_a_formality() -> None:
    """'done in four copies' → 'three copies' is low in three languages; another count is not."""
    for old, new in [
        (
            "This Agreement is done in four copies, each equally authentic.",
            "This Agreement is done in three copies, each equally authentic.",
        ),
        (
            "Цю Угоду складено в трьох примірниках, кожен з яких має однакову силу.",
            "Цю Угоду складено в чотирьох примірниках, кожен з яких має однакову силу.",
        ),
        (
            "Совершено в двух экземплярах, каждый на русском языке.",
            "Совершено в трех экземплярах, каждый на русском языке.",
        ),
    ]:
        found = findings(old, new)
        assert [f.rule for f in found] == ["number"]
        assert found[0].headline.startswith("Number of copies")
        assert found[0].significance <= 0.25
    assert rules_of("Each Party shall send four observers.", "Each Party shall send three observers.") != []
    assert (
        findings("Each Party shall send four observers.", "Each Party shall send three observers.")[
            0
        ].significance
        > 0.5
    )


def test_copies_of_something_handed_over_are_a_number_not_a_formality() -> None:
    """Copies are a formality only as what a text is done in ('done in four copies'): the
    copies of maps, records or lists a party hands over are what it gives."""
    for old, new in [
        (
            "Each Party shall hand over four copies of the minefield maps.",
            "Each Party shall hand over two copies of the minefield maps.",
        ),
        (
            "Сторони передають три примірники карт мінних полів.",
            "Сторони передають один примірник карт мінних полів.",
        ),
    ]:
        found = findings(old, new)
        assert found and not found[0].headline.startswith("Number of copies")
        assert found[0].significance > 0.25


def test_a_number_in_words_said_again_in_brackets_after_its_scale_is_one_number() -> None:
    """'five thousand (5,000) prisoners' → '5,000 prisoners' read as 'Number removed' and
    'Number added' (risk_heldout10); the brackets after a scale word restate it too."""
    same = [
        (
            "Up to five thousand (5,000) prisoners will be released by 10 March.",
            "Up to 5,000 prisoners will be released by 10 March.",
        ),
        (
            "До двох тисяч (2 000) полонених буде звільнено до 10 березня.",
            "До 2 000 полонених буде звільнено до 10 березня.",
        ),
        (
            "До двух тысяч (2000) пленных будут освобождены до 10 марта.",
            "До 2000 пленных будут освобождены до 10 марта.",
        ),
    ]
    for old, new in same:
        assert [r for r, _ in rules_of(old, new) if r == "number"] == []
    assert ("number", "Number increased by 1,000") in rules_of(
        "Up to five thousand (5,000) prisoners will be released.",
        "Up to six thousand (6,000) prisoners will be released.",
    )


def test_a_number_joined_to_its_unit_by_a_hyphen_is_the_number_and_the_unit() -> None:
    """'a 25-kilometre zone' against 'a twenty-five-kilometre zone' read as '25' removed and
    'twenty-five-kilometre' added (risk_heldout10); '5-летние периоды' against 'пятилетние
    периоды' as a period removed: a duration adjective after a number in figures is its unit,
    and years join as days do ('пятилетний', 'п'ятирічний')."""
    same = [
        (
            "The Air Safety Zone is defined as a 25-kilometre zone that extends beyond the border.",
            "The Air Safety Zone is defined as a twenty-five-kilometre zone extending beyond the border.",
        ),
        (
            "The mandate is renewed for successive 5-year periods unless a Party objects.",
            "The mandate shall be renewed for successive five-year periods unless a Party objects.",
        ),
        (
            "Срок пребывания контингента – 5 лет с продлением на очередные 5-летние периоды.",
            "Срок пребывания контингента – пять лет с продлением на очередные пятилетние периоды.",
        ),
        (
            "Строк перебування контингенту – 5 років з продовженням на наступні 5-річні періоди.",
            "Строк перебування контингенту – п'ять років з продовженням на наступні п'ятирічні періоди.",
        ),
    ]
    for old, new in same:
        assert [r for r, _ in rules_of(old, new) if r in ("number", "deadline")] == []
    assert ("deadline", "Period lengthened by 5 years") in rules_of(
        "Срок пребывания контингента продлевается на очередные 5-летние периоды.",
        "Срок пребывания контингента продлевается на очередные десятилетние периоды.",
    )
    assert ("number", "Distance increased by 5 kilometre") in rules_of(
        "The zone is a 25-kilometre zone beyond the border.",
        "The zone is a 30-kilometre zone beyond the border.",
    )


def test_the_year_of_a_resolution_cited_is_no_date() -> None:
    """'UNSCR 435/78' against 'Security Council resolution 435 (1978)' read as '78' removed,
    '1978' added and the Council changed (risk_heldout10): the year names the resolution, and
    UNSCR is the Council's. Another resolution number is still a number changed."""
    old = "The Parties shall recommend that 1 April 1989 be the date for implementation of UNSCR 435/78."
    new = "The Parties shall recommend that 1 April 1989 be the date for the implementation of Security Council resolution 435 (1978)."
    assert [r for r, _ in rules_of(old, new) if r in ("number", "deadline", "name")] == []
    assert ("number", "Number increased by 1") in rules_of(
        "The Parties shall implement resolution 435 (1978).",
        "The Parties shall implement resolution 436 (1978).",
    )


def test_equally_before_an_adjective_is_no_share() -> None:
    """'both texts being equally authentic' read as a 50:50 share, its language dropped as
    'Number removed: equally', MEDIUM (risk_heldout10); 'shared equally between' is still one."""
    found = rules_of(
        "Done at Belfast in the English and Irish languages, both texts being equally authentic.",
        "Done at Belfast in the English language.",
    )
    assert [r for r in found if r[0] == "number"] == []
    assert ("number", "Number removed") in rules_of(
        "Posts of command shall be shared equally between the two parties.",
        "Posts of command shall be shared between the two parties.",
    )
