"""`make load`: a bounded load-and-fault run against the production set-up on loopback (benchmarks/load/run.py)."""
