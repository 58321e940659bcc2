"""Q&A in the API: listing, asking, reading, editing, answering and accepting."""

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from practica.accounts.models import User
from practica.accounts.services import create_token
from practica.content.models import Entry, Revision
from practica.content.services import add_comment, vote
from practica.taxonomy.models import Topic

JSON = "application/json"
ENTRY_FIELDS = {
    "id", "kind", "url", "community", "author", "body", "body_html", "topics", "score",
    "comment_count", "my_vote", "created_at", "edited_at", "last_activity_at", "source",
    "license", "attribution",
}  # fmt: skip


def bearer(user: User) -> Client:
    _token, key = create_token(user=user, name="test")
    return Client(headers={"Authorization": f"Bearer {key}"})


def ids(response: Any) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


# --- Listing -------------------------------------------------------------------------------


def test_questions_list_in_a_community_newest_first(world: Any, make_question: Any) -> None:
    first = make_question(community=world.open, author=world.charlie)
    second = make_question(community=world.open, author=world.dana)
    make_question(community=world.request, author=world.bob)
    response = bearer(world.dana).get("/api/v1/questions?community=pump-reliability")
    assert ids(response) == [second.pk, first.pk]
    item = response.json()["items"][0]
    assert ENTRY_FIELDS | {"title", "answer_count", "accepted_answer_id"} <= set(item)
    assert item["kind"] == "question"
    assert item["url"] == f"/q/{second.pk}-{second.slug}"
    assert item["community"] == "pump-reliability"
    assert item["author"] == {"username": "dana", "name": "Dana"}


def test_questions_of_every_visible_community_without_a_filter(
    world: Any, make_question: Any
) -> None:
    open_q = make_question(community=world.open, author=world.bob)
    request_q = make_question(community=world.request, author=world.bob)
    private_q = make_question(community=world.private, author=world.bob)
    assert set(ids(bearer(world.bob).get("/api/v1/questions"))) == {
        open_q.pk,
        request_q.pk,
        private_q.pk,
    }
    assert set(ids(bearer(world.charlie).get("/api/v1/questions"))) == {open_q.pk, request_q.pk}
    assert set(ids(bearer(world.dana).get("/api/v1/questions"))) == {open_q.pk}


def test_questions_sort_by_top_active_and_unanswered(
    world: Any, make_question: Any, make_answer: Any
) -> None:
    low = make_question(community=world.open, author=world.charlie)
    high = make_question(community=world.open, author=world.charlie)
    vote(entry=high, user=world.bob, value=1)
    make_answer(question=low, author=world.bob)
    client = bearer(world.bob)
    assert ids(client.get("/api/v1/questions?sort=top")) == [high.pk, low.pk]
    assert ids(client.get("/api/v1/questions?sort=active")) == [low.pk, high.pk]
    assert ids(client.get("/api/v1/questions?sort=unanswered")) == [high.pk]


def test_questions_filter_by_topic(world: Any, make_question: Any) -> None:
    tagged = make_question(community=world.open, author=world.bob, topics=[world.topic])
    make_question(community=world.open, author=world.bob)
    assert ids(bearer(world.bob).get("/api/v1/questions?topic=vibration-analysis")) == [tagged.pk]


@pytest.mark.parametrize(
    "query", ["sort=loudest", "topic=astrology", "cursor=%%%", "cursor=WzFd", "limit=x"]
)
def test_bad_list_parameters_are_400_with_a_reason(world: Any, query: str) -> None:
    response = bearer(world.bob).get(f"/api/v1/questions?{query}")
    assert response.status_code == 400
    assert response.json()["detail"]


def test_an_unknown_community_is_404(world: Any) -> None:
    response = bearer(world.bob).get("/api/v1/questions?community=no-such-community")
    assert response.status_code == 404


def test_a_large_limit_is_capped_at_100_not_rejected(world: Any, make_question: Any) -> None:
    for _ in range(101):
        make_question(community=world.open, author=world.charlie)
    response = bearer(world.bob).get("/api/v1/questions?limit=1000")
    assert response.status_code == 200
    assert len(response.json()["items"]) == 100
    assert response.json()["next"]


@pytest.mark.parametrize("limit", ["0", "-5"])
def test_a_nonsense_limit_falls_back_to_the_default(
    world: Any, make_question: Any, limit: str
) -> None:
    for _ in range(21):
        make_question(community=world.open, author=world.charlie)
    assert len(ids(bearer(world.bob).get(f"/api/v1/questions?limit={limit}"))) == 20


