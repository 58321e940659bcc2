"""API shapes for communities and memberships.

The caller's own membership (``role``, ``status``) is read from ``obj.viewer_membership``,
which the endpoint sets from one query (memberships_by_community).
"""

from datetime import datetime
from typing import Any, Literal

from ninja import Field, Schema

from practica.accounts.schemas import OrganisationOut


class CommunityIn(Schema):
    slug: str = Field(
        min_length=1,
        max_length=80,
        pattern=r"^[-a-z0-9_]+$",
        description="The community's address: lowercase letters, digits, hyphens.",
    )
    name: str = Field(max_length=150)
    purpose: str = Field(description="The charter: why this community exists.")
    visibility: Literal["open", "request", "private"]
    admits_partners: bool = False
    sponsor: str = Field(default="", max_length=150)
    topics: list[str] = Field(default_factory=list, description="Topic slugs.")


class CommunityOut(Schema):
    slug: str
    name: str
    purpose: str
    sponsor: str
    visibility: str = Field(description='"open", "request" or "private".')
    admits_partners: bool
    member_count: int
    question_count: int
    topics: list[str] = Field(description="Topic slugs.")
    last_activity_at: datetime | None
    role: str | None = Field(description="The caller's role, or null when not a member.")
    status: str | None = Field(
        description='The caller\'s membership: "active", "pending", "invited" or null.'
    )

    @staticmethod
    def resolve_topics(obj: Any) -> list[str]:
        return [topic.slug for topic in obj.topics.all()]

    @staticmethod
    def resolve_role(obj: Any) -> str | None:
        membership = getattr(obj, "viewer_membership", None)
        return membership.role if membership is not None else None

    @staticmethod
    def resolve_status(obj: Any) -> str | None:
        membership = getattr(obj, "viewer_membership", None)
        return membership.status if membership is not None else None


class MembershipOut(Schema):
    """The caller's membership after joining or leaving (null status: not a member)."""

    community: str
    role: str | None
    status: str | None


class CommunityMemberOut(Schema):
    username: str
    name: str
    organisation: OrganisationOut | None
    role: str
    joined_at: datetime

    @staticmethod
    def resolve_username(obj: Any) -> str:
        return str(obj.user.username)

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return str(obj.user.display_name)

    @staticmethod
    def resolve_organisation(obj: Any) -> Any:
        return obj.user.organisation

    @staticmethod
    def resolve_joined_at(obj: Any) -> datetime:
        return obj.created_at
