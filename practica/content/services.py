"""Writes shared by every kind of entry: create, edit, vote, comment, follow, attach."""

from collections.abc import Iterable
from datetime import datetime
from pathlib import PurePath

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F, Q, Sum
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.communities.models import Community
from practica.communities.permissions import can_moderate, check_post_in
from practica.communities.selectors import membership_of
from practica.core.errors import NotAllowed, ServiceError
from practica.core.markdown import render_markdown
from practica.search import indexing
from practica.taxonomy.models import Topic

from .models import Attachment, Comment, Entry, Follow, Revision, Vote
from .permissions import check_delete, check_edit, check_vote

MAX_TITLE = 250
MAX_BODY = 60_000


def check_title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise ServiceError(_("Give it a title."), field="title")
    if len(title) < 8:
        raise ServiceError(
            _("Make the title a little longer: at least 8 characters."), field="title"
        )
    if len(title) > MAX_TITLE:
        raise ServiceError(_("Keep the title under 250 characters."), field="title")
    return title


def check_body(body: str, *, minimum: int = 1) -> str:
    body = body.strip()
    if len(body) < minimum:
        raise ServiceError(_("Write something in the body."), field="body")
    if len(body) > MAX_BODY:
        raise ServiceError(_("Keep it under 60,000 characters."), field="body")
    return body


def slug_for(title: str) -> str:
    return slugify(title, allow_unicode=True)[:80].strip("-") or "entry"


def _topic_lines(topics: Iterable[Topic]) -> str:
    return "\n".join(sorted(t.slug for t in topics))


@transaction.atomic
def create_entry(
    *,
    kind: str,
    community: Community,
    author: User,
    body: str,
    title: str = "",
    parent: Entry | None = None,
    topics: Iterable[Topic] = (),
    created_at: datetime | None = None,
    body_html: str | None = None,
    **provenance: str,
) -> Entry:
    """Create an entry with its first revision. The caller has checked permissions."""
    now = created_at or timezone.now()
    topics = list(topics)
    entry = Entry.objects.create(
        kind=kind,
        community=community,
        author=author,
        parent=parent,
        title=title,
        slug=slug_for(title) if title else "",
        body=body,
        body_html=body_html if body_html is not None else render_markdown(body),
        created_at=now,
        last_activity_at=now,
        **provenance,
    )
    if topics:
        entry.topics.set(topics)
    Revision.objects.create(
        entry=entry,
        number=1,
        author=author,
        title=title,
        body=body,
        topics=_topic_lines(topics),
        created_at=now,
    )
    Follow.objects.get_or_create(entry=entry, user=author)
    indexing.schedule([indexing.key(entry)])
    return entry


@transaction.atomic
def edit_entry(
    *,
    entry: Entry,
    by: User,
    body: str,
    title: str | None = None,
    topics: Iterable[Topic] | None = None,
    summary: str = "",
) -> Entry:
    """Edit an entry, keeping a revision; an edit that changes nothing records nothing."""
    check_edit(by, entry, membership_of(by, entry.community))
    body = check_body(body)
    # Only entries that have a title (questions, not answers) take a new one.
    new_title = check_title(title) if title is not None and entry.title else entry.title
    new_topics = list(entry.topics.all()) if topics is None else list(topics)
    unchanged = (
        new_title == entry.title
        and body == entry.body
        and _topic_lines(new_topics) == _topic_lines(entry.topics.all())
    )
    if unchanged:
        return entry
    entry.title = new_title
    if new_title:
        entry.slug = slug_for(new_title)
    entry.body = body
    entry.body_html = render_markdown(body)
    entry.edited_at = timezone.now()
    entry.revision_count = F("revision_count") + 1
    entry.save()
    entry.refresh_from_db(fields=["revision_count"])
    entry.topics.set(new_topics)
    Revision.objects.create(
        entry=entry,
        number=entry.revision_count,
        author=by,
        title=new_title,
        body=body,
        topics=_topic_lines(new_topics),
        summary=summary[:250],
    )
    touch(entry)
    indexing.schedule([indexing.key(entry)])
    return entry


@transaction.atomic
def delete_entry(*, entry: Entry, by: User) -> None:
    """Hide an entry (author or facilitator); its rows stay for history and moderation."""
    check_delete(by, entry, membership_of(by, entry.community))
    if entry.is_deleted:
        return
    Entry.objects.filter(pk=entry.pk).update(is_deleted=True)
    entry.is_deleted = True
    if entry.parent_id is not None:
        Entry.objects.filter(pk=entry.parent_id, child_count__gt=0).update(
            child_count=F("child_count") - 1
        )
        Entry.objects.filter(pk=entry.parent_id, accepted_child=entry).update(accepted_child=None)
    elif entry.kind == "question":
        Community.objects.filter(pk=entry.community_id, question_count__gt=0).update(
            question_count=F("question_count") - 1
        )
    indexing.schedule([indexing.key(entry)])


