"""Reports escape everything that came from a draft, end to end through the CLI.

The renderers' own tests (tests/render/test_html.py, tests/render/test_markdown.py) check
the escaping function by function; here hostile drafts (text and DOCX, hostile file names
too) go through `draftkit redline` / `diff` / `parse` and the files written are checked:
the HTML has no element, attribute or link of the draft's making, the Markdown renders to
HTML with no tag or link of its own, every JSON output parses and holds the text exactly.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from .files import fx, good_docx
from .helpers import DATE, cli

INJECTIONS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    '"><svg onload=alert(3)>',
    '<a href="javascript:alert(4)">x</a>',
    "[click](javascript:alert(5))",
    "![pixel](http://127.0.0.1:9/p.png)",
    "<iframe src=//evil></iframe>",
    "</textarea></style></title>",
    "<http://evil.example/autolink>",
    "javascript:alert(6)",
    "| cell | cell |",
    "&lt;b&gt; &amp;",
    "{{constructor.constructor('alert(7)')()}}",
]
HOSTILE = " ".join(INJECTIONS)
OLD = f"TREATY {INJECTIONS[0]}\n\nArticle 1 — Scope {INJECTIONS[1]}\n1. The Parties shall withdraw forces.\n2. Keep.\n"
NEW = (
    f"TREATY {INJECTIONS[0]}\n\nArticle 1 — Scope {INJECTIONS[2]}\n"
    f"1. The Parties may withdraw forces {HOSTILE}.\n3. Added {HOSTILE}.\n"
)
# The report's own markup includes a form (the filters); none of these is the report's.
FORBIDDEN_TAGS = {"img", "iframe", "svg", "object", "embed", "base", "link", "textarea", "frame", "video"}


@pytest.fixture(params=["text", "docx"])
def pair(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, Path]:
    """An old and a new draft carrying the injections, as text files or as DOCX."""
    if request.param == "text":
        old, new = tmp_path / "old <b>.txt", tmp_path / 'new"><script>.txt'
        old.write_text(OLD, encoding="utf-8")
        new.write_text(NEW, encoding="utf-8")
        return old, new

    def docx(name: str, text: str) -> Path:
        body = "".join(fx.p(fx.r(line)) for line in text.splitlines() if line)
        return good_docx(tmp_path, name, body)  # type: ignore[no-any-return]

    return docx("old <b>.docx", OLD), docx("new<img src=x>.docx", NEW)


def _redline(old: Path, new: Path, suffix: str) -> str:
    out = old.parent / f"report{suffix}"
    run = cli("redline", old, new, "-o", out, "--date", DATE)
    assert run.code == 0, run.err
    return out.read_text(encoding="utf-8")


def test_html_report_has_no_markup_from_the_draft(pair: tuple[Path, Path]) -> None:
    page = _redline(*pair, ".html")
    tree = lxml.html.document_fromstring(page)
    scripts = tree.findall(".//script")
    assert len(scripts) == 1 and "alert" not in (scripts[0].text or "")  # the report's own script only
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        assert element.tag not in FORBIDDEN_TAGS, element.tag
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            if name in ("href", "src", "action", "formaction"):
                assert value.startswith("#"), (element.tag, name, value)
    text = tree.text_content()
    for injection in INJECTIONS[:3]:
        assert injection in text  # shown as text, not lost


def test_markdown_report_renders_no_tag_or_link_of_the_draft(pair: tuple[Path, Path]) -> None:
    markdown = _redline(*pair, ".md")
    # Every "<" and "[" of the draft is backslash-escaped.
    assert not re.search(r"(?<!\\)<(script|img|svg|a |iframe)", markdown), markdown
    assert not re.search(r"(?<!\\)\]\(javascript", markdown), markdown
    markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py is not installed")
    renderer = markdown_it.MarkdownIt("commonmark", {"html": True}).enable(["strikethrough", "table"])
    renderer.validateLink = lambda url: True  # judge our escaping, not markdown-it's link filter
    tree = lxml.html.document_fromstring(f"<div>{renderer.render(markdown)}</div>")
    tags = {element.tag for element in tree.iter() if isinstance(element.tag, str)}
    assert not tags & (FORBIDDEN_TAGS | {"script", "a", "style", "title"}), tags
    assert "javascript:alert(6)" in tree.text_content()


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_every_json_output_is_valid_and_keeps_the_text(pair: tuple[Path, Path]) -> None:
    old, new = pair
    outputs = [
        _redline(old, new, ".json"),
        cli("diff", old, new, "--format", "json").out,
        cli("parse", new, "--format", "json").out,
        cli("classify", new, "--format", "json").out,
        cli("validate", new, "--format", "json").out,
    ]
    for output in outputs:
        data = json.loads(output)
        assert isinstance(data, dict)
    texts = "\n".join(_strings(json.loads(outputs[2])))
    for injection in INJECTIONS:
        assert injection in texts


@pytest.mark.parametrize(
    "ch", ["\u2028", "\u2029", "\u0085", "\u202e", "\ufeff", "\U0001f1fa\U0001f1e6", '"', "\\", "\x7f"]
)
def test_json_stays_valid_for_any_character(ch: str, tmp_path: Path) -> None:
    """In a DOCX the line and paragraph separators are text (a text file breaks lines there)."""
    draft = good_docx(tmp_path, "d.docx", fx.np(f"A{ch}B", 1, 0) + fx.np(f"x{ch}y {ch}.", 1, 1))
    parsed, compared = cli("parse", draft, "--format", "json"), cli("diff", draft, draft, "--format", "json")
    assert parsed.code == compared.code == 0, parsed.err + compared.err
    assert isinstance(json.loads(compared.out), dict)
    assert any(f"x{ch}y" in s for s in _strings(json.loads(parsed.out)))


# C1 controls are legal in XML 1.0 and valid UTF-8, and U+009B is a one-character CSI that
# several terminals obey: "\u009b2J" clears the screen of whoever reads `draftkit diff`.
TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def test_terminal_outputs_carry_no_control_characters(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    old.write_text("T\n\nArticle 1 — Scope\n1. The Parties shall.\n", encoding="utf-8")
    new = tmp_path / "new.txt"
    new.write_text("T\n\nArticle 1 — Scope \u009b31mRED\n1. The Parties \u009b2J shall.\n", encoding="utf-8")
    for args in (["parse", new], ["diff", old, new], ["classify", new]):
        run = cli(*args)
        assert run.code == 0, run.err
        assert not TERMINAL_UNSAFE.search(run.out), (args[0], run.out)
