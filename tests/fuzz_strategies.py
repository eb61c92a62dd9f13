"""Hypothesis strategies for hostile and broken drafts: random and mutated text, DOCX and
draftkit XML files, as (file name, bytes) pairs a test writes to disk and reads back.

Used by tests/hostile/test_fuzz.py (a bounded run in CI) and benchmarks/fuzz.py (a longer
run). `check_file` and `check_pair` are the properties both assert: every library entry
point either succeeds or raises a `DraftkitError`, never another exception.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from hypothesis import strategies as st

from tests.strategies import LABELS, WORDS, draft_texts, drafts

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "docx"


def load_docx_builders() -> ModuleType:
    """tests/fixtures/docx/make_fixtures.py, loaded by path (it lives outside any package)."""
    name = "draftkit_docx_fixtures"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, FIXTURES / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


fx = load_docx_builders()

# Fragments a hostile party might put in a draft: markup and link injection for the HTML and
# Markdown reports, terminal escapes, bidi overrides, XML-looking text, and odd Unicode.
HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<a href='javascript:alert(1)'>x</a>",
    "[click](javascript:alert(1))",
    "![x](http://evil/p.png)",
    "<!-- c -->",
    "]]>",
    "&amp;",
    "&#x3C;",
    "| a | b |",
    "# Heading",
    "```",
    "**bold**",
    "~~x~~",
    "\\",
    "{{7*7}}",
    "${x}",
    '"',
    "'",
    "`",
    "\x1b[31m",
    "\u009b31m",
    "\u202e",
    "\u2066",
    "\u200f",
    "\u2028",
    "\ufeff",
    "\x07",
    "\ufffe",
    "المادة",
    "שלום",
    "Стаття 1",
    "第一条",
    "🇺🇦",
    "e\u0301",
    "ﬁ",
    "İ",
    "ß",
    "\t",
    "\r",
    "\r\n",
    "Article",
    "Annex I",
    "(a)",
    "(iv)",
    "1.1.1",
    "2027.",
    "(z)",
    "а)",
    "§ 3",
]
# Characters XML 1.0 can hold, for DOCX text (a DOCX cannot carry the others at all).
_NOT_XML = "".join(chr(c) for c in range(0x20) if c not in (9, 10, 13)) + "\ufffe\uffff"
XML_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters=_NOT_XML)
XML_HOSTILE = [h for h in HOSTILE if not any(c in _NOT_XML for c in h)]


@st.composite
def hostile_lines(draw: st.DrawFn, xml_safe: bool = False) -> str:
    """One line of a draft: maybe a label, then words, hostile fragments and random text
    (only characters XML can hold when `xml_safe`)."""
    chars = XML_CHARS if xml_safe else st.characters(blacklist_categories=("Cs",))
    pieces: list[str] = []
    if draw(st.booleans()):
        shape = draw(st.sampled_from(LABELS))
        n = draw(st.integers(0, 60))
        pieces.append(
            shape.format(
                n=n, m=draw(st.integers(0, 12)), a="abcdefghijklmnopqrstuvwxyz"[n % 26],
                r=["i", "ii", "iii", "iv", "v", "vi", "ix", "x"][n % 8], R=["I", "II", "III", "IV"][n % 4],
            )
        )  # fmt: skip
    for _ in range(draw(st.integers(0, 8))):
        choice = draw(st.integers(0, 3))
        if choice == 0:
            pieces.append(draw(st.sampled_from(WORDS)))
        elif choice == 1:
            pieces.append(draw(st.sampled_from(XML_HOSTILE if xml_safe else HOSTILE)))
        else:
            pieces.append(draw(st.text(chars, max_size=12)))
    return " ".join(pieces)


@st.composite
def hostile_texts(draw: st.DrawFn) -> str:
    """A random draft text: a well-formed draft, lines of hostile fragments, or both."""
    lines: list[str] = []
    if draw(st.booleans()):
        lines.extend(draw(draft_texts()).splitlines())
    lines.extend(draw(st.lists(hostile_lines(), max_size=25)))
    if draw(st.booleans()):
        draw(st.randoms(use_true_random=False)).shuffle(lines)
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\r\n", "\n\n"]))


@st.composite
def mutated(draw: st.DrawFn, data: bytes, max_edits: int = 4) -> bytes:
    """`data` with a few random byte-level edits: flips, inserts, deletions, duplications, truncation."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, max_edits))):
        if not out:
            out.extend(draw(st.binary(min_size=1, max_size=8)))
            continue
        at = draw(st.integers(0, len(out) - 1))
        match draw(st.integers(0, 4)):
            case 0:
                out[at] = draw(st.integers(0, 255))
            case 1:
                out[at:at] = draw(
                    st.binary(min_size=1, max_size=16) | st.sampled_from([b"<", b"&", b"]]>", b"\x00"])
                )
            case 2:
                del out[at : at + draw(st.integers(1, 64))]
            case 3:
                end = min(len(out), at + draw(st.integers(1, 256)))
                out[at:at] = out[at:end]
            case _:
                del out[at:]
    return bytes(out)


