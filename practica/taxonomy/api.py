"""Topics: the site-wide vocabulary shared by content and expertise."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import ngettext
from ninja import Router

from practica.core.api import ErrorOut, ListOut
from practica.core.errors import ServiceError
from practica.core.pagination import paginate

from .models import Topic
from .schemas import TopicDetailOut, TopicOut
from .selectors import all_topics, get_topic, resolve_topics, search_topics

router = Router(tags=["topics"])


def topics_named(names: list[str]) -> list[Topic]:
    """The topics a request names (by slug, name or synonym); 422 naming any unknown one."""
    topics, unknown = resolve_topics(names)
    if unknown:
        message = ngettext(
            "There is no topic %(names)s.", "There are no topics %(names)s.", len(unknown)
        ) % {"names": ", ".join(f'"{name}"' for name in unknown)}
        raise ServiceError(message, field="topics")
    return topics


@router.get("/topics", response=ListOut[TopicOut], summary="The topic vocabulary")
def topic_list(
    request: HttpRequest, q: str = "", limit: int | None = None, cursor: str | None = None
) -> Any:
    """Every topic with its broader topic and synonyms; `?q=` searches names and synonyms."""
    topics = all_topics()
    if q.strip():
        topics = topics.filter(pk__in=search_topics(q.strip()).values("pk"))
    return paginate(topics, order=["name", "id"], cursor=cursor, limit=limit)


@router.get("/topics/{slug}", response={200: TopicDetailOut, 404: ErrorOut}, summary="A topic")
def topic_detail(request: HttpRequest, slug: str) -> Any:
    return get_topic(slug)
