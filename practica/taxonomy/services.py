"""Curating the vocabulary: site administrators and community facilitators or leaders."""

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from practica.communities.models import Membership, MembershipStatus, Role
from practica.communities.visibility import is_site_admin
from practica.core.errors import NotAllowed, ServiceError
from practica.core.types import Viewer
from practica.search import indexing
from practica.search.query import SYNONYMS_CACHE_KEY

from .models import Topic
from .selectors import topic_and_descendants

# Paths under /topics/ that are pages of their own, not topics.
RESERVED_SLUGS = {"new"}


def can_curate_topics(viewer: Viewer) -> bool:
    """Site administrators, and whoever facilitates or leads at least one community."""
    if not viewer.is_authenticated or not viewer.is_active:
        return False
    if is_site_admin(viewer):
        return True
    return Membership.objects.filter(
        user=viewer,
        status=MembershipStatus.ACTIVE,
        role__in=[Role.FACILITATOR, Role.LEADER],
    ).exists()


def check_curate_topics(viewer: Viewer) -> None:
    if not can_curate_topics(viewer):
        raise NotAllowed(_("Only facilitators, leaders and administrators may change topics."))


def _clean_synonyms(synonyms: str) -> str:
    seen: list[str] = []
    for line in synonyms.splitlines():
        line = line.strip()
        if line and line.lower() not in {s.lower() for s in seen}:
            seen.append(line)
    return "\n".join(seen)


def _check_name(name: str, *, exclude: Topic | None = None) -> str:
    name = " ".join(name.split())
    if not name:
        raise ServiceError(_("Give the topic a name."), field="name")
    others = Topic.objects.filter(name__iexact=name)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    if others.exists():
        raise ServiceError(_("A topic with that name exists already."), field="name")
    return name


def _check_parent(topic: Topic | None, parent: Topic | None) -> None:
    if topic is None or parent is None:
        return
    if parent.pk in topic_and_descendants(topic):
        raise ServiceError(
            _("A topic cannot sit under itself or under one of its narrower topics."),
            field="parent",
        )


@transaction.atomic
def create_topic(
    *,
    by: Viewer,
    name: str,
    slug: str = "",
    parent: Topic | None = None,
    description: str = "",
    synonyms: str = "",
) -> Topic:
    check_curate_topics(by)
    name = _check_name(name)
    slug = slugify(slug or name)[:100]
    if not slug:
        raise ServiceError(_("Choose an address made of letters and numbers."), field="slug")
    if slug in RESERVED_SLUGS or Topic.objects.filter(slug=slug).exists():
        raise ServiceError(_("That address is taken; choose another."), field="slug")
    try:
        with transaction.atomic():
            topic = Topic.objects.create(
                name=name,
                slug=slug,
                parent=parent,
                description=description.strip(),
                synonyms=_clean_synonyms(synonyms),
            )
    except IntegrityError as error:
        raise ServiceError(_("A topic with that name exists already."), field="name") from error
    topic_changed(topic)
    return topic


@transaction.atomic
def update_topic(
    *,
    topic: Topic,
    by: Viewer,
    name: str,
    parent: Topic | None,
    description: str = "",
    synonyms: str = "",
) -> Topic:
    """Rename, move or describe a topic; the slug stays so links keep working."""
    check_curate_topics(by)
    name = _check_name(name, exclude=topic)
    _check_parent(topic, parent)
    topic.name = name
    topic.parent = parent
    topic.description = description.strip()
    topic.synonyms = _clean_synonyms(synonyms)
    try:
        with transaction.atomic():
            topic.save()
    except IntegrityError as error:
        raise ServiceError(_("A topic with that name exists already."), field="name") from error
    topic_changed(topic)
    return topic


def topic_changed(topic: Topic) -> None:
    """Search learns the new name and synonyms: at once for queries, soon for the index."""
    cache.delete(SYNONYMS_CACHE_KEY)
    indexing.schedule([indexing.key(topic)])
