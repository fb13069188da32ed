"""Benchmarks of the archive against their baselines: `python -m bench N` (see bench/run.py)."""
