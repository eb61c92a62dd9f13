"""Alignment pass 5's candidates (compare.align): the provisions still unmatched after the
sibling passes, each ranked against the other draft's by character similarity.

Input: the free provisions of each side (indices, in document order), their keys, a bounded
similarity for long texts, and the hits the previous call kept. Output: up to five
candidates per old provision, best first (ties by document order), for the aligner to take
while both sides are free, and the hits to keep. Guarantee: the candidates are those of a
fresh ranking, whether or not kept hits were used.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import field

from rapidfuzz import fuzz, process

from draftkit.compare.measures import SIM_MAX_CHARS
from draftkit.records import record

BEST_FIRST_MAX_CELLS = 250_000  # above this, best-first compares within a window
BEST_FIRST_WINDOW = 100
PER_ROW = 5  # a handful of best candidates per provision is enough for a best-first pass

# A row's hits: its short candidates ranked (score, then index) and its long ones in order,
# each as (score × 100, index in the new draft).
Row = tuple[list[tuple[float, int]], list[tuple[float, int]]]


@record
class Hits:
    """What one ranking over all pairs found: every candidate at or above its cutoff per row."""

    threshold: float = 0.0
    compared: frozenset[int] | None = None  # the new provisions compared (None: by window)
    rows: dict[int, Row] = field(default_factory=dict)


def best_first(
    rest_a: Sequence[int],
    rest_b: Sequence[int],
    threshold: float,
    keys_a: Sequence[str],
    keys_b: Sequence[str],
    sim: Callable[[int, int], float],
    kept: Hits,
) -> tuple[list[tuple[float, int, int]], Hits]:
    """Candidates (score × 100, old index, new index), best first, and the hits to keep.

    Comparing all pairs, a row's hits are a pure function of the texts; between two calls
    provisions only get paired (the free shrink), so when the new free are among those `kept`
    compared, a row's hits are its kept ones still free. Filtering keeps their order (score,
    then index: the free stay in document order), so the top five are what process.extract
    (`limit=5`, ties by index) would give over the free alone."""
    cutoff = threshold * 100
    candidates: list[tuple[float, int, int]] = []
    b_keys = [keys_b[j] for j in rest_b]
    # All pairs while that is cheap; on huge leftovers (a flat list of thousands of
    # near-identical provisions) each provision is compared with a window of its
    # neighbours in relative position, so the work stays linear.
    all_pairs = len(rest_a) * len(rest_b) <= BEST_FIRST_MAX_CELLS
    window = len(rest_b) if all_pairs else BEST_FIRST_WINDOW
    reuse = all_pairs and kept.threshold == threshold and kept.compared is not None
    reuse = reuse and kept.compared is not None and kept.compared.issuperset(rest_b)
    position = {j: y for y, j in enumerate(rest_b)}
    rows: dict[int, Row] = {}
    # Long texts are not given to rapidfuzz's batch ratio (quadratic in length): they are
    # compared one by one with the bounded similarity, and short ones among themselves.
    half = SIM_MAX_CHARS // 2
    short_b = [k if len(k) <= half else "" for k in b_keys]
    long_b = [y for y, k in enumerate(b_keys) if len(k) > half]
    for x, i in enumerate(rest_a):
        row = kept.rows.get(i) if reuse else None
        if row is not None:
            rows[i] = row
            short_hits = [(score, position[j]) for score, j in row[0] if j in position]
            found_here = short_hits[:PER_ROW] + [(score, position[j]) for score, j in row[1] if j in position]
        else:
            centre = x * len(rest_b) // max(1, len(rest_a))
            low, high = max(0, centre - window), centre + window + 1
            if len(keys_a[i]) <= half:
                short_hits = [
                    (float(score), y + low)
                    for _, score, y in process.extract(
                        keys_a[i],
                        short_b[low:high],
                        scorer=fuzz.ratio,
                        score_cutoff=cutoff,
                        limit=None if all_pairs else PER_ROW,
                    )
                ]
                others = long_b[bisect.bisect_left(long_b, low) : bisect.bisect_left(long_b, high)]
            else:
                short_hits = []
                others = list(range(low, min(high, len(rest_b))))
            long_hits: list[tuple[float, int]] = []
            for y in others:
                score = sim(i, rest_b[y]) * 100
                if score >= cutoff:
                    long_hits.append((score, y))
            if all_pairs:
                rows[i] = ([(s, rest_b[y]) for s, y in short_hits], [(s, rest_b[y]) for s, y in long_hits])
            found_here = short_hits[:PER_ROW] + long_hits
        found_here.sort(key=lambda c: -c[0])
        candidates.extend((score, i, rest_b[y]) for score, y in found_here[:PER_ROW])
    # Best first; ties broken by document order so the result is deterministic.
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    return candidates, Hits(threshold, frozenset(rest_b) if all_pairs else None, rows)
