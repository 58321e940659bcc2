"""People in the API: token sign-in, the caller, personal tokens and members."""

from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from conftest import make_user
from practica.accounts.models import ApiToken, User
from practica.accounts.services import create_token
from practica.taxonomy.models import Topic

JSON = "application/json"


def bearer(user: User) -> Client:
    _token, key = create_token(user=user, name="test")
    return Client(headers={"Authorization": f"Bearer {key}"})


def sign_in(username: str, password: str = "practica-demo") -> Any:
    return Client().post(
        "/api/v1/auth/token", {"username": username, "password": password}, content_type=JSON
    )


# --- Token sign-in -------------------------------------------------------------------------


def test_signing_in_with_username_and_password_gives_a_working_token(world: Any) -> None:
    response = sign_in("bob")
    assert response.status_code == 200
    token = response.json()["token"]
    me = Client(headers={"Authorization": f"Bearer {token}"}).get("/api/v1/me")
    assert me.status_code == 200
    assert me.json()["username"] == "bob"


def test_signing_in_with_the_email_address_works_too(world: Any) -> None:
    response = sign_in(world.dana.email)
    assert response.status_code == 200
    assert response.json()["token"]


def test_signing_in_creates_a_personal_token_the_member_can_see(world: Any) -> None:
    sign_in("charlie")
    assert ApiToken.objects.filter(user=world.charlie, name="API sign-in").count() == 1


@pytest.mark.parametrize(
    ("username", "password"), [("bob", "wrong"), ("nobody", "practica-demo"), ("", "")]
)
def test_bad_credentials_get_401_with_a_reason(world: Any, username: str, password: str) -> None:
    response = sign_in(username, password)
    assert response.status_code == 401
    assert response.json()["detail"]
    assert not ApiToken.objects.exists()


def test_an_inactive_account_cannot_sign_in(world: Any) -> None:
    User.objects.filter(pk=world.charlie.pk).update(is_active=False)
    assert sign_in("charlie").status_code == 401


def test_an_unverified_email_cannot_sign_in_when_verification_is_mandatory(
    world: Any, settings: Any
) -> None:
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    EmailAddress.objects.filter(user=world.charlie).update(verified=False)
    assert sign_in("charlie").status_code == 401


def test_a_sign_in_body_without_a_password_is_a_422(world: Any) -> None:
    response = Client().post("/api/v1/auth/token", {"username": "bob"}, content_type=JSON)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "password"


# --- The caller ----------------------------------------------------------------------------


def test_me_describes_the_caller_with_communities_and_roles(world: Any) -> None:
    User.objects.filter(pk=world.charlie.pk).update(unread_notifications=2)
    me = bearer(world.charlie).get("/api/v1/me").json()
    assert me["username"] == "charlie"
    assert me["name"] == "Charlie"
    assert me["organisation"] == {"slug": "acme", "name": "Acme Water", "is_host": True}
    assert me["unread_notifications"] == 2
    assert me["is_site_admin"] is False
    assert {(c["slug"], c["role"], c["status"]) for c in me["communities"]} == {
        ("pump-reliability", "member", "active"),
        ("project-managers", "member", "active"),
    }


def test_me_shows_the_leaders_role(world: Any) -> None:
    me = bearer(world.bob).get("/api/v1/me").json()
    assert {c["role"] for c in me["communities"]} == {"leader"}
    assert len(me["communities"]) == 3


# --- Personal tokens -----------------------------------------------------------------------


def test_a_member_creates_a_token_shown_once_that_works(world: Any) -> None:
    client = bearer(world.dana)
    response = client.post("/api/v1/me/tokens", {"name": "Import script"}, content_type=JSON)
    assert response.status_code == 201
    created = response.json()
    assert created["name"] == "Import script"
    assert created["token"].startswith(created["prefix"])
    me = Client(headers={"Authorization": f"Bearer {created['token']}"}).get("/api/v1/me")
    assert me.json()["username"] == "dana"
    listed = client.get("/api/v1/me/tokens").json()
    assert "Import script" in {t["name"] for t in listed["items"]}
    assert all("token" not in t for t in listed["items"])


def test_a_token_needs_a_name(world: Any) -> None:
    response = bearer(world.dana).post("/api/v1/me/tokens", {"name": "  "}, content_type=JSON)
    assert response.status_code == 422
    assert response.json()["field"] == "name"


