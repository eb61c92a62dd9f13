"""The one error tree of draftkit: every class carries its exit code and, where known, a location.

`str(error)` is always one line: a file name or a quoted fragment of a hostile draft may hold
newlines or terminal control characters, and those are shown escaped, never raw.
"""

from __future__ import annotations

import re
import sys

from draftkit.records import record

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_SCHEMA = 4
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports Ctrl-C

# C0 and C1 controls, DEL, the Unicode line/paragraph separators and the bidi overrides:
# anything that could break the message over lines, drive a terminal or reorder what it shows.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


# Lone surrogates: the undecodable bytes of a file name (os.fsdecode's surrogateescape).
_SURROGATES = re.compile("[\ud800-\udfff]")


def display_name(text: str) -> str:
    """`text` (a file name) with bytes that were not UTF-8 shown as \\xff, so it can be printed
    and written as UTF-8; a name that is valid UTF-8 comes back unchanged."""
    return _SURROGATES.sub(_escape_surrogate, text)


def _escape_surrogate(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def json_safe(text: str) -> str:
    """JSON text (written with ensure_ascii=False) whose strings may hold undecodable
    file-name bytes: each becomes the JSON form of its display escape (\\\\xff), the same
    name `display_name` shows, so the JSON can be written as UTF-8 and stays valid."""
    try:
        text.encode("utf-8")  # only a surrogate cannot be: most texts have none (3× quicker than the search)
    except UnicodeEncodeError:
        return _SURROGATES.sub(lambda m: _escape_surrogate(m).replace("\\", "\\\\"), text)
    return text


def json_bytes(text: str) -> bytes:
    """`json_safe(text)` as UTF-8, encoded once: only a surrogate fails to encode, and a text
    without one (nearly all) needs no escaping."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return json_safe(text).encode("utf-8")


def too_long_number() -> str:
    """What a TOML or JSON file is told when it holds an integer Python refuses to convert
    (a ValueError of its own, not the parser's decode error): 'a number of more than 4,300
    digits'."""
    return f"a number of more than {sys.get_int_max_str_digits():,} digits"


def one_line(text: str) -> str:
    """`text` with every control character shown as an escape (`\\n`, `\\x1b`), so it prints on one line."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], text)


@record
class Where:
    """Where a problem stands: a file and, if known, a paragraph or line (1-based)."""

    source: str
    paragraph: int | None = None
    line: int | None = None

    def __str__(self) -> str:
        if self.paragraph is not None:
            return f"{self.source}: paragraph {self.paragraph}"
        if self.line is not None:
            return f"{self.source}: line {self.line}"
        return self.source


class DraftkitError(Exception):
    """Base of every error draftkit raises on purpose; `exit_code` is what the CLI returns."""

    exit_code: int = EXIT_INTERNAL

    def __init__(self, message: str, where: Where | str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        if self.where is None:
            return one_line(self.message)
        return one_line(f"{self.where}: {self.message}")


class UsageError(DraftkitError):
    """The command was called wrongly (bad option value, output path equal to an input)."""

    exit_code = EXIT_USAGE


class OutputError(UsageError):
    """The output cannot be written where it was asked for (folder not writable, disk full)."""


class InputError(DraftkitError):
    """An input cannot be read, or is not a draft."""

    exit_code = EXIT_INPUT


class LimitError(InputError):
    """An input is over one of the documented size limits."""


class SchemaError(DraftkitError):
    """A clause schema or taxonomy file is invalid."""

    exit_code = EXIT_SCHEMA


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived while an output was being written: raised (not an
    Exception, so no handler swallows it) to remove the temporary file on the way out."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"terminated by signal {signum}")
        self.signum = signum
