"""Deleting questions and answers, and moving a question, through the API."""

from typing import Any

import pytest
from django.test import Client

from conftest import join, make_user
from practica.accounts.models import User
from practica.accounts.services import create_token
from practica.communities.models import Community, Role
from practica.content.models import Entry
from practica.discussions import services as qa

pytestmark = pytest.mark.django_db

JSON = "application/json"
NOT_FOUND = {"detail": "Not found."}


def bearer(user: User) -> Client:
    _token, key = create_token(user=user, name="test")
    return Client(headers={"Authorization": f"Bearer {key}"})


def move(client: Client, question: Entry, community: str) -> Any:
    return client.post(
        f"/api/v1/questions/{question.pk}/move", {"community": community}, content_type=JSON
    )


def fresh(entry: Entry) -> Entry:
    entry.refresh_from_db()
    return entry


@pytest.fixture
def fiona(world: Any) -> User:
    """A facilitator of pump-reliability only (host organisation)."""
    user = make_user(username="fiona", organisation=world.host)
    join(community=world.open, user=user, role=Role.FACILITATOR)
    return user


@pytest.fixture
def question(world: Any, make_question: Any) -> Entry:
    return make_question(community=world.open, author=world.charlie)


# --- Deleting ----------------------------------------------------------------------------


def test_the_author_deletes_their_own_answer(world: Any, question: Entry, make_answer: Any) -> None:
    answer = make_answer(question=question, author=world.dana)
    client = bearer(world.dana)
    response = client.delete(f"/api/v1/answers/{answer.pk}")
    assert response.status_code == 204
    assert response.content == b""
    assert fresh(answer).is_deleted
    thread = client.get(f"/api/v1/questions/{question.pk}").json()
    assert thread["answers"] == []
    assert thread["answer_count"] == 0


def test_deleting_the_accepted_answer_withdraws_the_acceptance(
    world: Any, question: Entry, make_answer: Any
) -> None:
    answer = make_answer(question=question, author=world.dana)
    qa.accept_answer(answer=answer, by=world.charlie)
    assert bearer(world.dana).delete(f"/api/v1/answers/{answer.pk}").status_code == 204
    thread = bearer(world.charlie).get(f"/api/v1/questions/{question.pk}").json()
    assert thread["accepted_answer_id"] is None


def test_a_facilitator_deletes_someone_elses_question(
    world: Any, fiona: User, question: Entry
) -> None:
    count = Community.objects.get(pk=world.open.pk).question_count
    client = bearer(fiona)
    assert client.delete(f"/api/v1/questions/{question.pk}").status_code == 204
    assert fresh(question).is_deleted
    assert Community.objects.get(pk=world.open.pk).question_count == count - 1
    response = client.get(f"/api/v1/questions/{question.pk}")
    assert response.status_code == 404
    assert response.json() == NOT_FOUND
    listed = client.get("/api/v1/questions?community=pump-reliability").json()["items"]
    assert question.pk not in [item["id"] for item in listed]


def test_answers_of_a_deleted_question_are_gone_too(
    world: Any, question: Entry, make_answer: Any
) -> None:
    answer = make_answer(question=question, author=world.dana)
    assert bearer(world.charlie).delete(f"/api/v1/questions/{question.pk}").status_code == 204
    response = bearer(world.dana).delete(f"/api/v1/answers/{answer.pk}")
    assert response.status_code == 404
    assert response.json() == NOT_FOUND


def test_charlie_may_not_delete_bobs_answer_and_is_told_why(
    world: Any, question: Entry, make_answer: Any
) -> None:
    answer = make_answer(question=question, author=world.bob)
    response = bearer(world.charlie).delete(f"/api/v1/answers/{answer.pk}")
    assert response.status_code == 403
    assert response.json()["detail"] == "Only the author or a facilitator may delete this."
    assert not fresh(answer).is_deleted


def test_a_question_id_is_not_an_answer_id_and_the_other_way_round(
    world: Any, question: Entry, make_answer: Any
) -> None:
    answer = make_answer(question=question, author=world.charlie)
    client = bearer(world.charlie)
    assert client.delete(f"/api/v1/answers/{question.pk}").status_code == 404
    assert client.delete(f"/api/v1/questions/{answer.pk}").status_code == 404
    assert (
        client.post(
            f"/api/v1/questions/{answer.pk}/move", {"community": "x"}, content_type=JSON
        ).status_code
        == 404
    )
    assert not fresh(question).is_deleted
    assert not fresh(answer).is_deleted