def _encode(text: str) -> st.SearchStrategy[bytes]:
    """The text in one of the encodings a text draft arrives in (some of them invalid)."""
    return st.sampled_from(
        [
            text.encode("utf-8", "surrogatepass"),
            b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass"),
            text.encode("utf-16", "surrogatepass"),
            text.encode("utf-16-le", "surrogatepass"),
            text.encode("utf-16-be", "surrogatepass"),
            text.encode("latin-1", "replace"),
        ]
    )


@st.composite
def text_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A .txt or .md draft: random hostile text in a random encoding, maybe mutated."""
    data = draw(hostile_texts().flatmap(_encode))
    if draw(st.integers(0, 3)) == 0:
        data = draw(mutated(data))
    return draw(st.sampled_from(["draft.txt", "draft.md", "draft.docx", "draft.xml"])), data


# ------------------------------------------------------------------------------------- DOCX

_FORMATS = ["decimal", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman", "bullet", "none",
            "ordinalText", "cardinalText", "decimalZero", "chicago", "russianLower", "hex", "bogus"]  # fmt: skip
_FIELD_CODES = [
    "LISTNUM",
    "LISTNUM LegalDefault \\l 3",
    "LISTNUM \\s 99999999999",
    "LISTNUM \\s " + "9" * 5000,
    "PAGE",
    "HYPERLINK javascript:x",
    'INCLUDETEXT "file:///etc/passwd"',
]
_LVL_TEXTS = ["Article %1", "%1.", "%1.%2", "(%3)", "(%4)", "%1.%2.%3", "%9", "%5%5%5", "", "§", "Annex %1"]


@st.composite
def numbering_parts(draw: st.DrawFn) -> str:
    """numbering.xml with random levels, some referring to levels or abstracts that do not exist."""
    abstracts = []
    for abstract_id in range(1, draw(st.integers(1, 3)) + 1):
        levels = "".join(
            fx.lvl(
                ilvl,
                draw(st.sampled_from(_FORMATS)),
                draw(st.sampled_from(_LVL_TEXTS)),
                start=draw(st.none() | st.integers(-3, 40) | st.sampled_from([32767, 32768, 2**31, 10**30])),
            )
            for ilvl in sorted(set(draw(st.lists(st.integers(-1, 10), max_size=6))))
        )
        abstracts.append(fx.abstract(abstract_id, levels))
    nums = []
    for num_id in range(1, draw(st.integers(1, 4)) + 1):
        override = ""
        if draw(st.booleans()):
            override = fx.start_override(draw(st.integers(-1, 9)), draw(st.integers(-5, 100)))
        nums.append(fx.num(num_id, draw(st.integers(0, 4)), override))
    return fx.numbering_xml("".join(abstracts) + "".join(nums))


@st.composite
def docx_paragraphs(draw: st.DrawFn) -> str:
    """One body element: a numbered, styled, tracked, field or table paragraph of hostile text."""
    text = draw(hostile_lines(xml_safe=True))
    run = fx.r(text)
    match draw(st.integers(0, 7)):
        case 0:
            return fx.p(run)
        case 1:
            return fx.p(run, fx.num_pr(draw(st.integers(0, 5)), draw(st.none() | st.integers(-1, 10))))
        case 2:
            return fx.p(fx.ins(run) + fx.dele(fx.dr(draw(hostile_lines(xml_safe=True)))))
        case 3:
            return fx.sp(text, draw(st.sampled_from(["Heading1", "Title", "Missing", "ListParagraph"])))
        case 4:
            code = draw(st.sampled_from(_FIELD_CODES))
            field = fx.BEGIN + fx.instr(code) + draw(st.sampled_from([fx.SEPARATE, ""]))
            return fx.p(field + run + draw(st.sampled_from([fx.END, ""])))
        case 5:
            return fx.tbl([[fx.p(run), fx.p(fx.r(draw(hostile_lines(xml_safe=True))))]])
        case 6:
            return fx.p(run, '<w:outlineLvl w:val="' + str(draw(st.integers(-2, 12))) + '"/>')
        case _:
            return fx.p(fx.r(text, "<w:vanish/>") + run)


@st.composite
def docx_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A DOCX (or .docm) built from random paragraphs and numbering; sometimes its document.xml
    or the zip itself is mutated."""
    body = "".join(draw(st.lists(docx_paragraphs(), min_size=1, max_size=20)))
    numbering = draw(st.none() | numbering_parts())
    document = fx.document_xml(body)
    mutate_xml = draw(st.integers(0, 3)) == 0
    if mutate_xml:
        document = draw(mutated(document.encode("utf-8"))).decode("utf-8", "replace")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "d.docx"
        fx.build_docx(path, "", numbering=numbering, title=draw(st.none() | st.text(XML_CHARS, max_size=20)))
        parts = _zip_parts(path)
    parts["word/document.xml"] = document.encode("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        data = fx.write_zip(Path(folder) / "d.docx", parts).read_bytes()
    if draw(st.integers(0, 5)) == 0:
        data = draw(mutated(data))
    return draw(st.sampled_from(["draft.docx", "draft.docm", "draft.txt"])), data


def _zip_parts(path: Path) -> dict[str, bytes | str]:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


# ------------------------------------------------------------------------------- draftkit XML


@st.composite
def xml_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """draftkit XML of a random tree, sometimes mutated (bytes) or re-encoded as UTF-16."""
    from draftkit.model.xmlio import to_xml

    data = to_xml(draw(drafts()))
    choice = draw(st.integers(0, 3))
    if choice == 0:
        data = draw(mutated(data))
    elif choice == 1:
        data = data.decode("utf-8").replace("UTF-8", "UTF-16", 1).encode("utf-16")
    return draw(st.sampled_from(["draft.xml", "draft.txt"])), data


def draft_files() -> st.SearchStrategy[tuple[str, bytes]]:
    """Any hostile draft file: text, DOCX or draftkit XML."""
    return st.one_of(text_files(), docx_files(), xml_files())


# --------------------------------------------------------------------------------- properties


def check_file(folder: Path, name: str, data: bytes) -> None:
    """parse and validate one file: a Draft/Report or a DraftkitError, never anything else."""
    from draftkit import api
    from draftkit.errors import DraftkitError
    from draftkit.validate import validate

    path = folder / name
    path.write_bytes(data)
    for view in ("accept", "original"):
        try:
            draft = api.parse(path, view=view)
        except DraftkitError as exc:
            assert "\n" not in str(exc)
            continue
        validate(draft)
    try:
        validate(path)
    except DraftkitError as exc:
        assert "\n" not in str(exc)


def check_pair(
    folder: Path, old: tuple[str, bytes], new: tuple[str, bytes], date: str = "2026-01-01"
) -> None:
    """diff and redline (every report format) of two files: a result or a DraftkitError only;
    a failed redline leaves no file, a successful JSON report parses."""
    from draftkit import api
    from draftkit.errors import DraftkitError

    old_path, new_path = folder / f"old-{old[0]}", folder / f"new-{new[0]}"
    old_path.write_bytes(old[1])
    new_path.write_bytes(new[1])
    try:
        api.diff(old_path, new_path)
    except DraftkitError as exc:
        assert "\n" not in str(exc)
        return  # an unreadable input: the redlines fail the same way
    for suffix in (".json", ".md", ".html", ".docx"):
        out = folder / f"report{suffix}"
        try:
            api.redline(old_path, new_path, out, date=date)
        except DraftkitError as exc:
            assert "\n" not in str(exc)
            assert not out.exists()
            continue
        if suffix == ".json":
            json.loads(out.read_text(encoding="utf-8"))
        out.unlink()
