from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.http import Http404

from practica.accounts.models import User
from practica.core.types import Viewer

from .models import Community, Membership, MembershipStatus, Role
from .visibility import community_q, is_site_admin


def visible_communities(viewer: Viewer) -> QuerySet[Community]:
    return Community.objects.filter(community_q(viewer))


def get_community_for(viewer: Viewer, slug: str) -> Community:
    """The community, or 404 when it does not exist or the viewer may not see it."""
    community = visible_communities(viewer).filter(slug=slug).first()
    if community is None:
        raise Http404
    return community


def membership_of(viewer: Viewer, community: Community) -> Membership | None:
    if not viewer.is_authenticated:
        return None
    return Membership.objects.filter(user=viewer, community=community).first()


def memberships_by_community(viewer: Viewer) -> dict[int, Membership]:
    """All of the viewer's memberships (any status), keyed by community id: one query."""
    if not viewer.is_authenticated:
        return {}
    return {m.community_id: m for m in Membership.objects.filter(user=viewer)}


def directory(
    viewer: Viewer, *, query: str = "", topic: str = "", member_only: bool = False
) -> QuerySet[Community]:
    """Communities for the directory: the viewer's own first, then by recent activity."""
    communities = visible_communities(viewer)
    if query:
        communities = communities.filter(Q(name__icontains=query) | Q(purpose__icontains=query))
    if topic:
        communities = communities.filter(topics__slug=topic)
    mine = (
        Membership.objects.filter(user=viewer, status=MembershipStatus.ACTIVE).values(
            "community_id"
        )
        if viewer.is_authenticated
        else Membership.objects.none().values("community_id")
    )
    if member_only:
        communities = communities.filter(pk__in=mine)
    return communities.annotate(
        is_mine=Case(
            When(pk__in=mine, then=Value(1)), default=Value(0), output_field=IntegerField()
        )
    ).distinct()


def moderated_communities(viewer: Viewer) -> QuerySet[Community]:
    """Communities the viewer facilitates or leads (every visible one for a site admin)."""
    communities = visible_communities(viewer)
    if is_site_admin(viewer) or not viewer.is_authenticated:
        return communities
    return communities.filter(
        pk__in=Membership.objects.filter(
            user=viewer,
            status=MembershipStatus.ACTIVE,
            role__in=[Role.FACILITATOR, Role.LEADER],
        ).values("community_id")
    )


def leaders_of(community: Community) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(
            community=community, status=MembershipStatus.ACTIVE, role__in=["leader", "facilitator"]
        )
        .select_related("user")
        .annotate(leader_first=Case(When(role="leader", then=Value(0)), default=Value(1)))
        .order_by("leader_first", "user__username")
    )


def get_community_for_invitee(viewer: Viewer, slug: str) -> Community:
    """A community the viewer has been invited to, even one they may not see yet.

    Only the detail page uses this: an invitee must be able to read what they are invited
    to and accept. Every other page of the community still goes through the visibility rule.
    """
    if not viewer.is_authenticated or not viewer.is_active:
        raise Http404
    community = Community.objects.filter(
        slug=slug, memberships__user=viewer, memberships__status=MembershipStatus.INVITED
    ).first()
    if community is None:
        raise Http404
    return community


def active_members(community: Community) -> QuerySet[Membership]:
    """Active memberships with their people, ready for keyset pagination by ``username``."""
    return (
        Membership.objects.filter(community=community, status=MembershipStatus.ACTIVE)
        .select_related("user", "user__organisation")
        .annotate(username=F("user__username"))
    )


def pending_requests(community: Community) -> QuerySet[Membership]:
    """People who asked to join, oldest request first."""
    return (
        Membership.objects.filter(community=community, status=MembershipStatus.PENDING)
        .select_related("user", "user__organisation")
        .order_by("created_at", "id")
    )


def open_invitations(community: Community) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(community=community, status=MembershipStatus.INVITED)
        .select_related("user")
        .order_by("created_at", "id")
    )


def my_memberships(
    viewer: Viewer, *, status: str = MembershipStatus.ACTIVE
) -> QuerySet[Membership]:
    """The viewer's memberships with that status, with their communities, by community name."""
    if not viewer.is_authenticated:
        return Membership.objects.none()
    return (
        Membership.objects.filter(user=viewer, status=status)
        .select_related("community")
        .order_by("community__name", "id")
    )


def visible_memberships_of(viewer: Viewer, member: User) -> QuerySet[Membership]:
    """A member's active memberships, only in communities the viewer may see (for profiles)."""
    return (
        Membership.objects.filter(
            user=member, status=MembershipStatus.ACTIVE, community__in=visible_communities(viewer)
        )
        .select_related("community")
        .order_by("community__name", "id")
    )
