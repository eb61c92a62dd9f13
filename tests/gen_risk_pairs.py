"""Labelled draft pairs for the risk flags: one known edit per pair, with the truth recorded.

Each pair is a small framework draft (four to six articles, each article in one risk
category, two to four paragraphs written the way such texts are written) and a copy with
exactly one edit:

* substantive edits in a known category — obligation weakened or strengthened, negation
  added or removed, a number, deadline or date changed, a place renamed, a condition or
  exception added or removed, recognition wording swapped, a duration made permanent or
  temporary, a whole paragraph added or deleted — plus edits that should come out medium
  at most (brackets, small scope words);
* cosmetic edits — white space, spelling variants (recognise/recognize, ’/'),
  punctuation, number formatting, a pure move of a paragraph, pure renumbering.

English drafts, and Ukrainian and Russian ones for the military, territory, humanitarian
and security categories. `generate(n, seed)` is deterministic; `benchmarks/risk_accuracy.py`
runs draftkit over the pairs and prints the two accuracy figures of the issue.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass

Lang = str  # "en", "uk", "ru"

HEADINGS: dict[str, dict[Lang, tuple[str, ...]]] = {
    "territory": {
        "en": (
            "Territorial Arrangements",
            "Line of Contact and Demilitarized Zone",
            "Status of the Contested Areas",
        ),
        "uk": ("Територіальні питання",),
        "ru": ("Территориальные вопросы",),
    },
    "security_guarantees": {
        "en": ("Security Guarantees", "Guarantees of Security"),
        "uk": ("Гарантії безпеки",),
        "ru": ("Гарантии безопасности",),
    },
    "military_deescalation": {
        "en": ("Ceasefire and Disengagement", "Withdrawal of Heavy Weapons", "Monitoring and Verification"),
        "uk": ("Відведення важкого озброєння",),
        "ru": ("Отвод тяжелого вооружения",),
    },
    "aid_reconstruction": {"en": ("Reconstruction and Recovery", "Reconstruction Fund")},
    "sanctions": {"en": ("Sanctions", "Sanctions Relief")},
    "humanitarian": {
        "en": ("Humanitarian Matters", "Prisoners and Detainees"),
        "uk": ("Гуманітарні питання",),
        "ru": ("Гуманитарные вопросы",),
    },
    "political": {"en": ("Elections and Language Rights", "Political Provisions")},
    "justice": {"en": ("Amnesty and Accountability", "Transitional Justice")},
    "implementation": {"en": ("Implementation", "Entry into Force and Final Provisions")},
}

TEMPLATES: dict[str, dict[Lang, tuple[str, ...]]] = {
    "territory": {
        "en": (
            "The Parties shall respect the territorial integrity of the Kessel Valley within its "
            "administrative "
            "boundaries.",
            "The administrative boundary line shall follow the line of contact between the town of Marren "
            "and the "
            "village of Hollin, as described in Annex I.",
            "Nothing in this Agreement shall be construed as recognition de jure of any change in the "
            "status of the "
            "contested areas.",
            "The future status of the Kessel Valley shall be determined by a referendum held not earlier "
            "than five "
            "years after the entry into force of this Agreement.",
            "A demilitarized zone with a total width of 20 km shall be established along the line of "
            "contact.",
            "The Parties shall not alter the boundaries of the Donetsk Oblast and the Luhansk Oblast "
            "pending a final "
            "settlement.",
            "The Parties recognise the administrative boundary line as the line of separation until a final "
            "settlement of the status of the territories.",
        ),
        "uk": (
            "Сторони зобов'язуються не змінювати кордони демілітаризованої зони протягом 5 років.",
            "Статус територій визначається на референдумі не раніше ніж через 5 років після набрання "
            "чинності "
            "цією Угодою.",
            "Адміністративна межа проходить по лінії розмежування між селом Голлін і містом Маррен.",
        ),
        "ru": (
            "Стороны обязуются не изменять границы демилитаризованной зоны в течение 5 лет.",
            "Статус территорий определяется на референдуме не ранее чем через 5 лет после вступления в силу "
            "настоящего Соглашения.",
            "Административная граница проходит по линии разграничения между селом Голлин и городом Маррен.",
        ),
    },
    "security_guarantees": {
        "en": (
            "In the event of an armed attack against either Party, the Guarantors shall hold consultations "
            "within 72 "
            "hours.",
            "The Guarantors shall provide military assistance to the Party that is the victim of an armed "
            "attack.",
            "Neither Party shall seek membership in any military alliance during the period of this "
            "Agreement.",
            "The Guarantors undertake to respond jointly to a violation of this Agreement that threatens "
            "the security "
            "of either Party.",
            "The security guarantees under this Article shall remain in force for a period of 10 years.",
            "The Guarantors shall convene the Security Council of the United Nations if an armed attack "
            "occurs.",
        ),
        "uk": (
            "У разі збройного нападу на одну із Сторін гаранти зобов'язуються провести консультації "
            "протягом 72 "
            "годин.",
            "Гаранти зобов'язуються надати гарантії безпеки строком на 10 років.",
            "Жодна із Сторін не вступає до військових альянсів протягом дії цієї Угоди.",
        ),
        "ru": (
            "В случае вооруженного нападения на одну из Сторон гаранты обязуются провести консультации в "
            "течение 72 "
            "часов.",
            "Гаранты обязуются предоставить гарантии безопасности сроком на 10 лет.",
            "Ни одна из Сторон не вступает в военные альянсы в течение срока действия настоящего Соглашения.",
        ),
    },
    "military_deescalation": {
        "en": (
            "Each Party shall withdraw its heavy weapons to a distance of not less than 25 km within 45 "
            "days.",
            "Each Party shall withdraw its forces to a distance of 15 km from the line of contact within 30 "
            "days "
            "of the entry into force of this Agreement.",
            "Artillery systems of calibre 100 mm and above shall be withdrawn to designated storage sites.",
            "The Monitoring Mission shall have unrestricted access to all storage sites at all times.",
            "The Parties shall cease all offensive military operations with effect from 1 March 2026.",
            "Each Party shall notify the Monitoring Mission of any movement of troops exceeding 500 "
            "personnel.",
            "The Parties shall not deploy naval vessels or armed boats within 10 km of the ceasefire line.",
            "The Monitoring Mission may use unmanned aerial vehicles and satellite imagery for verification.",
        ),
        "uk": (
            "Сторони зобов'язуються відвести важке озброєння на відстань не менше 25 км протягом 30 днів.",
            "Сторони зобов'язуються відвести свої сили на відстань 15 км від лінії зіткнення протягом 30 "
            "днів.",
            "Сторони не розміщують артилерійські системи калібру 100 мм і більше в межах 15 км від лінії "
            "розмежування.",
            "Моніторингова місія може використовувати безпілотні літальні апарати для верифікації відведення "
            "озброєнь.",
        ),
        "ru": (
            "Стороны обязуются отвести тяжелое вооружение на расстояние не менее 25 км в течение 30 дней.",
            "Стороны обязуются отвести свои силы на расстояние 15 км от линии соприкосновения в течение 30 "
            "дней.",
            "Стороны не размещают артиллерийские системы калибра 100 мм и более в пределах 15 км от линии "
            "соприкосновения.",
            "Мониторинговая миссия может использовать беспилотные летательные аппараты для верификации "
            "отвода "
            "вооружений.",
        ),
    },
    "aid_reconstruction": {
        "en": (
            "The Reconstruction Fund shall be established with an initial capitalisation of EUR 40 billion.",
            "The Guarantors shall transfer to the Reconstruction Fund not less than 30 per cent of the "
            "frozen assets "
            "held in their jurisdictions.",
            "Donor contributions to the Reconstruction Fund shall be disbursed within 90 days of approval "
            "by its board.",
            "The Parties may request grants and loans from the World Bank for the reconstruction of energy "
            "infrastructure.",
            "Compensation for destroyed housing shall be paid from the Reconstruction Fund within two years.",
        ),
    },
    "sanctions": {
        "en": (
            "The Guarantors shall lift the sanctions imposed in connection with the hostilities in three "
            "phases over "
            "a period of 24 months.",
            "Any sanctions lifted under this Article shall be reimposed if the Guarantors determine that a "
            "material "
            "breach has occurred.",
            "The Guarantors shall suspend the export controls on civilian aircraft parts within 30 days.",
            "The Guarantors may ease restrictive measures on the banking sector, provided that the sanctions "
            "committee so recommends.",
            "Sanctions relief under this Article shall apply to all sectors listed in the sanctions "
            "regulations.",
        ),
    },
    "humanitarian": {
        "en": (
            "The Parties shall release all prisoners of war on the basis of all for all within 30 days.",
            "The Parties shall facilitate the return of all deported children to their families.",
            "The International Committee of the Red Cross shall have unimpeded access to all detainees.",
            "The Parties shall exchange the mortal remains of persons killed in the hostilities within 60 "
            "days.",
            "Internally displaced persons may return voluntarily to their homes in safety and dignity.",
        ),
        "uk": (
            "Сторони зобов'язуються звільнити всіх полонених за принципом всіх на всіх протягом 30 днів.",
            "Сторони зобов'язуються сприяти поверненню депортованих дітей до їхніх родин.",
            "Сторони не перешкоджають доступу гуманітарних організацій до цивільного населення.",
        ),
        "ru": (
            "Стороны обязуются освободить всех пленных по принципу всех на всех в течение 30 дней.",
            "Стороны обязуются содействовать возвращению депортированных детей в их семьи.",
            "Стороны не препятствуют доступу гуманитарных организаций к мирному населению.",
        ),
    },
    "political": {
        "en": (
            "Local elections shall be held within 180 days under the observation of the OSCE.",
            "Each Party shall guarantee the right of persons belonging to linguistic minorities to use their "
            "language in education and the media.",
            "A constitutional reform providing for decentralisation shall be adopted by 31 December 2026.",
            "Political parties may participate in the local elections on equal terms.",
        ),
    },
    "justice": {
        "en": (
            "The Parties shall grant an amnesty to all persons for acts committed in connection with the "
            "hostilities.",
            "Persons suspected of war crimes shall be prosecuted before the International Criminal Court.",
            "A truth commission shall document crimes against humanity committed during the hostilities "
            "within 12 "
            "months.",
            "The amnesty shall not apply to war crimes, crimes against humanity or genocide.",
        ),
    },
    "implementation": {
        "en": (
            "This Agreement shall enter into force on the date of its signature by the Parties.",
            "The Joint Commission shall meet at least once a month and shall take its decisions by "
            "consensus.",
            "Disputes concerning the implementation of this Agreement shall be referred to the Joint "
            "Commission "
            "within 15 days.",
            "The Parties shall ratify this Agreement within 60 days of its signature.",
        ),
    },
}

ARTICLE_WORD = {"en": "Article", "uk": "Стаття", "ru": "Статья"}
TITLE = {
    "en": "FRAMEWORK AGREEMENT ON THE CESSATION OF HOSTILITIES",
    "uk": "РАМКОВА УГОДА ПРО ПРИПИНЕННЯ ВОГНЮ",
    "ru": "РАМОЧНОЕ СОГЛАШЕНИЕ О ПРЕКРАЩЕНИИ ОГНЯ",
}

# ---------------------------------------------------------------------------------------------
# A draft as data: articles of paragraphs, turned into text at the end.


@dataclass
class Article:
    category: str
    heading: str
    paragraphs: list[str]


@dataclass(frozen=True)
class Truth:
    """What the edit was: kind, whether only cosmetic, its category, whether it is high-risk,
    the language, and the citation of the edited provision (new draft; old for deletions)."""

    edit: str
    cosmetic: bool
    category: str | None
    high_risk: bool
    lang: Lang
    cite: str | None


@dataclass(frozen=True)
class LabelledPair:
    """Old and new draft texts and the truth about the one edit between them."""

    name: str
    old: str
    new: str
    truth: Truth


def render(articles: list[Article], lang: Lang, first_number: int = 1) -> str:
    """Draft text: title, then 'Article N — Heading' and numbered paragraphs."""
    lines = [TITLE[lang], ""]
    for k, article in enumerate(articles):
        lines.append(f"{ARTICLE_WORD[lang]} {first_number + k} — {article.heading}")
        lines.append("")
        for n, paragraph in enumerate(article.paragraphs, start=1):
            lines.append(f"{n}. {paragraph}")
        lines.append("")
    return "\n".join(lines)


def _draft(rng: random.Random, lang: Lang) -> list[Article]:
    categories = [c for c in TEMPLATES if lang in TEMPLATES[c]]
    count = min(len(categories), rng.randint(4, 6))
    chosen = rng.sample(categories, count)
    articles: list[Article] = []
    for category in chosen:
        pool = list(TEMPLATES[category][lang])
        rng.shuffle(pool)
        take = min(len(pool), rng.randint(2, 4))
        articles.append(Article(category, rng.choice(HEADINGS[category][lang]), pool[:take]))
    return articles


# ---------------------------------------------------------------------------------------------
# Edits of one paragraph's text: each returns the new text, or None when it does not apply.

TextEdit = Callable[[str, random.Random], str | None]


def _sub_once(pattern: str, repl: str, text: str, flags: int = 0) -> str | None:
    new, n = re.subn(pattern, repl, text, count=1, flags=flags)
    return new if n else None


def obligation_weakened(text: str, rng: random.Random) -> str | None:
    """shall → may / will endeavour to / should; зобов'язуються → можуть; обязуются → могут."""
    if re.search(r"\bshall not\b|\bNeither\b|\bNothing\b", text):
        return None
    weaker = rng.choice(["may", "will endeavour to", "should"])
    return (
        _sub_once(r"\bshall\b(?! be construed)", weaker, text)
        or _sub_once(r"\bundertake to\b", "will endeavour to", text)
        or _sub_once(r"зобов'язуються ", "можуть ", text)
        or _sub_once(r"обязуются ", "могут ", text)
    )


