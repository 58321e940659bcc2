"""The API as a whole: its documents, who may call it, error answers and rate limits."""

import re
from typing import Any

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from practica.accounts.models import User
from practica.accounts.services import create_token

JSON = "application/json"


def bearer(user: User, **kwargs: Any) -> Client:
    _token, key = create_token(user=user, name="test")
    return Client(headers={"Authorization": f"Bearer {key}"}, **kwargs)


# --- Documents -----------------------------------------------------------------------------


def test_openapi_document_lists_the_endpoints(db: Any) -> None:
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    expected = {
        "/api/v1/auth/token": {"post"},
        "/api/v1/me": {"get"},
        "/api/v1/me/tokens": {"get", "post"},
        "/api/v1/me/tokens/{token_id}": {"delete"},
        "/api/v1/communities": {"get", "post"},
        "/api/v1/communities/{slug}": {"get"},
        "/api/v1/communities/{slug}/join": {"post"},
        "/api/v1/communities/{slug}/leave": {"post"},
        "/api/v1/communities/{slug}/members": {"get"},
        "/api/v1/topics": {"get"},
        "/api/v1/topics/{slug}": {"get"},
        "/api/v1/members": {"get"},
        "/api/v1/members/{username}": {"get"},
        "/api/v1/questions": {"get", "post"},
        "/api/v1/questions/{question_id}": {"get", "patch"},
        "/api/v1/questions/{question_id}/answers": {"get", "post"},
        "/api/v1/answers/{answer_id}": {"patch"},
        "/api/v1/answers/{answer_id}/accept": {"post"},
        "/api/v1/entries/{entry_id}/comments": {"get", "post"},
        "/api/v1/entries/{entry_id}/vote": {"post"},
        "/api/v1/notifications": {"get"},
        "/api/v1/notifications/read": {"post"},
    }
    for path, methods in expected.items():
        assert path in paths, path
        assert methods <= set(paths[path]), path


def test_openapi_document_describes_bearer_and_session_auth(db: Any) -> None:
    schemes = Client().get("/api/v1/openapi.json").json()["components"]["securitySchemes"]
    kinds = {(s["type"], s.get("scheme") or s.get("in")) for s in schemes.values()}
    assert ("http", "bearer") in kinds
    assert ("apiKey", "cookie") in kinds


def _docs_html(client: Client) -> tuple[str, Any]:
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    return response.content.decode(), response


@pytest.mark.parametrize("signed_in", [False, True])
def test_docs_page_answers_and_references_only_local_static_files(
    world: Any, client_for: Any, signed_in: bool
) -> None:
    html, _response = _docs_html(client_for(world.bob if signed_in else None))
    references = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert references, html
    for reference in references:
        assert reference.startswith("/static/"), reference
        assert finders.find(reference.removeprefix("/static/")), reference
    assert "http://" not in html and "https://" not in html and "//cdn" not in html


def test_docs_page_needs_no_inline_script_under_our_content_security_policy(db: Any) -> None:
    html, response = _docs_html(Client())
    # Only external scripts run; the one inline <script> is a JSON data block, which is
    # never executed, so "script-src 'self'" allows the page without an exemption.
    for attributes, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.S):
        assert "src=" in attributes or 'type="application/json"' in attributes, attributes
        if "src=" in attributes:
            assert not body.strip()
    assert re.search(r"<[^>]+ on\w+=", html) is None  # no inline event handlers
    assert " style=" not in html
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


# --- Who may call --------------------------------------------------------------------------


def _every_operation() -> list[tuple[str, str]]:
    from practica.api import api

    schema = api.get_openapi_schema()
    operations: list[tuple[str, str]] = []
    for path, methods in schema["paths"].items():
        concrete = re.sub(r"\{[^}]+\}", "1", path)
        operations.extend((method, concrete) for method in methods)
    return operations


@pytest.mark.parametrize(("method", "path"), _every_operation())
def test_anonymous_callers_get_401_everywhere_but_token_sign_in(
    world: Any, method: str, path: str
) -> None:
    if path == "/api/v1/auth/token":
        pytest.skip("token sign-in is for anonymous callers")
    response = getattr(Client(), method)(path, {}, content_type=JSON)
    assert response.status_code == 401
    assert "Bearer" in response.json()["detail"]


def test_a_bearer_token_signs_the_caller_in(world: Any) -> None:
    response = bearer(world.dana).get("/api/v1/me")
    assert response.status_code == 200
    assert response.json()["username"] == "dana"


@pytest.mark.parametrize(
    "header", ["Bearer nonsense", "Bearer ", "Token pra_x", "Basic Ym9iOnByYWN0aWNhLWRlbW8="]
)
def test_an_unknown_token_or_scheme_gets_401(world: Any, header: str) -> None:
    response = Client(headers={"Authorization": header}).get("/api/v1/me")
    assert response.status_code == 401
    assert response.json()["detail"]


def test_a_deactivated_members_token_stops_working(world: Any) -> None:
    client = bearer(world.charlie)
    User.objects.filter(pk=world.charlie.pk).update(is_active=False)
    assert client.get("/api/v1/me").status_code == 401


