from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .models import Organisation, SiteSettings, User


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "is_host", "created_at"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(User)
class MemberAdmin(UserAdmin):
    list_display = [
        "username",
        "name",
        "email",
        "organisation",
        "is_active",
        "is_placeholder",
        "is_superuser",
    ]
    list_filter = ["organisation", "is_active", "is_placeholder", "is_superuser"]
    list_select_related = ["organisation"]
    search_fields = ["username", "name", "email"]
    autocomplete_fields = ["organisation"]
    filter_horizontal = ["expertise", "groups", "user_permissions"]
    fieldsets = (
        *UserAdmin.fieldsets,  # type: ignore[misc]
        (
            _("Organisation and profile"),
            {
                "fields": (
                    "name",
                    "organisation",
                    "job_role",
                    "location",
                    "time_zone",
                    "language",
                    "bio",
                    "ask_me_about",
                    "expertise",
                    "email_notifications",
                )
            },
        ),
        (_("Imported"), {"fields": ("is_placeholder", "source", "external_id")}),
    )
    add_fieldsets = (
        *UserAdmin.add_fieldsets,
        (_("Organisation"), {"fields": ("name", "email", "organisation")}),
    )


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    """One row: whether anyone may sign up, beyond invitations, SSO and allowed domains."""

    list_display = ["__str__", "open_signup"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj: SiteSettings | None = None) -> bool:
        return False
