"""Two drafts read side by side (readers/pair.py, issue 18): the same drafts, warnings and
errors, in the same order, as reading one after the other."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from draftkit import forked
from draftkit.readers import pair as pair_module
from draftkit.readers import read
from draftkit.readers.pair import read_pair
from tests.fresh import run_fresh

DRAFTS = Path(__file__).resolve().parents[2] / "drafts"

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or len(os.sched_getaffinity(0)) < 2,
    reason="side by side needs fork and two cores",
)


def _fresh(code: str) -> str:
    """Run `code` in a fresh interpreter: a test session may hold threads (a server, an
    office process's pipes), and read_pair rightly reads one after the other then."""
    prelude = (
        "import sys\n"
        "from draftkit.readers import pair\n"
        "pair._MIN_BYTES = 0\n"
        "assert pair._side_by_side(sys.argv[1], sys.argv[2]), 'not side by side'\n"
    )
    return prelude + code


def _run(code: str, old: Path, new: Path) -> str:
    return run_fresh(_fresh(code), old, new, without="DRAFTKIT_SEQUENTIAL_READ", timeout=120)


_SAME = """
from draftkit.readers import read, reporting
from draftkit.readers.pair import read_pair
seq, par = [], []
with reporting(seq.append):
    a = (read(sys.argv[1]), read(sys.argv[2]))
with reporting(par.append):
    b = read_pair(sys.argv[1], sys.argv[2])
assert a == b, 'drafts differ'
assert [d.warnings for d in a] == [d.warnings for d in b], 'warnings differ'
assert seq == par, (seq, par)
print(len(par))
"""


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("framework-v1.docx", "framework-v2.docx"),
        ("framework-v2.txt", "framework-v3-press.txt"),
        ("framework-v3-press.txt", "framework-v2.txt"),
        ("framework-v1.docx", "framework-v2.pdf"),
        ("framework-v3.docx", "framework-v3-tracked.docx"),
    ],
)
def test_same_drafts_and_warnings_in_the_same_order(old: str, new: str) -> None:
    lines = int(_run(_SAME, DRAFTS / old, DRAFTS / new))
    # The press text's one warning, the tracked draft's note on its pending changes: said once.
    assert lines == (1 if "press" in old + new or "tracked" in new else 0)


_ERROR = """
from draftkit.errors import DraftkitError
from draftkit.readers import read
from draftkit.readers.pair import read_pair
def error(side_by_side):
    try:
        read_pair(sys.argv[1], sys.argv[2]) if side_by_side else (read(sys.argv[1]), read(sys.argv[2]))
    except DraftkitError as exc:
        return str(exc)
    raise AssertionError('no error')
assert error(True) == error(False), (error(True), error(False))
print(error(True))
"""


@pytest.mark.parametrize("broken_side", ["old", "new", "both"])
def test_the_same_error_as_reading_in_order(tmp_path: Path, broken_side: str) -> None:
    bad_old, bad_new = tmp_path / "bad-old.docx", tmp_path / "bad-new.docx"
    bad_old.write_bytes(b"PK\x03\x04 not really a zip")
    bad_new.write_bytes(b"%PDF-1.4 named .docx but nothing inside")
    good = DRAFTS / "framework-v1.docx"
    old = bad_old if broken_side in ("old", "both") else good
    new = bad_new if broken_side in ("new", "both") else good
    said = _run(_ERROR, old, new)
    assert ("bad-old" if broken_side != "new" else "bad-new") in said


def test_strict_refuses_the_old_draft_first() -> None:
    code = """
from draftkit.errors import DraftkitError
from draftkit.readers import Limits
from draftkit.readers.pair import read_pair
try:
    read_pair(sys.argv[1], sys.argv[2], limits=Limits(strict=True))
except DraftkitError as exc:
    print(exc)
"""
    said = _run(code, DRAFTS / "framework-v3-press.txt", DRAFTS / "framework-v2.txt")
    assert "--strict" in said


def test_a_child_that_fails_leaves_the_reading_to_this_process() -> None:
    """A child that dies before sending anything: the old draft is read here, same result."""
    code = """
from draftkit.readers import read
from draftkit.readers.pair import read_pair
pair._pieces = lambda draft, aside=None: 1 / 0
assert read_pair(sys.argv[1], sys.argv[2]) == (read(sys.argv[1]), read(sys.argv[2]))
print('ok')
"""
    assert _run(code, DRAFTS / "framework-v1.docx", DRAFTS / "framework-v2.docx").strip() == "ok"


