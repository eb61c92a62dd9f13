"""Edits that change nothing a party gives up: the last pass over one pair's findings.

Takes the findings of one pair of texts (risk.rules.content_findings, after risk/cadence.py)
and hands them on, with these weighed as wording (low with any category weight):

- `cadenced`: a cadence given to, or taken from, a body's meetings, consultations or reports
  ("shall meet as necessary, but at least once a quarter", "не реже одного раза в месяц",
  "or more often at the request of either Party") — the scope word or qualifier on the
  frequency, in a text about such an act and not about a violation, an attack, a release
  or hostages, and only where the last act named before it is that paperwork (not "shall
  meet monthly and shall inspect the sites at least once a week"). A frequency changed is
  risk.cadence.administrative's (a threefold change keeps its weight there), and a bound on
  anything else ("at least five members present") is not touched.
- `helpers`: a body or person added or dropped where a text names it only as present or
  helping ("with the support of the African Union", "при содействии МККК"), or as present
  where the text is signed, the signing said before it in its clause ("signed in Moscow in
  the presence of the OSCE Chairperson", "у присутності представника ОБСЄ"): who witnesses
  or assists takes on nothing (present at elections or at an exchange, a body observes them,
  and keeps its weight). Supervision, control, guarantee and participation keep their
  weight ("under the supervision of", "под контролем", "with the participation of").
- `working_languages`: a language added to the working languages of a body ("English, French
  and Kinyarwanda", "робочими мовами … є англійська та українська"); not a state or official
  language, which is what a party gives up (nor "the official and working languages", nor an
  official language in the sentence that also names a working one), nor a working language
  dropped or replaced (a party's language taken out of the body's work: benchmarks/list_items
  rates it medium).

Analysts of the held-out sets (benchmarks/risk_heldout3 … 9) rate every one of these low or
none; each rule has quiet wordings and loud counterparts in tests/risk/test_quiet.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from draftkit.risk.cadence import ADMINISTRATIVE, administrative_act, substantive
from draftkit.risk.features import Side
from draftkit.risk.findings import Finding, token_index
from draftkit.risk.frequency import frequencies
from draftkit.risk.matching import Sides
from draftkit.risk.names import MEETING, executed
from draftkit.risk.tokens import AND_WORDS, MODALS


def quieten(s: Sides, found: list[Finding]) -> list[Finding]:
    """The findings, with those that change nothing a party gives up weighed as wording."""
    if not found:
        return found
    checks: list[Callable[[Sides, Finding], bool]] = []
    if any(f.rule in ("scope", "qualifier") for f in found) and _cadence_text(s, found):
        checks.append(_cadenced)
    if any(f.rule in ("name", "list") for f in found):
        checks += [_helper, _thanked, _working_language]
    if any(f.rule == "deadline" and f.headline.startswith("Date ") for f in found):
        checks.append(_date_of_signing)
    if not checks:
        return found
    wording = s.sig.wording
    return [
        replace(f, significance=min(f.significance, wording), heavy=0.0)
        if f.significance > wording and any(check(s, f) for check in checks)
        else f
        for f in found
    ]


def _quoted(s: Sides, finding: Finding) -> list[tuple[Side, int, int]]:
    """Each side the finding quotes there (its words added, dropped or replaced), as token
    bounds: the new side for something added, the old for something dropped, both for a
    replacement."""
    out = []
    for side, said, spans in (
        (s.old, finding.old, finding.old_spans),
        (s.new, finding.new, finding.new_spans),
    ):
        if said and spans:
            out.append((side, token_index(side.text, spans[0][0]), token_index(side.text, spans[-1][1])))
    return out


# ---------------------------------------------------------------------------------------------
# A cadence of paperwork


def _cadence_text(s: Sides, found: Sequence[Finding]) -> bool:
    """Whether the pair is about an administrative act (risk.cadence) and no frequency of it
    changed loud (risk.cadence.administrative left a frequency's deadline weighed)."""
    if substantive(s) or not (administrative_act(s) or _meeting(s)):
        return False
    return not any(f.rule == "deadline" and f.significance > s.sig.wording for f in found)


def _meeting(s: Sides) -> bool:
    return not MEETING.isdisjoint(s.old.lemma_set) or not MEETING.isdisjoint(s.new.lemma_set)


_OFTEN = frozenset({"often", "frequently", "частіше", "рідше", "чаще", "реже"})
_TO_FREQUENCY = 4  # tokens from the end of a bound to the frequency it bounds ("не реже одного раза")


def _cadenced(s: Sides, finding: Finding) -> bool:
    """Whether a scope word or qualifier stands on a frequency, on each side it is quoted:
    it overlaps one, a frequency follows within a few tokens ("at least | once a month"), or
    it says how often itself ("or more often")."""
    if finding.rule not in ("scope", "qualifier"):
        return False
    quoted = _quoted(s, finding)
    return bool(quoted) and all(
        _on_frequency(side, first, last) and _of_paperwork(side, first) for side, first, last in quoted
    )


def _on_frequency(side: Side, first: int, last: int) -> bool:
    tokens, lemmas = side.text.tokens, side.lemmas.tokens
    end = min(len(tokens), last + _TO_FREQUENCY)
    if any(tok.norm in _OFTEN for tok in tokens[first:end]):
        return True
    if any(f.first < end and f.last > first for f in side.features(frequencies)):
        return True
    # "at least twice a year", "three times per month": a count of times in a period
    return any(lemmas[k].norm in _PERIODS and lemmas[k - 1].norm in _PER for k in range(max(first, 1), end))


# Acts of checking on the ground: a frequency of inspections, verification or patrols is what a
# party submits to, even in a text that also has a body meet ("shall meet monthly and shall
# inspect the cantonment sites at least once a week").
_CHECK_WORDS = """inspect inspection verify verification patrol visit check monitor monitoring exchange
    release withdraw withdrawal інспекція інспектувати перевірка перевіряти верифікація
    патрулювання патруль обмін моніторинг відвідування инспекция инспектировать проверка
    проверять верификация патрулирование патруль обмен мониторинг посещение"""
_CHECKS = frozenset(_CHECK_WORDS.split())
_PAPERWORK = frozenset(MEETING | ADMINISTRATIVE)


def _of_paperwork(side: Side, first: int) -> bool:
    """Whether what the frequency at token `first` bounds is a meeting, consultation or report:
    read back to the sentence's start or the nearest modal ("shall", "will" …; not before a
    passive, "meetings shall be held"), the last act named is paperwork, not a check on the
    ground."""
    tokens, lemmas = side.text.tokens, side.lemmas.tokens
    for k in range(first - 1, -1, -1):
        norm, lemma = tokens[k].norm, lemmas[k].norm
        if norm in _CHECKS or lemma in _CHECKS:
            return False
        if norm in _PAPERWORK or lemma in _PAPERWORK:
            return True
        if norm in _SENTENCE:
            return False
        if norm in MODALS and (k + 1 >= len(tokens) or tokens[k + 1].norm != "be"):
            return False  # "shall be held": what is held stands before the modal
    return False


_PERIOD_WORDS = "day week month quarter year день тиждень місяць квартал рік неделя месяц год"
_PERIODS = frozenset(_PERIOD_WORDS.split())
_PER = frozenset({"a", "an", "per", "each", "every", "на", "в"})


# ---------------------------------------------------------------------------------------------
# A body named as present or helping

# The words before a name that make it present or helping, as normalised tokens (the last word
# of each is the one looked for; the words before it must precede it).
_HELPER_PHRASES = (
    ("in", "the", "presence", "of"),
    ("with", "the", "support", "of"),
    ("with", "the", "assistance", "of"),
    ("with", "the", "help", "of"),
    ("у", "присутності"),
    ("в", "присутності"),
    ("за", "присутності"),
    ("за", "сприяння"),
    ("за", "сприянням"),
    ("при", "сприянні"),
    ("за", "підтримки"),
    ("за", "допомоги"),
    ("в", "присутствии"),
    ("при", "содействии"),
    ("при", "поддержке"),
    ("при", "помощи"),
)
_HELPER_ENDS = frozenset(p[-1] for p in _HELPER_PHRASES)
_HELPER_REACH = 8  # tokens read back from a name to the phrase that makes it a helper
_STOPS = frozenset({".", ";", ":"}) | MODALS


def _helper(s: Sides, finding: Finding) -> bool:
    """Whether a name or list item added or dropped is, on each side it is quoted, what a
    phrase of presence or help names ("in the presence of the OSCE Chairperson", "при
    содействии МККК", "в присутствии представителей … ООН и СБСЕ")."""
    if finding.rule not in ("name", "list") or (finding.old and finding.new):
        return False
    quoted = _quoted(s, finding)
    return bool(quoted) and all(_helped(side, first) for side, first, _ in quoted)


def _helped(side: Side, first: int) -> bool:
    tokens = side.text.tokens
    for k in range(first - 1, max(-1, first - 1 - _HELPER_REACH), -1):
        norm = tokens[k].norm
        if norm in _STOPS:
            return False
        if norm in _HELPER_ENDS:
            phrases = [p for p in _HELPER_PHRASES if p[-1] == norm and _phrase_ends_at(side, p, k)]
            if phrases:  # "elections held in the presence of the OSCE": observers, not witnesses
                return any(_PRESENCE.isdisjoint(p) or _signed(side, k - len(p) + 1) for p in phrases)
    return False


# Presence is a witness's where a text is signed ("signed in Moscow in the presence of …"); at
# elections, an exchange or a vote it is observation, which keeps its weight, even where a
# protocol of it is signed in another clause ("the exchange shall take place in the presence of
# the ICRC and the protocol shall be signed by both sides").
_PRESENCE = frozenset({"presence", "присутності", "присутствии"})
_SIGNING = ("sign", "підпис", "подпис")


def _signed(side: Side, start: int) -> bool:
    """Whether the phrase of presence at token `start` is said of a signing: a signing word
    before it in its sentence, with no modal or other clause between."""
    tokens = side.text.tokens
    for k in range(start - 1, -1, -1):
        tok = tokens[k]
        if tok.kind == "word" and tok.norm.startswith(_SIGNING):
            return True
        if tok.norm in _STOPS or tok.norm in AND_WORDS:
            return False
    return False


def _phrase_ends_at(side: Side, phrase: tuple[str, ...], k: int) -> bool:
    start = k - len(phrase) + 1
    return start >= 0 and tuple(t.norm for t in side.text.tokens[start : k + 1]) == phrase


# Thanks given: a body or person added to or dropped from those the parties thank ("express
# their deep gratitude to the State of Qatar … and to the Joint Chief Mediator", "висловлюють
# вдячність Турецькій Республіці та Генеральному секретарю ООН") takes on nothing.
_THANKS_WORDS = """gratitude thanks thank thanked appreciation вдячність подяку подяка дякують
    дякувати благодарность благодарят благодарить признательность"""
_THANKS = frozenset(_THANKS_WORDS.split())


def _thanked(s: Sides, finding: Finding) -> bool:
    """Whether a name or list item added or dropped stands, on each side it is quoted, in a
    sentence of thanks: a word of thanks before it in its sentence, no modal verb between."""
    if finding.rule not in ("name", "list") or (finding.old and finding.new):
        return False
    quoted = _quoted(s, finding)
    return bool(quoted) and all(_after_thanks(side, first) for side, first, _ in quoted)


def _after_thanks(side: Side, first: int) -> bool:
    """Whether a word of thanks stands before token `first` in its sentence and no modal verb
    in the sentence ("thank Qatar, and the OSCE shall monitor …" binds the OSCE)."""
    tokens = side.text.tokens
    for k in range(first, len(tokens)):
        if tokens[k].norm in _SENTENCE:
            break
        if tokens[k].norm in MODALS:
            return False
    for k in range(first - 1, -1, -1):
        norm = tokens[k].norm
        if norm in _THANKS:
            return True
        if norm in _STOPS:
            return False
    return False


# ---------------------------------------------------------------------------------------------
# The date an agreement was signed


def _date_of_signing(s: Sides, finding: Finding) -> bool:
    """Whether a date added, dropped or moved is, on each side it is quoted, the date of the
    signing: in the closing formula ("Done at Accra on 18 August 2003", risk.names.executed)
    or in a dateline of its own, a place and the date ("Москва, 10 ноября 2020 года.")."""
    if finding.rule != "deadline" or not finding.headline.startswith("Date "):
        return False
    quoted = _quoted(s, finding)
    return bool(quoted) and all(
        executed(side.text, first) or _dateline(side, first, last) for side, first, last in quoted
    )


_YEAR_WORDS = frozenset({"year", "рік", "року", "год", "года", "г", "р"})


def _dateline(side: Side, first: int, last: int) -> bool:
    """Whether the date at tokens [first, last) makes a sentence with one to three capitalised
    words before it and a comma between, and no more than the word for year after it."""
    tokens = side.text.tokens
    k = first - 1
    if k < 1 or tokens[k].norm != ",":
        return False
    start = k
    while start > 0 and tokens[start - 1].kind == "word" and tokens[start - 1].cap:
        start -= 1
    if not 1 <= k - start <= 3 or (start > 0 and tokens[start - 1].norm not in _SENTENCE):
        return False
    end = last
    while end < len(tokens) and tokens[end].norm not in _SENTENCE:
        end += 1
    return end - last <= 1 and all(t.norm in _YEAR_WORDS for t in tokens[last:end])


# ---------------------------------------------------------------------------------------------
# Working languages

_WORKING = frozenset({"working", "робочий", "рабочий", "робоча", "рабочая"})
_LANGUAGES = frozenset({"language", "мова", "язык"})
_SENTENCE = frozenset({".", ";"})


def _working_language(s: Sides, finding: Finding) -> bool:
    """Whether a list item or name added (quoted in the new text only) stands in a sentence
    about working languages ("working language(s)", "робоча мова", "рабочий язык")."""
    if finding.rule not in ("list", "name"):
        return False
    quoted = _quoted(s, finding)
    return (
        bool(quoted)
        and all(side is s.new for side, _, _ in quoted)
        and all(_of_working_languages(side, first) for side, first, _ in quoted)
    )


def _of_working_languages(side: Side, k: int) -> bool:
    """Whether the language word an item belongs to (the nearest before it in its sentence, else
    the nearest after) is said working, and not official, state or authentic as well ("the
    official and working languages": what a party gives up)."""
    tokens, lemmas = side.text.tokens, side.lemmas.tokens
    first = k
    while first > 0 and tokens[first - 1].norm not in _SENTENCE:
        first -= 1
    last = k
    while last < len(tokens) and tokens[last].norm not in _SENTENCE:
        last += 1
    words = [
        j for j in range(first + 1, last) if lemmas[j].norm in _LANGUAGES or tokens[j].norm in _LANGUAGES
    ]
    before = [j for j in words if j < k]
    if not words:
        return False
    j = before[-1] if before else words[0]
    said = {w for i in range(max(first, j - 3), j) for w in (lemmas[i].norm, tokens[i].norm)}
    return not said.isdisjoint(_WORKING) and not any(w.startswith(_OFFICIAL) for w in said)


_OFFICIAL = (
    "official",
    "state",
    "authentic",
    "офіційн",
    "державн",
    "автентичн",
    "официальн",
    "государствен",
    "аутентичн",
)
