from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Verb(models.TextChoices):
    ANSWERED = "answered", _("answered your question")
    COMMENTED = "commented", _("commented on your post")
    ACCEPTED = "accepted", _("accepted your answer")
    MENTIONED = "mentioned", _("mentioned you")
    JOIN_REQUEST = "join_request", _("asked to join")
    INVITED = "invited", _("invited you to join")
    # discussions: close_as_duplicate (issue 3)
    DUPLICATE = "duplicate", _("marked a question as a duplicate")


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", null=True
    )
    verb = models.CharField(max_length=20, choices=Verb.choices)
    entry = models.ForeignKey(
        "content.Entry", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "-created_at", "-id"])]

    def __str__(self) -> str:
        return f"{self.get_verb_display()} → {self.recipient_id}"
