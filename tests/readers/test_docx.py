"""The DOCX reader: text, locations, numbering, revision views, and hardened package opening."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from draftkit.errors import EXIT_INPUT, InputError, LimitError, UsageError
from draftkit.readers.blocks import Block
from draftkit.readers.docx import DocxContent, read_docx_blocks
from draftkit.readers.safezip import OoxmlPackage, open_package

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "docx"


def _load_builders() -> ModuleType:
    # The fixture script lives beside the fixtures, outside any package: load it by path.
    spec = importlib.util.spec_from_file_location("draftkit_docx_fixtures", FIXTURES / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("draftkit_docx_fixtures", module)
    spec.loader.exec_module(module)
    return module


fx = _load_builders()
Row = tuple[int | None, str | None, str]


def _rows(content: DocxContent) -> list[Row]:
    """(paragraph, label, text) per block: the shape most expectations are written in."""
    return [(b.location.paragraph, b.auto_label, b.text) for b in content.blocks]


# --------------------------------------------------------------------- numbering


def test_numbering_fixture() -> None:
    content = read_docx_blocks(FIXTURES / "numbering.docx")
    assert content.title == "Numbering fixture"
    assert _rows(content) == [
        (1, "Article 1", "Definitions"),
        (2, "1.1", "Scope"),
        (3, "(a)", "alpha"),
        (4, "(b)", "beta"),
        (5, "1.2", "Second"),
        (6, "(a)", "gamma"),
        (7, "(i)", "small"),
        (8, "Article 2", ""),  # an empty numbered paragraph still shows (and counts) its number
        (9, "Article 3", "Obligations"),  # numId 2 shares abstractNum 1
        (11, "3.1", "In a cell"),  # paragraph 10 is empty
        (12, None, "Plain cell"),
        (13, "Article 10", "Restarted"),
        (14, "10.1", "Under ten"),
        (15, "Article 11", "Continued"),
        (16, None, "A bullet"),
        (17, None, "Unknown list"),
        (18, None, "Missing level"),
        (19, None, "Not numbered"),
    ]
    levels = [b.auto_level for b in content.blocks]
    assert levels[:7] == [0, 1, 2, 2, 1, 2, 3]
    assert all(b.auto_level is None for b in content.blocks if b.auto_label is None)


def test_styles_fixture() -> None:
    blocks = read_docx_blocks(FIXTURES / "styles.docx").blocks
    got = [(b.location.paragraph, b.auto_label, b.text, b.heading_level, b.style, b.title) for b in blocks]
    assert got == [
        (1, None, "Framework Agreement", None, "Title", True),
        (2, None, "A subtitle", None, "Subtitle", False),
        (3, "Chapter I", "General provisions", 1, "Heading1", False),
        (4, "Section 1.1", "Purpose", 2, "Heading2", False),  # isLgl: I → 1
        (5, "Section 1.2", "Clause via basedOn", 2, "ClauseHeading", False),
        (6, "a)", "Lettered by pStyle", 3, "Heading3", False),
        (7, "Chapter II", "Final provisions", 1, "Heading1", False),
        (8, "Section 2.1", "Entry into force", 2, "Heading2", False),
        (9, None, "Heading without number", 1, "Heading1", False),  # direct numId 0
        (10, None, "Outline four", 4, "Outline4", False),
        (11, None, "Direct outline", 3, "Normal", False),
        (12, "1.", "Linked one", None, "Normal", False),  # numStyleLink
        (13, "2.", "Linked two", None, "Normal", False),
        (14, "a)", "Linked sub", None, "Normal", False),
        (15, "3.", "Linked via style num", None, "Normal", False),
        (16, "A.", "Listed by style", None, "ListPara", False),
        (17, "B.", "Listed by style again", None, "ListPara", False),
        (18, None, "Body text", None, "NoSuchStyle", False),
    ]


def test_strict_ooxml_namespace() -> None:
    assert _rows(read_docx_blocks(FIXTURES / "strict.docx")) == [(1, "Article 1", "Strict clause")]


# --------------------------------------------------------------------- LibreOffice-written files


def test_libreoffice_lists() -> None:
    content = read_docx_blocks(FIXTURES / "lo_lists.docx")
    assert content.title == "LibreOffice lists"
    assert [(b.auto_label, b.text) for b in content.blocks] == [
        (None, "Framework Agreement"),
        (None, "Preamble text."),
        ("1.", "First clause"),
        ("a.", "point one"),
        ("b.", "point two"),
        ("i.", "sub one"),
        ("ii.", "sub two"),
        ("iii.", "sub three"),
        ("iv.", "sub four"),
        ("2.", "Second clause"),
        ("3.", "Third clause"),
        (None, "Interlude."),
        ("C.", "Cee"),  # <ol type="A" start="3">
        ("D.", "Dee"),
        ("I.", "Roman one"),
        ("II.", "Roman two"),
        (None, "bullet item"),
    ]
    assert content.blocks[0].heading_level == 1


LO_RICH_COMMON = [
    (1, None, "Preamble of the agreement."),
    (2, "Article 1", "Definitions"),  # outline numbering through the Heading 1 style
    (3, "1.1.", "Scope"),
    (4, "1.", "First point"),
    (5, "(a)", "alpha"),
]


def test_libreoffice_rich_accept() -> None:
    content = read_docx_blocks(FIXTURES / "lo_rich.docx", "accept")
    assert content.title == "Rich LibreOffice fixture"
    assert _rows(content) == [
        *LO_RICH_COMMON,
        (6, "(b)", "beta inserted"),
        (7, "(i)", "roman one"),
        (8, "(ii)", "roman two"),
        (9, "2.", "Second point kept"),
        (10, "Article 2", "Obligations"),
        (11, "2.1.", "General"),
        (12, "2.2.", "Special"),
        # LibreOffice writes a restarted list as a new numId with startOverride, and the
        # item after it under the plain numId of the same abstractNum: the count goes on.
        (13, "5.", "Fifth point restarted"),
        (14, "6.", "Sixth point"),
        (15, None, "Closing words."),
        (16, None, "Inserted paragraph."),
        (18, None, "After the deletion."),  # paragraph 17 was deleted with its mark
        (19, None, "Cell A1"),
        (20, None, "Cell B1"),
    ]


def test_libreoffice_rich_original() -> None:
    assert _rows(read_docx_blocks(FIXTURES / "lo_rich.docx", "original")) == [
        *LO_RICH_COMMON,
        (6, "(b)", "beta"),
        (7, "(i)", "roman one"),
        (8, "(ii)", "roman two"),
        (9, "2.", "Second point old words kept"),
        (10, "Article 2", "Obligations"),
        (11, "2.1.", "General"),
        (12, "2.2.", "Special"),
        (13, "5.", "Fifth point restarted"),
        (14, "6.", "Sixth point"),
        (15, None, "Closing words."),  # its mark was inserted: merges with the empty 16
        (17, None, "Deleted paragraph."),
        (18, None, "After the deletion."),
        (19, None, "Cell A1"),
        (20, None, "Cell B1"),
    ]


@pytest.mark.office
def test_labels_agree_with_libreoffice(soffice: str, tmp_path: Path) -> None:
    """LibreOffice's own rendering of the numbering fixture is an independent oracle."""
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "txt:Text", "--outdir", str(tmp_path), str(FIXTURES / "numbering.docx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    lines = [
        " ".join(line.split()) for line in (tmp_path / "numbering.txt").read_text("utf-8-sig").splitlines()
    ]
    for block in read_docx_blocks(FIXTURES / "numbering.docx").blocks:
        if block.auto_label is not None:
            assert " ".join(f"{block.auto_label} {block.text}".split()) in lines


