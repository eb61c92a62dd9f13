"""The library functions behind each CLI command (same names: `draftkit parse` ↔ `parse()`)."""

from __future__ import annotations

import contextlib
import functools
import importlib
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from draftkit.errors import UsageError, display_name
from draftkit.memory import few_collections, outlive
from draftkit.model import Draft, Provision
from draftkit.outputs import escape_unsafe
from draftkit.readers import Limits, View, kept, read

if TYPE_CHECKING:
    from draftkit.compare.changes import Comparison
    from draftkit.forked import Given, Later
    from draftkit.readers.pair import Aside
    from draftkit.risk.foresight import Foresight, Known
    from draftkit.risk.taxonomy import Taxonomy


@few_collections
def parse(path: str | os.PathLike[str], *, view: View = "accept", limits: Limits | None = None) -> Draft:
    """Read a draft (.docx, .txt, .md, draftkit .xml) into its provision tree."""
    return read(path, view=view, limits=limits)


@few_collections
def diff(
    old: str | os.PathLike[str],
    new: str | os.PathLike[str],
    *,
    view: View = "accept",
    limits: Limits | None = None,
    taxonomy: str | os.PathLike[str] | None = None,
    flags: bool = True,
    pairs: Mapping[str, str | None] | Iterable[tuple[str, str | None]] | None = None,
    no_pair: Iterable[str] | None = None,
    lens: str = "default",
    _report: ReportFormat | None = None,
    _made: dict[str, Any] | None = None,
) -> Comparison:
    """Read two drafts (any supported formats), compare them provision by provision and flag
    the changes that matter (risk taxonomy: the default, or the file `taxonomy`). `pairs`
    ({"Article 5(2)": "Article 6(1)"}, citations or eids) are taken as is before alignment;
    `no_pair` labels stay deleted ("=LABEL": stays added). An unknown label is UsageError.
    `lens="translation"`: the drafts are two renderings of one text; rewordings no rule
    explains are reported as register differences (the comparison says the lens was used).
    `_report` (redline_bytes, the CLI's diff --format json): the report that will be made of
    the comparison, whose modules are then imported while the old draft is read; for a DOCX
    redline, JSON or HTML, what the report can make before the flags is made as this process's
    work beside the forked child that shares the flags (before them without one), in
    `_made[_report]` (`_ahead_of_report`)."""
    from draftkit.forked import Later
    from draftkit.readers.pair import Aside, read_pair

    pins = None
    if pairs or no_pair:  # checked before reading: a usage error is quick
        from draftkit.compare.pins import pins_of

        pins = pins_of(pairs, no_pair)
    prepared: dict[str, Any] = {}
    # The comparison's modules are imported after the fork of read_pair (in `_prepare`, while
    # the child reads the old draft): the child starts reading sooner. The child, done with
    # the old draft while this process still warms up, flattens it for alignment (`aside`),
    # then (with the shipped taxonomy) goes on with the work ahead of the flags
    # (risk.foresight) once `_prepare` has given it the new draft's shape (`later`).
    old_flat = Aside(_flat_fields)
    later = Later(_after_reading) if flags and taxonomy is None else None
    foresight: Foresight | None = None
    try:
        old_draft, new_draft = read_pair(
            old,
            new,
            view=view,
            limits=limits,
            meanwhile=lambda draft: _prepare(
                draft, prepared, flags, taxonomy, _report, later, old_flat, lens=lens, view=view
            ),
            aside=old_flat,
            later=later,
        )
        from draftkit.compare import compare
        from draftkit.compare.engine import say_notes
        from draftkit.compare.flat import Flat

        old_fields = None
        if old_flat.value is not None:  # made by the child that read the old draft
            from draftkit.compare import lemma_index

            old_fields, table = old_flat.value
            lemma_index.install(table)

        # Beside a DOCX redline the child that read the old draft flags the comparison, given
        # it (draftkit.flags_aside: `_prepare` gave it the new draft).
        aside = later if prepared.get("flags aside") and later is not None and later.running else None
        # Else the flags' work ahead is made in a child while this process compares
        # (risk.foresight): the reading child's, or else one forked now; what it has made by
        # the end of the comparison is taken.
        if aside is None and flags:
            from draftkit.risk.foresight import Foresight

            if later is not None and later.running:
                foresight = Foresight(later.take, later.keep)  # (ended below by `later.end`)
            else:
                foresight = _foresight(old_draft, new_draft, prepared.get("rules"))
        old_flat_made = None if old_fields is None else Flat.made(old_draft, old_fields)
        try:
            comparison = compare(
                old_draft, new_draft, pins, new_flat=prepared.get("flat"), old_flat=old_flat_made
            )
        finally:
            # The child goes on with the pairs it has not made while this process flags (the
            # flags find them as it sends them), but beside a DOCX redline: that is written
            # while a child forked for it shares the flags (`_flagged`), longer than they take.
            keep = flags and _report != "docx"
            known = foresight.take(keep=keep) if foresight is not None else None
        say_notes(comparison, new_draft, limits)
        # The drafts' flat forms and the flags' work ahead die with this call: not freed
        # when the process ends after the command (memory.outlive).
        outlive(prepared, old_flat, known, foresight)
        if not flags:
            return comparison
        if aside is not None:
            nodes = (
                old_flat_made.nodes if old_flat_made is not None else None,
                prepared["flat"].nodes if "flat" in prepared else None,
            )
            return _flagged_aside(
                comparison,
                aside,
                (old_draft, new_draft),
                nodes,
                prepared,
                taxonomy,
                lens,
                view,
                _report,
                _made,
            )
        return _flagged(comparison, known, prepared, taxonomy, lens, view, _report, _made)
    finally:
        if foresight is not None:
            foresight.end()  # a child it forked and kept working
        if later is not None:
            later.end()  # the child, killed by `take` or still working (kept)


