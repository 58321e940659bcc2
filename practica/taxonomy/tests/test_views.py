"""Topic pages: the vocabulary, a topic's page, and curating topics."""

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from practica.accounts.models import User
from practica.taxonomy.models import Topic

ClientFor = Callable[[User | None], Client]


def query_count(client: Client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "page",
    ["/topics/", "/topics/vibration-analysis/", "/topics/new/", "/topics/vibration-analysis/edit/"],
)
def test_anonymous_visitors_are_sent_to_sign_in(
    world: Any, client_for: ClientFor, page: str
) -> None:
    response = client_for(None).get(page)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_every_persona_sees_the_topic_pages(world: Any, client_for: ClientFor) -> None:
    for persona in [world.alice, world.bob, world.charlie, world.dana]:
        client = client_for(persona)
        assert client.get("/topics/").status_code == 200
        assert client.get("/topics/vibration-analysis/").status_code == 200
    assert client_for(world.bob).get("/topics/no-such-topic/").status_code == 404


def test_topic_list_shows_the_hierarchy_synonyms_and_visible_counts(
    world: Any, client_for: ClientFor, make_question: Callable[..., Any]
) -> None:
    child = Topic.objects.create(
        name="Bearing vibration", slug="bearing-vibration", parent=world.topic, synonyms="BV"
    )
    make_question(community=world.open, author=world.bob, topics=[world.topic])
    make_question(community=world.private, author=world.bob, topics=[world.topic])
    make_question(community=world.private, author=world.bob, topics=[child])

    charlie = client_for(world.charlie).get("/topics/")
    tree = charlie.context["tree"]
    assert [node.topic for node in tree] == [world.topic]
    assert tree[0].count == 1
    assert [node.topic for node in tree[0].children] == [child]
    assert tree[0].children[0].count == 0
    assert b"BV" in charlie.content

    bob_tree = client_for(world.bob).get("/topics/").context["tree"]
    assert bob_tree[0].count == 2
    assert bob_tree[0].children[0].count == 1


def test_topic_list_query_count_does_not_grow(
    world: Any, client_for: ClientFor, make_question: Callable[..., Any]
) -> None:
    client = client_for(world.bob)

    def add(n: int) -> None:
        for i in range(n):
            topic = Topic.objects.create(
                name=f"Topic {i}/{n}", slug=f"topic-{i}-{n}", parent=world.topic, synonyms="a\nb"
            )
            make_question(community=world.open, author=world.bob, topics=[topic])

    add(2)
    few = query_count(client, "/topics/")
    add(27)
    many = query_count(client, "/topics/")
    assert Topic.objects.count() == 30
    assert few == many


def test_topic_page_lists_visible_questions_on_the_topic_and_narrower_ones(
    world: Any, client_for: ClientFor, make_question: Callable[..., Any]
) -> None:
    child = Topic.objects.create(
        name="Bearing vibration", slug="bearing-vibration", parent=world.topic
    )
    on_topic = make_question(
        community=world.open,
        author=world.bob,
        title="Reading a spectrum plot",
        topics=[world.topic],
    )
    narrower = make_question(
        community=world.open, author=world.bob, title="Outer race defect frequency", topics=[child]
    )
    private = make_question(
        community=world.private,
        author=world.bob,
        title="Private vibration survey",
        topics=[world.topic],
    )
    request_only = make_question(
        community=world.request, author=world.bob, title="Budget for vibration kit", topics=[child]
    )
    make_question(community=world.open, author=world.bob, title="Untagged question here")

    def shown(persona: User) -> list[Any]:
        return client_for(persona).get("/topics/vibration-analysis/").context["page"].items

    assert shown(world.bob) == [request_only, private, narrower, on_topic]
    assert shown(world.charlie) == [request_only, narrower, on_topic]
    assert shown(world.dana) == [narrower, on_topic]
    assert client_for(world.dana).get("/topics/bearing-vibration/").context["page"].items == [
        narrower
    ]
    content = client_for(world.dana).get("/topics/vibration-analysis/").content.decode()
    assert "Private vibration survey" not in content
    assert "Budget for vibration kit" not in content


