"""Every reading-warning code the source can emit is one the JSON schemas allow: a code added
to a reader and not to the schemas made every JSON report holding it invalid (found for
`invisible-text` the day it was added)."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_CODE = r"[a-z]+(?:-[a-z]+)*"
SCHEMAS = ("diff.schema.json", "draft.schema.json", "history.schema.json", "compare3.schema.json")


def _codes_in_source() -> set[str]:
    """The string codes given to ReadWarning(…) and to a walker's warn(…), and the codes of
    the (code, message) pairs a `notes` function returns."""
    codes: set[str] = set()
    for path in (ROOT / "src" / "draftkit").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args:
                func = node.func
                name = (
                    func.id
                    if isinstance(func, ast.Name)
                    else func.attr
                    if isinstance(func, ast.Attribute)
                    else ""
                )
                first = node.args[0]
                if (
                    name in ("ReadWarning", "warn")
                    and isinstance(first, ast.Constant)
                    and isinstance(first.value, str)
                    and re.fullmatch(_CODE, first.value)  # (the ODT walker's warn takes a message)
                ):
                    codes.add(first.value)
            if isinstance(node, ast.FunctionDef) and node.name == "notes":
                for inner in ast.walk(node):
                    if (
                        isinstance(inner, ast.Tuple)
                        and len(inner.elts) == 2
                        and isinstance(inner.elts[0], ast.Constant)
                        and isinstance(inner.elts[0].value, str)
                        and re.fullmatch(_CODE, inner.elts[0].value)
                    ):
                        codes.add(inner.elts[0].value)
    return codes


def _enums(node: object) -> list[set[str]]:
    """The `enum`s of every `code` property in a schema."""
    found: list[set[str]] = []
    if isinstance(node, dict):
        code = node.get("properties", {}).get("code") if isinstance(node.get("properties"), dict) else None
        if isinstance(code, dict) and "enum" in code:
            found.append(set(code["enum"]))
        for value in node.values():
            found += _enums(value)
    elif isinstance(node, list):
        for value in node:
            found += _enums(value)
    return found


def test_every_warning_code_in_the_source_is_allowed_by_every_schema_that_lists_codes() -> None:
    codes = _codes_in_source()
    assert {"unnumbered", "hidden-text", "not-compared", "invisible-text", "tracked-changes"} <= codes
    checked = 0
    for name in SCHEMAS:
        for allowed in _enums(json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))):
            if "unnumbered" not in allowed:
                continue  # a `code` enum of something else (a validate finding's)
            assert codes <= allowed, (
                f"{name}: codes the source emits and the schema refuses: {codes - allowed}"
            )
            checked += 1
    assert checked >= 4
