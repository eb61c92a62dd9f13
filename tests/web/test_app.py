"""The web app's API through Starlette's test client: diff JSON, each report format, the
statuses of bad and hostile uploads (400/413/422), the private folder gone after each answer,
and the page served under a strict CSP."""

from __future__ import annotations

import io
import json
import stat
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")
# Starlette 1.x prefers httpx2 for its test client; httpx (what the `test` extra installs) works.
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from draftkit.readers import Limits
from draftkit.web import app as web_app
from draftkit.web.app import create_app
from tests.conftest import DRAFTS
from tests.fuzz_strategies import FIXTURES

V1 = DRAFTS / "framework-v1.docx"
V2 = DRAFTS / "framework-v2.docx"


@pytest.fixture
def uploads_root(tmp_path: Path) -> Path:
    root = tmp_path / "uploads"
    root.mkdir()
    return root


def client_for(root: Path, limits: Limits | None = None) -> TestClient:
    app = create_app(limits=limits, temp_root=root, hosts=["testserver", "127.0.0.1"])
    return TestClient(app, raise_server_exceptions=True)


@pytest.fixture
def client(uploads_root: Path) -> Iterator[TestClient]:
    with client_for(uploads_root) as c:
        yield c
    assert list(uploads_root.iterdir()) == [], "an upload folder was left behind"


def pair(old: Path = V1, new: Path = V2, **more: Any) -> dict[str, Any]:
    files: dict[str, Any] = {
        "old": (old.name, old.read_bytes()),
        "new": (new.name, new.read_bytes()),
    }
    files.update(more)
    return files


def test_diff_returns_the_diff_json_with_the_uploaded_names(client: TestClient) -> None:
    response = client.post("/api/diff", files=pair())
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    data = response.json()
    assert data["old"]["source"] == "framework-v1.docx"
    assert data["new"]["source"] == "framework-v2.docx"
    assert data["summary"]["modified"] > 0
    assert sum(data["summary"]["flags"].values()) > 0
    assert "draftkit-web-" not in response.text


@pytest.mark.parametrize(
    ("fmt", "media", "name", "start"),
    [
        (
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "redline.docx",
            b"PK",
        ),
        ("html", "text/html; charset=utf-8", "report.html", b"<!DOCTYPE html>"),
        ("md", "text/markdown; charset=utf-8", "changes.md", b"#"),
        ("json", "application/json", "diff.json", b"{"),
    ],
)
def test_redline_in_each_format(client: TestClient, fmt: str, media: str, name: str, start: bytes) -> None:
    response = client.post(f"/api/redline?format={fmt}", files=pair())
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == media
    assert response.headers["content-disposition"] == f'attachment; filename="{name}"'
    assert response.content.startswith(start)
    if fmt == "docx":
        names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
        assert "word/document.xml" in names
        document = zipfile.ZipFile(io.BytesIO(response.content)).read("word/document.xml")
        assert b"<w:ins " in document and b"<w:del " in document
    else:
        assert b"draftkit-web-" not in response.content, "the private folder's path leaked"


def test_html_report_is_dated_and_names_the_uploads(client: TestClient) -> None:
    page = client.post("/api/redline?format=html", files=pair()).text
    assert "<dt>Generated</dt>" in page
    assert "framework-v1.docx" in page and "framework-v2.docx" in page


def test_moves_and_summary_options_reach_the_docx(client: TestClient) -> None:
    plain = client.post("/api/redline?format=docx", files=pair()).content
    rich = client.post("/api/redline?format=docx&moves=1&summary=1", files=pair()).content
    document = zipfile.ZipFile(io.BytesIO(rich)).read("word/document.xml")
    assert b"moveTo" in document
    assert b"moveTo" not in zipfile.ZipFile(io.BytesIO(plain)).read("word/document.xml")


def test_taxonomy_upload_is_used_and_a_bad_one_is_422(client: TestClient) -> None:
    bad = client.post("/api/diff", files=pair(taxonomy=("mine.toml", b"[[category]\nbroken")))
    assert bad.status_code == 422
    assert "mine.toml" in bad.json()["error"]
    assert "draftkit-web-" not in bad.json()["error"]
    # Valid TOML whose 5,000-digit integer Python refuses to convert: the taxonomy's fault, not a bug (500).
    huge = client.post("/api/diff", files=pair(taxonomy=("mine.toml", b"x = " + b"7" * 5000)))
    assert huge.status_code == 422
    assert huge.json()["error"] == "mine.toml: invalid TOML: a number of more than 4,300 digits"


