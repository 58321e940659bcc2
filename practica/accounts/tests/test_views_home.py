"""The home page (landing for visitors, dashboard for members) and the sign-in pages."""

from collections.abc import Callable
from typing import Any

from django.test import Client

from practica.accounts.models import User
from practica.communities.models import Membership

ClientFor = Callable[[User | None], Client]


def test_anonymous_visitors_get_the_landing_page_with_the_sign_in_form(
    world: Any, client_for: ClientFor
) -> None:
    response = client_for(None).get("/")
    content = response.content.decode()
    assert response.status_code == 200
    assert 'action="/accounts/login/"' in content
    assert 'name="login"' in content
    assert 'name="password"' in content
    assert "Forgot your password?" in content
    assert "/accounts/password/reset/" in content
    assert "communities of practice" in content


def test_the_landing_page_shows_no_community(world: Any, client_for: ClientFor) -> None:
    content = client_for(None).get("/").content.decode()
    assert "Pump Reliability" not in content
    assert "Change Practitioners" not in content


def test_signing_in_with_the_username_lands_on_the_dashboard(
    world: Any, client_for: ClientFor
) -> None:
    client = client_for(None)
    response = client.post("/accounts/login/", {"login": "bob", "password": "practica-demo"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    home = client.get("/")
    assert home.status_code == 200
    assert "My communities" in home.content.decode()


def test_signing_in_with_the_email_address_works_too(world: Any, client_for: ClientFor) -> None:
    client = client_for(None)
    response = client.post(
        "/accounts/login/", {"login": world.bob.email, "password": "practica-demo"}
    )
    assert response.status_code == 302
    assert client.get("/").context["user"] == world.bob


def test_a_wrong_password_explains_and_keeps_the_login(world: Any, client_for: ClientFor) -> None:
    response = client_for(None).post("/accounts/login/", {"login": "bob", "password": "nope"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in content
    assert 'value="bob"' in content


def test_the_sign_in_page_looks_like_the_site(world: Any, client_for: ClientFor) -> None:
    response = client_for(None).get("/accounts/login/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "css/practica.css" in content
    assert 'class="site-header"' in content
    assert content.count("<h1") == 1
    assert "Forgot your password?" in content


def test_the_password_reset_page_looks_like_the_site(world: Any, client_for: ClientFor) -> None:
    response = client_for(None).get("/accounts/password/reset/")
    assert response.status_code == 200
    assert 'class="site-header"' in response.content.decode()


def test_signed_in_members_get_their_dashboard(
    world: Any, client_for: ClientFor, make_question: Callable[..., Any]
) -> None:
    make_question(community=world.open, author=world.charlie, title="Which bearing grease?")
    make_question(community=world.private, author=world.bob, title="How to run a kick-off?")
    content = client_for(world.dana).get("/").content.decode()
    assert content.index("My communities") < content.index("Recent questions")
    assert "/c/pump-reliability/" in content
    assert "Which bearing grease?" in content
    assert "How to run a kick-off?" not in content
    assert "Unanswered in your communities" in content


def test_dashboard_shows_unanswered_questions_only_from_my_communities(
    world: Any, client_for: ClientFor, make_question: Callable[..., Any]
) -> None:
    mine = make_question(community=world.open, author=world.bob, title="Mine, unanswered")
    make_question(community=world.request, author=world.bob, title="Not my community")
    Membership.objects.filter(community=world.request, user=world.charlie).delete()
    response = client_for(world.charlie).get("/")
    assert response.context["unanswered"] == [mine]


def test_a_member_of_no_community_is_pointed_to_the_directory(
    world: Any, client_for: ClientFor
) -> None:
    content = client_for(world.alice).get("/").content.decode()
    assert "You have not joined a community yet" in content
    assert "Browse the directory" in content


def test_every_persona_gets_a_page_at_the_root(world: Any, client_for: ClientFor) -> None:
    for persona in [None, world.alice, world.bob, world.charlie, world.dana]:
        assert client_for(persona).get("/").status_code == 200
