"""The one visibility rule. Every page, list, search, feed, export and endpoint goes through it.

- anonymous visitors see no community;
- site administrators see every community;
- members of the host organisation see open and on-request communities, and the private
  communities they are active members of;
- members of a partner organisation (or of none) see only the communities that admit partners
  and that they are active members of.
"""

from django.db.models import Q

from practica.core.types import Viewer

from .models import Membership, MembershipStatus, Visibility


def is_site_admin(viewer: Viewer) -> bool:
    return bool(viewer.is_authenticated and viewer.is_active and viewer.is_superuser)


def is_host_member(viewer: Viewer) -> bool:
    if not viewer.is_authenticated or not viewer.is_active:
        return False
    return viewer.organisation is not None and viewer.organisation.is_host


def community_q(viewer: Viewer, prefix: str = "") -> Q:
    """A filter on communities (or, with ``prefix="community__"``, on what belongs to one)."""
    if not viewer.is_authenticated or not viewer.is_active:
        return Q(**{f"{prefix}pk__in": []})
    if is_site_admin(viewer):
        return Q()
    mine = Membership.objects.filter(user=viewer, status=MembershipStatus.ACTIVE).values(
        "community_id"
    )
    member_of = Q(**{f"{prefix}pk__in": mine})
    if is_host_member(viewer):
        readable = Q(**{f"{prefix}visibility__in": [Visibility.OPEN, Visibility.REQUEST]})
        return readable | member_of
    return member_of & Q(**{f"{prefix}admits_partners": True})
