"""Clause schemas: what a kind of framework text must and must not contain, in a TOML file a
legal adviser can read and edit (format: docs/validate.md; default: schemas/framework.clauses.toml).

Loading checks everything a schema says before any draft is read: unknown keys, wrong types,
unknown provision kinds, regular expressions that do not compile, XPath that does not compile
or evaluate, a RelaxNG grammar that does not load. Every problem is a `SchemaError` (exit 4)
naming the file, the line where it can be found, and the key.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import field
from pathlib import Path
from typing import Literal
from urllib.parse import unquote

from lxml import etree

from draftkit.errors import SchemaError, Where, too_long_number
from draftkit.limits import read_capped
from draftkit.model import KINDS, Kind
from draftkit.records import record
from draftkit.resources import schema_path

Level = Literal["error", "warning", "off"]
LEVELS: tuple[Level, ...] = ("error", "warning", "off")

DEFAULT_SCHEMA = "framework.clauses.toml"
SCHEMA_FORMAT = 1
MAX_SCHEMA_BYTES = 5_000_000

# EXSLT regular expressions inside [[assert]] XPath: re:test(., 'pattern', 'i').
XPATH_NAMESPACES: dict[str, str] = {"re": "http://exslt.org/regular-expressions"}

_ID = re.compile(r"^[a-z][a-z0-9_-]*$")
_KIND_SET: frozenset[str] = frozenset(KINDS)

# The keys each table accepts; anything else is a typo worth stopping for.
_TOP_KEYS = ("schema", "structure", "numbering", "references", "required", "forbidden", "assert")
_SCHEMA_KEYS = ("name", "description", "format", "taxonomy")
_STRUCTURE_KEYS = ("nesting", "top", "contains", "relaxng")
_NUMBERING_KEYS = ("contiguous", "duplicates", "one_format", "continuous", "start")
_REFERENCES_KEYS = ("dangling",)
_REQUIRED_KEYS = (
    "id",
    "description",
    "severity",
    "heading",
    "phrase",
    "pattern",
    "category",
    "signal",
    "kind",
)
_FORBIDDEN_KEYS = ("id", "description", "severity", "pattern", "words", "empty")
_ASSERT_KEYS = ("id", "description", "severity", "context", "test")


@record
class StructureRules:
    """Which kinds may stand at the top of the body and what each kind may contain."""

    nesting: Level
    top: tuple[Kind, ...]
    contains: tuple[tuple[Kind, tuple[Kind, ...]], ...]
    relaxng_path: Path
    relaxng: etree.RelaxNG = field(compare=False, repr=False)

    def allowed_in(self, kind: Kind) -> tuple[Kind, ...]:
        """The kinds a provision of `kind` may contain (none if the schema does not say)."""
        for parent, children in self.contains:
            if parent == kind:
                return children
        return ()


@record
class NumberingRules:
    """Numbering checks per level: `continuous` kinds number through the whole draft (or annex)."""

    contiguous: Level
    duplicates: Level
    one_format: Level
    continuous: tuple[Kind, ...]
    start: int


@record
class ReferenceRules:
    """Cross-reference checks."""

    dangling: Level


@record
class Requirement:
    """A provision the draft must contain: any provision (of `kinds`, if given) whose heading
    holds one of `headings`, whose text holds one of `phrases` or matches one of `patterns`,
    or which the risk taxonomy puts in `category` (with `signals`: for one of those terms of
    the category, as the classifier matched them — "monitor*" for a ceasefire's monitoring)."""

    id: str
    description: str
    severity: Level
    headings: tuple[str, ...]
    phrases: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]
    category: str | None
    kinds: tuple[Kind, ...]
    signals: tuple[str, ...] = ()


@record
class Forbidden:
    """Leftovers a finished round must not hold: text matching `patterns` or `words`, or (with
    `empty`) provisions with neither text nor children."""

    id: str
    description: str
    severity: Level
    patterns: tuple[re.Pattern[str], ...]
    words: tuple[str, ...]
    empty: bool
    word_patterns: tuple[re.Pattern[str], ...] = field(default=(), compare=False, repr=False)


