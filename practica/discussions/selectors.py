from django.db.models import QuerySet

from practica.content.models import Entry, Kind
from practica.content.visibility import visible_entries
from practica.core.pagination import Page, paginate
from practica.core.types import Viewer

SORTS = {
    "newest": ["-created_at", "-id"],
    "active": ["-last_activity_at", "-id"],
    "unanswered": ["-created_at", "-id"],
    "top": ["-score", "-id"],
}


def question_list(
    viewer: Viewer,
    *,
    community_id: int | None = None,
    topic: str = "",
    sort: str = "newest",
    cursor: str | None = None,
    limit: int | None = None,
) -> Page[Entry]:
    """Questions the viewer may see. Raises KeyError for an unknown sort."""
    order = SORTS[sort]
    questions = visible_entries(viewer).filter(kind=Kind.QUESTION)
    if community_id is not None:
        questions = questions.filter(community_id=community_id)
    if topic:
        questions = questions.filter(topics__slug=topic)
    if sort == "unanswered":
        questions = questions.filter(child_count=0)
    questions = questions.select_related("community", "author").prefetch_related("topics")
    return paginate(questions, order=order, cursor=cursor, limit=limit)


def answers_to(question: Entry) -> QuerySet[Entry]:
    """The answers on a question page: accepted first, then by score, then oldest."""
    return (
        Entry.objects.filter(parent=question, kind=Kind.ANSWER, is_deleted=False)
        .select_related("author", "author__organisation")
        .order_by("-score", "created_at", "id")
    )
