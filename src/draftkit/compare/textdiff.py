"""Word-level differences inside one aligned pair. The only importer of diff-match-patch.

Tokens are what a reader sees as one unit: a number with its separators ("600,000",
"7.5"), a date ("31 December 2027"), a word, a run of spaces, one punctuation mark. The
diff runs on tokens (each mapped to one private character, as diff-match-patch's
line mode does), then a semantic cleanup merges confetti into readable phrases.
"""

from __future__ import annotations

import re
from typing import Literal

from diff_match_patch import diff_match_patch

OpKind = Literal["equal", "insert", "delete"]
Op = tuple[OpKind, str]

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_TOKEN = re.compile(
    r"\d{1,2}\s(?:" + _MONTHS + r")\s\d{4}"  # 31 December 2027
    r"|\d{1,3}(?:[,\u00a0\u202f]\d{3})+(?:\.\d+)?"  # 600,000  1 000 000 (nbsp)
    r"|\d+(?:[.,]\d+)*%?"  # 7.5  15  40%
    r"|\w+(?:[-'’]\w+)*"  # words, hyphenated, apostrophes
    r"|\s+"
    r"|[^\w\s]",
    re.UNICODE,
)
# diff-match-patch has a timeout after which it silently returns "delete all, insert all".
# Per-provision texts are short, so one second is only reached by pathological inputs (a
# multi-megabyte paragraph); the result is then coarse but still exact.
DIFF_TIMEOUT_S = 1.0
_FIRST_CODE = 0xE000  # private use area upward; skip surrogates if we ever get there


def tokenize(text: str) -> list[str]:
    """Split text into reader-sized tokens; ''.join(tokenize(t)) == t."""
    return _TOKEN.findall(text)


def _encode(tokens: list[str], table: dict[str, str]) -> str:
    out = []
    for token in tokens:
        ch = table.get(token)
        if ch is None:
            code = _FIRST_CODE + len(table)
            if code >= 0xD800 and code < 0xE000 + 0x10000:
                code += 0x10000  # stay clear of the surrogate block after wrapping past 0xFFFF
            ch = chr(code)
            table[token] = ch
        out.append(ch)
    return "".join(out)


def diff_words(old: str, new: str) -> list[Op]:
    """Word-level ops turning `old` into `new`; equal texts give one 'equal' op (or none if empty)."""
    if old == new:
        return [("equal", old)] if old else []
    if not old:
        return [("insert", new)]
    if not new:
        return [("delete", old)]
    table: dict[str, str] = {}
    a = _encode(tokenize(old), table)
    b = _encode(tokenize(new), table)
    reverse = {ch: token for token, ch in table.items()}
    dmp = diff_match_patch()
    dmp.Diff_Timeout = DIFF_TIMEOUT_S
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    ops: list[Op] = []
    for code, chars in diffs:
        kind: OpKind = "equal" if code == 0 else "insert" if code == 1 else "delete"
        text = "".join(reverse[ch] for ch in chars)
        if ops and ops[-1][0] == kind:
            ops[-1] = (kind, ops[-1][1] + text)
        elif text:
            ops.append((kind, text))
    return ops


def old_text(ops: list[Op] | tuple[Op, ...]) -> str:
    """The text before the change."""
    return "".join(text for kind, text in ops if kind != "insert")


def new_text(ops: list[Op] | tuple[Op, ...]) -> str:
    """The text after the change."""
    return "".join(text for kind, text in ops if kind != "delete")
