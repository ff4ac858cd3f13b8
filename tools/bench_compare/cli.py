"""The bench-compare command: options, the order of the steps, and the exit status."""

import argparse
import os
import pathlib
import re
import signal
import sys

from . import builder, comparison, machine, runner, table

# The repository this copy of the tool belongs to (tools/bench_compare/cli.py is two levels down).
_REPO = pathlib.Path(__file__).resolve().parents[2]

EXIT_NOT_SLOWER = 0
EXIT_SLOWER = 1
EXIT_ERROR = 2

DESCRIPTION = """\
Compares the benchmarks of git revision REV with those of the working tree, measured back to back
on this machine, and says for each benchmark whether the working tree is slower.

Protocol: REV is exported (git archive) to a temporary directory and built there; the working
tree is built in its own build directory (only the benchmark targets, with ccache when
installed, same build type and compilers on both sides). Then, for each binary, ROUNDS rounds run
REV's and the working tree's binary back to back, each as one process pinned to one core, with
the side that goes first alternating (old, new, new, old, ...). A benchmark's figure is the
median of its rounds' real time per iteration; spread is (max - min) / median over the rounds.

Verdict per benchmark: "not slower" when new <= old * 1.10 or new - old <= 0.5 ns, else "SLOWER".
A benchmark or binary present on one side only is listed as such and does not count.

Exit status: 0 when no benchmark is SLOWER, 1 when some is, 2 for a usage, build or run error."""

EPILOG = """\
examples:
  tools/bench-compare main BM_SynchronizeMediumWithIsr
  tools/bench-compare HEAD~3 'BM_ModeSet' --binary vidport_bench --rounds 15
  tools/bench-compare main BM_Validated --old-bin /tmp/old-binaries   # skip building REV

See docs/benchmarks.md."""


class UsageError(Exception):
    """A command line that cannot run; the message says what to change."""


