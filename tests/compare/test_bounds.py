"""Cost bounds of alignment and word diff (issues 12 item 7, 13 item 5): the shapes that once
took tens of seconds finish quickly, and the coarser fallbacks stay exact."""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import pytest

from draftkit.compare import compare
from draftkit.compare.textdiff import diff_words, new_text, old_text

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from compare_shapes import megaparagraph, near_repeats, repeats, reworded

# Generous limits (CI machines are shared): the shapes took 8–60 s before the bounds.
LIMIT_S = 5.0


@pytest.mark.parametrize(
    "build",
    [lambda: repeats(479), lambda: near_repeats(500), lambda: reworded(24_000)],
    ids=["repeats-479", "near-repeats-500", "reworded-24k"],
)
def test_pathological_shapes_compare_quickly(build: object) -> None:
    old, new = build()  # type: ignore[operator]
    started = time.perf_counter()
    comparison = compare(old, new)
    assert time.perf_counter() - started < LIMIT_S
    assert sum(len(c.old) for c in comparison.changes) == old.count()
    assert sum(len(c.new) for c in comparison.changes) == new.count()


def test_two_different_long_paragraphs_diff_exactly_and_quickly() -> None:
    old, new = megaparagraph(300_000)
    a = old.provisions[0].children[0].text
    b = new.provisions[0].children[0].text
    started = time.perf_counter()
    ops = diff_words(a, b)
    assert time.perf_counter() - started < LIMIT_S
    assert (old_text(ops), new_text(ops)) == (a, b)


@pytest.mark.parametrize("where", [0, 1000, 30_000])
def test_a_small_edit_in_a_long_paragraph_is_shown_as_words(where: int) -> None:
    old, _ = megaparagraph(200_000)
    a = old.provisions[0].children[0].text
    cut = a.index(" ", where) + 1
    b = a[:cut] + "not " + a[cut:]
    ops = diff_words(a, b)
    assert (old_text(ops), new_text(ops)) == (a, b)
    assert [op for op in ops if op[0] != "equal"] == [("insert", "not ")]


def test_long_texts_diffed_by_sentences_stay_exact() -> None:
    sentences_a = [f"Point {k} shall apply to zone {k % 7}." for k in range(30_000)]
    sentences_b = [f"Point {k} shall apply to zone {k % 5}." for k in range(30_000)]
    a, b = " ".join(sentences_a), " ".join(sentences_b)
    ops = diff_words(a, b)
    assert (old_text(ops), new_text(ops)) == (a, b)


