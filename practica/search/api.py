"""Search and "has this been asked before?" for API clients: the same engine as the pages."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from practica.communities.selectors import get_community_for
from practica.core.api import ErrorOut, ListOut, member

from . import engine
from .forms import SearchForm
from .schemas import HitOut, SearchOut

router = Router(tags=["search"])
MAX_TEXT = 20_000
NO_TYPES: list[str] = Query([])  # ?type= may repeat


def hit_out(hit: engine.Hit) -> dict[str, Any]:
    return {
        "id": hit.id,
        "kind": hit.kind,
        "title": hit.title,
        "snippet": hit.snippet,
        "url": hit.url,
        "score": hit.score,
        "community": hit.community_name or None,
        "is_answered": hit.is_answered,
        "duplicate_of": hit.duplicate_of_id,
        "created": hit.created,
        "votes": hit.votes,
    }


@router.get(
    "/search",
    response={200: SearchOut, 422: ErrorOut},
    summary="Search everything the caller may see",
)
def search(
    request: HttpRequest,
    q: str = "",
    type: list[str] = NO_TYPES,
    community: str = "",
    topic: str = "",
    author: str = "",
    date_from: str = "",
    date_to: str = "",
    answered: str = "",
    sort: str = "relevance",
    cursor: str = "",
    limit: int = 20,
) -> Any:
    """`q` takes words, "exact phrases", -excluded words and OR. Filters: `type` (repeat for
    several: question, answer, comment, member, community, topic), `community` and `topic`
    (slugs), `author` (username), `date_from`/`date_to` (YYYY-MM-DD), `answered` (yes or no);
    `sort` relevance, newest or votes. `facets` count each filter's values."""
    params = {
        "q": q,
        "community": community,
        "topic": topic,
        "author": author,
        "date_from": date_from,
        "date_to": date_to,
        "answered": answered,
        "sort": sort,
        "cursor": cursor,
        "limit": min(max(limit, 1), 100),
    }
    form = SearchForm({**params, "type": type})
    if not form.is_valid():
        field, errors = next(iter(form.errors.items()))
        return Status(
            422, {"detail": f"{field}: {' '.join(str(e) for e in errors)}", "field": field}
        )
    page = engine.search(viewer=member(request), query=form.to_query())
    return {
        "items": [hit_out(hit) for hit in page.hits],
        "next": page.next,
        "total": page.total,
        "did_you_mean": page.did_you_mean,
        "relaxed": page.relaxed,
        "facets": {
            name: [{"value": o.value, "label": o.label, "count": o.count} for o in options]
            for name, options in page.facets.items()
        },
    }


@router.get(
    "/similar",
    response={200: ListOut[HitOut], 404: ErrorOut, 422: ErrorOut},
    summary="Entries like a text: has this been asked before?",
)
def similar(
    request: HttpRequest, text: str, community: str = "", kind: str = "", limit: int = 10
) -> Any:
    """`text` may be a title or a whole question; `community` (a slug) and `kind` (question,
    answer, …) narrow it; `limit` is at most 100. Best first."""
    viewer = member(request)
    if not text.strip():
        return Status(422, {"detail": _("Give some text to compare with."), "field": "text"})
    if len(text) > MAX_TEXT:
        return Status(
            422,
            {
                "detail": _("The text is too long (at most 20,000 characters)."),
                "field": "text",
            },
        )
    if kind and kind not in engine.ENTRY_TYPES:
        kinds = ", ".join(engine.ENTRY_TYPES)
        return Status(422, {"detail": _("Unknown kind; use one of: %s.") % kinds, "field": "kind"})
    place = get_community_for(viewer, community) if community else None
    hits = engine.similar(
        viewer=viewer,
        text=text,
        community=place,
        kinds=[kind] if kind else None,
        limit=min(max(limit, 1), 100),
    )
    return {"items": [hit_out(hit) for hit in hits], "next": None}
