from allauth.account.forms import LoginForm
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from practica.communities.models import MembershipStatus
from practica.communities.selectors import my_memberships
from practica.content.models import Kind
from practica.content.visibility import visible_entries
from practica.discussions.selectors import question_list

DASHBOARD_LIMIT = 10


def home(request: HttpRequest) -> HttpResponse:
    """Signed out: what Practica is and the sign-in form. Signed in: the member's dashboard."""
    if not request.user.is_authenticated:
        return render(request, "core/landing.html", {"form": LoginForm(request=request)})
    viewer = request.user
    memberships = list(my_memberships(viewer))
    mine = [m.community_id for m in memberships]
    unanswered = (
        visible_entries(viewer)
        .filter(kind=Kind.QUESTION, community_id__in=mine, child_count=0)
        .select_related("community", "author")
        .prefetch_related("topics")
        .order_by("-created_at", "-id")[:DASHBOARD_LIMIT]
    )
    context = {
        "memberships": memberships,
        "invitations": list(my_memberships(viewer, status=MembershipStatus.INVITED)),
        "pending": list(my_memberships(viewer, status=MembershipStatus.PENDING)),
        "recent": question_list(viewer, sort="active", limit=DASHBOARD_LIMIT).items,
        "unanswered": list(unanswered) if mine else [],
    }
    return render(request, "core/dashboard.html", context)


def not_allowed(request: HttpRequest, message: str, *, status: int = 403) -> HttpResponse:
    """A member may see the thing but may not do this to it: say why."""
    return render(request, "core/not_allowed.html", {"message": message}, status=status)


def healthz(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"ok": True})


def rate_limited(request: HttpRequest, exception: Exception) -> HttpResponse:
    message = _("Too many requests: wait a minute and try again.")
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=429)
    return render(request, "429.html", {"message": message}, status=429)
