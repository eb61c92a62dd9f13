"""The package as the DOCX reader's walk needs it: relationships, content hashes, notes.

Takes an open `OoxmlPackage` and its main part; hands on, each computed once when first
asked, the relationships of a part, the SHA-256 of a part (media, objects) and the parsed
footnote and endnote parts with their notes by id, in the main part's WordprocessingML
namespace, and the value a content control's data binding shows (`bound_value`: the custom
XML part or document properties it names, its XPath evaluated there). Reads only; never
decompresses a part nobody asks for.
"""

from __future__ import annotations

import re

from lxml import etree

from draftkit.errors import DraftkitError
from draftkit.model.placeholders import hashed, linked, missing
from draftkit.readers.docx_objects import with_article
from draftkit.readers.docx_tags import Tags
from draftkit.readers.docx_text import diagram_digest, quote, unify_namespaces
from draftkit.readers.safezip import OoxmlPackage, Relationship

# Word's built-in data stores (the core and extended properties); the others are custom XML
# parts (the cover page properties among them), found by their itemProps' itemID.
_BUILT_IN_STORES = {
    "{6C3C8BC8-F283-45AE-878A-BAB7291924A1}": "docProps/core.xml",
    "{6668398D-A668-4E3E-A5EB-62B293D839F1}": "docProps/app.xml",
}
_ITEM_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/customXml}itemID"
_PREFIX = re.compile(r"""xmlns:([\w.-]+)\s*=\s*(?:'([^']*)'|"([^"]*)")""")
_MAX_XPATH = 2000  # characters: a data binding's path is a few steps


class Parts:
    """The package as the walker needs it while reading: relationships of a part, content
    hashes of media and objects (each computed once), and the footnote/endnote parts."""

    def __init__(self, package: OoxmlPackage, main: str, ns: str) -> None:
        self.package = package
        self._rels: dict[str, dict[str, Relationship]] = {}
        self._digests: dict[str, str] = {}
        self._stores: dict[str, str] | None = None  # data store id → part, made when first asked
        self._store_roots: dict[str, etree._Element | None] = {}
        self.notes: dict[str, tuple[str, dict[str, etree._Element]]] = {}
        for kind in ("footnotes", "endnotes"):
            part = package.related_part(main, kind)
            if part is None:
                continue
            root = package.parse_part(part)
            unify_namespaces(root, ns)
            t_id = f"{{{ns}}}id"
            singular = kind[:-1]
            notes = {n.get(t_id) or "": n for n in root.iter(f"{{{ns}}}{singular}")}
            self.notes[singular] = (part, notes)

    def bound_value(self, store: str | None, xpath: str | None, prefixes: str | None) -> str | None:
        """The text a content control bound to the data store `store` at `xpath` shows (Word
        and LibreOffice replace its stored text with it on opening); None where the store, the
        path or a value cannot be found."""
        if not xpath or len(xpath) > _MAX_XPATH:
            return None
        root = self._store((store or "").strip().upper())
        if root is None:
            return None
        namespaces = {
            m.group(1): m.group(2) if m.group(2) is not None else m.group(3) or ""
            for m in _PREFIX.finditer(prefixes or "")
        }
        try:
            found = root.xpath(xpath, namespaces=namespaces)
        except (etree.XPathError, TypeError, ValueError):
            return None
        first: object = found[0] if isinstance(found, list) and found else found
        if isinstance(first, etree._Element):
            return "".join(str(text) for text in first.itertext())
        if isinstance(first, str):
            return first
        return None  # nothing found, a number, a truth value: not a text a control shows

    def binding_note(self, sdt: etree._Element, tags: Tags, stored: str) -> str | None:
        """The warning for a content control bound to the document's data (`w:dataBinding`)
        whose bound value, which Word and LibreOffice show in its place, is not its stored
        text `stored` (the text compared); None where they agree or nothing is bound."""
        props = sdt.find(tags.sdtPr)
        binding = props.find(tags.dataBinding) if props is not None else None
        if binding is None:
            return None
        bound = self.bound_value(
            binding.get(tags.storeItemID), binding.get(tags.xpath), binding.get(tags.prefixMappings)
        )
        if bound is None or " ".join(bound.split()) == " ".join(stored.split()):
            return None
        return (
            f"a content control bound to the document's data (w:dataBinding) shows {quote(bound)} in"
            f" Word and LibreOffice; its stored text {quote(stored)} is what is compared"
        )

    def _store(self, store: str) -> etree._Element | None:
        if self._stores is None:
            self._stores = dict(_BUILT_IN_STORES)
            for name in self.package.names:
                lower = name.lower()
                if not lower.startswith("customxml/") or "itemprops" in lower or not lower.endswith(".xml"):
                    continue
                for rel in self.package.relationships(name):
                    if (
                        rel.external
                        or not rel.kind.endswith("customXmlProps")
                        or not self.package.has(rel.target)
                    ):
                        continue
                    try:
                        item_id = self.package.parse_part(rel.target).get(_ITEM_ID)
                    except (DraftkitError, etree.LxmlError):
                        continue
                    if item_id:
                        self._stores.setdefault(item_id.strip().upper(), name)
        part = self._stores.get(store)
        if part is None or not self.package.has(part):
            return None
        if part not in self._store_roots:
            try:
                self._store_roots[part] = self.package.parse_part(part)
            except (DraftkitError, etree.LxmlError):
                self._store_roots[part] = None
        return self._store_roots[part]

    def relationship(self, source: str, rel_id: str | None) -> Relationship | None:
        """The relationship `rel_id` of part `source`, if there is one."""
        if not rel_id:
            return None
        rels = self._rels.get(source)
        if rels is None:
            rels = {rel.rel_id: rel for rel in self.package.relationships(source)}
            self._rels[source] = rels
        return rels.get(rel_id)

    def digest(self, part: str) -> str:
        """The first 8 hex digits of a part's SHA-256."""
        found = self._digests.get(part)
        if found is None:
            found = self.package.digest(part)[:8]
            self._digests[part] = found
        return found


def embedded(parts: Parts | None, source: str, rel_id: str | None, kind: str) -> tuple[str, str]:
    """(placeholder, description) of the part `source`'s relationship `rel_id` names: its kind
    and content hash, or that it is linked or missing (a DOCX reader's placeholder)."""
    rel = parts.relationship(source, rel_id) if parts else None
    if rel is None or parts is None:
        return missing(kind), f"{with_article(kind)} whose part is missing"
    if rel.external:
        return linked(kind, rel.target), f"a linked {kind} ({rel.target}) outside the file"
    if not parts.package.has(rel.target):
        return missing(kind), f"{with_article(kind)} whose part is missing"
    if kind == "diagram":  # by its data, not by the id its cached drawing has
        digest = diagram_digest(parts.package.read(rel.target))[:8]
    else:
        digest = parts.digest(rel.target)
    return hashed(kind, digest), f"an embedded {kind} (sha256:{digest})"
