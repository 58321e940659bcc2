"""Communities in the API: the directory, detail, starting one, joining, leaving, members."""

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from conftest import join, make_community, make_user
from practica.accounts.models import User
from practica.accounts.services import create_token
from practica.communities.models import Community, Membership
from practica.taxonomy.models import Topic

JSON = "application/json"


def bearer(user: User) -> Client:
    _token, key = create_token(user=user, name="test")
    return Client(headers={"Authorization": f"Bearer {key}"})


def slugs(client: Client, url: str = "/api/v1/communities") -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    return [c["slug"] for c in response.json()["items"]]


ALL = {"pump-reliability", "project-managers", "change-practitioners"}


# --- The list ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("alice", ALL),
        ("bob", ALL),
        ("charlie", {"pump-reliability", "project-managers"}),
        ("dana", {"pump-reliability"}),
    ],
)
def test_each_persona_lists_only_the_communities_they_may_see(
    world: Any, persona: str, expected: set[str]
) -> None:
    assert set(slugs(bearer(getattr(world, persona)))) == expected


def test_each_community_carries_the_callers_role_and_status(world: Any) -> None:
    Membership.objects.filter(community=world.request, user=world.charlie).update(
        status="pending", role="member"
    )
    items = bearer(world.charlie).get("/api/v1/communities").json()["items"]
    by_slug = {c["slug"]: c for c in items}
    assert by_slug["pump-reliability"]["role"] == "member"
    assert by_slug["pump-reliability"]["status"] == "active"
    assert by_slug["project-managers"]["status"] == "pending"
    pump = by_slug["pump-reliability"]
    assert pump["name"] == "Pump Reliability"
    assert pump["visibility"] == "open"
    assert pump["admits_partners"] is True
    assert pump["member_count"] == 3
    assert pump["purpose"]


def test_a_non_member_sees_null_role_and_status(world: Any) -> None:
    items = bearer(world.alice).get("/api/v1/communities").json()["items"]
    assert {(c["role"], c["status"]) for c in items} == {(None, None)}


def test_member_me_lists_only_active_memberships(world: Any) -> None:
    Membership.objects.filter(community=world.request, user=world.charlie).update(status="pending")
    assert slugs(bearer(world.charlie), "/api/v1/communities?member=me") == ["pump-reliability"]
    assert slugs(bearer(world.alice), "/api/v1/communities?member=me") == []


def test_member_other_than_me_is_a_bad_request(world: Any) -> None:
    response = bearer(world.bob).get("/api/v1/communities?member=bob")
    assert response.status_code == 400
    assert "member=me" in response.json()["detail"]


def test_communities_are_searched_by_name_and_purpose_and_filtered_by_topic(
    world: Any,
) -> None:
    world.request.topics.add(world.topic)
    client = bearer(world.bob)
    assert slugs(client, "/api/v1/communities?q=pump") == ["pump-reliability"]
    assert slugs(client, "/api/v1/communities?q=change-practitioners") == ["change-practitioners"]
    assert slugs(client, "/api/v1/communities?topic=vibration-analysis") == ["project-managers"]


def test_the_search_never_finds_a_private_community_for_outsiders(world: Any) -> None:
    assert slugs(bearer(world.charlie), "/api/v1/communities?q=change") == []


def test_communities_page_through_without_duplicates(world: Any) -> None:
    for n in range(8):
        make_community(slug=f"circle-{n}", leader=world.bob)
    client = bearer(world.charlie)
    seen: list[str] = []
    url = "/api/v1/communities?limit=3"
    while url:
        page = client.get(url).json()
        seen.extend(c["slug"] for c in page["items"])
        url = f"/api/v1/communities?limit=3&cursor={page['next']}" if page["next"] else ""
    assert len(seen) == len(set(seen)) == 10
    # The caller's own communities come first.
    assert set(seen[:2]) == {"pump-reliability", "project-managers"}


def test_community_list_query_count_does_not_grow(world: Any) -> None:
    other = Topic.objects.create(name="Seals", slug="seals")

    def add(start: int, stop: int) -> None:
        for n in range(start, stop):
            community = make_community(slug=f"circle-{n:02}", leader=world.bob)
            community.topics.add(world.topic, other)
            if n % 2:
                join(community=community, user=world.charlie)

    client = bearer(world.charlie)
    add(0, 3)
    client.get("/api/v1/communities")
    with CaptureQueriesContext(connection) as few:
        assert len(client.get("/api/v1/communities?limit=100").json()["items"]) == 5
    add(3, 30)
    with CaptureQueriesContext(connection) as many:
        assert len(client.get("/api/v1/communities?limit=100").json()["items"]) == 32
    assert len(few) == len(many)


# --- One community -------------------------------------------------------------------------


def test_a_visible_community_answers_its_detail(world: Any) -> None:
    response = bearer(world.bob).get("/api/v1/communities/change-practitioners")
    assert response.status_code == 200
    community = response.json()
    assert community["visibility"] == "private"
    assert community["role"] == "leader"


@pytest.mark.parametrize(
    ("persona", "slug"),
    [
        ("charlie", "change-practitioners"),
        ("dana", "change-practitioners"),
        ("dana", "project-managers"),
        ("bob", "no-such-community"),
    ],
)
def test_a_community_the_caller_may_not_see_is_404(world: Any, persona: str, slug: str) -> None:
    client = bearer(getattr(world, persona))
    for url in [f"/api/v1/communities/{slug}", f"/api/v1/communities/{slug}/members"]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.json() == {"detail": "Not found."}


