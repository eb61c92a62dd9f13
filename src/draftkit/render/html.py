"""A Comparison as one self-contained HTML report: summary, flags, redline and side-by-side view.

The page fetches nothing (inline CSS and JS under a strict CSP), so it can be mailed or
archived as one file. Every string that came from a draft goes through `_e`; draft text is
never placed in script code, and attributes carry only our own values (ids derived from
eIds, severities, category indices). The filters work on `data-*` attributes, so without
JavaScript the page still shows everything, controls hidden.

A big report (more than FOLD_ABOVE provisions) folds each unchanged stretch into one row:
the stretch's HTML — escaped like the rest — travels gzip-compressed and base64-encoded in a
data block (`<script type="application/gzip">`, never run), and the report's fold script puts
it back on click, so a 10,000-provision report stays small and paints fast.

The output is deterministic: no clock, ids from eIds, categories sorted.
"""

from __future__ import annotations

import base64
import gzip
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Literal, assert_never

from draftkit.compare.changes import (
    COUNT_LABELS,
    SEVERITIES,
    Change,
    Comparison,
    Flag,
    Severity,
    category_label,
    kind_label,
)
from draftkit.compare.textdiff import Op, OpKind
from draftkit.model import Draft, Provision
from draftkit.records import record
from draftkit.render.draft_out import READING_NOTES_HEADING, reading_notes
from draftkit.render.html_assets import _CSS, _FOLD_CSS, _FOLD_JS, _JS

Side = Literal["old", "new"]

# Kinds that read as headings in a document ("Article 3 — Ceasefire"); the rest are text.
_STRUCTURAL = frozenset({"part", "chapter", "section", "article", "annex"})
# C0/C1 controls and lone surrogates: not content, and a lone surrogate cannot be encoded.
_UNSAFE_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# What `_e` changes: the characters html.escape replaces and the unsafe ones.
_TO_ESCAPE = re.compile(r"[&<>\"'\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_.-]+")
_MAX_INDENT = 6
EVIDENCE_MAX = 160  # characters of a flag's old/new words shown beside its message

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "base-uri 'none'; form-action 'none'"
)


def _e(text: str | None) -> str:
    """Escape any text for HTML text or a quoted attribute."""
    if not text:
        return ""
    if _TO_ESCAPE.search(text) is None:
        return text  # most texts (numbers, citations, many provisions): one scan, no copies
    return html.escape(_UNSAFE_CHARS.sub("\ufffd", text), quote=True)


def _severity_label(severity: Severity) -> str:
    match severity:
        case "high":
            return "High"
        case "medium":
            return "Medium"
        case "low":
            return "Low"
        case _:
            assert_never(severity)


def _count_label(key: str) -> str:
    return COUNT_LABELS.get(key, key.replace("_", " ").capitalize())


# --- rows: one per change, with what the page needs to place it -------------------------


@record
class _Row:
    change: Change
    anchor: str
    depth: int
    structural: bool
    shown_as_change: bool  # outside the "unchanged" runs, kept by "changes only"
    html: str | None = None  # made ahead (`ready_rows`), else made when written


def _depths(*drafts: Draft) -> dict[int, int]:
    """Depth of every provision object in the drafts (keyed by identity: the change model
    holds the very objects of the trees)."""
    depths: dict[int, int] = {}
    for draft in drafts:
        stack: list[tuple[Provision, int]] = [(p, 0) for p in reversed(draft.provisions)]
        while stack:
            provision, depth = stack.pop()
            depths[id(provision)] = depth
            stack.extend((child, depth + 1) for child in reversed(provision.children))
    return depths


def _anchor_base(change: Change, index: int) -> str:
    if change.new and change.new[0].eid:
        return "p-" + change.new[0].eid
    if change.old and change.old[0].eid:
        return "p-old-" + change.old[0].eid
    return f"p-{index + 1}"


