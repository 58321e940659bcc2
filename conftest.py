"""Shared fixtures: the personas and keyword-only factories.

- alice: site administrator (host organisation)
- bob: host organisation, active member of every community
- charlie: host organisation, member of the open and on-request communities, not the private one
- dana: partner organisation, member of the community that admits partners
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from practica.accounts.models import Organisation, User
from practica.communities.models import Community, Membership, Role
from practica.content.models import Entry
from practica.discussions import services as qa
from practica.taxonomy.models import Topic

PASSWORD = "practica-demo"


@pytest.fixture(autouse=True)
def _test_settings(settings: Any, tmp_path: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.RATELIMIT_ENABLE = False
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SEARCH_INDEX_DIR = tmp_path / "search"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.ACCOUNT_RATE_LIMITS = False
    cache.clear()


@dataclass
class World:
    host: Organisation
    partner: Organisation
    alice: User
    bob: User
    charlie: User
    dana: User
    open: Community  # pump reliability: open, admits partners
    request: Community  # project managers: on request
    private: Community  # change practitioners: private
    topic: Topic


def make_user(
    *, username: str, organisation: Organisation, superuser: bool = False, **fields: Any
) -> User:
    user = User.objects.create_user(
        username=username,
        email=f"{username}@{organisation.slug}.example",
        password=PASSWORD,
        organisation=organisation,
        name=fields.pop("name", username.capitalize()),
        is_superuser=superuser,
        is_staff=superuser,
        **fields,
    )
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def make_community(
    *, slug: str, visibility: str = "open", admits_partners: bool = False, leader: User
) -> Community:
    community = Community.objects.create(
        slug=slug,
        name=slug.replace("-", " ").title(),
        purpose=f"Practitioners of {slug} learning from each other.",
        visibility=visibility,
        admits_partners=admits_partners,
    )
    join(community=community, user=leader, role=Role.LEADER)
    return community


def join(*, community: Community, user: User, role: str = Role.MEMBER) -> Membership:
    membership, _ = Membership.objects.update_or_create(
        community=community, user=user, defaults={"role": role, "status": "active"}
    )
    community.member_count = community.memberships.filter(status="active").count()
    community.save(update_fields=["member_count"])
    return membership


@pytest.fixture
def world(db: Any) -> World:
    host = Organisation.objects.create(name="Acme Water", slug="acme", is_host=True)
    partner = Organisation.objects.create(name="Northwind Partners", slug="northwind")
    alice = make_user(username="alice", organisation=host, superuser=True)
    bob = make_user(username="bob", organisation=host)
    charlie = make_user(username="charlie", organisation=host)
    dana = make_user(username="dana", organisation=partner)
    open_ = make_community(slug="pump-reliability", admits_partners=True, leader=bob)
    request = make_community(slug="project-managers", visibility="request", leader=bob)
    private = make_community(slug="change-practitioners", visibility="private", leader=bob)
    join(community=open_, user=charlie)
    join(community=request, user=charlie)
    join(community=open_, user=dana)
    topic = Topic.objects.create(name="Vibration analysis", slug="vibration-analysis")
    return World(host, partner, alice, bob, charlie, dana, open_, request, private, topic)


@pytest.fixture
def make_question() -> Callable[..., Entry]:
    counter = iter(range(1, 1_000_000))

    def factory(
        *, community: Community, author: User, title: str = "", body: str = "", **kw: Any
    ) -> Entry:
        n = next(counter)
        return qa.ask_question(
            community=community,
            by=author,
            title=title or f"How do we handle pump question number {n}?",
            body=body or f"Context for question {n}: the seal keeps failing after a rebuild.",
            **kw,
        )

    return factory


@pytest.fixture
def make_answer() -> Callable[..., Entry]:
    def factory(
        *, question: Entry, author: User, body: str = "Check the alignment first."
    ) -> Entry:
        return qa.post_answer(question=question, by=author, body=body)

    return factory


@pytest.fixture
def client_for(db: Any) -> Callable[[User | None], Client]:
    """A test client signed in as the given persona (None: an anonymous visitor)."""

    def factory(user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return factory
