"""flag(comparison) → the same comparison with categories and risk flags on every change.

Severity = category weight × significance, against the taxonomy's thresholds. The category
of a flag is the change's strongest category (old and new side together); a change no
category matched is 'general'. Unchanged pairs — pure moves, renumbering, references
updated after a renumbering — carry categories but never flags.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import replace
from typing import Any

from draftkit.compare.changes import SEVERITIES, Change, Comparison, Flag, Severity
from draftkit.compare.textdiff import LONG_TEXT, around_edits
from draftkit.forked import halves
from draftkit.model import Provision
from draftkit.risk.classify import (
    INHERIT_FACTOR,
    Classified,
    LazyClassification,
    TextCache,
    add,
    combine,
    rank,
    subtree_scores,
)
from draftkit.risk.features import Reader
from draftkit.risk.findings import Finding, unexplained
from draftkit.risk.renderings import AGREED, REGISTER, default_findings, rendered
from draftkit.risk.rules import RULES, content_findings
from draftkit.risk.taxonomy import GENERAL, Taxonomy, default_taxonomy
from draftkit.risk.tokens import content_key

AGREED_LINE = f"{REGISTER}: {AGREED}"
FRAGMENT_MAX = 110  # characters of a fragment quoted in a message
MAX_PASSAGES = 3  # unexplained passages reported per change, one low flag each
_KIND_WORDS = {
    "part": "Part",
    "chapter": "Chapter",
    "section": "Section",
    "article": "Article",
    "paragraph": "Paragraph",
    "subparagraph": "Subparagraph",
    "point": "Point",
    "annex": "Annex",
    "preface": "Title",
    "recital": "Recital",
    "conclusion": "Final clause",
}


def severity_of(weight: float, significance: float, taxonomy: Taxonomy) -> Severity:
    """high / medium / low from category weight × significance and the taxonomy's thresholds."""
    score = round(weight * significance, 6)
    if score >= taxonomy.high:
        return "high"
    if score >= taxonomy.medium:
        return "medium"
    return "low"


