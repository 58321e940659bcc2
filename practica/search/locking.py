"""One writer at a time for the embedded index, across processes (web, worker, importer)."""

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings


@contextmanager
def writer_lock(directory: Path | None = None) -> Iterator[None]:
    """Block until this process is the only writer of the index in ``directory``."""
    folder = Path(directory or settings.SEARCH_INDEX_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "writer.lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
