from dataclasses import dataclass

from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from practica.accounts.models import MemberFollow, User
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
    """Communities for the directory: the viewer's own first, then by recent activity.
    ``query`` searches names, purposes and the names and synonyms of their topics."""
    communities = visible_communities(viewer)
    if query:
        # A topic's name or synonyms find the communities that work on it (E4).
        on_topic = Community.topics.through.objects.filter(
            Q(topic__name__icontains=query)
            | Q(topic__synonyms__icontains=query)
            | Q(topic__slug__icontains=query)
        ).values("community_id")
        communities = communities.filter(
            Q(name__icontains=query) | Q(purpose__icontains=query) | Q(pk__in=on_topic)
        )
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


@dataclass
class Suggestion:
    community: Community
    reasons: list[str]
    score: int


SUGGESTION_WEIGHTS = {"expertise": 2, "follow": 1}


def suggest_communities(*, viewer: Viewer, limit: int = 5) -> list[Suggestion]:
    """Communities the viewer may see and is not in (nor asked or invited to) that work on
    topics they list as expertise, or where people they follow are active; with why.

    A fixed number of queries: matches are read as (community, name) rows, not per community.
    """
    if not viewer.is_authenticated:
        return []
    candidates = visible_communities(viewer).exclude(
        pk__in=Membership.objects.filter(user=viewer).values("community_id")
    )
    expertise = User.expertise.through.objects.filter(user_id=viewer.pk).values("topic_id")
    topic_rows = (
        Community.topics.through.objects.filter(community__in=candidates, topic_id__in=expertise)
        .order_by("topic__name")
        .values_list("community_id", "topic__name")
    )
    followed = MemberFollow.objects.filter(follower=viewer, followed__is_active=True).values(
        "followed_id"
    )
    follow_rows = (
        Membership.objects.filter(
            community__in=candidates, status=MembershipStatus.ACTIVE, user_id__in=followed
        )
        .order_by("user__username")
        .values_list("community_id", "user__name", "user__username")
    )
    topics: dict[int, list[str]] = {}
    for community_id, topic_name in topic_rows:
        topics.setdefault(community_id, []).append(topic_name)
    people: dict[int, list[str]] = {}
    for community_id, name, username in follow_rows:
        people.setdefault(community_id, []).append(name or username)
    ids = set(topics) | set(people)
    if not ids:
        return []
    communities = Community.objects.in_bulk(list(ids))
    suggestions = [
        Suggestion(
            community=communities[pk],
            reasons=_suggestion_reasons(topics.get(pk, []), people.get(pk, [])),
            score=SUGGESTION_WEIGHTS["expertise"] * len(topics.get(pk, []))
            + SUGGESTION_WEIGHTS["follow"] * len(people.get(pk, [])),
        )
        for pk in ids
        if pk in communities
    ]
    suggestions.sort(key=lambda s: (-s.score, -s.community.member_count, s.community.name.lower()))
    return suggestions[: max(0, limit)]


def _suggestion_reasons(topics: list[str], people: list[str]) -> list[str]:
    reasons = []
    if topics:
        reasons.append(_("matches your expertise: %(topics)s") % {"topics": ", ".join(topics)})
    if len(people) == 1:
        reasons.append(_("%(name)s, whom you follow, is a member") % {"name": people[0]})
    elif people:
        others = len(people) - 1
        reasons.append(
            ngettext(
                "%(name)s and %(n)d other person you follow are members",
                "%(name)s and %(n)d other people you follow are members",
                others,
            )
            % {"name": people[0], "n": others}
        )
    return reasons
