"""Benchmarks: see bench/README.md. Not a test suite: nothing here asserts a time."""
