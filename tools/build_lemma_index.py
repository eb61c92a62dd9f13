"""Write src/draftkit/compare/lemma_index.json.gz: where each block of records starts in
simplemma's English, Ukrainian and Russian dictionaries, so that a lookup reads one block
instead of decoding the whole dictionary (see compare/lemma_index.py). Run it again after
upgrading simplemma (the index names the files it fits; another file is not used).

    .venv/bin/python tools/build_lemma_index.py
"""

from __future__ import annotations

import gzip
import hashlib
import json
import lzma
from importlib.metadata import version

from draftkit.compare import lemma_index


def main() -> None:
    for lang, block in lemma_index.BLOCK.items():
        path = lemma_index.data_file(lang)
        if path is None:
            raise SystemExit(f"simplemma has no {lang} dictionary")
        raw = path.read_bytes()
        count, seeds = lemma_index.seeds_of(lzma.decompress(raw), block)
        entry = {
            "simplemma": version("simplemma"),
            "sha256": hashlib.sha256(raw).hexdigest(),
            "count": count,
            "seeds": [[at, key.decode("latin-1"), value.decode("latin-1")] for at, key, value in seeds],
        }
        text = json.dumps(entry, ensure_ascii=True, separators=(",", ":"))
        target = lemma_index.index_file(lang)
        # mtime=0: the same simplemma gives the same bytes
        with (
            open(target, "wb") as raw_out,
            gzip.GzipFile(fileobj=raw_out, mode="wb", mtime=0, compresslevel=9) as out,
        ):
            out.write(text.encode("ascii"))
        print(f"{target}: {count} records, {len(seeds)} blocks of {block}, {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
