"""Benchmarks of the CRM suite: they print figures and ratios against ARCHITECTURE §11, never assert timings.

Run everything with ``python -m bench.run_all`` (``make bench``) or one benchmark alone with
``python -m bench.gateway_read`` / ``python -m bench.event_pipeline``. See bench/README.md.
"""
