"""Word-level differences inside one aligned pair. The only importer of diff-match-patch.

Tokens are what a reader sees as one unit: a number with its separators ("600,000",
"7.5"), a date ("31 December 2027"), a word, a run of spaces, one punctuation mark. The
diff runs on tokens (each mapped to one private character, as diff-match-patch's
line mode does), then a semantic cleanup merges confetti into readable phrases.

Every call has a cost bound that does not depend on the texts' shape: the common head and
tail are taken off first; diff-match-patch (pure Python, O((N+M)·D)) runs only when the
token-level edit distance D, measured first in C++, says it finishes in its budget; larger
differences use rapidfuzz's bit-parallel LCS on the tokens (O(N·M/64)) up to a cap; past
that the middle is diffed by sentences, and past that cap too it is one deletion and one
insertion. Each step is exact: the ops always rebuild both texts.
"""

from __future__ import annotations

import re
from typing import Literal, TypeVar

from diff_match_patch import diff_match_patch
from rapidfuzz.distance import Indel

OpKind = Literal["equal", "insert", "delete"]
Op = tuple[OpKind, str]
_Kind = TypeVar("_Kind", bound=str)  # OpKind, or the redline's kinds with moves

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
# diff-match-patch's Myers loop costs about (N + M) · D steps; past this budget (~0.1 s)
# the tokens go to rapidfuzz's LCS instead.
DMP_BUDGET = 200_000
# rapidfuzz's LCS is O(N·M/64) in time and memory: 20,000 × 20,000 tokens is ~0.1 s.
LCS_MAX_CELLS = 400_000_000
TRIM_ABOVE_TOKENS = 2_000
_SENTENCE = re.compile(r"[^.;:!?\n]*(?:[.;:!?]+|\n|$)\s*")


def tokenize(text: str) -> list[str]:
    """Split text into reader-sized tokens; ''.join(tokenize(t)) == t."""
    return _TOKEN.findall(text)


def _encode(tokens: list[str], table: dict[str, str]) -> str:
    # Each token not yet in `table` gets the next character, in the order tokens first
    # appear (dict.fromkeys keeps that order and visits each distinct token once).
    for token in dict.fromkeys(tokens):
        if token not in table:
            code = _FIRST_CODE + len(table)
            if code >= 0xD800 and code < 0xE000 + 0x10000:
                code += 0x10000  # stay clear of the surrogate block after wrapping past 0xFFFF
            table[token] = chr(code)
    return "".join(map(table.__getitem__, tokens))


def diff_words(old: str, new: str) -> list[Op]:
    """Word-level ops turning `old` into `new`; equal texts give one 'equal' op (or none if empty)."""
    if old == new:
        return [("equal", old)] if old else []
    if not old:
        return [("insert", new)]
    if not new:
        return [("delete", old)]
    old_tokens, new_tokens = tokenize(old), tokenize(new)
    head = tail = 0
    middle_a, middle_b = old_tokens, new_tokens
    if len(old_tokens) + len(new_tokens) > TRIM_ABOVE_TOKENS:
        # Long texts: the shared head and tail are set aside first (short pairs keep the
        # diff-match-patch result they always had, its cleanup seeing the whole text).
        limit = min(len(old_tokens), len(new_tokens))
        while head < limit and old_tokens[head] == new_tokens[head]:
            head += 1
        while (
            tail < limit - head
            and old_tokens[len(old_tokens) - 1 - tail] == new_tokens[len(new_tokens) - 1 - tail]
        ):
            tail += 1
        middle_a = old_tokens[head : len(old_tokens) - tail]
        middle_b = new_tokens[head : len(new_tokens) - tail]
    ops: list[Op] = []
    push_op(ops, "equal", "".join(old_tokens[:head]))
    for kind, text in _diff_tokens(middle_a, middle_b):
        push_op(ops, kind, text)
    push_op(ops, "equal", "".join(old_tokens[len(old_tokens) - tail :]) if tail else "")
    return ops


