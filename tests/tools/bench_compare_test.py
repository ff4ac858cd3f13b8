"""bench-compare (tools/bench-compare) without building anything twice.

The comparison rules are checked on recorded and hand-made Google Benchmark output; the whole
tool runs against stub benchmark executables (stub_bench.py) given through --old-bin and
--new-bin, so the interleaving, the pinning, the medians, the table and the exit status are
exercised for real in a few seconds.
"""

import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import unittest

SOURCE_DIR = pathlib.Path(__file__).resolve().parents[2]
TOOL = SOURCE_DIR / "tools" / "bench-compare"
STUB = pathlib.Path(__file__).resolve().parent / "stub_bench.py"
RECORDED = pathlib.Path(__file__).resolve().parent / "recorded_run.json"

sys.path.insert(0, str(SOURCE_DIR / "tools"))
from bench_compare import builder, comparison, gbench_json  # noqa: E402


def rounds_of(name, values):
    """One {name: ns} per round, as the runner returns them."""
    return [{name: value} for value in values]


class ComparisonTest(unittest.TestCase):
    def test_twelve_percent_slower_is_slower(self):
        # Scenario: the working tree takes 112 ns where REV took 100 ns in every round.
        rows = comparison.compare(rounds_of("BM_A", [100.0] * 9), rounds_of("BM_A", [112.0] * 9))
        self.assertEqual(rows[0].verdict, comparison.SLOWER)
        self.assertAlmostEqual(rows[0].ratio, 1.12)
        self.assertTrue(comparison.any_slower(rows))

    def test_ten_percent_slower_is_not_slower(self):
        # Negative control of the above: exactly at the 10% allowance.
        rows = comparison.compare(rounds_of("BM_A", [100.0] * 9), rounds_of("BM_A", [110.0] * 9))
        self.assertEqual(rows[0].verdict, comparison.NOT_SLOWER)
        self.assertFalse(comparison.any_slower(rows))

    def test_less_than_half_a_nanosecond_on_a_tiny_benchmark_is_not_slower(self):
        # Scenario: 2.0 ns becomes 2.4 ns, 20% but under the 0.5 ns allowance.
        rows = comparison.compare(rounds_of("BM_Tiny", [2.0] * 9), rounds_of("BM_Tiny", [2.4] * 9))
        self.assertEqual(rows[0].verdict, comparison.NOT_SLOWER)
        # Negative control: 0.6 ns more is over both allowances.
        rows = comparison.compare(rounds_of("BM_Tiny", [2.0] * 9), rounds_of("BM_Tiny", [2.6] * 9))
        self.assertEqual(rows[0].verdict, comparison.SLOWER)

    def test_median_ignores_one_outlier_round(self):
        # Scenario: one of nine rounds of the working tree was disturbed (10x slower).
        new = [10.0] * 4 + [100.0] + [10.0] * 4
        rows = comparison.compare(rounds_of("BM_A", [10.0] * 9), rounds_of("BM_A", new))
        self.assertEqual(rows[0].new.median, 10.0)
        self.assertEqual(rows[0].verdict, comparison.NOT_SLOWER)
        # The spread still shows the disturbance: (100 - 10) / 10.
        self.assertAlmostEqual(rows[0].new.spread, 9.0)
        # Negative control: a mean would have called it slower.
        self.assertEqual(comparison.verdict(10.0, sum(new) / len(new)), comparison.SLOWER)

    def test_rounds_spread_wider_than_the_allowance_are_called_noisy(self):
        old = [{"BM_Quiet": 100.0, "BM_Loud": 100.0}] * 8 + [{"BM_Quiet": 105.0, "BM_Loud": 130.0}]
        new = [{"BM_Quiet": 100.0, "BM_Loud": 100.0}] * 9
        # BM_Quiet's 5% spread is the negative control.
        self.assertEqual(comparison.noisy(comparison.compare(old, new)), ["BM_Loud"])

    def test_benchmark_on_one_side_only_is_reported_not_judged(self):
        old = [{"BM_Kept": 5.0, "BM_Gone": 7.0}] * 3
        new = [{"BM_Kept": 5.0, "BM_New": 9.0}] * 3
        rows = {row.name: row for row in comparison.compare(old, new)}
        self.assertEqual(set(rows), {"BM_Kept", "BM_Gone", "BM_New"})
        self.assertIsNone(rows["BM_Gone"].new)
        self.assertIsNone(rows["BM_New"].old)
        self.assertIsNone(rows["BM_Gone"].verdict)
        self.assertIsNone(rows["BM_New"].verdict)
        self.assertEqual(rows["BM_Kept"].verdict, comparison.NOT_SLOWER)
        self.assertFalse(comparison.any_slower(rows.values()))


