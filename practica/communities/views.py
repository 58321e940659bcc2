"""Community pages: the directory, a community's page, its members and its settings."""

import html

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from practica.accounts.models import User
from practica.core.errors import ServiceError
from practica.core.forms import add_service_error
from practica.core.htmx import render_page
from practica.core.markdown import render_markdown
from practica.core.pagination import InvalidCursor, Page, paginate
from practica.core.types import MemberRequest
from practica.core.views import not_allowed
from practica.discussions.selectors import question_list
from practica.taxonomy.models import Topic

from . import services
from .forms import CommunityCreateForm, CommunityForm, InviteForm, RoleForm
from .models import Community, Membership, MembershipStatus, Role
from .permissions import can_create_community, can_join, can_manage, can_post_in
from .selectors import (
    active_members,
    directory,
    get_community_for,
    get_community_for_invitee,
    leaders_of,
    membership_of,
    memberships_by_community,
    open_invitations,
    pending_requests,
    suggest_communities,
    visible_communities,
)

DIRECTORY_PAGE = 24
MEMBERS_PAGE = 50


def _community_or_invitation(viewer: User, slug: str) -> Community:
    """What the viewer may see, or (detail page only) a community they are invited to."""
    try:
        return get_community_for(viewer, slug)
    except Http404:
        return get_community_for_invitee(viewer, slug)


def excerpt(markdown: str, *, words: int = 30) -> str:
    """The first paragraph of a markdown text as plain words, for cards."""
    blocks = [b.strip() for b in markdown.split("\n\n") if b.strip()]
    first = next((b for b in blocks if not b.startswith("#")), blocks[0] if blocks else "")
    text = " ".join(html.unescape(strip_tags(render_markdown(first))).split())
    return Truncator(text).words(words)


