"""Synthetic framework drafts for benchmarks: articles → numbered paragraphs → lettered points.

`make_draft(10_000, seed)` gives about 2 MB of text in 10,000 provisions; the same seed
always gives the same draft. From the command line it also writes the draft as DOCX (via
`write_draft_docx`, Word auto-numbering) and as plain text:

    PYTHONPATH=src python benchmarks/make_big_draft.py 10000 /tmp/big

The text form puts one provision per line ("Article N — Heading", "1. text", "(a) text")
with a blank line between articles.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

try:
    from draftkit.model import Draft, Provision
except ModuleNotFoundError:  # run from a checkout without PYTHONPATH=src
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from draftkit.model import Draft, Provision

from draftkit.model.numbering import int_to_letter
from draftkit.render.docx_draft import write_draft_docx

# Vocabulary of negotiated framework texts; nouns and verbs mixed so sentences read as prose.
_VOCABULARY = """
the parties shall ensure that all forces withdraw from the agreed line within thirty days
of signature and that the joint commission verifies each stage of withdrawal in accordance
with annex territorial arrangements security guarantees humanitarian access reconstruction
funds sanctions relief prisoners exchange monitoring mission ceasefire violations reported
immediately to the coordination centre civilian population displaced persons return safely
voluntarily with dignity international observers may inspect any facility upon notice
heavy weapons artillery systems shall be relocated beyond the buffer zone demining
operations will proceed under supervision of the guarantor states elections local
authorities constitutional reform amnesty shall not apply to war crimes or crimes against
humanity transitional justice mechanism compensation property restitution border crossing
points customs regime energy infrastructure water supply detained persons all without
delay unless otherwise agreed in writing by both sides neither party shall take unilateral
measures affecting the status of the region pending final settlement
"""
_HEADING_VOCABULARY = """
Ceasefire Withdrawal Verification Guarantees Humanitarian Access Reconstruction Sanctions
Prisoners Elections Amnesty Borders Energy Water Monitoring Implementation Status Justice
Compensation Return Demining Customs Definitions Commission Observers
"""
_WORDS = tuple(_VOCABULARY.split())
_HEADING_WORDS = tuple(_HEADING_VOCABULARY.split())


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(low, high))]
    words[0] = words[0].capitalize()
    return " ".join(words)


def _text(rng: random.Random, sentences: int, end: str) -> str:
    parts = [_sentence(rng, 14, 30) for _ in range(sentences)]
    return ". ".join(parts) + end


def make_draft(n_provisions: int, seed: int) -> Draft:
    """A synthetic framework draft with exactly `n_provisions` provisions (seeded, repeatable)."""
    rng = random.Random(seed)
    articles: list[Provision] = []
    count = 0
    article_no = 0
    while count < n_provisions:
        article_no += 1
        count += 1
        heading = " and ".join(rng.sample(_HEADING_WORDS, rng.randint(1, 2)))
        eid = f"art_{article_no}"
        paragraphs: list[Provision] = []
        for para_no in range(1, rng.randint(1, 6) + 1):
            if count >= n_provisions:
                break
            count += 1
            para_eid = f"{eid}__para_{para_no}"
            points: list[Provision] = []
            n_points = rng.randint(2, 5) if rng.random() < 0.4 else 0
            for point_no in range(1, n_points + 1):
                if count >= n_provisions:
                    break
                count += 1
                letter = int_to_letter(point_no)
                end = "." if point_no == n_points else ";"
                points.append(
                    Provision(
                        kind="point",
                        num=f"({letter})",
                        ordinal=point_no,
                        heading=None,
                        text=_sentence(rng, 12, 30) + end,
                        eid=f"{para_eid}__point_{letter}",
                    )
                )
            text = _text(rng, rng.randint(1, 3), ":" if points else ".")
            paragraphs.append(
                Provision(
                    kind="paragraph",
                    num=f"{para_no}.",
                    ordinal=para_no,
                    heading=None,
                    text=text,
                    children=tuple(points),
                    eid=para_eid,
                )
            )
        articles.append(
            Provision(
                kind="article",
                num=f"Article {article_no}",
                ordinal=article_no,
                heading=heading,
                # An article without numbered paragraphs carries its text itself.
                text="" if paragraphs else _text(rng, 2, "."),
                children=tuple(paragraphs),
                eid=eid,
            )
        )
    preamble = (
        "The Parties,",
        "Reaffirming their commitment to a just and lasting peace,",
        "Have agreed as follows:",
    )
    return Draft(
        title=f"Framework Agreement (synthetic, {n_provisions} provisions, seed {seed})",
        preamble=preamble,
        provisions=tuple(articles),
    )


def draft_to_text(draft: Draft) -> str:
    """The draft as plain text: one provision per line, a blank line between articles."""
    lines: list[str] = []
    if draft.title:
        lines += [draft.title, ""]
    if draft.preamble:
        lines += [*draft.preamble, ""]
    for article in draft.provisions:
        head = article.num or ""
        if article.heading:
            head += f" — {article.heading}"
        lines.append(head)
        if article.text:
            lines.append(article.text)
        for provision in article.children:
            for p in provision.walk():
                lines.append(f"{p.num} {p.text}" if p.num else p.text)
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """CLI: make_big_draft.py N OUTDIR [--seed S] writes draft_N.docx and draft_N.txt."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("n", type=int, help="number of provisions")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    draft = make_draft(args.n, args.seed)
    docx = args.outdir / f"draft_{args.n}.docx"
    txt = args.outdir / f"draft_{args.n}.txt"
    started = time.perf_counter()
    write_draft_docx(draft, docx)
    elapsed = time.perf_counter() - started
    txt.write_text(draft_to_text(draft), encoding="utf-8")
    chars = sum(len(p.text) + len(p.heading or "") for p in draft.walk())
    print(f"{draft.count()} provisions, {chars / 1e6:.2f} M characters of text")
    print(f"{docx} ({docx.stat().st_size / 1e6:.2f} MB, written in {elapsed:.3f} s)")
    print(f"{txt} ({txt.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