# --------------------------------------------------------------------- revisions


def test_tracked_accept() -> None:
    content = read_docx_blocks(FIXTURES / "tracked.docx", "accept")
    assert _rows(content) == [
        (1, None, "The parties shall agree."),
        (2, None, "Stays here."),
        (3, None, "First half, second half."),  # deleted mark: 3 and 4 merge
        (5, "Article 1", "Alpha"),
        (7, "Article 2", "Beta"),  # paragraph 6 deleted whole: not counted
        (8, "Article 3", "New clause"),
        (9, "Article 4", "Gamma"),
        (10, "Article 5", "Delta"),
        (11, None, "Closing. Moved words."),
        (12, None, "Solid"),
        (13, None, "Kept row"),
        (15, None, "Inserted row"),
        (16, None, "Last"),
    ]


def test_tracked_original() -> None:
    content = read_docx_blocks(FIXTURES / "tracked.docx", "original")
    assert _rows(content) == [
        (1, None, "The parties may agree."),
        (2, None, "Moved words. Stays here."),
        (3, None, "First half,"),
        (4, None, "second half."),
        (5, "Article 1", "Alpha"),
        (6, "Article 2", "Repealed clause"),
        (7, "Article 3", "Beta"),
        (9, "Article 4", "Gamma"),  # paragraph 8 inserted whole: not there, not counted
        (10, None, "Delta"),  # pPrChange: numbering was added by the revision
        (11, None, "Closing."),
        (12, None, "Solid"),
        (13, None, "Kept row"),
        (14, None, "Deleted row"),
        (16, None, "Last"),
    ]


