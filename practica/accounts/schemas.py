"""API shapes for people: sign-in, the caller, members and personal tokens."""

from datetime import datetime
from typing import Any

from ninja import Field, Schema


class TokenSignIn(Schema):
    username: str = Field(description="Username or e-mail address.")
    password: str


class TokenOut(Schema):
    token: str


class OrganisationOut(Schema):
    slug: str
    name: str
    is_host: bool


class PersonOut(Schema):
    """Who wrote something: enough to show and link a name."""

    username: str
    name: str

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return str(obj.display_name)


class MyCommunityOut(Schema):
    slug: str
    name: str
    role: str
    status: str


class MeOut(Schema):
    username: str
    name: str
    email: str
    organisation: OrganisationOut | None
    is_site_admin: bool
    communities: list[MyCommunityOut]
    unread_notifications: int


class MemberOut(Schema):
    username: str
    name: str
    organisation: OrganisationOut | None
    job_role: str
    location: str
    bio: str
    ask_me_about: str
    expertise: list[str] = Field(description="Topic slugs.")
    is_active: bool

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return str(obj.display_name)

    @staticmethod
    def resolve_expertise(obj: Any) -> list[str]:
        return [topic.slug for topic in obj.expertise.all()]


class ApiTokenIn(Schema):
    name: str = Field(max_length=100, description="So you recognise the token later.")


class ApiTokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None


class NewApiTokenOut(ApiTokenOut):
    token: str = Field(description="Shown once: keep it safe, it is not stored.")
