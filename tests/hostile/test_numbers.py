"""Numbers as drafters and adversaries write them: grouped with any Unicode space, dates with
any Unicode dash, hundreds of digits, invisible characters between digits. No exit 70;
a grouped number reads as one number; an invisible character never flips a direction.

A seeded, bounded Hypothesis fuzz edits numbers of a draft through `diff` and asserts the
CLI answers 0 with no traceback (DRAFTKIT_FUZZ_EXAMPLES scales it, as in test_fuzz.py).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from draftkit.risk.tokens import tokenize

from .helpers import DATE, cli

SCALE = float(os.environ.get("DRAFTKIT_FUZZ_EXAMPLES", "1"))
TEMPLATE = (
    "FRAMEWORK\n\nArticle 1 — Withdrawal\n1. The Parties shall withdraw {troops} troops within {days} days.\n"
)
# Every Unicode space character (category Zs), and the invisible format characters a hostile
# draft may hide between digits.
SPACES = [" ", "\u00a0", "\u1680", *map(chr, range(0x2000, 0x200B)), "\u202f", "\u205f", "\u3000"]
INVISIBLE = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff"]
DASHES = ["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2212", "\ufe63", "\uff0d"]


def _pair(tmp_path: Path, old: str, new: str) -> tuple[Path, Path]:
    a, b = tmp_path / "old.txt", tmp_path / "new.txt"
    a.write_text(old, encoding="utf-8")
    b.write_text(new, encoding="utf-8")
    return a, b


def _flags(run_out: str) -> list[str]:
    data = json.loads(run_out)
    return [flag["message"] for change in data["changes"] for flag in change["flags"]]


@pytest.mark.parametrize("space", SPACES, ids=[f"U+{ord(s):04X}" for s in SPACES])
def test_every_unicode_space_groups_digits(space: str) -> None:
    [token] = [t for t in tokenize(f"600{space}000") if t.kind == "number"]
    assert (token.norm, token.value) == ("600000", 600000.0)
    assert [t.norm for t in tokenize(f"1{space}164 MHz")] == ["1164", "mhz"]


@pytest.mark.parametrize("dash", DASHES, ids=[f"U+{ord(d):04X}" for d in DASHES])
def test_every_unicode_dash_in_an_iso_date(dash: str) -> None:
    assert [t.norm for t in tokenize(f"by 2027{dash}12{dash}31")] == ["by", "date:2027-12-31"]


@pytest.mark.parametrize("mark", INVISIBLE, ids=[f"U+{ord(m):04X}" for m in INVISIBLE])
def test_an_invisible_character_does_not_split_a_number(mark: str) -> None:
    assert [(t.norm, t.value) for t in tokenize(f"8{mark}00,000")] == [("800000", 800000.0)]
    assert [t.norm for t in tokenize(f"31 December 20{mark}27")] == ["date:2027-12-31"]


def test_numbers_too_large_to_compare_keep_their_digits_and_no_value() -> None:
    for digits in ("9" * 16, "9" * 309, "1" * 5000, "9" * 400 + ".5"):
        [token] = tokenize(digits)
        assert token.kind == "number" and token.value is None
        assert token.norm.startswith(digits[:16])
    assert tokenize("9" * 400)[0].norm != tokenize("9" * 401)[0].norm  # an edit is still an edit


@pytest.mark.parametrize(
    "troops",
    ["600\u00a0000", "600\u202f000", "600\u2009000", "1\u2007164", "9" * 309, "9" * 2000, "8\u200b00,000"],
    ids=["nbsp", "narrow-nbsp", "thin", "figure", "309-digits", "2000-digits", "zwsp"],
)
def test_diff_redline_classify_never_crash_on_numbers(troops: str, tmp_path: Path) -> None:
    old, new = _pair(
        tmp_path, TEMPLATE.format(troops="600,000", days=30), TEMPLATE.format(troops=troops, days=30)
    )
    for args in (
        ["diff", old, new],
        ["diff", old, new, "--format", "json"],
        ["redline", old, new, "-o", tmp_path / "r.docx", "--date", DATE],
        ["redline", old, new, "-o", tmp_path / "r.json", "--date", DATE],
        ["classify", new],
    ):
        run = cli(*args)
        assert run.code == 0, (args, run.err)
        assert "Traceback" not in run.err


def test_a_grouped_number_with_a_no_break_space_is_unchanged(tmp_path: Path) -> None:
    old, new = _pair(
        tmp_path, TEMPLATE.format(troops="600,000", days=30), TEMPLATE.format(troops="600\u00a0000", days=30)
    )
    run = cli("diff", old, new, "--format", "json")
    assert run.code == 0, run.err
    assert json.loads(run.out)["summary"]["flags"] == {"high": 0, "medium": 0, "low": 0}


def test_zero_width_spaces_do_not_flip_a_direction(tmp_path: Path) -> None:
    old, new = _pair(
        tmp_path,
        TEMPLATE.format(troops="600,000", days=30),
        TEMPLATE.format(troops="8\u200b00,000", days="9\u200b0"),
    )
    run = cli("diff", old, new, "--format", "json")
    assert run.code == 0, run.err
    messages = " | ".join(_flags(run.out))
    assert "increased by 200,000" in messages and "extended by 60 days" in messages, messages
    assert "reduced" not in messages and "shortened" not in messages, messages


_DIGIT_RUN = st.text(st.sampled_from("0123456789"), min_size=1, max_size=12)
_PIECE = st.one_of(
    _DIGIT_RUN,
    st.sampled_from(
        [*SPACES, *INVISIBLE, *DASHES, ",", ".", "/", ":", "%", "\u0663", "\u0968", "\U0001d7ce"]
    ),
    st.just("9" * 320),
)
_NUMBERISH = st.lists(_PIECE, min_size=1, max_size=8).map("".join)


@seed(20260101)
@settings(
    max_examples=max(1, int(60 * SCALE)),
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(_NUMBERISH, _NUMBERISH)
def test_number_edits_through_diff_never_exit_70(troops: str, days: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        old, new = _pair(
            Path(folder),
            TEMPLATE.format(troops="600,000", days=30),
            TEMPLATE.format(troops=troops, days=days),
        )
        run = cli("diff", old, new, "--format", "json")
        assert run.code == 0, run.err
        assert "Traceback" not in run.err
        tokenize(troops + " " + days)


# Labels whose number has more digits than Python turns into an int (4,300): read as labels
# without an ordinal, like "Article 5 bis"; the new draft's numbers differ in the last digit.
BIG, BIGGER = "7" * 5000, "7" * 4999 + "8"
BIG_LABELS = [f"Article {BIG}", f"Article 1.{BIG}", f"Part {BIG}.{BIG}"]


@pytest.mark.parametrize("label", BIG_LABELS, ids=["article", "dotted", "two-parts"])
def test_a_label_of_thousands_of_digits_never_exits_70(label: str, tmp_path: Path) -> None:
    old, new = _pair(
        tmp_path,
        f"T\n\nArticle 1\n1. See {label}.\n{label}\n1. The Parties shall withdraw.\n",
        f"T\n\nArticle 1\n1. See {label.replace(BIG, BIGGER)}.\nArticle 2\n1. New.\n"
        f"{label.replace(BIG, BIGGER)}\n1. The Parties shall withdraw.\n",
    )
    xml = tmp_path / "new.xml"
    for args in (
        ["parse", new, "--format", "xml", "-o", xml],
        ["validate", xml],
        ["diff", old, xml, "--format", "json"],
        ["redline", old, new, "-o", tmp_path / "r.docx", "--date", DATE],
        ["redline", new, old, "-o", tmp_path / "q.docx", "--date", DATE],
        ["history", old, new, "--format", "json"],
        ["compare3", old, new, old, "--format", "docx", "-o", tmp_path / "c.docx", "--date", DATE],
    ):
        run = cli(*args)
        assert run.code in (0, 1), (args[0], run.err[-300:])


def test_a_draftkit_xml_number_of_thousands_of_digits_is_read(tmp_path: Path) -> None:
    """A draftkit XML `num` is any text: 'x' and 5,000 digits count as no number."""
    ns = "https://draftkit.dev/ns/draft/1"
    xml = tmp_path / "odd.xml"
    xml.write_text(
        f'<draft xmlns="{ns}"><title>T</title><body><article eId="art_1"><num>x{BIG}</num>'
        f"<content><p>Text</p></content></article></body></draft>",
        encoding="utf-8",
    )
    assert cli("validate", xml).code in (0, 1)
    assert cli("diff", xml, xml, "--format", "json").code == 0
