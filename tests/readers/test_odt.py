"""ODT input (issue 11 item 7): LibreOffice's own format read on the DOCX reader's path, its
list numbers computed from the ODF list styles."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from draftkit.cli import main
from draftkit.errors import InputError
from draftkit.readers import read, sniff
from tests.conftest import DRAFTS

_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:xml="http://www.w3.org/XML/1998/namespace"'
)
_STYLES = """
<text:list-style style:name="L1">
  <text:list-level-style-number text:level="1" style:num-prefix="Article " style:num-format="1"/>
  <text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="1"/>
  <text:list-level-style-number text:level="3" style:num-prefix="(" style:num-suffix=")" style:num-format="a"/>
</text:list-style>
<text:list-style style:name="B1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>
<text:outline-style style:name="Outline">
  <text:outline-level-style text:level="1" style:num-prefix="Part " style:num-format="I"/>
</text:outline-style>
"""


def _odt(path: Path, body: str, *, changes: str = "") -> Path:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NS}>'
        f"<office:automatic-styles>{_STYLES}</office:automatic-styles>"
        f"<office:body><office:text>{changes}{body}</office:text></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
        )
    return path


def _item(text: str, inner: str = "") -> str:
    return f"<text:list-item><text:p>{text}</text:p>{inner}</text:list-item>"


BODY = (
    '<text:p text:style-name="Title">FRAMEWORK ON THE SARN BASIN</text:p>'
    "<text:p>Recalling their commitments,</text:p>"
    '<text:h text:outline-level="1">General</text:h>'
    '<text:list xml:id="list1" text:style-name="L1">'
    + _item(
        "Scope",
        "<text:list>"
        + _item("The Parties shall<text:s/>withdraw.")
        + _item(
            "The Parties shall refrain from:",
            "<text:list>"
            + _item("shelling;")
            + _item(
                'strikes<text:note text:note-class="footnote">'
                "<text:note-citation>1</text:note-citation><text:note-body><text:p>[Party A proposes: drones]"
                "</text:p></text:note-body></text:note>."
            )
            + "</text:list>",
        )
        + "</text:list>",
    )
    + "</text:list>"
    "<text:p>An interruption between two lists.</text:p>"
    '<text:list text:continue-list="list1" text:style-name="L1">'
    + _item("Monitoring", "<text:list>" + _item("Observers shall monitor.") + "</text:list>")
    + "</text:list>"
    '<text:list text:style-name="B1">' + _item("a bullet") + "</text:list>"
)


def test_list_numbers_are_computed_from_the_list_styles(tmp_path: Path) -> None:
    draft = read(_odt(tmp_path / "d.odt", BODY))
    assert draft.source is not None and draft.source.format == "odt"
    assert draft.title == "FRAMEWORK ON THE SARN BASIN"
    assert [(p.eid, p.num, p.heading, p.text) for p in draft.walk()] == [
        ("part_I", "Part I", "General", ""),  # the heading numbered by the outline style
        ("part_I__art_1", "Article 1", "Scope", ""),
        ("part_I__art_1__para_1", "1.", None, "The Parties shall withdraw."),
        ("part_I__art_1__para_2", "2.", None, "The Parties shall refrain from:"),
        ("part_I__art_1__para_2__point_a", "(a)", None, "shelling;"),
        # an unnumbered paragraph between two lists continues the point above, as in DOCX
        ("part_I__art_1__para_2__point_b", "(b)", None,
         "strikes ⟦Footnote: [Party A proposes: drones]⟧ .\nAn interruption between two lists."),
        ("part_I__art_2", "Article 2", "Monitoring", ""),  # text:continue-list="list1"
        ("part_I__art_2__para_1", "1.", None, "Observers shall monitor."),
        ("part_I__art_2__para_1__point_1", "•", None, "a bullet"),
    ]  # fmt: skip
    assert draft.preamble == ("Recalling their commitments,",)


def test_a_footnote_is_part_of_its_provision(tmp_path: Path) -> None:
    draft = read(_odt(tmp_path / "d.odt", BODY))
    (point,) = [p for p in draft.walk() if p.num == "(b)"]
    assert "⟦Footnote: [Party A proposes: drones]⟧" in point.text


def test_sniffed_by_content_not_suffix(tmp_path: Path) -> None:
    path = _odt(tmp_path / "named.docx", BODY)
    assert sniff(path.read_bytes(), path) == "odt"


def test_original_view_of_tracked_changes_is_refused(tmp_path: Path) -> None:
    changes = (
        '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>old words</text:p>'
        "</text:deletion></text:changed-region></text:tracked-changes>"
    )
    path = _odt(tmp_path / "t.odt", BODY, changes=changes)
    assert read(path).count() > 0  # the accepted text is inline
    with pytest.raises(InputError, match="--view original is not supported for ODT"):
        read(path, view="original")
    result = CliRunner().invoke(main, ["parse", str(path), "--view", "original"])
    assert result.exit_code == 3 and result.stderr.count("\n") == 1


def test_damaged_odt_is_exit_3(tmp_path: Path) -> None:
    path = _odt(tmp_path / "d.odt", BODY)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    result = CliRunner().invoke(main, ["parse", str(path)])
    assert result.exit_code == 3 and "Traceback" not in result.output


@pytest.mark.office
@pytest.mark.parametrize("round_", [1, 2, 3])
def test_libreoffice_odt_of_a_bundled_draft_reads_as_the_docx(
    soffice: str, tmp_path: Path, round_: int
) -> None:
    source = DRAFTS / f"framework-v{round_}.docx"
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "odt", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    odt, docx = read(tmp_path / f"framework-v{round_}.odt"), read(source)
    assert (odt.title, odt.preamble) == (docx.title, docx.preamble)
    assert [(p.eid, p.num, p.heading, p.text) for p in odt.walk()] == [
        (p.eid, p.num, p.heading, p.text) for p in docx.walk()
    ]


def test_images_and_text_boxes_are_shown_not_dropped(tmp_path: Path) -> None:
    """A drawing inside a paragraph was skipped in silence: a text box's text is read in
    place, an image stands by the hash of its bytes (as in DOCX), each named in a warning."""
    draw = (
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
        'xmlns:xlink="http://www.w3.org/1999/xlink"'
    )
    body = (
        f"<text:p {draw}>The line runs as on the map "
        '<draw:frame><draw:image xlink:href="Pictures/map.png"/></draw:frame>.</text:p>'
        f"<text:p {draw}>Observers <draw:frame><draw:text-box><text:p>at 12 posts</text:p>"
        "</draw:text-box></draw:frame> report weekly.</text:p>"
        f'<text:p {draw}>Linked <draw:frame><draw:image xlink:href="http://example.invalid/x.png"/>'
        "</draw:frame> here.</text:p>"
    )
    path = _odt(tmp_path / "d.odt", body)
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("Pictures/map.png", b"\x89PNG not really")
    draft = read(path)
    texts = [p.text for p in draft.walk()]
    assert any("⟦image sha256:" in t for t in texts)
    assert any("Observers ⟦text box: at 12 posts⟧ report weekly." in t for t in texts)
    assert any("⟦linked image: http://example.invalid/x.png⟧" in t for t in texts)
    messages = [w.message for w in draft.warnings]
    assert any(m.startswith("an image (sha256:") for m in messages)
    assert any("linked image" in m for m in messages)


def test_a_comment_is_no_part_of_the_text_and_is_said_not_compared(tmp_path: Path) -> None:
    """LibreOffice keeps a comment inside its paragraph (office:annotation, with its author
    and date): read as text, 'Michael Williamson2016-07-03T15:10:00MWA tachyon walks into a
    bar.' stood in the provision (mammoth's comments.odt)."""
    comment = (
        '<office:annotation xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" office:name="c1">'
        "<dc:creator>A. Drafter</dc:creator><dc:date>2026-12-07T10:00:00</dc:date>"
        "<text:p>Check this figure.</text:p></office:annotation>"
    )
    end = '<office:annotation-end xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:name="c1"/>'
    body = (
        '<text:list text:style-name="L1">'
        + _item(
            "General",
            "<text:list><text:list-item><text:p>The Parties shall withdraw "
            + comment
            + "600,000"
            + end
            + " troops.</text:p></text:list-item></text:list>",
        )
        + "</text:list>"
    )
    draft = read(_odt(tmp_path / "c.odt", body))
    (point,) = [p for p in draft.walk() if p.num == "1."]
    assert point.text == "The Parties shall withdraw 600,000 troops."
    notes = [w for w in draft.warnings if w.code == "not-compared"]
    assert [w.message for w in notes] == ["1 comment (the first here), not compared"]
