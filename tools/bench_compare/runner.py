"""Running a pair of benchmark binaries back to back: interleaved rounds, pinned to one core.

Rules for a comparison run:
- Each round runs each side once, as its own process, so both sides see the same machine state
  (caches, frequency, neighbours) as closely as sequential runs allow.
- Which side goes first alternates from round to round (old, new, new, old, ...), so a drift in
  the machine's speed during the run weighs on both sides alike.
- Every run is pinned to the same core, so both sides meet the same cache and the scheduler does
  not move them mid-run; threads the binary starts share that core.
- A run that exits non-zero or writes no JSON stops the comparison (RunError): a crash is not a
  measurement.
"""

import dataclasses
import os
import pathlib
import subprocess
import tempfile

from . import gbench_json


class RunError(Exception):
    """A benchmark binary failed; the message names it and ends with its last output lines."""


@dataclasses.dataclass(frozen=True)
class Pair:
    """One benchmark binary on both sides; a side is None when it does not have the binary."""

    name: str
    old: pathlib.Path | None
    new: pathlib.Path | None


def _pinned_to(core):
    # Runs in the child between fork and exec, so the binary starts on `core` and every thread it
    # creates inherits the affinity.
    return lambda: os.sched_setaffinity(0, {core})


def _tail(text, lines=15):
    return "\n".join(text.strip().splitlines()[-lines:])


def list_benchmarks(binary, benchmark_filter):
    """The names `binary` would run under `benchmark_filter` (--benchmark_list_tests)."""
    result = subprocess.run([str(binary), "--benchmark_list_tests=true", f"--benchmark_filter={benchmark_filter}"],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RunError(f"{binary} --benchmark_list_tests failed (exit {result.returncode}):\n"
                       f"{_tail(result.stdout + result.stderr)}")
    return gbench_json.listed_names(result.stdout)


def run_once(binary, benchmark_filter, core, extra_args, out_path):
    """One process run of `binary` pinned to `core`: {benchmark name: real ns per iteration}."""
    command = [str(binary), f"--benchmark_filter={benchmark_filter}", f"--benchmark_out={out_path}",
               "--benchmark_out_format=json", *extra_args]
    out_path.unlink(missing_ok=True)
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_pinned_to(core), check=False)
    if result.returncode != 0:
        raise RunError(f"{binary} failed (exit {result.returncode}):\n{_tail(result.stderr)}")
    try:
        return gbench_json.ns_per_iteration(out_path.read_text())
    except (OSError, gbench_json.BenchmarkOutputError) as error:
        raise RunError(f"{binary}: no benchmark results ({error})") from error


def interleaved(pair, benchmark_filter, rounds, core, extra_args=(), progress=None):
    """Runs both sides of `pair` for `rounds` rounds, alternating which goes first.

    Returns (old_rounds, new_rounds), each a list of {name: ns} with one dict per round.
    `progress(text)` is told before each run. Raises RunError when a run fails.
    """
    sides = {"old": pair.old, "new": pair.new}
    results = {"old": [], "new": []}
    with tempfile.TemporaryDirectory(prefix="bench-compare-out-") as scratch:
        out_path = pathlib.Path(scratch) / "out.json"
        for round_index in range(rounds):
            order = ("old", "new") if round_index % 2 == 0 else ("new", "old")
            for side in order:
                if progress:
                    progress(f"{pair.name}: round {round_index + 1}/{rounds}, {side}")
                results[side].append(run_once(sides[side], benchmark_filter, core, extra_args, out_path))
    return results["old"], results["new"]
