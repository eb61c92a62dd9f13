"""Write drafts/framework-v3-press.txt: round 3 as a news site would publish it — no
numbers at all, article headings as plain title lines, points one per line, sub-points as
'- ' bullets, the preamble and final clauses dropped. It exercises reading unnumbered text.

    .venv/bin/python tools/build_press_draft.py
"""

from __future__ import annotations

from pathlib import Path

from draftkit import parse
from draftkit.model import Provision

ROOT = Path(__file__).resolve().parent.parent


def _lines(provision: Provision, depth: int) -> list[str]:
    out: list[str] = []
    if provision.kind in ("article", "annex"):
        title = provision.heading or (provision.num or "")
        out += ["", title.upper() if provision.kind == "annex" else title, ""]
    elif provision.text:
        out.append(("- " if depth > 1 else "") + " ".join(provision.text.split()))
    for child in provision.children:
        out += _lines(child, depth + 1)
    return out


def main() -> None:
    draft = parse(ROOT / "drafts" / "framework-v3.txt")
    lines = ["What the third round of the Halvern framework says", ""]
    for provision in draft.provisions:
        lines += _lines(provision, 0)
    text = "\n".join(lines).replace("\n\n\n", "\n\n").strip() + "\n"
    (ROOT / "drafts" / "framework-v3-press.txt").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
