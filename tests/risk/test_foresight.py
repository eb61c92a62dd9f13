"""risk.foresight (issue 18): the texts scored and the pairs read ahead while the drafts are
compared are the ones the flags score and read, and flags made with them are the flags made
without."""

from __future__ import annotations

import marshal
import os
from pathlib import Path

import pytest

from draftkit.compare import compare
from draftkit.model import Draft, Provision
from draftkit.readers import read
from draftkit.risk import annotate, flag, load_taxonomy
from draftkit.risk.classify import text_scores
from draftkit.risk.foresight import Known, likely_pairs, likely_texts, made_ahead, shape
from draftkit.risk.tokens import content_key
from tests.fresh import run_fresh

DRAFTS = Path(__file__).resolve().parents[2] / "drafts"
PAIRS = [
    ("framework-v1.docx", "framework-v2.docx"),
    ("framework-v2.txt", "framework-v3-press.txt"),
    ("framework-v3.txt", "framework-v4-brackets.txt"),
    ("framework-v4-brackets.txt", "framework-v5-merged.txt"),
]


def _p(eid: str, text: str, *children: Provision, heading: str | None = None) -> Provision:
    return Provision("point", None, None, heading, text, tuple(children), eid=eid)


def test_a_changed_provision_brings_its_ancestors_and_descendants_and_nothing_unchanged() -> None:
    old = Draft(None, (), (_p("a", "Article one.", _p("a_1", "Kept."), _p("a_2", "Troops: 600,000.")),))
    new = Draft(
        None,
        (),
        (
            _p(
                "a",
                "Article one.",
                _p("a_1", "Kept."),
                _p("a_2", "Troops: 800,000.", _p("a_2_a", "Sub."), heading="Forces"),
            ),
        ),
    )
    texts = likely_texts(old, new)
    assert texts == ["Article one.", "Troops: 600,000.", "Troops: 800,000.", "Forces", "Sub."]
    assert "Kept." not in texts
    assert likely_texts(old, old) == []


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_flags_with_texts_scored_ahead_are_the_flags_without(a: str, b: str) -> None:
    rules = load_taxonomy(None)
    comparison = compare(read(DRAFTS / a), read(DRAFTS / b))
    # As the child sends them: through marshal.
    known = marshal.loads(
        marshal.dumps({t: text_scores(t, rules) for t in likely_texts(comparison.old, comparison.new)})
    )
    assert flag(comparison, rules, known=dict(known)) == flag(comparison, rules)
    assert flag(comparison, rules, known={}) == flag(comparison, rules)
    # Everything made ahead, as the child sends it (marshal), taken over.
    sent = [
        marshal.loads(marshal.dumps(piece))
        for piece in made_ahead(shape(comparison.old), shape(comparison.new), rules)
    ]
    made = Known().take(sent)
    assert made.found or a.endswith("merged.txt"), "no pair foreseen"
    read_pairs: list[tuple[str, str]] = []
    default_findings = annotate.default_findings  # (what the flags read a pair with)

    def counted(old: str, new: str, reader: object, grouped: bool = False) -> object:
        read_pairs.append((old, new))
        return default_findings(old, new, reader, grouped)  # type: ignore[arg-type]

    annotate.default_findings = counted  # type: ignore[assignment]
    try:
        ahead = flag(comparison, rules, known=made.scores, found=made.found, cosmetic=made.cosmetic)
        read_ahead = len(read_pairs)
        alone = flag(comparison, rules)
    finally:
        annotate.default_findings = default_findings
    assert ahead == alone == flag(comparison, rules, known=made.scores, found=made.found)
    # The pairs found ahead are not read again (the flags look them up by the texts they read).
    assert read_ahead == len(read_pairs) - read_ahead - len(made.found.keys() & set(read_pairs))
    assert made.cosmetic == {(o, n) for o, n in made.found if content_key(o) == content_key(n)}


