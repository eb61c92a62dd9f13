"""Word-level differences inside one aligned pair. The only importer of diff-match-patch.

Tokens are what a reader sees as one unit: a number with its separators ("600,000",
"7.5"), a date ("31 December 2027"), a word, a run of spaces, one punctuation mark. The
diff runs on tokens (each mapped to one private character, as diff-match-patch's
line mode does), then a semantic cleanup merges confetti into readable phrases.

Every call has a cost bound that does not depend on the texts' shape: the common head and
tail are taken off first; diff-match-patch (pure Python, O((N+M)·D)) runs only when the
token-level edit distance D, measured first in C++, says it finishes in its budget; larger
differences use rapidfuzz's bit-parallel LCS on the tokens (O(N·M/64)) up to a cap; past
that the middle is diffed by sentences, each run of changed sentences then word by word
while that stays within the same caps, and past the sentence cap too it is one deletion
and one insertion. Texts of over a million characters together are not cut into words
whole (a 42 MB paragraph made 13 million tokens, 1.5 GB): their common head and tail are
found on the characters, and the middle goes straight to sentences. Each step is exact: the
ops always rebuild both texts; `diff_text` also says where they are coarser than words, for
the comparison to say so (compare.engine).
"""

from __future__ import annotations

import re
from typing import Literal, TypeVar

from diff_match_patch import diff_match_patch
from rapidfuzz.distance import Indel

OpKind = Literal["equal", "insert", "delete"]
Op = tuple[OpKind, str]
# How finely `diff_text` could compare: word by word throughout, or some changed sentences
# (or the whole text) only as deleted and inserted whole.
Granularity = Literal["words", "sentences", "whole"]
_Kind = TypeVar("_Kind", bound=str)  # OpKind, or the redline's kinds with moves
# A very long provision (a pasted annex, a 5 MB paragraph) is read by the risk rules only
# around its edits (risk.annotate): what changed and the sentence or two about it.
LONG_TEXT = 20_000
EDIT_CONTEXT = 600


def around_edits(ops: tuple[Op, ...]) -> tuple[Op, ...]:
    """`ops` with each equal run longer than twice EDIT_CONTEXT cut to the context around the
    edits ("head … tail"; the first run keeps its tail only, the last its head only)."""
    out: list[Op] = []
    last = len(ops) - 1
    for k, (kind, text) in enumerate(ops):
        if kind == "equal" and len(text) > 2 * EDIT_CONTEXT:
            head = text[:EDIT_CONTEXT] if k > 0 else ""
            tail = text[-EDIT_CONTEXT:] if k < last else ""
            text = f"{head} … {tail}" if head and tail else head or tail
        out.append((kind, text))
    return tuple(out)


def weighed_chars(old_text: str, new_text: str, ops: tuple[Op, ...]) -> int:
    """The characters, old and new together, the risk rules read of a changed text: all of
    it, or over LONG_TEXT its texts cut around the edits (`around_edits`)."""
    chars = len(old_text) + len(new_text)
    if chars <= LONG_TEXT:
        return chars
    return sum(len(text) * (2 if kind == "equal" else 1) for kind, text in around_edits(ops))


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
# Past this many characters in the two texts together, the head and tail are found on the
# characters and the middle is diffed by sentences without cutting it into words first.
HUGE_CHARS = 1_000_000
# LCS cells the word diffs of changed sentence runs may take in all, in one pair (~1 s).
REFINE_CELLS = 4_000_000_000
_SENTENCE = re.compile(r"[^.;:!?\n]*(?:[.;:!?]+|\n|$)\s*")
_BLOCK = 65_536  # characters compared at a time while the common head or tail is sought


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
    return diff_text(old, new)[0]


def diff_text(old: str, new: str) -> tuple[list[Op], Granularity]:
    """`diff_words`, and how finely it could compare: "words", or "sentences" where changed
    sentences too long to diff word by word are deleted and inserted whole, or "whole"."""
    if old == new:
        return ([("equal", old)] if old else []), "words"
    if not old:
        return [("insert", new)], "words"
    if not new:
        return [("delete", old)], "words"
    if len(old) + len(new) > HUGE_CHARS:
        return _diff_huge(old, new)
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
    middle, level = _diff_tokens(middle_a, middle_b)
    for kind, text in middle:
        push_op(ops, kind, text)
    push_op(ops, "equal", "".join(old_tokens[len(old_tokens) - tail :]) if tail else "")
    return ops, level


def _diff_huge(old: str, new: str) -> tuple[list[Op], Granularity]:
    """`diff_text` of texts too long to cut into words whole: the common head and tail on the
    characters (ending at a space, so no word is cut), the middle word by word if it is
    short, else by sentences."""
    head = old.rfind(" ", 0, _common_head(old, new)) + 1  # up to a space (or nothing): no word cut
    tail = _common_tail(old, new, head)
    cut = old.find(" ", len(old) - tail) if tail else -1
    tail = len(old) - cut if cut != -1 else 0  # from a space on
    middle_a, middle_b = old[head : len(old) - tail], new[head : len(new) - tail]
    if len(middle_a) + len(middle_b) > HUGE_CHARS or not middle_a or not middle_b:
        middle, level = _diff_sentences(middle_a, middle_b)
    else:
        middle, level = diff_text(middle_a, middle_b)
    ops: list[Op] = []
    push_op(ops, "equal", old[:head])
    for kind, text in middle:
        push_op(ops, kind, text)
    push_op(ops, "equal", old[len(old) - tail :])
    return ops, level


