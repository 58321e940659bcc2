"""Who may do what in a community. ``can_*`` answer a bool; ``check_*`` raise NotAllowed."""

from django.utils.translation import gettext as _

from practica.core.errors import NotAllowed
from practica.core.types import Viewer

from .models import Community, Membership, Visibility
from .visibility import is_host_member, is_site_admin


def can_post_in(viewer: Viewer, community: Community, membership: Membership | None) -> bool:
    """Open communities take posts from any host member; the others need active membership."""
    if is_site_admin(viewer):
        return True
    if membership is not None and membership.is_active:
        return True
    return community.visibility == Visibility.OPEN and is_host_member(viewer)


def check_post_in(viewer: Viewer, community: Community, membership: Membership | None) -> None:
    if not can_post_in(viewer, community, membership):
        raise NotAllowed(_("Join %(community)s to post in it.") % {"community": community.name})


def can_moderate(viewer: Viewer, membership: Membership | None) -> bool:
    return is_site_admin(viewer) or (membership is not None and membership.can_moderate)


def can_manage(viewer: Viewer, membership: Membership | None) -> bool:
    return is_site_admin(viewer) or (membership is not None and membership.can_manage)


def check_manage(viewer: Viewer, membership: Membership | None) -> None:
    if not can_manage(viewer, membership):
        raise NotAllowed(_("Only the community's leaders may do that."))


def can_create_community(viewer: Viewer) -> bool:
    return is_site_admin(viewer) or is_host_member(viewer)


def can_join(viewer: Viewer, community: Community, membership: Membership | None) -> bool:
    if not viewer.is_authenticated or community.visibility == Visibility.PRIVATE:
        return membership is not None and membership.status == "invited"
    if membership is not None:
        return membership.status == "invited"
    return is_host_member(viewer) or is_site_admin(viewer) or community.admits_partners
