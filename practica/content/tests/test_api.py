"""Comments and votes in the API, on any kind of entry."""

from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from practica.accounts.models import User
from practica.accounts.services import create_token
from practica.content.models import Comment, Entry, Vote
from practica.content.services import add_comment

JSON = "application/json"


def bearer(user: User) -> Client:
    _token, key = create_token(user=user, name="test")
    return Client(headers={"Authorization": f"Bearer {key}"})


# --- Comments ------------------------------------------------------------------------------


def test_commenting_answers_201_with_the_comment(world: Any, make_question: Any) -> None:
    question = make_question(community=world.open, author=world.charlie)
    response = bearer(world.dana).post(
        f"/api/v1/entries/{question.pk}/comments",
        {"body": "Which seal type, @charlie?"},
        content_type=JSON,
    )
    assert response.status_code == 201
    comment = response.json()
    assert comment["entry_id"] == question.pk
    assert comment["author"]["username"] == "dana"
    assert comment["body"] == "Which seal type, @charlie?"
    assert Entry.objects.get(pk=question.pk).comment_count == 1


def test_answers_take_comments_too(world: Any, make_question: Any, make_answer: Any) -> None:
    answer = make_answer(
        question=make_question(community=world.open, author=world.bob), author=world.charlie
    )
    response = bearer(world.bob).post(
        f"/api/v1/entries/{answer.pk}/comments", {"body": "Good point."}, content_type=JSON
    )
    assert response.status_code == 201


def test_an_empty_or_overlong_comment_is_422(world: Any, make_question: Any) -> None:
    question = make_question(community=world.open, author=world.charlie)
    client = bearer(world.bob)
    for body in ["   ", "x" * 2001]:
        response = client.post(
            f"/api/v1/entries/{question.pk}/comments", {"body": body}, content_type=JSON
        )
        assert response.status_code == 422
        assert response.json()["field"] == "body"


def test_comments_list_oldest_first_and_page_without_duplicates(
    world: Any, make_question: Any
) -> None:
    question = make_question(community=world.open, author=world.charlie)
    made = [add_comment(entry=question, author=world.bob, body=f"Comment {n}").pk for n in range(5)]
    client = bearer(world.dana)
    seen: list[int] = []
    url = f"/api/v1/entries/{question.pk}/comments?limit=2"
    while url:
        page = client.get(url).json()
        seen.extend(c["id"] for c in page["items"])
        url = (
            f"/api/v1/entries/{question.pk}/comments?limit=2&cursor={page['next']}"
            if page["next"]
            else ""
        )
    assert seen == made


def test_deleted_comments_are_not_listed(world: Any, make_question: Any) -> None:
    question = make_question(community=world.open, author=world.charlie)
    comment = add_comment(entry=question, author=world.bob, body="Oops")
    Comment.objects.filter(pk=comment.pk).update(is_deleted=True)
    page = bearer(world.bob).get(f"/api/v1/entries/{question.pk}/comments").json()
    assert page["items"] == []


def test_comment_list_query_count_does_not_grow(world: Any, make_question: Any) -> None:
    question = make_question(community=world.open, author=world.charlie)
    authors = [world.bob, world.dana, world.charlie]

    def add(count: int) -> None:
        for n in range(count):
            add_comment(entry=question, author=authors[n % 3], body=f"Comment {n}")

    client = bearer(world.bob)
    add(3)
    client.get(f"/api/v1/entries/{question.pk}/comments")
    with CaptureQueriesContext(connection) as few:
        client.get(f"/api/v1/entries/{question.pk}/comments?limit=100")
    add(27)
    with CaptureQueriesContext(connection) as many:
        page = client.get(f"/api/v1/entries/{question.pk}/comments?limit=100").json()
    assert len(page["items"]) == 30
    assert len(few) == len(many)


# --- Votes ---------------------------------------------------------------------------------


def test_voting_up_down_and_back(world: Any, make_question: Any) -> None:
    question = make_question(community=world.open, author=world.charlie)
    client = bearer(world.dana)
    url = f"/api/v1/entries/{question.pk}/vote"
    assert client.post(url, {"value": 1}, content_type=JSON).json() == {"score": 1, "my_vote": 1}
    assert client.post(url, {"value": -1}, content_type=JSON).json() == {
        "score": -1,
        "my_vote": -1,
    }
    assert client.post(url, {"value": 0}, content_type=JSON).json() == {"score": 0, "my_vote": 0}
    assert not Vote.objects.exists()


def test_voting_on_your_own_post_is_403_with_a_reason(world: Any, make_question: Any) -> None:
    question = make_question(community=world.open, author=world.charlie)
    response = bearer(world.charlie).post(
        f"/api/v1/entries/{question.pk}/vote", {"value": 1}, content_type=JSON
    )
    assert response.status_code == 403
    assert response.json()["detail"] == "You cannot vote on your own post."


def test_a_vote_other_than_1_minus_1_or_0_is_422(world: Any, make_question: Any) -> None:
    question = make_question(community=world.open, author=world.charlie)
    response = bearer(world.bob).post(
        f"/api/v1/entries/{question.pk}/vote", {"value": 2}, content_type=JSON
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "value"


def test_an_unknown_entry_is_404(world: Any) -> None:
    client = bearer(world.bob)
    assert client.get("/api/v1/entries/999999/comments").status_code == 404
    response = client.post("/api/v1/entries/999999/vote", {"value": 1}, content_type=JSON)
    assert response.status_code == 404
