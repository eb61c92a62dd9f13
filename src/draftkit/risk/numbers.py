"""Numbers, periods and dates: the features that read them and the rules that compare them.

Takes the two sides of one aligned pair of texts (risk.matching.Sides) and hands on reports
for risk.rules to run among its content rules: a number with its unit and direction (km,
troops, days, money, percent; a number in words before another noun only against the same
noun's number on the other side), a duration as a deadline or period, a deadline turned
into a waiting period, a frequency in words, a calendar date. Quantities themselves are read
in risk.features (risk.qualifiers needs durations); dates and time bounds here.
"""

from __future__ import annotations

from datetime import date

from draftkit.records import record
from draftkit.risk.features import Quantity, Side, quantities, urgent, window
from draftkit.risk.findings import Report, Span, span_of, token_index
from draftkit.risk.frequency import Frequency, frequencies
from draftkit.risk.matching import FeatureRule, Sides, by, in_order, silent
from draftkit.risk.tokens import MONTH_NORM


@record
class Date:
    """A calendar date, as a day number."""

    day: int  # a month's first day for a month
    fragment: str
    spans: tuple[Span, ...]
    position: int
    month: bool = False  # a month of a year ("October 2005"), not a day


def dates(side: Side) -> list[Date]:
    """Dates the tokeniser read."""
    text = side.text
    out: list[Date] = []
    for k in text.indices("date"):
        if (t := text.tokens[k]).value is not None:
            span = span_of(text, k, k + 1)
            out.append(Date(int(t.value), text.span(k, k + 1), (span,), span[0], len(t.norm) == MONTH_NORM))
    return out


@record
class TimeBound:
    """A deadline's or waiting period's marker ('within', 'no later than', 'не ранее') with
    the words it bounds ('не позднее третьего дня': a number, a date or an ordinal)."""

    label: str  # "by" (a deadline) / "not_before" (a waiting period)
    bounded: tuple[str, ...]  # up to three words after it, in its clause
    fragment: str
    spans: tuple[Span, ...]  # the marker
    position: int


def time_bounds(side: Side) -> list[TimeBound]:
    """Deadline and waiting-period markers of the taxonomy's [deadlines], each with what it
    bounds, so that which way a bound points is compared whatever it bounds."""
    text = side.text
    out: list[TimeBound] = []
    for hit in side.compiled.deadlines.find(text):
        _, b = window(text, hit.first, hit.last, before=0, after=3)
        bounded = text.words(hit.last, b)
        if bounded:
            span = span_of(text, hit.first, hit.last)
            out.append(TimeBound(hit.label, bounded, text.span(hit.first, b), (span,), span[0]))
    return out


# ---------------------------------------------------------------------------------------------
# Numbers with their units and direction (km, troops, days, money, percent); durations and
# years are deadlines

_TIME_WORDS = {
    1: ("hour", "hours"),
    24: ("day", "days"),
    168: ("week", "weeks"),
    730: ("month", "months"),
    8760: ("year", "years"),
}


