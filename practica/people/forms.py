from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from practica.taxonomy.models import Topic

from .selectors import MAX_TEXT_LENGTH


class ExpertSearchForm(forms.Form):
    """The "Who knows about…" form: a topic, or a few words, or both."""

    topic = forms.ChoiceField(label=_("Topic"), required=False)
    q = forms.CharField(
        label=_("Or describe it in a few words"),
        required=False,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        topics = Topic.objects.order_by("name").values_list("slug", "name")
        topic = self.fields["topic"]
        assert isinstance(topic, forms.ChoiceField)
        topic.choices = [("", _("Any topic")), *topics]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not data.get("topic") and not data.get("q", "").strip():
            raise forms.ValidationError(_("Choose a topic or describe what you need to know."))
        return data
