from typing import Any

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from practica.communities.models import Community, Role, Visibility
from practica.taxonomy.models import Topic

# Paths under /c/ that are pages of their own, not communities.
RESERVED_SLUGS = {"new"}


class CommunityForm(forms.Form):
    """What a leader says about a community; the slug is fixed once it exists."""

    name = forms.CharField(label=_("Name"), max_length=150)
    purpose = forms.CharField(
        label=_("Purpose"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The charter: why this community exists and who it is for. Markdown works."),
    )
    sponsor = forms.CharField(
        label=_("Sponsor"),
        max_length=150,
        required=False,
        help_text=_("The senior person who backs the community, if it has one."),
    )
    visibility = forms.ChoiceField(
        label=_("Who may join"),
        choices=Visibility.choices,
        widget=forms.RadioSelect,
        initial=Visibility.OPEN,
    )
    admits_partners = forms.BooleanField(
        label=_("Admit members of partner organisations"), required=False
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What the community talks about; people find it by these."),
    )

    @classmethod
    def initial_for(cls, community: Community) -> dict[str, Any]:
        return {
            "name": community.name,
            "purpose": community.purpose,
            "sponsor": community.sponsor,
            "visibility": community.visibility,
            "admits_partners": community.admits_partners,
            "topics": list(community.topics.all()),
        }


class CommunityCreateForm(CommunityForm):
    slug = forms.SlugField(
        label=_("Web address"),
        max_length=80,
        required=False,
        help_text=_(
            "The community's address: /c/<slug>/. Lower-case letters, numbers and hyphens; "
            "left empty, it is made from the name."
        ),
    )
    field_order = ["name", "slug", "purpose", "sponsor", "visibility", "admits_partners"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("slug") and cleaned.get("name"):
            cleaned["slug"] = slugify(cleaned["name"])[:80]
            if not cleaned["slug"]:
                self.add_error("slug", _("Choose an address made of letters and numbers."))
        if cleaned.get("slug") in RESERVED_SLUGS:
            self.add_error("slug", _("That address is reserved; choose another."))
        return cleaned


class InviteForm(forms.Form):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        help_text=_("They become a member when they accept the invitation."),
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
