"""`draftkit serve` driven as a user would: the server started on 127.0.0.1 with a free port,
headless Chromium uploads two bundled rounds, reads the counts and flags, switches a filter,
downloads the Word redline, and LibreOffice opens it. Every wait is bounded; the server is
stopped in teardown."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from draftkit import api
from draftkit.history import history as api_history
from draftkit.render.json_diff import render_json
from tests.conftest import DRAFTS
from tests.render.test_html import CHROMIUM_ARGS

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

V1 = DRAFTS / "framework-v1.docx"
V2 = DRAFTS / "framework-v2.docx"
TIMEOUT_MS = 60_000


def _draftkit() -> str:
    return str(Path(sys.executable).with_name("draftkit"))


def _started(process: subprocess.Popen[str], deadline: float) -> str:
    """The URL the server prints once it listens ('serving on http://…/'), within the deadline."""
    assert process.stderr is not None
    seen = ""
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stderr], [], [], 0.5)
        if ready:
            line = process.stderr.readline()
            seen += line
            if "serving on " in line:
                return line.split("serving on ", 1)[1].split()[0]
        if process.poll() is not None:
            break
    raise AssertionError(f"draftkit serve did not start: {seen!r}")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`draftkit serve --port 0` (the OS picks a free port), uploads under tmp_path."""
    uploads = tmp_path / "tmp"
    uploads.mkdir()
    process = subprocess.Popen(
        [_draftkit(), "serve", "--port", "0"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        # PYTHONPATH passed on: run from a checkout (PYTHONPATH=src), the server is this code.
        env={"PATH": "/usr/bin:/bin", "TMPDIR": str(uploads), "SOURCE_DATE_EPOCH": "1795000000"}
        | {key: value for key, value in os.environ.items() if key == "PYTHONPATH"},
    )
    try:
        yield _started(process, time.monotonic() + 30), uploads
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture
def page(chromium: str, tmp_path: Path) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
        context.set_default_timeout(TIMEOUT_MS)
        tab = context.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        # The browser logs every answer of 400 and up; the API's refusals (400/413/422) are
        # expected where a test sends a bad upload, anything else (a 404, a CSP block) is not.
        refusals = tuple(f"status of {code} " for code in (400, 413, 422))
        tab.on(
            "console",
            lambda m: (
                errors.append(m.text)
                if m.type == "error" and not any(r in m.text for r in refusals)
                else None
            ),
        )
        try:
            yield tab
        finally:
            context.close()
            browser.close()
        assert errors == [], errors


@pytest.mark.browser
@pytest.mark.office
def test_upload_read_filter_download_and_open_in_libreoffice(
    server: tuple[str, Path], page: Any, soffice: str, tmp_path: Path
) -> None:
    url, uploads = server
    assert url.startswith("http://127.0.0.1:")  # loopback when no --host is given
    expected = json.loads(render_json(api.diff(V1, V2)))["summary"]

    page.goto(url)
    page.set_input_files("#old", str(V1))
    page.set_input_files("#new", str(V2))
    page.click("#compare")
    assert page.is_visible("#progress") or page.is_visible("#result")  # the progress state, or done already
    page.wait_for_selector("#result:not([hidden])")
    assert page.is_hidden("#progress")
    report = page.frame_locator("#report")

    # The counts and flags the report shows are those of the comparison.
    report.locator("[data-count='modified']").wait_for()
    for key in ("modified", "added", "deleted", "moved", "renumbered"):
        assert report.locator(f"[data-count='{key}']").text_content() == str(expected[key])
    for severity, count in expected["flags"].items():
        assert report.locator(f"[data-flag-count='{severity}']").text_content() == str(count)
    high_rows = report.locator("tr[data-flags^='high:']")
    assert high_rows.count() > 0 and high_rows.first.is_visible()
    assert "framework-v1.docx" in report.locator("dl.sources").text_content()

    # A filter: hiding high-severity flags hides their rows (the report's script runs in the frame).
    report.locator("#sev-high").click()
    assert not high_rows.first.is_visible()
    report.locator("#sev-high").click()
    assert high_rows.first.is_visible()

    # The Word redline, downloaded and opened by LibreOffice.
    with page.expect_download(timeout=TIMEOUT_MS) as download_info:
        page.click("#downloads button[data-format='docx']")
    download = download_info.value
    assert download.suggested_filename == "redline.docx"
    saved = tmp_path / "redline.docx"
    download.save_as(saved)
    assert saved.read_bytes().startswith(b"PK")
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "txt:Text", "--outdir", str(tmp_path), str(saved)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "redline.txt").read_text(encoding="utf-8-sig")
    assert "Kessel Valley" in text

    assert list(uploads.iterdir()) == [], "an upload folder was left behind"


def _compare(page: Any, url: str, old: Path, new: Path, *, until: str = "#result") -> None:
    """The compare page opened, two files chosen and compared, until `until` shows."""
    page.goto(url)
    page.set_input_files("#old", str(old))
    page.set_input_files("#new", str(new))
    page.click("#compare")
    page.wait_for_selector(f"{until}:not([hidden])")


