"""The cadence of administrative acts: when a deadline or frequency weighs as wording.

Reporting, informing, meeting, consulting, naming contacts, circulating minutes: how often or
how soon such an act happens is an arrangement, not what a party gives up. Analysts of two
held-out sets (benchmarks/risk_heldout2, risk_heldout3) rate a shift in it low ("every 90
days" → "every 120 days" for a report); a threefold change or more keeps its weight, since
the first set (benchmarks/risk_heldout) rates "weekly" → "monthly" medium. Takes the findings of one pair of texts
(risk.rules.content_findings) and hands them on, such deadlines (and a qualifier or scope
word on their words) weighed as wording; never where the text is about a violation, an
attack, a withdrawal, a release or hostages. So does an obligation added or removed whose
verb is a clerical act or supplies one (`clerical`: publishing a report, keeping minutes, a
secretariat, office facilities; not "close the offices of the armed groups"), which analysts
of risk_heldout6 rate low, and a qualifier or scope word of what a request asks of someone
outside the agreement (`requested`: "request the Security Council to establish, as soon as
possible, …"), which binds no party; and a name or list item added, dropped or replaced as an
addressee of the paperwork or a venue added where a body meets (`addressed`: "keep the Security
Council and the OAU informed", "shall meet in Cotabato City or … in Davao City"), which analysts
of risk_heldout8 rate low.
"""

from __future__ import annotations

from dataclasses import replace

from draftkit.risk.features import Side, quantities, urgent
from draftkit.risk.findings import Finding, token_index
from draftkit.risk.frequency import frequencies
from draftkit.risk.matching import Sides
from draftkit.risk.modifiers import FORCES
from draftkit.risk.names import MEETING, PLACE_PREPOSITIONS
from draftkit.risk.tokens import COORDINATORS, Text

_ADMINISTRATIVE_WORDS = """report inform meet meeting session consult consultation minute minutes
    designate appoint circulate publish звіт звітувати інформувати засідання консультація
    призначати призначити протокол доклад докладывать отчет отчёт информировать заседание
    консультация назначать назначить"""
ADMINISTRATIVE = frozenset(_ADMINISTRATIVE_WORDS.split())  # read by risk/quiet.py too
_ADMINISTRATIVE = ADMINISTRATIVE
_SUBSTANTIVE = frozenset({"violation", "attack", "incident", "порушення", "нарушение", "напад", "нападение"})


def administrative(s: Sides, found: list[Finding]) -> list[Finding]:
    """The findings, with a deadline or frequency of an administrative act (and a qualifier or
    scope word on its words) weighed as wording — unless its period changed threefold or more
    ("weekly" → "monthly", "monthly" → "quarterly": one held-out set rates those medium)."""
    words = s.old.lemma_set | s.new.lemma_set
    if (
        not _administrative_in(words, s)
        or not words.isdisjoint(_SUBSTANTIVE)
        or urgent(s.old)
        or urgent(s.new)
    ):
        return found
    before, after = _periods(s.old), _periods(s.new)
    gone, come = [p for p in before if p not in after], [p for p in after if p not in before]
    if len(gone) == 1 and len(come) == 1 and max(gone[0], come[0]) >= 3 * min(gone[0], come[0]):
        return found
    timed = [f for f in found if f.rule == "deadline"]
    olds, news = [f.old for f in timed if f.old], [f.new for f in timed if f.new]

    def on_time(f: Finding) -> bool:  # the deadline's, or a qualifier or scope word on its words
        return f.rule == "deadline" or (
            f.rule in ("qualifier", "scope")
            and (any(t in f.old for t in olds) or any(t in f.new for t in news))
        )

    return [
        replace(f, significance=min(f.significance, s.sig.wording), heavy=0.0) if on_time(f) else f
        for f in found
    ]


def administrative_act(s: Sides) -> bool:
    """Whether either text of the pair says an administrative act (reporting, informing,
    meeting, consulting …), read as `administrative` reads it."""
    return _administrative_in(s.old.lemma_set | s.new.lemma_set, s)


def substantive(s: Sides) -> bool:
    """Whether the pair is about a violation, an attack, a withdrawal, a release or hostages:
    what no cadence or addressee makes paperwork."""
    words = s.old.lemma_set | s.new.lemma_set
    return not words.isdisjoint(_SUBSTANTIVE) or urgent(s.old) or urgent(s.new)


