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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    raw = (ROOT / "schemas" / "taxonomy.toml").read_bytes()
    data = tomllib.loads(raw.decode("utf-8-sig"))
    copy = {"toml_sha256": hashlib.sha256(raw).hexdigest(), "data": data}
    out = ROOT / "schemas" / "taxonomy.parsed.json"
    out.write_text(json.dumps(copy, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
