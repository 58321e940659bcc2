"""The "Who knows about…" page: the form, the results with their reasons, errors, the
empty state, visibility and its query budget."""

from collections.abc import Callable
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from conftest import World, join, make_user
from practica.accounts.models import User
from practica.content.models import Entry
from practica.discussions import services as qa

ClientFor = Callable[[User | None], Client]
MakeEntry = Callable[..., Entry]
URL = "/people/experts/"


def expert_names(response: Any) -> list[str]:
    return [e.member.username for e in response.context["experts"]]


def test_anonymous_visitors_are_sent_to_sign_in(world: World, client_for: ClientFor) -> None:
    response = client_for(None).get(URL, {"topic": world.topic.slug})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_page_starts_with_the_form_and_a_hint(world: World, client_for: ClientFor) -> None:
    response = client_for(world.charlie).get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert "<h1>Who knows about…</h1>" in body
    assert 'name="topic"' in body and 'name="q"' in body
    assert "Choose a topic or describe what you need to know" in body


def test_results_show_each_member_with_why_they_are_suggested(
    world: World, client_for: ClientFor, make_question: MakeEntry, make_answer: MakeEntry
) -> None:
    question = make_question(community=world.open, author=world.bob, topics=[world.topic])
    qa.accept_answer(answer=make_answer(question=question, author=world.charlie), by=world.bob)
    world.dana.expertise.add(world.topic)

    response = client_for(world.charlie).get(URL, {"topic": world.topic.slug})

    assert response.status_code == 200
    assert expert_names(response) == ["charlie", "bob", "dana"]
    body = response.content.decode()
    assert "1 accepted answer about Vibration analysis" in body
    assert "1 question about Vibration analysis" in body
    assert "lists Vibration analysis as expertise" in body
    assert 'href="/members/dana/"' in body
    assert f'<option value="{world.topic.slug}" selected>' in body


def test_imported_members_are_marked(world: World, client_for: ClientFor) -> None:
    ghost = make_user(username="ghost", organisation=world.host, is_placeholder=True)
    join(community=world.open, user=ghost)
    ghost.expertise.add(world.topic)
    response = client_for(world.charlie).get(URL, {"topic": world.topic.slug})
    assert expert_names(response) == ["ghost"]
    assert '<span class="pill"' in response.content.decode()


def test_nobody_found_shows_an_empty_state_that_says_what_to_do(
    world: World, client_for: ClientFor
) -> None:
    response = client_for(world.charlie).get(URL, {"topic": world.topic.slug, "q": ""})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Nobody you can see has answered, asked or listed expertise about Vibration" in body
    assert 'href="/c/"' in body


def test_an_empty_search_is_a_form_error_that_keeps_the_page(
    world: World, client_for: ClientFor
) -> None:
    response = client_for(world.charlie).get(URL, {"topic": "", "q": "  "})
    assert response.status_code == 422
    assert "Choose a topic or describe what you need to know." in response.content.decode()
    assert 'class="error-summary"' in response.content.decode()


def test_an_unknown_topic_is_a_form_error_that_keeps_the_text(
    world: World, client_for: ClientFor
) -> None:
    response = client_for(world.charlie).get(URL, {"topic": "no-such-topic", "q": "pumps"})
    assert response.status_code == 422
    body = response.content.decode()
    assert "Select a valid choice" in body
    assert 'value="pumps"' in body


def test_charlie_gets_no_evidence_from_the_private_community(
    world: World, client_for: ClientFor, make_question: MakeEntry, make_answer: MakeEntry
) -> None:
    question = make_question(
        community=world.private, author=world.alice, title="Zephyrine rotor balance?"
    )
    question.topics.add(world.topic)
    make_answer(question=question, author=world.bob)

    for_charlie = client_for(world.charlie).get(URL, {"topic": world.topic.slug})
    assert expert_names(for_charlie) == []
    assert "Zephyrine" not in for_charlie.content.decode()
    for_alice = client_for(world.alice).get(URL, {"topic": world.topic.slug})
    assert expert_names(for_alice) == ["bob", "alice"]


def test_htmx_gets_only_the_results(world: World, client_for: ClientFor) -> None:
    world.bob.expertise.add(world.topic)
    response = client_for(world.charlie).get(
        URL, {"topic": world.topic.slug}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="results"' in body and "<html" not in body
    assert "/members/bob/" in body


def test_free_text_searches_through_topic_names(world: World, client_for: ClientFor) -> None:
    world.bob.expertise.add(world.topic)
    response = client_for(world.charlie).get(URL, {"q": "vibration"})
    assert expert_names(response) == ["bob"]
    assert "lists Vibration analysis as expertise" in response.content.decode()


def test_the_page_costs_the_same_with_3_and_30_members(
    world: World, client_for: ClientFor, make_question: MakeEntry, make_answer: MakeEntry
) -> None:
    client = client_for(world.charlie)

    def add(n: int) -> None:
        for _ in range(n):
            user = make_user(username=f"p{User.objects.count()}", organisation=world.host)
            join(community=world.open, user=user)
            user.expertise.add(world.topic)
            question = make_question(community=world.open, author=user, topics=[world.topic])
            make_answer(question=question, author=world.bob)

    def count() -> int:
        client.get(URL, {"topic": world.topic.slug})
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL, {"topic": world.topic.slug})
        assert response.status_code == 200
        return len(queries)

    add(3)
    few = count()
    add(27)
    many = count()
    assert few == many


def test_the_member_directory_and_topic_pages_link_to_the_page(
    world: World, client_for: ClientFor
) -> None:
    client = client_for(world.charlie)
    assert 'href="/people/experts/"' in client.get("/members/").content.decode()
    topic_page = client.get(f"/topics/{world.topic.slug}/").content.decode()
    assert f'href="/people/experts/?topic={world.topic.slug}"' in topic_page
    assert "Who knows about this topic" in topic_page
