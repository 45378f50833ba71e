"""Background work (Django Tasks API). Tasks take ids, never objects, and call a service: they stay thin."""

from django_tasks import task


@task()
def print_editions_make(page_id: int | None, service_point_id: int | None) -> str:
    from .jobs import print_job_run

    return print_job_run(page_id=page_id, service_point_id=service_point_id)


@task()
def print_booklet_build(booklet_id: int) -> str:
    from .booklets import booklet_build

    return booklet_build(booklet_id=booklet_id)
