#include "ratio_reporter.h"

#include <cstdio>
#include <cstdlib>

#include "cpu_model.h"

namespace vidport::bench {
namespace {

double unit_to_ns(benchmark::TimeUnit unit) {
  switch (unit) {
    case benchmark::kNanosecond: return 1.0;
    case benchmark::kMicrosecond: return 1e3;
    case benchmark::kMillisecond: return 1e6;
    case benchmark::kSecond: return 1e9;
  }
  return 1.0;
}

// "cv 1.2%", or "1 run" when the benchmark ran without repetitions and its spread is unknown.
std::string format_cv(double cv) {
  if (cv < 0) return "1 run";
  char text[32];
  std::snprintf(text, sizeof text, "cv %.1f%%", cv * 100.0);
  return text;
}

}  // namespace

bool RatioReporter::ReportContext(const Context& context) {
  load_average_ = context.cpu_info.load_avg;
  return ConsoleReporter::ReportContext(context);
}

void RatioReporter::ReportRuns(const std::vector<Run>& runs) {
  for (const Run& run : runs) {
    std::string name = run.run_name.function_name + (run.run_name.args.empty() ? "" : "/" + run.run_name.args);
    double ns = run.GetAdjustedRealTime() * unit_to_ns(run.time_unit);
    Aggregates& entry = runs_[name];
    if (run.run_type == Run::RT_Iteration || run.aggregate_name == "median") {
      entry.median = ns;
    } else if (run.aggregate_name == "mean") {
      entry.mean = ns;
    } else if (run.aggregate_name == "stddev") {
      entry.stddev = ns;
    }
  }
  ConsoleReporter::ReportRuns(runs);
}

Measurement RatioReporter::measurement(const std::string& name) const {
  auto it = runs_.find(name);
  if (it == runs_.end()) return {};
  const Aggregates& entry = it->second;
  Measurement result{entry.median, -1.0};
  if (entry.stddev >= 0 && entry.mean > 0) result.cv = entry.stddev / entry.mean;
  return result;
}

void print_ratio(const RatioReporter& reporter, const std::string& what, const std::string& measured,
                 const std::string& baseline, double goal) {
  Measurement a = reporter.measurement(measured), b = reporter.measurement(baseline);
  if (a.ns <= 0 || b.ns <= 0) {
    std::printf("%-58s not measured (%s / %s)\n", what.c_str(), measured.c_str(), baseline.c_str());
    return;
  }
  double ratio = a.ns / b.ns;
  std::printf("%-58s %9.2f ns (%9s) / %9.2f ns (%9s) = %5.2fx  (goal <= %.2fx: %s)\n", what.c_str(), a.ns,
              format_cv(a.cv).c_str(), b.ns, format_cv(b.cv).c_str(), ratio, goal, ratio <= goal ? "met" : "NOT met");
}

int run_benchmarks(int argc, char** argv, const std::vector<Goal>& goals) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  // A ratio means little without the machine and its noise: name the CPU and the load, and give
  // each side's coefficient of variation across the repetitions (stddev / mean).
  std::printf("\nGoals (ratios of medians measured in this run; cv = stddev / mean over the repetitions)\n");
  std::printf("on %s, %d cores, load average", cpu_model().c_str(), benchmark::CPUInfo::Get().num_cpus);
  for (double load : reporter.load_average()) std::printf(" %.2f", load);
  double load_at_end[3];
  if (getloadavg(load_at_end, 3) == 3) {
    std::printf(" at start, %.2f %.2f %.2f at end", load_at_end[0], load_at_end[1], load_at_end[2]);
  }
  std::printf(":\n");
  for (const Goal& g : goals) print_ratio(reporter, g.what, g.measured, g.baseline, g.goal);
  return 0;
}

}  // namespace vidport::bench
