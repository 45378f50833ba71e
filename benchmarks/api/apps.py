from django.apps import AppConfig


class BenchApiConfig(AppConfig):
    """Declares the v2 API's fields on the page models, for the benchmark's server only.

    content_models stays free of `api_fields`: the project's API is GraphQL, and these declarations exist only so
    the v2 API can serve the same fields the benchmark's GraphQL queries ask for.
    """

    name = "benchmarks.api"
    label = "bench_api"
    verbose_name = "API benchmark"

    def ready(self):
        from .v2 import declare_api_fields

        declare_api_fields()
