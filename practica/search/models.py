"""Tables of the PostgreSQL search backend (``PRACTICA_SEARCH_BACKEND=postgres``).

On SQLite the tables exist but stay empty: the embedded backend keeps its index in files. On
PostgreSQL the migration adds what Django's fields cannot say: the weighted ``tsv`` column
(generated from title, body and extra) and the GIN indexes (see ``backends/postgres.py``).
"""

from typing import Any

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper


class PortableArrayField(ArrayField):
    """A PostgreSQL array; plain text elsewhere, so the migration also runs on SQLite (where
    the table stays empty)."""

    def db_type(self, connection: BaseDatabaseWrapper) -> Any:
        if connection.vendor == "postgresql":
            return super().db_type(connection)
        return "text"

    def cast_db_type(self, connection: BaseDatabaseWrapper) -> Any:
        if connection.vendor == "postgresql":
            return super().cast_db_type(connection)
        return "text"


class SearchDocument(models.Model):
    """One searchable thing, flat: a copy of ``documents.SearchDoc``."""

    key = models.CharField(max_length=64, unique=True)  # "entry:12"
    type = models.CharField(max_length=32)
    title = models.TextField(blank=True)
    label = models.CharField(max_length=250, blank=True)
    body = models.TextField(blank=True)
    extra = models.TextField(blank=True)
    # The visibility terms a viewer must hold one of ("c3", "host", "u5", "auth").
    scopes = PortableArrayField(models.TextField(), default=list)
    url = models.CharField(max_length=500, blank=True)
    community = models.IntegerField(default=0)
    author = models.IntegerField(default=0)
    topics = PortableArrayField(models.IntegerField(), default=list)
    created = models.BigIntegerField(default=0)  # seconds since the epoch
    votes = models.IntegerField(default=0)
    answered = models.SmallIntegerField(default=-1)  # 1, 0, or -1 for what is not a question
    thread = models.IntegerField(default=0)
    duplicate = models.IntegerField(default=0)
    prior = models.FloatField(default=0.0)

    def __str__(self) -> str:
        return self.key


class SearchWord(models.Model):
    """Title words for "did you mean", counted per set of scopes, so that the words offered
    to a viewer, and their counts, come only from documents the viewer may see."""

    word = models.CharField(max_length=40)
    scopes = PortableArrayField(models.TextField(), default=list)
    documents = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["word", "scopes"], name="search_word_scopes_unique")
        ]

    def __str__(self) -> str:
        return self.word