@record
class Assertion:
    """A Schematron-style rule: for every node `context` selects in the draft's XML, `test`
    must be true (XPath 1.0, no namespace prefixes needed; `re:` is EXSLT regex)."""

    id: str
    description: str
    severity: Level
    context: str
    test: str
    context_xpath: etree.XPath = field(compare=False, repr=False)
    test_xpath: etree.XPath = field(compare=False, repr=False)


@record
class ClauseSchema:
    """A loaded, checked clause schema."""

    name: str
    description: str
    source: str
    structure: StructureRules
    numbering: NumberingRules
    references: ReferenceRules
    required: tuple[Requirement, ...]
    forbidden: tuple[Forbidden, ...]
    asserts: tuple[Assertion, ...]
    taxonomy: Path | None = None

    def rule_count(self) -> int:
        """How many rules are switched on (for `draftkit schema check`)."""
        levels = [
            self.structure.nesting,
            self.numbering.contiguous,
            self.numbering.duplicates,
            self.numbering.one_format,
            self.references.dangling,
        ]
        levels += [r.severity for r in self.required]
        levels += [f.severity for f in self.forbidden]
        levels += [a.severity for a in self.asserts]
        return 1 + sum(1 for level in levels if level != "off")  # 1: the RelaxNG check


# -- reading a TOML document with positions -----------------------------------------------


_HEADER = re.compile(r"^\s*\[")


def _key_regex(key: str) -> re.Pattern[str]:
    return re.compile(r"^\s*[\"']?" + re.escape(key) + r"[\"']?\s*=")


class _Doc:
    """The schema text, to turn a key path into a line number and an error."""

    def __init__(self, text: str, source: str) -> None:
        self.lines = text.splitlines()
        self.source = source

    def _header_line(self, table: str, index: int | None) -> int | None:
        dotted = r"\s*\.\s*".join(re.escape(part) for part in table.split("."))
        if index is None:
            regex = re.compile(r"^\s*\[\s*" + dotted + r"\s*\]\s*(#.*)?$")
        else:
            regex = re.compile(r"^\s*\[\[\s*" + dotted + r"\s*\]\]\s*(#.*)?$")
        seen = -1
        for number, line in enumerate(self.lines, start=1):
            if regex.match(line):
                seen += 1
                if index is None or seen == index:
                    return number
        return None

    def line_of(self, table: str | None, index: int | None = None, key: str | None = None) -> int | None:
        """The line where `key` of `table` (the `index`-th entry of an array of tables) stands."""
        if table is None:
            first = 0
        else:
            header = self._header_line(table, index)
            if header is None:  # an inline table, or the table is not written out
                return self._anywhere(key or table.split(".")[-1])
            if key is None:
                return header
            first = header
        if key is None:
            return None
        key_re = _key_regex(key)
        for number in range(first, len(self.lines)):
            line = self.lines[number]
            if _HEADER.match(line):
                break
            if key_re.match(line):
                return number + 1
        return self._anywhere(key)

    def _anywhere(self, key: str) -> int | None:
        key_re = _key_regex(key)
        for number, line in enumerate(self.lines, start=1):
            if key_re.match(line):
                return number
        return None

    def error(
        self, message: str, table: str | None = None, index: int | None = None, key: str | None = None
    ) -> SchemaError:
        """A SchemaError located at the key's line when it can be found."""
        line = self.line_of(table, index, key)
        return SchemaError(message, Where(self.source, line=line))


def _name(table: str | None, index: int | None = None, entry: Mapping[str, object] | None = None) -> str:
    """How a message names a place in the schema: '[numbering]', '[[required]] "monitoring"'."""
    if table is None:
        return "the top level"
    if index is None:
        return f"[{table}]"
    ident = entry.get("id") if entry is not None else None
    if isinstance(ident, str) and ident:
        return f'[[{table}]] "{ident}"'
    return f"[[{table}]] entry {index + 1}"


