"""Tokens and phrase sets (risk/tokens.py): spans that quote the original, and the phrase
walk — remembered per form and per text for speed — finding what a plain walk of the trie
finds."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from draftkit.risk import phrases as phrase_module
from draftkit.risk import tokens
from draftkit.risk.numerals import NUMBER_WORDS
from draftkit.risk.phrases import PhraseSet, PhraseSets
from draftkit.risk.tokens import Hit, Text, tokenize

WORDS = ["shall", "not", "withdraw", "withdrawal", "with", "forces", "the", "all", "parties", "within"]
PHRASE_WORDS = [*WORDS, "with*", "withdraw*", "forc*", "part*"]


def _plain_ends(phrases: PhraseSet, norms: Sequence[str], i: int) -> dict[str, tuple[int, str]]:
    """The walk as first written: every branch from the root, nothing remembered."""
    best: dict[str, tuple[int, str]] = {}
    frontier = [(phrases._root, i)]
    while frontier:
        node, j = frontier.pop()
        if node.labels and j > i:
            for group, label in node.labels.items():
                if group not in best or j > best[group][0]:
                    best[group] = (j, label)
        if j < len(norms):
            norm = norms[j]
            if norm in node.exact:
                frontier.append((node.exact[norm], j + 1))
            for stem, child in node.wild.get(norm[:1], ()):
                if norm.startswith(stem):
                    frontier.append((child, j + 1))
    return best


def _plain_find_groups(phrases: PhraseSet, text: Text) -> dict[str, list[Hit]]:
    norms = [t.norm for t in text.tokens]
    out: dict[str, list[Hit]] = {}
    free: dict[str, int] = {}
    for i in range(len(norms)):
        for group, (last, label) in _plain_ends(phrases, norms, i).items():
            if free.get(group, 0) <= i:
                out.setdefault(group, []).append(Hit(i, last, label, " ".join(norms[i:last])))
                free[group] = last
    return out


phrase = st.lists(st.sampled_from(PHRASE_WORDS), min_size=1, max_size=3).map(" ".join)
entries = st.lists(
    st.tuples(st.sampled_from(["", "a", "b"]), st.sampled_from(["x", "y", "z"]), phrase), max_size=12
)
texts = st.lists(st.sampled_from([*WORDS, ",", "Forces", "withdrawn"]), max_size=30).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(entries, st.lists(texts, min_size=1, max_size=4), st.sampled_from([1, 3, 1 << 15]))
def test_the_remembered_walk_finds_what_a_plain_walk_finds(
    groups: list[tuple[str, str, str]], originals: list[str], kept: int
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(phrase_module, "_STEPS_KEPT", kept)  # a memo that fills and is replaced
        phrases = PhraseSet([], groups=groups)
        for original in originals:
            text = Text(original)
            expected = _plain_find_groups(phrases, text)
            assert phrases.find_groups(text) == expected
            assert phrases.find_groups(text) == expected  # asked again: the text's own memo
            assert phrases.find(text) == expected.get("", [])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(entries, min_size=1, max_size=4),
    st.lists(texts, min_size=1, max_size=4),
    st.sampled_from([1, 3, 1 << 15]),
    st.integers(min_value=0, max_value=4),
)
def test_sets_read_together_find_what_each_finds_alone(
    sets: list[list[tuple[str, str, str]]], originals: list[str], kept: int, searched: int
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(phrase_module, "_STEPS_KEPT", kept)  # memos that fill and are replaced
        together = PhraseSets([PhraseSet([], groups=groups) for groups in sets])
        for original in originals:
            text = Text(original)
            for phrases in together.sets[:searched]:  # some sets already searched in this text
                phrases.find_groups(text)
            together.find_all(text)
            for phrases in together.sets:
                assert phrases.find_groups(text) == _plain_find_groups(phrases, text)


def test_hits_handed_out_are_the_callers_own() -> None:
    phrases = PhraseSet([("not", "not")])
    text = Text("shall not withdraw, not ever")
    phrases.find(text).clear()
    phrases.find_groups(text)[""].clear()
    assert [hit.first for hit in phrases.find(text)] == [1, 4]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \u00a0\t\nab1,.:%-–'’«»\u200b2024Дї٦", max_size=40))
def test_token_spans_cover_every_non_space_character_once_in_order(original: str) -> None:
    covered = 0
    for token in tokens._raw_tokens(original):  # before in-word hyphens and "per cent" merge
        assert original[covered : token.start].isspace() or covered == token.start
        assert token.start < token.end
        covered = token.end
    assert not original[covered:].strip()


def test_tokens_quote_the_original() -> None:
    original = "The Parties shall, by 31 December 2027, withdraw 1,000 troops (10 %)."
    assert [(t.norm, original[t.start : t.end]) for t in tokenize(original)] == [
        ("the", "The"),
        ("parties", "Parties"),
        ("shall", "shall"),
        (",", ","),
        ("by", "by"),
        ("date:2027-12-31", "31 December 2027"),
        (",", ","),
        ("withdraw", "withdraw"),
        ("1000", "1,000"),
        ("troops", "troops"),
        ("(", "("),
        ("10", "10"),
        ("percent", "%"),
        (")", ")"),
        (".", "."),
    ]


# Digits of several scripts, group separators, date dashes, letters, and the characters that
# sit next to numbers; no invisible format character (the full grammar is for those).
_NUMBERY = " \u00a0\u202f,.:/-\u2013\u2212'’ab Z1234567890٦٠Дї%"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_NUMBERY, max_size=40))
def test_a_text_without_invisible_characters_reads_the_same_by_either_grammar(original: str) -> None:
    # The grammar without room for invisible characters between digits is the one nearly every
    # text is read with: where there are none, it must give what the full grammar gives.
    assert tokens._TOKEN.findall(original) == tokens._token_with_invisible().findall(original)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(st.characters(categories=["Lu", "Ll", "Lt", "Lm", "Lo"]), min_size=1, max_size=12),
        st.sampled_from(["five", "Twenty", "hundred", "сім", "per", "cent", "December", "ｆｉｖｅ"]),
    )
)
def test_a_word_of_letters_reads_as_the_grammar_reads_it(word: str) -> None:
    # One word of letters only (each word of a taxonomy phrase) is made into its token without
    # the grammar; a spelled number is still read by it.
    assert tokens._tokens.__wrapped__(word) == tuple(tokens._merge(tokens._raw_tokens(word)))


@pytest.mark.parametrize(
    ("written", "norm", "quoted"),
    [
        ("з 00 год. 00 хв. за київським часом", "00:00", "00 год. 00 хв."),
        ("с 00 часов 00 минут по московскому времени", "00:00", "00 часов 00 минут"),
        ("с 06 ч. 30 мин. по местному времени", "06:30", "06 ч. 30 мин."),
        ("no later than the fifth day", "5", "fifth"),
        ("by the 5th day", "5", "5th"),
        ("не пізніше другого дня", "2", "другого"),
        ("не пізніше ніж на 2-й день", "2", "2-й"),
        ("не позднее 5-го дня", "5", "5-го"),
        ("by the fourteenth day", "14", "fourteenth"),
        ("на тридцятий день", "30", "тридцятий"),
        ("на пятый день", "5", "пятый"),
        ("к сороковому дню", "40", "сороковому"),
        ("до чотирнадцятого дня", "14", "чотирнадцятого"),
        ("протягом чотирнадцяти днів", "14", "чотирнадцяти"),
        ("в течение пятнадцати суток", "15", "пятнадцати"),
        ("within two and a half years", "2.5", "two and a half"),
        ("в течение двух с половиной лет", "2.5", "двух с половиной"),
        ("протягом півтора року", "1.5", "півтора"),
    ],
)
def test_times_ordinals_and_teens_in_words_read_as_figures(written: str, norm: str, quoted: str) -> None:
    """A time of day in words, an ordinal in words or with its ending, a number from 11 to 19
    in Ukrainian or Russian: one token, read as the figure ("00 год. 00 хв." is "00:00")."""
    found = [(t.norm, written[t.start : t.end]) for t in tokenize(written) if t.kind in ("number", "time")]
    assert found == [(norm, quoted)]


@pytest.mark.parametrize(
    "written",
    [
        "within 2 hours 30 minutes",
        "within 12 hours 30 minutes of signature",
        "протягом 10 год. 30 хв. після підписання",
        "впродовж 12 годин 00 хвилин",
        "в течение 12 часов 30 минут после подписания",
        "через 10 ч. 30 мин.",
        "for 24 hours 00 minutes",
    ],
)
def test_a_duration_in_hours_and_minutes_is_no_time_of_day(written: str) -> None:
    """Hours and minutes after 'within', 'протягом', 'в течение', 'через' are how long, not
    when, though both numbers have two digits (the clock reading made them '12:30', and
    'within 12 hours 30 minutes' → 'within 12.5 hours' a 'Deadline added', HIGH)."""
    assert [t.kind for t in tokenize(written) if t.kind not in ("word", "punct")] == ["number", "number"]


def test_the_second_is_no_friend() -> None:
    assert "друга" not in NUMBER_WORDS  # a friend, not the second


@pytest.mark.parametrize(
    "written",
    [
        "на территории другого государства",
        "уведомляет другую Сторону",
        "с другой стороны",
        "консультируются друг с другом",
        "в другом порядке",
        "повідомляє другу Сторону",
        "з другою Стороною",
        "на території другої держави",
    ],
)
def test_the_other_is_no_second(written: str) -> None:
    """Russian 'другой' is the other, and Ukrainian 'друга Сторона' as often the other Party
    as the second: no number ('территории другого государства' → 'третьего государства' was
    'Number increased by 1', HIGH). Before a day or a stage it is the second (above)."""
    assert [t.norm for t in tokenize(written) if t.kind == "number"] == []


@pytest.mark.parametrize(
    "text", ["October 7th 2023", "7th October 2023", "October 7th, 2023", "7 October 2023", "October 7, 2023"]
)
def test_a_written_date_with_an_ordinal_ending_is_one_date(text: str) -> None:
    assert [(t.kind, t.norm) for t in tokenize(f"after {text} the")] == [
        ("word", "after"),
        ("date", "date:2023-10-07"),
        ("word", "the"),
    ]


def test_an_ordinal_before_a_noun_is_still_a_number() -> None:
    assert [(t.kind, t.norm) for t in tokenize("the 5th day and 1st 2")] == [
        ("word", "the"),
        ("number", "5"),
        ("word", "day"),
        ("word", "and"),
        ("number", "1"),
        ("number", "2"),
    ]


@pytest.mark.parametrize(
    ("text", "norm"),
    [
        ("by October 2005 the", "date:2005-10"),  # a month of a year
        ("до грудня 2007 року", "date:2007-12"),
        ("у грудні 2007 року", "date:2007-12"),  # the locative: in December
        ("в декабре 2007 года", "date:2007-12"),
        ("by the end of 2015 the", "date:2015-12-31"),  # a year's end is its last day
        ("до кінця 2015 року", "date:2015-12-31"),
        ("до конца 2015 года", "date:2015-12-31"),
    ],
)
def test_a_month_or_a_year_end_is_a_date(text: str, norm: str) -> None:
    assert [t.norm for t in tokenize(text) if t.kind == "date"] == [norm]


@pytest.mark.parametrize(
    "text",
    [
        "they may 2024 be",
        "at the end of the day",
        "the end of 15",
        "the end",
        "In March 2,000 troops",  # a count, not a year: a year is written in four digits
        "by 31 March 2 000 troops",
    ],
)
def test_no_month_or_year_end_where_there_is_none(text: str) -> None:
    assert [t for t in tokenize(text) if t.kind == "date"] == []


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("в полночь с 8 на 9 мая 1994 года", "8 на 9 мая 1994"),
        ("опівночі з 8 на 9 травня 1994 року", "8 на 9 травня 1994"),
        ("at midnight on the night of 8 to 9 May 1994", "8 to 9 May 1994"),
        ("в ночь с 31 на 1 июня 1994 года", "31 на 1 июня 1994"),  # 31 May comes before 1 June
        ("в ночь с 30 на 1 июня 1994 года", None),  # 30 does not
        ("у ніч з 29 на 1 березня 2024 року", "29 на 1 березня 2024"),  # a leap year's February
    ],
)
def test_a_night_named_by_its_two_days_is_the_date_of_its_midnight(text: str, quoted: str | None) -> None:
    """'с 8 на 9 мая 1994': one date, its second day, the first day no number of its own."""
    found = [(t.kind, text[t.start : t.end]) for t in tokenize(text) if t.kind in ("number", "date")]
    if quoted is None:
        assert found[0][0] == "number"
    else:
        assert found == [("date", quoted)]


@pytest.mark.parametrize(
    "text",
    [
        "from 8 to 9 May 1994",  # two days, not a night: "to" is a night's only after "night of"
        "с 8 на 10 мая 1994 года",  # days that do not follow one another
        "с 8 на 9 мая",  # no year: no written date
    ],
)
def test_no_night_where_the_days_do_not_name_one(text: str) -> None:
    first = next(t for t in tokenize(text) if t.kind in ("number", "date"))
    assert (first.kind, first.norm) == ("number", "8")


@pytest.mark.parametrize("space", [" ", "\u00a0", "\n", "\u3000"])
def test_white_space_at_the_end_is_read_in_linear_time(space: str) -> None:
    """The grammar's leading `\\s*` found no token after a run of white space at the end, and
    findall tried again from each of its characters: 20,000 spaces took ~35 s to flag."""
    import time

    started = time.process_time()
    tokens = tokenize("The Parties shall 5" + space * 20_000)
    assert time.process_time() - started < 1.0
    assert [t.norm for t in tokens] == ["the", "parties", "shall", "5"] and tokens[-1].end == 19
    assert tokenize(space * 20_000) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("в семиденний строк", [("7", "семи"), ("днів", "денний")]),
        ("у тридцятиденний строк", [("30", "тридцяти"), ("днів", "денний")]),
        ("в п'ятиденний строк", [("5", "п'яти"), ("днів", "денний")]),
        ("в семидневный срок", [("7", "семи"), ("дней", "дневный")]),
        ("в трехдневный срок", [("3", "трех"), ("дней", "дневный")]),
        ("в двухнедельный срок", [("2", "двух"), ("недель", "недельный")]),
        ("тримісячний строк", [("3", "три"), ("місяців", "місячний")]),
    ],
)
def test_a_duration_said_as_one_adjective_is_its_number_and_unit(
    text: str, found: list[tuple[str, str]]
) -> None:
    """'семиденний строк' is 7 days, as 'протягом семи днів' is."""
    tokens = tokenize(text)
    at = next(k for k, t in enumerate(tokens) if t.kind == "number")
    assert [(t.norm, text[t.start : t.end]) for t in tokens[at : at + 2]] == found


@pytest.mark.parametrize(
    "text", ["щомісячний звіт", "ежемесячный отчёт", "щоденний звіт", "месячный срок", "обеденный перерыв"]
)
def test_how_often_or_no_number_is_no_joined_duration(text: str) -> None:
    assert [t for t in tokenize(text) if t.kind == "number"] == []
