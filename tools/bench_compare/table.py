"""The printed comparison: one block per binary, one line per benchmark. Only formats."""


def format_ns(ns):
    """A time in the unit that keeps it readable: 2.31 ns, 15.20 us, 3.05 ms, 1.20 s."""
    for unit, scale in (("ns", 1.0), ("us", 1e3), ("ms", 1e6)):
        if ns < scale * 1e3:
            return f"{ns / scale:.2f} {unit}"
    return f"{ns / 1e9:.2f} s"


def _side(summary, rounds):
    if summary is None:
        return "-", ""
    spread = f"{summary.spread * 100:.1f}%"
    if summary.rounds != rounds:
        spread += f" ({summary.rounds}/{rounds} rounds)"
    return format_ns(summary.median), spread


def format_rows(rows, old_label, new_label, rounds):
    """The lines of one binary's table: header, then each row with medians, spreads and verdict.

    Spread is (max - min) / median over the rounds; a side that lacks a benchmark shows "-" and
    the verdict says where the benchmark ran.
    """
    header = ("benchmark", f"{old_label}", "spread", f"{new_label}", "spread", "new/old", "verdict")
    lines = [header]
    for row in rows:
        old_median, old_spread = _side(row.old, rounds)
        new_median, new_spread = _side(row.new, rounds)
        if row.verdict is None:
            where = old_label if row.new is None else new_label
            lines.append((row.name, old_median, old_spread, new_median, new_spread, "", f"only in {where}"))
        else:
            lines.append((row.name, old_median, old_spread, new_median, new_spread, f"{row.ratio:.3f}", row.verdict))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    # Names and verdicts read left-aligned, figures right-aligned.
    align = ["<", ">", ">", ">", ">", ">", "<"]
    return ["  ".join(f"{cell:{a}{w}}" for cell, a, w in zip(line, align, widths)).rstrip() for line in lines]