class _Table:
    """One TOML table being read: typed getters that raise located SchemaErrors."""

    def __init__(
        self,
        doc: _Doc,
        data: Mapping[str, object],
        table: str | None,
        allowed: Sequence[str],
        index: int | None = None,
    ) -> None:
        self.doc = doc
        self.data = data
        self.table = table
        self.index = index
        self.label = _name(table, index, data)
        for key in data:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f' (did you mean "{close[0]}"?)' if close else f" (known keys: {', '.join(allowed)})"
                raise self.error(f'unknown key "{key}" in {self.label}{hint}', key)

    def error(self, message: str, key: str | None = None) -> SchemaError:
        return self.doc.error(message, self.table, self.index, key)

    def has(self, key: str) -> bool:
        return key in self.data

    def string(self, key: str, default: str | None = None) -> str:
        value = self.data.get(key, default)
        if value is None:
            raise self.error(f'{self.label} needs "{key}"', None)
        if not isinstance(value, str):
            raise self.error(f"{self.label} {key} must be text in quotes, not {_describe(value)}", key)
        return value

    def optional_string(self, key: str) -> str | None:
        if key not in self.data:
            return None
        return self.string(key)

    def level(self, key: str, default: Level) -> Level:
        value = self.data.get(key, default)
        match value:
            case "error" | "warning" | "off":
                return value
        raise self.error(
            f'{self.label} {key} must be "error", "warning" or "off", not {_describe(value)}', key
        )

    def boolean(self, key: str, default: bool) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            raise self.error(f"{self.label} {key} must be true or false, not {_describe(value)}", key)
        return value

    def integer(self, key: str, default: int) -> int:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(f"{self.label} {key} must be a whole number, not {_describe(value)}", key)
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        """A list of texts; a single text is accepted as a list of one."""
        value = self.data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(
                f"{self.label} {key} must be a list of texts in quotes, not {_describe(value)}", key
            )
        out = tuple(str(v) for v in value)
        for v in out:
            if not v.strip():
                raise self.error(f"{self.label} {key} holds an empty text", key)
        return out

    def kinds(self, key: str, default: Sequence[Kind], what: str | None = None) -> tuple[Kind, ...]:
        if key not in self.data:
            return tuple(default)
        return _as_kinds(self, key, self.strings(key), what or f"{self.label} {key}")

    def patterns(self, key: str) -> tuple[re.Pattern[str], ...]:
        out: list[re.Pattern[str]] = []
        for text in self.strings(key):
            try:
                out.append(re.compile(text))
            except re.error as exc:
                raise self.error(
                    f"{self.label} {key}: bad regular expression {text!r}: {exc.msg}"
                    + (f" at position {exc.pos}" if exc.pos is not None else ""),
                    key,
                ) from None
        return tuple(out)

    def table_of(self, key: str, allowed: Sequence[str], name: str) -> _Table:
        value = self.data.get(key, {})
        if not isinstance(value, dict):
            raise self.error(f"{name} must be a table, not {_describe(value)}", key)
        return _Table(self.doc, value, name.strip("[]"), allowed)


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def _as_kinds(table: _Table, key: str, names: Sequence[str], what: str) -> tuple[Kind, ...]:
    out: list[Kind] = []
    for name in names:
        kind = _kind(name)
        if kind is None:
            close = difflib.get_close_matches(name, KINDS, n=1)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            raise table.error(
                f'{what}: unknown provision kind "{name}"{hint}; kinds are {", ".join(KINDS)}', key
            )
        out.append(kind)
    return tuple(out)


def _kind(name: str) -> Kind | None:
    for kind in KINDS:
        if kind == name:
            return kind
    return None


# -- the sections of a schema --------------------------------------------------------------


