"""GET /api/v1/experts: the shape, the refusals, the limit and visibility."""

from collections.abc import Callable
from typing import Any

from django.test import Client

from conftest import World, join, make_user
from practica.accounts.models import User
from practica.accounts.services import create_token
from practica.content.models import Entry
from practica.discussions import services as qa

MakeEntry = Callable[..., Entry]
URL = "/api/v1/experts"


def bearer(user: User) -> Client:
    _token, key = create_token(user=user, name="test")
    return Client(headers={"Authorization": f"Bearer {key}"})


def test_anonymous_callers_get_401(world: World) -> None:
    response = Client().get(URL, {"topic": world.topic.slug})
    assert response.status_code == 401


def test_experts_come_with_their_reasons_and_evidence(
    world: World, make_question: MakeEntry, make_answer: MakeEntry
) -> None:
    question = make_question(community=world.open, author=world.bob, topics=[world.topic])
    qa.accept_answer(answer=make_answer(question=question, author=world.charlie), by=world.bob)
    world.charlie.expertise.add(world.topic)

    response = bearer(world.dana).get(URL, {"topic": world.topic.slug})

    assert response.status_code == 200
    data = response.json()
    assert data["next"] is None
    first = data["items"][0]
    assert first == {
        "id": world.charlie.pk,
        "username": "charlie",
        "name": "Charlie",
        "url": "/members/charlie/",
        "imported": False,
        "score": first["score"],
        "reasons": [
            "1 accepted answer about Vibration analysis",
            "lists Vibration analysis as expertise",
        ],
        "evidence": {
            "accepted": 1,
            "votes": 0,
            "answers": 1,
            "questions": 0,
            "declared": ["Vibration analysis"],
        },
    }
    assert [i["username"] for i in data["items"]] == ["charlie", "bob"]


def test_neither_topic_nor_text_is_refused_with_a_reason(world: World) -> None:
    response = bearer(world.bob).get(URL)
    assert response.status_code == 422
    assert response.json()["detail"] == "Choose a topic or describe what you need to know."


def test_an_unknown_topic_is_refused_with_a_reason(world: World) -> None:
    response = bearer(world.bob).get(URL, {"topic": "no-such-topic"})
    assert response.status_code == 422
    assert response.json()["field"] == "topic"
    assert "no-such-topic" in response.json()["detail"]


def test_the_limit_is_capped_at_50(world: World) -> None:
    for n in range(55):
        user = make_user(username=f"m{n:02d}", organisation=world.host)
        user.expertise.add(world.topic)
    client = bearer(world.bob)
    assert len(client.get(URL, {"topic": world.topic.slug}).json()["items"]) == 10
    assert len(client.get(URL, {"topic": world.topic.slug, "limit": "3"}).json()["items"]) == 3
    capped = client.get(URL, {"topic": world.topic.slug, "limit": "500"})
    assert capped.status_code == 200
    assert len(capped.json()["items"]) == 50


def test_the_text_path_resolves_topics(world: World, monkeypatch: Any) -> None:
    world.topic.synonyms = "VA"
    world.topic.save()
    world.bob.expertise.add(world.topic)
    response = bearer(world.charlie).get(URL, {"text": "va"})
    assert [i["username"] for i in response.json()["items"]] == ["bob"]


def test_dana_only_gets_members_she_may_see(world: World) -> None:
    frank = make_user(username="frank", organisation=world.host)
    join(community=world.request, user=frank)
    frank.expertise.add(world.topic)
    world.charlie.expertise.add(world.topic)
    items = bearer(world.dana).get(URL, {"topic": world.topic.slug}).json()["items"]
    assert [i["username"] for i in items] == ["charlie"]
