"""Plain text and Markdown → blocks.

A block is a paragraph: lines separated by a blank line, or a line that starts a new
numbered provision. Wrapped lines are joined with one space.
"""

from __future__ import annotations

import re

from draftkit.errors import InputError
from draftkit.model import Location
from draftkit.numbering import Label, parse_label
from draftkit.readers.blocks import Block
from draftkit.structure import is_all_caps

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A label may start a new block after a line that ends a sentence or a lead-in.
_ENDS_UNIT = tuple('.;:!?"”»)]')


def decode(data: bytes, source: str) -> str:
    """Bytes → text: UTF-8 (with or without BOM) or UTF-16 with a BOM; else a clear error."""
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, body = "utf-8", data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding, body = "utf-16", data
    else:
        encoding, body = "utf-8", data
    if encoding == "utf-8" and b"\x00" in body:
        raise InputError("binary data (NUL bytes), not a text draft", source)
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid {encoding.upper()} text (byte {exc.start}); save the draft as UTF-8", source
        ) from None
    if "\x00" in text:
        raise InputError("binary data (NUL characters), not a text draft", source)
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 100):
        raise InputError("binary data (control characters), not a text draft", source)
    # XML 1.0 cannot hold C0 controls; a stray form feed or escape is not content.
    return _CONTROL.sub("", text) if controls else text


def _strip_emphasis(line: str) -> str:
    return line.replace("**", "").replace("__", "")


def _expected(label: Label, last_ordinal: dict[str, int]) -> bool:
    """A label that starts or continues its list, so it is no number wrapped from the line above."""
    ordinal = label.ordinal or 0
    return ordinal == 1 or ordinal == last_ordinal.get(label.shape, -1) + 1


def read_text_blocks(text: str, *, markdown: bool = False) -> list[Block]:
    """Split a text into paragraph blocks; line numbers are 1-based."""
    blocks: list[Block] = []
    current: list[str] = []
    start = 0
    standalone = False  # the current block must not swallow the next line
    after_keyword = False  # the previous block was a bare "Article 3" line

    def flush() -> None:
        nonlocal current, standalone
        if current:
            blocks.append(Block(text=" ".join(current), location=Location(line=start)))
        current = []
        standalone = False

    keyword_line = False
    last_ordinal: dict[str, int] = {}  # per label shape, to tell "2." from a wrapped "2027."
    for number, raw in enumerate(text.splitlines(), start=1):
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
                blocks.append(
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
        found = parse_label(line)
        starts_new = False
        if current:
            if standalone:
                starts_new = True
            elif found is not None and (
                current[-1].endswith(_ENDS_UNIT) or _expected(found[0], last_ordinal)
            ):
                starts_new = True
            elif found is not None and found[0].kind is not None:
                starts_new = True
            elif is_all_caps(line) and not is_all_caps(current[-1]):
                starts_new = True
        if starts_new:
            after_keyword = keyword_line
            flush()
        elif not current:
            after_keyword = False
        if not current:
            start = number
            if found is not None:
                last_ordinal[found[0].shape] = found[0].ordinal or 0
        current.append(line)
        # Headings stand alone: "Article 3" then "Withdrawal" on the next line are two blocks.
        keyword_line = found is not None and found[0].kind is not None and not found[1]
        if found is not None and found[0].kind is not None and len(found[1]) <= 150:
            standalone = True
        elif is_all_caps(line):
            standalone = True
        elif after_keyword and len(current) == 1 and len(line) <= 120 and line[-1] not in ".;:,":
            standalone = True
    flush()
    return blocks
