"""What every API router shares: who is calling, rate limits, list shapes and error answers.

Callers authenticate with ``Authorization: Bearer <token>`` (personal API tokens) or with the
browser session (CSRF checked on unsafe methods). Every error is JSON ``{"detail": reason}``.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer
from ninja.security.apikey import APIKeyCookie
from ninja.throttling import BaseThrottle

from practica.core.errors import ServiceError
from practica.core.pagination import InvalidCursor
from practica.core.ratelimit import over_limit

if TYPE_CHECKING:
    from practica.accounts.models import User

T = TypeVar("T")


class BearerToken(HttpBearer):
    """A personal API token: ``Authorization: Bearer pra_…``."""

    def authenticate(self, request: HttpRequest, token: str) -> "User | None":
        from practica.accounts.services import user_for_token

        token = token.strip()
        if not token:
            return None
        user = user_for_token(token)
        if user is not None:
            # Rate limits read request.user: keyed by member, administrators exempt.
            request.user = user
        return user


class MemberSession(APIKeyCookie):
    """The browser's signed-in session, so the pages' htmx may call the API too.

    Unlike ninja's ``django_auth``, a caller without a session is simply not signed in (401),
    rather than failing the CSRF check (403); a signed-in session must pass the CSRF check on
    unsafe methods.
    """

    param_name = settings.SESSION_COOKIE_NAME

    def __call__(self, request: HttpRequest) -> "User | None":
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_active:
            return None
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, key: str | None) -> "User | None":
        return cast("User", request.user)


AUTH = [BearerToken(), MemberSession()]


class _GroupRate(BaseThrottle):
    """Counts each call against a core.ratelimit group (administrators are exempt)."""

    group = ""

    def rate(self) -> str:
        raise NotImplementedError

    def allow_request(self, request: HttpRequest) -> bool:
        return not over_limit(request, group=self.group, rate=self.rate())


class ApiRate(_GroupRate):
    group = "api"

    def rate(self) -> str:
        return cast(str, settings.API_RATE)


class PostRate(_GroupRate):
    group = "post"

    def rate(self) -> str:
        return cast(str, settings.POST_RATE)


# Every call counts against "api"; calls that create or change content also against "post".
READING: list[BaseThrottle] = [ApiRate()]
POSTING: list[BaseThrottle] = [ApiRate(), PostRate()]


def member(request: HttpRequest) -> "User":
    """The authenticated caller (every endpoint but token sign-in requires one)."""
    return cast("User", request.auth)  # type: ignore[attr-defined]


class ListOut(Schema, Generic[T]):
    """One page of a list: pass ``next`` back as ``cursor`` for the following page."""

    items: list[T]
    next: str | None


class ErrorOut(Schema):
    detail: str
    field: str | None = None
    errors: list[dict[str, Any]] | None = None


def bad_request(message: str) -> HttpError:
    return HttpError(400, message)


def _error(
    api: NinjaAPI, request: HttpRequest, status: int, detail: str, **extra: Any
) -> HttpResponse:
    return api.create_response(request, {"detail": detail, **extra}, status=status)


def _field_errors(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Pydantic's errors as ``{"field", "message", "location"}``, the field a dotted path."""
    described = []
    for error in errors:
        location = [str(part) for part in error.get("loc", ())]
        # ninja prefixes the source ("body", "query", "path") and the parameter's name.
        parts = location[2:] if location[:1] == ["body"] else location[1:]
        described.append(
            {
                "field": ".".join(parts) or None,
                "message": str(error.get("msg", "")),
                "location": location[0] if location else "",
            }
        )
    return described


def install_error_handlers(api: NinjaAPI) -> None:
    """Answer every expected failure as JSON ``{"detail": …}`` with the right status."""

    def service_error(request: HttpRequest, error: ServiceError) -> HttpResponse:
        extra: dict[str, Any] = {}
        if error.field:
            extra = {
                "field": error.field,
                "errors": [{"field": error.field, "message": error.message, "location": "body"}],
            }
        return _error(api, request, error.status, error.message, **extra)

    def invalid_cursor(request: HttpRequest, exc: InvalidCursor) -> HttpResponse:
        return _error(api, request, 400, _("The cursor is not one this site gave out."))

    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return _error(api, request, 404, _("Not found."))

    def permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return _error(api, request, 403, str(exc) or _("You may not do that."))

    def invalid_input(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        errors = _field_errors(exc.errors)
        # Bad query or path parameters are a bad request; a body that does not fit, 422.
        status = 422 if any(e["location"] in {"body", "form", "file"} for e in errors) else 400
        first = errors[0] if errors else {"field": None, "message": _("Invalid input.")}
        detail = f"{first['field']}: {first['message']}" if first["field"] else first["message"]
        return _error(api, request, status, detail, errors=errors)

    def invalid_model(request: HttpRequest, error: DjangoValidationError) -> HttpResponse:
        return _error(api, request, 422, " ".join(error.messages))

    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return _error(
            api,
            request,
            401,
            _("Sign in first: send Authorization: Bearer <token> (POST /api/v1/auth/token)."),
        )

    def throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
        return _error(api, request, 429, _("Too many requests: wait a minute and try again."))

    def http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
        detail = str(error)
        if error.status_code == 400 and isinstance(error.__cause__, ValueError):
            # ninja could not parse the body (its own message is not translated).
            detail = _("The request body is not valid JSON: %(reason)s") % {
                "reason": error.__cause__
            }
        return _error(api, request, error.status_code, detail)

    # ninja picks the handler of the nearest class in the exception's MRO.
    handlers: dict[type[Exception], Callable[[HttpRequest, Any], HttpResponse]] = {
        ServiceError: service_error,
        InvalidCursor: invalid_cursor,
        Http404: not_found,
        PermissionDenied: permission_denied,
        NinjaValidationError: invalid_input,
        DjangoValidationError: invalid_model,
        AuthenticationError: unauthenticated,
        Throttled: throttled,
        HttpError: http_error,
    }
    for exception, handler in handlers.items():
        api.add_exception_handler(exception, handler)