def test_a_child_that_dies_between_pieces_leaves_the_reading_to_this_process() -> None:
    """A child that sends a few of its pieces and dies: what came is dropped, the old draft is
    read here, same result."""
    code = """
import os
from draftkit.readers import read
from draftkit.readers.pair import read_pair
sent = pair._pieces
def dying(draft, aside=None):
    values = sent(draft, aside)
    yield next(values)
    yield next(values)
    os._exit(3)
pair._pieces = dying
assert read_pair(sys.argv[1], sys.argv[2]) == (read(sys.argv[1]), read(sys.argv[2]))
print('ok')
"""
    assert _run(code, DRAFTS / "framework-v1.docx", DRAFTS / "framework-v2.docx").strip() == "ok"


@pytest.mark.parametrize("runs", [1, 3, 8, 1000])
def test_the_pieces_make_the_draft_again_however_many(monkeypatch: pytest.MonkeyPatch, runs: int) -> None:
    import marshal

    from draftkit.model import Draft

    monkeypatch.setattr(pair_module, "_PIECES", runs)
    for draft in (
        read(DRAFTS / "framework-v2.docx"),
        read(DRAFTS / "framework-v3-press.txt"),
        Draft(None, (), ()),
    ):
        sent = [marshal.loads(marshal.dumps(value)) for value in pair_module._pieces(draft)]
        assert pair_module._assembled(iter(sent)) == draft
        assert pair_module._assembled(iter(sent[:-1])) is None  # cut short
        assert pair_module._assembled(iter([*sent, sent[-1]])) is None  # one too many
        aside = pair_module.Aside(lambda d: (len(d.provisions), d.title))
        sent = [marshal.loads(marshal.dumps(value)) for value in pair_module._pieces(draft, aside)]
        taken = pair_module.Aside(aside.make)
        assert pair_module._assembled(iter(sent), taken) == draft
        assert taken.value == (len(draft.provisions), draft.title)
        assert (
            pair_module._assembled(iter(sent[:-1]), pair_module.Aside(aside.make)) is None
        )  # no aside piece


def test_not_side_by_side_for_stdin_threads_small_files_or_when_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old, new = DRAFTS / "framework-v1.docx", DRAFTS / "framework-v2.docx"
    monkeypatch.setattr(pair_module, "_MIN_BYTES", 0)
    monkeypatch.setattr(forked.threading, "active_count", lambda: 1)
    monkeypatch.delenv("DRAFTKIT_SEQUENTIAL_READ", raising=False)
    assert pair_module._side_by_side(old, new)
    assert not pair_module._side_by_side("-", new)
    monkeypatch.setattr(forked.threading, "active_count", lambda: 2)
    assert not pair_module._side_by_side(old, new)
    monkeypatch.setattr(forked.threading, "active_count", lambda: 1)
    monkeypatch.setenv("DRAFTKIT_SEQUENTIAL_READ", "1")
    assert not pair_module._side_by_side(old, new)
    monkeypatch.delenv("DRAFTKIT_SEQUENTIAL_READ")
    monkeypatch.setattr(pair_module, "_MIN_BYTES", 256 * 1024)
    assert not pair_module._side_by_side(old, new)  # the bundled drafts are small


def test_sequential_fallback_gives_the_same_drafts() -> None:
    old, new = DRAFTS / "framework-v1.docx", DRAFTS / "framework-v2.docx"
    assert read_pair(old, new) == (read(old), read(new))


def test_the_child_sends_every_field_of_a_draft() -> None:
    """The tuple encoding names Provision's and Draft's fields by position: a field added
    to the model must be added there too, or drafts read in the child would lose it."""
    import dataclasses
    import marshal

    from draftkit.model import Draft, Provision

    provision = ["kind", "num", "ordinal", "heading", "text", "children", "eid", "guid", "location"]
    assert [f.name for f in dataclasses.fields(Provision)] == provision
    assert [f.name for f in dataclasses.fields(Draft)] == [
        "title",
        "preamble",
        "provisions",
        "source",
        "meta",
        "warnings",
    ]
    from draftkit.model import Source

    assert [f.name for f in dataclasses.fields(Source)] == ["path", "sha256", "format", "tables", "running"]
    for name in ("framework-v3-press.txt", "framework-v2.docx", "framework-v2.pdf"):
        draft = read(DRAFTS / name)
        if draft.source is not None and draft.source.format == "pdf":  # running lines left out
            draft = dataclasses.replace(draft, source=dataclasses.replace(draft.source, running=("DRAFT 3",)))
        sent = marshal.loads(marshal.dumps(tuple(pair_module._pieces(draft))))
        decoded = pair_module._assembled(iter(sent))
        assert decoded == draft and decoded is not None and decoded.warnings == draft.warnings
        assert decoded.source == draft.source


_MEANWHILE = """
import os
from draftkit.readers import read
from draftkit.readers.pair import read_pair
seen = []
def meanwhile(draft):
    seen.append((draft, os.getpid()))
a, b = read_pair(sys.argv[1], sys.argv[2], meanwhile=meanwhile)
assert len(seen) == 1 and seen[0][0] is b and seen[0][1] == os.getpid(), seen
assert (a, b) == (read(sys.argv[1]), read(sys.argv[2]))
print("ok")
"""


