"""The web app's other two pages through Starlette's test client (issue 17): `POST /api/history`
(several rounds) and `POST /api/compare3` (a base and two counter-proposals) answer what the
CLI answers, name the files as uploaded, refuse bad requests in one line, and leave no upload
behind; `lens=translation` reaches the comparison."""

from __future__ import annotations

import io
import json
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from draftkit.history import compare3, history
from draftkit.render.history_json import render_history_json, render_three_way_json
from draftkit.web.app import MAX_ROUNDS, create_app
from tests.conftest import DRAFTS

ROUNDS = [DRAFTS / f"framework-v{i}.txt" for i in (1, 2, 3)]
KESSEL = [DRAFTS / "kessel" / name for name in ("base.txt", "veloria-counter.txt", "astria-counter.txt")]


@pytest.fixture
def uploads_root(tmp_path: Path) -> Path:
    root = tmp_path / "uploads"
    root.mkdir()
    return root


@pytest.fixture
def client(uploads_root: Path) -> Iterator[TestClient]:
    app = create_app(temp_root=uploads_root, hosts=["testserver"])
    with TestClient(app, raise_server_exceptions=True) as c:
        yield c
    assert list(uploads_root.iterdir()) == [], "an upload folder was left behind"


def files(fields: list[str], paths: list[Path]) -> dict[str, Any]:
    return {field: (path.name, path.read_bytes()) for field, path in zip(fields, paths, strict=True)}


def rounds(paths: list[Path]) -> dict[str, Any]:
    return files([f"round{i}" for i in range(1, len(paths) + 1)], paths)


def _without_sources(data: Any) -> Any:
    """JSON with the file paths taken out (the CLI's are paths, the web app's upload names)."""
    if isinstance(data, dict):
        return {k: _without_sources(v) for k, v in data.items() if k not in ("source", "path")}
    if isinstance(data, list):
        return [_without_sources(v) for v in data]
    return data


def test_history_json_is_the_clis_with_the_upload_names(client: TestClient) -> None:
    response = client.post("/api/history?format=json", files=rounds(ROUNDS))
    assert response.status_code == 200, response.text
    assert response.headers["content-disposition"] == 'attachment; filename="history.json"'
    got = json.loads(response.text)
    expected = json.loads(render_history_json(history(ROUNDS)))
    assert [r["label"] for r in got["rounds"]] == ["framework-v1", "framework-v2", "framework-v3"]
    assert [r["source"] for r in got["rounds"]] == [p.name for p in ROUNDS]
    assert _without_sources(got) == _without_sources(expected)


@pytest.mark.parametrize(("fmt", "start"), [("html", "<!DOCTYPE html>"), ("md", "#")])
def test_history_html_and_markdown(client: TestClient, fmt: str, start: str) -> None:
    response = client.post(f"/api/history?format={fmt}", files=rounds(ROUNDS[:2]))
    assert response.status_code == 200, response.text
    assert response.text.startswith(start)
    assert "framework-v2.txt" in response.text and "draftkit-web-" not in response.text
    if fmt == "html":
        assert response.headers["content-security-policy"].startswith("default-src 'none'")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (["round1"], "missing upload: round2"),
        (["round1", "round3"], "missing upload: round2"),
        (["round1", "round2", "round4"], "rounds must be numbered from round1 without a gap"),
        (["old", "new"], "unexpected form field 'old'"),
        ([f"round{i}" for i in range(1, MAX_ROUNDS + 2)], f"unexpected form field 'round{MAX_ROUNDS + 1}'"),
    ],
)
def test_history_with_too_few_or_misnumbered_rounds_is_400(
    client: TestClient, fields: list[str], message: str
) -> None:
    paths = (ROUNDS * 5)[: len(fields)]
    response = client.post("/api/history", files=files(fields, paths))
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_history_with_an_unreadable_round_is_422_and_names_it(client: TestClient) -> None:
    upload = rounds(ROUNDS[:2])
    upload["round3"] = ("round-3.docx", b"%PDF-1.4 not really")
    response = client.post("/api/history?format=json", files=upload)
    assert response.status_code == 422
    assert response.json()["error"].startswith("round-3.docx: ")


def test_compare3_json_is_the_clis_with_labels_and_upload_names(client: TestClient) -> None:
    response = client.post(
        "/api/compare3?format=json&labels=Veloria,Astria", files=files(["base", "a", "b"], KESSEL)
    )
    assert response.status_code == 200, response.text
    got = json.loads(response.text)
    expected = json.loads(render_three_way_json(compare3(*KESSEL, labels=("Veloria", "Astria"))))
    assert (got["a"]["label"], got["b"]["label"]) == ("Veloria", "Astria")
    assert got["base"]["source"] == "base.txt" and got["b"]["source"] == "astria-counter.txt"
    assert _without_sources(got) == _without_sources(expected)
    assert got["summary"]["conflicts"] > 0