def push_op(ops: list[tuple[_Kind, str]], kind: _Kind, text: str) -> None:
    """Append `text` as a `kind` op, joined to the last op when that is of the same kind."""
    if not text:
        return
    if ops and ops[-1][0] == kind:
        ops[-1] = (kind, ops[-1][1] + text)
    else:
        ops.append((kind, text))


def _diff_tokens(old_tokens: list[str], new_tokens: list[str], *, coarse: bool = False) -> list[Op]:
    """Ops between two token lists, within the cost bounds of the module docstring."""
    if not old_tokens or not new_tokens:
        out: list[Op] = []
        push_op(out, "delete", "".join(old_tokens))
        push_op(out, "insert", "".join(new_tokens))
        return out
    table: dict[str, str] = {}
    a = _encode(old_tokens, table)
    b = _encode(new_tokens, table)
    reverse = {ch: token for token, ch in table.items()}
    dmp = diff_match_patch()
    dmp.Diff_Timeout = DIFF_TIMEOUT_S
    if len(a) * len(b) > LCS_MAX_CELLS:
        if coarse:
            return [("delete", "".join(old_tokens)), ("insert", "".join(new_tokens))]
        # Too long for a word diff: the same diff over sentences (exact, coarser).
        return _diff_tokens(_sentences(old_tokens), _sentences(new_tokens), coarse=True)
    distance = Indel.distance(a, b)
    if (len(a) + len(b)) * distance <= DMP_BUDGET:
        diffs = dmp.diff_main(a, b, False)
        dmp.diff_cleanupSemantic(diffs)  # quadratic in pieces: fine within the budget
    else:
        diffs = _absorb_short_equalities(Indel.opcodes(a, b), a, b)
    ops: list[Op] = []
    for code, chars in diffs:
        kind: OpKind = "equal" if code == 0 else "insert" if code == 1 else "delete"
        push_op(ops, kind, "".join(map(reverse.__getitem__, chars)))
    return ops


def _absorb_short_equalities(opcodes: object, a: str, b: str) -> list[tuple[int, str]]:
    """diff-match-patch's semantic cleanup in one linear pass: an equality no longer than the
    changes on either side of it is folded into them (its text deleted and inserted)."""
    pieces: list[tuple[str, str, str]] = []  # (tag, old chars, new chars)
    for tag, a0, a1, b0, b1 in opcodes:  # type: ignore[attr-defined]
        pieces.append(("equal" if tag == "equal" else "change", a[a0:a1], b[b0:b1]))
    out: list[tuple[int, str]] = []
    gone: list[str] = []
    came: list[str] = []
    pending = 0  # characters changed since the last kept equality

    def flush() -> None:
        nonlocal pending
        if gone:
            out.append((-1, "".join(gone)))
        if came:
            out.append((1, "".join(came)))
        gone.clear()
        came.clear()
        pending = 0

    for k, (tag, old_chars, new_chars) in enumerate(pieces):
        if tag == "change":
            gone.append(old_chars)
            came.append(new_chars)
            pending += max(len(old_chars), len(new_chars))
            continue
        after = pieces[k + 1] if k + 1 < len(pieces) else None
        following = max(len(after[1]), len(after[2])) if after is not None else 0
        if pending and after is not None and len(old_chars) <= min(pending, following):
            gone.append(old_chars)
            came.append(old_chars)
            continue
        flush()
        out.append((0, old_chars))
    flush()
    return out


def _sentences(tokens: list[str]) -> list[str]:
    """The tokens regrouped into sentences (a sentence ends after . ; : ! ? or a line break)."""
    return [s for s in _SENTENCE.findall("".join(tokens)) if s]


def old_text(ops: list[Op] | tuple[Op, ...]) -> str:
    """The text before the change."""
    return "".join(text for kind, text in ops if kind != "insert")


def new_text(ops: list[Op] | tuple[Op, ...]) -> str:
    """The text after the change."""
    return "".join(text for kind, text in ops if kind != "delete")
