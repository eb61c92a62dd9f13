"""Draft ⇄ draftkit XML (Akoma Ntoso naming), with a hardened parser.

The XML holds everything the model holds, so `from_xml(to_xml(d)) == d`.
"""

from __future__ import annotations

from lxml import etree

from draftkit.errors import InputError, LimitError, Where, display_name
from draftkit.model.draft import KINDS, Draft, Kind, Location, Provision, Source, SourceFormat
from draftkit.resources import schema_bytes

NS = "https://draftkit.dev/ns/draft/1"
_Q = "{" + NS + "}"
_KIND_SET: frozenset[str] = frozenset(KINDS)
_FORMATS: frozenset[str] = frozenset({"docx", "odt", "pdf", "text", "markdown", "xml"})


# "<!DOCTYPE" in every encoding libxml2 detects by itself: a DOCTYPE hidden after a long
# comment or in a UTF-16 part is still found.
_DOCTYPE_MARKS = tuple(
    "<!DOCTYPE".encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)
DOCTYPE_REFUSED = "XML with a DOCTYPE is refused (its entities could expand without bound or read files)"


def hardened_parser() -> etree.XMLParser:
    """A parser that resolves no entities, loads no DTD and reaches no network."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, dtd_validation=False
    )


def parse_untrusted(data: bytes, where: Where | str) -> etree._Element:
    """Parse XML from an untrusted file: no DOCTYPE at all (so no entity of any kind), no
    network, libxml2's default size and depth limits. Every failure is an `InputError`
    (a `LimitError` for the limits) with a one-line message."""
    # Every mark holds a "!": a part without one (most) is not searched five times over.
    if b"!" in data and any(mark in data for mark in _DOCTYPE_MARKS):
        raise InputError(DOCTYPE_REFUSED, where)
    try:
        root = etree.fromstring(data, hardened_parser())
    except etree.XMLSyntaxError as exc:
        message = str(exc.msg or exc).splitlines()[0] if str(exc.msg or exc) else "syntax error"
        if "XML_PARSE_HUGE" in message or "Resource limit" in message or "amplification" in message:
            raise LimitError(f"XML over the parser's safety limits ({message})", where) from None
        raise InputError(f"not well-formed XML ({message})", where) from None
    except ValueError as exc:  # lxml refuses some inputs before libxml2 sees them
        raise InputError(f"not well-formed XML ({exc})", where) from None
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.doctype:
        raise InputError(DOCTYPE_REFUSED, where)
    return root


def _paragraphs(parent: etree._Element, tag: str, text: str) -> None:
    box = etree.SubElement(parent, _Q + tag)
    for line in text.split("\n"):
        etree.SubElement(box, _Q + "p").text = line


def _provision_to_xml(parent: etree._Element, provision: Provision) -> None:
    el = etree.SubElement(parent, _Q + provision.kind)
    el.set("eId", provision.eid)
    if provision.ordinal is not None:
        el.set("ordinal", str(provision.ordinal))
    if provision.guid is not None:
        el.set("GUID", provision.guid)
    if provision.location is not None:
        if provision.location.paragraph is not None:
            el.set("paragraph", str(provision.location.paragraph))
        if provision.location.line is not None:
            el.set("line", str(provision.location.line))
    if provision.num is not None:
        etree.SubElement(el, _Q + "num").text = provision.num
    if provision.heading is not None:
        etree.SubElement(el, _Q + "heading").text = provision.heading
    if provision.children:
        if provision.text:
            _paragraphs(el, "intro", provision.text)
        for child in provision.children:
            _provision_to_xml(el, child)
    else:
        _paragraphs(el, "content", provision.text)


def to_xml_element(draft: Draft) -> etree._Element:
    """The draft as an lxml element tree (root `draft`)."""
    root = etree.Element(_Q + "draft", nsmap={None: NS})  # type: ignore[dict-item]  # lxml-stubs: default ns
    if draft.source is not None:
        root.set("source", display_name(draft.source.path))  # undecodable name bytes as \\xff
        root.set("sha256", draft.source.sha256)
        root.set("format", draft.source.format)
    for key, value in draft.meta:
        meta = etree.SubElement(root, _Q + "meta")
        meta.set("name", key)
        meta.text = value
    if draft.title is not None:
        etree.SubElement(root, _Q + "title").text = draft.title
    if draft.preamble:
        preamble = etree.SubElement(root, _Q + "preamble")
        for line in draft.preamble:
            etree.SubElement(preamble, _Q + "p").text = line
    body = etree.SubElement(root, _Q + "body")
    for provision in draft.provisions:
        _provision_to_xml(body, provision)
    return root


def to_xml(draft: Draft) -> bytes:
    """Serialise a draft as UTF-8 draftkit XML."""
    return etree.tostring(to_xml_element(draft), xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _text(el: etree._Element | None) -> str:
    return "" if el is None or el.text is None else str(el.text)


def _joined(box: etree._Element | None) -> str:
    if box is None:
        return ""
    return "\n".join(_text(p) for p in box.iterfind(_Q + "p"))


def _int(value: str | None) -> int | None:
    return int(value) if value is not None else None


def _provision_from_xml(el: etree._Element) -> Provision:
    kind = etree.QName(el).localname
    num = el.find(_Q + "num")
    heading = el.find(_Q + "heading")
    text = _joined(el.find(_Q + "intro")) or _joined(el.find(_Q + "content"))
    children = tuple(
        _provision_from_xml(child)
        for child in el
        if isinstance(child.tag, str) and etree.QName(child).localname in _KIND_SET
    )
    paragraph, line = _int(el.get("paragraph")), _int(el.get("line"))
    location = Location(paragraph, line) if paragraph is not None or line is not None else None
    return Provision(
        kind=_as_kind(kind),
        num=_text(num) if num is not None else None,
        ordinal=_int(el.get("ordinal")),
        heading=_text(heading) if heading is not None else None,
        text=text,
        children=children,
        eid=el.get("eId") or "",
        guid=el.get("GUID"),
        location=location,
    )


def _as_kind(name: str) -> Kind:
    for kind in KINDS:
        if kind == name:
            return kind
    raise InputError(f"unknown provision element <{name}>")


def _as_format(name: str) -> SourceFormat:
    match name:
        case "docx" | "odt" | "pdf" | "text" | "markdown" | "xml":
            return name
    raise InputError(f"unknown source format {name!r}")


def relaxng() -> etree.RelaxNG:
    """The RelaxNG schema of draftkit XML, shipped in the package."""
    data = schema_bytes("draft.rng")
    return etree.RelaxNG(etree.fromstring(data, hardened_parser()))


def from_xml(data: bytes, *, source: str = "<xml>", validate: bool = True) -> Draft:
    """Parse draftkit XML (untrusted: no entities, no DTD, no network) into a Draft."""
    root = parse_untrusted(data, source)
    if root.tag != _Q + "draft":
        raise InputError(f"not draftkit XML (root element {etree.QName(root).localname!r})", source)
    if validate:
        schema = relaxng()
        if not schema.validate(root):
            error = schema.error_log.last_error
            where = f"line {error.line}: " if error is not None else ""
            message = error.message if error is not None else "invalid"
            raise InputError(f"draftkit XML does not match draft.rng: {where}{message}", source)
    src: Source | None = None
    if root.get("source") is not None:
        src = Source(
            root.get("source") or "", root.get("sha256") or "", _as_format(root.get("format") or "xml")
        )
    meta = tuple((m.get("name") or "", _text(m)) for m in root.iterfind(_Q + "meta"))
    title_el = root.find(_Q + "title")
    preamble_el = root.find(_Q + "preamble")
    preamble = tuple(_text(p) for p in preamble_el.iterfind(_Q + "p")) if preamble_el is not None else ()
    body = root.find(_Q + "body")
    try:
        provisions = tuple(_provision_from_xml(el) for el in body) if body is not None else ()
    except ValueError:  # int() refuses numbers of over 4,300 digits, which the schema allows
        raise InputError("a number in the XML is too long to be an ordinal or a position", source) from None
    return Draft(
        title=_text(title_el) if title_el is not None else None,
        preamble=preamble,
        provisions=provisions,
        source=src,
        meta=meta,
    )
