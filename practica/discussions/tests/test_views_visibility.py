"""Every Q&A page walked as anonymous, alice, bob, charlie and dana."""

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from practica.content import services as content
from practica.content.models import Comment, Entry, Vote

pytestmark = pytest.mark.django_db


@pytest.fixture
def threads(world: Any, make_question: Any, make_answer: Any) -> dict[str, dict[str, Any]]:
    """A question with an answer and an attachment in each community."""
    made = {}
    for name, community in (
        ("open", world.open),
        ("request", world.request),
        ("private", world.private),
    ):
        question = make_question(
            community=community, author=world.bob, title=f"A question in the {name} community"
        )
        answer = make_answer(question=question, author=world.alice)
        upload = SimpleUploadedFile(f"{name}.txt", b"notes", content_type="text/plain")
        attachment = content.attach(entry=question, uploader=world.bob, upload=upload)
        made[name] = {"question": question, "answer": answer, "attachment": attachment}
    return made


def read_urls(thread: dict[str, Any]) -> list[str]:
    question, answer, attachment = thread["question"], thread["answer"], thread["attachment"]
    return [
        question.get_absolute_url(),
        f"/q/{question.pk}",
        f"/e/{question.pk}",
        f"/e/{answer.pk}",
        f"/e/{question.pk}/history/",
        f"/e/{answer.pk}/history/",
        f"/e/{question.pk}/edit/",
        f"/attachments/{attachment.pk}/{attachment.filename}",
        f"/c/{question.community.slug}/questions/",
        f"/c/{question.community.slug}/ask/",
    ]


def write_requests(thread: dict[str, Any]) -> list[tuple[str, dict[str, str]]]:
    question, answer = thread["question"], thread["answer"]
    return [
        (f"/e/{answer.pk}/vote/", {"value": "1"}),
        (f"/e/{question.pk}/comment/", {"body": "A comment"}),
        (f"/q/{question.pk}/answer/", {"body": "An answer"}),
        (f"/e/{answer.pk}/accept/", {}),
        (f"/e/{question.pk}/follow/", {}),
        (f"/e/{question.pk}/edit/", {"title": "An edited title here", "body": "Edited"}),
    ]


def test_anonymous_visitors_are_sent_to_sign_in(threads: Any, client_for: Any) -> None:
    client = client_for(None)
    urls = ["/questions/", "/notifications/", *read_urls(threads["open"])]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/"), url
    for url, data in write_requests(threads["open"]):
        assert client.post(url, data)["Location"].startswith("/accounts/login/"), url


def test_charlie_gets_404_for_everything_in_the_private_community(
    world: Any, threads: Any, client_for: Any
) -> None:
    client = client_for(world.charlie)
    for url in read_urls(threads["private"]):
        assert client.get(url).status_code == 404, url
    for url, data in write_requests(threads["private"]):
        assert client.post(url, data).status_code == 404, url
    assert not Vote.objects.exists()
    assert not Comment.objects.exists()
    assert Entry.objects.filter(community=world.private).count() == 2


def test_dana_gets_404_for_project_managers_and_private_questions(
    world: Any, threads: Any, client_for: Any
) -> None:
    client = client_for(world.dana)
    for name in ("request", "private"):
        for url in read_urls(threads[name]):
            assert client.get(url).status_code == 404, url
        for url, data in write_requests(threads[name]):
            assert client.post(url, data).status_code == 404, url


def test_dana_sees_the_community_that_admits_partners(
    world: Any, threads: Any, client_for: Any
) -> None:
    client = client_for(world.dana)
    question = threads["open"]["question"]
    assert client.get(question.get_absolute_url()).status_code == 200
    assert client.get(f"/e/{question.pk}/history/").status_code == 200
    assert client.get("/c/pump-reliability/questions/").status_code == 200


@pytest.mark.parametrize("persona", ["alice", "bob"])
def test_alice_and_bob_see_every_question_page(
    world: Any, threads: Any, client_for: Any, persona: str
) -> None:
    client = client_for(getattr(world, persona))
    for thread in threads.values():
        for url in read_urls(thread):
            response = client.get(url)
            assert response.status_code in (200, 301, 302), url
            if response.status_code == 302:
                assert not response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    ("persona", "visible"),
    [
        ("alice", {"open", "request", "private"}),
        ("bob", {"open", "request", "private"}),
        ("charlie", {"open", "request"}),
        ("dana", {"open"}),
    ],
)
def test_question_list_shows_only_what_each_persona_may_see(
    world: Any, threads: Any, client_for: Any, persona: str, visible: set[str]
) -> None:
    response = client_for(getattr(world, persona)).get("/questions/")
    listed = {q.pk for q in response.context["page"].items}
    assert listed == {threads[name]["question"].pk for name in visible}
    html = response.content.decode()
    for name in {"open", "request", "private"} - visible:
        assert f"A question in the {name} community" not in html
