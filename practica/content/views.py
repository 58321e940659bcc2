"""Pages and buttons every kind of entry shares: its anchor, votes, follows, editing with
revision history, and attachment downloads."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from practica.accounts.models import User
from practica.communities.models import Community
from practica.communities.permissions import can_moderate
from practica.communities.selectors import membership_of, moderated_communities
from practica.core.errors import ServiceError
from practica.core.forms import add_service_error
from practica.core.ratelimit import over_limit
from practica.core.types import MemberRequest
from practica.core.views import not_allowed
from practica.taxonomy.models import Topic

from . import services
from .models import Attachment, Entry, Kind
from .permissions import can_edit
from .selectors import (
    diff_revisions,
    entry_label,
    is_following,
    post_for,
    revisions_of,
    thread_root,
    thread_url,
    topics_as_text,
    topics_from_text,
)
from .visibility import get_entry_for, visible_entries

# Shown in the browser rather than downloaded: types a browser displays without running code.
INLINE_TYPES = {"image/png", "image/jpeg", "image/gif", "application/pdf"}


def _visible_thread_entry(request: HttpRequest, pk: int) -> Entry:
    """A visible entry whose thread page is also there to show it (404 otherwise)."""
    entry = get_entry_for(request.user, pk)
    root = thread_root(entry)
    if root.is_deleted:
        raise Http404
    return entry


def _one_click_error(request: HttpRequest, message: str, url: str) -> HttpResponse:
    messages.error(request, message)
    if getattr(request, "htmx", False):
        return HttpResponseClientRedirect(url)
    return redirect(url)


@login_required
def entry_anchor(request: MemberRequest, pk: int) -> HttpResponse:
    """/e/<id>: the entry in place on its thread's page."""
    return redirect(thread_url(_visible_thread_entry(request, pk)))


@login_required
@require_POST
def entry_vote(request: MemberRequest, pk: int) -> HttpResponse:
    entry = _visible_thread_entry(request, pk)
    try:
        value = int(request.POST.get("value", ""))
        services.vote(entry=entry, user=request.user, value=value)
    except ValueError:
        return _one_click_error(
            request, _("A vote is 1 (up), -1 (down) or 0 (take it back)."), thread_url(entry)
        )
    except ServiceError as error:
        return _one_click_error(request, error.message, thread_url(entry))
    if getattr(request, "htmx", False):
        post = post_for(
            request.user, entry, membership=membership_of(request.user, entry.community)
        )
        return render(request, "content/parts.html#vote", {"post": post})
    return redirect(thread_url(entry))


@login_required
@require_POST
def entry_follow(request: MemberRequest, pk: int) -> HttpResponse:
    """Follow or unfollow: ``follow=1``/``0`` says which; without it, toggle."""
    entry = _visible_thread_entry(request, pk)
    wanted = request.POST.get("follow")
    following = is_following(request.user, entry) if wanted not in ("0", "1") else wanted == "0"
    if following:
        services.unfollow(entry=entry, user=request.user)
    else:
        services.follow(entry=entry, user=request.user)
    if getattr(request, "htmx", False):
        return render(
            request, "content/parts.html#follow", {"entry": entry, "following": not following}
        )
    if following:
        messages.success(request, _("You will no longer be notified about this."))
    else:
        messages.success(request, _("You will be notified about new answers and comments."))
    return redirect(thread_url(entry))


# --- Editing and history ------------------------------------------------------------------


