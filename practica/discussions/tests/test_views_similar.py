"""Has this been asked before? Similar questions while asking: the htmx panel, its own
page, and the no-JavaScript "Check for similar questions" button on the ask form."""

import re
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practica.content import services as content
from practica.content.models import Entry

pytestmark = pytest.mark.django_db

ASK = "/c/pump-reliability/ask/"
SIMILAR = "/questions/similar/"
HTMX = {"HX-Request": "true"}
TYPED = {
    "title": "Booster pump seal keeps failing",
    "body": "The mechanical seal leaks after a week.",
    "topics": "vibration analysis",
}


@pytest.fixture
def asked(world: Any, make_question: Any, make_answer: Any, reindex: Any) -> dict[str, Entry]:
    """A seal question in each community, one of them answered, and one about something else."""
    made = {
        "open": make_question(
            community=world.open,
            author=world.dana,
            title="Why does the mechanical seal on our booster pump fail early?",
            body="The booster pump seal fails after a few days of running.",
        ),
        "request": make_question(
            community=world.request,
            author=world.bob,
            title="Planning a booster pump seal replacement project",
        ),
        "private": make_question(
            community=world.private,
            author=world.bob,
            title="Zephyrine booster pump seal failures after the reorganisation",
        ),
        "other": make_question(
            community=world.open,
            author=world.dana,
            title="Which gantt chart tool do you use?",
            body="For planning shutdowns.",
        ),
    }
    make_answer(question=made["open"], author=world.bob)
    content.vote(entry=made["open"], user=world.charlie, value=1)
    reindex()
    return made


# --- The panel on the ask form ------------------------------------------------------------


def test_the_ask_form_has_a_live_region_for_similar_questions(world: Any, client_for: Any) -> None:
    html = client_for(world.charlie).get(ASK).content.decode()

    assert '<h2 id="similar-heading">Has this been asked before?</h2>' in html
    assert 'aria-labelledby="similar-heading"' in html
    assert 'aria-live="polite"' in html
    assert 'hx-get="/questions/similar/"' in html
    assert (
        'hx-trigger="input changed delay:400ms from:#id_title, '
        'input changed delay:400ms from:#id_body"' in html
    )
    assert "Start typing a title" in html
    assert '<button type="submit" name="check" value="1"' in html


