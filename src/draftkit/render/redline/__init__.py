"""A Comparison as a Word redline: native tracked changes and comments in a DOCX.

What each change looks like in Word:

* modified — word-level `w:ins`/`w:del` inside the provision (its heading too);
* added / deleted — the whole provision inserted or deleted, paragraph marks included
  (`w:pPr/w:rPr/w:ins|w:del`); a deleted provision stands at its old place, its label
  written like its nearest new sibling's (Word's number, or typed text);
* split — an inserted paragraph mark where one provision became two; merged — a deleted
  one where two became one;
* moved — deleted at its old place and inserted at its new one; with `moves=True` real
  `w:moveFrom`/`w:moveTo` with paired, named move ranges (edits made with the move show
  as insertions inside the moved text, the old wording in the moved-from text);
* renumbered — nothing where Word numbers the provisions (it recomputes the numbers);
  a typed label ("3.2") shows its old and new number as a deletion and an insertion;
* flags — one Word comment per flagged change (severity, category, message) spanning the
  provision;
* tables — a row added is an inserted row (`w:trPr/w:ins`), a row removed comes back as a
  deleted row copied from the old file (`rows`), cell text changes are word revisions;
* objects — a deleted image, chart, diagram, embedded object, equation or footnote is the
  old file's own element copied into a deletion, its parts with it (`carry`); an equation
  is tracked inside its math runs, as Word does.

Two modes. When the new draft was read from a DOCX, that file is the base: its styles,
numbering and formatting are kept and only the paragraphs of changed provisions are
edited (found again by `Location.paragraph`, counted as the reader counts them; words
that stay keep their runs and formatting, new words are wrapped where they stand, old
words come back as deleted runs); any tracked changes it already holds are first resolved
to the view the draft was read in. Otherwise the new draft is written as a clean DOCX
with Word numbering (`docx_draft`) and edited the same way. Title and preamble changes
are shown too where their paragraphs can be found. `summary=True` puts a summary (counts,
flags) before the draft, under its own heading and not as a tracked change.

Where a provision's paragraphs cannot be lined up with its text (a split whose parts are
not neighbours, a provision that changed kind), the change is shown whole: the old
provision deleted, the new inserted — still exact in both views.

Paragraph marks are placed so that accept-all gives the new draft and reject-all the old
whichever paragraph's properties a word processor keeps when it joins two paragraphs:
a wholly inserted or deleted paragraph carries its own mark, and where two paragraphs
with text are joined they have the same properties in that view (recorded with
`w:pPrChange` where the other view needs others, and the mark's run properties with
`w:rPrChange` in it). A revised paragraph is never the last
of the body or of a table cell (an empty plain paragraph follows it): LibreOffice
ignores a deletion mark there. Deletions are never nested inside insertions. A moved-to
paragraph that also holds inserted words, or none, has an inserted mark, and a comment's
reference in a wholly inserted or moved paragraph is part of that revision: LibreOffice
loses the move mark otherwise.

Deterministic: author and date are inputs, ids are sequential above the largest id the
package already holds, zip timestamps come from `date`.

How it is made, stage by stage (each module states what it takes and guarantees):
`base` (the document written into) → `layout`/`locate` (where each provision's lines
are; read only) → `plan` (an explicit list of edit actions, the records of `actions`:
which paragraph gets which marks) → `write` (executes the actions into WordprocessingML
through `render.wml`, knowing nothing of alignment) → `oldnum` (old labels the new
draft's lists cannot count in the reject-all view typed there) → `package` (summary,
comments, zip), which first makes the package inert (`inert`: no macro, external link,
OLE/ActiveX object, altChunk or field that fetches or runs; see docs/limits.md, "What the
redline strips").

`begin` writes a comparison's redline before it is flagged (api.diff, while a child flags:
the one that read the old draft, draftkit.flags_aside, else one forked for them): its comments wait for the flags (`later`), and `render_docx(begun=…)` finishes it
when the flags fit the plan, else writes the redline whole; the bytes are the same.
"""

from __future__ import annotations