def _rows(comparison: Comparison) -> list[_Row]:
    depths = _depths(comparison.new, comparison.old)
    taken: set[str] = set()
    rows: list[_Row] = []
    for index, change in enumerate(comparison.changes):
        base = _UNSAFE_ID.sub("-", _anchor_base(change, index))
        anchor, n = base, 1
        while anchor in taken:
            n += 1
            anchor = f"{base}-{n}"
        taken.add(anchor)
        first = (change.new or change.old or (None,))[0]
        if first is None:
            depth, structural = 0, False
        else:
            fallback = first.eid.count("__") if first.eid else 0
            depth, structural = depths.get(id(first), fallback), first.kind in _STRUCTURAL
        shown = change.is_change or change.references_updated or bool(change.flags)
        rows.append(_Row(change, anchor, depth, structural, shown))
    return rows


def _categories(comparison: Comparison) -> list[str]:
    return sorted({flag.category for change in comparison.changes for flag in change.flags})


def _flag_tokens(flags: Iterable[Flag], category_index: dict[str, int]) -> str:
    """'high:0 low:2' — severity and category index of each flag, for the filters."""
    tokens = dict.fromkeys(f"{flag.severity}:{category_index[flag.category]}" for flag in flags)
    return " ".join(tokens)


# --- ops → pieces: text runs and paragraph breaks, with the part that starts at a break ---


@record
class _Piece:
    op: OpKind
    text: str = ""  # empty for a break
    is_break: bool = False
    old_part: int | None = None  # index in change.old of the part starting here
    new_part: int | None = None


def _part_starts(texts: Sequence[str], joined: str) -> dict[int, int]:
    """Offset of each "\\n" joining two parts → index of the part it starts. Empty when the
    texts do not rebuild `joined` (a hand-made Change): then every "\\n" is a line break."""
    if len(texts) < 2 or "\n".join(texts) != joined:
        return {}
    starts: dict[int, int] = {}
    offset = 0
    for k, text in enumerate(texts[:-1]):
        offset += len(text)
        starts[offset] = k + 1
        offset += 1
    return starts


def _pieces(change: Change) -> list[_Piece]:
    return _split_ops(
        change.ops,
        _part_starts([p.text for p in change.old], change.old_text),
        _part_starts([p.text for p in change.new], change.new_text),
    )


def _split_ops(ops: Iterable[Op], old_starts: dict[int, int], new_starts: dict[int, int]) -> list[_Piece]:
    pieces: list[_Piece] = []
    o = n = 0  # offsets in the old and new text
    for kind, text in ops:
        for k, segment in enumerate(text.split("\n")):
            if k > 0:
                old_part = old_starts.get(o) if kind != "insert" else None
                new_part = new_starts.get(n) if kind != "delete" else None
                pieces.append(_Piece(kind, is_break=True, old_part=old_part, new_part=new_part))
                o += kind != "insert"
                n += kind != "delete"
            if segment:
                pieces.append(_Piece(kind, segment))
                o += len(segment) if kind != "insert" else 0
                n += len(segment) if kind != "delete" else 0
    return pieces


def _part_cites(cite: str, provisions: Sequence[Provision]) -> list[str]:
    parts = cite.split(" + ")
    if len(parts) == len(provisions):
        return parts
    return [p.num or "" for p in provisions]