@pytest.mark.browser
def test_a_refused_upload_shows_the_one_line_message(
    server: tuple[str, Path], page: Any, tmp_path: Path
) -> None:
    url, uploads = server
    fake = tmp_path / "minutes.docx"
    fake.write_bytes(b"%PDF-1.4\nnot really")
    _compare(page, url, V1, fake, until="#error")
    message = page.text_content("#error")
    assert message.startswith("minutes.docx: truncated PDF") and message.endswith("(HTTP 422)")
    assert page.is_hidden("#result")
    assert list(uploads.iterdir()) == []


@pytest.mark.browser
def test_two_files_dropped_at_once_go_old_then_new(server: tuple[str, Path], page: Any) -> None:
    url, _ = server
    page.goto(url)
    names = page.evaluate(
        """() => {
          const dt = new DataTransfer();
          dt.items.add(new File(["b"], "framework-v2.txt"));
          dt.items.add(new File(["a"], "framework-v1.txt"));
          document.getElementById("drop").dispatchEvent(new DragEvent("drop", {dataTransfer: dt}));
          return [document.getElementById("old").files[0].name, document.getElementById("new").files[0].name];
        }"""
    )
    assert names == ["framework-v1.txt", "framework-v2.txt"]


def _download(page: Any, selector: str, target: Path) -> Path:
    """Click a download button and save what the browser receives under `target`'s folder."""
    with page.expect_download(timeout=TIMEOUT_MS) as download_info:
        page.click(selector)
    download = download_info.value
    saved = target / download.suggested_filename
    download.save_as(saved)
    return saved


@pytest.mark.browser
def test_history_page_reads_the_rounds_in_name_order(
    server: tuple[str, Path], page: Any, tmp_path: Path
) -> None:
    url, uploads = server
    rounds = [DRAFTS / f"framework-v{i}.txt" for i in (3, 1, 2)]  # chosen out of order
    expected = api_history([DRAFTS / f"framework-v{i}.txt" for i in (1, 2, 3)])

    page.goto(url)
    page.click("nav a[href='/history']")
    page.wait_for_selector("#rounds")
    page.set_input_files("#rounds", [str(p) for p in rounds])
    # The list is filled by the page's change handler: waited for (a loaded machine was late).
    page.locator("#order li").nth(2).wait_for(timeout=TIMEOUT_MS)
    assert page.locator("#order li span").all_text_contents() == [
        "framework-v1.txt", "framework-v2.txt", "framework-v3.txt"
    ]  # fmt: skip
    page.click("#compare")
    page.wait_for_selector("#result:not([hidden])")
    report = page.frame_locator("#report")
    cells = report.locator("[data-step-count='modified']")
    cells.first.wait_for()
    assert cells.all_text_contents() == [str(step.summary()["modified"]) for step in expected.steps]

    saved = _download(page, "#downloads button[data-format='md']", tmp_path)
    assert saved.name == "history.md"
    text = saved.read_text(encoding="utf-8")
    assert text.index("framework-v1") < text.index("framework-v2") < text.index("framework-v3")
    assert list(uploads.iterdir()) == []


@pytest.mark.browser
def test_history_page_rounds_can_be_put_in_another_order_than_their_names(
    server: tuple[str, Path], page: Any, tmp_path: Path
) -> None:
    """Names need not sort as the rounds came ("draft-final" before "draft-v1"): the page
    read them by name and nothing but renaming the files changed that."""
    for name, version in (("draft-v1.txt", 1), ("draft-v2.txt", 2), ("draft-final.txt", 3)):
        (tmp_path / name).write_bytes((DRAFTS / f"framework-v{version}.txt").read_bytes())
    url, uploads = server
    page.goto(url + "history")
    page.set_input_files(
        "#rounds", [str(tmp_path / n) for n in ("draft-v1.txt", "draft-v2.txt", "draft-final.txt")]
    )
    names = page.locator("#order li span")
    names.nth(2).wait_for(timeout=TIMEOUT_MS)
    assert names.all_text_contents() == ["draft-final.txt", "draft-v1.txt", "draft-v2.txt"]
    page.click("#order button[aria-label='Read draft-final.txt one round later']")
    page.click("#order button[aria-label='Read draft-final.txt one round later']")
    assert names.all_text_contents() == ["draft-v1.txt", "draft-v2.txt", "draft-final.txt"]
    page.click("#compare")
    page.wait_for_selector("#result:not([hidden])")
    saved = _download(page, "#downloads button[data-format='md']", tmp_path / "out")
    text = saved.read_text(encoding="utf-8")
    assert "| R1 | draft-v1 |" in text and "| R3 | draft-final |" in text
    assert list(uploads.iterdir()) == []