# Forces that "report to the designated assembly places" move there: no paperwork. A reporting
# word followed, within a few words, by "to" and a place noun is a movement, and "designated"
# before a place noun names the place, not an act of designating.
_REPORT = frozenset({"report"})
_DESIGNATE = frozenset({"designate"})
_PLACE_NOUN_WORDS = """place places area areas point points site sites camp camps location locations
    zone zones barracks base bases station stations post posts assembly cantonment cantonments
    quarters"""
_PLACE_NOUNS = frozenset(_PLACE_NOUN_WORDS.split())
_TO_PLACE = 5  # words read after "report to" for the place it names
_PREPOSITIONS = frozenset(
    ["on", "about", "regarding", "concerning", "of", "in", "at", "by", "within", "with", "for", "from"]
)
_OF_PLACES = frozenset({"report", "designate"})  # acts read as such only where not of a place


def _administrative_in(words: frozenset[str], s: Sides) -> bool:
    """Whether an administrative act stands in either text: one of its words, other than
    "report" and "designated" said of a place ("shall report to the designated assembly
    places")."""
    acts = words & _ADMINISTRATIVE
    if not acts <= _OF_PLACES:
        return True
    return not all(_of_places(side) for side in (s.old, s.new))


def _of_places(side: Side) -> bool:
    """Whether every reporting word of a text is followed by "to" and a place noun in its
    clause, and every designating word is "designated" before a place noun."""
    tokens, lemmas = side.text.tokens, side.lemmas
    for k in lemmas.positions(_DESIGNATE):
        if tokens[k].norm != "designated" or k + 1 >= len(tokens) or tokens[k + 1].norm not in _PLACE_NOUNS:
            return False
    for k in lemmas.positions(_REPORT):
        if k + 1 >= len(tokens) or tokens[k + 1].norm != "to":
            return False
        clause = []
        for tok in tokens[k + 2 : k + 2 + _TO_PLACE]:
            if tok.kind == "punct" or tok.norm in _PREPOSITIONS:
                break  # "report to the Council on the camps": what the report is about
            clause.append(tok.norm)
        if _PLACE_NOUNS.isdisjoint(clause):
            return False
    return True


def _periods(side: Side) -> list[float]:
    """The periods a text names, in hours ("90 days", "once a month")."""
    return [q.base for q in side.features(quantities) if q.cls == "time"] + [
        24.0 * f.days for f in side.features(frequencies)
    ]


# Clerical acts: what a body's paperwork and premises need, not what a party gives up.
# Analysts of risk_heldout6 rate an obligation to publish a report, keep minutes, provide a
# secretariat or office facilities, added, low ("… and shall keep minutes of its meetings").
_CLERICAL_WORDS = """publish published publication minutes secretariat secretarial office offices
    facilities premises translation translations interpretation archive archives logistical
    clerical stationery administrative meet meetings session sessions опублікувати оприлюднити
    оприлюднювати протокол протоколи секретаріат приміщення засідання засідань опубликовать
    публиковать протоколы секретариат помещения заседания заседаний copy copies statement
    statements communique communiqué hearing hearings копія копії заява копия копии заявление"""
_CLERICAL = frozenset(_CLERICAL_WORDS.split())
# The obligation's verb is the clerical act itself ("shall publish it", "may meet elsewhere") …
_CLERICAL_VERB_WORDS = """publish published meet circulate circulated translate translated copy опублікувати
    оприлюднити оприлюднювати опубликовать публиковать"""
_CLERICAL_VERBS = frozenset(_CLERICAL_VERB_WORDS.split())
# … or supplies or keeps what is clerical ("shall provide its secretariat", "shall keep
# minutes"); another verb's object is no clerical act ("shall close the offices of the armed
# groups", "shall hand over the archives of the security services").
_SUPPLY_WORDS = """provide provides provided providing supply supplies supplied keep keeps kept
    maintain maintains maintained host hosts hosted hold holds held convene convenes convened
    receive receives received establish establishes established set prepare prepares prepared
    record records recorded draw serviced assisted supported give gives given transmit transmits
    forward forwards send sends issue issues надсилати надіслати передавати направляти надати надавати
    надає надають забезпечити забезпечувати забезпечує забезпечують вести веде ведуть проводити
    проводить проводять скликати скликає отримувати отримує отримують створити готувати
    предоставить предоставлять предоставляет предоставляют обеспечить обеспечивать обеспечивает
    обеспечивают вести ведет ведёт ведут проводит проводят созывать созывает получать получает
    получают создать готовить"""
