from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.core.errors import NotAllowed, ServiceError
from practica.search import indexing
from practica.taxonomy.models import Topic

from .models import Community, Membership, MembershipStatus, Role, Visibility
from .permissions import can_create_community, check_manage


def _refresh_member_count(community: Community, *, member: User | None = None) -> None:
    """Recount; the community's and the member's search documents change with it (the
    member's visibility follows their memberships)."""
    count = Membership.objects.filter(community=community, status=MembershipStatus.ACTIVE).count()
    Community.objects.filter(pk=community.pk).update(member_count=count)
    community.member_count = count
    keys = [indexing.key(community)] + ([indexing.key(member)] if member else [])
    indexing.schedule(keys)


@transaction.atomic
def create_community(
    *,
    by: User,
    slug: str,
    name: str,
    purpose: str,
    visibility: str = Visibility.OPEN,
    admits_partners: bool = False,
    sponsor: str = "",
    topics: Iterable[Topic] = (),
) -> Community:
    """Create a community; whoever creates it becomes its leader."""
    if not can_create_community(by):
        raise NotAllowed(_("Only members of the host organisation may start a community."))
    if visibility not in Visibility.values:
        raise ServiceError(_("Choose open, request or private."), field="visibility")
    if not name.strip():
        raise ServiceError(_("Give the community a name."), field="name")
    if not purpose.strip():
        raise ServiceError(_("Say what the community is for."), field="purpose")
    if Community.objects.filter(slug=slug).exists():
        raise ServiceError(_("That address is taken; choose another."), field="slug")
    try:
        with transaction.atomic():
            community = Community.objects.create(
                slug=slug,
                name=name.strip(),
                purpose=purpose.strip(),
                visibility=visibility,
                admits_partners=admits_partners,
                sponsor=sponsor,
                last_activity_at=timezone.now(),
            )
    except IntegrityError as error:
        raise ServiceError(_("That address is taken; choose another."), field="slug") from error
    community.topics.set(list(topics))
    Membership.objects.create(community=community, user=by, role=Role.LEADER)
    _refresh_member_count(community, member=by)
    return community


@transaction.atomic
def update_community(*, community: Community, by: User, **fields: object) -> Community:
    from .selectors import membership_of

    check_manage(by, membership_of(by, community))
    topics = fields.pop("topics", None)
    for name, value in fields.items():
        setattr(community, name, value)
    community.save()
    if topics is not None:
        community.topics.set(topics)  # type: ignore[arg-type]
    indexing.schedule([indexing.key(community)])
    return community


@transaction.atomic
def join_community(*, community: Community, user: User) -> Membership:
    """Join at once (open), ask to join (on request), or accept an invitation (private)."""
    from practica.notifications.services import notify_join_request

    from .permissions import can_join

    membership = Membership.objects.filter(community=community, user=user).first()
    if membership is not None and membership.status != MembershipStatus.INVITED:
        return membership
    if not can_join(user, community, membership):
        raise NotAllowed(_("This community is by invitation only."))
    if membership is not None:
        membership.status = MembershipStatus.ACTIVE
        membership.save(update_fields=["status"])
    else:
        status = (
            MembershipStatus.PENDING
            if community.visibility == Visibility.REQUEST
            else MembershipStatus.ACTIVE
        )
        membership = Membership.objects.create(community=community, user=user, status=status)
        if status == MembershipStatus.PENDING:
            transaction.on_commit(lambda: notify_join_request(membership=membership))
    _refresh_member_count(community, member=user)
    return membership


@transaction.atomic
def leave_community(*, community: Community, user: User) -> None:
    membership = Membership.objects.filter(community=community, user=user).first()
    if membership is None:
        return
    if membership.role == Role.LEADER and membership.is_active:
        leaders = Membership.objects.filter(
            community=community, role=Role.LEADER, status=MembershipStatus.ACTIVE
        )
        if leaders.count() == 1:
            raise ServiceError(_("Name another leader before you leave: a community needs one."))
    membership.delete()
    _refresh_member_count(community, member=user)


@transaction.atomic
def approve_member(*, membership: Membership, by: User) -> Membership:
    from .selectors import membership_of

    check_manage(by, membership_of(by, membership.community))
    if membership.status == MembershipStatus.PENDING:
        membership.status = MembershipStatus.ACTIVE
        membership.save(update_fields=["status"])
        _refresh_member_count(membership.community, member=membership.user)
    return membership


@transaction.atomic
def decline_member(*, membership: Membership, by: User) -> None:
    from .selectors import membership_of

    check_manage(by, membership_of(by, membership.community))
    if membership.status == MembershipStatus.PENDING:
        membership.delete()


@transaction.atomic
def invite_member(*, community: Community, user: User, by: User) -> Membership:
    """Invite a person; they become a member when they accept."""
    from practica.notifications.services import notify_invitation

    from .selectors import membership_of

    check_manage(by, membership_of(by, community))
    if not user.is_active:
        raise ServiceError(_("That account is not active."), field="username")
    host = user.organisation is not None and user.organisation.is_host
    if not host and not community.admits_partners:
        raise ServiceError(
            _("This community does not admit members of partner organisations."),
            field="username",
        )
    membership, created = Membership.objects.get_or_create(
        community=community,
        user=user,
        defaults={"status": MembershipStatus.INVITED, "invited_by": by},
    )
    if membership.status == MembershipStatus.PENDING:
        membership.status = MembershipStatus.ACTIVE
        membership.save(update_fields=["status"])
        _refresh_member_count(community, member=user)
    elif created:
        transaction.on_commit(lambda: notify_invitation(membership=membership))
    return membership


@transaction.atomic
def set_role(*, membership: Membership, role: str, by: User) -> Membership:
    from .selectors import membership_of

    check_manage(by, membership_of(by, membership.community))
    if role not in Role.values:
        raise ServiceError(_("Choose member, facilitator or leader."), field="role")
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


def record_activity(*, community: Community, questions: int = 0) -> None:
    Community.objects.filter(pk=community.pk).update(
        last_activity_at=timezone.now(), question_count=F("question_count") + questions
    )
