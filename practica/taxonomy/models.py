from django.db import models
from django.utils.translation import gettext_lazy as _


class Topic(models.Model):
    """One term of the site-wide vocabulary, shared by content, expertise and search."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("broader topic"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
    )
    description = models.TextField(_("description"), blank=True)
    synonyms = models.TextField(
        _("synonyms"), blank=True, help_text=_("Other names for this topic, one per line.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("topic")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def synonym_list(self) -> list[str]:
        return [s.strip() for s in self.synonyms.splitlines() if s.strip()]
