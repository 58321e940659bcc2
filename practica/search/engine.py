"""Search, similar-as-you-type and matching, for pages, the API and other apps.

Everything here starts from the viewer's scope (``scope.scope_for``), which the backend puts
inside its query: totals, facets, suggestions and snippets only ever count what the viewer
may see.
"""

import datetime as dt
from dataclasses import dataclass, field, replace

from django.utils.translation import gettext_lazy as _
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from practica.accounts.models import User
from practica.accounts.selectors import visible_members
from practica.communities.models import Community
from practica.content.models import Kind
from practica.core.pagination import decode_cursor, encode_cursor
from practica.core.types import Viewer
from practica.taxonomy.models import Topic
from practica.taxonomy.selectors import topic_and_descendants

from .backends import get_backend
from .backends.base import BackendHit, BackendQuery, Filters, Sort
from .documents import split_key
from .query import ParsedQuery, parse
from .scope import Scope, scope_for

MAX_LIMIT = 100
MAX_OFFSET = 1000
FUSE_DEPTH = 100  # text hits re-ranked together with meaning hits
MEANING_DEPTH = 50
ENTRY_TYPES = [k.value for k in Kind]
TYPE_LABELS = {
    **{k.value: k.label for k in Kind},
    "comment": _("Comment"),
    "member": _("Member"),
    "community": _("Community"),
    "topic": _("Topic"),
}
NO_MATCH = [-1]  # a filter value no document holds


@dataclass
class SearchQuery:
    text: str = ""
    types: list[str] = field(default_factory=list)
    community: str = ""  # slug
    topic: str = ""  # slug; includes narrower topics
    author: str = ""  # username
    date_from: dt.date | None = None
    date_to: dt.date | None = None  # inclusive
    answered: bool | None = None
    sort: Sort = "relevance"
    cursor: str = ""
    limit: int = 20


@dataclass
class Hit:
    id: int
    key: str
    kind: str
    title: str
    snippet: str
    url: str
    score: float
    community_id: int | None
    community_name: str
    is_answered: bool
    duplicate_of_id: int | None
    created: dt.datetime
    votes: int
    author_id: int | None
    thread_id: int | None

    @property
    def kind_label(self) -> str:
        return str(TYPE_LABELS.get(self.kind, self.kind))


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool = False
    toggle: str = ""  # the query string that selects or clears this value (set by the view)


@dataclass
class SearchPage:
    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetOption]] = field(default_factory=dict)
    next: str | None = None
    did_you_mean: str | None = None
    relaxed: bool = False  # no result had every word: these have some of them
    empty_query: bool = False


# --- the search page and API ----------------------------------------------------------------


def search(*, viewer: Viewer, query: SearchQuery) -> SearchPage:
    parsed = parse(query.text)
    if parsed.is_empty:
        return SearchPage(hits=[], total=0, empty_query=True)
    scope = scope_for(viewer)
    limit = max(1, min(query.limit, MAX_LIMIT))
    offset = offset_from(query.cursor)
    request = BackendQuery(
        parsed=parsed,
        scope=scope,
        filters=resolve_filters(viewer=viewer, scope=scope, query=query),
        sort=query.sort,
        offset=offset,
        limit=limit,
        facets=True,
    )
    backend = get_backend()
    result = backend.search(request)
    relaxed = False
    if result.total == 0 and len(parsed.groups) > 1:
        request.match, relaxed = "any", True
        result = backend.search(request)
    hits, total = result.hits, result.total
    if query.sort == "relevance" and offset < FUSE_DEPTH and is_plain(query.text):
        window = fused_window(request, text=query.text)
        if window is not None:
            hits, total = window[offset : offset + limit], max(total, len(window))
    more = offset + limit < min(total, MAX_OFFSET)
    return SearchPage(
        hits=to_hits(hits, scope),
        total=total,
        facets=label_facets(result.facets, query),
        next=encode_cursor([offset + limit]) if more and hits else None,
        did_you_mean=did_you_mean(request, 0 if relaxed else total) if total < 3 else None,
        relaxed=relaxed,
    )


def offset_from(cursor: str) -> int:
    if not cursor:
        return 0
    try:
        (offset,) = decode_cursor(cursor, 1)
    except ValueError:
        return 0
    return max(0, min(int(offset), MAX_OFFSET)) if isinstance(offset, int) else 0


