"""Q&A pages: question lists, asking (with the questions like it asked before), the
question page, the writes made on it, and closing a question as a duplicate.

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
from practica.content.visibility import get_entry_for, visible_entries
from practica.core.errors import NotAllowed, ServiceError
from practica.core.forms import add_service_error
from practica.core.htmx import render_page
from practica.core.pagination import InvalidCursor, Page
from practica.core.ratelimit import over_limit
from practica.core.types import MemberRequest, Viewer
from practica.core.views import not_allowed
from practica.people.selectors import experts_to_ask
from practica.search.engine import Hit, similar
from practica.taxonomy.selectors import all_topics

from . import services as qa
from .forms import AnswerForm, AskForm, CommentForm, DuplicateForm
from .permissions import can_close_as_duplicate
from .selectors import SORTS, answers_to, duplicates_of, original_of, question_list

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


# --- Similar questions ---------------------------------------------------------------------

SIMILAR_LIMIT = 10
# Shorter than this, a title says too little to look for anything like it.
SIMILAR_MIN_CHARS = 4
SIMILAR_MAX_TEXT = 2000


def similar_to(
    viewer: Viewer,
    *,
    title: str,
    body: str = "",
    community: Community | None = None,
    kinds: list[str] | None = None,
    exclude_id: int | None = None,
) -> tuple[str, list[Hit]]:
    """What the search engine finds like ``title`` (and ``body``), as far as the viewer may
    see: (the text looked for, the hits). Nothing is looked for until a title says enough."""
    text = " ".join(f"{title} {body}".split())[:SIMILAR_MAX_TEXT]
    if len(" ".join(title.split())) < SIMILAR_MIN_CHARS and len(text) < 2 * SIMILAR_MIN_CHARS:
        return "", []
    hits = similar(
        viewer=viewer,
        text=text,
        community=community,
        kinds=kinds,
        limit=SIMILAR_LIMIT,
        exclude_id=exclude_id,
    )
    return text, hits


def _similar_context(
    viewer: Viewer, *, title: str, body: str, community: Community | None
) -> dict[str, Any]:
    text, hits = similar_to(viewer, title=title, body=body, community=community)
    return {"similar_text": text, "similar": hits, "similar_community": community}


@login_required
def similar_questions(request: MemberRequest) -> HttpResponse:
    """Questions like the title (and details) being typed: the ask form's live panel (htmx
    asks for the results partial), or a page of its own."""
    title = request.GET.get("title", "")[: content.MAX_TITLE]
    body = request.GET.get("body", "")[:SIMILAR_MAX_TEXT]
    slug = request.GET.get("community", "").strip()
    community = get_community_for(request.user, slug) if slug else None
    context = _similar_context(request.user, title=title, body=body, community=community)
    context.update({"title": title, "body": body})
    return render_page(request, "discussions/similar.html", context, partial="results")


# --- Asking --------------------------------------------------------------------------------

ASK_FIELDS = ("title", "body", "topics")


@login_required
def ask_question(request: MemberRequest, slug: str) -> HttpResponse:
    community = get_community_for(request.user, slug)
    membership = membership_of(request.user, community)
    may_post = can_post_in(request.user, community, membership)
    context: dict[str, Any] = {"community": community, "may_post": may_post}
    if request.method != "POST":
        status = 200 if may_post else 403
        context.update(_similar_context(request.user, title="", body="", community=community))
        context["form"] = AskForm()
        return render(request, "discussions/ask.html", context, status=status)
    typed = {name: request.POST.get(name, "") for name in ASK_FIELDS}
    context.update(
        _similar_context(
            request.user, title=typed["title"], body=typed["body"], community=community
        )
    )
    if "check" in request.POST:
        # "Check for similar questions" without JavaScript: the same form with what was
        # typed, and the similar questions; nothing is posted and nothing is refused yet.
        context["form"] = AskForm(initial=typed)
        context["files_dropped"] = bool(request.FILES)
        return render(request, "discussions/ask.html", context)
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
    context["form"] = form
    return render(request, "discussions/ask.html", context, status=status)


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
        "may_close_duplicate": can_close_as_duplicate(viewer, membership),
        "original": original_of(viewer, question),
        "duplicates": duplicates_of(viewer, question),
        "suggested_experts": experts_to_ask(viewer=viewer, question=question, answers=answers),
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


# --- Duplicates ----------------------------------------------------------------------------


def _original_from(viewer: Viewer, number: int) -> Entry | None:
    """The question an address points to, if the viewer may see it (an answer's address
    stands for its question)."""
    entry = visible_entries(viewer).select_related("parent").filter(pk=number).first()
    if entry is not None and entry.kind == Kind.ANSWER and entry.parent is not None:
        entry = entry.parent if not entry.parent.is_deleted else None
    if entry is None or entry.kind != Kind.QUESTION:
        return None
    return entry


@login_required
def question_duplicate(request: MemberRequest, pk: int) -> HttpResponse:
    """Close a question as a duplicate: a form for the original's address or number, and
    questions like it to choose from (a search box narrows them)."""
    question = get_entry_for(request.user, pk, kind=Kind.QUESTION)
    refusal = _(
        "Only a facilitator or leader of the community may close a question as a duplicate."
    )
    if not can_close_as_duplicate(request.user, membership_of(request.user, question.community)):
        return not_allowed(request, refusal)
    search = " ".join(request.GET.get("q", "").split())[: content.MAX_TITLE]
    form = DuplicateForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 422
        original = None
        if form.is_valid():
            original = _original_from(request.user, form.cleaned_data["original"])
            if original is None:
                form.add_error(
                    "original", _("There is no question at that address that you can see.")
                )
        if original is not None:
            try:
                qa.close_as_duplicate(question=question, original=original, by=request.user)
            except NotAllowed as error:
                return not_allowed(request, error.message)
            except ServiceError as error:
                add_service_error(form, error)
                status = error.status
            else:
                messages.success(
                    request,
                    _("Closed as a duplicate of “%(title)s”.")
                    % {"title": question.duplicate_of.title if question.duplicate_of else ""},
                )
                return redirect(question.get_absolute_url())
    _text, candidates = similar_to(
        request.user,
        title=search or question.title,
        body="" if search else question.body,
        kinds=[Kind.QUESTION],
        exclude_id=question.pk,
    )
    context = {
        "question": question,
        "original": original_of(request.user, question),
        "form": form,
        "search": search,
        "candidates": candidates,
    }
    if request.method == "POST":
        return render(request, "discussions/duplicate.html", context, status=status)
    return render_page(request, "discussions/duplicate.html", context, partial="candidates")


@login_required
@require_POST
def question_reopen(request: MemberRequest, pk: int) -> HttpResponse:
    question = get_entry_for(request.user, pk, kind=Kind.QUESTION)
    try:
        qa.reopen(question=question, by=request.user)
    except ServiceError as error:
        return _one_click_error(request, error.message, question.get_absolute_url())
    messages.success(request, _("The question is open again: it is no longer a duplicate."))
    return redirect(question.get_absolute_url())
