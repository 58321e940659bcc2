from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def render_page(
    request: HttpRequest, template: str, context: dict[str, Any], *, partial: str, status: int = 200
) -> HttpResponse:
    """One view, two renderings: the named partial for htmx requests, else the whole page."""
    if getattr(request, "htmx", False):
        return render(request, f"{template}#{partial}", context, status=status)
    return render(request, template, context, status=status)
