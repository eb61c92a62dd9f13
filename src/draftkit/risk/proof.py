"""How far a person's guilt must be established for a clause to reach them: convicted (found
guilty, sentenced) over charged (accused, indicted) over suspected — in English, Ukrainian and
Russian, read from a clause's normalised words.

Used by risk.rules on an exception changed: "amnesty …, except those convicted of serious
crimes" → "… except those suspected of serious crimes" excepts everyone a party suspects, the
exception widened; the other way it is narrowed. Guarantees: only a clause that names a
standard on both sides is compared, and words are matched by their start, so every case form
counts ("засуджених", "осужденных", "подозреваемых").
"""

from __future__ import annotations

from collections.abc import Sequence

# Strongest first; each a tuple of word starts.
_STANDARDS: tuple[tuple[str, ...], ...] = (
    ("convicted", "sentenced", "guilty", "засуджен", "винн", "осужден", "виновн", "приговорен"),
    ("accused", "charged", "indicted", "обвинувачен", "обвиняем", "обвинен"),
    ("suspected", "suspect", "підозр", "подозрев"),
)


def standard(words: Sequence[str]) -> int | None:
    """The strongest standard the words name (0 convicted, 1 charged, 2 suspected), else None."""
    found = [n for n, starts in enumerate(_STANDARDS) if any(w.startswith(starts) for w in words)]
    return min(found) if found else None


def lowered(old: Sequence[str], new: Sequence[str]) -> bool | None:
    """True where the new words name a weaker standard than the old (convicted → suspected),
    False where a stronger, None where either names none or both the same."""
    a, b = standard(old), standard(new)
    if a is None or b is None or a == b:
        return None
    return b > a
