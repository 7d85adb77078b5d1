"""Benchmarks that print figures (``name: value unit``), and the generator of test visits."""
