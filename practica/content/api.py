"""What every kind of entry shares: comments and votes."""

from collections.abc import Iterable
from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from practica.accounts.models import User
from practica.core.api import POSTING, ErrorOut, ListOut, member
from practica.core.pagination import paginate

from . import services
from .models import Entry, Vote
from .schemas import CommentIn, CommentOut, VoteIn, VoteOut
from .visibility import get_entry_for, visible_comments

router = Router(tags=["entries"])


def with_my_votes(viewer: User, entries: Iterable[Entry]) -> None:
    """Give each entry the viewer's vote as ``my_vote`` (1, -1 or 0), from one query."""
    entries = list(entries)
    votes = dict(
        Vote.objects.filter(user=viewer, entry__in=[e.pk for e in entries]).values_list(
            "entry_id", "value"
        )
    )
    for entry in entries:
        entry.my_vote = votes.get(entry.pk, 0)  # type: ignore[attr-defined]


@router.get(
    "/entries/{entry_id}/comments",
    response={200: ListOut[CommentOut], 404: ErrorOut},
    summary="Comments on an entry, oldest first",
)
def comment_list(
    request: HttpRequest, entry_id: int, limit: int | None = None, cursor: str | None = None
) -> Any:
    viewer = member(request)
    entry = get_entry_for(viewer, entry_id)
    comments = visible_comments(viewer).filter(entry=entry).select_related("author")
    return paginate(comments, order=["created_at", "id"], cursor=cursor, limit=limit)


@router.post(
    "/entries/{entry_id}/comments",
    response={201: CommentOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    throttle=POSTING,
    summary="Comment on an entry",
)
def add_comment(request: HttpRequest, entry_id: int, payload: CommentIn) -> Any:
    viewer = member(request)
    entry = get_entry_for(viewer, entry_id)
    return Status(201, services.add_comment(entry=entry, author=viewer, body=payload.body))


@router.post(
    "/entries/{entry_id}/vote",
    response={200: VoteOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Vote an entry up (1) or down (-1), or take the vote back (0)",
)
def vote(request: HttpRequest, entry_id: int, payload: VoteIn) -> Any:
    """Voting the same way twice takes the vote back. Nobody votes on their own posts."""
    viewer = member(request)
    entry = services.vote(entry=get_entry_for(viewer, entry_id), user=viewer, value=payload.value)
    with_my_votes(viewer, [entry])
    return {"score": entry.score, "my_vote": entry.my_vote}  # type: ignore[attr-defined]
