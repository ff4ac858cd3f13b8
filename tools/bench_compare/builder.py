"""Building the benchmark binaries of a git revision and of the working tree.

Rules for the builds:
- Only the benchmark targets asked for are built, with ccache when it is installed.
- A revision is exported with `git archive` into a fresh temporary directory outside the
  repository (no worktree to prune), built there, and removed when the comparison ends, whether it
  succeeded, failed or was interrupted.
- Both sides use the same build type and compilers: the revision copies them from the working
  tree's CMake cache, so a difference in the figures is a difference in the code. A working tree
  configured with a sanitizer, without benchmarks or for a sanitizer test set is refused.
- ccache gets CCACHE_BASEDIR at the tree's root and CCACHE_NOHASHDIR, so an exported revision
  compiles with the same relative paths as the working tree and reuses its cached objects.
"""

import contextlib
import dataclasses
import os
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import tempfile

# Where each benchmark target's executable lands in a build tree.
BINARY_PATHS = {
    "vidport_bench": "bench/vidport_bench",
    "vgasync_bench": "tests/vgasync/vgasync_bench",
    "v86_bench": "tests/v86/v86_bench",
}


class BuildError(Exception):
    """A revision cannot be found, exported, configured or built; the message says which and why."""


@dataclasses.dataclass(frozen=True)
class BuildConfig:
    """What must be equal on both sides for their figures to be comparable."""

    build_type: str = "RelWithDebInfo"
    cxx: str = "g++"
    cc: str = "gcc"


def _tail(text, lines=25):
    return "\n".join(text.strip().splitlines()[-lines:])


def _run(command, what, env=None, verbose=False):
    """Runs `command`; raises BuildError naming `what` with the end of its output on failure.

    The command runs in a process group of its own that is terminated as a whole when the
    comparison is interrupted, so no compiler outlives the tree it was building.
    """
    if verbose:
        # The build's own output goes to the user; stdout stays for the comparison's table.
        print("+ " + " ".join(str(part) for part in command), file=sys.stderr, flush=True)
        stdout, stderr = sys.stderr, None
    else:
        stdout, stderr = subprocess.PIPE, subprocess.STDOUT
    process = subprocess.Popen(command, env=env, stdout=stdout, stderr=stderr, text=True, start_new_session=True)
    try:
        output, _ = process.communicate()
    except BaseException:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait()
        raise
    if process.returncode != 0:
        raise BuildError(f"{what} failed (exit {process.returncode})" + (f":\n{_tail(output)}" if output else ""))
    return output or ""


def repo_root(start="."):
    """The top of the git working tree that contains `start`."""
    try:
        return pathlib.Path(_run(["git", "-C", str(start), "rev-parse", "--show-toplevel"], "git rev-parse").strip())
    except BuildError as error:
        raise BuildError(f"not inside a git repository ({start}): {error}") from error