def _wrap(tag: str, inner: str, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<{tag}{attr}>{inner}</{tag}>" if inner else ""


def _mark(op: OpKind, inner: str) -> str:
    match op:
        case "equal":
            return inner
        case "insert":
            return _wrap("ins", inner)
        case "delete":
            return _wrap("del", inner)
        case _:
            assert_never(op)


def _redline_text(change: Change, pieces: Sequence[_Piece]) -> str:
    old_cites = _part_cites(change.old_cite, change.old)
    new_cites = _part_cites(change.new_cite, change.new)
    out: list[str] = []
    for piece in pieces:
        if not piece.is_break:
            out.append(_mark(piece.op, _e(piece.text)))
            continue
        match piece.op:
            case "equal":
                out.append("<br>")
            case "insert":
                out.append('<ins class="pb">¶</ins><br>')
            case "delete":
                out.append('<del class="pb">¶</del>')
        if piece.old_part is not None and piece.new_part is not None:
            label = f"{_e(old_cites[piece.old_part])} → {_e(new_cites[piece.new_part])}"
        elif piece.new_part is not None:
            label = _e(new_cites[piece.new_part])
        elif piece.old_part is not None:
            label = "from " + _e(old_cites[piece.old_part])
        else:
            continue
        out.append(f'<span class="part">{label}</span> ')
    return "".join(out)


def _side_texts(pieces: Sequence[_Piece], side: Side, parts: int) -> list[str]:
    """The text of each part on one side: deletions marked in the old column, insertions
    in the new one."""
    own: OpKind = "delete" if side == "old" else "insert"
    other: OpKind = "insert" if side == "old" else "delete"
    texts: list[list[str]] = [[] for _ in range(max(parts, 1))]
    k = 0
    for piece in pieces:
        if piece.op == other:
            continue
        if piece.is_break:
            start = piece.old_part if side == "old" else piece.new_part
            if start is not None:
                k = start
            elif piece.op == own:
                texts[k].append(_mark(own, '<span class="pb">¶</span>') + "<br>")
            else:
                texts[k].append("<br>")
        else:
            texts[k].append(_mark(piece.op, _e(piece.text)))
    return ["".join(t) for t in texts]


# --- one provision -----------------------------------------------------------------------


def _squash(text: str | None) -> str:
    return " ".join((text or "").split())


def _num_redline(change: Change) -> str:
    old, new = change.old_num, change.new_num
    match change.kind:
        case "added":
            return _wrap("ins", _e(new))
        case "deleted":
            return _wrap("del", _e(old))
        case "unchanged" | "modified" | "split" | "merged":
            if old and new and _squash(old) != _squash(new):
                return _wrap("del", _e(old)) + _wrap("ins", _e(new))
            return _e(new or old)
        case _:
            assert_never(change.kind)


def _heading_redline(change: Change) -> str:
    match change.kind:
        case "added":
            return _wrap("ins", _e(change.new_heading))
        case "deleted":
            return _wrap("del", _e(change.old_heading))
        case "unchanged" | "modified" | "split" | "merged":
            if change.heading_changed:
                marked = (_wrap("del", _e(change.old_heading)), _wrap("ins", _e(change.new_heading)))
                return " ".join(x for x in marked if x)
            return _e(change.new_heading or change.old_heading)
        case _:
            assert_never(change.kind)


def _block(row: _Row, num: str, heading: str, text: str) -> str:
    """Number, heading and text laid out as the document does: a heading line for an
    article, a numbered paragraph otherwise."""
    num_html = f'<span class="num">{num}</span>' if num else ""
    if row.structural:
        level = min(3 + row.depth, 6)
        sep = ' <span class="sep">—</span> ' if num and heading else ""
        title = f"{num_html}{sep}{_wrap('span', heading, 'ht')}"
        out = f'<h{level} class="hd">{title}</h{level}>' if title else ""
        return out + (f'<p class="txt">{text}</p>' if text else "")
    lead = " ".join(x for x in (num_html, _wrap("span", heading, "ph")) if x)
    return f'<p class="txt">{lead}{" " if lead and text else ""}{text}</p>'


def _side_column(row: _Row, side: Side, pieces: Sequence[_Piece]) -> str:
    change = row.change
    provisions = change.old if side == "old" else change.new
    caption = "Old draft" if side == "old" else "New draft"
    if not provisions:
        absent = "Not in the old draft" if side == "old" else "Not in the new draft"
        return (
            f'<div class="col {side} none"><span class="vh">{caption}: </span>'
            f'<p class="absent">{absent}</p></div>'
        )
    texts = _side_texts(pieces, side, len(provisions))
    whole = change.kind == ("deleted" if side == "old" else "added")
    tag = "del" if side == "old" else "ins"
    blocks: list[str] = []
    for k, provision in enumerate(provisions):
        num, heading = _e(provision.num), _e(provision.heading)
        if whole:
            num, heading = _wrap(tag, num), _wrap(tag, heading)
        elif k == 0 and change.heading_changed:
            heading = _wrap(tag, heading)
        blocks.append(_block(row, num, heading, texts[k] if k < len(texts) else ""))
    return f'<div class="col {side}"><span class="vh">{caption}: </span>{"".join(blocks)}</div>'


def _cite(change: Change) -> str:
    old, new = change.old_cite, change.new_cite
    if old and new and old != new:
        return (
            f'<span class="c-old">{_e(old)}</span> <span class="arrow">→</span> '
            f'<span class="c-new">{_e(new)}</span>'
        )
    return f'<span class="c-new">{_e(new or old)}</span>'


def _badges(change: Change) -> list[str]:
    if change.kind == "unchanged":
        # Shown as a change only for its place, label or references: say what did not change.
        label = "" if change.references_updated else "Text unchanged"
    else:
        label = kind_label(change.kind)
    badges = [f'<span class="badge k-{change.kind}">{label}</span>'] if label else []
    if change.moved:
        moved = change.moved_label
        badges.append(f'<span class="badge b-moved">{_e(moved[0].upper() + moved[1:])}</span>')
    if change.renumbered:
        badges.append('<span class="badge b-renumbered">Renumbered</span>')
    if change.heading_changed:
        badges.append('<span class="badge b-heading">Heading changed</span>')
    if change.references_updated:
        badges.append('<span class="badge b-refs">References updated</span>')
    if change.rewritten:
        badges.append(
            f'<span class="badge b-rewritten" title="paired by content evidence">'
            f"Rewritten · confidence {change.confidence or 0:.2f}</span>"
        )
    if change.needs_review:
        badges.append('<span class="badge b-review">Check this pairing</span>')
    if change.pinned:
        label = "Paired by hand" if change.old and change.new else "Kept apart by hand"
        badges.append(f'<span class="badge b-pinned">{label}</span>')
    if change.possibly_replaced_by:
        badges.append(
            f'<span class="badge b-replaced">Possibly replaced by {_e(change.possibly_replaced_by)}</span>'
        )
    return badges


def _clip(text: str, limit: int = EVIDENCE_MAX) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _evidence(flag: Flag) -> str:
    """The words the rule matched, old → new, if it gave them (a whole added paragraph clipped)."""
    if not (flag.old or flag.new):
        return ""
    arrow = " → " if flag.old and flag.new else ""
    old, new = _wrap("del", _e(_clip(flag.old))), _wrap("ins", _e(_clip(flag.new)))
    return f'<span class="evidence">{old}{arrow}{new}</span>'


def _flag_body(flag: Flag) -> str:
    return (
        f'<span class="sev sev-{flag.severity}">{_severity_label(flag.severity)}</span> '
        f'<span class="cat">{_e(category_label(flag.category))}</span> '
        f'<span class="msg">{_e(flag.message)}</span>{_evidence(flag)}'
    )


# Rows made ahead: id(change) → (the row, its HTML), used only for an equal row of the very
# same (immutable) change.
Ready = dict[int, tuple[_Row, str]]


def ready_rows(comparison: Comparison) -> Ready:
    """The HTML of the rows with nothing to show that `_same_row` writes (most of a long
    report), made before the comparison is flagged (api.diff, while a forked child flags). A
    later step that gives one a flag replaces its change, or makes it shown: its row is made
    again."""
    ready: Ready = {}
    for row in _rows(comparison):
        html = None if row.shown_as_change else _same_row(row)
        if html is not None:
            ready[id(row.change)] = (row, html)
    return ready


def _row_html(row: _Row, category_index: dict[str, int]) -> str:
    if row.html is not None:
        return row.html
    if not row.shown_as_change:
        same = _same_row(row)
        if same is not None:
            return same
    return _full_row(row, category_index)


def _same_row(row: _Row) -> str | None:
    """`_full_row` of a row with nothing to show and one provision a side with the same label,
    heading and one-line text (most of a long draft), written directly: its block is the
    same in the redline and in both columns, made once. None for any other row
    (tests/render/test_html.py holds the two ways equal)."""
    change = row.change
    if change.kind != "unchanged" or len(change.old) != 1 or len(change.new) != 1 or change.flags:
        return None
    old, new = change.old[0], change.new[0]
    text = change.new_text
    if (
        not text
        or "\n" in text
        or change.old_text != text
        or change.ops != (("equal", text),)
        or old.num != new.num
        or old.heading != new.heading
        or change.old_heading != old.heading
        or change.new_heading != new.heading
        or change.needs_review
    ):
        return None
    block = _block(row, _e(new.num), _e(new.heading), _e(text))
    anchor = _e(row.anchor)
    return (
        f'<div id="{anchor}" class="prov same k-unchanged d{min(row.depth, _MAX_INDENT)}" '
        'data-filter data-change="0">'
        f'<div class="meta"><a class="cite" href="#{anchor}">{_cite(change)}</a></div>'
        f'<div class="body"><div class="rl">{block}</div><div class="sbs">'
        f'<div class="col old"><span class="vh">Old draft: </span>{block}</div>'
        f'<div class="col new"><span class="vh">New draft: </span>{block}</div>'
        "</div></div></div>\n"
    )


def _full_row(row: _Row, category_index: dict[str, int]) -> str:
    change = row.change
    pieces = _pieces(change)
    body = _block(row, _num_redline(change), _heading_redline(change), _redline_text(change, pieces))
    sbs = _side_column(row, "old", pieces) + _side_column(row, "new", pieces)
    state = "chg" if row.shown_as_change else "same"
    classes = f"prov {state} k-{change.kind} d{min(row.depth, _MAX_INDENT)}" + (
        " review" if change.needs_review else ""
    )
    attrs = f'id="{_e(row.anchor)}" class="{classes}" data-filter data-change="{int(row.shown_as_change)}"'
    if change.flags:
        attrs += f' data-flags="{_e(_flag_tokens(change.flags, category_index))}"'
    meta = f'<a class="cite" href="#{_e(row.anchor)}">{_cite(change)}</a>'
    if row.shown_as_change:
        meta += '<span class="badges">' + " ".join(_badges(change)) + "</span>"
    flags = ""
    if change.flags:
        items = "".join(
            f'<li class="flag" data-sev="{flag.severity}">{_flag_body(flag)}</li>' for flag in change.flags
        )
        flags = f'<ul class="pflags" aria-label="Flags">{items}</ul>'
    return (
        f"<div {attrs}>"
        f'<div class="meta">{meta}</div>'
        f'<div class="body"><div class="rl">{body}</div><div class="sbs">{sbs}</div>{flags}</div>'
        "</div>\n"
    )


def _run_html(rows: Sequence[_Row], category_index: dict[str, int]) -> str:
    if len(rows) == 1:
        return _row_html(rows[0], category_index)
    first = rows[0].change.new_cite or rows[0].change.old_cite
    last = rows[-1].change.new_cite or rows[-1].change.old_cite
    inner = "".join(_row_html(row, category_index) for row in rows)
    return (
        '<details class="run" open data-filter data-change="0">'
        f"<summary>Unchanged: {_e(first)} to {_e(last)} "
        f'<span class="n">({len(rows)} provisions)</span></summary>'
        f"\n{inner}</details>\n"
    )


def _document(rows: Sequence[_Row], category_index: dict[str, int]) -> str:
    """Rows in order; consecutive unchanged non-heading rows folded into one collapsible run."""
    out: list[str] = []
    run: list[_Row] = []
    for row in rows:
        if not row.shown_as_change and not row.structural:
            run.append(row)
            continue
        if run:
            out.append(_run_html(run, category_index))
            run = []
        out.append(_row_html(row, category_index))
    if run:
        out.append(_run_html(run, category_index))
    return "".join(out)


# --- big reports: unchanged stretches folded into a compressed island -------------------

_ISLAND_SEPARATOR = "\x00"  # between two stretches in the island (the fold script splits there)
FOLD_ABOVE = 300  # reports of more provisions than this fold their unchanged stretches
_FOLD_MIN = 4  # shorter unchanged stretches stay on the page as they are


def _fold_row(index: int, run: Sequence[_Row]) -> str:
    """The one row a folded stretch becomes: its count and its first and last provision;
    the report's fold script swaps it for the stretch itself when asked."""
    first = run[0].change.new_cite or run[0].change.old_cite
    last = run[-1].change.new_cite or run[-1].change.old_cite
    return (
        f'<div class="prov same fold" data-filter data-change="0" data-fold="{index}">'
        '<div class="meta"></div><div class="body"><p class="foldnote">'
        f"{len(run):,} unchanged provisions ({_e(first)} – {_e(last)}) "
        f'<button type="button" class="unfold" data-fold="{index}" hidden>Show the text</button>'
        "</p></div></div>\n"
    )


def _folded_document(rows: Sequence[_Row], category_index: dict[str, int]) -> tuple[str, str]:
    """Rows in order, each unchanged stretch of at least _FOLD_MIN rows replaced by one fold
    row; and the island: the stretches' HTML (exactly what `_document` gives them), joined by
    NUL, gzip-compressed and base64-encoded. Put back in place of their fold rows, the
    stretches give the page `_document` gives the whole."""
    out: list[str] = []
    folded: list[str] = []
    run: list[_Row] = []

    def flush() -> None:
        if len(run) >= _FOLD_MIN:
            out.append(_fold_row(len(folded), run))
            folded.append(_document(run, category_index))
        elif run:
            out.append(_document(run, category_index))
        run.clear()

    for row in rows:
        if row.shown_as_change:
            flush()
            out.append(_document([row], category_index))
        else:
            run.append(row)
    flush()
    # The stretches joined by NUL, which none holds (`_e` replaces it in every text): no JSON
    # escaping of 14 MB of HTML on a 13,200-provision report, and a smaller island.
    assert not any(_ISLAND_SEPARATOR in stretch for stretch in folded)
    data = _ISLAND_SEPARATOR.join(folded).encode("utf-8")
    # Level 6: as small as level 9 within 1 % on a 13,200-provision report, in 70 % of the time.
    island = base64.b64encode(gzip.compress(data, compresslevel=6, mtime=0)).decode("ascii")
    return "".join(out), island


def unfold(page: str) -> str:
    """The page a folded report shows once every stretch is unfolded (what its script does,
    for tests and tools): the island decoded, each fold row replaced by its stretch."""
    found = re.search(r'<script id="folded" type="application/gzip">([A-Za-z0-9+/=]*)</script>\n', page)
    if found is None:
        return page
    runs = gzip.decompress(base64.b64decode(found.group(1))).decode("utf-8").split(_ISLAND_SEPARATOR)
    page = page[: found.start()] + page[found.end() :]
    return re.sub(
        r'<div class="prov same fold" data-filter data-change="0" data-fold="(\d+)">.*?</div></div>\n',
        lambda m: runs[int(m.group(1))],
        page,
    )


# --- page parts --------------------------------------------------------------------------


def _source_line(label: str, draft: Draft) -> str:
    path = draft.source.path if draft.source else "(no file)"
    digest = f' · SHA-256 <code class="sha">{_e(draft.source.sha256)}</code>' if draft.source else ""
    count = f"{draft.count()} provisions"
    return f'<dt>{label}</dt><dd><span class="path">{_e(path)}</span> · {count}{digest}</dd>'


def _summary(comparison: Comparison, rows: Sequence[_Row], categories: Sequence[str]) -> str:
    summary = comparison.summary()
    keys = [k for k in summary if k != "unchanged"] + ["unchanged"]
    tiles = "".join(
        f'<div class="tile t-{_e(key)}"><dt>{_e(_count_label(key))}</dt>'
        f'<dd data-count="{_e(key)}">{summary[key]}</dd></div>'
        for key in keys
    )
    flag_counts = comparison.flag_counts()
    sev_tiles = "".join(
        f'<div class="tile sev-{s}"><dt>{_severity_label(s)}</dt>'
        f'<dd data-flag-count="{s}">{flag_counts[s]}</dd></div>'
        for s in SEVERITIES
    )
    notes: list[str] = []
    refs = sum(1 for row in rows if row.change.references_updated)
    if refs:
        notes.append(
            f"{refs} provision{'s' if refs != 1 else ''} changed only by cross-references rewritten after "
            "renumbering (counted as unchanged, shown in the redline)."
        )
    relabelled = sum(
        1 for row in rows if row.change.kind == "unchanged" and row.change.renumbered and not row.change.moved
    )
    if relabelled:
        notes.append(f"{relabelled} renumbered with their text unchanged.")
    review = sum(1 for row in rows if row.change.needs_review)
    if review:
        notes.append(
            f"{review} pair{'s' if review != 1 else ''} made on content evidence with low confidence: "
            "marked “Check this pairing”."
        )
    for pin in comparison.pins:
        if pin.old_cite and pin.new_cite:
            notes.append(f"Paired by hand: {_e(pin.old_cite)} = {_e(pin.new_cite)}.")
        else:
            notes.append(f"Kept apart by hand: {_e(pin.old_cite or pin.new_cite)}.")
    notes_html = "".join(f"<li>{n}</li>" for n in notes)
    reading = reading_notes(comparison.old, comparison.new)
    if reading:
        notes_html += (
            f'<li class="reading">{_e(READING_NOTES_HEADING)}: <ul>'
            + "".join(f"<li>{_e(line)}</li>" for line in reading)
            + "</ul></li>"
        )
    if categories:
        by_cat: dict[str, dict[str, int]] = {c: {s: 0 for s in SEVERITIES} for c in categories}
        for change in comparison.changes:
            for flag in change.flags:
                by_cat[flag.category][flag.severity] += 1
        head = "".join(f'<th scope="col">{_severity_label(s)}</th>' for s in SEVERITIES)
        body = "".join(
            f'<tr><th scope="row">{_e(category_label(c))}</th>'
            + "".join(f'<td data-cat-count="{i}:{s}">{by_cat[c][s]}</td>' for s in SEVERITIES)
            + f"<td>{sum(by_cat[c].values())}</td></tr>"
            for i, c in enumerate(categories)
        )
        cat_table = (
            '<table class="cats"><caption>Flags by category</caption>'
            f'<thead><tr><th scope="col">Category</th>{head}<th scope="col">Total</th></tr></thead>'
            f"<tbody>{body}</tbody></table>"
        )
    else:
        cat_table = ""
    return (
        '<section class="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>'
        '<div class="panels">'
        f'<div class="panel"><h3>Provisions</h3><dl class="tiles">{tiles}</dl></div>'
        f'<div class="panel"><h3>Flags</h3><dl class="tiles">{sev_tiles}</dl>{cat_table}</div>'
        "</div>" + (f'<ul class="notes">{notes_html}</ul>' if notes_html else "") + "</section>\n"
    )


def _flag_list(rows: Sequence[_Row], category_index: dict[str, int]) -> str:
    order = {s: k for k, s in enumerate(SEVERITIES)}
    entries = sorted(
        ((flag, row) for row in rows for flag in row.change.flags),
        key=lambda fr: order[fr[0].severity],
    )
    if not entries:
        body = '<p class="empty">No flags were raised.</p>'
    else:
        body = (
            '<table class="flagtable"><thead><tr><th scope="col">Severity</th><th scope="col">Provision</th>'
            '<th scope="col">Category</th><th scope="col">Finding</th></tr></thead><tbody>'
            + "".join(
                f'<tr data-filter data-change="1" data-flags="{_e(_flag_tokens([flag], category_index))}">'
                f'<td><span class="sev sev-{flag.severity}">{_severity_label(flag.severity)}</span></td>'
                f'<td><a href="#{_e(row.anchor)}">{_e(row.change.new_cite or row.change.old_cite)}</a></td>'
                f"<td>{_e(category_label(flag.category))}</td><td>{_e(flag.message)}{_evidence(flag)}</td></tr>"
                for flag, row in entries
            )
            + "</tbody></table>"
        )
    return (
        f'<section class="flags" aria-labelledby="flags-h"><h2 id="flags-h">Flags ({len(entries)})</h2>'
        f"{body}</section>\n"
    )


def filter_fieldsets(counts: Mapping[Severity, int], categories: Sequence[str]) -> str:
    """The severity and category filters (ids and names the report's script drives), shared
    by the diff report and the history pages."""
    sev = "".join(
        f'<label for="sev-{s}"><input type="checkbox" id="sev-{s}" name="sev" value="{s}" checked> '
        f'{_severity_label(s)} <span class="n">({counts[s]})</span></label>'
        for s in SEVERITIES
    )
    sev += (
        '<label for="unflagged"><input type="checkbox" id="unflagged" name="unflagged" checked> '
        "Changes without flags</label>"
    )
    cats = ""
    if categories:
        cats = (
            "<fieldset><legend>Category</legend>"
            + "".join(
                f'<label for="cat-{i}"><input type="checkbox" id="cat-{i}" name="cat" value="{i}" checked> '
                f"{_e(category_label(c))}</label>"
                for i, c in enumerate(categories)
            )
            + "</fieldset>"
        )
    return f"<fieldset><legend>Severity</legend>{sev}</fieldset>{cats}"


def _controls(comparison: Comparison, categories: Sequence[str]) -> str:
    counts = comparison.flag_counts()
    filters = filter_fieldsets({s: counts[s] for s in SEVERITIES}, categories)
    return (
        '<form id="controls" class="controls" aria-label="View and filters" hidden>'
        "<fieldset><legend>View</legend>"
        '<label for="view-redline">'
        '<input type="radio" id="view-redline" name="view" value="redline" checked> Redline</label>'
        '<label for="view-sbs">'
        '<input type="radio" id="view-sbs" name="view" value="sbs"> Side by side</label>'
        "</fieldset>"
        f"{filters}"
        '<fieldset><legend>Show</legend><label for="changes-only">'
        '<input type="checkbox" id="changes-only" name="changes_only"> Changes only</label></fieldset>'
        '<p id="shown" class="shown" aria-live="polite"></p>'
        "</form>\n"
    )


def render_html(
    comparison: Comparison,
    *,
    title: str | None = None,
    generated: str | None = None,
    fold_above: int = FOLD_ABOVE,
    ready: Ready | None = None,
) -> str:
    """One self-contained HTML report of a comparison: summary, flags, redline, side by side
    (unchanged stretches folded when it has more than `fold_above` provisions). `ready`: rows
    made ahead by `ready_rows`, used for equal rows of the very changes they were made of."""
    rows = _rows(comparison)
    if ready:
        for k, row in enumerate(rows):
            made = ready.get(id(row.change))
            if made is not None and made[0] == row:
                rows[k] = replace(row, html=made[1])
    categories = _categories(comparison)
    category_index = {c: i for i, c in enumerate(categories)}
    if len(rows) > fold_above:
        document, island = _folded_document(rows, category_index)
        styles = f"<style>{_FOLD_CSS}</style>\n"
        scripts = (
            f'<script id="folded" type="application/gzip">{island}</script>\n'
            f"<script>{_JS}</script>\n<script>{_FOLD_JS}</script>\n"
        )
    else:
        document, styles, scripts = _document(rows, category_index), "", f"<script>{_JS}</script>\n"
    old, new = comparison.old, comparison.new
    heading = title or new.title or old.title or "Draft comparison"
    generated_line = f"<dt>Generated</dt><dd>{_e(generated)}</dd>" if generated else ""
    old_name = old.source.path if old.source else "old draft"
    new_name = new.source.path if new.source else "new draft"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="draftkit">\n'
        f"<title>Redline — {_e(heading)}</title>\n"
        f"<style>{_CSS}</style>\n{styles}</head>\n"
        '<body data-view="redline">\n<a class="skip" href="#redline">Skip to the redline</a>\n'
        '<div class="page">\n'
        '<header class="head"><p class="eyebrow">Redline report</p>'
        f"<h1>{_e(heading)}</h1>"
        f'<dl class="sources">{_source_line("Old", old)}{_source_line("New", new)}{generated_line}</dl>'
        "</header>\n<main>\n"
        + _summary(comparison, rows, categories)
        + _flag_list(rows, category_index)
        + '<section class="doc" id="redline" aria-labelledby="redline-h"><h2 id="redline-h">Redline</h2>\n'
        + '<p class="legend">Legend: <ins>inserted text</ins> <del>deleted text</del> '
        '<span class="badge b-moved">Moved</span> <span class="badge b-renumbered">Renumbered</span> '
        "· unchanged provisions are shown dimmed and can be folded.</p>\n"
        + _controls(comparison, categories)
        + f'<div class="colhead" aria-hidden="true"><span></span><span>Old: {_e(old_name)}</span>'
        f"<span>New: {_e(new_name)}</span></div>\n" + document + "</section>\n</main>\n"
        '<footer class="foot">Produced by draftkit. This page is self-contained and loads nothing.</footer>\n'
        f"</div>\n{scripts}</body>\n</html>\n"
    )


def script_hash() -> str:
    """The CSP sources ('sha256-…') of the report's inline scripts (the filters, and the fold
    script of a big report): a page that shows the report in a frame (`draftkit serve`)
    allows those scripts and no other."""
    import hashlib

    return " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii") + "'"
        for js in (_JS, _FOLD_JS)
    )
