"""Numbers that several tokens say, for risk.features' quantities: a number with its scale
words ('97 млн 750 тис.', 'дев'яносто сім мільйонів сімсот п'ятдесят тисяч', 'two thousand
five hundred'), a scale word that says one of itself ('a million', 'мільйон'), and shares of
a whole ('50:50', 'equally', '2/3', 'two thirds', 'двома третинами').

Takes a tokenised text (risk.tokens has already made each spelled number up to the hundreds
one token: 'сімсот п'ятдесят' is 750) and, for scale words, the caller's lookup of the
taxonomy's `[units.multiplier]`; hands on values and the token ranges that say them.
Guarantees: one value in any of its forms reads as one number ('97,75 млн' = '97 750 000' =
the words), and only tokens already read as numbers, or a listed scale or fraction word,
start one (no text is scanned word by word).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

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
# Ukrainian and Russian ("мільйон гривень", "тысячу человек"), half of itself after "half a"
# or "пів", "пол" ("half a million", "пів мільйона"); the plural says how many ("thousands
# of people", "тисячі людей") and is not a number.
_LONE_SCALE_WORDS = "мільйон мільярд тисяча тисячу миллион миллиард тысяча тысячу"
_LONE_SCALES = frozenset(_LONE_SCALE_WORDS.split())
_A_SCALES = frozenset({"thousand", "million", "billion", "trillion"})
_HALF_SCALE_WORDS = "мільйона мільярда тисячі миллиона миллиарда тысячи"
_HALF_SCALES = frozenset(_HALF_SCALE_WORDS.split())
_HALF = frozenset({"пів", "пол"})
_SCALE_WORDS = _LONE_SCALES | _A_SCALES | _HALF_SCALES


def lone_scales(text: Text, scale: Scale) -> dict[int, float]:
    """Scale words that stand for one of themselves ('a million', 'мільйон') or half of
    themselves ('half a million', 'пів мільйона'), no number before them: where they stand,
    and how many of the scale they say."""
    if text.forms().isdisjoint(_SCALE_WORDS):
        return {}  # most texts: no scale word at all
    tokens = text.tokens
    out: dict[int, float] = {}
    for k in text.positions(_SCALE_WORDS):
        before = tokens[k - 1].norm if k else ""
        if k and tokens[k - 1].kind == "number":
            continue  # "600 тисяч", "двадцать одна тысяча": the number's scale
        word = tokens[k].norm
        if word in _A_SCALES:
            if before != "a":
                continue
            size = 0.5 if k > 1 and tokens[k - 2].norm == "half" else 1.0
        elif word in _HALF_SCALES:
            if before not in _HALF:
                continue
            size = 0.5
        else:
            size = 0.5 if before in _HALF else 1.0
        if scale(k) is not None:
            out[k] = size
    return out


# "divided equally", "split 50:50", "порівну": one share, as a percentage of the first part.
_EQUAL_SHARE = {("equally",), ("evenly",), ("equal", "shares"), ("equal", "parts"), ("порівну",),
                ("поровну",), ("рівних", "частках"), ("рівних", "частинах"), ("равных", "долях"),
                ("равных", "частях")}  # fmt: skip
_EQUAL_SHARE_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in sorted(_EQUAL_SHARE):
    _EQUAL_SHARE_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)

# The parts a fraction's word divides into: after a number of them ("two thirds", "дві
# третини", "двома третинами", "две трети", "three quarters"); the singular after one only
# ("one third of", "одна третина"; "a third party" is no share).
_FRACTION_WORDS = {
    2: "half halves",  # "половина" is half of something, not a number of halves
    3: "third thirds третина третину третини третиною третин третинами третинах треть трети третью третей третями третях",
    4: "quarter quarters fourth fourths чверть чверті чвертю чвертей чвертями чвертях четверть четверти четвертью четвертей четвертями четвертях",
    5: "fifth fifths", 6: "sixth sixths", 7: "seventh sevenths", 8: "eighth eighths", 9: "ninth ninths", 10: "tenth tenths",
}  # fmt: skip
_DENOMINATORS = {word: parts for parts, words in _FRACTION_WORDS.items() for word in words.split()}
_ENGLISH_SINGULAR = frozenset({"half", "third", "quarter", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"})  # fmt: skip


def _fraction(text: Text, i: int) -> float | None:
    """The share a spelled number at token `i` and the fraction word after it say, as a
    percentage ('two thirds': 66.67), else None."""
    tokens = text.tokens
    numerator, word = tokens[i], tokens[i + 1]
    if not numerator.spelled or numerator.value is None or not 1 <= numerator.value < 10:
        return None
    # "one third" reads "third" as the ordinal 3: its own word says which it is
    form = normalise_word(text.original[word.start : word.end]) if word.kind == "number" else word.norm
    parts = _DENOMINATORS.get(form)
    if parts is None or numerator.value >= parts or numerator.value != int(numerator.value):
        return None
    if form in _ENGLISH_SINGULAR and (
        numerator.value != 1 or i + 2 >= len(tokens) or tokens[i + 2].norm != "of"
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


def shares(text: Text, skip: set[int]) -> list[tuple[int, int, float]]:
    """Shares of a whole, each as (first token, last token, percentage of the whole): a split
    written '50:50' or '70/30' (parts adding up to 100), a fraction ('2/3', 'two thirds', 'дві
    третини'), or a split in words ('equally'); the numbers they are made of are not read
    again (added to `skip`)."""
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
    if not text.forms().isdisjoint(_EQUAL_SHARE_BY_FIRST):
        words = [t.norm for t in tokens]
        for i, word in enumerate(words):
            for phrase in _EQUAL_SHARE_BY_FIRST.get(word, ()):
                if tuple(words[i : i + len(phrase)]) == phrase:
                    found.append((i, i + len(phrase), 50.0))
    return found
