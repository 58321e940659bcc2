"""The search page and the search/similar API."""

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext


def ask_many(world: Any, make_question: Any, n: int) -> None:
    for i in range(n):
        make_question(
            community=[world.open, world.request][i % 2],
            author=[world.bob, world.charlie][i % 2],
            title=f"Lubrication schedule number {i}",
            body="Grease details.",
            topics=[world.topic] if i % 3 == 0 else [],
        )


def test_the_search_page_shows_hits_snippets_facets_and_a_next_link(
    world, make_question, client_for, reindex
):
    ask_many(world, make_question, 25)
    reindex()
    response = client_for(world.charlie).get("/search/", {"q": "lubrication"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "25 results" in html
    assert "<b>Lubrication</b>" in html or "Lubrication schedule" in html
    assert "Project Managers" in html and "Vibration analysis" in html  # facets
    assert 'rel="next"' in html


def test_a_facet_link_narrows_the_results(world, make_question, client_for, reindex):
    ask_many(world, make_question, 6)
    reindex()
    client = client_for(world.bob)
    response = client.get("/search/", {"q": "lubrication", "community": "project-managers"})
    assert "3 results" in response.content.decode()


def test_bad_dates_get_a_form_error_and_keep_the_query(world, client_for):
    response = client_for(world.bob).get(
        "/search/", {"q": "pump seal", "date_from": "2026-05-01", "date_to": "2026-01-01"}
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert "The end date is before the start date." in html
    assert 'value="pump seal"' in html


def test_htmx_gets_only_the_results(world, make_question, client_for, reindex):
    ask_many(world, make_question, 2)
    reindex()
    response = client_for(world.bob).get(
        "/search/", {"q": "lubrication"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert 'id="search-results"' in html and "<header" not in html


def test_the_page_makes_as_many_queries_for_3_hits_as_for_30(
    world, make_question, client_for, reindex
):
    client = client_for(world.bob)

    def queries() -> int:
        reindex()
        client.get("/search/", {"q": "lubrication"})  # warm the synonym cache
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/search/", {"q": "lubrication", "limit": 30})
        assert response.status_code == 200
        return len(ctx.captured_queries)

    ask_many(world, make_question, 3)
    few = queries()
    ask_many(world, make_question, 27)
    assert queries() == few


def test_anonymous_visitors_are_sent_to_sign_in(client_for):
    response = client_for(None).get("/search/", {"q": "pump"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_api_search_answers_items_with_urls_scores_and_facets(
    world, make_question, client_for, reindex
):
    ask_many(world, make_question, 4)
    reindex()
    body = client_for(world.dana).get("/api/v1/search", {"q": "lubrication"}).json()
    assert body["total"] == 2  # dana sees the open community only
    item = body["items"][0]
    assert set(item) >= {"id", "kind", "title", "snippet", "url", "score"}
    assert item["url"].startswith("/q/")
    assert body["facets"]["community"] == [
        {"value": "pump-reliability", "label": "Pump Reliability", "count": 2}
    ]


def test_api_search_rejects_a_bad_sort_with_a_reason(world, client_for):
    response = client_for(world.bob).get("/api/v1/search", {"q": "x", "sort": "sideways"})
    assert response.status_code == 422
    assert response.json()["field"] == "sort"


def test_api_similar_takes_a_whole_question_and_caps_the_limit(
    world, make_question, client_for, reindex
):
    ask_many(world, make_question, 3)
    reindex()
    text = "What lubrication schedule do you follow? " * 200
    response = client_for(world.bob).get("/api/v1/similar", {"text": text, "limit": 500})
    items = response.json()["items"]
    assert response.status_code == 200 and len(items) == 3
    assert all(i["kind"] == "question" for i in items)


def test_api_similar_needs_text_and_a_known_kind(world, client_for):
    client = client_for(world.bob)
    assert client.get("/api/v1/similar", {"text": "  "}).status_code == 422
    response = client.get("/api/v1/similar", {"text": "pump", "kind": "poem"})
    assert response.status_code == 422 and "Unknown kind" in response.json()["detail"]
    missing = client.get("/api/v1/similar", {"text": "pump", "community": "nowhere"})
    assert missing.status_code == 404
