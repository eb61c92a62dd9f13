"""Forbidden leftovers: drafting marks that must not go out in a round (the `[[forbidden]]` rules).

Takes in the draft, the schema and the entries from `common`; searches the title, every
recital and every heading and text for the rules' patterns and words (in the default
schema: brackets, elisions, "TBD", "XX", "___") and, for rules with `empty = true`, looks
for provisions with no text and no children; hands on one `forbidden.<id>` finding per
match, with the words matched as its `text`, and per empty provision. Guarantees: an empty
match is never reported; a match in the title or a recital is placed there ("Title",
"Preamble, recital 3").
"""

from __future__ import annotations

from collections.abc import Iterator

from draftkit.model import Draft
from draftkit.validate.clause_schema import ClauseSchema
from draftkit.validate.common import Collector, Entry, quote


def _texts(
    draft: Draft, entries: list[Entry]
) -> Iterator[tuple[str, Entry | None, str | None, tuple[int, int, int]]]:
    """Every text a leftover can hide in: (text, provision entry, citation, order key)."""
    if draft.title:
        yield draft.title, None, "Title", (0, 0, 0)
    for number, recital in enumerate(draft.preamble, start=1):
        yield recital, None, f"Preamble, recital {number}", (0, number, 0)
    for entry in entries:
        if entry.provision.heading:
            yield entry.provision.heading, entry, None, (1, entry.index, 0)
        if entry.provision.text:
            yield entry.provision.text, entry, None, (1, entry.index, 1)


def check_forbidden(draft: Draft, schema: ClauseSchema, entries: list[Entry], out: Collector) -> None:
    """Add a finding for each leftover the forbidden rules match, and each empty provision."""
    for rule in schema.forbidden:
        if rule.severity == "off":
            continue
        rule_id = f"forbidden.{rule.id}"
        patterns = (*rule.patterns, *rule.word_patterns)
        if patterns:
            for text, entry, citation, order in _texts(draft, entries):
                for pattern in patterns:
                    for m in pattern.finditer(text):
                        if not m.group(0):
                            continue
                        out.add(
                            rule.severity,
                            rule_id,
                            f"{rule.description}: {quote(m.group(0))}",
                            entry,
                            text=m.group(0),
                            citation=citation,
                            order=order,
                        )
        if rule.empty:
            for entry in entries:
                provision = entry.provision
                if provision.text.strip() or provision.children:
                    continue
                name = quote(provision.num) if provision.num else f"this {provision.kind}"
                has = "has a heading but no text" if provision.heading else "has no text"
                out.add(rule.severity, rule_id, f"{rule.description}: {name} {has}", entry)