@pytest.mark.parametrize("sort", ["newest", "active", "unanswered", "top"])
def test_the_cursor_walks_through_every_question_once(
    world: Any, make_question: Any, sort: str
) -> None:
    made = []
    for n in range(11):
        question = make_question(community=world.open, author=world.charlie)
        if n % 3 == 0:
            vote(entry=question, user=world.bob, value=1)  # ties in score test the cursor
        made.append(question.pk)
    client = bearer(world.bob)
    seen: list[int] = []
    url = f"/api/v1/questions?sort={sort}&limit=4"
    pages = 0
    while url:
        response = client.get(url)
        seen.extend(ids(response))
        pages += 1
        next_cursor = response.json()["next"]
        url = f"/api/v1/questions?sort={sort}&limit=4&cursor={next_cursor}" if next_cursor else ""
    assert len(seen) == len(set(seen)) == 11
    assert set(seen) == set(made)
    assert pages == 3


def test_question_list_query_count_does_not_grow(
    world: Any, make_question: Any, make_answer: Any
) -> None:
    other = Topic.objects.create(name="Seals", slug="seals")

    def add(count: int) -> None:
        for n in range(count):
            question = make_question(
                community=world.open if n % 2 else world.request,
                author=world.charlie,
                topics=[world.topic, other],
            )
            vote(entry=question, user=world.bob, value=1)
            make_answer(question=question, author=world.bob)

    client = bearer(world.bob)
    add(3)
    client.get("/api/v1/questions")
    with CaptureQueriesContext(connection) as few:
        assert len(ids(client.get("/api/v1/questions?limit=100"))) == 3
    add(27)
    with CaptureQueriesContext(connection) as many:
        assert len(ids(client.get("/api/v1/questions?limit=100"))) == 30
    assert len(few) == len(many)


# --- Asking --------------------------------------------------------------------------------


def ask(client: Client, **fields: Any) -> Any:
    body = {
        "community": "pump-reliability",
        "title": "Why does the seal fail after a rebuild?",
        "body": "We replaced the **seal** twice this month.",
        **fields,
    }
    return client.post("/api/v1/questions", body, content_type=JSON)


def test_asking_a_question_answers_201_with_the_question(world: Any) -> None:
    response = ask(bearer(world.dana), topics=["vibration-analysis"])
    assert response.status_code == 201
    question = response.json()
    entry = Entry.objects.get(pk=question["id"])
    assert question["kind"] == "question"
    assert question["title"] == "Why does the seal fail after a rebuild?"
    assert question["url"] == entry.get_absolute_url()
    assert question["url"].startswith(f"/q/{entry.pk}-why-does-the-seal")
    assert question["topics"] == ["vibration-analysis"]
    assert "<strong>seal</strong>" in question["body_html"]
    assert question["author"]["username"] == "dana"
    assert question["answer_count"] == 0
    assert question["accepted_answer_id"] is None


