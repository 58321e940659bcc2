"""API shapes for the notification inbox."""

from datetime import datetime
from typing import Any

from ninja import Field, Schema

from practica.accounts.schemas import PersonOut
from practica.content.schemas import EntryRefOut


class NotificationOut(Schema):
    id: int
    verb: str = Field(description='"answered", "commented", "accepted", "mentioned", …')
    text: str = Field(description="The verb in words, e.g. 'answered your question'.")
    actor: PersonOut | None
    entry: EntryRefOut | None
    community: str | None = Field(description="The community's slug.")
    url: str = Field(description="Where the notification leads (a path on the site).")
    created_at: datetime
    read: bool

    @staticmethod
    def resolve_text(obj: Any) -> str:
        return str(obj.get_verb_display())

    @staticmethod
    def resolve_community(obj: Any) -> str | None:
        return getattr(obj, "community_slug", None)

    @staticmethod
    def resolve_read(obj: Any) -> bool:
        return obj.read_at is not None


class MarkReadIn(Schema):
    ids: list[int] | None = Field(
        default=None, description="The notifications to mark read; leave out for all."
    )


class UnreadOut(Schema):
    unread_notifications: int
