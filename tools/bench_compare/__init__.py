"""bench-compare: a benchmark of one git revision against the working tree, measured back to back.

The protocol (docs/benchmarks.md): both sides' binaries run interleaved, pinned to one core, one
process per round, nine rounds by default; each benchmark's figure is its median over the rounds,
and the working tree is "not slower" when it takes at most 10% or 0.5 ns more than the revision.
"""