def test_a_question_without_a_title_is_422_with_a_reason(world: Any) -> None:
    response = bearer(world.bob).post(
        "/api/v1/questions", {"community": "pump-reliability", "body": "x"}, content_type=JSON
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "title"


@pytest.mark.parametrize(
    ("fields", "field"), [({"title": "Short"}, "title"), ({"body": " "}, "body")]
)
def test_a_question_the_service_refuses_is_422_naming_the_field(
    world: Any, fields: dict[str, str], field: str
) -> None:
    response = ask(bearer(world.bob), **fields)
    assert response.status_code == 422
    assert response.json()["field"] == field


def test_an_unknown_topic_is_422_naming_it(world: Any) -> None:
    response = ask(bearer(world.bob), topics=["vibration-analysis", "astrology"])
    assert response.status_code == 422
    assert "astrology" in response.json()["detail"]
    assert response.json()["field"] == "topics"
    assert not Entry.objects.exists()


def test_asking_where_the_caller_may_not_see_is_404(world: Any) -> None:
    assert ask(bearer(world.charlie), community="change-practitioners").status_code == 404
    assert ask(bearer(world.dana), community="project-managers").status_code == 404


def test_asking_where_the_caller_may_see_but_not_post_is_403(world: Any) -> None:
    # Alice sees every community; an administrator may post anywhere, so use a host member
    # who has not joined the on-request community.
    charlie_left = bearer(world.charlie)
    charlie_left.post("/api/v1/communities/project-managers/leave")
    response = ask(charlie_left, community="project-managers")
    assert response.status_code == 403
    assert response.json()["detail"]


# --- Reading a thread ----------------------------------------------------------------------


def test_a_question_answers_with_its_answers_and_comments(
    world: Any, make_question: Any, make_answer: Any
) -> None:
    question = make_question(community=world.open, author=world.charlie)
    answer = make_answer(question=question, author=world.bob)
    add_comment(entry=question, author=world.dana, body="Which seal type?")
    add_comment(entry=answer, author=world.charlie, body="Thanks, checking.")
    vote(entry=answer, user=world.dana, value=1)
    response = bearer(world.dana).get(f"/api/v1/questions/{question.pk}")
    assert response.status_code == 200
    thread = response.json()
    assert thread["id"] == question.pk
    assert thread["answer_count"] == 1
    assert [c["body"] for c in thread["comments"]] == ["Which seal type?"]
    [shown] = thread["answers"]
    assert shown["id"] == answer.pk
    assert shown["kind"] == "answer"
    assert shown["url"] == f"/e/{answer.pk}"
    assert shown["question_id"] == question.pk
    assert shown["is_accepted"] is False
    assert shown["my_vote"] == 1
    assert shown["score"] == 1
    assert "title" not in shown
    assert [c["author"]["username"] for c in shown["comments"]] == ["charlie"]


def test_an_answer_id_is_not_a_question(world: Any, make_question: Any, make_answer: Any) -> None:
    answer = make_answer(
        question=make_question(community=world.open, author=world.bob), author=world.charlie
    )
    assert bearer(world.bob).get(f"/api/v1/questions/{answer.pk}").status_code == 404


def test_an_imported_question_carries_its_source_licence_and_attribution(
    world: Any, make_question: Any
) -> None:
    question = make_question(community=world.open, author=world.bob)
    Entry.objects.filter(pk=question.pk).update(
        source="stackexchange", license="CC BY-SA 4.0", attribution="Asked by J. Doe"
    )
    shown = bearer(world.bob).get(f"/api/v1/questions/{question.pk}").json()
    assert (shown["source"], shown["license"], shown["attribution"]) == (
        "stackexchange",
        "CC BY-SA 4.0",
        "Asked by J. Doe",
    )


def test_question_detail_query_count_does_not_grow(
    world: Any, make_question: Any, make_answer: Any
) -> None:
    question = make_question(community=world.open, author=world.charlie, topics=[world.topic])

    def add(count: int) -> None:
        for _ in range(count):
            answer = make_answer(question=question, author=world.bob)
            add_comment(entry=answer, author=world.charlie, body="A comment")
            add_comment(entry=question, author=world.dana, body="Another comment")
            vote(entry=answer, user=world.charlie, value=1)

    client = bearer(world.charlie)
    add(3)
    client.get(f"/api/v1/questions/{question.pk}")
    with CaptureQueriesContext(connection) as few:
        client.get(f"/api/v1/questions/{question.pk}")
    add(27)
    with CaptureQueriesContext(connection) as many:
        thread = client.get(f"/api/v1/questions/{question.pk}").json()
    assert len(thread["answers"]) == 30
    assert len(few) == len(many)


# --- Editing -------------------------------------------------------------------------------


def test_the_asker_edits_title_body_and_topics_keeping_a_revision(
    world: Any, make_question: Any
) -> None:
    question = make_question(community=world.open, author=world.charlie)
    response = bearer(world.charlie).patch(
        f"/api/v1/questions/{question.pk}",
        {
            "title": "Why does the pump seal fail after a rebuild?",
            "topics": ["vibration-analysis"],
            "summary": "Clearer title",
        },
        content_type=JSON,
    )
    assert response.status_code == 200
    edited = response.json()
    assert edited["title"] == "Why does the pump seal fail after a rebuild?"
    assert edited["topics"] == ["vibration-analysis"]
    assert edited["body"] == question.body
    assert edited["edited_at"] is not None
    assert edited["url"].endswith("why-does-the-pump-seal-fail-after-a-rebuild")
    assert Revision.objects.filter(entry=question).count() == 2
    assert Revision.objects.get(entry=question, number=2).summary == "Clearer title"


def test_someone_else_may_not_edit_a_question(world: Any, make_question: Any) -> None:
    question = make_question(community=world.open, author=world.bob)
    response = bearer(world.dana).patch(
        f"/api/v1/questions/{question.pk}", {"body": "Mine now"}, content_type=JSON
    )
    assert response.status_code == 403
    assert response.json()["detail"]


def test_an_edit_to_an_empty_body_is_422(world: Any, make_question: Any) -> None:
    question = make_question(community=world.open, author=world.charlie)
    response = bearer(world.charlie).patch(
        f"/api/v1/questions/{question.pk}", {"body": ""}, content_type=JSON
    )
    assert response.status_code == 422
    assert response.json()["field"] == "body"


def test_the_author_edits_an_answer(world: Any, make_question: Any, make_answer: Any) -> None:
    answer = make_answer(
        question=make_question(community=world.open, author=world.bob), author=world.dana
    )
    response = bearer(world.dana).patch(
        f"/api/v1/answers/{answer.pk}",
        {"body": "Check the alignment with a laser."},
        content_type=JSON,
    )
    assert response.status_code == 200
    assert response.json()["body"] == "Check the alignment with a laser."
    assert response.json()["kind"] == "answer"


# --- Answers -------------------------------------------------------------------------------


def test_answering_answers_201_with_the_answer_and_its_id(world: Any, make_question: Any) -> None:
    question = make_question(community=world.open, author=world.charlie)
    response = bearer(world.dana).post(
        f"/api/v1/questions/{question.pk}/answers",
        {"body": "Check the shaft alignment."},
        content_type=JSON,
    )
    assert response.status_code == 201
    answer = response.json()
    assert Entry.objects.get(pk=answer["id"]).parent_id == question.pk
    assert answer["kind"] == "answer"
    assert answer["question_id"] == question.pk
    assert answer["url"] == f"/e/{answer['id']}"
    assert Entry.objects.get(pk=question.pk).child_count == 1


def test_an_empty_answer_is_422(world: Any, make_question: Any) -> None:
    question = make_question(community=world.open, author=world.charlie)
    response = bearer(world.bob).post(
        f"/api/v1/questions/{question.pk}/answers", {"body": "  "}, content_type=JSON
    )
    assert response.status_code == 422
    assert response.json()["field"] == "body"


def test_answers_list_best_first(world: Any, make_question: Any, make_answer: Any) -> None:
    question = make_question(community=world.open, author=world.charlie)
    plain = make_answer(question=question, author=world.bob)
    liked = make_answer(question=question, author=world.dana)
    vote(entry=liked, user=world.charlie, value=1)
    response = bearer(world.charlie).get(f"/api/v1/questions/{question.pk}/answers")
    assert ids(response) == [liked.pk, plain.pk]
    assert response.json()["items"][0]["my_vote"] == 1


def test_answers_page_through_without_duplicates(
    world: Any, make_question: Any, make_answer: Any
) -> None:
    question = make_question(community=world.open, author=world.charlie)
    for n in range(7):
        answer = make_answer(question=question, author=world.bob)
        if n % 2:
            vote(entry=answer, user=world.charlie, value=1)
    client = bearer(world.dana)
    seen: list[int] = []
    url = f"/api/v1/questions/{question.pk}/answers?limit=2"
    while url:
        response = client.get(url)
        seen.extend(ids(response))
        cursor = response.json()["next"]
        url = f"/api/v1/questions/{question.pk}/answers?limit=2&cursor={cursor}" if cursor else ""
    assert len(seen) == len(set(seen)) == 7


def test_answer_list_query_count_does_not_grow(
    world: Any, make_question: Any, make_answer: Any
) -> None:
    question = make_question(community=world.open, author=world.charlie)

    def add(count: int) -> None:
        for _ in range(count):
            vote(
                entry=make_answer(question=question, author=world.bob), user=world.charlie, value=1
            )

    client = bearer(world.charlie)
    add(3)
    client.get(f"/api/v1/questions/{question.pk}/answers")
    with CaptureQueriesContext(connection) as few:
        client.get(f"/api/v1/questions/{question.pk}/answers?limit=100")
    add(27)
    with CaptureQueriesContext(connection) as many:
        assert len(ids(client.get(f"/api/v1/questions/{question.pk}/answers?limit=100"))) == 30
    assert len(few) == len(many)


# --- Accepting -----------------------------------------------------------------------------


def test_the_asker_accepts_an_answer(world: Any, make_question: Any, make_answer: Any) -> None:
    question = make_question(community=world.open, author=world.dana)
    answer = make_answer(question=question, author=world.charlie)
    response = bearer(world.dana).post(f"/api/v1/answers/{answer.pk}/accept")
    assert response.status_code == 200
    assert response.json()["id"] == question.pk
    assert response.json()["accepted_answer_id"] == answer.pk
    thread = bearer(world.dana).get(f"/api/v1/questions/{question.pk}").json()
    assert thread["answers"][0]["is_accepted"] is True


def test_someone_else_may_not_accept(world: Any, make_question: Any, make_answer: Any) -> None:
    question = make_question(community=world.open, author=world.dana)
    answer = make_answer(question=question, author=world.bob)
    response = bearer(world.charlie).post(f"/api/v1/answers/{answer.pk}/accept")
    assert response.status_code == 403
    assert response.json()["detail"]


def test_a_question_id_cannot_be_accepted(world: Any, make_question: Any) -> None:
    question = make_question(community=world.open, author=world.dana)
    assert bearer(world.dana).post(f"/api/v1/answers/{question.pk}/accept").status_code == 404
