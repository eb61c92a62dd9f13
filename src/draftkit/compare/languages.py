"""Language versions (issue 15 item 5): two equally authentic texts of one agreement, in two
languages, aligned and checked as a treaty section does before signature.

Input: two drafts and their languages ("en", "uk", "ru"). Output: a `LanguageComparison` —
every provision of both versions either paired (1:1, or a split/merge: one version's point
made two in the other) or present in one version only, and the discrepancies of the pairs:

- `number`: a quantity that differs (60 km ≠ 50 км), compared as values ("1,200" = "1 200",
  "4.5" = "4,5"), dates left out;
- `date`: a calendar date that differs (1 March ≠ 1 квітня; "15 January 2027" = "15.01.2027");
- `shorter`: a counterpart far shorter than the translation's usual length ratio predicts
  (a clause of substance dropped);
- `missing`: a provision with no counterpart in the other version.

Alignment is by structure first: within each pair of parents, children are aligned in order by
a dynamic programme (1:1, 1:2, 2:1, 1:0, 0:1 steps, banded on long lists) scored by what
survives translation — the label (3 = 3, (a) = а)), the kind, the length (scaled by the two
texts' overall ratio), numbers and dates, names (by their consonant skeleton: Veloria =
Велорія) and concepts from a lexicon of the taxonomy's terms in EN/UK/RU (lexicon.json).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

from draftkit.compare.engine import front_units
from draftkit.compare.flat import ROOT, Flat
from draftkit.compare.lemmas import language_of
from draftkit.compare.lexicon import LANGUAGES, concepts
from draftkit.errors import UsageError
from draftkit.model import Draft, Provision
from draftkit.records import record

DiscrepancyKind = Literal["missing", "number", "date", "shorter"]

# Weights of the pair score (sum 1 without the label; the label can add LABEL_WEIGHT).
LENGTH_WEIGHT = 0.35
EVIDENCE_WEIGHT = 0.65
LABEL_WEIGHT = 0.15
PART_FOUND = 0.5  # a split's part has at least this share of its evidence in the whole
KIND_MISMATCH = 0.3  # an article against a point: taken off
PAIR_THRESHOLD = 0.3  # a pair scoring below this is worse than one provision missing on each side
SHORTER = 0.8  # a counterpart below this share of its expected length is "far shorter" …
RERUN_RATIO = 0.05  # the alignment is run again when the pairs' ratio differs by this share
RATIO_MIN_CHARS = 40  # (the expected length ratio is the median over pairs this long)
SHORTER_MIN_CHARS = 60  # … when the longer text has at least this many letters
BAND = 12  # long sibling lists: the DP keeps within this many places of the diagonal
FULL_CELLS = 4_096


@record
class Counterpart:
    """Provisions of version A and their counterparts in version B (one each, or a split)."""

    a: tuple[str, ...]  # citations ("Article 3(2)")
    b: tuple[str, ...]
    a_eids: tuple[str, ...]
    b_eids: tuple[str, ...]
    score: float  # 0–1.25: how well structure and evidence agree


@record
class Discrepancy:
    """One thing a treaty section must look at: a provision missing, a number, a date or a
    length that does not match."""

    kind: DiscrepancyKind
    a: str | None  # citation in version A (None: the provision exists only in B)
    b: str | None
    detail: str
    a_values: tuple[str, ...] = ()
    b_values: tuple[str, ...] = ()


@record
class LanguageComparison:
    """Two language versions aligned, with their discrepancies in version A's order."""

    languages: tuple[str, str]
    a: Draft
    b: Draft
    pairs: tuple[Counterpart, ...]
    only_in_a: tuple[str, ...]
    only_in_b: tuple[str, ...]
    discrepancies: tuple[Discrepancy, ...]
    length_ratio: float  # letters of B per letter of A over the paired provisions
    warnings: tuple[str, ...] = ()  # a version that reads as another language than named


