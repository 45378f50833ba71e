"""Caching of published responses: the content generation, its invalidation, the response cache, persisted queries.

See docs/api.md ("Caching") for the contract and generation.py for why invalidation goes through the database.
"""
