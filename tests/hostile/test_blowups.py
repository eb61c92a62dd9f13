"""Small hostile files that made the day's new reading code quadratic: each read through the
installed `draftkit` script in a child held to 1 GB and 10 seconds of CPU (`cli_process`),
or a library call timed in CPU seconds (a loaded machine's waiting is not counted)."""

from __future__ import annotations

from pathlib import Path

from tests.fixtures.docx import make_fixtures as fx
from tests.fixtures.docx.word_probes import Doc, article

from .helpers import cli_process

WHITE = '<w:color w:val="FFFFFF"/>'


def test_a_paragraph_of_forty_thousand_white_runs(tmp_path: Path) -> None:
    """docx_invisible looked for the paragraph's style and fill among its children once per
    candidate run: 20,000 white runs in one paragraph (an 8 KB file) took 17 s to read."""
    path = Doc(article("".join(fx.r("x", WHITE) for _ in range(40_000)))).build(tmp_path / "runs.docx")
    run = cli_process("parse", path, "--format", "json")
    assert run.code == 0, run.err
    assert "white on a white page" in run.err


def test_a_table_cell_of_twenty_thousand_paragraphs_of_white_text(tmp_path: Path) -> None:
    """The same for the cell's and table's properties, read once per run inside them."""
    cell = "".join(fx.p(fx.r("x", WHITE)) for _ in range(20_000))
    table = f"<w:tbl><w:tr><w:tc>{cell}</w:tc></w:tr></w:tbl>"
    path = Doc(article(fx.r("The Parties shall withdraw.")) + table).build(tmp_path / "cell.docx")
    run = cli_process("parse", path, "--format", "json")
    assert run.code == 0, run.err
    assert "white on a white page" in run.err


def test_a_chain_of_twenty_thousand_styles(tmp_path: Path) -> None:
    """Which styles shade their text was found by walking each style's basedOn chain to its
    end: 12,000 character styles each based on the one before (100 KB) took over a minute."""
    styles = "".join(
        fx.style(f"S{i}", f"S{i}", based_on=f"S{i - 1}" if i else None, kind="character")
        for i in range(20_000)
    ).replace(
        '<w:style w:type="character" w:styleId="S0">',
        f'<w:style w:type="character" w:styleId="S0"><w:rPr>{WHITE}</w:rPr>',
        1,
    )
    body = article(fx.r("The Parties shall ") + fx.r("not ", '<w:rStyle w:val="S5"/>') + fx.r("withdraw."))
    path = Doc(body, styles=fx.styles_xml(styles)).build(tmp_path / "chain.docx")
    run = cli_process("parse", path, "--format", "json")
    assert run.code == 0, run.err
    assert "white on a white page): 'not'" in run.err
