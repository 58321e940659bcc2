from typing import Any

from django.contrib.auth.models import AnonymousUser

from practica.communities.selectors import visible_communities


def slugs(viewer: Any) -> set[str]:
    return set(visible_communities(viewer).values_list("slug", flat=True))


def test_anonymous_visitors_see_no_community(world: Any) -> None:
    assert slugs(AnonymousUser()) == set()


def test_site_administrator_sees_every_community(world: Any) -> None:
    assert slugs(world.alice) == {"pump-reliability", "project-managers", "change-practitioners"}


def test_host_member_sees_open_and_request_but_not_private_communities(world: Any) -> None:
    assert slugs(world.charlie) == {"pump-reliability", "project-managers"}


def test_member_of_private_community_sees_it(world: Any) -> None:
    assert "change-practitioners" in slugs(world.bob)


def test_partner_member_sees_only_communities_that_admit_partners_and_they_belong_to(
    world: Any,
) -> None:
    assert slugs(world.dana) == {"pump-reliability"}


def test_deactivated_member_sees_nothing(world: Any) -> None:
    world.bob.is_active = False
    world.bob.save()
    assert slugs(world.bob) == set()