# --- Moving ------------------------------------------------------------------------------


def test_bob_moves_a_question_and_its_url_stays_the_same(
    world: Any, question: Entry, make_answer: Any
) -> None:
    answer = make_answer(question=question, author=world.dana)
    url = question.get_absolute_url()
    response = move(bearer(world.bob), question, "change-practitioners")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == question.pk
    assert body["kind"] == "question"
    assert body["url"] == url
    assert body["community"] == "change-practitioners"
    assert fresh(answer).community_id == world.private.pk
    assert bearer(world.bob).get(f"/api/v1/questions/{question.pk}").status_code == 200
    hidden = bearer(world.charlie).get(f"/api/v1/questions/{question.pk}")
    assert hidden.status_code == 404
    assert hidden.json() == NOT_FOUND


def test_moving_to_an_unknown_or_invisible_community_answers_404(
    world: Any, fiona: User, question: Entry
) -> None:
    assert move(bearer(world.bob), question, "no-such-community").json() == NOT_FOUND
    response = move(bearer(fiona), question, "change-practitioners")
    assert response.status_code == 404
    assert response.json() == NOT_FOUND
    assert fresh(question).community_id == world.open.pk


def test_moving_needs_a_facilitator_of_both_communities(
    world: Any, fiona: User, question: Entry
) -> None:
    # fiona facilitates pump-reliability but may only read project-managers.
    response = move(bearer(fiona), question, "project-managers")
    assert response.status_code == 403
    assert response.json()["detail"] == "Only facilitators of both communities may move this."
    # charlie is a plain member of both.
    assert move(bearer(world.charlie), question, "project-managers").status_code == 403
    assert fresh(question).community_id == world.open.pk


def test_moving_needs_a_community(world: Any, question: Entry) -> None:
    response = bearer(world.bob).post(
        f"/api/v1/questions/{question.pk}/move", {}, content_type=JSON
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "community"


# --- Who reaches them --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "community"), [("charlie", "private"), ("dana", "request"), ("dana", "private")]
)
def test_entries_the_caller_may_not_see_answer_404(
    world: Any, make_question: Any, make_answer: Any, persona: str, community: str
) -> None:
    question = make_question(community=getattr(world, community), author=world.bob)
    answer = make_answer(question=question, author=world.bob)
    client = bearer(getattr(world, persona))
    for response in (
        client.delete(f"/api/v1/answers/{answer.pk}"),
        client.delete(f"/api/v1/questions/{question.pk}"),
        move(client, question, "pump-reliability"),
    ):
        assert response.status_code == 404
        assert response.json() == NOT_FOUND
    assert not fresh(question).is_deleted
    assert not fresh(answer).is_deleted
    assert fresh(question).community_id == getattr(world, community).pk


def test_anonymous_callers_get_401(question: Entry) -> None:
    client = Client()
    assert client.delete(f"/api/v1/questions/{question.pk}").status_code == 401
    assert move(client, question, "project-managers").status_code == 401


def test_the_browser_session_must_pass_the_csrf_check(world: Any, question: Entry) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.charlie)
    assert client.delete(f"/api/v1/questions/{question.pk}").status_code == 403
    assert not fresh(question).is_deleted


def test_deleting_and_moving_count_against_the_api_rate_only(
    world: Any, settings: Any, make_question: Any
) -> None:
    settings.RATELIMIT_ENABLE = True
    settings.API_RATE = "100/m"
    settings.POST_RATE = "1/m"
    client = bearer(world.bob)
    questions = [make_question(community=world.open, author=world.bob) for _ in range(3)]
    assert [move(client, q, "project-managers").status_code for q in questions] == [200] * 3
    deleted = [client.delete(f"/api/v1/questions/{q.pk}").status_code for q in questions]
    assert deleted == [204] * 3


def test_the_api_rate_still_applies(world: Any, settings: Any, question: Entry) -> None:
    settings.RATELIMIT_ENABLE = True
    settings.API_RATE = "1/m"
    client = bearer(world.charlie)
    assert client.get("/api/v1/me").status_code == 200
    response = client.delete(f"/api/v1/questions/{question.pk}")
    assert response.status_code == 429
    assert not fresh(question).is_deleted


def test_the_new_operations_are_documented() -> None:
    paths = Client().get("/api/v1/openapi.json").json()["paths"]
    assert "delete" in paths["/api/v1/questions/{question_id}"]
    assert "delete" in paths["/api/v1/answers/{answer_id}"]
    assert "post" in paths["/api/v1/questions/{question_id}/move"]