@transaction.atomic
def move_entry(*, entry: Entry, to: Community, by: User) -> Entry:
    """Move a thread (an entry and its children) to another community; its URL stays valid.

    The mover must moderate both communities (or be a site administrator).
    """
    if entry.parent_id is not None:
        raise ServiceError(_("Move the whole thread, not one answer."))
    if not (
        can_moderate(by, membership_of(by, entry.community))
        and can_moderate(by, membership_of(by, to))
    ):
        raise NotAllowed(_("Only facilitators of both communities may move this."))
    if to.pk == entry.community_id:
        return entry
    source = entry.community
    Entry.objects.filter(Q(pk=entry.pk) | Q(parent=entry)).update(community=to)
    if entry.kind == "question" and not entry.is_deleted:
        Community.objects.filter(pk=source.pk, question_count__gt=0).update(
            question_count=F("question_count") - 1
        )
        Community.objects.filter(pk=to.pk).update(question_count=F("question_count") + 1)
    entry.community = to
    touch(entry)
    # The thread's answers and comments follow (indexing.related_keys).
    indexing.schedule([indexing.key(entry)])
    return entry


def touch(entry: Entry) -> None:
    """Mark activity on an entry's thread (for the "active" sort)."""
    now = timezone.now()
    thread_id = entry.parent_id or entry.pk
    Entry.objects.filter(pk=thread_id).update(last_activity_at=now)
    Community.objects.filter(pk=entry.community_id).update(last_activity_at=now)


@transaction.atomic
def vote(*, entry: Entry, user: User, value: int) -> Entry:
    """Vote +1 or -1; voting the same way again, or 0, takes the vote back."""
    check_vote(user, entry, membership_of(user, entry.community))
    if value not in (-1, 0, 1):
        raise ServiceError(_("A vote is 1 (up), -1 (down) or 0 (take it back)."), field="value")
    existing = Vote.objects.filter(entry=entry, user=user).first()
    if existing is not None and (value == 0 or existing.value == value):
        existing.delete()
    elif existing is not None:
        existing.value = value
        existing.save(update_fields=["value"])
    elif value != 0:
        Vote.objects.create(entry=entry, user=user, value=value)
    score = Vote.objects.filter(entry=entry).aggregate(total=Sum("value"))["total"] or 0
    Entry.objects.filter(pk=entry.pk).update(score=score)
    entry.score = score
    indexing.schedule([indexing.key(entry)])
    return entry


@transaction.atomic
def add_comment(
    *, entry: Entry, author: User, body: str, created_at: datetime | None = None
) -> Comment:
    from practica.notifications.services import notify_comment

    check_post_in(author, entry.community, membership_of(author, entry.community))
    body = check_body(body)
    if len(body) > 2000:
        raise ServiceError(_("Keep a comment under 2,000 characters."), field="body")
    comment = Comment.objects.create(
        entry=entry,
        author=author,
        body=body,
        body_html=render_markdown(body),
        created_at=created_at or timezone.now(),
    )
    Entry.objects.filter(pk=entry.pk).update(comment_count=F("comment_count") + 1)
    touch(entry)
    indexing.schedule([indexing.key(comment)])
    transaction.on_commit(lambda: notify_comment(comment=comment))
    return comment


def follow(*, entry: Entry, user: User) -> None:
    Follow.objects.get_or_create(entry=entry, user=user)


def unfollow(*, entry: Entry, user: User) -> None:
    Follow.objects.filter(entry=entry, user=user).delete()


def check_upload(upload: UploadedFile) -> None:
    """Refuse files that are too big or of a type we do not accept, saying which."""
    name = upload.name or ""
    suffix = PurePath(name).suffix.lower()
    if suffix not in settings.ALLOWED_UPLOAD_TYPES:
        raise ServiceError(
            _("%(name)s: files of type %(type)s are not accepted. Accepted: %(allowed)s.")
            % {
                "name": name,
                "type": suffix or _("(none)"),
                "allowed": ", ".join(settings.ALLOWED_UPLOAD_TYPES),
            },
            field="attachments",
        )
    if (upload.size or 0) > settings.MAX_UPLOAD_BYTES:
        raise ServiceError(
            _("%(name)s is %(size)s; the limit is %(limit)s.")
            % {
                "name": name,
                "size": filesizeformat(upload.size or 0),
                "limit": filesizeformat(settings.MAX_UPLOAD_BYTES),
            },
            field="attachments",
        )


def attach(*, entry: Entry, uploader: User, upload: UploadedFile) -> Attachment:
    check_upload(upload)
    return Attachment.objects.create(
        entry=entry,
        uploader=uploader,
        file=upload,
        filename=PurePath(upload.name or "file").name[:200],
        content_type=(upload.content_type or "application/octet-stream")[:100],
        size=upload.size or 0,
    )
