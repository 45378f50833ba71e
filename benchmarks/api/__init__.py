"""The API benchmark (`make bench`): GraphQL next to Wagtail's REST API v2 and the framework's floor.

Run through `benchmarks/api/run.py`; benchmarks/README.md says what it measures and how to read the results.
"""
