"""Table rows in the redline: a row the new draft added is tracked as an inserted row, one the
old draft had and the new one lost comes back as a deleted row.

Takes the written document (after every action), the old provisions each `ShowOld` wrote as
deleted paragraphs and those paragraphs, the comparison (which old provision became which
new one) and the `Carrier` (the old package); edits the document in place. Guarantees:

* a row whose every paragraph is wholly inserted or moved there (or empty) gets `w:trPr/w:ins`: rejected,
  the row goes, not only its text (an inserted table: all its rows);
* old rows whose every paragraph with text belongs to deleted provisions, shown by `ShowOld`
  as loose paragraphs, are put back as rows instead: a copy of the old `w:tr` (its images,
  notes and relationships carried as `carry` does) with `w:trPr/w:del`, every run deleted and
  every paragraph mark deleted, after the new row that holds the old row before it (or
  before the one that holds the row after it); a table deleted whole (its rows' loose
  paragraphs one run) comes back whole (its rows without text too, where the new draft has
  fewer tables: a table the text moved out of). The loose paragraphs go, and a comment
  anchored on them moves to the restored rows. Where no place can be found, or only one
  across old text, or a deleted provision also has text outside those rows, the loose
  paragraphs stay (reject-all still gives the old text, not the old table shape). Text
  shown as moved from there (`moves=True`) comes back the same way, its move made a deletion
  and an insertion (LibreOffice keeps a deleted row on accepting when moved-from text is in it);
* a loose paragraph the writer put in a table cell (beside the new provision before it) whose
  old text stood outside tables goes out of the table, before it or after it (after it with
  the loose paragraphs after it in the table; where old text kept there follows it, it
  stays): a provision moved into a table comes back outside it on reject-all, and the row it
  filled, its other cells empty, is an inserted row.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence

from lxml import etree

from draftkit.model.placeholders import labelled
from draftkit.readers.docx_text import math_text
from draftkit.render.redline.carry import Carrier
from draftkit.render.redline.layout import ZERO_WIDTH
from draftkit.render.redline.package import Comment
from draftkit.render.wml import (
    MATH_TAGS,
    SHOWN,
    W_INS,
    W_P,
    W_PPR,
    W_R,
    W_RPR,
    W_SECTPR,
    W_T,
    Revision,
    RevisionIds,
    mark_paragraph_as,
    paragraph_mark,
    paragraph_text,
    qn,
    revision,
    strip_shown,
    wrap_paragraph,
)
from draftkit.render.wml._ranges import text_atoms

W_TR, W_TBL, W_TRPR, W_TBLPREX = qn("w:tr"), qn("w:tbl"), qn("w:trPr"), qn("w:tblPrEx")
W_TC = qn("w:tc")
_W_DEL = qn("w:del")
W_MOVEFROM = qn("w:moveFrom")
_DELETED_TEXT = {W_T: qn("w:delText"), qn("w:instrText"): qn("w:delInstrText")}
_DEL_TEXT = qn("w:delText")
_W_COMMENT_REF = qn("w:commentReference")
_W_MOVETO = qn("w:moveTo")
_MOVE_FROM_START, _MOVE_FROM_END = qn("w:moveFromRangeStart"), qn("w:moveFromRangeEnd")
_MOVE_TO_START, _MOVE_TO_END = qn("w:moveToRangeStart"), qn("w:moveToRangeEnd")
_W_NAME = qn("w:name")


def row_mark(tr: etree._Element, kind: str, ids: RevisionIds, rev: Revision) -> None:
    """Mark row `tr` as inserted or deleted (`w:trPr/w:ins|w:del`)."""
    trpr = tr.find(W_TRPR)
    if trpr is None:
        trpr = etree.Element(W_TRPR)
        at = 1 if len(tr) and tr[0].tag == W_TBLPREX else 0
        tr.insert(at, trpr)
    mark = revision("ins" if kind == "ins" else "del", [], ids, rev)
    trpr.append(mark)


def row_marked(tr: etree._Element) -> bool:
    """Whether row `tr` is itself tracked (inserted or deleted)."""
    trpr = tr.find(W_TRPR)
    return trpr is not None and (trpr.find(W_INS) is not None or trpr.find(_W_DEL) is not None)


def mark_inserted_rows(document: etree._Element, ids: RevisionIds, rev: Revision) -> None:
    """Every row whose paragraphs are all wholly inserted (or empty and unmarked), one at least
    inserted, is tracked as an inserted row."""
    # A paragraph in nested tables is in every row around it: its kind is found once (a
    # row's mark, added here, changes no paragraph's kind), or tables nested 80 deep around
    # 20,000 paragraphs cost 1.6 million looks and a minute.
    known: dict[etree._Element, str] = {}
    for tr in document.iter(W_TR):
        if row_marked(tr):
            continue
        inserted = False
        for p in tr.iter(W_P):
            kind = known.get(p)
            if kind is None:
                kind = known[p] = _inserted(p)
            if kind == "other":
                break
            inserted = inserted or kind == "ins"
        else:
            if inserted:
                row_mark(tr, "ins", ids, rev)


def _inserted(p: etree._Element) -> str:
    """'ins' for a paragraph wholly inserted or moved here (its mark, or every text it shows: a
    cell's last paragraph has no mark to track), 'empty' for one that shows nothing and is not
    revised, else 'other'."""
    mark = paragraph_mark(p)
    if any(child.tag != W_PPR and next(child.iter(_W_DEL, W_MOVEFROM), None) is not None for child in p):
        return "other"  # old text stands in it too
    atoms = text_atoms(p)
    if mark in ("ins", "moveTo") or (
        mark is None and atoms and all(_inside_insertion(a.run, p) for a in atoms)
    ):
        return "ins"
    return "empty" if mark is None and not "".join(a.text for a in atoms).strip() else "other"


def _inside_insertion(run: etree._Element, p: etree._Element) -> bool:
    for ancestor in run.iterancestors():
        if ancestor is p:
            return False
        if ancestor.tag in (W_INS, _W_MOVETO):
            return True
    return False


def restore_rows(
    document: etree._Element,
    created: set[etree._Element],
    carrier: Carrier,
    ids: RevisionIds,
    rev: Revision,
    comments: list[Comment],
    outside: Mapping[etree._Element, int] | None = None,
    origins: dict[etree._Element, int] | None = None,
) -> None:
    """Put back as deleted rows the old rows whose text the writer showed as loose deleted (or
    moved-from) paragraphs (`_loose`), matched by their text, objects included; then lift the
    loose paragraphs left in a table out of it where their old text stood outside tables.
    `outside`: paragraphs known to open an old provision that stood outside tables, with the
    number of the old paragraph it started at, matched to no row (a deleted paragraph whose
    text a table's cells repeat stays a paragraph);
    `origins`: paragraphs known to open an old provision in a table cell, with the number of
    the old paragraph it started at, matched to no other row (another table's row of the
    same text is not theirs)."""
    marked = _marked_gone(document)
    if not marked:
        return
    loose = [p for p in _in_document_order(marked, document) if _loose(p, created)]
    if not loose:
        return
    in_tables = any(_outermost(p, W_TBL) is not None for p in loose)
    if not in_tables and not carrier.loaded and not carrier.may_hold_tables():
        return  # no old table to restore, no loose paragraph in a table to lift: the old file unread
    carrier.load()
    old_paragraphs = carrier.paragraphs
    old_tables = _tables(old_paragraphs)
    fewer_tables = bool(old_tables) and len(_tables(list(document.iter(W_P)))) < len(old_tables)
    outside = outside or {}
    keys = [_NO_ROW if p in outside else deleted_key(p) for p in loose]
    homes = [
        _home(p, key, (origins or {}).get(p), old_paragraphs) for p, key in zip(loose, keys, strict=True)
    ]
    used: set[int] = set()
    placed_after: dict[etree._Element, etree._Element] = {}  # new row → last row put after it
    shell: etree._Element | None = None
    for table in old_tables:
        restored: dict[int, etree._Element] = {}  # old row → its deleted copy, placed
        rows = [tr for tr in table if tr.tag == W_TR]
        row_keys = [[k for k in (_key(paragraph_text(p)) for p in tr.iter(W_P)) if k] for tr in rows]
        # Each row takes its loose paragraphs before the next row looks: rows of the same text
        # (a repeated row) take a run each, not all the first one (HW002: 38 rows restored).
        found: list[list[int] | None] = []
        for tr, wanted in zip(rows, row_keys, strict=True):
            found.append(_find(keys, used, wanted, homes, tr))
            used.update(found[-1] or ())
        pending = {loose[i] for spot in found for i in spot or ()}  # to go into restored rows
        # A table gone whole (the text of all its rows loose outside any table, in one run)
        # comes back whole; with rows without text too where the new draft has fewer tables.
        first = next((spot for spot in found if spot), None)
        taken = [i for spot in found for i in spot or ()]
        whole = (
            first is not None
            and (
                all(found)
                or (fewer_tables and all(spot or not w for spot, w in zip(found, row_keys, strict=True)))
            )
            and taken == list(range(taken[0], taken[0] + len(taken)))
            and next(loose[first[0]].iterancestors(W_TC), None) is None
        )
        if whole:
            assert first is not None
            shell = copy.deepcopy(table)
            for tr in [tr for tr in shell if tr.tag == W_TR]:
                shell.remove(tr)
            loose[first[0]].addprevious(shell)
        for k, spot in enumerate(found):
            if spot is None and not whole:
                continue
            written = [loose[i] for i in spot or ()]
            twin = _deleted_copy(rows[k], carrier, ids, rev)
            if whole:
                assert shell is not None
                shell.append(twin)
            elif not _place(twin, rows, row_keys, k, written, document, placed_after, restored, pending):
                used.difference_update(spot or ())  # left to another table's row of that text
                continue
            restored[k] = twin
            if any(paragraph_mark(p) == "moveFrom" for p in written):
                _unmove(written, document)
            _replace(written, twin, comments)
    _lift([p for p in loose if p.getparent() is not None], old_paragraphs, {**outside, **(origins or {})})


def _lift(
    loose: list[etree._Element],
    old_paragraphs: Sequence[etree._Element],
    numbers: Mapping[etree._Element, int],
) -> None:
    """Loose paragraphs the writer put in a table cell (beside the new provision before them)
    whose old text stood outside tables go out of the table: before it when nothing the old
    view shows precedes them in it, else after it, with what the old view shows after them
    in it when that is all loose (else they stay) — so reject-all does not put old body text
    into a table (a provision moved into a table: its old paragraph was placed beside it).
    What the old view shows before them in the table does not keep them in when its old text
    came after theirs (HW002-Table15: the table's first row restored as a deleted row before
    the row holding the deleted paragraph that preceded the table): known where a loose
    paragraph opens an old provision (`numbers`: the old paragraph it started at), else
    where its text first stood in the old document."""
    if all(_outermost(p, W_TBL) is None for p in loose):
        return  # none stands in a table (a draft without tables): nothing to lift
    inside: set[str] = set()
    outside: set[str] = set()
    first_at: dict[str, int] = {}  # old text → where it first stood among the old paragraphs
    keys: list[str] = []
    for n, p in enumerate(old_paragraphs):
        key = _key(paragraph_text(p))
        keys.append(key)
        if key:
            (inside if next(p.iterancestors(W_TC), None) is not None else outside).add(key)
            first_at.setdefault(key, n)

    def old_at(q: etree._Element, key: str) -> int | None:
        """Where loose paragraph `q` stood among the old paragraphs, where it is known."""
        number = numbers.get(q)
        return (
            number - 1 if number is not None and 0 < number <= len(keys) and keys[number - 1] == key else None
        )

    after: dict[etree._Element, etree._Element] = {}  # table → the last paragraph put after it
    gone = set(loose)
    for p in loose:
        table = _outermost(p, W_TBL)
        key = deleted_key(p)
        if table is None or p.getparent() is None or not _stood_outside(key, inside, outside):
            continue
        at = old_at(p, key)
        if not any(
            q is not p and _shows_old(q) and (at is None or _before_old(q, at, old_at, first_at))
            for q in _before_in(table, p)
        ):
            _out(p, table.addprevious)
            continue
        # What the old view shows after it in the table goes out with it, in order (RP051: the
        # cells of a later old table, loose in the same cell); where that is text kept, or a
        # restored row, it stays.
        later = [q for q in _after_in(table, p) if _shows_old(q)]
        if any(q not in gone for q in later):
            continue
        for q in (p, *later):
            _out(q, after.get(table, table).addnext)
            after[table] = q


def _before_old(
    q: etree._Element,
    at: int,
    old_at: Callable[[etree._Element, str], int | None],
    first_at: Mapping[str, int],
) -> bool:
    """Whether the old text paragraph `q` shows in the old view may have stood before old
    paragraph `at`: where `q` stood where that is known, else where its text first stood
    (unknown: it may)."""
    key = _old_key(q)
    where = old_at(q, key)
    return (where if where is not None else first_at.get(key, -1)) <= at


def _old_key(p: etree._Element) -> str:
    """What paragraph `p` shows in the old view, as `_key`: its deleted text where its mark is
    deleted (a restored row's, a loose one), else its text (kept text, deleted words aside)."""
    return deleted_key(p) if paragraph_mark(p) in ("del", "moveFrom") else _key(paragraph_text(p))


def _out(p: etree._Element, put: Callable[[etree._Element], None]) -> None:
    """Paragraph `p` put out of its table cell by `put` (the cell keeps a paragraph)."""
    cell = p.getparent()
    put(p)
    if cell is not None and cell.tag == W_TC and cell.find(W_P) is None:
        cell.append(etree.Element(W_P))  # a cell holds a paragraph at least


def _outermost(p: etree._Element, tag: str) -> etree._Element | None:
    found = None
    for ancestor in p.iterancestors(tag):
        found = ancestor
    return found


def _stood_outside(key: str, inside: set[str], outside: set[str]) -> bool:
    """Whether old text `key` (a typed label may lead it) was a paragraph outside tables only."""
    if not key or key in inside:
        return False
    if key in outside:
        return True
    # "3.Text" written for an old auto-numbered "Text": a label typed before the old text.
    # Looked up by its tails, not by a pass over every old text (20,000 provisions moved into
    # a table were 400 million comparisons).
    tails = [key[i:] for i in range(1, min(len(key), _LABEL_CHARS) + 1)]
    return any(tail in outside for tail in tails) and not any(tail in inside for tail in tails)


_LABEL_CHARS = 16  # the longest typed label taken as leading old text ("Article 12")


def _before_in(table: etree._Element, p: etree._Element) -> list[etree._Element]:
    """The paragraphs of `table` before `p`, in document order."""
    out: list[etree._Element] = []
    for q in table.iter(W_P):
        if q is p:
            break
        out.append(q)
    return out


def _after_in(table: etree._Element, p: etree._Element) -> list[etree._Element]:
    """The paragraphs of `table` after `p`, in document order."""
    out: list[etree._Element] = []
    seen = False
    for q in table.iter(W_P):
        if seen:
            out.append(q)
        seen = seen or q is p
    return out


def _shows_old(p: etree._Element) -> bool:
    """Whether reject-all shows something of `p`: text or an object that was there before."""
    return _inserted(p) == "other"


def _marked_gone(document: etree._Element) -> dict[etree._Element, None]:
    """The paragraphs whose mark may be deleted or moved from (`w:pPr/w:rPr/w:del|w:moveFrom`;
    `_loose` checks), in the order of their marks: only those can be loose. The marks are
    found in one walk of the tree by tag, done by lxml, rather than a look at every
    paragraph's mark in Python."""
    out: dict[etree._Element, None] = {}
    for mark in document.iter(_W_DEL, W_MOVEFROM):
        rpr = mark.getparent()
        ppr = rpr.getparent() if rpr is not None and rpr.tag == W_RPR else None
        p = ppr.getparent() if ppr is not None and ppr.tag == W_PPR else None
        if p is not None and p.tag == W_P:
            out[p] = None
    return out


def _in_document_order(marked: dict[etree._Element, None], document: etree._Element) -> list[etree._Element]:
    """The marked paragraphs in document order. They were found in the order of their marks:
    the same order unless one stands inside another (a text box's), where a mark could come
    before its paragraph's container's — then the paragraphs are walked."""
    if any(next(p.iterancestors(W_P), None) is not None for p in marked):
        return [p for p in document.iter(W_P) if p in marked]
    return list(marked)


def _loose(p: etree._Element, created: set[etree._Element]) -> bool:
    """Whether `p` is a wholly deleted (or moved-from) paragraph the writer made or emptied
    (its new text moved on to a paragraph after it): that mark, nothing shown, no section break."""
    if (
        paragraph_mark(p) not in ("del", "moveFrom")
        or paragraph_text(p)
        or p.find(f"{W_PPR}/{W_SECTPR}") is not None
    ):
        return False
    return p in created or any(e.tag == _DEL_TEXT for e in p.iter())


def _place(
    twin: etree._Element,
    rows: list[etree._Element],
    row_keys: list[list[str]],
    k: int,
    written: list[etree._Element],
    document: etree._Element,
    placed_after: dict[etree._Element, etree._Element],
    restored: dict[int, etree._Element],
    pending: set[etree._Element],
) -> bool:
    """Put deleted row `twin` (old row k) into the new table where its loose paragraphs stand
    (the writer put them in text order): after the old row before it if that was restored
    too; else beside the row they stand in (before it when they open its first cell, else
    after it); else after the table they follow or before the one they precede; else next to
    the new row that holds the nearest kept old row's text (or its first cell: a key column).
    The old row before or after it is the nearest one with text: a row without any (a blank
    row between data and a total) is neither restored nor found in the new table. False when
    there is no such place, or when the place is after the row they stand in and the old view
    shows something after them in that row (`_followed`; `pending` paragraphs go into restored
    rows too): the restored row would follow old text it preceded, and the loose paragraphs,
    left where they are, keep the old text's order."""
    before: etree._Element | None = restored.get(_with_text(row_keys, k, -1))
    after: etree._Element | None = None
    # The row they stand in, in a table as deep as the old row's (WC043: a nested table's
    # row is not put into the table around it).
    depth = _depth(rows[k])
    holder = next((tr for tr in written[0].iterancestors(W_TR) if _depth(tr) == depth), None)
    if before is None and holder is not None and holder.find(f"{W_TRPR}/{_W_DEL}") is None:
        # Its cell in that row (a content control may stand between them).
        cell = next(tc for tc in written[0].iterancestors(W_TC) if next(tc.iterancestors(W_TR)) is holder)
        first_cell = next(holder.iter(W_TC)) is cell
        kept_before = any(
            paragraph_text(q) for q in cell.iter(W_P) if q is not written[0] and _precedes(q, written[0])
        )
        if first_cell and not kept_before:
            after = holder
        elif _followed(holder, written[-1], pending):
            return False
        else:
            before = holder
    elif before is None and holder is None:
        previous, following = _sibling(written[0], -1), _sibling(written[-1], 1)
        if previous is not None and previous.tag == W_TBL and previous.find(W_TR) is not None:
            before = [tr for tr in previous if tr.tag == W_TR][-1]
        elif following is not None and following.tag == W_TBL and following.find(W_TR) is not None:
            after = following.find(W_TR)
        else:
            before, after = _by_neighbours(rows, row_keys, k, restored, document)
            near = placed_after.get(before, before) if before is not None else after
            if near is not None and _crosses(document, written, near, before is not None, pending):
                return False
    if before is not None:
        anchor = placed_after.get(before, before)
        anchor.addnext(twin)
        placed_after[before] = twin
    elif after is not None:
        after.addprevious(twin)
    else:
        return False
    return True


def _depth(tr: etree._Element) -> int:
    """How many tables row `tr` stands in."""
    return sum(1 for _ in tr.iterancestors(W_TBL))


def _crosses(
    document: etree._Element,
    written: list[etree._Element],
    row: etree._Element,
    after_row: bool,
    pending: set[etree._Element],
) -> bool:
    """Whether the old view shows something between loose paragraphs `written` and the place
    their restored row would take beside `row` (after it when `after_row`, else before it),
    besides the `pending` paragraphs: the row would come before or after old text it did not
    (RP001, a table repeated further on: its rows placed by the first table's rows of the
    same text, and one of its rows that keeps a cell left loose before them)."""
    inner = list(row.iter(W_P))
    if not inner:
        return False
    edge = inner[-1] if after_row else inner[0]
    gone = set(written)
    first: str | None = None  # which end of the span came first: "loose" or "row"
    for q in document.iter(W_P):
        if first is None:
            if q in gone:
                first = "loose"
            elif q is edge:
                first = "row"
                if not after_row and q not in pending and _shows_old(q):
                    return True
            continue
        if first == "loose" and q is edge:
            return after_row and q not in pending and _shows_old(q)
        if first == "row" and q in gone:
            return False
        if q not in gone and q not in pending and _shows_old(q):
            return True
    return False


def _followed(row: etree._Element, last: etree._Element, pending: set[etree._Element]) -> bool:
    """Whether the old view shows something in `row` after paragraph `last`, besides the
    `pending` paragraphs (HW002, rows of the same text: an old heading's deleted children
    written in a cell before the kept text of a later old row; restored after that row, they
    came after it in reject-all)."""
    after = False
    for q in row.iter(W_P):
        if q is last:
            after = True
        elif after and q not in pending and _shows_old(q):
            return True
    return False


def _sibling(p: etree._Element, step: int) -> etree._Element | None:
    """The element before (step -1) or after (1) `p`, past comments and range markers."""
    node = p.getprevious() if step < 0 else p.getnext()
    while node is not None and (not isinstance(node.tag, str) or node.tag not in (W_P, W_TBL)):
        node = node.getprevious() if step < 0 else node.getnext()
    return node


def _by_neighbours(
    rows: list[etree._Element],
    row_keys: list[list[str]],
    k: int,
    restored: dict[int, etree._Element],
    document: etree._Element,
) -> tuple[etree._Element | None, etree._Element | None]:
    """The new rows holding the old rows around row k: by their whole text, else by their
    first cell (a key column: a phase number, a place name) where no two rows share it."""
    whole: dict[str, etree._Element] = {}
    keyed: dict[str, etree._Element | None] = {}
    for tr in document.iter(W_TR):
        if row_marked(tr):
            continue
        texts = [_key(paragraph_text(p)) for p in tr.iter(W_P)]
        whole.setdefault("".join(texts), tr)
        first = next((t for t in texts if t), "")
        keyed[first] = None if first in keyed else tr

    def new_row(r: int) -> etree._Element | None:
        if not 0 <= r < len(rows) or not row_keys[r] or r in restored:
            return None
        found = whole.get("".join(row_keys[r]))
        return found if found is not None else keyed.get(row_keys[r][0])

    return new_row(_with_text(row_keys, k, -1)), new_row(_with_text(row_keys, k, 1))


def _with_text(row_keys: list[list[str]], k: int, step: int) -> int:
    """The nearest old row before (step -1) or after (1) row k that has text (-1 or the
    number of rows when there is none)."""
    r = k + step
    while 0 <= r < len(row_keys) and not row_keys[r]:
        r += step
    return r


def _precedes(a: etree._Element, b: etree._Element) -> bool:
    parent = b.getparent()
    return parent is not None and a.getparent() is parent and parent.index(a) < parent.index(b)


def _replace(written: list[etree._Element], twin: etree._Element, comments: list[Comment]) -> None:
    """The loose paragraphs out; a comment anchored on them moves to the restored row."""
    first = next(twin.iter(W_P))
    last = list(twin.iter(W_P))[-1]
    gone = set(written)
    for p in written:
        parent = p.getparent()
        if parent is not None:
            parent.remove(p)
    for n, (start, stop, flags) in enumerate(comments):
        if start in gone or stop in gone:
            comments[n] = (first if start in gone else start, last if stop in gone else stop, flags)


_NO_ROW = "\x00"  # the key of a loose paragraph no row may take (no text's `_key` is it)


def _key(text: str) -> str:
    return "".join(text.split())


def deleted_key(p: etree._Element) -> str:
    """What a wholly deleted paragraph held, as `_key` of the reader's text: deleted text,
    and the placeholders of the objects and equations deleted with it."""
    out: list[str] = []
    stack = [p]
    while stack:
        node = stack.pop()
        tag = node.tag
        if tag == _DEL_TEXT:
            out.append(node.text or "")
            continue
        if tag in MATH_TAGS:
            out.append(labelled("equation", math_text(node)))
            continue
        shown = node.get(SHOWN) if isinstance(tag, str) else None
        if shown:
            out.append(shown)
            continue
        stack.extend(reversed(node))
    return _key("".join(out))


def _find(
    keys: list[str],
    used: set[int],
    wanted: list[str],
    homes: list[set[etree._Element] | None],
    tr: etree._Element,
) -> list[int] | None:
    """The first run of unused loose paragraphs whose keys are `wanted`, in order, none known
    to come from another row than `tr`."""
    if not wanted:
        return None
    n = len(wanted)
    for i in range(len(keys) - n + 1):
        if (
            keys[i : i + n] == wanted
            and not used.intersection(range(i, i + n))
            and all(home is None or tr in home for home in homes[i : i + n])
        ):
            return list(range(i, i + n))
    return None


def _home(
    p: etree._Element, key: str, origin: int | None, old_paragraphs: Sequence[etree._Element]
) -> set[etree._Element] | None:
    """The old rows (nested ones too) around the old paragraph loose paragraph `p` opens, when
    known: `origin` names one of `old_paragraphs` that holds the same text; None otherwise."""
    if origin is None or not 0 < origin <= len(old_paragraphs):
        return None
    old = old_paragraphs[origin - 1]
    if _key(paragraph_text(old)) != key:
        return None  # the count is off (a revision resolved in the old file): not known
    return set(old.iterancestors(W_TR))


def _unmove(written: list[etree._Element], document: etree._Element) -> None:
    """The moves that moved-from paragraphs `written` belong to made a deletion and an
    insertion (their ranges dropped): they come back inside a deleted row, and LibreOffice
    keeps a deleted row on accepting when moved-from text is in it."""
    names: set[str] = set()
    for p in written:
        for marker in list(p.iter(_MOVE_FROM_START, _MOVE_FROM_END)):
            if marker.tag == _MOVE_FROM_START:
                names.add(marker.get(_W_NAME) or "")
            _drop(marker)
        for element in p.iter(W_MOVEFROM):
            element.tag = _W_DEL
    starts = [m for m in document.iter(_MOVE_TO_START) if m.get(_W_NAME) in names]
    for start in starts:
        holder = next(start.iterancestors(W_P), None)
        if holder is not None and paragraph_mark(holder) == "moveTo":
            mark = holder.find(f"{W_PPR}/{qn('w:rPr')}/{_W_MOVETO}")
            if mark is not None:
                mark.tag = W_INS
        ends = {start.get(qn("w:id"))}
        inside = False
        for element in list(document.iter()):
            if element is start:
                inside = True
            elif inside and element.tag == _W_MOVETO:
                element.tag = W_INS
            elif inside and element.tag == _MOVE_TO_END and element.get(qn("w:id")) in ends:
                _drop(element)
                break
        _drop(start)


def _drop(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _deleted_copy(tr: etree._Element, carrier: Carrier, ids: RevisionIds, rev: Revision) -> etree._Element:
    """A copy of old row `tr` for the redline: its parts carried, everything in it deleted."""
    twin = copy.deepcopy(tr)
    strip_shown(twin)
    # The old file's bookmarks and comment anchors name nothing in the redline (ids, names).
    for marker in list(twin.iter(*ZERO_WIDTH, _W_COMMENT_REF)):
        run = marker.getparent()
        gone = run if marker.tag == _W_COMMENT_REF and run is not None and run.tag == W_R else marker
        holder = gone.getparent()
        if holder is not None:
            holder.remove(gone)
    carrier.adopt(twin, ids)
    for element in twin.iter(*_DELETED_TEXT):
        element.tag = _DELETED_TEXT[element.tag]
    for p in list(twin.iter(W_P)):
        wrap_paragraph(p, "del", ids, rev)
        mark_paragraph_as(p, "del", ids, rev)
    row_mark(twin, "del", ids, rev)
    return twin


def _tables(paragraphs: Sequence[etree._Element]) -> list[etree._Element]:
    """The tables of the old document holding any of its paragraphs, each once, in order."""
    seen: set[int] = set()
    out: list[etree._Element] = []
    for p in paragraphs:
        parent = p.getparent()
        tc = parent if parent is not None and parent.tag == qn("w:tc") else None
        if tc is None:
            continue
        tr = tc.getparent()
        table = tr.getparent() if tr is not None else None
        if table is not None and table.tag == W_TBL and id(table) not in seen:
            seen.add(id(table))
            out.append(table)
    return out
