"""The HTML report: golden v1 → v2, escaping of hostile drafts, self-containment, and the page
in headless Chromium (offline load, summary counts, filters, side-by-side view, no script runs)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from draftkit import api
from draftkit.compare import compare
from draftkit.compare.changes import Change, Comparison, Flag
from draftkit.model import Draft, Provision
from draftkit.render.html import CSP, render_html
from draftkit.render.json_diff import render_json
from tests.conftest import CASES, ROOT

GOLDEN = CASES / "report" / "expected.html"


def diff(old: str | Path, new: str | Path) -> Comparison:
    """Compare two drafts without the risk rules: these tests give flags of their own."""
    return compare(api.parse(old), api.parse(new))


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# fmt: off
ALLOWED_TAGS = frozenset({
    "html", "head", "meta", "title", "style", "body", "header", "main", "section", "footer", "script",
    "h1", "h2", "h3", "h4", "p", "div", "span", "a", "ins", "del", "br", "code", "ul", "li", "dl", "dt", "dd",
    "table", "caption", "thead", "tbody", "tr", "th", "td", "details", "summary",
    "form", "fieldset", "legend", "label", "input",
})
# fmt: on
HOSTILE_OLD = """TREATY <script>alert(1)</script> OF TEST

The Parties, noting <img src=x onerror=alert(1)> and [click](javascript:alert(1)),

Have agreed as follows:

Article 1 — Scope <b>bold</b> & "quotes"

