"""Forms for asking, answering and commenting. The services do the real validation; the
forms parse input and turn a service's refusal into a message on the right field."""

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from practica.content import services as content
from practica.content.selectors import topics_from_text
from practica.core.errors import ServiceError
from practica.taxonomy.models import Topic

MARKDOWN_HINT = _(
    "Markdown works: **bold**, *italic*, `code`, lists with “-”, links as [text](https://…). "
    "Mention someone with @username."
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one <input type="file" multiple>, each checked by check_upload."""

    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        uploads = data if isinstance(data, list | tuple) else [data] if data else []
        cleaned: list[UploadedFile] = [super(MultipleFileField, self).clean(u) for u in uploads]
        for upload in cleaned:
            try:
                content.check_upload(upload)
            except ServiceError as error:
                raise forms.ValidationError(error.message) from error
        return cleaned


class TopicsField(forms.CharField):
    """Topic names, slugs or synonyms separated by commas; unknown names are named back."""

    def clean(self, value: Any) -> list[Topic]:
        text = super().clean(value)
        try:
            return topics_from_text(text or "")
        except ServiceError as error:
            raise forms.ValidationError(error.message) from error


def topics_field() -> TopicsField:
    return TopicsField(
        label=_("Topics"),
        required=False,
        max_length=500,
        help_text=_("Separate topics with commas, for example: Vibration analysis, Seals."),
    )


def _checked(check: Callable[[str], str], value: str) -> str:
    """Run a service's check in the form, so every problem shows at once."""
    try:
        return check(value)
    except ServiceError as error:
        raise forms.ValidationError(error.message) from error


class AskForm(forms.Form):
    # The messages match the services' so a member sees the same words either way.
    title = forms.CharField(
        label=_("Title"),
        max_length=content.MAX_TITLE,
        help_text=_("Ask one question, as you would ask a colleague. At least 8 characters."),
        error_messages={"required": _("Give it a title.")},
    )
    body = forms.CharField(
        label=_("Details"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=MARKDOWN_HINT,
        error_messages={"required": _("Write something in the body.")},
    )
    topics = topics_field()
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["attachments"].help_text = _(
            "Photos, drawings or documents that help explain the question: "
            "%(types)s, up to %(size)s each."
        ) % {
            "types": ", ".join(settings.ALLOWED_UPLOAD_TYPES),
            "size": filesizeformat(settings.MAX_UPLOAD_BYTES),
        }

    def clean_title(self) -> str:
        return _checked(content.check_title, self.cleaned_data["title"])

    def clean_body(self) -> str:
        return _checked(content.check_body, self.cleaned_data["body"])


class AnswerForm(forms.Form):
    body = forms.CharField(
        label=_("Answer"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=MARKDOWN_HINT,
        error_messages={"required": _("Write something in the body.")},
    )

    def clean_body(self) -> str:
        return _checked(content.check_body, self.cleaned_data["body"])


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Comment"),
        max_length=2000,
        error_messages={"required": _("Write something in the body.")},
    )


# An entry's address as members paste it: /q/12-title, /q/12, /e/12, a full URL with an
# anchor, or just the number (with or without "#").
_ENTRY_PATH = re.compile(r"/(?:q|e)/(\d+)(?:[-/?#]|$)")
_ENTRY_NUMBER = re.compile(r"#?(\d+)")


def entry_id_from(text: str) -> int | None:
    """The entry id in a pasted address or number; None when there is none."""
    text = text.strip()
    try:
        path = urlsplit(text).path
    except ValueError:  # e.g. an unbalanced "[" taken for an IPv6 address
        return None
    match = _ENTRY_NUMBER.fullmatch(text) or _ENTRY_PATH.search(path + "/")
    if match is None:
        return None
    number = int(match.group(1))
    return number if 0 < number < 2**63 else None


class DuplicateForm(forms.Form):
    original = forms.CharField(
        label=_("The original question"),
        max_length=500,
        help_text=_("Paste its address (…/q/123-…) or type its number."),
        error_messages={"required": _("Say which question this one duplicates.")},
    )

    def clean_original(self) -> int:
        number = entry_id_from(self.cleaned_data["original"])
        if number is None:
            raise forms.ValidationError(
                _("That is not a question's address or number: paste an address like …/q/123-….")
            )
        return number