class EntryEditForm(forms.Form):
    title = forms.CharField(
        label=gettext_lazy("Title"),
        max_length=services.MAX_TITLE,
        error_messages={"required": gettext_lazy("Give it a title.")},
    )
    body = forms.CharField(
        label=gettext_lazy("Body"),
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=gettext_lazy(
            "Markdown works: **bold**, *italic*, `code`, lists with “-”, links as [text](https://…)."
        ),
        error_messages={"required": gettext_lazy("Write something in the body.")},
    )
    topics = forms.CharField(
        label=gettext_lazy("Topics"),
        required=False,
        max_length=500,
        help_text=gettext_lazy(
            "Separate topics with commas, for example: Vibration analysis, Seals."
        ),
    )
    summary = forms.CharField(
        label=gettext_lazy("Edit summary"),
        required=False,
        max_length=250,
        help_text=gettext_lazy("A few words on what you changed and why, for the history."),
    )

    def __init__(self, *args: Any, entry: Entry, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not entry.title:
            # Answers and other untitled kinds have neither title nor topics of their own.
            del self.fields["title"]
            del self.fields["topics"]

    def clean_title(self) -> str:
        try:
            return services.check_title(self.cleaned_data["title"])
        except ServiceError as error:
            raise forms.ValidationError(error.message) from error

    def clean_topics(self) -> list[Topic]:
        try:
            return topics_from_text(self.cleaned_data.get("topics") or "")
        except ServiceError as error:
            raise forms.ValidationError(error.message) from error


@login_required
def entry_edit(request: MemberRequest, pk: int) -> HttpResponse:
    entry = _visible_thread_entry(request, pk)
    if not can_edit(request.user, entry, membership_of(request.user, entry.community)):
        return not_allowed(request, _("Only the author or a facilitator may edit this."))
    context: dict[str, Any] = {"entry": entry, "label": entry_label(entry)}
    if request.method != "POST":
        initial = {"title": entry.title, "body": entry.body}
        if entry.title:
            initial["topics"] = topics_as_text(list(entry.topics.all()))
        context["form"] = EntryEditForm(initial=initial, entry=entry)
        return render(request, "content/edit.html", context)
    if over_limit(request, group="post"):
        message = _("You are posting very quickly: wait a minute and try again.")
        return render(request, "429.html", {"message": message}, status=429)
    form = EntryEditForm(request.POST, entry=entry)
    context["form"] = form
    status = 422
    if form.is_valid():
        data = form.cleaned_data
        before = entry.revision_count
        try:
            services.edit_entry(
                entry=entry,
                by=request.user,
                body=data["body"],
                title=data.get("title"),
                topics=data.get("topics") if "topics" in form.fields else None,
                summary=data["summary"],
            )
        except ServiceError as error:
            if error.status == 403:
                return not_allowed(request, error.message)
            add_service_error(form, error)
            status = error.status
        else:
            if entry.revision_count == before:
                messages.info(request, _("Nothing changed, so no new revision was saved."))
            else:
                messages.success(request, _("Your changes are saved."))
            return redirect(thread_url(entry))
    return render(request, "content/edit.html", context, status=status)


# --- Deleting and moving (moderation) ------------------------------------------------------


@login_required
def entry_delete(request: MemberRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST hides the entry (author or facilitator)."""
    entry = _visible_thread_entry(request, pk)
    if not can_edit(request.user, entry, membership_of(request.user, entry.community)):
        return not_allowed(request, _("Only the author or a facilitator may delete this."))
    root = thread_root(entry)
    context = {"entry": entry, "label": entry_label(entry), "thread_url": thread_url(entry)}
    if request.method != "POST":
        return render(request, "content/delete.html", context)
    try:
        services.delete_entry(entry=entry, by=request.user)
    except ServiceError as error:
        return not_allowed(request, error.message)
    if root.pk == entry.pk:
        messages.success(request, _("The question is deleted."))
        return redirect(reverse("community_questions", args=[entry.community.slug]))
    messages.success(request, _("The answer is deleted."))
    return redirect(root.get_absolute_url())


def _move_targets(viewer: User, question: Entry) -> QuerySet[Community]:
    """Communities the viewer may move ``question`` to: visible, moderated, not its own."""
    return moderated_communities(viewer).exclude(pk=question.community_id).order_by("name", "pk")


class EntryMoveForm(forms.Form):
    community = forms.ModelChoiceField(
        label=gettext_lazy("Move to"),
        queryset=Community.objects.none(),
        to_field_name="slug",
        empty_label=gettext_lazy("Choose a community"),
        help_text=gettext_lazy("Only communities you facilitate or lead are listed."),
        error_messages={
            "required": gettext_lazy("Choose the community to move it to."),
            "invalid_choice": gettext_lazy("Choose one of the communities you facilitate."),
        },
    )

    def __init__(self, *args: Any, communities: QuerySet[Community], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["community"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = communities


@login_required
def entry_move(request: MemberRequest, pk: int) -> HttpResponse:
    """Move a question's thread to another community that the viewer also moderates."""
    question = get_entry_for(request.user, pk, kind=Kind.QUESTION)
    if not can_moderate(request.user, membership_of(request.user, question.community)):
        return not_allowed(request, _("Only facilitators of both communities may move this."))
    targets = _move_targets(request.user, question)
    data = request.POST if request.method == "POST" else None
    form = EntryMoveForm(data, communities=targets)
    context: dict[str, Any] = {
        "entry": question,
        "label": entry_label(question),
        "form": form,
        "has_targets": targets.exists(),
    }
    if request.method != "POST":
        return render(request, "content/move.html", context)
    status = 422
    if form.is_valid():
        target: Community = form.cleaned_data["community"]
        try:
            services.move_entry(entry=question, to=target, by=request.user)
        except ServiceError as error:
            if error.status == 403:
                return not_allowed(request, error.message)
            add_service_error(form, error)
            status = error.status
        else:
            messages.success(
                request,
                _("The question is now in %(community)s; its address has not changed.")
                % {"community": target.name},
            )
            return redirect(question.get_absolute_url())
    return render(request, "content/move.html", context, status=status)


def _revision_number(raw: str | None) -> int | None:
    try:
        return int(raw) if raw else None
    except ValueError:
        return None


@login_required
def entry_history(request: MemberRequest, pk: int) -> HttpResponse:
    """Every revision with what changed from the one before; ?from=&to= compares any two."""
    entry = _visible_thread_entry(request, pk)
    revisions = list(revisions_of(entry))
    by_number = {revision.number: revision for revision in revisions}
    diffs = [
        diff_revisions(revisions[i - 1] if i else None, revision)
        for i, revision in enumerate(revisions)
    ]
    diffs.reverse()
    compare = None
    compare_error = ""
    first, last = _revision_number(request.GET.get("from")), _revision_number(request.GET.get("to"))
    if "from" in request.GET or "to" in request.GET:
        if first in by_number and last in by_number:
            assert first is not None and last is not None
            compare = diff_revisions(by_number[first], by_number[last])
        else:
            compare_error = _("Choose two revisions of this entry to compare.")
    context = {
        "entry": entry,
        "label": entry_label(entry),
        "thread_url": thread_url(entry),
        "revisions": revisions,
        "diffs": diffs,
        "compare": compare,
        "compare_error": compare_error,
        "compare_from": first if compare else (revisions[-2].number if len(revisions) > 1 else 1),
        "compare_to": last if compare else (revisions[-1].number if revisions else 1),
    }
    return render(request, "content/history.html", context)


# --- Attachments --------------------------------------------------------------------------


@login_required
def attachment_download(request: MemberRequest, pk: int, filename: str) -> HttpResponseBase:
    """Serve an attachment to those who may see its entry; files have no public URL."""
    attachment = (
        Attachment.objects.filter(pk=pk, entry__in=visible_entries(request.user).values("pk"))
        .select_related("entry")
        .first()
    )
    if attachment is None or not attachment.file:
        raise Http404
    inline = attachment.content_type in INLINE_TYPES
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=not inline,
        filename=attachment.filename,
        content_type=attachment.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response
