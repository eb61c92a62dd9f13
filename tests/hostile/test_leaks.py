"""Nothing leaks: no input makes draftkit fetch a URL or read a local file it points at.

A local HTTP server counts every request; a secret file sits beside the drafts. Drafts point
at both in every way a file can (XML entities and DTDs, XInclude, stylesheet instructions,
DOCX relationships of every kind, fields, Markdown images), and go through every command:
the server must see no request and the secret must appear in no output. (The libxml2 of
lxml 6 has no HTTP client at all; the server still guards every other path, and the secret
file is what an unhardened parser would read: `resolve_entities=True` does.)
"""

from __future__ import annotations

import http.server
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from .files import GOOD_TEXT, NS, draft_xml, fx, good_docx
from .helpers import DATE, cli, snapshot

SECRET = "SECRET-7f3a9c-DO-NOT-LEAK"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []  # noqa: RUF012 - shared by the server's handler instances

    def do_GET(self) -> None:
        _Counter.hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(f'<?xml version="1.0"?><x>{SECRET}</x>'.encode())

    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """http://127.0.0.1:PORT of a server that records every request it receives."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


def _pointing_drafts(folder: Path, url: str, secret: Path) -> list[Path]:
    """Drafts that point at `url` and at the `secret` file in every way we know."""
    file_url = secret.as_uri()
    drafts = []

    def xml(name: str, text: str) -> None:
        (folder / name).write_text(text, encoding="utf-8")
        drafts.append(folder / name)

    xml("entity-url.xml", draft_xml("&x;", f'<!ENTITY x SYSTEM "{url}/entity">'))
    xml("entity-file.xml", draft_xml("&x;", f'<!ENTITY x SYSTEM "{file_url}">'))
    xml("dtd-url.xml", draft_xml().replace("<draft ", f'<!DOCTYPE draft SYSTEM "{url}/dtd"><draft ', 1))
    xml("param-entity.xml", draft_xml("", f'<!ENTITY % p SYSTEM "{url}/param"> %p;'))
    xml(
        "stylesheet.xml",
        draft_xml().replace("?>", f'?><?xml-stylesheet type="text/xsl" href="{url}/xsl"?>', 1),
    )
    xml(
        "xinclude.xml",
        draft_xml(f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{file_url}" parse="text"/>'),
    )
    xml(
        "schema-location.xml",
        draft_xml().replace(
            f'<draft xmlns="{NS}"',
            f'<draft xmlns="{NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            f'xsi:schemaLocation="{NS} {url}/xsd"',
            1,
        ),
    )
    (folder / "image.md").write_text(
        f"# T\n\n1. See ![x]({url}/md.png) and <{url}/auto> [l]({file_url}).\n", encoding="utf-8"
    )
    drafts.append(folder / "image.md")

    docx = good_docx(
        folder,
        "relationships.docx",
        fx.np("Scope", 1, 0)
        + fx.p('<w:hyperlink r:id="rId9">' + fx.r("link") + "</w:hyperlink>")
        + fx.p(
            f'<w:fldSimple w:instr="INCLUDETEXT &quot;{file_url}&quot;">'
            + fx.r("included")
            + "</w:fldSimple>"
        )
        + fx.p(fx.BEGIN + fx.instr(f'INCLUDEPICTURE "{url}/pic" \\d') + fx.SEPARATE + fx.r("pic") + fx.END)
        + fx.p('<w:altChunk r:id="rId10"/>'),
        hyperlinks={"rId9": f"{url}/hyperlink"},
    )
    with zipfile.ZipFile(docx) as archive:
        parts: dict[str, bytes | str] = {n: archive.read(n) for n in archive.namelist()}
    rels = parts["word/_rels/document.xml.rels"]
    rels = rels.decode() if isinstance(rels, bytes) else rels
    extra = (
        f'<Relationship Id="rId10" Type="{REL}/aFChunk" Target="{file_url}" TargetMode="External"/>'
        f'<Relationship Id="rId11" Type="{REL}/styles" Target="{url}/styles.xml" TargetMode="External"/>'
        f'<Relationship Id="rId12" Type="{REL}/attachedTemplate" Target="{url}/template.dotm" TargetMode="External"/>'
        f'<Relationship Id="rId13" Type="{REL}/numbering" Target="../../../../{secret.name}"/>'
        f'<Relationship Id="rId14" Type="{REL}/settings" Target="{file_url}"/>'
    )
    parts["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", extra + "</Relationships>")
    drafts.append(fx.write_zip(docx, parts))
    doctype = fx.document_xml(fx.p(fx.r("Article 1 &x;"))).replace(
        "<w:document", f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "{url}/docx-entity">]><w:document', 1
    )
    with zipfile.ZipFile(docx) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts["word/document.xml"] = doctype
    drafts.append(fx.write_zip(folder / "entity.docx", parts))
    return drafts


def test_no_fetch_and_no_file_read(server: str, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    inputs = tmp_path / "in"
    inputs.mkdir()
    good = inputs / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    _Counter.hits.clear()
    seen: list[str] = []
    for draft in _pointing_drafts(inputs, server, secret):
        runs = [
            cli("parse", draft, "--format", "json"),
            cli("parse", draft, "--format", "xml"),
            cli("diff", good, draft, "--format", "json"),
            cli("validate", draft),
            cli("classify", draft, "--explain"),
        ]
        for suffix in (".html", ".md", ".docx", ".json"):
            runs.append(cli("redline", good, draft, "-o", out / f"{draft.stem}{suffix}", "--date", DATE))
        for run in runs:
            assert "Traceback" not in run.err
            seen += [run.out, run.err]
    written = snapshot(out)
    assert written, "some drafts are readable and their reports were written"
    assert _Counter.hits == []
    assert not any(SECRET in text for text in seen)
    assert not any(SECRET.encode() in data for data in written.values())
