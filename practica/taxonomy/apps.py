from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "practica.taxonomy"
    label = "taxonomy"
