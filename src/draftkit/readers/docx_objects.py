"""What the DOCX reader's walk meets besides runs of text, and how Word shows it.

Names and small pure functions used by `docx._Walker`, no state:

- the DrawingML, VML and OLE names the object reader looks for (pictures, charts, diagrams,
  OLE objects, the graphic kinds whose content it walks);
- `wordart_text`: the text a VML WordArt shape draws (`v:textpath string="…"`), which no
  `w:t` holds — read in place as `⟦WordArt: …⟧`, as `render.wml._objects.object_text` shows it;
- `continues_merge`: whether a table cell continues a vertical merge (`w:vMerge` without
  `restart`). Word and LibreOffice show the first cell's content across the merged cells and
  none of a continuing cell's: text left there is kept out, and named (`merged_cell_note`);
- `DROP_CAP_NOTE`: a dropped capital (`w:framePr w:dropCap`) is a paragraph of its own that
  Word draws as the first letter of the next: read so (as stored), and said, since adding or
  removing one changes the word it starts;
- `foreign_note`: the note on text inside an element of a namespace Word does not know,
  which Word leaves out with its content (an ignorable namespace) or refuses, while
  LibreOffice shows the text: compared as visible, and named.
"""

from __future__ import annotations

from lxml import etree

from draftkit.readers.docx_tags import Tags
from draftkit.readers.docx_text import UNDERSTOOD_NAMESPACES, quote

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
R_EMBED = f"{{{R_NS}}}embed"
R_LINK = f"{{{R_NS}}}link"
R_ID = f"{{{R_NS}}}id"
R_DM = f"{{{R_NS}}}dm"
A_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
A_GRAPHIC_DATA = "{http://schemas.openxmlformats.org/drawingml/2006/main}graphicData"
C_CHART = "{http://schemas.openxmlformats.org/drawingml/2006/chart}chart"
DGM_REL_IDS = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}relIds"
V_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"
V_TEXTPATH = "{urn:schemas-microsoft-com:vml}textpath"
O_OLE = "{urn:schemas-microsoft-com:office:office}OLEObject"
O_PROG_ID = "ProgID"
# graphicData kinds whose content the object walk reads (pictures, shapes, groups, canvases).
READ_GRAPHICS = frozenset(
    {
        "http://schemas.openxmlformats.org/drawingml/2006/picture",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
        "http://schemas.openxmlformats.org/drawingml/2006/chart",
        "http://schemas.openxmlformats.org/drawingml/2006/diagram",
    }
)

DROP_CAP_NOTE = (
    "a dropped capital (w:framePr w:dropCap), which Word shows as the first letter of the next"
    " paragraph, is read as a paragraph of its own: one added or removed shows as a change of the"
    " word it starts"
)


def wordart_text(textpath: etree._Element) -> str:
    """The text a VML text path (WordArt, a banner across the page) draws, white space
    squashed; '' for none."""
    return " ".join((textpath.get("string") or "").split())


def continues_merge(props: etree._Element | None, tags: Tags) -> bool:
    """Whether a cell's `w:tcPr` makes it continue a vertical merge: a `w:vMerge` whose
    `w:val` is absent or `continue` (ST_Merge's default), not `restart`."""
    if props is None:
        return False
    merge = props.find(tags.vMerge)
    return merge is not None and (merge.get(tags.val) or "continue") != "restart"


def merged_cell_note(cell: etree._Element, tags: Tags) -> str | None:
    """The note on the text of a cell that continues a vertical merge (`continues_merge`),
    which neither Word nor LibreOffice shows; None where it holds none."""
    text = " ".join("".join(t.text or "" for t in p.iter(tags.t)) for p in cell.iter(tags.p))
    if not text.strip():
        return None
    return (
        "text in a table cell merged into the cell above (w:vMerge), which Word and LibreOffice"
        f" do not show, not compared: {quote(text)}"
    )


def foreign_note(tag: str, text: str) -> str | None:
    """The note on `text` read inside an element whose namespace the reader does not know
    (and Word does not either); None for a namespace it knows, or no text."""
    qname = etree.QName(tag)
    if qname.namespace in UNDERSTOOD_NAMESPACES or not text.strip():
        return None
    return (
        f"text inside an element Word does not know (<{qname.localname}> of {qname.namespace}):"
        " Word leaves such an element out with its text (or refuses the file), LibreOffice shows"
        f" the text; compared as visible: {quote(text)}"
    )


def with_article(noun: str) -> str:
    """'an image', 'a chart'."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"
