from typing import Any

from practica.accounts.models import User
from practica.accounts.services import site_settings

SIGNUP = "/accounts/signup/"


def signup(client: Any, *, username: str, email: str) -> Any:
    return client.post(
        SIGNUP,
        {
            "username": username,
            "email": email,
            "password1": "a sturdy pass phrase 42",
            "password2": "a sturdy pass phrase 42",
        },
    )


def test_self_signup_is_closed_by_default(world: Any, client: Any) -> None:
    response = signup(client, username="mallory", email="mallory@elsewhere.example")
    assert not User.objects.filter(username="mallory").exists()
    assert b"closed" in response.content.lower()


def test_an_allowed_host_domain_may_sign_up_and_joins_the_host(world: Any, client: Any) -> None:
    world.host.email_domains = "acme.example"
    world.host.save()
    signup(client, username="erin", email="erin@acme.example")
    assert User.objects.get(username="erin").organisation == world.host


def test_a_partner_domain_signs_up_into_the_partner_organisation(world: Any, client: Any) -> None:
    world.partner.email_domains = "northwind.example\nnorthwind.test"
    world.partner.save()
    signup(client, username="frank", email="frank@Northwind.test")
    assert User.objects.get(username="frank").organisation == world.partner


def test_an_unknown_domain_is_refused_when_only_domains_are_allowed(
    world: Any, client: Any
) -> None:
    world.host.email_domains = "acme.example"
    world.host.save()
    signup(client, username="mallory", email="mallory@elsewhere.example")
    assert not User.objects.filter(username="mallory").exists()


def test_an_administrator_can_open_signup_to_anyone(world: Any, client: Any) -> None:
    settings_row = site_settings()
    settings_row.open_signup = True
    settings_row.save()
    signup(client, username="grace", email="grace@elsewhere.example")
    assert User.objects.get(username="grace").organisation == world.host


def test_signing_in_takes_a_username_or_an_email(world: Any, client: Any) -> None:
    by_name = client.post("/accounts/login/", {"login": "bob", "password": "practica-demo"})
    assert by_name.status_code == 302
    assert client.session["_auth_user_id"] == str(world.bob.pk)
    client.logout()
    by_mail = client.post(
        "/accounts/login/", {"login": "bob@acme.example", "password": "practica-demo"}
    )
    assert by_mail.status_code == 302
    assert client.session["_auth_user_id"] == str(world.bob.pk)


def test_a_wrong_password_keeps_the_login_and_says_so(world: Any, client: Any) -> None:
    response = client.post("/accounts/login/", {"login": "bob", "password": "nope"})
    assert response.status_code == 200
    assert b'value="bob"' in response.content
    assert b"not correct" in response.content.lower()


def test_passwords_are_hashed_with_argon2() -> None:
    from practica import settings as configured

    assert configured.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
