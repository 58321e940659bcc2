"""The visibility walk: every API endpoint as anonymous, alice, bob, charlie and dana.

What a caller may not see answers 404, never 403, and never appears in a list.
"""

from typing import Any

import pytest
from django.test import Client

from conftest import join, make_user
from practica.accounts.models import User
from practica.accounts.services import create_token
from practica.content.services import add_comment
from practica.discussions import services as qa

JSON = "application/json"
COMMUNITIES = ["pump-reliability", "project-managers", "change-practitioners"]
SEES = {
    "alice": set(COMMUNITIES),
    "bob": set(COMMUNITIES),
    "charlie": {"pump-reliability", "project-managers"},
    "dana": {"pump-reliability"},
}


def bearer(user: User) -> Client:
    _token, key = create_token(user=user, name="test")
    return Client(headers={"Authorization": f"Bearer {key}"})


@pytest.fixture
def threads(world: Any) -> dict[str, dict[str, int]]:
    """In each community: a question by bob with an answer by a second member and a comment."""
    erin = make_user(username="erin", organisation=world.host)
    join(community=world.private, user=erin)
    join(community=world.request, user=erin)
    made = {}
    for community in (world.open, world.request, world.private):
        question = qa.ask_question(
            community=community,
            by=world.bob,
            title=f"How do we run {community.name}?",
            body="Looking for what worked elsewhere.",
        )
        answer = qa.post_answer(
            question=question,
            by=erin if community != world.open else world.charlie,
            body="Like this.",
        )
        add_comment(entry=question, author=world.bob, body="More detail: it is a big site.")
        made[community.slug] = {"question": question.pk, "answer": answer.pk}
    return made


def calls(slug: str, question: int, answer: int) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        ("get", f"/api/v1/communities/{slug}", {}),
        ("get", f"/api/v1/communities/{slug}/members", {}),
        ("post", f"/api/v1/communities/{slug}/join", {}),
        ("get", f"/api/v1/questions?community={slug}", {}),
        ("post", "/api/v1/questions", {"community": slug, "title": "A question", "body": "x"}),
        ("get", f"/api/v1/questions/{question}", {}),
        ("patch", f"/api/v1/questions/{question}", {"body": "Edited body"}),
        ("get", f"/api/v1/questions/{question}/answers", {}),
        ("post", f"/api/v1/questions/{question}/answers", {"body": "An answer"}),
        ("patch", f"/api/v1/answers/{answer}", {"body": "Edited answer"}),
        ("post", f"/api/v1/answers/{answer}/accept", {}),
        ("get", f"/api/v1/entries/{question}/comments", {}),
        ("get", f"/api/v1/entries/{answer}/comments", {}),
        ("post", f"/api/v1/entries/{answer}/comments", {"body": "A comment"}),
        ("post", f"/api/v1/entries/{question}/vote", {"value": 1}),
        ("post", f"/api/v1/entries/{answer}/vote", {"value": -1}),
        ("post", f"/api/v1/questions/{question}/move", {"community": slug}),
        ("delete", f"/api/v1/answers/{answer}", {}),
        ("delete", f"/api/v1/questions/{question}", {}),
    ]


def _call(client: Client, method: str, url: str, data: dict[str, Any]) -> Any:
    if method == "get":
        return client.get(url)
    return getattr(client, method)(url, data, content_type=JSON)


@pytest.mark.parametrize("slug", COMMUNITIES)
def test_anonymous_callers_get_401_for_everything(
    threads: dict[str, dict[str, int]], slug: str
) -> None:
    for method, url, data in calls(slug, **threads[slug]):
        response = _call(Client(), method, url, data)
        assert response.status_code == 401, (method, url)


@pytest.mark.parametrize("persona", ["alice", "bob", "charlie", "dana"])
@pytest.mark.parametrize("slug", COMMUNITIES)
def test_each_persona_reaches_exactly_what_they_may_see(
    world: Any, threads: dict[str, dict[str, int]], persona: str, slug: str
) -> None:
    client = bearer(getattr(world, persona))
    visible = slug in SEES[persona]
    for method, url, data in calls(slug, **threads[slug]):
        response = _call(client, method, url, data)
        if visible:
            assert response.status_code not in (401, 404), (method, url, response.content)
        else:
            assert response.status_code == 404, (method, url, response.status_code)
            assert response.json() == {"detail": "Not found."}


@pytest.mark.parametrize("persona", ["alice", "bob", "charlie", "dana"])
def test_lists_hold_only_what_each_persona_may_see(
    world: Any, threads: dict[str, dict[str, int]], persona: str
) -> None:
    client = bearer(getattr(world, persona))
    communities = {c["slug"] for c in client.get("/api/v1/communities").json()["items"]}
    assert communities == SEES[persona]
    questions = client.get("/api/v1/questions?limit=100").json()["items"]
    assert {q["community"] for q in questions} == SEES[persona]
    for slug in SEES[persona]:
        shown = client.get(f"/api/v1/questions?community={slug}").json()["items"]
        assert [q["id"] for q in shown] == [threads[slug]["question"]]


def test_a_partner_member_cannot_see_people_only_in_communities_hidden_from_them(
    threads: dict[str, dict[str, int]], world: Any
) -> None:
    dana = bearer(world.dana)
    assert dana.get("/api/v1/members/erin").status_code == 404
    assert "erin" not in {m["username"] for m in dana.get("/api/v1/members").json()["items"]}
    assert bearer(world.charlie).get("/api/v1/members/erin").status_code == 200
