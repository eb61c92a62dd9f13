"""Cross-references in provision text: "Article 7", "Art. 7(2)", "paragraph 3 of Article 2",
"paragraph 3", "point (b)", "Annex I". Found with their spans, resolved against a tree, and
rewritten when their targets are renumbered."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import lru_cache

from draftkit.model.numbering import (
    ARABIC_WORDS,
    FIRST_WORDS,
    ROMANCE_NUMBER,
    arabic_ordinal,
    arabic_words,
    cardinal_words,
    cased_like,
    digits_value,
    ordinal_suffix,
    ordinal_words,
    parse_label,
    romance_ordinal,
    romance_words,
    words_to_int,
)
from draftkit.records import record

_NUM = r"(\d+|[IVXLC]+)"
_SUB = r"((?:\s?\(\w{1,5}\))*)"
_TOP_WORDS = {
    "article": "article",
    "articles": "article",
    "art.": "article",
    "art": "article",
    "annex": "annex",
    "section": "section",
    "chapter": "chapter",
    "part": "part",
}
# A number in words, as treaties that number their articles so cite them ("Article Three"):
# any capitalised word here, kept only where it is a number (`_spelled`).
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    "|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    "|hundred|thousand|and"
    # and as ordinals ("Article Twenty-First"): first, second, third, fifth, eighth, ninth,
    # twelfth, twentieth … and the rest with "th"
    "|first|second|third|fifth|eighth|ninth|twelfth|[a-z]+ieth|[a-z]+th"
)
_WORDS = r"(?:[A-Z][a-z]+|[A-Z]{3,})(?:[ -](?i:" + _NUMBER_WORDS + r")(?![\w]))*"
_WORD_PIECE = re.compile(r"[ -]")
_TOP = re.compile(
    r"\b(?P<kw>Articles?|ARTICLES?|Art\.|Annex|ANNEX|Section|SECTION|Chapter|CHAPTER|Part|PART)\s+(?P<n>"
    + r"\d+[A-Z]|"
    + _NUM[1:-1]
    + "|"
    + _WORDS
    + r")\b(?P<sub>"
    + _SUB[1:-1]
    + r")",
)
# Citations in the other languages whose labels the readers read (model.numbering): written
# in lower case inside a sentence ("conforme al artículo 5", "l'article 3", "المادة 4").
_TOP_OTHER = re.compile(
    r"(?<!\w)(?P<kw>art[íi]culos?|artigos?|articol[oi]|artikels?|(?<=l['’])article|(?<=les )articles"
    # "article premier", "l’article 1er": the first article as French cites it
    r"|article(?=\s+(?:premi|1er\b|1re\b))"
    r"|(?:[وفب]?ال|[وف]?لل)مادة|anexos?|annexes?|allegat[oi]|anh[äa]nge?"
    # Ukrainian and Russian, in any case of the noun: "статті 5", "статтею 5", "статьи 5",
    # "ст. 5", "додатку 2", "разделе 3", "главы 4".
    r"|стат[тьі][а-яіїєґ]*|ст\.|додат[а-яіїєґ]*|приложени[а-яіїєґ]*|розділ[а-яіїєґ]*|раздел[а-яіїєґ]*"
    r"|глав[а-яіїєґ]*)"
    # The number: digits, "(5)" (Arabic), or words: "premier", "el artículo primero", "o artigo
    # décimo primeiro", "dell'articolo primo", "وفقا للمادة الخامسة" (kept where they are one).
    r"\s+(?P<po>\()?(?P<n>\d+[A-Z]?|premi[eè]re?|1er|1re|"
    + ARABIC_WORDS
    + "|(?P<words>"
    + ROMANCE_NUMBER
    + r"))"
    r"(?(po)\))(?![\w])(?P<sub>" + _SUB[1:-1] + r")",
    re.IGNORECASE,
)
_PARA_OF = re.compile(
    r"\b(?P<pkw>paragraphs?|para\.)\s+(?P<p>\d+)(?P<sub>"
    + _SUB[1:-1]
    + r")\s+of\s+(?P<kw>Article|Annex)\s+(?P<n>"
    + _NUM[1:-1]
    + r")",
    re.IGNORECASE,
)
_PARA = re.compile(
    r"\b(?P<pkw>paragraph|para\.)\s+(?P<p>\d+)(?P<sub>" + _SUB[1:-1] + r")(?!\s+of\s+(?:Article|Annex))",
    re.IGNORECASE,
)
_POINT = re.compile(r"\b(?P<pkw>point|subparagraph|sub-paragraph|item)\s+\((?P<p>\w{1,5})\)", re.IGNORECASE)
_SUBS = re.compile(r"\((\w{1,5})\)")


@record
class Reference:
    """A citation found in a text: its span, the cited path of label values, and whether the
    path is relative to the provision it stands in ('paragraph 3' = of this article)."""

    start: int
    end: int
    text: str
    top_kind: str | None  # "article", "annex", …; None for a relative reference
    path: tuple[str, ...]  # label values: ("7", "2", "b")
    relative: bool
    spans: tuple[tuple[int, int], ...] = ()  # where each path value stands in the text


# Every pattern above holds one of these words (any case): an ASCII text with none of them
# cites nothing, and is not scanned four times (most texts of a draft; a non-ASCII text is
# always scanned, its case folding being the regex's own).
_CUES = ("art", "annex", "section", "chapter", "para", "point", "item", "anex", "alleg", "anh")


def find_references(text: str) -> list[Reference]:
    """Every cross-reference in `text`, left to right, non-overlapping."""
    other = True  # a citation in the other languages (`_TOP_OTHER`) may stand in it
    if text.isascii():
        lower = text.lower()
        if not any(cue in lower for cue in _CUES):
            return []
        other = _other_cue(lower)
    found: list[Reference] = []
    # The spans taken, by start. They never overlap, so the last one starting before a span's
    # end is the only one that can overlap it (a check against each was quadratic in a text
    # citing thousands of paragraphs).
    starts: list[int] = []
    ends: list[int] = []

    def free(a: int, b: int) -> bool:
        at = bisect.bisect_left(starts, b)
        return at == 0 or ends[at - 1] <= a

    def add(ref: Reference) -> None:
        if free(ref.start, ref.end):
            found.append(ref)
            at = bisect.bisect_left(starts, ref.start)
            starts.insert(at, ref.start)
            ends.insert(at, ref.end)

    def subs(m: re.Match[str]) -> list[tuple[str, tuple[int, int]]]:
        base = m.start("sub")
        return [(x.group(1), (base + x.start(1), base + x.end(1))) for x in _SUBS.finditer(m.group("sub"))]

    def make(
        m: re.Match[str], top: str | None, parts: list[tuple[str, tuple[int, int]]], relative: bool
    ) -> None:
        add(
            Reference(
                m.start(),
                m.end(),
                m.group(0),
                top,
                tuple(v for v, _ in parts),
                relative,
                tuple(span for _, span in parts),
            )
        )

    for m in _PARA_OF.finditer(text):
        parts = [(m.group("n"), m.span("n")), (m.group("p"), m.span("p")), *subs(m)]
        make(m, _TOP_WORDS[m.group("kw").lower()], parts, False)
    for m in _TOP.finditer(text):
        top, n = _TOP_WORDS[m.group("kw").lower()], m.group("n")
        if _spelled(n):
            make(m, top, [(n, m.span("n")), *subs(m)], False)
            continue
        # A number in words ends where the words stop being one: "Article Twenty-One of",
        # "Article One Hundred applies" ("Article Concerning …" cites nothing).
        cut = _longest_number(n)
        if cut:
            at = m.start("n")
            add(
                Reference(
                    m.start(), at + cut, text[m.start() : at + cut], top, (n[:cut],), False, ((at, at + cut),)
                )
            )
    for m in _TOP_OTHER.finditer(text) if other else ():
        if m.group("words") and romance_ordinal(m.group("words")) is None:
            continue  # "all'articolo medesimo": a word, not a number
        word = m.group("kw").lower()
        kind = _kind_of(word)
        make(m, kind, [(m.group("n"), m.span("n")), *subs(m)], False)
    for m in _PARA.finditer(text):
        make(m, None, [(m.group("p"), m.span("p")), *subs(m)], True)
    for m in _POINT.finditer(text):
        make(m, None, [(m.group("p"), m.span("p"))], True)
    found.sort(key=lambda r: r.start)
    return found


# What an ASCII text citing in those languages holds (a non-ASCII one is always scanned).


def _other_cue(lower: str) -> bool:
    # Plain `in` tests, not a regex alternation (~2 µs a text): most texts of a long English
    # draft hold "part" and so reach this test.
    return (
        "artic" in lower
        or "artig" in lower
        or "artik" in lower
        or "anexo" in lower
        or "annexe" in lower
        or "allegat" in lower
        or "anhang" in lower
    )


def _kind_of(word: str) -> str:
    """The kind a citation's keyword names, by its stem (`_TOP_OTHER`)."""
    if word.startswith(("anex", "annex", "alleg", "anh", "додат", "приложени")):
        return "annex"
    if word.startswith(("розділ", "раздел")):
        return "section"
    if word.startswith("глав"):
        return "chapter"
    return "article"


