"""A redline that cannot act (issue 13, item 3): the new draft is full of active content —
macros, an attached remote template, linked images and OLE objects, external hyperlinks,
DDE/INCLUDETEXT/INCLUDEPICTURE/LINK fields, an altChunk, an ActiveX control, update-fields
on open — and the redline draftkit writes from it carries none of it, keeps every field's
last result as text, and opened in LibreOffice makes no network request (a loopback
listener sees nothing, where the new draft itself is fetched from)."""

from __future__ import annotations

import io
import re
import socket
import subprocess
import threading
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from lxml import etree

from draftkit.model import Draft
from draftkit.readers import read
from tests.hostile.helpers import DATE, cli
from tests.wmlops import read_part, w

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "drafts" / "framework-v1.docx"

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    f'xmlns:r="{R_NS}" xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MS_REL = "http://schemas.microsoft.com/office/2006/relationships"

# Each field as (instruction, its last result): the result must survive as plain text.
FIELDS = (
    ('DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc.exe"', "dde result"),
    ('DDE Excel "{url}/dde.xlsx" "R1C1"', "dde link result"),
    ('INCLUDETEXT "{url}/included.docx"', "included text"),
    ('INCLUDEPICTURE "{url}/included.png" \\d', "included picture"),
    ('LINK Excel.Sheet.12 "{url}/book.xlsx" "Sheet1!R1C1" \\a \\t', "linked cell"),
    ('HYPERLINK "{url}/field-link"', "field hyperlink"),
    ("MACROBUTTON Run Click here", ""),
    ("DATE \\@ yyyy", "2020"),
)
ACTIVE_FIELDS = ("DDE", "DDEAUTO", "INCLUDETEXT", "INCLUDEPICTURE", "LINK", "HYPERLINK", "MACROBUTTON",
                 "DATE", "INCLUDE", "IMPORT")  # fmt: skip