def _flagged_aside(
    comparison: Comparison,
    later: Later,
    drafts: tuple[Draft, Draft],
    nodes: tuple[Sequence[Provision] | None, Sequence[Provision] | None],
    prepared: dict[str, Any],
    taxonomy: str | os.PathLike[str] | None,
    lens: str,
    view: View,
    report: ReportFormat | None,
    made: dict[str, Any] | None,
) -> Comparison:
    """`diff`'s comparison flagged by the child that read the old draft (draftkit.flags_aside),
    given it now, while this process makes what the report can make beforehand
    (`_ahead_of_report`); flagged here as without (`_flagged`) when that child cannot.
    `drafts`: the old and new draft as read (the child holds them), `nodes`: their provisions
    in walk order, when at hand."""
    from dataclasses import replace

    from draftkit import flags_aside

    if not flags_aside.give_comparison(later, comparison, *drafts, *nodes):
        return _flagged(comparison, None, prepared, taxonomy, lens, view, report, made)
    if report in ("docx", "json", "html") and made is not None:
        _ahead_of_report(report, comparison, made)
    flagged = flags_aside.flagged(comparison, later.wait())
    if flagged is None:  # (the report's work is made already)
        return _flagged(comparison, None, prepared, taxonomy, lens, view, report, None)
    return replace(flagged, pins=comparison.pins, lens=lens)


def _flagged(
    comparison: Comparison,
    known: Known | None,
    prepared: dict[str, Any],
    taxonomy: str | os.PathLike[str] | None,
    lens: str,
    view: View,
    report: ReportFormat | None,
    made: dict[str, Any] | None,
) -> Comparison:
    """`diff`'s comparison flagged (with the work `known` ahead), checked (risk.hygiene,
    risk.objects); for a DOCX, JSON or HTML report, what it can make beforehand is made
    while a forked child shares the flags (`_ahead_of_report`, in `made[report]`)."""
    from dataclasses import replace

    from draftkit.risk import flag, load_taxonomy
    from draftkit.risk.hygiene import check
    from draftkit.risk.objects import check_objects

    rules = prepared["rules"] if "rules" in prepared else load_taxonomy(taxonomy)
    if known is None:
        from draftkit.risk.foresight import Known

        known = Known()
    meanwhile = None
    if report in ("docx", "json", "html") and made is not None:
        meanwhile = functools.partial(_ahead_of_report, report, comparison, made)
    flags = flag(
        comparison,
        rules,
        lens=lens,
        known=known.scores,
        found=known.found,
        cosmetic=known.cosmetic,
        meanwhile=meanwhile,
        share=not known.coming,
    )
    flagged = check_objects(check(flags), rules, view=view)
    return replace(flagged, pins=comparison.pins, lens=lens)


