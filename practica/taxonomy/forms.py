from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Topic


class TopicForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    parent = forms.ModelChoiceField(
        label=_("Broader topic"),
        queryset=Topic.objects.order_by("name"),
        required=False,
        empty_label=_("None: a top-level topic"),
        help_text=_("The wider subject this topic belongs under, if any."),
    )
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("One or two sentences on what belongs here."),
    )
    synonyms = forms.CharField(
        label=_("Synonyms"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Other names people use for it, one per line; search finds the topic by them."),
    )


class TopicCreateForm(TopicForm):
    slug = forms.SlugField(
        label=_("Web address"),
        max_length=100,
        required=False,
        help_text=_("The topic's address: /topics/<slug>/. Left empty, it is made from the name."),
    )
    field_order = ["name", "slug", "parent", "description", "synonyms"]