def _field(instruction: str, result: str, *, dirty: bool = True) -> str:
    flag = ' w:dirty="true"' if dirty else ""
    result_run = f'<w:r><w:t xml:space="preserve">{result}</w:t></w:r>' if result else ""
    return (
        f'<w:r><w:fldChar w:fldCharType="begin"{flag}/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'{result_run}<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _paragraph(*content: str) -> str:
    return f"<w:p>{''.join(content)}</w:p>"


def _text(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _linked_image(rid: str) -> str:
    """A DrawingML picture whose only source is a link (r:link), not an embedded copy."""
    return (
        '<w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="914400"/><wp:docPr id="41" name="p"/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic><pic:nvPicPr><pic:cNvPr id="41" name="p"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:link="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )


def active_draft(path: Path, url: str) -> None:
    """framework-v1.docx with active content of every kind added, every remote thing at `url`."""
    with zipfile.ZipFile(TEMPLATE) as z:
        parts = {info.filename: z.read(info.filename) for info in z.infolist()}
    fields = [(i.replace("{url}", url), r) for i, r in FIELDS]
    added = [
        _paragraph(_text("See "), '<w:hyperlink r:id="rIdX1">', _text("the remote annex"), "</w:hyperlink>", _text(".")),
        _paragraph(_text("A linked image: "), _linked_image("rIdX2")),
        _paragraph(_text("A VML image: "), '<w:r><w:pict><v:shape style="width:20pt;height:20pt">'
                   '<v:imagedata r:id="rIdX3" o:title=""/></v:shape></w:pict></w:r>'),
        _paragraph(_text("A linked object: "), '<w:r><w:object><v:shape id="_x0000_i1025" style="width:20pt;height:20pt"/>'
                   '<o:OLEObject Type="Link" ProgID="Excel.Sheet.12" ShapeID="_x0000_i1025" r:id="rIdX4" '
                   'UpdateMode="Always"><o:LinkType>EnhancedMetaFile</o:LinkType></o:OLEObject></w:object></w:r>'),
        _paragraph(_text("A control: "), '<w:r><w:object><v:shape id="_x0000_i1026" style="width:20pt;height:20pt"/>'
                   '<w:control r:id="rIdX5" w:name="CheckBox1" w:shapeid="_x0000_i1026"/></w:object></w:r>'),
        *(_paragraph(_text(f"Field {n}: "), _field(i, r)) for n, (i, r) in enumerate(fields, 1)),
        _paragraph(_text("Simple: "), f'<w:fldSimple w:instr=" INCLUDETEXT &quot;{url}/simple.docx&quot; " w:dirty="true">'
                   + _text("simple result") + "</w:fldSimple>"),
        _paragraph(_text("Kept: page "), _field("PAGE", "1")),
        '<w:altChunk r:id="rIdX6"/>',
    ]  # fmt: skip
    root = etree.fromstring(parts["word/document.xml"])
    prefixes = f"<w:document {NAMESPACES}><w:body>"
    fragment = etree.fromstring(f"{prefixes}{''.join(added)}</w:body></w:document>".encode())
    body = root.find(w("body"))
    assert body is not None
    sect = body.find(w("sectPr"))
    at = body.index(sect) if sect is not None else len(body)
    for offset, element in enumerate(fragment.find(w("body"))):  # type: ignore[union-attr]
        body.insert(at + offset, element)
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    for rid, kind, target, external in (
        ("rIdX1", f"{REL}/hyperlink", f"{url}/hyperlink", True),
        ("rIdX2", f"{REL}/image", f"{url}/linked.png", True),
        ("rIdX3", f"{REL}/image", f"{url}/vml.png", True),
        ("rIdX4", f"{REL}/oleObject", f"{url}/object.xlsx", True),
        ("rIdX5", f"{REL}/control", "activeX/activeX1.xml", False),
        ("rIdX6", f"{REL}/aFChunk", "chunk.html", False),
        ("rIdX7", f"{MS_REL}/vbaProject", "vbaProject.bin", False),
        ("rIdX8", f"{MS_REL}/keyMapCustomizations", "customizations.xml", False),
    ):
        rel = etree.SubElement(rels, f"{{{REL_NS}}}Relationship", Id=rid, Type=kind, Target=target)
        if external:
            rel.set("TargetMode", "External")
    parts["word/_rels/document.xml.rels"] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8")

    settings = etree.fromstring(parts["word/settings.xml"])
    for xml in (
        '<w:updateFields w:val="true"/>',
        "<w:linkStyles/>",
        '<w:attachedTemplate r:id="rIdT1"/>',
        '<w:mailMerge><w:mainDocumentType w:val="formLetters"/><w:dataType w:val="textFile"/>'
        '<w:query w:val="SELECT * FROM x"/><w:dataSource r:id="rIdT2"/></w:mailMerge>',
    ):
        settings.insert(0, etree.fromstring(f"<x {NAMESPACES}>{xml}</x>")[0])
    parts["word/settings.xml"] = etree.tostring(settings, xml_declaration=True, encoding="UTF-8")
    parts["word/_rels/settings.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{REL_NS}">'
        f'<Relationship Id="rIdT1" Type="{REL}/attachedTemplate" Target="{url}/template.dotm" '
        'TargetMode="External"/>'
        f'<Relationship Id="rIdT2" Type="{REL}/mailMergeSource" Target="{url}/recipients.txt" '
        'TargetMode="External"/></Relationships>'
    ).encode()
    parts["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    parts["word/_rels/vbaProject.bin.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{REL_NS}">'
        f'<Relationship Id="rId1" Type="{MS_REL}/wordVbaData" Target="vbaData.xml"/></Relationships>'
    ).encode()
    parts["word/vbaData.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<wne:vbaSuppData xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml"/>'
    )
    parts["word/customizations.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<wne:tcg xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml"/>'
    )
    parts["word/activeX/activeX1.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8"?><ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" '
        b'ax:classid="{8BD21D40-EC42-11CE-9E0D-00AA006002F3}" ax:persistence="persistStorage" '
        b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>'
    )
    parts["word/activeX/_rels/activeX1.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{REL_NS}">'
        f'<Relationship Id="rId1" Type="{MS_REL}/activeXControlBinary" Target="activeX1.bin"/></Relationships>'
    ).encode()
    parts["word/activeX/activeX1.bin"] = bytes(64)
    parts["word/chunk.html"] = f'<html><body><p>chunk</p><img src="{url}/chunk.png"></body></html>'.encode()

    types = etree.fromstring(parts["[Content_Types].xml"])
    for element in types:
        if element.get("PartName") == "/word/document.xml":
            element.set("ContentType", "application/vnd.ms-word.document.macroEnabled.main+xml")
    for tag, attrs in (
        ("Default", {"Extension": "bin", "ContentType": "application/vnd.ms-office.vbaProject"}),
        ("Default", {"Extension": "html", "ContentType": "text/html"}),
        ("Override", {"PartName": "/word/vbaData.xml", "ContentType": "application/vnd.ms-word.vbaData+xml"}),
        ("Override", {"PartName": "/word/customizations.xml",
                      "ContentType": "application/vnd.ms-word.keyMapCustomizations+xml"}),
        ("Override", {"PartName": "/word/activeX/activeX1.xml", "ContentType": "application/vnd.ms-office.activeX+xml"}),
    ):  # fmt: skip
        etree.SubElement(types, f"{{{CT_NS}}}{tag}", attrs)
    parts["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


# ------------------------------------------------------------------------------- listener


class Listener:
    """A loopback TCP listener on a random port that records every connection it gets."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.requests: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.server.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(2)
                try:
                    head = conn.recv(4096)
                except OSError:
                    head = b""
                self.requests.append(head.split(b"\r\n", 1)[0] or b"(connection)")
                # Answer something, so a client does not retry for long.
                with suppress(OSError):
                    conn.sendall(b"HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n")

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.server.close()


@contextmanager
def listening() -> Iterator[Listener]:
    listener = Listener()
    listener.start()
    try:
        yield listener
    finally:
        listener.stop()


# ------------------------------------------------------------------------------- checks


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def check_inert(data: bytes) -> None:
    """None of the active parts, relationships, elements, settings or fields is left."""
    parts = _parts(data)
    names = {name.lower() for name in parts}
    for gone in ("word/vbaproject.bin", "word/vbadata.xml", "word/customizations.xml", "word/chunk.html",
                 "word/activex/activex1.xml", "word/activex/activex1.bin"):  # fmt: skip
        assert gone not in names, gone
    types = parts["[Content_Types].xml"].decode()
    for marker in ("macroEnabled", "vbaProject", "vbaData", "activeX", "keyMapCustomizations"):
        assert marker not in types, marker
    for name, part in parts.items():
        if name.endswith(".rels"):
            root = etree.fromstring(part)
            assert all(rel.get("TargetMode") != "External" for rel in root), name
            kinds = {(rel.get("Type") or "").rsplit("/", 1)[-1] for rel in root}
            assert not kinds & {"vbaProject", "aFChunk", "control", "oleObject", "attachedTemplate"}, name
            targets = {rel.get("Target") for rel in root if rel.get("TargetMode") != "External"}
            folder = name.split("_rels/")[0]
            for target in targets:
                assert target is not None
                inside = (folder + target).lower() in names or target.lstrip("/").lower() in names
                assert inside, (name, target)
    settings = read_part(data, "word/settings.xml")
    for tag in ("updateFields", "attachedTemplate", "linkStyles", "mailMerge"):
        assert settings.find(f".//{w(tag)}") is None, tag
    for name, part in parts.items():
        if not name.endswith(".xml") or not part.lstrip().startswith(b"<"):
            continue
        root = etree.fromstring(part)
        for tag in ("altChunk", "control", "subDoc"):
            assert next(root.iter(w(tag)), None) is None, (name, tag)
        assert next(root.iter("{urn:schemas-microsoft-com:office:office}OLEObject"), None) is None, name
        for element in root.iter():
            for attr, value in element.attrib.items():
                assert not str(attr).startswith(f"{{{R_NS}}}") or not str(value).startswith("rIdX"), (
                    name, element.tag, attr)  # fmt: skip
        instructions = " ".join(
            [t.text or "" for t in root.iter(w("instrText"), w("delInstrText"))]
            + [f.get(w("instr")) or "" for f in root.iter(w("fldSimple"))]
        ).split()
        assert not set(instructions) & set(ACTIVE_FIELDS), (name, instructions)
        for element in root.iter(w("fldChar"), w("fldSimple")):
            assert element.get(w("dirty")) is None, name


# ------------------------------------------------------------------------------- tests


def _lines(draft: Draft) -> list[str]:
    lines = (re.sub("⟦[^⟧]*⟧", "", line).strip() for p in draft.walk() for line in p.text.split("\n"))
    return [line for line in lines if line]


def _redline(tmp_path: Path, url: str) -> tuple[Path, Path]:
    new = tmp_path / "active.docx"
    active_draft(new, url)
    out = tmp_path / "redline.docx"
    run = cli("redline", TEMPLATE, new, "-o", out, "--date", DATE)
    assert run.code == 0, run.err
    return new, out


def test_the_redline_carries_no_active_content(tmp_path: Path) -> None:
    new, out = _redline(tmp_path, "http://127.0.0.1:9")
    source = _parts(new.read_bytes())
    # The input is active indeed.
    assert "word/vbaProject.bin" in source and b"DDEAUTO" in source["word/document.xml"]
    data = out.read_bytes()
    check_inert(data)
    # What the new draft shows is what the redline shows: field results and link texts kept.
    accepted = read(out)
    shown = "\n".join(p.text for p in accepted.walk())
    for _, result in FIELDS:
        assert result in shown, result
    for text in ("the remote annex", "simple result", "Kept: page 1", "A linked object:", "A control:"):
        assert text in shown, text
    # Objects the redline can no longer show (a linked image, a linked object, an imported
    # chunk) are what the reader may name as ⟦…⟧; every other line is the new draft's.
    assert _lines(accepted) == _lines(read(new))
    document = read_part(data, "word/document.xml")
    kept = [t.text for t in document.iter(w("instrText"))]
    assert any((t or "").strip() == "PAGE" for t in kept), "a local field (PAGE) stays a field"


def test_the_redline_is_the_same_from_a_text_base(tmp_path: Path) -> None:
    """A DOCX old draft and a text new draft: the clean base has nothing active to begin
    with, and the sanitising leaves it as it was (same bytes as the package before)."""
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("Article 1\nThe Parties shall withdraw.\n", encoding="utf-8")
    new.write_text("Article 1\nThe Parties may withdraw.\n", encoding="utf-8")
    out = tmp_path / "r.docx"
    assert cli("redline", old, new, "-o", out, "--date", DATE).code == 0
    check_inert(out.read_bytes())


def _open_in_libreoffice(soffice: str, profile: Path, path: Path, outdir: Path) -> None:
    for target in ("pdf", "txt:Text"):
        result = subprocess.run(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", target,
             "--outdir", str(outdir), str(path)],
            capture_output=True, text=True, timeout=180,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr


@pytest.mark.office
def test_libreoffice_opens_the_redline_without_a_network_request(soffice: str, tmp_path: Path) -> None:
    """The loopback listener hears from LibreOffice when it opens the active draft itself (so
    the listener works and the draft does reach out), and nothing when it opens the redline."""
    profile = tmp_path / "profile"
    with listening() as listener:
        new, out = _redline(tmp_path, listener.url)
        _open_in_libreoffice(soffice, profile, new, tmp_path / "new-out")
        deadline = time.monotonic() + 10
        while not listener.requests and time.monotonic() < deadline:
            time.sleep(0.1)
        assert listener.requests, "LibreOffice fetched nothing for the active draft: the control failed"
        listener.requests.clear()
        _open_in_libreoffice(soffice, profile, out, tmp_path / "redline-out")
        time.sleep(2)  # bounded wait for a late request
        assert listener.requests == [], listener.requests
    text = (tmp_path / "redline-out" / "redline.txt").read_text(encoding="utf-8-sig")
    for _, result in FIELDS:
        assert result in text, result
    assert "the remote annex" in text
