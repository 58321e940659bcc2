from django.contrib import admin

from .models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["recipient", "verb", "actor", "entry", "community", "created_at", "read_at"]
    list_filter = ["verb"]
    list_select_related = ["recipient", "actor", "entry", "community"]
    search_fields = ["recipient__username", "actor__username"]
    raw_id_fields = ["recipient", "actor", "entry", "community"]
    date_hierarchy = "created_at"
