"""Numbers that several tokens say, for risk.features' quantities: a number with its scale
words ('97 млн 750 тис.', 'дев'яносто сім мільйонів сімсот п'ятдесят тисяч', 'two thousand
five hundred'), a scale word that says one of itself or a share of itself ('a million',
'мільйон', 'half a million', 'півмільйона', 'a quarter of a million'), and shares of a whole
('50:50', 'equally', '2/3', '⅔', 'two thirds', 'a third of', 'двома третинами', 'дві треті').

Takes a tokenised text (risk.tokens has already made each spelled number up to the hundreds
one token: 'сімсот п'ятдесят' is 750) and, for scale words, the caller's lookup of the
taxonomy's `[units.multiplier]`; hands on values and the token ranges that say them.
Guarantees: one value in any of its forms reads as one number ('97,75 млн' = '97 750 000' =
the words), and only tokens already read as numbers, or a listed scale or fraction word,
start one (no text is scanned word by word).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from draftkit.risk.numerals import FRACTION_GLYPHS
from draftkit.risk.phrases import PhraseSet
from draftkit.risk.tokens import Text, Token, normalise_word

# The factor of the scale word at a token index ("млн": 1e6), else None.
Scale = Callable[[int], float | None]
# Scale letters of an amount of money ("€500m", "$20k"), where they can be nothing else.
_MONEY_SCALES = {"m": 1e6, "k": 1e3}


def scaled(
    tokens: Sequence[Token], j: int, value: float, scale: Scale, *, spelled: bool, money: bool = False
) -> tuple[float, int, tuple[int, ...]]:
    """The value of a number with the scale words from token `j` on, the index after them, and
    the numbers they took in: '97 млн 750 тис.' and 'дев'яносто сім мільйонів сімсот п'ятдесят
    тисяч' are 97,750,000 (each part a smaller scale than the one before), 'two thousand five
    hundred' 2,500 (a number in words under the scale after it); after a currency (`money`),
    '€500m' is 500 million. Without a scale word at `j`, the value and `j` as they are."""
    factor = scale(j)
    if factor is None and money and j < len(tokens):
        factor = _MONEY_SCALES.get(tokens[j].norm)  # "€500m": not metres
    if factor is None:
        return value, j, ()
    total = 0.0
    taken: list[int] = []
    while True:
        total += value * factor
        j += 1
        if (
            j + 1 < len(tokens)
            and tokens[j].norm == "."
            and tokens[j - 1].end == tokens[j].start
            and not tokens[j + 1].cap
        ):
            j += 1  # "600 тыс. человек"; not the full stop of "USD 5 million. The …"
        part = tokens[j] if j < len(tokens) else None
        if part is None or part.kind != "number" or part.value is None or not 0 < part.value < 1000:
            break
        smaller = scale(j + 1)
        if smaller is not None and smaller < factor:
            value, factor = part.value, smaller
            taken.append(j)
            j += 1  # at the smaller scale word
            continue
        if spelled and part.spelled and part.value < factor:  # "two thousand five hundred troops"
            total += part.value
            taken.append(j)
            j += 1
        break
    return total, j, tuple(taken)


# A scale word in the singular says one of itself after "a" ("a million dollars") or alone in
# Ukrainian and Russian ("мільйон гривень", "тысячу человек"), half of itself after "half a",
# "a half", "пів" or "пол" ("half a million", "a half million", "пів мільйона"; in one word
# "півмільйона"), a share of itself after a fraction and "of a" ("a quarter of a million");
# the plural says how many ("thousands of people", "тисячі людей") and is not a number.
_LONE_SCALE_WORDS = "мільйон мільярд тисяча тисячу миллион миллиард тысяча тысячу"
_LONE_SCALES = frozenset(_LONE_SCALE_WORDS.split())
_A_SCALES = frozenset({"thousand", "million", "billion", "trillion"})
_HALF_SCALE_WORDS = "мільйона мільярда тисячі миллиона миллиарда тысячи"
_HALF_SCALES = frozenset(_HALF_SCALE_WORDS.split())
_HALF = frozenset({"пів", "пол"})
# Half a scale in one word, with the scale's factor (the taxonomy lists the scale words only).
HALF_SCALES_IN_ONE_WORD = {
    "півмільйона": 1e6, "півмільярда": 1e9, "півтисячі": 1e3,
    "полмиллиона": 1e6, "полмиллиарда": 1e9, "полтысячи": 1e3,
}  # fmt: skip
_SCALE_WORDS = _LONE_SCALES | _A_SCALES | _HALF_SCALES | frozenset(HALF_SCALES_IN_ONE_WORD)


def lone_scales(text: Text, scale: Scale) -> dict[int, tuple[float, int]]:
    """Scale words that stand for one of themselves ('a million', 'мільйон'), half of
    themselves ('half a million', 'пів мільйона', 'півмільйона') or a share of themselves ('a
    quarter of a million'), no number before them: where they stand, how many of the scale
    they say and the token their words start at ('half' of 'half a million')."""
    if text.forms().isdisjoint(_SCALE_WORDS):
        return {}  # most texts: no scale word at all
    tokens = text.tokens
    out: dict[int, tuple[float, int]] = {}
    for k in text.positions(_SCALE_WORDS):
        before = tokens[k - 1].norm if k else ""
        if k and tokens[k - 1].kind == "number":
            continue  # "600 тисяч", "двадцать одна тысяча": the number's scale
        word = tokens[k].norm
        if word in _A_SCALES:
            if before == "half" and k > 1 and tokens[k - 2].norm == "a":
                size, first = 0.5, k - 2  # "a half million dollars"
            elif before != "a":
                continue
            elif k > 1 and tokens[k - 2].norm == "half":
                size, first = 0.5, k - 2
            elif (share := _share_of_a(text, k - 2)) is not None:
                size, first = share
            else:
                size, first = 1.0, k - 1
        elif word in HALF_SCALES_IN_ONE_WORD:
            size, first = 0.5, k
        elif word in _HALF_SCALES:
            if before not in _HALF:
                continue
            size, first = 0.5, k - 1
        else:
            size, first = (0.5, k - 1) if before in _HALF else (1.0, k)
        if scale(k) is not None:
            out[k] = (size, first)
    return out


def _share_of_a(text: Text, k: int) -> tuple[float, int] | None:
    """The share and first token of a fraction before "of" at token `k` ("a quarter | of a
    million", "three quarters | of a million"), else None."""
    tokens = text.tokens
    if k < 2 or tokens[k].norm != "of":
        return None
    if tokens[k - 2].kind == "number":
        share = _fraction(text, k - 2, scales=True)
        return None if share is None else (share / 100, k - 2)
    if tokens[k - 2].norm == "a" and _denominator(text, k - 1) in _A_FRACTIONS:
        return 1 / _DENOMINATORS[_denominator(text, k - 1)], k - 2
    return None


# "divided equally", "split 50:50", "порівну": one share, as a percentage of the first part.
_EQUAL_SHARE_PHRASES = ("equally", "evenly", "equal shares", "equal parts", "порівну", "поровну",
                        "рівних частках", "рівних частинах", "равных долях", "равных частях")  # fmt: skip
_EQUAL_SHARE = PhraseSet([("equal", phrase) for phrase in _EQUAL_SHARE_PHRASES])
_EQUAL_SHARE_FIRSTS = frozenset(phrase.split()[0] for phrase in _EQUAL_SHARE_PHRASES)
# "equally" ends what it says of a split ("shared equally", "divided equally between them",
# "borne equally by"); before any other word it says "in equal degree" of that word ("both
# texts being equally authentic", "equally binding"), no share of anything.
_AFTER_A_SPLIT_WORDS = """between among amongst by to in from with on at for across over under and or
    but as між серед поміж на за в у з із і та й и или между среди по"""
_AFTER_A_SPLIT = frozenset(_AFTER_A_SPLIT_WORDS.split())


def _a_split(tokens: Sequence[Token], last: int) -> bool:
    """Whether the share word ending before token `last` ends its phrase: a punctuation mark,
    the end, or a preposition or conjunction follows."""
    return last >= len(tokens) or tokens[last].kind != "word" or tokens[last].norm in _AFTER_A_SPLIT


# The parts a fraction's word divides into: after a number of them ("two thirds", "дві
# третини", "двома третинами", "две трети", "three quarters"); the singular after one only
# ("one third of", "одна третина"; "a third party" is no share), or after "a" before "of" ("a
# third of the seats"). Ukrainian fractions also take the ordinal's form ("одна третя", "дві
# треті", "двома третіми", "три четверті"), Russian from fifths on ("две пятых").
_FRACTION_WORDS = {
    2: "half halves",  # "половина" is half of something, not a number of halves
    3: "third thirds третина третину третини третиною третин третинами третинах треть трети третью третей третями третях",
    4: "quarter quarters fourth fourths чверть чверті чвертю чвертей чвертями чвертях четверть четверти четвертью четвертей четвертями четвертях",
    5: "fifth fifths", 6: "sixth sixths", 7: "seventh sevenths", 8: "eighth eighths", 9: "ninth ninths", 10: "tenth tenths",
}  # fmt: skip
_ORDINAL_FRACTION_STEMS = {
    3: "трет", 4: "четверт", 5: "п'ят пят", 6: "шост шест", 7: "сьом седьм", 8: "восьм",
    9: "дев'ят девят", 10: "десят",
}  # fmt: skip
# Ukrainian endings ("третя", "третьої", "треті", "третіх"; "п'ята", "п'ятих"), then Russian
# ("пятая", "пятых"); a stem takes some of them only, the others are no words.
_ORDINAL_FRACTION_ENDINGS = "я ю ьої ій ьою і іх ім іми а у ої ою их им ими ая ую ой ых ым ыми"
_IN_ORDINAL_FORM = {
    stem + ending: parts
    for parts, stems in _ORDINAL_FRACTION_STEMS.items()
    for stem in stems.split()
    for ending in _ORDINAL_FRACTION_ENDINGS.split()
}
_DENOMINATORS = _IN_ORDINAL_FORM | {
    word: parts for parts, words in _FRACTION_WORDS.items() for word in words.split()
}
# An ordinal before what ordinals count is no fraction: "двох третіх сторін" (third parties).
_COUNTED_BY_ORDINALS = ("сторон", "сторін", "держав", "країн", "особ", "осіб", "учасник", "посередник")
_ENGLISH_SINGULAR = frozenset({"half", "third", "quarter", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"})  # fmt: skip
_A_FRACTIONS = _ENGLISH_SINGULAR - {"half"}  # "a year and a half of talks" is no share


def _denominator(text: Text, i: int) -> str:
    """The word at token `i` as written ("third" is read as the ordinal 3: its own word says
    which it is)."""
    word = text.tokens[i]
    return normalise_word(text.original[word.start : word.end]) if word.kind == "number" else word.norm


def _of_a_scale(tokens: Sequence[Token], i: int) -> bool:
    """Whether tokens from `i` say "of a million" (a share of a scale, not of a whole)."""
    return (
        i + 2 < len(tokens)
        and tokens[i].norm == "of"
        and tokens[i + 1].norm == "a"
        and tokens[i + 2].norm in _A_SCALES
    )


def _fraction(text: Text, i: int, *, scales: bool = False) -> float | None:
    """The share a spelled number at token `i` and the fraction word after it say, as a
    percentage ('two thirds': 66.67), else None; before "of a million" only if `scales`."""
    tokens = text.tokens
    numerator = tokens[i]
    if not numerator.spelled or numerator.value is None or not 1 <= numerator.value < 10:
        return None
    form = _denominator(text, i + 1)
    parts = _DENOMINATORS.get(form)
    if parts is None or numerator.value >= parts or numerator.value != int(numerator.value):
        return None
    if _of_a_scale(tokens, i + 2) and not scales:
        return None  # "three quarters of a million": an amount (lone_scales)
    if form in _ENGLISH_SINGULAR and (
        numerator.value != 1 or i + 2 >= len(tokens) or tokens[i + 2].norm != "of"
    ):
        return None
    if (
        form in _IN_ORDINAL_FORM
        and i + 2 < len(tokens)
        and tokens[i + 2].norm.startswith(_COUNTED_BY_ORDINALS)
    ):
        return None
    return 100 * numerator.value / parts


def _ratio(tokens: Sequence[Token], i: int) -> float | None:
    """The share a ratio in figures at token `i` says ('50:50', '70/30': the first part, its
    parts adding up to 100; '2/3': a fraction), as a percentage, else None."""
    a, sep, b = tokens[i], tokens[i + 1], tokens[i + 2]
    if sep.norm not in {":", "/"} or b.kind != "number" or a.value is None or b.value is None:
        return None
    if a.end != sep.start or sep.end != b.start:
        return None
    if a.value + b.value == 100:
        return a.value
    beside = (tokens[i - 1].norm if i else "", tokens[i + 3].norm if i + 3 < len(tokens) else "")
    if sep.norm == "/" and 0 < a.value < b.value <= 10 and a.value == int(a.value) and "/" not in beside:
        return 100 * a.value / b.value  # "2/3 of the votes"; not "1/2/3", a list of numbers
    return None


def _a_fraction(text: Text, i: int) -> float | None:
    """The share "a" and the fraction word at token `i` say before "of" ("a third of the
    seats": 33.33), else None (not "a third party", nor "a quarter of a million")."""
    tokens = text.tokens
    form = _denominator(text, i)
    if form not in _A_FRACTIONS or i + 1 >= len(tokens) or tokens[i + 1].norm != "of":
        return None
    return None if _of_a_scale(tokens, i + 1) else 100 / _DENOMINATORS[form]


_A_WORD_FRACTIONS = frozenset({"quarter"})  # the others ("third") are ordinals, read as numbers


def shares(text: Text, skip: set[int], scale: Scale) -> list[tuple[int, int, float]]:
    """Shares of a whole, each as (first token, last token, percentage of the whole): a split
    written '50:50' or '70/30' (parts adding up to 100), a fraction ('2/3', '⅔', 'two thirds',
    'a third of', 'дві третини', 'дві треті'), or a split in words ('equally'); the numbers
    they are made of are not read again (added to `skip`). `scale` tells a fraction of a scale
    ('½ million') from a share."""
    tokens = text.tokens
    found: list[tuple[int, int, float]] = []
    for i in text.indices("number"):
        if i >= len(tokens) - 1:
            break
        share = _ratio(tokens, i) if i < len(tokens) - 2 else None
        if share is not None:
            skip.update((i, i + 2))
            found.append((i, i + 3, share))
        elif (share := _fraction(text, i)) is not None:
            skip.update((i, i + 1))
            found.append((i, i + 2, share))
        elif tokens[i].norm in FRACTION_GLYPHS and scale(i + 1) is None:  # "⅔ of", not "½ million"
            skip.add(i)
            numerator, _, parts = tokens[i].norm.partition("⁄")  # NFKC: "⅔" is "2⁄3"
            found.append((i, i + 1, 100 * int(numerator) / int(parts)))  # as "2/3" reads
        elif i and tokens[i - 1].norm == "a" and (share := _a_fraction(text, i)) is not None:
            skip.add(i)
            found.append((i - 1, i + 1, share))  # "a third of the seats"
    if not text.forms().isdisjoint(_A_WORD_FRACTIONS):
        for i in text.positions(_A_WORD_FRACTIONS):
            if i and tokens[i - 1].norm == "a" and (share := _a_fraction(text, i)) is not None:
                found.append((i - 1, i + 1, share))  # "a quarter of the seats"
    if not text.forms().isdisjoint(_EQUAL_SHARE_FIRSTS):
        found.extend(
            (hit.first, hit.last, 50.0) for hit in _EQUAL_SHARE.find(text) if _a_split(tokens, hit.last)
        )
    return found