def test_topic_page_shows_only_visible_communities_and_members(
    world: Any, client_for: ClientFor
) -> None:
    for community in [world.open, world.request, world.private]:
        community.topics.add(world.topic)
    for member in [world.alice, world.bob, world.charlie, world.dana]:
        member.expertise.add(world.topic)
    dana = client_for(world.dana).get("/topics/vibration-analysis/")
    assert [c.slug for c in dana.context["communities"]] == ["pump-reliability"]
    assert [m.username for m in dana.context["experts"]] == ["bob", "charlie", "dana"]
    charlie = client_for(world.charlie).get("/topics/vibration-analysis/")
    assert [c.slug for c in charlie.context["communities"]] == [
        "project-managers",
        "pump-reliability",
    ]
    assert [m.username for m in charlie.context["experts"]] == ["alice", "bob", "charlie", "dana"]


def test_topic_page_is_paginated_by_cursor(
    world: Any, client_for: ClientFor, make_question: Callable[..., Any]
) -> None:
    for _ in range(23):
        make_question(community=world.open, author=world.bob, topics=[world.topic])
    client = client_for(world.bob)
    first = client.get("/topics/vibration-analysis/")
    assert len(first.context["page"].items) == 20
    second = client.get("/topics/vibration-analysis/", {"cursor": first.context["page"].next})
    assert len(second.context["page"].items) == 3


def test_topic_page_query_count_does_not_grow(
    world: Any, client_for: ClientFor, make_question: Callable[..., Any]
) -> None:
    client = client_for(world.bob)

    def add(n: int) -> None:
        for i in range(n):
            child = Topic.objects.create(
                name=f"Sub {i}/{n}", slug=f"sub-{i}-{n}", parent=world.topic
            )
            make_question(community=world.open, author=world.charlie, topics=[world.topic, child])
            user = User.objects.create_user(username=f"expert{i}-{n}", organisation=world.host)
            user.expertise.add(child)

    add(3)
    few = query_count(client, "/topics/vibration-analysis/")
    add(27)
    many = query_count(client, "/topics/vibration-analysis/")
    assert few == many


def test_a_leader_adds_a_topic(world: Any, client_for: ClientFor) -> None:
    client = client_for(world.bob)
    assert client.get("/topics/new/").status_code == 200
    response = client.post(
        "/topics/new/",
        {"name": "Lubrication", "slug": "", "parent": world.topic.pk, "synonyms": "greasing"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/topics/lubrication/"
    topic = Topic.objects.get(slug="lubrication")
    assert topic.parent == world.topic


def test_a_duplicate_topic_name_keeps_what_was_typed(world: Any, client_for: ClientFor) -> None:
    response = client_for(world.bob).post(
        "/topics/new/", {"name": "Vibration Analysis", "description": "Typed text here"}
    )
    assert response.status_code == 422
    assert b"A topic with that name exists already." in response.content
    assert b"Typed text here" in response.content


def test_a_topic_cannot_move_under_its_own_narrower_topic(
    world: Any, client_for: ClientFor
) -> None:
    child = Topic.objects.create(
        name="Bearing vibration", slug="bearing-vibration", parent=world.topic
    )
    response = client_for(world.alice).post(
        "/topics/vibration-analysis/edit/", {"name": "Vibration analysis", "parent": child.pk}
    )
    assert response.status_code == 422
    assert b"cannot sit under itself" in response.content
    world.topic.refresh_from_db()
    assert world.topic.parent is None


def test_a_facilitator_edits_a_topic(world: Any, client_for: ClientFor) -> None:
    response = client_for(world.bob).post(
        "/topics/vibration-analysis/edit/",
        {"name": "Vibration analysis", "description": "Measuring machine vibration."},
    )
    assert response.status_code == 302
    world.topic.refresh_from_db()
    assert world.topic.description == "Measuring machine vibration."


@pytest.mark.parametrize("page", ["/topics/new/", "/topics/vibration-analysis/edit/"])
def test_members_without_a_role_cannot_curate_topics(
    world: Any, client_for: ClientFor, page: str
) -> None:
    client = client_for(world.charlie)
    assert client.get(page).status_code == 403
    assert client.post(page, {"name": "Anything"}).status_code == 403
    assert not Topic.objects.filter(name="Anything").exists()
    assert b"Add a topic" not in client.get("/topics/").content
