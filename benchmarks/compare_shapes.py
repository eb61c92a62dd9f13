"""Benchmark: compare() + JSON on the draft shapes that once made alignment or diffing slow.

Each shape is a pair of drafts built here (no files), timed in its own process with a
timeout, so one pathological shape cannot hide the others:

- ``repeats-N``: one article of N paragraphs, two thirds of them one paragraph repeated
  verbatim ("The Parties shall comply …" 160× at N = 259), the new round with the usual edits;
- ``near-repeats-N``: N paragraphs that differ only by one number, some numbers changed,
  some paragraphs deleted and added;
- ``flat-3500``: one article holding a 3,500-item flat list, lightly edited;
- ``reworded-10k`` / ``reworded-24k``: two drafts of 10 KB / 24 KB in which every paragraph is
  reworded (words shuffled and replaced), so nothing anchors;
- ``megaparagraph``: two different 1 MB paragraphs, one provision each;
- ``unrelated-13200``: two different 13,200-provision drafts of make_big_draft (a small
  vocabulary: every text shares words with hundreds of others, nothing anchors); the content
  pass once scored every pair (minutes), now at most CANDIDATE_HITS per text;
- ``table-rows-10000`` (from DOCX files, through api.diff with its risk flags): two different
  1,000-provision drafts each ending in a 10,000-row table; the object and scope checks once
  went over the whole table for each row run and each scope word (37 s of CPU, now 11 s).
- ``citations-10000`` (from text files, through api.diff): one paragraph citing others 10,000
  times, renumbered; each citation found was checked against all the others, and each token
  against every citation (34 s, now 1 s).
- ``brackets-history-10000`` (three text rounds, through `draftkit history`): one paragraph
  holding 10,000 bracketed passages, some agreed each round; each bracket was projected
  through the whole word diff and checked against every new one (15 s, now 2.5 s).

    python benchmarks/compare_shapes.py              # every shape
    python benchmarks/compare_shapes.py repeats-479  # some shapes

Targets (issues 12 and 13): every shape at 500 provisions or fewer under 1 s; the hostile
10 KB / 24 KB / 1 MB cases under 2 s. Exit status 1 when a target is missed.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from draftkit.model import Draft, Provision  # noqa: E402
from draftkit.model.ids import assign_eids  # noqa: E402

TIMEOUT_S = 120.0
REPEATED = (
    "The Parties shall comply with the obligations set out in this Article in good faith and without delay."
)
_VOCABULARY = """
the parties shall ensure that all forces withdraw from the agreed line within days of signature
joint commission verifies each stage withdrawal accordance annex territorial arrangements security
guarantees humanitarian access reconstruction funds sanctions relief prisoners exchange monitoring
mission ceasefire violations reported immediately coordination centre civilian population displaced
persons return safely voluntarily dignity international observers inspect facility notice heavy
weapons artillery systems relocated beyond buffer zone demining operations proceed supervision
guarantor states elections local authorities constitutional reform amnesty apply war crimes
"""
WORDS = tuple(_VOCABULARY.split())


def _sentence(rng: random.Random, low: int = 12, high: int = 30) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def _draft(articles: list[list[str]], heading: str = "Provisions") -> Draft:
    provisions = []
    for n, texts in enumerate(articles, start=1):
        kids = tuple(Provision("paragraph", f"{m}.", m, None, text) for m, text in enumerate(texts, start=1))
        provisions.append(Provision("article", f"Article {n}", n, f"{heading} {n}", "", kids))
    return Draft(title=None, preamble=(), provisions=assign_eids(provisions))


def _edit(rng: random.Random, articles: list[list[str]], rate: float = 0.08) -> list[list[str]]:
    """The usual round: a few paragraphs reworded, deleted, added."""
    out = []
    for texts in articles:
        new: list[str] = []
        for text in texts:
            roll = rng.random()
            if roll < rate / 2:
                words = text.split()
                words[rng.randrange(len(words))] = rng.choice(WORDS)
                new.append(" ".join(words))
            elif roll < rate * 3 / 4:
                continue
            elif roll < rate:
                new.extend([text, _sentence(rng)])
            else:
                new.append(text)
        out.append(new)
    return out


def repeats(n: int) -> tuple[Draft, Draft]:
    rng = random.Random(n)
    block = n * 2 // 3  # one run of the same paragraph, then varied ones
    texts = [REPEATED] * block + [_sentence(rng) for _ in range(n - block)]
    new = _edit(rng, [texts])
    # Edits inside the run: a few copies reworded, so the run is no longer all equal.
    run = new[0]
    for k in rng.sample(range(min(block, len(run))), 6):
        run[k] = REPEATED.replace("good faith", rng.choice(["full", "strict", "good"]) + " faith")
    return _draft([texts]), _draft(new)


def near_repeats(n: int) -> tuple[Draft, Draft]:
    rng = random.Random(n)
    texts = [
        f"The Party shall deliver {rng.randrange(1, 12)} tonnes of grain to distribution point {rng.randrange(1, 9)} "
        "within thirty days of the entry into force of this Agreement."
        for k in range(n)
    ]
    new = []
    for text in texts:
        roll = rng.random()
        if roll < 0.05:
            new.append(
                text.replace("tonnes", "tonnes" if rng.random() < 0.5 else "tons").replace("thirty", "sixty")
            )
        elif roll < 0.08:
            continue
        elif roll < 0.11:
            new.extend([text, text.replace("grain", "flour")])
        else:
            new.append(text)
    return _draft([texts]), _draft([new])


def flat(n: int) -> tuple[Draft, Draft]:
    rng = random.Random(n)
    texts = [f"{_sentence(rng, 6, 14)[:-1]}; item {k}." for k in range(n)]
    return _draft([texts]), _draft(_edit(rng, [texts], 0.04))


def _reword(rng: random.Random, text: str) -> str:
    words = text[:-1].split()
    rng.shuffle(words)
    for _ in range(len(words) // 3):
        words[rng.randrange(len(words))] = rng.choice(WORDS)
    return " ".join(words).capitalize() + "."


def reworded(size: int) -> tuple[Draft, Draft]:
    rng = random.Random(size)
    texts: list[str] = []
    while sum(len(t) for t in texts) < size:
        texts.append(" ".join(_sentence(rng, 20, 40) for _ in range(4)))
    articles = [texts]
    return _draft(articles), _draft([[_reword(rng, t) for t in a] for a in articles])


def megaparagraph(size: int) -> tuple[Draft, Draft]:
    rng = random.Random(size)

    def one() -> str:
        parts: list[str] = []
        total = 0
        while total < size:
            parts.append(_sentence(rng, 15, 40))
            total += len(parts[-1]) + 1
        return " ".join(parts)

    return _draft([[one()]]), _draft([[one()]])


def table_docx(rows: int, workdir: Path) -> tuple[Path, Path]:
    """Two different 1,000-provision DOCX drafts, each ending in one table of `rows` rows
    (a number and a sentence per row): read into the last provision, thousands of rows
    deleted and added in one change."""
    import tempfile
    import zipfile

    from make_big_draft import make_draft

    from draftkit.render.docx_draft import write_draft_docx

    paths = []
    for seed in (1, 2):
        rng = random.Random(seed * 7 + rows)
        cells = "".join(
            f"<w:tr><w:tc><w:p><w:r><w:t>{k}</w:t></w:r></w:p></w:tc>"
            f"<w:tc><w:p><w:r><w:t>{_sentence(rng, 15, 15)}</w:t></w:r></w:p></w:tc></w:tr>"
            for k in range(rows)
        )
        table = f"<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>{cells}</w:tbl>"
        plain = Path(tempfile.mkdtemp(dir=workdir)) / "plain.docx"
        write_draft_docx(make_draft(1000, seed), plain)
        path = workdir / f"table-{seed}.docx"
        with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                data = zin.read(item.filename)
                if item.filename == "word/document.xml":
                    data = data.replace(b"</w:body>", table.encode() + b"</w:body>")
                zout.writestr(item, data)
        paths.append(path)
    return paths[0], paths[1]


def citations(n: int, workdir: Path) -> tuple[Path, Path]:
    """One paragraph citing the article's other paragraphs `n` times ("in accordance with
    paragraph 17, …"), then a paragraph put in at the top: every citation renumbered."""
    import re

    rng = random.Random(n)
    cited = " ".join(f"in accordance with paragraph {rng.randint(2, 59)}," for _ in range(n))
    paragraphs = "\n".join(f"{k}. Text of paragraph {k}." for k in range(2, 60))
    old = f"Article 1 — Citations\n1. The Parties shall act {cited} as agreed.\n{paragraphs}\n"
    new = re.sub(r"paragraph (\d+)", lambda m: f"paragraph {int(m.group(1)) + 1}", old)
    new = re.sub(r"^(\d+)\. Text", lambda m: f"{int(m.group(1)) + 1}. Text", new, flags=re.M)
    new = new.replace("\n3. Text", "\n2. A new paragraph.\n3. Text", 1)
    (workdir / "old.txt").write_text(old, encoding="utf-8")
    (workdir / "new.txt").write_text(new, encoding="utf-8")
    return workdir / "old.txt", workdir / "new.txt"