# -- evidence ---------------------------------------------------------------------------

_MONTHS = {
    "en": "january february march april may june july august september october november december",
    "uk": "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
}
_MONTH_OF = {name: k for names in _MONTHS.values() for k, name in enumerate(names.split(), start=1)}
_DAY_MONTH_YEAR = re.compile(
    r"(?<!\d)(\d{1,2})\s+(" + "|".join(sorted(_MONTH_OF, key=len, reverse=True)) + r")(?:\s+(\d{4}))?(?!\w)",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d|\.\d)")
_NUMBER = {
    # English: 1,200 and 4.5; Ukrainian and Russian: 1 200 and 4,5.
    "en": re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|(?<![\w.,])\d+(?:\.\d+)?(?!\d)"),
    "uk": re.compile(
        r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?!\d)|(?<![\w.,])\d+(?:,\d+)?(?!\d)"
    ),
}
_NUMBER["ru"] = _NUMBER["uk"]
# A scale word after a number ("600 thousand", "600 тыс. человек", "2 млн"): the value is
# the product, so "600,000" and "600 тыс." are one number (found on the published Russian
# rendering of the 28-point plan in ../shared/realtexts, which read as 600 ≠ 600000).
_SCALE = re.compile(
    r"\s*(thousand|million|billion|тыс\.?|тысяч\w*|тис\.?|тисяч\w*|млн\.?|миллион\w*|мільйон\w*"
    r"|млрд\.?|миллиард\w*|мільярд\w*)(?!\w)",
    re.IGNORECASE,
)
_BILLION = ("bi", "млрд", "миллиард", "мільярд")
_MILLION = ("mi", "млн", "миллион", "мільйон")


def _scale(word: str) -> int:
    word = word.lower()
    return 1_000_000_000 if word.startswith(_BILLION) else 1_000_000 if word.startswith(_MILLION) else 1_000


_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_NAME = re.compile(
    r"(?<![.!?:;«\"]\s)(?<!^)(?<![«\"])\b([A-Z\u0400-\u042f\u0404\u0406\u0407\u0490][\w’'-]{2,})"
)
_TRANSLIT = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "є": "e", "ж": "zh",
        "з": "z", "и": "i", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
        "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "sch", "ь": "", "ъ": "", "ы": "i", "э": "e", "ю": "u", "я": "a",
        "ё": "e", "’": "", "'": "",
    }
)  # fmt: skip


def _name_key(word: str) -> str:
    """A name's consonant skeleton, the same across scripts and case endings: "Veloria",
    "Велорія", "Велории" → "vlr"; "Halvern", "Гальверні" → "glv"."""
    latin = word.lower().translate(_TRANSLIT)
    latin = latin.replace("h", "g").replace("c", "k").replace("w", "v").replace("y", "i")
    consonants = [c for c in latin if c.isalpha() and c not in "aeiou"]
    # Doubled letters are one sound ("Mission" = "Місія", "Marren" = "Маррен").
    single = [c for k, c in enumerate(consonants) if k == 0 or c != consonants[k - 1]]
    return "@" + "".join(single[:3])


@record
class _Facts:
    """What one provision says that survives translation."""

    letters: int
    numbers: tuple[str, ...]  # values, dates left out ("1200", "4.5")
    dates: tuple[str, ...]  # "2028-03-01" ("--03-01" without a year)
    evidence: dict[str, float]  # normalised weights of numbers, dates, names, concepts, topics


