from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import Community, Membership, MembershipStatus


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "community"
    extra = 0
    fields = ["user", "role", "status", "invited_by", "created_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = ["user", "invited_by"]


@admin.register(Community)
class CommunityAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "visibility", "admits_partners", "member_count"]
    list_filter = ["visibility", "admits_partners"]
    search_fields = ["name", "slug", "purpose"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["topics"]
    readonly_fields = ["member_count", "question_count", "last_activity_at", "created_at"]
    inlines = [MembershipInline]

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        # Memberships edited inline bypass the services, so recount here.
        community = form.instance
        community.member_count = community.memberships.filter(
            status=MembershipStatus.ACTIVE
        ).count()
        Community.objects.filter(pk=community.pk).update(member_count=community.member_count)
