"""Word's list number formats: one counter value as a `w:numFmt` shows it (ECMA-376
§17.18.59), for the numbering engine (`wordnum`).

`spell` says where draftkit cannot write a label: a format it does not know, or a value past
the range it writes a format in. The label then shows digits, and the reader says so once
per format (`digits_note`, a reading warning): never digits in silence."""

from __future__ import annotations

from draftkit.model.numbering import cardinal_words, int_to_han, ordinal_words

# Word's list counters are 16-bit in practice (w:start up to 32767); letters, numerals and
# words beyond that would be absurdly long ("z" repeated 10^6 times), so such values show
# as digits. The zero padding of a custom format is kept to what Word offers (00001).
MAX_SPELLED = 32767
MAX_PAD = 5

_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip
# Word's russianLower skips ё, й and the signs ъ, ы, ь (as LibreOffice's table does).
_RUSSIAN = "абвгдежзиклмнопрстуфхцчшщэюя"
_CHICAGO = ("*", "\u2020", "\u2021", "\u00a7")
_CIRCLED = "".join(chr(c) for c in range(0x2460, 0x2474))  # ①..⑳


def _letters(n: int, alphabet: str) -> str:
    # Word repeats the letter instead of counting in base 26: z, aa, bb, ..., zz, aaa.
    size = len(alphabet)
    return alphabet[(n - 1) % size] * ((n - 1) // size + 1)


def _roman(n: int) -> str:
    out: list[str] = []
    for value, numeral in _ROMAN:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def _ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _custom(n: int, pattern: str | None) -> str | None:
    # Word 2010 "custom" formats look like "001, 002, 003, ...": zero-pad to that width.
    first = (pattern or "").split(",", 1)[0].strip()
    if first.isdigit():
        return str(n).zfill(min(len(first), MAX_PAD))
    return None


def format_number(n: int, num_fmt: str, custom: str | None = None) -> str:
    """One counter value in a `w:numFmt` ('decimal', 'lowerLetter', 'upperRoman', ...);
    digits where `spell` cannot write it."""
    spelled = spell(n, num_fmt, custom)
    return str(n) if spelled is None else spelled


def digits_note(n: int, num_fmt: str, custom: str | None = None) -> str:
    """What a label `spell` could not write shows, in plain words, for the reading warning."""
    if num_fmt == "custom":
        shown = f"a custom format ({(custom or '')[:40]!r})"
    else:
        shown = (
            num_fmt if num_fmt.isascii() and num_fmt.isalnum() and len(num_fmt) <= 40 else repr(num_fmt[:40])
        )
    if spell(1, num_fmt, custom) is None:  # a format draftkit does not write at all
        return (
            f"a Word list numbered in {shown} is read with digits (1, 2, 3) in place of the labels Word shows"
        )
    return (
        f"a Word list numbered in {shown} reaches {n}, beyond the labels draftkit writes in that format:"
        f" such numbers are read with digits ({n}), which may not be what Word shows"
    )


def spell(n: int, num_fmt: str, custom: str | None = None) -> str | None:
    """One counter value as Word shows it in a `w:numFmt`, or None where draftkit cannot
    write it (a format it does not know, or a value past the range it writes it in)."""
    if num_fmt in ("decimal", "decimalHalfWidth"):  # half-width digits are ASCII digits
        return str(n)
    if num_fmt in ("bullet", "none"):
        return ""
    if num_fmt == "decimalZero":
        return f"{n:02d}" if 0 <= n < 10 else str(n)
    if num_fmt == "custom":
        return _custom(n, custom)
    if n <= 0:
        return str(n)  # no letter, numeral or word for zero: digits, as LibreOffice shows
    if n > MAX_SPELLED:
        return None
    match num_fmt:
        case "lowerLetter":
            return _letters(n, "abcdefghijklmnopqrstuvwxyz")
        case "upperLetter":
            return _letters(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        case "lowerRoman":
            return _roman(n)
        case "upperRoman":
            return _roman(n).upper()
        case "ordinal":
            return f"{n}{_ordinal_suffix(n)}"
        case "cardinalText":
            return cardinal_words(n).capitalize()
        case "ordinalText":
            return ordinal_words(n).capitalize()
        case "russianLower":
            return _letters(n, _RUSSIAN)
        case "russianUpper":
            return _letters(n, _RUSSIAN.upper())
        case "chicago":
            return _letters(n, "".join(_CHICAGO))
        case "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if n <= len(_CIRCLED):
            return _CIRCLED[n - 1]
        case "decimalFullWidth" | "decimalFullWidth2":
            return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
        case "decimalEnclosedParen":
            return f"({n})"
        case "decimalEnclosedFullstop":
            return f"{n}."
        case "numberInDash":
            return f"- {n} -"
        case "hex":
            return f"{n:X}"
        case (
            "chineseCounting" | "chineseCountingThousand" | "japaneseCounting" | "taiwaneseCounting"
            | "taiwaneseCountingThousand"
        ) if n < 10_000:  # fmt: skip
            return int_to_han(n)
        case "ideographDigital" if n < 10:  # past 9 LibreOffice counts (十), not digit by digit (一〇)
            return int_to_han(n)
        case "japaneseLegal" if n < 10:  # past 9 LibreOffice's 壱零 is no legal numeral (壱拾)
            return _JAPANESE_LEGAL[n - 1]
        case "ideographLegalTraditional":
            return _legal(n, _LEGAL_TRADITIONAL)
        case "chineseLegalSimplified":
            return _legal(n, _LEGAL_SIMPLIFIED)
        case "ideographTraditional":  # past 癸 and 亥, digits, as LibreOffice shows
            return _STEMS[n - 1] if n <= len(_STEMS) else str(n)
        case "ideographZodiac":
            return _BRANCHES[n - 1] if n <= len(_BRANCHES) else str(n)
        case "aiueo" | "aiueoFullWidth" | "iroha" | "irohaFullWidth" | "ganada" | "chosung":
            kana = _CYCLED[num_fmt]
            return kana[(n - 1) % len(kana)]
        case "thaiLetters":
            return _bijective(n, _THAI)
        case "hindiVowels":  # LibreOffice's are consonants, whatever the name says
            return _bijective(n, _DEVANAGARI)
        case "koreanDigital":
            return "".join(_HANGUL_DIGITS[int(d)] for d in str(n))
        case "koreanDigital2":
            return "".join("零一二三四五六七八九"[int(d)] for d in str(n))
        case "koreanCounting":
            return _sino_korean(n)
        case "koreanLegal":
            return _KOREAN_TENS[n // 10] + _KOREAN_UNITS[n % 10] if n < 100 else _sino_korean(n)
        case "arabicAlpha":
            return _bijective(n, _ARABIC_ALPHA)
        case "arabicAbjad":
            return _bijective(n, _ARABIC_ABJAD)
        case "hebrew2":
            return _bijective(n, _HEBREW)
        case "hebrew1" if n < 1000:
            return _gematria(n)
        case _:
            return None


# Right-to-left, Thai and East Asian list formats, as LibreOffice shows them (its numbering is
# the oracle of tests/render/test_lo_list_formats.py): letters counted in bijective base N
# (after the last letter, the first two: "أأ", "אז", "กก"), Hebrew numerals by letter value.
# Where LibreOffice shows digits, or another format's labels (ideographEnclosedCircle as ①,
# not ㈠), draftkit does not guess: `spell` gives None.
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
# Kana and Hangul lists start again after the last letter: one letter, never two.
_CYCLED = {
    "aiueo": "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ",
    "aiueoFullWidth": "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン",
    "iroha": "ｲﾛﾊﾆﾎﾍﾄﾁﾘﾇﾙｦﾜｶﾖﾀﾚｿﾂﾈﾅﾗﾑｳヰﾉｵｸﾔﾏｹﾌｺｴﾃｱｻｷﾕﾒﾐｼヱﾋﾓｾｽﾝ",  # no half-width ヰ, ヱ
    "irohaFullWidth": "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセスン",
    "ganada": "가나다라마바사아자차카타파하",
    "chosung": "ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ",
}
_THAI = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรฤลฦวศษสหฬอฮ"  # LibreOffice's: no ฃ ฅ ฆ
_DEVANAGARI = "कखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसह"
_JAPANESE_LEGAL = "壱弐参四伍六七八九"
# Financial numerals: digits 1-9, then the units 10, 100, 1,000 and 10,000 (壹拾 keeps its 壹).
_LEGAL_TRADITIONAL = ("壹貳參肆伍陸柒捌玖", "拾佰仟萬")
_LEGAL_SIMPLIFIED = ("壹贰叁肆伍陆柒捌玖", "拾佰仟万")
_HANGUL_DIGITS = "영일이삼사오육칠팔구"
_KOREAN_UNITS = ("", "하나", "둘", "셋", "넷", "다섯", "여섯", "일곱", "여덟", "아홉")
_KOREAN_TENS = ("", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔")
_ARABIC_ALPHA = "أبتثجحخدذرزسشصضطظعغفقكلمنهوى"
_ARABIC_ABJAD = "ابجدهوزحطيكلمنسعفصقرشتثخذضظغ"
_HEBREW = "אבגדהוזחטיכלמנסעפצקרשת"
_HEBREW_TENS_AND_UNITS = (
    (90, "צ"), (80, "פ"), (70, "ע"), (60, "ס"), (50, "נ"), (40, "מ"), (30, "ל"), (20, "כ"), (10, "י"),
    (9, "ט"), (8, "ח"), (7, "ז"), (6, "ו"), (5, "ה"), (4, "ד"), (3, "ג"), (2, "ב"), (1, "א"),
)  # fmt: skip


def _legal(n: int, numerals: tuple[str, str]) -> str:
    """110 → 壹佰壹拾, 1010 → 壹仟零壹拾, 10001 → 壹萬零壹: a run of zeros is one 零."""
    digits, units = numerals  # units: 10, 100, 1,000, 10,000
    high, low = divmod(n, 10_000)
    out = [_legal(high, numerals) + units[3]] if high else []
    zero = bool(high) and low < 1000
    for value, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d, low = divmod(low, value)
        if d:
            out.append(("零" if zero else "") + digits[d - 1] + unit)
            zero = False
        elif out:
            zero = True
    return "".join(out)


def _sino_korean(n: int) -> str:
    """11 → 십일, 110 → 백십, 10001 → 만일: Sino-Korean numerals, no 일 before a unit, no zero."""
    high, low = divmod(n, 10_000)
    out = [("" if high == 1 else _sino_korean(high)) + "만"] if high else []
    for value, unit in ((1000, "천"), (100, "백"), (10, "십"), (1, "")):
        d, low = divmod(low, value)
        if d:
            out.append(("" if d == 1 and unit else _HANGUL_DIGITS[d]) + unit)
    return "".join(out)


def _bijective(n: int, alphabet: str) -> str:
    size = len(alphabet)
    out: list[str] = []
    while n > 0:
        n, rest = divmod(n - 1, size)
        out.append(alphabet[rest])
    return "".join(reversed(out))


def _gematria(n: int) -> str:
    """1 → א, 15 → טו (not יה), 115 → קטו, 900 → תתק: Hebrew numerals below 1,000."""
    out: list[str] = []
    hundreds, rest = divmod(n, 100)
    while hundreds >= 4:
        out.append("ת")
        hundreds -= 4
    if hundreds:
        out.append({1: "ק", 2: "ר", 3: "ש"}[hundreds])
    if rest in (15, 16):
        out.append("טו" if rest == 15 else "טז")
        return "".join(out)
    for value, letter in _HEBREW_TENS_AND_UNITS:
        if rest >= value:
            out.append(letter)
            rest -= value
    return "".join(out)


__all__ = ["MAX_PAD", "MAX_SPELLED", "digits_note", "format_number", "spell"]
