"""The community pages: directory, detail, joining, members, invitations and settings."""

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from practica.accounts.models import User
from practica.communities.models import Community, Membership, MembershipStatus, Role
from practica.taxonomy.models import Topic

ClientFor = Callable[[User | None], Client]


def new_member(username: str, organisation: Any) -> User:
    return User.objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password="practica-demo",
        organisation=organisation,
        name=username.capitalize(),
    )


def query_count(client: Client, url: str) -> int:
    client.get(url)  # warm caches that are filled once per process
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


# --- Visibility walk -------------------------------------------------------------------------

COMMUNITY_PAGES = ["/c/{slug}/", "/c/{slug}/members/", "/c/{slug}/settings/"]


@pytest.mark.parametrize("page", ["/c/", "/c/new/", *COMMUNITY_PAGES])
def test_anonymous_visitors_are_sent_to_sign_in(
    world: Any, client_for: ClientFor, page: str
) -> None:
    response = client_for(None).get(page.format(slug="pump-reliability"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("page", COMMUNITY_PAGES)
def test_charlie_gets_404_for_the_private_community(
    world: Any, client_for: ClientFor, page: str
) -> None:
    response = client_for(world.charlie).get(page.format(slug="change-practitioners"))
    assert response.status_code == 404


@pytest.mark.parametrize("action", ["join", "leave", "invite"])
def test_charlie_cannot_post_to_the_private_community(
    world: Any, client_for: ClientFor, action: str
) -> None:
    response = client_for(world.charlie).post(
        f"/c/change-practitioners/{action}/", {"username": "charlie"}
    )
    assert response.status_code == 404
    assert not Membership.objects.filter(community=world.private, user=world.charlie).exists()


@pytest.mark.parametrize("page", COMMUNITY_PAGES[:2])
def test_dana_gets_404_for_communities_that_do_not_admit_partners(
    world: Any, client_for: ClientFor, page: str
) -> None:
    client = client_for(world.dana)
    assert client.get(page.format(slug="project-managers")).status_code == 404
    assert client.get(page.format(slug="change-practitioners")).status_code == 404
    assert client.get(page.format(slug="pump-reliability")).status_code == 200


def test_directory_lists_only_what_each_persona_may_see(world: Any, client_for: ClientFor) -> None:
    expected = {
        "alice": {"pump-reliability", "project-managers", "change-practitioners"},
        "bob": {"pump-reliability", "project-managers", "change-practitioners"},
        "charlie": {"pump-reliability", "project-managers"},
        "dana": {"pump-reliability"},
    }
    for name, slugs in expected.items():
        response = client_for(getattr(world, name)).get("/c/")
        assert response.status_code == 200
        shown = {community.slug for community, _m, _p in response.context["cards"]}
        assert shown == slugs, name
        if "change-practitioners" not in slugs:
            assert b"Change Practitioners" not in response.content


@pytest.mark.parametrize("persona", ["alice", "bob"])
def test_alice_and_bob_see_the_private_community_pages(
    world: Any, client_for: ClientFor, persona: str
) -> None:
    client = client_for(getattr(world, persona))
    for page in COMMUNITY_PAGES:
        assert client.get(page.format(slug="change-practitioners")).status_code == 200


# --- Directory -------------------------------------------------------------------------------


def test_directory_puts_my_communities_first_and_shows_my_role(
    world: Any, client_for: ClientFor
) -> None:
    response = client_for(world.dana).get("/c/")
    community, membership, _purpose = response.context["cards"][0]
    assert community == world.open
    assert membership.role == Role.MEMBER
    other = Community.objects.create(
        slug="asset-management", name="Asset Management", purpose="Assets.", admits_partners=True
    )
    response = client_for(world.charlie).get("/c/")
    slugs = [c.slug for c, _m, _p in response.context["cards"]]
    assert slugs.index(other.slug) > slugs.index("pump-reliability")
    assert b"You: Member" in response.content


def test_directory_searches_name_and_purpose(world: Any, client_for: ClientFor) -> None:
    world.request.purpose = "Planning schedules and budgets."
    world.request.save()
    client = client_for(world.bob)
    by_name = client.get("/c/", {"q": "pump"}).context["cards"]
    assert [c.slug for c, _m, _p in by_name] == ["pump-reliability"]
    by_purpose = client.get("/c/", {"q": "budgets"}).context["cards"]
    assert [c.slug for c, _m, _p in by_purpose] == ["project-managers"]
    nothing = client.get("/c/", {"q": "zebra"})
    assert nothing.context["cards"] == []
    assert b"No community matches that search." in nothing.content


def test_directory_filters_by_topic(world: Any, client_for: ClientFor) -> None:
    world.open.topics.add(world.topic)
    response = client_for(world.bob).get("/c/", {"topic": world.topic.slug})
    assert [c.slug for c, _m, _p in response.context["cards"]] == ["pump-reliability"]
    assert b'<option value="vibration-analysis" selected>' in response.content


def test_directory_offers_start_a_community_only_to_those_allowed(
    world: Any, client_for: ClientFor
) -> None:
    assert b"Start a community" in client_for(world.charlie).get("/c/").content
    assert b"Start a community" not in client_for(world.dana).get("/c/").content


def test_directory_answers_htmx_with_the_results_only(world: Any, client_for: ClientFor) -> None:
    response = client_for(world.bob).get("/c/", {"q": "pump"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert b'id="results"' in response.content
    assert b"<html" not in response.content


def test_directory_query_count_does_not_grow_with_communities(
    world: Any, client_for: ClientFor
) -> None:
    client = client_for(world.bob)
    topic = world.topic

    def add(n: int) -> None:
        for i in range(n):
            community = Community.objects.create(
                slug=f"extra-{Community.objects.count()}-{i}", name=f"Extra {i}", purpose="More."
            )
            community.topics.add(topic)
            Membership.objects.create(community=community, user=world.bob)

    few = query_count(client, "/c/")
    add(27)
    many = query_count(client, "/c/")
    assert Community.objects.count() == 30
    assert few == many


# --- Creating --------------------------------------------------------------------------------


def test_starting_a_community_makes_the_creator_its_leader(
    world: Any, client_for: ClientFor
) -> None:
    response = client_for(world.charlie).post(
        "/c/new/",
        {
            "name": "Water Quality",
            "slug": "",
            "purpose": "Keeping **drinking water** safe.",
            "sponsor": "Chief Engineer",
            "visibility": "request",
            "topics": [world.topic.pk],
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/c/water-quality/"
    community = Community.objects.get(slug="water-quality")
    assert community.visibility == "request"
    assert list(community.topics.all()) == [world.topic]
    membership = Membership.objects.get(community=community, user=world.charlie)
    assert membership.role == Role.LEADER
    page = client_for(world.charlie).get("/c/water-quality/")
    assert b"<strong>drinking water</strong>" in page.content


def test_a_taken_slug_shows_the_error_and_keeps_what_was_typed(
    world: Any, client_for: ClientFor
) -> None:
    response = client_for(world.charlie).post(
        "/c/new/",
        {
            "name": "Pumps Again",
            "slug": "pump-reliability",
            "purpose": "A second home.",
            "visibility": "open",
        },
    )
    assert response.status_code == 422
    assert "That address is taken; choose another." in response.content.decode()
    assert b'value="Pumps Again"' in response.content
    assert b"A second home." in response.content
    assert not Community.objects.filter(name="Pumps Again").exists()


def test_an_empty_form_explains_what_is_missing(world: Any, client_for: ClientFor) -> None:
    response = client_for(world.charlie).post("/c/new/", {"name": "", "purpose": ""})
    assert response.status_code == 422
    assert b"There is a problem" in response.content


def test_partner_members_cannot_start_a_community(world: Any, client_for: ClientFor) -> None:
    client = client_for(world.dana)
    assert client.get("/c/new/").status_code == 403
    response = client.post("/c/new/", {"name": "X", "purpose": "Y", "visibility": "open"})
    assert response.status_code == 403
    assert not Community.objects.filter(name="X").exists()


def test_the_new_address_is_reserved(world: Any, client_for: ClientFor) -> None:
    response = client_for(world.charlie).post(
        "/c/new/", {"name": "New", "slug": "new", "purpose": "Y", "visibility": "open"}
    )
    assert response.status_code == 422
    assert not Community.objects.filter(slug="new").exists()


# --- Detail ----------------------------------------------------------------------------------


def test_detail_shows_purpose_leaders_topics_and_newest_questions(
    world: Any, client_for: ClientFor, make_question: Callable[..., Any]
) -> None:
    world.open.sponsor = "Head of Maintenance"
    world.open.save()
    world.open.topics.add(world.topic)
    for i in range(6):
        make_question(community=world.open, author=world.charlie, title=f"Seal failure case {i}")
    response = client_for(world.dana).get("/c/pump-reliability/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Head of Maintenance" in content
    assert "Vibration analysis" in content
    assert "Bob" in content  # the leader
    assert len(response.context["questions"]) == 5
    assert "Seal failure case 5" in content
    assert "Seal failure case 0" not in content
    assert "/c/pump-reliability/questions/" in content
    assert "/c/pump-reliability/ask/" in content
    assert "Leave community" in content


def test_detail_offers_the_right_button(world: Any, client_for: ClientFor) -> None:
    erin = new_member("erin", world.host)
    client = client_for(erin)
    assert "Join this community" in client.get("/c/pump-reliability/").content.decode()
    assert "Ask to join" in client.get("/c/project-managers/").content.decode()
    assert client.get("/c/change-practitioners/").status_code == 404


def test_detail_query_count_does_not_grow_with_questions(
    world: Any, client_for: ClientFor, make_question: Callable[..., Any]
) -> None:
    client = client_for(world.bob)
    for _ in range(3):
        make_question(community=world.open, author=world.charlie, topics=[world.topic])
    few = query_count(client, "/c/pump-reliability/")
    for i in range(27):
        make_question(community=world.open, author=world.dana, topics=[world.topic])
        world.open.topics.add(Topic.objects.create(name=f"Topic {i}", slug=f"topic-{i}"))
        join(world.open, new_member(f"facilitator{i}", world.host), Role.FACILITATOR)
    many = query_count(client, "/c/pump-reliability/")
    assert few == many


def join(community: Community, user: User, role: str = Role.MEMBER) -> Membership:
    return Membership.objects.create(community=community, user=user, role=role)


# --- Joining and leaving ---------------------------------------------------------------------


def test_joining_an_open_community_is_immediate(world: Any, client_for: ClientFor) -> None:
    erin = new_member("erin", world.host)
    response = client_for(erin).post("/c/pump-reliability/join/")
    assert response.status_code == 302
    membership = Membership.objects.get(community=world.open, user=erin)
    assert membership.status == MembershipStatus.ACTIVE
    world.open.refresh_from_db()
    assert world.open.member_count == 4


def test_asking_to_join_waits_for_a_leader_who_approves(world: Any, client_for: ClientFor) -> None:
    erin = new_member("erin", world.host)
    client_for(erin).post("/c/project-managers/join/")
    membership = Membership.objects.get(community=world.request, user=erin)
    assert membership.status == MembershipStatus.PENDING
    detail = client_for(erin).get("/c/project-managers/").content.decode()
    assert "Withdraw request" in detail

    members_page = client_for(world.bob).get("/c/project-managers/members/")
    assert members_page.context["pending"] == [membership]
    response = client_for(world.bob).post(f"/c/project-managers/members/{membership.pk}/approve/")
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ACTIVE


def test_a_leader_can_decline_a_request(world: Any, client_for: ClientFor) -> None:
    erin = new_member("erin", world.host)
    client_for(erin).post("/c/project-managers/join/")
    membership = Membership.objects.get(community=world.request, user=erin)
    client_for(world.bob).post(f"/c/project-managers/members/{membership.pk}/decline/")
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_only_leaders_approve_requests(world: Any, client_for: ClientFor) -> None:
    erin = new_member("erin", world.host)
    client_for(erin).post("/c/project-managers/join/")
    membership = Membership.objects.get(community=world.request, user=erin)
    response = client_for(world.charlie).post(
        f"/c/project-managers/members/{membership.pk}/approve/"
    )
    assert response.status_code == 403
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.PENDING
    assert client_for(world.charlie).get("/c/project-managers/members/").context["pending"] == []


def test_nobody_joins_a_private_community_without_an_invitation(
    world: Any, client_for: ClientFor
) -> None:
    response = client_for(world.alice).post("/c/change-practitioners/join/")
    assert response.status_code == 302
    assert not Membership.objects.filter(community=world.private, user=world.alice).exists()


def test_an_invited_member_sees_the_invitation_and_accepts_it(
    world: Any, client_for: ClientFor
) -> None:
    response = client_for(world.bob).post(
        "/c/change-practitioners/invite/", {"username": "charlie"}
    )
    assert response.status_code == 302
    invitation = Membership.objects.get(community=world.private, user=world.charlie)
    assert invitation.status == MembershipStatus.INVITED

    client = client_for(world.charlie)
    detail = client.get("/c/change-practitioners/")
    assert detail.status_code == 200
    assert "Accept invitation" in detail.content.decode()
    assert client.get("/c/change-practitioners/members/").status_code == 404
    home = client.get("/").content.decode()
    assert "You are invited to Change Practitioners." in home

    client.post("/c/change-practitioners/join/")
    invitation.refresh_from_db()
    assert invitation.status == MembershipStatus.ACTIVE
    assert client.get("/c/change-practitioners/members/").status_code == 200


def test_an_invited_member_may_decline(world: Any, client_for: ClientFor) -> None:
    client_for(world.bob).post("/c/change-practitioners/invite/", {"username": "charlie"})
    response = client_for(world.charlie).post("/c/change-practitioners/leave/")
    assert response["Location"] == "/c/"
    assert not Membership.objects.filter(community=world.private, user=world.charlie).exists()
    assert client_for(world.charlie).get("/c/change-practitioners/").status_code == 404


def test_inviting_an_unknown_username_keeps_what_was_typed(
    world: Any, client_for: ClientFor
) -> None:
    response = client_for(world.bob).post(
        "/c/change-practitioners/invite/", {"username": "nobody-here"}
    )
    assert response.status_code == 422
    assert b"Nobody here has that username." in response.content
    assert b'value="nobody-here"' in response.content


def test_inviting_a_partner_to_a_community_that_does_not_admit_them_is_refused(
    world: Any, client_for: ClientFor
) -> None:
    response = client_for(world.bob).post("/c/change-practitioners/invite/", {"username": "dana"})
    assert response.status_code == 422
    assert b"does not admit members of partner organisations" in response.content


def test_only_leaders_invite(world: Any, client_for: ClientFor) -> None:
    response = client_for(world.charlie).post("/c/project-managers/invite/", {"username": "dana"})
    assert response.status_code == 403


def test_leaving_a_community(world: Any, client_for: ClientFor) -> None:
    response = client_for(world.charlie).post("/c/pump-reliability/leave/")
    assert response["Location"] == "/c/pump-reliability/"
    assert not Membership.objects.filter(community=world.open, user=world.charlie).exists()


def test_the_last_leader_cannot_leave(world: Any, client_for: ClientFor) -> None:
    client = client_for(world.bob)
    response = client.post("/c/pump-reliability/leave/", follow=True)
    assert b"Name another leader before you leave" in response.content
    assert Membership.objects.filter(community=world.open, user=world.bob).exists()


def test_join_and_leave_need_post(world: Any, client_for: ClientFor) -> None:
    assert client_for(world.charlie).get("/c/pump-reliability/leave/").status_code == 405


# --- Members ---------------------------------------------------------------------------------


def test_members_page_lists_active_members_with_roles(world: Any, client_for: ClientFor) -> None:
    response = client_for(world.dana).get("/c/pump-reliability/members/")
    usernames = [m.user.username for m in response.context["page"].items]
    assert usernames == ["bob", "charlie", "dana"]
    assert b"Leader" in response.content
    assert b"Change role" not in response.content


def test_a_leader_changes_a_role(world: Any, client_for: ClientFor) -> None:
    membership = Membership.objects.get(community=world.open, user=world.charlie)
    client = client_for(world.bob)
    assert b"Change role" in client.get("/c/pump-reliability/members/").content
    client.post(f"/c/pump-reliability/members/{membership.pk}/role/", {"role": Role.FACILITATOR})
    membership.refresh_from_db()
    assert membership.role == Role.FACILITATOR


def test_a_member_cannot_change_roles(world: Any, client_for: ClientFor) -> None:
    membership = Membership.objects.get(community=world.open, user=world.dana)
    response = client_for(world.charlie).post(
        f"/c/pump-reliability/members/{membership.pk}/role/", {"role": Role.LEADER}
    )
    assert response.status_code == 403
    membership.refresh_from_db()
    assert membership.role == Role.MEMBER


def test_members_are_paginated_by_cursor(world: Any, client_for: ClientFor) -> None:
    for i in range(55):
        join(world.open, new_member(f"member{i:02d}", world.host))
    client = client_for(world.bob)
    first = client.get("/c/pump-reliability/members/")
    assert len(first.context["page"].items) == 50
    cursor = first.context["page"].next
    second = client.get("/c/pump-reliability/members/", {"cursor": cursor})
    assert len(second.context["page"].items) == 58 - 50
    assert client.get("/c/pump-reliability/members/", {"cursor": "nonsense"}).status_code == 404


def test_members_query_count_does_not_grow(world: Any, client_for: ClientFor) -> None:
    client = client_for(world.bob)
    erin = new_member("erin", world.host)
    Membership.objects.create(community=world.open, user=erin, status=MembershipStatus.PENDING)
    few = query_count(client, "/c/pump-reliability/members/")
    for i in range(27):
        join(world.open, new_member(f"member{i:02d}", world.host))
        Membership.objects.create(
            community=world.open,
            user=new_member(f"asker{i:02d}", world.host),
            status=MembershipStatus.PENDING,
        )
    many = query_count(client, "/c/pump-reliability/members/")
    assert few == many


# --- Settings --------------------------------------------------------------------------------


def test_a_leader_changes_the_settings(world: Any, client_for: ClientFor) -> None:
    client = client_for(world.bob)
    page = client.get("/c/project-managers/settings/")
    assert page.status_code == 200
    assert b'value="Project Managers"' in page.content
    response = client.post(
        "/c/project-managers/settings/",
        {
            "name": "Project Managers Guild",
            "purpose": "Delivering projects well.",
            "visibility": "open",
            "topics": [world.topic.pk],
        },
    )
    assert response.status_code == 302
    world.request.refresh_from_db()
    assert world.request.name == "Project Managers Guild"
    assert world.request.visibility == "open"
    assert list(world.request.topics.all()) == [world.topic]


def test_members_who_do_not_lead_cannot_open_the_settings(
    world: Any, client_for: ClientFor
) -> None:
    assert client_for(world.charlie).get("/c/project-managers/settings/").status_code == 403


def test_settings_with_missing_fields_keep_what_was_typed(
    world: Any, client_for: ClientFor
) -> None:
    response = client_for(world.bob).post(
        "/c/project-managers/settings/",
        {"name": "Renamed", "purpose": "", "visibility": "open"},
    )
    assert response.status_code == 422
    assert b'value="Renamed"' in response.content
    world.request.refresh_from_db()
    assert world.request.name == "Project Managers"


def test_directory_cards_show_the_purpose_as_plain_words(world: Any, client_for: ClientFor) -> None:
    world.open.purpose = "## Why we exist\n\nWe keep **pumps** & motors running.\n\n## More"
    world.open.save()
    response = client_for(world.bob).get("/c/")
    purposes = {c.slug: p for c, _m, p in response.context["cards"]}
    assert purposes["pump-reliability"] == "We keep pumps & motors running."
    assert b"We keep pumps &amp; motors running." in response.content
