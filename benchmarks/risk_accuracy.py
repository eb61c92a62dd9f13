"""Accuracy of the risk flags on labelled draft pairs (tests/gen_risk_pairs.py).

Prints the two figures the risk issue asks for:

1. high-risk edits found with the right category — the edited provision carries a flag of
   the edit's category at medium or above (a high-risk edit in a light category such as
   implementation is medium by design: severity = category weight × significance); the
   share found at *high* is printed too, for the categories heavy enough to reach it;
2. cosmetic edits (white space, spelling variants, punctuation, number formatting), pure
   moves and renumbering flagged above low anywhere in the comparison.

    PYTHONPATH=src python benchmarks/risk_accuracy.py [--pairs 1000] [--seed 2026] [--show-misses]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT / "src", ROOT):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from tests.gen_risk_pairs import LabelledPair, generate  # noqa: E402

from draftkit.api import diff  # noqa: E402
from draftkit.compare.changes import Change, Comparison  # noqa: E402
from draftkit.risk import Taxonomy, flag, load_taxonomy  # noqa: E402

ABOVE_LOW = ("high", "medium")


@dataclass
class Result:
    """The outcome of one pair."""

    pair: LabelledPair
    found: bool = False  # substantive: right category at medium or above on the edited provision
    found_high: bool = False  # … at high
    false_alarm: bool = False  # cosmetic: anything above low
    flags: tuple[str, ...] = ()


def _target(comparison: Comparison, cite: str | None) -> list[Change]:
    return [c for c in comparison.changes if cite is not None and cite in (c.new_cite, c.old_cite)]


def evaluate(pair: LabelledPair, workdir: Path, taxonomy: Taxonomy) -> Result:
    """Compare and flag one pair, and judge the flags against the truth."""
    old = workdir / f"{pair.name}-old.txt"
    new = workdir / f"{pair.name}-new.txt"
    old.write_text(pair.old, encoding="utf-8")
    new.write_text(pair.new, encoding="utf-8")
    flagged = flag(diff(old, new), taxonomy)
    result = Result(pair)
    truth = pair.truth
    if truth.cosmetic:
        shown = [f for c in flagged.changes for f in c.flags if f.severity in ABOVE_LOW]
        result.false_alarm = bool(shown)
        result.flags = tuple(f"{f.severity} {f.rule} {f.message}" for f in shown)
        return result
    changes = _target(flagged, truth.cite)
    flags = [f for c in changes for f in c.flags]
    result.found = any(f.category == truth.category and f.severity in ABOVE_LOW for f in flags)
    result.found_high = any(f.category == truth.category and f.severity == "high" for f in flags)
    shown = [(c.kind, c.old_cite, c.new_cite) for c in flagged.changes if c.is_change]
    result.flags = tuple(f"{f.severity} {f.rule} {f.category}: {f.message}" for f in flags) or (
        f"(no flag on {truth.cite}; changes: {shown})",
    )
    return result


HEAVY = ("territory", "security_guarantees", "military_deescalation", "sanctions")


def run(n: int, seed: int) -> list[Result]:
    """Generate `n` pairs and evaluate each."""
    taxonomy = load_taxonomy()
    pairs = generate(n, seed)
    with tempfile.TemporaryDirectory(prefix="draftkit-risk-") as tmp:
        return [evaluate(pair, Path(tmp), taxonomy) for pair in pairs]


def report(results: list[Result], *, show_misses: bool = False) -> tuple[float, float]:
    """Print the figures (and, if asked, every miss); return (found share, false-alarm share)."""
    high_risk = [r for r in results if not r.pair.truth.cosmetic and r.pair.truth.high_risk]
    heavy = [r for r in high_risk if r.pair.truth.category in HEAVY]
    cosmetic = [r for r in results if r.pair.truth.cosmetic]
    other = [r for r in results if not r.pair.truth.cosmetic and not r.pair.truth.high_risk]
    found = sum(r.found for r in high_risk) / max(1, len(high_risk))
    found_high = sum(r.found_high for r in heavy) / max(1, len(heavy))
    alarms = sum(r.false_alarm for r in cosmetic) / max(1, len(cosmetic))
    print(
        f"pairs: {len(results)}  (high-risk edits {len(high_risk)}, "
        f"cosmetic/moves/renumbering {len(cosmetic)}, other substantive {len(other)})"
    )
    print(
        f"high-risk edits found with the right category (medium or high): {found:.1%} "
        f"({sum(r.found for r in high_risk)}/{len(high_risk)})"
    )
    print(
        f"  … of them in {', '.join(HEAVY)} found at high: {found_high:.1%} "
        f"({sum(r.found_high for r in heavy)}/{len(heavy)})"
    )
    print(
        f"cosmetic edits, pure moves and renumbering flagged above low: {alarms:.1%} "
        f"({sum(r.false_alarm for r in cosmetic)}/{len(cosmetic)})"
    )
    medium_type = [r for r in other if r.flags]
    over = [r for r in other if any(line.startswith("high ") for line in r.flags)]
    print(
        f"medium-type edits (brackets, 'all' dropped) flagged high: {len(over) / max(1, len(other)):.1%} "
        f"({len(over)}/{len(other)}; flagged at all: {len(medium_type)})"
    )
    by_edit: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for r in high_risk + cosmetic:
        total[r.pair.truth.edit] += 1
        ok = r.found if not r.pair.truth.cosmetic else not r.false_alarm
        by_edit[r.pair.truth.edit] += ok
    print("per edit (correct/total): " + ", ".join(f"{e} {by_edit[e]}/{total[e]}" for e in sorted(total)))
    if show_misses:
        for r in high_risk:
            if not r.found:
                print(f"\nMISS {r.pair.name} [{r.pair.truth.category}] {r.pair.truth.cite}")
                _print_diff(r.pair)
                for line in r.flags:
                    print(f"    {line}")
        for r in cosmetic:
            if r.false_alarm:
                print(f"\nFALSE ALARM {r.pair.name}")
                _print_diff(r.pair)
                for line in r.flags:
                    print(f"    {line}")
    return found, alarms


def _print_diff(pair: LabelledPair) -> None:
    for old, new in zip(pair.old.splitlines(), pair.new.splitlines(), strict=False):
        if old != new:
            print(f"  - {old}\n  + {new}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark from the command line."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    results = run(args.pairs, args.seed)
    report(results, show_misses=args.show_misses)
    print(f"({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
