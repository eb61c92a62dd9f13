"""Write schemas/taxonomy.parsed.json: the shipped schemas/taxonomy.toml as `tomllib` parses
it, with the SHA-256 of the TOML it was made from. The taxonomy loader reads this copy instead
of parsing the TOML (a pure-Python parser, ~15 ms of every diff) when the hash matches, and
parses the TOML otherwise: a stale copy is only slower, and tests/risk/test_taxonomy_parsed.py
fails until it is rebuilt.

    .venv/bin/python tools/build_taxonomy_json.py
"""

from __future__ import annotations

import hashlib
import json
import tomllib

from draftkit.resources import schema_path
from draftkit.risk.taxonomy import DEFAULT_TAXONOMY, PARSED_AHEAD


def main() -> None:
    # The same files the loader reads (`_parsed_ahead`), found the way it finds them.
    raw = schema_path(DEFAULT_TAXONOMY).read_bytes()
    data = tomllib.loads(raw.decode("utf-8-sig"))
    copy = {"toml_sha256": hashlib.sha256(raw).hexdigest(), "data": data}
    out = schema_path(PARSED_AHEAD)
    out.write_text(json.dumps(copy, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