def test_content_candidates_stay_linear_when_everything_shares_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two long drafts with little in common but a small vocabulary (every text holds words
    hundreds of others hold): each old text is scored against at most CANDIDATE_HITS new
    ones, not all of them (a 13,200-provision pair took minutes)."""
    import random

    from draftkit.compare import content

    rng = random.Random(7)
    vocabulary = [f"term{k}" for k in range(150)]
    olds, news = ([" ".join(rng.choices(vocabulary, k=14)) + "." for _ in range(1200)] for _ in range(2))
    similarity = content.ContentSimilarity(olds, news, lang="en")
    calls = 0
    score = content.ContentSimilarity.score

    def counted(self: content.ContentSimilarity, x: int, y: int) -> float:
        nonlocal calls
        calls += 1
        return score(self, x, y)

    monkeypatch.setattr(content.ContentSimilarity, "score", counted)
    found = similarity.candidates()
    assert calls <= content.CANDIDATE_HITS * len(olds)
    assert len(found) == 5 * len(olds)  # still up to five candidates each


def test_a_text_citing_thousands_of_paragraphs_is_read_in_linear_time() -> None:
    """One provision citing 10,000 paragraphs ("in accordance with paragraph N, …"): its
    citations are found, and masked in its risk tokens, without checking each against all
    the others (quadratic: a diff of such a provision took 34 s, now 1 s)."""
    from draftkit.compare.refs import find_references
    from draftkit.risk.tokens import Text

    text = "The Parties shall act " + " ".join(
        f"in accordance with paragraph {k % 50 + 1}," for k in range(10_000)
    )
    started = time.perf_counter()
    refs = find_references(text)
    masked = Text(text, masked=[(r.start, r.end) for r in refs])
    assert time.perf_counter() - started < LIMIT_S
    assert len(refs) == 10_000
    assert sum(1 for t in masked.tokens if t.norm == "#ref") == 10_000


_LETTERS = random.Random(0)
_VOCABULARY = [
    "".join(_LETTERS.choices("abcdefghijklmnopqrstuvwxyz", k=_LETTERS.randint(2, 9))) for _ in range(3000)
]


def _words(count: int, seed: int) -> list[str]:
    return random.Random(seed).choices(_VOCABULARY, k=count)


def _every_tenth_changed(count: int) -> tuple[str, str]:
    """One sentence of `count` words, and the same with every tenth word changed: the
    hostile paragraph of docs/limits.md (there 42 MB, 6.5 million words)."""
    words = _words(count, count)
    return " ".join(words) + ".", " ".join(w + "x" if k % 10 == 0 else w for k, w in enumerate(words)) + "."


def test_a_huge_paragraph_is_not_cut_into_words_whole() -> None:
    """4 MB of one sentence with 65,000 edits: tokenized whole, its 1.3 million tokens a side
    took ~150 MB (a 42 MB one, 1.5 GB and 7.5 s); found coarse by its characters and
    sentences, it takes a few MB — and says it is coarse."""
    import tracemalloc

    a, b = _every_tenth_changed(650_000)
    tracemalloc.start()
    try:
        ops = diff_words(a, b)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (old_text(ops), new_text(ops)) == (a, b)
    assert peak < 3 * (len(a) + len(b)), f"{peak / 1e6:.0f} MB for {(len(a) + len(b)) / 1e6:.0f} MB of text"
    from draftkit.compare.textdiff import diff_text

    assert diff_text(a, b)[1] == "sentences"


def test_a_small_edit_in_a_huge_paragraph_is_still_shown_as_words() -> None:
    from draftkit.compare.textdiff import diff_text

    words = _words(300_000, 3)
    a = " ".join(words)
    for at in (0, 1, 150_000, 299_999):
        edited = [*words[:at], "not", *words[at:]]
        b = " ".join(edited)
        ops, level = diff_text(a, b)
        assert (old_text(ops), new_text(ops)) == (a, b)
        assert level == "words"
        assert [op for op in ops if op[0] != "equal"] == [("insert", "not " if at < 300_000 else " not")]
        changed = " ".join([*words[:at], words[at] + "s", *words[at + 1 :]])
        ops, level = diff_text(a, changed)
        assert [op for op in ops if op[0] != "equal"] == [("delete", words[at]), ("insert", words[at] + "s")]


def test_the_changed_sentences_of_a_long_paragraph_are_diffed_word_by_word() -> None:
    """A paragraph too long for one word diff (30,000 tokens a side) is diffed by sentences;
    each changed sentence is then diffed word by word (it was shown deleted and inserted whole)."""
    sentences = [" ".join(_words(12, k)) + "." for k in range(2_500)]
    edited = [s.replace(" ", " not ", 1) if k % 50 == 7 else s for k, s in enumerate(sentences)]
    a, b = " ".join(sentences), " ".join(edited)
    ops = diff_words(a, b)
    assert (old_text(ops), new_text(ops)) == (a, b)
    assert [op[1].strip() for op in ops if op[0] != "equal"] == ["not"] * 50  # "not " or " not"
    from draftkit.compare.textdiff import diff_text

    assert diff_text(a, b)[1] == "words"


@pytest.mark.parametrize("seed", range(300))
def test_the_huge_path_is_exact_and_cuts_no_word(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The character-level head and tail of texts too long to cut into words, tried on short
    texts (HUGE_CHARS lowered): the ops rebuild both texts, and an equal head or tail ends
    at a space, never inside a word."""
    from draftkit.compare import textdiff

    monkeypatch.setattr(textdiff, "HUGE_CHARS", 40)
    rng = random.Random(seed)
    words = _words(rng.randint(1, 30), seed)
    b_words = list(words)
    for _ in range(rng.randint(0, 4)):
        k = rng.randrange(len(b_words) + 1)
        choice = rng.random()
        if choice < 0.3 and b_words:
            b_words[min(k, len(b_words) - 1)] += rng.choice(["s", "ed", "."])
        elif choice < 0.6:
            b_words.insert(k, rng.choice(["not", "all", "x.", "7"]))
        elif b_words:
            del b_words[min(k, len(b_words) - 1)]
    a, b = " ".join(words), " ".join(b_words)
    ops, _ = textdiff.diff_text(a, b)
    assert (old_text(ops), new_text(ops)) == (a, b)
    if a != b and len(a) + len(b) > 40 and ops and ops[0][0] == "equal":
        head = ops[0][1]
        assert (
            head == a
            or head.endswith(" ")
            or a[len(head)] == " "
            or b[len(head) : len(head) + 1] in ("", " ")
        )


