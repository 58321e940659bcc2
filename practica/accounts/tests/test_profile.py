"""Profiles: what they show, who may see them, following, editing, and API tokens."""

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from practica.accounts import services
from practica.accounts.models import ApiToken, MemberFollow, User
from practica.communities.models import Community, Membership
from practica.taxonomy.models import Topic

ClientFor = Callable[[User | None], Client]


def new_member(username: str, organisation: Any, **fields: Any) -> User:
    return User.objects.create_user(
        username=username, email=f"{username}@example.org", organisation=organisation, **fields
    )


# --- Who may see a profile -------------------------------------------------------------------


@pytest.mark.parametrize("page", ["/members/bob/", "/settings/profile/", "/settings/tokens/"])
def test_anonymous_visitors_are_sent_to_sign_in(
    world: Any, client_for: ClientFor, page: str
) -> None:
    response = client_for(None).get(page)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_every_persona_sees_bob(world: Any, client_for: ClientFor) -> None:
    for persona in [world.alice, world.bob, world.charlie, world.dana]:
        assert client_for(persona).get("/members/bob/").status_code == 200


def test_dana_sees_people_she_shares_a_community_with_and_no_one_else(
    world: Any, client_for: ClientFor
) -> None:
    erin = new_member("erin", world.host)
    Membership.objects.create(community=world.request, user=erin)
    client = client_for(world.dana)
    assert client.get("/members/charlie/").status_code == 200
    assert client.get("/members/erin/").status_code == 404
    assert client.get("/members/alice/").status_code == 404
    assert client.get("/members/nobody/").status_code == 404


def test_a_partner_outside_my_communities_is_hidden_from_host_members(
    world: Any, client_for: ClientFor
) -> None:
    frank = new_member("frank", world.partner)
    assert client_for(world.charlie).get("/members/frank/").status_code == 404
    assert client_for(world.alice).get(f"/members/{frank.username}/").status_code == 200


def test_a_profile_shows_only_communities_the_viewer_may_see(
    world: Any, client_for: ClientFor
) -> None:
    charlie_view = client_for(world.charlie).get("/members/bob/").content.decode()
    assert "Pump Reliability" in charlie_view
    assert "Project Managers" in charlie_view
    assert "Change Practitioners" not in charlie_view
    dana_view = client_for(world.dana).get("/members/bob/").content.decode()
    assert "Project Managers" not in dana_view


def test_a_profile_shows_only_questions_and_answers_the_viewer_may_see(
    world: Any,
    client_for: ClientFor,
    make_question: Callable[..., Any],
    make_answer: Callable[..., Any],
) -> None:
    make_question(community=world.open, author=world.bob, title="Pump seals that weep")
    secret = make_question(community=world.private, author=world.bob, title="Secret change plan")
    make_answer(question=secret, author=world.bob, body="Keep it quiet.")
    open_question = make_question(
        community=world.open, author=world.charlie, title="Which grease for bearings?"
    )
    make_answer(question=open_question, author=world.bob, body="Lithium complex.")
    content = client_for(world.charlie).get("/members/bob/").content.decode()
    assert "Pump seals that weep" in content
    assert "Secret change plan" not in content
    assert "Answer to “Which grease for bearings?”" in content
    bob_view = client_for(world.bob).get("/members/bob/").content.decode()
    assert "Secret change plan" in bob_view


def test_a_profile_shows_the_details_a_member_gave(world: Any, client_for: ClientFor) -> None:
    world.charlie.job_role = "Reliability engineer"
    world.charlie.location = "Leeds"
    world.charlie.time_zone = "Europe/London"
    world.charlie.bio = "I look after **pumps**."
    world.charlie.ask_me_about = "mechanical seals"
    world.charlie.save()
    world.charlie.expertise.add(world.topic)
    content = client_for(world.dana).get("/members/charlie/").content.decode()
    for text in [
        "Reliability engineer",
        "Leeds",
        "Europe/London",
        "<strong>pumps</strong>",
        "mechanical seals",
        "Vibration analysis",
        "Acme Water",
    ]:
        assert text in content


def test_a_member_who_left_is_shown_as_having_left(world: Any, client_for: ClientFor) -> None:
    services.deactivate_member(user=world.charlie)
    response = client_for(world.bob).get("/members/charlie/")
    assert response.status_code == 200
    assert "This person has left." in response.content.decode()
    assert "Follow Charlie" not in response.content.decode()


