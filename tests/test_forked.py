"""draftkit.forked: work split with a forked child gives what the ordinary path gives — the
same results in order, the parent's errors, a failed child's half redone — and flag() on a
comparison flagged half in a child equals flag() in one process (issue 18)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.fresh import run_fresh

DRAFTS = Path(__file__).resolve().parents[1] / "drafts"

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or len(os.sched_getaffinity(0)) < 2, reason="forking needs fork and two cores"
)


def _fresh(code: str) -> str:
    """Run `code` in a fresh interpreter (a test session may hold threads, and rightly no
    work is forked then); it prints 'ok' when its assertions hold."""
    prelude = "from draftkit import forked\nassert forked.can_fork(), 'cannot fork here'\n"
    return run_fresh(prelude + code, without="DRAFTKIT_SEQUENTIAL", timeout=300).strip()


def test_halves_in_order_shared_by_speed_with_a_childs_failure_redone_and_the_parents_error_raised() -> None:
    code = """
import os, time
from draftkit.forked import halves
items = list(range(1001))
same = lambda x: x
assert {pid for _, pid in halves(items, lambda x: (x, os.getpid()), same, same, at_least=2000)} == {os.getpid()}
parent = os.getpid()
def slow(x, here=0.0005, there=0.0005):
    time.sleep(here if os.getpid() == parent else there)
    return x, os.getpid()
made = halves(items, slow, list, tuple, at_least=10)
assert [x for x, _ in made] == items
pids = [pid for _, pid in made]
assert len(set(pids)) == 2 and pids[0] == parent and pids[-1] != parent, set(pids)  # shared
assert pids == sorted(pids, key=lambda pid: pid != parent)  # this process's from the front
# Whichever is quicker does more, and the results are in order all the same.
quick_child = [pid for _, pid in halves(items, lambda x: slow(x, 0.002, 0.0002), list, tuple, at_least=10)]
quick_parent = [pid for _, pid in halves(items, lambda x: slow(x, 0.0002, 0.002), list, tuple, at_least=10)]
assert quick_child.count(parent) < 500 < quick_parent.count(parent), (quick_child.count(parent), quick_parent.count(parent))
assert [x for x, _ in halves(items, lambda x: (x, 0), list, tuple, at_least=10)] == items
def fails_in_child(x):
    if os.getpid() != parent:
        raise RuntimeError("child")
    return x * 2
assert halves(items, fails_in_child, same, same, at_least=10) == [x * 2 for x in items]
def fails_in_parent(x):
    time.sleep(0.0005)  # the child cannot have made them all before this process's first
    if os.getpid() == parent and x == 3:
        raise ValueError("parent")
    return x
try:
    halves(items, fails_in_parent, same, same, at_least=10)
except ValueError:
    pass
else:
    raise AssertionError("the parent's error was lost")
print("ok")
"""
    assert _fresh(code) == "ok"


def test_flags_made_half_in_a_child_are_the_flags_made_in_one_process() -> None:
    code = f"""
import os, time
from draftkit.compare import compare
from draftkit.readers import read
from draftkit.risk import annotate, flag
comparison = compare(read({str(DRAFTS / "framework-v1.docx")!r}), read({str(DRAFTS / "framework-v2.docx")!r}))
annotate.FORK_AT_LEAST = 10**9
alone = flag(comparison)
annotate.FORK_AT_LEAST = 2
seen = []
original = annotate._flags_for
def recording(*args, **kwargs):
    seen.append(os.getpid())
    time.sleep(0.005)  # slow enough that the child, forked, takes some of them
    return original(*args, **kwargs)
annotate._flags_for = recording
split = flag(comparison)
assert split == alone
assert sum(1 for c in alone.changes if c.flags) > 3
assert set(seen) == {{os.getpid()}} and len(seen) < sum(1 for c in alone.changes if c.kind != "unchanged" or c.moved)
print("ok")
"""
    assert _fresh(code) == "ok"


def test_ahead_gives_what_has_come_whole_in_order_and_ends_the_child() -> None:
    code = """
import os, time
from draftkit.forked import Ahead
work = Ahead(lambda: iter([{"a": [1.5]}, ("b", None), list(range(1000))]))
time.sleep(1)
assert work.take() == [{"a": [1.5]}, ("b", None), list(range(1000))]
assert work.take() == []  # once
def slow():
    yield 1
    time.sleep(60)
    yield 2
started = time.monotonic()
work = Ahead(slow)
time.sleep(1)
assert work.take() == [1]  # never waits for more
assert time.monotonic() - started < 30
def fails():
    yield 1
    raise RuntimeError("child")
work = Ahead(fails)
time.sleep(1)
assert work.take() == [1]
work = Ahead(lambda: 1 / 0)
time.sleep(0.5)
assert work.take() == []
print("ok")
"""
    assert _fresh(code) == "ok"


def test_halves_does_meanwhile_once_here_before_its_share() -> None:
    code = """
import os
from draftkit.forked import halves
parent = os.getpid()
for at_least in (10, 10**9):  # with a child, and without
    seen = []
    made = halves(list(range(100)), lambda x: seen.append(("item", os.getpid())) or x, list, tuple,
                  at_least=at_least, meanwhile=lambda: seen.append(("meanwhile", os.getpid())))
    assert made == list(range(100))
    assert seen[0] == ("meanwhile", parent) and seen.count(("meanwhile", parent)) == 1, seen[:3]
print("ok")
"""
    assert _fresh(code) == "ok"


def test_later_goes_on_once_given_and_take_never_waits_and_ends_the_child() -> None:
    code = """
import os, time
from draftkit.forked import Later
def made(start, given):
    yield ("start", start)
    time.sleep(0.5)  # the child is busy: what is given waits for it
    value = given()
    yield ("given", value if isinstance(value, str) else len(repr(value)))  # a big value: its size
    if value == "slow":
        time.sleep(60)
        yield "never taken"