def _fmt(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _relative(old: float, new: float) -> float:
    top = max(abs(old), abs(new))
    return abs(new - old) / top if top else 0.0


def _percent(old: float, new: float, *, signed: bool = True) -> str:
    """'+33%' / '−50%' (or '33%' unsigned, after 'increased by'); '' when old is 0, which
    every caller words otherwise ('from 0')."""
    if not old:
        return ""
    change = (new - old) / abs(old) * 100
    if not signed:
        return f"{abs(change):.0f}%"
    return f"{change:+.0f}%".replace("-", "−")


def _time_words(hours: float, prefer: float = 0.0) -> str:
    preferred = int(prefer) if prefer == int(prefer) and int(prefer) in _TIME_WORDS else 0
    sizes = (preferred, 8760, 730, 168, 24, 1) if preferred else (8760, 730, 168, 24, 1)
    for size in sizes:
        if size == 1 and hours > 48:
            break  # "278 hours" (a month against weeks): in days, as a reader counts them
        if hours >= size and (hours / size) == int(hours / size):
            n = int(hours / size)
            return f"{n:,} {_TIME_WORDS[size][0 if n == 1 else 1]}"
    if hours > 48:
        days = round(hours / 24)
        return f"about {days:,} {_TIME_WORDS[24][0 if days == 1 else 1]}"
    return f"{_fmt(hours)} hours"


def _same_measure(old: Quantity, new: Quantity) -> bool:
    """Two quantities one may have replaced: same class, and the same unit for counts and money."""
    if old.cls != new.cls:
        return False
    if old.cls in {"count", "money"}:
        return old.unit == new.unit
    return True


def _headcount(old: Quantity, new: Quantity) -> bool:
    """A personnel number and a count of another noun in its place ("600,000 units" →
    "800,000 personnel"): one headcount, reworded."""
    return {old.cls, new.cls} == {"count", "personnel"}


# Periods said in other units that a calendar makes equal: "30 days" and "one month", "12
# months" and "a year", "52 weeks" (months are 28 to 31 days long, years 365 or 366).
CALENDAR_SLACK = 0.035


def _quantity_changed(s: Sides, old: Quantity, new: Quantity) -> Report | None:
    sig = s.sig
    if (
        old.cls == new.cls == "time"
        and old.factor != new.factor
        and abs(new.base - old.base) <= CALENDAR_SLACK * max(old.base, new.base)
    ):
        return None
    if _headcount(old, new) and old.base == new.base:
        return None  # "600 thousand soldiers" → "600,000 units": one headcount, said otherwise
    if old.per != new.per:  # "$200 million annually" → "$200 million in total"
        return Report(_rate_changed(old.per, new.per), min(1.0, sig.number_base + 0.5))
    up = new.base > old.base
    rel = _relative(old.base, new.base)
    diff = abs(new.value - old.value)
    cls = "personnel" if _headcount(old, new) else new.cls
    match cls:
        case "time":
            delta = abs(new.base - old.base)
            words = _time_words(delta, new.factor) if delta else "a different unit"
            if new.prefix == "by" or old.prefix == "by":
                headline = f"Deadline {'extended' if up else 'shortened'} by {words}"
            elif new.prefix == "not_before" or old.prefix == "not_before":
                headline = f"Waiting period {'lengthened' if up else 'shortened'} by {words}"
            else:
                headline = f"Period {'lengthened' if up else 'shortened'} by {words}"
            value = min(1.0, sig.deadline_base + min(0.5, rel))
            if urgent(s.old) or urgent(s.new):
                value = max(value, sig.deadline_urgent)
            return Report(headline, value, rule="deadline")
        case "year":
            return Report(f"Year moved {'later' if up else 'earlier'}", sig.date, rule="deadline")
        case "age":  # who a protection or a duty covers: "under 18" → "under 15"
            years = _fmt(abs(new.value - old.value))
            return Report(f"Age threshold {'raised' if up else 'lowered'} by {years} years", sig.scope_bound)
        case "percent":
            headline = f"Percentage {'raised' if up else 'lowered'} by {_fmt(diff)} points"
        case "distance":
            if old.unit == new.unit:
                headline = f"Distance {'increased' if up else 'reduced'} by {_fmt(diff)} {new.unit_text}"
            elif not old.base:  # "0 km" → "5 miles": no percentage of nothing
                headline = f"Distance increased from 0 to {_fmt(new.value)} {new.unit_text}"
            else:
                headline = f"Distance {'increased' if up else 'reduced'} by {_percent(old.base, new.base, signed=False)}"
        case "calibre":
            headline = f"Calibre threshold {'raised' if up else 'lowered'} by {_fmt(diff)} {new.unit_text}"
        case "personnel":
            # One class of noun (people, troops, members, військовослужбовців): the headline
            # names the class, the fragments the drafter's nouns.
            headline = (
                f"Number of personnel {'increased' if up else 'reduced'} by {_fmt(diff)} "
                f"({_percent(old.value, new.value) or 'from 0'})"
            )
        case "money" if not old.value:  # "$0" → "USD 5 million": the amount, as written
            headline = f"Amount increased from 0 to {new.fragment}"
        case "money":
            headline = (
                f"Amount {'increased' if up else 'reduced'} by {_percent(old.value, new.value, signed=False)}"
            )
        case "count" if (
            old.unit == new.unit and old.unit in _COPIES and _done_in(s.old, old) and _done_in(s.new, new)
        ):
            # "done in four copies" → "three copies": how many originals are signed, a formality
            return Report(f"Number of copies {'increased' if up else 'reduced'} by {_fmt(diff)}", sig.wording)
        case _:
            headline = f"Number {'increased' if up else 'reduced'} by {_fmt(diff)}"
    return Report(headline, min(1.0, sig.number_base + min(0.5, rel)))


# The copies (originals) an agreement is done in, by their lemmas
_COPIES = frozenset(
    {"copy", "original", "примірник", "екземпляр", "экземпляр", "подлинник", "оригінал", "оригинал"}
)


_IN = frozenset({"in", "в", "у", "во"})


def _done_in(side: Side, q: Quantity) -> bool:
    """Whether copies are what a text is done in ("done in four copies", "в трьох примірниках"),
    not copies of something handed over ("four copies of the minefield maps")."""
    k = token_index(side.text, q.spans[0][0])
    return k > 0 and side.text.tokens[k - 1].norm in _IN


_PERIODS = {1: "day", 7: "week", 30: "month", 91: "quarter", 365: "year"}


def _rate_changed(old: int, new: int) -> str:
    """The headline of an amount whose period changed (days; 0: an amount in all)."""
    if not new:
        return f"Amount per {_PERIODS[old]} made a total"
    if not old:
        return f"Total made an amount per {_PERIODS[new]}"
    return f"Amount per {_PERIODS[old]} made an amount per {_PERIODS[new]}"


def _quantity_removed(s: Sides, old: Quantity) -> Report | None:
    if old.words_only:
        return None
    if old.cls == "time":
        headline = "Deadline removed" if old.prefix == "by" else "Period removed"
        value = max(s.sig.deadline_removed, s.sig.deadline_urgent if urgent(s.old) else 0.0)
        return Report(headline, value, rule="deadline")
    return Report("Number removed", s.sig.number_removed, rule="deadline" if old.cls == "year" else None)


def _quantity_added(s: Sides, new: Quantity) -> Report | None:
    if new.words_only:
        return None
    if new.cls == "time":
        headline = "Deadline added" if new.prefix == "by" else "Period added"
        value = max(s.sig.deadline_added, s.sig.deadline_urgent if urgent(s.new) else 0.0)
        return Report(headline, value, rule="deadline")
    return Report("Number added", s.sig.number_added, rule="deadline" if new.cls == "year" else None)


NUMBERS: FeatureRule[Quantity] = FeatureRule(
    name="number",
    features=quantities,
    key=lambda q: (q.cls, q.unit if q.cls in {"count", "money"} else "", q.base, q.per),
    pair=by(_same_measure, _headcount),
    changed=_quantity_changed,
    removed=_quantity_removed,
    added=_quantity_added,
)


# A deadline made a waiting period, or the other way round, before the same words ("не
# позднее третьего дня" → "не ранее третьего дня", "within 30 days" → "after 30 days"): the
# number or date is unchanged, so the rules above say nothing. A marker reworded the same
# way ("within" → "no later than"), added or removed is theirs to report, or no change.
_BOUND_REVERSED = {"by": "Deadline made a waiting period", "not_before": "Waiting period made a deadline"}

TIME_BOUNDS: FeatureRule[TimeBound] = FeatureRule(
    name="deadline",
    features=time_bounds,
    key=lambda t: (t.label, t.bounded),
    pair=by(lambda old, new: old.label != new.label and old.bounded == new.bounded),
    changed=lambda s, old, new: Report(_BOUND_REVERSED[old.label], s.sig.scope_bound),
    removed=silent,
    added=silent,
)


def _frequency_changed(s: Sides, old: Frequency, new: Frequency) -> Report:
    value = min(1.0, s.sig.deadline_base + min(0.5, _relative(old.days, new.days)))
    return Report(f"Frequency {'lowered' if new.days > old.days else 'raised'}", value)


# How often, in words ("once a week" → "once a month", "щомісяця" → "щокварталу"); a
# frequency added or removed is a wording the reader sees, not weighed here.
FREQUENCY: FeatureRule[Frequency] = FeatureRule(
    name="deadline",
    features=frequencies,
    key=lambda f: f.days,
    pair=in_order,
    changed=_frequency_changed,
    removed=silent,
    added=silent,
)


def _date_moved(s: Sides, old: Date, new: Date) -> Report:
    if old.month and new.month:  # "by June 2007" → "by December 2007"
        a, b = date.fromordinal(old.day), date.fromordinal(new.day)
        months = (b.year - a.year) * 12 + b.month - a.month
        words = f"{abs(months)} month{'s' if abs(months) != 1 else ''}"
        return Report(f"Date moved {'later' if months > 0 else 'earlier'} by {words}", s.sig.date)
    if old.month != new.month:
        month, day = (old, new) if old.month else (new, old)
        first = date.fromordinal(month.day)
        if (first.year, first.month) == (date.fromordinal(day.day).year, date.fromordinal(day.day).month):
            # "no later than October 2005" → "no later than 31 October 2005": the same month
            headline = "Date made a day of its month" if old.month else "Date made its month"
            return Report(headline, s.sig.wording)
        # a day outside the month: counted from the month's nearer end
        last = date(first.year + first.month // 12, first.month % 12 + 1, 1).toordinal() - 1
        toward = day.day - (month.day if day.day < month.day else last)
        days = toward if day is new else -toward
    else:
        a, b = date.fromordinal(old.day), date.fromordinal(new.day)
        if (a.month, a.day) == (b.month, b.day):  # "by the end of 2015" → "… of 2016": a year
            years = b.year - a.year
            words = f"{abs(years)} year{'s' if abs(years) != 1 else ''}"
            return Report(f"Date moved {'later' if years > 0 else 'earlier'} by {words}", s.sig.date)
        days = new.day - old.day
    return Report(
        f"Date moved {'later' if days > 0 else 'earlier'} by {_time_words(abs(days) * 24)}", s.sig.date
    )


DATES: FeatureRule[Date] = FeatureRule(
    name="deadline",
    features=dates,
    key=lambda d: (d.day, d.month),
    pair=in_order,
    changed=_date_moved,
    removed=lambda s, old: Report("Date removed", s.sig.date),
    added=lambda s, new: Report("Date added", s.sig.date),
)


@record
class Clock:
    """A time of day ('00:00', '00 год. 00 хв.', as the tokeniser reads it: 'HH:MM')."""

    at: str
    fragment: str
    spans: tuple[Span, ...]
    position: int


def clocks(side: Side) -> list[Clock]:
    """Times of day the tokeniser read."""
    text = side.text
    out: list[Clock] = []
    for k in text.indices("time"):
        span = span_of(text, k, k + 1)
        out.append(Clock(text.tokens[k].norm, text.span(k, k + 1), (span,), span[0]))
    return out


# When a ceasefire or a withdrawal starts, to the hour: "from 00:00" → "from 06:00". One
# added or removed is a format ("from midnight (00:00)"), the wording's to show.
CLOCKS: FeatureRule[Clock] = FeatureRule(
    name="deadline",
    features=clocks,
    key=lambda c: c.at,
    pair=in_order,
    changed=lambda s, old, new: Report("Time of day changed", s.sig.date),
    removed=silent,
    added=silent,
)