def test_compare3_docx_tracks_each_side_under_its_label(client: TestClient) -> None:
    response = client.post(
        "/api/compare3?format=docx&labels=Veloria,Astria", files=files(["base", "a", "b"], KESSEL)
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-disposition"] == 'attachment; filename="compare3.docx"'
    document = zipfile.ZipFile(io.BytesIO(response.content)).read("word/document.xml").decode("utf-8")
    assert 'w:author="Veloria"' in document and 'w:author="Astria"' in document
    assert "draftkit-web-" not in document and "astria-counter.txt" in document


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("labels=Veloria", "labels must be two names"),
        ("labels=A,B,C", "labels must be two names"),
        ("format=pdf", "format must be html, json, md or docx"),
    ],
)
def test_compare3_bad_options_are_400_before_the_upload(client: TestClient, query: str, message: str) -> None:
    response = client.post(f"/api/compare3?{query}", files=files(["base", "a", "b"], KESSEL))
    assert response.status_code == 400 and message in response.json()["error"]


def test_compare3_needs_all_three(client: TestClient) -> None:
    response = client.post("/api/compare3", files=files(["base", "a"], KESSEL[:2]))
    assert response.status_code == 400
    assert response.json()["error"].startswith("missing upload: b ")


def test_lens_reaches_the_comparison(client: TestClient) -> None:
    pair = files(["old", "new"], ROUNDS[:2])
    assert json.loads(client.post("/api/diff", files=pair).text).get("lens", "default") == "default"
    translated = json.loads(client.post("/api/diff?lens=translation", files=pair).text)
    assert translated["lens"] == "translation"
    bad = client.post("/api/diff?lens=poetry", files=pair)
    assert bad.status_code == 400 and "lens must be default or translation" in bad.json()["error"]


@pytest.mark.parametrize(("path", "api"), [("/history", "/api/history"), ("/compare3", "/api/compare3")])
def test_the_pages_are_served_under_the_csp(client: TestClient, path: str, api: str) -> None:
    page = client.get(path)
    assert page.status_code == 200
    assert "script-src 'self' " in page.headers["content-security-policy"]
    assert f'data-api="{api}"' in page.text and '<script src="/static/app.js"' in page.text


def test_hostile_rounds_are_refused_and_leave_nothing(client: TestClient) -> None:
    from tests.fuzz_strategies import FIXTURES

    big = rounds(ROUNDS[:2])
    big["round3"] = ("round-3.txt", b"Article 1\n" + b"x" * 60_000_000)
    response = client.post("/api/history", files=big)
    assert response.status_code == 413 and "--max-bytes" in response.json()["error"]
    bomb = files(["base", "a"], KESSEL[:2])
    bomb["b"] = ("bomb.docx", (FIXTURES / "bomb.docx").read_bytes())
    response = client.post("/api/compare3", files=bomb)
    assert response.status_code == 413 and response.json()["error"].startswith("bomb.docx: ")


def test_reading_warnings_travel_with_every_answer(client: TestClient) -> None:
    """The web app is no more silent than the CLI: what the reader guessed is in a header."""
    from draftkit.web.app import WARNINGS_HEADER

    press = DRAFTS / "framework-v3-press.txt"
    pair = files(["old", "new"], [ROUNDS[1], press])
    expected = ["framework-v3-press.txt: line 5: no numbering: 37 paragraph(s) read as unnumbered provisions"]
    for url in ("/api/diff", "/api/redline?format=html", "/api/redline?format=docx"):
        response = client.post(url, files=pair)
        assert response.status_code == 200, url
        assert json.loads(response.headers[WARNINGS_HEADER]) == expected, url
    assert WARNINGS_HEADER not in client.post("/api/diff", files=files(["old", "new"], ROUNDS[:2])).headers
    three = client.post("/api/compare3?format=md", files=files(["base", "a", "b"], KESSEL))
    assert json.loads(three.headers[WARNINGS_HEADER]) == [
        "astria-counter.txt: line 8: numbering gap: '5.' follows '3.': 4. missing"
    ]
    history_answer = client.post("/api/history?format=json", files=rounds([ROUNDS[1], press]))
    assert json.loads(history_answer.headers[WARNINGS_HEADER]) == expected