from draftkit.compare.changes import Comparison
from draftkit.memory import outlive
from draftkit.render.docx_package import zip_time
from draftkit.render.redline.base import Base, docx_base, is_docx, reread, text_base
from draftkit.render.redline.carry import Carrier
from draftkit.render.redline.later import settle
from draftkit.render.redline.oldnum import keep_old_numbers, label_paragraphs
from draftkit.render.redline.package import (
    SUMMARY_HEADING,
    Comment,
    anchor_comments,
    insert_summary,
    package,
    reading_comment,
)
from draftkit.render.redline.plan import Planner
from draftkit.render.redline.write import Writer
from draftkit.render.wml import Revision

__all__ = ["SUMMARY_HEADING", "Begun", "begin", "render_docx"]


class Begun:
    """A redline begun before its comparison is flagged (`begin`): the tracked changes
    written, each comment waiting for its change's flags. Made while the changes are flagged
    (api.diff); taken once, by the render of the flagged comparison of the very same drafts
    with the same options (the base was written into)."""

    def __init__(self, comparison: Comparison, author: str, date: str, moves: bool) -> None:
        self.comparison = comparison
        self.options = (author, date, moves)
        self._made: tuple[Base, Writer] | None = _written(
            comparison, Revision(author=author, date=date), moves, later=True
        )

    def take(
        self, flagged: Comparison, author: str, date: str, moves: bool
    ) -> tuple[Base, Writer, list[Comment]] | None:
        """The base written into, its writer and the comments `flagged` gives them; None when
        taken already, for other options, or when `flagged` is not this comparison flagged
        (`plan.settle`). The files are checked again now, as the render checks them: one
        changed since it was read is an InputError."""
        made = self._made
        self._made = None
        if made is None or (author, date, moves) != self.options:
            return None
        comments = settle(made[1].comments, self.comparison, flagged)
        if comments is None:
            return None
        if is_docx(flagged.new):
            reread(flagged.new, "new")
        if made[1].carrier is not None:
            reread(flagged.old, "old")
        return made[0], made[1], comments


def _written(
    comparison: Comparison, rev: Revision, moves: bool, *, later: bool = False
) -> tuple[Base, Writer]:
    """The base (the new draft's own DOCX, else a clean one) with the comparison's tracked
    changes written into it, and the writer, which holds the comments (`later`: see Planner)."""
    own = docx_base(comparison.new) if is_docx(comparison.new) else None
    base = own if own is not None else text_base(comparison.new, rev)
    writer = Writer(base, rev)
    writer.carrier = Carrier.of(comparison.old, base)
    planner = Planner(comparison, base, moves, later=later, carrier=writer.carrier)
    writer.write(planner.actions())
    # Word counts the old view's numbers in the new draft's lists: typed where they differ.
    opened = label_paragraphs(comparison, base, planner.moved, writer.opened)
    keep_old_numbers(base, opened, writer.ids, rev)
    return base, writer


def begin(comparison: Comparison, *, author: str, date: str, moves: bool) -> Begun:
    """The redline of a comparison not flagged yet, written as far as it can be (`Begun`)."""
    return Begun(comparison, author, date, moves)


def render_docx(
    comparison: Comparison,
    *,
    author: str = "draftkit",
    date: str = "2026-01-01T00:00:00Z",
    moves: bool = False,
    summary: bool = False,
    begun: Begun | None = None,
) -> bytes:
    """The comparison as a DOCX redline: tracked changes from old to new, flags as comments.
    `begun`: `begin(…)` of this comparison before it was flagged, finished here when it fits
    (else the redline is written whole, as without it)."""
    stamp = zip_time(date)  # checks the date first
    rev = Revision(author=author, date=date)
    made = begun.take(comparison, author, date, moves) if begun is not None else None
    if made is not None:
        base, writer, comments = made
    else:
        base, writer = _written(comparison, rev, moves)
        comments = writer.comments
    if summary:
        insert_summary(base.document, comparison)  # the reading notes are said on its page
    else:
        note = reading_comment(base.document, comparison)
        comments = comments if note is None else [note, *comments]
    # Comment ids come from the same counter: one id space per package.
    comment_ids = anchor_comments(comments, writer.ids, rev)
    data = package(base, comments, comment_ids, rev, stamp)
    outlive(base, writer)  # the document's tree: not freed when the process ends after the command
    return data