@pytest.mark.parametrize("target", ["server", "passwd", "default"])
def test_an_uploaded_taxonomy_reads_no_file_of_the_server(
    client: TestClient, tmp_path: Path, target: str
) -> None:
    """`extends` in an uploaded taxonomy named any file of the machine serving: a valid one
    was used (200), others were read and quoted in the error (their existence, where their
    TOML breaks). Only the bundled "default" is taken."""
    server_file = tmp_path / "private.toml"
    server_file.write_text('extends = "default"\n', encoding="utf-8")
    extends = {"server": str(server_file), "passwd": "/etc/passwd", "default": "default"}[target]
    response = client.post(
        "/api/diff", files=pair(taxonomy=("mine.toml", f'extends = "{extends}"\n'.encode()))
    )
    if target == "default":
        assert response.status_code == 200, response.text
        return
    assert response.status_code == 422
    assert response.json()["error"] == (
        'mine.toml: line 1: extends: may only be "default" here (the bundled taxonomy), not a file on this machine'
    )


@pytest.mark.parametrize(
    ("request_kwargs", "url", "needle"),
    [
        ({"files": {"old": ("a.txt", b"x")}}, "/api/diff", "missing upload: new"),
        ({"files": {"old": ("a.txt", b"x")}, "data": {"new": "text"}}, "/api/diff", "must be a file"),
        ({"content": b"old=1&new=2", "headers": {"content-type": "application/x-www-form-urlencoded"}},
         "/api/diff", "multipart/form-data"),
        ({"files": {"evil": ("e.txt", b"x"), "old": ("a.txt", b"x")}}, "/api/diff", "unexpected form field"),
        ({"files": pair()}, "/api/redline?format=pdf", "format must be"),
        ({"files": pair()}, "/api/redline?format=docx&moves=maybe", "moves must be"),
    ],
)  # fmt: skip
def test_bad_requests_are_400(
    client: TestClient, request_kwargs: dict[str, Any], url: str, needle: str
) -> None:
    response = client.post(url, **request_kwargs)
    assert response.status_code == 400, response.text
    message = response.json()["error"]
    assert needle in message and "\n" not in message


def test_not_a_draft_is_422_with_the_one_line_message(client: TestClient, tmp_path: Path) -> None:
    fake = tmp_path / "report.docx"
    fake.write_bytes(b"%PDF-1.4\n1 0 obj garbage")  # a (broken) PDF named .docx
    response = client.post("/api/diff", files=pair(new=fake))
    assert response.status_code == 422
    assert response.json() == {
        "error": "report.docx: truncated PDF: it looks like a PDF document but has no end-of-file marker (%%EOF)"
    }


def test_a_draft_pdf_named_docx_is_read_as_the_pdf_it_is(client: TestClient, tmp_path: Path) -> None:
    """As the CLI does, the format is sniffed from the content, not from the name."""
    renamed = tmp_path / "framework-v2.docx"
    renamed.write_bytes((DRAFTS / "framework-v2.pdf").read_bytes())
    response = client.post("/api/diff", files=pair(new=renamed))
    assert response.status_code == 200, response.text
    assert response.json()["summary"]["modified"] > 0


def test_zip_bomb_is_413(client: TestClient) -> None:
    bomb = FIXTURES / "bomb.docx"
    response = client.post("/api/diff", files=pair(new=bomb))
    assert response.status_code == 413
    assert "zip bomb" in response.json()["error"]
    assert response.json()["error"].startswith("bomb.docx: ")


def test_sixty_megabytes_is_413(client: TestClient) -> None:
    big = b"Article 1\n" + b"x" * 60_000_000
    response = client.post("/api/diff", files={"old": ("big.txt", big), "new": ("v2.docx", V2.read_bytes())})
    assert response.status_code == 413
    assert "--max-bytes" in response.json()["error"]


def test_a_file_over_the_limit_is_cut_off_while_streaming(uploads_root: Path) -> None:
    """The declared length passes (it allows three files), the first part does not."""
    with client_for(uploads_root, Limits(max_bytes=4000)) as c:
        response = c.post("/api/diff", files={"old": ("a.txt", b"y" * 5000), "new": ("b.txt", b"z")})
    assert response.status_code == 413
    assert response.json()["error"] == "a.txt: larger than the limit of 4,000 bytes (--max-bytes)"
    assert list(uploads_root.iterdir()) == []


def _multipart(*parts: bytes) -> dict[str, Any]:
    """A raw multipart/form-data request of these parts (headers and body each)."""
    body = b"".join(b"--XyZ\r\n" + part + b"\r\n" for part in parts) + b"--XyZ--\r\n"
    return {"content": body, "headers": {"content-type": "multipart/form-data; boundary=XyZ"}}


def _file_part(field: str, data: bytes = b"Article 1\n1. Text.\n", *headers: bytes) -> bytes:
    disposition = b'Content-Disposition: form-data; name="%s"; filename="%s.txt"\r\n' % (
        (field.encode(),) * 2
    )
    return b"".join(headers) + disposition + b"\r\n" + data


