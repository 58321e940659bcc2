from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/landing.html")


def healthz(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"ok": True})


def rate_limited(request: HttpRequest, exception: Exception) -> HttpResponse:
    message = _("Too many requests: wait a minute and try again.")
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=429)
    return render(request, "429.html", {"message": message}, status=429)
