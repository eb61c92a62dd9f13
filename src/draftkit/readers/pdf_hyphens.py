"""The PDF reader's line-end hyphens (`readers.pdf`, stage 5, asked by `pdf_joins.join`): a
word broken after a hyphen at a line's end is read as the page means it — the hyphen kept
where it is the word's own ('de-' + 'escalation', 'cease-' + 'fire', 'non-' + 'State',
'COVID-' + '19'), dropped where a typesetter hyphenated the word to fill the line
('implemen-' + 'tation') — and where nothing tells which, the reading is a guess that the
reading notes say (`pdf_notes`: one note a draft, naming the words, code `layout`).

The evidence, strongest first; the first that speaks decides:

1. the page: a soft hyphen (U+00AD) is a typesetter's; in a PDF LibreOffice made (its
   Producer), the hyphen of a hyphenation is a text object of its own after the word's
   (`_Line.apart`), a hyphen typed in the text stands inside its word's;
2. the document: the word written elsewhere inside a line, with its hyphen (kept) or whole
   (dropped);
3. the word: anything but a lower-case letter after the hyphen ('non-State', 'COVID-19'; not
   capitals after capitals: 'ELE-' + 'MENT'), a piece of one letter or with no vowel ('e-' +
   'mail', 'hh-' + 'mm': no syllable a typesetter breaks off), a compound or prefix that
   keeps its hyphen in English, Ukrainian or Russian ('cease-fire', 'so-called',
   'two-thirds', 'self-', 'non-', 'віце-'): kept; a second piece that is only a suffix
   ('tation', 'ment', 'ності'): dropped;
4. the producer, judged on every line-end hyphen of the document: one that shows a
   hyphenation (1-3) hyphenates, and there a hyphen between pieces that are no words of the
   document, after no prefix that may keep it, is dropped; a document of enough lines and
   few line-end hyphens, none a hyphenation, does not: its hyphens are kept.

Left, a guess: after a prefix a typesetter's hyphenation splits off too ('pre-' + 'vent'
and 'pre-' + 'war', 'de-' + 'cision' and 'de-' + 'escalation', 'військово-' +
'службовців'), between two words of the document ('peace-' + 'keeping'), and in a
document that does not show whether it hyphenates. The hyphen is kept, as the page shows
it, unless the document hyphenates and the second piece is no word it writes elsewhere.

Takes the reader's lines (`readers.pdf._Line`); answers whether a hyphen stays, and keeps
the guesses (`Hyphens.guessed`) for the note.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from draftkit.readers.pdf import _Line

# PDF producers whose hyphenation's hyphen is a text object of its own (`_Line.apart`).
MARKING_PRODUCERS = re.compile(r"LibreOffice|OpenOffice|Collabora", re.IGNORECASE)

# Prefixes after which the hyphen stays and a typesetter's hyphenation of a word seldom
# breaks: "non-\naggression" stays "non-aggression". ('nonsense' and 'selfish' are the
# price: a document that writes them whole elsewhere still joins them, step 2.)
_PREFIXES = frozenset(
    ("self", "non", "quasi", "pseudo", "anti", "all", "well", "half", "vice", "neo", "віце",
     "вице", "лейб", "обер", "унтер")
)  # fmt: skip
# Prefixes a typesetter's hyphenation splits off as well ('pre-' + 'vent', 'de-' + 'cision',
# 'inter-' + 'national', 'военно-' + 'служащие'): whether the hyphen stays is a guess.
_AMBIGUOUS = frozenset(
    ("co", "de", "re", "pre", "ex", "post", "inter", "intra", "sub", "super", "trans", "ultra",
     "extra", "counter", "multi", "pro", "semi", "over", "under", "out", "mid", "micro", "macro",
     "mini", "bi", "tri", "cross", "peace", "state", "power", "decision", "policy",
     "пів", "екс", "экс", "військово", "военно", "соціально", "социально", "економічно",
     "экономически", "політико", "политико", "північно", "південно", "северо", "юго", "східно",
     "західно", "восточно", "западно", "науково", "научно", "торгово", "мирно", "російсько",
     "российско", "українсько", "украинско", "військово", "воєнно")
)  # fmt: skip
# Whole compounds, and second pieces that make one, whose hyphen stays ("cease-\nfire").
_COMPOUNDS = frozenset(
    ("cease-fire", "so-called", "follow-up", "build-up", "set-up", "start-up", "stand-off",
     "cut-off", "take-off", "hand-over", "run-up", "carry-on", "add-on", "follow-on",
     "long-term", "short-term", "medium-term", "mid-term", "full-time", "part-time",
     "high-level", "low-level", "top-level", "large-scale", "small-scale", "full-scale",
     "decision-making", "policy-making", "law-making", "confidence-building",
     "institution-building", "state-building", "nation-building", "power-sharing",
     "burden-sharing", "ill-treatment", "life-saving", "first-hand", "second-hand",
     "north-east", "north-west", "south-east", "south-west", "cross-border", "free-trade",
     "human-rights", "war-affected", "conflict-affected", "conflict-related", "gender-based",
     "community-based", "evidence-based", "rules-based", "rule-based")
)  # fmt: skip
_SECOND = frozenset(
    ("up", "off", "on", "called", "based", "related", "led", "owned", "held", "controlled",
     "affected", "oriented", "sensitive", "specific", "level", "term", "scale", "free")
)  # fmt: skip
# A number before a count or share: "two-\nthirds", "twenty-\nfive", "three-\nyear".
_NUMBERS = frozenset(
    ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
     "twelve", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
     "hundred", "thousand")
)  # fmt: skip
_COUNTED = frozenset(
    ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "third", "thirds",
     "quarter", "quarters", "fourth", "fourths", "fifth", "fifths", "sixth", "sixths", "tenth",
     "tenths", "half", "year", "years", "day", "days", "week", "weeks", "month", "months",
     "hour", "hours", "fold", "party", "member", "point", "way", "tier", "stage", "phase",
     "sided", "kilometre", "kilometer", "mile", "metre", "meter", "storey", "lane")
)  # fmt: skip
# Second pieces a typesetter's hyphenation leaves and no compound has: a suffix, no word.
_SUFFIXES = frozenset(
    ("tion", "tions", "sion", "sions", "tation", "tations", "ation", "ations", "ition", "itions",
     "mentation", "mentations", "ication", "ications", "ification", "iation", "iations",
     "ulation", "ulations", "lation", "lations", "tial", "tially", "cial", "cially", "cient",
     "ment", "ments", "ness", "ity", "ities", "ties", "ance", "ances", "ence", "ences", "ing",
     "ings", "able", "ible", "ably", "ibly", "ally", "ical", "ically", "ious", "ous", "ive",
     "ives", "tive", "tives", "ture", "tures", "sure", "ary", "ory", "ular", "tional", "tionally",
     "ly", "ed", "es", "er", "ers", "al", "ic", "ics", "ist", "ists", "ism", "ogy", "ized",
     "ised", "izing", "ising", "ization", "isation", "ative", "atives", "ated", "ating",
     "ния", "ние", "нию", "нии", "ность", "ности", "ностью", "ностей", "ция", "ции", "цию",
     "ций", "ство", "ства", "ству", "ством", "ств", "тельство", "тельства", "ного", "ной",
     "ных", "ными", "ского", "ской", "ских", "ння", "нню", "нні", "ність", "ності", "ністю",
     "ція", "ції", "цію", "цій", "ського", "ської", "ських", "ному", "них", "ними", "ний",
     "ною", "ни", "ны", "ки", "ку", "ми", "ти", "ть", "ся")
)  # fmt: skip
_VOWELS = re.compile(r"[aeiouyàâäéèêëîïôöùûüаеёиіїоуыэюяєѣ]", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_IN_WORD = re.compile(r"[^\W\d_]|-")  # what a word of `_WORD` is made of
_MIN_LINES = 50  # a document with fewer lines shows too few line ends to tell it does not hyphenate
_FEW = 0.01  # line-end hyphens a line, at most, in a document that does not hyphenate
# (LibreOffice's exports of 150 public Word files: 3 in 17,552 lines; pdfTeX's libtasn1
# manual, hyphenated: 31 in 1,248)


def vocabulary(lines: Iterable[_Line]) -> set[str]:
    """Lower-case words (hyphenated ones whole) standing inside lines, not split at their end."""
    words: set[str] = set()
    for line in lines:
        found = _WORD.findall(line.text.lower())
        if line.text.endswith("-") and found:
            found.pop()
        words.update(found)
    return words


def drawn_apart(runs: Sequence[tuple[float, float, float, float, str]]) -> bool:
    """Whether a line's runs end with a hyphen drawn as a text object of its own, straight
    after a word's letters (LibreOffice's hyphenation: 'imple', '-')."""
    glyphs = [run for run in runs if run[4].strip()]
    return len(glyphs) > 1 and glyphs[-1][4].strip() == "-" and glyphs[-2][4].rstrip()[-1:].isalpha()


def broken(text: str) -> bool:
    """Whether a line ends with a hyphen straight after a letter ("implemen-", "non-")."""
    return len(text) > 1 and text[-1] == "-" and text[-2].isalpha()


class Hyphens:
    """What a document shows of the hyphens its lines end with, and the guesses made.

    `written`: the words standing inside its lines (`vocabulary`); `words`: the single words
    its `lines` write (pieces of hyphenated ones too), not counting the pieces of a word
    broken at a line's end (without lines: the pieces of `written`); `marked`: its producer
    draws a hyphenation's hyphen apart (`_Line.apart`); `hyphenates`: whether its
    typesetter hyphenates (None: it does not show).
    """

    def __init__(
        self,
        written: set[str] | None = None,
        *,
        lines: Sequence[_Line] = (),
        marked: bool = False,
        hyphenates: bool | None = None,
    ) -> None:
        self.written = written if written is not None else set()
        self._lines = lines  # what `words` is counted on, once a guess asks (a guess is rare)
        self._words: set[str] | None = None
        self.marked = marked
        self.hyphenates = hyphenates
        self.guessed: list[tuple[_Line | None, str]] = []  # (line ending in the hyphen, word as read)

    @property
    def words(self) -> set[str]:
        if self._words is None:
            self._words = _standalone(self._lines) if self._lines else _pieces(self.written)
        return self._words

    def keep(self, text: str, line: str, *, apart: bool = False, at: _Line | None = None) -> bool:
        """Whether the hyphen `text` ends with stays when `line` goes on after it; `apart`:
        the hyphen was a text object of its own; `at`: the line it ends (for the note)."""
        said = self.evidence(text, line, apart=apart)
        if said is not None:
            return said
        left, right = _pieces_at(text, line)
        if self.hyphenates is False:
            return True
        ambiguous = left in _AMBIGUOUS or (left in self.words and right in self.words)
        if self.hyphenates and not ambiguous:
            return False
        kept = self.hyphenates is None or right in self.words
        self.guessed.append((at, _read(text, line, kept)))
        return kept

    def evidence(self, text: str, line: str, *, apart: bool = False) -> bool | None:
        """What the page, the document and the word say of the hyphen (steps 1-3): kept
        (True), dropped (False), or nothing (None)."""
        if self.marked:
            return not apart
        head = _last_words(text)
        tail = _WORD.match(line)
        if not head or tail is None:
            return True  # "COVID-" + "19", "ITU-" + "T.680": no word goes on
        left, right = head[-1].rsplit("-", 1)[-1], tail.group().split("-", 1)[0]
        capitals = left.isupper() and right.isupper() and len(left) > 1 and len(right) > 1
        left, right = left.lower(), right.lower()
        if f"{left}-{right}" in self.written:
            return True
        if left + right in self.written:
            return False
        if not line[0].islower() and not capitals:
            return True  # "non-" + "State", "Franco-" + "German": a hyphen before a name
        if min(len(left), len(right)) < 2 or not (_VOWELS.search(left) and _VOWELS.search(right)):
            return True  # "e-" + "mail", "hh-" + "mm": no syllable a typesetter breaks off
        if (
            left in _PREFIXES
            or f"{left}-{right}" in _COMPOUNDS
            or right in _SECOND
            or (left in _NUMBERS and right in _COUNTED)
        ):
            return True
        if right in _SUFFIXES:
            return False
        return None


def hyphens(lines: Sequence[_Line], *, marked: bool = False) -> Hyphens:
    """The evidence of a document's `lines` (in reading order), its hyphenation judged on
    every line that ends with a hyphen; `marked`: as `Hyphens.marked`."""
    found = Hyphens(vocabulary(lines), lines=lines, marked=marked)
    said = [found.evidence(a.text, b.text, apart=a.apart) for a, b in pairwise(lines) if broken(a.text)]
    soft = any(line.text.endswith("\u00ad") for line in lines)
    if soft or False in said:
        found.hyphenates = True
    elif len(lines) >= _MIN_LINES and len(said) <= _FEW * len(lines):
        found.hyphenates = False
    return found


def _standalone(lines: Sequence[_Line]) -> set[str]:
    """The single words the lines write, lower case, pieces of hyphenated words too; not the
    pieces of a word broken at a line's end (its last piece, and the next line's first)."""
    words: set[str] = set()
    after = False  # the line before ended with a broken word
    for line in lines:
        found = _WORD.findall(line.text.lower())
        ends = broken(line.text) or line.text.endswith("\u00ad")
        if ends and found:
            found.pop()
        if after and found and line.text[:1].isalpha():
            found.pop(0)
        for word in found:
            words.update(word.split("-"))
        after = ends
    return words


def _pieces(written: set[str]) -> set[str]:
    return {piece for word in written for piece in word.split("-")}


def _last_words(text: str) -> list[str]:
    """The words (`_WORD`) of the run of letters and hyphens before the hyphen a `broken`
    line ends with: its last is the word the line breaks — read from the end, not found again in the
    whole paragraph at each of its lines (8,000 hyphenated lines in one paragraph took 50 s)."""
    end = start = len(text) - 1
    while start and _IN_WORD.match(text, start - 1):
        start -= 1
    return _WORD.findall(text, start, end)


def _pieces_at(text: str, line: str) -> tuple[str, str]:
    """The lower-case pieces either side of the hyphen `text` ends with ('', '' if none)."""
    head = [w.lower() for w in _last_words(text)]
    tail = _WORD.match(line.lower())
    if not head or tail is None:
        return "", ""
    return head[-1].rsplit("-", 1)[-1], tail.group().split("-", 1)[0]


def _read(text: str, line: str, kept: bool) -> str:
    """The broken word as read: its piece before the line's end, the hyphen if `kept`, and
    its piece after."""
    end = start = len(text) - 1
    while start and not text[start - 1].isspace():  # (read from the end: see `_last_words`)
        start -= 1
    tail = re.match(r"[^\s,;:.!?)\]»”’\"']*", line)
    return text[start:end] + ("-" if kept else "") + (tail.group() if tail else "")


__all__ = ["MARKING_PRODUCERS", "Hyphens", "broken", "drawn_apart", "hyphens", "vocabulary"]
