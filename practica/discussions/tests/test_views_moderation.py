"""Deleting questions and answers, and moving a question's thread, from the pages."""

from typing import Any

import pytest
from django.contrib.messages import get_messages

from conftest import join, make_user
from practica.accounts.models import User
from practica.communities.models import Community, Role
from practica.content.models import Entry
from practica.discussions import services as qa

pytestmark = pytest.mark.django_db


def message_texts(response: Any) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def fiona(world: Any) -> User:
    """A facilitator of pump-reliability only (host organisation)."""
    user = make_user(username="fiona", organisation=world.host, name="Fiona Facilitator")
    join(community=world.open, user=user, role=Role.FACILITATOR)
    return user


@pytest.fixture
def question(world: Any, make_question: Any) -> Entry:
    return make_question(
        community=world.open,
        author=world.charlie,
        title="Why does the mechanical seal fail early?",
        body="It fails within a week.",
    )


def fresh(entry: Entry) -> Entry:
    entry.refresh_from_db()
    return entry


# --- Deleting ----------------------------------------------------------------------------


def test_the_author_is_asked_to_confirm_before_deleting_their_answer(
    world: Any, question: Entry, make_answer: Any, client_for: Any
) -> None:
    answer = make_answer(question=question, author=world.dana, body="Check the flush plan.")
    response = client_for(world.dana).get(f"/e/{answer.pk}/delete/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Delete this answer?" in html
    assert "Check the flush plan." in html
    assert '<button type="submit" class="button--danger">Delete</button>' in html
    assert f'href="{question.get_absolute_url()}#entry-{answer.pk}">Cancel</a>' in html
    assert not fresh(answer).is_deleted


def test_the_author_deletes_their_own_answer_and_returns_to_the_question(
    world: Any, question: Entry, make_answer: Any, client_for: Any
) -> None:
    answer = make_answer(question=question, author=world.dana, body="Check the flush plan.")
    client = client_for(world.dana)
    response = client.post(f"/e/{answer.pk}/delete/")
    assert response.status_code == 302
    assert response["Location"] == question.get_absolute_url()
    assert "The answer is deleted." in message_texts(response)
    assert fresh(answer).is_deleted
    assert fresh(question).child_count == 0
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Check the flush plan." not in page
    assert f'id="entry-{answer.pk}"' not in page


def test_deleting_the_accepted_answer_withdraws_the_acceptance(
    world: Any, question: Entry, make_answer: Any, client_for: Any
) -> None:
    answer = make_answer(question=question, author=world.dana)
    qa.accept_answer(answer=answer, by=world.charlie)
    client_for(world.dana).post(f"/e/{answer.pk}/delete/")
    assert fresh(question).accepted_child_id is None


def test_a_facilitator_deletes_someone_elses_question(
    world: Any, fiona: User, question: Entry, client_for: Any
) -> None:
    count = Community.objects.get(pk=world.open.pk).question_count
    client = client_for(fiona)
    confirm = client.get(f"/e/{question.pk}/delete/")
    assert confirm.status_code == 200
    assert "Delete this question?" in confirm.content.decode()
    response = client.post(f"/e/{question.pk}/delete/")
    assert response.status_code == 302
    assert response["Location"] == "/c/pump-reliability/questions/"
    assert "The question is deleted." in message_texts(response)
    assert fresh(question).is_deleted
    assert Community.objects.get(pk=world.open.pk).question_count == count - 1


def test_a_deleted_question_answers_404_everywhere(
    world: Any, question: Entry, make_answer: Any, client_for: Any
) -> None:
    answer = make_answer(question=question, author=world.dana)
    client_for(world.charlie).post(f"/e/{question.pk}/delete/")
    client = client_for(world.bob)
    assert client.get(question.get_absolute_url()).status_code == 404
    assert client.get(f"/q/{question.pk}").status_code == 404
    assert client.get(f"/e/{question.pk}/delete/").status_code == 404
    assert client.get(f"/e/{answer.pk}/delete/").status_code == 404
    assert client.get(f"/e/{question.pk}/move/").status_code == 404
    listing = client.get("/c/pump-reliability/questions/").content.decode()
    assert question.title not in listing


def test_charlie_may_not_delete_bobs_answer_and_is_told_why(
    world: Any, question: Entry, make_answer: Any, client_for: Any
) -> None:
    answer = make_answer(question=question, author=world.bob)
    client = client_for(world.charlie)
    for response in (client.get(f"/e/{answer.pk}/delete/"), client.post(f"/e/{answer.pk}/delete/")):
        assert response.status_code == 403
        assert "Only the author or a facilitator may delete this." in response.content.decode()
    assert not fresh(answer).is_deleted


def test_the_question_page_offers_delete_only_to_the_author_and_facilitators(
    world: Any, fiona: User, question: Entry, make_answer: Any, client_for: Any
) -> None:
    answer = make_answer(question=question, author=world.bob)
    delete_question = f'href="/e/{question.pk}/delete/"'
    delete_answer = f'href="/e/{answer.pk}/delete/"'
    charlie = client_for(world.charlie).get(question.get_absolute_url()).content.decode()
    assert delete_question in charlie
    assert delete_answer not in charlie
    dana = client_for(world.dana).get(question.get_absolute_url()).content.decode()
    assert delete_question not in dana
    assert delete_answer not in dana
    moderator = client_for(fiona).get(question.get_absolute_url()).content.decode()
    assert delete_question in moderator
    assert delete_answer in moderator


# --- Moving ------------------------------------------------------------------------------


def test_the_move_page_lists_only_other_communities_the_mover_moderates(
    world: Any, question: Entry, client_for: Any
) -> None:
    response = client_for(world.bob).get(f"/e/{question.pk}/move/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<option value="change-practitioners">' in html
    assert '<option value="project-managers">' in html
    assert '<option value="pump-reliability">' not in html
    assert '<label for="id_community">Move to</label>' in html


def test_bob_moves_a_question_to_the_private_community_and_its_url_keeps_working_for_him(
    world: Any, question: Entry, make_answer: Any, client_for: Any
) -> None:
    answer = make_answer(question=question, author=world.dana)
    url = question.get_absolute_url()
    bob = client_for(world.bob)
    response = bob.post(f"/e/{question.pk}/move/", {"community": "change-practitioners"})
    assert response.status_code == 302
    assert response["Location"] == url
    assert message_texts(response) == [
        "The question is now in Change Practitioners; its address has not changed."
    ]
    assert fresh(question).community_id == world.private.pk
    assert fresh(answer).community_id == world.private.pk
    page = bob.get(url)
    assert page.status_code == 200
    assert 'href="/c/change-practitioners/"' in page.content.decode()
    assert client_for(world.charlie).get(url).status_code == 404
    assert client_for(world.dana).get(f"/e/{answer.pk}").status_code == 404


def test_moving_updates_both_communities_question_counts(
    world: Any, question: Entry, client_for: Any
) -> None:
    before = {c.slug: c.question_count for c in Community.objects.all()}
    client_for(world.bob).post(f"/e/{question.pk}/move/", {"community": "project-managers"})
    after = {c.slug: c.question_count for c in Community.objects.all()}
    assert after["pump-reliability"] == before["pump-reliability"] - 1
    assert after["project-managers"] == before["project-managers"] + 1


def test_the_move_link_shows_only_to_facilitators(
    world: Any, question: Entry, client_for: Any
) -> None:
    move = f'href="/e/{question.pk}/move/"'
    assert move in client_for(world.bob).get(question.get_absolute_url()).content.decode()
    assert move in client_for(world.alice).get(question.get_absolute_url()).content.decode()
    assert move not in client_for(world.charlie).get(question.get_absolute_url()).content.decode()


def test_a_member_who_does_not_moderate_gets_the_not_allowed_page(
    world: Any, question: Entry, client_for: Any
) -> None:
    client = client_for(world.charlie)
    get = client.get(f"/e/{question.pk}/move/")
    post = client.post(f"/e/{question.pk}/move/", {"community": "project-managers"})
    for response in (get, post):
        assert response.status_code == 403
        assert "Only facilitators of both communities may move this." in response.content.decode()
    assert fresh(question).community_id == world.open.pk


def test_a_facilitator_of_one_community_is_told_there_is_nowhere_to_move_it(
    world: Any, fiona: User, question: Entry, client_for: Any
) -> None:
    response = client_for(fiona).get(f"/e/{question.pk}/move/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "You do not facilitate or lead any other community" in html
    assert "<select" not in html


def test_a_community_the_mover_does_not_moderate_is_refused_on_the_form(
    world: Any, fiona: User, question: Entry, client_for: Any
) -> None:
    join(community=world.private, user=fiona, role=Role.FACILITATOR)
    join(community=world.request, user=fiona)  # a plain member there
    response = client_for(fiona).post(f"/e/{question.pk}/move/", {"community": "project-managers"})
    assert response.status_code == 422
    assert "Choose one of the communities you facilitate." in response.content.decode()
    assert fresh(question).community_id == world.open.pk


def test_moving_without_choosing_says_what_to_do(
    world: Any, question: Entry, client_for: Any
) -> None:
    response = client_for(world.bob).post(f"/e/{question.pk}/move/", {"community": ""})
    assert response.status_code == 422
    assert "Choose the community to move it to." in response.content.decode()


def test_answers_are_moved_with_their_question_not_alone(
    world: Any, question: Entry, make_answer: Any, client_for: Any
) -> None:
    answer = make_answer(question=question, author=world.dana)
    response = client_for(world.bob).get(f"/e/{answer.pk}/move/")
    assert response.status_code == 404


# --- Who reaches the pages ---------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_sign_in(question: Entry, client_for: Any) -> None:
    for url in (f"/e/{question.pk}/delete/", f"/e/{question.pk}/move/"):
        response = client_for(None).get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    ("persona", "community"), [("charlie", "private"), ("dana", "request"), ("dana", "private")]
)
def test_delete_and_move_answer_404_for_entries_the_persona_may_not_see(
    world: Any, make_question: Any, make_answer: Any, client_for: Any, persona: str, community: str
) -> None:
    question = make_question(community=getattr(world, community), author=world.bob)
    answer = make_answer(question=question, author=world.bob)
    client = client_for(getattr(world, persona))
    for url in (
        f"/e/{question.pk}/delete/",
        f"/e/{answer.pk}/delete/",
        f"/e/{question.pk}/move/",
    ):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"community": "pump-reliability"}).status_code == 404, url
    assert not fresh(question).is_deleted
    assert not fresh(answer).is_deleted
    assert fresh(question).community_id == getattr(world, community).pk


@pytest.mark.parametrize("persona", ["alice", "bob"])
def test_site_admins_and_leaders_reach_both_pages_in_the_private_community(
    world: Any, make_question: Any, client_for: Any, persona: str
) -> None:
    question = make_question(community=world.private, author=world.bob)
    client = client_for(getattr(world, persona))
    assert client.get(f"/e/{question.pk}/delete/").status_code == 200
    assert client.get(f"/e/{question.pk}/move/").status_code == 200