def test_unknown_view_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        read_docx_blocks(FIXTURES / "tracked.docx", "final")  # type: ignore[arg-type]


_SEGMENT = st.tuples(st.sampled_from(["keep", "ins", "del"]), st.text("abc XYZ", min_size=1, max_size=6))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paragraphs=st.lists(st.lists(_SEGMENT, min_size=1, max_size=5), min_size=1, max_size=4))
def test_views_give_the_new_and_the_old_text(paragraphs: list[list[tuple[str, str]]], tmp_path: Path) -> None:
    """Accept-all shows kept + inserted text, reject-all kept + deleted text, paragraph by paragraph."""
    body = []
    for segments in paragraphs:
        runs = []
        for kind, text in segments:
            runs.append(
                fx.r(text)
                if kind == "keep"
                else fx.ins(fx.r(text))
                if kind == "ins"
                else fx.dele(fx.dr(text))
            )
        body.append(fx.p("".join(runs)))
    path = fx.build_docx(tmp_path / "random.docx", "".join(body))

    def expected(shown: str) -> list[str]:
        texts = ["".join(t for k, t in segments if k in ("keep", shown)).strip() for segments in paragraphs]
        return [text for text in texts if text]

    assert [b.text for b in read_docx_blocks(path, "accept").blocks] == expected("ins")
    assert [b.text for b in read_docx_blocks(path, "original").blocks] == expected("del")


# --------------------------------------------------------------------- text content


def test_content_fixture() -> None:
    content = read_docx_blocks(FIXTURES / "content.docx")
    assert content.title == "Content fixture"
    assert _rows(content) == [
        (1, None, "See the annex."),  # hyperlink
        (2, None, "Geneva talks"),  # smartTag
        (3, None, "Inside a content control"),  # block-level sdt
        (4, None, "Party: Republic of A"),  # inline sdt
        (5, None, "Table 3"),  # fldSimple SEQ: its result is text
        (6, None, "Page 7"),  # complex field: result without instrText
        (7, None, "Answer: Yes"),  # nested field inside an instruction
        (8, None, "1.\tScope"),  # typed numbers stay in the text
        (9, None, "Line one line two"),  # w:br
        (10, None, "co-operation"),  # w:noBreakHyphen
        (11, None, "Tick\u2713"),  # w:sym: Wingdings F0FC shows a tick
        (12, None, "Noted \u27e6Footnote: Footnote text is not body text\u27e7"),  # note at its reference
        (13, None, "Shown"),  # w:vanish (hidden) text kept out, and warned about
        (14, None, "Anchor"),
        (15, None, "Text box text"),  # the text box anchored in 14, right after it
        (16, None, "1) first item"),  # LISTNUM without a stored result
        (17, None, "2) second item"),
        (18, None, "R1C1"),
        (19, None, "R1C2"),
        (20, None, "Nested"),  # nested table
        (22, None, "R2C2"),  # 21 is an empty cell
        (23, None, "⟦equation: x=1⟧"),  # math: one unit, with its text
        (24, None, "spaced"),
    ]
    assert all(isinstance(b, Block) for b in content.blocks)