def _common_head(a: str, b: str) -> int:
    """The length of the longest common prefix, compared a block at a time."""
    limit, at = min(len(a), len(b)), 0
    while at + _BLOCK <= limit and a[at : at + _BLOCK] == b[at : at + _BLOCK]:
        at += _BLOCK
    while at < limit and a[at] == b[at]:
        at += 1
    return at


def _common_tail(a: str, b: str, head: int) -> int:
    """The length of the longest common suffix not reaching into the first `head` characters."""
    limit, at = min(len(a), len(b)) - head, 0
    while (
        at + _BLOCK <= limit
        and a[len(a) - at - _BLOCK : len(a) - at] == b[len(b) - at - _BLOCK : len(b) - at]
    ):
        at += _BLOCK
    while at < limit and a[len(a) - 1 - at] == b[len(b) - 1 - at]:
        at += 1
    return at


def push_op(ops: list[tuple[_Kind, str]], kind: _Kind, text: str) -> None:
    """Append `text` as a `kind` op, joined to the last op when that is of the same kind."""
    if not text:
        return
    if ops and ops[-1][0] == kind:
        ops[-1] = (kind, ops[-1][1] + text)
    else:
        ops.append((kind, text))


def _diff_tokens(
    old_tokens: list[str], new_tokens: list[str], *, coarse: bool = False
) -> tuple[list[Op], Granularity]:
    """Ops between two token lists, within the cost bounds of the module docstring;
    `coarse`: past the LCS cap, delete and insert them whole rather than go by sentences."""
    if not old_tokens or not new_tokens:
        out: list[Op] = []
        push_op(out, "delete", "".join(old_tokens))
        push_op(out, "insert", "".join(new_tokens))
        return out, "words"
    if len(old_tokens) * len(new_tokens) > LCS_MAX_CELLS:
        if coarse:
            return [("delete", "".join(old_tokens)), ("insert", "".join(new_tokens))], "whole"
        # Too long for a word diff: the same diff over sentences (exact, coarser).
        return _diff_sentences("".join(old_tokens), "".join(new_tokens))
    table: dict[str, str] = {}
    a = _encode(old_tokens, table)
    b = _encode(new_tokens, table)
    reverse = {ch: token for token, ch in table.items()}
    distance = Indel.distance(a, b)
    if (len(a) + len(b)) * distance <= DMP_BUDGET:
        dmp = diff_match_patch()
        dmp.Diff_Timeout = DIFF_TIMEOUT_S
        diffs = dmp.diff_main(a, b, False)
        dmp.diff_cleanupSemantic(diffs)  # quadratic in pieces: fine within the budget
    else:
        diffs = _absorb_short_equalities(Indel.opcodes(a, b), a, b)
    ops: list[Op] = []
    for code, chars in diffs:
        kind: OpKind = "equal" if code == 0 else "insert" if code == 1 else "delete"
        push_op(ops, kind, "".join(map(reverse.__getitem__, chars)))
    return ops, "words"


def _diff_sentences(old: str, new: str) -> tuple[list[Op], Granularity]:
    """Ops between two texts by sentences; each run of changed sentences is then diffed word
    by word while the runs' LCS cells stay within REFINE_CELLS (and each within the caps of
    `_diff_tokens`), else deleted and inserted whole."""
    old_sentences, new_sentences = _sentences(old), _sentences(new)
    if not old_sentences or not new_sentences or len(old_sentences) * len(new_sentences) > LCS_MAX_CELLS:
        out: list[Op] = []
        push_op(out, "delete", old)
        push_op(out, "insert", new)
        return out, "whole" if old and new else "words"
    table: dict[str, str] = {}
    a = _encode(old_sentences, table)
    b = _encode(new_sentences, table)
    ops: list[Op] = []
    level: Granularity = "words"
    budget = REFINE_CELLS
    runs: list[tuple[int, int, int, int]] = []  # old and new sentence ranges of each change
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            runs.append((op.src_start, op.src_end, -1, -1))
        elif runs and runs[-1][2] != -1:  # follows a change: a deletion and an insertion, one run
            runs[-1] = (runs[-1][0], op.src_end, runs[-1][2], op.dest_end)
        else:
            runs.append((op.src_start, op.src_end, op.dest_start, op.dest_end))
    for a0, a1, b0, b1 in runs:
        if b0 == -1:
            push_op(ops, "equal", "".join(old_sentences[a0:a1]))
            continue
        gone, came = "".join(old_sentences[a0:a1]), "".join(new_sentences[b0:b1])
        cells = (len(gone) // 3 + 1) * (len(came) // 3 + 1)  # tokens are ~3 characters or more
        refined: list[Op] = []
        fine: Granularity = "words"
        if gone and came and len(gone) + len(came) <= HUGE_CHARS and cells <= budget:
            refined, fine = _diff_tokens(tokenize(gone), tokenize(came), coarse=True)
            budget -= cells
        else:
            push_op(refined, "delete", gone)
            push_op(refined, "insert", came)
            fine = "sentences" if gone and came else "words"
        for kind, text in refined:
            push_op(ops, kind, text)
        if fine != "words":
            level = "sentences"
    return ops, level


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


def _sentences(text: str) -> list[str]:
    """The text cut into sentences (a sentence ends after . ; : ! ? or a line break)."""
    return [s for s in _SENTENCE.findall(text) if s]


def old_text(ops: list[Op] | tuple[Op, ...]) -> str:
    """The text before the change."""
    return "".join(text for kind, text in ops if kind != "insert")


def new_text(ops: list[Op] | tuple[Op, ...]) -> str:
    """The text after the change."""
    return "".join(text for kind, text in ops if kind != "delete")