def resolve_revision(repo, revision):
    """The full commit id `revision` names in `repo`."""
    result = subprocess.run(["git", "-C", str(repo), "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BuildError(f"unknown revision '{revision}' in {repo}")
    return result.stdout.strip()


def _cmake_cache(build_dir):
    cache = {}
    path = pathlib.Path(build_dir) / "CMakeCache.txt"
    if not path.exists():
        return None
    for line in path.read_text(errors="replace").splitlines():
        match = re.match(r"^([A-Za-z_0-9]+):[A-Z]+=(.*)$", line)
        if match:
            cache[match.group(1)] = match.group(2)
    return cache


def working_tree_config(build_dir):
    """The BuildConfig of an existing build tree, or None when it is not configured yet.

    Raises BuildError when the tree cannot measure: built with a sanitizer, with the benchmarks
    off, or for one of the sanitizer trees' test sets.
    """
    cache = _cmake_cache(build_dir)
    if cache is None:
        return None
    refusals = []
    if cache.get("VIDPORT_SANITIZER"):
        refusals.append(f"it is built with VIDPORT_SANITIZER={cache['VIDPORT_SANITIZER']}")
    if cache.get("VIDPORT_BENCH", "ON").upper() in ("OFF", "0", "FALSE", "NO"):
        refusals.append("it is configured with VIDPORT_BENCH=OFF")
    if cache.get("VIDPORT_TEST_SET", "all") != "all":
        refusals.append(f"it is configured with VIDPORT_TEST_SET={cache['VIDPORT_TEST_SET']}")
    if refusals:
        raise BuildError(f"{build_dir} cannot measure the working tree: {', '.join(refusals)}; "
                         "choose another build tree with --new-build-dir")
    defaults = BuildConfig()
    return BuildConfig(cache.get("CMAKE_BUILD_TYPE") or defaults.build_type,
                       cache.get("CMAKE_CXX_COMPILER") or defaults.cxx, cache.get("CMAKE_C_COMPILER") or defaults.cc)


def build_env(tree_root):
    """The environment for building `tree_root`: ccache keyed on paths relative to the tree."""
    env = dict(os.environ)
    env["CCACHE_BASEDIR"] = str(tree_root)
    env["CCACHE_NOHASHDIR"] = "1"
    return env


def configure(source, build_dir, config, verbose=False):
    """Configures `build_dir` for `source` with Ninja, `config` and ccache when installed."""
    command = ["cmake", "-S", str(source), "-B", str(build_dir), "-G", "Ninja",
               f"-DCMAKE_BUILD_TYPE={config.build_type}", f"-DCMAKE_CXX_COMPILER={config.cxx}",
               f"-DCMAKE_C_COMPILER={config.cc}"]
    if shutil.which("ccache"):
        command += ["-DCMAKE_C_COMPILER_LAUNCHER=ccache", "-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"]
    _run(command, f"configuring {source} in {build_dir}", env=build_env(source), verbose=verbose)


def existing_targets(build_dir, names):
    """The subset of `names` that `build_dir`'s build system knows as targets."""
    listing = _run(["cmake", "--build", str(build_dir), "--target", "help"], f"listing the targets of {build_dir}")
    return {name for name in names if re.search(rf"(^|[\s.]){re.escape(name)}(:|\s|$)", listing, re.MULTILINE)}


def build(source, build_dir, names, jobs, verbose=False):
    """Builds the targets among `names` that exist; returns {name: executable path or None}.

    A name whose target the tree does not define maps to None (a revision older than that
    benchmark); a failing build raises BuildError with the end of the compiler's output.
    """
    targets = sorted(existing_targets(build_dir, names))
    if targets:
        _run(["cmake", "--build", str(build_dir), "--parallel", str(jobs), "--target", *targets],
             f"building {', '.join(targets)} in {build_dir}", env=build_env(source), verbose=verbose)
    found = {}
    for name in names:
        path = pathlib.Path(build_dir) / BINARY_PATHS.get(name, name)
        if name in targets and not path.exists():
            path = next((p for p in pathlib.Path(build_dir).rglob(name) if p.is_file() and os.access(p, os.X_OK)), None)
        found[name] = path if name in targets else None
    return found


@contextlib.contextmanager
def exported_revision(repo, commit, parent_dir=None):
    """A fresh copy of `commit`'s tree in a temporary directory, removed on leaving the block."""
    scratch = pathlib.Path(tempfile.mkdtemp(prefix=f"bench-compare-{commit[:12]}-", dir=parent_dir))
    try:
        tree = scratch / "tree"
        tree.mkdir()
        archive = subprocess.Popen(["git", "-C", str(repo), "archive", "--format=tar", commit], stdout=subprocess.PIPE)
        untar = subprocess.run(["tar", "-x", "-C", str(tree)], stdin=archive.stdout, capture_output=True, check=False)
        archive.stdout.close()
        if archive.wait() != 0 or untar.returncode != 0:
            raise BuildError(f"exporting {commit[:12]} into {tree} failed: {untar.stderr.decode(errors='replace')}")
        yield tree
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
