"""The rounds of a negotiation as given on the command line: files in round order, one
folder (its drafts in natural order: round-2 before round-10), or one manifest (TOML or
JSON) naming each round's file with a label, date and author.

A manifest is read as hostile input like any draft: at most `MANIFEST_MAX_BYTES`, plain
strings only, one line of error (exit 3) for anything else.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Sequence
from pathlib import Path

from draftkit.errors import InputError, UsageError, too_long_number
from draftkit.records import record

# Every suffix a draft the readers take may have (batch.manifest lists the same): a round
# left out of a folder for its suffix would be a round missing from the history.
DRAFT_SUFFIXES = frozenset({".docx", ".docm", ".odt", ".pdf", ".txt", ".md", ".markdown", ".xml"})
MANIFEST_SUFFIXES = frozenset({".toml", ".json"})
MANIFEST_MAX_BYTES = 1_000_000
_FIELDS = ("file", "label", "date", "author")


@record
class RoundSpec:
    """Where a round is read from, and what to call it."""

    path: str
    label: str
    date: str | None = None
    author: str | None = None


def natural_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that orders 'round-2' before 'round-10' (digit runs compared as numbers)."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.lower()) for part in re.split(r"(\d+)", name) if part
    )


def specs(paths: Sequence[str | os.PathLike[str]]) -> tuple[RoundSpec, ...]:
    """The rounds named by the arguments: files, one folder, or one manifest."""
    if len(paths) == 1:
        only = Path(paths[0])
        if only.is_dir():
            return _folder(only)
        if only.suffix.lower() in MANIFEST_SUFFIXES:
            return _manifest(only)
    if len(paths) < 2:
        raise UsageError("a history needs at least two rounds (files, a folder or a manifest)")
    return tuple(RoundSpec(str(p), label) for p, label in zip(paths, round_labels(paths), strict=True))


def round_labels(paths: Sequence[str | os.PathLike[str]]) -> list[str]:
    """Each round's name: its file's stem; where stems repeat (round2/draft.docx,
    round3/draft.docx, or one name uploaded twice), with its folder ('round2/draft'), else
    its round number ('draft (R2)'): every report names the rounds apart."""
    stems = [Path(p).stem for p in paths]
    folded = [s.casefold() for s in stems]
    if len(set(folded)) == len(folded):
        return stems
    with_folder = [
        f"{Path(p).parent.name}/{stem}" if folded.count(f) > 1 and Path(p).parent.name else stem
        for p, stem, f in zip(paths, stems, folded, strict=True)
    ]
    if len({w.casefold() for w in with_folder}) == len(with_folder):
        return with_folder
    numbered = [
        f"{stem} (R{k})" if folded.count(f) > 1 else stem
        for k, (stem, f) in enumerate(zip(stems, folded, strict=True), start=1)
    ]
    if len({n.casefold() for n in numbered}) == len(numbered):
        return numbered
    # A stem that is itself one of those names ('draft', 'draft', 'draft (R1)'): every round
    # numbered, so no two names are one.
    return [f"{stem} (R{k})" for k, stem in enumerate(stems, start=1)]


def _folder(folder: Path) -> tuple[RoundSpec, ...]:
    try:
        names = [
            entry.name
            for entry in os.scandir(folder)
            if not entry.name.startswith(".")
            and Path(entry.name).suffix.lower() in DRAFT_SUFFIXES
            and entry.is_file()
        ]
    except OSError as exc:
        raise InputError(f"cannot list the folder: {exc.strerror or exc}", str(folder)) from None
    names.sort(key=natural_key)
    if len(names) < 2:
        raise InputError(
            f"holds {len(names)} draft file(s); a history needs at least two rounds", str(folder)
        )
    return tuple(RoundSpec(str(folder / name), Path(name).stem) for name in names)


def _manifest(path: Path) -> tuple[RoundSpec, ...]:
    where = str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MANIFEST_MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(f"cannot read the manifest: {exc.strerror or exc}", where) from None
    if len(data) > MANIFEST_MAX_BYTES:
        raise InputError(f"manifest larger than {MANIFEST_MAX_BYTES:,} bytes", where)
    try:
        text = data.decode("utf-8")
        parsed: object = tomllib.loads(text) if path.suffix.lower() == ".toml" else json.loads(text)
    except UnicodeDecodeError:
        raise InputError("manifest is not UTF-8", where) from None
    except (tomllib.TOMLDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise InputError(f"manifest is not valid {path.suffix[1:].upper()}: {exc}", where) from None
    except ValueError:  # after the decode errors, which are ValueErrors too
        raise InputError(f"manifest holds {too_long_number()}", where) from None
    rounds = parsed.get("rounds", parsed.get("round")) if isinstance(parsed, dict) else parsed
    if not isinstance(rounds, list) or len(rounds) < 2:
        raise InputError('manifest needs a list "rounds" of at least two entries', where)
    out: list[RoundSpec] = []
    for number, item in enumerate(rounds, start=1):
        if isinstance(item, str):
            item = {"file": item}
        if not isinstance(item, dict):
            raise InputError(f"round {number}: expected a table with file, label, date, author", where)
        unknown = sorted(set(item) - set(_FIELDS))
        if unknown:
            raise InputError(f"round {number}: unknown key {unknown[0]!r} (file, label, date, author)", where)
        values: dict[str, str] = {}
        for key in _FIELDS:
            value = item.get(key)
            if value is None:
                continue
            if not isinstance(value, str) or not value.strip():
                raise InputError(f"round {number}: {key} must be a non-empty string", where)
            values[key] = str(value)
        if "file" not in values:
            raise InputError(f"round {number}: no file", where)
        file = path.parent / values["file"]
        out.append(
            RoundSpec(str(file), values.get("label", file.stem), values.get("date"), values.get("author"))
        )
    return tuple(out)
