from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "practica.content"
    label = "content"
