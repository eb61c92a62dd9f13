"""A provision's text as normalised tokens that remember where they stand in the original.

The risk rules match words and phrases on a spelling-neutral form — lower case, one
spelling per British/American pair (recognise/recognize, defence/defense), one form per
apostrophe, quote and dash, numbers without group separators, "five" as 5, "per cent" as
"percent" — and quote the reader's own words back from the original spans. So an edit
that only changes spelling, spacing or punctuation looks the same to every rule, and a
message always shows the text the drafter wrote.

Phrases (taxonomy terms, modal verbs, condition markers …) are normalised by the same
function and matched on token boundaries; a trailing `*` on a word is a prefix wildcard
("withdraw*" matches "withdrawal", "withdrawn").
"""

from __future__ import annotations

import bisect
import functools
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from itertools import compress, pairwise
from operator import itemgetter, ne
from typing import TYPE_CHECKING, Literal, NamedTuple, TypeGuard

from draftkit.risk.numerals import (
    FRACTION_GLYPHS,
    HALVES,
    HUNDREDS,
    JOINED_STEM,
    MONTHS,
    NUMBER_WORDS,
    SCALES,
    SECOND,
    SECOND_BEFORE,
    TENS,
    joined_duration,
    joined_unit,
)

if TYPE_CHECKING:
    from draftkit.risk.phrases import PhraseSet

TokenKind = Literal["word", "number", "date", "time", "punct"]

# The number grammar. Digit groups may be separated by a comma or by any Unicode space
# (U+00A0 and U+202F in French, UN and ITU style: "600 000", "1 164 MHz"), or by dots where
# there are two of them at least ("1.500.000"; "1.500" stays a decimal), and a number may
# carry invisible format characters between its digits ("8\u200b00,000" reads as 800,000,
# as a word processor shows it), so such a character cannot split one number into two and
# flip the direction of a change. ISO dates accept every Unicode hyphen and dash.
_SPACES = " \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_INVISIBLE = "\u00ad\u034f\u061c\u180e\u200b-\u200f\u2060-\u2064\ufeff"
_DATE_DASHES = "\\-\u2010-\u2013\u2212\ufe63\uff0d"


def _grammar(z: str) -> str:
    """The token grammar, with `z` allowed between the digits of a number. Order matters:
    words first (no other branch starts with a letter: a word is not tried as five kinds of
    number before it is read), dates and times before plain numbers, grouped numbers before
    decimals. The white space before each token is captured: `findall` then hands every
    token's text in one C call, and its span is counted from the lengths (no match object
    per token: tokenizing is most of what a long diff's rules cost)."""

    def digits(count_min: int, count_max: int) -> str:
        return rf"\d(?:{z}\d){{{count_min - 1},{count_max - 1}}}"

    any_digits = rf"\d(?:{z}\d)*"
    return (
        r"(\s*)(?:"
        r"(?P<word>[^\W\d_]+(?:['’ʼ`][^\W\d_]+)*)"
        rf"|(?P<iso>{digits(4, 4)}{z}[{_DATE_DASHES}]{z}{digits(2, 2)}{z}[{_DATE_DASHES}]{z}{digits(2, 2)})"
        rf"(?!{z}\d)"
        rf"|(?P<dmy>{digits(1, 2)}[./]{digits(1, 2)}[./]{digits(4, 4)})(?!{z}\d)"
        r"|(?P<time>(?:[01]?\d|2[0-4]):[0-5]\d)(?![,.:]?\d)"
        rf"|(?P<grouped>{digits(1, 3)}(?:{z}[,{_SPACES}]{z}{digits(3, 3)})+(?:{z}\.{z}{any_digits})?"
        rf"|{digits(1, 3)}(?:{z}\.{z}{digits(3, 3)}){{2,}}(?:{z},{z}{any_digits})?)"
        rf"(?!{z}\d)"
        rf"|(?P<num>{any_digits}(?:{z}[.,]{z}{any_digits})?)"
        r"|(?P<punct>\S))"
    )


# A text without invisible characters (nearly every one) is read by the grammar without
# them: the same tokens, as `[…]*` can only match nothing there, and it compiles in a
# fraction of the time (each of the 24 places the class stands in costs a compile of a
# Unicode character set: ~15 ms at import). The full grammar is compiled when first needed.
_TOKEN = re.compile(_grammar(""))


@functools.cache
def _token_with_invisible() -> re.Pattern[str]:
    return re.compile(_grammar(f"[{_INVISIBLE}]*"))


_NOT_NUMBER = re.compile(f"[{_INVISIBLE}]")
_GROUP_SEPARATORS = re.compile(f"[,{_SPACES}]")
_DATE_SEPARATORS = re.compile(f"[./{_DATE_DASHES}]")
# A value from 2**53 up is not exact as a float, and from 10**309 it is infinite: such a
# number is kept as its digits (an edit to it is still an edit) but has no value to compare.
_LARGEST_EXACT = float(2**53)

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'"})
_QUOTES = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'"}
_DASHES = {"−": "-", "﹣": "-", "－": "-"}  # besides every character of category Pd
_LENTICULAR = {"【": "[", "】": "]"}  # brackets in another type: "【600,000】" is "[600,000]"

