from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited

from practica.communities.visibility import is_site_admin


def over_limit(request: HttpRequest, *, group: str, rate: str | None = None) -> bool:
    """Count this request against ``group``; True when the caller is over the rate.

    Site administrators are exempt: they run imports and scripts.
    """
    user = getattr(request, "user", None)
    if user is not None and is_site_admin(user):
        return False
    return is_ratelimited(
        request,
        group=group,
        key="user_or_ip",
        rate=rate or settings.POST_RATE,
        method=is_ratelimited.ALL,
        increment=True,
    )
