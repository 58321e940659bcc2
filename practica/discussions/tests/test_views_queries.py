"""The Q&A pages' query counts do not grow with what they show (3 items vs 30)."""

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from practica.content import services as content
from practica.content.models import Entry
from practica.discussions import services as qa

pytestmark = pytest.mark.django_db


def count_queries(client: Client, url: str) -> int:
    client.get(url)  # warm up: session, caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def questions(world: Any, make_question: Any, n: int) -> list[Entry]:
    made = []
    for i in range(n):
        author = world.charlie if i % 2 else world.dana
        question = make_question(community=world.open, author=author, topics=[world.topic])
        content.vote(entry=question, user=world.alice, value=1)
        made.append(question)
    return made


@pytest.mark.parametrize("url", ["/questions/", "/c/pump-reliability/questions/"])
def test_question_lists_cost_the_same_with_3_and_30_questions(
    world: Any, make_question: Any, client_for: Any, url: str
) -> None:
    client = client_for(world.bob)
    questions(world, make_question, 3)
    few = count_queries(client, url)
    questions(world, make_question, 27)
    many = count_queries(client, url)
    assert few == many


def thread(world: Any, question: Entry, n: int) -> None:
    for i in range(n):
        author = world.charlie if i % 2 else world.dana
        answer = qa.post_answer(question=question, by=author, body=f"Answer {i}")
        content.add_comment(entry=answer, author=world.alice, body=f"Comment on answer {i}")
        content.vote(entry=answer, user=world.bob, value=1)
        upload = SimpleUploadedFile(f"a{i}.txt", b"notes", content_type="text/plain")
        content.attach(entry=answer, uploader=author, upload=upload)


@pytest.mark.parametrize("persona", ["bob", "charlie"])
def test_the_question_page_costs_the_same_with_3_and_30_answers(
    world: Any, make_question: Any, client_for: Any, persona: str
) -> None:
    question = make_question(community=world.open, author=world.charlie, topics=[world.topic])
    content.add_comment(entry=question, author=world.bob, body="A comment on the question")
    client = client_for(getattr(world, persona))
    url = question.get_absolute_url()
    thread(world, question, 3)
    few = count_queries(client, url)
    thread(world, question, 27)
    many = count_queries(client, url)
    assert few == many
    assert Entry.objects.filter(parent=question).count() == 30
