"""Batch manifests → `Job`s: CSV (`old,new,label`), JSON, TOML, or a folder of rounds.

Guarantees: jobs come in manifest order; relative paths are taken from the manifest's own
folder and made absolute (a Dask worker does not share the caller's working directory);
every job has a label and a folder name (`Job.name`) that is unique in the manifest, safe
on every file system and never one of the batch's own files (`index.html`, `summary.csv`,
`summary.json`). A manifest that cannot be read is an `InputError` (exit 3) naming the
file and, where there is one, the row.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Literal

from draftkit.errors import InputError, UsageError, too_long_number
from draftkit.limits import read_capped
from draftkit.records import record

Pairing = Literal["consecutive"]

# Suffixes a folder's drafts may have: anything else in the folder (a README, a spreadsheet
# of metadata) is not a round of the text.
DRAFT_SUFFIXES = frozenset({".docx", ".docm", ".odt", ".pdf", ".txt", ".md", ".markdown", ".xml"})
# The batch's own files in OUTDIR: no job folder may take one of these names.
RESERVED = frozenset({"index.html", "summary.csv", "summary.json"})
MAX_MANIFEST_BYTES = 50_000_000
_NAME_CHARS = 80
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@record
class Job:
    """One comparison of a batch: OLD → NEW, a human label and its folder name in OUTDIR."""

    old: str
    new: str
    label: str
    name: str


def read_manifest(path: str | os.PathLike[str], *, pairs: Pairing | None = None) -> tuple[Job, ...]:
    """The jobs of a manifest file (CSV, JSON or TOML, told by suffix) or of a folder of
    drafts (`pairs="consecutive"`: natural sort, each file paired with the next)."""
    source = Path(path)
    if source.is_dir():
        if pairs is None:
            raise UsageError(f"{source} is a folder: give --pairs consecutive to pair its drafts in order")
        return _named(_folder_pairs(source))
    if pairs is not None:
        raise UsageError(f"--pairs {pairs} applies to a folder of drafts, and {source} is not one")
    raw = _load(source)
    base = source.resolve().parent
    suffix = source.suffix.lower()
    if suffix == ".csv":
        entries = _csv_entries(raw, source)
    elif suffix == ".json":
        entries = _mapping_entries(_json(raw, source), source)
    elif suffix == ".toml":
        entries = _mapping_entries(_toml(raw, source), source)
    else:
        raise UsageError(f"cannot tell the manifest format from {source.name!r}: use .csv, .json or .toml")
    if not entries:
        raise InputError("the manifest lists no pairs", str(source))
    return _named([(_resolve(base, old), _resolve(base, new), label) for old, new, label in entries])


def natural_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that orders "round-2" before "round-10" (digit runs compared as numbers)."""
    parts = re.split(r"(\d+)", name.casefold())
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts if p)


def job_name(label: str) -> str:
    """A folder name for a label: letters, digits, `.`, `_`, `-` kept, anything else as `_`."""
    name = _UNSAFE_NAME.sub("_", label).strip("._-")[:_NAME_CHARS].rstrip("._-")
    return name or "job"


# -- reading ---------------------------------------------------------------------------------


def _load(source: Path) -> bytes:
    try:
        size = source.stat().st_size
        if size > MAX_MANIFEST_BYTES:
            raise InputError(f"manifest is {size:,} bytes, over {MAX_MANIFEST_BYTES:,}", str(source))
        data = read_capped(source, MAX_MANIFEST_BYTES)
    except FileNotFoundError:
        raise InputError("manifest not found", str(source)) from None
    except OSError as exc:
        raise InputError(f"cannot read the manifest: {exc.strerror or exc}", str(source)) from None
    if data is None:
        raise InputError(f"manifest larger than {MAX_MANIFEST_BYTES:,} bytes", str(source))
    return data


def _text(raw: bytes, source: Path) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"manifest is not UTF-8 (byte {exc.start})", str(source)) from None


def _csv_entries(raw: bytes, source: Path) -> list[tuple[str, str, str]]:
    try:
        rows = list(csv.reader(io.StringIO(_text(raw, source), newline="")))
    except csv.Error as exc:
        raise InputError(f"not a CSV file ({exc})", str(source)) from None
    if not rows:
        raise InputError("the manifest is empty", str(source))
    header = [cell.strip().casefold() for cell in rows[0]]
    if "old" not in header or "new" not in header:
        raise InputError(f"the CSV header must name old,new[,label], not {','.join(rows[0])!r}", str(source))
    at = {column: header.index(column) for column in ("old", "new", "label") if column in header}
    entries: list[tuple[str, str, str]] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue  # a blank line
        cells = {column: row[i].strip() if i < len(row) else "" for column, i in at.items()}
        if not cells["old"] or not cells["new"]:
            raise InputError("a row needs both old and new", f"{source}: line {number}")
        entries.append((cells["old"], cells["new"], cells.get("label", "")))
    return entries


def _json(raw: bytes, source: Path) -> object:
    try:
        return json.loads(_text(raw, source))
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg}", f"{source}: line {exc.lineno}") from None
    except RecursionError:
        raise InputError("JSON nests too deeply", str(source)) from None
    except ValueError:  # after JSONDecodeError, a ValueError too
        raise InputError(f"the manifest holds {too_long_number()}", str(source)) from None


