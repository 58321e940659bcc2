"""Fixtures for the duplicate and similar-question tests."""

from collections.abc import Callable
from typing import Any

import pytest

from conftest import join, make_user
from practica.accounts.models import User
from practica.communities.models import Role
from practica.search import indexing


@pytest.fixture
def reindex(db: Any) -> Callable[[], int]:
    """Index what the test made, in the test's own index (the root conftest's folder):
    services schedule indexing after commit, which a test's transaction never reaches."""
    return lambda: indexing.rebuild(progress=False)


@pytest.fixture
def fiona(world: Any) -> User:
    """A facilitator of pump-reliability only (host organisation, not in the private one)."""
    user = make_user(username="fiona", organisation=world.host, name="Fiona Facilitator")
    join(community=world.open, user=user, role=Role.FACILITATOR)
    return user