def test_long_paragraph(tmp_path: Path) -> None:
    """A single 5 MB text run reads (under libxml2's 10 MB text-node limit)."""
    text = "word " * 1_000_000
    path = fx.build_docx(tmp_path / "long.docx", fx.p(fx.r(text)))
    (block,) = read_docx_blocks(path).blocks
    assert len(block.text) == len(text.strip())


def test_text_node_over_parser_limit(tmp_path: Path) -> None:
    # Hex of random bytes: incompressible enough not to look like a zip bomb.
    path = fx.build_docx(tmp_path / "huge.docx", fx.p(fx.r(os.urandom(5_250_000).hex())))
    with pytest.raises(LimitError, match="safety limits"):
        read_docx_blocks(path)


def test_macro_enabled_docm_reads_without_touching_vba(monkeypatch: pytest.MonkeyPatch) -> None:
    read_parts: list[str] = []
    original = OoxmlPackage.read

    def spy(self: OoxmlPackage, name: str) -> bytes:
        read_parts.append(name)
        return original(self, name)

    monkeypatch.setattr(OoxmlPackage, "read", spy)
    assert _rows(read_docx_blocks(FIXTURES / "macros.docm")) == [(1, "Article 1", "Macro clause")]
    assert "word/vbaProject.bin" not in read_parts
    assert "word/document.xml" in read_parts


def test_main_part_found_through_relationships() -> None:
    assert _rows(read_docx_blocks(FIXTURES / "renamed_main.docx")) == [(1, None, "Main part elsewhere")]


def test_ten_thousand_numbered_paragraphs(tmp_path: Path) -> None:
    # How fast is benchmarks/parse.py's to say (a timed unit test fails on a loaded machine
    # and proves nothing on an idle one); here: all of them read, the last number right.
    path = fx.build_docx(tmp_path / "perf.docx", fx.perf_body(10_000), numbering=fx.NUMBERING)
    content = read_docx_blocks(path)
    assert len(content.blocks) == 10_000
    assert content.blocks[-1].auto_label == "2000.2"


# --------------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("name", "error", "message"),
    [
        ("pdf_named.docx", InputError, "not a DOCX file: it looks like a PDF document"),
        (
            "encrypted.docx",
            InputError,
            "the DOCX is password-protected (encrypted); save an unprotected copy",
        ),
        ("legacy.doc", InputError, "Word 97-2003 .doc"),
        ("corrupt.docx", InputError, "corrupt DOCX: the zip archive is damaged"),
        ("no_document.docx", InputError, "no main document part (word/document.xml)"),
        ("odt_named.docx", InputError, "OpenDocument text (.odt)"),
        ("doctype.docx", InputError, "DOCTYPE is refused"),
        ("bomb.docx", LimitError, "zip bomb"),
    ],
)
def test_refusals(name: str, error: type[InputError], message: str) -> None:
    path = FIXTURES / name
    with pytest.raises(error) as caught:
        read_docx_blocks(path)
    assert message in str(caught.value)
    assert str(caught.value).startswith(str(path))
    assert "\n" not in str(caught.value)
    assert caught.value.exit_code == EXIT_INPUT


def test_file_over_max_bytes() -> None:
    with pytest.raises(LimitError, match="over the 100-byte limit"):
        read_docx_blocks(FIXTURES / "numbering.docx", max_bytes=100)


def test_unpacked_total_over_max_unpacked() -> None:
    with pytest.raises(LimitError, match=r"unpacks to .* bytes, over the 1,000-byte limit"):
        read_docx_blocks(FIXTURES / "numbering.docx", max_unpacked=1_000)