def test_pairs_a_kept_child_sends_after_the_flags_began_are_not_read_again() -> None:
    """A child kept working (`Foresight.take(keep=True)`) may have sent no pair yet when the
    flags begin: they find the pairs it sends meanwhile all the same (an empty `_Coming` was
    taken for no mapping, and every pair was read here)."""
    from draftkit.forked import Coming, frame
    from draftkit.risk.foresight import _Coming

    rules = load_taxonomy(None)
    comparison = compare(read(DRAFTS / "framework-v1.docx"), read(DRAFTS / "framework-v2.docx"))
    sent = list(made_ahead(shape(comparison.old), shape(comparison.new), rules))
    reader, writer = os.pipe()
    try:
        coming = Coming(reader)
        known = Known().take(coming.new())  # nothing has come yet
        known.found = _Coming(known, coming)
        assert not known.found and known.coming
        os.write(writer, b"".join(frame(piece) for piece in sent))  # (16 kB: the pipe holds it)
        read_pairs: list[tuple[str, str]] = []
        default_findings = annotate.default_findings  # (what the flags read a pair with)

        def counted(old: str, new: str, reader: object, grouped: bool = False) -> object:
            read_pairs.append((old, new))
            return default_findings(old, new, reader, grouped)  # type: ignore[arg-type]

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(annotate, "default_findings", counted)
            ahead = flag(
                comparison, rules, known=known.scores, found=known.found, cosmetic=known.cosmetic, share=False
            )
        assert known.found, "nothing taken as it came"
        assert not known.found.keys() & set(read_pairs)
        assert ahead == flag(comparison, rules)
    finally:
        os.close(reader)
        os.close(writer)


def test_a_pair_that_differs_only_in_cosmetics_is_known_as_such() -> None:
    """Spacing and spelling variants only: no reworded passage, with the pair made ahead or not."""
    rules = load_taxonomy(None)
    old = Draft(None, (), (_p("a", "The parties shall withdraw all forces."), _p("b", "Kept.")))
    new = Draft(None, (), (_p("a", "The parties  shall withdraw all forces ."), _p("b", "Kept.")))
    comparison = compare(old, new)
    made = Known().take([marshal.loads(marshal.dumps(p)) for p in made_ahead(shape(old), shape(new), rules)])
    pair = ("The parties shall withdraw all forces.", "The parties  shall withdraw all forces .")
    assert made.cosmetic == {pair}
    keyed: list[str] = []

    def key_counted(text: str) -> tuple[str, ...]:
        keyed.append(text)
        return content_key(text)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(annotate, "content_key", key_counted)
        ahead = flag(comparison, rules, known=made.scores, found=made.found, cosmetic=made.cosmetic)
        assert not set(pair) & set(keyed)  # known: its content keys are not compared again
        alone = flag(comparison, rules)
        assert set(pair) <= set(keyed)
    assert ahead == alone
    assert [c.kind for c in ahead.changes] == ["modified", "unchanged"]
    assert not any(f.rule == "wording" for c in ahead.changes for f in c.flags)


def _reference_likely_texts(old: Draft, new: Draft) -> list[str]:
    """likely_texts as first written, on the provision trees (the test's oracle)."""
    seen: dict[str, None] = {}

    def visit(provision: Provision, held: set[str], chain: list[Provision]) -> None:
        if provision.text not in held:
            for p in (*chain, *provision.walk()):
                seen[p.text] = None
                if p.heading:
                    seen[p.heading] = None
        for child in provision.children:
            visit(child, held, [*chain, provision])

    for mine, other in ((old, new), (new, old)):
        held = {p.text for p in other.walk()}
        front = {other.title, *other.preamble}
        for text in (mine.title, *mine.preamble):
            if text and text not in front:
                seen[text] = None
        for provision in mine.provisions:
            visit(provision, held, [])
    return list(seen)


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_likely_texts_from_shapes_are_those_of_the_trees(a: str, b: str) -> None:
    old, new = read(DRAFTS / a), read(DRAFTS / b)
    assert likely_texts(shape(old), shape(new)) == _reference_likely_texts(old, new)
    assert likely_texts(shape(new), shape(old)) == _reference_likely_texts(new, old)