def _parse(argv):
    parser = argparse.ArgumentParser(prog="bench-compare", description=DESCRIPTION, epilog=EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("revision", metavar="REV", help="the git revision to compare against (the label only, "
                        "with --old-bin)")
    parser.add_argument("filter", metavar="BENCH_FILTER", nargs="?", default=".",
                        help="a Google Benchmark --benchmark_filter regex (default: every benchmark)")
    parser.add_argument("--binary", action="append", metavar="NAME",
                        help=f"which binary to run: {', '.join(builder.BINARY_PATHS)} or all; repeatable "
                             "(default: the working tree's binaries that have a benchmark matching the filter)")
    parser.add_argument("--rounds", type=int, default=9, help="rounds per side; the median is taken (default: 9)")
    parser.add_argument("--core", type=int, help="the CPU to pin every run to (default: the highest this process "
                        "may use, away from the core that usually takes interrupts)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="parallel build jobs (default: %(default)s)")
    parser.add_argument("--new-build-dir", type=pathlib.Path,
                        help="the working tree's build directory (default: build/ at the repository's top; "
                             "configured like make's when missing)")
    parser.add_argument("--work-dir", type=pathlib.Path,
                        help="where REV's temporary tree and build go (default: the system's temporary directory)")
    parser.add_argument("--old-bin", type=pathlib.Path, metavar="DIR",
                        help="take REV's binaries from DIR (DIR/vidport_bench, ...) instead of building REV")
    parser.add_argument("--new-bin", type=pathlib.Path, metavar="DIR",
                        help="take the working tree's binaries from DIR instead of building them")
    parser.add_argument("--benchmark-arg", action="append", default=[], metavar="ARG",
                        help="pass ARG to every run of both sides, e.g. --benchmark-arg=--benchmark_min_time=0.2")
    parser.add_argument("-v", "--verbose", action="store_true", help="show the build commands and their output")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        raise UsageError("--rounds must be at least 1")
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    usable = sorted(os.sched_getaffinity(0))
    if args.core is None:
        args.core = usable[-1]
    elif args.core not in usable:
        raise UsageError(f"--core {args.core} is not a CPU this process may run on ({', '.join(map(str, usable))})")
    try:
        re.compile(args.filter)
    except re.error as error:
        raise UsageError(f"BENCH_FILTER '{args.filter}' is not a regular expression: {error}") from error
    for directory in (args.old_bin, args.new_bin):
        if directory is not None and not directory.is_dir():
            raise UsageError(f"{directory} is not a directory")
    args.binaries = _chosen_binaries(args.binary)
    return args


def _chosen_binaries(requested):
    """The binaries --binary names, or None to choose by the filter."""
    if not requested:
        return None
    names = []
    for value in requested:
        for name in value.split(","):
            if name == "all":
                names.extend(builder.BINARY_PATHS)
            elif name in builder.BINARY_PATHS:
                names.append(name)
            else:
                raise UsageError(f"--binary {name}: not one of {', '.join(builder.BINARY_PATHS)}, all")
    return list(dict.fromkeys(names))


def _say(text):
    print(f"bench-compare: {text}", file=sys.stderr, flush=True)


def _from_dir(directory, names):
    found = {}
    for name in names:
        path = directory / name
        found[name] = path.resolve() if path.is_file() and os.access(path, os.X_OK) else None
    return found


def _matching_binaries(new_binaries, benchmark_filter):
    """The names of the binaries whose benchmark list under the filter is not empty."""
    chosen = []
    for name, path in new_binaries.items():
        if path is not None and runner.list_benchmarks(path, benchmark_filter):
            chosen.append(name)
    if not chosen:
        raise UsageError(f"no benchmark of the working tree's binaries matches '{benchmark_filter}' "
                         "(list them with e.g. build/bench/vidport_bench --benchmark_list_tests)")
    return chosen


def _new_binaries(args, names):
    """The working tree's binaries among `names` and the BuildConfig REV must copy (None: default)."""
    if args.new_bin is not None:
        return _from_dir(args.new_bin, names), None
    repo = builder.repo_root(_REPO)
    build_dir = args.new_build_dir or repo / "build"
    config = builder.working_tree_config(build_dir)
    if config is None:
        _say(f"configuring the working tree in {build_dir}")
        config = builder.BuildConfig()
        builder.configure(repo, build_dir, config, args.verbose)
    _say(f"building the working tree's {', '.join(names)} in {build_dir}")
    return builder.build(repo, build_dir, names, args.jobs, args.verbose), config


def _compare(args, old_binaries, new_binaries, old_label):
    new_label = "working tree"
    print(f"machine: {machine.cpu_model()}, {os.cpu_count()} cores; every run pinned to core {args.core}")
    print(f"protocol: {args.rounds} rounds, {old_label} and {new_label} interleaved (alternating which goes "
          "first), one process per run; median of the rounds; spread = (max - min) / median")
    print(f"verdict: not slower when new <= old * {comparison.NOT_SLOWER_RATIO:.2f} or new - old <= "
          f"{comparison.NOT_SLOWER_NS} ns")
    print(f"load average at start: {machine.load_average()}", flush=True)
    slower = False
    for name in new_binaries:
        pair = runner.Pair(name, old_binaries.get(name), new_binaries.get(name))
        print(f"\n{name}")
        if pair.old is None or pair.new is None:
            missing = old_label if pair.old is None else new_label
            print(f"  not in {missing} (no such binary): not compared")
            continue
        old_rounds, new_rounds = runner.interleaved(pair, args.filter, args.rounds, args.core, args.benchmark_arg,
                                                    progress=_say if args.verbose else None)
        rows = comparison.compare(old_rounds, new_rounds)
        if not rows:
            print(f"  no benchmark matches '{args.filter}'")
            continue
        for line in table.format_rows(rows, old_label, new_label, args.rounds):
            print(f"  {line}")
        if comparison.noisy(rows):
            print(f"  note: the rounds of {', '.join(comparison.noisy(rows))} spread more than "
                  f"{comparison.NOISY_SPREAD:.0%}; a verdict near the limit is uncertain there: rerun with more "
                  "--rounds on a quieter machine")
        slower = slower or comparison.any_slower(rows)
    print(f"\nload average at end: {machine.load_average()}")
    return EXIT_SLOWER if slower else EXIT_NOT_SLOWER


def _run(args):
    candidates = args.binaries or list(builder.BINARY_PATHS)
    commit = None
    if args.old_bin is None:
        # Before any build: an unknown revision is the cheapest error to report.
        commit = builder.resolve_revision(builder.repo_root(_REPO), args.revision)
    new_binaries, config = _new_binaries(args, candidates)
    names = args.binaries or _matching_binaries(new_binaries, args.filter)
    new_binaries = {name: new_binaries[name] for name in names}
    if args.old_bin is not None:
        return _compare(args, _from_dir(args.old_bin, names), new_binaries, args.revision)
    old_label = f"{args.revision} ({commit[:9]})" if not commit.startswith(args.revision) else commit[:9]
    repo = builder.repo_root(_REPO)
    with builder.exported_revision(repo, commit, args.work_dir) as tree:
        build_dir = tree / "build"
        _say(f"building {old_label}'s {', '.join(names)} in {build_dir}")
        builder.configure(tree, build_dir, config or builder.BuildConfig(), args.verbose)
        old_binaries = builder.build(tree, build_dir, names, args.jobs, args.verbose)
        return _compare(args, old_binaries, new_binaries, old_label)


def _interrupted(signum, frame):
    raise KeyboardInterrupt


def main(argv=None):
    # A terminated comparison unwinds like Ctrl-C, so the exported revision is removed either way.
    signal.signal(signal.SIGTERM, _interrupted)
    try:
        return _run(_parse(argv))
    except (UsageError, builder.BuildError, runner.RunError) as error:
        print(f"bench-compare: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("bench-compare: interrupted; temporary trees removed", file=sys.stderr)
        return 130
