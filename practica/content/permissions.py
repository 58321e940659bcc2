from django.utils.translation import gettext as _

from practica.communities.models import Membership
from practica.communities.permissions import can_moderate, can_post_in
from practica.core.errors import NotAllowed
from practica.core.types import Viewer

from .models import Entry


def can_edit(viewer: Viewer, entry: Entry, membership: Membership | None) -> bool:
    if not viewer.is_authenticated:
        return False
    if entry.author_id == viewer.pk and can_post_in(viewer, entry.community, membership):
        return True
    return can_moderate(viewer, membership)


def check_edit(viewer: Viewer, entry: Entry, membership: Membership | None) -> None:
    if not can_edit(viewer, entry, membership):
        raise NotAllowed(_("Only the author or a facilitator may edit this."))


def check_delete(viewer: Viewer, entry: Entry, membership: Membership | None) -> None:
    if not can_edit(viewer, entry, membership):
        raise NotAllowed(_("Only the author or a facilitator may delete this."))


def can_vote(viewer: Viewer, entry: Entry, membership: Membership | None) -> bool:
    return (
        viewer.is_authenticated
        and entry.author_id != viewer.pk
        and can_post_in(viewer, entry.community, membership)
    )


def check_vote(viewer: Viewer, entry: Entry, membership: Membership | None) -> None:
    if viewer.is_authenticated and entry.author_id == viewer.pk:
        raise NotAllowed(_("You cannot vote on your own post."))
    if not can_vote(viewer, entry, membership):
        raise NotAllowed(_("Join the community to vote."))