@pytest.mark.parametrize(
    ("url", "fields", "most"),
    [("/api/diff", ["old", "new"], 3), ("/api/history", [f"round{i}" for i in range(1, 13)], 13)],
)
def test_a_form_of_thousands_of_files_is_413_at_the_first_part_too_many(
    uploads_root: Path, url: str, fields: list[str], most: int
) -> None:
    """At most one part per field a request takes, told before the next part's headers are
    read: the parts are not all received, nor any of them written past the limit."""
    parts = [_file_part(field) for field in fields] + [_file_part("taxonomy", b'extends = "default"\n')]
    parts += [_file_part(f"f{i}") for i in range(5000)]
    with client_for(uploads_root) as c:
        response = c.post(url, **_multipart(*parts))
    assert response.status_code == 413, response.text
    message = response.json()["error"]
    assert message.startswith(f"more files than this request takes: at most {most}, one per field (")
    assert list(uploads_root.iterdir()) == []


@pytest.mark.parametrize(
    ("headers", "needle"),
    [
        ([b"X-A: b\r\n"] * 100_000, "a part has more than 16 headers"),
        ([b"X-A: " + b"b" * 100_000 + b"\r\n"], "over 16 KB"),
    ],
)
def test_a_part_with_endless_headers_is_400_whatever_the_parser(
    uploads_root: Path, monkeypatch: pytest.MonkeyPatch, headers: list[bytes], needle: str
) -> None:
    """python-multipart bounds a part's headers since 2026 only (the web extra takes 0.0.9
    on): the receiver's own limits hold with a parser that has none."""
    import functools
    import inspect

    from draftkit.web import uploads

    parser = uploads.MultipartParser
    if "max_header_count" in inspect.signature(parser).parameters:  # as an older one reads
        monkeypatch.setattr(
            uploads,
            "MultipartParser",
            functools.partial(parser, max_header_count=10**9, max_header_size=10**9),
        )
    with client_for(uploads_root) as c:
        response = c.post("/api/diff", **_multipart(_file_part("old", b"x", *headers), _file_part("new")))
    assert response.status_code == 400, response.text
    assert needle in response.json()["error"]
    assert list(uploads_root.iterdir()) == []


def test_provision_limit_is_413(uploads_root: Path) -> None:
    with client_for(uploads_root, Limits(max_provisions=5)) as c:
        response = c.post("/api/diff", files=pair())
    assert response.status_code == 413
    assert list(uploads_root.iterdir()) == []


def test_uploads_are_private_and_named_safely(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[Path, int]] = []
    real = web_app.api.diff

    def spy(old: Path, new: Path, **kwargs: Any) -> Any:
        folder = Path(old).parent.parent
        seen.append((Path(old), stat.S_IMODE(folder.stat().st_mode)))
        return real(old, new, **kwargs)

    monkeypatch.setattr(web_app.api, "diff", spy)
    response = client.post(
        "/api/diff",
        files={
            "old": ("../../etc/\x1b[31mpasswd", V1.read_bytes()),
            "new": (".hidden.docx", V2.read_bytes()),
        },
    )
    assert response.status_code == 200, response.text
    ((path, mode),) = seen
    assert mode == 0o700
    assert path.name == "__31mpasswd"
    assert response.json()["new"]["source"] == "hidden.docx"
    assert not path.exists()


def test_an_unexpected_failure_is_500_and_cleans_up(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(web_app.api, "diff", boom)
    response = client.post("/api/diff", files=pair())
    assert response.status_code == 500
    assert response.json() == {"error": "internal error (RuntimeError: boom\\nsecond line); please report it"}


def test_page_and_assets(client: TestClient) -> None:
    from draftkit.render.html import script_hash

    page = client.get("/")
    assert page.status_code == 200
    csp = page.headers["content-security-policy"]
    assert "script-src 'self' " + script_hash() in csp
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert '<script src="/static/app.js"' in page.text
    assert client.get("/static/app.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/static/app.css").status_code == 200
    assert client.get("/static/../app.py").status_code == 404


def test_only_its_own_host_names_are_answered(uploads_root: Path) -> None:
    """A page on another site that rebinds its name to 127.0.0.1 is refused (DNS rebinding)."""
    with client_for(uploads_root) as c:
        assert c.get("/", headers={"host": "attacker.example"}).status_code == 400
        assert c.get("/", headers={"host": "127.0.0.1:8000"}).status_code == 200


def test_json_from_diff_matches_the_cli(client: TestClient) -> None:
    from draftkit import api
    from draftkit.render.json_diff import render_json

    response = client.post("/api/diff", files=pair()).json()
    direct = json.loads(render_json(api.diff(V1, V2)))
    assert response["summary"] == direct["summary"]
    assert len(response["changes"]) == len(direct["changes"])
