from django import forms

from .errors import ServiceError


def add_service_error(form: forms.Form, error: ServiceError) -> None:
    """Show a service's refusal on the form, on the field it names when the form has it."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)
