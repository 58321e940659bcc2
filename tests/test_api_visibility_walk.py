"""The API's visibility walk: every operation in the OpenAPI document, as anonymous, alice,
bob, charlie and dana, against the same world as the pages' walk (tests/test_visibility_walk.py).

practica/core/tests/test_api_visibility.py holds the Q&A and community endpoints against the
personas; this walk adds the rest (me, tokens, members, topics, notifications, leaving), is
complete by construction (``test_every_api_operation_is_walked`` fails for an operation of
the OpenAPI document that the table below does not call) and checks that nothing of a
community a persona may not see appears in any answer they receive.
"""

import json
import re
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from conftest import PASSWORD, World
from practica.accounts.services import create_token
from tests.test_visibility_walk import CODEWORDS, COMMUNITIES, SEES, Seeded, Thread, leaks, seed

PREFIX = "/api/v1"
EVERYONE = frozenset({"alice", "bob", "charlie", "dana"})
# Done (200/201/204), refused with a reason (400/403/409/422): never 401, 404 or a 500.
ALLOWED = {200, 201, 204, 400, 403, 409, 422}


@dataclass(frozen=True)
class ApiCall:
    method: str
    path: str  # the operation's path in the OpenAPI document, e.g. /questions/{question_id}
    url: str  # the concrete URL called, with its query string
    who: frozenset[str]  # personas who may reach it; every other signed-in persona gets 404
    body: dict[str, Any] | None = None
    read: bool = False  # everyone in `who` gets 200
    last: bool = False  # changes what the persona may see: run after the rest

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.url}"


def who_sees(key: str) -> frozenset[str]:
    return frozenset(p for p in EVERYONE if key in SEES[p])


@pytest.fixture
def seeded(world: World, django_capture_on_commit_callbacks: Any) -> Seeded:
    return seed(world, django_capture_on_commit_callbacks)


def community_calls(key: str, thread: Thread) -> list[ApiCall]:
    who = who_sees(key)
    slug = thread.community.slug
    q, a = thread.question.pk, thread.answer.pk
    question = {"community": slug, "title": "A question asked by the API walk", "body": "Why?"}
    return [
        ApiCall("get", "/communities/{slug}", f"/communities/{slug}", who, read=True),
        ApiCall(
            "get", "/communities/{slug}/members", f"/communities/{slug}/members", who, read=True
        ),
        ApiCall("get", "/questions", f"/questions?community={slug}", who, read=True),
        ApiCall("get", "/questions", f"/questions?community={slug}&sort=top", who, read=True),
        ApiCall("get", "/questions/{question_id}", f"/questions/{q}", who, read=True),
        ApiCall(
            "get", "/questions/{question_id}/answers", f"/questions/{q}/answers", who, read=True
        ),
        ApiCall("get", "/entries/{entry_id}/comments", f"/entries/{q}/comments", who, read=True),
        ApiCall("get", "/entries/{entry_id}/comments", f"/entries/{a}/comments", who, read=True),
        ApiCall("post", "/communities/{slug}/join", f"/communities/{slug}/join", who),
        ApiCall("post", "/questions", "/questions", who, question),
        ApiCall("patch", "/questions/{question_id}", f"/questions/{q}", who, {"summary": "x"}),
        ApiCall(
            "post",
            "/questions/{question_id}/answers",
            f"/questions/{q}/answers",
            who,
            {"body": "An API answer."},
        ),
        ApiCall("patch", "/answers/{answer_id}", f"/answers/{a}", who, {"body": ""}),
        ApiCall("post", "/answers/{answer_id}/accept", f"/answers/{a}/accept", who),
        ApiCall(
            "post",
            "/entries/{entry_id}/comments",
            f"/entries/{q}/comments",
            who,
            {"body": "An API comment."},
        ),
        ApiCall(
            "post",
            "/entries/{entry_id}/comments",
            f"/entries/{a}/comments",
            who,
            {"body": "An API comment."},
        ),
        ApiCall("post", "/entries/{entry_id}/vote", f"/entries/{a}/vote", who, {"value": 1}),
        ApiCall("post", "/entries/{entry_id}/vote", f"/entries/{q}/vote", who, {"value": -1}),
        ApiCall(
            "post",
            "/questions/{question_id}/move",
            f"/questions/{q}/move",
            who,
            {"community": slug},
        ),
        # Closing a question as a duplicate of itself: 422 (403 for members); reopening one
        # that is no duplicate: 422 (403).
        ApiCall(
            "post",
            "/questions/{question_id}/duplicate",
            f"/questions/{q}/duplicate",
            who,
            {"original": q},
        ),
        ApiCall("delete", "/questions/{question_id}/duplicate", f"/questions/{q}/duplicate", who),
        # Deleting hides the thread: after the rest, the answer before its question.
        ApiCall("delete", "/answers/{answer_id}", f"/answers/{a}", who, last=True),
        ApiCall("delete", "/questions/{question_id}", f"/questions/{q}", who, last=True),
        ApiCall("post", "/communities/{slug}/leave", f"/communities/{slug}/leave", who, last=True),
    ]


