"""The risk taxonomy: categories with weights and signal terms, gazetteers, and the words
each significance rule looks for — read from a TOML file a legal adviser can edit.

`load_taxonomy()` reads `schemas/taxonomy.toml`; `load_taxonomy(path)` a user's file, which
may start with `extends = "default"` to add to the shipped one instead of replacing it
(tables merge key by key, lists are appended). Every problem is a `SchemaError` (exit 4)
that names the file, the line where it can tell, and the key.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import field, fields
from pathlib import Path
from typing import Literal, cast

from draftkit.errors import SchemaError, Where, too_long_number
from draftkit.limits import read_capped
from draftkit.records import record
from draftkit.resources import schema_path
from draftkit.risk.lemmas import language_of, lemma_form
from draftkit.risk.phrases import PhraseSet, PhraseSets, take_words
from draftkit.risk.tokens import normalise_word, tokenize

DEFAULT_TAXONOMY = "taxonomy.toml"
MAX_TAXONOMY_BYTES = 5_000_000
"""Largest taxonomy file (the shipped one is some 50 kB)."""
_MAX_EXTENDS = 4  # levels of `extends` under the file given (`_read` refuses a fifth)
GENERAL = "general"  # the category of a change no taxonomy category matched

NameKind = Literal["place", "party", "organisation"]
NAME_KINDS: tuple[NameKind, ...] = ("place", "party", "organisation")
UNIT_CLASSES = ("distance", "calibre", "time", "personnel", "percent", "currency", "multiplier")
OBLIGATION_LEVELS: tuple[tuple[str, int], ...] = (
    ("binding", 4),
    ("expected", 3),
    ("advisory", 2),
    ("discretionary", 1),
)
QUALIFIER_GROUPS = ("temporal", "urgency", "conditional", "scope", "pace")
SCOPE_GROUPS = (
    "universal",
    "restrictive",
    "permanent",
    "temporary",
    "lower_bound",
    "upper_bound",
    "unanimity",
    "majority",
    "equal_votes",
    "weighted_votes",
    "elected",
    "appointed",
)
# What a party receives or gives up for a harm (issue 14): words of one group interchangeable.
REMEDY_GROUPS = ("compensation", "assistance", "waiver")
# What kind of promise a provision gives, strongest first ([commitments]).
COMMITMENT_GROUPS = ("guarantee", "assurance", "support")
# What a body does in a mechanism, strongest first ([roles]).
ROLE_GROUPS = ("directs", "monitors", "assists")
# What happens together with, before or after what ([sequence]).
SEQUENCE_GROUPS = ("together", "before", "after")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@record
class Significance:
    """How much each kind of edit matters, 0–1, before the category weight (severity = weight
    × significance). The `[significance]` table of a taxonomy overrides any of these."""

    obligation_step_1: float = 0.6
    obligation_step_2: float = 0.85
    obligation_step_3: float = 1.0
    obligation_added: float = 0.7
    obligation_removed: float = 0.8
    negation: float = 1.0
    number_base: float = 0.5
    number_added: float = 0.6
    number_removed: float = 0.7
    deadline_base: float = 0.5
    deadline_added: float = 0.7
    deadline_removed: float = 0.8
    date: float = 0.8
    name_changed: float = 0.9
    name_added: float = 0.6
    name_removed: float = 0.7
    condition_added: float = 0.8
    condition_removed: float = 0.8
    condition_changed: float = 0.6
    exception_added: float = 0.8
    exception_removed: float = 0.8
    exception_changed: float = 0.7
    scope_duration: float = 0.7
    scope_restrictive: float = 0.6
    scope_universal: float = 0.5
    scope_bound: float = 0.9
    object_scope: float = 0.75  # "troops" → "combat troops" in what is banned or withdrawn
    recognition: float = 1.0
    brackets_added: float = 0.5
    brackets_removed: float = 0.55
    brackets_lifted: float = 0.5
    brackets_reopened: float = 0.55
    provision_operative_added: float = 0.75
    provision_operative_deleted: float = 0.8
    provision_added: float = 0.5
    provision_deleted: float = 0.55
    reference: float = 0.25
    heading: float = 0.25
    wording: float = 0.25
    not_weighed: float = 0.6  # a changed provision too long for the rules (limits.WEIGH_CHARS)
    provision_lead_in: float = 0.7
    qualifier_added: float = 0.9
    qualifier_removed: float = 0.9
    qualifier_changed: float = 0.7
    deadline_urgent: float = 1.0
    scope_urgent: float = 0.8  # "all" dropped, "where possible" added: a release or withdrawal
    remedy_changed: float = 0.8  # compensation → assistance, reparations → a waiver of claims
    remedy_removed: float = 0.9
    remedy_added: float = 0.7
    commitment_weakened: float = 0.9  # security guarantees → security assurances, → support
    commitment_strengthened: float = 0.6
    role_weakened: float = 0.75  # chaired by the UN → assisted by the UN; verified by → reported to
    role_strengthened: float = 0.5
    sequence_changed: float = 0.75  # simultaneously with → followed by; in parallel → precede
    list_item: float = 0.5  # an item dropped from or added to a list ("tanks, artillery and mortars")
    list_joiner: float = 0.5  # "and" ↔ "or" between the same items: all of them → any of them
    list_heavy: float = 0.75  # either, in a binding text of a heavy category (weight ≥ 0.85)


_SIGNIFICANCE_KEYS = tuple(f.name for f in fields(Significance))


@record
class Category:
    """One risk category: id, words for messages, weight 0–1, and what signals it."""

    id: str
    label: str
    weight: float
    description: str = ""
    terms: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()


@record
class Gazetteer:
    """A list of names of one kind; a mention may also signal a category."""

    id: str
    kind: NameKind
    names: tuple[str, ...]
    category: str | None = None


@record
class Lexicon:
    """The words the significance rules look for (all matched in normalised form)."""

    obligation: tuple[tuple[int, tuple[str, ...]], ...]
    negation: tuple[str, ...]
    conditions: tuple[str, ...]
    negative_conditions: tuple[str, ...]
    exceptions: tuple[str, ...]
    scope: tuple[tuple[str, tuple[str, ...]], ...]
    recognition: tuple[str, ...]
    deadline_by: tuple[str, ...]
    deadline_not_before: tuple[str, ...]
    units: tuple[tuple[str, tuple[tuple[str, float], ...]], ...]
    place_words: tuple[str, ...]
    not_names: tuple[str, ...]
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()  # canonical name → other forms
    qualifiers: tuple[tuple[str, tuple[str, ...]], ...] = ()  # group → phrases
    urgent: tuple[str, ...] = ()  # subjects whose deadlines are high (hostages, withdrawal)
    body_words: tuple[str, ...] = ()  # a name ending in one is a body: "Joint Commission"
    remedies: tuple[tuple[str, tuple[str, ...]], ...] = ()  # group → words ([remedies])
    commitments: tuple[tuple[str, tuple[str, ...]], ...] = ()  # group → words ([commitments])
    roles: tuple[tuple[str, tuple[str, ...]], ...] = ()  # group → words ([roles])
    sequence: tuple[tuple[str, tuple[str, ...]], ...] = ()  # group → words ([sequence])


@record
class Compiled:
    """Phrase sets and lookup tables built once from a taxonomy."""

    classifier: PhraseSet  # one trie: a group per category id, plus "gazetteer", "if", "except"
    category_patterns: tuple[tuple[str, re.Pattern[str]], ...]
    gazetteer: PhraseSet
    gazetteer_kind: dict[str, NameKind]
    gazetteer_category: dict[str, str | None]
    obligation: PhraseSet
    negation: PhraseSet
    conditions: PhraseSet
    exceptions: PhraseSet
    scope: PhraseSet
    remedies: PhraseSet
    recognition: PhraseSet
    commitments: PhraseSet
    roles: PhraseSet
    sequence: PhraseSet
    deadlines: PhraseSet
    units: dict[str, tuple[str, float]]  # normalised unit word → (class, factor)
    personnel: frozenset[str]  # the unit words of the personnel class ("troops", "військовослужбовців")
    place_words: frozenset[str]
    not_names: frozenset[str]
    body_words: frozenset[str]
    entities: PhraseSet  # gazetteer names and their aliases, over lemmas; label "canonical|cap"
    entity_kind: dict[str, NameKind]  # canonical name → kind
    qualifiers: PhraseSet  # over lemmas; label "group|open" (open: takes the clause after it)
    urgent: PhraseSet  # over lemmas
    # The sets every side of a change is read for (risk/features.py), each group found in one
    # scan of a text: over its tokens, and over its lemma view ("urgent" is read rarely); a
    # text only asked whether it binds (an added provision) is read for the first three.
    rule_sets: PhraseSets = field(init=False)
    lemma_sets: PhraseSets = field(init=False)
    modal_sets: PhraseSets = field(init=False)

    def __post_init__(self) -> None:
        rule_sets = (
            self.conditions,
            self.exceptions,
            self.obligation,
            self.negation,
            self.scope,
            self.deadlines,
            self.remedies,
            self.recognition,
            self.commitments,
            self.roles,
            self.sequence,
        )
        object.__setattr__(self, "rule_sets", PhraseSets(rule_sets))
        object.__setattr__(self, "modal_sets", PhraseSets(rule_sets[:3]))
        object.__setattr__(self, "lemma_sets", PhraseSets((self.entities, self.qualifiers)))


@record
class Taxonomy:
    """A loaded, checked taxonomy. `compiled` holds its phrase sets, built on load."""

    source: str
    categories: tuple[Category, ...]
    gazetteers: tuple[Gazetteer, ...]
    lexicon: Lexicon
    significance: Significance = field(default_factory=Significance)
    high: float = 0.6
    medium: float = 0.3
    general_weight: float = 0.5
    description: str = ""
    compiled: Compiled = field(init=False, repr=False, compare=False)
    order: Mapping[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled", _compile(self))
        # Category id → position in the file: the tie-breaker wherever categories are ranked.
        object.__setattr__(self, "order", {c.id: k for k, c in enumerate(self.categories)})

    def category(self, category_id: str) -> Category | None:
        """The category with this id, if the taxonomy has it."""
        for category in self.categories:
            if category.id == category_id:
                return category
        return None

    def weight(self, category_id: str) -> float:
        """Risk weight of a category id (the general weight for 'general' or unknown ids)."""
        category = self.category(category_id)
        return category.weight if category is not None else self.general_weight

    def label(self, category_id: str) -> str:
        """Words for a category in messages."""
        category = self.category(category_id)
        return category.label if category is not None else category_id.replace("_", " ")


def lemma_phrases(phrase: str) -> list[str]:
    """A phrase in lemma form, for phrase sets matched on a text's lemma view (`Text.mapped`),
    once per language it may be in (Cyrillic without a telling letter: Ukrainian and
    Russian — and both in turn, as a text without a telling letter is read: "в мирное
    время" → "в мирный врем'я"); a trailing * keeps its word unlemmatised, as a prefix."""
    found = LEMMAS_AHEAD.get(phrase)
    if found is not None:
        return list(found)
    out: list[str] = []
    langs = language_of(phrase)
    variants = [(lang,) for lang in langs] + ([langs] if len(langs) > 1 else [])
    for variant in variants:
        words: list[str] = []
        for word in phrase.split():
            if word.endswith("*") and len(word) > 1:
                words.append(normalise_word(word[:-1]) + "*")
                continue
            words.extend(lemma_form(t.norm, variant) if t.kind == "word" else t.norm for t in tokenize(word))
        if " ".join(words) not in out:
            out.append(" ".join(words))
    return out


# `lemma_phrases` of the shipped taxonomy's phrases, made ahead (`_parsed_ahead`): ~9 ms of
# every diff's taxonomy loading, in each process.
LEMMAS_AHEAD: dict[str, tuple[str, ...]] = {}


def _entities(taxonomy: Taxonomy) -> tuple[PhraseSet, dict[str, NameKind]]:
    """Every gazetteer name and alias, lemmatised, labelled with its canonical name."""
    kind_of: dict[str, NameKind] = {}
    for g in taxonomy.gazetteers:
        for name in g.names:
            kind_of.setdefault(name, g.kind)
    phrases: list[tuple[str, str]] = []
    canonical_of: dict[str, str] = {}
    for canonical, forms in taxonomy.lexicon.aliases:
        for form in (canonical, *forms):
            canonical_of.setdefault(form, canonical)
    kinds: dict[str, NameKind] = {}
    for name in [*kind_of, *canonical_of]:
        canonical = canonical_of.get(name, name)
        kinds.setdefault(canonical, kind_of.get(canonical) or kind_of.get(name) or "party")
        cap = "cap" if name[:1].isupper() else "any"
        phrases.extend((f"{canonical}|{cap}", form) for form in lemma_phrases(name))
    return PhraseSet(phrases), kinds


_WHEN_WORDS = {"until", "before", "prior to"}


def _temporal_markers(lex: Lexicon) -> list[str]:
    """Words that open a clause saying when or once what ("until the withdrawal is complete",
    "before the full withdrawal"): its terms qualify the provision, as a condition's do."""
    open_qualifiers = [
        p.rstrip(" …") for group, phrases in lex.qualifiers if group in ("temporal", "conditional") for p in phrases
        if p.endswith("…")
    ]  # fmt: skip
    # English only: Ukrainian and Russian set no comma after "після …", "после …", so where
    # such a clause ends cannot be read from the punctuation.
    return sorted(
        w for w in {*open_qualifiers, *(w for w in lex.deadline_by if w in _WHEN_WORDS)} if w.isascii()
    )


def _compile(taxonomy: Taxonomy) -> Compiled:
    lex = taxonomy.lexicon
    entities, entity_kind = _entities(taxonomy)
    gazetteer_phrases = [(g.id, name) for g in taxonomy.gazetteers for name in g.names]
    gazetteer = PhraseSet(gazetteer_phrases)
    condition_phrases = [("unless", p) for p in lex.negative_conditions] + [("if", p) for p in lex.conditions]
    exception_phrases = [("except", p) for p in lex.exceptions]
    classifier = PhraseSet(
        [],
        groups=[(c.id, c.id, t) for c in taxonomy.categories for t in c.terms]
        + [("gazetteer", gid, name) for gid, name in gazetteer_phrases]
        + [("conditions", label, p) for label, p in condition_phrases]
        + [("exceptions", label, p) for label, p in exception_phrases]
        + [("temporal", "when", p) for p in _temporal_markers(lex)],
    )
    units: dict[str, tuple[str, float]] = {}
    for cls, table in lex.units:
        for word, factor in table:
            norms = [t.norm for t in tokenize(word)]
            if len(norms) == 1:
                units[norms[0]] = (cls, factor)
    return Compiled(
        classifier=classifier,
        category_patterns=tuple((c.id, re.compile(p)) for c in taxonomy.categories for p in c.patterns),
        gazetteer=gazetteer,
        gazetteer_kind={g.id: g.kind for g in taxonomy.gazetteers},
        gazetteer_category={g.id: g.category for g in taxonomy.gazetteers},
        obligation=PhraseSet([(str(level), p) for level, phrases in lex.obligation for p in phrases]),
        negation=PhraseSet([("not", p) for p in lex.negation]),
        conditions=PhraseSet(condition_phrases),
        exceptions=PhraseSet(exception_phrases),
        scope=PhraseSet([(group, p) for group, phrases in lex.scope for p in phrases]),
        remedies=PhraseSet([(group, p) for group, phrases in lex.remedies for p in phrases]),
        recognition=PhraseSet([("recognition", p) for p in lex.recognition]),
        commitments=PhraseSet([(group, p) for group, phrases in lex.commitments for p in phrases]),
        roles=PhraseSet([(group, p) for group, phrases in lex.roles for p in phrases]),
        sequence=PhraseSet([(group, p) for group, phrases in lex.sequence for p in phrases]),
        deadlines=PhraseSet(
            [("by", p) for p in lex.deadline_by] + [("not_before", p) for p in lex.deadline_not_before]
        ),
        units=units,
        personnel=frozenset(word for word, (cls, _) in units.items() if cls == "personnel"),
        place_words=frozenset(normalise_word(w) for w in lex.place_words),
        not_names=frozenset(normalise_word(w) for w in lex.not_names),
        body_words=frozenset(normalise_word(w) for w in lex.body_words),
        entities=entities,
        entity_kind=entity_kind,
        qualifiers=PhraseSet(
            [
                (f"{group}|{'open' if p.endswith('…') else 'closed'}", form)
                for group, phrases in lex.qualifiers
                for p in phrases
                for form in lemma_phrases(p.rstrip(" …"))
            ]
        ),
        urgent=PhraseSet([("urgent", form) for p in lex.urgent for form in lemma_phrases(p)]),
    )


# ---------------------------------------------------------------------------------------------
# Loading and checking


class _Checker:
    """Reads a merged TOML document into a Taxonomy, with a SchemaError for the first problem."""

    def __init__(self, source: str, text: str) -> None:
        self.source = source
        self.text = text

    def fail(self, key: str, message: str) -> SchemaError:
        line = _locate(self.text, key)
        where = Where(self.source, line=line) if line else Where(self.source)
        return SchemaError(f"{key}: {message}", where)

    def table(self, data: Mapping[str, object], key: str, allowed: Sequence[str] | None) -> dict[str, object]:
        value = data.get(key.rsplit(".", 1)[-1], {})
        if not isinstance(value, dict):
            raise self.fail(key, f"must be a table, got {_type_name(value)}")
        if allowed is not None:
            for name in value:
                if name not in allowed:
                    raise self.fail(f"{key}.{name}", f"unknown key (allowed: {', '.join(allowed)})")
        return cast(dict[str, object], value)

    def number(
        self, data: Mapping[str, object], key: str, default: float | None, low: float, high: float
    ) -> float:
        name = key.rsplit(".", 1)[-1]
        if name not in data:
            if default is None:
                raise self.fail(key, "is required")
            return default
        value = data[name]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(key, f"must be a number, got {_type_name(value)}")
        if not (low <= float(value) <= high) or math.isnan(float(value)):
            raise self.fail(key, f"must be between {low:g} and {high:g}, got {value}")
        return float(value)

    def string(self, data: Mapping[str, object], key: str, default: str | None) -> str:
        name = key.rsplit(".", 1)[-1]
        if name not in data:
            if default is None:
                raise self.fail(key, "is required")
            return default
        value = data[name]
        if not isinstance(value, str):
            raise self.fail(key, f"must be a string, got {_type_name(value)}")
        return value

    def strings(self, data: Mapping[str, object], key: str) -> tuple[str, ...]:
        name = key.rsplit(".", 1)[-1]
        value = data.get(name, [])
        if not isinstance(value, list):
            raise self.fail(key, f"must be a list of strings, got {_type_name(value)}")
        out: list[str] = []
        for k, item in enumerate(value):
            if not isinstance(item, str):
                raise self.fail(key, f"item {k + 1} must be a string, got {_type_name(item)}")
            if not item.strip():
                raise self.fail(key, f"item {k + 1} is empty")
            if item not in out:
                out.append(item)
        return tuple(out)

    def check(self, data: Mapping[str, object]) -> Taxonomy:
        allowed = (
            "version",
            "extends",
            "description",
            "severity",
            "significance",
            "categories",
            "gazetteers",
            "names",
            "obligation",
            "negation",
            "conditions",
            "exceptions",
            "scope",
            "recognition",
            "deadlines",
            "units",
            "aliases",
            "qualifiers",
            "remedies",
            "commitments",
            "roles",
            "sequence",
        )
        for name in data:
            if name not in allowed:
                raise self.fail(name, f"unknown key (allowed: {', '.join(allowed)})")
        version = data.get("version", 1)
        if version != 1 or isinstance(version, bool):
            raise self.fail("version", f"unsupported version {version!r} (this draftkit reads version 1)")
        description = self.string(data, "description", "")

        severity = self.table(data, "severity", ("high", "medium", "general_weight"))
        high = self.number(severity, "severity.high", 0.6, 0.0, 1.0)
        medium = self.number(severity, "severity.medium", 0.3, 0.0, 1.0)
        if medium > high:
            raise self.fail("severity.medium", f"must not be above severity.high ({medium:g} > {high:g})")
        general_weight = self.number(severity, "severity.general_weight", 0.5, 0.0, 1.0)

        sig_table = self.table(data, "significance", _SIGNIFICANCE_KEYS)
        defaults = Significance()
        significance = Significance(
            **{
                name: self.number(sig_table, f"significance.{name}", getattr(defaults, name), 0.0, 1.0)
                for name in _SIGNIFICANCE_KEYS
            }
        )

        categories = self._categories(data)
        known = {c.id for c in categories}
        gazetteers = self._gazetteers(data, known)
        lexicon = self._lexicon(data)
        return Taxonomy(
            source=self.source,
            categories=categories,
            gazetteers=gazetteers,
            lexicon=lexicon,
            significance=significance,
            high=high,
            medium=medium,
            general_weight=general_weight,
            description=description,
        )

    def _categories(self, data: Mapping[str, object]) -> tuple[Category, ...]:
        table = self.table(data, "categories", None)
        if not table:
            raise self.fail("categories", "at least one category is required ([categories.<id>] tables)")
        out: list[Category] = []
        for cid, raw in table.items():
            key = f"categories.{cid}"
            if not _ID.match(cid) or cid == GENERAL:
                raise self.fail(
                    key, "a category id is lower-case letters, digits and _ ('general' is reserved)"
                )
            body = self.table(table, key, ("label", "weight", "description", "terms", "patterns"))
            del raw
            patterns = self.strings(body, f"{key}.patterns")
            for k, source in enumerate(patterns):
                try:
                    compiled = re.compile(source)
                except re.error as exc:
                    raise self.fail(
                        f"{key}.patterns", f"item {k + 1} is not a valid regular expression ({exc})"
                    ) from None
                if compiled.match(""):
                    raise self.fail(f"{key}.patterns", f"item {k + 1} matches the empty string")
            out.append(
                Category(
                    id=cid,
                    label=self.string(body, f"{key}.label", cid.replace("_", " ")),
                    weight=self.number(body, f"{key}.weight", None, 0.0, 1.0),
                    description=self.string(body, f"{key}.description", ""),
                    terms=self.strings(body, f"{key}.terms"),
                    patterns=patterns,
                )
            )
        return tuple(out)

    def _gazetteers(self, data: Mapping[str, object], known: set[str]) -> tuple[Gazetteer, ...]:
        table = self.table(data, "gazetteers", None)
        out: list[Gazetteer] = []
        for gid, _raw in table.items():
            key = f"gazetteers.{gid}"
            if not _ID.match(gid):
                raise self.fail(key, "a gazetteer id is lower-case letters, digits and _")
            body = self.table(table, key, ("kind", "category", "names"))
            kind = self.string(body, f"{key}.kind", None)
            if kind not in NAME_KINDS:
                raise self.fail(f"{key}.kind", f"must be one of {', '.join(NAME_KINDS)}, got {kind!r}")
            category: str | None = self.string(body, f"{key}.category", "") or None
            if category is not None and category not in known:
                raise self.fail(f"{key}.category", f"unknown category {category!r}")
            out.append(Gazetteer(gid, kind, self.strings(body, f"{key}.names"), category))
        return tuple(out)

    def _lexicon(self, data: Mapping[str, object]) -> Lexicon:
        obligation = self.table(data, "obligation", [name for name, _ in OBLIGATION_LEVELS])
        negation = self.table(data, "negation", ("words",))
        conditions = self.table(data, "conditions", ("markers", "negative"))
        exceptions = self.table(data, "exceptions", ("markers",))
        scope = self.table(data, "scope", SCOPE_GROUPS)
        remedies = self.table(data, "remedies", REMEDY_GROUPS)
        commitments = self.table(data, "commitments", COMMITMENT_GROUPS)
        roles = self.table(data, "roles", ROLE_GROUPS)
        sequence = self.table(data, "sequence", SEQUENCE_GROUPS)
        recognition = self.table(data, "recognition", ("terms",))
        deadlines = self.table(data, "deadlines", ("by", "not_before", "urgent"))
        aliases = self.table(data, "aliases", None)
        qualifiers = self.table(data, "qualifiers", QUALIFIER_GROUPS)
        names = self.table(data, "names", ("place_words", "not_names", "body_words"))
        units_table = self.table(data, "units", UNIT_CLASSES)
        units: list[tuple[str, tuple[tuple[str, float], ...]]] = []
        for cls in UNIT_CLASSES:
            body = self.table(units_table, f"units.{cls}", None)
            entries = tuple(
                (word, self.number(body, f"units.{cls}.{word}", None, 0.0, 1e15)) for word in body
            )
            units.append((cls, entries))
        return Lexicon(
            obligation=tuple(
                (level, self.strings(obligation, f"obligation.{name}")) for name, level in OBLIGATION_LEVELS
            ),
            negation=self.strings(negation, "negation.words"),
            conditions=self.strings(conditions, "conditions.markers"),
            negative_conditions=self.strings(conditions, "conditions.negative"),
            exceptions=self.strings(exceptions, "exceptions.markers"),
            scope=tuple((group, self.strings(scope, f"scope.{group}")) for group in SCOPE_GROUPS),
            recognition=self.strings(recognition, "recognition.terms"),
            deadline_by=self.strings(deadlines, "deadlines.by"),
            deadline_not_before=self.strings(deadlines, "deadlines.not_before"),
            units=tuple(units),
            place_words=self.strings(names, "names.place_words"),
            not_names=self.strings(names, "names.not_names"),
            body_words=self.strings(names, "names.body_words"),
            remedies=tuple((group, self.strings(remedies, f"remedies.{group}")) for group in REMEDY_GROUPS),
            commitments=tuple(
                (group, self.strings(commitments, f"commitments.{group}")) for group in COMMITMENT_GROUPS
            ),
            roles=tuple((group, self.strings(roles, f"roles.{group}")) for group in ROLE_GROUPS),
            sequence=tuple((group, self.strings(sequence, f"sequence.{group}")) for group in SEQUENCE_GROUPS),
            aliases=tuple((name, self.strings(aliases, f"aliases.{name}")) for name in aliases),
            qualifiers=tuple(
                (group, self.strings(qualifiers, f"qualifiers.{group}")) for group in QUALIFIER_GROUPS
            ),
            urgent=self.strings(deadlines, "deadlines.urgent"),
        )


def _type_name(value: object) -> str:
    match value:
        case bool():
            return "true/false"
        case int() | float():
            return "a number"
        case str():
            return "a string"
        case list():
            return "a list"
        case dict():
            return "a table"
        case _:
            return type(value).__name__


_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEYLINE = re.compile(r"^\s*(\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+)\s*=")


def _split_key(dotted: str) -> list[str]:
    parts: list[str] = []
    for m in re.finditer(r"\"([^\"]*)\"|'([^']*)'|([^.\s]+)", dotted):
        parts.append(next(g for g in m.groups() if g is not None))
    return parts


def _locate(text: str, key: str) -> int | None:
    """Best-effort line (1-based) of a dotted key in TOML source: its table header, then the key."""
    parts = key.split(".")
    table: list[str] = []
    best: int | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            table = _split_key(header.group(1))
            if table == parts and best is None:
                best = number
            continue
        m = _KEYLINE.match(line)
        if not m:
            continue
        name = m.group(1).strip("\"'")
        if [*table, name] == parts or (table == parts[:-1] and name == parts[-1]):
            return number
        if (
            table == parts[: len(table)]
            and len(table) < len(parts)
            and name == parts[len(table)]
            and best is None
        ):
            best = number
    if best is None and len(parts) > 1:
        return _locate(text, ".".join(parts[:-1]))
    return best


def _merge(base: dict[str, object], extra: Mapping[str, object]) -> dict[str, object]:
    out = dict(base)
    for key, value in extra.items():
        old = out.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            out[key] = _merge(cast(dict[str, object], old), cast(dict[str, object], value))
        elif isinstance(old, list) and isinstance(value, list):
            out[key] = old + [v for v in value if v not in old]
        else:
            out[key] = value
    return out


def _read(path: Path, depth: int = 0, *, extends_files: bool = True) -> tuple[dict[str, object], str]:
    name = str(path)
    try:
        raw = read_capped(path, MAX_TAXONOMY_BYTES)
    except FileNotFoundError:
        raise SchemaError("no such taxonomy file", name) from None
    except IsADirectoryError:
        raise SchemaError("is a directory, not a taxonomy file", name) from None
    except OSError as exc:
        raise SchemaError(f"cannot read: {exc.strerror or exc}", name) from None
    if raw is None:
        raise SchemaError(f"taxonomy file larger than {MAX_TAXONOMY_BYTES:,} bytes", name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SchemaError(f"not UTF-8 text (byte {exc.start})", name) from None
    data: dict[str, object] | None = _parsed_ahead(path, raw)
    if data is not None:
        return data, text
    import tomllib  # here: the shipped taxonomy is read from its parsed copy (see _parsed_ahead)

    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise SchemaError("invalid TOML: arrays or tables nest too deeply", name) from None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        m = re.search(r"\(at line (\d+), column (\d+)\)", message)
        line = int(m.group(1)) if m else None
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", message) or "invalid TOML"
        if m:
            message += f" (column {m.group(2)})"
        raise SchemaError(f"invalid TOML: {message}", Where(name, line=line)) from None
    except ValueError:  # after TOMLDecodeError, a ValueError too
        raise SchemaError(f"invalid TOML: {too_long_number()}", name) from None
    extends = data.pop("extends", None)
    if extends is None:
        return data, text
    if not isinstance(extends, str):
        raise _Checker(name, text).fail("extends", f"must be a string, got {_type_name(extends)}")
    if not extends_files and extends != "default":
        raise _Checker(name, text).fail(
            "extends", 'may only be "default" here (the bundled taxonomy), not a file on this machine'
        )
    if depth >= _MAX_EXTENDS:
        raise _Checker(name, text).fail("extends", "too many levels of 'extends' (a cycle?)")
    base_path = schema_path(DEFAULT_TAXONOMY) if extends == "default" else (path.parent / extends)
    try:
        same = extends != "default" and base_path.resolve() == path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: RuntimeError before Python 3.13
        raise _Checker(name, text).fail("extends", "cannot resolve the path (a symlink loop?)") from None
    if same:
        raise _Checker(name, text).fail("extends", "a taxonomy cannot extend itself")
    base, _ = _read(base_path, depth + 1)
    return _merge(base, data), text


def taxonomy_files(path: str | os.PathLike[str] | None) -> tuple[Path, ...]:
    """The files loading the taxonomy at `path` reads: it, and each file its `extends` chain
    names (not the bundled "default"), for an output path to be checked against before
    anything is read. Nothing is refused here: the chain ends at a file that cannot be read
    or parsed, or that is not a regular file (a pipe is read once, by the loader), and
    loading it says what is wrong."""
    if path is None:
        return ()
    files = [Path(path)]
    while len(files) <= _MAX_EXTENDS:
        base = _extends_file(files[-1])
        if base is None or any(_same_file(base, seen) for seen in files):
            break
        files.append(base)
    return tuple(files)


def _extends_file(path: Path) -> Path | None:
    """The file `path`'s `extends` names, if it names one and the file can be told."""
    try:
        if not path.is_file():
            return None
        raw = read_capped(path, MAX_TAXONOMY_BYTES)
    except OSError:
        return None
    # The TOML is parsed only where a key could spell `extends` (a quoted key may escape it).
    if raw is None or not any(mark in raw for mark in (b"extends", b"\\u", b"\\U")):
        return None
    import tomllib

    try:
        extends = tomllib.loads(raw.decode("utf-8-sig")).get("extends")
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError, ValueError):
        return None
    return path.parent / extends if isinstance(extends, str) and extends != "default" else None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):  # a symlink loop: RuntimeError before Python 3.13
        return True  # ends the chain; the loader says what is wrong


