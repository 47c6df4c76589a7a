"""Benchmark groups: each module has ``run(small: bool) -> None`` and prints ``name: value unit`` lines."""