@login_required
def community_directory(request: MemberRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    topic = request.GET.get("topic", "").strip()
    communities = (
        directory(request.user, query=query, topic=topic)
        .annotate(activity=Coalesce("last_activity_at", "created_at"))
        .prefetch_related("topics")
    )
    try:
        page: Page[Community] = paginate(
            communities,
            order=["-is_mine", "-activity", "-id"],
            cursor=request.GET.get("cursor"),
            limit=DIRECTORY_PAGE,
        )
    except InvalidCursor as error:
        raise Http404 from error
    mine = memberships_by_community(request.user)
    context = {
        "page": page,
        "cards": [
            (community, mine.get(community.pk), excerpt(community.purpose))
            for community in page.items
        ],
        "query": query,
        "topic": topic,
        "topics": Topic.objects.order_by("name").only("name", "slug"),
        "can_create": can_create_community(request.user),
        # Suggestions sit above the results: only on the full, unfiltered first page.
        "suggestions": []
        if query or topic or request.GET.get("cursor") or getattr(request, "htmx", False)
        else suggest_communities(viewer=request.user),
    }
    return render_page(request, "communities/directory.html", context, partial="results")


@login_required
def community_create(request: MemberRequest) -> HttpResponse:
    if not can_create_community(request.user):
        return not_allowed(
            request, _("Only members of the host organisation may start a community.")
        )
    form = CommunityCreateForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            community = services.create_community(by=request.user, **form.cleaned_data)
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Your community is ready. You are its leader."))
            return redirect("community_detail", community.slug)
    status = 422 if form.errors else 200
    return render(request, "communities/create.html", {"form": form}, status=status)


@login_required
def community_detail(request: MemberRequest, slug: str) -> HttpResponse:
    community = _community_or_invitation(request.user, slug)
    membership = membership_of(request.user, community)
    invited = membership is not None and membership.status == MembershipStatus.INVITED
    questions = (
        question_list(request.user, community_id=community.pk, limit=5).items if not invited else []
    )
    context = {
        "community": community,
        "membership": membership,
        "invited": invited,
        "purpose_html": render_markdown(community.purpose),
        # Leaders before facilitators.
        "leaders": leaders_of(community),
        "topics": list(community.topics.all()),
        "questions": questions,
        "can_join": can_join(request.user, community, membership),
        "can_manage": can_manage(request.user, membership),
        "can_post": not invited and can_post_in(request.user, community, membership),
        "questions_url": reverse("community_questions", args=[community.slug]),
        "ask_url": reverse("ask_question", args=[community.slug]),
    }
    return render(request, "communities/detail.html", context)


@login_required
@require_POST
def community_join(request: MemberRequest, slug: str) -> HttpResponse:
    community = _community_or_invitation(request.user, slug)
    try:
        membership = services.join_community(community=community, user=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        if membership.status == MembershipStatus.PENDING:
            messages.success(
                request, _("You asked to join. A leader will look at your request soon.")
            )
        else:
            messages.success(request, _("Welcome to %(name)s.") % {"name": community.name})
    return redirect("community_detail", community.slug)


@login_required
@require_POST
def community_leave(request: MemberRequest, slug: str) -> HttpResponse:
    community = _community_or_invitation(request.user, slug)
    try:
        services.leave_community(community=community, user=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("community_detail", community.slug)
    messages.success(request, _("You are no longer part of %(name)s.") % {"name": community.name})
    if visible_communities(request.user).filter(pk=community.pk).exists():
        return redirect("community_detail", community.slug)
    return redirect("community_directory")


@login_required
def community_members(request: MemberRequest, slug: str) -> HttpResponse:
    community = get_community_for(request.user, slug)
    return _members_page(request, community, invite_form=InviteForm())


def _members_page(
    request: MemberRequest, community: Community, *, invite_form: InviteForm, status: int = 200
) -> HttpResponse:
    membership = membership_of(request.user, community)
    manage = can_manage(request.user, membership)
    try:
        page: Page[Membership] = paginate(
            active_members(community),
            order=["username", "id"],
            cursor=request.GET.get("cursor"),
            limit=MEMBERS_PAGE,
        )
    except InvalidCursor as error:
        raise Http404 from error
    context = {
        "community": community,
        "membership": membership,
        "can_manage": manage,
        "page": page,
        "pending": list(pending_requests(community)) if manage else [],
        "invitations": list(open_invitations(community)) if manage else [],
        "invite_form": invite_form,
        "roles": Role.choices,
        "questions_url": reverse("community_questions", args=[community.slug]),
    }
    return render(request, "communities/members.html", context, status=status)


def _target_membership(request: MemberRequest, slug: str, membership_id: int) -> Membership:
    community = get_community_for(request.user, slug)
    return get_object_or_404(
        Membership.objects.select_related("user", "community"),
        pk=membership_id,
        community=community,
    )


@login_required
@require_POST
def membership_approve(request: MemberRequest, slug: str, membership_id: int) -> HttpResponse:
    target = _target_membership(request, slug, membership_id)
    try:
        services.approve_member(membership=target, by=request.user)
    except ServiceError as error:
        return not_allowed(request, error.message, status=error.status)
    messages.success(request, _("%(name)s is now a member.") % {"name": target.user.display_name})
    return redirect("community_members", slug)


@login_required
@require_POST
def membership_decline(request: MemberRequest, slug: str, membership_id: int) -> HttpResponse:
    target = _target_membership(request, slug, membership_id)
    try:
        services.decline_member(membership=target, by=request.user)
    except ServiceError as error:
        return not_allowed(request, error.message, status=error.status)
    messages.success(
        request, _("You declined %(name)s's request.") % {"name": target.user.display_name}
    )
    return redirect("community_members", slug)


@login_required
@require_POST
def membership_role(request: MemberRequest, slug: str, membership_id: int) -> HttpResponse:
    target = _target_membership(request, slug, membership_id)
    form = RoleForm(request.POST)
    role = form.cleaned_data["role"] if form.is_valid() else request.POST.get("role", "")
    try:
        services.set_role(membership=target, role=role, by=request.user)
    except ServiceError as error:
        if error.status == 403:
            return not_allowed(request, error.message, status=error.status)
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("%(name)s is now a %(role)s.")
            % {"name": target.user.display_name, "role": target.get_role_display().lower()},
        )
    return redirect("community_members", slug)


@login_required
@require_POST
def community_invite(request: MemberRequest, slug: str) -> HttpResponse:
    community = get_community_for(request.user, slug)
    if not can_manage(request.user, membership_of(request.user, community)):
        return not_allowed(request, _("Only the community's leaders may do that."))
    form = InviteForm(request.POST)
    if form.is_valid():
        invitee = User.objects.filter(
            username__iexact=form.cleaned_data["username"].strip().lstrip("@"),
            is_placeholder=False,
        ).first()
        if invitee is None:
            form.add_error("username", _("Nobody here has that username. Check the spelling."))
        else:
            try:
                invitation = services.invite_member(
                    community=community, user=invitee, by=request.user
                )
            except ServiceError as error:
                add_service_error(form, error)
            else:
                if invitation.status == MembershipStatus.ACTIVE:
                    text = _("%(name)s is a member.")
                else:
                    text = _("%(name)s is invited. They join when they accept.")
                messages.success(request, text % {"name": invitee.display_name})
                return redirect("community_members", community.slug)
    return _members_page(request, community, invite_form=form, status=422)


@login_required
def community_settings(request: MemberRequest, slug: str) -> HttpResponse:
    community = get_community_for(request.user, slug)
    if not can_manage(request.user, membership_of(request.user, community)):
        return not_allowed(request, _("Only the community's leaders may change its settings."))
    form = CommunityForm(
        request.POST if request.method == "POST" else None,
        initial=CommunityForm.initial_for(community),
    )
    if form.is_bound and form.is_valid():
        try:
            services.update_community(community=community, by=request.user, **form.cleaned_data)
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Settings saved."))
            return redirect("community_detail", community.slug)
    status = 422 if form.errors else 200
    return render(
        request, "communities/settings.html", {"community": community, "form": form}, status=status
    )