def test_profile_query_count_does_not_grow(
    world: Any,
    client_for: ClientFor,
    make_question: Callable[..., Any],
    make_answer: Callable[..., Any],
) -> None:
    client = client_for(world.charlie)

    def add(n: int) -> None:
        for i in range(n):
            topic = Topic.objects.create(name=f"Topic {i}-{n}", slug=f"topic-{i}-{n}")
            question = make_question(community=world.open, author=world.bob, topics=[topic])
            make_answer(question=question, author=world.bob)
            world.bob.expertise.add(topic)
            community = Community.objects.create(slug=f"c-{i}-{n}", name=f"C {i}", purpose="P")
            Membership.objects.create(community=community, user=world.bob)
            MemberFollow.objects.create(
                follower=new_member(f"fan{i}-{n}", world.host), followed=world.bob
            )

    def count() -> int:
        client.get("/members/bob/")
        with CaptureQueriesContext(connection) as context:
            assert client.get("/members/bob/").status_code == 200
        return len(context.captured_queries)

    add(3)
    few = count()
    add(27)
    many = count()
    assert few == many


# --- Following -------------------------------------------------------------------------------


def test_the_follow_button_toggles(world: Any, client_for: ClientFor) -> None:
    client = client_for(world.dana)
    response = client.post("/members/charlie/follow/")
    assert response.status_code == 302
    assert MemberFollow.objects.filter(follower=world.dana, followed=world.charlie).exists()
    page = client.get("/members/charlie/").content.decode()
    assert "1 follower" in page
    assert "stop following" in page
    client.post("/members/charlie/follow/")
    assert not MemberFollow.objects.filter(follower=world.dana, followed=world.charlie).exists()


def test_following_with_htmx_answers_the_button_only(world: Any, client_for: ClientFor) -> None:
    response = client_for(world.dana).post("/members/charlie/follow/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert b'id="follow"' in response.content
    assert b"<html" not in response.content


def test_nobody_follows_someone_they_may_not_see(world: Any, client_for: ClientFor) -> None:
    assert client_for(world.dana).post("/members/alice/follow/").status_code == 404
    assert not MemberFollow.objects.exists()


def test_following_yourself_is_explained_not_done(world: Any, client_for: ClientFor) -> None:
    response = client_for(world.bob).post("/members/bob/follow/", follow=True)
    assert b"You cannot follow yourself." in response.content
    assert not MemberFollow.objects.exists()


# --- Editing the profile ---------------------------------------------------------------------


def test_a_member_edits_their_profile(world: Any, client_for: ClientFor) -> None:
    client = client_for(world.dana)
    assert client.get("/settings/profile/").status_code == 200
    response = client.post(
        "/settings/profile/",
        {
            "name": "Dana Whitfield",
            "job_role": "Maintenance planner",
            "location": "Rotterdam",
            "time_zone": "Europe/Amsterdam",
            "language": "en",
            "bio": "Planner.",
            "ask_me_about": "shutdowns",
            "expertise": [world.topic.pk],
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/members/dana/"
    world.dana.refresh_from_db()
    assert world.dana.name == "Dana Whitfield"
    assert world.dana.time_zone == "Europe/Amsterdam"
    assert world.dana.email_notifications is False
    assert list(world.dana.expertise.all()) == [world.topic]


def test_a_bad_time_zone_keeps_what_was_typed(world: Any, client_for: ClientFor) -> None:
    response = client_for(world.dana).post(
        "/settings/profile/",
        {"name": "Dana New", "time_zone": "Mars/Olympus", "language": "en"},
    )
    assert response.status_code == 422
    assert b'value="Dana New"' in response.content
    assert b"Dana New" not in response.content.split(b"</header>")[0]
    world.dana.refresh_from_db()
    assert world.dana.name == "Dana"


# --- API tokens ------------------------------------------------------------------------------


def test_a_new_token_is_shown_once(world: Any, client_for: ClientFor) -> None:
    client = client_for(world.bob)
    response = client.post("/settings/tokens/", {"name": "import script"})
    assert response.status_code == 200
    key = response.context["new_key"]
    assert key.startswith(services.TOKEN_PREFIX)
    assert key in response.content.decode()
    assert "Copy your new token now" in response.content.decode()
    assert services.user_for_token(key) == world.bob
    again = client.get("/settings/tokens/").content.decode()
    assert key not in again
    assert "import script" in again
    assert key[:12] in again


def test_a_token_needs_a_name(world: Any, client_for: ClientFor) -> None:
    response = client_for(world.bob).post("/settings/tokens/", {"name": ""})
    assert response.status_code == 422
    assert not ApiToken.objects.exists()


def test_revoking_a_token(world: Any, client_for: ClientFor) -> None:
    token, key = services.create_token(user=world.bob, name="bob-workstation")
    response = client_for(world.bob).post(f"/settings/tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    assert services.user_for_token(key) is None


def test_nobody_revokes_someone_elses_token(world: Any, client_for: ClientFor) -> None:
    token, key = services.create_token(user=world.bob, name="bob-workstation")
    response = client_for(world.charlie).post(f"/settings/tokens/{token.pk}/revoke/")
    assert response.status_code == 404
    assert services.user_for_token(key) == world.bob
    assert (
        "bob-workstation" not in client_for(world.charlie).get("/settings/tokens/").content.decode()
    )
