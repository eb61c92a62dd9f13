"""The hostile and broken inputs, generated on the fly (no committed binaries beyond the
DOCX fixtures that already exist in tests/fixtures/docx/).

`FAILING` lists inputs every command must refuse: (id, builder, exit code, message).
`READABLE` lists hostile inputs that are nonetheless drafts and must be read in full:
(id, builder, strings the parsed draft must contain). Each builder writes under a folder
and returns the path to hand to draftkit.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.fuzz_strategies import FIXTURES, fx

Builder = Callable[[Path], Path]
NS = "https://draftkit.dev/ns/draft/1"
GOOD_TEXT = "FRAMEWORK\n\nArticle 1 — Scope\n1. The Parties shall cease fire.\n2. Monitors shall verify.\n"
NUMBERING = fx.numbering_xml(fx.abstract(1, fx.LEGAL_LEVELS) + fx.num(1, 1))
# A comment longer than any "look at the first 4 KB" shortcut, to hide a DOCTYPE behind it.
PAD = "<!--" + "x" * 6000 + "-->"
LAUGHS = '<!ENTITY a0 "lollollollollollollollollollol">' + "".join(
    f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
)


def write(name: str, data: bytes | str) -> Builder:
    """A builder writing fixed content."""

    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    return build


def fixture(name: str) -> Builder:
    """A builder returning one of the committed DOCX fixtures (copied, so outputs stay in tmp)."""
    return write(name, (FIXTURES / name).read_bytes())


def good_docx(folder: Path, name: str = "good.docx", body: str | None = None, **kwargs: object) -> Path:
    """A small valid DOCX with automatic numbering."""
    body = body if body is not None else fx.np("Scope", 1, 0) + fx.np("The Parties shall cease fire.", 1, 1)
    kwargs.setdefault("numbering", NUMBERING)
    return fx.build_docx(folder / name, body, **kwargs)  # type: ignore[no-any-return]


def docx_with(name: str, part: str, xml: str | bytes, body: str | None = None) -> Builder:
    """A valid DOCX with one part replaced by `xml`."""

    def build(folder: Path) -> Path:
        path = good_docx(folder, name, body, styles=fx.styles_xml(fx.style("Normal", "Normal", default=True)))
        with zipfile.ZipFile(path) as archive:
            parts: dict[str, bytes | str] = {n: archive.read(n) for n in archive.namelist()}
        parts[part] = xml
        return fx.write_zip(path, parts)  # type: ignore[no-any-return]

    return build


def truncated_docx(keep: float | int) -> Builder:
    def build(folder: Path) -> Path:
        data = good_docx(folder, "whole.docx").read_bytes()
        size = keep if isinstance(keep, int) else int(len(data) * keep)
        path = folder / f"truncated-{size}.docx"
        path.write_bytes(data[:size])
        return path

    return build


def plain_zip(folder: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "Article 1 — not a Word document")
    path = folder / "archive.docx"
    path.write_bytes(buffer.getvalue())
    return path


def declared_size(name: str, member: str, size: int) -> Builder:
    """A DOCX whose central directory lies about one member's uncompressed size."""

    def build(folder: Path) -> Path:
        data = bytearray(good_docx(folder, name).read_bytes())
        position = data.find(b"PK\x01\x02")
        while position != -1:
            name_length = struct.unpack_from("<H", data, position + 28)[0]
            if data[position + 46 : position + 46 + name_length].decode() == member:
                struct.pack_into("<I", data, position + 24, size)
            position = data.find(b"PK\x01\x02", position + 4)
        path = folder / name
        path.write_bytes(bytes(data))
        return path

    return build


def docm_with_bomb_macro(folder: Path) -> Path:
    """A .docm whose vbaProject.bin unpacks to 64 MB of zeros: never decompressed, so harmless."""
    return fx.build_docx(  # type: ignore[no-any-return]
        folder / "bomb-macro.docm",
        fx.np("Macro clause", 1, 0),
        numbering=NUMBERING,
        main_type="application/vnd.ms-word.document.macroEnabled.main+xml",
        extra_parts={"word/vbaProject.bin": bytes(64 * 1024 * 1024)},
    )


