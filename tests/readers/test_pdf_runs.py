"""The PDF reader's runs (readers.pdf_runs): a tab's leader read as the tab it stands for."""

from __future__ import annotations

from draftkit.readers.pdf import read_pdf_blocks
from tests.readers.test_pdf import Placed, raw_pdf

ENTRY = "Video provides a powerful way to help you prove your point."
DOTS = "." * 48


def _texts(runs: list[Placed]) -> list[str]:
    return [block.text for block in read_pdf_blocks(raw_pdf([runs]), source="t.pdf")]


def test_a_tabs_leader_is_the_tab_and_ends_its_entry() -> None:
    """A tab with a dot leader: Word's text holds the tab ('decimal 123'), LibreOffice's PDF
    the dots it draws ('decimal............123': Open-Xml-PowerTools' HC027). A contents
    entry's line ends with the leader and its page number; the next entry, as close below
    as a wrapped line, starts a paragraph of its own (HC022 and RP052 read the contents as
    one paragraph)."""
    assert _texts([(72.1, 709.8, "decimal"), (115.4, 709.8, "............"), (159.1, 709.8, "123")]) == [
        "decimal 123"
    ]
    runs: list[Placed] = []
    for k in range(3):
        y = 677.7 - 18.8 * k
        runs += [(72.1, y, ENTRY), (380, y, DOTS), (530.6, y, "1")]
    assert _texts(runs) == [f"{ENTRY} 1"] * 3


def test_dots_to_be_filled_in_stay() -> None:
    """Dots typed to be filled in are text: at the end of their line, or far from what
    follows them, they stay."""
    signed = [(72, 700, "Signed for the Government of Varnia:"), (260, 700, "....................")]
    assert _texts(signed) == ["Signed for the Government of Varnia: ...................."]
    apart = [(72, 700, "Name"), (100, 700, "........"), (300, 700, "date")]
    assert "........" in _texts(apart)[0]
