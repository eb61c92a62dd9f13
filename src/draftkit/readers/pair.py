"""Two drafts read side by side: the old one in a forked child process while this process
reads the new one, on a machine with two cores or more (issue 18).

Takes two paths, hands on the two Drafts exactly as `read` would, one after the other:
the same drafts, the same warnings in the same order (the old draft's first), the same
error when one cannot be read (the old draft's first). The child sends its draft back as
plain tuples through a pipe (`marshal`: several times faster than pickling the frozen
dataclasses), in pieces: this process decodes one while the child encodes the next. If
anything goes wrong in the child — an unreadable file, a limit, a crash — this process reads
the old draft itself, so errors are raised here, by the ordinary path.

Side by side only where it pays and is safe: Linux (fork), at least two usable cores, both
files large enough (`_MIN_BYTES`), standard input not involved, and this process running a
single thread and not itself a pool worker (a fork beside other threads may inherit a lock
held by one of them). Otherwise the two drafts are read one after the other.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from draftkit.forked import Later, can_fork, child_pieces, frame, pieces, pipe, quiet_child, reap, stop
from draftkit.model import Draft, Location, Provision, ReadWarning, Source
from draftkit.readers import STDIN, Limits, View, read, read_unreported, report
from draftkit.readers.frozen import new_location, new_provision
from draftkit.readers.furniture import noted

if TYPE_CHECKING:
    from queue import SimpleQueue

_MIN_BYTES = 256 * 1024  # below this a draft reads in ~30 ms: a fork would not pay
_ENV = "DRAFTKIT_SEQUENTIAL_READ"  # set to 1 to always read one after the other


def read_pair(
    old: str | os.PathLike[str],
    new: str | os.PathLike[str],
    *,
    view: View = "accept",
    limits: Limits | None = None,
    meanwhile: Callable[[Draft], None] | None = None,
    aside: Aside | None = None,
    later: Later | None = None,
) -> tuple[Draft, Draft]:
    """(old, new) read as `read` reads each; side by side where that is faster. `meanwhile`
    is given the new draft as soon as it is read: work that needs only it (and first-call
    costs) is done while the child still reads the old one, instead of after. `aside`: work
    on the old draft the child does once it has read it (its result in `aside.value` when
    read side by side; left None otherwise, for the caller to do the work itself). `later`:
    work the child goes on with once it has sent the old draft (`later.run(old_draft)`: it
    is sent by a thread of the child, as this process takes it), for this process to `give`
    it a value and `take` what it made; `later.running` says whether a child does it (read
    side by side, and the child delivered the old draft). The caller ends it (`take`, `end`)."""
    limits = limits or Limits()
    if not _side_by_side(old, new):
        first, second = read(old, view=view, limits=limits), read(new, view=view, limits=limits)
        second = noted(first, second, view, limits, said=True)
        if meanwhile is not None:
            meanwhile(second)
        return first, second
    old_path, new_path = Path(old), Path(new)
    going_on = later if later is not None and later.open() else None  # `later`, set up
    try:
        reader, writer = pipe()
    except OSError:
        if going_on is not None:
            going_on.end()
        raise
    pid = os.fork()
    if pid == 0:  # the child: read the old draft, send it, leave without cleanup handlers
        quiet_child()
        os.close(reader)
        if going_on is not None:
            going_on.in_child()
            _child_going_on(
                writer, lambda: read_unreported(old_path, view, limits, str(old)), aside, going_on
            )
        child_pieces(writer, lambda: _pieces(read_unreported(old_path, view, limits, str(old)), aside))
    os.close(writer)
    if aside is not None:
        aside.coming = True
    if going_on is not None:
        going_on.in_parent(pid)
    new_error: BaseException | None = None
    new_draft: Draft | None = None
    old_draft: Draft | None = None
    try:
        try:
            new_draft = noted(old, read_unreported(new_path, view, limits, str(new)), view, limits)
        except Exception as exc:  # raised below, after the old draft, as reading in order would
            new_error = exc
        if meanwhile is not None and new_draft is not None:
            meanwhile(new_draft)
        old_draft = _assembled(pieces(reader), aside)
    finally:
        os.close(reader)
        if going_on is not None:
            if old_draft is None:
                going_on.end()  # the child, and the work it would have gone on with
        elif old_draft is None:
            stop(pid)  # it may be blocked writing a piece no one will read
        else:
            reap(pid)
    if old_draft is None:
        old_draft = read_unreported(old_path, view, limits, str(old))
    report(old_draft, limits, str(old))
    if new_error is not None:
        raise new_error
    assert new_draft is not None
    if new_draft.source is not None and new_draft.source.format == "pdf":  # its running lines
        new_draft = noted(old_draft, new_draft, view, limits)  # (a Word file's: as it was read)
    report(new_draft, limits, str(new))
    return old_draft, new_draft


@dataclass(slots=True)
class Aside:
    """Work on the old draft done in the child that read it, while this process is busy with
    the new one: `make(draft)` returns plain (`marshal`-able) values, or raises (then `value`
    stays None). After `read_pair`, `value` holds what it returned when the child made it."""

    make: Callable[[Draft], Any]
    value: Any = None
    coming: bool = False  # a child was forked to make it (set before `meanwhile` is called)


def _child_going_on(
    writer: int, read_old: Callable[[], Draft], aside: Aside | None, later: Later
) -> NoReturn:
    """In the child, with `later`: the old draft read and its pieces made one by one, each
    sent by a thread as soon as it is made (the pipe holds only some of them, and this process
    takes them once its own warm-up is done: the child does not wait for it), then `later.run`,
    while the last pieces may still be sent. The child leaves once both are done (status 0
    when every piece was sent), without cleanup handlers."""
    import queue

    status = 1
    try:
        draft = read_old()
        frames: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        sent: list[bool] = []
        sender = threading.Thread(target=_send, args=(writer, frames, sent, sys.getswitchinterval()))
        sys.setswitchinterval(_SWITCH)  # the sender takes a piece soon after its write is done
        sender.start()
        try:
            for value in _pieces(draft, aside, queued=True):
                frames.put(frame(value))
        finally:
            frames.put(None)
        with contextlib.suppress(BaseException):  # for speed only: this process does without it
            later.run(draft)
        sender.join()
        status = 0 if sent else 1
    except BaseException:
        pass
    finally:
        os._exit(status)


_SWITCH = 0.0005  # seconds: the child's threads switch this often while it sends its pieces


def _send(writer: int, frames: SimpleQueue[bytes | None], sent: list[bool], switch: float) -> None:
    """The pieces written to the pipe as they come, up to None; `sent` says all were."""
    try:
        while (data := frames.get()) is not None:
            view = memoryview(data)
            while view:
                view = view[os.write(writer, view) :]
        sent.append(True)
    except OSError:
        pass
    finally:
        os.close(writer)
        sys.setswitchinterval(switch)


def _side_by_side(old: str | os.PathLike[str], new: str | os.PathLike[str]) -> bool:
    if os.environ.get(_ENV) == "1" or STDIN in (str(old), str(new)) or not can_fork():
        return False
    try:
        return min(Path(old).stat().st_size, Path(new).stat().st_size) >= _MIN_BYTES
    except OSError:
        return False  # the ordinary path says what is wrong with the file


# ------------------------------------------------------------------ the draft as plain tuples


def _location(location: Location | None) -> Any:
    return None if location is None else (location.paragraph, location.line, location.cell)


def _encode_provision(p: Provision) -> Any:
    location = p.location
    return (
        p.kind,
        p.num,
        p.ordinal,
        p.heading,
        p.text,
        tuple([_encode_provision(c) for c in p.children]) if p.children else (),
        p.eid,
        p.guid,
        None if location is None else (location.paragraph, location.line, location.cell),
    )


_PIECES = 8  # the top-level provisions are sent in this many runs


def _pieces(draft: Draft, aside: Aside | None = None, *, queued: bool = False) -> Iterator[Any]:
    """The draft as plain tuples, in pieces: everything but its provisions (with the number of
    runs to follow), then its top-level provisions in runs, then (with `aside`) what
    `aside.make` returned, or None if it raised. Written straight to the pipe, the aside work
    is done first, before the first piece is sent: the parent does not read them until its
    own warm-up is done, and the pipe holds only some of them. `queued` (a thread sends the
    pieces, `_child_going_on`): it is done last, while the parent decodes the provisions
    (~1 % of a long diff)."""
    made = None
    if aside is not None and not queued:
        made = _made(aside, draft)
    source = draft.source
    provisions = draft.provisions
    step = max(1, -(-len(provisions) // _PIECES))
    starts = range(0, len(provisions), step)
    yield (
        draft.title,
        draft.preamble,
        len(starts),
        None
        if source is None
        else (source.path, source.sha256, source.format, source.tables, source.running),
        draft.meta,
        tuple((w.code, w.message, _location(w.location)) for w in draft.warnings),
    )
    for start in starts:
        yield tuple([_encode_provision(p) for p in provisions[start : start + step]])
    if aside is not None:
        yield (_made(aside, draft) if queued else made,)


def plain(draft: Draft) -> tuple[Any, ...]:
    """A draft as plain values (`marshal`-able), as the child sends the old one (`_pieces`);
    `from_plain` makes it again."""
    return tuple(_pieces(draft))


def from_plain(values: tuple[Any, ...]) -> Draft | None:
    """The draft `plain` made these values of (None when they are not what it makes)."""
    return _assembled(iter(values))


def plain_provision(provision: Provision) -> Any:
    """A provision (its children too) as plain values; `provision_from_plain` makes it again."""
    return _encode_provision(provision)


def provision_from_plain(value: Any) -> Provision:
    """The provision `plain_provision` made `value` of."""
    return _decode_provision(value)


def _made(aside: Aside, draft: Draft) -> Any:
    try:
        return aside.make(draft)
    except Exception:  # the parent does the work itself
        return None


def _where(value: Any) -> Location | None:
    return None if value is None else Location(value[0], value[1], value[2])


def _decode_provision(value: Any) -> Provision:
    # Made through readers.frozen: 13,000 provisions and their locations are decoded here
    # while the comparison waits.
    kind, num, ordinal, heading, text, children, eid, guid, location = value
    return new_provision(
        kind,
        num,
        ordinal,
        heading,
        text,
        tuple([_decode_provision(c) for c in children]) if children else (),
        eid,
        guid,
        None if location is None else new_location(*location),
    )


def _assembled(values: Iterator[Any], aside: Aside | None = None) -> Draft | None:
    """The draft the pieces make, each decoded as it comes (and `aside.value` set); None when
    they are cut short or not what `_pieces` makes (a child that died mid-write: the draft
    is read here)."""
    try:
        title, preamble, runs, source, meta, warnings = next(values)
        provisions: list[Provision] = []
        for _ in range(runs):
            provisions += [_decode_provision(p) for p in next(values)]
        made = next(values)[0] if aside is not None else None
        if next(values, None) is not None:
            return None
    except (EOFError, ValueError, TypeError, IndexError, StopIteration):
        return None
    if aside is not None:
        aside.value = made
    return Draft(
        title,
        preamble,
        tuple(provisions),
        None if source is None else Source(*source),
        meta,
        tuple(ReadWarning(code, message, _where(where)) for code, message, where in warnings),
    )