# British → one spelling. Applied to single lower-case words on both sides of a comparison,
# so a rule that over-reaches ("otherwise" → "otherwize") is harmless: it does it everywhere.
_SPELLING: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<=\w\w)is(?=(?:e|es|ed|ing|ation|ations|ational|er|ers)$)"), "iz"),
    (re.compile(r"(?<=\w\w)ys(?=(?:e|es|ed|ing)$)"), "yz"),
    (
        re.compile(
            r"^(lab|fav|hon|neighb|behavi|harb|col|endeav|vig|rig|arm|val|hum|rum|sav|savi|od|"
            r"parl|tum|ferv|splend|clam)our"
        ),
        r"\1or",
    ),
    (
        re.compile(r"^(cent|met|kilomet|millimet|centimet|lit|theat|calib|fib|spect|somb|manoeuv)re(s|d)?$"),
        r"\1er\2",
    ),
    (re.compile(r"^manoeuv"), "maneuv"),
    (re.compile(r"^(defen|offen|licen|preten)ce(s)?$"), r"\1se\2"),
    (re.compile(r"^programme(s)?$"), r"program\1"),
    (re.compile(r"^(judg|acknowledg|abridg)ement(s)?$"), r"\1ment\2"),
    (
        re.compile(
            r"^(travel|cancel|label|model|fuel|counsel|signal|total|channel|level|marshal|equal|"
            r"dial|initial|jewel|quarrel|rival|tunnel)l(ed|ing|er|ers|or|ors)$"
        ),
        r"\1\2",
    ),
    (re.compile(r"^fulfill(s)?$"), r"fulfil\1"),
    (re.compile(r"^fulfil(l)?ment$"), "fulfilment"),
    (re.compile(r"^enrol(l)?ment$"), "enrolment"),
    (re.compile(r"^instal(l)?ment(s)?$"), r"instalment\2"),
    (re.compile(r"^ag(e)?ing$"), "aging"),
    (re.compile(r"^whilst$"), "while"),
    (re.compile(r"^amongst$"), "among"),
    (re.compile(r"^towards$"), "toward"),
    (re.compile(r"^cheque(s)?$"), r"check\1"),
    (re.compile(r"^gr(a|e)y$"), "gray"),
)


# Most words have no British spelling: one search for any of the patterns spares them the
# sequence of substitutions (a word none of them matches comes out of it as it went in).
_ANY_SPELLING = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _SPELLING))


@functools.lru_cache(maxsize=65536)
def normalise_word(word: str) -> str:
    """One word in comparison form: lower case, one apostrophe, ё as е, one spelling."""
    w = unicodedata.normalize("NFKC", word).translate(_APOSTROPHES).lower().replace("ё", "е")
    if w.isascii() and _ANY_SPELLING.search(w) is not None:
        for pattern, replacement in _SPELLING:
            w = pattern.sub(replacement, w)
    return w


class Token(NamedTuple):
    """One token: its comparison form, its span in the original, and for numbers their value.

    `value` is the number for `number` tokens and the proleptic ordinal of the day for
    `date` tokens. `cap` says the original starts with an upper-case letter. (A NamedTuple:
    a long draft has hundreds of thousands of tokens.)
    """

    norm: str
    start: int
    end: int
    kind: TokenKind
    cap: bool = False
    value: float | None = None
    spelled: bool = False  # a number written in words ("five")