def test_a_member_lists_only_their_own_tokens(world: Any) -> None:
    create_token(user=world.bob, name="Bob's laptop")
    names = {t["name"] for t in bearer(world.charlie).get("/api/v1/me/tokens").json()["items"]}
    assert "Bob's laptop" not in names


def test_a_revoked_token_stops_working(world: Any) -> None:
    token, key = create_token(user=world.charlie, name="Old script")
    old = Client(headers={"Authorization": f"Bearer {key}"})
    assert old.get("/api/v1/me").status_code == 200
    assert bearer(world.charlie).delete(f"/api/v1/me/tokens/{token.pk}").status_code == 204
    assert old.get("/api/v1/me").status_code == 401


def test_nobody_revokes_someone_elses_token(world: Any) -> None:
    token, _key = create_token(user=world.bob, name="Bob's script")
    response = bearer(world.charlie).delete(f"/api/v1/me/tokens/{token.pk}")
    assert response.status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()


# --- Members -------------------------------------------------------------------------------


def _usernames(client: Client, url: str = "/api/v1/members") -> set[str]:
    response = client.get(url)
    assert response.status_code == 200
    return {m["username"] for m in response.json()["items"]}


def test_host_members_see_the_host_organisation_and_their_communities(world: Any) -> None:
    assert _usernames(bearer(world.charlie)) == {"alice", "bob", "charlie", "dana"}


def test_a_partner_member_sees_only_people_in_communities_they_see(world: Any) -> None:
    assert _usernames(bearer(world.dana)) == {"bob", "charlie", "dana"}
    assert bearer(world.dana).get("/api/v1/members/alice").status_code == 404


def test_a_member_profile_carries_expertise_and_organisation(world: Any) -> None:
    world.bob.expertise.add(world.topic)
    User.objects.filter(pk=world.bob.pk).update(job_role="Reliability engineer")
    profile = bearer(world.dana).get("/api/v1/members/bob").json()
    assert profile["username"] == "bob"
    assert profile["job_role"] == "Reliability engineer"
    assert profile["expertise"] == ["vibration-analysis"]
    assert profile["organisation"]["slug"] == "acme"


def test_an_unknown_member_is_404(world: Any) -> None:
    response = bearer(world.bob).get("/api/v1/members/nobody")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_members_are_searched_by_name_and_found_by_expertise(world: Any) -> None:
    world.charlie.expertise.add(world.topic)
    client = bearer(world.bob)
    assert _usernames(client, "/api/v1/members?q=dan") == {"dana"}
    assert _usernames(client, "/api/v1/members?topic=vibration-analysis") == {"charlie"}


def test_members_page_through_without_duplicates(world: Any) -> None:
    for n in range(7):
        make_user(username=f"member{n}", organisation=world.host)
    client = bearer(world.bob)
    seen: list[str] = []
    url = "/api/v1/members?limit=3"
    while url:
        page = client.get(url).json()
        assert len(page["items"]) <= 3
        seen.extend(m["username"] for m in page["items"])
        url = f"/api/v1/members?limit=3&cursor={page['next']}" if page["next"] else ""
    assert len(seen) == len(set(seen)) == 11


def test_member_list_query_count_does_not_grow(world: Any) -> None:
    topic = Topic.objects.create(name="Seals", slug="seals")

    def add_members(start: int, stop: int) -> None:
        for n in range(start, stop):
            person = make_user(username=f"person{n:02}", organisation=world.host)
            person.expertise.add(world.topic, topic)

    client = bearer(world.bob)
    add_members(0, 3)
    client.get("/api/v1/members")
    with CaptureQueriesContext(connection) as few:
        assert len(client.get("/api/v1/members?limit=100").json()["items"]) == 7
    add_members(3, 30)
    with CaptureQueriesContext(connection) as many:
        assert len(client.get("/api/v1/members?limit=100").json()["items"]) == 34
    assert len(few) == len(many)


def test_token_list_query_count_does_not_grow(world: Any) -> None:
    client = bearer(world.bob)
    for n in range(2):
        create_token(user=world.bob, name=f"Script {n}")
    client.get("/api/v1/me/tokens")
    with CaptureQueriesContext(connection) as few:
        assert len(client.get("/api/v1/me/tokens?limit=100").json()["items"]) == 3
    for n in range(2, 29):
        create_token(user=world.bob, name=f"Script {n}")
    with CaptureQueriesContext(connection) as many:
        assert len(client.get("/api/v1/me/tokens?limit=100").json()["items"]) == 30
    assert len(few) == len(many)
