from django.db.models import Q, QuerySet
from django.http import Http404

from practica.communities.models import Community, Membership, MembershipStatus
from practica.communities.visibility import community_q, is_host_member, is_site_admin
from practica.core.types import Viewer

from .models import User


def visible_members(viewer: Viewer) -> QuerySet[User]:
    """People the viewer may see: the host organisation's members (for host members),
    anyone active in a community the viewer may see, and themselves."""
    if not viewer.is_authenticated or not viewer.is_active:
        return User.objects.none()
    if is_site_admin(viewer):
        return User.objects.all()
    in_visible = Membership.objects.filter(
        community__in=Community.objects.filter(community_q(viewer)),
        status=MembershipStatus.ACTIVE,
    ).values("user_id")
    rule = Q(pk__in=in_visible) | Q(pk=viewer.pk)
    if is_host_member(viewer):
        rule |= Q(organisation__is_host=True)
    return User.objects.filter(rule)


def member_directory(viewer: Viewer, *, query: str = "", topic: str = "") -> QuerySet[User]:
    """Active, real members the viewer may see; ``query`` searches names, job roles and
    "ask me about"; ``topic`` (a slug) finds those with that expertise."""
    people = visible_members(viewer).filter(is_active=True, is_placeholder=False)
    if query:
        people = people.filter(
            Q(username__icontains=query)
            | Q(name__icontains=query)
            | Q(job_role__icontains=query)
            | Q(ask_me_about__icontains=query)
        )
    if topic:
        people = people.filter(expertise__slug=topic)
    return people.select_related("organisation").prefetch_related("expertise")


def get_member_for(viewer: Viewer, username: str) -> User:
    member = (
        visible_members(viewer).select_related("organisation").filter(username=username).first()
    )
    if member is None:
        raise Http404
    return member