def _longest_number(words: str) -> int:
    """The length of the longest run of `words`, from their start, that is a number in words
    (0 when none is)."""
    ends = [m.start() for m in _WORD_PIECE.finditer(words)] + [len(words)]
    for end in reversed(ends):
        if words_to_int(words[:end]) is not None:
            return end
    return 0


def _spelled(value: str) -> bool:
    """Whether the number of a reference is one: digits, roman, or a number in words."""
    return value[:1].isdigit() or set(value) <= set("IVXLC") or words_to_int(value) is not None


def rewrite(text: str, mapper: Callable[[Reference], tuple[str, ...] | None]) -> str:
    """Renumber references: `mapper` gives the new path values of a reference (same length)
    or None to leave it as written."""
    edits: list[tuple[int, int, str]] = []
    for ref in find_references(text):
        values = mapper(ref)
        if values is None or len(values) != len(ref.spans):
            continue
        # In the form and case the text writes it: "Article Three" stays title case for
        # "FOUR", "l'article premier" becomes "l'article 2", "Article 1" of "Article One" "Article 2".
        edits.extend((a, b, written_as(v, text[a:b])) for (a, b), v in zip(ref.spans, values, strict=True))
    out: list[str] = []
    last = 0
    for a, b, value in sorted(edits):
        out.append(text[last:a])
        out.append(value)
        last = b
    out.append(text[last:])
    return "".join(out)


