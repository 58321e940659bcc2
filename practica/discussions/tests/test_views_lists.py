from typing import Any

import pytest
from django.urls import reverse

from practica.content.models import Entry
from practica.discussions import services as qa

pytestmark = pytest.mark.django_db


def titles(response: Any) -> list[str]:
    return [q.title for q in response.context["page"].items]


def test_question_list_shows_title_score_answers_topics_community_and_author(
    world: Any, make_question: Any, make_answer: Any, client_for: Any
) -> None:
    question = make_question(
        community=world.open,
        author=world.charlie,
        title="Why does the mechanical seal fail?",
        topics=[world.topic],
    )
    answer = make_answer(question=question, author=world.bob)
    qa.accept_answer(answer=answer, by=world.charlie)
    response = client_for(world.bob).get(reverse("question_list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Why does the mechanical seal fail?" in html
    assert question.get_absolute_url() in html
    assert "1 answer" in html
    assert "(accepted)" in html
    assert "Vibration analysis" in html
    assert "Pump Reliability" in html
    assert "/members/charlie/" in html


def test_question_list_sorts_by_newest_top_and_unanswered(
    world: Any, make_question: Any, make_answer: Any, client_for: Any
) -> None:
    old = make_question(community=world.open, author=world.charlie, title="An older question here")
    new = make_question(community=world.open, author=world.charlie, title="A newer question here")
    make_answer(question=new, author=world.bob)
    Entry.objects.filter(pk=old.pk).update(score=5)
    client = client_for(world.bob)
    assert titles(client.get("/questions/")) == [new.title, old.title]
    assert titles(client.get("/questions/?sort=top")) == [old.title, new.title]
    assert titles(client.get("/questions/?sort=unanswered")) == [old.title]
    assert titles(client.get("/questions/?sort=active"))[0] == new.title


def test_an_unknown_sort_falls_back_to_newest(
    world: Any, make_question: Any, client_for: Any
) -> None:
    make_question(community=world.open, author=world.charlie)
    response = client_for(world.bob).get("/questions/?sort=sideways")
    assert response.status_code == 200
    assert response.context["sort"] == "newest"


def test_question_list_filters_by_topic(world: Any, make_question: Any, client_for: Any) -> None:
    tagged = make_question(
        community=world.open,
        author=world.charlie,
        title="Tagged with vibration",
        topics=[world.topic],
    )
    make_question(community=world.open, author=world.charlie, title="Not tagged at all")
    response = client_for(world.bob).get("/questions/?topic=vibration-analysis")
    assert titles(response) == [tagged.title]
    assert '<option value="vibration-analysis" selected>' in response.content.decode()


def test_question_list_pages_with_a_cursor(world: Any, make_question: Any, client_for: Any) -> None:
    for _ in range(23):
        make_question(community=world.open, author=world.charlie)
    client = client_for(world.bob)
    first = client.get("/questions/")
    assert len(first.context["page"].items) == 20
    cursor = first.context["page"].next
    assert cursor and f"cursor={cursor}" in first.content.decode()
    second = client.get(f"/questions/?cursor={cursor}")
    assert len(second.context["page"].items) == 3
    assert not set(titles(first)) & set(titles(second))


BROKEN_CURSORS = [
    "nonsense",
    "W3sieCI6IDF9LCA1XQ",  # [{"x": 1}, 5]
    "WyJhYmMiLCAxXQ",  # ["abc", 1]
    "WzEsMl0",  # [1,2]
]


@pytest.mark.parametrize("cursor", BROKEN_CURSORS)
def test_a_broken_cursor_shows_the_first_page_with_a_message(
    world: Any, make_question: Any, client_for: Any, cursor: str
) -> None:
    make_question(community=world.open, author=world.charlie)
    response = client_for(world.bob).get(f"/questions/?cursor={cursor}")
    assert response.status_code == 200
    assert "here is the first page" in response.content.decode()
    assert len(response.context["page"].items) == 1


def test_a_cursor_with_an_id_too_large_for_the_database_is_not_a_server_error(
    world: Any, client_for: Any
) -> None:
    # [{"t": "2020-01-01T00:00:00+00:00"}, 99999999999999999999999]
    cursor = "W3sidCI6IjIwMjAtMDEtMDFUMDA6MDA6MDArMDA6MDAifSw5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OV0"
    assert client_for(world.bob).get(f"/questions/?cursor={cursor}").status_code == 200


def test_empty_question_list_tells_a_newcomer_what_to_do(world: Any, client_for: Any) -> None:
    response = client_for(world.dana).get("/questions/")
    assert "There are no questions you can see yet." in response.content.decode()
    assert reverse("community_directory") in response.content.decode()


def test_community_questions_lists_only_that_community(
    world: Any, make_question: Any, client_for: Any
) -> None:
    here = make_question(community=world.open, author=world.charlie, title="Asked in pumps here")
    make_question(community=world.request, author=world.charlie, title="Asked in projects")
    response = client_for(world.bob).get("/c/pump-reliability/questions/")
    assert titles(response) == [here.title]


def test_community_questions_offers_ask_to_those_who_may_post(world: Any, client_for: Any) -> None:
    html = client_for(world.charlie).get("/c/pump-reliability/questions/").content.decode()
    assert reverse("ask_question", args=["pump-reliability"]) in html


def test_community_questions_explains_joining_to_those_who_may_not_post(
    world: Any, client_for: Any
) -> None:
    world.request.memberships.filter(user=world.charlie).delete()
    response = client_for(world.charlie).get("/c/project-managers/questions/")
    html = response.content.decode()
    assert "Join this community to ask" in html
    assert reverse("ask_question", args=["project-managers"]) not in html


def test_community_questions_for_an_unknown_community_is_404(world: Any, client_for: Any) -> None:
    assert client_for(world.bob).get("/c/no-such-place/questions/").status_code == 404