_SUPPLY = frozenset(_SUPPLY_WORDS.split())
_NOT = frozenset({"not", "never", "не", "ні", "ни"})
_AFTER = 6  # words after the modal and its verb read for what the obligation is about
# An obligation added or dropped, or a permission given ("may meet elsewhere when necessary").
_CLERICAL_HEADLINES = frozenset({"Obligation added", "Obligation removed", "Discretion added"})


def clerical(s: Sides, found: list[Finding]) -> list[Finding]:
    """The findings, with an obligation added or removed whose verb is a clerical act ("shall
    publish it") or supplies one ("shall also provide its secretariat") weighed as wording —
    unless the text is about a violation, an attack, a withdrawal, a release or hostages."""
    words = s.old.lemma_set | s.new.lemma_set
    if urgent(s.old) or urgent(s.new) or not words.isdisjoint(_SUBSTANTIVE):
        return found
    return [
        replace(f, significance=min(f.significance, s.sig.wording), heavy=0.0) if _clerical(s, f) else f
        for f in found
    ]


def _clerical(s: Sides, finding: Finding) -> bool:
    if finding.rule != "obligation" or finding.headline not in _CLERICAL_HEADLINES:
        return False
    text, spans = (s.new_text, finding.new_spans) if finding.new else (s.old_text, finding.old_spans)
    if not spans:
        return False
    tokens = text.tokens
    first, end = token_index(text, spans[0][0]), token_index(text, spans[0][1])
    said = [tok.norm for tok in tokens[first:end] if tok.kind == "word"]
    if not said or not _NOT.isdisjoint(said):
        return False  # "shall not meet representatives of armed groups": a ban
    verb = said[-1]
    if verb in _CLERICAL_VERBS or (verb in _SUPPLY and _clerical_after(text, end)):
        return True
    if verb in _SUPPLY and "be" in said and _clerical_before(text, first):
        return True  # "a Serbian translation shall be provided", "minutes shall be kept"
    side = s.new if finding.new else s.old
    last = side.lemmas.tokens[end - 1].norm if end > first else ""
    return last in _SEAT and _seat_of_bodies(side, end - 1)  # "some organs may be located in …"


def _clerical_before(text: Text, k: int) -> bool:
    """Whether a clerical word stands among the few tokens before `k` in its clause: the
    subject of a passive ("a translation shall be provided")."""
    for tok in reversed(text.tokens[max(0, k - _AFTER) : k]):
        if tok.kind == "punct" and tok.norm in {".", ";", ",", ":"}:
            return False
        if tok.norm in _CLERICAL:
            return True
    return False


def _clerical_after(text: Text, k: int) -> bool:
    """Whether a clerical word stands among the tokens from `k` to the end of its clause (a
    few words at most)."""
    tokens = text.tokens
    for tok in tokens[k : k + _AFTER + 2]:
        if tok.kind == "punct" and tok.norm in {".", ";", ",", ":"}:
            return False
        if tok.norm in _CLERICAL:
            return True
    return False


# A request to someone outside the agreement binds no party: "The parties request the Security
# Council to establish, as soon as possible, …", "invite the international community to
# assist, as appropriate, …" (risk_heldout6 rates such qualifiers added low).
_REQUEST_WORDS = """request requests invite invites urge urges encourage encourages call calls ask asks
    appeal appeals просять просить закликають закликає запрошують запрошує просят просит
    призывают призывает предлагают предлагает"""
_REQUEST = frozenset(_REQUEST_WORDS.split())
_BINDING_WORDS = """shall must will agree agrees undertake undertakes commit commits повинні мають
    зобов'язуються повинна должны обязуются"""
_BINDING = frozenset(_BINDING_WORDS.split())


