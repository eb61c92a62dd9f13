"""draftkit XML: round trip, schema validity, hardened parsing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import get_args

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

from draftkit.errors import InputError
from draftkit.model import Draft, Source, SourceFormat
from draftkit.model.xmlio import from_xml, relaxng, to_xml, to_xml_element
from draftkit.readers import read
from tests.strategies import draft_texts, drafts


@given(drafts())
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
def test_xml_round_trip_is_identity(draft: Draft) -> None:
    data = to_xml(draft)
    assert relaxng().validate(etree.fromstring(data)), relaxng().error_log
    assert from_xml(data) == draft


@given(draft_texts())
@settings(max_examples=100, deadline=None)
def test_parsed_text_has_unique_eids_and_round_trips(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    path = tmp_path_factory.mktemp("d") / "draft.txt"
    path.write_text(text, encoding="utf-8")
    try:
        draft = read(path)
    except InputError:
        return  # "no numbered provisions" is a legitimate answer for some texts
    eids = [p.eid for p in draft.walk()]
    assert len(eids) == len(set(eids))
    assert from_xml(to_xml(draft)) == draft


def test_reading_xml_file_gives_equal_draft(tmp_path: Path) -> None:
    source = tmp_path / "d.txt"
    source.write_text("TITLE\n\nArticle 1 — Scope\n1. Text.\n(a) point.\n", encoding="utf-8")
    draft = read(source)
    xml_path = tmp_path / "d.xml"
    xml_path.write_bytes(to_xml(draft))
    again = read(xml_path)
    assert again.provisions == draft.provisions and again.title == draft.title
    assert [p.eid for p in again.walk()] == ["art_1", "art_1__para_1", "art_1__para_1__point_a"]


@pytest.mark.parametrize("fmt", get_args(SourceFormat))
def test_every_source_format_reads_back(fmt: SourceFormat, tmp_path: Path) -> None:
    """`parse round2.pdf --format xml` (or an .odt's) is draftkit XML like any other: read
    back, it was refused as of an 'unknown source format'."""
    text = tmp_path / "round2.txt"
    text.write_text("T\n\nArticle 1 — Scope\n1. Text.\n", encoding="utf-8")
    draft = replace(read(text), source=Source(f"round2.{fmt}", "0" * 64, fmt))
    path = tmp_path / "round2.xml"
    path.write_bytes(to_xml(draft))
    again = read(path)
    assert again.source is not None and again.source.format == "xml"
    assert from_xml(path.read_bytes()) == draft


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><draft/>', "DOCTYPE"),
        (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>', "DOCTYPE"),
        (b"<draft xmlns='https://draftkit.dev/ns/draft/1'><body><article/></body></draft>", "draft.rng"),
        (b"<draft", "not well-formed"),
        (b"<other/>", "not draftkit XML"),
    ],
)
def test_hostile_or_invalid_xml(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        from_xml(data)


def test_element_names_follow_akoma_ntoso(tmp_path: Path) -> None:
    source = tmp_path / "d.txt"
    source.write_text("T\n\nArticle 1\n1. The Parties shall:\n(a) stop.\n", encoding="utf-8")
    root = to_xml_element(read(source))
    ns = {"d": "https://draftkit.dev/ns/draft/1"}
    para = root.find(".//d:paragraph", ns)
    assert para is not None and para.get("eId") == "art_1__para_1"
    assert para.findtext("d:num", namespaces=ns) == "1."
    assert para.findtext("d:intro/d:p", namespaces=ns) == "The Parties shall:"
    assert root.findtext(".//d:point/d:content/d:p", namespaces=ns) == "stop."
