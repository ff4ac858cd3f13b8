# vidport — the two commands: `make demo` and `make test` (see README.md).
# Both install missing Debian packages first (tools/debian-packages.txt), then configure and build.
.PHONY: all deps demo test bench build clean

BUILD      ?= build
TSAN_BUILD ?= build-tsan
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc)
CMAKE_GEN  := -G Ninja

all: build

deps:
	@tools/install-deps

$(BUILD)/build.ninja: | deps
	cmake -S . -B $(BUILD) $(CMAKE_GEN) -DCMAKE_CXX_COMPILER=g++ -DCMAKE_C_COMPILER=gcc

build: deps $(BUILD)/build.ninja
	ninja -C $(BUILD) -j $(JOBS)

demo: build
	$(BUILD)/src/cli/vidport run --out out/demo

# Figures name their machine: the CPU, its cores and the load first; each goal table repeats
# them with the load at its end and the spread (cv) of both sides of each ratio.
bench: build
	@tools/machine-info
	$(BUILD)/bench/vidport_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
	$(BUILD)/tests/vgasync/vgasync_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
	$(BUILD)/tests/v86/v86_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true

# The default g++ build runs every test; clang++ builds run the concurrency tests under TSan and
# the rest under ASan+UBSan, each tree building only what its run needs.
test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	cmake -S . -B $(TSAN_BUILD) $(CMAKE_GEN) -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang \
	  -DVIDPORT_SANITIZER=thread -DVIDPORT_TEST_SET=concurrency -DVIDPORT_BENCH=OFF
	ninja -C $(TSAN_BUILD) -j $(JOBS) vidport_tests_concurrency
	cd $(TSAN_BUILD) && ctest --output-on-failure -L concurrency
	cmake -S . -B $(ASAN_BUILD) $(CMAKE_GEN) -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang \
	  -DVIDPORT_SANITIZER=address -DVIDPORT_TEST_SET=serial -DVIDPORT_BENCH=OFF
	ninja -C $(ASAN_BUILD) -j $(JOBS) vidport_tests_serial
	cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS) -L serial

clean:
	rm -rf $(BUILD) $(TSAN_BUILD) $(ASAN_BUILD) out
