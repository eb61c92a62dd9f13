"""Build the bundled DOCX rounds from the plain-text rounds in drafts/.

    python tools/build_drafts.py

framework-vN.txt → framework-vN.docx, with real Word auto-numbering (numbering.xml), so
the DOCX reader computes the labels rather than reading typed ones. framework-v3-tracked.docx
is round 3 as the mediator circulated it: every reworded provision carries its v2 → v3
edits as pending tracked changes (accept all = v3, reject all = v2 wording in v3's
structure). Same inputs give the same bytes; the date is fixed.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from draftkit.compare import compare  # noqa: E402
from draftkit.readers import read  # noqa: E402
from draftkit.render.docx_draft import write_draft_docx  # noqa: E402

DRAFTS = ROOT / "drafts"
DATE = "2026-11-20T09:00:00Z"


def main() -> int:
    rounds = sorted(DRAFTS.glob("framework-v[0-9].txt"))
    for txt in rounds:
        draft = read(txt)
        out = txt.with_suffix(".docx")
        write_draft_docx(draft, out, date=DATE, author="Drafting team")
        print(f"{out.relative_to(ROOT)}: {draft.count()} provisions")
    v2, v3 = read(DRAFTS / "framework-v2.txt"), read(DRAFTS / "framework-v3.txt")
    pending = {
        change.new[0].eid: list(change.ops)
        for change in compare(v2, v3).changes
        if change.kind == "modified" and len(change.new) == 1 and change.old_text != change.new_text
    }
    out = DRAFTS / "framework-v3-tracked.docx"
    write_draft_docx(v3, out, date=DATE, author="Mediator", pending=pending)
    print(f"{out.relative_to(ROOT)}: {len(pending)} provisions with pending tracked changes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
