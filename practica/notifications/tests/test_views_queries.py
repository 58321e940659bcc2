"""The inbox costs the same with 3 notifications as with 30."""

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practica.content import services as content
from practica.discussions import services as qa
from practica.notifications import services
from practica.notifications.models import Verb

pytestmark = pytest.mark.django_db


def notifications(world: Any, make_question: Any, n: int) -> None:
    for i in range(n):
        question = make_question(community=world.open, author=world.charlie)
        if i % 3 == 0:
            answer = qa.post_answer(question=question, by=world.bob, body="An answer")
            services.notify_answer(answer=answer)
        elif i % 3 == 1:
            comment = content.add_comment(entry=question, author=world.dana, body="A comment")
            services.notify_comment(comment=comment)
        else:
            services.notify(
                recipient=world.charlie,
                verb=Verb.JOIN_REQUEST,
                actor=world.dana,
                community=world.request,
            )


def test_the_inbox_costs_the_same_with_3_and_30_notifications(
    world: Any, make_question: Any, client_for: Any
) -> None:
    client = client_for(world.charlie)
    counts = []
    for n in (3, 27):
        notifications(world, make_question, n)
        client.get("/notifications/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/notifications/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
