"""Q&A pages: question lists, asking, the question page, and the writes made on it.

The comment endpoint lives here rather than in ``content`` because a refused comment
re-renders the thread page, and today the question page is the only thread page.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import DataError, transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from practica.accounts.models import User
from practica.communities.models import Community
from practica.communities.permissions import can_moderate, can_post_in
from practica.communities.selectors import get_community_for, membership_of
from practica.content import services as content
from practica.content.models import Entry, Kind
from practica.content.selectors import Post, is_following, post_for, posts_for, thread_url
from practica.content.visibility import get_entry_for
from practica.core.errors import ServiceError
from practica.core.forms import add_service_error
from practica.core.pagination import InvalidCursor, Page
from practica.core.ratelimit import over_limit
from practica.core.types import MemberRequest
from practica.taxonomy.selectors import all_topics

from . import services as qa
from .forms import AnswerForm, AskForm, CommentForm
from .selectors import SORTS, answers_to, question_list

SORT_LABELS = {
    "newest": gettext_lazy("Newest"),
    "active": gettext_lazy("Active"),
    "unanswered": gettext_lazy("Unanswered"),
    "top": gettext_lazy("Top"),
}
# A cursor is only ever one we handed out, but a hand-edited one must not cause a 500.
BAD_CURSOR = (InvalidCursor, ValueError, TypeError, OverflowError, ValidationError, DataError)


def _too_many(request: HttpRequest) -> HttpResponse:
    message = _("You are posting very quickly: wait a minute and try again.")
    return render(request, "429.html", {"message": message}, status=429)


def _fragment_status(request: HttpRequest, status: int) -> int:
    # htmx 2 does not swap 4xx responses by default, so a refused form sent by htmx comes
    # back 200 to show its errors in place; without JavaScript the real status is kept.
    return 200 if getattr(request, "htmx", False) else status


def _one_click_error(request: HttpRequest, message: str, url: str) -> HttpResponse:
    """A refused button press: say why on the page it came from."""
    messages.error(request, message)
    if getattr(request, "htmx", False):
        return HttpResponseClientRedirect(url)
    return redirect(url)


# --- Lists ---------------------------------------------------------------------------------


def _questions_page(request: MemberRequest, *, community: Community | None) -> HttpResponse:
    viewer = request.user
    sort = request.GET.get("sort", "newest")
    if sort not in SORTS:
        sort = "newest"
    topic = request.GET.get("topic", "").strip()
    cursor = request.GET.get("cursor") or None
    community_id = community.pk if community else None
    cursor_error = ""
    page: Page[Entry]
    try:
        page = question_list(
            viewer, community_id=community_id, topic=topic, sort=sort, cursor=cursor
        )
    except BAD_CURSOR:
        cursor_error = _("That page link was broken or out of date, so here is the first page.")
        page = question_list(viewer, community_id=community_id, topic=topic, sort=sort)
    context: dict[str, Any] = {
        "community": community,
        "page": page,
        "sort": sort,
        "sorts": list(SORT_LABELS.items()),
        "topic": topic,
        "topics": all_topics(),
        "cursor_error": cursor_error,
        "is_first_page": not cursor or bool(cursor_error),
    }
    if community is not None:
        context["can_ask"] = can_post_in(viewer, community, membership_of(viewer, community))
    return render(request, "discussions/question_list.html", context)


@login_required
def question_list_view(request: MemberRequest) -> HttpResponse:
    return _questions_page(request, community=None)


@login_required
def community_questions(request: MemberRequest, slug: str) -> HttpResponse:
    return _questions_page(request, community=get_community_for(request.user, slug))


# --- Asking --------------------------------------------------------------------------------


@login_required
def ask_question(request: MemberRequest, slug: str) -> HttpResponse:
    community = get_community_for(request.user, slug)
    membership = membership_of(request.user, community)
    may_post = can_post_in(request.user, community, membership)
    if request.method != "POST":
        status = 200 if may_post else 403
        return render(
            request,
            "discussions/ask.html",
            {"community": community, "form": AskForm(), "may_post": may_post},
            status=status,
        )
    if over_limit(request, group="post"):
        return _too_many(request)
    form = AskForm(request.POST, request.FILES)
    status = 422
    if form.is_valid():
        try:
            question = _ask(request.user, community, form.cleaned_data)
        except ServiceError as error:
            add_service_error(form, error)
            status = error.status
        else:
            return redirect(question.get_absolute_url())
    return render(
        request,
        "discussions/ask.html",
        {"community": community, "form": form, "may_post": may_post},
        status=status,
    )


@transaction.atomic
def _ask(by: User, community: Community, data: dict[str, Any]) -> Entry:
    """Ask and attach together: a refused attachment leaves no half-made question behind."""
    question = qa.ask_question(
        community=community, by=by, title=data["title"], body=data["body"], topics=data["topics"]
    )
    for upload in data["attachments"]:
        content.attach(entry=question, uploader=by, upload=upload)
    return question


# --- The question page -----------------------------------------------------------------------


def _thread_of(entry: Entry) -> Entry:
    """The question whose page shows ``entry``; 404 when that page is gone."""
    question = entry.parent if entry.parent_id else entry
    if question is None or question.kind != Kind.QUESTION or question.is_deleted:
        raise Http404
    return question


def _thread_context(
    request: MemberRequest,
    question: Entry,
    *,
    answer_form: AnswerForm | None = None,
    comment_on: int | None = None,
    comment_error: str = "",
    comment_text: str = "",
) -> dict[str, Any]:
    """Everything the question page shows, in a fixed number of queries."""
    viewer = request.user
    community = question.community
    membership = membership_of(viewer, community)
    answers = list(answers_to(question))
    for answer in answers:
        # The page's question and community stand in for each answer's, so permission
        # checks and links below need no query per answer.
        answer.parent = question
        answer.community = community
    answers.sort(key=lambda answer: answer.pk != question.accepted_child_id)
    posts = posts_for(viewer, [question, *answers], membership=membership)
    for post in posts:
        if post.entry.pk == comment_on:
            post.comment_error, post.comment_text = comment_error, comment_text
    # Who may accept depends on the question, not the answer: ask once.
    may_accept = bool(answers) and qa.can_accept(viewer, answers[0])
    return {
        "question": question,
        "community": community,
        "question_post": posts[0],
        "answer_posts": posts[1:],
        "topics": list(question.topics.all()),
        "following": is_following(viewer, question),
        "may_accept": may_accept,
        # Moving needs a second community the viewer moderates; its page says so if none.
        "may_move": can_moderate(viewer, membership),
        "can_answer": can_post_in(viewer, community, membership),
        "answer_form": answer_form or AnswerForm(),
    }


def _render_thread(
    request: MemberRequest,
    question: Entry,
    *,
    status: int = 200,
    partial: str | None = None,
    **overrides: Any,
) -> HttpResponse:
    context = _thread_context(request, question, **overrides)
    template = "discussions/question_detail.html"
    if partial and getattr(request, "htmx", False):
        template = f"{template}#{partial}"
    return render(request, template, context, status=_fragment_status(request, status))


@login_required
def question_detail(request: MemberRequest, pk: int, slug: str | None = None) -> HttpResponse:
    question = get_entry_for(request.user, pk, kind=Kind.QUESTION)
    if (slug or "") != question.slug:
        # Old titles and the short form keep working; search engines learn the new address.
        return HttpResponsePermanentRedirect(question.get_absolute_url())
    return _render_thread(request, question)


@login_required
@require_POST
def question_answer(request: MemberRequest, pk: int) -> HttpResponse:
    question = get_entry_for(request.user, pk, kind=Kind.QUESTION)
    if over_limit(request, group="post"):
        return _too_many(request)
    form = AnswerForm(request.POST)
    status = 422
    if form.is_valid():
        try:
            answer = qa.post_answer(
                question=question, by=request.user, body=form.cleaned_data["body"]
            )
        except ServiceError as error:
            add_service_error(form, error)
            status = error.status
        else:
            if getattr(request, "htmx", False):
                question.refresh_from_db()
                return _render_thread(request, question, partial="answers")
            return redirect(thread_url(answer))
    return _render_thread(request, question, status=status, partial="answers", answer_form=form)


@login_required
@require_POST
def entry_comment(request: MemberRequest, pk: int) -> HttpResponse:
    entry = get_entry_for(request.user, pk)
    question = _thread_of(entry)
    if over_limit(request, group="post"):
        return _too_many(request)
    form = CommentForm(request.POST)
    text = request.POST.get("body", "")
    status = 422
    error_message = ""
    if form.is_valid():
        try:
            content.add_comment(entry=entry, author=request.user, body=form.cleaned_data["body"])
        except ServiceError as error:
            error_message, status = error.message, error.status
        else:
            if getattr(request, "htmx", False):
                return _render_comments(request, entry)
            return redirect(thread_url(entry))
    else:
        error_message = " ".join(str(e) for e in form.errors.get("body", []))
    if getattr(request, "htmx", False):
        return _render_comments(request, entry, error=error_message, text=text)
    return _render_thread(
        request,
        question,
        status=status,
        comment_on=entry.pk,
        comment_error=error_message,
        comment_text=text,
    )


def _render_comments(
    request: MemberRequest, entry: Entry, *, error: str = "", text: str = ""
) -> HttpResponse:
    post: Post = post_for(
        request.user, entry, membership=membership_of(request.user, entry.community)
    )
    post.comment_error, post.comment_text = error, text
    return render(request, "content/parts.html#comments", {"post": post})


@login_required
@require_POST
def answer_accept(request: MemberRequest, pk: int) -> HttpResponse:
    answer = get_entry_for(request.user, pk, kind=Kind.ANSWER)
    question = _thread_of(answer)
    try:
        qa.accept_answer(answer=answer, by=request.user)
    except ServiceError as error:
        return _one_click_error(request, error.message, thread_url(answer))
    if getattr(request, "htmx", False):
        return _render_thread(request, question, partial="answers")
    return redirect(thread_url(answer))
