"""People: token sign-in, the caller, personal tokens, members."""

from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage
from ninja import Router, Status
from ninja.errors import HttpError

from practica.communities.models import Membership
from practica.communities.visibility import is_site_admin
from practica.core.api import ErrorOut, ListOut, member
from practica.core.pagination import paginate

from . import services
from .models import ApiToken, User
from .schemas import (
    ApiTokenIn,
    ApiTokenOut,
    MemberOut,
    MeOut,
    NewApiTokenOut,
    TokenOut,
    TokenSignIn,
)
from .selectors import get_member_for, member_directory

router = Router(tags=["people"])

# Failed token sign-ins per address; successful ones do not count.
LOGIN_FAILURES_RATE = "10/m"
SIGN_IN_TOKEN_NAME = "API sign-in"


def _login_failures(request: HttpRequest, *, increment: bool) -> bool:
    """Whether this address has failed to sign in too often (counting this failure if asked)."""
    usage = get_usage(
        request, group="api-login", key="ip", rate=LOGIN_FAILURES_RATE, increment=increment
    )
    return usage is not None and usage["count"] >= usage["limit"]


def _has_verified_email(user: User) -> bool:
    if settings.ACCOUNT_EMAIL_VERIFICATION != "mandatory":
        return True
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, verified=True).exists()


@router.post(
    "/auth/token",
    auth=None,
    response={200: TokenOut, 401: ErrorOut, 429: ErrorOut},
    tags=["auth"],
    summary="Sign in and get a personal API token",
)
def sign_in(request: HttpRequest, payload: TokenSignIn) -> Any:
    """Send `{"username", "password"}` (the username may be the e-mail address); use the
    token as `Authorization: Bearer <token>`. Each sign-in creates a token named
    "API sign-in", which the member can revoke."""
    if _login_failures(request, increment=False):
        raise HttpError(429, _("Too many failed sign-ins: wait a minute and try again."))
    user = authenticate(request, username=payload.username.strip(), password=payload.password)
    if not isinstance(user, User) or not user.is_active or not _has_verified_email(user):
        _login_failures(request, increment=True)
        raise HttpError(
            401, _("Wrong username or password, or the account is not active or not verified.")
        )
    _token, key = services.create_token(user=user, name=SIGN_IN_TOKEN_NAME)
    return {"token": key}


@router.get("/me", response=MeOut, summary="The caller")
def me(request: HttpRequest) -> Any:
    user = member(request)
    memberships = (
        Membership.objects.filter(user=user)
        .select_related("community")
        .order_by("community__name", "id")
    )
    return {
        "username": user.username,
        "name": user.display_name,
        "email": user.email,
        "organisation": user.organisation,
        "is_site_admin": is_site_admin(user),
        "communities": [
            {
                "slug": m.community.slug,
                "name": m.community.name,
                "role": m.role,
                "status": m.status,
            }
            for m in memberships
        ],
        "unread_notifications": user.unread_notifications,
    }


@router.get("/me/tokens", response=ListOut[ApiTokenOut], summary="My personal API tokens")
def my_tokens(request: HttpRequest, limit: int | None = None, cursor: str | None = None) -> Any:
    tokens = ApiToken.objects.filter(user=member(request))
    return paginate(tokens, order=["-created_at", "-id"], cursor=cursor, limit=limit)


@router.post(
    "/me/tokens",
    response={201: NewApiTokenOut, 422: ErrorOut},
    summary="Create a personal API token",
)
def create_my_token(request: HttpRequest, payload: ApiTokenIn) -> Any:
    """The answer holds the token itself, shown this once."""
    token, key = services.create_token(user=member(request), name=payload.name)
    shown = ApiTokenOut.model_validate(token, from_attributes=True).model_dump()
    return Status(201, {**shown, "token": key})


@router.delete(
    "/me/tokens/{token_id}", response={204: None, 404: ErrorOut}, summary="Revoke a token"
)
def revoke_my_token(request: HttpRequest, token_id: int) -> Any:
    user = member(request)
    if not ApiToken.objects.filter(user=user, pk=token_id).exists():
        raise HttpError(404, _("Not found."))
    services.revoke_token(user=user, token_id=token_id)
    return Status(204, None)


@router.get("/members", response=ListOut[MemberOut], summary="Members the caller may see")
def members(
    request: HttpRequest,
    q: str = "",
    topic: str = "",
    limit: int | None = None,
    cursor: str | None = None,
) -> Any:
    """`?q=` searches names, job roles and "ask me about"; `?topic=` (a slug) finds experts."""
    people = member_directory(member(request), query=q.strip(), topic=topic.strip())
    return paginate(people, order=["username"], cursor=cursor, limit=limit)


@router.get("/members/{username}", response={200: MemberOut, 404: ErrorOut}, summary="A member")
def member_detail(request: HttpRequest, username: str) -> Any:
    return get_member_for(member(request), username)
