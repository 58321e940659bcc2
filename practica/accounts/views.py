"""Member pages: the member list, profiles, following, profile settings and API tokens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from practica.communities.selectors import visible_memberships_of
from practica.content.models import Kind
from practica.content.visibility import visible_entries
from practica.core.errors import ServiceError
from practica.core.forms import add_service_error
from practica.core.htmx import render_page
from practica.core.markdown import render_markdown
from practica.core.pagination import InvalidCursor, Page, paginate
from practica.core.types import MemberRequest
from practica.taxonomy.models import Topic

from . import services
from .forms import ProfileForm, TokenForm
from .models import ApiToken, MemberFollow, User
from .selectors import get_member_for, member_directory

MEMBERS_PAGE = 30
RECENT = 10


@login_required
def member_list(request: MemberRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    topic = request.GET.get("topic", "").strip()
    members = member_directory(request.user, query=query, topic=topic)
    try:
        page: Page[User] = paginate(
            members, order=["username"], cursor=request.GET.get("cursor"), limit=MEMBERS_PAGE
        )
    except InvalidCursor as error:
        raise Http404 from error
    context = {
        "page": page,
        "query": query,
        "topic": topic,
        "topics": Topic.objects.order_by("name").only("name", "slug"),
    }
    return render_page(request, "accounts/member_list.html", context, partial="results")


def _follow_context(viewer: User, member: User) -> dict[str, object]:
    return {
        "member": member,
        "is_me": viewer.pk == member.pk,
        "is_following": MemberFollow.objects.filter(follower=viewer, followed=member).exists(),
        "follower_count": MemberFollow.objects.filter(followed=member).count(),
        "following_count": MemberFollow.objects.filter(follower=member).count(),
    }


@login_required
def member_profile(request: MemberRequest, username: str) -> HttpResponse:
    member = get_member_for(request.user, username)
    entries = visible_entries(request.user).filter(author=member).order_by("-created_at", "-id")
    context = {
        **_follow_context(request.user, member),
        "bio_html": render_markdown(member.bio) if member.bio else "",
        "expertise": list(member.expertise.order_by("name")),
        "memberships": list(visible_memberships_of(request.user, member)),
        "questions": list(
            entries.filter(kind=Kind.QUESTION)
            .select_related("community", "author")
            .prefetch_related("topics")[:RECENT]
        ),
        "answers": list(
            entries.filter(kind=Kind.ANSWER).select_related("community", "parent")[:RECENT]
        ),
    }
    return render(request, "accounts/profile.html", context)


@login_required
@require_POST
def member_follow(request: MemberRequest, username: str) -> HttpResponse:
    """Follow, or stop following when already following (one button, a toggle)."""
    member = get_member_for(request.user, username)
    if MemberFollow.objects.filter(follower=request.user, followed=member).exists():
        services.unfollow_member(follower=request.user, followed=member)
    else:
        try:
            services.follow_member(follower=request.user, followed=member)
        except ServiceError as error:
            messages.error(request, error.message)
    if getattr(request, "htmx", False):
        context = _follow_context(request.user, member)
        return render_page(request, "accounts/profile.html", context, partial="follow")
    return redirect("member_profile", member.username)


@login_required
def profile_edit(request: MemberRequest) -> HttpResponse:
    # A fresh copy: an invalid form must not change the request's user shown in the header.
    member = User.objects.get(pk=request.user.pk)
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=member)
    if form.is_bound and form.is_valid():
        services.update_profile(
            user=member,
            fields={k: v for k, v in form.cleaned_data.items() if k != "expertise"},
            expertise=form.cleaned_data.get("expertise"),
        )
        messages.success(request, _("Your profile is saved."))
        return redirect("member_profile", member.username)
    status = 422 if form.errors else 200
    return render(request, "accounts/profile_edit.html", {"form": form}, status=status)


@login_required
def api_tokens(request: MemberRequest) -> HttpResponse:
    form = TokenForm(request.POST if request.method == "POST" else None)
    new_key = None
    if form.is_bound and form.is_valid():
        try:
            _token, new_key = services.create_token(
                user=request.user, name=form.cleaned_data["name"]
            )
        except ServiceError as error:
            add_service_error(form, error)
        else:
            form = TokenForm()
    context = {
        "form": form,
        "new_key": new_key,
        "tokens": list(ApiToken.objects.filter(user=request.user).order_by("-created_at", "-id")),
    }
    # The new key is shown in the answer to the POST itself, never stored to show again.
    response = render(
        request, "accounts/api_tokens.html", context, status=422 if form.errors else 200
    )
    add_never_cache_headers(response)
    return response


@login_required
@require_POST
def api_token_revoke(request: MemberRequest, token_id: int) -> HttpResponse:
    if not ApiToken.objects.filter(user=request.user, pk=token_id).exists():
        raise Http404  # someone else's token, or one already revoked
    services.revoke_token(user=request.user, token_id=token_id)
    messages.success(request, _("The token is revoked: anything using it is now refused."))
    return redirect("api_tokens")
