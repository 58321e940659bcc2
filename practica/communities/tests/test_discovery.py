"""Discovering communities (E4): the directory search finds them by their topics, and the
directory suggests communities from the member's expertise and the people they follow."""

from collections.abc import Callable
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from conftest import World, join, make_user
from practica.accounts.models import MemberFollow, User
from practica.communities.models import Community, Membership, MembershipStatus
from practica.communities.selectors import directory, suggest_communities
from practica.taxonomy.models import Topic

ClientFor = Callable[[User | None], Client]


def slugs(communities: Any) -> list[str]:
    return sorted(c.slug for c in communities)


# --- Search ----------------------------------------------------------------------------------


def test_directory_search_finds_communities_by_topic_name_and_synonym(world: World) -> None:
    world.topic.synonyms = "Condition monitoring\nVA"
    world.topic.save()
    world.open.topics.add(world.topic)

    assert slugs(directory(world.charlie, query="vibration")) == ["pump-reliability"]
    assert slugs(directory(world.charlie, query="condition monitor")) == ["pump-reliability"]
    assert slugs(directory(world.charlie, query="zebra")) == []


def test_directory_search_by_topic_still_hides_what_the_viewer_may_not_see(
    world: World,
) -> None:
    world.private.topics.add(world.topic)
    world.request.topics.add(world.topic)
    assert slugs(directory(world.charlie, query="vibration")) == ["project-managers"]
    assert slugs(directory(world.dana, query="vibration")) == []
    assert slugs(directory(world.bob, query="vibration")) == [
        "change-practitioners",
        "project-managers",
    ]


def test_directory_page_searches_topics_and_lists_each_community_once(
    world: World, client_for: ClientFor
) -> None:
    other = Topic.objects.create(name="Vibration sensors", slug="vibration-sensors")
    world.open.topics.add(world.topic, other)
    response = client_for(world.charlie).get("/c/", {"q": "vibration"})
    assert [c.slug for c, _m, _p in response.context["cards"]] == ["pump-reliability"]
    assert "Search by name, purpose or topic" in response.content.decode()


# --- Suggestions -----------------------------------------------------------------------------


def new_community(slug: str, **fields: Any) -> Community:
    return Community.objects.create(slug=slug, name=slug.replace("-", " ").title(), **fields)


def test_suggestions_come_from_expertise_and_follows_with_reasons(world: World) -> None:
    pumps = Topic.objects.create(name="Pumps", slug="pumps")
    world.charlie.expertise.add(world.topic, pumps)
    assets = new_community("asset-care", purpose="Assets.")
    assets.topics.add(world.topic, pumps)
    water = new_community("water-quality", purpose="Water.")
    erin = make_user(username="erin", organisation=world.host, name="Erin Walsh")
    join(community=water, user=erin)
    MemberFollow.objects.create(follower=world.charlie, followed=erin)

    suggestions = suggest_communities(viewer=world.charlie)

    assert [s.community.slug for s in suggestions] == ["asset-care", "water-quality"]
    assert suggestions[0].reasons == ["matches your expertise: Pumps, Vibration analysis"]
    assert suggestions[1].reasons == ["Erin Walsh, whom you follow, is a member"]


def test_several_followed_members_are_counted(world: World) -> None:
    water = new_community("water-quality", purpose="Water.")
    for name in ("erin", "fay", "gus"):
        person = make_user(username=name, organisation=world.host)
        join(community=water, user=person)
        MemberFollow.objects.create(follower=world.charlie, followed=person)
    (suggestion,) = suggest_communities(viewer=world.charlie)
    assert suggestion.reasons == ["Erin and 2 other people you follow are members"]


def test_suggestions_leave_out_joined_requested_and_invisible_communities(world: World) -> None:
    world.charlie.expertise.add(world.topic)
    for community in (world.open, world.request, world.private):
        community.topics.add(world.topic)
    asked = new_community("asked", purpose="Asked.", visibility="request")
    asked.topics.add(world.topic)
    Membership.objects.create(community=asked, user=world.charlie, status=MembershipStatus.PENDING)
    hidden = new_community("hidden", purpose="Hidden.", visibility="private")
    hidden.topics.add(world.topic)
    fresh = new_community("fresh", purpose="New.")
    fresh.topics.add(world.topic)

    # charlie is in open and request, asked to join "asked", may not see the private ones.
    assert [s.community.slug for s in suggest_communities(viewer=world.charlie)] == ["fresh"]


def test_dana_is_only_suggested_partner_communities_she_may_see(world: World) -> None:
    world.dana.expertise.add(world.topic)
    new_community("host-only", purpose="Host.").topics.add(world.topic)
    assert suggest_communities(viewer=world.dana) == []


def test_the_directory_shows_suggestions_to_signed_in_members_only_when_not_searching(
    world: World, client_for: ClientFor
) -> None:
    world.charlie.expertise.add(world.topic)
    new_community("asset-care", purpose="Assets.").topics.add(world.topic)
    client = client_for(world.charlie)

    body = client.get("/c/").content.decode()
    assert "Suggested for you" in body
    assert "matches your expertise: Vibration analysis" in body
    assert "Suggested for you" not in client.get("/c/", {"q": "asset"}).content.decode()
    assert "Suggested for you" not in client_for(world.bob).get("/c/").content.decode()


def test_the_directory_costs_the_same_with_3_and_30_suggestions(
    world: World, client_for: ClientFor
) -> None:
    world.charlie.expertise.add(world.topic)
    erin = make_user(username="erin", organisation=world.host)
    MemberFollow.objects.create(follower=world.charlie, followed=erin)
    client = client_for(world.charlie)

    def add(n: int) -> None:
        for _ in range(n):
            community = new_community(f"extra-{Community.objects.count()}", purpose="More.")
            community.topics.add(world.topic)
            join(community=community, user=erin)

    def count() -> int:
        client.get("/c/")
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/c/")
        assert response.status_code == 200
        assert response.context["suggestions"]
        return len(queries)

    add(3)
    few = count()
    add(27)
    many = count()
    assert few == many
