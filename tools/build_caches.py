"""Write this interpreter's compiled-pattern file (draftkit.precompiled): the regular
expressions a run of every command on the bundled drafts compiles, as the C engine takes
them; and the lemma dictionaries' tables, decompressed (compare.lemma_index.build_cache).
Run by `make` after installing; the files live in draftkit's `__pycache__` folders (not in
git, like bytecode). A pattern the run did not meet compiles as usual when it is used.

    .venv/bin/python tools/build_caches.py
"""

from __future__ import annotations

import contextlib
import io
import os
import pkgutil
import sys
import tempfile
from importlib import import_module
from pathlib import Path

os.environ["DRAFTKIT_SEQUENTIAL"] = "1"  # one process: every pattern is compiled in this one

import draftkit  # (after the environment: read when the first command runs)
from draftkit import precompiled

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROOT / "drafts"


# Texts beyond the bundled drafts' ASCII English, so that the patterns compiled only for them
# are met too: typographic quotes and dashes, Ukrainian and Russian (the comparison's topic
# matchers, the rules' Cyrillic readings).
_OTHER = {
    "en.txt": "1. The Parties shall withdraw all forces — within 30 days — from the “security zone”.\n\n"
    "2. Sanctions shall be lifted in phases, subject to verification by the OSCE.\n",
    "en2.txt": "1. The Parties may withdraw heavy weapons — within 60 days — from the “buffer zone”.\n\n"
    "2. Sanctions shall be lifted at once; monitoring by the United Nations.\n",
    "uk.txt": "Стаття 1\nСторони зобов’язуються відвести всі війська на 15 км протягом 30 днів.\n\n"
    "Стаття 2\nМоніторинг та верифікацію здійснює ОБСЄ; санкції знімаються поетапно.\n",
    "uk2.txt": "Стаття 1\nСторони можуть відвести важке озброєння на 10 км протягом 60 днів.\n\n"
    "Стаття 2\nМоніторинг здійснюють Сторони; санкції знімаються одразу.\n",
    "ru.txt": "Статья 1\nСтороны обязуются отвести все войска на 15 км в течение 30 дней.\n\n"
    "Статья 2\nМониторинг и верификацию осуществляет ОБСЕ; санкции снимаются поэтапно.\n",
    "ru2.txt": "Статья 1\nСтороны могут отвести тяжёлое вооружение на 10 км в течение 60 дней.\n\n"
    "Статья 2\nМониторинг осуществляют Стороны; санкции снимаются сразу.\n",
}


def _commands(out: Path) -> list[list[str]]:
    v1, v2 = str(DRAFTS / "framework-v1.docx"), str(DRAFTS / "framework-v2.docx")
    texts = [str(DRAFTS / f"framework-v{n}.txt") for n in (1, 2, 3)]
    kessel = [
        str(DRAFTS / "kessel" / f"{name}.txt") for name in ("base", "veloria-counter", "astria-counter")
    ]
    return [
        ["parse", v1],
        ["diff", v1, v2],
        ["diff", v1, str(DRAFTS / "framework-v2.pdf")],
        ["diff", texts[1], str(DRAFTS / "framework-v3-press.txt"), "--format", "json"],
        ["diff", texts[0], texts[1]],
        ["redline", texts[0], texts[1], "-o", str(out / "r.md")],
        ["validate", v2],
        ["redline", v1, v2, "-o", str(out / "r.docx"), "--summary"],
        ["redline", v1, v2, "-o", str(out / "r.html")],
        ["history", *texts, "--format", "html", "-o", str(out / "h.html")],
        ["compare3", *kessel, "--labels", "A,B"],
        *(["diff", str(out / f"{lang}.txt"), str(out / f"{lang}2.txt")] for lang in ("en", "uk", "ru")),
    ]


def main() -> None:
    with precompiled.recording() as seen:
        # Imported here, not above: the patterns click and the CLI's modules compile on import
        # are met too (they are compiled in every run).
        import click

        from draftkit.cli import main as cli
        from draftkit.compare import content

        # The comparison's topic matchers, one per category, are made for a text beyond ASCII
        # (typographic quotes, Cyrillic: most real texts) only when alignment asks for topics.
        content.topics("“—”")
        for module in pkgutil.walk_packages(draftkit.__path__, "draftkit."):
            with contextlib.suppress(Exception):  # an optional extra not installed (the web app's)
                import_module(module.name)
        with tempfile.TemporaryDirectory() as folder:
            for name, text in _OTHER.items():
                (Path(folder) / name).write_text(text, encoding="utf-8")
            for args in _commands(Path(folder)):
                try:
                    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                        cli.main(args, prog_name="draftkit", standalone_mode=False)
                except (SystemExit, click.ClickException) as exc:  # its patterns are recorded still
                    if getattr(exc, "code", 0):
                        print(f"draftkit {' '.join(args[:1])} ended with {exc}", file=sys.stderr)
    count = precompiled.build(seen)
    print(f"wrote {precompiled.cache_path()}: {count} patterns", file=sys.stderr)
    # The lemma dictionaries' tables, decompressed once here (compare.lemma_index).
    from draftkit.compare import lemma_index

    kept = [lang for lang in lemma_index.BLOCK if lemma_index.build_cache(lang)]
    print(f"kept the lemma tables of {', '.join(kept) or 'no language'} beside them", file=sys.stderr)


if __name__ == "__main__":
    main()
