"""The package as the DOCX reader's walk needs it: relationships, content hashes, notes.

Takes an open `OoxmlPackage` and its main part; hands on, each computed once when first
asked, the relationships of a part, the SHA-256 of a part (media, objects) and the parsed
footnote and endnote parts with their notes by id, in the main part's WordprocessingML
namespace. Reads only; never decompresses a part nobody asks for.
"""

from __future__ import annotations

from lxml import etree

from draftkit.readers.docx_text import unify_namespaces
from draftkit.readers.safezip import OoxmlPackage, Relationship


class Parts:
    """The package as the walker needs it while reading: relationships of a part, content
    hashes of media and objects (each computed once), and the footnote/endnote parts."""

    def __init__(self, package: OoxmlPackage, main: str, ns: str) -> None:
        self.package = package
        self.main = main
        self.ns = ns
        self._rels: dict[str, dict[str, Relationship]] = {}
        self._digests: dict[str, str] = {}
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
