"""draftkit.precompiled: patterns compiled at install are what `re.compile` makes, found
where it looks, and a file of another interpreter or a damaged one is ignored."""

from __future__ import annotations

import marshal
import re
from pathlib import Path

import pytest

from draftkit import precompiled

# Patterns no module of draftkit compiles (so `re`'s cache does not hold them already),
# with groups, names, flags and both string types.
_SAMPLES: set[tuple[str | bytes, int]] = {
    (r"(?P<article>Article)\s+(\d+)\(zq-sample\)", 0),
    (r"^\s*(?:стаття|статья)\s+(?P<n>\d+)\b zq-sample", int(re.IGNORECASE | re.MULTILINE)),
    (
        r"""(?x) zq-sample [a-z]+  # a comment
         (?:-\d{1,3})?""",
        0,
    ),
    (rb"PK\x03\x04(zq-sample)?", 0),
}


def _forget(samples: set[tuple[str | bytes, int]]) -> None:
    for pattern, flags in samples:
        re._cache.pop((type(pattern), pattern, flags), None)  # type: ignore[attr-defined]


def _fresh(pattern: str | bytes, flags: int) -> re.Pattern[str] | re.Pattern[bytes]:
    """Compiled anew by re's compiler, past its cache."""
    from re import _compiler  # type: ignore[attr-defined]

    compiled: re.Pattern[str] | re.Pattern[bytes] = _compiler.compile(pattern, flags)
    return compiled


def test_installed_patterns_are_found_by_re_compile_and_equal_to_its_own(tmp_path: Path) -> None:
    path = tmp_path / "patterns.bin"
    assert precompiled.build(_SAMPLES, path) == len(_SAMPLES)
    _forget(_SAMPLES)
    try:
        assert precompiled.install(path) == len(_SAMPLES)
        for pattern, flags in _SAMPLES:
            installed = re._cache[(type(pattern), pattern, flags)]  # type: ignore[attr-defined]
            assert re.compile(pattern, flags) is installed  # found, not compiled again
            fresh = _fresh(pattern, flags)
            assert installed == fresh  # flags, code, groups: equal patterns
            assert installed.groupindex == fresh.groupindex and installed.groups == fresh.groups
        article = re.compile(r"(?P<article>Article)\s+(\d+)\(zq-sample\)")
        match = article.search("see Article 12(zq-sample) below")
        assert match is not None and match.group("article", 2) == ("Article", "12")
        cyrillic = re.compile(r"^\s*(?:стаття|статья)\s+(?P<n>\d+)\b zq-sample", re.IGNORECASE | re.MULTILINE)
        found = cyrillic.search("x\n  СТАТТЯ 7 zq-sample")
        assert found is not None and found.group("n") == "7"
    finally:
        _forget(_SAMPLES)


def test_the_same_patterns_make_the_same_file(tmp_path: Path) -> None:
    first, second = tmp_path / "a.bin", tmp_path / "b.bin"
    precompiled.build(_SAMPLES, first)
    precompiled.build(set(reversed(sorted(_SAMPLES, key=repr))), second)
    assert first.read_bytes() == second.read_bytes()


def test_a_file_of_another_interpreter_or_damaged_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "patterns.bin"
    precompiled.build(_SAMPLES, path)
    header, entries = marshal.loads(precompiled._opened(path.read_bytes()))
    other = tmp_path / "other.bin"
    other.write_bytes(
        precompiled._sealed(marshal.dumps(((header[0], "2.7.18 (another)", *header[2:]), entries)))
    )
    damaged = tmp_path / "damaged.bin"
    damaged.write_bytes(path.read_bytes()[:100])
    wrong_shape = tmp_path / "shape.bin"
    wrong_shape.write_bytes(
        precompiled._sealed(marshal.dumps((header, [("x", 0, 0, "not code", 0, {}, ())])))
    )
    _forget(_SAMPLES)
    try:
        assert precompiled.install(other) == 0
        assert precompiled.install(damaged) == 0
        assert precompiled.install(tmp_path / "missing.bin") == 0
        assert precompiled.install(wrong_shape) == 0
        assert all((type(p), p, f) not in re._cache for p, f in _SAMPLES)  # type: ignore[attr-defined]
    finally:
        _forget(_SAMPLES)


_FLIPPED = """
import re, sys
from draftkit import precompiled

data = open(sys.argv[1], "rb").read()
for at in range(len(data)):
    for bit in range(8):
        damaged = bytearray(data)
        damaged[at] ^= 1 << bit
        open(sys.argv[2], "wb").write(bytes(damaged))
        re.purge()
        precompiled.install(sys.argv[2])  # neither raises nor crashes
        for (_, pattern, flags), installed in list(re._cache.items()):
            try:
                fresh = re._compiler.compile(pattern, flags)
            except re.error:
                fresh = None
            assert installed == fresh, (at, bit, pattern)
print("ok")
"""


def test_a_file_with_any_one_bit_flipped_installs_nothing_wrong(tmp_path: Path) -> None:
    """A flipped bit crashed the interpreter in `_sre.compile`, raised OverflowError from
    `import draftkit`, or made a wrong pattern `re.compile`'s (run apart: a crash is one)."""
    import subprocess
    import sys

    path = tmp_path / "patterns.bin"
    precompiled.build({(r"(?P<n>\d+)|zq-flip", 0)}, path)  # a name, a group, a branch
    run = subprocess.run(
        [sys.executable, "-c", _FLIPPED, str(path), str(tmp_path / "flipped.bin")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (run.returncode, run.stdout.strip()) == (0, "ok"), run.stderr[-2000:]


def test_a_pattern_re_cannot_compile_is_left_out(tmp_path: Path) -> None:
    assert precompiled.build({("(unclosed", 0), ("fine zq-sample", 0)}, tmp_path / "p.bin") == 1


def test_recording_sees_what_re_compiles_then_puts_re_back() -> None:
    step = re._compile  # type: ignore[attr-defined]
    with precompiled.recording() as seen:
        re.compile(r"zq-recorded-\d+", re.IGNORECASE)
        re.search(r"zq-searched", "text")
    assert (r"zq-recorded-\d+", int(re.IGNORECASE)) in seen and ("zq-searched", 0) in seen
    assert re._compile is step  # type: ignore[attr-defined]


def test_the_built_file_holds_only_what_re_compile_makes() -> None:
    """The file `make` builds for this interpreter (tools/build_caches.py): each of
    its patterns equal to re's own compile of it."""
    path = Path(precompiled.cache_path())
    if not path.is_file():
        pytest.skip("no compiled-pattern file built for this interpreter (make builds it)")
    header, entries = marshal.loads(precompiled._opened(path.read_bytes()))
    assert header[1] == __import__("sys").version
    assert len(entries) > 100  # the run met draftkit's patterns
    import _sre  # type: ignore[import-not-found]

    for pattern, flags, final, code, groups, index, names in entries:
        assert _sre.compile(pattern, final, code, groups, index, names) == _fresh(pattern, flags), pattern
