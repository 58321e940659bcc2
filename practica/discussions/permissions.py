"""Who may do what to a question beyond what every entry shares (content.permissions).

``can_*`` answer a bool (for templates); ``check_*`` raise NotAllowed.
"""

from django.utils.translation import gettext as _

from practica.communities.models import Membership
from practica.communities.permissions import can_moderate
from practica.core.errors import NotAllowed
from practica.core.types import Viewer


def can_close_as_duplicate(viewer: Viewer, membership: Membership | None) -> bool:
    """Facilitators and leaders of the question's community, and site administrators."""
    return viewer.is_authenticated and can_moderate(viewer, membership)


def check_close_as_duplicate(viewer: Viewer, membership: Membership | None) -> None:
    if not can_close_as_duplicate(viewer, membership):
        raise NotAllowed(
            _("Only a facilitator or leader of the community may close a question as a duplicate.")
        )


def check_reopen(viewer: Viewer, membership: Membership | None) -> None:
    if not can_close_as_duplicate(viewer, membership):
        raise NotAllowed(_("Only a facilitator or leader of the community may reopen a question."))
