from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import Attachment, Comment, Entry, Follow, Revision, Vote


class RevisionInline(admin.TabularInline):
    model = Revision
    extra = 0
    fields = ["number", "author", "title", "summary", "created_at"]
    readonly_fields = ["number", "author", "title", "summary", "created_at"]
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Revisions are written by content.services.edit_entry, never by hand.
        return False


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "community", "author", "score", "created_at", "is_deleted"]
    list_filter = ["kind", "is_deleted", "community"]
    list_select_related = ["community", "author"]
    search_fields = ["title", "body", "author__username", "external_id"]
    raw_id_fields = ["author", "parent", "accepted_child"]
    filter_horizontal = ["topics"]
    readonly_fields = ["body_html", "score", "child_count", "comment_count", "revision_count"]
    date_hierarchy = "created_at"
    inlines = [RevisionInline]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "entry", "author", "created_at", "is_deleted"]
    list_filter = ["is_deleted"]
    list_select_related = ["entry", "author"]
    search_fields = ["body", "author__username"]
    raw_id_fields = ["entry", "author"]
    readonly_fields = ["body_html"]


@admin.register(Vote)
class VoteAdmin(admin.ModelAdmin):
    list_display = ["entry", "user", "value", "created_at"]
    list_select_related = ["entry", "user"]
    raw_id_fields = ["entry", "user"]


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin):
    list_display = ["entry", "user", "created_at"]
    list_select_related = ["entry", "user"]
    raw_id_fields = ["entry", "user"]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["filename", "entry", "uploader", "content_type", "size", "created_at"]
    list_select_related = ["entry", "uploader"]
    search_fields = ["filename"]
    raw_id_fields = ["entry", "uploader"]