def obligation_strengthened(text: str, rng: random.Random) -> str | None:
    """may → shall; можуть/може → зобов'язуються; может → обязуется."""
    return (
        _sub_once(r"\bmay\b", rng.choice(["shall", "must"]), text)
        or _sub_once(r"\bможе\b", "зобов'язується", text)
        or _sub_once(r"\bможет\b", "обязуется", text)
    )


def negation_added(text: str, rng: random.Random) -> str | None:
    """shall withdraw → shall not withdraw; зобов'язуються → не зобов'язуються."""
    if re.search(r"\bnot\b|\bNeither\b|\bNothing\b|\bне\b|\bни\b", text, flags=re.IGNORECASE):
        return None
    return (
        _sub_once(
            r"\bshall\b(?= (?:withdraw|be|hold|provide|transfer|release|lift|grant|meet|suspend|facilitate|"
            r"exchange|have|cease|notify|follow|remain|enter|ratify|guarantee|convene|pay|document))",
            "shall not",
            text,
        )
        or _sub_once(r"\bmay\b", "may not", text)
        or _sub_once(r"зобов'язуються", "не зобов'язуються", text)
        or _sub_once(r"обязуются", "не обязуются", text)
        or _sub_once(r"\bможе\b", "не може", text)
        or _sub_once(r"\bможет\b", "не может", text)
    )