def test_the_same_file_twice_is_said_as_the_cli_says_it(client: TestClient) -> None:
    from draftkit.web.app import WARNINGS_HEADER

    twice = {"old": ("a.txt", ROUNDS[0].read_bytes()), "new": ("b.txt", ROUNDS[0].read_bytes())}
    response = client.post("/api/diff", files=twice)
    assert response.status_code == 200
    assert json.loads(response.headers[WARNINGS_HEADER]) == [
        "a.txt and b.txt have the same content: there is nothing to compare"
    ]
    repeated = rounds([ROUNDS[0], ROUNDS[1], ROUNDS[1]])
    answer = client.post("/api/history?format=json", files=repeated)
    assert json.loads(answer.headers[WARNINGS_HEADER]) == [
        "framework-v2.txt and framework-v2.txt have the same content: there is nothing to compare"
    ]


def test_history_and_compare3_say_where_the_page_headers_differ(client: TestClient, tmp_path: Path) -> None:
    """As the CLI says it (readers.furniture): the round, or counter-proposal, whose Word page
    header differs from the one before it (or the base) is named in the warnings."""
    import docx

    from draftkit.web.app import WARNINGS_HEADER

    paths = []
    for k, (header, distance) in enumerate((("Round 1", 15), ("Round 2", 20), ("Round 2", 25)), start=1):
        document = docx.Document()
        document.sections[0].header.paragraphs[0].text = header
        document.add_paragraph("1. The parties shall cease fire.")
        document.add_paragraph(f"2. Forces shall withdraw {distance} km.")
        paths.append(tmp_path / f"r{k}.docx")
        document.save(str(paths[-1]))
    response = client.post("/api/history?format=json", files=rounds(paths))
    assert response.status_code == 200, response.text
    said = [line for line in json.loads(response.headers[WARNINGS_HEADER]) if "page headers differ" in line]
    assert len(said) == 1 and said[0].startswith("r2.docx: the page headers differ ('Round 1' → 'Round 2')")
    response = client.post("/api/compare3?format=json", files=files(["base", "a", "b"], paths))
    assert response.status_code == 200, response.text
    said = [line for line in json.loads(response.headers[WARNINGS_HEADER]) if "page headers differ" in line]
    assert [line.split(":")[0] for line in said] == ["r2.docx", "r3.docx"]


def test_a_counter_proposal_in_another_language_is_said_in_the_warnings_header(
    client: TestClient, tmp_path: Path
) -> None:
    """The comparison's own note (drafts in two languages) reached the CLI's stderr but not
    the page: the web app listed only what each draft's reader had said."""
    base = tmp_path / "base.txt"
    base.write_text(
        "1. The Parties shall withdraw their forces from the line of contact within thirty days.\n"
        "2. A monitoring mission shall verify the withdrawal and report to the Joint Commission.\n",
        encoding="utf-8",
    )
    russian = tmp_path / "ru.txt"
    russian.write_text(
        "1. Стороны отводят свои силы от линии соприкосновения в течение тридцати дней.\n"
        "2. Миссия наблюдателей проверяет отвод сил и докладывает Совместной комиссии.\n",
        encoding="utf-8",
    )
    three = client.post("/api/compare3?format=json", files=files(["base", "a", "b"], [base, base, russian]))
    assert three.status_code == 200
    lines = json.loads(three.headers["X-Draftkit-Warnings"])
    assert any(line.startswith("ru.txt: this draft reads as Russian") for line in lines), lines
    rounds_answer = client.post("/api/history?format=json", files=rounds([base, russian]))
    assert rounds_answer.status_code == 200
    assert any(
        "reads as Russian" in line for line in json.loads(rounds_answer.headers["X-Draftkit-Warnings"])
    )


def test_compare3_refuses_two_sides_of_one_name(client: TestClient) -> None:
    """labels=X,X was taken: the report then said "only X" of both sides."""
    answer = client.post("/api/compare3?labels=X,x", files=files(["base", "a", "b"], KESSEL))
    assert answer.status_code == 400
    assert answer.json() == {
        "error": "labels: the two counter-proposals need different names, not 'X' and 'x'"
    }


def test_rounds_uploaded_under_one_name_are_named_apart(client: TestClient) -> None:
    """Three rounds each uploaded as draft.txt (one file name, saved in three folders) were
    all called "draft" in the report."""
    sent = {f"round{k}": ("draft.txt", path.read_bytes()) for k, path in enumerate(ROUNDS, start=1)}
    answer = client.post("/api/history?format=json", files=sent)
    assert answer.status_code == 200
    assert [r["label"] for r in answer.json()["rounds"]] == ["draft (R1)", "draft (R2)", "draft (R3)"]
