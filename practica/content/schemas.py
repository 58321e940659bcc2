"""API shapes shared by every kind of entry: the entry itself, comments and votes.

Per-viewer values (``my_vote``) are read from attributes the endpoint sets on the entries,
so a list costs one query for them however long it is.
"""

from datetime import datetime
from typing import Any, Literal

from ninja import Field, Schema

from practica.accounts.schemas import PersonOut


class EntryOut(Schema):
    """What every entry carries, whatever its kind."""

    id: int = Field(description="The entry id, unique across kinds.")
    kind: str = Field(description='"question", "answer", … as kinds are added.')
    url: str = Field(description="The path of its page, relative to the site.")
    community: str = Field(description="The community's slug.")
    author: PersonOut
    body: str = Field(description="Markdown.")
    body_html: str = Field(description="The body rendered and sanitised.")
    topics: list[str] = Field(description="Topic slugs.")
    score: int
    comment_count: int
    my_vote: int = Field(description="The caller's vote: 1, -1 or 0.")
    created_at: datetime
    edited_at: datetime | None
    last_activity_at: datetime
    source: str | None = Field(description="Where an imported entry came from.")
    license: str | None
    attribution: str | None

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return str(obj.get_absolute_url())

    @staticmethod
    def resolve_community(obj: Any) -> str:
        return str(obj.community.slug)

    @staticmethod
    def resolve_topics(obj: Any) -> list[str]:
        return [topic.slug for topic in obj.topics.all()]

    @staticmethod
    def resolve_my_vote(obj: Any) -> int:
        return int(getattr(obj, "my_vote", 0))

    @staticmethod
    def resolve_source(obj: Any) -> str | None:
        return obj.source or None

    @staticmethod
    def resolve_license(obj: Any) -> str | None:
        return obj.license or None

    @staticmethod
    def resolve_attribution(obj: Any) -> str | None:
        return obj.attribution or None


class EntryRefOut(Schema):
    """A pointer to an entry (in notifications): enough to name and link it."""

    id: int
    kind: str
    title: str | None = Field(description="Its title, or its question's title for an answer.")
    url: str

    @staticmethod
    def resolve_title(obj: Any) -> str | None:
        if obj.title:
            return str(obj.title)
        return str(obj.parent.title) if obj.parent_id and obj.parent else None

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return str(obj.get_absolute_url())


class CommentIn(Schema):
    body: str = Field(description="Markdown, up to 2,000 characters.")


class CommentOut(Schema):
    id: int
    entry_id: int
    author: PersonOut
    body: str
    body_html: str
    created_at: datetime


class VoteIn(Schema):
    value: Literal[1, -1, 0] = Field(description="1 up, -1 down, 0 take the vote back.")


class VoteOut(Schema):
    score: int
    my_vote: int