def _ahead_of_report(fmt: ReportFormat, comparison: Comparison, made: dict[str, Any]) -> None:
    """What the report in `fmt` can make before the changes are flagged (made while a forked
    child flags, or before the flags without one): a DOCX redline written but for its
    comments (render.redline.begin, with `made["docx options"]`: author, date, moves), the
    JSON lines and HTML rows of the changes the flags leave alone (render.json_diff.ready_lines,
    render.html.ready_rows). Any error is left for the render to raise, where it does the same
    work again."""
    try:
        if fmt == "docx" and "docx options" in made:
            from draftkit.render.redline import begin

            author, date, moves = made["docx options"]
            made["docx"] = begin(comparison, author=author, date=date, moves=moves)
        elif fmt == "json":
            from draftkit.render.json_diff import ready_lines

            made["json"] = ready_lines(comparison)
        elif fmt == "html":
            from draftkit.render.html import ready_rows

            made["html"] = ready_rows(comparison)
    except Exception:  # the render does the same work again, and raises it there
        pass


def _after_reading(old: Draft, given: Given) -> Iterator[Any]:
    """The flags' work ahead in the child that read the old draft (risk.foresight), or the
    flags themselves beside a DOCX redline (draftkit.flags_aside)."""
    from draftkit.flags_aside import after_reading

    return after_reading(old, given)


def _flat_fields(draft: Draft) -> Any:
    """`Flat.of(draft)` as plain values, and the lemma dictionary of the draft's language
    packed (compare.lemma_index; None where there is none): made in the child that read the
    old draft (readers.pair), while this process still reads or warms up. The dictionary
    decompressed there, not here, takes ~20 ms off a long diff (this process is the slower)."""
    from draftkit.compare import lemma_index, lemmas
    from draftkit.compare.flat import Flat

    flat = Flat.of(draft)
    table = None
    with contextlib.suppress(Exception):  # made here when first needed, as without
        table = lemma_index.packed(lemmas.language_of(" ".join(p.text for p in flat.nodes[:50])))
    return flat.fields(), table


def _foresight(old: Draft, new: Draft, rules: Taxonomy | None) -> Foresight | None:
    """Scores made ahead for the flags (risk.foresight), once the taxonomy is loaded (an error
    loading it is raised where the flags load it, as without)."""
    if rules is None:
        return None
    from draftkit.risk.foresight import ahead

    return ahead(old, new, rules)


def _prepare(
    new: Draft,
    prepared: dict[str, Any],
    flags: bool,
    taxonomy: str | os.PathLike[str] | None,
    report: ReportFormat | None = None,
    later: Later | None = None,
    aside: Aside | None = None,
    *,
    lens: str = "default",
    view: View = "accept",
) -> None:
    """What `diff` can do with the new draft alone, done while the old one is still being read
    in a forked child (readers.pair): the new draft flattened for alignment, and given to that
    child (`later`) for the flags: the whole draft beside a DOCX redline, which that child will
    flag (draftkit.flags_aside: `prepared["flags aside"]`; the risk rules are then not loaded
    here), else its shape for the work ahead of the flags (risk.foresight); the taxonomy
    loaded, the modules and first-call compiles the comparison and the flags will need (for a
    long draft also simplemma, which some word of it will almost surely need). Any error here
    is left for the ordinary path to raise."""
    try:
        import draftkit.compare.engine  # imported now (the fork is made), used by diff
        from draftkit.compare.flat import Flat

        flat = prepared["flat"] = Flat.of(new)
        if flags and report == "docx" and later is not None and later.running:
            from draftkit.flags_aside import given_draft

            later.give(given_draft(new, lens, view))
            prepared["flags aside"] = True
        elif flags:
            import draftkit.risk.hygiene
            import draftkit.risk.objects  # noqa: F401 — imported now, used by diff
            from draftkit.flags_aside import SHAPE
            from draftkit.risk import foresight, load_taxonomy

            if later is not None:  # no work ahead (None) for a short draft: it would not pay
                long = len(flat.nodes) >= foresight.AT_LEAST
                later.give((SHAPE, foresight.shape(new, flat.nodes, flat.parent)) if long else None)

            prepared["rules"] = load_taxonomy(taxonomy)
        from draftkit.compare import content, lemmas

        content.warm_up()
        # The lemma dictionary comes from the child reading the old draft, if one does (`aside`).
        lemmas.warm_up(
            " ".join(p.text for p in flat.nodes[:50]),
            simplemma=len(flat.nodes) >= _LONG_DRAFT,
            table=aside is None or not aside.coming,
        )
        if report is not None:  # the renderer's modules (the redline's: ~40 ms of imports)
            importlib.import_module(_RENDERERS[report])
    except Exception:  # the same work is done again below, where its error is raised
        pass


