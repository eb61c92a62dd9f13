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


def _pdf(
    tmp_path: Path, name: str, pages: list[list[tuple[float, float, str, float]]], **kwargs: object
) -> Path:
    from tests.readers.test_pdf import raw_pdf

    path = tmp_path / name
    path.write_bytes(raw_pdf(pages, **kwargs))  # type: ignore[arg-type]
    return path


def test_a_page_of_sixteen_thousand_raised_figures(tmp_path: Path) -> None:
    """Each raised figure ('km' then a small raised '2': a possible note call) was checked
    against the page's runs less the calls answered, that set made again for each: 16,000
    on one page took 14 s."""
    page = [(72.0, 760.0, "Article 1", 11.0)]
    for i in range(16_000):
        x, y = 72.0 + (i % 10) * 50, 740.0 - (i // 10) % 50 * 14
        page += [(x, y, "km", 11.0), (x + 14, y + 3, "2", 6.0)]
    run = cli_process("parse", _pdf(tmp_path, "exponents.pdf", [page]), "--format", "json")
    assert run.code == 0, run.err


def test_a_page_of_four_thousand_short_rules_under_a_note_call(tmp_path: Path) -> None:
    """Every short rule under a note call was read as a possible footnote separator, each
    reading the page's runs: 4,000 rules (the most a page's rules are read) and 20,000 runs
    took half a minute."""
    page = [(72.0, 770.0, "Article 1", 11.0), (72.0, 755.0, "1. The Parties shall withdraw", 11.0)]
    page += [(230.0, 758.0, "1", 6.0)]
    page += [(72.0 + (i % 8) * 60, 740.0 - (i // 8) % 700, f"w{i}", 11.0) for i in range(20_000)]
    rules = [(300.0, 745.0 - k * 0.18, 360.0, 745.0 - k * 0.18) for k in range(4_000)]
    path = _pdf(tmp_path, "rules.pdf", [page], rules=[rules], rule_width=0.1)
    run = cli_process("parse", path, "--format", "json")
    assert run.code == 0, run.err


def test_a_paragraph_of_eight_thousand_hyphenated_lines(tmp_path: Path) -> None:
    """Each line ending in a hyphen had the paragraph's last word found by reading all its
    text so far: 8,000 such lines in one paragraph (160 pages) took 50 s; now about 1 s."""
    pages = [
        [(72.0, 740 - i * 13.5, "the parties shall consider the matter of imple-", 11.0) for i in range(50)]
    ]
    pages *= 160
    pages[0] = [(72.0, 760.0, "Article 1", 11.0), *pages[0]]
    run = cli_process("parse", _pdf(tmp_path, "hyphens.pdf", pages), "--format", "json")
    assert run.code == 0, run.err


def test_six_thousand_cross_references_to_bookmarks_around_the_whole_text(tmp_path: Path) -> None:
    """Each REF field's bookmark was given every word it holds, each word appended to every
    bookmark open around it: 4,000 bookmarks around a 4,000-paragraph text took 8 s, and
    each of the 4,000 notes quoted the whole text (140 MB)."""
    n = 6_000
    starts = "".join(f'<w:bookmarkStart w:id="{i}" w:name="b{i}"/>' for i in range(n))
    ends = "".join(f'<w:bookmarkEnd w:id="{i}"/>' for i in range(n))
    refs = "".join(
        fx.BEGIN + fx.instr(f" REF b{i} \\h ") + fx.SEPARATE + fx.r("x") + fx.END for i in range(n)
    )
    text = "".join(fx.p(fx.r(f"Text {k}.")) for k in range(n))
    body = article(fx.r("See ") + refs) + fx.p(starts + fx.r("Start.")) + text + fx.p(ends + fx.r("End."))
    run = cli_process("parse", Doc(body).build(tmp_path / "refs.docx"), "--format", "json")
    assert run.code == 0, run.err
    assert run.err.count("cross-reference field") == n and len(run.err) < 500 * n


def test_a_paragraph_mark_holding_forty_thousand_insertions(tmp_path: Path) -> None:
    """docx_tracked asked, for each change recorded on a paragraph's mark, whether the
    paragraph holds one of that kind of its own, reading its runs again: 20,000 such over
    20,000 runs (58 KB) took 7 s, 40,000 half a minute."""
    n = 40_000
    marks = "".join(f'<w:ins w:id="{i}" w:author="A" w:date="2026-01-01T00:00:00Z"/>' for i in range(n))
    runs = "".join(fx.r("x") for _ in range(n))
    body = (
        article(fx.r("The Parties shall withdraw."))
        + f"<w:p><w:pPr><w:rPr>{marks}</w:rPr></w:pPr>{runs}</w:p>"
    )
    run = cli_process("parse", Doc(body).build(tmp_path / "marks.docx"), "--format", "json")
    assert run.code == 0, run.err
    assert f"{n:,} pending tracked changes" in run.err or f"{n} pending tracked changes" in run.err


def test_a_page_of_four_thousand_row_borders_asked_for_every_line() -> None:
    """pdf_rules.in_row read every row border above a line (and the borders below it) for
    each line with a gap in it: a page of 4,000 borders (the most a page's rules are read)
    and 80,000 runs took 9 s. Timed in CPU seconds: 100,000 lines under the borders."""
    import time

    from draftkit.readers.pdf_rules import in_row, rows

    drawn = [
        [40.0 + (k % 10) * 55, 300 + (k // 10) * 1.2, 90.0 + (k % 10) * 55, 300.5 + (k // 10) * 1.2]
        for k in range(4_000)
    ]
    borders = rows(drawn)
    assert len(borders) == 4_000
    started = time.process_time()
    found = [in_row(borders, 20.0 + (i % 250), 11.0, 45.0, 80.0) for i in range(100_000)]
    assert time.process_time() - started < 2.0
    assert found == [None] * 100_000
    assert in_row(borders, 600.0, 11.0, 50.0, 80.0) is not None  # a line within a row's span
