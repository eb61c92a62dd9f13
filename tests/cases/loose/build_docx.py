"""Build the DOCX cases of the loose-format corpus (tests/cases/loose/NAME.docx).

Run:  .venv/bin/python tests/cases/loose/build_docx.py
Writes every NAME.docx next to this script. Output is deterministic: fixed core
properties and fixed zip timestamps, so a re-run yields byte-identical files.

Word auto-numbering is written as real WordprocessingML: an <w:abstractNum> per list in
numbering.xml (w:lvl with w:numFmt / w:lvlText / w:start / w:isLgl), a <w:num> pointing at
it, and <w:numPr><w:ilvl/><w:numId/></w:numPr> on each paragraph. The label a reader sees
is NOT in the paragraph text; it is what Word renders from w:lvlText.
The expected trees (NAME.expected.json) were written by hand from what Word displays,
not from any parser output.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import io
import zipfile
from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

HERE = Path(__file__).resolve().parent
FIXED = _dt.datetime(2026, 1, 15, 9, 0, 0)


# --------------------------------------------------------------------------- helpers
def new_doc() -> docx.Document:
    d = docx.Document()
    cp = d.core_properties
    cp.author = "draftkit corpus"
    cp.last_modified_by = "draftkit corpus"
    cp.created = FIXED
    cp.modified = FIXED
    cp.revision = 1
    cp.title = ""
    return d


def add_list(d, list_id: int, levels: list[dict]) -> int:
    """Add abstractNum `list_id` and num `list_id` to numbering.xml; return the numId.

    levels: dicts with ilvl, fmt, text, and optionally start (1), lgl (False), left (twips).
    """
    numbering = d.part.numbering_part.element
    lvls = []
    for lv in levels:
        ilvl = lv["ilvl"]
        left = lv.get("left", 720 * (ilvl + 1))
        lvls.append(
            f'<w:lvl w:ilvl="{ilvl}">'
            f'<w:start w:val="{lv.get("start", 1)}"/>'
            f'<w:numFmt w:val="{lv["fmt"]}"/>'
            + ("<w:isLgl/>" if lv.get("lgl") else "")
            + f'<w:lvlText w:val="{lv["text"]}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="{lv.get("hanging", 360)}"/></w:pPr>'
            "</w:lvl>"
        )
    absnum = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{list_id}">'
        '<w:multiLevelType w:val="hybridMultilevel"/>' + "".join(lvls) + "</w:abstractNum>"
    )
    num = parse_xml(f'<w:num {nsdecls("w")} w:numId="{list_id}"><w:abstractNumId w:val="{list_id}"/></w:num>')
    # schema order: all abstractNum before all num
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(absnum)
    else:
        numbering.append(absnum)
    numbering.append(num)
    return list_id


def restart(d, list_id: int, new_id: int) -> int:
    """A new w:num over the same abstractNum, restarting level 0..8 (lvlOverride/startOverride)."""
    numbering = d.part.numbering_part.element
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="1"/></w:lvlOverride>' for i in range(9)
    )
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{new_id}"><w:abstractNumId w:val="{list_id}"/>{overrides}</w:num>'
        )
    )
    return new_id


def p(
    d_or_cell,
    text: str = "",
    style: str | None = None,
    num: int | None = None,
    ilvl: int = 0,
    bold: bool = False,
    left: int | None = None,
):
    para = d_or_cell.add_paragraph(style=style)
    if text:
        run = para.add_run(text)
        run.bold = bold or None
    ppr = para._p.get_or_add_pPr()
    if num is not None:
        ppr.append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>')
        )
    if left is not None:
        ppr.append(parse_xml(f'<w:ind {nsdecls("w")} w:left="{left}" w:hanging="360"/>'))
    return para


def save(d, name: str) -> None:
    """Save with fixed zip member timestamps (deterministic bytes)."""
    buf = io.BytesIO()
    d.save(buf)
    buf.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, zin.read(info.filename))
    (HERE / f"{name}.docx").write_bytes(out.getvalue())


def table(d, rows: list[list[str]], style: str | None = "Table Grid"):
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    if style:
        with contextlib.suppress(Exception):  # style missing in template: plain table
            t.style = style
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, row in enumerate(rows):
        for c, val in enumerate(row):
            cell = t.cell(r, c)
            lines = val.split("\n")
            cell.paragraphs[0].add_run(lines[0])
            for extra in lines[1:]:
                cell.add_paragraph(extra)
    return t


# --------------------------------------------------------------------------- cases
def memo_plain():
    d = new_doc()
    p(d, "Note on the outcome of the second round of talks in Brenholt", bold=True)
    for t in [
        "The second round of talks between the delegations of Tarvia and the Eastern Tarvian "
        "representatives took place in Brenholt from 3 to 5 February under Laurian chairmanship.",
        "The delegations confirmed that the ceasefire of 16 June remains in force and agreed to "
        "strengthen the hotline between the sector commanders.",
        "It was agreed that the Joint Control Commission will meet every Tuesday at the Dunmere "
        "crossing, alternately chaired by each side.",
        "2027 was retained as the target year for local elections, subject to the adoption of the "
        "special status law.",
        "The Eastern Tarvian side asked for the release of 120 detainees before the next round. "
        "The Tarvian delegation took note of the request and will respond in writing.",
        "Both sides agreed that the repair of the Ostrel water pumping station should begin "
        "without delay, with the participation of the Red Crescent of Amaris.",
        "The next round is planned for the second half of March, in Cordane.",
    ]:
        p(d, t)
    save(d, "docx-memo-plain")


def heading_styles():
    d = new_doc()
    p(d, "Principles for a Settlement in the Sarn Basin", style="Title")
    p(d, "Security", style="Heading 1")
    p(d, "Ceasefire", style="Heading 2")
    p(d, "All armed actions will cease along the Sarn from the day after signature.")
    p(d, "Complaints will be addressed to the Joint Commission.")
    p(d, "Weapons", style="Heading 2")
    p(d, "Heavy weapons will be stored at collection points in Ulm Ferry and Draskov.")
    p(d, "Governance", style="Heading 1")
    p(d, "A transitional council will administer the Basin until elections in 2027.")
    p(d, "The council will take decisions by a two-thirds majority.")
    save(d, "docx-heading-styles")


def flat_pipe():
    d = new_doc()
    n = add_list(d, 11, [{"ilvl": 0, "fmt": "upperLetter", "text": "%1|"}])
    p(d, "Agreed Minutes of the Halden Meeting on Border Crossings", style="Title")
    p(d, "The delegations agreed on the following:")
    for t in [
        "The Halden–Velmstadt road crossing will reopen for passenger cars on 1 April.",
        "Freight traffic through the Korrin tunnel will be limited to 40 trucks per hour.",
        "Customs officers of both sides will work in joint shifts.",
        "Fees for border passes will be reduced by 31.4 per cent.",
        "The delegations will meet again in Velmstadt in June.",
    ]:
        p(d, t, style="List Paragraph", num=n)
    save(d, "docx-flat-pipe-letters")


def flat_ordinal():
    d = new_doc()
    n = add_list(d, 12, [{"ilvl": 0, "fmt": "ordinalText", "text": "%1."}])
    p(d, "Joint Declaration of the Governments of Ostravia and Velm", style="Title")
    p(d, "The Government of Ostravia and the Government of the Kingdom of Velm declare:")
    for t in [
        "Diplomatic relations are restored at the level of ambassadors.",
        "Outstanding property claims will be referred to a mixed commission.",
        "The two Governments will cooperate in clearing mines from the Korrin valley.",
        "This Declaration takes effect on signature.",
    ]:
        p(d, t, num=n)
    p(d, "Done at Velmstadt on 9 May 2026 in two originals.")
    p(d, "For the Government of Ostravia")
    p(d, "For the Government of the Kingdom of Velm")
    save(d, "docx-flat-ordinal-words")


def legal_sections():
    d = new_doc()
    n = add_list(
        d,
        13,
        [
            {"ilvl": 0, "fmt": "upperRoman", "text": "Article %1", "left": 0, "hanging": 0},
            {"ilvl": 1, "fmt": "decimalZero", "text": "Section %1.%2", "lgl": True, "left": 720},
        ],
    )
    p(d, "RECONSTRUCTION FUND AGREEMENT FOR THE MARROW VALLEY", style="Title")
    p(d, "Definitions", num=n, ilvl=0, bold=True)
    p(
        d,
        "\u201cFund\u201d means the Marrow Valley Reconstruction Fund established by this Agreement.",
        num=n,
        ilvl=1,
    )
    p(d, "\u201cDonor\u201d means any State or organisation contributing to the Fund.", num=n, ilvl=1)
    p(d, "Governance of the Fund", num=n, ilvl=0, bold=True)
    p(d, "The Fund is administered by a Board of seven members.", num=n, ilvl=1)
    p(
        d,
        "The Board adopts its decisions by a majority of 19.5 per cent of votes weighted by contribution, "
        "provided that at least two Donors concur.",
        num=n,
        ilvl=1,
    )
    p(d, "The Board meets at least twice a year.", num=n, ilvl=1)
    p(d, "Final Provisions", num=n, ilvl=0, bold=True)
    p(d, "This Agreement enters into force on signature.", num=n, ilvl=1)
    save(d, "docx-legal-article-section")


def nested_ilvl():
    d = new_doc()
    n = add_list(
        d,
        14,
        [
            {"ilvl": 0, "fmt": "decimal", "text": "%1."},
            {"ilvl": 1, "fmt": "lowerLetter", "text": "(%2)"},
            {"ilvl": 2, "fmt": "lowerRoman", "text": "(%3)"},
        ],
    )
    p(d, "Ceasefire Arrangements for the Lower Dunn Region", style="Title")
    p(d, "The Parties shall observe a complete ceasefire.", num=n, ilvl=0)
    p(d, "The Parties shall withdraw:", num=n, ilvl=0)
    p(d, "artillery of a calibre above 100 mm, to a distance of 15 km;", num=n, ilvl=1)
    p(d, "multiple rocket launchers, as follows:", num=n, ilvl=1)
    p(d, "those with a range below 40 km, to 50 km;", num=n, ilvl=2)
    p(d, "all others, to 70 km;", num=n, ilvl=2)
    p(d, "mortars, to 10 km.", num=n, ilvl=1)
    p(d, "The Monitoring Group shall verify the withdrawal:", num=n, ilvl=0)
    p(d, "by patrols;", num=n, ilvl=1)
    p(d, "by satellite imagery.", num=n, ilvl=1)
    p(d, "This arrangement remains in force until replaced.", num=n, ilvl=0)
    save(d, "docx-nested-ilvl")


def looks_nested_siblings():
    d = new_doc()
    a = add_list(d, 15, [{"ilvl": 0, "fmt": "decimal", "text": "1.%1"}])
    b = add_list(d, 16, [{"ilvl": 0, "fmt": "decimal", "text": "%1.", "left": 1440}])
    p(d, "Withdrawal Schedule Annexed to the Cordane Protocol", style="Title")
    for t in [
        "Units east of the Sarn withdraw first.",
        "Units in the Ulm Ferry sector withdraw within ten days.",
        "Units in the Draskov sector withdraw within twenty days.",
        "The Commission certifies each stage.",
    ]:
        p(d, t, num=a, ilvl=0)
    p(d, "Review bodies", style="Heading 2")
    for t in [
        "the Cordane Verification Commission;",
        "the ministers of defence of both Parties;",
        "the guarantor states.",
    ]:
        p(d, t, num=b, ilvl=0)
    save(d, "docx-looks-nested-siblings")


def numbers_tables():
    d = new_doc()
    n = add_list(d, 17, [{"ilvl": 0, "fmt": "decimal", "text": "%1."}])
    p(d, "Water Sharing Arrangement for the Ostrel River", style="Title")
    p(d, "Each Party may abstract water from the Ostrel within the quotas agreed below.", num=n)
    p(d, "The quotas, expressed as a share of the mean annual flow, are the following:", num=n)
    table(
        d,
        [
            ["Year", "Upstream Party (%)", "Downstream Party (%)", "Reference date"],
            ["2027", "19.5", "31.4", "16.09.2018"],
            ["2028", "21", "30", "16.09.2018"],
        ],
    )
    p(d, "The quotas are reviewed by the basin authority every three years.", num=n)
    p(d, "2027 is the first year in which the quotas apply in full.")
    p(d, "Disputes are settled by the basin authority.", num=n)
    save(d, "docx-numbers-tables")


def typed_treaty():
    d = new_doc()
    p(
        d,
        "AGREEMENT ON THE CESSATION OF HOSTILITIES BETWEEN THE REPUBLIC OF VARNIA "
        "AND THE FEDERAL STATE OF KASTEL",
        style="Title",
    )
    p(d, "The Republic of Varnia and the Federal State of Kastel (the \u201cParties\u201d),")
    p(d, "Reaffirming their obligations under international humanitarian law,")
    p(d, "Recognising the role of the Republic of Lauria as mediator,")
    p(d, "Determined to prevent any resumption of hostilities,")
    p(d, "Have agreed as follows:")
    p(d, "Article 1 \u2013 Ceasefire", style="Heading 2")
    p(d, "1.\tThe Parties shall cease fire at 12:00 on 1 March 2026.")
    p(d, "2.\tThe ceasefire applies to land, sea and air forces.")
    p(d, "Article 2 \u2013 Separation of forces", style="Heading 2")
    p(d, "1.\tThe forces shall be separated by a zone of 30 km.")
    p(d, "2.\t600 000 persons displaced from the zone may return after its demining.")
    p(d, "Article 3 \u2013 Entry into force", style="Heading 2")
    p(d, "This Agreement enters into force on signature.")
    p(
        d,
        "Done at Halvern on 28 February 2026 in two copies in the Varnian and Kastelian "
        "languages, both texts being equally authentic.",
    )
    table(
        d,
        [
            [
                "For the Government of the Republic of Varnia\n\nIlse Marrow\nMinister for Foreign Affairs",
                "For the Government of the Federal State of Kastel\n\nPavo Dren\nState Secretary",
            ]
        ],
        style=None,
    )
    save(d, "docx-typed-treaty")


def heading_numbered_articles():
    d = new_doc()
    # Auto-numbered Heading 1 ("Article N") and body paragraphs numbered at ilvl 1 ("N.").
    n = add_list(
        d,
        18,
        [
            {"ilvl": 0, "fmt": "decimal", "text": "Article %1", "left": 0, "hanging": 0},
            {"ilvl": 1, "fmt": "decimal", "text": "%2.", "left": 720},
        ],
    )
    p(d, "Protocol on the Korrin Valley Observer Mission", style="Title")
    p(d, "Mandate", style="Heading 1", num=n, ilvl=0)
    p(d, "The Mission observes compliance with the ceasefire in the Korrin valley.", num=n, ilvl=1)
    p(d, "The Mission reports monthly to both Parties.", num=n, ilvl=1)
    p(d, "Composition", style="Heading 1", num=n, ilvl=0)
    p(d, "The Mission consists of up to 85 observers.", num=n, ilvl=1)
    p(d, "Observers are unarmed.", num=n, ilvl=1)
    p(d, "Duration", style="Heading 1", num=n, ilvl=0)
    p(d, "The mandate lasts twelve months and may be extended.", num=n, ilvl=1)
    save(d, "docx-heading-numbered-articles")


CASES = [
    memo_plain,
    heading_styles,
    flat_pipe,
    flat_ordinal,
    legal_sections,
    nested_ilvl,
    looks_nested_siblings,
    numbers_tables,
    typed_treaty,
    heading_numbered_articles,
]

if __name__ == "__main__":
    for build in CASES:
        build()
    print(f"wrote {len(CASES)} docx files to {HERE}")
