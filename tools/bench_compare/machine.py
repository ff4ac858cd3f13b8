"""Which machine measured, and how busy it was: every printed figure names both."""

import os
import platform

# The keys /proc/cpuinfo names the processor by: x86, then ARM boards, then MIPS and others.
_MODEL_KEYS = ("model name", "Hardware", "cpu model")


def cpu_model(cpuinfo_path="/proc/cpuinfo"):
    """The CPU model of the first processor /proc/cpuinfo lists, or what platform knows."""
    try:
        with open(cpuinfo_path, encoding="utf-8", errors="replace") as cpuinfo:
            for line in cpuinfo:
                key, colon, value = line.partition(":")
                if colon and key.strip() in _MODEL_KEYS and value.strip():
                    return value.strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def load_average():
    """The 1, 5 and 15 minute load averages as text, or "unknown" where the system has none."""
    try:
        return " ".join(f"{load:.2f}" for load in os.getloadavg())
    except OSError:
        return "unknown"


def describe():
    """One line: CPU model, cores (and how many this process may use), load average now."""
    cores = os.cpu_count() or 0
    usable = len(os.sched_getaffinity(0))
    usable_note = "" if usable == cores else f" ({usable} usable here)"
    return f"{cpu_model()}, {cores} cores{usable_note}, load average {load_average()}"
