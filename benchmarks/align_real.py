"""Benchmark: on the real text pairs of ../shared/realtexts (read at run time, never copied
into the project), is every point that the analysts' expectations pair also paired by
draftkit's alignment? Prints per pair the expected links found and missed. A pair published unnumbered (p5) is
scored by position: its k-th point in the old text against the k-th in the new.

    python benchmarks/align_real.py [path/to/realtexts]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from draftkit.compare import compare  # noqa: E402
from draftkit.readers import read  # noqa: E402

PAIRS = ("p3-us28-to-20pt", "p5-gaza-21-to-20")


def _label(num: str | None) -> str:
    return (num or "").strip().rstrip(".)").lstrip("(")


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[1] / "shared" / "realtexts"
    if not root.is_dir():
        print(f"align_real: skipped ({root} not found)")
        return 0
    missed_all = 0
    for name in PAIRS:
        folder = root / name
        if not folder.is_dir():
            print(f"{name}: not found")
            continue
        expected = json.loads((folder / "expectations.json").read_text(encoding="utf-8"))
        old_name, new_name = expected["pair"]
        comparison = compare(read(folder / old_name), read(folder / new_name))
        olds = [p.eid for p in comparison.old.walk() if not p.children]
        news = [p.eid for p in comparison.new.walk() if not p.children]
        found: set[tuple[str, str]] = set()
        positions: set[tuple[str, str]] = set()
        for change in comparison.changes:
            for o in change.old:
                for n in change.new:
                    found.add((_label(o.num), _label(n.num)))
                    positions.add((o.eid, n.eid))
        wanted = [(str(e["old"]), str(e["new"])) for e in expected["expect"] if e.get("old") and e.get("new")]
        if not wanted and all("point" in e for e in expected["expect"]):
            # Texts published unnumbered (p5): "point k" is the k-th point of each text, in
            # order (expectations.json: 'each line or bullet is one point, in the same order').
            wanted = [
                (e["point"], e["point"])
                for e in expected["expect"]
                if e.get("kind") not in ("added", "deleted")
            ]
            found = {
                (str(olds.index(o) + 1), str(news.index(n) + 1))
                for o, n in positions
                if o in olds and n in news
            }
        hit = [w for w in wanted if w in found]
        missed = [w for w in wanted if w not in found]
        missed_all += len(missed)
        print(f"{name}: {len(hit)}/{len(wanted)} expected pairs paired; missed {missed}")
    print(f"missed in all: {missed_all}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
