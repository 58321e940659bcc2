"""Q&A (M1, M3): ask, answer, accept. The HTML views and the API both call these."""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.communities.models import Community
from practica.communities.permissions import can_moderate, check_post_in
from practica.communities.selectors import membership_of
from practica.communities.services import record_activity
from practica.content import services as content
from practica.content.models import Entry, Kind
from practica.core.errors import NotAllowed, ServiceError
from practica.notifications import services as notifications
from practica.taxonomy.models import Topic


@transaction.atomic
def ask_question(
    *, community: Community, by: User, title: str, body: str, topics: Iterable[Topic] = ()
) -> Entry:
    check_post_in(by, community, membership_of(by, community))
    title = content.check_title(title)
    body = content.check_body(body)
    question = content.create_entry(
        kind=Kind.QUESTION, community=community, author=by, title=title, body=body, topics=topics
    )
    record_activity(community=community, questions=1)
    transaction.on_commit(lambda: notifications.notify_mentions(entry=question, actor=by))
    return question


@transaction.atomic
def post_answer(*, question: Entry, by: User, body: str) -> Entry:
    if question.kind != Kind.QUESTION:
        raise ServiceError(_("Only questions take answers."))
    check_post_in(by, question.community, membership_of(by, question.community))
    body = content.check_body(body)
    answer = content.create_entry(
        kind=Kind.ANSWER, community=question.community, author=by, body=body, parent=question
    )
    Entry.objects.filter(pk=question.pk).update(child_count=F("child_count") + 1)
    content.touch(answer)
    transaction.on_commit(lambda: notifications.notify_answer(answer=answer))
    return answer


def can_accept(viewer: User, answer: Entry) -> bool:
    question = answer.parent
    assert question is not None
    if not viewer.is_authenticated:
        return False
    return question.author_id == viewer.pk or can_moderate(
        viewer, membership_of(viewer, question.community)
    )


@transaction.atomic
def accept_answer(*, answer: Entry, by: User) -> Entry:
    """Accept ``answer`` for its question (asker or facilitator); accepting again un-accepts."""
    if answer.kind != Kind.ANSWER or answer.parent is None:
        raise ServiceError(_("Only an answer can be accepted."))
    question = answer.parent
    if not can_accept(by, answer):
        raise NotAllowed(_("Only the asker or a facilitator may accept an answer."))
    if question.accepted_child_id == answer.pk:
        question.accepted_child = None
    else:
        question.accepted_child = answer
        transaction.on_commit(lambda: notifications.notify_accepted(answer=answer, by=by))
    question.save(update_fields=["accepted_child"])
    return question
