"""Small draft pairs for the batch tests, written into a temporary folder, and a way to
compare two OUTDIRs byte for byte (the run-dependent `seconds` left out)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

OLD = """Article 1 — Ceasefire
1. The Parties shall cease all hostilities within 30 days of signature.
2. Observers of the Mission may inspect any position upon notice.

Article 2 — Withdrawal
1. Heavy weapons shall be withdrawn 15 km from the line of contact.
2. The Joint Commission shall verify each stage of withdrawal.
"""


def variant(k: int) -> str:
    """Round k of the small framework: numbers and one obligation word change with k."""
    text = OLD.replace("30 days", f"{40 + 10 * k} days").replace("15 km", f"{16 + k} km")
    return text.replace("Observers of the Mission may", "Observers of the Mission shall") if k % 2 else text


def write_pairs(folder: Path, n: int, *, broken: tuple[int, ...] = ()) -> list[tuple[str, str, str]]:
    """`n` pairs of rounds (old_k.txt, new_k.txt); the new side of each index in `broken` is
    not a draft (an empty file). Returns rows (old, new, label) with paths relative to `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for k in range(n):
        (folder / f"old_{k}.txt").write_text(OLD, encoding="utf-8")
        (folder / f"new_{k}.txt").write_text("" if k in broken else variant(k), encoding="utf-8")
        rows.append((f"old_{k}.txt", f"new_{k}.txt", f"pair {k}"))
    return rows


def write_csv(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["old", "new", "label"])
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def tree(outdir: Path) -> dict[str, bytes]:
    """Every file under `outdir` (relative name → bytes), with `seconds` removed from the
    summaries and job records: the one thing that depends on the run, not the inputs."""
    files: dict[str, bytes] = {}
    for path in sorted(p for p in outdir.rglob("*") if p.is_file()):
        name = path.relative_to(outdir).as_posix()
        data = path.read_bytes()
        if path.name in ("summary.json", "job.json"):
            data = json.dumps(_drop_seconds(json.loads(data)), sort_keys=True).encode()
        elif path.name == "summary.csv":
            rows = list(csv.reader(io.StringIO(data.decode())))
            at = rows[0].index("seconds")
            data = json.dumps([r[:at] + r[at + 1 :] for r in rows]).encode()
        files[name] = data
    return files


def _drop_seconds(value: object) -> object:
    if isinstance(value, dict):
        return {k: _drop_seconds(v) for k, v in value.items() if k != "seconds"}
    if isinstance(value, list):
        return [_drop_seconds(v) for v in value]
    return value


def big(k: int, articles: int = 150) -> str:
    """A longer round (`articles` articles of the small framework's shape): seconds per job."""
    parts = []
    for n in range(1, articles + 1):
        parts.append(
            f"Article {n} — Zone {n}\n"
            f"1. The Parties shall withdraw from sector {n} within {n + 10 * k} days of signature.\n"
            f"2. Observers may inspect the {n}th position upon {k + 2} hours notice.\n"
        )
    return "\n".join(parts)
