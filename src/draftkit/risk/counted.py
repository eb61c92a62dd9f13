"""What a number counts where its noun is not right after it: left out in a list of numbers
("24,000 troops in Southern Sudan, 6,000 in the Nuba Mountains": troops), or after a
hyphenated compound ("250 life-sentence prisoners": prisoners); a number said again in
brackets after its scale ("five thousand (5,000)"), and the year that cites a resolution
("resolution 435 (1978)", "UNSCR 435/78"), read once or not at all — for risk.features'
quantities.
"""

from __future__ import annotations

from collections.abc import Sequence

from draftkit.risk.tokens import Text, Token

# After a number, what says its noun is left out: a preposition or a punctuation mark.
_ELLIPSIS_NEXT = frozenset(
    {"in", "at", "on", "for", "from", "to", "of", "and", "or", "в", "у", "на", "з", "із", "до", "по", "для", "и", "і", "та"}
)  # fmt: skip
_SENTENCE_ENDS = frozenset({".", ";", "!", "?"})


def elliptical(tokens: Sequence[Token], j: int) -> bool:
    """Whether the number before token `j` has its noun left out ("6,000 in the Nuba
    Mountains", "… and 3,000.")."""
    if j + 1 < len(tokens) and tokens[j].norm in _PARTITIVE and tokens[j + 1].norm not in _ANAPHORS:
        return False  # "20 of the detainees": its noun after "of", not the one before
    return j >= len(tokens) or tokens[j].kind == "punct" or tokens[j].norm in _ELLIPSIS_NEXT


_PARTITIVE = frozenset({"of", "з", "із"})  # "2 of whom", "20 of the detainees", "20 із затриманих"
_ANAPHORS = frozenset({"them", "whom", "which", "these", "those", "них", "яких", "їх", "которых"})


def _compound(text: Text, j: int) -> bool:
    """Whether tokens `j` and `j + 1` are one word joined by a hyphen ("life-sentence"; the
    tokeniser drops the hyphen), a word after them."""
    tokens = text.tokens
    if j + 2 >= len(tokens) or tokens[j].kind != "word" or tokens[j + 1].kind != "word":
        return False
    end = tokens[j].end
    return tokens[j + 1].start == end + 1 and text.original[end] in "-‐‑"


def one_sentence(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Whether no sentence ends between tokens `first` and `last`, a list's length apart at
    most (a long paragraph of numbers is not walked back once for each)."""
    return last - first <= _LIST_REACH and not any(
        tokens[k].norm in _SENTENCE_ENDS for k in range(first, last)
    )


_LIST_REACH = 60  # tokens between a number and the one whose noun it shares, at most


def noun_after_compound(text: Text, j: int) -> int:
    """The token of a count's noun at or after `j`: past a hyphenated compound before it
    ("250 life-sentence prisoners": "prisoners"), else `j`."""
    if (
        _compound(text, j)
        and text.tokens[j + 2].kind == "word"
        and text.tokens[j + 2].norm not in _ELLIPSIS_NEXT
    ):
        return j + 2
    return j


# A resolution is cited by its number and its year ("resolution 435 (1978)", "UNSCR 435/78",
# "резолюції 2202 (2015)"): the year names the resolution, it is no date of the agreement's.
_RESOLUTION_WORDS = """resolution resolutions unscr res резолюція резолюції резолюцію резолюцією
    резолюцій резолюция резолюции резолюцию резолюцией резолюций"""
RESOLUTIONS = frozenset(_RESOLUTION_WORDS.split())


def years_cited(text: Text) -> list[int]:
    """The tokens of the years of resolutions cited by number ("(1978)" and "78" of
    "resolution 435 (1978)", "UNSCR 435/78")."""
    tokens = text.tokens
    out = []
    for k in text.positions(RESOLUTIONS):
        i = k + 1
        if i + 2 >= len(tokens) or tokens[i].kind != "number":
            continue
        year = tokens[i + 2]
        if year.kind != "number" or year.value is None or year.value != int(year.value):
            continue
        slashed = tokens[i + 1].norm == "/" and len(year.norm) in (2, 4)  # "435/78"
        bracketed = (  # "435 (1978)"
            tokens[i + 1].norm == "("
            and i + 3 < len(tokens)
            and tokens[i + 3].norm == ")"
            and 1945 <= year.value <= 2200
        )
        if slashed or bracketed:
            out.append(i + 2)
    return out


def said_again(tokens: Sequence[Token], j: int, value: float) -> bool:
    """Whether the number ending before token `j` is said again in brackets right after it
    ("five thousand (5,000)", "два мільйони (2 000 000)")."""
    return (
        j + 2 < len(tokens)
        and tokens[j].norm == "("
        and tokens[j + 1].kind == "number"
        and tokens[j + 1].value == value
        and tokens[j + 2].norm == ")"
    )
