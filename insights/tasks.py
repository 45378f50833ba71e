"""Background work (Django Tasks API): pruning on demand, for deployments that schedule through the task queue."""

from django_tasks import task

from .services import counts_prune


@task()
def prune_counts() -> dict:
    return counts_prune()
