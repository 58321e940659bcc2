import zoneinfo

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

TIME_ZONE_CHOICES = sorted((tz, tz) for tz in zoneinfo.available_timezones())


class Organisation(models.Model):
    """The host organisation (exactly one) or a partner organisation."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    is_host = models.BooleanField(_("host organisation"), default=False)
    email_domains = models.TextField(
        _("e-mail domains"),
        blank=True,
        help_text=_(
            "One domain per line; new accounts with these addresses join this organisation."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        ordering = ["-is_host", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_host"], condition=models.Q(is_host=True), name="one_host_organisation"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def domains(self) -> list[str]:
        return [d.strip().lower() for d in self.email_domains.split() if d.strip()]


class User(AbstractUser):
    """A member account. Placeholders are people imported from elsewhere, not yet claimed."""

    name = models.CharField(_("name"), max_length=150, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
    )
    job_role = models.CharField(_("job role"), max_length=150, blank=True)
    location = models.CharField(_("location"), max_length=150, blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", choices=TIME_ZONE_CHOICES
    )
    language = models.CharField(_("language"), max_length=10, default="en")
    bio = models.TextField(_("bio"), blank=True)
    ask_me_about = models.CharField(_("ask me about"), max_length=300, blank=True)
    expertise = models.ManyToManyField(
        "taxonomy.Topic", verbose_name=_("expertise"), blank=True, related_name="experts"
    )
    email_notifications = models.BooleanField(_("e-mail me about notifications"), default=True)
    is_placeholder = models.BooleanField(_("placeholder"), default=False)
    source = models.CharField(max_length=100, blank=True)
    external_id = models.CharField(max_length=100, blank=True)
    unread_notifications = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("member")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"],
                condition=~models.Q(source=""),
                name="unique_user_source",
            )
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.name or self.username


class MemberFollow(models.Model):
    follower = models.ForeignKey(User, on_delete=models.CASCADE, related_name="following")
    followed = models.ForeignKey(User, on_delete=models.CASCADE, related_name="followers")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["follower", "followed"], name="unique_member_follow")
        ]

    def __str__(self) -> str:
        return f"{self.follower_id} follows {self.followed_id}"


class ApiToken(models.Model):
    """A personal API token. Only a hash is stored; the token is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=12, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class SiteSettings(models.Model):
    """One row of settings an administrator changes at run time."""

    open_signup = models.BooleanField(
        _("anyone may sign up"),
        default=False,
        help_text=_("Off: only invitations, single sign-on and allowed e-mail domains."),
    )

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def __str__(self) -> str:
        return str(_("Site settings"))
