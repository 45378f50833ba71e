"""Public newsletter API: subscribe with double opt-in, confirm, update preferences, unsubscribe.

Compose at the root with strawberry.tools.merge_types; the work is done by newsletter.services.
"""
