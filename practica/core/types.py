from typing import TYPE_CHECKING, Union

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest

if TYPE_CHECKING:
    from practica.accounts.models import User

Viewer = Union["User", AnonymousUser]


class MemberRequest(HttpRequest):
    """A request whose user is a signed-in member (views behind login_required)."""

    user: "User"
