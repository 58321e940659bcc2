from typing import Any

import pytest
from django.contrib.messages import get_messages

from practica.communities.models import Role
from practica.content import services as content
from practica.content.models import Comment, Entry
from practica.discussions import services as qa

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def message_texts(response: Any) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def question(world: Any, make_question: Any) -> Entry:
    return make_question(
        community=world.open,
        author=world.charlie,
        title="Why does the mechanical seal fail early?",
        body="It fails **within a week**.",
        topics=[world.topic],
    )


def test_question_page_shows_the_question_its_answers_and_the_forms(
    world: Any, question: Entry, make_answer: Any, client_for: Any
) -> None:
    answer = make_answer(question=question, author=world.bob, body="Check the flush plan.")
    content.add_comment(entry=answer, author=world.charlie, body="Which plan number?")
    response = client_for(world.charlie).get(question.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Why does the mechanical seal fail early?</h1>" in html
    assert "<strong>within a week</strong>" in html
    assert f'id="entry-{question.pk}"' in html
    assert f'id="entry-{answer.pk}"' in html
    assert "Check the flush plan." in html
    assert "Which plan number?" in html
    assert "Vibration analysis" in html
    assert "/members/charlie/" in html
    assert "/c/pump-reliability/" in html
    assert f'action="/q/{question.pk}/answer/"' in html
    assert f'action="/e/{answer.pk}/accept/"' in html


def test_own_post_has_no_vote_buttons_and_says_why(
    world: Any, question: Entry, client_for: Any
) -> None:
    html = client_for(world.charlie).get(question.get_absolute_url()).content.decode()
    assert f'action="/e/{question.pk}/vote/"' not in html
    assert "Your post" in html


def test_vote_buttons_show_the_viewers_vote_as_pressed(
    world: Any, question: Entry, client_for: Any
) -> None:
    content.vote(entry=question, user=world.bob, value=1)
    html = client_for(world.bob).get(question.get_absolute_url()).content.decode()
    assert 'name="value" value="1" aria-pressed="true"' in html
    assert 'name="value" value="-1" aria-pressed="false"' in html


def test_changed_title_redirects_the_old_slug_permanently(
    world: Any, question: Entry, client_for: Any
) -> None:
    old_url = question.get_absolute_url()
    content.edit_entry(
        entry=question, by=world.charlie, title="Seals fail within a week", body=question.body
    )
    question.refresh_from_db()
    client = client_for(world.bob)
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == question.get_absolute_url()
    assert client.get(question.get_absolute_url()).status_code == 200


def test_short_url_redirects_to_the_canonical_one(
    world: Any, question: Entry, client_for: Any
) -> None:
    response = client_for(world.bob).get(f"/q/{question.pk}")
    assert response.status_code == 301
    assert response["Location"] == question.get_absolute_url()


def test_moving_to_another_community_keeps_the_url(
    world: Any, question: Entry, client_for: Any
) -> None:
    url = question.get_absolute_url()
    Entry.objects.filter(pk=question.pk).update(community=world.request)
    assert client_for(world.bob).get(url).status_code == 200


def test_answers_show_the_accepted_one_first_then_by_score(
    world: Any, question: Entry, make_answer: Any, client_for: Any
) -> None:
    low = make_answer(question=question, author=world.bob, body="Low")
    high = make_answer(question=question, author=world.alice, body="High")
    accepted = make_answer(question=question, author=world.dana, body="Accepted")
    Entry.objects.filter(pk=high.pk).update(score=3)
    qa.accept_answer(answer=accepted, by=world.charlie)
    response = client_for(world.bob).get(question.get_absolute_url())
    order = [post.entry.pk for post in response.context["answer_posts"]]
    assert order == [accepted.pk, high.pk, low.pk]
    assert "Accepted answer" in response.content.decode()


def test_posting_an_answer_redirects_to_it(world: Any, question: Entry, client_for: Any) -> None:
    response = client_for(world.bob).post(
        f"/q/{question.pk}/answer/", {"body": "Check the seal faces for heat checking."}
    )
    answer = Entry.objects.get(kind="answer")
    assert response.status_code == 302
    assert response["Location"] == f"{question.get_absolute_url()}#entry-{answer.pk}"


def test_an_empty_answer_re_renders_the_page_with_the_message(
    world: Any, question: Entry, client_for: Any
) -> None:
    response = client_for(world.bob).post(f"/q/{question.pk}/answer/", {"body": "  "})
    assert response.status_code == 422
    assert "Write something in the body." in response.content.decode()
    assert "<h1>Why does the mechanical seal fail early?</h1>" in response.content.decode()


def test_an_answer_from_someone_who_may_not_post_is_refused_and_keeps_the_text(
    world: Any, make_question: Any, client_for: Any
) -> None:
    question = make_question(community=world.request, author=world.bob)
    world.request.memberships.filter(user=world.charlie).delete()
    response = client_for(world.charlie).post(
        f"/q/{question.pk}/answer/", {"body": "My helpful answer"}
    )
    assert response.status_code == 403
    assert "Join Project Managers to post in it." in response.content.decode()
    assert not Entry.objects.filter(kind="answer").exists()


def test_answering_with_htmx_returns_the_answers_fragment(
    world: Any, question: Entry, client_for: Any
) -> None:
    response = client_for(world.bob).post(
        f"/q/{question.pk}/answer/", {"body": "Check the flush."}, **HTMX
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="answers"')
    assert "Check the flush." in html
    assert "<html" not in html


def test_a_refused_htmx_answer_shows_its_error_in_the_fragment(
    world: Any, question: Entry, client_for: Any
) -> None:
    response = client_for(world.bob).post(f"/q/{question.pk}/answer/", {"body": ""}, **HTMX)
    assert response.status_code == 200
    assert "Write something in the body." in response.content.decode()


def test_commenting_adds_the_comment_and_redirects_to_the_post(
    world: Any, question: Entry, make_answer: Any, client_for: Any
) -> None:
    answer = make_answer(question=question, author=world.bob)
    response = client_for(world.charlie).post(f"/e/{answer.pk}/comment/", {"body": "Which grease?"})
    assert response.status_code == 302
    assert response["Location"] == f"{question.get_absolute_url()}#entry-{answer.pk}"
    assert Comment.objects.get().body == "Which grease?"


def test_an_empty_comment_re_renders_the_page_with_the_error_by_its_form(
    world: Any, question: Entry, client_for: Any
) -> None:
    response = client_for(world.bob).post(f"/e/{question.pk}/comment/", {"body": ""})
    assert response.status_code == 422
    html = response.content.decode()
    assert f'id="comment-error-{question.pk}"' in html
    assert "Write something in the body." in html


def test_a_too_long_comment_keeps_the_typed_text(
    world: Any, question: Entry, client_for: Any
) -> None:
    text = "Long " * 500
    response = client_for(world.bob).post(f"/e/{question.pk}/comment/", {"body": text})
    assert response.status_code == 422
    assert text.strip() in response.content.decode()
    assert not Comment.objects.exists()


def test_a_comment_from_someone_who_may_not_post_is_refused_with_the_reason(
    world: Any, make_question: Any, client_for: Any
) -> None:
    question = make_question(community=world.request, author=world.bob)
    world.request.memberships.filter(user=world.charlie).delete()
    response = client_for(world.charlie).post(
        f"/e/{question.pk}/comment/", {"body": "My helpful comment"}
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert "Join Project Managers to post in it." in html
    assert "My helpful comment" in html
    assert not Comment.objects.exists()


def test_commenting_with_htmx_returns_the_comments_fragment(
    world: Any, question: Entry, client_for: Any
) -> None:
    response = client_for(world.bob).post(
        f"/e/{question.pk}/comment/", {"body": "Good question"}, **HTMX
    )
    html = response.content.decode()
    assert html.lstrip().startswith(f'<div class="comments" id="comments-{question.pk}"')
    assert "Good question" in html


def test_the_asker_may_accept_an_answer(
    world: Any, question: Entry, make_answer: Any, client_for: Any
) -> None:
    answer = make_answer(question=question, author=world.bob)
    response = client_for(world.charlie).post(f"/e/{answer.pk}/accept/")
    assert response.status_code == 302
    assert response["Location"] == f"{question.get_absolute_url()}#entry-{answer.pk}"
    question.refresh_from_db()
    assert question.accepted_child_id == answer.pk


def test_a_facilitator_may_accept_an_answer(
    world: Any, question: Entry, make_answer: Any, client_for: Any
) -> None:
    answer = make_answer(question=question, author=world.dana)
    world.open.memberships.filter(user=world.bob).update(role=Role.FACILITATOR)
    client_for(world.bob).post(f"/e/{answer.pk}/accept/")
    question.refresh_from_db()
    assert question.accepted_child_id == answer.pk


def test_others_may_not_accept_and_are_told_why(
    world: Any, question: Entry, make_answer: Any, client_for: Any
) -> None:
    answer = make_answer(question=question, author=world.bob)
    response = client_for(world.dana).post(f"/e/{answer.pk}/accept/")
    assert response.status_code == 302
    assert message_texts(response) == ["Only the asker or a facilitator may accept an answer."]
    question.refresh_from_db()
    assert question.accepted_child_id is None
    html = client_for(world.dana).get(question.get_absolute_url()).content.decode()
    assert f'action="/e/{answer.pk}/accept/"' not in html


def test_accepting_with_htmx_returns_the_answers_fragment(
    world: Any, question: Entry, make_answer: Any, client_for: Any
) -> None:
    answer = make_answer(question=question, author=world.bob)
    response = client_for(world.charlie).post(f"/e/{answer.pk}/accept/", **HTMX)
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="answers"')
    assert "Accepted answer" in html


def test_accepting_a_question_is_404(world: Any, question: Entry, client_for: Any) -> None:
    assert client_for(world.charlie).post(f"/e/{question.pk}/accept/").status_code == 404


def test_post_endpoints_refuse_get(world: Any, question: Entry, client_for: Any) -> None:
    client = client_for(world.bob)
    for url in (f"/q/{question.pk}/answer/", f"/e/{question.pk}/comment/"):
        assert client.get(url).status_code == 405
