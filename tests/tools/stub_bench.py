"""A stand-in for a Google Benchmark executable, for bench_compare_test's end-to-end cases.

Invoked as `stub_bench.py CONFIG [Google Benchmark flags...]` by a small wrapper named like a
real binary. CONFIG (JSON) gives the side ("old" or "new"), the binary's name, a log file, an
exit code, and for each benchmark name the real ns per iteration of successive runs (the last
value repeats). Like the real thing it honours --benchmark_filter (a regex searched in the name),
--benchmark_list_tests=true and --benchmark_out=FILE (JSON). Each run appends one line to the log
with its side, binary, CPU affinity and arguments, so the test sees order and pinning.
"""

import json
import os
import re
import sys


def main():
    config = json.load(open(sys.argv[1]))
    flags = dict(arg[2:].split("=", 1) for arg in sys.argv[2:] if arg.startswith("--") and "=" in arg)
    pattern = re.compile(flags.get("benchmark_filter", "."))
    names = [name for name in config["benchmarks"] if pattern.search(name)]
    if flags.get("benchmark_list_tests") == "true":
        print("\n".join(names))
        print("\nGoals (ratios measured in this run):")  # what the ratio reporter adds after a list
        return 0
    runs_before = 0
    if os.path.exists(config["log"]):
        with open(config["log"]) as log:
            earlier = [json.loads(line) for line in log]
        runs_before = sum(1 for run in earlier if (run["side"], run["binary"]) == (config["side"], config["binary"]))
    with open(config["log"], "a") as log:
        log.write(json.dumps({"side": config["side"], "binary": config["binary"],
                              "affinity": sorted(os.sched_getaffinity(0)), "argv": sys.argv[2:]}) + "\n")
    if config.get("exit_code", 0):
        print("stub: failing as configured", file=sys.stderr)
        return config["exit_code"]
    entries = []
    for name in names:
        values = config["benchmarks"][name]
        entries.append({"name": name, "run_name": name, "run_type": "iteration", "repetitions": 1, "threads": 1,
                        "iterations": 1000, "real_time": values[min(runs_before, len(values) - 1)],
                        "cpu_time": 0.0, "time_unit": "ns"})
    with open(flags["benchmark_out"], "w") as out:
        json.dump({"context": {"executable": config["binary"]}, "benchmarks": entries}, out)
    print("console output the tool must not mistake for results")
    return 0


sys.exit(main())
