"""Reads for pages that show entries: a thread's posts, revision history and diffs.

Every function takes entries the caller already fetched through the visibility rule
(``content.visibility``); nothing here widens what a viewer sees.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.db.models import QuerySet
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from practica.communities.models import Membership
from practica.communities.permissions import can_post_in
from practica.core.errors import ServiceError
from practica.core.types import Viewer
from practica.taxonomy.models import Topic
from practica.taxonomy.selectors import resolve_topics

from .models import Attachment, Comment, Entry, Follow, Kind, Revision, Vote
from .permissions import can_edit, can_vote


@dataclass
class Post:
    """One entry on a thread page with what the viewer may do to it, fetched in bulk."""

    entry: Entry
    comments: list[Comment] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    my_vote: int = 0
    can_vote: bool = False
    vote_reason: str = ""
    can_edit: bool = False
    can_comment: bool = False
    # Set when a comment on this post was refused: the reason and the text the member typed.
    comment_error: str = ""
    comment_text: str = ""


def thread_root(entry: Entry) -> Entry:
    """The entry whose page shows ``entry`` (an answer's question; otherwise itself)."""
    return entry.parent if entry.parent_id and entry.parent is not None else entry


def thread_url(entry: Entry) -> str:
    """The page showing ``entry``, with its anchor: /q/12-title#entry-34."""
    return f"{thread_root(entry).get_absolute_url()}#entry-{entry.pk}"


def _vote_reason(viewer: Viewer, entry: Entry, allowed: bool) -> str:
    if allowed:
        return ""
    # Short: it sits under the score in a narrow column.
    if viewer.is_authenticated and entry.author_id == viewer.pk:
        return _("Your post")
    return _("Join to vote")


def posts_for(viewer: Viewer, entries: list[Entry], *, membership: Membership | None) -> list[Post]:
    """Posts for ``entries`` (all in one community) in three queries, however many there are:
    the viewer's votes, the comments with their authors, and the attachments."""
    ids = [entry.pk for entry in entries]
    votes: dict[int, int] = {}
    if viewer.is_authenticated and ids:
        votes = dict(
            Vote.objects.filter(user_id=viewer.pk, entry_id__in=ids).values_list(
                "entry_id", "value"
            )
        )
    comments: defaultdict[int, list[Comment]] = defaultdict(list)
    attachments: defaultdict[int, list[Attachment]] = defaultdict(list)
    if ids:
        for comment in (
            Comment.objects.filter(entry_id__in=ids, is_deleted=False)
            .select_related("author")
            .order_by("created_at", "id")
        ):
            comments[comment.entry_id].append(comment)
        for attachment in Attachment.objects.filter(entry_id__in=ids).order_by("created_at", "id"):
            assert attachment.entry_id is not None
            attachments[attachment.entry_id].append(attachment)
    posts = []
    for entry in entries:
        may_vote = can_vote(viewer, entry, membership)
        posts.append(
            Post(
                entry=entry,
                comments=comments[entry.pk],
                attachments=attachments[entry.pk],
                my_vote=votes.get(entry.pk, 0),
                can_vote=may_vote,
                vote_reason=_vote_reason(viewer, entry, may_vote),
                can_edit=can_edit(viewer, entry, membership),
                can_comment=viewer.is_authenticated
                and can_post_in(viewer, entry.community, membership),
            )
        )
    return posts


def post_for(viewer: Viewer, entry: Entry, *, membership: Membership | None) -> Post:
    return posts_for(viewer, [entry], membership=membership)[0]


def is_following(viewer: Viewer, entry: Entry) -> bool:
    if not viewer.is_authenticated:
        return False
    return Follow.objects.filter(entry=entry, user_id=viewer.pk).exists()


def revisions_of(entry: Entry) -> QuerySet[Revision]:
    """An entry's revisions, oldest first, with their authors (one query)."""
    return Revision.objects.filter(entry=entry).select_related("author").order_by("number")


def entry_label(entry: Entry) -> str:
    """What to call an entry in a heading: its title, or "Answer to <question title>"."""
    if entry.title:
        return entry.title
    if entry.kind == Kind.ANSWER and entry.parent is not None:
        return _("Answer to “%(title)s”") % {"title": entry.parent.title}
    return str(entry)


# --- Diffs -------------------------------------------------------------------------------

_WORDS = re.compile(r"\s+|[^\s]+")


def _marked(tag: str, label: str, text: str) -> SafeString:
    # The hidden labels say in words what the colours and strike-through show.
    return format_html(
        '<{tag}><span class="visually-hidden">[{label}: </span>{text}'
        '<span class="visually-hidden">]</span></{tag}>',
        tag=tag,
        label=label,
        text=text,
    )


def _ins(text: str) -> SafeString:
    return _marked("ins", _("added"), text)


def _del(text: str) -> SafeString:
    return _marked("del", _("removed"), text)


def _word_diff(old: str, new: str) -> list[str]:
    old_words, new_words = _WORDS.findall(old), _WORDS.findall(new)
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    # (removed, added) pairs; equal runs have removed == added and kept flag True.
    chunks: list[tuple[str, str, bool]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = "".join(old_words[i1:i2]), "".join(new_words[j1:j2])
        chunks.append((removed, added, op == "equal"))
    # Fold a lone space between two changes into them: "a week" → "three days" reads as one
    # change, not two with a space between.
    merged: list[tuple[str, str, bool]] = []
    for index, (removed, added, kept) in enumerate(chunks):
        between_changes = (
            kept
            and not removed.strip()
            and 0 < index < len(chunks) - 1
            and not chunks[index + 1][2]
            and bool(merged)
            and not merged[-1][2]
        )
        if merged and not merged[-1][2] and (between_changes or not kept):
            last_removed, last_added, _kept = merged[-1]
            merged[-1] = (last_removed + removed, last_added + added, False)
        else:
            merged.append((removed, added, kept))
    parts: list[str] = []
    for removed, added, kept in merged:
        if kept:
            parts.append(escape(removed))
            continue
        if removed:
            parts.append(_del(removed))
        if added:
            parts.append(_ins(added))
    return parts


def diff_html(old: str, new: str) -> SafeString:
    """A readable diff of two texts: changed lines compared word by word, HTML-escaped,
    with <del>/<ins> and hidden "removed"/"added" labels for screen readers."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    parts: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = "".join(old_lines[i1:i2]), "".join(new_lines[j1:j2])
        if op == "equal":
            parts.append(escape(removed))
        elif op == "delete":
            parts.append(_del(removed))
        elif op == "insert":
            parts.append(_ins(added))
        else:
            parts.extend(_word_diff(removed, added))
    # Every piece above is escaped or built by format_html.
    return mark_safe("".join(parts))


@dataclass
class RevisionDiff:
    """What changed from ``old`` (None: the first revision) to ``new``."""

    old: Revision | None
    new: Revision
    title: SafeString | None
    body: SafeString
    topics: SafeString | None


def diff_revisions(old: Revision | None, new: Revision) -> RevisionDiff:
    if old is None:
        return RevisionDiff(
            old=None,
            new=new,
            title=escape(new.title) if new.title else None,
            body=escape(new.body),
            topics=escape(", ".join(new.topics.split())) if new.topics else None,
        )
    old_topics, new_topics = ", ".join(old.topics.split()), ", ".join(new.topics.split())
    return RevisionDiff(
        old=old,
        new=new,
        title=diff_html(old.title, new.title) if old.title != new.title else None,
        body=diff_html(old.body, new.body),
        topics=diff_html(old_topics, new_topics) if old_topics != new_topics else None,
    )


# --- Topics typed as text ----------------------------------------------------------------


def topics_from_text(text: str) -> list[Topic]:
    """Topics from a comma-separated list of names, slugs or synonyms.

    Raises ServiceError (field "topics") naming every name that matched no topic.
    """
    found, unknown = resolve_topics(text.split(","))
    if unknown:
        raise ServiceError(
            ngettext(
                "There is no topic called %(names)s. Check the spelling or leave it out.",
                "There are no topics called %(names)s. Check the spelling or leave them out.",
                len(unknown),
            )
            % {"names": ", ".join(f"“{name}”" for name in unknown)},
            field="topics",
        )
    return found


def topics_as_text(topics: list[Topic]) -> str:
    return ", ".join(topic.name for topic in topics)