def _facts(text: str, lang: str) -> _Facts:
    dates: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in _DAY_MONTH_YEAR.finditer(text):
        year = m.group(3) or ""
        dates.append(f"{year}-{_MONTH_OF[m.group(2).lower()]:02d}-{int(m.group(1)):02d}")
        spans.append(m.span())
    for m in _NUMERIC_DATE.finditer(text):
        dates.append(f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}")
        spans.append(m.span())
    numbers: list[str] = []
    for m in _NUMBER[lang].finditer(text):
        if any(start <= m.start() < end for start, end in spans):
            continue
        raw = m.group(0)
        if lang == "en":
            value = raw.replace(",", "")
        else:
            value = re.sub(r"[ \u00a0\u202f]", "", raw).replace(",", ".")
        if scale := _SCALE.match(text, m.end()):
            product = float(value) * _scale(scale.group(1))
            value = str(int(product)) if product.is_integer() else f"{product:g}"
        numbers.append(value)
    bag: Counter[str] = Counter("#" + n for n in numbers)
    bag.update("^" + d for d in dates)
    # A date that differs in one part still marks the same slot ("1 March 2027" / "1 квітня
    # 2027 року" is one deadline, changed): its year and its day are weaker evidence.
    bag.update(f"~{d[:4]}" for d in dates if d[:4] != "-" * 4)
    bag.update(f"~{d[-2:]}" for d in dates)
    bag.update(_name_key(m.group(1)) for m in _NAME.finditer(text) if m.group(1).lower() not in _MONTH_OF)
    words = [w.lower() for w in _WORD.findall(text)]
    bag.update("$" + c for c in concepts(text, lang))
    weights = {
        k: (1 + math.log(n)) * (2.0 if k[0] in "#^" else 1.5 if k[0] == "@" else 1.0) for k, n in bag.items()
    }
    norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
    letters = sum(len(w) for w in words)
    return _Facts(
        letters, tuple(sorted(numbers)), tuple(sorted(dates)), {k: v / norm for k, v in weights.items()}
    )


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(v * large.get(k, 0.0) for k, v in small.items())


# -- labels ---------------------------------------------------------------------------

_LIST_LETTERS = {
    "en": "abcdefghijklmnopqrstuvwxyz",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщюя",
    "ru": "абвгдежзиклмнопрстуфхцчшщэюя",
}


def _label(num: str | None, lang: str) -> str | None:
    """A label's value across languages: "Article 3" = "Стаття 3" = "3"; "(a)" = "а)" = "1"."""
    if num is None:
        return None
    digits = re.findall(r"\d+", num)
    if digits:
        return ".".join(str(int(d)) for d in digits)
    letters = re.sub(r"[^\w]", "", num.lower())
    alphabet = _LIST_LETTERS.get(lang, "")
    if len(letters) == 1 and letters in alphabet:
        return f"({alphabet.index(letters) + 1})"
    if len(letters) == 1 and letters in _LIST_LETTERS["en"]:
        return f"({_LIST_LETTERS['en'].index(letters) + 1})"
    return letters or None


# -- alignment ----------------------------------------------------------------------------


class _Side:
    def __init__(self, draft: Draft, lang: str) -> None:
        self.flat = Flat.of(draft)
        self.lang = lang
        self.facts = [_facts(self._text(p), lang) for p in self.flat.nodes]
        self.labels = [_label(p.num, lang) for p in self.flat.nodes]

    @staticmethod
    def _text(provision: Provision) -> str:
        return f"{provision.heading}\n{provision.text}" if provision.heading else provision.text


