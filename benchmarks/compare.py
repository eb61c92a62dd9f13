"""Benchmark: read two DOCX rounds + compare + JSON, at 100, 1,000 and 10,000 provisions.

The new round is the old one with the edits real rounds carry: ~5 % of provisions reworded
(a word, a number, "shall" → "may"), ~1 % deleted and ~1 % added, a few paragraphs moved to
other articles (some also edited), and a new article near the top, so every later article
is renumbered (a renumbering cascade). Each size runs in a fresh process so peak memory
(ru_maxrss) is that size's own.

    python benchmarks/compare.py            # all sizes
    python benchmarks/compare.py 10000      # one size

Target (issue 3): 10,000 vs 10,000 under 1.5 s and 300 MB peak; 10× provisions → ≤ ~12× time.
Where python-redlines or redlines are installed, they run on the same pair for the ratio.
"""

from __future__ import annotations

import itertools
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from make_big_draft import make_draft  # noqa: E402

from draftkit.model import Draft, Provision  # noqa: E402
from draftkit.model.ids import assign_eids  # noqa: E402
from draftkit.render.docx_draft import write_draft_docx  # noqa: E402

SIZES = (100, 1_000, 10_000)


def _reword(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    k = rng.randrange(len(words))
    choice = rng.random()
    if choice < 0.3 and "shall" in words:
        words[words.index("shall")] = "may"
    elif choice < 0.6:
        words.insert(k, rng.choice(["900", "45 days", "not", "only", "temporarily"]))
    else:
        words[k] = rng.choice(["withdraw", "verify", "monitor", "guarantee", "suspend"])
    return " ".join(words)


def edit(draft: Draft, seed: int) -> Draft:
    """A plausible next round of `draft` (see the module docstring)."""
    rng = random.Random(seed)
    articles = [list(a.children) for a in draft.provisions]
    heads = list(draft.provisions)
    moved: list[Provision] = []
    for paragraphs in articles:
        for k in range(len(paragraphs) - 1, -1, -1):
            roll = rng.random()
            p = paragraphs[k]
            if roll < 0.05:
                paragraphs[k] = replace(p, text=_reword(rng, p.text))
            elif roll < 0.06:
                del paragraphs[k]
            elif roll < 0.07:
                paragraphs.insert(
                    k + 1,
                    replace(
                        p, text="New text agreed in this round: " + _reword(rng, p.text)[::-1], children=()
                    ),
                )
            elif roll < 0.073:
                moved.append(
                    paragraphs.pop(k)
                    if rng.random() < 0.5
                    else replace(paragraphs.pop(k), text=_reword(rng, p.text))
                )
    for p in moved:
        articles[rng.randrange(len(articles))].append(p)
    # A new article near the top: every later article is renumbered.
    new_article = Provision(
        "article",
        "Article 0",
        0,
        "Interim Arrangements",
        "The Parties shall establish interim arrangements pending the entry into force of the settlement.",
    )
    heads.insert(1, new_article)
    articles.insert(1, [])
    rebuilt = []
    for n, (head, paragraphs) in enumerate(zip(heads, articles, strict=True), start=1):
        kids = tuple(replace(p, num=f"{m}.", ordinal=m) for m, p in enumerate(paragraphs, start=1))
        rebuilt.append(
            replace(head, num=f"Article {n}", ordinal=n, children=kids, text=head.text if not kids else "")
        )
    return replace(draft, provisions=assign_eids(rebuilt))


def measure(n: int, workdir: Path) -> dict[str, float]:
    """Runs in a child process: write the pair, then time read + compare + JSON."""
    from draftkit.api import diff
    from draftkit.render.json_diff import render_json

    old = make_draft(n, seed=n)
    new = edit(old, seed=n + 1)
    a, b = workdir / f"old_{n}.docx", workdir / f"new_{n}.docx"
    write_draft_docx(old, a)
    write_draft_docx(new, b)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    comparison = diff(a, b, flags=False)
    text = render_json(comparison)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # The same with the risk flags `draftkit diff` adds by default.
    started = time.perf_counter()
    render_json(diff(a, b))
    flagged = time.perf_counter() - started
    return {
        "n": n,
        "seconds": elapsed,
        "flagged_seconds": flagged,
        "peak_mb": peak / 1024,
        "base_mb": base / 1024,
        "json_mb": len(text) / 1e6,
        **{k: float(v) for k, v in comparison.summary().items()},
    }


def _peers(n: int, workdir: Path, ours: float) -> list[str]:
    lines = []
    a, b = workdir / f"old_{n}.docx", workdir / f"new_{n}.docx"
    try:
        from python_redlines.engines import XmlPowerToolsEngine  # type: ignore[import-not-found]

        started = time.perf_counter()
        XmlPowerToolsEngine().run_redline("bench", a.read_bytes(), b.read_bytes())
        t = time.perf_counter() - started
        lines.append(f"  python-redlines: {t:.2f} s ({t / ours:.0f}× draftkit)")
    except ImportError:
        lines.append("  python-redlines: not installed (optional)")
    try:
        import redlines  # type: ignore[import-not-found]  # noqa: F401

        lines.append("  redlines: installed, but it works on plain strings; skipped above 1,000 provisions")
    except ImportError:
        lines.append("  redlines: not installed (optional)")
    return lines


def main() -> int:
    sizes = [int(a) for a in sys.argv[1:] if a.isdigit()] or list(SIZES)
    if "--child" in sys.argv:
        workdir = Path(sys.argv[sys.argv.index("--child") + 1])
        print(json.dumps(measure(sizes[0], workdir)))
        return 0
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            out = subprocess.run(
                [sys.executable, __file__, str(n), "--child", tmp], check=True, capture_output=True, text=True
            )
            r = json.loads(out.stdout.strip().splitlines()[-1])
            results.append(r)
            print(
                f"{n:>6} provisions: {r['seconds']:.3f} s read+compare+JSON ({r['flagged_seconds']:.3f} s with risk flags), "
                f"peak {r['peak_mb']:.0f} MB "
                f"(modified {r['modified']:.0f}, added {r['added']:.0f}, deleted {r['deleted']:.0f}, "
                f"moved {r['moved']:.0f}, renumbered {r['renumbered']:.0f})"
            )
            for line in _peers(n, Path(tmp), r["seconds"]) if n == sizes[-1] else []:
                print(line)
    for small, big in itertools.pairwise(results):
        ratio = big["seconds"] / small["seconds"] if small["seconds"] else float("inf")
        print(
            f"growth {small['n']:.0f} → {big['n']:.0f}: {ratio:.1f}× time for {big['n'] / small['n']:.0f}× provisions"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
