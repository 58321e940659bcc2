from django.db.models import Q, QuerySet
from django.http import Http404

from .models import Topic


def all_topics() -> QuerySet[Topic]:
    return Topic.objects.select_related("parent").order_by("name")


def get_topic(slug: str) -> Topic:
    topic = Topic.objects.select_related("parent").filter(slug=slug).first()
    if topic is None:
        raise Http404
    return topic


def resolve_topics(names: list[str]) -> tuple[list[Topic], list[str]]:
    """Topics named by slug, name or synonym (any case); also the names that matched none."""
    found: list[Topic] = []
    unknown: list[str] = []
    candidates = list(Topic.objects.all())
    for raw in names:
        name = raw.strip().lower()
        if not name:
            continue
        match = next(
            (
                t
                for t in candidates
                if name in {t.slug, t.name.lower()} | {s.lower() for s in t.synonym_list()}
            ),
            None,
        )
        if match is None:
            unknown.append(raw.strip())
        elif match not in found:
            found.append(match)
    return found, unknown


def topic_and_descendants(topic: Topic) -> list[int]:
    """Ids of the topic and every narrower topic under it (the vocabulary is small)."""
    children: dict[int | None, list[int]] = {}
    for pk, parent_id in Topic.objects.values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    ids, stack = [], [topic.pk]
    while stack:
        current = stack.pop()
        ids.append(current)
        stack.extend(children.get(current, []))
    return ids


def search_topics(query: str) -> QuerySet[Topic]:
    return Topic.objects.filter(
        Q(name__icontains=query) | Q(synonyms__icontains=query) | Q(slug__icontains=query)
    )
