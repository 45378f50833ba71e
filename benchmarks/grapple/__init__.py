"""wagtail-grapple, the GraphQL API most Wagtail sites use, set up to answer the benchmark's questions.

It runs from its own virtualenv (graphene needs graphql-core < 3.3, strawberry needs 3.3): `make bench-grapple-venv`
installs requirements.lock, which `make lock` compiles from lock_inputs.py. Its own settings module, the same
seeded database as the other sides. content_models declares no `graphql_fields`: this app attaches them, as
benchmarks.api attaches the v2 API's `api_fields`.
"""