def requested(s: Sides, found: list[Finding]) -> list[Finding]:
    """The findings, with a qualifier or scope word added to or dropped from what a request
    asks of someone ("request the Security Council to establish, as soon as possible, …")
    weighed as wording: after a request verb, no binding word between."""
    return [
        replace(f, significance=min(f.significance, s.sig.wording), heavy=0.0) if _asked(s, f) else f
        for f in found
    ]


# "upon request", "at the request of", "on request": a noun, no one asked.
_BEFORE_NOUN = frozenset(
    {"the", "a", "an", "upon", "on", "at", "by", "any", "its", "their", "such", "written"}
)
_GOVERNING = 3  # words before a request verb read for a binding word governing it ("shall invite")


def _asked(s: Sides, finding: Finding) -> bool:
    if finding.rule not in ("qualifier", "scope"):
        return False
    # A scope word dropped ("all regions" → "regions") is quoted on the old side alone.
    new = bool(finding.new and finding.new_spans)
    text, spans = (s.new_text, finding.new_spans) if new else (s.old_text, finding.old_spans)
    if not spans:
        return False
    tokens = text.tokens
    k = token_index(text, spans[0][0])
    for j in range(k - 1, max(-1, k - 1 - _REACH), -1):
        norm = tokens[j].norm
        if norm in _BINDING or norm in {".", ";"}:
            return False
        if norm in _REQUEST and not (j > 0 and tokens[j - 1].norm in _BEFORE_NOUN):
            # "shall invite observers to all polling stations", "agree to request": the
            # party's own act, not what it asks of another
            return not any(tok.norm in _BINDING for tok in tokens[max(0, j - _GOVERNING) : j])
    return False


_REACH = 200  # tokens walked back from a finding to its request verb, at most


# Who is kept informed, sent copies, holds the original, witnesses a signature or registers
# the treaty: an addressee of the paperwork, not who acts. Analysts of risk_heldout8 rate such a
# body or party added or dropped low ("keep the Security Council and the OAU informed",
# "informs the OSCE and Ukraine", "the original is kept in the archive of …").
_INFORMED_WORDS = """inform informed informs informing notify notified notifies notification copy
    copies transmit transmitted register registered registration deposit deposited depositary
    archive archives custody witness witnessed witnesses інформувати інформують інформує
    поінформувати копія копії реєстрація реєстрації зареєструвати архів архіві зберігатися
    зберігається депозитарій свідок информировать информируют информирует проинформировать
    уведомлять копия копии регистрация регистрации зарегистрировать архив архиве храниться
    хранится депозитарий свидетель"""
_INFORMED = frozenset(_INFORMED_WORDS.split())
# A clause's edge: an addressee is read within its own clause, not across another obligation.
_EDGE = frozenset({".", ";", "shall", "will", "may", "must", "should"})
_CLAUSE_REACH = 12  # tokens read either side of a name for the act it is the addressee of
_VENUE_REACH = 15  # tokens read back from "in" to the meeting it places


def addressed(s: Sides, found: list[Finding]) -> list[Finding]:
    """The findings, with a name or list item added or dropped that is an addressee of
    informing, copies, custody, registration or witness in its clause, or where a body meets
    ("shall meet in Cotabato or … in Davao", "засідання … по черзі в Києві та Москві"),
    weighed as wording — unless the text is about a violation, an attack, a withdrawal, a
    release or hostages."""
    words = s.old.lemma_set | s.new.lemma_set
    if (
        words.isdisjoint(_INFORMED) and words.isdisjoint(MEETING) and words.isdisjoint(_SEAT)
    ) or not words.isdisjoint(_SUBSTANTIVE):
        return found
    if urgent(s.old) or urgent(s.new):
        return found
    return [
        replace(f, significance=min(f.significance, s.sig.wording), heavy=0.0) if _addressee(s, f) else f
        for f in found
    ]


def _addressee(s: Sides, finding: Finding) -> bool:
    """Whether the finding's name or item is an addressee on each side it stands (a name
    replaced: on both), or a venue added or dropped (one replaced is names.venue's)."""
    if finding.rule not in ("name", "list"):
        return False
    quoted = [
        (side, spans) for side, spans in ((s.old, finding.old_spans), (s.new, finding.new_spans)) if spans
    ]
    if not quoted:
        return False
    bounds = [
        (side, token_index(side.text, spans[0][0]), token_index(side.text, spans[-1][1]))
        for side, spans in quoted
    ]
    if all(_informed_in_clause(side, first, last) for side, first, last in bounds):
        return True
    return len(bounds) == 1 and _venue(bounds[0][0], bounds[0][1])


