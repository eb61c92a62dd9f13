"""The schema author's own `[[assert]]` rules: an XPath context and test, as in Schematron.

Takes in the draft, the schema and the entries from `common`; evaluates each rule over the
draft's XML without its namespace (so rules read `//article/heading`) and hands on one
`assert.<id>` finding per context node whose test is false, placed at the provision the
node lies in (after the draft-wide findings when it lies in none). Guarantees: an XPath
that fails on this draft, or a context that does not select elements, is a `SchemaError`
naming the rule, never an uncaught lxml error.
"""

from __future__ import annotations

import math
import re

from lxml import etree

from draftkit.errors import SchemaError, Where
from draftkit.model import Draft
from draftkit.validate.clause_schema import Assertion, ClauseSchema
from draftkit.validate.common import Collector, Entry, entry_of


def _plain_xml(draft: Draft) -> etree._Element:
    """The draft's XML without its namespace, so assertions read `//article/heading`."""
    from draftkit.model.xmlio import to_xml_element

    root = to_xml_element(draft)
    for element in root.iter():
        if isinstance(element.tag, str):
            element.tag = etree.QName(element).localname
    etree.cleanup_namespaces(root)
    return root


def _true(value: object) -> bool:
    """XPath's boolean(): node-sets by emptiness, numbers by zero/NaN, strings by length."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float | int):
        return value != 0 and not math.isnan(value)
    if isinstance(value, str):
        return bool(value)
    if isinstance(value, list):
        return bool(value)
    return bool(value)


# What a schema author's XPath can raise while it runs (EXSLT re: functions raise re.error).
_XPATH_FAILURES = (etree.XPathError, re.error, ValueError, TypeError)


def check_asserts(draft: Draft, schema: ClauseSchema, entries: list[Entry], out: Collector) -> None:
    """Add a finding for each context node whose test is false, for every active assertion."""
    active = [a for a in schema.asserts if a.severity != "off"]
    if not active:
        return
    root = _plain_xml(draft)
    by_eid = {entry.provision.eid: entry for entry in entries if entry.provision.eid}
    for rule in active:
        for node in _context_nodes(rule, root, schema):
            try:
                result = rule.test_xpath(node)
            except _XPATH_FAILURES as exc:
                raise SchemaError(
                    f'[[assert]] "{rule.id}" test {rule.test!r} fails on this draft: {exc}',
                    Where(schema.source),
                ) from None
            if _true(result):
                continue
            entry = entry_of(node, by_eid)
            if entry is not None:
                out.add(rule.severity, f"assert.{rule.id}", rule.description, entry)
            else:
                out.add(rule.severity, f"assert.{rule.id}", rule.description, order=(2, 10_000, 0))


def _context_nodes(rule: Assertion, root: etree._Element, schema: ClauseSchema) -> list[etree._Element]:
    try:
        nodes = rule.context_xpath(root)
    except _XPATH_FAILURES as exc:
        raise SchemaError(
            f'[[assert]] "{rule.id}" context {rule.context!r} fails on this draft: {exc}',
            Where(schema.source),
        ) from None
    if not isinstance(nodes, list):
        raise SchemaError(
            f'[[assert]] "{rule.id}" context {rule.context!r} must select elements', Where(schema.source)
        )
    return [node for node in nodes if isinstance(node, etree._Element)]