def test_an_invitee_may_read_the_private_community_they_are_invited_to(world: Any) -> None:
    Membership.objects.create(community=world.private, user=world.charlie, status="invited")
    response = bearer(world.charlie).get("/api/v1/communities/change-practitioners")
    assert response.status_code == 200
    assert response.json()["status"] == "invited"


def test_community_members_lists_active_members_with_roles(world: Any) -> None:
    response = bearer(world.dana).get("/api/v1/communities/pump-reliability/members")
    assert response.status_code == 200
    members = {m["username"]: m for m in response.json()["items"]}
    assert set(members) == {"bob", "charlie", "dana"}
    assert members["bob"]["role"] == "leader"
    assert members["dana"]["organisation"]["slug"] == "northwind"


def test_community_members_query_count_does_not_grow(world: Any) -> None:
    def add(start: int, stop: int) -> None:
        for n in range(start, stop):
            join(
                community=world.open,
                user=make_user(username=f"fitter{n:02}", organisation=world.host),
            )

    client = bearer(world.bob)
    add(0, 3)
    client.get("/api/v1/communities/pump-reliability/members")
    with CaptureQueriesContext(connection) as few:
        client.get("/api/v1/communities/pump-reliability/members?limit=100")
    add(3, 30)
    with CaptureQueriesContext(connection) as many:
        response = client.get("/api/v1/communities/pump-reliability/members?limit=100")
    assert len(response.json()["items"]) == 33
    assert len(few) == len(many)


# --- Starting one --------------------------------------------------------------------------


def new(slug: str = "seal-specialists", **fields: Any) -> dict[str, Any]:
    return {
        "slug": slug,
        "name": "Seal specialists",
        "purpose": "People who fit and fix mechanical seals.",
        "visibility": "open",
        **fields,
    }


def test_a_host_member_starts_a_community_and_leads_it(world: Any) -> None:
    response = bearer(world.charlie).post(
        "/api/v1/communities",
        new(visibility="request", topics=["vibration-analysis"], sponsor="Head of maintenance"),
        content_type=JSON,
    )
    assert response.status_code == 201
    community = response.json()
    assert community["slug"] == "seal-specialists"
    assert community["visibility"] == "request"
    assert community["role"] == "leader"
    assert community["topics"] == ["vibration-analysis"]
    assert community["member_count"] == 1
    assert Community.objects.get(slug="seal-specialists").sponsor == "Head of maintenance"


def test_a_partner_member_may_not_start_a_community(world: Any) -> None:
    response = bearer(world.dana).post("/api/v1/communities", new(), content_type=JSON)
    assert response.status_code == 403
    assert response.json()["detail"]
    assert not Community.objects.filter(slug="seal-specialists").exists()


def test_a_taken_slug_is_a_422_naming_the_field(world: Any) -> None:
    response = bearer(world.charlie).post(
        "/api/v1/communities", new(slug="change-practitioners"), content_type=JSON
    )
    assert response.status_code == 422
    assert response.json()["field"] == "slug"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"visibility": "secret"}, "visibility"),
        ({"slug": "Not A Slug!"}, "slug"),
        ({"name": "  "}, "name"),
        ({"topics": ["no-such-topic"]}, "topics"),
    ],
)
def test_bad_community_fields_are_422_naming_the_field(
    world: Any, fields: dict[str, Any], field: str
) -> None:
    response = bearer(world.charlie).post("/api/v1/communities", new(**fields), content_type=JSON)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == field


# --- Joining and leaving -------------------------------------------------------------------


def test_joining_an_open_community_is_immediate(world: Any) -> None:
    response = bearer(world.alice).post("/api/v1/communities/pump-reliability/join")
    assert response.status_code == 200
    assert response.json() == {
        "community": "pump-reliability",
        "role": "member",
        "status": "active",
    }


def test_joining_an_on_request_community_waits_for_a_leader(world: Any) -> None:
    outsider = make_user(username="erin", organisation=world.host)
    response = bearer(outsider).post("/api/v1/communities/project-managers/join")
    assert response.json()["status"] == "pending"


def test_joining_a_private_community_without_invitation_is_refused(world: Any) -> None:
    # Alice, an administrator, sees it but has no invitation: 403.
    response = bearer(world.alice).post("/api/v1/communities/change-practitioners/join")
    assert response.status_code == 403
    assert response.json()["detail"]
    # Charlie may not even see it: 404.
    response = bearer(world.charlie).post("/api/v1/communities/change-practitioners/join")
    assert response.status_code == 404


def test_an_invitee_joins_a_private_community(world: Any) -> None:
    Membership.objects.create(community=world.private, user=world.charlie, status="invited")
    response = bearer(world.charlie).post("/api/v1/communities/change-practitioners/join")
    assert response.status_code == 200
    assert response.json()["status"] == "active"


def test_a_partner_member_cannot_join_a_community_they_do_not_see(world: Any) -> None:
    response = bearer(world.dana).post("/api/v1/communities/project-managers/join")
    assert response.status_code == 404


def test_leaving_removes_the_membership(world: Any) -> None:
    response = bearer(world.charlie).post("/api/v1/communities/pump-reliability/leave")
    assert response.status_code == 200
    assert response.json() == {"community": "pump-reliability", "role": None, "status": None}
    assert not Membership.objects.filter(community=world.open, user=world.charlie).exists()


def test_the_last_leader_cannot_leave(world: Any) -> None:
    response = bearer(world.bob).post("/api/v1/communities/pump-reliability/leave")
    assert response.status_code == 422
    assert response.json()["detail"]
