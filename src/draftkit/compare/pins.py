"""Pairs the user decides where alignment cannot (issue 15 item 4).

A pin names provisions by their citation as the reports print it ("Article 5(2)",
"paragraph 3", "title", "recital 2"; case, spaces and a final dot do not matter) or by eid
("art_5__para_2"). `Pins.pairs` are taken as is, before any alignment pass; a provision in
`Pins.no_pair` stays deleted (old side) or added (a label written "=NEW": new side). Pins are
resolved against both drafts before anything is compared: a label that names no provision,
or more than one, is refused (UsageError, exit 2) with the label in the message.

`parse_pairs` reads a pairs file's text: a JSON object {"OLD": "NEW", "OLD2": null} or CSV
rows "OLD,NEW" (an empty NEW, like null, keeps OLD apart). No I/O here: callers read the file.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Mapping, Sequence

from draftkit.errors import UsageError, too_long_number
from draftkit.records import record


@record
class Pins:
    """What the user asked: label pairs to take as is and labels to keep apart (`OLD`, or
    `=NEW` for a provision of the new draft)."""

    pairs: tuple[tuple[str, str], ...] = ()
    no_pair: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.pairs or self.no_pair)


@record
class Resolved:
    """Pins as indices into one alignment's flattened drafts."""

    pairs: tuple[tuple[int, int], ...] = ()
    apart_old: frozenset[int] = frozenset()
    apart_new: frozenset[int] = frozenset()


def pins_of(
    pairs: Mapping[str, str | None] | Iterable[tuple[str, str | None]] | Pins | None = None,
    no_pair: Iterable[str] | None = None,
) -> Pins:
    """Pins from the library's arguments: a mapping or (old, new) pairs (a None or empty new
    side keeps the old provision apart), and labels to keep apart."""
    if isinstance(pairs, Pins):
        base = pairs
        items: Iterable[tuple[str, str | None]] = ()
    else:
        base = Pins()
        items = pairs.items() if isinstance(pairs, Mapping) else (pairs or ())
    out_pairs = list(base.pairs)
    apart = list(base.no_pair)
    for old, new in items:
        old = (old or "").strip()
        new = (new or "").strip()
        if not old:
            raise UsageError(f"pair {old!r}={new!r}: the old side is empty")
        if new:
            out_pairs.append((old, new))
        else:
            apart.append(old)
    for label in no_pair or ():
        label = label.strip()
        if not label or label == "=":
            raise UsageError("no-pair: an empty label")
        apart.append(label[:-1].strip() if label.endswith("=") else label)
    return Pins(tuple(out_pairs), tuple(apart))


MAX_PAIRS_BYTES = 5_000_000
"""Largest pairs file (--pairs): some 100,000 pairs of labels."""


def parse_pair(text: str) -> tuple[str, str]:
    """'Article 5(2)=Article 6(1)' → ('Article 5(2)', 'Article 6(1)')."""
    old, sep, new = text.partition("=")
    if not sep or not old.strip() or not new.strip() or "=" in new:
        raise UsageError(f"pair {text!r}: write OLD=NEW, e.g. 'Article 5(2)=Article 6(1)'")
    return old.strip(), new.strip()


def parse_pairs(text: str, source: str) -> tuple[tuple[str, str | None], ...]:
    """The pairs of a pairs file: a JSON object (a null value keeps the old side apart) or
    CSV rows `old,new` (an optional header row `old,new`; an empty new side keeps apart)."""
    stripped = text.lstrip("\ufeff").strip()
    if stripped.startswith(("{", "[")):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as error:
            raise UsageError(f"not valid JSON: {error}", source) from None
        except ValueError:  # after JSONDecodeError, a ValueError too
            raise UsageError(f"not valid JSON: {too_long_number()}", source) from None
        except RecursionError:
            raise UsageError("not valid JSON: it nests too deeply", source) from None
        if not isinstance(data, dict) or not all(
            isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in data.items()
        ):
            raise UsageError('a JSON pairs file is one object {"OLD": "NEW", …} of strings (or null)', source)
        return tuple(data.items())
    out: list[tuple[str, str | None]] = []
    import csv  # here: only a pairs file needs it

    for number, row in enumerate(csv.reader(io.StringIO(stripped)), start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if number == 1 and [c.lower() for c in cells] == ["old", "new"]:
            continue
        if len(cells) != 2 or not cells[0]:
            raise UsageError(f"row {number}: expected two columns 'old,new', got {row!r}", source)
        out.append((cells[0], cells[1] or None))
    return tuple(out)


def _norm(label: str) -> str:
    return "".join(label.split()).casefold().rstrip(".")


class Locator:
    """Finds provisions by citation or eid in one side's parts (front units, body)."""

    def __init__(self, parts: Sequence[tuple[Sequence[str], Sequence[str]]], side: str) -> None:
        # parts: for each part, (eids, cites) in index order
        self.side = side
        self.eids: dict[str, tuple[int, int]] = {}
        self.cites: dict[str, list[tuple[int, int]]] = {}
        for part, (eids, cites) in enumerate(parts):
            for index, (eid, cite) in enumerate(zip(eids, cites, strict=True)):
                self.eids.setdefault(eid, (part, index))
                self.cites.setdefault(_norm(cite), []).append((part, index))

    def find(self, label: str) -> tuple[int, int]:
        """(part, index) of the one provision `label` names; UsageError otherwise."""
        if label in self.eids:
            return self.eids[label]
        found = self.cites.get(_norm(label), [])
        if len(found) == 1:
            return found[0]
        if not found:
            raise UsageError(
                f"pin: no provision {label!r} in the {self.side} draft (give its citation or eid)"
            )
        raise UsageError(
            f"pin: {label!r} names {len(found)} provisions of the {self.side} draft; give an eid"
        )


def resolve(
    pins: Pins,
    old: Sequence[tuple[Sequence[str], Sequence[str]]],
    new: Sequence[tuple[Sequence[str], Sequence[str]]],
) -> list[Resolved]:
    """Pins as indices, one Resolved per part (front units, body): a pair must join two
    provisions of the same part, and no provision may be pinned twice."""
    find_old, find_new = Locator(old, "old"), Locator(new, "new")
    pairs: list[list[tuple[int, int]]] = [[] for _ in old]
    apart_old: list[set[int]] = [set() for _ in old]
    apart_new: list[set[int]] = [set() for _ in new]
    seen_old: dict[tuple[int, int], str] = {}
    seen_new: dict[tuple[int, int], str] = {}

    def claim(seen: dict[tuple[int, int], str], where: tuple[int, int], label: str) -> None:
        if where in seen:
            raise UsageError(f"pin: {label!r} is pinned twice (also as {seen[where]!r})")
        seen[where] = label

    for old_label, new_label in pins.pairs:
        a, b = find_old.find(old_label), find_new.find(new_label)
        if a[0] != b[0]:
            raise UsageError(
                f"pin: {old_label!r}={new_label!r} joins the title or a recital with a provision of the body"
            )
        claim(seen_old, a, old_label)
        claim(seen_new, b, new_label)
        pairs[a[0]].append((a[1], b[1]))
    for label in pins.no_pair:
        if label.startswith("="):
            b = find_new.find(label[1:].strip())
            claim(seen_new, b, label)
            apart_new[b[0]].add(b[1])
        else:
            a = find_old.find(label)
            claim(seen_old, a, label)
            apart_old[a[0]].add(a[1])
    return [
        Resolved(tuple(pairs[k]), frozenset(apart_old[k]), frozenset(apart_new[k])) for k in range(len(old))
    ]
