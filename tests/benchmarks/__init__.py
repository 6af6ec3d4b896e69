"""Performance at corpus scale, against the lxml floor: `make bench` (see BENCHMARKS.md)."""