def _structure(doc: _Doc, root: _Table, base: Path | None) -> StructureRules:
    table = root.table_of("structure", _STRUCTURE_KEYS, "[structure]")
    top = table.kinds("top", KINDS)
    contains_value = table.data.get("contains", None)
    contains: list[tuple[Kind, tuple[Kind, ...]]] = []
    if contains_value is None:
        # Not said: anything may contain anything (the RelaxNG grammar still applies).
        contains = [(kind, KINDS) for kind in KINDS]
    else:
        if not isinstance(contains_value, dict):
            raise table.error(
                f"[structure] contains must be a table, not {_describe(contains_value)}", "contains"
            )
        inner = _Table(doc, contains_value, "structure.contains", KINDS)
        for kind in KINDS:
            if inner.has(kind):
                contains.append((kind, inner.kinds(kind, (), f"[structure.contains] {kind}")))
    rng_name = table.string("relaxng", "draft.rng")
    rng_path = _locate(rng_name, base)
    if rng_path is None:
        raise table.error(f'[structure] relaxng: no such file "{rng_name}"', "relaxng")
    return StructureRules(
        nesting=table.level("nesting", "error"),
        top=top,
        contains=tuple(contains),
        relaxng_path=rng_path,
        relaxng=_load_relaxng(rng_path, table),
    )


def _locate(name: str, base: Path | None) -> Path | None:
    """A file named in a schema: relative to the schema file, else a shipped schema."""
    candidate = Path(name)
    if not candidate.is_absolute() and base is not None:
        candidate = base / candidate
    if candidate.is_file():
        return candidate
    shipped = schema_path(name)
    return shipped if "/" not in name and shipped.is_file() else None


_RNG = "{http://relaxng.org/ns/structure/1.0}"
_MAX_GRAMMAR_FILES = 64  # a grammar and the files it includes, all told
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+:")  # a scheme (http:, file:), not a drive letter
_INCLUDES = (f"{_RNG}include", f"{_RNG}externalRef")
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


class _GrammarError(ValueError):
    """What is wrong with a grammar file or one it includes (`_grammar_files`)."""


def _grammar_files(path: Path) -> list[tuple[Path, etree._Element]]:
    """The RelaxNG grammar at `path` and each file its `include` and `externalRef` name, in
    the order met, each parsed with its own name as base (libxml2 then finds the files
    relative to the file naming them, as RelaxNG says, not to the working folder). Each is
    read as a schema file is — size-capped, no DOCTYPE or entities — and a name that is a
    URL or an `xml:base` is refused: a grammar reads files beside it, nothing else.
    Raises `_GrammarError`, naming the included file it is about."""
    from draftkit.model.xmlio import hardened_parser

    found: list[tuple[Path, etree._Element]] = []
    seen: set[Path] = set()
    todo = [path]
    while todo:
        file = todo.pop(0)
        where = "" if file == path else f'include "{file.name}": '
        try:
            key = file.resolve()
            data = None if key in seen else read_capped(file, MAX_SCHEMA_BYTES)
        except (OSError, RuntimeError) as exc:  # a symlink loop: RuntimeError before Python 3.13
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "cannot resolve the path"
            raise _GrammarError(f"{where}cannot read: {reason}") from None
        if key in seen:
            continue
        seen.add(key)
        if len(seen) > _MAX_GRAMMAR_FILES:
            raise _GrammarError(f"{where}more than {_MAX_GRAMMAR_FILES} files included")
        if data is None:
            raise _GrammarError(f"{where}larger than {MAX_SCHEMA_BYTES:,} bytes")
        if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
            raise _GrammarError(f"{where}DOCTYPE and entities are refused")
        try:
            root = etree.fromstring(data, hardened_parser(), base_url=str(file))
        except etree.XMLSyntaxError as exc:
            raise _GrammarError(f"{where}not well-formed XML (line {exc.lineno}): {exc.msg}") from None
        found.append((file, root))
        for element in root.iter(etree.Element):
            if element.get(_XML_BASE) is not None:
                raise _GrammarError(
                    f"{where}xml:base is not supported (name included files relative to the grammar)"
                )
            href = element.get("href") if element.tag in _INCLUDES else None
            if href is None:
                continue  # not an inclusion, or one without href: RelaxNG says what is missing
            if _URL.match(href):
                raise _GrammarError(f'{where}"{href}" is a URL: a grammar may include files only')
            todo.append(file.parent / unquote(href))
    return found


