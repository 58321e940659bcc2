"""Tell members what happened: an inbox row, and an e-mail sent by a background task.

Every notification goes through the visibility rule: nobody is told about what they may
not see. Call these inside ``transaction.on_commit``.
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from practica.accounts.models import User
from practica.communities.models import Community, Membership, MembershipStatus, Role
from practica.communities.visibility import community_q
from practica.content.models import Comment, Entry, Follow
from practica.core.markdown import mentioned_usernames

from .models import Notification, Verb
from .tasks import send_notification_email


def _may_see(user: User, community: Community) -> bool:
    return Community.objects.filter(community_q(user), pk=community.pk).exists()


def notify(
    *,
    recipient: User,
    verb: str,
    actor: User | None,
    entry: Entry | None = None,
    community: Community | None = None,
) -> Notification | None:
    if actor is not None and recipient.pk == actor.pk:
        return None
    if not recipient.is_active or recipient.is_placeholder:
        return None
    where = community or (entry.community if entry else None)
    if where is not None and not _may_see(recipient, where):
        return None
    notification = Notification.objects.create(
        recipient=recipient, verb=verb, actor=actor, entry=entry, community=community
    )
    User.objects.filter(pk=recipient.pk).update(unread_notifications=F("unread_notifications") + 1)
    if recipient.email_notifications and recipient.email:
        transaction.on_commit(lambda: send_notification_email.enqueue(notification.pk))
    return notification


def notify_mentions(*, entry: Entry, actor: User, text: str | None = None) -> None:
    names = mentioned_usernames(entry.body if text is None else text)
    if not names:
        return
    for user in User.objects.filter(username__in=names, is_active=True):
        notify(recipient=user, verb=Verb.MENTIONED, actor=actor, entry=entry)


def notify_answer(*, answer: Entry) -> None:
    question = answer.parent
    assert question is not None
    told = {answer.author_id}
    if question.author_id not in told:
        notify(recipient=question.author, verb=Verb.ANSWERED, actor=answer.author, entry=answer)
        told.add(question.author_id)
    followers = Follow.objects.filter(entry=question).exclude(user_id__in=told)
    for follow in followers.select_related("user", "user__organisation")[:500]:
        notify(recipient=follow.user, verb=Verb.ANSWERED, actor=answer.author, entry=answer)
    notify_mentions(entry=answer, actor=answer.author)


def notify_comment(*, comment: Comment) -> None:
    entry = comment.entry
    if entry.author_id != comment.author_id:
        notify(recipient=entry.author, verb=Verb.COMMENTED, actor=comment.author, entry=entry)
    notify_mentions(entry=entry, actor=comment.author, text=comment.body)


def notify_accepted(*, answer: Entry, by: User) -> None:
    notify(recipient=answer.author, verb=Verb.ACCEPTED, actor=by, entry=answer)


def notify_join_request(*, membership: Membership) -> None:
    leaders = Membership.objects.filter(
        community=membership.community, role=Role.LEADER, status=MembershipStatus.ACTIVE
    ).select_related("user", "user__organisation")
    for leader in leaders:
        notify(
            recipient=leader.user,
            verb=Verb.JOIN_REQUEST,
            actor=membership.user,
            community=membership.community,
        )


def notify_invitation(*, membership: Membership) -> None:
    # An invitee may not see a private community yet; the invitation itself is what lets them.
    Notification.objects.create(
        recipient=membership.user,
        verb=Verb.INVITED,
        actor=membership.invited_by,
        community=membership.community,
    )
    User.objects.filter(pk=membership.user_id).update(
        unread_notifications=F("unread_notifications") + 1
    )


def mark_read(*, user: User, notification_ids: list[int] | None = None) -> None:
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=notification_ids)
    unread.update(read_at=timezone.now())
    count = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
    User.objects.filter(pk=user.pk).update(unread_notifications=count)
