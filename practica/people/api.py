"""People: who knows about a topic or some text."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import Router

from practica.core.api import ErrorOut, member

from .schemas import ExpertListOut
from .selectors import MAX_LIMIT, find_experts

router = Router(tags=["people"])

DEFAULT_LIMIT = 10


@router.get(
    "/experts",
    response={200: ExpertListOut, 422: ErrorOut},
    summary="Who knows about a topic or some text",
)
def experts(
    request: HttpRequest, topic: str = "", text: str = "", limit: int = DEFAULT_LIMIT
) -> Any:
    """Members the caller may see, best evidence first: accepted answers, up-votes on
    answers, answers and questions written on the subject (a topic slug with its narrower
    topics, or free text), then the subject listed as expertise. Only content the caller
    may see counts. Give `topic` or `text` (or both); `limit` is capped at 50."""
    found = find_experts(
        viewer=member(request), topic=topic, text=text, limit=max(1, min(limit, MAX_LIMIT))
    )
    return {
        "items": [
            {
                "id": e.member.pk,
                "username": e.member.username,
                "name": e.member.display_name,
                "url": reverse("member_profile", args=[e.member.username]),
                "imported": e.imported,
                "score": e.score,
                "reasons": e.reasons,
                "evidence": e.evidence,
            }
            for e in found
        ],
        "next": None,
    }
