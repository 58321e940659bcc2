"""Closing a question as a duplicate from its page, the banner, the list of duplicates,
reopening, and the mark in question lists."""

from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practica.accounts.models import User
from practica.content.models import Entry
from practica.discussions import services as qa

pytestmark = pytest.mark.django_db

BANNER = "This question has been asked before:"


def message_texts(response: Any) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def fresh(entry: Entry) -> Entry:
    entry.refresh_from_db()
    return entry


@pytest.fixture
def original(world: Any, make_question: Any) -> Entry:
    return make_question(
        community=world.open,
        author=world.dana,
        title="Why does the mechanical seal on our booster pump fail early?",
        body="The booster pump seal fails after a few days of running.",
    )


@pytest.fixture
def question(world: Any, make_question: Any) -> Entry:
    return make_question(
        community=world.open,
        author=world.charlie,
        title="Booster pump seals keep failing within a week",
        body="Our booster pump mechanical seal fails again and again.",
    )


@pytest.fixture
def private_question(world: Any, make_question: Any) -> Entry:
    return make_question(
        community=world.private,
        author=world.bob,
        title="Zephyrine seal failures after the crews were reorganised",
    )


def close_page(question: Entry) -> str:
    return f"/q/{question.pk}/duplicate/"


# --- The question page --------------------------------------------------------------------


def test_a_facilitator_sees_close_as_duplicate_on_the_question_and_a_member_does_not(
    world: Any, question: Entry, client_for: Any
) -> None:
    link = f'href="{close_page(question)}">Close as duplicate</a>'
    assert link in client_for(world.bob).get(question.get_absolute_url()).content.decode()
    assert link in client_for(world.alice).get(question.get_absolute_url()).content.decode()
    assert link not in client_for(world.charlie).get(question.get_absolute_url()).content.decode()


def test_the_duplicate_shows_a_banner_linking_to_the_original(
    world: Any, question: Entry, original: Entry, client_for: Any
) -> None:
    qa.close_as_duplicate(question=question, original=original, by=world.bob)

    html = client_for(world.charlie).get(question.get_absolute_url()).content.decode()

    assert BANNER in html
    assert f'<a href="{original.get_absolute_url()}">{original.title}</a>' in html
    # Charlie may not reopen: no button for him.
    assert "Reopen" not in html


def test_a_facilitator_sees_reopen_and_choose_another_original_in_the_banner(
    world: Any, question: Entry, original: Entry, client_for: Any
) -> None:
    qa.close_as_duplicate(question=question, original=original, by=world.bob)

    html = client_for(world.bob).get(question.get_absolute_url()).content.decode()

    assert f'action="/q/{question.pk}/reopen/"' in html
    assert "Choose another original" in html
    assert "Close as duplicate</a>" not in html


def test_the_original_lists_its_duplicates(
    world: Any, question: Entry, original: Entry, client_for: Any
) -> None:
    qa.close_as_duplicate(question=question, original=original, by=world.bob)

    html = client_for(world.dana).get(original.get_absolute_url()).content.decode()

    assert "Duplicates of this question" in html
    assert f'<a href="{question.get_absolute_url()}">{question.title}</a>' in html
    assert BANNER not in html


def test_a_question_without_duplicates_shows_neither_banner_nor_list(
    world: Any, question: Entry, client_for: Any
) -> None:
    html = client_for(world.bob).get(question.get_absolute_url()).content.decode()

    assert BANNER not in html
    assert "Duplicates of this question" not in html


def test_charlie_is_not_shown_an_original_in_a_community_he_cannot_see(
    world: Any, question: Entry, private_question: Entry, client_for: Any
) -> None:
    qa.close_as_duplicate(question=question, original=private_question, by=world.bob)

    html = client_for(world.charlie).get(question.get_absolute_url()).content.decode()
    assert "Zephyrine" not in html
    assert private_question.get_absolute_url() not in html
    assert "closed as a duplicate of a question you cannot see" in html

    bobs = client_for(world.bob).get(question.get_absolute_url()).content.decode()
    assert BANNER in bobs
    assert "Zephyrine" in bobs


