"""Benchmarks with their targets; not part of pytest's run.

Each module exposes `main(argv) -> int` and prints its figures beside their targets.
"""
