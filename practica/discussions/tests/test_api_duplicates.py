"""Closing a question as a duplicate and reopening it through the API, and `duplicate_of`
in the question shapes."""

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from practica.accounts.models import User
from practica.accounts.services import create_token
from practica.content.models import Entry
from practica.discussions import services as qa

pytestmark = pytest.mark.django_db

JSON = "application/json"
NOT_FOUND = {"detail": "Not found."}


def bearer(user: User) -> Client:
    _token, key = create_token(user=user, name="test")
    return Client(headers={"Authorization": f"Bearer {key}"})


def close(client: Client, question: Entry, original: Any) -> Any:
    return client.post(
        f"/api/v1/questions/{question.pk}/duplicate", {"original": original}, content_type=JSON
    )


def reopen(client: Client, question: Entry) -> Any:
    return client.delete(f"/api/v1/questions/{question.pk}/duplicate")


def fresh(entry: Entry) -> Entry:
    entry.refresh_from_db()
    return entry


@pytest.fixture
def original(world: Any, make_question: Any) -> Entry:
    return make_question(community=world.open, author=world.dana)


@pytest.fixture
def question(world: Any, make_question: Any) -> Entry:
    return make_question(community=world.open, author=world.charlie)


@pytest.fixture
def private_question(world: Any, make_question: Any) -> Entry:
    return make_question(community=world.private, author=world.bob)


# --- Closing -------------------------------------------------------------------------------


def test_bob_closes_a_question_as_a_duplicate(world: Any, question: Entry, original: Entry) -> None:
    response = close(bearer(world.bob), question, original.pk)

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["id"] == question.pk
    assert body["is_duplicate"] is True
    assert body["duplicate_of"] == {"id": original.pk, "url": original.get_absolute_url()}
    assert fresh(question).duplicate_of_id == original.pk


def test_charlie_is_refused_with_a_reason(world: Any, question: Entry, original: Entry) -> None:
    response = close(bearer(world.charlie), question, original.pk)

    assert response.status_code == 403
    assert "facilitator or leader" in response.json()["detail"]
    assert fresh(question).duplicate_of_id is None


def test_charlie_is_refused_before_the_original_is_looked_at(
    world: Any, question: Entry, private_question: Entry
) -> None:
    # Not allowed whatever the original: his 403 says nothing about private_question.
    response = close(bearer(world.charlie), question, private_question.pk)

    assert response.status_code == 403


def test_a_question_the_caller_cannot_see_is_404(
    world: Any, private_question: Entry, original: Entry
) -> None:
    assert close(bearer(world.charlie), private_question, original.pk).json() == NOT_FOUND
    assert close(bearer(world.charlie), private_question, original.pk).status_code == 404
    assert close(bearer(world.bob), Entry(pk=999_999), original.pk).status_code == 404


@pytest.mark.parametrize("original_id", ["private", 999_999])
def test_an_original_the_facilitator_cannot_see_reads_like_one_that_does_not_exist(
    world: Any, fiona: User, question: Entry, private_question: Entry, original_id: Any
) -> None:
    number = private_question.pk if original_id == "private" else original_id

    response = close(bearer(fiona), question, number)

    assert response.status_code == 422
    assert response.json()["detail"] == f"There is no question {number} that you can see."
    assert response.json()["field"] == "original"


def test_an_answer_is_no_original(
    world: Any, question: Entry, original: Entry, make_answer: Any
) -> None:
    answer = make_answer(question=original, author=world.bob)

    response = close(bearer(world.bob), question, answer.pk)

    assert response.status_code == 422
    assert response.json()["field"] == "original"


def test_the_question_itself_and_loops_are_422_with_a_reason(
    world: Any, question: Entry, original: Entry
) -> None:
    client = bearer(world.bob)

    itself = close(client, question, question.pk)
    assert itself.status_code == 422
    assert itself.json()["detail"] == "A question cannot be a duplicate of itself."

    assert close(client, question, original.pk).status_code == 200
    loop = close(client, original, question.pk)
    assert loop.status_code == 422
    assert loop.json()["detail"] == "That question is already closed as a duplicate of this one."