_LONG_DRAFT = 1_000  # provisions: a draft this long has some word outside the dictionaries


ReportFormat = Literal["docx", "html", "md", "json"]
_RENDERERS: dict[ReportFormat, str] = {
    "docx": "draftkit.render.docx_redline",
    "html": "draftkit.render.html",
    "md": "draftkit.render.markdown",
    "json": "draftkit.render.json_diff",
}
_SUFFIXES: dict[str, ReportFormat] = {
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".json": "json",
}


def report_format(output: str | os.PathLike[str], fmt: str | None = None) -> ReportFormat:
    """The report format: given explicitly, else from the output file's suffix."""
    if fmt is not None:
        for value in _SUFFIXES.values():
            if value == fmt:
                return value
        raise UsageError(f"unknown report format {fmt!r} (docx, html, md, json)")
    suffix = Path(output).suffix.lower()
    if suffix not in _SUFFIXES:
        raise UsageError(
            f"cannot tell the report format from {Path(output).name!r}; use .docx, .html, .md or .json, or --format"
        )
    return _SUFFIXES[suffix]


def revision_date(date: str | None = None) -> str:
    """The date stamped on revisions: `date` (YYYY-MM-DD or ISO 8601), else SOURCE_DATE_EPOCH, else now (UTC)."""
    if date is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        if epoch is not None:
            try:
                moment = datetime.fromtimestamp(int(epoch), tz=UTC)
            except (ValueError, OverflowError, OSError):
                raise UsageError(
                    f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {epoch!r}"
                ) from None
        else:
            moment = datetime.now(tz=UTC)
    else:
        try:
            moment = datetime.fromisoformat(date.replace("Z", "+00:00"))
            # An offset can carry a date off the calendar: 0001-01-01T00:00+23:59 is in year 0.
            moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
        except ValueError:
            raise UsageError(
                f"--date must look like 2026-11-24 or 2026-11-24T10:00:00Z, not {date!r}"
            ) from None
        except OverflowError:
            raise UsageError(
                f"--date {date!r} is outside 1980-2107 (what DOCX zip stamps can hold)"
            ) from None
    if not 1980 <= moment.year <= 2107:
        raise UsageError(f"date {moment.date()} is outside 1980-2107 (what DOCX zip stamps can hold)")
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


# Characters an author name may not hold: controls (they cannot be stored in XML, or would
# drive a terminal), bidi overrides (they would disguise the name in Word's review pane),
# line separators, non-characters, and lone surrogates (bytes that were not UTF-8). Compiled
# when first used (re's cache keeps it): a class this wide takes milliseconds to compile,
# which every `diff` would pay before its reading child is forked.
_AUTHOR_UNSAFE = "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"


def check_author(author: str, option: str = "--author") -> str:
    """The author name for tracked changes (given by `option`), refused (exit 2) if it holds
    a control or bidi override character or bytes that were not UTF-8: nothing is silently
    dropped from it."""
    bad = re.search(_AUTHOR_UNSAFE, author)
    if bad is not None:
        char = bad.group()
        what = (
            "bytes that are not UTF-8"
            if "\ud800" <= char <= "\udfff"
            else f"the control character U+{ord(char):04X}"
        )
        raise UsageError(f"{option} holds {what}; give a plain name")
    return author


