"""The member list: who the viewer may see, search by name and by expertise."""

from collections.abc import Callable
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from practica.accounts.models import User
from practica.communities.models import Membership
from practica.taxonomy.models import Topic

ClientFor = Callable[[User | None], Client]


def new_member(username: str, organisation: Any, **fields: Any) -> User:
    return User.objects.create_user(
        username=username, email=f"{username}@example.org", organisation=organisation, **fields
    )


def usernames(client: Client, **params: str) -> list[str]:
    response = client.get("/members/", params)
    assert response.status_code == 200
    return [member.username for member in response.context["page"].items]


def test_anonymous_visitors_are_sent_to_sign_in(world: Any, client_for: ClientFor) -> None:
    response = client_for(None).get("/members/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_host_members_see_the_host_organisation_and_who_shares_a_community(
    world: Any, client_for: ClientFor
) -> None:
    assert usernames(client_for(world.charlie)) == ["alice", "bob", "charlie", "dana"]


def test_partner_members_see_only_people_in_their_communities(
    world: Any, client_for: ClientFor
) -> None:
    erin = new_member("erin", world.host)
    Membership.objects.create(community=world.request, user=erin)
    assert usernames(client_for(world.dana)) == ["bob", "charlie", "dana"]


def test_deactivated_and_placeholder_accounts_are_not_listed(
    world: Any, client_for: ClientFor
) -> None:
    new_member("gone", world.host, is_active=False)
    new_member("imported", world.host, is_placeholder=True)
    assert usernames(client_for(world.alice)) == ["alice", "bob", "charlie", "dana"]


def test_search_by_name_or_username(world: Any, client_for: ClientFor) -> None:
    world.charlie.name = "Charlie Okafor"
    world.charlie.save()
    client = client_for(world.bob)
    assert usernames(client, q="okafor") == ["charlie"]
    assert usernames(client, q="DAN") == ["dana"]
    response = client.get("/members/", {"q": "zzz"})
    assert b"Nobody matches that search." in response.content


def test_filter_by_expertise(world: Any, client_for: ClientFor) -> None:
    world.dana.expertise.add(world.topic)
    response = client_for(world.bob).get("/members/", {"topic": world.topic.slug})
    assert [m.username for m in response.context["page"].items] == ["dana"]
    assert b"Vibration analysis" in response.content


def test_member_list_is_paginated_by_cursor(world: Any, client_for: ClientFor) -> None:
    for i in range(35):
        new_member(f"member{i:02d}", world.host)
    client = client_for(world.bob)
    first = client.get("/members/")
    assert len(first.context["page"].items) == 30
    second = client.get("/members/", {"cursor": first.context["page"].next})
    assert len(second.context["page"].items) == 39 - 30
    assert client.get("/members/", {"cursor": "!!"}).status_code == 404


def test_member_list_query_count_does_not_grow(world: Any, client_for: ClientFor) -> None:
    client = client_for(world.bob)
    topics = [Topic.objects.create(name=f"Topic {i}", slug=f"topic-{i}") for i in range(3)]
    world.charlie.expertise.set(topics)

    def count() -> int:
        client.get("/members/")
        with CaptureQueriesContext(connection) as context:
            assert client.get("/members/").status_code == 200
        return len(context.captured_queries)

    few = count()
    for i in range(26):
        member = new_member(f"member{i:02d}", world.host)
        member.expertise.set(topics)
    many = count()
    assert User.objects.count() == 30
    assert few == many


def test_an_imported_placeholder_profile_says_so_and_offers_no_follow(world, client_for):
    from practica.accounts.models import User

    ghost = User.objects.create_user(
        username="beer-130", name="Hop Head", organisation=world.host, is_placeholder=True
    )
    html = client_for(world.bob).get(f"/members/{ghost.username}/").content.decode()
    assert "Imported author: this account has not been claimed" in html
    assert "Follow Hop Head" not in html