def _load_relaxng(path: Path, table: _Table) -> etree.RelaxNG:
    def error(message: str) -> SchemaError:
        return table.error(f'[structure] relaxng "{path.name}": {message}', "relaxng")

    try:
        return etree.RelaxNG(_grammar_files(path)[0][1])
    except _GrammarError as exc:
        raise error(str(exc)) from None
    except etree.RelaxNGParseError as exc:
        raise error(f"not a RelaxNG grammar: {exc}") from None


def _numbering(root: _Table) -> NumberingRules:
    table = root.table_of("numbering", _NUMBERING_KEYS, "[numbering]")
    start = table.integer("start", 1)
    if start < 0:
        raise table.error(f"[numbering] start must be 0 or more, not {start}", "start")
    return NumberingRules(
        contiguous=table.level("contiguous", "error"),
        duplicates=table.level("duplicates", "error"),
        one_format=table.level("one_format", "warning"),
        continuous=table.kinds("continuous", ("part", "chapter", "article", "annex")),
        start=start,
    )


def _references(root: _Table) -> ReferenceRules:
    table = root.table_of("references", _REFERENCES_KEYS, "[references]")
    return ReferenceRules(dangling=table.level("dangling", "error"))


def _entries(doc: _Doc, root: _Table, key: str, allowed: Sequence[str]) -> list[_Table]:
    value = root.data.get(key, [])
    if isinstance(value, dict):
        raise doc.error(f"write [[{key}]] (an array of tables, one per rule), not [{key}]", key)
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise root.error(f"{key} must be written as [[{key}]] tables, not {_describe(value)}", key)
    tables = [_Table(doc, entry, key, allowed, index) for index, entry in enumerate(value)]
    seen: dict[str, int] = {}
    for table in tables:
        ident = table.string("id")
        if not _ID.match(ident):
            raise table.error(
                f'{table.label} id must be lower-case letters, digits, "_" or "-", starting with a letter',
                "id",
            )
        if ident in seen:
            raise table.error(
                f'[[{key}]] id "{ident}" is used twice (entries {seen[ident] + 1} and '
                f"{(table.index or 0) + 1})",
                "id",
            )
        seen[ident] = table.index or 0
    return tables


def _words_pattern(word: str) -> re.Pattern[str]:
    """A literal word or phrase, case-insensitive, on word boundaries, any run of spaces."""
    body = r"\s+".join(re.escape(part) for part in word.split())
    left = r"(?<!\w)" if word[:1].isalnum() or word[:1] == "_" else ""
    right = r"(?!\w)" if word[-1:].isalnum() or word[-1:] == "_" else ""
    return re.compile(left + body + right, re.IGNORECASE)


def _required(doc: _Doc, root: _Table) -> tuple[Requirement, ...]:
    out: list[Requirement] = []
    for table in _entries(doc, root, "required", _REQUIRED_KEYS):
        category = table.optional_string("category")
        if category is not None and not _ID.match(category):
            raise table.error(f'{table.label} category "{category}" is not a category id', "category")
        requirement = Requirement(
            id=table.string("id"),
            description=table.string("description", table.string("id").replace("_", " ")),
            severity=table.level("severity", "error"),
            headings=table.strings("heading"),
            phrases=table.strings("phrase"),
            patterns=table.patterns("pattern"),
            category=category,
            kinds=table.kinds("kind", ()),
            signals=table.strings("signal"),
        )
        if requirement.signals and category is None:
            raise table.error(
                f"{table.label} signal needs a category (the terms are the category's)", "signal"
            )
        if not (requirement.headings or requirement.phrases or requirement.patterns or requirement.category):
            raise table.error(
                f"{table.label} says nothing to look for: give heading, phrase, pattern or category", None
            )
        out.append(requirement)
    return tuple(out)