def negation_removed(text: str, rng: random.Random) -> str | None:
    """shall not deploy → shall deploy; не розміщують → розміщують; не размещают → размещают."""
    return (
        _sub_once(r"\bshall not\b", "shall", text)
        or _sub_once(r"^Nothing in this Agreement shall", "This Agreement shall", text)
        or _sub_once(r"\bне (розміщують|перешкоджають|змінювати|вступає)", r"\1", text)
        or _sub_once(r"\bне (размещают|препятствуют|изменять|вступает)", r"\1", text)
    )


_UNIT = r"(?:km|mm|personnel|per cent|billion|км|мм)"
_TIME = r"(?:hours|days|months|years|годин|днів|років|часов|дней|лет)"


def _scale(value: str, rng: random.Random) -> str:
    number = float(value.replace(",", ""))
    factor = rng.choice([0.5, 2.0, 1.5, 3.0, 0.6])
    new = max(1, round(number * factor))
    if new == number:
        new = int(number) + 5
    return f"{new:,}" if "," in value else str(new)


def number_changed(text: str, rng: random.Random) -> str | None:
    """A number with its unit scaled (15 km → 30 km; EUR 40 billion → EUR 20 billion; 30 per cent → 45)."""
    m = re.search(r"(\d[\d,]*) " + _UNIT, text)
    if not m:
        return None
    return text[: m.start(1)] + _scale(m.group(1), rng) + text[m.end(1) :]