def test_likely_pairs_are_the_changed_texts_between_texts_both_hold() -> None:
    def tree(*texts: str) -> Draft:
        return Draft(None, (), tuple(_p(f"p{k}", t) for k, t in enumerate(texts)))

    old = shape(tree("Kept.", "Troops: 600,000.", "Also kept.", "Gone.", "Last."))
    new = shape(tree("Kept.", "Troops: 800,000.", "Also kept.", "Inserted.", "Changed.", "Last."))
    # "Gone." pairs with the first text only the new draft holds after "Also kept.".
    assert likely_pairs(old, new) == [("Troops: 600,000.", "Troops: 800,000."), ("Gone.", "Inserted.")]
    assert likely_pairs(old, old) == []


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_the_likely_pairs_are_the_pairs_the_flags_read(
    a: str, b: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What makes it pay: the flags find most pairs they read already read."""
    comparison = compare(read(DRAFTS / a), read(DRAFTS / b))
    read_pairs: list[tuple[str, str]] = []
    default_findings = annotate.default_findings  # (the default lens's: the rules' findings, weighed)

    def kept(old: str, new: str, reader: object, grouped: bool = False) -> object:
        read_pairs.append((old, new))
        return default_findings(old, new, reader, grouped)  # type: ignore[arg-type]

    monkeypatch.setattr(annotate, "default_findings", kept)
    monkeypatch.setenv("DRAFTKIT_SEQUENTIAL", "1")
    flag(comparison, load_taxonomy(None))
    likely = set(likely_pairs(shape(comparison.old), shape(comparison.new)))
    assert read_pairs, "nothing read: the pair has no modified provision"
    assert len(likely.intersection(read_pairs)) >= 0.5 * len(read_pairs), (len(likely), len(read_pairs))


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_the_likely_texts_are_the_texts_the_flags_score(
    a: str, b: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What makes it pay: the flags find nearly every text they score already made."""
    rules = load_taxonomy(None)
    comparison = compare(read(DRAFTS / a), read(DRAFTS / b))
    caches: list[dict[str, object]] = []
    made = annotate._Context.__init__

    def keep(self: annotate._Context, *args: object, **kwargs: object) -> None:
        made(self, *args, **kwargs)  # type: ignore[arg-type]
        caches.append(self.cache)  # type: ignore[arg-type]

    monkeypatch.setattr(annotate._Context, "__init__", keep)
    monkeypatch.setenv("DRAFTKIT_SEQUENTIAL", "1")
    flag(comparison, rules)
    scored = set(caches[-1])
    likely = set(likely_texts(comparison.old, comparison.new))
    assert scored, "nothing scored: the pair has no change"
    assert len(scored & likely) >= 0.75 * len(scored)  # the rest: moves, which are not foreseen


@pytest.mark.skipif(
    not hasattr(os, "fork") or len(os.sched_getaffinity(0)) < 2, reason="needs fork and two cores"
)
def test_a_diff_with_work_made_ahead_in_a_child_is_the_diff_without() -> None:
    """Both children: the one that read the old draft (shipped taxonomy), and the one forked
    for the work once both drafts are read (a taxonomy file given)."""
    code = """
import os, sys
from draftkit import api, forked
from draftkit.readers import pair
from draftkit.resources import schema_path
from draftkit.risk import foresight
from draftkit.render.json_diff import render_json
assert forked.can_fork()
foresight.AT_LEAST = 0
pair._MIN_BYTES = 0
taken = []
take = foresight.Foresight.take
def counted(self, **options):
    known = take(self, **options)
    taken.append((len(known.scores), len(known.found)))
    return known
foresight.Foresight.take = counted
by_later = []
later_take = forked.Later.take
def later_counted(self):
    came = later_take(self)
    by_later.append(len(came))
    return came
forked.Later.take = later_counted
coming_new = forked.Coming.new
def coming_counted(self):  # the reading child's pieces taken as they come (the child kept)
    came = coming_new(self)
    by_later.append(len(came))
    return came
forked.Coming.new = coming_counted
import time, draftkit.compare as compare_package
compared = compare_package.compare
def slow(*args, **kwargs):  # a short pair compares faster than a child starts: give it time
    time.sleep(2)
    return compared(*args, **kwargs)
compare_package.compare = slow
by_reader = render_json(api.diff(sys.argv[1], sys.argv[2]))
by_another = render_json(api.diff(sys.argv[1], sys.argv[2], taxonomy=schema_path("taxonomy.toml")))
assert len(taken) == 2 and all(scores and found for scores, found in taken), taken
assert by_later and by_later[0] > 0, by_later  # the first diff's work: the reading child's
os.environ["DRAFTKIT_SEQUENTIAL"] = "1"
os.environ["DRAFTKIT_SEQUENTIAL_READ"] = "1"
assert render_json(api.diff(sys.argv[1], sys.argv[2])) == by_reader == by_another
print("ok")
"""
    said = run_fresh(
        code,
        DRAFTS / "framework-v1.docx",
        DRAFTS / "framework-v2.docx",
        without="DRAFTKIT_SEQUENTIAL",
        timeout=300,
    )
    assert said.strip() == "ok"
