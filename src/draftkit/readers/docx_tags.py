"""WordprocessingML names for the DOCX reader, computed once per document.

A transitional and a Strict document name the same elements in two namespaces; the reader
asks `Tags(ns)` for the Clark names (`{ns}p`, `{ns}r` …) of the one its document uses, so
its walk compares strings, never builds them. No logic beyond that.
"""

from __future__ import annotations

from draftkit.readers.wordnum import MC_NS

_M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"


class Tags:
    """Clark names for one WordprocessingML namespace, computed once per document."""

    def __init__(self, ns: str) -> None:
        def w(local: str) -> str:
            return f"{{{ns}}}{local}"

        self.body = w("body")
        self.p = w("p")
        self.pPr = w("pPr")
        self.rPr = w("rPr")
        self.r = w("r")
        self.t = w("t")
        self.delText = w("delText")
        self.tab = w("tab")
        self.ptab = w("ptab")
        self.br = w("br")
        self.cr = w("cr")
        self.noBreakHyphen = w("noBreakHyphen")
        self.softHyphen = w("softHyphen")
        self.fldChar = w("fldChar")
        self.fldCharType = w("fldCharType")
        self.ffData = w("ffData")
        self.instrText = w("instrText")
        self.delInstrText = w("delInstrText")
        self.fldSimple = w("fldSimple")
        self.instr = w("instr")
        self.vanish = w("vanish")
        self.strike = w("strike")
        self.dstrike = w("dstrike")
        self.vertAlign = w("vertAlign")
        # The look properties (docx_text.LOOK_TAGS: strike, dstrike, vertAlign, caps, smallCaps) by name.
        self.looks = {w(name): name for name in ("strike", "vertAlign", "caps", "dstrike", "smallCaps")}
        self.ins = w("ins")
        self.dele = w("del")
        self.moveFrom = w("moveFrom")
        self.moveTo = w("moveTo")
        self.pStyle = w("pStyle")
        self.numPr = w("numPr")
        self.numId = w("numId")
        self.ilvl = w("ilvl")
        self.outlineLvl = w("outlineLvl")
        self.pPrChange = w("pPrChange")
        self.val = w("val")
        self.tbl = w("tbl")
        self.tr = w("tr")
        self.tc = w("tc")
        self.trPr = w("trPr")
        self.tcPr = w("tcPr")
        self.vMerge = w("vMerge")
        self.framePr = w("framePr")
        self.dropCap = w("dropCap")
        self.cellIns = w("cellIns")
        self.cellDel = w("cellDel")
        self.sdt = w("sdt")
        self.sdtContent = w("sdtContent")
        self.sdtPr = w("sdtPr")
        self.dataBinding = w("dataBinding")
        self.storeItemID = w("storeItemID")
        self.xpath = w("xpath")
        self.prefixMappings = w("prefixMappings")
        self.rStyle = w("rStyle")
        self.rPrChange = w("rPrChange")
        self.specVanish = w("specVanish")
        self.webHidden = w("webHidden")
        self.sym = w("sym")
        self.font = w("font")
        self.char = w("char")
        self.ruby = w("ruby")
        self.rt = w("rt")
        self.rubyBase = w("rubyBase")
        self.footnoteReference = w("footnoteReference")
        self.endnoteReference = w("endnoteReference")
        self.id = w("id")
        self.name = w("name")
        self.bookmarkStart = w("bookmarkStart")
        self.bookmarkEnd = w("bookmarkEnd")
        self.txbxContent = w("txbxContent")
        self.object = w("object")
        self.altChunk = w("altChunk")
        self.subDoc = w("subDoc")
        self.bdo = w("bdo")
        self.alternate = f"{{{MC_NS}}}AlternateContent"
        self.fallback = f"{{{MC_NS}}}Fallback"
        self.math = frozenset({f"{{{_M_NS}}}oMath", f"{{{_M_NS}}}oMathPara"})
        # Inline wrappers whose children are runs (or more wrappers) shown as they are.
        self.inline_wrappers = frozenset(
            w(x) for x in ("hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo", "sdtContent")
        )
        # Inline elements that never hold visible text: skipped without a look inside.
        self.inline_skip = frozenset(
            w(x)
            for x in (
                "pPr", "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd",
                "commentRangeStart", "commentRangeEnd", "moveFromRangeStart",
                "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
                "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart",
                "customXmlDelRangeEnd", "sdtPr", "sdtEndPr", "customXmlPr", "smartTagPr",
            )
        )  # fmt: skip
        # Run children holding drawings and text boxes: their w:p count, their text does not.
        self.run_objects = frozenset({w("drawing"), w("pict"), w("object"), self.alternate, w("txbxContent")})
        # Block-level elements without paragraphs inside.
        self.block_skip = frozenset(
            w(x)
            for x in (
                "sectPr", "tblPr", "tblGrid", "trPr", "tcPr", "sdtPr", "sdtEndPr",
                "customXmlPr", "bookmarkStart", "bookmarkEnd", "proofErr", "permStart",
                "permEnd", "commentRangeStart", "commentRangeEnd", "tblPrEx",
            )
        )  # fmt: skip
