"""The public GraphQL API: published content, typed, multilingual. `schema.py` composes the domain packages."""
