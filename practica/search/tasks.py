from django_tasks import task


@task()
def update_index(keys: list[str]) -> None:
    """Bring these documents (and those that depend on them) up to date in the index."""
    from .indexing import index_now

    index_now(keys)