PARSED_AHEAD = "taxonomy.parsed.json"  # the shipped taxonomy.toml, parsed (tools/build_taxonomy_json.py)


def _parsed_ahead(path: Path, raw: bytes) -> dict[str, object] | None:
    """The shipped taxonomy's TOML as `tomllib` parses it, from its JSON copy beside it (parsed
    ~30 times faster: the TOML parser is pure Python, ~15 ms of every diff), when `path` is the
    shipped file and the copy was made from these very bytes (its SHA-256); else None, and the
    TOML is parsed. The copy holds no `extends`: the shipped file extends nothing."""
    if path.name != DEFAULT_TAXONOMY:
        return None
    try:
        if path != schema_path(DEFAULT_TAXONOMY):
            return None
        ahead = json.loads(schema_path(PARSED_AHEAD).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(ahead, dict) or ahead.get("toml_sha256") != hashlib.sha256(raw).hexdigest():
        return None
    data = ahead.get("data")
    if not isinstance(data, dict) or "extends" in data:
        return None
    _take_phrases(ahead.get("phrases"))
    return data


def _take_phrases(made: object) -> None:
    """The phrases' lemma forms and the words' tokens the copy holds, made from the same TOML
    by tools/build_taxonomy_json.py (tests/risk/test_taxonomy_parsed.py checks them against
    what the code makes now): taken as made, or none if they are not what the tool writes."""
    if not isinstance(made, dict):
        return
    lemmas, words = made.get("lemmas"), made.get("words")
    if not isinstance(lemmas, dict) or not isinstance(words, dict):
        return
    try:
        lemma_table = {
            p: tuple(str(f) for f in forms) for p, forms in lemmas.items() if isinstance(forms, list)
        }
        word_table = {w: tuple((str(n), bool(wild)) for n, wild in tokens) for w, tokens in words.items()}
    except (TypeError, ValueError):
        return
    LEMMAS_AHEAD.update(lemma_table)
    take_words(word_table)


def load_taxonomy(path: str | os.PathLike[str] | None = None, *, extends_files: bool = True) -> Taxonomy:
    """Read and check a taxonomy file (None: the shipped schemas/taxonomy.toml, read once per
    process — a Taxonomy is immutable, so every caller may share it). `extends_files=False`
    for a taxonomy from elsewhere (an upload to the web app): its `extends` may name the
    bundled "default" only, never a file of the machine reading it."""
    if path is None:
        return default_taxonomy()
    return _load(Path(path), extends_files=extends_files)


def _load(file: Path, *, extends_files: bool = True) -> Taxonomy:
    try:
        data, text = _read(file, extends_files=extends_files)
        return _Checker(str(file), text).check(data)
    except RecursionError:  # deep data the TOML parser accepted, met again while checking
        raise SchemaError("values nest too deeply", str(file)) from None


_DEFAULT: Taxonomy | None = None


def default_taxonomy() -> Taxonomy:
    """The shipped taxonomy, loaded once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = _load(schema_path(DEFAULT_TAXONOMY))
    return _DEFAULT
