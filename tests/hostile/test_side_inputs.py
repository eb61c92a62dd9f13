"""`-o` (and batch's output folder) never over a file the command reads besides its drafts:
the file a taxonomy `extends`, the RelaxNG grammar and the taxonomy a clause schema names
(and what that taxonomy extends), a batch's manifest. Each is refused as a draft is — exit 2,
"is also an input", before anything is written — through a symlink too.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from draftkit import api
from draftkit.errors import UsageError
from draftkit.resources import schema_path

from .files import GOOD_TEXT
from .helpers import DATE, assert_fails, cli, snapshot

NEW_TEXT = GOOD_TEXT.replace("cease fire", "cease all fire") + "3. Added.\n"
BASE = 'extends = "default"\n'


@pytest.fixture
def drafts(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(GOOD_TEXT, encoding="utf-8")
    new.write_text(NEW_TEXT, encoding="utf-8")
    return old, new


def _extending(tmp_path: Path) -> tuple[Path, Path]:
    """A taxonomy that extends a file of its own (named with a suffix every command writes)."""
    (tmp_path / "lib").mkdir()
    base = tmp_path / "lib" / "base.json"
    base.write_text(BASE, encoding="utf-8")
    taxonomy = tmp_path / "mine.toml"
    taxonomy.write_text('extends = "lib/base.json"\n', encoding="utf-8")
    return taxonomy, base


@pytest.mark.parametrize("command", ["diff", "redline", "classify", "history", "compare3"])
@pytest.mark.parametrize("alias", ["same", "symlink"])
def test_the_base_a_taxonomy_extends_is_protected_from_output(
    command: str, alias: str, drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = drafts
    taxonomy, base = _extending(tmp_path)
    target = base
    if alias == "symlink":
        target = tmp_path / "alias.json"
        target.symlink_to(base)
    args = {
        "diff": ["diff", old, new, "--format", "json"],
        "redline": ["redline", old, new, "--date", DATE],
        "classify": ["classify", old, "--format", "json"],
        "history": ["history", old, new, "--format", "json"],
        "compare3": ["compare3", old, new, old, "--format", "json"],
    }[command]
    before = snapshot(tmp_path)
    assert_fails(
        cli(*args, "--taxonomy", taxonomy, "-o", target), 2, "is also an input; refusing to overwrite it"
    )
    assert snapshot(tmp_path) == before


def test_a_chain_of_extends_is_followed(tmp_path: Path) -> None:
    from draftkit.risk.taxonomy import taxonomy_files

    (tmp_path / "a.toml").write_text('extends = "b.toml"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text("'extends' = \"sub/c.toml\"\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.toml").write_text('"\\u0065xtends" = "../d.toml"\n', encoding="utf-8")
    (tmp_path / "d.toml").write_text(BASE, encoding="utf-8")
    found = [p.resolve() for p in taxonomy_files(tmp_path / "a.toml")]
    assert found == [(tmp_path / n).resolve() for n in ("a.toml", "b.toml", "sub/c.toml", "d.toml")]


def test_a_broken_or_cyclic_taxonomy_lists_what_it_can(tmp_path: Path) -> None:
    from draftkit.risk.taxonomy import taxonomy_files

    (tmp_path / "a.toml").write_text('extends = "b.toml"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('extends = "a.toml"\n', encoding="utf-8")
    (tmp_path / "bad.toml").write_text('extends = "b.toml\n', encoding="utf-8")
    assert len(taxonomy_files(tmp_path / "a.toml")) <= 5
    assert taxonomy_files(tmp_path / "bad.toml") == (tmp_path / "bad.toml",)
    assert taxonomy_files(tmp_path / "missing.toml") == (tmp_path / "missing.toml",)
    assert taxonomy_files(None) == ()


def test_the_library_redline_protects_the_base_too(drafts: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = drafts
    taxonomy, base = _extending(tmp_path)
    with pytest.raises(UsageError, match="also an input"):
        api.redline(old, new, base, fmt="json", taxonomy=taxonomy, date=DATE)
    assert base.read_text(encoding="utf-8") == BASE


def _schema(tmp_path: Path) -> dict[str, Path]:
    """A clause schema naming a grammar and a taxonomy of its own; the taxonomy extends a file."""
    files = {
        "grammar": tmp_path / "grammar.json",
        "taxonomy": tmp_path / "tax.json",
        "base": tmp_path / "taxbase.json",
        "schema": tmp_path / "my.clauses.toml",
    }
    files["grammar"].write_bytes(schema_path("draft.rng").read_bytes())
    files["base"].write_text(BASE, encoding="utf-8")
    files["taxonomy"].write_text('extends = "taxbase.json"\n', encoding="utf-8")
    files["schema"].write_text(
        '[schema]\nname = "mine"\ntaxonomy = "tax.json"\n\n[structure]\nrelaxng = "grammar.json"\n',
        encoding="utf-8",
    )
    return files


@pytest.mark.parametrize("which", ["grammar", "taxonomy", "base"])
def test_the_files_a_schema_names_are_protected_from_output(
    which: str, drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    old, _ = drafts
    files = _schema(tmp_path)
    assert cli("validate", old, "--schema", files["schema"], "--format", "json").code in (0, 1)
    before = snapshot(tmp_path)
    run = cli("validate", old, "--schema", files["schema"], "--format", "json", "-o", files[which])
    assert_fails(run, 2, "is also an input; refusing to overwrite it")
    assert snapshot(tmp_path) == before


def test_schema_files_lists_what_a_schema_reads(tmp_path: Path) -> None:
    from draftkit.validate.clause_schema import schema_files

    files = _schema(tmp_path)
    found = {p.resolve() for p in schema_files(files["schema"])}
    assert found == {p.resolve() for p in files.values()}
    assert schema_files(None) == ()
    (tmp_path / "broken.toml").write_text("[schema\n", encoding="utf-8")
    assert schema_files(tmp_path / "broken.toml") == (tmp_path / "broken.toml",)


def test_a_batch_never_writes_its_summary_over_its_manifest(
    drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = drafts
    out = tmp_path / "out"
    out.mkdir()
    manifest = out / "summary.csv"
    manifest.write_text(f"old,new,label\n{old},{new},one\n", encoding="utf-8")
    before = snapshot(tmp_path)
    run = cli("batch", manifest, "-o", out, "--jobs", "1")
    assert_fails(run, 2, "is also an input; refusing to overwrite it")
    assert snapshot(tmp_path) == before


def test_a_batch_never_writes_a_report_over_a_draft(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "one").mkdir(parents=True)
    old, new = out / "one" / "report.md", tmp_path / "new.txt"  # a job's draft where its report goes
    old.write_text(GOOD_TEXT, encoding="utf-8")
    new.write_text(NEW_TEXT, encoding="utf-8")
    manifest = tmp_path / "pairs.csv"
    manifest.write_text(f"old,new,label\n{old},{new},one\n", encoding="utf-8")
    before = snapshot(tmp_path)
    run = cli("batch", manifest, "-o", out, "--jobs", "1", "--format", "md")
    assert_fails(run, 2, "is also an input; refusing to overwrite it")
    assert snapshot(tmp_path) == before


def test_a_batch_never_writes_over_the_base_of_its_taxonomy(
    drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = drafts
    out = tmp_path / "out"
    out.mkdir()
    base = out / "index.html"
    base.write_text(BASE, encoding="utf-8")
    taxonomy = tmp_path / "mine.toml"
    taxonomy.write_text(f'extends = "{os.path.relpath(base, tmp_path)}"\n', encoding="utf-8")
    manifest = tmp_path / "pairs.csv"
    manifest.write_text(f"old,new,label\n{old},{new},one\n", encoding="utf-8")
    before = snapshot(tmp_path)
    run = cli("batch", manifest, "-o", out, "--jobs", "1", "--taxonomy", taxonomy)
    assert_fails(run, 2, "is also an input; refusing to overwrite it")
    assert snapshot(tmp_path) == before


INCLUDED = (
    '<grammar xmlns="http://relaxng.org/ns/structure/1.0">'
    '<define name="anything"><element><anyName/><ref name="any.content"/></element></define>'
    '<define name="any.content"><zeroOrMore><choice><attribute><anyName/></attribute><text/>'
    '<ref name="anything"/></choice></zeroOrMore></define></grammar>'
)


def _including(tmp_path: Path, href: str) -> Path:
    """A clause schema whose grammar includes another file (`href`, as the grammar names it)."""
    (tmp_path / "rng").mkdir()
    (tmp_path / "rng" / "parts.json").write_text(INCLUDED, encoding="utf-8")
    (tmp_path / "rng" / "main.rng").write_text(
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0">'
        f'<include href="{href}"/><start><ref name="anything"/></start></grammar>',
        encoding="utf-8",
    )
    schema = tmp_path / "my.clauses.toml"
    schema.write_text('[structure]\nrelaxng = "rng/main.rng"\n', encoding="utf-8")
    return schema


def test_a_file_the_grammar_includes_is_protected_from_output(
    drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    old, _ = drafts
    schema = _including(tmp_path, str(tmp_path / "rng" / "parts.json"))
    before = snapshot(tmp_path)
    run = cli("validate", old, "--schema", schema, "--format", "json", "-o", tmp_path / "rng" / "parts.json")
    assert_fails(run, 2, "is also an input; refusing to overwrite it")
    assert snapshot(tmp_path) == before


def test_a_grammar_includes_files_beside_it_not_beside_the_working_folder(
    drafts: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, _ = drafts
    schema = _including(tmp_path, "parts.json")
    monkeypatch.chdir(tmp_path)  # libxml2 looked for "parts.json" here
    assert cli("schema", "check", schema).code == 0
    run = cli("validate", old, "--schema", schema, "--format", "json", "-o", tmp_path / "rng" / "parts.json")
    assert_fails(run, 2, "is also an input; refusing to overwrite it")


@pytest.mark.parametrize(
    ("href", "message"),
    [
        ("http://127.0.0.1:9/parts.rng", "is a URL: a grammar may include files only"),
        ("file:///etc/hostname", "is a URL"),
        ("missing.rng", 'include "missing.rng": cannot read'),
    ],
)
def test_a_grammar_reads_files_beside_it_only(href: str, message: str, tmp_path: Path) -> None:
    schema = _including(tmp_path, href)
    assert_fails(cli("schema", "check", schema), 4, message)
