from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from practica.taxonomy.models import Topic

from .models import User


class ProfileForm(forms.ModelForm):
    """What a member says about themselves; organisation and username are an admin's."""

    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    expertise = forms.ModelMultipleChoiceField(
        label=_("Expertise"),
        queryset=Topic.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Topics you know well: people looking for help find you by these."),
    )

    class Meta:
        model = User
        fields = [
            "name",
            "job_role",
            "location",
            "time_zone",
            "language",
            "bio",
            "ask_me_about",
            "expertise",
            "email_notifications",
        ]
        widgets = {"bio": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "name": _("How others see you, e.g. Priya Shah."),
            "time_zone": _("Times on the site are shown in this zone."),
            "bio": _("A few lines about your work. Markdown works."),
            "ask_me_about": _("e.g. mechanical seals, root cause analysis, shutdown planning"),
        }


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_("What will use it, e.g. “import script on my laptop”."),
    )
