from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, QueryDict
from django.utils.translation import gettext_lazy as _

from practica.core.htmx import render_page
from practica.core.types import MemberRequest

from . import engine
from .forms import SearchForm

FACET_TITLES = {
    "type": _("Kind"),
    "community": _("Community"),
    "topic": _("Topic"),
    "author": _("Author"),
    "answered": _("Answered"),
}
FACET_PARAMS = {"type": "type", "community": "community", "topic": "topic", "author": "author"}
FACET_PARAMS["answered"] = "answered"


@login_required
def search_page(request: MemberRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    context: dict[str, object] = {"form": form, "page": None, "facet_groups": []}
    status = 200
    if form.is_bound:
        if form.is_valid():
            query = form.to_query()
            page = engine.search(viewer=request.user, query=query)
            context.update(query=query, page=page, facet_groups=facet_groups(request.GET, page))
        else:
            status = 422
    return render_page(request, "search/search.html", context, partial="results", status=status)


def facet_groups(
    params: QueryDict, page: engine.SearchPage
) -> list[tuple[str, list[engine.FacetOption]]]:
    """Each facet value with the link that adds it to (or removes it from) the search."""
    groups = []
    for name, options in page.facets.items():
        param = FACET_PARAMS[name]
        for option in options:
            changed = params.copy()
            changed.pop("cursor", None)
            values = changed.getlist(param)
            if name == "type":
                values = (
                    [v for v in values if v != option.value]
                    if option.selected
                    else [
                        *values,
                        option.value,
                    ]
                )
            else:
                values = [] if option.selected else [option.value]
            changed.setlist(param, values)
            option.toggle = "?" + changed.urlencode()
        groups.append((str(FACET_TITLES[name]), options))
    return groups
