from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .engine import TYPE_LABELS, SearchQuery

SORTS = [("relevance", _("Relevance")), ("newest", _("Newest")), ("votes", _("Votes"))]
ANSWERED = [("", _("Any")), ("yes", _("Answered")), ("no", _("Unanswered"))]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=500, required=False)
    type = forms.MultipleChoiceField(
        label=_("Kind"), choices=list(TYPE_LABELS.items()), required=False
    )
    community = forms.SlugField(label=_("Community"), required=False)
    topic = forms.SlugField(label=_("Topic"), required=False)
    author = forms.CharField(label=_("Author"), max_length=150, required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    answered = forms.ChoiceField(label=_("Answered"), choices=ANSWERED, required=False)
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORTS, required=False)
    cursor = forms.CharField(required=False, widget=forms.HiddenInput)
    limit = forms.IntegerField(min_value=1, max_value=100, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return data

    def to_query(self) -> SearchQuery:
        data = self.cleaned_data
        answered = {"yes": True, "no": False}.get(data.get("answered") or "")
        return SearchQuery(
            text=data.get("q") or "",
            types=data.get("type") or [],
            community=data.get("community") or "",
            topic=data.get("topic") or "",
            author=data.get("author") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            answered=answered,
            sort=data.get("sort") or "relevance",
            cursor=data.get("cursor") or "",
            limit=data.get("limit") or 20,
        )