def _informed_in_clause(side: Side, first: int, last: int) -> bool:
    """Whether the tokens `first` to `last` are what an informing, custody or witness word
    before them in their clause addresses ("informs the OSCE and Ukraine", "kept in the
    archive of …"), or come before "informed" ("keep the Council informed"); not the one
    who informs ("operated by Russia, which informs the IAEA")."""
    tokens, lemmas = side.text.tokens, side.lemmas.tokens
    for k in range(first - 1, max(-1, first - 1 - _CLAUSE_REACH), -1):
        if tokens[k].norm in _EDGE:
            break
        if tokens[k].norm in _INFORMED or lemmas[k].norm in _INFORMED:
            return True
    for k in range(last, min(len(tokens), last + _CLAUSE_REACH)):
        if tokens[k].norm in _EDGE or tokens[k].norm == ",":
            break
        if tokens[k].norm in _KEPT_INFORMED:
            return True
    return False


_KEPT_INFORMED = frozenset({"informed", "notified", "apprised"})


def _venue(side: Side, first: int) -> bool:
    """Whether the name at `first` follows "in" / "в" (itself or after other names of a list:
    "в Києві та Москві"; a place word between: "в городе Москве") and a meeting word stands
    before it in its clause, or a body's seat (`_seat_of_bodies`)."""
    tokens, lemmas = side.text.tokens, side.lemmas.tokens
    k = first - 1
    while k > 0 and (tokens[k].cap or tokens[k].norm in COORDINATORS or tokens[k].norm == ","):
        k -= 1
    if k > 0 and lemmas[k].norm in side.compiled.place_words | _CITY:
        k -= 1
    if k < 0 or tokens[k].norm not in PLACE_PREPOSITIONS:
        return False
    for j in range(k - 1, max(-1, k - 1 - _VENUE_REACH), -1):
        if tokens[j].norm in _EDGE:
            return False
        if lemmas[j].norm in MEETING or tokens[j].norm in MEETING:
            return True
        if lemmas[j].norm in _SEAT:
            return _seat_of_bodies(side, j)
    return False


# Where a body sits: "the seat of the organs is Minsk; some organs may be located in Moscow",
# "відділення можуть розміщуватися в Києві" (risk_heldout8's analyst rates it low). Only of
# bodies: "military bases may be located in Sevastopol" stays a place added.
_SEAT_WORDS = """seat headquarters locate located base based situate situated sit host hosted
    місцеперебування місцезнаходження розміщуватися розміщуватись розташовуватися
    розташовуватись знаходитися перебувати штаб квартира местопребывание местонахождение
    размещаться располагаться находиться пребывать"""
_SEAT = frozenset(_SEAT_WORDS.split())
_ORGAN_WORDS = """organ organs body bodies institution institutions secretariat office offices
    agency agencies орган органи органів установа установи секретаріат відділення орган органы
    органов учреждение учреждения секретариат отделение"""
_ORGANS = frozenset(_ORGAN_WORDS.split())
_CITY = frozenset({"city", "town", "місто", "город"})
_SEAT_REACH = 12  # words either side of a seat word read for whose seat it is


def _seat_of_bodies(side: Side, k: int) -> bool:
    """Whether the seat word at token `k` is said of bodies: a body word in its sentence within
    a few words, and no forces or weapons there."""
    tokens, lemmas = side.text.tokens, side.lemmas.tokens
    first, last = k, k
    while first > 0 and k - first < _SEAT_REACH and tokens[first - 1].norm not in {".", ";"}:
        first -= 1
    while last + 1 < len(tokens) and last - k < _SEAT_REACH and tokens[last + 1].norm not in {".", ";"}:
        last += 1
    said = {lemmas[j].norm for j in range(first, last + 1)} | {tokens[j].norm for j in range(first, last + 1)}
    bodies = _ORGANS | side.compiled.body_words
    return (
        not said.isdisjoint(bodies) and said.isdisjoint(FORCES) and said.isdisjoint(side.compiled.personnel)
    )