def quote(fragment: str, limit: int = FRAGMENT_MAX) -> str:
    """A fragment for a message: one line, cut at a word boundary, in single quotes."""
    flat = " ".join(fragment.split())
    if len(flat) > limit:
        cut = flat[: limit - 1]
        space = cut.rfind(" ")
        flat = (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:") + "…"
    return f"'{flat}'"


def focus(old: str, new: str, limit: int = FRAGMENT_MAX, keep: int = 2) -> tuple[str, str]:
    """Two long fragments that share their start or end, cut to the part that differs (with
    `keep` shared words of context): what a reader needs to see of a widened exception."""
    a, b = old.split(), new.split()
    if len(" ".join(a)) <= limit and len(" ".join(b)) <= limit:
        return " ".join(a), " ".join(b)
    bare_a = [w.strip(",;:.") for w in a]
    bare_b = [w.strip(",;:.") for w in b]
    head = 0
    while head < min(len(a), len(b)) and bare_a[head] == bare_b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and bare_a[-1 - tail] == bare_b[-1 - tail]:
        tail += 1
    start = max(0, head - keep)
    end_a, end_b = len(a) - max(0, tail - keep), len(b) - max(0, tail - keep)
    pre = "… " if start else ""
    post_a = " …" if end_a < len(a) else ""
    post_b = " …" if end_b < len(b) else ""
    return pre + " ".join(a[start:end_a]) + post_a, pre + " ".join(b[start:end_b]) + post_b


def message(headline: str, old: str, new: str) -> str:
    """ "Obligation weakened: 'shall withdraw' → 'may withdraw'": the provision and the
    category are not repeated — every report shows them beside the message (issue 17)."""
    if old and new:
        old, new = focus(old, new)
        return f"{headline}: {quote(old)} → {quote(new)}"
    if not (old or new):
        return headline  # "Not weighed: …": nothing to quote
    return f"{headline}: {quote(old or new)}"


HEAVY_WEIGHT = 0.85  # a category at least this heavy makes a plain provision operative
_NOT_OPERATIVE = {"recital", "preface", "conclusion", "annex", "part", "chapter"}
# A definition says what a word means, not what anyone does: never operative by itself.
_DEFINITION = re.compile(
    r"\b(?:means|shall mean|refers to|означає|означают|означает|означають)\b", re.IGNORECASE
)


def _parent_eid(eid: str) -> str:
    return eid.rsplit("__", 1)[0] if "__" in eid else ""


class _Context:
    """Both drafts classified, with their provisions and parents by eid."""

    def __init__(
        self,
        comparison: Comparison,
        taxonomy: Taxonomy,
        known: TextCache | None = None,
        found: Mapping[tuple[str, str], Sequence[Finding]] | None = None,
        cosmetic: Collection[tuple[str, str]] | None = None,
    ) -> None:
        self.taxonomy = taxonomy
        self.cache: TextCache = known if known is not None else {}
        self.found = found if found is not None else {}  # (an empty `_Coming` fills as the flags ask)
        self.cosmetic = cosmetic  # of the pairs in `found`, those that differ only in cosmetics
        self.old = LazyClassification(comparison.old, taxonomy, self.cache)
        self.new = LazyClassification(comparison.new, taxonomy, self.cache)
        self.old_nodes = self.old.nodes  # eid → provision (the last of an eid, in document order)
        self.new_nodes = self.new.nodes
        self.reader = Reader(taxonomy)
        self._subtree_texts: dict[int, str] = {}  # id of a provision of the comparison → its text

    def subtree_text(self, provision: Provision) -> str:
        """`_subtree_text`, made once per provision (moves, the flag and its quote read it)."""
        found = self._subtree_texts.get(id(provision))
        if found is None:
            found = self._subtree_texts[id(provision)] = _subtree_text(provision)
        return found

    def scores(self, provisions: Sequence[Provision], side: Mapping[str, Classified]) -> dict[str, float]:
        """Per category, the strongest score among the provisions of one side."""
        return combine(side[p.eid].total for p in provisions if p.eid in side)

    def categories(
        self, provisions: Sequence[Provision], side: Mapping[str, Classified], scores: Mapping[str, float]
    ) -> tuple[str, ...]:
        """The categories of one side of a change: `rank(scores)`, where `scores` are the
        side's strongest scores (`scores` above). A side of one provision takes the categories
        its classification already ranked: the same, since the strongest of one total is that
        total (and `rank` ignores what is not above 0)."""
        if not provisions:
            return ()
        if len(provisions) == 1 and provisions[0].eid in side:
            return side[provisions[0].eid].categories
        return rank(scores, self.taxonomy)

    def subtree(
        self,
        provision: Provision,
        side: Mapping[str, Classified],
        nodes: Mapping[str, Provision],
        only: Collection[str] | None = None,
    ) -> dict[str, float]:
        """Scores of a whole added or deleted subtree (`only`: of those of its descendants),
        with what its ancestors say."""
        total = subtree_scores(provision, self.taxonomy, self.cache, only)
        eid = _parent_eid(provision.eid)
        while eid:
            if eid in side:
                add(total, side[eid].own, INHERIT_FACTOR)
            eid = _parent_eid(eid)
        return total


def _primary(scores: Mapping[str, float], taxonomy: Taxonomy) -> str:
    ranked = rank(scores, taxonomy)
    return ranked[0] if ranked else GENERAL


def _subtree_text(provision: Provision) -> str:
    return "\n".join(part for p in provision.walk() for part in (p.heading or "", p.text) if part)


def _has_modal(text: str, reader: Reader) -> bool:
    analysis = reader.analyse(text)
    return bool(reader.taxonomy.compiled.obligation.find(analysis.text))


def _provision_finding(
    change: Change, ctx: _Context, gone: Collection[str]
) -> tuple[Finding, dict[str, float]] | None:
    """The one flag of a whole provision added or deleted (its sub-provisions ride along).
    `gone`: the eids added (deleted) on its side. A sub-provision not among them was kept
    elsewhere ("The Parties agreed on the following:" deleted, its points kept at the top
    level): the flag weighs and counts only what went with the provision."""
    added = change.kind == "added"
    provisions = change.new if added else change.old
    if not provisions:
        return None
    top = provisions[0]
    side = ctx.new if added else ctx.old
    nodes = ctx.new_nodes if added else ctx.old_nodes
    parts = [p for p in top.walk() if p is top or p.eid in gone]
    if len(parts) == sum(1 for _ in top.walk()):
        scores = ctx.subtree(top, side, nodes)
        text = ctx.subtree_text(top)
    else:
        scores = ctx.subtree(top, side, nodes, {p.eid for p in parts})
        text = "\n".join(part for p in parts for part in (p.heading or "", p.text) if part)
    parent = nodes.get(_parent_eid(top.eid))
    lead_in = parent.text if parent is not None and parent.text.rstrip().endswith(":") else ""
    own = _has_modal(text, ctx.reader)
    operative = own or bool(lead_in and _has_modal(lead_in, ctx.reader))
    if not operative and top.kind not in _NOT_OPERATIVE and not _DEFINITION.search(text):
        # A plain statement binds in a framework ("Україна визнає Крим …", "Россия сохранит
        # контроль …"): a whole provision added or deleted in a heavy category is operative
        # whether or not a modal verb says so (issue 14, item 5).
        own = operative = ctx.taxonomy.weight(_primary(scores, ctx.taxonomy)) >= HEAVY_WEIGHT
    sig = ctx.taxonomy.significance
    if added:
        value = sig.provision_operative_added if operative else sig.provision_added
    else:
        value = sig.provision_operative_deleted if operative else sig.provision_deleted
    if operative and not own:
        value = min(value, sig.provision_lead_in)  # one item of a list its chapeau binds
    kind = _KIND_WORDS.get(top.kind, "Provision")
    count = len(parts) - 1
    headline = f"{kind} {'added' if added else 'deleted'}"
    if count:
        headline += f" with {count} sub-provision{'s' if count > 1 else ''}"
    shown = top.heading or top.text or text
    finding = Finding("provision", headline, value, "" if added else shown, shown if added else "")
    return finding, scores


def _moved_keys(comparison: Comparison, ctx: _Context) -> set[tuple[str, ...]]:
    """Content of provisions deleted in one place and added unchanged in another: a move the
    alignment did not pair is still a move, never a deletion plus an addition."""
    deleted: set[tuple[str, ...]] = set()
    added: set[tuple[str, ...]] = set()
    for change in comparison.changes:
        for p in change.old if change.kind == "deleted" else ():
            deleted.add(content_key(ctx.subtree_text(p)))
        for p in change.new if change.kind == "added" else ():
            added.add(content_key(ctx.subtree_text(p)))
    return {k for k in deleted & added if k}


_RULE_ORDER = {rule: k for k, rule in enumerate(RULES)}
_SEVERITY_ORDER = {s: k for k, s in enumerate(SEVERITIES)}


def _around_edits(change: Change) -> Change:
    """`change` with long equal runs cut to the context around the edits (ops stay consistent)."""
    if len(change.old_text) + len(change.new_text) <= LONG_TEXT:
        return change
    ops = around_edits(change.ops)
    return replace(
        change,
        ops=ops,
        old_text="".join(t for kind, t in ops if kind != "insert"),
        new_text="".join(t for kind, t in ops if kind != "delete"),
    )


def _flags_for(
    change: Change,
    ctx: _Context,
    added_eids: set[str],
    deleted_eids: set[str],
    sides: tuple[dict[str, float], dict[str, float]],
    lens: str = "default",
) -> tuple[Flag, ...]:
    """The flags of one change (`sides`: the old and the new provisions' scores); a whole
    provision added or deleted is flagged even if it moved (`_unmoved` takes its flag away)."""
    taxonomy = ctx.taxonomy
    findings: list[Finding] = []
    scores: dict[str, float]
    match change.kind:
        case "unchanged":
            return ()
        case "added" | "deleted":
            provisions = change.new if change.kind == "added" else change.old
            eids = added_eids if change.kind == "added" else deleted_eids
            if not provisions or _parent_eid(provisions[0].eid) in eids:
                return ()  # reported with the added or deleted provision it belongs to
            result = _provision_finding(change, ctx, eids)
            if result is None:
                return ()
            finding, scores = result
            findings.append(finding)
        case "modified" | "split" | "merged":
            scores = combine(sides)
            # A chapeau ("The Parties shall:") is about what its points say: its modal
            # governs them, so the points' subjects name the change's category.
            for provisions, side, nodes in (
                (change.old, ctx.old, ctx.old_nodes),
                (change.new, ctx.new, ctx.new_nodes),
            ):
                for p in provisions:
                    if p.text.rstrip().endswith(":") and p.children:
                        add(scores, ctx.subtree(p, side, nodes))
            change = _around_edits(change)
            pair = (change.old_text, change.new_text)
            grouped = change.kind != "modified"
            # Made ahead (risk.foresight): the default lens's findings, weighed there.
            made = None if grouped or lens == "translation" else ctx.found.get(pair)
            sig = taxonomy.significance
            # Texts equal but for cosmetics (spacing, punctuation, spelling variants) have no
            # reworded passage, however the word diff happened to align repeated words.
            if made is not None and ctx.cosmetic is not None:
                cosmetic = pair in ctx.cosmetic  # made ahead with the findings (risk.foresight)
            else:
                cosmetic = content_key(change.old_text) == content_key(change.new_text)
            # Two renderings of one text (the lens), or a paraphrase whose numbers, names,
            # modals and negations agree: what the rules read in a rewording weighs as one
            # (risk.renderings).
            if made is not None:
                found = made
            elif lens == "translation" and not cosmetic:
                found = content_findings(*pair, ctx.reader, grouped)
                found = rendered(ctx.reader.side(pair[0]), ctx.reader.side(pair[1]), found, sig, grouped)
            else:
                found = default_findings(*pair, ctx.reader, grouped)
            findings.extend(found)
            if change.heading_changed and content_key(change.old_heading or "") != content_key(
                change.new_heading or ""
            ):
                findings.append(
                    Finding(
                        "heading",
                        "Heading changed",
                        sig.heading,
                        change.old_heading or "",
                        change.new_heading or "",
                    )
                )
            summed = any(f.headline == AGREED_LINE for f in findings)  # the lens's one line says it all
            rest = (
                []
                if cosmetic or summed
                else unexplained(change.ops, findings, change.old_text, change.new_text)
            )
            structural = {"split": "Provision split", "merged": "Provisions merged"}.get(change.kind)
            explained = bool(findings)
            for k, (old_words, new_words, deleted, inserted) in enumerate(rest[:MAX_PASSAGES]):
                if explained:
                    headline = "Also reworded"
                elif structural:
                    headline = f"{structural}, reworded"
                elif not deleted:
                    headline = "Words added"
                elif not inserted:
                    headline = "Words removed"
                else:
                    headline = "Wording changed"
                if k == MAX_PASSAGES - 1 and len(rest) > MAX_PASSAGES:
                    headline += f" (and {len(rest) - MAX_PASSAGES} more passages)"
                findings.append(Finding("wording", headline, sig.wording, old_words, new_words, position=k))
            if structural and not findings:
                findings.append(Finding("wording", structural, sig.wording, change.old_cite, change.new_cite))
    category = _primary(scores, taxonomy)
    weight = taxonomy.weight(category)
    # A title names the text and binds no one: a draft's working title replaced by the
    # signed one, a date or a "(draft)" dropped, is shown but never above low.
    title = all(p.kind == "preface" for p in (*change.old, *change.new))
    flags = [
        (
            _SEVERITY_ORDER[severity],
            _RULE_ORDER.get(f.rule, len(RULES)),
            f.position,
            Flag(
                rule=f.rule,
                category=category,
                severity=severity,
                message=message(f.headline, f.old, f.new),
                old=f.old,
                new=f.new,
            ),
        )
        for f in findings
        for severity in ("low" if title else severity_of(weight, _weighed(f, weight), taxonomy),)
    ]
    flags.sort(key=lambda item: item[:3])
    return tuple(item[3] for item in flags)


def _weighed(finding: Finding, weight: float) -> float:
    """A finding's significance in a category of this weight: its heavy one in a heavy
    category (an item dropped from what must be withdrawn matters more than one dropped
    from a secretariat's services)."""
    return max(finding.significance, finding.heavy) if weight >= HEAVY_WEIGHT else finding.significance


LENSES = ("default", "translation")


def flag(
    comparison: Comparison,
    taxonomy: Taxonomy | None = None,
    lens: str = "default",
    *,
    known: TextCache | None = None,
    found: Mapping[tuple[str, str], Sequence[Finding]] | None = None,
    cosmetic: Collection[tuple[str, str]] | None = None,
    meanwhile: Callable[[], None] | None = None,
    share: bool = True,
) -> Comparison:
    """A new Comparison whose changes carry categories (old and new side) and risk flags.

    `lens="translation"`: the two drafts are renderings of one text, so every rewording no
    rule explains is reported as what it is — a register difference, named as noise.
    `known`: texts' scores under this taxonomy already made (`text_scores` of each, as
    risk.foresight makes them while the drafts are compared); taken over, not copied.
    `found`: pairs' content findings under this taxonomy already made (risk.rules'
    `content_findings` of (old text, new text), as risk.foresight makes them too).
    `cosmetic`: with `found`, the pairs of it whose texts differ only in cosmetics (equal
    `content_key`s; made with them by risk.foresight); without it, the flags compare the keys.
    `meanwhile`: other work done in this process while a forked child flags a share of the
    changes (forked.halves), before this process flags its own (without a child: first).
    `share=False`: no child shares them (a child still making `found`, risk.foresight's
    kept one, already works beside this process)."""
    if lens not in LENSES:
        raise ValueError(f"unknown lens {lens!r} (known: {', '.join(LENSES)})")
    taxonomy = taxonomy or default_taxonomy()
    ctx = _Context(comparison, taxonomy, known, found, cosmetic)
    added_eids = {p.eid for c in comparison.changes if c.kind == "added" for p in c.new}
    deleted_eids = {p.eid for c in comparison.changes if c.kind == "deleted" for p in c.old}
    # Categories are for what changed or moved (renumbering alone never carries a flag);
    # `draftkit classify` shows them for every provision.
    work = [k for k, c in enumerate(comparison.changes) if c.kind != "unchanged" or c.moved]
    # The content of provisions deleted in one place and added in another (`_moved_keys`) is
    # one more item of work, the last: with a forked child it is the child's first, made beside
    # the flags this process makes instead of before either begins.
    if added_eids and deleted_eids:
        work.append(_MOVED)

    def annotate(k: int) -> _Annotation | _Moved:
        if k == _MOVED:
            return frozenset(_moved_keys(comparison, ctx))
        change = comparison.changes[k]
        old_scores = ctx.scores(change.old, ctx.old)
        new_scores = ctx.scores(change.new, ctx.new)
        old_category = ctx.categories(change.old, ctx.old, old_scores)
        new_category = ctx.categories(change.new, ctx.new, new_scores)
        flags = _flags_for(change, ctx, added_eids, deleted_eids, (old_scores, new_scores), lens)
        if lens == "translation":
            flags = tuple(
                replace(f, message=f"{REGISTER}: {f.message.split(': ', 1)[-1]}")
                if f.rule == "wording" and not f.message.startswith(REGISTER)
                else f
                for f in flags
            )
        return flags, old_category, new_category

    # Each change's flags depend on the comparison and the caches only: a long comparison's
    # changes are shared with a forked child (draftkit.forked.halves: this process from the
    # front, the child from the back, meeting where they meet).
    annotated = halves(
        work,
        annotate,
        _encode_annotation,
        _decode_annotation,
        at_least=FORK_AT_LEAST if share else len(work) + 1,
        meanwhile=meanwhile,
    )
    moved: _Moved = frozenset()
    if work[-1:] == [_MOVED]:
        work.pop()
        content = annotated.pop()
        assert isinstance(content, frozenset)
        moved = content
    changes = list(comparison.changes)
    for k, item in zip(work, annotated, strict=True):
        assert not isinstance(item, frozenset)  # (the moved content was the last item)
        flags, old_category, new_category = item
        if moved and flags:
            flags = _unmoved(comparison.changes[k], flags, ctx, moved)
        changes[k] = replace(changes[k], flags=flags, old_category=old_category, new_category=new_category)
    return Comparison(comparison.old, comparison.new, tuple(changes))


def _unmoved(
    change: Change, flags: tuple[Flag, ...], ctx: _Context, moved: frozenset[tuple[str, ...]]
) -> tuple[Flag, ...]:
    """`flags` of a change, none for a whole provision added or deleted whose content moved."""
    if change.kind not in ("added", "deleted"):
        return flags
    provisions = change.new if change.kind == "added" else change.old
    return () if content_key(ctx.subtree_text(provisions[0])) in moved else flags


_Annotation = tuple[tuple[Flag, ...], tuple[str, ...], tuple[str, ...]]
_Moved = frozenset[tuple[str, ...]]  # the moved content (`_moved_keys`)
_MOVED = -1  # the work item that makes it
FORK_AT_LEAST = 400  # changes to flag before they are shared with a forked child (~0.1 s of work)


def _encode_annotation(annotation: _Annotation | _Moved) -> Any:
    if isinstance(annotation, frozenset):
        return annotation  # (marshal keeps a frozenset of tuples of strings as it is)
    flags, old_category, new_category = annotation
    return (
        tuple((f.rule, f.category, f.severity, f.message, f.old, f.new) for f in flags),
        old_category,
        new_category,
    )


def _decode_annotation(value: Any) -> _Annotation | _Moved:
    if isinstance(value, frozenset):
        return value
    flags, old_category, new_category = value
    return tuple(Flag(*f) for f in flags), tuple(old_category), tuple(new_category)
