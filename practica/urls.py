from django.contrib import admin
from django.urls import include, path

from practica.api import api
from practica.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("api/v1/", api.urls),
    path("", include("practica.accounts.urls")),
    path("", include("practica.communities.urls")),
    path("", include("practica.taxonomy.urls")),
    path("", include("practica.discussions.urls")),
    path("", include("practica.content.urls")),
    path("", include("practica.notifications.urls")),
    path("", include("practica.search.urls")),
    path("", include("practica.people.urls")),
]
