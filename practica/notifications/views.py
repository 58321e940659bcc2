"""The notification inbox."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import DataError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from practica.core.pagination import InvalidCursor, Page
from practica.core.types import MemberRequest

from . import services
from .models import Notification
from .selectors import get_notification_for, subject_of, target_url
from .selectors import inbox as inbox_page

# A hand-edited cursor must not cause a 500: show the first page instead.
BAD_CURSOR = (InvalidCursor, ValueError, TypeError, OverflowError, ValidationError, DataError)


@login_required
def inbox(request: MemberRequest) -> HttpResponse:
    """Newest first. Opening the inbox marks nothing read: a member reads one, or all."""
    cursor = request.GET.get("cursor") or None
    cursor_error = ""
    page: Page[Notification]
    try:
        page = inbox_page(request.user, cursor=cursor)
    except BAD_CURSOR:
        cursor_error = _("That page link was broken or out of date, so here is the first page.")
        page = inbox_page(request.user)
    items = [
        {"notification": n, "url": target_url(n), "subject": subject_of(n)} for n in page.items
    ]
    context = {
        "page": page,
        "items": items,
        "cursor_error": cursor_error,
        "is_first_page": not cursor or bool(cursor_error),
    }
    return render(request, "notifications/inbox.html", context)


@login_required
@require_POST
def inbox_mark_read(request: MemberRequest) -> HttpResponse:
    services.mark_read(user=request.user)
    messages.success(request, _("All notifications are marked as read."))
    return redirect("inbox")


@login_required
def notification_open(request: MemberRequest, pk: int) -> HttpResponse:
    """Mark one notification read and go to what it is about."""
    notification = get_notification_for(request.user, pk)
    if notification.read_at is None:
        services.mark_read(user=request.user, notification_ids=[notification.pk])
    return redirect(target_url(notification))
