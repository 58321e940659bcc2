from django.urls import path

from . import views

urlpatterns = [
    path("members/", views.member_list, name="member_list"),
    path("members/<str:username>/", views.member_profile, name="member_profile"),
    path("members/<str:username>/follow/", views.member_follow, name="member_follow"),
    path("settings/profile/", views.profile_edit, name="profile_edit"),
    path("settings/tokens/", views.api_tokens, name="api_tokens"),
    path("settings/tokens/<int:token_id>/revoke/", views.api_token_revoke, name="api_token_revoke"),
]