class _LanguageAligner:
    def __init__(self, a: _Side, b: _Side, ratio: float | None = None) -> None:
        self.a, self.b = a, b
        # Letters of B per letter of A: over the whole texts unless given (the pairs' median).
        total_a = sum(f.letters for f in a.facts) or 1
        total_b = sum(f.letters for f in b.facts) or 1
        self.ratio = ratio or total_b / total_a
        self.groups: list[tuple[tuple[int, ...], tuple[int, ...], float]] = []

    def run(self) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
        queue: list[tuple[tuple[int, ...], tuple[int, ...]]] = [((ROOT,), (ROOT,))]
        while queue:
            olds, news = queue.pop()
            kids_a = [c for o in olds for c in self.a.flat.children[o]]
            kids_b = [c for n in news for c in self.b.flat.children[n]]
            if kids_a and kids_b:
                for group in self._dp(kids_a, kids_b):
                    self.groups.append(group)
                    queue.append((group[0], group[1]))
        return self.groups

    def _score(self, olds: Sequence[int], news: Sequence[int]) -> float:
        fa = [self.a.facts[i] for i in olds]
        fb = [self.b.facts[j] for j in news]
        letters_a = sum(f.letters for f in fa) * self.ratio
        letters_b = sum(f.letters for f in fb)
        # Two bare labels ("Article 4" with no heading): their children decide.
        length = min(letters_a, letters_b) / max(letters_a, letters_b) if letters_a or letters_b else 1.0
        evidence = _cosine(_merged([f.evidence for f in fa]), _merged([f.evidence for f in fb]))
        if not fa[0].evidence and not fb[0].evidence:
            evidence = 0.5  # nothing to compare: neither for nor against
        score = LENGTH_WEIGHT * length + EVIDENCE_WEIGHT * evidence
        label_a, label_b = self.a.labels[olds[0]], self.b.labels[news[0]]
        if label_a is not None and label_a == label_b:
            score += LABEL_WEIGHT
        if self.a.flat.nodes[olds[0]].kind != self.b.flat.nodes[news[0]].kind:
            score -= KIND_MISMATCH
        return score

    def _dp(self, seg_a: list[int], seg_b: list[int]) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
        n, m = len(seg_a), len(seg_b)
        if n * m <= FULL_CELLS:
            rows = [(0, m)] * (n + 1)
        else:
            rows = [(max(0, x * m // n - BAND), min(m, -(-(x + 1) * m // n) + BAND)) for x in range(n + 1)]
        neg = float("-inf")
        score: dict[tuple[int, int], float] = {(0, 0): 0.0}
        move: dict[tuple[int, int], tuple[int, int, float]] = {}
        t = PAIR_THRESHOLD
        for x in range(n + 1):
            low, high = rows[x]
            for y in range(low, high + 1):
                base = score.get((x, y), neg)
                if base == neg:
                    continue
                steps: list[tuple[int, int, float, float]] = []
                if x < n:
                    steps.append((1, 0, 0.0, 0.0))
                if y < m:
                    steps.append((0, 1, 0.0, 0.0))
                if x < n and y < m:
                    s = self._score(seg_a[x : x + 1], seg_b[y : y + 1])
                    steps.append((1, 1, (s - t) * 2, s))
                    # A split or merge only where the lengths say so (cheap), then the evidence.
                    la, lb = self.a.facts[seg_a[x]].letters * self.ratio, self.b.facts[seg_b[y]].letters
                    if (
                        y + 1 < m
                        and abs(la - lb - self.b.facts[seg_b[y + 1]].letters) < abs(la - lb)
                        and self._parts_found(seg_b[y : y + 2], self.b, seg_a[x], self.a)
                    ):
                        s = self._score(seg_a[x : x + 1], seg_b[y : y + 2])
                        steps.append((1, 2, (s - t) * 3 - t, s))
                    if (
                        x + 1 < n
                        and abs(la + self.a.facts[seg_a[x + 1]].letters * self.ratio - lb) < abs(la - lb)
                        and self._parts_found(seg_a[x : x + 2], self.a, seg_b[y], self.b)
                    ):
                        s = self._score(seg_a[x : x + 2], seg_b[y : y + 1])
                        steps.append((2, 1, (s - t) * 3 - t, s))
                for dx, dy, gain, s in steps:
                    cell = (x + dx, y + dy)
                    if base + gain > score.get(cell, neg):
                        score[cell] = base + gain
                        move[cell] = (dx, dy, s)
        out: list[tuple[tuple[int, ...], tuple[int, ...], float]] = []
        x, y = n, m
        while x or y:
            dx, dy, s = move[(x, y)]
            if dx and dy:
                out.append((tuple(seg_a[x - dx : x]), tuple(seg_b[y - dy : y]), s))
            x, y = x - dx, y - dy
        return out[::-1]

    @staticmethod
    def _parts_found(parts: Sequence[int], side: _Side, whole: int, other: _Side) -> bool:
        """Whether two leaves can be the parts of `whole` split: each has evidence, and most
        of it (by weight) is found in the whole — a provision missing in one version is not
        a part of its neighbour."""
        if any(side.flat.children[k] for k in parts):
            return False
        found = other.facts[whole].evidence
        for k in parts:
            bag = side.facts[k].evidence
            total = sum(bag.values())
            if not total or sum(v for key, v in bag.items() if key in found) < PART_FOUND * total:
                return False
            # Numbers and dates survive translation: a part's own are all in the whole.
            if any(key[0] in "#^" and key not in found for key in bag):
                return False
        return True


def _merged(bags: list[dict[str, float]]) -> dict[str, float]:
    if len(bags) == 1:
        return bags[0]
    out: dict[str, float] = {}
    for bag in bags:
        for k, v in bag.items():
            out[k] = out.get(k, 0.0) + v
    norm = math.sqrt(sum(v * v for v in out.values())) or 1.0
    return {k: v / norm for k, v in out.items()}


# -- discrepancies ---------------------------------------------------------------------


def _differences(
    a: _Side, b: _Side, olds: tuple[int, ...], news: tuple[int, ...], ratio: float
) -> list[Discrepancy]:
    cite_a = " + ".join(a.flat.cites[i] for i in olds)
    cite_b = " + ".join(b.flat.cites[j] for j in news)
    out: list[Discrepancy] = []
    for kind, field in (("number", "numbers"), ("date", "dates")):
        values_a = Counter(v for i in olds for v in getattr(a.facts[i], field))
        values_b = Counter(v for j in news for v in getattr(b.facts[j], field))
        if values_a != values_b:
            only_a = tuple(sorted((values_a - values_b).elements()))
            only_b = tuple(sorted((values_b - values_a).elements()))
            detail = f"{', '.join(only_a) or '—'} ({a.lang}) vs {', '.join(only_b) or '—'} ({b.lang})"
            out.append(Discrepancy(kind, cite_a, cite_b, detail, only_a, only_b))  # type: ignore[arg-type]
    letters_a = sum(a.facts[i].letters for i in olds)
    letters_b = sum(b.facts[j].letters for j in news)
    expected_b = letters_a * ratio
    if max(letters_a, letters_b) >= SHORTER_MIN_CHARS and expected_b and letters_b:
        share = letters_b / expected_b
        # Far shorter, and short of substance: a concept of the longer text is not in the
        # shorter one (a translation's own wordiness loses none; numbers and dates that
        # differ are reported as such).
        keys_a = {k for i in olds for k in a.facts[i].evidence if k[0] == "$"}
        keys_b = {k for j in news for k in b.facts[j].evidence if k[0] == "$"}
        if (share < SHORTER and keys_a - keys_b) or (share > 1 / SHORTER and keys_b - keys_a):
            shorter = b.lang if share < 1 else a.lang
            part = share if share < 1 else 1 / share
            lacks = ", ".join(k[1:] for k in sorted(keys_a - keys_b if share < 1 else keys_b - keys_a))
            detail = (
                f"the {shorter} text is {part:.0%} of the length the other predicts "
                f"({letters_a} vs {letters_b} letters) and lacks: {lacks}"
            )
            out.append(Discrepancy("shorter", cite_a, cite_b, detail))
    return out


def _median_ratio(
    a: _Side, b: _Side, groups: list[tuple[tuple[int, ...], tuple[int, ...], float]]
) -> float | None:
    """The median of the pairs' length ratios (pairs of some length only), or None."""
    ratios = []
    for olds, news, _ in groups:
        letters_a = sum(a.facts[i].letters for i in olds)
        letters_b = sum(b.facts[j].letters for j in news)
        if min(letters_a, letters_b) >= RATIO_MIN_CHARS:
            ratios.append(letters_b / letters_a)
    return sorted(ratios)[len(ratios) // 2] if ratios else None


def compare_languages(a: Draft, b: Draft, languages: tuple[str, str]) -> LanguageComparison:
    """Align two language versions of one agreement and report their discrepancies:
    provisions missing in one version, numbers and dates that differ, counterparts far
    shorter. `languages`: the versions' languages, e.g. ("en", "uk")."""
    for lang in languages:
        if lang not in LANGUAGES:
            raise UsageError(f"unknown language {lang!r}: draftkit compares {', '.join(LANGUAGES)}")
    if languages[0] == languages[1]:
        raise UsageError(f"two versions in one language ({languages[0]}): compare them with diff")
    lang_a, lang_b = languages
    pairs: list[Counterpart] = []
    discrepancies: list[tuple[int, int, Discrepancy]] = []
    only_a: list[str] = []
    only_b: list[str] = []
    ratios: list[float] = []
    # Front units (title, recitals) and the body are aligned apart, as compare() does.
    for part, (draft_a, draft_b) in enumerate(
        (
            (replace(a, provisions=front_units(a)), replace(b, provisions=front_units(b))),
            (a, b),
        )
    ):
        side_a, side_b = _Side(draft_a, lang_a), _Side(draft_b, lang_b)
        aligner = _LanguageAligner(side_a, side_b)
        groups = sorted(aligner.run())
        ratio = _median_ratio(side_a, side_b, groups) or aligner.ratio
        # Once more with the pairs' own length ratio when it differs: a provision missing in
        # one version biased the whole texts' ratio.
        if abs(ratio - aligner.ratio) > RERUN_RATIO * aligner.ratio:
            aligner = _LanguageAligner(side_a, side_b, ratio)
            groups = sorted(aligner.run())
        ratios.append(ratio)
        paired_a = {i for olds, _, _ in groups for i in olds}
        paired_b = {j for _, news, _ in groups for j in news}
        for olds, news, score in groups:
            pairs.append(
                Counterpart(
                    tuple(side_a.flat.cites[i] for i in olds),
                    tuple(side_b.flat.cites[j] for j in news),
                    tuple(side_a.flat.nodes[i].eid for i in olds),
                    tuple(side_b.flat.nodes[j].eid for j in news),
                    round(score, 4),
                )
            )
            for found in _differences(side_a, side_b, olds, news, ratio):
                discrepancies.append((part, olds[0], found))
        for i, cite in enumerate(side_a.flat.cites):
            if i not in paired_a:
                only_a.append(cite)
                discrepancies.append(
                    (part, i, Discrepancy("missing", cite, None, f"{cite} has no counterpart in {lang_b}"))
                )
        for j, cite in enumerate(side_b.flat.cites):
            if j not in paired_b:
                only_b.append(cite)
                at = max((olds[-1] for olds, news, _ in groups if news[0] < j), default=-1)
                discrepancies.append(
                    (part, at, Discrepancy("missing", None, cite, f"{cite} has no counterpart in {lang_a}"))
                )
    ordered = [d for _, _, d in sorted(discrepancies, key=lambda item: (item[0], item[1]))]
    warnings = []
    for name, draft, lang in (("A", a, lang_a), ("B", b, lang_b)):
        sample = " ".join(p.text for p in draft.walk())[:20_000]
        read_as = language_of(sample) if sample.strip() else lang
        if read_as != lang:
            warnings.append(f"version {name} is named {lang} but reads as {read_as}: check --languages")
    return LanguageComparison(
        (lang_a, lang_b),
        a,
        b,
        tuple(pairs),
        tuple(only_a),
        tuple(only_b),
        tuple(ordered),
        round(ratios[-1], 4),
        tuple(warnings),
    )
