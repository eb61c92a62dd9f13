"""Fuzzing, bounded for CI: random and mutated drafts (text, DOCX XML, draftkit XML) through
parse, validate, diff and every redline format. Each either succeeds or raises a
`DraftkitError` with a one-line message, never another exception; the CLI answers 0, 1 or 3
with one line on stderr. `benchmarks/fuzz.py` runs the same properties much longer.

DRAFTKIT_FUZZ_EXAMPLES scales the number of examples (default 1: the CI budget).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from draftkit import api
from draftkit.errors import DraftkitError
from draftkit.readers.text import _lines
from tests.fuzz_strategies import check_file, check_pair, draft_files

from .helpers import cli

SCALE = float(os.environ.get("DRAFTKIT_FUZZ_EXAMPLES", "1"))


def _settings(examples: int) -> settings:
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


@_settings(120)
@given(draft_files())
def test_any_file_parses_and_validates_or_fails_cleanly(file: tuple[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        check_file(Path(folder), *file)


@_settings(50)
@given(draft_files(), draft_files())
def test_any_pair_diffs_and_redlines_or_fails_cleanly(old: tuple[str, bytes], new: tuple[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        check_pair(Path(folder), old, new)


@_settings(40)
@given(draft_files())
def test_the_cli_answers_with_an_exit_code_and_one_line(file: tuple[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / file[0]
        path.write_bytes(file[1])
        for args in (["parse", path, "--format", "json"], ["validate", path]):
            run = cli(*args)
            assert run.code in (0, 1, 3), (run.code, run.err)
            if run.code == 3:
                assert run.out == "" and run.err.startswith("draftkit: error: ") and run.err.count("\n") == 1


@_settings(40)
@given(draft_files())
def test_reading_is_deterministic(file: tuple[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / file[0]
        path.write_bytes(file[1])
        try:
            first = api.parse(path)
        except DraftkitError as exc:
            again = None
            try:
                api.parse(path)
            except DraftkitError as second:
                again = second
            assert again is not None and str(again) == str(exc)
            return
        assert api.parse(path) == first


@_settings(300)
@given(st.text(st.sampled_from("ab \n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), max_size=30))
def test_lazy_lines_are_splitlines(text: str) -> None:
    assert list(_lines(text)) == text.splitlines()
