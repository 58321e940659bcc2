from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.http import HttpRequest

from . import services


class AccountAdapter(DefaultAccountAdapter):
    """Self sign-up is closed unless an administrator opens it or the domain is allowed."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        email = request.POST.get("email", "") if request.method == "POST" else ""
        if email:
            return services.may_sign_up(email)
        return services.site_settings().open_signup or _has_signup_domains()

    def save_user(self, request: HttpRequest, user: Any, form: Any, commit: bool = True) -> Any:
        user = super().save_user(request, user, form, commit=False)
        services.assign_organisation(user=user)
        if commit:
            user.save()
        return user


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """Single sign-on accounts are let in; their organisation comes from the e-mail domain."""

    def is_open_for_signup(self, request: HttpRequest, sociallogin: Any) -> bool:
        return True

    def save_user(self, request: HttpRequest, sociallogin: Any, form: Any = None) -> Any:
        user = sociallogin.user
        services.assign_organisation(user=user)
        return super().save_user(request, sociallogin, form)


def _has_signup_domains() -> bool:
    from .models import Organisation

    return Organisation.objects.exclude(email_domains="").exists()
