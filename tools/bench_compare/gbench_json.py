"""Reading the JSON that a Google Benchmark executable writes with --benchmark_out."""

import json
import statistics

_NS_PER_UNIT = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}


class BenchmarkOutputError(Exception):
    """The output is not Google Benchmark JSON (a crashed or foreign binary); says why."""


def ns_per_iteration(text):
    """Maps each benchmark's name to its real time per iteration in ns, from one run's JSON.

    Only iteration runs count: aggregates (mean, median, ...) are derived from them, and runs that
    reported an error have no time. A name that ran several times (--benchmark_repetitions)
    yields the median of its runs, so one process still gives one figure per benchmark.
    Raises BenchmarkOutputError when the text is not such JSON.
    """
    try:
        document = json.loads(text)
        entries = document["benchmarks"]
    except (ValueError, KeyError, TypeError) as error:
        raise BenchmarkOutputError(f"not Google Benchmark JSON ({error})") from error
    times = {}
    for entry in entries:
        if entry.get("run_type", "iteration") != "iteration":
            continue
        if entry.get("error_occurred") or entry.get("skipped"):
            continue
        unit = entry.get("time_unit", "ns")
        if unit not in _NS_PER_UNIT or "real_time" not in entry:
            raise BenchmarkOutputError(f"{entry.get('name')}: no real_time in a known unit")
        times.setdefault(entry["name"], []).append(entry["real_time"] * _NS_PER_UNIT[unit])
    return {name: statistics.median(values) for name, values in times.items()}


def listed_names(text):
    """The benchmark names a binary printed for --benchmark_list_tests=true, in its order.

    A name never contains white space; the lines that do (the goal table a ratio reporter prints
    after the list) are not names.
    """
    return [line for line in text.splitlines() if line and not any(c.isspace() for c in line)]
