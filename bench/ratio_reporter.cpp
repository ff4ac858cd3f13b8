#include "ratio_reporter.h"

#include <cstdio>

namespace vidport::bench {

void print_ratio(const RatioReporter& reporter, const std::string& what, const std::string& measured,
                 const std::string& baseline, double goal) {
  double a = reporter.ns(measured), b = reporter.ns(baseline);
  if (a <= 0 || b <= 0) {
    std::printf("%-58s not measured (%s / %s)\n", what.c_str(), measured.c_str(), baseline.c_str());
    return;
  }
  double ratio = a / b;
  std::printf("%-58s %9.2f ns / %9.2f ns = %5.2fx  (goal <= %.2fx: %s)\n", what.c_str(), a, b, ratio,
              goal, ratio <= goal ? "met" : "NOT met");
}

int run_benchmarks(int argc, char** argv, const std::vector<Goal>& goals) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  std::printf("\nGoals (ratios measured in this run):\n");
  for (const Goal& g : goals) print_ratio(reporter, g.what, g.measured, g.baseline, g.goal);
  return 0;
}

}  // namespace vidport::bench
