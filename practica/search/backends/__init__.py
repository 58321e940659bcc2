"""Choosing the search backend (``PRACTICA_SEARCH_BACKEND``): one instance per process."""

from functools import lru_cache

from django.conf import settings

from .base import SearchBackend


@lru_cache(maxsize=4)
def backend_for(name: str, path: str) -> SearchBackend:
    if name == "postgres":
        from .postgres import PostgresBackend

        return PostgresBackend()
    if name == "embedded":
        from pathlib import Path

        from .embedded import EmbeddedBackend

        return EmbeddedBackend(Path(path))
    raise ValueError(f"Unknown PRACTICA_SEARCH_BACKEND {name!r}: use 'embedded' or 'postgres'.")


def get_backend() -> SearchBackend:
    """Keyed by the settings, so tests that point SEARCH_INDEX_DIR elsewhere get their own."""
    return backend_for(settings.SEARCH_BACKEND, str(settings.SEARCH_INDEX_DIR))
