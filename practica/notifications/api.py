"""The caller's notification inbox."""

from typing import Any

from django.http import HttpRequest
from ninja import Body, Router

from practica.communities.models import Community
from practica.core.api import ErrorOut, ListOut, member

from . import services
from .schemas import MarkReadIn, NotificationOut, UnreadOut
from .selectors import inbox, target_url

router = Router(tags=["notifications"])


@router.get(
    "/notifications",
    response={200: ListOut[NotificationOut], 400: ErrorOut},
    summary="My notifications, newest first",
)
def notification_list(
    request: HttpRequest, limit: int | None = None, cursor: str | None = None
) -> Any:
    """Only about what the caller may still see."""
    page = inbox(member(request), cursor=cursor, limit=limit)
    # Entry notifications name their community through the entry: fetch the slugs at once.
    ids = {n.entry.community_id for n in page.items if n.entry is not None}
    slugs = dict(Community.objects.filter(pk__in=ids).values_list("pk", "slug")) if ids else {}
    for notification in page.items:
        notification.url = target_url(notification)  # type: ignore[attr-defined]
        if notification.community is not None:
            slug: str | None = notification.community.slug
        elif notification.entry is not None:
            slug = slugs.get(notification.entry.community_id)
        else:
            slug = None
        notification.community_slug = slug  # type: ignore[attr-defined]
    return page


@router.post(
    "/notifications/read",
    response=UnreadOut,
    summary="Mark notifications read (all of them unless `ids` are given)",
)
def mark_read(request: HttpRequest, payload: MarkReadIn | None = Body(None)) -> Any:  # noqa: B008
    user = member(request)
    ids = payload.ids if payload is not None else None
    services.mark_read(user=user, notification_ids=ids)
    user.refresh_from_db(fields=["unread_notifications"])
    return {"unread_notifications": user.unread_notifications}
