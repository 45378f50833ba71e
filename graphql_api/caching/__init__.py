"""Caching of published responses: the response cache and persisted queries.

Responses are keyed on the content kernel's one content generation (content_models/kernel/generation.py, bumped by
kernel/invalidation.py). See docs/api.md ("Caching") for the contract and generation.py for why invalidation goes
through the database.
"""
