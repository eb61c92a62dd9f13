"""The DOCX reader's plain-paragraph path (`_Walker._plain_text`) reads as the full walk does.

Each test reads the same file twice: as the reader does, and with the plain path turned
off (every paragraph through `_properties`/`_plain_runs`/`inline`), and wants equal
content: blocks, numbers, locations, warnings, in both views.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from draftkit.readers.docx import DocxContent, _Walker, read_docx_blocks

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "docx"


def _load_builders() -> ModuleType:
    spec = importlib.util.spec_from_file_location("draftkit_docx_fixtures", FIXTURES / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("draftkit_docx_fixtures", module)
    spec.loader.exec_module(module)
    return module


fx = _load_builders()


def _both_ways(path: Path, view: str, monkeypatch: pytest.MonkeyPatch) -> tuple[DocxContent, DocxContent]:
    fast = read_docx_blocks(path, view)  # type: ignore[arg-type]
    with monkeypatch.context() as patch:
        patch.setattr(_Walker, "_plain_text", lambda self, first: None)
        full = read_docx_blocks(path, view)  # type: ignore[arg-type]
    return fast, full


_READABLE = sorted(
    path
    for path in FIXTURES.glob("*.docx")
    if path.stem not in {"bomb", "corrupt", "doctype", "encrypted", "no_document", "odt_named", "pdf_named"}
)


@pytest.mark.parametrize("view", ["accept", "original"])
@pytest.mark.parametrize("path", _READABLE, ids=lambda path: path.name)
def test_fixtures_read_alike(path: Path, view: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, full = _both_ways(path, view, monkeypatch)
    assert fast == full


_REV = 'w:author="A" w:date="2026-01-01T00:00:00Z"'
# What a paragraph holds: runs the plain path takes, and everything that sends a paragraph
# (or the paragraphs after it) down the full walk.
_PLAIN = st.sampled_from([fx.r("plain"), fx.r(" spaced "), fx.r("")])  # one w:t each
_OTHER = st.sampled_from(
    [
        fx.r("bold", "<w:b/>"),
        fx.r("hidden", "<w:vanish/>"),
        fx.r("styled", '<w:rStyle w:val="Hidden"/>'),
        "<w:r><w:t>one</w:t><w:t>two</w:t></w:r>",
        "<w:r><w:tab/></w:r>",
        "<w:r/>",
        "<w:r><!-- note --><w:t>after a comment</w:t></w:r>",
        "<!-- between runs -->",
        fx.ins(fx.r("inserted")),
        fx.dele(fx.dr("deleted")),
        fx.BEGIN,
        fx.instr(" LISTNUM "),
        fx.SEPARATE,
        fx.END,
        '<w:hyperlink r:id="rId9">' + fx.r("link") + "</w:hyperlink>",
    ]
)
_PROPS = st.sampled_from(
    [
        "",
        fx.num_pr(1, 0),
        fx.num_pr(1, 1),
        fx.num_pr(1, 2),
        fx.num_pr(2, None),
        '<w:pStyle w:val="Heading1"/>',
        '<w:pStyle w:val="Hiding"/>' + fx.num_pr(1, 1),
        '<w:jc w:val="both"/>' + fx.num_pr(1, 1),
        f'<w:rPr><w:del w:id="7" {_REV}/></w:rPr>',
        f'<w:rPr><w:ins w:id="8" {_REV}/></w:rPr>',
        "<w:rPr><w:b/></w:rPr>",
        '<w:outlineLvl w:val="1"/>',
        f'<w:pPrChange w:id="9" {_REV}><w:pPr>{fx.num_pr(1, 2)}</w:pPr></w:pPrChange>',
    ]
)
_CONTENT = st.one_of(_PLAIN, _PLAIN, _OTHER)  # most paragraphs of a long draft are plain
_PARAGRAPH = st.tuples(st.booleans(), _PROPS, st.lists(_CONTENT, max_size=4))
_STYLES = fx.styles_xml(
    fx.style("Normal", "Normal", default=True)
    + fx.style("Heading1", "heading 1", '<w:outlineLvl w:val="0"/>', based_on="Normal")
    + fx.style("Hiding", "Hiding", based_on="Normal")
)
_HIDING_STYLES = fx.styles_xml(
    fx.style("Normal", "Normal", default=True)
    + fx.style("Heading1", "heading 1", '<w:outlineLvl w:val="0"/>', based_on="Normal")
    + '<w:style w:type="paragraph" w:styleId="Hiding"><w:name w:val="Hiding"/>'
    "<w:rPr><w:vanish/></w:rPr></w:style>"
    + '<w:style w:type="character" w:styleId="Hidden"><w:name w:val="Hidden"/>'
    "<w:rPr><w:vanish/></w:rPr></w:style>"
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    paragraphs=st.lists(_PARAGRAPH, min_size=1, max_size=8),
    hiding=st.booleans(),
    in_table=st.booleans(),
)
def test_random_paragraphs_read_alike(
    paragraphs: list[tuple[bool, str, list[str]]],
    hiding: bool,
    in_table: bool,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    body = "".join(
        ("<w:p><!-- first -->" if commented else "<w:p>")
        + (f"<w:pPr>{props}</w:pPr>" if props else "")
        + "".join(content)
        + "</w:p>"
        for commented, props, content in paragraphs
    )
    if in_table:
        body = fx.p(fx.r("before")) + fx.tbl([[body, fx.p(fx.r("cell"))]])
    path = fx.build_docx(
        tmp_path / "random.docx",
        body,
        numbering=fx.NUMBERING,
        styles=_HIDING_STYLES if hiding else _STYLES,
    )
    for view in ("accept", "original"):
        fast, full = _both_ways(path, view, monkeypatch)
        assert fast == full