def resolve_filters(*, viewer: Viewer, scope: Scope, query: SearchQuery) -> Filters:
    """Names and slugs to ids; anything the viewer may not see matches nothing."""
    filters = Filters(types=[t for t in query.types if t in TYPE_LABELS], answered=query.answered)
    if query.community:
        community = Community.objects.filter(slug=query.community).only("pk").first()
        visible = community is not None and community.pk in scope.communities
        filters.community_ids = [community.pk] if community and visible else NO_MATCH
    if query.topic:
        topic = Topic.objects.filter(slug=query.topic).first()
        filters.topic_ids = topic_and_descendants(topic) if topic else NO_MATCH
    if query.author:
        author = visible_members(viewer).filter(username=query.author).only("pk").first()
        filters.author_ids = [author.pk] if author else NO_MATCH
    if query.date_from:
        filters.created_from = epoch(query.date_from)
    if query.date_to:
        filters.created_to = epoch(query.date_to + dt.timedelta(days=1))
    return filters


def epoch(day: dt.date) -> int:
    return int(dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC).timestamp())


def is_plain(text: str) -> bool:
    """Plain words only: meaning hits know nothing of phrases, exclusions or OR, so a query
    using them is answered by the text engine alone."""
    typed = parse(text, synonyms=False)
    return not typed.excluded and all(len(g) == 1 and len(g[0]) == 1 for g in typed.groups)


def fused_window(request: BackendQuery, *, text: str) -> list[BackendHit] | None:
    meaning_keys = nearest_keys(text, request.scope, request.filters)
    if not meaning_keys:
        return None
    backend = get_backend()
    text_hits = backend.search(replace(request, offset=0, limit=FUSE_DEPTH, facets=False)).hits
    from .meaning import fuse

    fused = fuse([(h.key, h.score) for h in text_hits], meaning_keys)
    # Ties (texts that mean the same) keep the text order, which weighs votes and answers.
    text_rank = {h.key: rank for rank, h in enumerate(text_hits)}
    fused.sort(key=lambda pair: (-round(pair[1], 9), text_rank.get(pair[0], FUSE_DEPTH)))
    known = {h.key: h for h in text_hits}
    missing = [key for key, _ in fused if key not in known]
    if missing:
        for hit in fetch(missing, request):
            known[hit.key] = hit
    # A key the backend did not return is not visible with these filters: it is dropped.
    return [known[key] for key, _ in fused if key in known]


def fetch(keys: list[str], request: BackendQuery) -> list[BackendHit]:
    """These documents, if the viewer may see them and they pass the filters."""
    filters = replace(request.filters, keys=keys)
    query = BackendQuery(
        parsed=ParsedQuery(), scope=request.scope, filters=filters, limit=len(keys)
    )
    return get_backend().search(query).hits


def nearest_keys(text: str, scope: Scope, filters: Filters) -> list[tuple[str, float]]:
    try:
        from . import meaning, vectors
    except ImportError:
        return []
    if not meaning.is_available():
        return []
    if filters.types and not set(filters.types) & set(ENTRY_TYPES):
        return []
    communities = scope.community_ids
    if filters.community_ids:
        communities = [c for c in filters.community_ids if c in scope.communities]
    vector = meaning.embed([text])[0]
    pairs = vectors.nearest(
        vector, community_ids=communities, limit=MEANING_DEPTH, min_score=meaning.MIN_SIMILARITY
    )
    return [(f"entry:{pk}", score) for pk, score in pairs]


def did_you_mean(request: BackendQuery, total: int) -> str | None:
    """A spelling fix, offered only when it finds more of what this viewer may see (with
    every word: ``total`` is how many had every word as typed)."""
    backend = get_backend()
    fixes = {}
    for word in request.parsed.words():
        if len(word) < 3 or word.isdigit():
            continue
        known = dict(backend.vocabulary(word, request.scope, limit=50))
        if known.get(word):
            continue
        candidates = dict(backend.vocabulary(word[0], request.scope, limit=20000))
        matches = process.extract(
            word, list(candidates), scorer=Levenshtein.distance, score_cutoff=2, limit=10
        )
        if matches:
            best = min(matches, key=lambda m: (m[1], -candidates[m[0]]))
            fixes[word] = best[0]
    if not fixes:
        return None
    fixed = request.parsed.replace_words(fixes)
    check = replace(
        request, parsed=fixed, match="all", offset=0, limit=1, facets=False, snippets=False
    )
    if backend.search(check).total <= total:
        return None
    return fixed.to_text()