class GbenchJsonTest(unittest.TestCase):
    def test_recorded_run_gives_iteration_medians_in_ns(self):
        # A real vidport_bench run with two repetitions: iteration entries and their aggregates,
        # one benchmark in ns and one in us.
        document = json.loads(RECORDED.read_text())
        iterations = {}
        for entry in document["benchmarks"]:
            if entry["run_type"] == "iteration":
                scale = {"ns": 1.0, "us": 1e3}[entry["time_unit"]]
                iterations.setdefault(entry["name"], []).append(entry["real_time"] * scale)
        times = gbench_json.ns_per_iteration(RECORDED.read_text())
        # Aggregates (_mean, _median, _stddev, _cv) are not benchmarks of their own.
        self.assertEqual(set(times), set(iterations))
        for name, values in iterations.items():
            self.assertEqual(len(values), 2)
            self.assertAlmostEqual(times[name], sum(values) / 2)
        self.assertGreater(times["BM_MachineRestore"], 1000.0)  # microseconds became ns

    def test_errored_run_has_no_time(self):
        text = json.dumps({"benchmarks": [
            {"name": "BM_Ok", "run_type": "iteration", "real_time": 3.0, "time_unit": "ns"},
            {"name": "BM_Broken", "run_type": "iteration", "error_occurred": True, "error_message": "x",
             "real_time": 0.0, "time_unit": "ns"}]})
        self.assertEqual(gbench_json.ns_per_iteration(text), {"BM_Ok": 3.0})

    def test_garbage_is_an_error(self):
        with self.assertRaises(gbench_json.BenchmarkOutputError):
            gbench_json.ns_per_iteration("Segmentation fault")


class WorkingTreeConfigTest(unittest.TestCase):
    """Which build trees may measure the working tree, and what REV copies from them."""

    def config_of(self, cache_lines):
        with tempfile.TemporaryDirectory() as build_dir:
            (pathlib.Path(build_dir) / "CMakeCache.txt").write_text("\n".join(cache_lines) + "\n")
            return builder.working_tree_config(build_dir)

    def test_release_tree_lends_its_build_type_and_compilers(self):
        config = self.config_of(["CMAKE_BUILD_TYPE:STRING=Release", "CMAKE_CXX_COMPILER:FILEPATH=/usr/bin/clang++",
                                 "CMAKE_C_COMPILER:FILEPATH=/usr/bin/clang", "VIDPORT_SANITIZER:STRING=",
                                 "VIDPORT_BENCH:BOOL=ON", "VIDPORT_TEST_SET:STRING=all"])
        self.assertEqual(config, builder.BuildConfig("Release", "/usr/bin/clang++", "/usr/bin/clang"))

    def test_sanitizer_tree_is_refused(self):
        with self.assertRaisesRegex(builder.BuildError, "VIDPORT_SANITIZER=address.*--new-build-dir"):
            self.config_of(["CMAKE_BUILD_TYPE:STRING=RelWithDebInfo", "VIDPORT_SANITIZER:STRING=address"])

    def test_unconfigured_tree_has_no_config(self):
        with tempfile.TemporaryDirectory() as build_dir:
            self.assertIsNone(builder.working_tree_config(build_dir))