@lru_cache(maxsize=4_096)  # a long draft repeats its labels ("(a)", "1.") thousands of times
def label_value(num: str | None) -> str | None:
    """The number a reference would use for a label: 'Article 5' → '5', '(b)' → 'b', '2.' → '2',
    'Article One Hundred and Five' → 'One Hundred and Five', 'ARTICLE THE FIRST' → 'FIRST'."""
    words = (num or "").split()
    if not words:
        return None
    if len(words) > 2 and num is not None:  # a number of several words after the keyword
        found = parse_label(num)
        if found is not None and found[0].kind is not None and not found[1] and found[0].ordinal is not None:
            return found[0].value
    return words[-1].strip("().") or None


@lru_cache(maxsize=4_096)
def number_key(value: str) -> str:
    """The number a label's or a citation's value stands for, in digits where it is written
    otherwise ('Three', 'THIRD', '3rd', 'premier', '1er', 'الحادية عشرة', '١٢', 'Décimo Primero'
    → '3', '3', '3', '1', '1', '11', '12', '11'), so that "Article First" cited "Article 1" or "ARTICLE FIRST"
    is the same article; any other value as written ('b', 'IV', '5 bis')."""
    if value.isdecimal():  # not "²", a digit int() does not read
        number = digits_value(value)
        return str(number) if number is not None else value
    if value.lower() in FIRST_WORDS:
        return "1"
    if value[:1].isdecimal() and value[:-2].isdecimal():
        number = digits_value(value[:-2])
        if number is not None and value[-2:].lower() == ordinal_suffix(number):
            return value[:-2]
    spelled = words_to_int(value)
    if spelled is not None:
        return str(spelled[1])
    arabic = arabic_ordinal(value) if value[:1] == "ا" else None
    if arabic is not None:
        return str(arabic)
    romance = romance_ordinal(value) if value[-1:] in "oaOA" else None
    return str(romance[1]) if romance is not None else value


def written_as(value: str, written: str) -> str:
    """A label's number `value` in the form and case a citation `written` writes numbers in:
    'Four' for 'Three', '4' for '3', 'FOURTH' for 'THIRD', '2' for 'premier', 'premier' for '1',
    'segundo' for 'primero', 'الثانية' for 'الأولى'."""
    key = number_key(value)
    n = digits_value(key) if key.isdecimal() and value != written else None
    if n is None:
        return cased_like(value, written)
    if written.isascii() and written.isdigit():
        # "l'article 2" of a draft whose first article is "Article premier": "l'article premier".
        return value.lower() if value.lower() in FIRST_WORDS else key
    if written.lower() in FIRST_WORDS:
        return written if n == 1 else key
    if written[:1] == "ا" and arabic_ordinal(written) is not None:
        # "وفقا للمادة الخامسة": the label's own words where it writes them, else in words.
        return value if arabic_ordinal(value) is not None else arabic_words(n, written)
    if romance_ordinal(written) is not None:  # "el artículo primero" → "el artículo segundo"
        return romance_words(n, written, value)
    spelled = words_to_int(written)
    if spelled is not None:
        words = cardinal_words(n) if spelled[0] == "cardinalText" else ordinal_words(n)
        return cased_like(words, written)
    if number_key(written) != written:  # "3rd"
        return cased_like(f"{n}{ordinal_suffix(n)}", written)
    return cased_like(value, written)


def number_of(num: str | None) -> str | None:
    """A label's number as a citation matches it ('Article First' → '1', '(b)' → 'b'); None
    where the label gives none."""
    value = label_value(num) if num else None
    return None if value is None else number_key(value)


def same_number(old: str | None, new: str | None) -> bool:
    """Whether two labels give one number in another dress: '1)' and '1.', '(a)' and 'a)',
    'Point 2' and '2.' (a keyword on one side only). A point relabelled so, as a text
    pasted from another rendering is, is not renumbered; '2' → '3', 'I' → '1' and 'Article
    2' → 'Section 2' are."""
    if " ".join((old or "").split()) == " ".join((new or "").split()):
        return True
    value, other = label_value(old), label_value(new)
    if value is None or other is None or (value != other and number_key(value) != number_key(other)):
        return False  # "Article First" and "Article 1" give one number
    old_words, new_words = (" ".join((num or "").split()[:-1]).casefold() for num in (old, new))
    return old_words == new_words or not old_words or not new_words
