"""Communities: the directory, one community, starting one, joining and leaving."""

from collections.abc import Iterable
from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from practica.accounts.models import User
from practica.core.api import POSTING, ErrorOut, ListOut, bad_request, member
from practica.core.pagination import paginate
from practica.taxonomy.api import topics_named

from . import services
from .models import Community
from .schemas import CommunityIn, CommunityMemberOut, CommunityOut, MembershipOut
from .selectors import (
    active_members,
    directory,
    get_community_for,
    get_community_for_invitee,
    membership_of,
    memberships_by_community,
)

router = Router(tags=["communities"])


def _with_memberships(viewer: User, communities: Iterable[Community]) -> None:
    """Give each community the viewer's membership (or None), from one query."""
    mine = memberships_by_community(viewer)
    for community in communities:
        community.viewer_membership = mine.get(community.pk)  # type: ignore[attr-defined]


def _community(viewer: User, slug: str) -> Community:
    """A community the viewer may see, with their membership."""
    community = get_community_for(viewer, slug)
    community.viewer_membership = membership_of(viewer, community)  # type: ignore[attr-defined]
    return community


def _community_or_invitation(viewer: User, slug: str) -> Community:
    """As ``_community``, and also one the viewer was invited to (to read it and accept)."""
    try:
        return _community(viewer, slug)
    except Http404:
        community = get_community_for_invitee(viewer, slug)
    community.viewer_membership = membership_of(viewer, community)  # type: ignore[attr-defined]
    return community


@router.get("/communities", response={200: ListOut[CommunityOut], 400: ErrorOut})
def community_list(
    request: HttpRequest,
    q: str = "",
    topic: str = "",
    member_filter: str = Query("", alias="member"),
    limit: int | None = None,
    cursor: str | None = None,
) -> Any:
    """The communities the caller may see, theirs first, then by name. `?member=me`: only
    those the caller is an active member of; `?q=` searches name, purpose and topics (their
    names and synonyms); `?topic=` a topic's slug."""
    viewer = member(request)
    if member_filter not in ("", "me"):
        raise bad_request(_("Use ?member=me, or leave it out."))
    communities = directory(
        viewer, query=q.strip(), topic=topic.strip(), member_only=member_filter == "me"
    ).prefetch_related("topics")
    page = paginate(communities, order=["-is_mine", "name", "id"], cursor=cursor, limit=limit)
    _with_memberships(viewer, page.items)
    return page


@router.get("/communities/{slug}", response={200: CommunityOut, 404: ErrorOut})
def community_detail(request: HttpRequest, slug: str) -> Any:
    return _community_or_invitation(member(request), slug)


@router.post(
    "/communities",
    response={201: CommunityOut, 403: ErrorOut, 422: ErrorOut},
    throttle=POSTING,
    summary="Start a community",
)
def create_community(request: HttpRequest, payload: CommunityIn) -> Any:
    """Whoever starts a community becomes its leader. Members of the host organisation may."""
    viewer = member(request)
    community = services.create_community(
        by=viewer,
        slug=payload.slug,
        name=payload.name,
        purpose=payload.purpose,
        visibility=payload.visibility,
        admits_partners=payload.admits_partners,
        sponsor=payload.sponsor,
        topics=topics_named(payload.topics),
    )
    community.viewer_membership = membership_of(viewer, community)  # type: ignore[attr-defined]
    return Status(201, community)


@router.post(
    "/communities/{slug}/join",
    response={200: MembershipOut, 403: ErrorOut, 404: ErrorOut},
    summary="Join (open), ask to join (on request) or accept an invitation (private)",
)
def join_community(request: HttpRequest, slug: str) -> Any:
    viewer = member(request)
    community = _community_or_invitation(viewer, slug)
    membership = services.join_community(community=community, user=viewer)
    return {"community": community.slug, "role": membership.role, "status": membership.status}


@router.post(
    "/communities/{slug}/leave",
    response={200: MembershipOut, 404: ErrorOut, 422: ErrorOut},
    summary="Leave, withdraw a request or decline an invitation",
)
def leave_community(request: HttpRequest, slug: str) -> Any:
    viewer = member(request)
    community = _community_or_invitation(viewer, slug)
    services.leave_community(community=community, user=viewer)
    return {"community": community.slug, "role": None, "status": None}


@router.get(
    "/communities/{slug}/members",
    response={200: ListOut[CommunityMemberOut], 404: ErrorOut},
    summary="A community's active members",
)
def community_members(
    request: HttpRequest, slug: str, limit: int | None = None, cursor: str | None = None
) -> Any:
    community = get_community_for(member(request), slug)
    return paginate(active_members(community), order=["username", "id"], cursor=cursor, limit=limit)
