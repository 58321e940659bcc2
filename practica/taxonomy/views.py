"""Topic pages: the vocabulary, what is on a topic, and curating topics."""

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.accounts.selectors import visible_members
from practica.communities.models import Community
from practica.communities.selectors import visible_communities
from practica.content.models import Entry, Kind
from practica.content.visibility import visible_entries
from practica.core.errors import ServiceError
from practica.core.forms import add_service_error
from practica.core.pagination import InvalidCursor, Page, paginate
from practica.core.types import MemberRequest
from practica.core.views import not_allowed

from . import services
from .forms import TopicCreateForm, TopicForm
from .models import Topic
from .selectors import all_topics, get_topic, topic_and_descendants

QUESTIONS_PAGE = 20
SIDEBAR_LIMIT = 20


@dataclass
class TopicNode:
    topic: Topic
    count: int
    children: list["TopicNode"] = field(default_factory=list)


def _tree(topics: list[Topic], counts: dict[int, int]) -> list[TopicNode]:
    nodes = {t.pk: TopicNode(topic=t, count=counts.get(t.pk, 0)) for t in topics}
    roots: list[TopicNode] = []
    for topic in topics:  # already in name order, so children come out sorted too
        parent = nodes.get(topic.parent_id) if topic.parent_id else None
        (parent.children if parent else roots).append(nodes[topic.pk])
    return roots


@login_required
def topic_list(request: MemberRequest) -> HttpResponse:
    topics = list(all_topics())
    # One grouped query: visible questions per directly tagged topic.
    counts = dict(
        visible_entries(request.user)
        .filter(kind=Kind.QUESTION, topics__isnull=False)
        .order_by()
        .values_list("topics")
        .annotate(n=Count("id"))
        .values_list("topics", "n")
    )
    context = {
        "tree": _tree(topics, counts),
        "topic_count": len(topics),
        "can_curate": services.can_curate_topics(request.user),
    }
    return render(request, "taxonomy/topic_list.html", context)


@login_required
def topic_detail(request: MemberRequest, slug: str) -> HttpResponse:
    topic = get_topic(slug)
    ids = topic_and_descendants(topic)
    tagged = Entry.topics.through.objects.filter(topic_id__in=ids).values("entry_id")
    questions = (
        visible_entries(request.user)
        .filter(kind=Kind.QUESTION, pk__in=tagged)
        .select_related("community", "author")
        .prefetch_related("topics")
    )
    try:
        page: Page[Entry] = paginate(
            questions,
            order=["-created_at", "-id"],
            cursor=request.GET.get("cursor"),
            limit=QUESTIONS_PAGE,
        )
    except InvalidCursor as error:
        raise Http404 from error
    in_communities = Community.topics.through.objects.filter(topic_id__in=ids).values(
        "community_id"
    )
    experts = User.expertise.through.objects.filter(topic_id__in=ids).values("user_id")
    context = {
        "topic": topic,
        "synonyms": topic.synonym_list(),
        "narrower": list(topic.children.order_by("name")),
        "page": page,
        "communities": list(
            visible_communities(request.user)
            .filter(pk__in=in_communities)
            .order_by("name")[:SIDEBAR_LIMIT]
        ),
        "experts": list(
            visible_members(request.user)
            .filter(pk__in=experts, is_active=True, is_placeholder=False)
            .order_by("username")[:SIDEBAR_LIMIT]
        ),
        "can_curate": services.can_curate_topics(request.user),
    }
    return render(request, "taxonomy/topic_detail.html", context)


@login_required
def topic_create(request: MemberRequest) -> HttpResponse:
    if not services.can_curate_topics(request.user):
        return not_allowed(
            request, _("Only facilitators, leaders and administrators may add topics.")
        )
    form = TopicCreateForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            topic = services.create_topic(by=request.user, **form.cleaned_data)
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Topic added."))
            return redirect("topic_detail", topic.slug)
    status = 422 if form.errors else 200
    return render(request, "taxonomy/topic_form.html", {"form": form}, status=status)


@login_required
def topic_edit(request: MemberRequest, slug: str) -> HttpResponse:
    topic = get_topic(slug)
    if not services.can_curate_topics(request.user):
        return not_allowed(
            request, _("Only facilitators, leaders and administrators may change topics.")
        )
    initial = {
        "name": topic.name,
        "parent": topic.parent,
        "description": topic.description,
        "synonyms": topic.synonyms,
    }
    form = TopicForm(request.POST if request.method == "POST" else None, initial=initial)
    if form.is_bound and form.is_valid():
        try:
            services.update_topic(topic=topic, by=request.user, **form.cleaned_data)
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Topic saved."))
            return redirect("topic_detail", topic.slug)
    status = 422 if form.errors else 200
    return render(
        request, "taxonomy/topic_form.html", {"form": form, "topic": topic}, status=status
    )
