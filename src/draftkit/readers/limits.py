"""The input limits, as the readers have always offered them: they live in `draftkit.limits`
(outside this package, so that the command line's options read their defaults without
importing every reader: `draftkit --help` starts faster)."""

from draftkit.limits import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_DEPTH,
    DEFAULT_MAX_PROVISIONS,
    DEFAULT_MAX_UNPACKED,
    MAX_LABEL_CHARS,
    PARAGRAPHS_PER_PROVISION,
    Limits,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "DEFAULT_MAX_PROVISIONS",
    "DEFAULT_MAX_UNPACKED",
    "MAX_LABEL_CHARS",
    "PARAGRAPHS_PER_PROVISION",
    "Limits",
]
