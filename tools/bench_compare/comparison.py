"""The comparison of two sides' rounds: medians, spreads and the verdict per benchmark.

Rules (docs/benchmarks.md): a benchmark's figure on one side is the median of its rounds, so one
disturbed round does not move it; its spread is (max - min) / median over those rounds. The new
side is "not slower" when new <= old * 1.10 or new - old <= 0.5 ns (the absolute allowance keeps
a few-ns benchmark from failing on a fraction of a nanosecond); otherwise it is "SLOWER".
"""

import dataclasses
import statistics

NOT_SLOWER_RATIO = 1.10
NOT_SLOWER_NS = 0.5

# A side whose rounds spread wider than this cannot resolve the 10% the verdict judges.
NOISY_SPREAD = NOT_SLOWER_RATIO - 1.0

NOT_SLOWER = "not slower"
SLOWER = "SLOWER"


@dataclasses.dataclass(frozen=True)
class Summary:
    """One benchmark on one side: the median, lowest and highest of its rounds, in ns."""

    median: float
    low: float
    high: float
    rounds: int

    @property
    def spread(self):
        """(max - min) / median over the rounds: 0.05 means the rounds spanned 5% of the median."""
        return (self.high - self.low) / self.median if self.median > 0 else 0.0


def summarize(samples):
    """The Summary of a non-empty list of per-round times in ns."""
    return Summary(statistics.median(samples), min(samples), max(samples), len(samples))


def verdict(old_ns, new_ns):
    """NOT_SLOWER when new is within 10% or 0.5 ns of old, else SLOWER."""
    if new_ns <= old_ns * NOT_SLOWER_RATIO or new_ns - old_ns <= NOT_SLOWER_NS:
        return NOT_SLOWER
    return SLOWER


@dataclasses.dataclass(frozen=True)
class Row:
    """One benchmark of the comparison; a side is None when the benchmark never ran there."""

    name: str
    old: Summary | None
    new: Summary | None

    @property
    def ratio(self):
        """new / old of the medians, or None when a side is missing."""
        if self.old is None or self.new is None or self.old.median <= 0:
            return None
        return self.new.median / self.old.median

    @property
    def verdict(self):
        """NOT_SLOWER or SLOWER, or None when the benchmark ran on one side only."""
        if self.old is None or self.new is None:
            return None
        return verdict(self.old.median, self.new.median)


def compare(old_rounds, new_rounds):
    """Rows for every benchmark seen in any round of either side, in the order first seen.

    old_rounds and new_rounds are lists of {name: ns} (one dict per round, gbench_json's
    output). A benchmark missing from some rounds of a side is summarized over the rounds that
    have it; one missing from every round of a side gets None there.
    """
    names = {}
    for rounds in (new_rounds, old_rounds):
        for times in rounds:
            names.update(dict.fromkeys(times))

    def side(rounds, name):
        samples = [times[name] for times in rounds if name in times]
        return summarize(samples) if samples else None

    return [Row(name, side(old_rounds, name), side(new_rounds, name)) for name in names]


def any_slower(rows):
    """True when some row's verdict is SLOWER (the tool's exit status 1)."""
    return any(row.verdict == SLOWER for row in rows)


def noisy(rows):
    """The names of the rows where a side's rounds spread more than NOISY_SPREAD."""
    return [row.name for row in rows
            if any(side is not None and side.spread > NOISY_SPREAD for side in (row.old, row.new))]