1. The Parties shall withdraw <script>alert(1)</script> forces.
2. See [here](javascript:alert(1)) and ](http://evil) and <a href="javascript:alert(1)">x</a>.
3. This paragraph ends the article.
"""
HOSTILE_NEW = """TREATY <script>alert(1)</script> OF TEST

The Parties, noting <img src=x onerror=alert(1)> and [click](javascript:alert(1)),

Have agreed as follows:

Article 1 — Scope <i onmouseover=alert(1)>bold</i> & "quotes"

1. The Parties may withdraw <script>alert(2)</script> forces </script><script>alert(3)</script>.
2. See [here](javascript:alert(1)) and ](http://evil) and <a href="javascript:alert(2)">x</a> `c` *e* #1 @u.
3. This paragraph ends the article. <!-- c --> &lt;escaped&gt; \u2028 \u2029 \u202e reversed
"""


@pytest.fixture
def v1_v2(monkeypatch: pytest.MonkeyPatch) -> Comparison:
    """drafts v1 → v2, with the paths as the golden file shows them (relative to the repo)."""
    monkeypatch.chdir(ROOT)
    return diff("drafts/framework-v1.txt", "drafts/framework-v2.txt")


def flagged(comparison: Comparison) -> Comparison:
    """The comparison with flags on a few changes, as the risk rules will give them."""
    flags = {
        "art_3__para_1": (Flag("dmz-width", "security", "high", "Zone narrowed to 10 km", "15", "10"),),
        "art_4__para_3": (Flag("obligation", "obligation", "high", "Obligation weakened", "shall", "may"),),
        "art_3__para_2": (Flag("deadline", "deadlines", "medium", "Deadline extended", "30", "60"),),
        "art_4__para_2": (
            Flag("number", "force limits", "medium", "Force ceiling raised", "600,000", "800,000"),
            Flag("brackets", "brackets", "low", "Bracketed text added", "", "[in peacetime]"),
        ),
        "art_11__para_1": (Flag("brackets", "brackets", "low", "Bracketed text added"),),
    }
    changes = tuple(replace(c, flags=flags.get(c.new[0].eid, ())) if c.new else c for c in comparison.changes)
    return replace(comparison, changes=changes)


def change_at(comparison: Comparison, eid: str) -> Change:
    return next(c for c in comparison.changes if c.new and c.new[0].eid == eid)


@pytest.fixture
def hostile(tmp_path: Path) -> Comparison:
    old, new = tmp_path / "old <b>.txt", tmp_path / "new.txt"
    old.write_text(HOSTILE_OLD, encoding="utf-8")
    new.write_text(HOSTILE_NEW, encoding="utf-8")
    return diff(old, new)


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside <script> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def parse(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    tags.close()
    return tags


# --- golden and determinism --------------------------------------------------------------


def test_golden_v1_v2(v1_v2: Comparison, regen_golden: bool) -> None:
    page = render_html(v1_v2)
    if regen_golden:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(page, encoding="utf-8")
    assert page == GOLDEN.read_text(encoding="utf-8"), "HTML report changed; review, then --regen-golden"


def test_deterministic_and_dated_only_on_request(v1_v2: Comparison) -> None:
    page = render_html(v1_v2)
    assert page == render_html(v1_v2)
    assert "Generated" not in page
    dated = render_html(v1_v2, title="Round <2>", generated="2025-03-01 <utc>")
    assert "<dt>Generated</dt><dd>2025-03-01 &lt;utc&gt;</dd>" in dated
    assert "<h1>Round &lt;2&gt;</h1>" in dated


# --- the page's content ------------------------------------------------------------------


def test_self_contained_with_strict_csp(v1_v2: Comparison) -> None:
    page = render_html(flagged(v1_v2))
    tags = parse(page)
    csp = [a for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert [a["content"] for a in csp] == [CSP]
    assert CSP.startswith("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'")
    assert not any(t in ("link", "img", "iframe", "object", "embed") for t, _ in tags.tags)
    assert not any("src" in a for _, a in tags.tags)
    assert not re.search(r"url\(|@import|https?://", page)
    hrefs = [a["href"] for _, a in tags.tags if "href" in a]
    ids = {a["id"] for _, a in tags.tags if "id" in a}
    assert hrefs and all(h is not None and h.startswith("#") and h[1:] in ids for h in hrefs)


def test_summary_matches_comparison(v1_v2: Comparison) -> None:
    comparison = flagged(v1_v2)
    tags = parse(render_html(comparison))
    page = render_html(comparison)
    for key, count in comparison.summary().items():
        assert f'data-count="{key}">{count}<' in page
    for severity, count in comparison.flag_counts().items():
        assert f'data-flag-count="{severity}">{count}<' in page
    assert '<h2 id="flags-h">Flags (6)</h2>' in page
    # one row per change, each with a stable, unique anchor
    rows = [a for t, a in tags.tags if t == "div" and "prov" in (a.get("class") or "").split()]
    anchors = [a["id"] for a in rows if a["id"] != "front"]
    assert len(anchors) == len(comparison.changes) == len(set(anchors))
    assert "p-art_9__para_1" in anchors and "p-old-art_5__para_3" in anchors


def test_redline_marks(v1_v2: Comparison) -> None:
    page = render_html(v1_v2)
    assert "<del>15</del><ins>10</ins>" in page
    assert "<del>shall</del><ins>may</ins>" in page
    # labels old → new, moved and renumbered badges
    assert (
        '<span class="c-old">Article 2(3)</span> <span class="arrow">→</span> '
        '<span class="c-new">Article 6(3)</span>'
    ) in page
    assert '<span class="badge b-moved">Moved</span>' in page
    assert '<span class="badge b-renumbered">Renumbered</span>' in page
    # the split shows where the second part starts, the merge where the old second part stood
    assert '<ins class="pb">¶</ins><br><span class="part">Article 9(2)</span>' in page
    assert '<del class="pb">¶</del><span class="part">from Article 10(4)</span>' in page
    # the deleted provision stands in place, struck through
    assert "<del>The Monitoring Mission may use unmanned aerial vehicles" in page
    # preamble paragraph inserted in v2
    assert "<ins>Welcoming the readiness of the Meridian Security Organisation" in page


def test_heading_change_and_renumbered_label() -> None:
    old = Draft("T", (), (Provision("article", "Article 1", 1, "Scope", "Text.", eid="art_1"),))
    new = Draft("T", (), (Provision("article", "Article 2", 2, "Purpose", "Text.", eid="art_2"),))
    page = render_html(compare(old, new))
    assert "<del>Scope</del> <ins>Purpose</ins>" in page
    assert "<del>Article 1</del><ins>Article 2</ins>" in page
    assert "Heading changed" in page


def test_flags_listed_and_linked(v1_v2: Comparison) -> None:
    page = render_html(flagged(v1_v2))
    rows = re.findall(r'<tr data-filter data-change="1" data-flags="([^"]+)">.*?href="#([^"]+)"', page)
    # highest severity first; categories by sorted index: brackets 0, deadlines 1, force limits 2, ...
    assert rows == [
        ("high:4", "p-art_3__para_1"),
        ("high:3", "p-art_4__para_3"),
        ("medium:1", "p-art_3__para_2"),
        ("medium:2", "p-art_4__para_2"),
        ("low:0", "p-art_4__para_2"),
        ("low:0", "p-art_11__para_1"),
    ]
    assert (
        'id="p-art_4__para_2" class="prov chg k-modified d1" data-filter data-change="1" '
        'data-flags="medium:2 low:0"' in page
    )
    assert '<td data-cat-count="2:medium">1</td>' in page
    assert '<input type="checkbox" id="cat-2" name="cat" value="2" checked> force limits</label>' in page


def test_no_flags_says_so(v1_v2: Comparison) -> None:
    assert '<p class="empty">No flags were raised.</p>' in render_html(v1_v2)


def test_print_stylesheet(v1_v2: Comparison) -> None:
    page = render_html(v1_v2)
    style = page[page.index("<style>") : page.index("</style>")]
    printed = style[style.index("@media print") :]
    assert ".controls" in printed and "display:none" in printed
    assert "text-decoration:underline" in printed and "text-decoration:line-through" in printed


# --- escaping ----------------------------------------------------------------------------


def test_hostile_draft_is_text(hostile: Comparison) -> None:
    page = render_html(flagged(hostile), title="<script>alert('t')</script>")
    tags = parse(page)
    assert [t for t, _ in tags.tags].count("script") == 1
    assert "alert" not in tags.scripts[0]
    assert {t for t, _ in tags.tags} <= ALLOWED_TAGS
    for _, attrs in tags.tags:
        assert not any(name.startswith("on") for name in attrs)
        assert all("javascript:" not in (value or "") for value in attrs.values())
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "[click](javascript:alert(1))" in page
    assert "](http://evil)" in page
    assert "&lt;a href=&quot;javascript:alert(<del>1</del><ins>2</ins>)&quot;&gt;" in page
    assert "&lt;i onmouseover=alert(1)&gt;" in page
    assert "&amp;lt;escaped&amp;gt;" in page
    assert "\u202e" in page  # shown as it is; text blocks isolate bidi (unicode-bidi: plaintext)
    assert "old &lt;b&gt;.txt" in page


def test_control_characters_and_lone_surrogates_are_replaced() -> None:
    old = Draft("T", (), (Provision("paragraph", "1.", 1, None, "a\x00b\x1bc", eid="para_1"),))
    new = Draft("T", (), (Provision("paragraph", "1.", 1, None, "a\ud800b\x85c", eid="para_1"),))
    page = render_html(compare(old, new))
    page.encode("utf-8")  # no lone surrogate left
    assert "\x00" not in page and "\x1b" not in page and "\x85" not in page
    assert "\ufffd" in page


def test_anchor_ids_without_eids_are_unique() -> None:
    provisions = tuple(Provision("paragraph", f"{k}.", k, None, f"text {k}") for k in (1, 2))
    old = Draft(None, (), provisions)
    new = Draft(None, (), (*provisions, Provision("paragraph", "3.", 3, None, "new")))
    page = render_html(compare(old, new))
    ids = [a["id"] for _, a in parse(page).tags if "id" in a]
    assert len(ids) == len(set(ids))


# --- in the browser ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class Opened:
    """A report opened from a file:// URL, with everything the page asked for or said."""

    def __init__(self, browser: Any, page_html: str, path: Path) -> None:
        path.write_text(page_html, encoding="utf-8")
        self.url = path.as_uri()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("dialog", self._dialog)
        self.page.goto(self.url)
        self.page.wait_for_load_state("load")

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.errors.append(message.text)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def visible(self, selector: str) -> bool:
        return bool(self.page.locator(selector).first.is_visible())


@pytest.fixture
def opened(browser: Any, tmp_path: Path) -> Iterator[Any]:
    made: list[Opened] = []

    def open_report(page_html: str) -> Opened:
        made.append(Opened(browser, page_html, tmp_path / f"report{len(made)}.html"))
        return made[-1]

    yield open_report
    for item in made:
        item.context.close()


@pytest.mark.browser
def test_loads_offline_without_errors(opened: Any, v1_v2: Comparison) -> None:
    report = opened(render_html(flagged(v1_v2)))
    assert report.requests == [report.url]
    assert report.errors == []
    assert report.visible("#controls")  # the script ran (CSP allows inline) and showed the controls


@pytest.mark.browser
def test_summary_counts_on_page_match_json(opened: Any, v1_v2: Comparison) -> None:
    comparison = flagged(v1_v2)
    report = opened(render_html(comparison))
    summary = json.loads(render_json(comparison))["summary"]
    as_dict = "key => els => Object.fromEntries(els.map(e => [e.dataset[key], Number(e.textContent)]))"
    shown = report.page.eval_on_selector_all("[data-count]", f"({as_dict})('count')")
    flags = report.page.eval_on_selector_all("[data-flag-count]", f"({as_dict})('flagCount')")
    assert shown == {k: v for k, v in summary.items() if k != "flags"} == comparison.summary()
    assert flags == summary["flags"]
    changed = sum(1 for c in comparison.changes if c.is_change or c.references_updated or c.flags)
    assert report.page.text_content("#shown") == f"Showing {changed} of {changed} changed provisions"


@pytest.mark.browser
def test_severity_and_category_filters(opened: Any, v1_v2: Comparison) -> None:
    report = opened(render_html(flagged(v1_v2)))
    high_only, medium_and_low = "#p-art_3__para_1", "#p-art_4__para_2"
    unflagged, unchanged = "#p-art_8__para_2", "#p-art_2__para_1"
    assert all(report.visible(s) for s in (high_only, medium_and_low, unflagged, unchanged))
    high_rows = report.page.locator("tr[data-flags^='high:']")
    assert high_rows.count() == 2 and high_rows.first.is_visible()

    report.page.click("#sev-high")
    assert not report.visible(high_only)
    assert not high_rows.first.is_visible() and not high_rows.last.is_visible()
    assert report.visible(medium_and_low) and report.visible(unflagged) and report.visible(unchanged)

    report.page.click("#sev-medium")
    assert report.visible(medium_and_low)  # still has a low flag
    report.page.click("#sev-low")
    assert not report.visible(medium_and_low)
    report.page.click("#unflagged")
    assert not report.visible(unflagged) and report.visible(unchanged)
    assert report.page.text_content("#shown").startswith("Showing 0 of ")

    for selector in ("#sev-high", "#sev-medium", "#sev-low", "#unflagged"):
        report.page.click(selector)
    report.page.click("#cat-4")  # security: the only category of Article 3(1)
    assert not report.visible(high_only) and report.visible(medium_and_low)

    report.page.click("#changes-only")
    assert not report.visible(unchanged) and report.visible(unflagged)
    assert not report.visible("details.run")


@pytest.mark.browser
def test_side_by_side_toggle(opened: Any, v1_v2: Comparison) -> None:
    report = opened(render_html(v1_v2))
    row = "#p-art_3__para_1"
    assert report.visible(f"{row} .rl") and not report.visible(f"{row} .sbs")
    report.page.click("#view-sbs")
    assert not report.visible(f"{row} .rl") and report.visible(f"{row} .sbs")
    assert report.page.text_content(f"{row} .col.old del") == "15"
    assert report.page.text_content(f"{row} .col.new ins") == "10"
    assert report.page.locator(f"{row} .col.old ins").count() == 0
    # the split's new column shows both parts with their own numbers
    assert report.page.locator("#p-art_9__para_1 .col.new .num").all_text_contents() == ["1.", "2."]
    report.page.click("#view-redline")
    assert report.visible(f"{row} .rl") and not report.visible(f"{row} .sbs")


@pytest.mark.browser
def test_script_in_a_draft_is_shown_not_run(opened: Any, hostile: Comparison) -> None:
    report = opened(render_html(hostile))
    report.page.hover("#p-art_1 .rl h3")  # where the draft wrote <i onmouseover=alert(1)>
    report.page.wait_for_timeout(200)
    assert report.dialogs == []
    assert report.errors == []
    assert report.requests == [report.url]
    assert report.page.locator("script").count() == 1
    assert report.page.locator("img, a[href^='javascript'], i, b").count() == 0
    old = report.page.text_content("#p-art_1__para_1 .col.old")
    new = report.page.text_content("#p-art_1__para_1 .col.new")
    assert old is not None and "withdraw <script>alert(1)</script> forces." in old
    assert new is not None and "<script>alert(2)</script> forces </script><script>alert(3)</script>." in new


def test_long_flag_evidence_is_clipped(v1_v2: Comparison) -> None:
    long = "word " * 100
    change = change_at(v1_v2, "art_2__para_3")
    flagged_change = replace(change, flags=(Flag("added", "general", "high", "Paragraph added", "", long),))
    page = render_html(replace(v1_v2, changes=(flagged_change,)))
    assert "<ins>" + ("word " * 31) + "word…</ins>" in page


def test_escape_fast_path_is_the_full_escape() -> None:
    """`_e` returns a text with nothing to escape as it is (issue 18): for any text, what it
    gives is html.escape (quotes included) of the text with unsafe characters replaced."""
    import html

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from draftkit.render import html as report

    specials = st.sampled_from(
        ["&", "<", ">", '"', "'", "\x00", "\x0b", "\x1f", "\x7f", "\x9f", "\ud800", "\t", "\n", "é", "Σ", "a"]
    )
    texts = st.lists(specials | st.text(max_size=3), max_size=8).map("".join)

    @settings(max_examples=300, deadline=None)
    @given(st.none() | texts)
    def check(text: str | None) -> None:
        expected = html.escape(report._UNSAFE_CHARS.sub("\ufffd", text or ""), quote=True)
        assert report._e(text) == expected

    check()


def test_rows_with_nothing_to_show_written_directly_are_the_full_rows() -> None:
    """`_row_html` writes a row with nothing to show directly (issue 18: most rows of a long
    report); for every row of real comparisons, and of unchanged provisions with any label,
    heading and text, it is what the general path writes."""
    import itertools

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from draftkit.model import Location
    from draftkit.render import html as report

    names = ("framework-v1.docx", "framework-v2.docx", "framework-v3-press.txt", "framework-v4-brackets.txt")
    drafts = [ROOT / "drafts" / name for name in names]
    seen = 0
    for old, new in itertools.permutations(drafts, 2):
        comparison = api.diff(old, new)
        rows = report._rows(comparison)
        index = {category: k for k, category in enumerate(report._categories(comparison))}
        for row in rows:
            assert report._row_html(row, index) == report._full_row(row, index)
            seen += report._same_row(row) is not None
    assert seen > 50  # the direct way was taken

    text = st.text(st.sampled_from(["a", " ", "&", "<", '"', "'", "\x01", "é", "\n", "5", "."]), max_size=10)
    label = st.none() | text

    @settings(max_examples=200, deadline=None)
    @given(
        text, label, label, st.booleans(), st.integers(0, 8), st.sampled_from(["point", "article", "section"])
    )
    def check(body: str, num: str | None, heading: str | None, moved: bool, depth: int, kind: str) -> None:
        old = Provision(kind, num, None, heading, body, eid="a_1", location=Location(1))
        new = Provision(kind, num, None, heading, body, eid="b_1", location=Location(2))
        change = Change(
            "unchanged",
            (old,),
            (new,),
            num or "",
            num or "",
            moved,
            False,
            1.0,
            body,
            body,
            (("equal", body),) if body else (),
            heading,
            heading,
        )
        row = report._Row(change, "p-b_1", depth, kind in report._STRUCTURAL, False)
        assert report._row_html(row, {}) == report._full_row(row, {})

    check()


@pytest.mark.browser
def test_an_arabic_provision_reads_right_to_left_in_a_left_to_right_report(
    opened: Any, tmp_path: Path
) -> None:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text("خطة السلام\n\nالمادة 1\nانسحاب القوات مسافة 15 كم من خط التماس.\n", encoding="utf-8")
    new.write_text("خطة السلام\n\nالمادة 1\nانسحاب القوات مسافة 5 كم من خط التماس.\n", encoding="utf-8")
    report = opened(render_html(api.diff(old, new)))
    text = report.page.locator(".txt").filter(has_text="انسحاب").first
    # Each text block takes its direction from its first strong letter (unicode-bidi:
    # plaintext): an Arabic one starts at the right edge of its block, as Arabic is read.
    box = text.bounding_box()
    first = report.page.evaluate(
        """el => { const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
                   const node = walker.nextNode(); const range = document.createRange();
                   range.setStart(node, 0); range.setEnd(node, 1);
                   const r = range.getBoundingClientRect(); return r.right; }""",
        text.element_handle(),
    )
    assert box is not None and first > box["x"] + box["width"] * 0.8