def deadline_changed(text: str, rng: random.Random) -> str | None:
    """A duration changed (within 30 days → within 60 days; 72 годин → 36 годин)."""
    m = re.search(r"(\d+) " + _TIME, text)
    if not m:
        return None
    return text[: m.start(1)] + _scale(m.group(1), rng) + text[m.end(1) :]


def date_changed(text: str, rng: random.Random) -> str | None:
    """A date moved (1 March 2026 → 1 June 2026)."""
    m = re.search(r"(\d{1,2}) (March|December) (\d{4})", text)
    if not m:
        return None
    month = {"March": "June", "December": "September"}[m.group(2)]
    return text[: m.start()] + f"{m.group(1)} {month} {m.group(3)}" + text[m.end() :]


_PLACES = {
    "Marren": "Dunmar",
    "Hollin": "Brannow",
    "Kessel Valley": "Drava Corridor",
    "Donetsk Oblast": "Kherson Oblast",
    "Голлін": "Данмар",
    "Маррен": "Бранов",
    "Голлин": "Данмар",
}


def place_changed(text: str, rng: random.Random) -> str | None:
    """A place renamed (village of Hollin → village of Brannow; Donetsk Oblast → Kherson Oblast)."""
    names = [name for name in _PLACES if name in text]
    if not names:
        return None
    name = rng.choice(names)
    return text.replace(name, _PLACES[name], 1)


