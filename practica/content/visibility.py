from django.db.models import QuerySet
from django.http import Http404

from practica.communities.visibility import community_q
from practica.core.types import Viewer

from .models import Comment, Entry


def visible_entries(viewer: Viewer) -> QuerySet[Entry]:
    """Entries in communities the viewer may see (the one rule), never deleted ones."""
    return Entry.objects.filter(community_q(viewer, prefix="community__"), is_deleted=False)


def visible_comments(viewer: Viewer) -> QuerySet[Comment]:
    return Comment.objects.filter(
        community_q(viewer, prefix="entry__community__"), is_deleted=False, entry__is_deleted=False
    )


def get_entry_for(viewer: Viewer, pk: int, *, kind: str | None = None) -> Entry:
    """The entry, or 404 when it does not exist or the viewer may not see it."""
    entries = visible_entries(viewer).select_related("community", "author", "author__organisation")
    if kind:
        entries = entries.filter(kind=kind)
    entry = entries.filter(pk=pk).first()
    if entry is None:
        raise Http404
    return entry


def can_see_entry(viewer: Viewer, entry: Entry) -> bool:
    return visible_entries(viewer).filter(pk=entry.pk).exists()
