"""Numbering: every list of numbered provisions in sequence and in one format.

Takes in the schema's `[numbering]` rules and the entries from `common`; groups numbered
provisions into lists (siblings of one kind, or one kind across an annex or the draft for
the kinds numbered continuously; a loosely numbered point, "2 –", in its place but its
format not checked) and hands on `numbering.duplicates`,
`numbering.contiguous` and `numbering.one_format` findings. Guarantees: labels in a
drafter's own scheme ("5bis", "A-1") are left out, not reported; a gap is named by the
labels it would have had ('"(c)" to "(f)" are missing').
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from draftkit.compare.refs import number_key
from draftkit.model.numbering import (
    NumFmt,
    cased_like,
    format_number,
    parse_exact,
    romance_ordinal,
    romance_words,
)
from draftkit.records import record
from draftkit.validate.clause_schema import ClauseSchema, Level
from draftkit.validate.common import PLURAL, Collector, Entry, normal


@record
class _Numbered:
    entry: Entry
    ordinal: int
    fmt: NumFmt
    style: str  # the label with its number masked, case-folded: "(#)", "article #"
    value: str
    loose: bool = False  # "2 –", "3", "8-": in the running sequence, its format not checked


def _numbered(entry: Entry) -> _Numbered | None:
    provision = entry.provision
    if not provision.num or not provision.num.strip():
        return None
    label = parse_exact(provision.num)
    if label.fmt == "other":
        if provision.ordinal is not None:
            # A loosely numbered point ("2 –", "3 Text", "8-"), which the reader placed in
            # the running sequence: it is there, and a point after it follows it.
            return _Numbered(entry, provision.ordinal, "decimal", "", provision.num, loose=True)
        return None  # "5bis", "A-1": drafters' own schemes, not checked for sequence
    chosen = label
    ordinal = provision.ordinal
    if label.alt is not None and ordinal is not None and ordinal == label.alt.ordinal:
        chosen = label.alt
        ordinal = label.alt.ordinal
    if ordinal is None:
        ordinal = chosen.ordinal
    if ordinal is None:
        return None
    value = chosen.value
    num = normal(provision.num)
    at = num.casefold().rfind(value.casefold())
    keyword, _, number = num.partition(" ")
    if label.kind is not None and number and (at < 0 or number_key(number) == "1"):
        # A number written otherwise than its value after a keyword ("Article premier",
        # "Article 1er", "المادة الحادية عشرة"): the keyword's list, as "Article 2" is.
        style = f"{keyword.casefold()} #"
    else:
        style = (num[:at] + "#" + num[at + len(value) :]).casefold() if at >= 0 else num.casefold()
    return _Numbered(entry, ordinal, chosen.fmt, style, value)


_KEYWORD_KINDS = frozenset({"part", "chapter", "section", "article", "annex", "point"})


def _relabel(example: _Numbered, ordinal: int) -> str:
    """The label `ordinal` would have in the list `example` belongs to: '(c)', 'Article 4'."""
    num = normal(example.entry.provision.num or "")
    value = cased_like(format_number(ordinal, example.fmt), example.value)
    at = num.rfind(example.value)
    if at >= 0:
        return num[:at] + value + num[at + len(example.value) :]
    # "Article premier", "المادة الخامسة": the keyword, then the number.
    kind_word, _, words = (
        num.partition(" ") if example.entry.provision.kind in _KEYWORD_KINDS else ("", "", "")
    )
    if romance_ordinal(words) is not None:  # "ARTÍCULO TERCERO": in the label's own words
        value = romance_words(ordinal, words)
    return f"{kind_word} {value}" if words else value


def _labels(items: Sequence[str]) -> str:
    return _and([f'"{item}"' for item in items])


def _missing_text(example: _Numbered, missing: list[int]) -> str:
    if len(missing) > 2 and missing == list(range(missing[0], missing[-1] + 1)):
        return f'"{_relabel(example, missing[0])}" to "{_relabel(example, missing[-1])}" are missing'
    labels = [_relabel(example, k) for k in missing]
    return f"{_labels(labels)} {'is' if len(labels) == 1 else 'are'} missing"


def _groups(schema: ClauseSchema, entries: list[Entry]) -> dict[tuple[str, str], list[_Numbered]]:
    groups: dict[tuple[str, str], list[_Numbered]] = {}
    continuous = set(schema.numbering.continuous)
    for entry in entries:
        numbered = _numbered(entry)
        if numbered is None:
            continue
        kind = entry.provision.kind
        parent = entry.parent
        key: tuple[str, str]
        if kind in continuous:
            key = (f"annex:{entry.annex}", kind)
        else:
            key = (f"parent:{id(parent)}" if parent is not None else "parent:root", kind)
        groups.setdefault(key, []).append(numbered)
    return groups


def check_numbering(schema: ClauseSchema, entries: list[Entry], out: Collector) -> None:
    """Add findings for duplicate, missing, out-of-order and mixed-format labels in each list."""
    rules = schema.numbering
    for (_, kind), items in _groups(schema, entries).items():
        plural = PLURAL[kind]
        present = {item.ordinal for item in items}
        first_at: dict[int, _Numbered] = {}
        highest = rules.start - 1
        previous: _Numbered | None = None
        for item in items:
            label = normal(item.entry.provision.num or "")
            if item.loose:
                highest = max(highest, item.ordinal)
                previous = item
                continue
            if item.ordinal in first_at:
                other = first_at[item.ordinal]
                where = (
                    other.entry.provision.location.describe()
                    if other.entry.provision.location is not None
                    else other.entry.provision.eid or other.entry.citation()
                )
                out.add(
                    rules.duplicates,
                    "numbering.duplicates",
                    f'"{label}" is used twice among these {plural} (the first is at {where})',
                    item.entry,
                    text=label,
                )
            elif item.ordinal < highest:
                after = normal(previous.entry.provision.num or "") if previous else ""
                out.add(
                    rules.contiguous,
                    "numbering.contiguous",
                    f'"{label}" comes after "{after}": the {plural} are out of order',
                    item.entry,
                    text=label,
                )
            elif item.ordinal > highest + 1:
                missing = [k for k in range(highest + 1, item.ordinal) if k not in present]
                if missing:
                    lead = (
                        f'"{label}" follows "{normal(previous.entry.provision.num or "")}"'
                        if previous
                        else (f'"{label}" is the first of these {plural}')
                    )
                    out.add(
                        rules.contiguous,
                        "numbering.contiguous",
                        f"{lead}: {_missing_text(item, missing)}",
                        item.entry,
                        text=label,
                    )
            first_at.setdefault(item.ordinal, item)
            highest = max(highest, item.ordinal)
            previous = item
        _check_format(rules.one_format, plural, items, out)


def _check_format(level: Level, plural: str, items: list[_Numbered], out: Collector) -> None:
    items = [item for item in items if not item.loose]
    styles = Counter((item.style, item.fmt) for item in items)
    if len(styles) <= 1:
        return
    order = [(item.style, item.fmt) for item in items]
    best = max(styles, key=lambda key: (styles[key], -order.index(key)))
    example = next(item for item in items if (item.style, item.fmt) == best)
    example_label = normal(example.entry.provision.num or "")
    for item in items:
        if (item.style, item.fmt) != best:
            label = normal(item.entry.provision.num or "")
            out.add(
                level,
                "numbering.one_format",
                f'"{label}" is numbered in another format than the other {plural} here '
                f'(like "{example_label}")',
                item.entry,
                text=label,
            )


def _and(words: Sequence[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
