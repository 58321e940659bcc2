"""Fixtures for the duplicate and similar-question tests: a search index of the test's own."""

from collections.abc import Callable
from typing import Any

import pytest

from conftest import join, make_user
from practica.accounts.models import User
from practica.communities.models import Role


@pytest.fixture
def reindex(settings: Any, tmp_path: Any) -> Callable[[], int]:
    """The search index in the test's own folder; call it to index what the test made
    (services schedule indexing after commit, which a test's transaction never reaches)."""
    settings.SEARCH_INDEX_DIR = tmp_path / "search"

    def rebuild() -> int:
        from practica.search.indexing import rebuild

        return rebuild(progress=False)

    return rebuild


@pytest.fixture
def fiona(world: Any) -> User:
    """A facilitator of pump-reliability only (host organisation, not in the private one)."""
    user = make_user(username="fiona", organisation=world.host, name="Fiona Facilitator")
    join(community=world.open, user=user, role=Role.FACILITATOR)
    return user