@pytest.mark.parametrize("payload", [{}, {"original": "seal"}, {"original": None}])
def test_a_body_without_an_original_id_is_422(
    world: Any, question: Entry, payload: dict[str, Any]
) -> None:
    response = bearer(world.bob).post(
        f"/api/v1/questions/{question.pk}/duplicate", payload, content_type=JSON
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "original"


def test_a_duplicate_of_a_duplicate_points_to_the_first_original(
    world: Any, make_question: Any, question: Entry, original: Entry
) -> None:
    client = bearer(world.bob)
    close(client, question, original.pk)
    third = make_question(community=world.open, author=world.dana)

    response = close(client, third, question.pk)

    assert response.json()["duplicate_of"]["id"] == original.pk


# --- Reopening -----------------------------------------------------------------------------


def test_bob_reopens_with_delete(world: Any, question: Entry, original: Entry) -> None:
    qa.close_as_duplicate(question=question, original=original, by=world.bob)

    response = reopen(bearer(world.bob), question)

    assert response.status_code == 200
    assert response.json()["is_duplicate"] is False
    assert response.json()["duplicate_of"] is None
    assert fresh(question).duplicate_of_id is None


def test_reopening_is_refused_to_charlie_and_pointless_on_an_open_question(
    world: Any, question: Entry, original: Entry
) -> None:
    not_closed = reopen(bearer(world.bob), question)
    assert not_closed.status_code == 422
    assert not_closed.json()["detail"] == "This question is not closed as a duplicate."

    qa.close_as_duplicate(question=question, original=original, by=world.bob)
    refused = reopen(bearer(world.charlie), question)
    assert refused.status_code == 403
    assert fresh(question).duplicate_of_id == original.pk


# --- duplicate_of in the question shapes --------------------------------------------------


def test_reading_a_duplicate_shows_its_original(
    world: Any, question: Entry, original: Entry
) -> None:
    qa.close_as_duplicate(question=question, original=original, by=world.bob)
    client = bearer(world.dana)

    detail = client.get(f"/api/v1/questions/{question.pk}").json()
    listed = {q["id"]: q for q in client.get("/api/v1/questions").json()["items"]}

    expected = {"id": original.pk, "url": original.get_absolute_url()}
    assert detail["duplicate_of"] == expected
    assert listed[question.pk]["duplicate_of"] == expected
    assert listed[original.pk]["duplicate_of"] is None
    assert listed[original.pk]["is_duplicate"] is False


def test_an_original_the_caller_cannot_see_is_null(
    world: Any, question: Entry, private_question: Entry
) -> None:
    qa.close_as_duplicate(question=question, original=private_question, by=world.bob)

    charlies = bearer(world.charlie).get(f"/api/v1/questions/{question.pk}").json()
    bobs = bearer(world.bob).get(f"/api/v1/questions/{question.pk}").json()

    assert charlies["is_duplicate"] is True
    assert charlies["duplicate_of"] is None
    assert str(private_question.pk) not in str(charlies["duplicate_of"])
    assert bobs["duplicate_of"]["id"] == private_question.pk


def test_editing_moving_and_accepting_keep_duplicate_of(
    world: Any, question: Entry, original: Entry, make_answer: Any
) -> None:
    answer = make_answer(question=question, author=world.dana)  # before it was closed
    qa.close_as_duplicate(question=question, original=original, by=world.bob)
    client = bearer(world.bob)
    expected = {"id": original.pk, "url": original.get_absolute_url()}

    edited = client.patch(
        f"/api/v1/questions/{question.pk}", {"summary": "x", "body": "New."}, content_type=JSON
    )
    accepted = client.post(f"/api/v1/answers/{answer.pk}/accept")
    moved = client.post(
        f"/api/v1/questions/{question.pk}/move",
        {"community": "project-managers"},
        content_type=JSON,
    )

    assert edited.json()["duplicate_of"] == expected
    assert accepted.json()["duplicate_of"] == expected
    assert moved.json()["duplicate_of"] == expected


def test_the_question_list_costs_the_same_with_3_and_30_duplicates(
    world: Any, original: Entry, make_question: Any
) -> None:
    client = bearer(world.charlie)

    def close_many(n: int) -> None:
        for _ in range(n):
            duplicate = make_question(community=world.open, author=world.charlie)
            qa.close_as_duplicate(question=duplicate, original=original, by=world.bob)

    def count() -> int:
        client.get("/api/v1/questions?limit=100")  # warm up: the token's last use, caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/v1/questions?limit=100")
        assert response.status_code == 200
        return len(queries)

    close_many(3)
    few = count()
    close_many(27)
    many = count()
    assert few == many
