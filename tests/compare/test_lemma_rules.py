"""compare.lemma_rules (issue 18): simplemma's suffix rules imported one language at a time
give the very lemmas simplemma gives when it imports them all; and they are imported only when asked for, only for the simplemma version checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from draftkit.compare import lemma_rules, lemmas
from tests.fresh import run_fresh

# Dictionary words and made-up stems with the language's endings (which only its rules can
# lemmatise): our three languages, and two others.
_WORDS = {
    "en": ["withdrawals", "running", "parties", "blorkations", "zindering", "fribbled", "Kyiv", "cease-fire"],
    "ru": ["войсками", "кораблями", "зарковами", "бликующими", "проглотившихся"],
    "uk": ["територіями", "військами", "зарковими", "бликуючими"],
    "is": ["húsunum", "glorbunum", "glorbanna"],  # another language's, in is_.py
    "sl": ["glorbami", "hišami"],
}

_LEMMAS = """
import json, sys
if sys.argv[1] == "all":
    import simplemma  # imported first: its rules package as it is, every language
from draftkit.compare import lemmas
words = json.loads(sys.argv[2])
lemmatizer = lemmas._lemmatizer()
package = sys.modules["simplemma.strategies.defaultrules"]
out = {lang: [lemmatizer.lemmatize(w, lang) for w in ws] for lang, ws in words.items()}
print(json.dumps({"lemmas": out, "on_demand": not hasattr(package, "apply_fi")}))
"""


def _run(mode: str) -> dict[str, object]:
    result = json.loads(run_fresh(_LEMMAS, mode, json.dumps(_WORDS), without="", timeout=120))
    assert isinstance(result, dict)
    return result


@pytest.mark.skipif(
    lemmas._simplemma_version() != lemma_rules.CHECKED, reason="another simplemma: rules imported as they are"
)
def test_rules_on_demand_give_the_lemmas_of_all_rules() -> None:
    on_demand, everything = _run("on_demand"), _run("all")
    assert on_demand["on_demand"] is True and everything["on_demand"] is False
    assert on_demand["lemmas"] == everything["lemmas"]


def test_only_the_version_checked_and_only_before_simplemma(tmp_path: Path) -> None:
    folder = tmp_path / "defaultrules"
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    (folder / "en.py").write_text("")
    assert not lemma_rules.on_demand(folder, "0.0.1")  # another version: nothing put in place
    import sys

    if "simplemma" in sys.modules:  # this session imported it: too late, nothing put in place
        assert not lemma_rules.on_demand(folder, lemma_rules.CHECKED)


def test_a_language_without_rules_has_none() -> None:
    from importlib.util import find_spec

    spec = find_spec("simplemma")
    assert spec is not None and spec.submodule_search_locations
    folder = Path(next(iter(spec.submodule_search_locations))) / "strategies" / "defaultrules"
    rules = lemma_rules._RulesOnDemand(folder)
    assert rules.get("xx") is None and rules.get("generic") is None
    assert rules.get("en") is not None and rules.get("is") is not None
