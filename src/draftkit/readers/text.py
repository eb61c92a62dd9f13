"""Plain text and Markdown → blocks.

A block is a paragraph: lines separated by a blank line, or a line that starts a new
numbered provision. Wrapped lines are joined with one space.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from draftkit.errors import InputError, LimitError, Where
from draftkit.model import Location
from draftkit.model.numbering import LOOSE_SHAPE, Label, parse_bullet, parse_label, parse_loose
from draftkit.readers.blocks import Block, is_all_caps
from draftkit.readers.limits import PARAGRAPHS_PER_PROVISION

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Noncharacters XML 1.0 cannot hold either (a byte-swapped BOM shows up as U+FFFE).
_NONCHARACTER = re.compile("[\ufffe\uffff]")
# A label may start a new block after a line that ends a sentence or a lead-in.
_ENDS_UNIT = tuple('.;:!?"”»)]')
# The line boundaries of str.splitlines, found lazily: a list of every line of a 50 MB file
# of one-character lines would take over a gigabyte.
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _bom_encoding(data: bytes) -> tuple[str, bytes] | None:
    """(encoding, body) when the data starts with a byte-order mark."""
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            return encoding, data[len(bom) :]
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NUL bytes sit mostly at odd (even) offsets, and often, as
    the high bytes of spaces, digits and line ends do in UTF-16 text saved without a
    byte-order mark (even a Cyrillic draft has one such character in every few; a few
    characters such as U+0100 or U+4E00 put their NUL on the other side)."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    often = len(data) // 2 // 16
    if odd > often and odd >= 8 * even:
        return "utf-16-le"
    if even > often and even >= 8 * odd:
        return "utf-16-be"
    return None


def binary(data: bytes) -> bool:
    """NUL bytes that no encoding `decode` reads explains (no BOM, not UTF-16 without one):
    the bytes `decode` refuses as binary data."""
    return b"\x00" in data and _bom_encoding(data) is None and _utf16_without_bom(data) is None


# Legacy 8-bit encodings a text copied from a news page or saved by an old editor may be in,
# with what their bytes above 127 should mostly be: Cyrillic letters (cp1251, KOI8-U) or
# Latin letters and typographic marks (Windows-1252). Only named in the refusal, never used
# to read: a wrong guess would change words silently.
_LEGACY = (
    ("cp1251", "Windows-1251 (Cyrillic)", "cyrillic"),
    ("koi8-u", "KOI8-U/KOI8-R (Cyrillic)", "cyrillic"),
    ("cp1252", "Windows-1252 (Western European)", "latin"),
)
_TYPOGRAPHIC = "‘’“”–—…•€«»°§©®™ "


def likely_encoding(data: bytes) -> tuple[str, str] | None:
    """(codec, name) of the legacy encoding `data` (not UTF-8) most plausibly is in, when one
    reads its bytes above 127 as nearly all letters of one script (Cyrillic mostly lower
    case, as running text is); None when none does."""
    high = bytes(b for b in data[:65_536] if b > 127)
    if not high:
        return None
    best: tuple[float, str, str] | None = None
    for codec, name, script in _LEGACY:
        try:
            shown = high.decode(codec)
        except UnicodeDecodeError:
            continue
        if script == "cyrillic":
            letters = [c for c in shown if "\u0400" <= c <= "\u04ff"]
            score = len(letters) / len(shown) if len(letters) >= 0.9 * len(shown) else 0.0
            score *= sum(c.islower() for c in letters) / max(1, len(letters))  # KOI8 read as cp1251: capitals
        else:
            fitting = sum(c.isalpha() or c in _TYPOGRAPHIC for c in shown)
            score = fitting / len(shown) if fitting >= 0.9 * len(shown) else 0.0
            score *= 0.9  # below a Cyrillic reading that fits as well: those are common in our drafts
        if score > 0.5 and (best is None or score > best[0]):
            best = (score, codec, name)
    return None if best is None else (best[1], best[2])


def decode(data: bytes, source: str) -> str:
    """Bytes → text: UTF-8, or UTF-16/UTF-32 with a BOM, or UTF-16 without one; else a clear error."""
    found = _bom_encoding(data)
    if found is not None:
        encoding, body = found
    elif b"\x00" in data and (guess := _utf16_without_bom(data)) is not None:
        encoding, body = guess, data
    else:
        encoding, body = "utf-8", data
    if encoding == "utf-8" and b"\x00" in body:
        raise InputError("binary data (NUL bytes), not a text draft", source)
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        name = encoding.upper().removesuffix("-LE").removesuffix("-BE")
        offset = exc.start + len(data) - len(body)
        legacy = likely_encoding(body) if encoding == "utf-8" else None
        hint = (
            f"; it reads as {legacy[1]} text: save it as UTF-8 (e.g. iconv -f {legacy[0]} -t utf-8)"
            if legacy is not None
            else "; save the draft as UTF-8"
        )
        raise InputError(f"not valid {name} text (byte {offset}){hint}", source) from None
    if "\x00" in text:
        raise InputError("binary data (NUL characters), not a text draft", source)
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 100):
        raise InputError("binary data (control characters), not a text draft", source)
    # XML 1.0 cannot hold C0 controls; a stray form feed or escape is not content.
    text = _CONTROL.sub("", text) if controls else text
    return _NONCHARACTER.sub("", text)


# Markdown italics: "*3. Monitoring.*" and "_Article 4_" (not a "* " bullet, not snake_case).
# The inner text holds no marker: each opening one looks no further than the next marker,
# so a line of thousands of asterisks is read in linear time.
# A news page's own lines, pasted with the text it reports ("Read more: …", "Follow our live
# coverage", "Advertisement"): left out of the draft, each said (`read_text_blocks`' `left_out`).
_PAGE_LINE = re.compile(
    r"(?:read (?:more|also|next)|also read|related(?: (?:article|story|stories|coverage|reading))?"
    r"|recommended(?: reading)?|more on this(?: story)?|watch|listen)(?::|\s+[|–—-])\s+\S.*"
    r"|follow (?:our|the) live (?:coverage|blog|updates).*|advertisement|sponsored content|scroll to continue"
    r"|share this (?:article|story)|sign up (?:for|to) (?:our|the) \w*\s*newsletter.*"
    r"|(?:читайте|читати|дивіться) (?:также|також|більше)(?::|\s+[–—-])\s+\S.*",
    re.IGNORECASE,
)
_PAGE_LINE_CHARS = 200  # a longer line is text, whatever it starts with


_ITALIC = re.compile(r"(?<![\w*])([*_])(?=\S)([^*_]*?\S)\1(?![\w*])")


def _strip_emphasis(line: str) -> str:
    line = line.replace("**", "").replace("__", "")
    return _ITALIC.sub(r"\2", line) if "*" in line or "_" in line else line


def _expected(label: Label, last_ordinal: dict[str, int]) -> bool:
    """A label that starts or continues its list, so it is no number wrapped from the line above."""
    ordinal = label.ordinal or 0
    return ordinal == 1 or ordinal == last_ordinal.get(label.shape, -1) + 1


def _hard_wrapped(text: str, sample: int = 2000) -> bool:
    """Whether the text is wrapped at a fixed width (an e-mail, a plain-text release), so a
    line break inside a paragraph is no paragraph end. Text copied from a web page or saved
    from a word processor holds one paragraph per line: its long lines run past any width
    and its short lines are whole points."""
    lines = [line.rstrip() for line, _ in zip(_lines(text), range(sample), strict=False)]
    lengths = [len(line) for line in lines if line]
    if len(lengths) < 3:
        return False
    width = max(lengths)
    if width > 120:
        return False
    near = sum(1 for n in lengths if n >= 0.7 * width)
    # Wrapping breaks sentences: most lines followed by another end mid-sentence. Lines
    # that end their sentence are points, however even their lengths.
    inner = [a for a, b in itertools.pairwise(lines) if a and b]
    ended = sum(1 for line in inner if line.endswith(_ENDS_UNIT))
    return near * 2 >= len(lengths) and ended * 2 < len(inner)


def _line_label(line: str, last_ordinal: dict[str, int]) -> tuple[Label, str] | None:
    """The label a line starts with: a strict one, a loose number that continues the
    numbering ("2 –", "8-", "9.Text"), or a bullet."""
    found = parse_label(line)
    if found is not None:
        return found
    loose = parse_loose(line)
    if loose is not None:
        ordinal = loose[0].ordinal or 0
        if loose[0].kind is not None or ordinal == 1 or ordinal == last_ordinal.get(LOOSE_SHAPE, -1) + 1:
            return loose
    return parse_bullet(line)


def _continues(
    previous: str, line: str, found: tuple[Label, str] | None, last_ordinal: dict[str, int]
) -> bool:
    """In a one-paragraph-per-line text, whether `line` still continues the sentence of the
    line above (a stray line break): the line above ends mid-sentence and this one starts
    in lower case or with a number that does not continue the numbering."""
    if previous.endswith(_ENDS_UNIT) or is_all_caps(previous):
        return False
    heading = parse_label(previous)
    if heading is not None and heading[0].kind is not None:
        return False  # "Article 1 — Scope" is a heading line, whatever follows
    if found is not None:
        label, rest = found
        return (
            label.kind is None
            and label.ordinal is not None
            and not _expected(label, last_ordinal)
            # a short line above ("2. Withdrawal") is a point's title, a long one wrapped
            and not (len(previous) <= _TITLE_CHARS and _skips_ahead(label, rest, last_ordinal))
        )
    return line[:1].islower()


_TITLE_CHARS = 40  # a line above no longer than this that ends no sentence: a point's title
_GAP_AT_MOST = 3  # points a list may skip ("2." then "4.": a gap, said by structure)


def _skips_ahead(label: Label, rest: str, last_ordinal: dict[str, int]) -> bool:
    """A label a few numbers past the expected one, before a capital: the list's next point
    with a point missing ("2. Withdrawal" then "4. Monitoring"), not a number wrapped from
    the line above ("… until 31 December" then "2027. It may …")."""
    last = last_ordinal.get(label.shape)
    ordinal = label.ordinal or 0
    return last is not None and last + 1 < ordinal <= last + 1 + _GAP_AT_MOST and rest[:1].isupper()


def _lines(text: str) -> Iterator[str]:
    """The lines of `text`, as `str.splitlines()` gives them, one at a time."""
    start = 0
    for match in _LINE_BREAK.finditer(text):
        yield text[start : match.start()]
        start = match.end()
    if start < len(text):
        yield text[start:]


def read_text_blocks(
    text: str,
    *,
    markdown: bool = False,
    max_paragraphs: int | None = None,
    source: str = "<text>",
    left_out: list[tuple[int, str]] | None = None,
) -> list[Block]:
    """Split a text into paragraph blocks; line numbers are 1-based. A `LimitError` when
    there are more than `max_paragraphs` blocks. A news page's own lines pasted with the
    draft ("Read more: …", "Follow our live coverage …") are left out, each appended to
    `left_out` (line number, text) for the caller to say."""
    blocks: list[Block] = []
    current: list[str] = []
    start = 0
    standalone = False  # the current block must not swallow the next line
    after_keyword = False  # the previous block was a bare "Article 3" line

    def flush() -> None:
        nonlocal current, standalone
        if current:
            add(Block(text=" ".join(current), location=Location(line=start), indent=indent))
        current = []
        standalone = False

    def add(block: Block) -> None:
        if max_paragraphs is not None and len(blocks) >= max_paragraphs:
            raise LimitError(
                f"more than {max_paragraphs:,} paragraphs, over the limit of {PARAGRAPHS_PER_PROVISION}"
                " per allowed provision (raise with --max-provisions)",
                Where(source, line=block.location.line),
            )
        blocks.append(block)

    keyword_line = False
    indent = 0  # leading spaces of the current block's first line
    last_ordinal: dict[str, int] = {}  # per label shape, to tell "2." from a wrapped "2027."
    one_per_line = not markdown and not _hard_wrapped(text)
    for number, raw in enumerate(_lines(text), start=1):
        line = raw.strip()
        if markdown:
            line = _strip_emphasis(line)
        if not line:
            after_keyword = keyword_line and bool(current)
            flush()
            keyword_line = False
            continue
        if markdown:
            m = _MD_HEADING.match(line)
            if m:
                flush()
                level = len(m.group(1))
                add(
                    Block(
                        text=m.group(2),
                        location=Location(line=number),
                        heading_level=level,
                        title=level == 1 and not blocks,
                    )
                )
                continue
            if line.startswith(("- ", "* ", "+ ")) and current:
                flush()
        found = _line_label(line, last_ordinal)
        if found is None and len(line) <= _PAGE_LINE_CHARS and _PAGE_LINE.fullmatch(line):
            if left_out is not None:
                left_out.append((number, line))
            continue  # no paragraph ends or starts here: the draft's text goes on around it
        if one_per_line and current and _continues(current[-1], line, found, last_ordinal):
            standalone = False  # "… until 31 December" / "2027. It may …": one sentence
        starts_new = bool(current) and (
            standalone
            or (
                found is not None
                and (
                    current[-1].endswith(_ENDS_UNIT)
                    or _expected(found[0], last_ordinal)
                    or (len(current[-1]) <= _TITLE_CHARS and _skips_ahead(*found, last_ordinal))
                    or found[0].shape.startswith("bullet ")
                    or found[0].kind is not None
                )
            )
            or (is_all_caps(line) and not is_all_caps(current[-1]))
        )
        if starts_new:
            after_keyword = keyword_line
            flush()
        elif not current:
            after_keyword = False
        if not current:
            start = number
            indent = len(raw) - len(raw.lstrip(" \t"))
            if found is not None:
                last_ordinal[found[0].shape] = found[0].ordinal or 0
        current.append(line)
        if one_per_line:
            standalone = True
        # Headings stand alone: "Article 3" then "Withdrawal" on the next line are two blocks.
        keyword_line = found is not None and found[0].kind is not None and not found[1]
        if (
            (found is not None and found[0].kind is not None and len(found[1]) <= 150)
            or is_all_caps(line)
            or (after_keyword and len(current) == 1 and len(line) <= 120 and line[-1] not in ".;:,。；：，؛،")
        ):
            standalone = True
    flush()
    return blocks