@pytest.mark.browser
@pytest.mark.office
def test_compare3_page_names_the_sides_and_its_docx_opens_in_libreoffice(
    server: tuple[str, Path], page: Any, soffice: str, tmp_path: Path
) -> None:
    url, uploads = server
    kessel = DRAFTS / "kessel"
    page.goto(url + "compare3")
    page.set_input_files("#base", str(kessel / "base.txt"))
    page.set_input_files("#a", str(kessel / "veloria-counter.txt"))
    page.set_input_files("#b", str(kessel / "astria-counter.txt"))
    page.fill("#labels", "Veloria,Astria")
    page.click("#compare")
    page.wait_for_selector("#result:not([hidden])")
    report = page.frame_locator("#report")
    report.locator("[data-count='conflict']").wait_for()
    assert report.locator("[data-count='conflict']").text_content() == "2"
    assert "Veloria" in report.locator("body").text_content()

    saved = _download(page, "#downloads button[data-format='docx']", tmp_path)
    assert saved.name == "compare3.docx"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "txt:Text", "--outdir", str(tmp_path), str(saved)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Kessel" in (tmp_path / "compare3.txt").read_text(encoding="utf-8-sig")
    assert list(uploads.iterdir()) == []


@pytest.mark.browser
def test_a_page_with_too_few_drafts_says_so_without_a_request(server: tuple[str, Path], page: Any) -> None:
    url, _ = server
    page.goto(url + "history")
    page.set_input_files("#rounds", str(DRAFTS / "framework-v1.txt"))
    page.click("#compare")
    assert page.text_content("#error") == "Choose two to twelve rounds."
    assert page.is_hidden("#progress") and page.is_hidden("#result")


@pytest.mark.browser
def test_reading_warnings_are_shown_beside_the_report(server: tuple[str, Path], page: Any) -> None:
    url, _ = server
    _compare(page, url, DRAFTS / "framework-v2.txt", DRAFTS / "framework-v3-press.txt")
    assert page.is_visible("#warned")
    assert page.locator("#warnings li").all_text_contents() == [
        "framework-v3-press.txt: line 5: no numbering: 37 paragraph(s) read as unnumbered provisions"
    ]
    page.set_input_files("#new", str(DRAFTS / "framework-v3.txt"))
    page.click("#compare")
    page.wait_for_selector("#result:not([hidden])")  # the answer (the files' change hid both)
    assert page.is_hidden("#warned")
    assert page.locator("#warnings li").count() == 0


def test_hostile_uploads_to_the_running_server_leave_nothing_behind(server: tuple[str, Path]) -> None:
    """The real server (uvicorn, streaming): a zip bomb, a PDF named .docx and 60 MB get
    their status and one line, and the upload folder is empty after each."""
    httpx = pytest.importorskip("httpx")
    from tests.fuzz_strategies import FIXTURES

    url, uploads = server
    good = ("framework-v1.txt", (DRAFTS / "framework-v1.txt").read_bytes())
    cases = [
        ({"old": good, "new": ("bomb.docx", (FIXTURES / "bomb.docx").read_bytes())}, 413, "bomb.docx: "),
        ({"old": good, "new": ("minutes.docx", b"%PDF-1.4\nnot really")}, 422, "minutes.docx: "),
        ({"old": good, "new": ("big.txt", b"Article 1\n" + b"x" * 60_000_000)}, 413, "big.txt: larger than"),
    ]
    for files, status, start in cases:
        try:
            response = httpx.post(f"{url}api/diff", files=files, timeout=120)
        except httpx.TransportError:
            # The server may answer 413 and close before the client has sent all 60 MB.
            assert status == 413
        else:
            assert response.status_code == status
            assert response.json()["error"].startswith(start)
        assert list(uploads.iterdir()) == [], f"{start} left an upload folder behind"


@pytest.mark.browser
def test_a_report_is_not_left_beside_other_files_or_a_refusal(
    server: tuple[str, Path], page: Any, tmp_path: Path
) -> None:
    """Once a pair was compared, choosing another file, or a comparison that is refused,
    left the last pair's report, its reading warnings and the download buttons on the page:
    the refusal was read beside a report of other files, and a download sent the new files."""
    url, _ = server
    unnumbered = tmp_path / "leak.txt"
    unnumbered.write_text(
        "Hostilities end at once.\n\nAll hostages are returned within 48 hours.\n", encoding="utf-8"
    )
    numbered = tmp_path / "plan.txt"
    numbered.write_text(
        "1. Hostilities end at once.\n2. All hostages are returned within 72 hours.\n", encoding="utf-8"
    )
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"not a draft \x00\x01\x02")
    _compare(page, url, unnumbered, numbered)
    assert page.is_visible("#warned")  # the unnumbered paragraphs
    page.set_input_files("#old", str(junk))
    assert page.is_hidden("#result") and page.is_hidden("#warned")
    page.click("#compare")
    page.wait_for_selector("#error:not([hidden])")
    assert page.text_content("#error").startswith("junk.txt: binary data")
    assert page.is_hidden("#result") and page.is_hidden("#warned")
    page.set_input_files("#old", str(unnumbered))  # a good pair again: the report comes back
    page.click("#compare")
    page.wait_for_selector("#result:not([hidden])")
    assert page.is_hidden("#error")
