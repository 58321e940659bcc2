"""People pages: "Who knows about…"."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse

from practica.core.errors import ServiceError
from practica.core.forms import add_service_error
from practica.core.htmx import render_page
from practica.core.types import MemberRequest

from .forms import ExpertSearchForm
from .selectors import Expert, Subject, experts_for, subject_for

EXPERTS_PAGE = 20


@login_required
def experts(request: MemberRequest) -> HttpResponse:
    asked = "topic" in request.GET or "q" in request.GET
    form = ExpertSearchForm(request.GET if asked else None)
    subject: Subject | None = None
    found: list[Expert] = []
    if form.is_bound and form.is_valid():
        try:
            subject = subject_for(
                viewer=request.user,
                topic=form.cleaned_data["topic"],
                text=form.cleaned_data["q"],
            )
        except ServiceError as error:
            add_service_error(form, error)
        else:
            found = experts_for(viewer=request.user, subject=subject, limit=EXPERTS_PAGE)
    # htmx 2 does not swap 4xx answers: a refused search comes back 200 to show its errors.
    status = 422 if form.errors and not getattr(request, "htmx", False) else 200
    context = {"form": form, "subject": subject, "experts": found}
    return render_page(request, "people/experts.html", context, partial="results", status=status)