def document_with_doctype(dtd: str, content: str, pad: str = "") -> str:
    """A document.xml whose DOCTYPE (maybe behind a long comment) declares entities."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{pad}<!DOCTYPE w:document [{dtd}]>'
        f'<w:document xmlns:w="{fx.W_NS}"><w:body><w:p><w:r><w:t>Article 1 {content}</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )


def draft_xml(body: str = "", dtd: str | None = None, pad: str = "", title: str = "T") -> str:
    """draftkit XML with one article, optionally with a DOCTYPE."""
    doctype = f"<!DOCTYPE draft [{dtd}]>" if dtd is not None else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{pad}{doctype}<draft xmlns="{NS}"><title>{title}</title><body>'
        f'<article eId="art_1"><num>Article 1</num><content><p>Text {body}</p></content></article></body></draft>'
    )


def deep_text(levels: int) -> str:
    """Provisions nested `levels` deep: 1. › 1.1 › 1.1.1 › …"""
    lines = ["DEEP", ""]
    lines += [
        ".".join(["1"] * (k + 1)) + (". " if k == 0 else " ") + f"Level {k + 1} text." for k in range(levels)
    ]
    return "\n".join(lines) + "\n"


def many_provisions(articles: int, paragraphs: int = 9) -> str:
    """`articles` articles of `paragraphs` paragraphs each: articles × (paragraphs + 1) provisions."""
    lines = ["MANY", ""]
    for a in range(1, articles + 1):
        lines.append(f"Article {a}")
        lines.extend(f"{p}. Point {a}.{p}." for p in range(1, paragraphs + 1))
    return "\n".join(lines) + "\n"


def missing_levels_docx(folder: Path) -> Path:
    """Numbering whose lvlText cites levels that are not defined, a num whose abstractNum is
    missing, a numId that does not exist, and ilvl values out of range."""
    numbering = fx.numbering_xml(
        fx.abstract(1, fx.lvl(0, "decimal", "Article %1") + fx.lvl(2, "lowerLetter", "(%3)%2%5"))
        + fx.num(1, 1)
        + fx.num(2, 99)
    )
    body = (
        fx.np("First article", 1, 0)
        + fx.np("level one is not defined", 1, 1)
        + fx.np("level two cites levels two and five", 1, 2)
        + fx.np("level eight", 1, 8)
        + fx.np("num two has no abstract", 2, 0)
        + fx.np("num seven does not exist", 7, 0)
        + fx.p(fx.r("ilvl minus one"), '<w:numPr><w:ilvl w:val="-1"/><w:numId w:val="1"/></w:numPr>')
        + fx.p(
            fx.r("ilvl huge"), '<w:numPr><w:ilvl w:val="99999999999999999999"/><w:numId w:val="1"/></w:numPr>'
        )
        + fx.np("Second article", 1, 0)
    )
    return fx.build_docx(folder / "missing-levels.docx", body, numbering=numbering)  # type: ignore[no-any-return]


def absurd_numbering_docx(folder: Path) -> Path:
    """Numbering built to amplify: start 10^18 in roman numerals, letters from 10^9, a 200 kB
    lvlText, a 10,000-digit custom zero padding, and a LISTNUM start of 5,000 digits."""
    huge_text = "%1" + "x" * 200_000
    numbering = fx.numbering_xml(
        fx.abstract(1, fx.lvl(0, "upperRoman", "Article %1", start=10**18))
        + fx.abstract(2, fx.lvl(0, "lowerLetter", "(%1)", start=10**9))
        + fx.abstract(3, fx.lvl(0, "decimal", huge_text))
        + fx.abstract(4, fx.lvl(0, "custom", "%1.", extra="").replace(
            '<w:numFmt w:val="custom"/>', f'<w:numFmt w:val="custom" w:format="{"0" * 10_000}1, ..."/>'
        ))
        + "".join(fx.num(i, i) for i in range(1, 5))
    )  # fmt: skip
    listnum = fx.BEGIN + fx.instr("LISTNUM \\s " + "9" * 5000) + fx.END
    body = "".join(fx.np(f"Clause {i}", 1 + i % 4, 0) for i in range(400)) + fx.p(listnum + fx.r(" listed"))
    return fx.build_docx(folder / "absurd-numbering.docx", body, numbering=numbering)  # type: ignore[no-any-return]


ODF = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
)


def odt(name: str, styles: str, body: str) -> Builder:
    """An .odt whose list styles and body are given: its numbers are the attack."""

    def build(folder: Path) -> Path:
        content = (
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF}>'
            f"<office:automatic-styles>{styles}</office:automatic-styles>"
            f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
        )
        path = folder / name
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
            archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        return path

    return build


def odt_list(style: str, *items: str, start: str | None = None) -> str:
    """A list of one-paragraph items in list style `style`; the first item restarts at `start`."""
    first = f' text:start-value="{start}"' if start is not None else ""
    return (
        f'<text:list text:style-name="{style}">'
        + "".join(
            f"<text:list-item{first if k == 0 else ''}><text:p>{text}</text:p></text:list-item>"
            for k, text in enumerate(items)
        )
        + "</text:list>"
    )


def odt_level(level: str, fmt: str = "1", **attributes: str) -> str:
    more = "".join(f' text:{key.replace("_", "-")}="{value}"' for key, value in attributes.items())
    return f'<text:list-level-style-number text:level="{level}" style:num-format="{fmt}"{more}/>'


# Numbers an ODF file may hold where an integer belongs: not digits, a superscript digit,
# 5,000 digits, and values a counter would take forever to reach or spell.
ODT_DAMAGED = odt(
    "damaged-numbers.odt",
    '<text:list-style style:name="L">'
    + odt_level("x")
    + odt_level("7" * 5000)
    + odt_level("1", display_levels="1.5")
    + "</text:list-style>",
    odt_list("L", "Scope", "Withdrawal", start="²") + odt_list("L", "Monitoring", start="7" * 5000),
)
ODT_FAR = odt(
    "far-numbers.odt",
    '<text:list-style style:name="L">'
    + odt_level("1", "I", start_value="1000000000000000000")
    + "</text:list-style>"
    '<text:list-style style:name="M">' + odt_level("1", "a") + "</text:list-style>"
    '<text:outline-style style:name="O">'
    + odt_level("1", display_levels="1000000000").replace("list-level-style-number", "outline-level-style")
    + "</text:outline-style>",
    odt_list("L", "Scope", "Withdrawal")
    + odt_list("M", "Monitoring", start="99999999999999")
    + '<text:h text:outline-level="1000000000">Final provisions</text:h>',
)
# text:c repeats a space: 20 × 2,000,000,000 spaces would be 40 GB of text.
ODT_SPACES = odt(
    "spaces.odt",
    '<text:list-style style:name="L">' + odt_level("1") + "</text:list-style>",
    odt_list("L", "The Parties" + '<text:s text:c="2000000000"/>' * 20 + "shall withdraw."),
)


RTL = "المادة 1 — يجب على الأطراف الانسحاب\u200f. \u202eevil\u202c שלום"
MIXED = "Стаття 2. Сторони, 第一条, हिन्दी, 🇺🇦, e\u0301, \u200d"


def rtl_docx(folder: Path) -> Path:
    return good_docx(folder, "rtl.docx", fx.np(RTL, 1, 0) + fx.np(MIXED, 1, 0))  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Failing:
    """An input every command refuses with `code` and a message containing `message`."""

    id: str
    build: Builder
    code: int
    message: str
    see_also: str = ""  # the library-level test that covers the same input in depth


@dataclass(frozen=True)
class Readable:
    """A hostile input that is still a draft: read in full, its text kept exactly; the reading
    warnings it gets, one each, in order (none by default)."""

    id: str
    build: Builder
    contains: tuple[str, ...] = field(default=())
    warnings: tuple[str, ...] = field(default=())


FAILING: tuple[Failing, ...] = (
    # ------------------------------------------------------------------ files that are not drafts
    Failing("missing-file", lambda d: d / "absent.docx", 3, "no such file"),
    Failing("directory", lambda d: (d / "folder.docx").mkdir() or d / "folder.docx", 3, "is a directory"),
    Failing("empty-txt", write("empty.txt", b""), 3, "empty file"),
    Failing("blank-txt", write("blank.txt", b" \r\n\t\n"), 3, "empty file"),
    Failing("zero-byte-docx", write("zero.docx", b""), 3, "empty file"),
    Failing("truncated-docx-half", truncated_docx(0.5), 3, "corrupt DOCX: the zip archive is damaged"),
    Failing("truncated-docx-header", truncated_docx(30), 3, "corrupt DOCX: the zip archive is damaged"),
    Failing("pdf-named-docx", fixture("pdf_named.docx"), 3, "it looks like a PDF document",
            "tests/readers/test_docx.py::test_refusals"),
    Failing("png-named-docx", write("image.docx", b"\x89PNG\r\n\x1a\n" + bytes(200)), 3, "it looks like a PNG image",
            "tests/readers/test_docx.py::test_sniffing"),
    Failing("zip-named-docx", plain_zip, 3, "no main document part"),
    Failing("docx-without-document-xml", fixture("no_document.docx"), 3, "no main document part (word/document.xml)",
            "tests/readers/test_docx.py::test_refusals"),
    Failing("encrypted-docx", fixture("encrypted.docx"), 3, "password-protected (encrypted)",
            "tests/readers/test_docx.py::test_refusals"),
    Failing("legacy-doc", fixture("legacy.doc"), 3, "Word 97-2003 .doc"),
    Failing("gzip-named-txt", write("draft.txt", b"\x1f\x8b\x08\x00" + bytes(100)), 3, "gzip archive"),
    # ------------------------------------------------------------------------------ zip bombs
    Failing("zip-bomb-ratio", fixture("bomb.docx"), 3, "zip bomb", "tests/readers/test_docx.py::test_refusals"),
    Failing("zip-declares-60mb-xml", declared_size("liar-big.docx", "word/document.xml", 60_000_000), 3,
            "over the 50,000,000-byte limit"),
    Failing("zip-declares-too-little", declared_size("liar-small.docx", "word/document.xml", 100), 3,
            "corrupt DOCX: the part is damaged"),
    # ------------------------------------------------------------------------ DOCX XML attacks
    Failing("docx-billion-laughs", docx_with("laughs.docx", "word/document.xml", document_with_doctype(LAUGHS, "&a9;")),
            3, "DOCTYPE is refused", "tests/readers/test_docx.py::test_refusals[doctype.docx]"),
    Failing("docx-laughs-late-in-numbering", docx_with(
        "late.docx", "word/numbering.xml",
        f'<?xml version="1.0"?>{PAD}<!DOCTYPE w:numbering [{LAUGHS}]><w:numbering xmlns:w="{fx.W_NS}">'
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:lvlText w:val="&a9;"/></w:lvl></w:abstractNum>'
        "</w:numbering>"), 3, "word/numbering.xml: XML with a DOCTYPE is refused"),
    Failing("docx-external-file-entity", docx_with(
        "xxe.docx", "word/styles.xml",
        f'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:styles xmlns:w="{fx.W_NS}">'
        '<w:style w:styleId="A"><w:name w:val="&x;"/></w:style></w:styles>'), 3, "word/styles.xml: XML with a DOCTYPE"),
    Failing("docx-utf16-doctype", docx_with(
        "u16.docx", "word/document.xml",
        document_with_doctype('<!ENTITY e "x">', "&e;").replace('encoding="UTF-8"', 'encoding="UTF-16"')
        .encode("utf-16")), 3, "DOCTYPE is refused", "tests/readers/test_docx.py::test_doctype_in_a_utf16_part_is_refused"),
    Failing("docx-not-well-formed", docx_with("broken.docx", "word/document.xml", "<w:document"), 3,
            "word/document.xml: not well-formed XML", "tests/readers/test_docx.py::test_malformed_xml"),
    Failing("docx-elements-300-deep", lambda d: good_docx(
        d, "deep.docx", "<w:sdt><w:sdtContent>" * 150 + fx.p(fx.r("Article 1 Deep")) + "</w:sdtContent></w:sdt>" * 150
    ), 3, "XML over the parser's safety limits"),
    # -------------------------------------------------------------------- draftkit XML attacks
    Failing("xml-billion-laughs", write("laughs.xml", draft_xml("&a9;", LAUGHS)), 3, "DOCTYPE is refused"),
    Failing("xml-external-file-entity", write("xxe.xml", draft_xml("&x;", '<!ENTITY x SYSTEM "file:///etc/passwd">')),
            3, "DOCTYPE is refused"),
    Failing("xml-late-doctype", write("late.xml", draft_xml("", "", PAD)), 3, "DOCTYPE is refused"),
    Failing("xml-external-dtd", write("dtd.xml", draft_xml().replace(
        "<draft ", '<!DOCTYPE draft SYSTEM "file:///etc/passwd"><draft ')), 3, "DOCTYPE is refused"),
    Failing("xml-utf16-doctype", write("u16.xml", draft_xml("&x;", '<!ENTITY x SYSTEM "file:///etc/passwd">')
            .replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")), 3, "DOCTYPE is refused"),
    Failing("xml-xinclude", write("xinclude.xml", draft_xml('<xi:include xmlns:xi="http://www.w3.org/2001/XInclude"'
            ' href="file:///etc/passwd" parse="text"/>')), 3, "does not match draft.rng"),
    Failing("xml-not-draftkit", write("other.xml", "<?xml version='1.0'?><html><body>Article 1</body></html>"), 3,
            "not draftkit XML"),
    Failing("xml-not-well-formed", write("broken.xml", "<?xml version='1.0'?><draft"), 3, "not well-formed XML"),
    Failing("xml-5000-digit-ordinal", write("ordinal.xml", draft_xml().replace(
        'eId="art_1"', f'eId="art_1" ordinal="{"9" * 5000}"')), 3, "too long"),
    # ------------------------------------------------------------------------- text encodings
    Failing("invalid-utf8", write("bad.txt", GOOD_TEXT.encode() + b"\xc3(\xff"), 3, "not valid UTF-8 text"),
    Failing("invalid-utf8-with-bom", write("bad-bom.txt", b"\xef\xbb\xbf" + GOOD_TEXT.encode() + b"\xc3("), 3,
            "not valid UTF-8 text"),
    Failing("latin1-text", write("latin1.txt", GOOD_TEXT.replace("—", "-").replace("Scope", "Scöpe").encode("latin-1")),
            3, "not valid UTF-8 text"),
    Failing("invalid-utf16-with-bom", write("bad16.txt", GOOD_TEXT.encode("utf-16") + b"\x00\xd8A\x00"), 3,
            "not valid UTF-16 text"),
    Failing("invalid-utf16-without-bom", write("bad16nobom.txt", GOOD_TEXT.encode("utf-16-le") + b"\x00\xdc"), 3,
            "not valid UTF-16 text"),
    Failing("utf16-odd-length", write("odd16.txt", GOOD_TEXT.encode("utf-16") + b"A"), 3, "not valid UTF-16 text"),
    Failing("nul-bytes", write("nul.txt", GOOD_TEXT.encode() + b"\x00\x00"), 3, "NUL bytes"),
    Failing("control-characters", write("junk.txt", bytes(range(1, 32)) * 50), 3, "binary data (control characters)"),
    # ----------------------------------------------------------------------- structure limits
    Failing("nesting-25-deep", write("deep.txt", deep_text(25)), 3, "deeper than 24 levels"),
    Failing("xml-nesting-30-deep", write("deep.xml", f'<draft xmlns="{NS}"><body>'
            + "".join(f'<point eId="p{i}">' for i in range(30)) + "<content><p>x</p></content>" + "</point>" * 30
            + "</body></draft>"), 3, "deeper than 24 levels"),
    Failing("file-name-with-newline", write("evil\nname\x1b[2J.txt", "  \n\n"), 3, "evil\\nname\\x1b[2J.txt"),
)  # fmt: skip


READABLE: tuple[Readable, ...] = (
    Readable("utf16-le-bom", write("u16le.txt", GOOD_TEXT.encode("utf-16")), ("cease fire",)),
    Readable("utf16-be-bom", write("u16be.txt", b"\xfe\xff" + GOOD_TEXT.encode("utf-16-be")), ("cease fire",)),
    Readable("utf16-le-no-bom", write("u16nobom.txt", GOOD_TEXT.encode("utf-16-le")), ("cease fire",)),
    Readable("utf16-be-no-bom", write("u16benobom.txt", GOOD_TEXT.encode("utf-16-be")), ("cease fire",)),
    Readable("utf16-le-no-bom-cjk", write("u16cjk.txt", f"T\n\nArticle 1 — 一 Ā\n1. {MIXED}\n".encode("utf-16-le")),
             ("一 Ā", MIXED)),
    Readable("utf32-bom", write("u32.txt", GOOD_TEXT.encode("utf-32")), ("cease fire",)),
    Readable("utf8-bom", write("bom.txt", b"\xef\xbb\xbf" + GOOD_TEXT.encode()), ("cease fire",)),
    Readable("noncharacters", write("nonchar.txt", GOOD_TEXT.replace("cease", "cease\uffff\ufffe")), ("cease fire",)),
    Readable("crlf-and-cr", write("crlf.txt", GOOD_TEXT.replace("\n", "\r\n").replace("2.", "\r2.")), ("Monitors",)),
    Readable("docm-with-macros", fixture("macros.docm"), ("Macro clause",)),
    Readable("docm-with-macro-bomb", docm_with_bomb_macro, ("Macro clause",)),
    Readable("numbering-missing-levels", missing_levels_docx,
             ("First article", "level one is not defined", "level two cites levels two and five", "level eight",
              "num two has no abstract", "num seven does not exist", "ilvl minus one", "ilvl huge", "Second article")),
    Readable("numbering-absurd", absurd_numbering_docx, ("Clause 0", "Clause 399", "listed"),
             ("paragraph 2: a Word list numbered in lowerLetter reaches 1000000000, beyond the labels",)),
    Readable("odt-damaged-numbers", ODT_DAMAGED, ("Scope", "Withdrawal", "Monitoring")),
    Readable("odt-numbers-counted-far", ODT_FAR, ("Scope", "Withdrawal", "Monitoring", "Final provisions")),
    Readable("odt-space-bomb", ODT_SPACES, ("The Parties shall withdraw.",)),
    Readable("rtl-and-mixed-script-docx", rtl_docx, (RTL, MIXED)),
    Readable("rtl-and-mixed-script-text", write("rtl.txt", f"T\n\nArticle 1 — {RTL}\n\nArticle 2 — {MIXED}\n"),
             (RTL, MIXED)),
    Readable("xml-utf16", write("u16ok.xml", draft_xml("ok").replace('encoding="UTF-8"', 'encoding="UTF-16"')
             .encode("utf-16")), ("Text ok",)),
    Readable("xml-processing-instruction", write("pi.xml", draft_xml("ok").replace(
        "?>", '?><?xml-stylesheet href="http://127.0.0.1:9/x.xsl"?>', 1)), ("Text ok",)),
    Readable("nesting-24-deep", write("deep24.txt", deep_text(24)), ("Level 24 text.",)),
    Readable("markup-in-text", write("markup.txt", "T\n\nArticle 1 — <b>Scope</b>\n1. <script>alert(1)</script>"
             " [x](javascript:alert(1)) &amp; ]]> <!-- c -->\n"), ("<script>alert(1)</script>", "]]>", "&amp;")),
)  # fmt: skip