def test_a_provision_compared_coarsely_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Shown by sentences, not words, a change says so: a located warning on stderr and in the
    JSON's warnings, refused by --strict like every reading warning (HUGE_CHARS lowered: the
    shape of a 42 MB paragraph, in 3 KB)."""
    import json

    from draftkit.compare import textdiff
    from tests.hostile.helpers import cli

    monkeypatch.setattr(textdiff, "HUGE_CHARS", 2_000)
    a, b = _every_tenth_changed(400)
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(f"Article 1\n1. {a}\n", encoding="utf-8")
    new.write_text(f"Article 1\n1. {b}\n", encoding="utf-8")
    run = cli("diff", old, new, "--format", "json")
    assert run.code == 0, run.err
    said = f"{new}: line 2: Article 1(1) is too long to compare word by word"
    assert f"draftkit: warning: {said}" in run.err
    assert "the sentences that changed are shown deleted and inserted whole" in run.err
    warnings = json.loads(run.out)["new"]["warnings"]
    assert [w["code"] for w in warnings] == ["not-compared"]
    strict = cli("diff", old, new, "--strict")
    assert strict.code == 3 and "too long to compare word by word" in strict.err
    monkeypatch.setattr(textdiff, "HUGE_CHARS", 1_000_000)
    assert "too long" not in cli("diff", old, new).err


@pytest.mark.parametrize("command", ["history", "compare3"])
def test_history_and_compare3_say_a_coarse_provision_too(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from draftkit.compare import textdiff
    from tests.hostile.helpers import cli

    monkeypatch.setattr(textdiff, "HUGE_CHARS", 2_000)
    a, b = _every_tenth_changed(400)
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(f"Article 1\n1. {a}\n", encoding="utf-8")
    new.write_text(f"Article 1\n1. {b}\n", encoding="utf-8")
    args = [old, new] if command == "history" else [old, new, old]
    run = cli(command, *args)
    assert run.code == 0, run.err
    assert f"draftkit: warning: {new}: line 2: Article 1(1) is too long to compare word by word" in run.err


_WORDS = [
    "the",
    "parties",
    "shall",
    "withdraw",
    "forces",
    "from",
    "the",
    "line",
    "within",
    "thirty",
    "days",
    "and",
]


def _one_paragraph_each(folder: Path, old: list[str], new: list[str]) -> None:
    """old.txt and new.txt in `folder`, each one numbered paragraph of these words."""
    (folder / "old.txt").write_text("1. " + " ".join(old) + ".\n", encoding="utf-8")
    (folder / "new.txt").write_text("1. " + " ".join(new) + ".\n", encoding="utf-8")


def test_a_change_too_long_for_the_risk_rules_is_flagged_not_weighed(tmp_path: Path) -> None:
    """A single paragraph of 2.5 MB a side, every tenth word changed, took 708 s and a peak
    of 19.9 GB in `draftkit diff` (the risk rules over the whole text); over
    limits.WEIGH_CHARS a changed provision is flagged as not weighed, and a located note
    says so (on stderr, in the reports)."""
    from draftkit.api import diff
    from draftkit.limits import WEIGH_CHARS
    from draftkit.risk.rules import NOT_WEIGHED

    rng = random.Random(3)
    words = _WORDS[:-1]
    old = [rng.choice(words) for _ in range(WEIGH_CHARS // 8)]
    new = [w if k % 10 else rng.choice(words) for k, w in enumerate(old)]
    _one_paragraph_each(tmp_path, old, new)
    started = time.perf_counter()
    comparison = diff(tmp_path / "old.txt", tmp_path / "new.txt")
    assert time.perf_counter() - started < LIMIT_S * 4
    [changed] = [c for c in comparison.changes if c.kind == "modified"]
    assert [f.message for f in changed.flags][:1] == [NOT_WEIGHED]
    assert changed.flags[0].severity != "low"
    notes = [w for w in comparison.new.warnings if w.code == "not-compared"]
    assert any("too long for the risk rules" in w.message and w.location is not None for w in notes)


def test_a_long_provision_with_one_edit_is_weighed_and_not_said_unweighed(tmp_path: Path) -> None:
    """The risk rules read a long text cut around its edits (risk.annotate), so a 355,000-
    character paragraph with one 'shall' made 'may' is weighed ('Obligation weakened'); the
    comparison still noted it as too long for the risk rules, 'flagged as not weighed' (a
    false note, and --strict refused the pair)."""
    from draftkit.api import diff
    from draftkit.limits import WEIGH_CHARS

    words = _WORDS
    old = [words[k % len(words)] for k in range(30_000)]
    new = [*old[:15_002], "may", *old[15_003:]]
    assert old[15_002] == "shall" and 2 * len(" ".join(old)) > WEIGH_CHARS
    _one_paragraph_each(tmp_path, old, new)
    comparison = diff(tmp_path / "old.txt", tmp_path / "new.txt")
    [changed] = [c for c in comparison.changes if c.kind == "modified"]
    assert [f.message for f in changed.flags] == ["Obligation weakened: 'shall withdraw' → 'may withdraw'"]
    assert not [w for w in comparison.new.warnings if "too long for the risk rules" in w.message]
