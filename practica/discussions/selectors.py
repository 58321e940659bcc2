from collections.abc import Iterable

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


# --- Duplicates ----------------------------------------------------------------------------

DUPLICATES_SHOWN = 20


def original_of(viewer: Viewer, question: Entry) -> Entry | None:
    """The question ``question`` is a duplicate of, if the viewer may see it."""
    if question.duplicate_of_id is None:
        return None
    return (
        visible_entries(viewer)
        .filter(pk=question.duplicate_of_id, kind=Kind.QUESTION)
        .select_related("community")
        .first()
    )


def duplicates_of(viewer: Viewer, question: Entry, *, limit: int = DUPLICATES_SHOWN) -> list[Entry]:
    """Questions closed as duplicates of ``question`` that the viewer may see, newest first."""
    duplicates = visible_entries(viewer).filter(duplicate_of=question, kind=Kind.QUESTION)
    return list(duplicates.select_related("community").order_by("-created_at", "-id")[:limit])


def visible_originals(viewer: Viewer, entries: Iterable[Entry]) -> dict[int, Entry]:
    """The originals of those ``entries`` that are duplicates, by id, as far as the viewer
    may see them: one query for a whole list."""
    ids = {entry.duplicate_of_id for entry in entries if entry.duplicate_of_id is not None}
    if not ids:
        return {}
    originals = (
        visible_entries(viewer).filter(pk__in=ids, kind=Kind.QUESTION).only("id", "kind", "slug")
    )
    return {original.pk: original for original in originals}