def label_facets(
    raw: dict[str, list[tuple[str, int]]], query: SearchQuery
) -> dict[str, list[FacetOption]]:
    """Facet values with names; one query per kind of name, whatever the number of values."""
    if not raw:
        return {}
    community_ids = [int(v) for v, _ in raw.get("community", [])]
    communities = dict(Community.objects.filter(pk__in=community_ids).values_list("pk", "slug"))
    names = dict(Community.objects.filter(pk__in=community_ids).values_list("slug", "name"))
    topic_rows = Topic.objects.filter(pk__in=[int(v) for v, _ in raw.get("topics", [])])
    topics = {t.pk: t for t in topic_rows.only("pk", "slug", "name")}
    author_rows = User.objects.filter(pk__in=[int(v) for v, _ in raw.get("author", [])])
    authors = {u.pk: u for u in author_rows.only("pk", "username", "name")}
    facets: dict[str, list[FacetOption]] = {}
    facets["type"] = [
        FacetOption(v, str(TYPE_LABELS.get(v, v)), n, v in query.types)
        for v, n in raw.get("type", [])
    ]
    facets["community"] = [
        FacetOption(slug, names[slug], n, slug == query.community)
        for v, n in raw.get("community", [])
        if (slug := communities.get(int(v)))
    ]
    facets["topic"] = [
        FacetOption(t.slug, t.name, n, t.slug == query.topic)
        for v, n in raw.get("topics", [])
        if (t := topics.get(int(v)))
    ]
    facets["author"] = [
        FacetOption(u.username, u.name or u.username, n, u.username == query.author)
        for v, n in raw.get("author", [])
        if (u := authors.get(int(v)))
    ]
    answered_labels = {"1": _("Answered"), "0": _("Unanswered")}
    facets["answered"] = [
        FacetOption(
            "yes" if v == "1" else "no",
            str(answered_labels[v]),
            n,
            query.answered is (v == "1"),
        )
        for v, n in raw.get("answered", [])
    ]
    return facets


def to_hits(hits: list[BackendHit], scope: Scope) -> list[Hit]:
    results = []
    for hit in hits:
        _kind, pk = split_key(hit.key)
        results.append(
            Hit(
                id=pk,
                key=hit.key,
                kind=hit.type,
                title=hit.title or hit.label,
                snippet=hit.snippet,
                url=hit.url,
                score=round(hit.score, 4),
                community_id=hit.community_id or None,
                community_name=scope.communities.get(hit.community_id, ""),
                is_answered=hit.answered,
                duplicate_of_id=hit.duplicate_of or None,
                created=dt.datetime.fromtimestamp(hit.created, tz=dt.UTC),
                votes=hit.votes,
                author_id=hit.author_id or None,
                thread_id=hit.thread_id or None,
            )
        )
    return results


# --- "has this been asked before?" ----------------------------------------------------------


def similar(
    *,
    viewer: Viewer,
    text: str,
    community: Community | None = None,
    kinds: list[str] | None = None,
    limit: int = 10,
    exclude_id: int | None = None,
) -> list[Hit]:
    """Entries most like ``text`` (a title, or a whole question), best first."""
    text = " ".join(text.split())
    if not text:
        return []
    scope = scope_for(viewer)
    limit = max(1, min(limit, MAX_LIMIT))
    filters = Filters(types=[k for k in (kinds or [Kind.QUESTION.value]) if k in ENTRY_TYPES])
    if community is not None:
        filters.community_ids = [community.pk] if community.pk in scope.communities else NO_MATCH
    request = BackendQuery(
        parsed=ParsedQuery(), similar_text=text, scope=scope, filters=filters, limit=limit + 1
    )
    window = fused_window(replace(request, limit=limit + 1), text=text)
    hits = window if window is not None else get_backend().search(request).hits
    exclude = f"entry:{exclude_id}" if exclude_id else None
    return to_hits([h for h in hits if h.key != exclude][:limit], scope)


def matching_entry_ids(*, viewer: Viewer, text: str, limit: int = 200) -> list[tuple[int, float]]:
    """Visible entries matching any of the words of ``text``, best first (for expert finding)."""
    parsed = parse(text)
    if parsed.is_empty:
        return []
    request = BackendQuery(
        parsed=parsed,
        scope=scope_for(viewer),
        filters=Filters(types=ENTRY_TYPES),
        match="any",
        limit=max(1, min(limit, 1000)),
        snippets=False,
    )
    return [(split_key(h.key)[1], h.score) for h in get_backend().search(request).hits]


# --- for the evaluation -------------------------------------------------------------------------


def retrieve(
    *, text: str, mode: str, limit: int, scope: Scope, backend: object | None = None
) -> list[tuple[str, float]]:
    """Ranked keys for ``text``: mode "text" (BM25 on any word), "meaning" or "combined"."""
    engine = backend or get_backend()
    request = BackendQuery(
        parsed=parse(text, synonyms=False),
        scope=scope,
        match="any",
        limit=max(limit, FUSE_DEPTH),
        snippets=False,
    )
    text_hits = [(h.key, h.score) for h in engine.search(request).hits]  # type: ignore[attr-defined]
    if mode == "text":
        return text_hits[:limit]
    meaning_hits = nearest_keys(text, scope, Filters())
    if mode == "meaning":
        return meaning_hits[:limit]
    from .meaning import fuse

    return fuse(text_hits, meaning_hits)[:limit]
