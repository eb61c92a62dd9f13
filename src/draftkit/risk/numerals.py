"""Numbers and months in words, for the tokeniser (risk.tokens): English, Ukrainian and
Russian cardinals ("seventy-two", "сімдесяти двох", "семидесяти двух"), the teens, ordinals
("fifth", "п'ятого", "пятого" read as 5), the scale word "hundred", month names and
fractions in one character ("⅔", "2½").
"""

from __future__ import annotations

import re
import unicodedata

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan січня січень січні января январь январе",
        "february feb лютого лютий лютому февраля февраль феврале",
        "march mar березня березень березні марта март марте",
        "april apr квітня квітень квітні апреля апрель апреле",
        "may травня травень травні мая май мае",
        "june jun червня червень червні июня июнь июне",
        "july jul липня липень липні июля июль июле",
        "august aug серпня серпень серпні августа август августе",
        "september sep sept вересня вересень вересні сентября сентябрь сентябре",
        "october oct жовтня жовтень жовтні октября октябрь октябре",
        "november nov листопада листопад листопаді ноября ноябрь ноябре",
        "december dec грудня грудень грудні декабря декабрь декабре",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number

NUMBER_WORDS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Ukrainian and Russian number words in the cases a framework uses them ("протягом сімдесяти
# двох годин", "в течение семидесяти двух часов", "через сто днів", "двома третинами голосів").
_CYRILLIC_UNITS = {
    "один": 1, "одна": 1, "одне": 1, "одного": 1, "одной": 1, "однієї": 1, "одну": 1, "одній": 1,
    "однією": 1, "одною": 1,
    "два": 2, "дві": 2, "две": 2, "двох": 2, "двух": 2, "двома": 2, "двумя": 2,
    "три": 3, "трьох": 3, "трех": 3, "трьома": 3, "тремя": 3,
    "чотири": 4, "чотирьох": 4, "чотирма": 4, "четыре": 4, "четырех": 4, "четырьмя": 4,
    "п'ять": 5, "п'яти": 5, "пять": 5, "пяти": 5, "шість": 6, "шести": 6, "шесть": 6,
    "сім": 7, "семи": 7, "семь": 7, "вісім": 8, "восьми": 8, "восемь": 8,
    "дев'ять": 9, "дев'яти": 9, "девять": 9, "девяти": 9,
}  # fmt: skip
_CYRILLIC_TENS = {
    "десять": 10, "десяти": 10, "двадцять": 20, "двадцяти": 20, "двадцать": 20, "двадцати": 20,
    "тридцять": 30, "тридцяти": 30, "тридцать": 30, "тридцати": 30, "сорок": 40, "сорока": 40,
    "п'ятдесят": 50, "п'ятдесяти": 50, "пятьдесят": 50, "пятидесяти": 50,
    "шістдесят": 60, "шістдесяти": 60, "шестьдесят": 60, "шестидесяти": 60,
    "сімдесят": 70, "сімдесяти": 70, "семьдесят": 70, "семидесяти": 70,
    "вісімдесят": 80, "вісімдесяти": 80, "восемьдесят": 80, "восьмидесяти": 80,
    "дев'яносто": 90, "девяноста": 90, "девяносто": 90,
}  # fmt: skip
# Hundreds, which a ten and a unit may follow ("сто двадцать дней", "двохсот п'ятдесяти").
HUNDREDS = {
    "сто": 100, "ста": 100, "двісті": 200, "двохсот": 200, "двести": 200, "двухсот": 200,
    "триста": 300, "трьохсот": 300, "трехсот": 300, "чотириста": 400, "чотирьохсот": 400,
    "четыреста": 400, "четырехсот": 400, "п'ятсот": 500, "п'ятисот": 500, "пятьсот": 500,
    "пятисот": 500, "шістсот": 600, "шестисот": 600, "шестьсот": 600, "сімсот": 700,
    "семисот": 700, "семьсот": 700, "вісімсот": 800, "восьмисот": 800, "восемьсот": 800,
    "дев'ятсот": 900, "дев'ятисот": 900, "девятьсот": 900, "девятисот": 900,
}  # fmt: skip
_CYRILLIC_TEENS = {
    "одинадцять": 11, "одинадцяти": 11, "дванадцять": 12, "дванадцяти": 12,
    "тринадцять": 13, "тринадцяти": 13, "чотирнадцять": 14, "чотирнадцяти": 14,
    "п'ятнадцять": 15, "п'ятнадцяти": 15, "шістнадцять": 16, "шістнадцяти": 16,
    "сімнадцять": 17, "сімнадцяти": 17, "вісімнадцять": 18, "вісімнадцяти": 18,
    "дев'ятнадцять": 19, "дев'ятнадцяти": 19,
    "одиннадцать": 11, "одиннадцати": 11, "двенадцать": 12, "двенадцати": 12,
    "тринадцать": 13, "тринадцати": 13, "четырнадцать": 14, "четырнадцати": 14,
    "пятнадцать": 15, "пятнадцати": 15, "шестнадцать": 16, "шестнадцати": 16,
    "семнадцать": 17, "семнадцати": 17, "восемнадцать": 18, "восемнадцати": 18,
    "девятнадцать": 19, "девятнадцати": 19,
}  # fmt: skip
# Ordinals read as their numbers, so that "the fifth day" is "the 5th day" and "другого дня"
# is "2-го дня" ("5th", "2-й" are merged with their endings: `_ordinal_ending`).
# Every ordinal a figure with its ending can say ("14th", "30-й", "40-го"), so that the word
# and the figure read alike on either side of an edit.
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}  # fmt: skip
_CYRILLIC_ORDINAL_STEMS = {
    1: "перш перв", 2: "втор", 3: "трет", 4: "четверт", 5: "п'ят пят", 6: "шост шест",
    7: "сьом седьм", 8: "восьм", 9: "дев'ят девят", 10: "десят",
    11: "одинадцят одиннадцат", 12: "дванадцят двенадцат", 13: "тринадцят тринадцат",
    14: "чотирнадцят четырнадцат", 15: "п'ятнадцят пятнадцат", 16: "шістнадцят шестнадцат",
    17: "сімнадцят семнадцат", 18: "вісімнадцят восемнадцат", 19: "дев'ятнадцят девятнадцат",
    20: "двадцят двадцат", 30: "тридцят тридцат", 40: "сороков", 50: "п'ятдесят пятидесят",
    60: "шістдесят шестидесят", 70: "сімдесят семидесят", 80: "вісімдесят восьмидесят",
    90: "дев'яност девяност", 100: "сот",
}  # fmt: skip
_CYRILLIC_ORDINAL_ENDINGS = (
    """ий ій ый ого ому ої ою им ими их а е і ая ое ые ой ую ом ым ых ьего ьему ьей ья ье ьи"""
)
for _value, _stems in _CYRILLIC_ORDINAL_STEMS.items():
    for _stem in _stems.split():
        for _ending in _CYRILLIC_ORDINAL_ENDINGS.split():
            _ORDINAL_WORDS.setdefault(_stem + _ending, _value)