def _ascii_digits(text: str) -> str:
    """Digits of any script as ASCII ('٦٠٠' → '600'); other characters kept."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


def _read_number(raw: str, grouped: bool) -> tuple[str, float | None]:
    """A number token's comparison form and value; the value is None for a number too large
    to compare (beyond exact float integers, or infinite)."""
    compact = _ascii_digits(_NOT_NUMBER.sub("", raw))
    if compact.count(".") > 1:  # "1.500.000,5": dots between the groups, a decimal comma
        compact = compact.replace(".", "")
    elif grouped or re.search(r"\d,\d{3}", compact):
        compact = _GROUP_SEPARATORS.sub("", compact)
    compact = compact.replace(",", ".")
    try:
        value = float(compact)
    except ValueError:  # not reached by the grammar above; kept as a word-like number
        return compact, None
    if not math.isfinite(value) or value >= _LARGEST_EXACT:
        whole, dot, fraction = compact.partition(".")
        return (whole.lstrip("0") or "0") + dot + fraction, None
    return (str(int(value)) if value == int(value) else repr(value)), value


_tuple_new = tuple.__new__


def _raw_tokens(text: str) -> list[Token]:
    out: list[Token] = []
    append = out.append
    word = normalise_word
    new = _tuple_new
    end = 0
    grammar = _TOKEN if text.isascii() or _NOT_NUMBER.search(text) is None else _token_with_invisible()
    # White space at the end is left out: the grammar's leading `\s*` finds no token after it,
    # and findall would try again from each of its characters (quadratic in its length).
    for space, raw, iso, dmy, clock, grouped, num, punct in grammar.findall(text.rstrip()):
        s = end + len(space)
        if raw:  # a word (most tokens)
            end = s + len(raw)
            append(new(Token, (word(raw), s, end, "word", raw[0].isupper(), None, False)))
        elif punct:
            end = s + 1
            ch = punct
            if ch in _QUOTES:
                ch = _QUOTES[ch]
            elif ch in _LENTICULAR:
                ch = _LENTICULAR[ch]
            elif ch in _DASHES or unicodedata.category(ch) == "Pd":
                ch = "-"
            elif ch == "%":
                ch = "percent"
            elif not ch.isascii():
                ch = unicodedata.normalize("NFKC", ch)
            append(new(Token, (ch, s, end, "word" if ch == "percent" else "punct", False, None, False)))
        elif grouped or num:
            end = s + len(grouped or num)
            norm, value = _read_number(grouped or num, bool(grouped))
            append(Token(norm, s, end, "number", False, value))
        elif iso:
            end = s + len(iso)
            y, mo, d = (int(x) for x in _DATE_SEPARATORS.split(_NOT_NUMBER.sub("", iso)))
            append(_date_token(y, mo, d, s, end) or Token(iso, s, end, "punct"))
        elif dmy:
            end = s + len(dmy)
            d, mo, y = (int(x) for x in _DATE_SEPARATORS.split(_NOT_NUMBER.sub("", dmy)))
            append(_date_token(y, mo, d, s, end) or Token(dmy, s, end, "punct"))
        else:  # time of day
            end = s + len(clock)
            h, mi = clock.split(":")
            append(Token(f"{int(h):02d}:{mi}", s, end, "time"))
    return out


def _date_token(y: int, mo: int, d: int, s: int, e: int) -> Token | None:
    try:
        day = date(y, mo, d)
    except ValueError:
        return None
    return Token(f"date:{day.isoformat()}", s, e, "date", value=float(day.toordinal()))


def _month_token(y: int, mo: int, s: int, e: int) -> Token:
    """A month of a year ("October 2005"): 'date:2005-10', valued as its first day."""
    return Token(f"date:{y:04d}-{mo:02d}", s, e, "date", value=float(date(y, mo, 1).toordinal()))


MONTH_NORM = len("date:2005-10")  # the length of a month's form; a day's is longer


def _merge(tokens: list[Token], text: str = "") -> list[Token]:
    """Multi-token forms: in-word hyphens dropped, 'per cent', spelled numbers, written dates."""
    # In-word hyphens: "de-facto" reads as "de facto", "mine-clearance" as "mine clearance".
    # Most tokens are none of these: the ones that may be are found by C-level scans of the
    # forms and kinds, and only they are looked at.
    if len(tokens) == 1 and (tokens[0].kind != "word" or tokens[0].norm not in NUMBER_WORDS):
        return tokens  # one token (a taxonomy phrase's word) stands as it is, unless spelled
    last = len(tokens) - 1
    # A number joined to its unit ("a 25-kilometre zone", "a 5-year term", "5-летние периоды")
    # reads as the number and the unit, as "twenty-five-kilometre" does; an ordinal's ending
    # ("5-го", "2-й") stays for _merged_at to read.
    dropped = {
        k
        for k in compress(range(len(tokens)), map("-".__eq__, map(_NORM, tokens)))
        if tokens[k].kind == "punct"
        and 0 < k < last
        and tokens[k - 1].end == tokens[k].start
        and tokens[k + 1].start == tokens[k].end
        and tokens[k + 1].kind == "word"
        and (
            tokens[k - 1].kind == "word"
            or (tokens[k - 1].kind == "number" and tokens[k + 1].norm not in _ENDINGS)
        )
    }
    kept = [tok for k, tok in enumerate(tokens) if k not in dropped] if dropped else tokens
    if not text.isascii() and JOINED_STEM.search(text) is not None:
        kept = _split_joined(kept)
    indices = range(len(kept))
    starts = sorted(
        {
            *compress(indices, map(_MERGE_STARTS.__contains__, map(_NORM, kept))),
            *compress(indices, map("number".__eq__, map(_KIND, kept))),
        }
    )
    out: list[Token] = []
    k = 0
    for start in starts:
        if start < k:
            continue  # taken into the form before
        out.extend(kept[k:start])
        k = start
        merged, k = _merged_at(kept, k, text)
        out.append(merged)
    out.extend(kept[k:])
    return out


def _split_joined(kept: list[Token]) -> list[Token]:
    """A duration said as one adjective read as its number and its unit: "семиденний строк"
    as "семи днів строк", 7 days (numerals.joined_duration)."""
    out: list[Token] = []
    for tok in kept:
        joined = joined_duration(tok.norm) if tok.kind == "word" else None
        if joined is None and out and out[-1].kind == "number" and out[-1].end + 1 == tok.start:
            unit = joined_unit(tok.norm)  # "5-летние": the number in figures, its hyphen dropped
            if unit is not None:
                out.append(Token(unit, tok.start, tok.end, "word"))
                continue
        if joined is None:
            out.append(tok)
            continue
        length, value, unit = joined
        cut = tok.start + length
        out.append(Token(str(value), tok.start, cut, "number", tok.cap, float(value), True))
        out.append(Token(unit, cut, tok.end, "word"))
    return out


_NORM = itemgetter(0)
_KIND = itemgetter(3)
_YEAR_END = frozenset(["end", "кінця", "конца"])  # "the end of 2015", "кінця 2015 року"
# Where `_merged_at` may merge:
_MERGE_STARTS = frozenset(["per", *NUMBER_WORDS, *HALVES, *MONTHS, *_YEAR_END, *FRACTION_GLYPHS])


def _merged_at(kept: list[Token], k: int, text: str = "") -> tuple[Token, int]:
    """The token that stands at `kept[k]` ('per cent', a spelled number, a written date, or
    the token itself) and the index after what it took."""
    tok = kept[k]
    nxt = kept[k + 1] if k + 1 < len(kept) else None
    if tok.norm == "per" and nxt is not None and nxt.norm == "cent":
        return Token("percent", tok.start, nxt.end, "word"), k + 2
    if tok.norm in SECOND and (nxt is None or not nxt.norm.startswith(SECOND_BEFORE)):
        return tok, k + 1  # "другого государства": the other, not the second
    if tok.kind == "word" and tok.norm in NUMBER_WORDS:
        value = NUMBER_WORDS[tok.norm]
        end = tok.end
        j = k + 1
        ten = tok  # the word a unit may follow ("seventy-two", "сто двадцать пять": "двадцать")
        if tok.norm in HUNDREDS and j < len(kept) and NUMBER_WORDS.get(kept[j].norm, 100) < 100:
            # "сто двадцать дней", "двохсот п'ятдесяти": the ten (or unit) after the hundred
            ten = kept[j]
            value += NUMBER_WORDS[ten.norm]
            end = ten.end
            j += 1
        if (
            ten.norm in TENS
            and j < len(kept)
            and kept[j].norm in NUMBER_WORDS
            and NUMBER_WORDS[kept[j].norm] < 10
        ):
            value += NUMBER_WORDS[kept[j].norm]
            end = kept[j].end
            j += 1
        scaled = tok.norm in SCALES  # "a hundred and twenty days"
        # "five hundred"; "fifteen hundred", "twenty-five hundred" (not "twenty hundred")
        if j < len(kept) and kept[j].norm in SCALES and (value < 10 or (10 < value < 100 and value % 10)):
            value *= SCALES[kept[j].norm]
            end = kept[j].end
            j += 1
            scaled = True
        if scaled:
            # "two hundred and fifty", "two hundred fifty-five"
            k2 = j + 1 if j < len(kept) and kept[j].norm == "and" else j
            if k2 < len(kept) and NUMBER_WORDS.get(kept[k2].norm, 100) < 100:
                value += NUMBER_WORDS[kept[k2].norm]
                end = kept[k2].end
                j = k2 + 1
                if kept[k2].norm in TENS and j < len(kept) and NUMBER_WORDS.get(kept[j].norm, 10) < 10:
                    value += NUMBER_WORDS[kept[j].norm]
                    end = kept[j].end
                    j += 1
        half = and_a_half(kept, j)
        if half:
            end, j = kept[j + half - 1].end, j + half
            return Token(
                f"{value}.5", tok.start, end, "number", cap=tok.cap, value=value + 0.5, spelled=True
            ), j
        return Token(str(value), tok.start, end, "number", cap=tok.cap, value=float(value), spelled=True), j
    if tok.kind == "word" and tok.norm in HALVES:
        return Token(
            "1.5", tok.start, tok.end, "number", cap=tok.cap, value=HALVES[tok.norm], spelled=True
        ), k + 1
    if tok.kind == "word" and tok.norm in FRACTION_GLYPHS:  # "⅔ of the votes"
        return Token(tok.norm, tok.start, tok.end, "number", value=FRACTION_GLYPHS[tok.norm]), k + 1
    if (
        tok.kind == "number"
        and tok.value is not None
        and nxt is not None
        and nxt.norm in FRACTION_GLYPHS
        and nxt.start == tok.end
    ):  # "2½ years", "1½ million"
        whole = tok.value + FRACTION_GLYPHS[nxt.norm]
        return Token(repr(whole), tok.start, nxt.end, "number", value=whole), k + 2
    if tok.kind == "number" and nxt is not None and nxt.start - tok.end <= 1:
        clock = _clock_in_words(kept, k)
        if clock is not None:
            return clock
        if nxt.norm in _ENGLISH_ENDINGS:  # "7th October 2023" is a date, "5th day" an ordinal
            date_tok, used = _written_date(kept, k, text)
            if date_tok is not None:
                return date_tok, k + used
        ending = _ordinal_ending(kept, k)
        if ending is not None:
            return ending
    if tok.norm in _YEAR_END:
        return _year_end(kept, k)
    night = _night_of(kept, k, text)
    if night is not None:
        return night
    date_tok, used = _written_date(kept, k, text) if tok.kind == "number" or tok.norm in MONTHS else (None, 1)
    if date_tok is not None:
        return date_tok, k + used
    return tok, k + 1


_NIGHT_TO = frozenset(["на"])  # "в ночь с 8 на 9 мая", "у ніч з 8 на 9 травня"
_NIGHT_OF = ("night", "of")  # "the night of 8 to 9 May 1994": "to" only after these words


def _night_of(kept: list[Token], k: int, text: str) -> tuple[Token, int] | None:
    """A night named by its two days ("с 8 на 9 мая 1994", "з 8 на 9 травня 1994", "the night of
    8 to 9 May 1994"): the date of its second day, where its midnight falls, with the whole
    phrase as its span; the first day is no number of its own. None where the days do not
    follow one another or the second is no written date."""
    tok = kept[k]
    if tok.kind != "number" or tok.spelled or tok.value is None or not 1 <= tok.value <= 31:
        return None
    if k + 2 >= len(kept) or kept[k + 2].kind != "number":
        return None
    joiner = kept[k + 1].norm
    before = tuple(t.norm for t in kept[max(0, k - 2) : k])
    if joiner not in _NIGHT_TO and not (joiner == "to" and before == _NIGHT_OF):
        return None
    second, used = _written_date(kept, k + 2, text)
    if second is None or second.value is None or len(second.norm) == MONTH_NORM:
        return None
    if date.fromordinal(int(second.value) - 1).day != int(tok.value):
        return None
    return second._replace(start=tok.start), k + 2 + used


def and_a_half(kept: Sequence[Token], j: int) -> int:
    """How many tokens at `j` say "and a half" ("two and a half years", "два з половиною
    роки", "два с половиной года"; after a unit, "a year and a half"): 0 if they do not."""
    words = [t.norm for t in kept[j : j + 3]]
    if words == ["and", "a", "half"]:
        return 3
    if words[:2] in (["з", "половиною"], ["із", "половиною"], ["с", "половиной"]):
        return 2
    return 0


_ENGLISH_ENDINGS = frozenset({"st", "nd", "rd", "th"})
_CYRILLIC_ENDINGS = frozenset(
    ["й", "го", "ого", "му", "ому", "я", "е", "ї", "ої", "ий", "ій", "ый", "ю", "і", "х", "ми"]
)
_ENDINGS = _ENGLISH_ENDINGS | _CYRILLIC_ENDINGS


def _ordinal_ending(kept: list[Token], k: int) -> tuple[Token, int] | None:
    """'5th', '2-й', '5-го': the number with its ordinal ending, as the number."""
    tok, nxt = kept[k], kept[k + 1]
    if nxt.start == tok.end and nxt.norm in _ENGLISH_ENDINGS:
        return tok._replace(end=nxt.end), k + 2
    if (
        nxt.norm == "-"
        and nxt.start == tok.end
        and k + 2 < len(kept)
        and kept[k + 2].start == nxt.end
        and kept[k + 2].norm in _CYRILLIC_ENDINGS
    ):
        return tok._replace(end=kept[k + 2].end), k + 3
    return None


# A time of day in words, as agreements in Ukrainian and Russian (and English: "00 hours 00
# minutes") write it: "00 год. 00 хв.", "00 ч. 00 мин.", "00 часов 00 минут" are "00:00". Both
# numbers written with two digits, and
# not after a word that says how long ("2 hours 30 minutes", "within 12 hours 30 minutes",
# "протягом 10 год. 30 хв.", "в течение 12 часов 30 минут" are durations).
_HOUR_WORDS = frozenset(
    ["год", "годин", "години", "година", "годині", "ч", "час", "часа", "часов", "h", "hrs", "hours"]
)
_MINUTE_WORDS = frozenset(
    ["хв", "хвилин", "хвилини", "хвилина", "мин", "минут", "минуты", "минута", "min", "mins", "minutes"]
)
_HOW_LONG = frozenset(
    ["within", "for", "during", "протягом", "впродовж", "продовж", "через", "течение", "протяжении"]
)


def _clock_in_words(kept: list[Token], k: int) -> tuple[Token, int] | None:
    hours = kept[k]
    if hours.end - hours.start != 2 or hours.value is None or not 0 <= hours.value <= 24:
        return None
    if k > 0 and kept[k - 1].norm in _HOW_LONG:
        return None
    j = k + 1
    if kept[j].norm not in _HOUR_WORDS:
        return None
    j += 1
    if j < len(kept) and kept[j].norm == "." and kept[j].start == kept[j - 1].end:
        j += 1
    if j + 1 >= len(kept):
        return None
    minutes, word = kept[j], kept[j + 1]
    if (
        minutes.kind != "number"
        or minutes.end - minutes.start != 2
        or minutes.value is None
        or not 0 <= minutes.value <= 59
        or word.norm not in _MINUTE_WORDS
    ):
        return None
    j += 2
    if j < len(kept) and kept[j].norm == "." and kept[j].start == kept[j - 1].end:
        j += 1
    end = kept[j - 1].end
    return Token(f"{int(hours.value):02d}:{int(minutes.value):02d}", hours.start, end, "time"), j


def _year_like(t: Token | None) -> TypeGuard[Token]:
    """A number a year may be: 1900 to 2200, whole."""
    return (
        t is not None
        and t.kind == "number"
        and t.value is not None
        and 1900 <= t.value <= 2200
        and "." not in t.norm
    )


def _year_end(kept: list[Token], k: int) -> tuple[Token, int]:
    """'end of 2015' (English), 'кінця 2015', 'конца 2015' as the year's last day (a date:
    "by the end of 2015" = "by 31 December 2015"); else the word itself."""
    tok = kept[k]
    j = k + 2 if tok.norm == "end" else k + 1
    year = kept[j] if j < len(kept) else None
    if year is not None and (tok.norm != "end" or kept[k + 1].norm == "of") and _year_like(year):
        assert year.value is not None
        found = _date_token(int(year.value), 12, 31, tok.start, year.end)
        if found is not None:
            return found, j + 1
    return tok, k + 1


def _folded(tokens: Sequence[Token], k: int) -> tuple[list[Token], list[int]]:
    """Up to four tokens from `k`, a day's English ordinal ending taken into its number ("7th"
    as 7), and after each how many of `tokens` it has taken."""
    view: list[Token] = []
    taken: list[int] = []
    j = k
    while j < len(tokens) and len(view) < 4:
        tok = tokens[j]
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        if tok.kind == "number" and nxt is not None and nxt.start == tok.end and nxt.norm in _ENGLISH_ENDINGS:
            tok, j = tok._replace(end=nxt.end), j + 1
        view.append(tok)
        j += 1
        taken.append(j - k)
    return view, taken


def _written_date(tokens: Sequence[Token], k: int, text: str = "") -> tuple[Token | None, int]:
    """'31 December 2027', 'December 31, 2027', '31 грудня 2027', '7th October 2023',
    'October 7th, 2023'."""
    view, taken = _folded(tokens, k)
    a = view[0]
    b = view[1] if len(view) > 1 else None
    c = view[2] if len(view) > 2 else None
    d = view[3] if len(view) > 3 else None

    def is_day(t: Token | None) -> bool:
        return (
            t is not None
            and t.kind == "number"
            and not t.spelled
            and t.value is not None
            and 1 <= t.value <= 31
        )

    def is_year(t: Token | None) -> bool:
        # "2000", not "2,000" (troops: "In March 2,000 troops"); an invisible character inside
        # is no separator ("20\u00ad27")
        return _year_like(t) and (
            _GROUP_SEPARATORS.search(text, t.start, t.end) is None if text else t.end - t.start == 4
        )

    if is_day(a) and b is not None and b.kind == "word" and b.norm in MONTHS and is_year(c):
        assert a.value is not None and c is not None and c.value is not None
        tok = _date_token(int(c.value), MONTHS[b.norm], int(a.value), a.start, c.end)
        return tok, taken[2]
    if a.kind == "word" and a.norm in MONTHS and is_day(b):
        assert b is not None and b.value is not None
        if c is not None and c.norm == "," and is_year(d):
            assert d is not None and d.value is not None
            return _date_token(int(d.value), MONTHS[a.norm], int(b.value), a.start, d.end), taken[3]
        if is_year(c):
            assert c is not None and c.value is not None
            return _date_token(int(c.value), MONTHS[a.norm], int(b.value), a.start, c.end), taken[2]
    if a.kind == "word" and a.norm in MONTHS and (a.cap or not a.norm.isascii()) and is_year(b):
        # "October 2005", "грудня 2007": a month (a capital for an English one: "may 2024" is
        # no month)
        assert b is not None and b.value is not None
        return _month_token(int(b.value), MONTHS[a.norm], a.start, b.end), taken[1]
    return None, 1


def tokenize(text: str) -> list[Token]:
    """Tokens of `text` in comparison form, each with its span in `text`."""
    return list(_tokens(text))


# A text is read by several rules and both views of a change (on a 13k-provision pair, 3,725
# tokenizations of 1,401 distinct texts): tokens are immutable, so each is made once. The
# bound keeps the cache a few MB; the rules read one change's texts close together.
@functools.lru_cache(maxsize=2048)
def _tokens(text: str) -> tuple[Token, ...]:
    if text.isalpha():  # one word, letters only (each word of a taxonomy's phrases): one token
        norm = normalise_word(text)
        if norm not in NUMBER_WORDS:  # unless it is a number spelled out
            return (_tuple_new(Token, (norm, 0, len(text), "word", text[0].isupper(), None, False)),)
    return tuple(_merge(_raw_tokens(text), text))


_MEANINGFUL_PUNCT = {"[", "]"}

# The words that join the items of a list, in comparison form: "and" and "or", Ukrainian та,
# і, й and або, чи, Russian и and или (one set for every rule that reads lists).
AND_WORDS = frozenset({"and", "та", "і", "й", "и"})
OR_WORDS = frozenset({"or", "або", "чи", "или"})
COORDINATORS = AND_WORDS | OR_WORDS
# Words that open a relative clause ("forces that remain", "особи, які", "лица, которые"):
# "that" also opens a complement ("agree that …"), so some readers leave it out.
_RELATIVE_TEXT = (
    "who whom whose which that які який яка яке котрі котрий хто кто которые который которая которое"
)
RELATIVES = frozenset(_RELATIVE_TEXT.split())
# Modal verbs, where a main clause binds or goes on ("… their weapons | will be granted").
_MODAL_TEXT = """shall will must may should would could can буде будуть повинні повинен повинна має мають
    будет будут должны должен должна"""
MODALS = frozenset(_MODAL_TEXT.split())


@functools.lru_cache(maxsize=2048)
def content_key(text: str) -> tuple[str, ...]:
    """What an edit must change to be more than cosmetic: words, numbers and brackets in
    comparison form; white space, spelling variants and other punctuation left out."""
    return tuple(t.norm for t in tokenize(text) if t.kind != "punct" or t.norm in _MEANINGFUL_PUNCT)


class Hit(NamedTuple):
    """A phrase found in a Text: token range [first, last), the label of the phrase, and the
    matched tokens' normalised forms joined by spaces."""

    first: int
    last: int
    label: str
    norm: str


class Text:
    """The original string, its tokens, and the normalised forms joined by single spaces
    (the string phrase patterns run on). Immutable once made: what is derived from the
    tokens (the joined string, where each form stands, the phrases found) is made on first
    use and kept — the rules look for a dozen phrase sets in each text."""

    __slots__ = ("_forms", "_found", "_joined", "_kinds", "_offsets", "_starts", "original", "tokens")

    def __init__(self, original: str, *, masked: Iterable[tuple[int, int]] = ()) -> None:
        self.original = original
        # Square brackets mark unagreed text; every rule but the brackets rule reads through
        # them, so "20 [km shall]" is still 20 km and "[Fund not] less than" still a bound.
        found = _tokens(original)
        # A bracket token comes from a bracket character, or from a non-ASCII one NFKC makes
        # a bracket ("［"): an ASCII text without one has none, and its tokens are not scanned.
        tokens = (
            list(found)
            if (original.isascii() and "[" not in original and "]" not in original)
            or _MEANINGFUL_PUNCT.isdisjoint(map(_NORM, found))
            else [t for t in found if t.norm not in _MEANINGFUL_PUNCT]
        )
        spans = list(masked)
        if spans:
            # Cross-references are replaced by one placeholder token so "Article 8" → "Article 9"
            # after a renumbering is not a number change, nor a change of a clause's words.
            merged: list[Token] = []
            # Spans that do not overlap (citations found left to right) are looked up by
            # bisection: a scan of every span per token was quadratic in a text citing thousands.
            order = sorted(spans)
            apart = all(end <= start for (_, end), (start, _) in pairwise(order))
            starts = [start for start, _ in order]
            for tok in tokens:
                if apart:
                    at = bisect.bisect_right(starts, tok.start) - 1
                    inside = order[at] if at >= 0 and tok.end <= order[at][1] else None
                else:
                    inside = next(((s, e) for s, e in spans if s <= tok.start and tok.end <= e), None)
                if inside is None:
                    merged.append(tok)
                elif (
                    merged
                    and merged[-1].kind == "punct"
                    and merged[-1].norm == "#ref"
                    and merged[-1].end >= inside[0]
                ):
                    last = merged[-1]
                    merged[-1] = Token("#ref", last.start, tok.end, "punct")
                else:
                    merged.append(Token("#ref", tok.start, tok.end, "punct"))
            tokens = merged
        self._made(tokens)

    def _made(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self._joined: str | None = None
        self._offsets: list[int] | None = None
        self._forms: tuple[list[str], frozenset[str]] | None = None
        self._found: dict[PhraseSet, dict[str, list[Hit]]] = {}
        self._kinds: dict[object, tuple[int, ...]] = {}  # a kind or a set of forms → indices
        self._starts: dict[str, list[int]] | None = None  # a form → where it stands among the words

    @property
    def joined(self) -> str:
        """The tokens' normalised forms joined by single spaces."""
        if self._joined is None:
            self._joined = " ".join([tok.norm for tok in self.tokens])
        return self._joined

    def mapped(self, norm: Callable[[str], str]) -> Text:
        """The same text with every word's normalised form passed through `norm` (the lemma
        view: "Україні" reads as "україна"); spans, kinds and the original are kept."""
        out = Text.__new__(Text)
        out.original = self.original
        tokens = list(self.tokens)
        words = list(compress(range(len(tokens)), map("word".__eq__, map(_KIND, tokens))))
        forms = list(map(_NORM, map(tokens.__getitem__, words)))
        lemmas = list(map(norm, forms))
        # Most words are their own lemma: only the others get a new token.
        for k, lemma in compress(zip(words, lemmas, strict=True), map(ne, lemmas, forms)):
            t = tokens[k]
            tokens[k] = _tuple_new(Token, (lemma, t.start, t.end, t.kind, t.cap, t.value, False))
        out._made(tokens)
        return out

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Token indices [first, last) covering joined-string characters [start, end)."""
        if self._offsets is None:
            offsets: list[int] = []
            pos = 0
            for tok in self.tokens:
                offsets.append(pos)
                pos += len(tok.norm) + 1
            self._offsets = offsets
        first = bisect.bisect_right(self._offsets, start) - 1
        last = bisect.bisect_left(self._offsets, end)
        return max(first, 0), max(last, first + 1)

    def _norms(self) -> tuple[list[str], frozenset[str]]:
        """The tokens' normalised forms, in order and as a set."""
        if self._forms is None:
            norms = list(map(_NORM, self.tokens))
            self._forms = norms, frozenset(norms)
        return self._forms

    def forms(self) -> frozenset[str]:
        """Every token's normalised form, once."""
        return self._norms()[1]

    def indices(self, kind: TokenKind) -> tuple[int, ...]:
        """Indices of the tokens of one kind, in text order (most texts have few numbers or
        dates: a rule looking for them visits those tokens only)."""
        return self._where(kind, _KIND, kind.__eq__)

    def positions(self, forms: frozenset[str]) -> tuple[int, ...]:
        """Indices of the tokens whose normalised form is one of `forms`, in text order."""
        return self._where(forms, _NORM, forms.__contains__)

    def _where(
        self, key: object, field: Callable[[Token], object], wanted: Callable[[object], bool]
    ) -> tuple[int, ...]:
        """Indices of the tokens whose `field` is `wanted`, remembered under `key`."""
        found = self._kinds.get(key)
        if found is None:
            tokens = self.tokens
            found = self._kinds[key] = tuple(compress(range(len(tokens)), map(wanted, map(field, tokens))))
        return found

    def run_of(self, words: tuple[str, ...]) -> tuple[int, int] | None:
        """Token indices [first, last) of the first place the normalised `words` stand in a row,
        punctuation between them skipped. Looked up from where the rarest word stands (the
        rules ask this of one long text for each of its features: a scan each was quadratic)."""
        if not words:
            return None
        kept = self._where("not punct", _KIND, "punct".__ne__)
        if self._starts is None:
            starts: dict[str, list[int]] = {}
            for n, k in enumerate(kept):
                starts.setdefault(self.tokens[k].norm, []).append(n)
            self._starts = starts
        # From the rarest of the words: its places, in order, give the runs' starts in order.
        size, tokens, starts = len(words), self.tokens, self._starts
        rare = min(range(size), key=lambda m: len(starts.get(words[m], ())))
        for at in starts.get(words[rare], ()):
            n = at - rare
            if (
                n >= 0
                and n + size <= len(kept)
                and all(tokens[kept[n + m]].norm == words[m] for m in range(size))
            ):
                return kept[n], kept[n + size - 1] + 1
        return None

    def span(self, first: int, last: int) -> str:
        """The original text of tokens [first, last)."""
        if first >= last or first >= len(self.tokens):
            return ""
        return self.original[self.tokens[first].start : self.tokens[min(last, len(self.tokens)) - 1].end]

    def words(self, first: int, last: int) -> tuple[str, ...]:
        """Normalised forms of tokens [first, last) that are not punctuation."""
        return tuple(t.norm for t in self.tokens[first:last] if t.kind != "punct")

    def find(self, phrases: PhraseSet) -> list[Hit]:
        """Non-overlapping hits of a phrase set, left to right (longest phrase wins at a start)."""
        return phrases.find(self)