@few_collections
def render_report(
    comparison: Comparison,
    fmt: ReportFormat,
    *,
    author: str = "draftkit",
    date: str = "2026-01-01T00:00:00Z",
    moves: bool = False,
    summary: bool = False,
    generated: str | None = None,
    _made: dict[str, Any] | None = None,
) -> bytes:
    """The report bytes of a comparison in one of the report formats (`generated`: a date
    to print in the HTML header; none by default, so the bytes depend on the inputs only).
    `_made`: what `diff(_made=…)` made ahead for it."""
    match fmt:
        case "docx":
            from draftkit.render.docx_redline import render_docx

            begun = (_made or {}).get("docx")
            return render_docx(
                comparison, author=author, date=date, moves=moves, summary=summary, begun=begun
            )
        case "html":
            from draftkit.render.html import render_html

            page = render_html(comparison, generated=generated, ready=(_made or {}).get("html"))
            return display_name(page).encode("utf-8")
        case "md":
            from draftkit.render.markdown import render_markdown

            # Markdown is read as plain text too: escaped as the terminal output is.
            return escape_unsafe(render_markdown(comparison)).encode("utf-8")
        case "json":
            from draftkit.render.json_diff import render_json_bytes

            return render_json_bytes(comparison, ready=(_made or {}).get("json"))


@few_collections
def redline_bytes(
    old: str | os.PathLike[str],
    new: str | os.PathLike[str],
    fmt: ReportFormat,
    *,
    author: str = "draftkit",
    date: str | None = None,
    moves: bool = False,
    summary: bool = False,
    view: View = "accept",
    limits: Limits | None = None,
    taxonomy: str | os.PathLike[str] | None = None,
    pairs: Mapping[str, str | None] | Iterable[tuple[str, str | None]] | None = None,
    no_pair: Iterable[str] | None = None,
    lens: str = "default",
) -> bytes:
    """Compare OLD and NEW and return the redline report in `fmt` (revisions dated `date`,
    else SOURCE_DATE_EPOCH, else now; the HTML report shows that date as when it was made)."""
    check_author(author)
    stamp = revision_date(date)
    made: dict[str, Any] = {"docx options": (author, stamp, moves)}
    # A DOCX redline is written into the new draft's file: the tree its reading parses is
    # kept for it (readers.kept), not parsed again.
    with kept.keeping(new) if fmt == "docx" else contextlib.nullcontext():
        comparison = diff(
            old,
            new,
            view=view,
            limits=limits,
            taxonomy=taxonomy,
            pairs=pairs,
            no_pair=no_pair,
            lens=lens,
            _report=fmt,
            _made=made,
        )
        report = render_report(
            comparison,
            fmt,
            author=author,
            date=stamp,
            moves=moves,
            summary=summary,
            generated=stamp,
            _made=made,
        )
    outlive(comparison, made)  # not freed when the process ends after the command
    return report


def redline(
    old: str | os.PathLike[str],
    new: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    author: str = "draftkit",
    date: str | None = None,
    moves: bool = False,
    summary: bool = False,
    view: View = "accept",
    limits: Limits | None = None,
    taxonomy: str | os.PathLike[str] | None = None,
    pairs: Mapping[str, str | None] | Iterable[tuple[str, str | None]] | None = None,
    no_pair: Iterable[str] | None = None,
    lens: str = "default",
) -> Path:
    """Compare OLD and NEW and write a redline report to `output` (format from its suffix),
    atomically; an output path equal to an input is refused."""
    from draftkit.outputs import check_output_path, write_atomic

    inputs: list[str | os.PathLike[str]] = [old, new]
    if taxonomy is not None:  # (the rules' modules are imported once the reading child is forked)
        from draftkit.risk.taxonomy import taxonomy_files

        inputs += taxonomy_files(taxonomy)
    target = check_output_path(output, inputs)
    data = redline_bytes(
        old,
        new,
        report_format(target, fmt),
        author=author,
        date=date,
        moves=moves,
        summary=summary,
        view=view,
        limits=limits,
        taxonomy=taxonomy,
        pairs=pairs,
        no_pair=no_pair,
        lens=lens,
    )
    write_atomic(target, data)
    return target