# Not ordinals, though spelt as one: "втора", "пята" (a heel), "трете".
for _word in ("втора", "пята", "трете"):
    _ORDINAL_WORDS.pop(_word, None)
# "Другий" is the second, but "друга Сторона" is as often the other Party, Russian "другой",
# "другого государства" is the other and "друга" a friend: its forms are the second only
# before a word of time or of a stage ("не пізніше другого дня", "другого етапу"; tokens.py).
SECOND = {w: 2 for w in ("другий", "другого", "другому", "другій", "другої", "другу", "другою")}
SECOND_BEFORE = (
    "дн", "ден", "доб", "тиж", "місяц", "рок", "рік", "етап", "фаз", "черг", "раунд", "читанн",
    "годин", "недел", "месяц", "год", "сут", "этап", "очеред", "чтени",
)  # fmt: skip
_ORDINAL_WORDS.update(SECOND)
NUMBER_WORDS.update(_CYRILLIC_UNITS)
NUMBER_WORDS.update(_CYRILLIC_TENS)
NUMBER_WORDS.update(_CYRILLIC_TEENS)
NUMBER_WORDS.update(HUNDREDS)
NUMBER_WORDS.update(_ORDINAL_WORDS)
NUMBER_WORDS["hundred"] = 100  # "in the first hundred days"
TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} | {
    w for w, v in _CYRILLIC_TENS.items() if 20 <= v < 100
}
SCALES = {"hundred": 100}
# One and a half in a word ("протягом півтора року", "в течение полутора лет").
HALVES = {"півтора": 1.5, "півтори": 1.5, "полтора": 1.5, "полторы": 1.5, "полутора": 1.5}

# Fractions in one character ("⅔ of the votes", "2½ years"), by the form a token has after
# NFKC ("⅔" is "2⁄3" there): read as their values (risk.tokens), shares (risk.magnitudes).
FRACTION_GLYPHS = {
    unicodedata.normalize("NFKC", glyph): value
    for glyph, value in {
        "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
        "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅐": 1 / 7, "⅛": 1 / 8, "⅜": 3 / 8,
        "⅝": 5 / 8, "⅞": 7 / 8, "⅑": 1 / 9, "⅒": 1 / 10,
    }.items()
}  # fmt: skip


# A duration said as one adjective, its number joined to its unit ("семиденний строк",
# "тридцатидневный срок", "тримісячний", "двухнедельный"): the unit's stem, and the plural
# its number is read with (a unit of [units.time]).
_JOINED_UNITS = {
    "денн": "днів",
    "дневн": "дней",
    "тижнев": "тижнів",
    "недельн": "недель",
    "місячн": "місяців",
    "месячн": "месяцев",
    "річн": "років",  # "п'ятирічний", "дворічний"
    "летн": "лет",  # "пятилетний", "двухлетний"
}
JOINED_STEM = re.compile("|".join(_JOINED_UNITS), re.IGNORECASE)  # where one may stand
JOINED_DURATION = re.compile(f"([\\w']+?)({'|'.join(_JOINED_UNITS)})[^\\W\\d_]{{1,3}}")
# The same adjective after a number in figures and a hyphen ("5-летние", "30-денний"): its unit.
JOINED_TAIL = re.compile(f"({'|'.join(_JOINED_UNITS)})[^\\W\\d_]{{1,3}}")
# Joining forms that are no number of their own ("дводенний", "однодневный").
_JOINING = {"дво": 2, "двох": 2, "одно": 1, "трьох": 3, "чотирьох": 4}


def joined_duration(word: str) -> tuple[int, int, str] | None:
    """For a duration said as one adjective ("семиденний", "тридцатидневный"): how many of its
    characters say the number, the number, and the unit's word; None for any other word
    ("ежемесячный", "щоденний": how often, not how long; "месячный": no number written)."""
    m = JOINED_DURATION.fullmatch(word)
    if m is None:
        return None
    head = m.group(1)
    value = NUMBER_WORDS.get(head, _JOINING.get(head))
    if value is None or value < 1:
        return None
    return len(head), value, _JOINED_UNITS[m.group(2)]


def joined_unit(word: str) -> str | None:
    """The unit's word of a duration adjective with its number left out ("летние" of "5-летние",
    "денний" of "30-денний"), else None."""
    m = JOINED_TAIL.fullmatch(word)
    return None if m is None else _JOINED_UNITS[m.group(1)]