_CONDITIONS = {
    "en": (
        ", unless the Parties agree otherwise",
        ", provided that the ceasefire is observed",
        ", subject to the approval of the Joint Commission",
        ", if the Guarantors so decide",
    ),
    "uk": (", якщо Сторони не домовляться про інше", ", за умови дотримання режиму припинення вогню"),
    "ru": (", если Стороны не договорятся об ином", ", при условии соблюдения режима прекращения огня"),
}


def _lang(text: str) -> Lang:
    if re.search(r"[іїєґ']", text) or "зобов" in text:
        return "uk"
    if re.search(r"[а-яё]", text):
        return "ru"
    return "en"


def condition_added(text: str, rng: random.Random) -> str | None:
    """A condition appended before the final full stop."""
    if any(w in text for w in (" if ", "In the event", "provided that", "unless", "У разі", "В случае")):
        return None
    clause = rng.choice(_CONDITIONS[_lang(text)])
    return text[:-1] + clause + "." if text.endswith(".") else None


def condition_removed(text: str, rng: random.Random) -> str | None:
    """A condition taken out ("In the event of …, the Guarantors" → "The Guarantors")."""
    m = re.match(r"^(?:In the event of [^,]+|У разі [^,]+|В случае [^,]+), (\w)", text)
    if m:
        return m.group(1).upper() + text[m.end() :]
    return _sub_once(r" if [^,.]+(?=\.)", "", text) or _sub_once(r", provided that [^,.]+(?=\.)", "", text)


