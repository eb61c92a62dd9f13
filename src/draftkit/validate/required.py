"""Required provisions: each `[[required]]` entry of the schema must be met by some provision.

Takes in the draft, the schema and the entries from `common`; looks for each requirement's
headings, phrases and patterns and, when `draftkit.risk` is installed, its risk category (the
classifier the flags use: "observers shall monitor" is monitoring, "the war will end" a
ceasefire) — for the requirement's signal terms of that category when it names some;
hands on one `required.<id>` finding per requirement not met (saying what was looked for)
and a note when the risk taxonomy is not available. Guarantees: without `draftkit.risk`
the category requirements fall back to headings and phrases and the note says so; a
category that is not in the taxonomy is a `SchemaError`.
"""

from __future__ import annotations

import importlib
import re

from draftkit.errors import SchemaError, Where
from draftkit.model import Draft, Provision
from draftkit.validate.clause_schema import ClauseSchema, Requirement
from draftkit.validate.common import PLURAL, Collector, Entry, normal, or_list


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(part) for part in phrase.split())
    left = r"(?<!\w)" if phrase[:1].isalnum() else ""
    right = r"(?!\w)" if phrase[-1:].isalnum() else ""
    return re.compile(left + body + right, re.IGNORECASE)


# eid → (category ids, category → the terms the classifier matched in the provision)
Classes = dict[str, tuple[tuple[str, ...], dict[str, tuple[str, ...]]]]


def _categories(draft: Draft, schema: ClauseSchema, notes: list[str]) -> Classes | None:
    """eid → category ids and matched terms from the risk taxonomy, or None when
    draftkit.risk is not available."""
    wanted = [r for r in schema.required if r.category is not None and r.severity != "off"]
    if not wanted:
        return None
    # Imported here, by name: draftkit.risk is optional for validation (and built separately);
    # without it, category requirements fall back to their headings and phrases.
    try:
        risk = importlib.import_module("draftkit.risk")
        load_taxonomy = risk.load_taxonomy
        classify = risk.classify
    except (ImportError, AttributeError):
        ids = ", ".join(sorted({r.id for r in wanted}))
        notes.append(
            f"the risk taxonomy (draftkit.risk) is not available: requirements by category ({ids}) "
            "were checked by heading and phrase only"
        )
        return None
    taxonomy = load_taxonomy(schema.taxonomy)
    known = {str(getattr(c, "id", "")) for c in getattr(taxonomy, "categories", ())}
    for requirement in wanted:
        if known and requirement.category not in known:
            raise SchemaError(
                f'[[required]] "{requirement.id}": category "{requirement.category}" is not in the risk '
                f"taxonomy (its categories: {', '.join(sorted(known))})",
                Where(schema.source),
            )
    result: Classes = {}
    explain = getattr(risk, "explain", None)
    if explain is not None and any(r.signals for r in wanted):
        for eid, found in explain(draft, taxonomy).items():
            signals = {str(cid): tuple(str(t) for t in terms) for cid, terms in found.signals.items()}
            result[str(eid)] = (tuple(str(c) for c in found.categories), signals)
        return result
    for eid, cats in classify(draft, taxonomy).items():
        result[str(eid)] = (tuple(str(c) for c in cats), {})
    return result


def _signal_pattern(term: str) -> re.Pattern[str]:
    """A taxonomy term as the classifier reports its matches: "monitor*" → monitor, monitors."""
    words = [re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "") for w in term.casefold().split()]
    return re.compile(r"\s+".join(words))


def _in_category(requirement: Requirement, found: tuple[tuple[str, ...], dict[str, tuple[str, ...]]]) -> bool:
    """Whether the classifier put a provision in the requirement's category (for one of its
    signal terms, when it names some)."""
    categories, signals = found
    if requirement.category is None or requirement.category not in categories:
        return False
    if not requirement.signals:
        return True
    wanted = [_signal_pattern(t) for t in requirement.signals]
    return any(p.fullmatch(term.casefold()) for term in signals.get(requirement.category, ()) for p in wanted)


def check_required(
    draft: Draft, schema: ClauseSchema, entries: list[Entry], out: Collector, notes: list[str]
) -> None:
    """Add a finding for each requirement no provision meets (and a note when risk is missing)."""
    categories = _categories(draft, schema, notes)
    searched: list[tuple[Provision, str, str]] = []  # provision, heading, heading + text
    for entry in entries:
        heading = normal(entry.provision.heading or "")
        text = normal(entry.provision.text)
        searched.append((entry.provision, heading, f"{heading}\n{text}" if heading else text))
    for rank, requirement in enumerate(schema.required):
        if requirement.severity == "off":
            continue
        if _satisfied(requirement, searched, categories):
            continue
        out.add(
            requirement.severity,
            f"required.{requirement.id}",
            f"the draft has no provision on {requirement.description} "
            f"({_looked_for(requirement, categories)})",
            order=(2, rank, 0),
        )


def _satisfied(
    requirement: Requirement,
    searched: list[tuple[Provision, str, str]],
    categories: Classes | None,
) -> bool:
    headings = [_phrase_pattern(h) for h in requirement.headings]
    phrases = [_phrase_pattern(p) for p in requirement.phrases]
    if (
        requirement.category is not None
        and categories is None
        and not (headings or phrases or requirement.patterns)
    ):
        # Degraded: no classifier, and nothing else to look for — use the category's name.
        words = requirement.category.replace("_", " ")
        headings = phrases = [_phrase_pattern(words)]
    for provision, heading, both in searched:
        if requirement.kinds and provision.kind not in requirement.kinds:
            continue
        if heading and any(p.search(heading) for p in headings):
            return True
        if any(p.search(both) for p in phrases) or any(p.search(both) for p in requirement.patterns):
            return True
        if categories is not None and _in_category(requirement, categories.get(provision.eid, ((), {}))):
            return True
    return False


def _looked_for(requirement: Requirement, categories: Classes | None) -> str:
    parts: list[str] = []
    if requirement.headings:
        parts.append("a heading with " + or_list(f'"{h}"' for h in requirement.headings))
    if requirement.phrases:
        parts.append("text with " + or_list(f'"{p}"' for p in requirement.phrases))
    if requirement.patterns:
        count = len(requirement.patterns)
        parts.append("text matching " + ("its pattern" if count == 1 else f"one of its {count} patterns"))
    if requirement.category is not None:
        if categories is not None and requirement.signals:
            terms = or_list(f'"{t}"' for t in requirement.signals)
            parts.append(f'a provision in the risk category "{requirement.category}" for {terms}')
        elif categories is not None:
            parts.append(f'a provision in the risk category "{requirement.category}"')
        elif not parts:
            parts.append(f'a heading or text with "{requirement.category.replace("_", " ")}"')
    where = f" in {or_list(PLURAL[k] for k in requirement.kinds)}" if requirement.kinds else ""
    return "looked for " + "; ".join(parts) + where
