"""Objects and table rows named as what they are (issue 12, item 4): "Image added in Annex
II(3)", "Row added to the table in Article 4", "Chart changed in Article 2 (content hash …)".

The reader shows an object in a provision's text as a placeholder (`⟦image sha256:…⟧`,
`⟦equation: …⟧`, `⟦Footnote: …⟧`, `⟦object⟧` …) and each table cell's paragraphs as lines;
the word diff and the rules see only characters there. Takes a flagged `Comparison` and
hands it on with, on each change:

* a flag per object added, removed or changed (same kind on both sides, other content hash
  or text), counted as multisets of placeholders: an object that only moved inside the
  provision is no change;
* a flag per table row added, removed or changed, the rows read again from the source DOCX
  (a row's lines are its cells' paragraphs as the reader shows them) and found as
  consecutive lines of the provision's text;
* the number flags the rules raised on the hex digits of a content hash ("Number removed:
  '3fd'") taken off: they are artefacts of the placeholder, which this module names.

Severity: medium in a provision whose category weighs at least `HEAVY_WEIGHT`, else low.
Guarantees: never changes what changed; only adds flags, bar the hash artefacts above.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from draftkit.compare.changes import Change, Comparison, Flag, Severity
from draftkit.model import Draft, Provision
from draftkit.model.placeholders import (
    HASH,
    OPEN,
    found_in,
    inner,
    kind_of,
    read_hashed,
    read_labelled,
    read_note,
)
from draftkit.readers import View
from draftkit.risk.annotate import HEAVY_WEIGHT
from draftkit.risk.hygiene import category_of
from draftkit.risk.taxonomy import Taxonomy

if TYPE_CHECKING:  # lxml is loaded only to read a DOCX's tables again: a text diff never does
    from lxml import etree

Row = tuple[str, ...]
T = TypeVar("T", str, Row)


def placeholders(text: str) -> list[str]:
    """The outermost `⟦…⟧` placeholders of a text, in order, without their brackets (a
    footnote holding an image is one placeholder)."""
    return [inner(p) for p in found_in(text)]


def _labelled(placeholder: str) -> tuple[str, str] | None:
    """(kind, text) of a placeholder that holds text: a note, an equation, a text box, ruby
    (WordArt is quoted as an object: '⟦WordArt: …⟧')."""
    if (note := read_note(placeholder)) is not None:
        return note
    if (labelled := read_labelled(placeholder)) is not None and labelled[0] != "WordArt":
        return labelled
    return None


def _shown(placeholder: str) -> str:
    """The evidence quoted for a placeholder: a note's or equation's text, else the placeholder."""
    if (labelled := _labelled(placeholder)) is not None:
        return " ".join(labelled[1].split())
    return placeholder


def _change_of(old: str, new: str) -> str:
    old_hash, new_hash = read_hashed(old), read_hashed(new)
    if old_hash is not None and new_hash is not None:
        return f" (content hash {old_hash[1]} → {new_hash[1]})"
    return ""


def _object_findings(change: Change, where: str) -> list[tuple[str, str, str]]:
    """(message, old, new) per object added, removed or changed in this change."""
    if OPEN not in change.old_text and OPEN not in change.new_text:
        return []  # no placeholder on either side (most changes)
    old = Counter(found_in(change.old_text)) if change.old else Counter[str]()
    new = Counter(found_in(change.new_text)) if change.new else Counter[str]()
    # Each placeholder once per occurrence one side has more of, in text order.
    removed = _surplus(found_in(change.old_text), old - new) if change.old else []
    added = _surplus(found_in(change.new_text), new - old) if change.new else []
    whole = change.old_text if change.kind == "deleted" else change.new_text
    if change.kind in ("added", "deleted") and removed + added == [whole.strip()]:
        return []  # a paragraph that is only the object: "Paragraph deleted: '⟦image …⟧'" names it
    out: list[tuple[str, str, str]] = []
    for kind in dict.fromkeys(kind_of(p) for p in removed + added):
        gone = [p for p in removed if kind_of(p) == kind]
        came = [p for p in added if kind_of(p) == kind]
        name = kind[0].upper() + kind[1:]
        for before, after in zip(gone, came, strict=False):
            message = f"{name} changed {where}{_change_of(before, after)}"
            out.append((message, _shown(before), _shown(after)))
        for before in gone[len(came) :]:
            out.append((f"{name} removed {where.replace('in ', 'from ', 1)}", _shown(before), ""))
        for after in came[len(gone) :]:
            out.append((f"{name} added {where}", "", _shown(after)))
    return out


def _surplus(found: list[T], counts: Counter[T]) -> list[T]:
    """`found` cut down to `counts[p]` occurrences of each item, in order."""
    left = Counter(counts)
    out: list[T] = []
    for p in found:
        if left[p] > 0:
            out.append(p)
            left[p] -= 1
    return out


def table_rows(
    draft: Draft, view: View = "accept", changed: Collection[Provision] | None = None
) -> list[Row]:
    """Each table row of a DOCX draft as the lines the reader shows for it (its cells'
    paragraphs with text; () for a row without text), in document order; [] for other formats, a draft without tables,
    a source file changed or gone since it was read, or when none of the `changed`
    provisions (all if None) has a paragraph in a table — the draft is then not read again."""
    source = draft.source
    if source is None or source.format != "docx":
        return []  # before the DOCX reader is imported: a text diff never loads it (nor lxml)
    if source.tables is False:
        return []  # the reader saw no table in the body: the file is not opened again for none
    from draftkit.errors import DraftkitError, Where
    from draftkit.readers.docx import read_docx_blocks
    from draftkit.readers.docx_text import may_hold_table
    from draftkit.readers.safezip import open_package, parse_xml

    path = Path(source.path)
    try:
        if hashlib.sha256(path.read_bytes()).hexdigest() != source.sha256:
            return []
        with open_package(path) as package:
            name = package.main_document_part()
            data = package.read(name)
        if not may_hold_table(data):
            return []  # most drafts: the part is not parsed again only to find no table in it
        document = parse_xml(data, Where(f"{path}: {name}"))
        ns = document.tag[1:].partition("}")[0] if isinstance(document.tag, str) else ""
        body = document.find(f"{{{ns}}}body")
        if body is None or next(body.iter(f"{{{ns}}}tbl"), None) is None:
            return []
        row_of: dict[int, int] = {}
        rows: dict[etree._Element, int] = {}  # a w:tr (held: lxml proxies die) → its number
        for index, p in enumerate(body.iter(f"{{{ns}}}p"), 1):
            tr = next(p.iterancestors(f"{{{ns}}}tr"), None)
            if tr is not None:
                row_of[index] = rows.setdefault(tr, len(rows))
        if changed is not None and not _touches(draft, changed, row_of.keys()):
            return []
        blocks = read_docx_blocks(path, view).blocks
    except (DraftkitError, OSError):
        return []
    lines: dict[int, list[str]] = {}
    for block in blocks:
        number = row_of.get(block.location.paragraph or 0)
        if number is not None:
            text = f"{block.auto_label} {block.text}" if block.auto_label else block.text
            lines.setdefault(number, []).extend(" ".join(line.split()) for line in text.split("\n"))
    return [tuple(line for line in lines.get(n, ()) if line) for n in sorted(set(row_of.values()))]


def _touches(draft: Draft, changed: Collection[Provision], paragraphs: Collection[int]) -> bool:
    """Whether a changed provision's paragraphs (from its first to the next provision's, in
    document order) include one of `paragraphs`; True where a location is missing."""
    starts = sorted(
        (p.location.paragraph, p.eid) for p in draft.walk() if p.location and p.location.paragraph
    )
    if any(not (p.location and p.location.paragraph) for p in changed):
        return True
    ends = {eid: (starts[k + 1][0] if k + 1 < len(starts) else 1 << 62) for k, (_, eid) in enumerate(starts)}
    ranges = [
        (p.location.paragraph, ends.get(p.eid, 1 << 62))
        for p in changed
        if p.location and p.location.paragraph
    ]
    inside = sorted(paragraphs)
    for start, end in ranges:
        k = bisect.bisect_left(inside, start)
        if k < len(inside) and inside[k] < end:
            return True
    return False


def _rows_in(text: str, rows: dict[str, list[Row]]) -> list[Row]:
    """The rows (by their first line) that stand as consecutive lines of `text`, in order."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out: list[Row] = []
    i = 0
    while i < len(lines):
        for row in rows.get(lines[i], ()):
            if tuple(lines[i : i + len(row)]) == row:
                out.append(row)
                i += len(row)
                break
        else:
            i += 1
    return out


