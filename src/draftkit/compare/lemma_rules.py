"""simplemma's suffix rules imported one language at a time (issue 18).

simplemma's `strategies.defaultrules` package imports the rules of all 21 languages it knows
when it is imported, and compiling their regular expressions is most of simplemma's start
(~35 ms of a long diff's warm-up: Finnish alone has 97 patterns); draftkit lemmatizes
English, Ukrainian and Russian. `on_demand` puts in its place, before simplemma is imported,
a package of the same folder whose `RULE_FUNCTIONS` imports a language's module when its
rules are first asked for — all `RulesStrategy` does with it is `RULE_FUNCTIONS.get(lang)`.
Only for the simplemma version this was checked against (tests/compare/test_lemma_rules.py:
the same lemmas either way, in every language); another is imported as it is.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable
from pathlib import Path

CHECKED = "2.0.0"  # the simplemma version whose `defaultrules` this stands in for
NAME = "simplemma.strategies.defaultrules"
_MODULES = {"is": "is_"}  # a language whose module is not named by its code (a keyword)

Rule = Callable[[str], str | None]


class _RulesOnDemand(dict[str, Rule]):
    """`RULE_FUNCTIONS`, each language's rules imported when first asked for."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self._folder = folder

    def get(self, lang: str, default: Rule | None = None) -> Rule | None:  # type: ignore[override]
        found = dict.get(self, lang)
        if found is None:
            module = _MODULES.get(lang, lang)
            if module in ("__init__", "generic") or not (self._folder / f"{module}.py").is_file():
                return default
            found = self[lang] = getattr(importlib.import_module(f"{NAME}.{module}"), f"apply_{lang}")
        return found


def on_demand(folder: Path, version: str) -> bool:
    """Put the rules package `NAME` (simplemma's, in `folder`) in place, imported on demand:
    when simplemma is `CHECKED` and neither it nor its rules are imported yet. Whether done."""
    if version != CHECKED or "simplemma" in sys.modules or NAME in sys.modules:
        return False
    if not (folder / "__init__.py").is_file() or not (folder / "en.py").is_file():
        return False
    package = types.ModuleType(NAME, "simplemma's suffix rules, each language imported when asked for")
    package.__path__ = [str(folder)]
    package.__package__ = NAME
    package.RULE_FUNCTIONS = _RulesOnDemand(folder)  # type: ignore[attr-defined]
    sys.modules[NAME] = package
    return True
