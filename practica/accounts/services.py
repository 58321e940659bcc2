import hashlib
import secrets
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from practica.core.errors import ServiceError
from practica.search import indexing
from practica.taxonomy.models import Topic

from .models import ApiToken, MemberFollow, Organisation, SiteSettings, User

TOKEN_PREFIX = "pra_"


def host_organisation() -> Organisation:
    """The site's host organisation, created on first use with the configured name."""
    host = Organisation.objects.filter(is_host=True).first()
    if host is None:
        name = settings.HOST_ORGANISATION_NAME
        host, _created = Organisation.objects.get_or_create(
            slug=slugify(name)[:80] or "host", defaults={"name": name, "is_host": True}
        )
    return host


def site_settings() -> SiteSettings:
    row, _created = SiteSettings.objects.get_or_create(pk=1)
    return row


def organisation_for_email(email: str) -> Organisation | None:
    """The organisation whose e-mail domains include this address's domain, if any."""
    domain = email.rpartition("@")[2].strip().lower()
    if not domain:
        return None
    for organisation in Organisation.objects.exclude(email_domains=""):
        if domain in organisation.domains():
            return organisation
    return None


def may_sign_up(email: str) -> bool:
    return site_settings().open_signup or organisation_for_email(email) is not None


def assign_organisation(*, user: User, email: str | None = None) -> None:
    """Put a new account in the organisation its e-mail domain names, else the host."""
    if user.organisation_id is not None:
        return
    user.organisation = organisation_for_email(email or user.email) or host_organisation()


PROFILE_FIELDS = {
    "name",
    "job_role",
    "location",
    "time_zone",
    "language",
    "bio",
    "ask_me_about",
    "email_notifications",
}


@transaction.atomic
def update_profile(
    *, user: User, fields: dict[str, object], expertise: "Iterable[Topic] | None" = None
) -> User:
    """Save the profile fields a member may change about themselves."""
    unknown = set(fields) - PROFILE_FIELDS
    if unknown:
        raise ServiceError(_("These cannot be changed here: %s") % ", ".join(sorted(unknown)))
    for name, value in fields.items():
        setattr(user, name, value)
    user.save(update_fields=list(fields))
    if expertise is not None:
        user.expertise.set(list(expertise))
    indexing.schedule([indexing.key(user)])
    return user


def deactivate_member(*, user: User) -> None:
    """The account leaves: it can no longer sign in; its content stays under its name."""
    user.is_active = False
    user.save(update_fields=["is_active"])
    ApiToken.objects.filter(user=user).delete()
    indexing.schedule([indexing.key(user)])


@transaction.atomic
def claim_placeholder(*, placeholder: User, by: User) -> User:
    """Move an imported placeholder's content to the real person who claims it."""
    from practica.content.models import Comment, Entry, Revision

    if not placeholder.is_placeholder:
        raise ServiceError(_("Only an imported placeholder account can be claimed."))
    moved = [
        f"entry:{pk}"
        for pk in Entry.objects.filter(author=placeholder).values_list("pk", flat=True)
    ]
    moved += [
        f"comment:{pk}"
        for pk in Comment.objects.filter(author=placeholder).values_list("pk", flat=True)
    ]
    indexing.schedule([*moved, indexing.key(placeholder), indexing.key(by)])
    Entry.objects.filter(author=placeholder).update(author=by)
    Comment.objects.filter(author=placeholder).update(author=by)
    Revision.objects.filter(author=placeholder).update(author=by)
    placeholder.is_active = False
    placeholder.save(update_fields=["is_active"])
    return by


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_token(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A new personal token; the returned key is shown once and never stored."""
    name = name.strip()
    if not name:
        raise ServiceError(_("Name the token so you recognise it later."), field="name")
    key = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name[:100], prefix=key[:12], key_hash=_hash(key)
    )
    return token, key


def revoke_token(*, user: User, token_id: int) -> None:
    ApiToken.objects.filter(user=user, pk=token_id).delete()


def user_for_token(key: str) -> User | None:
    token = (
        ApiToken.objects.select_related("user", "user__organisation")
        .filter(key_hash=_hash(key), user__is_active=True)
        .first()
    )
    if token is None:
        return None
    if token.last_used_at is None or timezone.now() - token.last_used_at > timedelta(minutes=5):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


def follow_member(*, follower: User, followed: User) -> None:
    if follower.pk == followed.pk:
        raise ServiceError(_("You cannot follow yourself."))
    MemberFollow.objects.get_or_create(follower=follower, followed=followed)


def unfollow_member(*, follower: User, followed: User) -> None:
    MemberFollow.objects.filter(follower=follower, followed=followed).delete()
