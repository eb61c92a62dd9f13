"""Language versions (compare.languages, issue 15 item 5) on helper-written EN/UK/RU cases
(tests/cases/languages, labelled by hand without running draftkit), plus units and goldens."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from draftkit.compare.languages import _facts, compare_languages
from draftkit.errors import UsageError
from draftkit.readers import read
from draftkit.render.languages import (
    render_languages_html,
    render_languages_json,
    render_languages_markdown,
    render_languages_terminal,
)

CASES = Path(__file__).resolve().parents[1] / "cases" / "languages"
GOLDEN = Path(__file__).resolve().parent / "golden"
# Measured on the 7 cases × their language pairs (19 comparisons) when the module was written
# (the cases landed before tuning; the "shorter" rule was then set on them — see the report):
# pairs F1 1.000; discrepancies found 12 of 13 (missed: detainees-split en-ru 9, the harder
# "shorter" of a clause after a semicolon); provisions in one version only 5 of 5; false number
# or date discrepancies 0; false "shorter" 6.
MIN_PAIR_F1 = 0.95
MIN_DISCREPANCY_RECALL = 0.9
MAX_FALSE_SHORTER = 6


def _runs() -> list[tuple[str, str, str, str, dict[str, object]]]:
    out = []
    for case in sorted(p for p in CASES.iterdir() if (p / "expected.json").exists()):
        expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
        for key in expected["pairs"]:
            a, b = key.split("-")
            out.append((case.name, key, a, b, expected))
    return out


def test_language_cases_pairs_discrepancies_and_only_in() -> None:
    common = found_n = true_n = hit = wanted = false_exact = false_shorter = 0
    only_hit = only_n = 0
    lines: list[str] = []
    for name, key, a, b, expected in _runs():
        case = CASES / name
        comparison = compare_languages(read(case / f"{a}.txt"), read(case / f"{b}.txt"), (a, b))
        pairs = {tuple(p) for p in expected["pairs"][key]}  # type: ignore[index]
        only = expected["only_in"][key]  # type: ignore[index]
        labels_a = {x for x, _ in pairs} | set(only[a])
        labels_b = {y for _, y in pairs} | set(only[b])
        # Title, recitals and final clauses carry no label: the cases do not list them.
        found = {(x, y) for p in comparison.pairs for x in p.a for y in p.b if x in labels_a or y in labels_b}
        common += len(found & pairs)
        found_n += len(found)
        true_n += len(pairs)
        diffs = {(d["kind"], d["a"], d["b"]) for d in expected.get("differences", []) if d["langs"] == key}  # type: ignore[union-attr]
        got = {(d.kind, d.a, d.b) for d in comparison.discrepancies if d.kind != "missing"}
        hit += len(diffs & got)
        wanted += len(diffs)
        false_exact += sum(1 for kind, *_ in got - diffs if kind in ("number", "date"))
        false_shorter += sum(1 for kind, *_ in got - diffs if kind == "shorter")
        want_only = {(a, x) for x in only[a]} | {(b, y) for y in only[b]}
        got_only = {(a, x) for x in comparison.only_in_a if x in labels_a}
        got_only |= {(b, y) for y in comparison.only_in_b if y in labels_b}
        only_hit += len(want_only & got_only)
        only_n += len(want_only)
        lines.append(
            f"{name} {key}: pairs {len(found & pairs)}/{len(pairs)}, discrepancies {len(diffs & got)}/{len(diffs)}"
        )
    precision = common / found_n
    recall = common / true_n
    f1 = 2 * precision * recall / (precision + recall)
    report = "\n".join(lines)
    assert f1 >= MIN_PAIR_F1, f"pairs F1 {f1:.3f}\n{report}"
    assert hit >= MIN_DISCREPANCY_RECALL * wanted, f"discrepancies {hit}/{wanted}\n{report}"
    assert only_hit == only_n, f"only_in {only_hit}/{only_n}"
    assert false_exact == 0
    assert false_shorter <= MAX_FALSE_SHORTER


def test_numbers_and_dates_in_their_language_forms_are_equal() -> None:
    en = _facts("1,200 persons, 4.5 million, 30 days, from 15 January 2027 to 1 March 2028.", "en")
    uk = _facts("1 200 осіб, 4,5 мільйона, 30 днів, з 15.01.2027 до 1 березня 2028 року.", "uk")
    assert (en.numbers, en.dates) == (uk.numbers, uk.dates)
    assert en.dates == ("2027-01-15", "2028-03-01")


def test_a_date_in_another_month_differs() -> None:
    assert _facts("by 1 March", "en").dates != _facts("до 1 квітня", "uk").dates


def test_a_version_missing_a_point_and_a_number_changed(tmp_path: Path) -> None:
    en = tmp_path / "en.txt"
    uk = tmp_path / "uk.txt"
    en.write_text(
        "1. The Parties shall withdraw heavy weapons 30 kilometres from the line of contact.\n"
        "2. The Mission shall verify the withdrawal within 14 days.\n"
        "3. The Parties shall exchange all prisoners by 1 March 2027.\n",
        encoding="utf-8",
    )
    uk.write_text(
        "1. Сторони відводять важке озброєння на 30 кілометрів від лінії зіткнення.\n"
        "2. Сторони обмінюються всіма полоненими до 1 квітня 2027 року.\n",
        encoding="utf-8",
    )
    comparison = compare_languages(read(en), read(uk), ("en", "uk"))
    found = {(d.kind, d.a, d.b) for d in comparison.discrepancies}
    assert ("missing", "2", None) in found
    assert ("date", "3", "2") in found
    assert ("number", "1", "1") not in found  # 30 kilometres = 30 кілометрів


def test_unknown_or_equal_languages_are_refused() -> None:
    draft = read(CASES / "ceasefire-clean" / "en.txt")
    with pytest.raises(UsageError):
        compare_languages(draft, draft, ("en", "de"))
    with pytest.raises(UsageError):
        compare_languages(draft, draft, ("en", "en"))


@pytest.mark.parametrize(
    ("suffix", "render"),
    [
        ("txt", render_languages_terminal),
        ("json", render_languages_json),
        ("md", render_languages_markdown),
        ("html", render_languages_html),
    ],
)
def test_reports_golden(suffix: str, render: object, regen_golden: bool) -> None:
    case = CASES / "security-zone-numbers"
    comparison = compare_languages(read(case / "en.txt"), read(case / "ru.txt"), ("en", "ru"))
    text = render(comparison)  # type: ignore[operator]
    golden = GOLDEN / f"languages-security-zone-en-ru.{suffix}"
    if regen_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_a_version_in_another_language_than_named_is_said() -> None:
    """Never silent: a Russian text passed as Ukrainian is compared, with a warning."""
    case = CASES / "security-zone-numbers"
    comparison = compare_languages(read(case / "en.txt"), read(case / "ru.txt"), ("en", "uk"))
    assert comparison.warnings == ("version B is named uk but reads as ru: check --languages",)
    assert "warning: version B" in render_languages_terminal(comparison)
    right = compare_languages(read(case / "en.txt"), read(case / "ru.txt"), ("en", "ru"))
    assert right.warnings == ()


@pytest.mark.parametrize(
    ("en", "other", "lang"),
    [
        ("limited to 600,000 personnel", "ограничена 600 тыс. человек", "ru"),
        ("limited to 600,000 personnel", "обмежена 600 тисяч осіб", "uk"),
        ("1,500,000 people", "1,5 млн человек", "ru"),
        ("600 thousand people", "600 000 осіб", "uk"),
    ],
)
def test_a_scale_word_is_part_of_the_number(en: str, other: str, lang: str) -> None:
    """'600 тыс.' is 600,000 (the published Russian rendering of the 28-point plan read as
    600 against 600000 before), in every language the aligner reads."""
    assert _facts(en, "en").numbers == _facts(other, lang).numbers
