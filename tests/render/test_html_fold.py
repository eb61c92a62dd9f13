"""The HTML report of a big comparison (issue 18): unchanged stretches folded into one row each,
their HTML in a compressed island that gives back exactly the unfolded report; in Chromium the
fold script unfolds on click and on a link, offline, without running a draft's markup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from draftkit.compare.changes import Comparison
from draftkit.render.html import _FOLD_CSS, _FOLD_JS, render_html, unfold
from tests.render.test_html import browser, diff, opened, parse  # noqa: F401  (fixtures)

ARTICLES = 40
PARAGRAPHS = 9
HOSTILE = "the Parties shall withdraw <script>alert(1)</script> & <img src=x onerror=alert(2)> forces"


def _text(changed: bool) -> str:
    lines = ["TREATY OF FOLDING", "", "Have agreed as follows:", ""]
    for a in range(1, ARTICLES + 1):
        lines += [f"Article {a} — Matters of article {a}", ""]
        for p in range(1, PARAGRAPHS + 1):
            text = HOSTILE if (a, p) == (5, 2) else f"In article {a}, paragraph {p}, the Parties shall act."
            if changed and (a, p) == (20, 4):
                text = "In article 20, paragraph 4, the Parties may act."
            lines.append(f"{p}. {text}")
        lines.append("")
    return "\n".join(lines)


@pytest.fixture
def big(tmp_path: Path) -> Comparison:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(_text(False), encoding="utf-8")
    new.write_text(_text(True), encoding="utf-8")
    return diff(old, new)


def test_small_reports_are_not_folded(big: Comparison) -> None:
    page = render_html(big, fold_above=10_000)
    assert 'id="folded"' not in page and "data-fold" not in page
    assert parse(page).scripts == [parse(page).scripts[0]]


def test_folded_report_unfolds_to_the_whole_report(big: Comparison) -> None:
    whole = render_html(big, fold_above=10_000)
    folded = render_html(big)
    assert len(big.changes) > 300 and len(folded) < len(whole) / 4
    rows = [a for t, a in parse(folded).tags if t == "div" and "data-fold" in a]
    assert len(rows) == 2  # before and after the one change (and its article heading)
    assert "<script>alert(1)</script>" not in folded
    back = unfold(folded)
    assert (
        back.replace(f"<style>{_FOLD_CSS}</style>\n", "").replace(f"<script>{_FOLD_JS}</script>\n", "")
        == whole
    )


def test_fold_row_names_the_stretch(big: Comparison) -> None:
    notes = [n.split(" <button")[0] for n in render_html(big).split('<p class="foldnote">')[1:]]
    changed = next(k for k, c in enumerate(big.changes) if c.is_change)
    assert notes == [
        f"{changed} unchanged provisions (title – Article 20(3))",
        f"{len(big.changes) - changed - 1} unchanged provisions (Article 20(5) – Article 40(9))",
    ]


@pytest.mark.browser
def test_folded_report_in_chromium(opened: Any, big: Comparison) -> None:  # noqa: F811
    report = opened(render_html(big))
    assert report.errors == [] and report.requests == [report.url]
    assert report.page.locator("#p-art_20__para_4 .rl ins").text_content() == "may"
    assert report.page.locator("#p-art_30__para_1").count() == 0
    button = report.page.locator("button.unfold[data-fold='1']")
    assert button.is_visible()
    button.click()
    report.page.wait_for_selector("#p-art_30__para_1")
    assert report.visible("#p-art_30__para_1")
    assert report.page.locator(".fold[data-fold='1']").count() == 0

    report.page.click("#changes-only")
    assert not report.visible("#p-art_30__para_1") and report.visible("#p-art_20__para_4")
    assert not report.visible(".fold[data-fold='0']")
    report.page.click("#changes-only")
    assert report.visible("#p-art_30__para_1")

    # a link to a provision inside a fold unfolds it; the draft's markup is shown, not run
    report.page.evaluate("location.hash = '#p-art_5__para_2'")
    report.page.wait_for_selector("#p-art_5__para_2")
    assert report.visible("#p-art_5__para_2")
    text = report.page.text_content("#p-art_5__para_2 .rl")
    assert text is not None and "<script>alert(1)</script>" in text
    assert report.page.locator("img, script:not([id])").count() == 2  # the report's own two scripts
    report.page.wait_for_timeout(200)
    assert report.dialogs == [] and report.errors == []