def _whole_row(budget: Counter[str], kind: str) -> str:
    """'Row removed from' — or, while the other draft has more rows without text than this
    one, 'Row emptied in' (its text went, an empty row stayed): `budget` counts them down."""
    if budget[kind] > 0:
        budget[kind] -= 1
        return "Row emptied in" if kind == "deleted" else "Row filled in (it was empty) in"
    return "Row removed from" if kind == "deleted" else "Row added to"


def _row_findings(
    change: Change,
    where: str,
    old_rows: dict[str, list[Row]],
    new_rows: dict[str, list[Row]],
    budget: Counter[str],
) -> list[tuple[str, str, str]]:
    """(message, old, new) per table row added, removed or changed in this change."""
    if not old_rows and not new_rows:
        return []
    before = _rows_in(change.old_text, old_rows) if change.old and old_rows else []
    after = _rows_in(change.new_text, new_rows) if change.new and new_rows else []
    gone = _surplus(before, Counter(before) - Counter(after))
    came = _surplus(after, Counter(after) - Counter(before))
    out: list[tuple[str, str, str]] = []
    table = f"the table {where}"
    for old, new in zip(gone, came, strict=False):
        out.append((f"Row changed in {table}", " | ".join(old), " | ".join(new)))
    for old in gone[len(came) :]:
        out.append((f"{_whole_row(budget, 'deleted')} {table}", " | ".join(old), ""))
    for new in came[len(gone) :]:
        out.append((f"{_whole_row(budget, 'added')} {table}", "", " | ".join(new)))
    return out


