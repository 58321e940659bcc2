"""The content kernel: one table for everything a community writes (DESIGN.md)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    QUESTION = "question", _("Question")
    ANSWER = "answer", _("Answer")


# Where each kind's page lives: /<prefix>/<id>-<slug>. Answers live on their question's page.
URL_PREFIXES = {Kind.QUESTION: "q"}


class Entry(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="entries"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="entries"
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    title = models.CharField(_("title"), max_length=250, blank=True)
    slug = models.SlugField(max_length=80, blank=True, allow_unicode=True)
    body = models.TextField(_("body"))
    body_html = models.TextField(blank=True)
    topics = models.ManyToManyField(
        "taxonomy.Topic", verbose_name=_("topics"), blank=True, related_name="entries"
    )
    language = models.CharField(_("language"), max_length=10, default="en")
    # Kept apart from the vote rows so lists sort and show scores without counting.
    score = models.IntegerField(default=0)
    child_count = models.PositiveIntegerField(default=0)
    comment_count = models.PositiveIntegerField(default=0)
    accepted_child = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revision_count = models.PositiveIntegerField(default=1)
    # A question closed as a duplicate points to the original; search prefers the original.
    duplicate_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="duplicates"
    )
    # Provenance: where an imported entry came from, its licence and attribution.
    source = models.CharField(max_length=100, blank=True)
    external_id = models.CharField(max_length=100, blank=True)
    license = models.CharField(_("licence"), max_length=100, blank=True)
    attribution = models.TextField(_("attribution"), blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    last_activity_at = models.DateTimeField(default=timezone.now)
    is_deleted = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("entry")
        verbose_name_plural = _("entries")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"],
                condition=~models.Q(source=""),
                name="unique_entry_source",
            )
        ]
        indexes = [
            models.Index(fields=["community", "kind", "-created_at", "-id"]),
            models.Index(fields=["community", "kind", "-last_activity_at", "-id"]),
            models.Index(fields=["community", "kind", "-score", "-id"]),
            models.Index(fields=["kind", "-created_at", "-id"]),
            models.Index(fields=["kind", "-last_activity_at", "-id"]),
            models.Index(fields=["kind", "-score", "-id"]),
            models.Index(fields=["author", "kind", "-created_at"]),
        ]

    def __str__(self) -> str:
        return self.title or f"{self.get_kind_display()} {self.pk}"

    def get_absolute_url(self) -> str:
        """/q/123-title-slug for kinds with pages of their own; /e/123 (a redirect) otherwise."""
        prefix = URL_PREFIXES.get(Kind(self.kind))
        if prefix is None:
            return f"/e/{self.pk}"
        return f"/{prefix}/{self.pk}-{self.slug}" if self.slug else f"/{prefix}/{self.pk}"

    @property
    def is_answered(self) -> bool:
        return self.accepted_child_id is not None or self.child_count > 0


class Revision(models.Model):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=250, blank=True)
    body = models.TextField()
    topics = models.TextField(blank=True, help_text="Topic slugs, one per line, at this revision.")
    summary = models.CharField(_("edit summary"), max_length=250, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "number"], name="unique_revision_number")
        ]

    def __str__(self) -> str:
        return f"Revision {self.number} of {self.entry_id}"


class Vote(models.Model):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    value = models.SmallIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "user"], name="unique_vote"),
            models.CheckConstraint(condition=models.Q(value__in=[-1, 1]), name="vote_is_one"),
        ]

    def __str__(self) -> str:
        return f"{self.value:+d} on {self.entry_id} by {self.user_id}"


class Comment(models.Model):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("comment"))
    body_html = models.TextField(blank=True)
    source = models.CharField(max_length=100, blank=True)
    external_id = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    is_deleted = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"],
                condition=~models.Q(source=""),
                name="unique_comment_source",
            )
        ]

    def __str__(self) -> str:
        return f"Comment {self.pk} on {self.entry_id}"


class Follow(models.Model):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="entry_follows"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["entry", "user"], name="unique_follow")]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.entry_id}"


def attachment_path(instance: "Attachment", filename: str) -> str:
    return f"attachments/{timezone.now():%Y/%m}/{filename}"


class Attachment(models.Model):
    entry = models.ForeignKey(
        Entry, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments"
    )
    uploader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    file = models.FileField(upload_to=attachment_path)
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.filename