_EXCEPTIONS = {
    "en": (
        ", with the exception of the Monitoring Mission",
        ", except in self-defence",
        ", other than persons listed by the Joint Commission",
    ),
    "uk": (", за винятком моніторингової місії",),
    "ru": (", за исключением мониторинговой миссии",),
}


def exception_added(text: str, rng: random.Random) -> str | None:
    """An exception appended before the final full stop."""
    if any(w in text for w in ("except", "other than", "shall not apply", "винятком", "исключением")):
        return None
    clause = rng.choice(_EXCEPTIONS[_lang(text)])
    return text[:-1] + clause + "." if text.endswith(".") else None


def exception_removed(text: str, rng: random.Random) -> str | None:
    """An exclusion dropped from an amnesty ("…, other than war crimes" or a whole list item)."""
    return _sub_once(r", crimes against humanity or genocide", " or crimes against humanity", text)


def recognition_changed(text: str, rng: random.Random) -> str | None:
    """Recognition wording swapped (de jure → de facto; recognise → take note of)."""
    return _sub_once(r"de jure", "de facto", text) or _sub_once(r"\brecognise\b", "take note of", text)


def duration_changed(text: str, rng: random.Random) -> str | None:
    """A measure made permanent or temporary ("shall be withdrawn" → "shall be permanently withdrawn")."""
    word = rng.choice(["permanently", "temporarily"])
    return (
        _sub_once(r"\bshall (withdraw|be|cease|lift|suspend)\b", rf"shall {word} \1", text)
        or _sub_once(
            r"\bзобов'язуються (відвести|не змінювати|звільнити)",
            rf"зобов'язуються "
            rf"{'назавжди' if word == 'permanently' else 'тимчасово'} \1",
            text,
        )
        or _sub_once(
            r"\bобязуются (отвести|не изменять|освободить)",
            rf"обязуются "
            rf"{'навсегда' if word == 'permanently' else 'временно'} \1",
            text,
        )
    )


def brackets_added(text: str, rng: random.Random) -> str | None:
    """Unagreed words put in square brackets (medium at most: a negotiating marker)."""
    words = text.rstrip(".").split(" ")
    if len(words) < 6 or "[" in text:
        return None
    k = rng.randint(2, len(words) - 3)
    return " ".join(words[:k]) + " [" + " ".join(words[k : k + 2]) + "] " + " ".join(words[k + 2 :]) + "."


def all_removed(text: str, rng: random.Random) -> str | None:
    """'all' dropped (scope narrowed: medium at most on its own)."""
    return _sub_once(r"\ball (?=\w)", "", text)


# ---------------------------------------------------------------------------------------------
# Cosmetic edits of one paragraph's text.

_SPELLING = (
    ("recognise", "recognize"),
    ("capitalisation", "capitalization"),
    ("decentralisation", "decentralization"),
    ("defence", "defense"),
    ("calibre", "caliber"),
    ("organisations", "organizations"),
    ("endeavour", "endeavor"),
    ("kilometres", "kilometers"),
    ("programme", "program"),
    ("labour", "labor"),
    ("centre", "center"),
    ("зобов'язуються", "зобов’язуються"),
    ("тяжелое", "тяжёлое"),
)


def whitespace(text: str, rng: random.Random) -> str | None:
    """A double space, a tab or a non-breaking space between two words."""
    spaces = [m.start() for m in re.finditer(" ", text)]
    if not spaces:
        return None
    k = rng.choice(spaces)
    return text[:k] + rng.choice(["  ", "\t", "\u00a0", "   "]) + text[k + 1 :]


