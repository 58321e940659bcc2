from django.urls import path

from . import views

urlpatterns = [
    path("people/experts/", views.experts, name="experts"),
]
