from collections.abc import Callable
from typing import Any

import pytest

from practica.search import indexing


@pytest.fixture
def reindex(db: Any) -> Callable[[], int]:
    """Rebuild the test's own index from the database (what `practica reindex` does)."""
    return lambda: indexing.rebuild(progress=False)