def calls(seeded: Seeded, persona: str) -> list[ApiCall]:
    """The walk table: every operation of the API, for every community where it takes one."""
    topic = seeded.world.topic.slug
    zelda_seers = frozenset({"alice", "bob", "charlie"})  # host members; dana is a partner
    password = {"username": persona, "password": PASSWORD}
    new_community = {
        "slug": f"walk-{persona}",
        "name": "A community started by the API walk",
        "purpose": "Testing.",
        "visibility": "open",
    }
    everywhere = [
        ApiCall("post", "/auth/token", "/auth/token", EVERYONE, password),
        ApiCall("get", "/me", "/me", EVERYONE, read=True),
        ApiCall("get", "/me/tokens", "/me/tokens", EVERYONE, read=True),
        ApiCall("post", "/me/tokens", "/me/tokens", EVERYONE, {"name": "Walk"}),
        ApiCall("get", "/members", "/members", EVERYONE, read=True),
        ApiCall("get", "/members", "/members?q=uis", EVERYONE, read=True),
        ApiCall("get", "/members", f"/members?topic={topic}", EVERYONE, read=True),
        ApiCall("get", "/members/{username}", "/members/bob", EVERYONE, read=True),
        ApiCall("get", "/members/{username}", "/members/erin", EVERYONE, read=True),
        ApiCall("get", "/members/{username}", "/members/dana", EVERYONE, read=True),
        ApiCall("get", "/members/{username}", "/members/zelda", zelda_seers, read=True),
        ApiCall("get", "/communities", "/communities", EVERYONE, read=True),
        ApiCall("get", "/communities", "/communities?member=me", EVERYONE, read=True),
        ApiCall("get", "/communities", "/communities?limit=100", EVERYONE, read=True),
        ApiCall("post", "/communities", "/communities", EVERYONE, new_community),
        ApiCall("get", "/topics", "/topics", EVERYONE, read=True),
        ApiCall("get", "/topics/{slug}", f"/topics/{topic}", EVERYONE, read=True),
        ApiCall("get", "/questions", "/questions?limit=100", EVERYONE, read=True),
        ApiCall("get", "/questions", f"/questions?topic={topic}", EVERYONE, read=True),
        ApiCall("get", "/questions", "/questions?sort=active", EVERYONE, read=True),
        ApiCall("get", "/notifications", "/notifications", EVERYONE, read=True),
        ApiCall("get", "/search", "/search?q=handover", EVERYONE, read=True),
        ApiCall("get", "/search", "/search?q=zephyrin&limit=100", EVERYONE, read=True),
        ApiCall(
            "get", "/search", f"/search?q=handover&topic={topic}&type=answer", EVERYONE, read=True
        ),
        ApiCall(
            "get",
            "/similar",
            "/similar?text=How+did+the+teams+handle+the+handover",
            EVERYONE,
            read=True,
        ),
        ApiCall(
            "get", "/similar", "/similar?text=handover&kind=answer&limit=500", EVERYONE, read=True
        ),
        ApiCall("get", "/experts", f"/experts?topic={topic}", EVERYONE, read=True),
        ApiCall("get", "/experts", "/experts?text=handover&limit=100", EVERYONE, read=True),
        ApiCall("post", "/notifications/read", "/notifications/read", EVERYONE, {}),
        ApiCall(
            "delete",
            "/me/tokens/{token_id}",
            f"/me/tokens/{seeded.token.pk}",
            frozenset({"bob"}),
            last=True,
        ),
    ]
    # Moving a visible question into a community the caller may not see: 404, like the rest.
    into_private = ApiCall(
        "post",
        "/questions/{question_id}/move",
        f"/questions/{seeded.threads['open'].question.pk}/move",
        who_sees("open") & who_sees("private"),
        {"community": seeded.threads["private"].community.slug},
        last=True,
    )
    everywhere.append(into_private)
    # A visible question closed as a duplicate of a private one (bob and alice may; the
    # others are members of the open community only: 403).
    everywhere.append(
        ApiCall(
            "post",
            "/questions/{question_id}/duplicate",
            f"/questions/{seeded.threads['open'].question.pk}/duplicate",
            who_sees("open"),
            {"original": seeded.threads["private"].question.pk},
        )
    )
    per_community = [c for k in COMMUNITIES for c in community_calls(k, seeded.threads[k])]
    return sorted(everywhere + per_community, key=lambda c: (c.last, c.method != "get"))