def test_the_browser_session_also_signs_the_caller_in(world: Any, client_for: Any) -> None:
    response = client_for(world.charlie).get("/api/v1/me")
    assert response.status_code == 200
    assert response.json()["username"] == "charlie"


def test_a_session_write_without_the_csrf_token_is_refused(world: Any, make_question: Any) -> None:
    question = make_question(community=world.open, author=world.charlie)
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.bob)
    url = f"/api/v1/entries/{question.pk}/vote"
    refused = client.post(url, {"value": 1}, content_type=JSON)
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    secret = "a" * 32
    client.cookies["csrftoken"] = secret
    accepted = client.post(url, {"value": 1}, content_type=JSON, headers={"X-CSRFToken": secret})
    assert accepted.status_code == 200
    assert accepted.json() == {"score": 1, "my_vote": 1}


def test_a_token_write_needs_no_csrf_token(world: Any, make_question: Any) -> None:
    question = make_question(community=world.open, author=world.charlie)
    client = bearer(world.bob, enforce_csrf_checks=True)
    response = client.post(f"/api/v1/entries/{question.pk}/vote", {"value": 1}, content_type=JSON)
    assert response.status_code == 200


# --- Errors --------------------------------------------------------------------------------


def test_malformed_json_is_a_400_with_a_reason(world: Any) -> None:
    response = bearer(world.bob).post("/api/v1/questions", "{not json", content_type=JSON)
    assert response.status_code == 400
    assert "JSON" in response.json()["detail"]


def test_a_body_of_the_wrong_shape_is_a_422_naming_the_field(world: Any) -> None:
    response = bearer(world.bob).post(
        "/api/v1/questions", {"community": "pump-reliability", "body": "x"}, content_type=JSON
    )
    assert response.status_code == 422
    body = response.json()
    assert "title" in body["detail"]
    assert body["errors"][0]["field"] == "title"


def test_a_bad_query_parameter_is_a_400(world: Any) -> None:
    response = bearer(world.bob).get("/api/v1/questions?limit=lots")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "limit"


def test_an_invalid_cursor_is_a_400(world: Any) -> None:
    response = bearer(world.bob).get("/api/v1/communities?cursor=not-a-cursor")
    assert response.status_code == 400
    assert response.json()["detail"]


def test_an_unknown_api_path_is_a_json_404(world: Any) -> None:
    response = bearer(world.bob).get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_a_service_error_is_a_422_naming_the_field(world: Any) -> None:
    response = bearer(world.bob).post(
        "/api/v1/questions",
        {"community": "pump-reliability", "title": "   ", "body": "Some body"},
        content_type=JSON,
    )
    assert response.status_code == 422
    body = response.json()
    assert body["field"] == "title"
    assert body["detail"]


# --- Rate limits ---------------------------------------------------------------------------


@pytest.fixture
def rate_limits(settings: Any) -> Any:
    settings.RATELIMIT_ENABLE = True
    settings.API_RATE = "3/m"
    settings.POST_RATE = "30/m"
    return settings


def test_calls_over_the_api_rate_get_a_json_429(world: Any, rate_limits: Any) -> None:
    client = bearer(world.bob)
    for _ in range(3):
        assert client.get("/api/v1/me").status_code == 200
    response = client.get("/api/v1/topics")
    assert response.status_code == 429
    assert response.json()["detail"]


def test_the_api_rate_counts_per_member(world: Any, rate_limits: Any) -> None:
    bob = bearer(world.bob)
    for _ in range(4):
        bob.get("/api/v1/me")
    assert bob.get("/api/v1/me").status_code == 429
    assert bearer(world.charlie).get("/api/v1/me").status_code == 200


def test_site_administrators_tokens_are_not_rate_limited(world: Any, rate_limits: Any) -> None:
    client = bearer(world.alice)
    for _ in range(10):
        assert client.get("/api/v1/me").status_code == 200


def test_posting_content_also_counts_against_the_post_rate(world: Any, rate_limits: Any) -> None:
    rate_limits.API_RATE = "100/m"
    rate_limits.POST_RATE = "2/m"
    client = bearer(world.bob)
    statuses = [
        client.post(
            "/api/v1/questions",
            {"community": "pump-reliability", "title": f"Seal question number {n}", "body": "x"},
            content_type=JSON,
        ).status_code
        for n in range(3)
    ]
    assert statuses == [201, 201, 429]
    assert client.get("/api/v1/questions").status_code == 200


def test_failed_token_sign_ins_are_rate_limited(world: Any, rate_limits: Any) -> None:
    rate_limits.API_RATE = "100/m"
    client = Client()
    wrong = {"username": "bob", "password": "guess"}
    for _ in range(10):
        assert client.post("/api/v1/auth/token", wrong, content_type=JSON).status_code == 401
    right = {"username": "bob", "password": "practica-demo"}
    response = client.post("/api/v1/auth/token", right, content_type=JSON)
    assert response.status_code == 429
    assert response.json()["detail"]


def test_successful_token_sign_ins_do_not_count_as_failures(world: Any, rate_limits: Any) -> None:
    rate_limits.API_RATE = "100/m"
    client = Client()
    right = {"username": "bob", "password": "practica-demo"}
    for _ in range(12):
        assert client.post("/api/v1/auth/token", right, content_type=JSON).status_code == 200
