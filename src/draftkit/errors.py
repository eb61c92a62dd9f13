"""The one error tree of draftkit: every class carries its exit code and, where known, a location.

`str(error)` is always one line: a file name or a quoted fragment of a hostile draft may hold
newlines or terminal control characters, and those are shown escaped, never raw.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_SCHEMA = 4
EXIT_INTERNAL = 70

# C0 and C1 controls, DEL, the Unicode line/paragraph separators and the bidi overrides:
# anything that could break the message over lines, drive a terminal or reorder what it shows.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def one_line(text: str) -> str:
    """`text` with every control character shown as an escape (`\\n`, `\\x1b`), so it prints on one line."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], text)


@dataclass(frozen=True, slots=True)
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
