"""Pairs the user decides (compare.pins, issue 15 item 4): --pair, --pairs, --no-pair."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from draftkit import api
from draftkit.cli import main
from draftkit.compare import compare
from draftkit.compare.pins import Pins, parse_pair, parse_pairs, pins_of
from draftkit.errors import EXIT_USAGE, UsageError
from draftkit.readers import read
from draftkit.resources import schema_bytes

OLD = """Framework

Article 1 — Hostilities
1. A complete ceasefire shall take effect on 1 March along the entire line of contact.
2. Persons who laid down their arms shall be released from criminal responsibility.
3. Prisoners of war shall be exchanged all for all within 30 days.

Article 2 — Monitoring
1. The Nordland Mission shall verify compliance and report weekly.
"""
NEW = """Framework

Article 1 — Hostilities
1. A complete ceasefire shall take effect on 15 March along the entire line of contact.
2. A law shall grant pardon to every participant in the events, grave crimes excepted.
3. Prisoners of war shall be exchanged all for all within 30 days.

Article 2 — Monitoring
1. The Nordland Mission shall verify compliance and report weekly to both Parties.
"""


@pytest.fixture
def drafts(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return old, new


def test_without_pins_the_rewritten_point_is_deleted_and_added(drafts: tuple[Path, Path]) -> None:
    comparison = compare(read(drafts[0]), read(drafts[1]))
    change = next(c for c in comparison.changes if c.old_cite == "Article 1(2)")
    assert change.kind == "deleted" and not change.pinned
    assert comparison.pins == ()


def test_a_pinned_pair_is_taken_as_is(drafts: tuple[Path, Path]) -> None:
    comparison = api.diff(*drafts, pairs={"Article 1(2)": "art_1__para_2"}, flags=False)
    change = next(c for c in comparison.changes if c.old_cite == "Article 1(2)")
    assert (change.kind, change.new_cite, change.pinned) == ("modified", "Article 1(2)", True)
    assert [(p.old, p.new, p.old_cite, p.new_cite) for p in comparison.pins] == [
        ("art_1__para_2", "art_1__para_2", "Article 1(2)", "Article 1(2)")
    ]
    # Everything else as without the pin: no change is pinned but this one.
    assert [c.old_cite for c in comparison.changes if c.pinned] == ["Article 1(2)"]


def test_a_pin_survives_flagging(drafts: tuple[Path, Path]) -> None:
    comparison = api.diff(*drafts, pairs=[("Article 1(2)", "Article 1(2)")])
    assert len(comparison.pins) == 1


def test_a_pin_across_articles_overrides_the_alignment(drafts: tuple[Path, Path]) -> None:
    """The user is taken at their word even against a confident match: 1(3) pinned to 2(1)."""
    comparison = compare(read(drafts[0]), read(drafts[1]), Pins((("Article 1(3)", "Article 2(1)"),)))
    change = next(c for c in comparison.changes if c.old_cite == "Article 1(3)")
    assert (change.kind, change.new_cite, change.pinned, change.moved) == (
        "modified",
        "Article 2(1)",
        True,
        True,
    )
    # Old 2(1) has lost its partner; new 1(3) is left to the passes (here they give it 1(2)).
    kinds = {(c.kind, c.old_cite, c.new_cite) for c in comparison.changes}
    assert ("deleted", "Article 2(1)", "") in kinds
    assert all(c.new_cite != "Article 1(3)" or not c.pinned for c in comparison.changes)


def test_no_pair_keeps_a_provision_deleted(drafts: tuple[Path, Path]) -> None:
    comparison = compare(read(drafts[0]), read(drafts[1]), pins_of(no_pair=["Article 2(1)"]))
    kinds = {(c.kind, c.old_cite, c.new_cite, c.pinned) for c in comparison.changes}
    assert ("deleted", "Article 2(1)", "", True) in kinds
    assert ("added", "", "Article 2(1)", False) in kinds
    assert [(p.old_cite, p.new_cite) for p in comparison.pins] == [("Article 2(1)", None)]


def test_no_pair_on_the_new_side_keeps_it_added(drafts: tuple[Path, Path]) -> None:
    comparison = compare(read(drafts[0]), read(drafts[1]), pins_of(no_pair=["=Article 1(3)"]))
    kinds = {(c.kind, c.old_cite, c.new_cite, c.pinned) for c in comparison.changes}
    assert ("added", "", "Article 1(3)", True) in kinds
    assert ("deleted", "Article 1(3)", "", False) in kinds


@pytest.mark.parametrize(
    ("pins", "message"),
    [
        (Pins((("Article 9", "Article 1"),)), "no provision 'Article 9' in the old draft"),
        (Pins((("Article 1", "art_7"),)), "no provision 'art_7' in the new draft"),
        (Pins(no_pair=("=Article 4",)), "no provision 'Article 4' in the new draft"),
        (Pins((("Article 1(1)", "Article 1(1)"), ("Article 1(1)", "Article 1(3)"))), "pinned twice"),
        (Pins((("title", "Article 1"),)), "joins the title or a recital with a provision of the body"),
    ],
)
def test_a_label_that_names_no_provision_is_refused(
    drafts: tuple[Path, Path], pins: Pins, message: str
) -> None:
    with pytest.raises(UsageError, match=message) as caught:
        compare(read(drafts[0]), read(drafts[1]), pins)
    assert caught.value.exit_code == EXIT_USAGE


def test_labels_match_as_printed_whatever_the_case_spaces_or_final_dot(drafts: tuple[Path, Path]) -> None:
    comparison = compare(read(drafts[0]), read(drafts[1]), Pins((("article 1 (2).", "ARTICLE 1(2)"),)))
    assert comparison.pins[0].old == "art_1__para_2"


def test_parse_pair_and_pairs_files() -> None:
    assert parse_pair(" Article 5(2) = Article 6(1) ") == ("Article 5(2)", "Article 6(1)")
    for bad in ("Article 5", "=Article 5", "a=b=c", "a="):
        with pytest.raises(UsageError, match="write OLD=NEW"):
            parse_pair(bad)
    assert parse_pairs('{"1": "2", "3": null}', "p.json") == (("1", "2"), ("3", None))
    assert parse_pairs("old,new\n1,2\n\n3,\n", "p.csv") == (("1", "2"), ("3", None))
    assert parse_pairs('"Article 5(2), first",Article 6\n', "p.csv") == (
        ("Article 5(2), first", "Article 6"),
    )
    with pytest.raises(UsageError, match=r"p\.csv: row 2: expected two columns"):
        parse_pairs("1,2\n1,2,3\n", "p.csv")
    with pytest.raises(UsageError, match=r"p\.json: not valid JSON"):
        parse_pairs("{1: 2}", "p.json")
    with pytest.raises(UsageError, match="one object"):
        parse_pairs('["1", "2"]', "p.json")


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_pair_and_no_pair_in_json_and_terminal(drafts: tuple[Path, Path]) -> None:
    old, new = map(str, drafts)
    pins = ("--pair", "Article 1(2)=Article 1(2)", "--no-pair", "Article 2(1)")
    code, out, err = _run("diff", old, new, "--format", "json", *pins)
    assert code == 0, err
    data = json.loads(out)
    jsonschema.validate(data, json.loads(schema_bytes("diff.schema.json")))
    assert data["pins"] == [
        {
            "old": "art_1__para_2",
            "new": "art_1__para_2",
            "old_cite": "Article 1(2)",
            "new_cite": "Article 1(2)",
        },
        {"old": "art_2__para_1", "new": None, "old_cite": "Article 2(1)", "new_cite": None},
    ]
    pinned = [(c["kind"], c["old_cite"]) for c in data["changes"] if c.get("pinned")]
    assert pinned == [("modified", "Article 1(2)"), ("deleted", "Article 2(1)")]
    code, out, err = _run("diff", old, new, *pins)
    assert code == 0, err
    assert "Article 1(2)  [modified, paired by hand]" in out
    assert "Article 2(1) → —  [deleted, kept apart by hand]" in out
    assert "pinned by hand (2): Article 1(2) = Article 1(2), Article 2(1) kept deleted" in out


def test_cli_pairs_file_json_and_csv(drafts: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = map(str, drafts)
    as_json = tmp_path / "pins.json"
    as_json.write_text('{"Article 1(2)": "Article 1(2)"}', encoding="utf-8")
    as_csv = tmp_path / "pins.csv"
    as_csv.write_text("old,new\nArticle 1(2),Article 1(2)\n", encoding="utf-8")
    outputs = []
    for path in (as_json, as_csv):
        code, out, err = _run("diff", old, new, "--format", "json", "--pairs", str(path))
        assert code == 0, err
        outputs.append(json.loads(out)["pins"])
    assert outputs[0] == outputs[1] and len(outputs[0]) == 1


def test_cli_unknown_label_exit_2_naming_it(drafts: tuple[Path, Path]) -> None:
    old, new = map(str, drafts)
    code, out, err = _run("diff", old, new, "--pair", "Article 9(4)=Article 1(2)")
    assert code == EXIT_USAGE and out == ""
    assert (
        err.strip()
        == "draftkit: error: pin: no provision 'Article 9(4)' in the old draft (give its citation or eid)"
    )
    code, _, err = _run("redline", old, new, "-o", "-", "--format", "md", "--no-pair", "Article 5")
    assert code == EXIT_USAGE and "'Article 5'" in err and len(err.strip().splitlines()) == 1


def test_redline_reports_show_pins(drafts: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = map(str, drafts)
    pins = ("--pair", "Article 1(2)=Article 1(2)", "--no-pair", "Article 2(1)")
    code, out, err = _run("redline", old, new, "-o", "-", "--format", "md", *pins)
    assert code == 0, err
    assert "Paired by hand" in out and "- Kept apart by hand: Article 2(1)." in out
    target = tmp_path / "report.html"
    code, _, err = _run("redline", old, new, "-o", str(target), *pins)
    assert code == 0, err
    html = target.read_text(encoding="utf-8")
    assert '<span class="badge b-pinned">Paired by hand</span>' in html
    assert "Paired by hand: Article 1(2) = Article 1(2)." in html
