"""Provision labels: parse "Article 3", "3.2", "(b)", "(iv)", "а)" into kind, format and ordinal.

Formatting ordinals back into Word's numFmt forms lives here too, so the readers and
writers agree on what "aa" or "xiv" mean.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Literal

from draftkit.model.draft import Kind
from draftkit.records import record

NumFmt = Literal[
    "decimal",
    "lowerLetter",
    "upperLetter",
    "lowerRoman",
    "upperRoman",
    "cyrillic",
    "cardinalText",
    "ordinalText",
    "ordinal",
    "chineseCounting",
    "other",
]

# A label's number of more digits than this is not counted: no list reaches it, Python
# refuses int() of a 4,300-digit string, and a displayed number is cut to 255 characters.
MAX_NUMBER_DIGITS = 255


def digits_value(digits: str) -> int | None:
    """The number a run of decimal digits writes ('07' → 7, '١٢' → 12); None for more than
    `MAX_NUMBER_DIGITS` digits (a hostile label of thousands: text, not a number)."""
    return int(digits) if len(digits) <= MAX_NUMBER_DIGITS else None


# Keyword → provision kind. Case-insensitive; abbreviations carry their dot.
_KEYWORDS: dict[str, Kind] = {
    "article": "article",
    "art.": "article",
    "art": "article",
    "стаття": "article",
    "статья": "article",
    "section": "section",
    "sec.": "section",
    "розділ": "section",
    "раздел": "section",
    "chapter": "chapter",
    "глава": "chapter",
    "part": "part",
    "частина": "part",
    "часть": "part",
    "point": "point",
    "paragraph": "point",
    "para.": "point",
    "para": "point",
    "clause": "article",
    "step": "point",
    "phase": "part",
    "stage": "part",
    "item": "point",
    "no.": "point",
    "nº": "point",
    "№": "point",
    "пункт": "point",
    "annex": "annex",
    "appendix": "annex",
    "schedule": "annex",
    "додаток": "annex",
    "приложение": "annex",
    # French, Spanish, Portuguese, Italian, German: the languages frameworks are often
    # negotiated or published in besides English ("Article" and "Section" are French too).
    "titre": "part",
    "partie": "part",
    "chapitre": "chapter",
    "paragraphe": "point",
    "annexe": "annex",
    "artículo": "article",
    "articulo": "article",
    "título": "part",
    "titulo": "part",
    "parte": "part",
    "capítulo": "chapter",
    "capitulo": "chapter",
    "sección": "section",
    "seccion": "section",
    "punto": "point",
    "párrafo": "point",
    "anexo": "annex",
    "apéndice": "annex",
    "artigo": "article",
    "secção": "section",
    "seção": "section",
    "articolo": "article",
    "capitolo": "chapter",
    "sezione": "section",
    "allegato": "annex",
    "artikel": "article",
    "kapitel": "chapter",
    "teil": "part",
    "abschnitt": "section",
    "absatz": "point",
    "anhang": "annex",
    "anlage": "annex",
    # Arabic: "المادة 5" or "المادة الخامسة" (the article, the fifth).
    "المادة": "article",
    "مادة": "article",
    "البند": "point",
    "الفقرة": "point",
    "القسم": "section",
    "الفصل": "chapter",
    "الباب": "part",
    "الجزء": "part",
    "الملحق": "annex",
}

# Ukrainian and Russian letters in list order, merged: a draft uses one or the other, and
# the union keeps both orders monotone (і/ї/є/ґ sit where Ukrainian puts them).
CYRILLIC_LETTERS = "абвгґдеєжзиіїйклмнопрстуфхцчшщэюя"

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN_RE = re.compile(r"^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")

# "Article premier", "Article 1er": the first article as French texts number it (and cite
# it: "l'article premier"; "premiere" as a text without accents writes it).
FIRST_WORDS = ("premier", "première", "premiere", "1er", "1re")
# Arabic ordinals as articles are numbered in words, feminine (المادة is feminine) and
# masculine: 1st to 10th; past the tenth the unit's ordinal then عشرة/عشر ("الحادية عشرة",
# "الثاني عشر", 11th to 19th) or و and the tens ("الحادية والعشرون", 21st), the tens alone
# ("العشرون"): eleventh is الحادي/الحادية, never الأول. Texts often print the feminine's
# عشرة as عشر and the tens in the genitive (العشرين); both are read.
_ARABIC_ORDINALS = {
    word: n
    for n, words in enumerate(
        (
            ("الأولى", "الاولى", "الأول", "الاول"),
            ("الثانية", "الثاني"),
            ("الثالثة", "الثالث"),
            ("الرابعة", "الرابع"),
            ("الخامسة", "الخامس"),
            ("السادسة", "السادس"),
            ("السابعة", "السابع"),
            ("الثامنة", "الثامن"),
            ("التاسعة", "التاسع"),
            ("العاشرة", "العاشر"),
        ),
        start=1,
    )
    for word in words
}
_ARABIC_UNITS = {
    word: n
    for n, masculine in enumerate(
        ("الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"), start=1
    )
    for word in (masculine + "ة", masculine)
}
_ARABIC_TENS = {
    word: 10 * n
    for n, nominatives in enumerate(
        (
            ("العشرون",),
            ("الثلاثون",),
            ("الأربعون", "الاربعون"),
            ("الخمسون",),
            ("الستون",),
            ("السبعون",),
            ("الثمانون",),
            ("التسعون",),
        ),
        start=2,
    )
    for nominative in nominatives
    for word in (nominative, nominative[:-2] + "ين")
}
_ARABIC_TENS_RE = "|".join(_ARABIC_TENS)
_ARABIC_COMPOUND = (
    rf"(?:{'|'.join(_ARABIC_UNITS)})\s+(?:عشرة|عشر|و\s?(?:{_ARABIC_TENS_RE}))|{_ARABIC_TENS_RE}"
)
# Any of them, the compounds first (for the citations' grammar too: "وفقا للمادة الحادية عشرة").
ARABIC_WORDS = rf"{_ARABIC_COMPOUND}|{'|'.join(sorted(_ARABIC_ORDINALS, key=len, reverse=True))}"


def arabic_ordinal(words: str) -> int | None:
    """'الحادية عشرة' → 11, 'الخامسة والثلاثون' → 35, 'الأولى' → 1: an Arabic ordinal as
    articles are numbered in words (1 to 99); None for anything else."""
    first, _, second = words.partition(" ")
    second = second.strip()
    if not second:
        return _ARABIC_ORDINALS.get(first) or _ARABIC_TENS.get(first)
    unit = _ARABIC_UNITS.get(first)
    if unit is None:
        return None
    if second in ("عشرة", "عشر"):
        return 10 + unit
    tens = _ARABIC_TENS.get(second[1:].strip()) if second[:1] == "و" else None
    return unit + tens if tens is not None else None


def arabic_words(n: int, written: str) -> str:
    """`n` (1 to 99) as an Arabic ordinal in the gender of `written` ('الخامسة' → feminine:
    11 → 'الحادية عشرة', 21 → 'الحادية والعشرون'); digits past 99."""
    feminine = written.split()[0].endswith(("ة", "ى"))
    tens, unit = divmod(n, 10)
    if not 0 < n < 100:
        return str(n)
    if n <= 10:
        return next(w for w, k in _ARABIC_ORDINALS.items() if k == n and w.endswith(("ة", "ى")) == feminine)
    name = next((w for w, k in _ARABIC_UNITS.items() if k == unit and w.endswith("ة") == feminine), "")
    ten = next(w for w, k in _ARABIC_TENS.items() if k == 10 * tens) if tens > 1 else ""
    if tens == 1:
        return f"{name} {'عشرة' if feminine else 'عشر'}"
    return f"{name} و{ten}" if unit else ten


# Spanish, Portuguese and Italian ordinals as their articles, chapters and titles are numbered
# in words ("ARTÍCULO PRIMERO", "Artículo Décimo Primero", "Artigo Primeiro", "Articolo primo"),
# 1 to 99, masculine and feminine ("Sección Segunda"), with or without accents: the tens then the
# unit, apart or joined ("décimo primero", "decimoprimero"), and "undécimo", "duodécimo";
# Italian's own ordinals past the tenth ("undicesimo", "ventunesimo").
_ACCENTS = str.maketrans("áéíóúàèìòù", "aeiouaeiou")
_ES_UNITS = ("primero", "segundo", "tercero", "cuarto", "quinto", "sexto", "séptimo", "octavo", "noveno")
_PT_UNITS = ("primeiro", "segundo", "terceiro", "quarto", "quinto", "sexto", "sétimo", "oitavo", "nono")
_IT_UNITS = ("primo", "secondo", "terzo", "quarto", "quinto", "sesto", "settimo", "ottavo", "nono", "decimo")
_ES_TENS = ("décimo", "vigésimo", "trigésimo", "cuadragésimo", "quincuagésimo", "sexagésimo", "septuagésimo", "octogésimo", "nonagésimo")  # fmt: skip
_PT_TENS = ("décimo", "vigésimo", "trigésimo", "quadragésimo", "quinquagésimo", "sexagésimo", "septuagésimo", "octogésimo", "nonagésimo")  # fmt: skip
_IT_CARDINALS = (
    "", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci", "undici", "dodici",
    "tredici", "quattordici", "quindici", "sedici", "diciassette", "diciotto", "diciannove",
)  # fmt: skip
_IT_TENS = ("venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta", "novanta")


def _italian_ordinal(n: int) -> str:
    """21 → 'ventunesimo', 23 → 'ventitreesimo', 3 → 'terzo' (masculine)."""
    if n <= 10:
        return _IT_UNITS[n - 1]
    if n < 20:
        cardinal = _IT_CARDINALS[n]
    else:
        tens, unit = divmod(n, 10)
        cardinal = _IT_TENS[tens - 2]
        if unit:
            cardinal = (cardinal[:-1] if unit in (1, 8) else cardinal) + _IT_CARDINALS[unit]
    return cardinal + "esimo" if cardinal.endswith(("tre", "sei")) else cardinal[:-1] + "esimo"


def _romance_ordinals() -> dict[str, tuple[str, int]]:
    table: dict[str, tuple[str, int]] = {}
    for lang, units, tens in (("pt", _PT_UNITS, _PT_TENS), ("es", _ES_UNITS, _ES_TENS)):
        for t, ten in enumerate(("", *tens)):
            for u, unit in enumerate(("", *units)):
                n = 10 * t + u
                if n:
                    table[f"{ten} {unit}".strip()] = (lang, n)
                    if ten and unit:  # "decimoprimero", "vigesimotercero"
                        table[ten.translate(_ACCENTS) + unit] = (lang, n)
        table.update({"undécimo": (lang, 11), "duodécimo": (lang, 12)})
    table.update({"nono": ("pt", 9), "setuagésimo": ("pt", 70)})  # Spanish's ninth is "noveno"
    for n in range(1, 100):  # Italian's own words; "quarto", "decimo" are read as above
        table.setdefault(_italian_ordinal(n), ("it", n))
    out: dict[str, tuple[str, int]] = {}
    for words, found in table.items():
        for form in (words, words.translate(_ACCENTS)):
            out.setdefault(form, found)
            out.setdefault(" ".join(w[:-1] + "a" for w in form.split()), found)  # "décima segunda"
    return out


_ROMANCE_ORDINALS = _romance_ordinals()
# Their grammar, for the keyword line and for citations: the words checked by `romance_ordinal`.
_ROMANCE_UNIT = (
    r"primer[oa]|primeir[oa]|segund[oa]|tercer[oa]|terceir[oa]|cuart[oa]|quart[oa]|quint[oa]|sext[oa]"
    r"|s[ée]p?tim[oa]|octav[oa]|oitav[oa]|noven[oa]|non[oa]"
)
_ROMANCE_TEN = (
    r"d[ée]cim[oa]|(?:vig|trig|cuadrag|quadrag|quincuag|quinquag|sexag|septuag|setuag|octog|nonag)[ée]sim[oa]"
)
ROMANCE_NUMBER = (
    rf"(?:{_ROMANCE_TEN})(?:\s*(?:{_ROMANCE_UNIT}))?|und[ée]cim[oa]|duod[ée]cim[oa]|{_ROMANCE_UNIT}"
    r"|prim[oa]|second[oa]|terz[oa]|sest[oa]|settim[oa]|ottav[oa]|[a-z]{3,16}esim[oa]"
)


def romance_ordinal(words: str) -> tuple[str, int] | None:
    """'Décimo Primero' → ('es', 11), 'primeiro' → ('pt', 1), 'ventunesimo' → ('it', 21): a
    Spanish, Portuguese or Italian ordinal and its language (Spanish where both write it so:
    'segundo'); None for anything else."""
    return _ROMANCE_ORDINALS.get(" ".join(words.lower().split()))


def romance_words(n: int, written: str, value: str = "") -> str:
    """`n` as a Spanish, Portuguese or Italian ordinal in the language, gender and case of
    `written` ('Segundo' → 'Tercero', 'DÉCIMO' → 'DÉCIMO PRIMERO', 'primeira' → 'segunda');
    in the language of the label's own `value` where that is one (a draft writes its labels and
    citations in one language; 'segundo' is Spanish and Portuguese alike)."""
    found = (romance_ordinal(value) if value else None) or romance_ordinal(written)
    language = found[0] if found is not None else "es"
    if language == "it":
        words = _italian_ordinal(n)
    else:
        units, tens = (_PT_UNITS, _PT_TENS) if language == "pt" else (_ES_UNITS, _ES_TENS)
        ten, unit = divmod(n, 10)
        words = " ".join(w for w in ((tens[ten - 1] if ten else ""), (units[unit - 1] if unit else "")) if w)
    if written.lower().endswith("a"):  # the feminine: "Sección Primera"
        words = " ".join(w[:-1] + "a" for w in words.split())
    if written.isascii():  # a text written without accents
        words = words.translate(_ACCENTS)
    return cased_like(words, written)


# Numbers written out in English, as treaties number their parts ("Article One", "PART
# TWENTY-ONE", "Strand Three") and as Word's cardinalText and ordinalText lists show them
# ("Twenty-one", "First"): after a keyword, 1 to 999; a word processor's label, any.
_ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
)  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ORDINAL_WORDS = {
    "one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
    "nine": "ninth", "twelve": "twelfth",
}  # fmt: skip
_UNIT = "one|two|three|four|five|six|seven|eight|nine"
_BELOW_100 = (
    rf"(?:{'|'.join(_TENS[2:])})(?:[\s-](?:{_UNIT}))?"
    rf"|{'|'.join(_ONES[10:])}|{_UNIT}"
)
_IN_WORDS = rf"(?:(?:{_UNIT})[\s-]+hundred(?:(?:[\s-]+and)?[\s-]+(?:{_BELOW_100}))?|{_BELOW_100})"


def _ordinal_word(word: str) -> str:
    """The ordinal of one number word: 'one' → 'first', 'twenty' → 'twentieth', 'six' → 'sixth'."""
    if word in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[word]
    return word[:-1] + "ieth" if word.endswith("y") else word + "th"


# The same numbers as ordinals ("Article First", "ARTICLE TWENTY-FIRST", "Section One
# Hundredth"), and "the" before them ("ARTICLE THE FIRST.", as the Treaty of Ghent numbers).
_UNIT_TH = "|".join(_ordinal_word(w) for w in _UNIT.split("|"))
_BELOW_100_TH = (
    rf"(?:{'|'.join(_TENS[2:])})[\s-](?:{_UNIT_TH})"
    rf"|{'|'.join(_ordinal_word(w) for w in (*_ONES[10:], *_TENS[2:]))}|{_UNIT_TH}"
)
_IN_WORDS_TH = (
    rf"(?:the\s+)?(?:(?:{_UNIT})[\s-]+hundred(?:(?:[\s-]+and)?[\s-]+(?:{_BELOW_100_TH})|th)|{_BELOW_100_TH})"
)
_NUMBER = (
    rf"(?:\d{{1,4}}(?:st|nd|rd|th)|\d+(?:\.\d+)*|{_IN_WORDS_TH}|[IVXLCDM]+|[ivxlcdm]+|{'|'.join(FIRST_WORDS)}"
    rf"|{_IN_WORDS}|{ARABIC_WORDS}|(?P<romance>{ROMANCE_NUMBER})|[A-Za-z])"
)
# An article put in between two others without renumbering them: "Article 5 bis", "5ter",
# "Section 2A", "Article 5a" (UN, EU and French texts; amended British and German ones).
# Italian joins it with a hyphen ("Articolo 1-bis"); Arabic writes مكرر after the number or its
# words ("المادة 5 مكرر", "المادة الخامسة مكرر", "مادة 18 مكرراً").
_INSERTED = r"(?:[\s-]?(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies)|[A-Z])"
_ARABIC_INSERTED = r"\s+مكرّ?ر(?:اً|ًا|ا|ة)?"
# The keyword is the first word, looked up (one dict lookup: an alternation of ~70 words
# tried on every paragraph of a long draft costs more); the number follows it.
_FIRST_WORD_RE = re.compile(r"\S+")
_AFTER_KEYWORD_RE = re.compile(
    # "المادة (5)": Arabic texts often put the number in parentheses (kept to Arabic keywords).
    r"\s+(?P<open>\()?(?P<n>"
    + _NUMBER
    + r")(?(open)\))(?P<inserted>(?<=\d)"
    + _INSERTED
    + "|"
    + _ARABIC_INSERTED
    + r")?(?P<trail>\.?[º°ª]|\.(?!\d))?(?=$|[\s:.\-–—)(،])",
    re.IGNORECASE,
)
_DIRECTION_MARKS = "\u200e\u200f\u061c\ufeff"  # LRM, RLM, Arabic letter mark, BOM
_DOTTED_RE = re.compile(r"^(?P<n>\d{1,4}(?:\.\d{1,4})+)(?P<trail>\.)?(?=\s|$)")
_DECIMAL_RE = re.compile(r"^(?P<open>\()?(?P<n>\d{1,5})(?P<close>[.)])(?=\s|$)")
_PAREN_RE = re.compile(
    r"^\((?P<n>[a-z]{1,3}|[A-Z]{1,3}|[ivxlcdm]+|[IVXLCDM]+|[" + CYRILLIC_LETTERS + r"]{1,2})\)(?=\s|$)"
)
_CLOSE_RE = re.compile(
    r"^(?P<n>[a-z]{1,2}|[ivxlcdm]+|[A-Z]|[IVXLCDM]+|[" + CYRILLIC_LETTERS + r"])\)(?=\s|$)"
)
_DOT_RE = re.compile(r"^(?P<n>[a-zA-Z]|[ivxlcdm]{1,6}|[IVXLCDM]{1,6})\.(?=\s|$)")
# "II – SECURITY", "B – Withdrawal": a roman numeral or a capital letter set off by a dash
# before a capital (published renderings).
_ROMAN_DASH_RE = re.compile(r"^(?P<n>[IVXLCDM]{1,6}|[A-Z])\s+[–—-](?=\s+[^\W\d_a-zà-ÿа-яёіїєґ])")


# Chinese and Japanese labels: "第一条" / "第12条" (article), "第二章" (chapter), and the
# points of a list: "一、", "（三）", "1、". Korean: "제3조".
_HAN_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_HAN_UNITS = {"十": 10, "百": 100, "千": 1000}
_HAN = "〇零一二两三四五六七八九十百千"
_CJK_KINDS: dict[str, Kind] = {
    "条": "article", "條": "article", "조": "article",
    "章": "chapter", "장": "chapter",
    "节": "section", "節": "section", "절": "section",
    "编": "part", "編": "part", "部分": "part", "편": "part",
    "款": "point", "项": "point", "項": "point", "항": "point",
}  # fmt: skip
_CJK_KEYWORD_RE = re.compile(
    r"^(?:第\s*(?P<n>\d{1,4}|[" + _HAN + r"]{1,8})\s*(?P<kw>部分|[条條章节節编編款项項])"
    r"|제\s*(?P<kn>\d{1,4})\s*(?P<kkw>[조장절편항]))"
    # An article put in between ("第十条の二", "第一条之一", "제3조의2"), as "Article 10 bis".
    r"(?P<inserted>(?:の|之|의)\s*(?:\d{1,3}|[" + _HAN + r"]{1,4}))?"
)
_CJK_POINT_RE = re.compile(
    r"^(?:(?P<n>\d{1,3}|[" + _HAN + r"]{1,6})(?P<close>[、．])|（(?P<pn>\d{1,3}|[" + _HAN + r"]{1,6})）)"
)


def han_to_int(text: str) -> int | None:
    """'二十一' → 21, '一百零五' → 105, '十' → 10: a Chinese numeral below 10,000; None if not one."""
    if not text or any(ch not in _HAN_DIGITS and ch not in _HAN_UNITS for ch in text):
        return None
    total = digit = 0
    for ch in text:
        if ch in _HAN_DIGITS:
            digit = _HAN_DIGITS[ch]
        else:
            total += (digit or 1) * _HAN_UNITS[ch]
            digit = 0
    total += digit
    return total if total > 0 and int_to_han(total) == text.replace("两", "二").replace("〇", "零") else None


def int_to_han(n: int) -> str:
    """21 → '二十一', 105 → '一百零五', 10 → '十' (Word's chineseCounting, below 10,000)."""
    if not 0 < n < 10_000:
        return str(n)
    out: list[str] = []
    digits = "零一二三四五六七八九"
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if d:
            if zero:
                out.append("零")
            out.append(("" if unit == "十" and d == 1 and not out else digits[d]) + unit)
            zero = False
        elif out:
            zero = True
    return "".join(out)


def _cjk_label(s: str) -> tuple[Label, str] | None:
    """A Chinese, Japanese or Korean label at the start of `s` (see `_CJK_KEYWORD_RE`)."""
    m = _CJK_KEYWORD_RE.match(s)
    if m:
        n = m.group("n") or m.group("kn")
        kind = _CJK_KINDS[m.group("kw") or m.group("kkw")]
        shape = f"{kind} #"
    else:
        m = _CJK_POINT_RE.match(s)
        if m is None:
            return None
        n = m.group("n") or m.group("pn")
        kind = None
        shape = f"#{m.group('close')}" if m.group("n") else "（#）"
    if n.isdigit():
        fmt: NumFmt = "decimal"
        ordinal: int | None = int(n)
    else:
        fmt, ordinal = "chineseCounting", han_to_int(n)
        if ordinal is None:
            return None
    if m.groupdict().get("inserted"):  # outside the count, as "Article 10 bis" (see parse_label)
        return Label(
            num=s[: m.end()],
            kind=kind,
            fmt="other",
            shape=shape,
            parts=(n, m.group("inserted")),
            ordinal=None,
        ), s[m.end() :].strip()
    label = Label(num=s[: m.end()], kind=kind, fmt=fmt, shape=shape, parts=(n,), ordinal=ordinal)
    return label, s[m.end() :].strip()


@record
class Label:
    """A parsed label. `shape` is the label with its number replaced by '#' (and the keyword
    lower-cased): labels of one list share a shape. `alt` is the other reading of an
    ambiguous label ("(i)" as a letter), for `structure` to choose with context."""

    num: str
    kind: Kind | None
    fmt: NumFmt
    shape: str
    parts: tuple[str, ...]
    ordinal: int | None
    alt: Label | None = None

    @property
    def value(self) -> str:
        """The last number component as written: '3', 'b', 'iv'."""
        return self.parts[-1] if self.parts else ""


def roman_to_int(text: str) -> int | None:
    """'xiv' → 14; None if not a well-formed roman numeral."""
    low = text.lower()
    if not low or not _ROMAN_RE.match(low):
        return None
    total = 0
    for i, ch in enumerate(low):
        v = _ROMAN_VALUES[ch]
        if i + 1 < len(low) and _ROMAN_VALUES[low[i + 1]] > v:
            total -= v
        else:
            total += v
    return total


def int_to_roman(n: int) -> str:
    """14 → 'xiv' (lower case; callers upper-case as needed)."""
    if n <= 0:
        return str(n)
    out = []
    for value, sym in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def letter_to_int(text: str) -> int | None:
    """Word's letter numbering: a..z, then aa, bb, … (the letter repeated, not base 26)."""
    low = text.lower()
    if not low or not low.isascii() or not low.isalpha() or len(set(low)) != 1:
        return None
    return (len(low) - 1) * 26 + (ord(low[0]) - ord("a") + 1)


def int_to_letter(n: int) -> str:
    """27 → 'aa' (Word's scheme)."""
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def cardinal_words(n: int) -> str:
    """21 → 'twenty-one', 123 → 'one hundred twenty-three' (as Word's cardinalText writes
    them, lower case)."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} hundred" + (f" {cardinal_words(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    return f"{cardinal_words(thousands)} thousand" + (f" {cardinal_words(rest)}" if rest else "")


def ordinal_words(n: int) -> str:
    """21 → 'twenty-first' (Word's ordinalText, lower case)."""
    words = cardinal_words(n)
    head, sep, last = words.rpartition(" ")
    prefix, dash, unit = last.rpartition("-")
    return f"{head}{sep}{prefix}{dash}{_ordinal_word(unit)}"


def ordinal_suffix(n: int) -> str:
    """The English suffix of `n` written as an ordinal in digits: 'st' for 1, 21 and 101, 'th' for 11."""
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


_WORDS_SEP = re.compile(r"[\s\-\u2010\u2011]+(?:and[\s\-\u2010\u2011]+)?")


def _words_key(text: str) -> str:
    return _WORDS_SEP.sub(" ", text.strip().lower())


_UNITS = {word: n for n, word in enumerate(_ONES)}
_TENS_OF = {word: 10 * n for n, word in enumerate(_TENS) if word}
_FROM_ORDINAL = {v: k for k, v in _ORDINAL_WORDS.items()}


def words_to_int(text: str) -> tuple[NumFmt, int] | None:
    """'Twenty-One' → ('cardinalText', 21), 'third' → ('ordinalText', 3): a whole number
    written out in English as Word's cardinalText and ordinalText write them (any case, words
    apart by spaces or hyphens, "and" after "hundred" or not); None for anything else."""
    if not text.isascii() or not text[:1].isalpha() or len(text) > 80:
        return None
    words = _words_key(text).split(" ")
    fmt: NumFmt = "cardinalText"
    last = words[-1]
    if last not in _UNITS and last not in _TENS_OF and last not in ("hundred", "thousand"):
        if last in _FROM_ORDINAL:
            last = _FROM_ORDINAL[last]
        elif last.endswith("ieth"):
            last = last[:-4] + "y"
        elif last.endswith("th"):
            last = last[:-2]
        else:
            return None
        fmt = "ordinalText"
        words[-1] = last
    total = current = 0
    for word in words:
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS_OF:
            current += _TENS_OF[word]
        elif word == "hundred":
            current *= 100
        elif word == "thousand":
            total, current = total + current * 1000, 0
        else:
            return None
    n = total + current
    # Only the one way Word writes each number: "one two", "twenty hundred" or "nineth" is no number.
    if n < 1 or _words_key(cardinal_words(n)) != " ".join(words):
        return None
    if fmt == "ordinalText" and _words_key(ordinal_words(n)) != _words_key(text):
        return None
    return fmt, n


def cased_like(number: str, value: str) -> str:
    """`number` in the case `value` is written in: 'XIV' for 'IV', 'Twenty-One' for 'Two'."""
    if value.isupper():
        return number.upper()
    if value.islower():
        return number.lower()
    if value.istitle() and len(value) > 1:
        return number.title()
    return number


def cyrillic_to_int(text: str) -> int | None:
    """'в' → 3 in the merged Ukrainian/Russian order."""
    low = text.lower()
    if len(low) != 1 or low not in CYRILLIC_LETTERS:
        return None
    return CYRILLIC_LETTERS.index(low) + 1


def format_number(n: int, fmt: str) -> str:
    """Format an ordinal the way Word's numFmt does."""
    match fmt:
        case "decimal":
            return str(n)
        case "decimalZero":
            return f"{n:02d}"
        case "lowerLetter":
            return int_to_letter(n)
        case "upperLetter":
            return int_to_letter(n).upper()
        case "lowerRoman":
            return int_to_roman(n)
        case "upperRoman":
            return int_to_roman(n).upper()
        case "cyrillic":
            return CYRILLIC_LETTERS[(n - 1) % len(CYRILLIC_LETTERS)] if n > 0 else str(n)
        case "cardinalText":
            return cardinal_words(n).capitalize() if n > 0 else str(n)
        case "ordinalText":
            return ordinal_words(n).capitalize() if n > 0 else str(n)
        case "ordinal":
            return f"{n}{ordinal_suffix(n)}"
        case "chineseCounting":
            return int_to_han(n)
        case _:
            return str(n)


def _classify(value: str) -> tuple[NumFmt, int | None, NumFmt | None, int | None]:
    """Format and ordinal of one number component, plus the alternative reading if any."""
    if value.isdigit():
        number = digits_value(value)
        return ("decimal", number, None, None) if number is not None else ("other", None, None, None)
    if value[:1].isdecimal() and value[:-2].isdecimal():  # "1st", "23rd" (Word's "ordinal")
        number = digits_value(value[:-2])
        return ("ordinal", number, None, None) if number is not None else ("other", None, None, None)
    if value.isascii():
        roman = roman_to_int(value)
        letter = letter_to_int(value)
        upper = value.isupper()
        rfmt: NumFmt = "upperRoman" if upper else "lowerRoman"
        lfmt: NumFmt = "upperLetter" if upper else "lowerLetter"
        if roman is not None and letter is not None:
            # "i", "v", "x", "c", "l", "d", "m", "ii", "iii", "xx": roman unless context says
            # letter. A double like "ii" is only a letter in a list that reached "hh".
            return rfmt, roman, lfmt, letter
        if roman is not None:
            return rfmt, roman, None, None
        if letter is not None:
            return lfmt, letter, None, None
        spelled = words_to_int(value)
        if spelled is not None:
            return spelled[0], spelled[1], None, None
        return "other", None, None, None
    cyr = cyrillic_to_int(value)
    if cyr is not None:
        return "cyrillic", cyr, None, None
    return "other", None, None, None


def _make(num: str, kind: Kind | None, shape: str, parts: tuple[str, ...]) -> Label:
    fmt, ordinal, alt_fmt, alt_ordinal = _classify(parts[-1])
    label = Label(num=num, kind=kind, fmt=fmt, shape=shape, parts=parts, ordinal=ordinal)
    if alt_fmt is not None:
        alt = Label(num=num, kind=kind, fmt=alt_fmt, shape=shape, parts=parts, ordinal=alt_ordinal)
        label = replace(label, alt=alt)
    return label


def parse_label(text: str) -> tuple[Label, str] | None:
    """Find a label at the start of `text`; return it and the rest of the text (stripped)."""
    s = text.lstrip()
    if s[:1] in _DIRECTION_MARKS:  # Arabic and Hebrew text often opens with one
        s = s.lstrip(_DIRECTION_MARKS + " \t")
    if not s:
        return None
    if s[0] in "第제（" or "\u4e00" <= s[0] <= "\u9fff" or ("0" <= s[0] <= "9" and "、" in s[:5]):
        found = _cjk_label(s)
        if found is not None:
            return found
    first = _FIRST_WORD_RE.match(s)
    kind = _KEYWORDS.get(first.group().lower()) if first is not None else None
    m = _AFTER_KEYWORD_RE.match(s, first.end()) if kind is not None and first is not None else None
    if m and kind is not None:
        n = m.group("n")
        # "Article A" is rare and "Part A" real, but a lone lowercase letter after a
        # keyword is usually prose ("point a of"); accept only upper-case letters.
        if n.isalpha() and len(n) == 1 and n.islower():
            return None
        if m.group("open") and not "\u0600" <= s[0] <= "\u06ff":
            return None  # "Section (1)": not the form of a keyword line outside Arabic texts
        end = m.end()
        inserted = m.group("inserted")
        num = s[: m.end("inserted") if inserted else m.end("n") + (1 if m.group("open") else 0)]
        arabic = arabic_ordinal(n) if n[:1] == "ا" else None
        romance = romance_ordinal(n) if m.group("romance") else None
        if arabic is not None:
            parts: tuple[str, ...] = (str(arabic),)
        elif m.group("romance"):
            if romance is None:
                return None  # "Articolo medesimo": a word, not a number
            parts = (str(romance[1]),)
        elif n.lower() in FIRST_WORDS:
            parts = ("1",)
        elif n[:1].isdecimal() and n[-1:].isalpha():  # "1st", "23rd"
            if ordinal_suffix(int(n[:-2])) != n[-2:].lower():
                return None  # "1th", "2st": a typo or a word, not a number
            parts = (n,)
        elif n[:4].lower() == "the ":  # "ARTICLE THE FIRST": the number is the ordinal's
            parts = (n.split(None, 1)[1],)
        else:
            parts = tuple(n.split("."))
        shape = f"{kind} #" + ("." * (len(parts) - 1))
        rest = s[end:].strip()
        # "Article 5 shall apply …" at the start of a line is prose citing Article 5.
        if rest[:1].islower():
            return None
        if inserted:
            # Between Article 5 and Article 6, outside their count: no ordinal, so neither a
            # gap nor a repeat of 5 (an "other" label: the keyword makes it their sibling).
            between = inserted.strip().lstrip("-")  # "bis" of "1-bis" too
            return Label(
                num=num, kind=kind, fmt="other", shape=shape, parts=(*parts, between), ordinal=None
            ), rest
        label = _make(num, kind, shape, parts)
        if label.fmt in ("cardinalText", "ordinalText"):
            if parts[-1][:1].islower():
                return None  # "section three (…)": prose; a drafter capitalises "Article Three"
            if s[m.end("n") : m.end("n") + 1] == "-":
                return None  # "Part Third-party", "Article One-off"
        # Roman after a keyword is always roman ("Annex I", "Part II").
        if label.alt is not None:
            label = replace(label, alt=None)
        return label, rest
    m = _DOTTED_RE.match(s)
    if m:
        n = m.group("n")
        parts = tuple(n.split("."))
        num = s[: m.end()]
        return _make(num, None, "#" + ".#" * (len(parts) - 1) + ("." if m.group("trail") else ""), parts), s[
            m.end() :
        ].strip()
    m = _DECIMAL_RE.match(s)
    if m:
        opener = m.group("open") or ""
        close = m.group("close")
        if opener and close != ")":
            return None
        num = s[: m.end()]
        return _make(num, None, f"{opener}#{close}", (m.group("n"),)), s[m.end() :].strip()
    for regex, shape in ((_PAREN_RE, "(#)"), (_CLOSE_RE, "#)"), (_DOT_RE, "#.")):
        m = regex.match(s)
        if m:
            n = m.group("n")
            label = _make(s[: m.end()], None, shape, (n,))
            if label.ordinal is None:
                return None
            return label, s[m.end() :].strip()
    m = _ROMAN_DASH_RE.match(s)
    if m:
        label = _make(m.group("n"), None, "# –", (m.group("n"),))
        if label.ordinal is not None and (label.fmt == "upperRoman" or len(m.group("n")) == 1):
            return label, s[m.end() :].strip()  # not "IIII" (Word's 87th letter, no one's heading)
    return None


_AROUND_WORDS = re.compile(r"^(?P<open>\(?)(?P<n>[A-Za-z][A-Za-z \-]*[A-Za-z])(?P<close>[.):|]?)$")


@lru_cache(maxsize=4096)
def parse_exact(label_text: str) -> Label:
    """Parse a label computed by a word processor ("Article 3", "(b)", "2.1."), whole.

    Falls back to an 'other' label whose shape is the text with digits masked, so unusual
    formats still group by shape.
    """
    found = parse_label(label_text)
    if found is not None and not found[1]:
        return found[0]
    s = label_text.strip()
    # A list Word numbers in words ("Twenty-one.", "(First)"): the words, whole, between
    # the punctuation around them.
    words = _AROUND_WORDS.match(s)
    if words is not None:
        spelled = words_to_int(words.group("n"))
        if spelled is not None:
            shape = f"{words.group('open')}#{words.group('close')}"
            return Label(
                num=s, kind=None, fmt=spelled[0], shape=shape, parts=(words.group("n"),), ordinal=spelled[1]
            )
    shape = re.sub(r"\d+", "#", s)
    digits = re.findall(r"\d+", s)
    ordinal = digits_value(digits[-1]) if digits else None
    return Label(num=s, kind=None, fmt="other", shape=shape, parts=(s,), ordinal=ordinal)


# Loose labels as published texts print them: "9.Text" (no space), "2 –", "8-", "3 Text",
# "1.º", "§ 1". They are labels only where the running sequence supports them (the caller
# decides: `structure` and the text reader keep the sequence); a bare number alone proves
# nothing ("2027 will see …", "600 000 troops").
_LOOSE_RES: tuple[re.Pattern[str], ...] = (
    re.compile(r"^(?P<n>\d{1,3})(?P<keep>\.?[º°])\s*"),  # 1.º 1º 1°
    re.compile(r"^(?P<n>\d{1,3})(?P<keep>\.)(?=[^\W\d_])"),  # 9.Text
    re.compile(r"^(?P<n>\d{1,3})(?P<keep>)\s*[–—-]\s*(?=\S)"),  # 2 – Text, 8- Text
    re.compile(r"^(?P<n>\d{1,3})(?P<keep>)\s+(?=[^\W\d_a-zà-ÿа-яёіїєґ])"),  # 3 Text (capital)
)
_SECTION_SIGN_RE = re.compile(r"^(?P<num>§\s*(?P<n>\d{1,4}[a-z]?))\.?(?=\s|$)")
BULLETS = "-–—•▪◦●‣∙·*"
_BULLET_RE = re.compile(r"^(?P<g>[" + re.escape(BULLETS) + r"])\s+(?=\S)")
LOOSE_SHAPE = "#."


def parse_loose(text: str) -> tuple[Label, str] | None:
    """A loosely printed label at the start of `text`: '9.Text', '2 –', '8-', '3 Text',
    '1.º', '§ 1' (a section sign numbers articles). Loose numbers get the shape of '1.' so
    that '1.', '2 –' and '3' read as one list; whether one really is a label is the
    caller's call, from the sequence."""
    s = text.lstrip()
    m = _SECTION_SIGN_RE.match(s)
    if m:
        n = m.group("n")
        label = _make(m.group("num"), "article", "article #", (n,))
        return replace(label, alt=None), s[m.end() :].strip()
    for regex in _LOOSE_RES:
        m = regex.match(s)
        if m:
            n = m.group("n")
            num = n + m.group("keep")
            return _make(num, None, LOOSE_SHAPE, (n,)), s[m.end() :].strip()
    return None


def parse_bullet(text: str) -> tuple[Label, str] | None:
    """A bullet at the start of `text` ('- ', '• ', '– '): a label without an ordinal whose
    num is the glyph, so a bulleted list is a list of points."""
    s = text.lstrip()
    m = _BULLET_RE.match(s)
    if m is None:
        return None
    glyph = m.group("g")
    return Label(num=glyph, kind=None, fmt="other", shape="bullet " + glyph, parts=(glyph,), ordinal=None), s[
        m.end() :
    ].strip()