def _by_first_line(rows: list[Row]) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = {}
    for row in sorted({r for r in rows if r}, key=lambda r: (-len(r), r)):  # longest first: the fullest match
        out.setdefault(row[0], []).append(row)
    return out


def _kept(change: Change) -> tuple[Flag, ...]:
    """The change's flags less the number flags raised on the hex digits of a content hash.
    The texts are searched once per change, not once per flag: a long table's provision can
    carry thousands of number flags."""
    if not any(flag.rule == "number" for flag in change.flags):
        return change.flags
    digests = " ".join(HASH.findall(change.old_text + " " + change.new_text))
    if not digests:
        return change.flags
    text = HASH.sub("#", change.old_text + "\n" + change.new_text)
    return tuple(f for f in change.flags if not _artefact(f, digests, text))


def _artefact(flag: Flag, digests: str, text: str) -> bool:
    """A number flag raised on the hex `digests` of a content hash, not on the `text` (the
    change's texts with their hashes taken out)."""
    if flag.rule != "number":
        return False
    quotes = [" ".join(q.split()) for q in (flag.old, flag.new) if q.strip()]

    def alone(part: str) -> bool:  # as a token of the text, not inside '600,000'
        return re.search(rf"(?<![0-9A-Za-z]){re.escape(part)}(?![0-9A-Za-z])", text) is not None

    return bool(quotes) and all(
        all(part in digests and not alone(part) for part in quote.split()) for quote in quotes
    )


def _category(change: Change) -> str:
    return change.flags[0].category if change.flags else category_of(change)


