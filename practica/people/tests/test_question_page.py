"""A question's page suggests members to ask: not its author, not who already answered."""

from collections.abc import Callable

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from conftest import World, join, make_user
from practica.accounts.models import User
from practica.content.models import Entry

ClientFor = Callable[[User | None], Client]
MakeEntry = Callable[..., Entry]


def member(world: World, username: str) -> User:
    user = make_user(username=username, organisation=world.host)
    join(community=world.open, user=user)
    return user


def test_the_question_page_suggests_members_to_ask_with_reasons(
    world: World, client_for: ClientFor, make_question: MakeEntry, make_answer: MakeEntry
) -> None:
    ann, ben, cat = member(world, "ann"), member(world, "ben"), member(world, "cat")
    for user in (ann, ben, cat):
        user.expertise.add(world.topic)
    earlier = make_question(community=world.open, author=world.charlie, topics=[world.topic])
    make_answer(question=earlier, author=cat)
    question = make_question(community=world.open, author=ann, topics=[world.topic])
    make_answer(question=question, author=ben)

    response = client_for(world.bob).get(question.get_absolute_url())

    assert response.status_code == 200
    assert [e.member.username for e in response.context["suggested_experts"]] == [
        "cat",
        "charlie",
    ]
    body = response.content.decode()
    assert "People who might know" in body
    assert "1 answer about Vibration analysis" in body
    assert f'href="/people/experts/?topic={world.topic.slug}"' in body


def test_no_suggestions_means_no_box(
    world: World, client_for: ClientFor, make_question: MakeEntry
) -> None:
    question = make_question(community=world.open, author=world.charlie, topics=[world.topic])
    response = client_for(world.bob).get(question.get_absolute_url())
    assert response.context["suggested_experts"] == []
    assert "People who might know" not in response.content.decode()


def test_the_question_page_costs_the_same_with_3_and_30_answers_and_experts(
    world: World, client_for: ClientFor, make_question: MakeEntry, make_answer: MakeEntry
) -> None:
    question = make_question(community=world.open, author=world.charlie, topics=[world.topic])
    client = client_for(world.bob)
    url = question.get_absolute_url()

    def add(n: int) -> None:
        for _ in range(n):
            user = member(world, f"p{User.objects.count()}")
            user.expertise.add(world.topic)
            make_answer(question=question, author=user)
            member(world, f"p{User.objects.count()}").expertise.add(world.topic)

    def count() -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert len(response.context["suggested_experts"]) == 3
        return len(queries)

    add(3)
    few = count()
    add(27)
    many = count()
    assert few == many
