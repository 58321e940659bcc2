from django.urls import URLPattern, path

from . import views

urlpatterns: list[URLPattern] = [
    path("notifications/", views.inbox, name="inbox"),
    path("notifications/read/", views.inbox_mark_read, name="inbox_mark_read"),
    path("notifications/<int:pk>/", views.notification_open, name="notification_open"),
]