def operations() -> set[tuple[str, str]]:
    """(method, path) for every operation the OpenAPI document describes."""
    from practica.api import api

    paths = api.get_openapi_schema()["paths"]
    return {
        (method, path.removeprefix(PREFIX)) for path, methods in paths.items() for method in methods
    }


def client_for_persona(seeded: Seeded, persona: str) -> Client:
    if persona == "anonymous":
        return Client()
    _token, key = create_token(user=getattr(seeded.world, persona), name="API walk")
    return Client(headers={"Authorization": f"Bearer {key}"})


def send(client: Client, call: ApiCall) -> Any:
    url = PREFIX + call.url
    if call.method == "get":
        return client.get(url)
    data = json.dumps(call.body) if call.body is not None else ""
    return getattr(client, call.method)(url, data, content_type="application/json")


# --- The walk ------------------------------------------------------------------------------


def test_every_api_operation_is_walked(seeded: Seeded) -> None:
    documented = operations()
    assert ("get", "/questions/{question_id}") in documented
    walked = {(c.method, c.path) for c in calls(seeded, "bob")}
    missing = sorted(documented - walked)
    assert not missing, (
        "These API operations are not in the visibility walk; add them to calls() in "
        f"tests/test_api_visibility_walk.py with who may reach them: {missing}"
    )
    unknown = sorted(walked - documented)
    assert not unknown, f"The walk calls operations the OpenAPI document does not list: {unknown}"


def test_every_call_in_the_walk_matches_its_operation(seeded: Seeded) -> None:
    wrong = []
    for call in calls(seeded, "bob"):
        pattern = re.sub(r"\\\{[^}]+\\\}", "[^/?]+", re.escape(call.path))
        if not re.fullmatch(pattern + r"(\?.*)?", call.url):
            wrong.append(f"{call} does not match {call.path}")
    assert not wrong, wrong


def test_anonymous_callers_get_401_everywhere_but_token_sign_in_and_see_nothing(
    seeded: Seeded,
) -> None:
    client = Client()
    hidden = seeded.markers_hidden_from("anonymous")
    problems: list[str] = []
    for call in calls(seeded, "bob"):
        response = send(client, call)
        expected = 200 if call.path == "/auth/token" else 401
        if response.status_code != expected:
            problems.append(f"{call}: {response.status_code}, expected {expected}")
        problems += leaks("anonymous", str(call), response.content.decode(), hidden)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("persona", ["alice", "bob", "charlie", "dana"])
def test_each_persona_reaches_exactly_what_they_may_see_through_the_api(
    seeded: Seeded, persona: str
) -> None:
    client = client_for_persona(seeded, persona)
    hidden = seeded.markers_hidden_from(persona)
    problems: list[str] = []
    bodies = []
    for call in calls(seeded, persona):
        response = send(client, call)
        status = response.status_code
        body = response.content.decode()
        bodies.append(body)
        if persona not in call.who:
            if status != 404:
                problems.append(f"{persona}: {call} answered {status}, expected 404")
            elif response.json() != {"detail": "Not found."}:
                problems.append(f"{persona}: {call} answered 404 with {body}")
        elif call.read and status != 200:
            problems.append(f"{persona}: {call} answered {status}, expected 200: {body[:200]}")
        elif status not in ALLOWED:
            problems.append(f"{persona}: {call} answered {status}: {body[:200]}")
        problems += leaks(persona, str(call), body, hidden)
    # What the persona may see is really there: the absence of the rest means something.
    everything = "\n".join(bodies)
    for key in SEES[persona]:
        if CODEWORDS[key] not in everything:
            problems.append(f"{persona} never sees {CODEWORDS[key]} through the API")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("persona", "listed"), [("charlie", {"open", "request"}), ("dana", {"open"})]
)
def test_api_lists_hold_only_the_communities_the_persona_may_see(
    seeded: Seeded, persona: str, listed: set[str]
) -> None:
    client = client_for_persona(seeded, persona)
    slugs = {seeded.threads[k].community.slug: k for k in COMMUNITIES}
    communities = client.get(f"{PREFIX}/communities?limit=100").json()["items"]
    assert {slugs[c["slug"]] for c in communities} == listed
    questions = client.get(f"{PREFIX}/questions?limit=100").json()["items"]
    assert {slugs[q["community"]] for q in questions} == listed
    tagged = client.get(f"{PREFIX}/questions?topic={seeded.world.topic.slug}").json()["items"]
    assert {slugs[q["community"]] for q in tagged} == listed