def brackets_rounds(n: int, workdir: Path) -> tuple[Path, ...]:
    """Three rounds of one paragraph holding `n` bracketed passages, a third of the first
    kind agreed in round 2 and a third of the second in round 3 (for `draftkit history`)."""
    parts = [f"the parties shall [withdraw {k}] within [{k % 90} days]" for k in range(n // 2)]
    agreed = [
        p.replace("[withdraw", "withdraw").replace(f"{k}]", f"{k}", 1) if k % 3 == 0 else p
        for k, p in enumerate(parts)
    ]
    later = [
        p.replace("within [", "within ").replace(" days]", " days") if k % 3 == 1 else p
        for k, p in enumerate(agreed)
    ]
    paths = []
    for r, texts in enumerate((parts, agreed, later)):
        path = workdir / f"round{r}.txt"
        path.write_text(
            "Article 1 — One\n1. " + "; ".join(texts) + ".\n2. Short paragraph.\n", encoding="utf-8"
        )
        paths.append(path)
    return tuple(paths)


def unrelated(n: int) -> tuple[Draft, Draft]:
    from make_big_draft import make_draft

    return make_draft(n, seed=1), make_draft(n, seed=2)


SHAPES: dict[str, tuple[Callable[[], tuple[Draft, Draft]], float]] = {
    # name: (builder, target seconds)
    "repeats-259": (lambda: repeats(259), 1.0),
    "repeats-479": (lambda: repeats(479), 1.0),
    "repeats-958": (lambda: repeats(958), 2.0),
    "near-repeats-500": (lambda: near_repeats(500), 1.0),
    "near-repeats-2000": (lambda: near_repeats(2000), 4.0),
    "flat-3500": (lambda: flat(3500), 4.0),
    "reworded-10k": (lambda: reworded(10_000), 2.0),
    "reworded-24k": (lambda: reworded(24_000), 2.0),
    "megaparagraph-1m": (lambda: megaparagraph(1_000_000), 2.0),
    "unrelated-13200": (lambda: unrelated(13_200), 40.0),
}
# Shapes read from files and compared as `draftkit diff` does (api.diff: the risk flags too).
FILE_SHAPES: dict[str, tuple[Callable[[Path], tuple[Path, ...]], float]] = {
    "table-rows-10000": (lambda d: table_docx(10_000, d), 20.0),
    "citations-10000": (lambda d: citations(10_000, d), 5.0),
    "brackets-history-10000": (lambda d: brackets_rounds(10_000, d), 5.0),  # three rounds: history
}


def measure(name: str) -> dict[str, object]:
    from draftkit.compare import compare
    from draftkit.render.json_diff import render_json

    if name in FILE_SHAPES:
        import tempfile

        from draftkit import api

        with tempfile.TemporaryDirectory() as workdir:
            paths = FILE_SHAPES[name][0](Path(workdir))
            started = time.perf_counter()
            if len(paths) > 2:  # rounds: `draftkit history`, its JSON, the last step's summary
                from draftkit.history.timeline import history
                from draftkit.render.history_json import render_history_json

                found = history(paths)
                render_history_json(found)
                comparison = found.steps[-1]
            else:
                comparison = api.diff(*paths)
                render_json(comparison)
            seconds = time.perf_counter() - started
        old, new = comparison.old, comparison.new
    else:
        old, new = SHAPES[name][0]()
        started = time.perf_counter()
        comparison = compare(old, new)
        render_json(comparison)
        seconds = time.perf_counter() - started
    size = sum(1 for _ in old.walk()) + sum(1 for _ in new.walk())
    return {"name": name, "seconds": seconds, "provisions": size, **comparison.summary()}


def main() -> int:
    if "--child" in sys.argv:
        print(json.dumps(measure(sys.argv[sys.argv.index("--child") + 1])))
        return 0
    names = [a for a in sys.argv[1:] if a in SHAPES or a in FILE_SHAPES] or [*SHAPES, *FILE_SHAPES]
    missed = []
    worst_500 = 0.0
    for name in names:
        target = (SHAPES.get(name) or FILE_SHAPES[name])[1]
        try:
            out = subprocess.run(
                [sys.executable, __file__, "--child", name],
                check=False,
                capture_output=True,
                text=True,
                timeout=TIMEOUT_S,
            )
        except subprocess.TimeoutExpired:
            print(f"{name:>22}: over {TIMEOUT_S:.0f} s (target {target:.1f} s)")
            missed.append(name)
            continue
        if out.returncode != 0:
            print(f"{name:>22}: failed\n{out.stderr}")
            missed.append(name)
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        ok = r["seconds"] < target
        if not ok:
            missed.append(name)
        if name.endswith(("-259", "-479", "-500")):
            worst_500 = max(worst_500, r["seconds"])
        print(
            f"{name:>22}: {r['seconds']:7.3f} s  (target {target:.1f} s{'' if ok else ', MISSED'}; "
            f"{r['provisions']} provisions in both; modified {r['modified']}, added {r['added']}, "
            f"deleted {r['deleted']}, unchanged {r['unchanged']})"
        )
    print(f"worst at ≤ 500 provisions per draft: {worst_500:.3f} s (target < 1 s)")
    if missed:
        print("missed: " + ", ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
