"""Merges and splits in other words: draftkit on a labelled corpus of paraphrased pairs.

    PYTHONPATH=src python benchmarks/merges.py [PATH] [--show]

PATH (default benchmarks/merges/) holds one folder per case: old.txt, new.txt and
expect.json ({"kind": "merge" | "split" | "control", "groups": [{"old": [...], "new": [...]}],
"deleted": [...], "added": [...], "note": ...}; benchmarks/merges/README.md says who wrote
them and how). Each pair is compared (without flags) and scored:

- groups: each expected merge or split reported as one change of that kind holding exactly
  the expected provisions on each side;
- false groups: merges and splits reported that no case expects (on controls, and beside the
  expected ones);
- deleted, added: provisions expected deleted (added) outright reported so, and provisions
  reported deleted (added) that no case expects so (a merge that fell apart shows here).

A line per case, then totals; `--show` prints every change draftkit reported for a case that
missed. Exit status 0 always: the figures are for the reader (and the closing note).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from draftkit.api import diff  # noqa: E402
from draftkit.compare.changes import Change  # noqa: E402

_CITE_WORDS = re.compile(r"\b(point|paragraph|article|item|section)\b", re.IGNORECASE)
_NOT_KEY = re.compile(r"[^\w]+")


def key(cite: str) -> str:
    """'article23' of 'Article 2.3', 'Article 2(3)'; '3b' of '3(b)'; the word kept only to tell
    'Article 2' from point 2 where a text has both."""
    word = _CITE_WORDS.search(cite)
    return (word.group(1).casefold() if word else "") + _NOT_KEY.sub("", _CITE_WORDS.sub("", cite)).casefold()


def _cites(change: Change, side: str) -> frozenset[str]:
    cite = change.old_cite if side == "old" else change.new_cite
    return frozenset(key(c) for c in cite.split(" + ")) if getattr(change, side) else frozenset()


def score(folder: Path) -> dict[str, object]:
    """One case: what was expected and what draftkit reported."""
    spec = json.loads((folder / "expect.json").read_text(encoding="utf-8"))
    comparison = diff(folder / "old.txt", folder / "new.txt", flags=False)
    changes = comparison.changes
    want = {
        (frozenset(key(c) for c in g["old"]), frozenset(key(c) for c in g["new"])) for g in spec["groups"]
    }
    got = {(_cites(c, "old"), _cites(c, "new")) for c in changes if c.kind in ("merged", "split")}
    deleted_want = {key(c) for c in spec.get("deleted", [])}
    added_want = {key(c) for c in spec.get("added", [])}
    deleted_got = {k for c in changes if c.kind == "deleted" for k in _cites(c, "old")}
    added_got = {k for c in changes if c.kind == "added" for k in _cites(c, "new")}
    return {
        "name": folder.name,
        "kind": spec["kind"],
        "groups": len(want),
        "found": len(want & got),
        "false": len(got - want),
        "deleted": len(deleted_want),
        "deleted_found": len(deleted_want & deleted_got),
        "deleted_extra": len(deleted_got - deleted_want),
        "added": len(added_want),
        "added_found": len(added_want & added_got),
        "added_extra": len(added_got - added_want),
        "changes": changes,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=HERE / "merges")
    parser.add_argument("--show", action="store_true", help="print the changes of each case that missed")
    args = parser.parse_args()
    folders = sorted(p.parent for p in args.path.glob("*/expect.json"))
    if not folders:
        print(f"no cases under {args.path}", file=sys.stderr)
        return 2
    totals: dict[str, dict[str, int]] = {}
    fields = (
        "groups",
        "found",
        "false",
        "deleted",
        "deleted_found",
        "deleted_extra",
        "added",
        "added_found",
        "added_extra",
    )
    print(f"{'case':32} {'kind':8} groups  false  deleted  added  (found/expected, extra)")
    for folder in folders:
        r = score(folder)
        for bucket in (str(r["kind"]), "all"):
            t = totals.setdefault(bucket, dict.fromkeys(fields, 0))
            for f in fields:
                t[f] += int(r[f])  # type: ignore[call-overload]
        missed = r["found"] != r["groups"] or r["false"] or r["deleted_extra"] or r["added_extra"]
        print(
            f"{r['name']:32} {r['kind']:8} {r['found']}/{r['groups']}    {r['false']}      "
            f"{r['deleted_found']}/{r['deleted']} +{r['deleted_extra']}   "
            f"{r['added_found']}/{r['added']} +{r['added_extra']}{'   <' if missed else ''}"
        )
        if args.show and missed:
            for c in r["changes"]:  # type: ignore[attr-defined]
                if c.kind != "unchanged" or c.moved or c.renumbered:
                    print(f"      {c.kind:9} {c.old_cite or '-'} → {c.new_cite or '-'}  ({c.similarity:.2f})")
    print()
    for bucket, t in sorted(totals.items()):
        print(
            f"{bucket:8} groups found {t['found']}/{t['groups']}, false groups {t['false']}; "
            f"deleted {t['deleted_found']}/{t['deleted']} (+{t['deleted_extra']} not expected); "
            f"added {t['added_found']}/{t['added']} (+{t['added_extra']} not expected)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
