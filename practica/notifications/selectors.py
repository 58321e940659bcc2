"""Reads for the notification inbox, through the visibility rule."""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.urls import reverse

from practica.communities.selectors import visible_communities
from practica.content.visibility import visible_entries
from practica.core.pagination import Page, paginate
from practica.core.types import Viewer

from .models import Notification, Verb

ORDER = ["-created_at", "-id"]


def visible_notifications(viewer: Viewer) -> QuerySet[Notification]:
    """The viewer's notifications about what they may still see.

    A notification about an entry in a community the member can no longer see (they left a
    private one, the entry was deleted) is hidden; invitations are shown even though the
    invitee may not see the private community yet: the invitation is what lets them in.
    """
    if not viewer.is_authenticated:
        return Notification.objects.none()
    still_visible = (
        Q(verb=Verb.INVITED)
        | Q(entry__isnull=False, entry__in=visible_entries(viewer).values("pk"))
        | Q(
            entry__isnull=True,
            community__isnull=False,
            community__in=visible_communities(viewer).values("pk"),
        )
        | Q(entry__isnull=True, community__isnull=True)
    )
    return (
        Notification.objects.filter(still_visible, recipient_id=viewer.pk)
        .select_related("actor", "entry", "entry__parent", "community")
        .order_by(*ORDER)
    )


def inbox(
    viewer: Viewer, *, cursor: str | None = None, limit: int | None = None
) -> Page[Notification]:
    """One page of the inbox, newest first. Raises InvalidCursor for a cursor we never gave."""
    return paginate(visible_notifications(viewer), order=ORDER, cursor=cursor, limit=limit)


def get_notification_for(viewer: Viewer, pk: int) -> Notification:
    """The viewer's own notification, or 404 (someone else's, or about what they cannot see)."""
    notification = visible_notifications(viewer).filter(pk=pk).first()
    if notification is None:
        raise Http404
    return notification


def target_url(notification: Notification) -> str:
    """Where a notification leads: the entry on its thread page, or the community."""
    entry = notification.entry
    if entry is not None:
        if entry.parent_id and entry.parent is not None:
            return f"{entry.parent.get_absolute_url()}#entry-{entry.pk}"
        return entry.get_absolute_url()
    if notification.community is not None:
        return f"/c/{notification.community.slug}/"
    return reverse("inbox")


def subject_of(notification: Notification) -> str:
    """The title the notification is about: the entry's (or its question's), or the community."""
    entry = notification.entry
    if entry is not None:
        if entry.title:
            return entry.title
        return entry.parent.title if entry.parent is not None else ""
    return notification.community.name if notification.community is not None else ""
