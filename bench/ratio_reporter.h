// A console reporter that also remembers each benchmark's time per iteration, so main() can print
// the ratios the issues set as goals, measured in the same run.
#pragma once

#include <benchmark/benchmark.h>

#include <map>
#include <string>
#include <vector>

namespace vidport::bench {

class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      if (run.run_type == Run::RT_Iteration || run.aggregate_name == "median") {
        ns_per_iteration_[run.run_name.function_name + (run.run_name.args.empty() ? "" : "/" + run.run_name.args)] =
            run.GetAdjustedRealTime() * unit_to_ns(run.time_unit);
      }
    }
    ConsoleReporter::ReportRuns(runs);
  }

  // Real time per iteration in ns, or 0 when that benchmark did not run (filtered out, skipped).
  double ns(const std::string& name) const {
    auto it = ns_per_iteration_.find(name);
    return it == ns_per_iteration_.end() ? 0.0 : it->second;
  }

 private:
  static double unit_to_ns(benchmark::TimeUnit unit) {
    switch (unit) {
      case benchmark::kNanosecond: return 1.0;
      case benchmark::kMicrosecond: return 1e3;
      case benchmark::kMillisecond: return 1e6;
      case benchmark::kSecond: return 1e9;
    }
    return 1.0;
  }
  std::map<std::string, double> ns_per_iteration_;
};

// One goal line: "name: a / b = r (goal <= g)"; says "not measured" when either side is missing.
void print_ratio(const RatioReporter& reporter, const std::string& what, const std::string& measured,
                 const std::string& baseline, double goal);

// A ratio an issue sets as a goal: `measured` over `baseline` (benchmark names), at most `goal`.
struct Goal {
  std::string what;
  std::string measured;
  std::string baseline;
  double goal;
};

// The main() of a benchmark executable: runs the benchmarks the command line selects through a
// RatioReporter, then prints each goal's ratio as measured in this run. Returns main's result.
int run_benchmarks(int argc, char** argv, const std::vector<Goal>& goals);

}  // namespace vidport::bench
