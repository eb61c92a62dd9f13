"""WordprocessingML building blocks with lxml: what a writer of DOCX bodies may ask for.

Takes text, paragraphs and revision identities (author, date, an id allocator); hands on
`w:p`/`w:r` elements, fragments and marked paragraphs. Nothing here knows about drafts or
provisions: `docx_draft` and the redline writer build on it. Guarantees that author, date
and revision ids are always inputs (never `now()`, never random), so the same inputs give
the same XML, and that what it writes is in schema order. The surface, by question:

* names — `qn`, `NSMAP` and the pre-built Clark names (`W_P`, `W_PPR`, …);
* revision identity — `Revision` (who, when), `RevisionIds` (the allocator),
  `max_revision_id` (where a package's ids end);
* new content — `make_paragraph`, `add_run`, `revision`, `revision_run`, `range_marker`,
  and as text `run_xml`, `paragraph_xml`, `ppr_xml`, `children_xml`, parsed by `parse_body`;
* wrap runs in a revision — `wrap_range`, `wrap_paragraph`, `replace_range`, `detach_range`,
  over the visible text `paragraph_text` (offsets) and `range_rpr` (formatting there);
* mark a paragraph — `mark_paragraph_as`, `paragraph_mark`, `shows_without_mark` (what it
  shows in the view that takes its mark away), and its properties
  `copy_ppr`, `old_ppr_of`, `ppr_key`, `set_ppr_change`, `join_mark` (the run properties of
  a mark a view joins); `fill_paragraphs` writes
  word-level ops across paragraphs, marks included;
* tracked changes already there — `has_revisions`, `resolve_revisions`;
* objects as the reader shows them — `show_package` writes each note reference's, image's,
  object's and equation's placeholder on it (`SHOWN`; `show_math` equations alone),
  `strip_shown` removes them before writing; `mark_math` tracks a whole equation (`MATH_TAGS`).

The modules behind it (`_core`, `_build`, `_paragraph`, `_ranges`, `_resolve`) are private.
"""

from draftkit.render.wml._build import (
    add_run,
    children_xml,
    make_paragraph,
    paragraph_xml,
    parse_body,
    ppr_xml,
    range_marker,
    revision,
    revision_run,
    right_to_left,
    run_xml,
)
from draftkit.render.wml._core import (
    NSMAP,
    W_ID,
    W_INS,
    W_MOVETO,
    W_NUMPR,
    W_P,
    W_PPR,
    W_PSTYLE,
    W_R,
    W_RPR,
    W_SECTPR,
    W_T,
    W_VAL,
    MarkKind,
    OpKind,
    Revision,
    RevisionIds,
    RunKind,
    max_revision_id,
    qn,
    xml_safe,
)
from draftkit.render.wml._objects import MATH_TAGS, SHOWN, mark_math, show_math, show_package, strip_shown
from draftkit.render.wml._paragraph import (
    copy_ppr,
    fill_paragraphs,
    join_mark,
    mark_paragraph_as,
    old_ppr_of,
    paragraph_mark,
    ppr_key,
    set_ppr_change,
    shows_without_mark,
)
from draftkit.render.wml._ranges import (
    detach_range,
    paragraph_text,
    range_rpr,
    replace_range,
    wrap_paragraph,
    wrap_range,
)
from draftkit.render.wml._resolve import has_revisions, resolve_revisions

__all__ = [
    "MATH_TAGS",
    "NSMAP",
    "SHOWN",
    "W_ID",
    "W_INS",
    "W_MOVETO",
    "W_NUMPR",
    "W_P",
    "W_PPR",
    "W_PSTYLE",
    "W_R",
    "W_RPR",
    "W_SECTPR",
    "W_T",
    "W_VAL",
    "MarkKind",
    "OpKind",
    "Revision",
    "RevisionIds",
    "RunKind",
    "add_run",
    "children_xml",
    "copy_ppr",
    "detach_range",
    "fill_paragraphs",
    "has_revisions",
    "join_mark",
    "make_paragraph",
    "mark_math",
    "mark_paragraph_as",
    "max_revision_id",
    "old_ppr_of",
    "paragraph_mark",
    "paragraph_text",
    "paragraph_xml",
    "parse_body",
    "ppr_key",
    "ppr_xml",
    "qn",
    "range_marker",
    "range_rpr",
    "replace_range",
    "resolve_revisions",
    "revision",
    "revision_run",
    "right_to_left",
    "run_xml",
    "set_ppr_change",
    "show_math",
    "show_package",
    "shows_without_mark",
    "strip_shown",
    "wrap_paragraph",
    "wrap_range",
    "xml_safe",
]
