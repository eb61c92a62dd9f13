"""Square brackets that are an editor's marks, not text under negotiation.

A text copied from a news page or a published report holds brackets no party put there: a
footnote marker glued to the word or sentence it annotates ("…will be confirmed.[1]",
"sovereignty[12]") and "[sic]" after a quoted slip. Read as bracketed (unagreed) text they
raise flags ("Bracketed text added") and open brackets in a negotiation's history that
nobody negotiates. A number in brackets that stands apart ("within [30] days", "[48] [72]
hours") is an option under negotiation, and stays one.

Used by the flags (risk.features), the history's brackets (history.brackets) and, as a
regular expression, the validation schema's "brackets" rule (schemas/framework.clauses.toml).
`outermost` finds balanced spans of any pair of marks (the brackets here; the reader's
placeholders ⟦ … ⟧ are found by `model.placeholders`).
"""

from __future__ import annotations

import re

# "[1]" … "[999]", "[*]", "[†]", "[a]"-style markers are footnote calls only when glued to
# what precedes them; "[sic]" (also "[sic!]") anywhere.
_MARKER = re.compile(r"\[(?:\d{1,3}|\*{1,3}|†{1,2}|‡)\]")
_SIC = re.compile(r"\[\s*sic!?\s*\]", re.IGNORECASE)
# What a footnote call is glued to: a letter, digit or closing punctuation — not a space, a
# bracket (in "[48][72]" the second is an alternative) or an alternatives' separator.
_GLUED = re.compile(r"[^\s\[\]/|(]")
# What stands between the alternatives of one bracket ("[A] / [B]", "[A][B]", "[A] or [B]"),
# and the label an alternative may open with ("[Option 1: …]").
BETWEEN_ALTERNATIVES = re.compile(r"\s*(?:/|\||\bor\b)?\s*", re.IGNORECASE)
OPTION_LABEL = re.compile(r"^\s*(?:option|alternative|alt\.?)\s*[\w.]{0,4}\s*[:.\-–—]\s*", re.IGNORECASE)
# Lenticular brackets ("【600,000】") are the square ones written in another type: one
# character for one, so offsets into the text stay true.
_LENTICULAR = str.maketrans("【】", "[]")


def squared(text: str) -> str:
    """`text` with its lenticular brackets written as square ones (same length)."""
    return text.translate(_LENTICULAR) if "【" in text or "】" in text else text


def editorial(text: str, start: int, end: int) -> bool:
    """Whether the bracketed segment text[start:end] ("[" … "]") is an editor's mark: a
    footnote call glued to the text before it, or "[sic]"."""
    segment = text[start:end]
    if _SIC.fullmatch(segment):
        return True
    return start > 0 and _MARKER.fullmatch(segment) is not None and _GLUED.match(text[start - 1]) is not None


def outermost(text: str, opening: str = "[", closing: str = "]") -> list[tuple[int, int, int]]:
    """The outermost balanced spans of `text` between `opening` and `closing` (one character
    each), in text order: (start, end past the closing mark, deepest nesting inside). A closing
    mark with none open is text; a span never closed is none."""
    spans: list[tuple[int, int, int]] = []
    depth = deepest = start = 0
    for k, ch in enumerate(text):
        if ch == opening:
            if depth == 0:
                start, deepest = k, 0
            depth += 1
            deepest = max(deepest, depth)
        elif ch == closing and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, k + 1, deepest))
    return spans
