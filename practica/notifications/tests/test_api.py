"""The notification inbox in the API."""

from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from practica.accounts.models import User
from practica.accounts.services import create_token
from practica.communities.models import Membership
from practica.notifications.models import Notification, Verb
from practica.notifications.services import notify

JSON = "application/json"


def bearer(user: User) -> Client:
    _token, key = create_token(user=user, name="test")
    return Client(headers={"Authorization": f"Bearer {key}"})


def test_an_answer_reaches_the_askers_inbox(
    world: Any, make_question: Any, make_answer: Any, django_capture_on_commit_callbacks: Any
) -> None:
    question = make_question(community=world.open, author=world.charlie)
    with django_capture_on_commit_callbacks(execute=True):
        answer = make_answer(question=question, author=world.bob)
    response = bearer(world.charlie).get("/api/v1/notifications")
    assert response.status_code == 200
    [shown] = response.json()["items"]
    assert shown["verb"] == "answered"
    assert shown["text"] == "answered your question"
    assert shown["actor"]["username"] == "bob"
    assert shown["entry"] == {
        "id": answer.pk,
        "kind": "answer",
        "title": question.title,
        "url": f"/e/{answer.pk}",
    }
    assert shown["community"] == "pump-reliability"
    assert shown["url"].endswith(f"#entry-{answer.pk}")
    assert shown["read"] is False


def test_a_member_sees_only_their_own_notifications(world: Any, make_question: Any) -> None:
    question = make_question(community=world.open, author=world.charlie)
    notify(recipient=world.charlie, verb=Verb.COMMENTED, actor=world.bob, entry=question)
    assert bearer(world.dana).get("/api/v1/notifications").json()["items"] == []


def test_notifications_about_what_the_member_no_longer_sees_are_hidden(
    world: Any, make_question: Any
) -> None:
    Membership.objects.create(community=world.private, user=world.charlie)
    question = make_question(community=world.private, author=world.charlie)
    notify(recipient=world.charlie, verb=Verb.COMMENTED, actor=world.bob, entry=question)
    client = bearer(world.charlie)
    assert len(client.get("/api/v1/notifications").json()["items"]) == 1
    Membership.objects.filter(community=world.private, user=world.charlie).delete()
    assert client.get("/api/v1/notifications").json()["items"] == []


def test_marking_all_read(world: Any, make_question: Any) -> None:
    question = make_question(community=world.open, author=world.charlie)
    notify(recipient=world.charlie, verb=Verb.COMMENTED, actor=world.bob, entry=question)
    notify(recipient=world.charlie, verb=Verb.MENTIONED, actor=world.dana, entry=question)
    client = bearer(world.charlie)
    assert client.get("/api/v1/me").json()["unread_notifications"] == 2
    response = client.post("/api/v1/notifications/read", content_type=JSON)
    assert response.status_code == 200
    assert response.json() == {"unread_notifications": 0}
    assert all(n["read"] for n in client.get("/api/v1/notifications").json()["items"])


def test_marking_some_read(world: Any, make_question: Any) -> None:
    question = make_question(community=world.open, author=world.charlie)
    first = notify(recipient=world.charlie, verb=Verb.COMMENTED, actor=world.bob, entry=question)
    notify(recipient=world.charlie, verb=Verb.MENTIONED, actor=world.dana, entry=question)
    assert first is not None
    response = bearer(world.charlie).post(
        "/api/v1/notifications/read", {"ids": [first.pk]}, content_type=JSON
    )
    assert response.json() == {"unread_notifications": 1}


def test_notification_list_query_count_does_not_grow(world: Any, make_question: Any) -> None:
    def add(count: int) -> None:
        for n in range(count):
            question = make_question(
                community=world.open if n % 2 else world.request, author=world.charlie
            )
            notify(recipient=world.charlie, verb=Verb.COMMENTED, actor=world.bob, entry=question)
            notify(
                recipient=world.charlie,
                verb=Verb.JOIN_REQUEST,
                actor=world.dana,
                community=world.open,
            )

    client = bearer(world.charlie)
    add(3)
    client.get("/api/v1/notifications")
    with CaptureQueriesContext(connection) as few:
        client.get("/api/v1/notifications?limit=100")
    add(27)
    with CaptureQueriesContext(connection) as many:
        assert len(client.get("/api/v1/notifications?limit=100").json()["items"]) == 60
    assert len(few) == len(many)
    assert Notification.objects.filter(recipient=world.charlie).count() == 60
