"""What goes into the search index: one flat document per entry, comment, member, community
and topic, keyed "<type>:<id>".

A document carries its *scopes*: the visibility terms a viewer must hold one of to see it
(``c<community id>`` for what belongs to a community, ``host``/``u<id>`` for members,
``auth`` for topics). ``scope.py`` turns the one visibility rule into the viewer's terms, so
the engine filters inside the query and never after it.
"""

import html
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import nh3
from django.db.models import Prefetch
from django.urls import reverse

from practica.accounts.models import User
from practica.communities.models import Community, Membership, MembershipStatus
from practica.content.models import Comment, Entry, Kind
from practica.taxonomy.models import Topic

# How much of a question's answers goes into the question's own document.
ANSWERS_TEXT_LIMIT = 6000
BODY_TEXT_LIMIT = 20000


@dataclass
class SearchDoc:
    key: str
    type: str  # an entry kind, or "comment", "member", "community", "topic"
    title: str
    body: str
    scopes: list[str]
    url: str
    label: str = ""  # what a hit shows as its title when the document has none (answers)
    extra: str = ""  # a question's answers: found by them, ranked below title and body
    community_id: int = 0
    author_id: int = 0
    topic_ids: list[int] = field(default_factory=list)
    created: int = 0  # seconds since the epoch
    votes: int = 0
    answered: bool = False
    thread_id: int = 0  # the question an answer or comment belongs to
    duplicate_of: int = 0
    prior: float = 0.0  # query-independent worth: votes, accepted answer; duplicates lowest


def split_key(key: str) -> tuple[str, int]:
    kind, _, pk = key.partition(":")
    return kind, int(pk)


def plain_text(markup_html: str, fallback: str = "") -> str:
    """The readable text of rendered markdown, for indexing and snippets."""
    if not markup_html:
        return fallback
    text = nh3.clean(markup_html.replace("</p>", "</p> ").replace("<br>", " "), tags=set())
    return html.unescape(" ".join(text.split()))


def entry_prior(entry: Entry) -> float:
    """``weight_by_field`` multiplies scores by log2(2 + prior): 2 for a plain entry, more
    for voted and solved ones, 1 (the least) for a duplicate so its original ranks first."""
    if entry.duplicate_of_id:
        return 0.0
    prior = 2.0 + math.sqrt(max(entry.score, 0))
    if entry.accepted_child_id:
        prior += 4.0
    elif entry.child_count:
        prior += 1.0
    return prior


def build(keys: Iterable[str]) -> tuple[list[SearchDoc], list[str]]:
    """Documents for ``keys``, and the keys whose objects are gone (to delete)."""
    by_type: dict[str, list[int]] = defaultdict(list)
    for key in set(keys):
        kind, pk = split_key(key)
        by_type[kind].append(pk)
    docs: list[SearchDoc] = []
    docs += entry_docs(by_type.get("entry", []))
    docs += comment_docs(by_type.get("comment", []))
    docs += member_docs(by_type.get("member", []))
    docs += community_docs(by_type.get("community", []))
    docs += topic_docs(by_type.get("topic", []))
    found = {doc.key for doc in docs}
    gone = sorted(
        f"{kind}:{pk}" for kind, pks in by_type.items() for pk in pks if f"{kind}:{pk}" not in found
    )
    return docs, gone


def related_keys(keys: Iterable[str]) -> set[str]:
    """Keys whose documents change with these: an answer's question (its answers text and
    answered flag), a question's answers and comments (they inherit its community)."""
    entry_ids = [pk for kind, pk in map(split_key, keys) if kind == "entry"]
    if not entry_ids:
        return set()
    related: set[str] = set()
    rows = Entry.objects.filter(pk__in=entry_ids).values_list("parent_id", flat=True)
    related |= {f"entry:{pk}" for pk in rows if pk}
    children = Entry.objects.filter(parent_id__in=entry_ids).values_list("pk", flat=True)
    related |= {f"entry:{pk}" for pk in children}
    comments = Comment.objects.filter(entry_id__in=entry_ids).values_list("pk", flat=True)
    related |= {f"comment:{pk}" for pk in comments}
    return related


def entry_docs(ids: list[int]) -> list[SearchDoc]:
    if not ids:
        return []
    answers = Entry.objects.filter(is_deleted=False).only("id", "parent_id", "body_html", "body")
    entries = (
        Entry.objects.filter(pk__in=ids, is_deleted=False)
        .select_related("parent")
        .prefetch_related("topics", Prefetch("children", queryset=answers, to_attr="answers"))
    )
    return [entry_doc(entry) for entry in entries]


