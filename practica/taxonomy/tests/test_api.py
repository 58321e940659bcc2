"""Topics in the API: the vocabulary with broader topics and synonyms."""

from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from practica.accounts.models import User
from practica.accounts.services import create_token
from practica.taxonomy.models import Topic


def bearer(user: User) -> Client:
    _token, key = create_token(user=user, name="test")
    return Client(headers={"Authorization": f"Bearer {key}"})


def test_topics_list_with_their_parent_and_synonyms(world: Any) -> None:
    Topic.objects.create(
        name="Bearing wear",
        slug="bearing-wear",
        parent=world.topic,
        synonyms="Bearing failure\nWorn bearings",
    )
    response = bearer(world.dana).get("/api/v1/topics")
    assert response.status_code == 200
    topics = {t["slug"]: t for t in response.json()["items"]}
    assert topics["bearing-wear"]["parent"] == "vibration-analysis"
    assert topics["bearing-wear"]["synonyms"] == ["Bearing failure", "Worn bearings"]
    assert topics["vibration-analysis"]["parent"] is None
    assert response.json()["next"] is None


def test_a_topic_answers_with_its_narrower_topics(world: Any) -> None:
    Topic.objects.create(name="Bearing wear", slug="bearing-wear", parent=world.topic)
    response = bearer(world.charlie).get("/api/v1/topics/vibration-analysis")
    assert response.status_code == 200
    assert response.json()["children"] == ["bearing-wear"]
    assert response.json()["name"] == "Vibration analysis"


def test_an_unknown_topic_is_404(world: Any) -> None:
    response = bearer(world.charlie).get("/api/v1/topics/astrology")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_topics_are_searched_by_name_and_synonym(world: Any) -> None:
    Topic.objects.create(name="Bearing wear", slug="bearing-wear", synonyms="Worn bearings")
    client = bearer(world.bob)
    found = client.get("/api/v1/topics?q=worn").json()["items"]
    assert [t["slug"] for t in found] == ["bearing-wear"]


def test_topics_page_through_without_duplicates(world: Any) -> None:
    for n in range(9):
        Topic.objects.create(name=f"Topic {n}", slug=f"topic-{n}")
    client = bearer(world.bob)
    seen: list[str] = []
    url = "/api/v1/topics?limit=4"
    while url:
        page = client.get(url).json()
        seen.extend(t["slug"] for t in page["items"])
        url = f"/api/v1/topics?limit=4&cursor={page['next']}" if page["next"] else ""
    assert len(seen) == len(set(seen)) == 10


def test_topic_list_query_count_does_not_grow(world: Any) -> None:
    def add(start: int, stop: int) -> None:
        for n in range(start, stop):
            Topic.objects.create(name=f"Topic {n:02}", slug=f"topic-{n:02}", parent=world.topic)

    client = bearer(world.bob)
    add(0, 3)
    client.get("/api/v1/topics")
    with CaptureQueriesContext(connection) as few:
        client.get("/api/v1/topics?limit=100")
    add(3, 30)
    with CaptureQueriesContext(connection) as many:
        assert len(client.get("/api/v1/topics?limit=100").json()["items"]) == 31
    assert len(few) == len(many)
