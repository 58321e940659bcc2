from django.urls import path

from . import views

urlpatterns = [
    path("c/", views.community_directory, name="community_directory"),
    path("c/new/", views.community_create, name="community_create"),
    path("c/<slug:slug>/", views.community_detail, name="community_detail"),
    path("c/<slug:slug>/join/", views.community_join, name="community_join"),
    path("c/<slug:slug>/leave/", views.community_leave, name="community_leave"),
    path("c/<slug:slug>/members/", views.community_members, name="community_members"),
    path(
        "c/<slug:slug>/members/<int:membership_id>/approve/",
        views.membership_approve,
        name="membership_approve",
    ),
    path(
        "c/<slug:slug>/members/<int:membership_id>/decline/",
        views.membership_decline,
        name="membership_decline",
    ),
    path(
        "c/<slug:slug>/members/<int:membership_id>/role/",
        views.membership_role,
        name="membership_role",
    ),
    path("c/<slug:slug>/invite/", views.community_invite, name="community_invite"),
    path("c/<slug:slug>/settings/", views.community_settings, name="community_settings"),
]
