"""Manifests of each format → jobs: paths from the manifest's folder, labels, safe unique names."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from draftkit.batch import read_manifest
from draftkit.batch.manifest import job_name, natural_key
from draftkit.errors import InputError, UsageError


def test_csv_paths_relative_to_the_manifest(tmp_path: Path) -> None:
    (tmp_path / "m").mkdir()
    manifest = tmp_path / "m" / "pairs.csv"
    manifest.write_text(
        "old,new,label\nr1.txt,r2.txt,Round one to two\n\n/abs/a.docx,/abs/b.docx,\n", encoding="utf-8"
    )
    jobs = read_manifest(manifest)
    assert [(j.old, j.new) for j in jobs] == [
        (str(tmp_path / "m" / "r1.txt"), str(tmp_path / "m" / "r2.txt")),
        ("/abs/a.docx", "/abs/b.docx"),
    ]
    assert [j.label for j in jobs] == ["Round one to two", "a.docx → b.docx"]
    assert [j.name for j in jobs] == ["Round_one_to_two", "a--b"]


def test_csv_columns_in_any_order_label_optional(tmp_path: Path) -> None:
    manifest = tmp_path / "p.csv"
    manifest.write_text("\ufeffNew,Old\nb.txt,a.txt\n", encoding="utf-8")  # Excel's BOM, capitals
    (job,) = read_manifest(manifest)
    assert (Path(job.old).name, Path(job.new).name, job.label) == ("a.txt", "b.txt", "a.txt → b.txt")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("first,second\na,b\n", "header must name old,new"),
        ("old,new,label\na.txt,,x\n", "line 2: a row needs both old and new"),
        ("old,new,label\n", "lists no pairs"),
        ("", "empty"),
    ],
)
def test_csv_refusals_are_input_errors(tmp_path: Path, text: str, message: str) -> None:
    manifest = tmp_path / "p.csv"
    manifest.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        read_manifest(manifest)
    assert info.value.exit_code == 3


def test_json_list_and_series(tmp_path: Path) -> None:
    listed = tmp_path / "list.json"
    listed.write_text(json.dumps([{"old": "a.txt", "new": "b.txt", "label": "AB"}]), encoding="utf-8")
    assert [(Path(j.old).name, j.label) for j in read_manifest(listed)] == [("a.txt", "AB")]
    table = tmp_path / "table.json"
    table.write_text(
        json.dumps(
            {
                "pairs": [{"old": "x.txt", "new": "y.txt"}],
                "series": [{"label": "Talks", "drafts": ["r1", "r2", "r3"]}],
            }
        ),
        encoding="utf-8",
    )
    jobs = read_manifest(table)
    assert [(Path(j.old).name, Path(j.new).name, j.label) for j in jobs] == [
        ("x.txt", "y.txt", "x.txt → y.txt"),
        ("r1", "r2", "Talks 1→2"),
        ("r2", "r3", "Talks 2→3"),
    ]


def test_toml_pairs_and_series(tmp_path: Path) -> None:
    manifest = tmp_path / "corpus.toml"
    manifest.write_text(
        '[[pairs]]\nold = "v1.docx"\nnew = "v2.docx"\nlabel = "Ceasefire"\n\n'
        '[[series]]\nlabel = "Border"\ndrafts = ["b1.txt", "b2.txt"]\n',
        encoding="utf-8",
    )
    jobs = read_manifest(manifest)
    assert [(Path(j.old).name, Path(j.new).name, j.label, j.name) for j in jobs] == [
        ("v1.docx", "v2.docx", "Ceasefire", "Ceasefire"),
        ("b1.txt", "b2.txt", "Border 1→2", "Border_1_2"),
    ]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bad.json", "{not json", "not JSON"),
        ("bad.json", '{"rounds": []}', "unknown key 'rounds'"),
        ("bad.json", '{"pairs": [{"old": "a"}]}', r"pairs\[1\]: 'new' must be a file name"),
        ("bad.json", '{"series": [{"drafts": ["only-one"]}]}', "at least two"),
        ("bad.toml", "pairs = 3", "'pairs' must be a list"),
        ("bad.toml", "[[pairs]\n", "not TOML"),
    ],
)
def test_json_toml_refusals(tmp_path: Path, name: str, text: str, message: str) -> None:
    manifest = tmp_path / name
    manifest.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_manifest(manifest)


def test_folder_consecutive_natural_sort(tmp_path: Path) -> None:
    for name in ("round-10.txt", "round-2.docx", "round-1.txt", "notes.csv", ".hidden.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    jobs = read_manifest(tmp_path, pairs="consecutive")
    assert [(Path(j.old).name, Path(j.new).name) for j in jobs] == [
        ("round-1.txt", "round-2.docx"),
        ("round-2.docx", "round-10.txt"),
    ]
    assert [j.name for j in jobs] == ["round-1--round-2", "round-2--round-10"]


def test_folder_takes_a_draft_of_every_format_the_readers_read(tmp_path: Path) -> None:
    """An .odt round (or .markdown) in the folder was left out: its neighbours were
    compared with each other, the job with it never run."""
    names = ("r1.txt", "r2.odt", "r3.docm", "r4.markdown", "r5.pdf")
    for name in (*names, "notes.csv"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    jobs = read_manifest(tmp_path, pairs="consecutive")
    assert [(Path(j.old).name, Path(j.new).name) for j in jobs] == list(itertools.pairwise(names))


def test_folder_needs_pairs_and_a_file_refuses_them(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="--pairs consecutive"):
        read_manifest(tmp_path)
    (tmp_path / "one.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="fewer than two"):
        read_manifest(tmp_path, pairs="consecutive")
    manifest = tmp_path / "p.csv"
    manifest.write_text("old,new\na,b\n", encoding="utf-8")
    with pytest.raises(UsageError, match="applies to a folder"):
        read_manifest(manifest, pairs="consecutive")
    with pytest.raises(UsageError, match="manifest format"):
        read_manifest(tmp_path / "one.txt")
    with pytest.raises(InputError, match="not found"):
        read_manifest(tmp_path / "absent.csv")


def test_names_unique_safe_and_never_the_batch_files(tmp_path: Path) -> None:
    manifest = tmp_path / "p.csv"
    manifest.write_text(
        "old,new,label\na,b,Same\na,b,same\na,b,summary.csv\na,b,<script>alert(1)</script>\na,b,../../etc\na,b,Дніпро\n",
        encoding="utf-8",
    )
    names = [j.name for j in read_manifest(manifest)]
    assert names == ["Same", "same-2", "summary.csv-2", "script_alert_1_script", "etc", "job"]


def test_name_and_sort_helpers() -> None:
    assert job_name("  ..x  y..  ") == "x_y"
    assert job_name("a" * 200) == "a" * 80
    assert sorted(["r10", "r9", "R1"], key=natural_key) == ["R1", "r9", "r10"]


def test_unlabelled_pairs_with_the_same_file_names_are_told_apart_by_folder(tmp_path: Path) -> None:
    """A corpus laid out as one folder per pair, each with old.txt and new.txt: without
    labels every job was "old.txt → new.txt" in index.html and summary.csv, in folders
    old--new, old--new-2 … that said nothing of which pair they held."""
    manifest = tmp_path / "pairs.csv"
    manifest.write_text(
        "old,new\nminsk/old.txt,minsk/new.txt\nsochi/old.txt,sochi/new.txt\n"
        "r/round1.txt,r/round2.txt\ndrafts-a/v1.txt,drafts-b/v1.txt\ndrafts-c/v1.txt,drafts-d/v1.txt\n",
        encoding="utf-8",
    )
    jobs = read_manifest(manifest)
    assert [j.label for j in jobs] == [
        "minsk/old.txt → new.txt",
        "sochi/old.txt → new.txt",
        "round1.txt → round2.txt",  # its file names alone are unique: as before
        "drafts-a/v1.txt → drafts-b/v1.txt",
        "drafts-c/v1.txt → drafts-d/v1.txt",
    ]
    assert [j.name for j in jobs] == [
        "minsk--old--new",
        "sochi--old--new",
        "round1--round2",
        "drafts-a--v1--drafts-b--v1",
        "drafts-c--v1--drafts-d--v1",
    ]
