from django.urls import URLPattern, path

from . import views

urlpatterns: list[URLPattern] = [
    path("e/<int:pk>", views.entry_anchor, name="entry_anchor"),
    path("e/<int:pk>/vote/", views.entry_vote, name="entry_vote"),
    path("e/<int:pk>/follow/", views.entry_follow, name="entry_follow"),
    path("e/<int:pk>/edit/", views.entry_edit, name="entry_edit"),
    path("e/<int:pk>/history/", views.entry_history, name="entry_history"),
    path("e/<int:pk>/delete/", views.entry_delete, name="entry_delete"),
    path("e/<int:pk>/move/", views.entry_move, name="entry_move"),
    path(
        "attachments/<int:pk>/<str:filename>",
        views.attachment_download,
        name="attachment_download",
    ),
]
