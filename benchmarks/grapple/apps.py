from django.apps import AppConfig


class BenchGrappleConfig(AppConfig):
    """Declares grapple's fields on the page models and blocks, for the grapple side of the benchmark only.

    Listed before `grapple` in INSTALLED_APPS: grapple builds its schema in its own ready(), from the declarations
    it finds then.
    """

    name = "benchmarks.grapple"
    label = "bench_grapple"
    verbose_name = "API benchmark: wagtail-grapple"

    def ready(self):
        from .fields import declare_graphql_fields

        declare_graphql_fields()