def spelling(text: str, rng: random.Random) -> str | None:
    """A British/American (or apostrophe, ё/е) spelling variant."""
    options = [(a, b) for a, b in _SPELLING if a in text and a != b] + [
        (b, a) for a, b in _SPELLING if b in text
    ]
    if not options:
        return None
    a, b = rng.choice(options)
    return text.replace(a, b, 1)


def punctuation(text: str, rng: random.Random) -> str | None:
    """A comma added or removed, a final full stop turned into a semicolon, quotes or dashes changed."""
    choices: list[str | None] = []
    if ", " in text:
        k = text.index(", ")
        choices.append(text[:k] + text[k + 1 :])
    words = text.split(" ")
    if len(words) > 6:
        k = rng.randint(2, len(words) - 3)
        if not words[k - 1].endswith(","):
            choices.append(" ".join(words[:k]) + ", " + " ".join(words[k:]))
    if text.endswith("."):
        choices.append(text[:-1] + ";")
    if "-" in text:
        choices.append(text.replace("-", "‑", 1))
    options = [c for c in choices if c is not None and c != text]
    return rng.choice(options) if options else None


def number_format(text: str, rng: random.Random) -> str | None:
    """The same number written another way: 600,000 ↔ 600 000; per cent ↔ %; five years ↔ 5 years."""
    for pattern, repl in (
        (r"(\d{1,3}),(\d{3})", r"\1 \2"),
        (r" per cent", "%"),
        (r"\bfive years\b", "5 years"),
        (r"\btwo years\b", "2 years"),
        (r"\bthree phases\b", "3 phases"),
        (r"\b(\d+) km\b", r"\1 kilometres"),
    ):
        new = _sub_once(pattern, repl, text)
        if new:
            return new
    return None


SUBSTANTIVE: dict[str, tuple[TextEdit, bool]] = {
    # name: (edit, high-risk)
    "obligation_weakened": (obligation_weakened, True),
    "obligation_strengthened": (obligation_strengthened, True),
    "negation_added": (negation_added, True),
    "negation_removed": (negation_removed, True),
    "number_changed": (number_changed, True),
    "deadline_changed": (deadline_changed, True),
    "date_changed": (date_changed, True),
    "place_changed": (place_changed, True),
    "condition_added": (condition_added, True),
    "condition_removed": (condition_removed, True),
    "exception_added": (exception_added, True),
    "exception_removed": (exception_removed, True),
    "recognition_changed": (recognition_changed, True),
    "duration_changed": (duration_changed, True),
    "brackets_added": (brackets_added, False),
    "all_removed": (all_removed, False),
}
COSMETIC: dict[str, TextEdit] = {
    "whitespace": whitespace,
    "spelling": spelling,
    "punctuation": punctuation,
    "number_format": number_format,
}
STRUCTURAL_SUBSTANTIVE = ("paragraph_added", "paragraph_deleted")
STRUCTURAL_COSMETIC = ("pure_move", "reorder", "renumbering")


def _cite(lang: Lang, article: int, paragraph: int | None = None) -> str:
    base = f"{ARTICLE_WORD[lang]} {article}"
    return base if paragraph is None else f"{base}({paragraph})"