def test_duplicates_in_communities_a_reader_cannot_see_are_not_listed(
    world: Any, original: Entry, private_question: Entry, client_for: Any
) -> None:
    qa.close_as_duplicate(question=private_question, original=original, by=world.bob)

    charlies = client_for(world.charlie).get(original.get_absolute_url()).content.decode()
    assert "Duplicates of this question" not in charlies
    assert "Zephyrine" not in charlies
    assert "Zephyrine" in client_for(world.bob).get(original.get_absolute_url()).content.decode()


def test_question_lists_mark_duplicates(
    world: Any, question: Entry, original: Entry, client_for: Any
) -> None:
    qa.close_as_duplicate(question=question, original=original, by=world.bob)

    html = client_for(world.charlie).get("/c/pump-reliability/questions/").content.decode()

    assert f'{question.title}</a> <span class="pill">duplicate</span>' in html
    assert f'{original.title}</a> <span class="pill">' not in html


# --- The close page -------------------------------------------------------------------------


def test_charlie_is_refused_the_close_page_with_a_reason(
    world: Any, question: Entry, original: Entry, client_for: Any
) -> None:
    client = client_for(world.charlie)

    response = client.get(close_page(question))
    assert response.status_code == 403
    assert "Only a facilitator or leader" in response.content.decode()

    response = client.post(close_page(question), {"original": str(original.pk)})
    assert response.status_code == 403
    assert fresh(question).duplicate_of_id is None


def test_charlie_gets_404_for_the_close_page_of_a_question_he_cannot_see(
    world: Any, private_question: Entry, client_for: Any
) -> None:
    assert client_for(world.charlie).get(close_page(private_question)).status_code == 404


@pytest.mark.parametrize(
    "typed",
    ["{url}", "http://testserver{url}#answers", "{pk}", "#{pk}", "/q/{pk}", "/e/{pk}"],
)
def test_bob_closes_by_pasting_the_originals_address_or_number(
    world: Any, question: Entry, original: Entry, client_for: Any, typed: str
) -> None:
    text = typed.format(url=original.get_absolute_url(), pk=original.pk)

    response = client_for(world.bob).post(close_page(question), {"original": text})

    assert response.status_code == 302
    assert response["Location"] == question.get_absolute_url()
    assert fresh(question).duplicate_of_id == original.pk
    assert message_texts(response) == [f"Closed as a duplicate of “{original.title}”."]


def test_an_answers_address_stands_for_its_question(
    world: Any, question: Entry, original: Entry, make_answer: Any, client_for: Any
) -> None:
    answer = make_answer(question=original, author=world.bob)

    response = client_for(world.bob).post(close_page(question), {"original": f"/e/{answer.pk}"})

    assert response.status_code == 302
    assert fresh(question).duplicate_of_id == original.pk


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Say which question this one duplicates."),
        ("the seal one from last week", "That is not a question&#x27;s address or number"),
        ("http://[broken", "That is not a question&#x27;s address or number"),
        ("99999999", "There is no question at that address that you can see."),
        ("99999999999999999999999", "That is not a question&#x27;s address or number"),
    ],
)
def test_a_bad_original_is_a_form_error_that_keeps_what_was_typed(
    world: Any, question: Entry, client_for: Any, typed: str, message: str
) -> None:
    response = client_for(world.bob).post(close_page(question), {"original": typed})

    assert response.status_code == 422
    html = response.content.decode()
    assert message in html
    assert 'class="error-summary"' in html
    if typed:
        assert f'value="{typed}"' in html
    assert fresh(question).duplicate_of_id is None


def test_the_question_itself_is_refused_on_the_field(
    world: Any, question: Entry, client_for: Any
) -> None:
    response = client_for(world.bob).post(close_page(question), {"original": str(question.pk)})

    assert response.status_code == 422
    assert response.context["form"].errors["original"] == [
        "A question cannot be a duplicate of itself."
    ]


def test_a_question_the_facilitator_cannot_see_reads_like_one_that_does_not_exist(
    world: Any, fiona: User, question: Entry, private_question: Entry, client_for: Any
) -> None:
    response = client_for(fiona).post(
        close_page(question), {"original": private_question.get_absolute_url()}
    )

    assert response.status_code == 422
    html = response.content.decode()
    assert "There is no question at that address that you can see." in html
    assert f'value="{private_question.get_absolute_url()}"' in html  # what she typed is kept
    assert private_question.title not in html
    assert fresh(question).duplicate_of_id is None


