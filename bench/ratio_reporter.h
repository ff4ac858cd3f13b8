// A console reporter that also remembers each benchmark's time per iteration and how much it
// varied across repetitions, so main() can print the ratios the issues set as goals, measured in
// the same run, with the noise of both sides and the machine they were measured on.
#pragma once

#include <benchmark/benchmark.h>

#include <map>
#include <string>
#include <vector>

namespace vidport::bench {

// One benchmark as the goals see it: real time per iteration in ns (the median when the run has
// repetitions) and the coefficient of variation (stddev / mean) over the repetitions, or a
// negative value when the benchmark ran once and its spread is unknown.
struct Measurement {
  double ns = 0.0;
  double cv = -1.0;
};

class RatioReporter : public benchmark::ConsoleReporter {
 public:
  // Remembers the load average Google Benchmark read at the start, for the goals' heading.
  bool ReportContext(const Context& context) override;

  // Remembers each iteration run, or the median, mean and stddev aggregates of repetitions (the
  // only runs a reporter sees under --benchmark_report_aggregates_only), then prints as usual.
  void ReportRuns(const std::vector<Run>& runs) override;

  // The measurement of `name` ("function/args"); ns is 0 when that benchmark did not run
  // (filtered out, skipped).
  Measurement measurement(const std::string& name) const;

  // The load average at the start of the run (1, 5, 15 minutes); empty where the system has none.
  const std::vector<double>& load_average() const { return load_average_; }

 private:
  struct Aggregates {
    double median = 0.0;
    double mean = 0.0;
    double stddev = -1.0;
  };
  std::map<std::string, Aggregates> runs_;
  std::vector<double> load_average_;
};

// One goal line: "name: a (cv) / b (cv) = r (goal <= g)"; says "not measured" when either side
// is missing.
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
// RatioReporter, then prints the machine (CPU model, cores, load) and each goal's ratio as
// measured in this run. Returns main's result.
int run_benchmarks(int argc, char** argv, const std::vector<Goal>& goals);

}  // namespace vidport::bench