def _toml(raw: bytes, source: Path) -> object:
    try:
        return tomllib.loads(_text(raw, source))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not TOML: {exc}", str(source)) from None
    except RecursionError:
        raise InputError("TOML nests too deeply", str(source)) from None
    except ValueError:  # after TOMLDecodeError, a ValueError too
        raise InputError(f"the manifest holds {too_long_number()}", str(source)) from None


def _mapping_entries(data: object, source: Path) -> list[tuple[str, str, str]]:
    """JSON or TOML: `{"pairs": [{old, new, label}…], "series": [{label, drafts: […]}…]}`,
    or (JSON) a bare list of pairs. A series (every round of one negotiation) becomes the
    pairs of neighbouring rounds, labelled "LABEL 1→2", "LABEL 2→3" …"""
    if isinstance(data, list):
        data = {"pairs": data}
    if not isinstance(data, Mapping):
        raise InputError(
            "the manifest must hold a list of pairs or a table with 'pairs'/'series'", str(source)
        )
    unknown = sorted(set(data) - {"pairs", "series"})
    if unknown:
        raise InputError(f"unknown key {unknown[0]!r} (expected 'pairs' and/or 'series')", str(source))
    entries: list[tuple[str, str, str]] = []
    for number, item in enumerate(_list(data.get("pairs", []), "pairs", source), start=1):
        where = f"{source}: pairs[{number}]"
        if not isinstance(item, Mapping):
            raise InputError("a pair must be a table with old, new and an optional label", where)
        entries.append((_field(item, "old", where), _field(item, "new", where), _label(item, where)))
    for number, item in enumerate(_list(data.get("series", []), "series", source), start=1):
        where = f"{source}: series[{number}]"
        if not isinstance(item, Mapping):
            raise InputError("a series must be a table with drafts and an optional label", where)
        drafts = _list(item.get("drafts"), "drafts", where)
        if len(drafts) < 2 or not all(isinstance(d, str) and d for d in drafts):
            raise InputError("a series needs 'drafts': a list of at least two file names", where)
        label = _label(item, where) or f"series {number}"
        for k in range(len(drafts) - 1):
            entries.append((str(drafts[k]), str(drafts[k + 1]), f"{label} {k + 1}→{k + 2}"))
    return entries


def _list(value: object, key: str, where: object) -> Sequence[object]:
    if not isinstance(value, list):
        raise InputError(f"'{key}' must be a list", str(where))
    return value


def _field(item: Mapping[str, object], key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"'{key}' must be a file name", where)
    return value.strip()


def _label(item: Mapping[str, object], where: str) -> str:
    value = item.get("label", "")
    if not isinstance(value, str | int | float):
        raise InputError("'label' must be text", where)
    return str(value).strip()


def _folder_pairs(folder: Path) -> list[tuple[str, str, str]]:
    try:
        files = [
            p
            for p in folder.iterdir()
            if p.suffix.lower() in DRAFT_SUFFIXES and not p.name.startswith(".") and p.is_file()
        ]
    except OSError as exc:
        raise InputError(f"cannot list the folder: {exc.strerror or exc}", str(folder)) from None
    if len(files) < 2:
        raise InputError(
            f"the folder holds fewer than two drafts ({' '.join(sorted(DRAFT_SUFFIXES))})", str(folder)
        )
    files.sort(key=lambda p: (natural_key(p.name), p.name))
    return [(str(a.resolve()), str(b.resolve()), "") for a, b in itertools.pairwise(files)]


def _resolve(base: Path, name: str) -> str:
    path = Path(os.path.expanduser(name))
    return str(path if path.is_absolute() else base / path)


def _named(entries: Iterable[tuple[str, str, str]]) -> tuple[Job, ...]:
    """Jobs with a label (given, else "OLD → NEW" by file name, with their folder where
    file names alone would not tell two jobs apart) and a unique folder name."""
    entries = list(entries)
    by_names = Counter((Path(old).name, Path(new).name) for old, new, given in entries if not given)
    jobs: list[Job] = []
    taken: set[str] = set()
    for old, new, given in entries:
        label, stem = _default_label(Path(old), Path(new), by_names[Path(old).name, Path(new).name] > 1)
        label = given or label
        stem = job_name(given or stem)
        name, n = stem, 1
        while name.casefold() in taken or name.casefold() in RESERVED:
            n += 1
            name = f"{stem}-{n}"
        taken.add(name.casefold())
        jobs.append(Job(old=old, new=new, label=label, name=name))
    return tuple(jobs)


def _default_label(old: Path, new: Path, repeated: bool) -> tuple[str, str]:
    """("OLD → NEW", "OLD--NEW") by file name; where other unlabelled jobs have the same two
    file names (a corpus of pair folders, each with old.txt and new.txt), by folder too:
    "karabakh-2020/old.txt → new.txt", so index.html and summary.csv tell the jobs apart."""
    if not repeated:
        return f"{old.name} → {new.name}", f"{old.stem}--{new.stem}"
    if old.parent == new.parent:
        folder = old.parent.name
        return f"{folder}/{old.name} → {new.name}", f"{folder}--{old.stem}--{new.stem}"
    return (
        f"{old.parent.name}/{old.name} → {new.parent.name}/{new.name}",
        f"{old.parent.name}--{old.stem}--{new.parent.name}--{new.stem}",
    )