def later_in_a_child(make=made):
    later = Later(make)
    assert later.open()
    pid = os.fork()
    if pid == 0:
        later.in_child()
        try:
            later.run(7)
        finally:
            os._exit(0)
    later.in_parent(pid)
    assert later.running
    return later, pid
later, pid = later_in_a_child()
big = {"texts": [f"text {k} " * 10 for k in range(30_000)]}  # ~2.5 MB, more than a pipe holds
started = time.monotonic()
later.give(big)
assert time.monotonic() - started < 0.4  # given while the child sleeps: never waits for it
later.give("twice")  # (the child asks for one value only)
time.sleep(1.5)
assert later.take() == [("start", 7), ("given", len(repr(big)))]
assert not later.running and later.take() == []
later.end()
try:
    os.waitpid(pid, os.WNOHANG)
except ChildProcessError:
    pass  # waited for by end
else:
    raise AssertionError("the child was not waited for")
later, _ = later_in_a_child()
later.give("slow")
time.sleep(1.5)
started = time.monotonic()
assert later.take() == [("start", 7), ("given", "slow")]
later.end()
assert time.monotonic() - started < 30
later, _ = later_in_a_child()  # never given: the child waits, and is ended
time.sleep(1)
assert later.take() == [("start", 7)]
later.end()
later, _ = later_in_a_child(lambda start, given: 1 / 0)  # it fails: nothing comes
later.give(1)
time.sleep(0.5)
assert later.take() == []
later.end()
unopened = Later(made)
unopened.give(1)
assert not unopened.running and unopened.take() == []
unopened.end()
print("ok")
"""
    assert _fresh(code) == "ok"


def test_later_is_given_values_in_turn_and_wait_takes_all_the_child_sends() -> None:
    """`Later.give`, value after value, each read by the child in turn (`given.ready()` says,
    never waiting, whether one waits); `wait` takes every piece the child sends, waiting for
    the last, and ends the child; then nothing more comes."""
    code = """
import os, time
from draftkit.forked import Later
def made(start, given):
    yield ("ready at first", given.ready())
    yield ("first", given())
    while not given.ready():
        time.sleep(0.01)
    yield ("second", given())
    time.sleep(0.5)
    yield "last"
later = Later(made)
assert later.open()
pid = os.fork()
if pid == 0:
    later.in_child()
    try:
        later.run(0)
    finally:
        os._exit(0)
later.in_parent(pid)
time.sleep(0.3)
big = "a" * 3_000_000  # more than a pipe holds
later.give(big)
later.give({"b": 2})
started = time.monotonic()
assert later.wait() == [("ready at first", False), ("first", big), ("second", {"b": 2}), "last"]
assert time.monotonic() - started >= 0.4  # the last piece waited for
assert not later.running and later.wait() == [] and later.take() == []
later.end()
print("ok")
"""
    assert _fresh(code) == "ok"


def test_a_program_that_ends_after_its_command_does_not_wait_for_its_children() -> None:
    """forked.reap: in the `draftkit` program (memory.ending) a child is left to end beside it
    (giving back a long draft's memory takes it ~10 ms), reaped by the next `reap` once gone:
    no more than one comparison's children are ever left; a library caller waits as before."""
    code = (
        "import os, time\n"
        "from draftkit import forked, memory\n"
        "def child(seconds):\n"
        "    pid = os.fork()\n"
        "    if pid == 0:\n"
        "        time.sleep(seconds)\n"
        "        os._exit(0)\n"
        "    return pid\n"
        "slow = child(0.5)\n"
        "started = time.monotonic()\n"
        "forked.reap(slow)\n"
        "print(round(time.monotonic() - started, 1))\n"  # waited for: 0.5
        "memory.process_ends_after_command()\n"
        "slow = child(0.5)\n"
        "started = time.monotonic()\n"
        "forked.reap(slow)\n"
        "print(round(time.monotonic() - started, 1), forked._unreaped == [slow])\n"
        "time.sleep(1)\n"
        "quick = child(0)\n"
        "time.sleep(0.5)\n"
        "forked.reap(quick)\n"  # both gone by now: both reaped
        "print(forked._unreaped)\n"
    )
    out = run_fresh(code, without="DRAFTKIT_SEQUENTIAL", timeout=60).split("\n")
    # Wall times, rounded: on a loaded machine a 0.5 s child may take 0.6 s to be waited for;
    # not waiting stays far below it.
    waited, (left, unreaped) = float(out[0]), out[1].split()
    assert 0.5 <= waited < 1.5 and float(left) <= 0.1 and unreaped == "True"
    assert out[2] == "[]"


def test_a_child_writes_nothing_to_the_programs_output() -> None:
    """forked.quiet_child: a child's standard output and error are the null device, so nothing
    it might print reaches the program's output, and a reader of that output does not wait for
    the child to exit."""
    code = (
        "import sys, time\n"
        "from draftkit.forked import Ahead, halves\n"
        "def make():\n"
        "    print('from the child', flush=True)\n"
        "    print('from the child', file=sys.stderr, flush=True)\n"
        "    yield 1\n"
        "ahead = Ahead(make)\n"
        "time.sleep(0.5)\n"
        "print(ahead.take())\n"
        "def work(k):\n"
        "    print('child or parent', k, flush=True) if k == 999 else None\n"
        "    return k\n"
        "print(halves(list(range(1000)), work, int, int, at_least=1) == list(range(1000)))\n"
    )
    out = run_fresh(code, without="DRAFTKIT_SEQUENTIAL", timeout=60)
    assert "from the child" not in out
    assert out.split("\n")[0] == "[1]" and out.split("\n")[-2] == "True"
