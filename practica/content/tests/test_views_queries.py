"""The revision history costs the same with 3 revisions as with 30."""

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from practica.content import services
from practica.content.models import Entry

pytestmark = pytest.mark.django_db


def count_queries(client: Client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def edit(entry: Entry, by: Any, times: int) -> None:
    for _ in range(times):
        n = entry.revision_count + 1
        services.edit_entry(
            entry=entry, by=by, body=f"Revision {n}: the seal failed after {n} days.", summary="x"
        )


def test_history_costs_the_same_with_3_and_30_revisions(
    world: Any, make_question: Any, client_for: Any
) -> None:
    question = make_question(community=world.open, author=world.charlie)
    client = client_for(world.bob)
    url = f"/e/{question.pk}/history/"
    edit(question, world.charlie, 2)
    few = count_queries(client, url)
    edit(question, world.bob, 27)
    many = count_queries(client, url)
    assert question.revisions.count() == 30
    assert few == many
