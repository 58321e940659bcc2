"""The REST API under /api/v1/: one router per app, mounted here.

Schema at /api/v1/openapi.json, interactive docs at /api/v1/docs (Swagger from ninja's own
static files, no CDN). Everything but token sign-in and the docs needs a signed-in caller.

The docs page needs no exemption from our Content-Security-Policy: ninja's template runs
only external scripts (its settings sit in a non-executed JSON <script> block), which
core/tests/test_api.py checks.
"""

from typing import NoReturn

from django.http import Http404, HttpRequest
from ninja import NinjaAPI, Router

from practica.accounts.api import router as accounts
from practica.communities.api import router as communities
from practica.content.api import router as content
from practica.core.api import AUTH, READING, install_error_handlers
from practica.discussions.api import router as discussions
from practica.notifications.api import router as notifications
from practica.people.api import router as people
from practica.search.api import router as search
from practica.taxonomy.api import router as taxonomy

api = NinjaAPI(
    title="Practica API",
    version="1",
    description=(
        "Communities of practice: communities, members, topics, questions and answers. "
        "Sign in with `POST /api/v1/auth/token` and send `Authorization: Bearer <token>`. "
        'Lists answer `{"items": [...], "next": <cursor or null>}` and take `limit` '
        '(default 20, at most 100) and `cursor`. Errors answer `{"detail": <reason>}`.'
    ),
    urls_namespace="api",
    auth=AUTH,
    throttle=READING,
)
install_error_handlers(api)

api.add_router("", accounts)
api.add_router("", communities)
api.add_router("", taxonomy)
api.add_router("", discussions)
api.add_router("", content)
api.add_router("", notifications)
api.add_router("", people)
api.add_router("", search)

# Last, so it only catches paths no endpoint matched: those answer JSON too.
fallback = Router(auth=None)


@fallback.api_operation(
    ["GET", "POST", "PUT", "PATCH", "DELETE"], "/{path:path}", include_in_schema=False
)
def no_such_endpoint(request: HttpRequest, path: str) -> NoReturn:
    raise Http404


api.add_router("", fallback)