def test_meanwhile_gets_the_new_draft_once_in_this_process() -> None:
    """Side by side: the new draft is handed to `meanwhile` here, once, while the child reads."""
    assert _run(_MEANWHILE, DRAFTS / "framework-v1.docx", DRAFTS / "framework-v2.docx").strip() == "ok"


def test_meanwhile_in_order_too() -> None:
    seen: list[object] = []
    old, new = read_pair(
        DRAFTS / "framework-v2.txt", DRAFTS / "framework-v3-press.txt", meanwhile=seen.append
    )
    assert seen == [new] and seen[0] is new and old != new


_ASIDE = """
import os
from draftkit.readers import read
from draftkit.readers.pair import Aside, read_pair
here = os.getpid()
aside = Aside(lambda draft: (os.getpid(), len(draft.provisions)))
a, b = read_pair(sys.argv[1], sys.argv[2], aside=aside)
assert (a, b) == (read(sys.argv[1]), read(sys.argv[2]))
pid, count = aside.value
assert pid != here and count == len(a.provisions), aside.value
failing = Aside(lambda draft: 1 / 0)
assert read_pair(sys.argv[1], sys.argv[2], aside=failing) == (a, b) and failing.value is None
print("ok")
"""


def test_aside_work_is_done_in_the_child_and_its_failure_is_no_failure() -> None:
    """Side by side, `aside.make` runs in the child on the old draft and its value comes back;
    when it raises, the drafts come all the same and the value stays None."""
    assert _run(_ASIDE, DRAFTS / "framework-v1.docx", DRAFTS / "framework-v2.docx").strip() == "ok"


def test_aside_is_left_to_the_caller_in_order() -> None:
    aside = pair_module.Aside(lambda draft: 1)
    read_pair(DRAFTS / "framework-v2.txt", DRAFTS / "framework-v3-press.txt", aside=aside)
    assert aside.value is None


_LATER = """
import os
from draftkit.forked import Later
from draftkit.readers import read
from draftkit.readers.pair import read_pair
a, b = read(sys.argv[1]), read(sys.argv[2])
here = os.getpid()
def made(old, given):
    yield (os.getpid(), len(old.provisions))
    yield given()
later = Later(made)
assert read_pair(sys.argv[1], sys.argv[2], later=later, meanwhile=lambda new: later.give(len(new.provisions))) == (a, b)
assert later.running
import time
time.sleep(2)  # take never waits: the child, on a busy machine, is given time to send both
(pid, count), given = later_took = later.take()
later.end()
assert pid != here and count == len(a.provisions) and given == len(b.provisions), later_took
# A child that fails to send the old draft: it is read here, and nothing is made later.
from draftkit.readers import pair as module
module._pieces = lambda draft, aside=None: 1 / 0
later = Later(made)
assert read_pair(sys.argv[1], sys.argv[2], later=later) == (a, b)
assert not later.running and later.take() == []
later.end()
print("ok")
"""


def test_later_work_goes_on_in_the_child_once_given_and_a_failed_child_makes_none() -> None:
    """Side by side, the child that read the old draft goes on with `later`'s work, given a
    value this process made of the new draft; the drafts are those read in order."""
    assert _run(_LATER, DRAFTS / "framework-v1.docx", DRAFTS / "framework-v2.docx").strip() == "ok"


def test_later_is_not_running_in_order() -> None:
    later = forked.Later(lambda old, given: iter([1]))
    read_pair(DRAFTS / "framework-v2.txt", DRAFTS / "framework-v3-press.txt", later=later)
    assert not later.running and later.take() == []
    later.end()


_TABLE_FROM_CHILD = """
import os
from draftkit import api
from draftkit.compare import lemma_index
made_here = []
original = lemma_index._made
lemma_index._made = lambda lang: made_here.append(lang) or original(lang)
side_by_side = api.diff(sys.argv[1], sys.argv[2])
assert made_here == [], made_here  # the child decompressed the dictionary, not this process
assert 'en' in lemma_index._TABLES
lemma_index._TABLES.clear()
pair._side_by_side = lambda old, new: False
in_order = api.diff(sys.argv[1], sys.argv[2])
assert made_here == ['en'], made_here
assert side_by_side == in_order
print("ok")
"""


def test_the_lemma_dictionary_comes_from_the_child_and_compares_the_same() -> None:
    """api.diff side by side: the child that reads the old draft makes the lemma dictionary
    (compare.lemma_index) and this process takes it instead of decompressing it; the
    comparison, flags included, is the one made reading in order."""
    assert _run(_TABLE_FROM_CHILD, DRAFTS / "framework-v1.docx", DRAFTS / "framework-v2.docx").strip() == "ok"
