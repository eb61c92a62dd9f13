"""The shipped lemma cache (compare/lemma_cache.json): right, complete, and what keeps an
English diff from decoding the Ukrainian and Russian dictionaries (issue 18)."""

from __future__ import annotations

import json
import subprocess
import sys

from draftkit.compare import lemmas

_PROBE = """
import json, sys
from draftkit.compare import lemmas
calls = []
original = lemmas._simplemma
def recording(lower, lang):
    calls.append([lang, lower])
    return original(lower, lang)
lemmas._simplemma = recording
from draftkit.compare import content
from draftkit.risk.taxonomy import default_taxonomy
default_taxonomy(); content._alias_matcher(); content._topic_index()
loading = list(calls)
from draftkit import diff
diff(sys.argv[1], sys.argv[2])
print(json.dumps({"loading": loading, "diff": sorted({lang for lang, _ in calls})}))
"""


def test_the_shipped_lemmas_are_simplemmas() -> None:
    shipped = json.loads(lemmas._CACHE_FILE.read_text(encoding="utf-8"))
    assert shipped["simplemma"] == lemmas._simplemma_version()
    wrong = {
        (lang, word): (lemma, lemmas._simplemma(word, lang))
        for lang, words in shipped["lemmas"].items()
        for word, lemma in words.items()
        if lemmas._simplemma(word, lang) != lemma
    }
    assert wrong == {}, "rebuild it: .venv/bin/python tools/build_lemma_cache.py"


def test_loading_the_taxonomy_decodes_no_dictionary_and_an_english_diff_only_english() -> None:
    from tests.conftest import DRAFTS

    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(DRAFTS / "framework-v1.txt"), str(DRAFTS / "framework-v2.txt")],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["loading"] == [], "taxonomy words missing from the cache: run tools/build_lemma_cache.py"
    assert seen["diff"] in ([], ["en"])


def test_simplemmas_version_read_from_its_file_is_the_installed_distributions() -> None:
    from importlib.metadata import version

    assert lemmas._simplemma_version() == version("simplemma") != ""