def entry_doc(entry: Entry) -> SearchDoc:
    parent = entry.parent
    answers: list[Entry] = getattr(entry, "answers", [])
    answers_text = " ".join(plain_text(a.body_html, a.body) for a in answers)
    return SearchDoc(
        key=f"entry:{entry.pk}",
        type=entry.kind,
        title=entry.title,
        label=entry.title or (parent.title if parent else ""),
        body=plain_text(entry.body_html, entry.body)[:BODY_TEXT_LIMIT],
        extra=answers_text[:ANSWERS_TEXT_LIMIT] if entry.kind == Kind.QUESTION else "",
        scopes=[f"c{entry.community_id}"],
        url=entry.get_absolute_url(),
        community_id=entry.community_id,
        author_id=entry.author_id,
        topic_ids=[t.pk for t in entry.topics.all()],
        created=int(entry.created_at.timestamp()),
        votes=entry.score,
        answered=bool(entry.accepted_child_id or entry.child_count),
        thread_id=entry.parent_id or entry.pk,
        duplicate_of=entry.duplicate_of_id or 0,
        prior=entry_prior(entry),
    )


def comment_docs(ids: list[int]) -> list[SearchDoc]:
    if not ids:
        return []
    comments = Comment.objects.filter(
        pk__in=ids, is_deleted=False, entry__is_deleted=False
    ).select_related("entry", "entry__parent")
    docs = []
    for comment in comments:
        entry = comment.entry
        thread = entry.parent or entry
        docs.append(
            SearchDoc(
                key=f"comment:{comment.pk}",
                type="comment",
                title="",
                label=thread.title,
                body=plain_text(comment.body_html, comment.body),
                scopes=[f"c{entry.community_id}"],
                url=f"{entry.get_absolute_url()}#comment-{comment.pk}",
                community_id=entry.community_id,
                author_id=comment.author_id,
                created=int(comment.created_at.timestamp()),
                thread_id=thread.pk,
                prior=1.0,
            )
        )
    return docs


def member_docs(ids: list[int]) -> list[SearchDoc]:
    """Active, real members; their scopes mirror ``accounts.selectors.visible_members``."""
    if not ids:
        return []
    active = Membership.objects.filter(status=MembershipStatus.ACTIVE).only("user_id", "community")
    people = (
        User.objects.filter(pk__in=ids, is_active=True, is_placeholder=False)
        .select_related("organisation")
        .prefetch_related("expertise", Prefetch("memberships", queryset=active, to_attr="active"))
    )
    docs = []
    for person in people:
        scopes = [f"u{person.pk}"] + [f"c{m.community_id}" for m in person.active]
        if person.organisation is not None and person.organisation.is_host:
            scopes.append("host")
        expertise = [t.name for t in person.expertise.all()]
        docs.append(
            SearchDoc(
                key=f"member:{person.pk}",
                type="member",
                title=person.name or person.username,
                body=" ".join([person.username, person.job_role, person.ask_me_about, *expertise]),
                extra=person.bio,
                scopes=scopes,
                url=reverse("member_profile", args=[person.username]),
                topic_ids=[t.pk for t in person.expertise.all()],
                created=int(person.date_joined.timestamp()),
                prior=1.0,
            )
        )
    return docs


def community_docs(ids: list[int]) -> list[SearchDoc]:
    if not ids:
        return []
    communities = Community.objects.filter(pk__in=ids).prefetch_related("topics")
    return [
        SearchDoc(
            key=f"community:{c.pk}",
            type="community",
            title=c.name,
            body=" ".join([c.purpose, *(t.name for t in c.topics.all())]),
            scopes=[f"c{c.pk}"],
            url=reverse("community_detail", args=[c.slug]),
            community_id=c.pk,
            topic_ids=[t.pk for t in c.topics.all()],
            created=int(c.created_at.timestamp()),
            votes=c.member_count,
            prior=2.0 + math.sqrt(c.member_count),
        )
        for c in communities
    ]


def topic_docs(ids: list[int]) -> list[SearchDoc]:
    if not ids:
        return []
    return [
        SearchDoc(
            key=f"topic:{t.pk}",
            type="topic",
            title=t.name,
            body=" ".join([t.description, *t.synonyms.splitlines()]),
            scopes=["auth"],
            url=reverse("topic_detail", args=[t.slug]),
            topic_ids=[t.pk],
            created=int(t.created_at.timestamp()),
            prior=2.0,
        )
        for t in Topic.objects.filter(pk__in=ids)
    ]


def all_keys() -> Iterable[list[str]]:
    """Every indexable key, in batches (for a rebuild)."""
    sources: list[tuple[str, Iterable[int]]] = [
        ("topic", Topic.objects.values_list("pk", flat=True).iterator()),
        ("community", Community.objects.values_list("pk", flat=True).iterator()),
        (
            "member",
            User.objects.filter(is_active=True, is_placeholder=False)
            .values_list("pk", flat=True)
            .iterator(),
        ),
        ("entry", Entry.objects.filter(is_deleted=False).values_list("pk", flat=True).iterator()),
        (
            "comment",
            Comment.objects.filter(is_deleted=False).values_list("pk", flat=True).iterator(),
        ),
    ]
    batch: list[str] = []
    for kind, pks in sources:
        for pk in pks:
            batch.append(f"{kind}:{pk}")
            if len(batch) >= 1000:
                yield batch
                batch = []
    if batch:
        yield batch


def count_all() -> int:
    return (
        Topic.objects.count()
        + Community.objects.count()
        + User.objects.filter(is_active=True, is_placeholder=False).count()
        + Entry.objects.filter(is_deleted=False).count()
        + Comment.objects.filter(is_deleted=False).count()
    )