class EndToEndTest(unittest.TestCase):
    """The tool itself with stub binaries: no build, real processes, real pinning."""

    def setUp(self):
        self.scratch = pathlib.Path(tempfile.mkdtemp(prefix="bench-compare-test-"))
        self.log = self.scratch / "calls.jsonl"
        self.core = min(os.sched_getaffinity(0))

    def tearDown(self):
        shutil.rmtree(self.scratch, ignore_errors=True)

    def stub(self, side, binary, benchmarks, exit_code=0):
        """Installs scratch/<side>/<binary>, a stub reporting `benchmarks` ({name: [ns per run]})."""
        directory = self.scratch / side
        directory.mkdir(exist_ok=True)
        config = directory / f"{binary}.json"
        config.write_text(json.dumps({"side": side, "binary": binary, "log": str(self.log),
                                      "benchmarks": benchmarks, "exit_code": exit_code}))
        wrapper = directory / binary
        wrapper.write_text(f"#!/bin/sh\nexec '{sys.executable}' -B '{STUB}' '{config}' \"$@\"\n")
        wrapper.chmod(0o755)

    def stub_both(self, binary, old_benchmarks, new_benchmarks=None, new_exit_code=0):
        """Installs `binary` on both sides; the working tree's reports the same unless told."""
        self.stub("old", binary, old_benchmarks)
        self.stub("new", binary, old_benchmarks if new_benchmarks is None else new_benchmarks, new_exit_code)

    def run_tool(self, *args):
        command = [sys.executable, str(TOOL), *args]
        if "--old-bin" not in args:
            command += ["--old-bin", str(self.scratch / "old"), "--new-bin", str(self.scratch / "new")]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
        return result.returncode, result.stdout, result.stderr

    def calls(self):
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text().splitlines()]

    def line_of(self, output, name):
        return next(line for line in output.splitlines() if line.strip().startswith(name + " "))

    def test_interleaved_pinned_median_of_rounds(self):
        # Scenario: three rounds; BM_Steady is equal on both sides except one disturbed round of
        # the working tree; BM_Regressed is 20% and 1 ns slower in the working tree.
        self.stub_both("vidport_bench", {"BM_Steady": [10.0], "BM_Regressed": [5.0]},
                       {"BM_Steady": [10.0, 50.0, 10.0], "BM_Regressed": [6.0]})
        status, out, err = self.run_tool("main", "BM_", "--rounds", "3", "--core", str(self.core))
        self.assertEqual(status, 1, out + err)
        self.assertIn("not slower", self.line_of(out, "BM_Steady"))
        self.assertIn("SLOWER", self.line_of(out, "BM_Regressed"))
        runs = self.calls()
        # Back to back, alternating which side goes first.
        self.assertEqual([run["side"] for run in runs], ["old", "new", "new", "old", "old", "new"])
        for run in runs:
            self.assertEqual(run["affinity"], [self.core])
            self.assertIn("--benchmark_filter=BM_", run["argv"])
        self.assertIn("note: the rounds of BM_Steady spread more than 10%", out)
        self.assertIn("load average at start", out)
        self.assertIn("load average at end", out)

    def test_one_round_of_equal_binaries_is_not_slower(self):
        self.stub_both("vidport_bench", {"BM_A": [4.0], "BM_B": [1000.0]})
        status, out, err = self.run_tool("main", "BM_A", "--rounds", "1")
        self.assertEqual(status, 0, out + err)
        self.assertIn("not slower", self.line_of(out, "BM_A"))
        self.assertNotIn("BM_B", out)  # the filter reached the binaries
        self.assertEqual(len(self.calls()), 2)

    def test_default_binaries_are_those_the_filter_matches(self):
        self.stub_both("vidport_bench", {"BM_Synchronize": [4.0]})
        self.stub_both("v86_bench", {"BM_ValidatedPlayback": [4.0]})
        status, out, err = self.run_tool("main", "BM_Validated", "--rounds", "1")
        self.assertEqual(status, 0, out + err)
        self.assertEqual({run["binary"] for run in self.calls()}, {"v86_bench"})
        # Negative control: a filter no binary matches is an error, not an empty success.
        status, out, err = self.run_tool("main", "BM_NoSuchBenchmark", "--rounds", "1")
        self.assertEqual(status, 2)
        self.assertIn("no benchmark", err)

    def test_binary_missing_in_rev_is_said(self):
        self.stub_both("vidport_bench", {"BM_A": [4.0]})
        self.stub("new", "v86_bench", {"BM_ModeSetDirect": [4.0]})
        status, out, err = self.run_tool("main", "BM_", "--rounds", "1", "--binary", "vidport_bench,v86_bench")
        self.assertEqual(status, 0, out + err)
        self.assertIn("not in main", out)
        self.assertIn("not slower", self.line_of(out, "BM_A"))

    def test_benchmark_in_one_side_only_is_listed(self):
        self.stub_both("vidport_bench", {"BM_Kept": [4.0], "BM_Gone": [4.0]},
                       {"BM_Kept": [4.0], "BM_New": [4.0]})
        status, out, err = self.run_tool("main", "BM_", "--rounds", "1")
        self.assertEqual(status, 0, out + err)
        self.assertIn("only in main", self.line_of(out, "BM_Gone"))
        self.assertIn("only in working tree", self.line_of(out, "BM_New"))

    def test_crashing_binary_is_an_error(self):
        self.stub_both("vidport_bench", {"BM_A": [4.0]}, new_exit_code=3)
        status, out, err = self.run_tool("main", "BM_A", "--rounds", "1")
        self.assertEqual(status, 2)
        self.assertIn("failing as configured", err)

    def test_usage_errors(self):
        self.stub_both("vidport_bench", {"BM_A": [4.0]})
        unusable_core = max(os.sched_getaffinity(0)) + 1
        status, _, err = self.run_tool("main", "BM_A", "--core", str(unusable_core))
        self.assertEqual(status, 2)
        self.assertIn("--core", err)
        status, _, err = self.run_tool("main", "BM_A", "--binary", "no_such_bench")
        self.assertEqual(status, 2)
        self.assertIn("no_such_bench", err)
        self.assertEqual(self.calls(), [])  # nothing ran

    @unittest.skipUnless((SOURCE_DIR / ".git").exists(), "needs the repository's git metadata")
    def test_unknown_revision_is_an_error_before_any_build(self):
        self.stub("new", "vidport_bench", {"BM_A": [4.0]})
        command = [sys.executable, str(TOOL), "no-such-revision-of-vidport", "BM_A", "--new-bin",
                   str(self.scratch / "new")]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
        self.assertEqual(result.returncode, 2)
        self.assertIn("unknown revision 'no-such-revision-of-vidport'", result.stderr)


if __name__ == "__main__":
    unittest.main()