def test_reads_are_charged_against_the_budget() -> None:
    """The budget counts bytes actually decompressed, not only the header's sizes."""
    path = FIXTURES / "numbering.docx"
    with open_package(path) as package:
        declared = sum(len(package.read(name)) for name in package.names)
    with open_package(path, max_unpacked=declared) as package:
        package.read("word/document.xml")
        with pytest.raises(LimitError, match="unpacked-size limit"):
            for name in package.names:
                package.read(name)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n", "it looks like a PNG image"),
        (b"{\\rtf1\\ansi", "RTF document"),
        (b"<?xml version='1.0'?><w:document/>", "XML or HTML document"),
        (b"plain words", "not a zip package"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "OLE compound file"),
    ],
)
def test_sniffing(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "input.docx"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_docx_blocks(path)


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".odt"])
def test_text_named_as_a_word_file_is_read_as_text_and_said(tmp_path: Path, suffix: str) -> None:
    """A round uploaded as round3.docx that held plain text was compared as text without a
    word: the web app showed a report of one paragraph against eleven, nothing said."""
    from draftkit.readers import read

    path = tmp_path / f"round3{suffix}"
    path.write_text("1. The ceasefire starts at noon.\n2. Monitors shall be deployed.\n", encoding="utf-8")
    draft = read(path)
    assert draft.source is not None and draft.source.format == "text" and draft.count() == 2
    assert [(w.code, w.message) for w in draft.warnings] == [
        ("layout", f"named {suffix} but holds plain text, not "
         + {".docx": "a Word document (.docx)", ".pdf": "a PDF", ".odt": "an OpenDocument text (.odt)"}[suffix]
         + ": read as text (a file saved as text, or renamed)")
    ]  # fmt: skip
    plain = tmp_path / "round3.txt"
    plain.write_bytes(path.read_bytes())
    assert read(plain).warnings == ()


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        read_docx_blocks(tmp_path / "absent.docx")
    with pytest.raises(InputError, match="directory"):
        read_docx_blocks(tmp_path)


def test_workbook_named_docx(tmp_path: Path) -> None:
    path = fx.write_zip(
        tmp_path / "book.docx", {"xl/workbook.xml": "<workbook/>", "[Content_Types].xml": "<Types/>"}
    )
    with pytest.raises(InputError, match="Excel workbook"):
        read_docx_blocks(path)


def test_main_part_that_is_not_a_word_document(tmp_path: Path) -> None:
    path = fx.write_zip(tmp_path / "odd.docx", {"word/document.xml": "<notes/>"})
    with pytest.raises(InputError, match="its main part is <notes>"):
        read_docx_blocks(path)


def test_malformed_xml(tmp_path: Path) -> None:
    path = fx.write_zip(tmp_path / "bad.docx", {"word/document.xml": "<w:document"})
    with pytest.raises(InputError, match=r"word/document.xml: not well-formed XML"):
        read_docx_blocks(path)


def test_zip_encrypted_entries(tmp_path: Path) -> None:
    path = fx.build_docx(tmp_path / "plain.docx", fx.p(fx.r("Secret")))
    data = bytearray(path.read_bytes())
    # Set the "encrypted" bit (bit 0 of the flags) in every central-directory entry, as a
    # zip tool with a password does; zipfile itself cannot write encrypted members.
    position = data.find(b"PK\x01\x02")
    while position != -1:
        data[position + 8] |= 0x1
        position = data.find(b"PK\x01\x02", position + 4)
    locked = tmp_path / "locked.docx"
    locked.write_bytes(bytes(data))
    with pytest.raises(InputError, match="encrypted zip entries"):
        read_docx_blocks(locked)


def test_doctype_in_a_utf16_part_is_refused(tmp_path: Path) -> None:
    xml = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY e "x">]><d/>'
    path = fx.write_zip(tmp_path / "u16.docx", {"word/document.xml": xml.encode("utf-16")})
    with pytest.raises(InputError, match="DOCTYPE is refused"):
        read_docx_blocks(path)
