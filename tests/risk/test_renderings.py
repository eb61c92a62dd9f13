"""risk.renderings: two renderings of one text. With the translation lens, a reworded point
whose numbers, names, negations, modal force, dates and conditions agree is one low register
difference; a real difference between the renderings keeps its flag and its weight, and what
the rules read in the rest of the rewording is weighed as wording. In the default reading, a
rewording that agrees on all of these is quiet only for what it says otherwise (a name, a
scope word, a condition), never for an obligation. Each quiet case has loud counterparts."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftkit.compare import compare
from draftkit.compare.changes import Flag
from draftkit.risk import flag
from draftkit.risk.features import Reader
from draftkit.risk.renderings import AGREED, REGISTER, differences, reworded
from tests.risk.helpers import TAXONOMY, read_text

RANK = {"none": 0, "low": 1, "medium": 2, "high": 3}

# Two renderings of one point each (written for these tests): the same numbers, names,
# negations, modals, dates and conditions in other words.
CEASEFIRE = (
    "A general ceasefire along the line of contact shall enter into force upon signature of this Agreement.",
    "The two sides agreed that a general ceasefire takes effect along the line of contact"
    " from the moment the agreement is signed.",
)
REVENUES = (
    "The revenues of the port of Varnel shall be deposited in the Central Bank through its Varnel"
    " branch, as a contribution to the payment of salaries throughout the country.",
    "Port revenues from Varnel will be paid into the Varnel branch of the Central Bank, to help"
    " pay salaries across the country.",
)
REPORT = (
    "The chair of the Joint Verification Commission shall report weekly, through the Special"
    " Envoy, to the Council on the compliance of the parties.",
    "Every week the head of the Joint Verification Commission will inform the Council, by way"
    " of the Special Envoy, of whether the two sides comply.",
)


def flags(tmp_path: Path, old: str, new: str, lens: str = "default") -> list[Flag]:
    """The flags of a one-point edit, read with `lens`."""
    comparison = compare(
        read_text(tmp_path, f"1. {old}\n", "old.txt"), read_text(tmp_path, f"1. {new}\n", "new.txt")
    )
    return [f for change in flag(comparison, TAXONOMY, lens=lens).changes for f in change.flags]


def top(found: list[Flag]) -> str:
    return max((f.severity for f in found), key=RANK.__getitem__, default="none")


# ---------------------------------------------------------------------------------------------
# The translation lens


@pytest.mark.parametrize(("old", "new"), [CEASEFIRE, REVENUES, REPORT])
def test_two_renderings_that_agree_are_one_register_difference(tmp_path: Path, old: str, new: str) -> None:
    found = flags(tmp_path, old, new, "translation")
    assert len(found) == 1, found
    assert found[0].severity == "low" and found[0].rule == "wording"
    assert found[0].message.startswith(f"{REGISTER}: {AGREED}")


def test_the_default_reading_of_such_a_rendering_stays_loud_on_an_obligation(tmp_path: Path) -> None:
    # "shall enter into force" / "takes effect": not weighed down without the lens — the same
    # shape is "shall be legally binding" / "reflects the political commitments".
    found = flags(tmp_path, *CEASEFIRE)
    assert any(f.rule == "obligation" and RANK[f.severity] >= RANK["medium"] for f in found)


@pytest.mark.parametrize(
    ("old", "new", "rule"),
    [
        # 'shall' → 'may' (and "upon signature" said otherwise)
        (
            CEASEFIRE[0],
            "A general ceasefire may take effect along the line of contact from the moment the agreement is signed.",
            "obligation",
        ),
        # another place (and "throughout the country" said otherwise)
        (REVENUES[0], REVENUES[1].replace("Varnel", "Dorsk"), "name"),
        # a share of the salaries changed
        (
            REVENUES[0].replace("payment of salaries", "payment of 40 per cent of salaries"),
            REVENUES[1].replace("pay salaries", "pay 30 per cent of salaries"),
            "number",
        ),
        # a deadline doubled
        (
            REVENUES[0].replace("shall be deposited", "shall be deposited within 30 days"),
            REVENUES[1].replace("will be paid", "will be paid within 60 days"),
            "deadline",
        ),
        # a condition dropped
        (
            REVENUES[0].replace(" throughout", ", provided that the port remains open, throughout"),
            REVENUES[1],
            "condition",
        ),
        # a negation dropped
        (
            REVENUES[0].replace(
                " the country.", " the country, and shall not be used for any other purpose."
            ),
            REVENUES[1].replace(" the country.", " the country, and shall be used for other purposes too."),
            "negation",
        ),
    ],
)
def test_a_real_difference_between_renderings_keeps_its_flag(
    tmp_path: Path, old: str, new: str, rule: str
) -> None:
    plain = [f for f in flags(tmp_path, old, new) if f.rule == rule]
    lensed = flags(tmp_path, old, new, "translation")
    kept = [f for f in lensed if f.rule == rule]
    assert plain and RANK[top(plain)] >= RANK["medium"]
    assert kept and top(kept) == top(plain)  # its flag, with its severity
    # … and what the rules read in the rest of the rewording is wording, saying why
    others = [f for f in lensed if f.rule != rule]
    assert all(f.severity == "low" for f in others), others
    assert any(REGISTER in f.message and "agree" in f.message for f in others), others


def test_an_edit_in_a_text_otherwise_kept_is_no_rendering(tmp_path: Path) -> None:
    old, new = (
        "The Fund will rebuild roads, bridges and schools in the northern districts.",
        "The Fund will rebuild roads and schools in the northern districts.",
    )
    assert top(flags(tmp_path, old, new, "translation")) == top(flags(tmp_path, old, new)) == "medium"


def test_a_text_that_says_its_force_otherwise_is_no_register_difference(tmp_path: Path) -> None:
    old, new = (
        "The present Protocol shall be legally binding on both sides.",
        "The present Protocol records the political commitments of both sides.",
    )
    assert top(flags(tmp_path, old, new, "translation")) == "high"


# ---------------------------------------------------------------------------------------------
# The default reading


def test_a_rewording_that_agrees_is_quiet_on_what_it_says_otherwise(tmp_path: Path) -> None:
    found = flags(tmp_path, *REVENUES)  # "throughout the country" / "across the country"
    assert top(found) == "low"
    assert not any(REGISTER in f.message for f in found)  # the lens's words are the lens's


@pytest.mark.parametrize(
    "new",
    [
        REVENUES[1].replace("Varnel", "Dorsk"),  # another place: the pair differs, nothing weighed down
        REVENUES[1].replace("across the country", "only in the capital"),  # narrowed, in words not said
    ],
)
def test_a_rewording_that_differs_keeps_its_scope_flag(tmp_path: Path, new: str) -> None:
    found = flags(tmp_path, REVENUES[0], new)
    assert any(f.rule == "scope" and f.severity == "medium" for f in found)


# ---------------------------------------------------------------------------------------------
# What two renderings must both say


def _sides(old: str, new: str) -> tuple[object, object]:
    reader = Reader(TAXONOMY)
    return reader.side(old), reader.side(new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        CEASEFIRE,
        REVENUES,
        REPORT,
        ("The ceasefire shall take effect immediately.", "The ceasefire shall take effect at once."),
        (
            "Observers of the UNMO shall patrol the zone.",
            "Observers of the United Nations Monitoring Office shall patrol the zone.",
        ),
        ("Forces shall leave the city of Varnel.", "Forces shall leave Varnel city."),
        ("Neither Party shall fire on the other.", "The two sides will not fire on each other."),
    ],
)
def test_renderings_that_agree(old: str, new: str) -> None:
    assert differences(*_sides(old, new)) == ()  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("old", "new", "kind"),
    [
        ("The Parties shall withdraw 300 troops.", "Both sides will pull back 200 troops.", "numbers"),
        (
            "Each Party shall hold 40,000 in the army and 6,000 in the navy.",
            "Each Party shall hold 40,000 in the navy and 6,000 in the army.",
            "numbers",
        ),
        ("Prisoners shall be released by 1 March 2026.", "Prisoners will be freed by 1 April 2026.", "dates"),
        ("Prisoners shall be released within 30 days.", "Prisoners will be freed after 30 days.", "dates"),
        ("Forces shall leave the city of Varnel.", "Forces shall leave the city of Dorsk.", "names"),
        (
            "The Parties shall not deploy troops in the zone.",
            "Both sides will deploy troops in the zone.",
            "negations",
        ),
        ("The Parties shall hold elections.", "Both sides may hold elections.", "modal force"),
        (
            "The Parties agreed that elections shall be held.",
            "The Parties agreed that elections may be held.",
            "modal force",
        ),
        ("This Protocol is legally binding.", "This Protocol is a political commitment.", "modal force"),
        ("Sanctions shall be lifted if the ceasefire holds.", "Sanctions will be lifted.", "conditions"),
        ("Aid shall reach all districts.", "Aid will reach the districts.", "scope"),
        ("Aid shall reach the districts.", "Aid will reach only the districts.", "scope"),
        (
            "The guarantors shall give security guarantees.",
            "The guarantors will give security assurances.",
            "promises",
        ),
    ],
)
def test_renderings_that_differ(old: str, new: str, kind: str) -> None:
    assert kind in differences(*_sides(old, new))  # type: ignore[arg-type]


def test_a_rewording_is_not_an_edit() -> None:
    assert reworded(*_sides(*CEASEFIRE))  # type: ignore[arg-type]
    assert not reworded(*_sides("Aid shall reach all districts.", "Aid shall reach all northern districts."))  # type: ignore[arg-type]