def test_the_close_page_offers_similar_questions_to_choose_from(
    world: Any, question: Entry, original: Entry, client_for: Any, reindex: Any
) -> None:
    reindex()

    response = client_for(world.bob).get(close_page(question))

    assert response.status_code == 200
    html = response.content.decode()
    assert original.title in html
    assert f'<input type="hidden" name="original" value="{original.pk}">' in html
    assert "This is the original" in html


def test_searching_on_the_close_page_narrows_the_choice_and_htmx_gets_only_the_list(
    world: Any, question: Entry, original: Entry, make_question: Any, client_for: Any, reindex: Any
) -> None:
    other = make_question(
        community=world.request, author=world.bob, title="Which gantt chart tool do you use?"
    )
    reindex()
    client = client_for(world.bob)

    page = client.get(close_page(question), {"q": "gantt chart"}).content.decode()
    assert other.title in page
    assert 'value="gantt chart"' in page

    fragment = client.get(
        close_page(question), {"q": "gantt chart"}, headers={"HX-Request": "true"}
    )
    html = fragment.content.decode()
    assert other.title in html
    assert "<html" not in html
    assert "<h1" not in html


def test_the_close_page_never_offers_what_the_facilitator_cannot_see(
    world: Any, fiona: User, question: Entry, private_question: Entry, client_for: Any, reindex: Any
) -> None:
    reindex()

    html = client_for(fiona).get(close_page(question), {"q": "seal failures"}).content.decode()

    assert "Zephyrine" not in html


# --- Reopening -----------------------------------------------------------------------------


def test_bob_reopens_from_the_banner(
    world: Any, question: Entry, original: Entry, client_for: Any
) -> None:
    qa.close_as_duplicate(question=question, original=original, by=world.bob)

    response = client_for(world.bob).post(f"/q/{question.pk}/reopen/")

    assert response.status_code == 302
    assert response["Location"] == question.get_absolute_url()
    assert fresh(question).duplicate_of_id is None
    page = client_for(world.bob).get(question.get_absolute_url()).content.decode()
    assert BANNER not in page


def test_charlie_cannot_reopen_and_is_told_why(
    world: Any, question: Entry, original: Entry, client_for: Any
) -> None:
    qa.close_as_duplicate(question=question, original=original, by=world.bob)

    response = client_for(world.charlie).post(f"/q/{question.pk}/reopen/")

    assert response.status_code == 302
    assert message_texts(response) == [
        "Only a facilitator or leader of the community may reopen a question."
    ]
    assert fresh(question).duplicate_of_id == original.pk


def test_reopen_takes_only_post(world: Any, question: Entry, client_for: Any) -> None:
    assert client_for(world.bob).get(f"/q/{question.pk}/reopen/").status_code == 405


# --- Query budgets --------------------------------------------------------------------------


def count_queries(client: Any, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def close_many(world: Any, make_question: Any, original: Entry, n: int) -> None:
    for _ in range(n):
        duplicate = make_question(community=world.open, author=world.charlie)
        qa.close_as_duplicate(question=duplicate, original=original, by=world.bob)


@pytest.mark.parametrize("persona", ["bob", "charlie"])
def test_the_original_costs_the_same_with_3_and_30_duplicates(
    world: Any, original: Entry, make_question: Any, client_for: Any, persona: str
) -> None:
    client = client_for(getattr(world, persona))
    close_many(world, make_question, original, 3)
    few = count_queries(client, original.get_absolute_url())
    close_many(world, make_question, original, 27)
    many = count_queries(client, original.get_absolute_url())
    assert few == many


def test_the_question_list_costs_the_same_with_3_and_30_duplicates(
    world: Any, original: Entry, make_question: Any, client_for: Any
) -> None:
    client = client_for(world.charlie)
    close_many(world, make_question, original, 3)
    few = count_queries(client, "/questions/")
    close_many(world, make_question, original, 27)
    many = count_queries(client, "/questions/")
    assert few == many