def _forbidden(doc: _Doc, root: _Table) -> tuple[Forbidden, ...]:
    out: list[Forbidden] = []
    for table in _entries(doc, root, "forbidden", _FORBIDDEN_KEYS):
        patterns = table.patterns("pattern")
        words = table.strings("words")
        empty = table.boolean("empty", False)
        if not (patterns or words or empty):
            raise table.error(f"{table.label} says nothing to look for: give pattern, words or empty = true")
        for pattern in patterns:
            if pattern.search("") is not None:
                raise table.error(f"{table.label} pattern {pattern.pattern!r} matches empty text", "pattern")
        out.append(
            Forbidden(
                id=table.string("id"),
                description=table.string("description", table.string("id").replace("_", " ")),
                severity=table.level("severity", "error"),
                patterns=patterns,
                words=words,
                empty=empty,
                word_patterns=tuple(_words_pattern(w) for w in words),
            )
        )
    return tuple(out)


def _probe_document() -> etree._Element:
    """A tiny draft in the shape asserts see, to surface XPath errors at load time."""
    root = etree.Element("draft")
    body = etree.SubElement(root, "body")
    article = etree.SubElement(body, "article", eId="art_1", ordinal="1")
    etree.SubElement(article, "num").text = "Article 1"
    content = etree.SubElement(article, "content")
    etree.SubElement(content, "p").text = "text"
    return root


def _xpath(table: _Table, key: str, probe: etree._Element) -> etree.XPath:
    expression = table.string(key)
    try:
        compiled = etree.XPath(expression, namespaces=XPATH_NAMESPACES)
    except etree.XPathSyntaxError as exc:
        raise table.error(f"{table.label} {key}: bad XPath {expression!r}: {exc}", key) from None
    try:
        compiled(probe)
    except (etree.XPathError, re.error, ValueError, TypeError) as exc:  # EXSLT re: raises re.error
        raise table.error(
            f"{table.label} {key}: XPath {expression!r} cannot be evaluated: {exc}", key
        ) from None
    return compiled


def _asserts(doc: _Doc, root: _Table) -> tuple[Assertion, ...]:
    out: list[Assertion] = []
    probe = _probe_document()
    for table in _entries(doc, root, "assert", _ASSERT_KEYS):
        context = _xpath(table, "context", probe)
        try:
            nodes = context(probe)
        except etree.XPathError:  # pragma: no cover - _xpath evaluated it already
            nodes = []
        if not isinstance(nodes, list):
            raise table.error(
                f"{table.label} context must select elements (e.g. //article), "
                f"but {table.string('context')!r} gives a {type(nodes).__name__}",
                "context",
            )
        test = _xpath(table, "test", probe)
        out.append(
            Assertion(
                id=table.string("id"),
                description=table.string("description"),
                severity=table.level("severity", "error"),
                context=table.string("context"),
                test=table.string("test"),
                context_xpath=context,
                test_xpath=test,
            )
        )
    return tuple(out)


# -- entry points ------------------------------------------------------------------------------