def _spanning(
    changes: tuple[Change, ...], kind: str, rows: list[Row], other: Counter[Row], budget: Counter[str]
) -> dict[int, list[tuple[str, str, str]]]:
    """Rows wholly removed (`kind` "deleted") or added whose cells are provisions of their
    own, inside one run of consecutive such changes: (message, old, new) by the index of the
    first change the row's lines are in. The lines are matched as a multiset — which of
    several same-text paragraphs alignment left unpaired is arbitrary, so their order in the
    run need not be the row's. A row the other draft has as often is no change (it moved)."""
    out: dict[int, list[tuple[str, str, str]]] = {}
    if not rows:
        return out
    found: Counter[Row] = Counter()
    # Rows by their first line: a run is checked only against the rows whose first line it
    # holds (all rows per run was runs × rows: minutes on a table of thousands of rows).
    by_first: dict[str, list[int]] = {}
    for k, row in enumerate(rows):
        if len(row) >= 2:
            by_first.setdefault(row[0], []).append(k)
    i = 0
    while i < len(changes):
        if changes[i].kind != kind:
            i += 1
            continue
        where: dict[str, list[int]] = {}  # line → the changes it is in, in order
        while i < len(changes) and changes[i].kind == kind:
            change = changes[i]
            heading = change.old_heading if kind == "deleted" else change.new_heading
            text = change.old_text if kind == "deleted" else change.new_text
            for line in f"{heading or ''}\n{text}".split("\n"):  # a short cell can read as a heading
                if line.strip():
                    where.setdefault(" ".join(line.split()), []).append(i)
            i += 1
        for k in sorted(k for line in where for k in by_first.get(line, ())):
            row = rows[k]
            need = Counter(row)
            if len(row) < 2 or any(len(where.get(line, ())) < n for line, n in need.items()):
                continue
            owners = sorted(where[line][k] for line, n in need.items() for k in range(n))
            if owners[0] == owners[-1]:
                continue  # within one provision: `_row_findings` names it
            for line, n in need.items():
                del where[line][:n]
            found[row] += 1
            if found[row] <= other[row]:
                continue
            span = f"in {changes[owners[0]].cite} to {changes[owners[-1]].cite}"
            cells = " | ".join(row)
            said = f"{_whole_row(budget, kind)} the table {span}"
            out.setdefault(owners[0], []).append(
                (said, cells, "") if kind == "deleted" else (said, "", cells)
            )
    return out


def check_objects(comparison: Comparison, taxonomy: Taxonomy, *, view: View = "accept") -> Comparison:
    """The comparison with a flag on every change that adds, removes or changes an object
    (image, chart, equation, note …) or a table row, located by the change's citation."""
    if all(change.kind == "unchanged" for change in comparison.changes):
        return comparison
    changed = [c for c in comparison.changes if c.kind != "unchanged"]
    old_rows = table_rows(comparison.old, view, [p for c in changed for p in c.old])
    new_rows = table_rows(comparison.new, view, [p for c in changed for p in c.new])
    # A row one side lost may stay on the other, empty, outside any changed provision.
    if old_rows and not new_rows:
        new_rows = table_rows(comparison.new, view)
    elif new_rows and not old_rows:
        old_rows = table_rows(comparison.old, view)
    tables = (_by_first_line(old_rows), _by_first_line(new_rows))
    empty = new_rows.count(()) - old_rows.count(())
    budget = Counter({"deleted": max(empty, 0), "added": max(-empty, 0)})
    spanning = _spanning(comparison.changes, "deleted", old_rows, Counter(new_rows), budget)
    for index, found in _spanning(comparison.changes, "added", new_rows, Counter(old_rows), budget).items():
        spanning.setdefault(index, []).extend(found)
    changes: list[Change] = []
    for index, change in enumerate(comparison.changes):
        if change.kind == "unchanged" or (change.old_text == change.new_text and change.old and change.new):
            changes.append(change)
            continue
        where = f"in {change.cite}" if change.cite else "in the text"
        found = (
            _object_findings(change, where)
            + _row_findings(change, where, *tables, budget)
            + spanning.get(index, [])
        )
        kept = _kept(change)
        if not found and len(kept) == len(change.flags):
            changes.append(change)
            continue
        category = _category(change)
        severity: Severity = "medium" if taxonomy.weight(category) >= HEAVY_WEIGHT else "low"
        extra = tuple(
            Flag(
                "table-row" if message.startswith("Row ") else "object", category, severity, message, old, new
            )
            for message, old, new in found
        )
        changes.append(replace(change, flags=(*kept, *extra)))
    return replace(comparison, changes=tuple(changes))
