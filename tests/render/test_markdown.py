"""The Markdown report: golden v1 → v2, and escaping — a draft can add no link, HTML or
formatting; only our ~~deleted~~ / **inserted** markers remain, and they always take effect."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from draftkit.api import parse
from draftkit.compare import compare
from draftkit.compare.changes import Comparison, Flag
from draftkit.compare.textdiff import Op
from draftkit.render.markdown import escape, redline, render_markdown
from tests.conftest import CASES, ROOT

GOLDEN = CASES / "report" / "expected.md"


def diff(old: str | Path, new: str | Path) -> Comparison:
    """Compare two drafts without the risk rules: these tests give flags of their own."""
    return compare(parse(old), parse(new))


ZWSP = "&#8203;"
SPECIAL = set("\\`*_[]<>|~#&")


@pytest.fixture
def v1_v2(monkeypatch: pytest.MonkeyPatch) -> Comparison:
    monkeypatch.chdir(ROOT)
    return diff("drafts/framework-v1.txt", "drafts/framework-v2.txt")


def raw_specials(text: str) -> str:
    """The Markdown-special characters not neutralised by a backslash (our ZWSP entity aside)."""
    out: list[str] = []
    k = 0
    while k < len(text):
        if text.startswith(ZWSP, k):
            k += len(ZWSP)
        elif text[k] == "\\":
            k += 2
        else:
            if text[k] in SPECIAL:
                out.append(text[k])
            k += 1
    return "".join(out)


def test_golden_v1_v2(v1_v2: Comparison, regen_golden: bool) -> None:
    text = render_markdown(v1_v2)
    if regen_golden:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8"), "Markdown report changed; review, then --regen-golden"


def test_summary_and_flags(v1_v2: Comparison) -> None:
    flags = {
        "art_3__para_1": (Flag("dmz", "security | zones", "high", "Zone narrowed", "15", "10"),),
        "art_4__para_2": (Flag("brackets", "brackets", "low", "Bracketed text [added]", "", "[in peace]"),),
    }
    comparison = replace(
        v1_v2,
        changes=tuple(replace(c, flags=flags.get(c.new[0].eid, ())) if c.new else c for c in v1_v2.changes),
    )
    text = render_markdown(comparison)
    assert "| 9 | 8 | 1 | 1 | 1 | 3 | 13 | 62 |" in text  # recital 5 added; title and 7 recitals counted
    assert "| All | 1 | 0 | 1 | 2 |" in text
    assert "| security \\| zones | 1 | 0 | 0 | 1 |" in text
    assert "- HIGH · security \\| zones · Article 3(1): Zone narrowed (“15” → “10”)" in text
    section = text[text.index("### Article 4(2) · Modified") :]
    assert section.startswith(
        "### Article 4(2) · Modified\n\n"
        "> 2\\. The active-duty strength of the armed forces of the Republic of Veloria shall not exceed "
        "~~600,000~~**800,000** personnel **\\[in peacetime\\]**.\n\n"
        "- LOW · brackets: Bracketed text \\[added\\] (— → “\\[in peace\\]”)\n"
    )


def test_changes_shown_as_such(v1_v2: Comparison) -> None:
    text = render_markdown(v1_v2)
    assert "### Article 2(3) → Article 6(3) · Text unchanged, Moved" in text
    assert "### Article 8(1) → Article 9(1) + Article 9(2) · Split" in text
    assert "### Article 10(3) + Article 10(4) → Article 11(3) · Merged" in text
    assert "> ~~3.~~ ~~The Monitoring Mission may use" in text
    assert "> **Article 5** — **Maritime Arrangements on Lake Ostra**" in text
    assert "billion ~~and~~&#8203;**. ¶\\\n> The Reconstruction Fund** shall" in text
    assert "### Renumbered only, text unchanged (9)\n\nArticle 5 → Article 6, Article 6 → Article 7" in text


# --- escaping ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("draft", "shown"),
    [
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)\\>"),
        ("[click](javascript:alert(1))", "\\[click\\](javascript\\:alert(1))"),
        ("see ](http://evil)", "see \\](http\\://evil)"),
        ("<http://evil>", "\\<http\\://evil\\>"),
        ("visit www.evil.com now", "visit www\\.evil.com now"),
        ("*bold* _it_ `code` ~~gone~~", "\\*bold\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~"),
        ("a | b", "a \\| b"),
        ("# not a heading", "\\# not a heading"),
        ("issue #12 and @someone, a@b.org", "issue \\#&#8203;12 and @&#8203;someone, a@&#8203;b.org"),
        ("&lt;b&gt; & co", "\\&lt;b\\&gt; & co"),
        ("back\\slash", "back\\\\slash"),
        ("two\nlines", "two lines"),
        ("Article 5: 00:00 hours", "Article 5: 00\\:00 hours"),
    ],
)
def test_escape(draft: str, shown: str) -> None:
    assert escape(draft) == shown


@pytest.mark.parametrize(
    ("ops", "shown"),
    [
        (
            [("equal", "the Parties "), ("delete", "shall"), ("insert", "may"), ("equal", " withdraw")],
            "the Parties ~~shall~~**may** withdraw",
        ),
        # white space moves outside the markers, or they would not count
        ([("equal", "homes"), ("insert", " in safety"), ("equal", ".")], "homes **in safety**."),
        # a marker glued to a word and followed by punctuation needs the invisible entity
        (
            [("equal", "Agreement"), ("insert", ", unless agreed"), ("equal", ".")],
            "Agreement&#8203;**, unless agreed**.",
        ),
        ([("equal", "x"), ("insert", "(b)"), ("equal", "y")], "x&#8203;**(b)**&#8203;y"),
        ([("equal", "a "), ("delete", "b"), ("insert", ", c")], "a ~~b~~&#8203;**, c**"),
        # draft markers stay escaped inside ours
        ([("insert", "**x** [y](z)")], "**\\*\\*x\\*\\* \\[y\\](z)**"),
        # paragraph breaks: inserted → hard break with ¶, deleted → ¶ in line
        ([("equal", "a"), ("insert", ".\nB"), ("equal", " c")], "a&#8203;**. ¶\\\nB** c"),
        ([("equal", "a"), ("delete", ".\nB"), ("equal", " c")], "a&#8203;~~. ¶ B~~ c"),
        ([("equal", "end\n")], "end"),
        ([("insert", " ")], ""),
        ([("delete", " ")], ""),
    ],
)
def test_redline_markers(ops: list[Op], shown: str) -> None:
    assert redline(ops) == shown


_CHARS = list("ab1 .,;:()[]<>*_~`|#&@!-+=\\\n€«»—'\"")
_TEXT = st.text(alphabet=st.sampled_from(_CHARS), min_size=1, max_size=8)
_OPS = st.lists(st.tuples(st.sampled_from(["equal", "insert", "delete"]), _TEXT), min_size=1, max_size=6)


@given(_OPS)
def test_only_our_markers_remain(ops: list[tuple[str, str]]) -> None:
    merged: list[Op] = []
    for kind, text in ops:
        if merged and merged[-1][0] == kind:
            continue
        merged.append((kind, text))  # type: ignore[arg-type]
    out = redline(merged)
    marked = [kind for kind, text in merged if kind != "equal" and text.strip()]
    expected = "".join("****" if kind == "insert" else "~~~~" for kind in marked)
    assert raw_specials(out).replace("&", "") == expected  # "&" only matters before an entity name
    for line in out.split("\n")[:-1]:
        assert line.endswith("\\")  # every line break is a hard break we made


def test_hostile_draft(tmp_path: Path) -> None:
    old = tmp_path / "old <b>.txt"
    new = tmp_path / "new.txt"
    head = "T\n\nArticle 1 — Scope\n\n"
    base = head + "1. Keep <script>alert(1)</script> and withdraw all forces from the zone{}.\n"
    old.write_text(base.format(""), encoding="utf-8")
    hostile = " [x](javascript:alert(1)) ](http://evil) <img src=x onerror=alert(1)> `c` | #2"
    new.write_text(base.format(hostile), encoding="utf-8")
    text = render_markdown(diff(old, new))
    assert "| File | " + escape(str(old)) + " | " in text and "old \\<b\\>.txt" in text
    assert (
        "> 1\\. Keep \\<script\\>alert(1)\\</script\\> and withdraw all forces from the zone "
        "**\\[x\\](javascript\\:alert(1)) \\](http\\://evil) \\<img src=x onerror=alert(1)\\> "
        "\\`c\\` \\| \\#&#8203;2**." in text
    )


def test_guarded_line_starts(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text("T\n\nArticle 1 — Scope\n\n1. Text.\n", encoding="utf-8")
    new.write_text("T\n\nArticle 1 — Scope\n\n1. Text.\n\nArticle 2 — # - + =\n", encoding="utf-8")
    text = render_markdown(diff(old, new))
    assert "> **Article 2** — **\\# - + =**" in text


def test_renders_with_markdown_it(v1_v2: Comparison, tmp_path: Path) -> None:
    """When markdown-it-py is installed: the hostile draft renders with no tag of its own."""
    markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py is not installed")
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    base = "1. The Parties {} withdraw their forces from the zone within thirty days of the signature{}.\n"
    old.write_text("T\n\nArticle 1 — Scope\n\n" + base.format("shall", ""), encoding="utf-8")
    hostile = (
        " <script>alert(1)</script> [x](javascript:alert(1)) ](http://evil) <img src=x onerror=alert(2)>"
    )
    new.write_text("T\n\nArticle 1 — Scope\n\n" + base.format("may", hostile), encoding="utf-8")
    renderer = markdown_it.MarkdownIt("commonmark").enable(["strikethrough", "table"])
    html = renderer.render(render_markdown(diff(old, new)))
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<s>shall</s><strong>may</strong>" in html
    golden = renderer.render(render_markdown(v1_v2))
    assert "<a " not in golden and golden.count("<strong>") > 20