def test_typing_a_title_brings_similar_questions_as_a_fragment(
    world: Any, asked: dict[str, Entry], client_for: Any
) -> None:
    response = client_for(world.charlie).get(
        SIMILAR, {"title": "booster pump seal failing"}, headers=HTMX
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    question = asked["open"]
    assert f'<a href="{question.get_absolute_url()}">{question.title}</a>' in html
    assert world.open.name in html
    assert "1 vote" in html
    assert "answered" in html
    # The snippet (its words may be highlighted with <b>).
    assert "The booster pump seal fails after a few days" in re.sub(r"</?b>", "", html)
    assert asked["request"].title in html
    assert asked["other"].title not in html


def test_charlie_never_sees_a_private_communitys_question_in_the_panel(
    world: Any, asked: dict[str, Entry], client_for: Any
) -> None:
    query = {"title": "Zephyrine booster pump seal failures", "body": "after the reorganisation"}

    charlies = client_for(world.charlie).get(SIMILAR, query, headers=HTMX).content.decode()
    danas = client_for(world.dana).get(SIMILAR, query, headers=HTMX).content.decode()
    bobs = client_for(world.bob).get(SIMILAR, query, headers=HTMX).content.decode()

    assert "Zephyrine" not in charlies
    assert asked["open"].title in charlies
    assert "Zephyrine" not in danas
    assert asked["request"].title not in danas
    assert "Zephyrine" in bobs


def test_a_community_filter_answers_404_for_a_community_the_viewer_cannot_see(
    world: Any, asked: dict[str, Entry], client_for: Any
) -> None:
    query = {"title": "booster pump seal", "community": world.private.slug}

    assert client_for(world.charlie).get(SIMILAR, query, headers=HTMX).status_code == 404
    bobs = client_for(world.bob).get(SIMILAR, query, headers=HTMX).content.decode()
    assert "Zephyrine" in bobs
    assert asked["open"].title not in bobs


def test_a_title_too_short_to_say_anything_asks_for_more(
    world: Any, asked: dict[str, Entry], client_for: Any
) -> None:
    html = client_for(world.charlie).get(SIMILAR, {"title": "pu"}, headers=HTMX).content.decode()

    assert "Start typing a title" in html
    assert asked["open"].title not in html


def test_nothing_similar_says_so(world: Any, asked: dict[str, Entry], client_for: Any) -> None:
    html = (
        client_for(world.charlie)
        .get(SIMILAR, {"title": "Kubernetes ingress certificates"}, headers=HTMX)
        .content.decode()
    )

    assert "It looks new: ask it." in html


def test_without_htmx_the_similar_questions_are_a_page_of_their_own(
    world: Any, asked: dict[str, Entry], client_for: Any
) -> None:
    response = client_for(world.charlie).get(SIMILAR, {"title": "booster pump seal failing"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Has this been asked before?</h1>" in html
    assert 'value="booster pump seal failing"' in html
    assert asked["open"].title in html


def test_anonymous_visitors_are_sent_to_sign_in(client_for: Any, world: Any) -> None:
    response = client_for(None).get(SIMILAR, {"title": "booster pump seal"})

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


# --- "Check for similar questions" without JavaScript --------------------------------------


def test_the_check_button_shows_similar_questions_and_keeps_everything_typed(
    world: Any, asked: dict[str, Entry], client_for: Any
) -> None:
    before = Entry.objects.count()

    response = client_for(world.charlie).post(ASK, {**TYPED, "check": "1"})

    assert response.status_code == 200
    html = response.content.decode()
    assert f'value="{TYPED["title"]}"' in html
    assert TYPED["body"] in html
    assert f'value="{TYPED["topics"]}"' in html
    assert asked["open"].title in html
    assert "Zephyrine" not in html
    # Nothing posted, and nothing refused yet.
    assert Entry.objects.count() == before
    assert "error-summary" not in html


def test_the_check_button_with_nothing_typed_is_no_error(world: Any, client_for: Any) -> None:
    response = client_for(world.charlie).post(ASK, {"title": "", "body": "", "check": "1"})

    assert response.status_code == 200
    assert "error-summary" not in response.content.decode()


def test_the_check_button_says_chosen_files_must_be_chosen_again(
    world: Any, asked: dict[str, Entry], client_for: Any
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("notes.txt", b"notes", content_type="text/plain")
    response = client_for(world.charlie).post(ASK, {**TYPED, "check": "1", "attachments": upload})

    assert "choose your attachments again" in response.content.decode()


def test_a_refused_question_still_shows_questions_like_it(
    world: Any, asked: dict[str, Entry], client_for: Any
) -> None:
    response = client_for(world.charlie).post(ASK, {**TYPED, "body": ""})

    assert response.status_code == 422
    html = response.content.decode()
    assert "Write something in the body." in html
    assert asked["open"].title in html


def test_posting_the_question_still_works(
    world: Any, asked: dict[str, Entry], client_for: Any
) -> None:
    response = client_for(world.charlie).post(ASK, TYPED)

    question = Entry.objects.get(title=TYPED["title"])
    assert response.status_code == 302
    assert response["Location"] == question.get_absolute_url()


# --- Query budget -------------------------------------------------------------------------


def many_seal_questions(world: Any, make_question: Any, n: int) -> None:
    for i in range(n):
        make_question(
            community=world.open if i % 2 else world.request,
            author=world.bob,
            title=f"Booster pump seal failure number {i}",
        )


def test_the_similar_fragment_costs_the_same_with_3_and_30_results(
    world: Any, make_question: Any, client_for: Any, reindex: Any
) -> None:
    client = client_for(world.charlie)
    query = {"title": "booster pump seal failure"}

    def count() -> tuple[int, int]:
        client.get(SIMILAR, query, headers=HTMX)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(SIMILAR, query, headers=HTMX)
        return len(queries), response.content.decode().count('<li class="similar-item">')

    many_seal_questions(world, make_question, 3)
    reindex()
    few, shown_few = count()
    many_seal_questions(world, make_question, 27)
    reindex()
    many, shown_many = count()

    assert (shown_few, shown_many) == (3, 10)
    assert few == many