def _pair_from(rng: random.Random, lang: Lang, edit: str) -> LabelledPair | None:
    articles = _draft(rng, lang)
    old = render(articles, lang)
    targets = [(a, p) for a in range(len(articles)) for p in range(len(articles[a].paragraphs))]
    rng.shuffle(targets)
    if edit in SUBSTANTIVE or edit in COSMETIC:
        func = SUBSTANTIVE[edit][0] if edit in SUBSTANTIVE else COSMETIC[edit]
        for a, p in targets:
            text = articles[a].paragraphs[p]
            new_text = func(text, rng)
            if new_text is None or new_text == text:
                continue
            articles[a].paragraphs[p] = new_text
            cosmetic = edit in COSMETIC
            truth = Truth(
                edit,
                cosmetic,
                None if cosmetic else articles[a].category,
                (not cosmetic) and SUBSTANTIVE[edit][1],
                lang,
                _cite(lang, a + 1, p + 1),
            )
            return LabelledPair("", old, render(articles, lang), truth)
        return None
    if edit == "paragraph_added":
        a = rng.randrange(len(articles))
        article = articles[a]
        unused = [t for t in TEMPLATES[article.category][lang] if t not in article.paragraphs]
        unused = [t for t in unused if re.search(r"\bshall\b|\bmust\b|зобов|обязу", t)]
        if not unused:
            return None
        p = rng.randint(0, len(article.paragraphs))
        article.paragraphs.insert(p, rng.choice(unused))
        truth = Truth(edit, False, article.category, True, lang, _cite(lang, a + 1, p + 1))
        return LabelledPair("", old, render(articles, lang), truth)
    if edit == "paragraph_deleted":
        for a, p in targets:
            article = articles[a]
            if len(article.paragraphs) < 2 or not re.search(
                r"\bshall\b|\bmust\b|зобов|обязу", article.paragraphs[p]
            ):
                continue
            del article.paragraphs[p]
            truth = Truth(edit, False, article.category, True, lang, _cite(lang, a + 1, p + 1))
            return LabelledPair("", old, render(articles, lang), truth)
        return None
    if edit == "pure_move":
        # A paragraph moved to the end of another article, text unchanged.
        if len(articles) < 2:
            return None
        for a, p in targets:
            if len(articles[a].paragraphs) < 2:
                continue
            b = rng.choice([k for k in range(len(articles)) if k != a])
            articles[b].paragraphs.append(articles[a].paragraphs.pop(p))
            truth = Truth(edit, True, None, False, lang, _cite(lang, b + 1, len(articles[b].paragraphs)))
            return LabelledPair("", old, render(articles, lang), truth)
        return None
    if edit == "reorder":
        for a, _ in targets:
            paragraphs = articles[a].paragraphs
            if len(paragraphs) < 2:
                continue
            paragraphs[0], paragraphs[1] = paragraphs[1], paragraphs[0]
            truth = Truth(edit, True, None, False, lang, _cite(lang, a + 1, 1))
            return LabelledPair("", old, render(articles, lang), truth)
        return None
    if edit == "renumbering":
        # The same articles numbered from another first number (an excerpt renumbered).
        first = rng.choice([2, 3, 5])
        truth = Truth(edit, True, None, False, lang, None)
        return LabelledPair("", old, render(articles, lang, first_number=first), truth)
    raise ValueError(f"unknown edit {edit}")


def generate(n: int = 1000, seed: int = 2026) -> list[LabelledPair]:
    """`n` labelled pairs, about 60% substantive and 40% cosmetic, a fifth of them Ukrainian or Russian."""
    rng = random.Random(seed)
    substantive = [*SUBSTANTIVE, *STRUCTURAL_SUBSTANTIVE]
    cosmetic = [*COSMETIC, *STRUCTURAL_COSMETIC]
    out: list[LabelledPair] = []
    attempts = 0
    while len(out) < n and attempts < n * 50:
        attempts += 1
        edit = rng.choice(substantive) if rng.random() < 0.6 else rng.choice(cosmetic)
        lang = rng.choices(["en", "uk", "ru"], weights=[8, 1, 1])[0]
        pair = _pair_from(rng, lang, edit)
        if pair is None:
            continue
        name = f"{len(out):04d}-{lang}-{edit}"
        out.append(LabelledPair(name, pair.old, pair.new, pair.truth))
    return out


if __name__ == "__main__":
    import sys

    for pair in generate(int(sys.argv[1]) if len(sys.argv) > 1 else 10):
        print(f"== {pair.name}  {pair.truth}")
        for old, new in zip(pair.old.splitlines(), pair.new.splitlines(), strict=False):
            if old != new:
                print(f"  - {old}\n  + {new}")
