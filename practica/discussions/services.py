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
from practica.content.models import Entry, Follow, Kind, Revision
from practica.content.visibility import visible_entries
from practica.core.errors import NotAllowed, ServiceError
from practica.notifications import services as notifications
from practica.notifications.models import Verb
from practica.search import indexing
from practica.taxonomy.models import Topic

from .permissions import check_close_as_duplicate, check_reopen

# How far close_as_duplicate follows "a duplicate of a duplicate of …" to the original.
MAX_DUPLICATE_CHAIN = 20


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
    if question.duplicate_of_id:
        raise ServiceError(
            _("This question was closed as a duplicate: answer the original instead."),
            field="body",
        )
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
    _reindex([f"entry:{question.pk}"])
    return question


# --- Duplicates ----------------------------------------------------------------------------


def _original_for(*, question: Entry, original: Entry, by: User) -> Entry:
    """The question ``question`` should point to: ``original``, or the question that
    ``original`` is itself a duplicate of (followed as far as ``by`` may see), so chains
    stay short and never loop."""
    if original.pk == question.pk:
        raise ServiceError(_("A question cannot be a duplicate of itself."), field="original")
    questions = visible_entries(by).filter(kind=Kind.QUESTION).select_related("community")
    found = questions.filter(pk=original.pk).first()
    if found is None:
        raise ServiceError(
            _("There is no question at that address that you can see."), field="original"
        )
    seen = {question.pk}
    for _hop in range(MAX_DUPLICATE_CHAIN):
        if found.pk in seen:
            raise ServiceError(
                _("That question is already closed as a duplicate of this one."),
                field="original",
            )
        seen.add(found.pk)
        if found.duplicate_of_id is None:
            break
        further = questions.filter(pk=found.duplicate_of_id).first()
        if further is None:
            break
        found = further
    return found


def _record(*, question: Entry, by: User, summary: str) -> None:
    """A line in the question's revision history: who closed or reopened it, and when."""
    Entry.objects.filter(pk=question.pk).update(revision_count=F("revision_count") + 1)
    question.refresh_from_db(fields=["revision_count"])
    Revision.objects.create(
        entry=question,
        number=question.revision_count,
        author=by,
        title=question.title,
        body=question.body,
        topics="\n".join(sorted(t.slug for t in question.topics.all())),
        summary=summary[:250],
    )


def _notify_closed(*, question: Entry, by: User) -> None:
    """Tell the asker and the question's followers (notify skips whoever may not see it)."""
    notifications.notify(recipient=question.author, verb=Verb.DUPLICATE, actor=by, entry=question)
    followers = (
        Follow.objects.filter(entry=question)
        .exclude(user_id__in=[question.author_id, by.pk])
        .select_related("user", "user__organisation")
    )
    for follow in followers[:500]:
        notifications.notify(recipient=follow.user, verb=Verb.DUPLICATE, actor=by, entry=question)


def _reindex(keys: list[str]) -> None:
    """Re-index these entries after the transaction commits (schedule waits for it)."""
    indexing.schedule(keys)


@transaction.atomic
def close_as_duplicate(*, question: Entry, original: Entry, by: User) -> Entry:
    """Close ``question`` as a duplicate of ``original`` (a facilitator or leader of the
    question's community, or a site administrator). The original may be in any community
    ``by`` may see; if it is itself a duplicate, the question points to its original.
    Closing again with the same original changes nothing."""
    if question.kind != Kind.QUESTION or question.is_deleted:
        raise ServiceError(_("Only a question can be closed as a duplicate."))
    check_close_as_duplicate(by, membership_of(by, question.community))
    original = _original_for(question=question, original=original, by=by)
    if question.duplicate_of_id == original.pk:
        question.duplicate_of = original
        return question
    Entry.objects.filter(pk=question.pk).update(duplicate_of=original)
    question.duplicate_of = original
    # The id only: the original may be in a community some readers of this one cannot see.
    _record(
        question=question,
        by=by,
        summary=_("Closed as a duplicate of question %(id)s.") % {"id": original.pk},
    )
    transaction.on_commit(lambda: _notify_closed(question=question, by=by))
    _reindex([f"entry:{question.pk}", f"entry:{original.pk}"])
    return question


@transaction.atomic
def reopen(*, question: Entry, by: User) -> Entry:
    """Undo close_as_duplicate: the question stands on its own again."""
    if question.kind != Kind.QUESTION or question.is_deleted:
        raise ServiceError(_("Only a question can be reopened."))
    check_reopen(by, membership_of(by, question.community))
    if question.duplicate_of_id is None:
        raise ServiceError(_("This question is not closed as a duplicate."))
    keys = [f"entry:{question.pk}", f"entry:{question.duplicate_of_id}"]
    Entry.objects.filter(pk=question.pk).update(duplicate_of=None)
    question.duplicate_of = None
    _record(question=question, by=by, summary=_("Reopened: not a duplicate."))
    _reindex(keys)
    return question