def parse_schema(text: str, *, source: str = "<schema>", base: Path | None = None) -> ClauseSchema:
    """Parse and check clause-schema TOML; `base` is where relative file names are looked up."""
    doc = _Doc(text, source)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = re.search(r"\(at line (\d+), column (\d+)\)$", message)
        line = int(found.group(1)) if found else None
        if found:
            message = message[: found.start()].rstrip() + f" (column {found.group(2)})"
        raise SchemaError(f"not valid TOML: {message}", Where(source, line=line)) from None
    except RecursionError:
        raise SchemaError("not valid TOML: arrays or tables nest too deeply", source) from None
    except ValueError:  # after TOMLDecodeError, a ValueError too
        raise SchemaError(f"not valid TOML: {too_long_number()}", source) from None
    root = _Table(doc, data, None, _TOP_KEYS)
    meta = root.table_of("schema", _SCHEMA_KEYS, "[schema]")
    version = meta.integer("format", SCHEMA_FORMAT)
    if version != SCHEMA_FORMAT:
        raise meta.error(
            f"[schema] format {version} is not supported (this draftkit reads format 1)", "format"
        )
    taxonomy_name = meta.optional_string("taxonomy")
    taxonomy: Path | None = None
    if taxonomy_name is not None:
        taxonomy = _locate(taxonomy_name, base)
        if taxonomy is None:
            raise meta.error(f'[schema] taxonomy: no such file "{taxonomy_name}"', "taxonomy")
    default_name = Path(source).name.removesuffix(".toml").removesuffix(".clauses") or "schema"
    return ClauseSchema(
        name=meta.string("name", default_name),
        description=meta.string("description", ""),
        source=source,
        structure=_structure(doc, root, base),
        numbering=_numbering(root),
        references=_references(root),
        required=_required(doc, root),
        forbidden=_forbidden(doc, root),
        asserts=_asserts(doc, root),
        taxonomy=taxonomy,
    )


def load_schema(path: str | os.PathLike[str] | None = None) -> ClauseSchema:
    """Load and check a clause schema file; None loads the default for framework texts."""
    if path is None:
        file = schema_path(DEFAULT_SCHEMA)
        source = f"draftkit:{DEFAULT_SCHEMA}"
    else:
        file = Path(path)
        source = str(path)
    if not file.exists():
        raise SchemaError("no such schema file", source)
    if file.is_dir():
        raise SchemaError("is a directory, not a schema file", source)
    try:
        size = file.stat().st_size
        if size > MAX_SCHEMA_BYTES:
            raise SchemaError(
                f"schema file is {size:,} bytes, over the limit of {MAX_SCHEMA_BYTES:,}", source
            )
        data = read_capped(file, MAX_SCHEMA_BYTES)
    except OSError as exc:
        raise SchemaError(f"cannot read: {exc.strerror or exc}", source) from None
    if data is None:
        raise SchemaError(f"schema file larger than {MAX_SCHEMA_BYTES:,} bytes", source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SchemaError("not UTF-8 text (save the schema as UTF-8)", Where(source, line=line)) from None
    return parse_schema(text, source=source, base=file.resolve().parent)


def schema_files(path: str | os.PathLike[str] | None) -> tuple[Path, ...]:
    """The files loading the clause schema at `path` reads: it, the RelaxNG grammar and the
    taxonomy it names (with the files that taxonomy extends), for an output path to be
    checked against before anything is read (None: the shipped schema, nothing of the
    user's). Nothing is refused here: what cannot be read or told is left for `load_schema`."""
    if path is None:
        return ()
    file = Path(path)
    try:
        raw = read_capped(file, MAX_SCHEMA_BYTES) if file.is_file() else None
        data = tomllib.loads(raw.decode("utf-8-sig")) if raw is not None else {}
        base = file.resolve().parent
    except (OSError, RuntimeError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError, ValueError):
        return (file,)
    found = [file]
    named = [(data.get("structure"), "relaxng"), (data.get("schema"), "taxonomy")]
    for table, key in named:
        name = table.get(key) if isinstance(table, dict) else None
        located = _locate(name, base) if isinstance(name, str) else None
        if located is None:
            continue
        if key == "relaxng":
            try:
                found += [file for file, _ in _grammar_files(located)]
            except _GrammarError:
                found.append(located)  # loading it fails, before anything is written
            continue
        found.append(located)
        if key == "taxonomy":
            try:  # draftkit.risk is optional for validation (validate.required)
                from draftkit.risk.taxonomy import taxonomy_files
            except ImportError:
                continue
            found += taxonomy_files(located)[1:]  # what it extends
    return tuple(found)


def check_schema(path: str | os.PathLike[str] | None = None) -> ClauseSchema:
    """Check a clause schema file on its own (`draftkit schema check`); raises SchemaError."""
    return load_schema(path)
