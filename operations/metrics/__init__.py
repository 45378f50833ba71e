"""Prometheus metrics: request instruments (instruments.py), state read at scrape time (collectors.py), and the
protected /metrics/ endpoint (views.py, access.py). Names and alerts: docs/operations.md, "Metrics"."""
