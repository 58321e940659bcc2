"""The admin pages for organisations, members, site settings, communities and topics."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from practica.accounts.models import SiteSettings, User
from practica.accounts.services import site_settings

ClientFor = Callable[[User | None], Client]


@pytest.mark.parametrize(
    "path",
    [
        "/admin/accounts/organisation/",
        "/admin/accounts/user/",
        "/admin/accounts/user/{bob}/change/",
        "/admin/accounts/user/add/",
        "/admin/accounts/sitesettings/",
        "/admin/communities/community/",
        "/admin/communities/community/{open}/change/",
        "/admin/taxonomy/topic/",
        "/admin/taxonomy/topic/{topic}/change/",
    ],
)
def test_site_administrators_open_each_admin_page(
    world: Any, client_for: ClientFor, path: str
) -> None:
    site_settings()
    url = path.format(bob=world.bob.pk, open=world.open.pk, topic=world.topic.pk)
    assert client_for(world.alice).get(url).status_code == 200


def test_members_cannot_open_the_admin(world: Any, client_for: ClientFor) -> None:
    response = client_for(world.bob).get("/admin/accounts/user/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_admin_opens_self_sign_up(world: Any, client_for: ClientFor) -> None:
    row = site_settings()
    response = client_for(world.alice).post(
        f"/admin/accounts/sitesettings/{row.pk}/change/", {"open_signup": "on"}
    )
    assert response.status_code == 302
    assert SiteSettings.objects.get().open_signup is True


def test_membership_changes_in_the_admin_update_the_member_count(
    world: Any, client_for: ClientFor
) -> None:
    community = world.request
    memberships = list(community.memberships.order_by("pk"))
    data: dict[str, Any] = {
        "name": community.name,
        "slug": community.slug,
        "purpose": community.purpose,
        "visibility": community.visibility,
        "memberships-TOTAL_FORMS": str(len(memberships) + 1),
        "memberships-INITIAL_FORMS": str(len(memberships)),
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
    }
    for i, m in enumerate(memberships):
        data |= {
            f"memberships-{i}-id": str(m.pk),
            f"memberships-{i}-community": str(community.pk),
            f"memberships-{i}-user": str(m.user_id),
            f"memberships-{i}-role": m.role,
            f"memberships-{i}-status": m.status,
        }
    n = len(memberships)
    data |= {
        f"memberships-{n}-community": str(community.pk),
        f"memberships-{n}-user": str(world.alice.pk),
        f"memberships-{n}-role": "member",
        f"memberships-{n}-status": "active",
    }
    response = client_for(world.alice).post(
        f"/admin/communities/community/{community.pk}/change/", data
    )
    assert response.status_code == 302, response.content[:2000]
    community.refresh_from_db()
    assert community.member_count == 3
