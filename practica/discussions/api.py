"""Q&A: questions, answers and accepting one."""

from collections.abc import Iterable
from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status

from practica.accounts.models import User
from practica.communities.selectors import get_community_for, membership_of
from practica.content.api import with_my_votes
from practica.content.models import Comment, Entry, Kind
from practica.content.services import delete_entry, edit_entry, move_entry
from practica.content.visibility import get_entry_for, visible_entries
from practica.core.api import POSTING, ErrorOut, ListOut, bad_request, member
from practica.core.errors import ServiceError
from practica.core.pagination import paginate
from practica.taxonomy.api import topics_named
from practica.taxonomy.models import Topic

from . import selectors, services
from .permissions import check_close_as_duplicate, check_reopen
from .schemas import (
    AnswerIn,
    AnswerOut,
    AnswerPatch,
    DuplicateIn,
    MoveIn,
    QuestionIn,
    QuestionOut,
    QuestionPatch,
    QuestionThreadOut,
)

router = Router(tags=["questions"])


def _question(viewer: User, question_id: int) -> Entry:
    return get_entry_for(viewer, question_id, kind=Kind.QUESTION)


def _answers(question: Entry) -> list[Entry]:
    answers = list(selectors.answers_to(question).prefetch_related("topics"))
    _in_thread(question, answers)
    return answers


def with_originals(viewer: User, questions: Iterable[Entry]) -> None:
    """Give each duplicate the original the caller may see (``duplicate_of``), in one query."""
    questions = list(questions)
    originals = selectors.visible_originals(viewer, questions)
    for question in questions:
        original_id = question.duplicate_of_id
        question.visible_original = originals.get(original_id) if original_id else None  # type: ignore[attr-defined]


def _in_thread(question: Entry, answers: list[Entry]) -> None:
    """Answers share their question's community; give them both to save a query apiece."""
    for answer in answers:
        answer.parent = question
        answer.community = question.community


@router.get(
    "/questions",
    response={200: ListOut[QuestionOut], 400: ErrorOut, 404: ErrorOut},
    summary="Questions the caller may see",
)
def question_list(
    request: HttpRequest,
    community: str = "",
    sort: str = "newest",
    topic: str = "",
    limit: int | None = None,
    cursor: str | None = None,
) -> Any:
    """`?community=` a community's slug; `?sort=` newest, active, unanswered or top;
    `?topic=` a topic's slug."""
    viewer = member(request)
    if sort not in selectors.SORTS:
        raise bad_request(
            _("Unknown sort %(sort)s: use newest, active, unanswered or top.") % {"sort": sort}
        )
    if topic and not Topic.objects.filter(slug=topic).exists():
        raise bad_request(_("There is no topic %(topic)s.") % {"topic": topic})
    community_id = get_community_for(viewer, community).pk if community else None
    page = selectors.question_list(
        viewer, community_id=community_id, topic=topic, sort=sort, cursor=cursor, limit=limit
    )
    with_my_votes(viewer, page.items)
    with_originals(viewer, page.items)
    return page


@router.post(
    "/questions",
    response={201: QuestionOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    throttle=POSTING,
    summary="Ask a question",
)
def ask_question(request: HttpRequest, payload: QuestionIn) -> Any:
    viewer = member(request)
    community = get_community_for(viewer, payload.community)
    question = services.ask_question(
        community=community,
        by=viewer,
        title=payload.title,
        body=payload.body,
        topics=topics_named(payload.topics),
    )
    return Status(201, question)


@router.get(
    "/questions/{question_id}",
    response={200: QuestionThreadOut, 404: ErrorOut},
    summary="A question with its answers and comments",
)
def question_detail(request: HttpRequest, question_id: int) -> Any:
    viewer = member(request)
    question = _question(viewer, question_id)
    answers = _answers(question)
    by_entry: dict[int, list[Comment]] = {}
    comments = (
        Comment.objects.filter(entry__in=[question, *answers], is_deleted=False)
        .select_related("author")
        .order_by("created_at", "id")
    )
    for comment in comments:
        by_entry.setdefault(comment.entry_id, []).append(comment)
    for entry in [question, *answers]:
        entry.thread_comments = by_entry.get(entry.pk, [])  # type: ignore[attr-defined]
    question.thread_answers = answers  # type: ignore[attr-defined]
    with_my_votes(viewer, [question, *answers])
    with_originals(viewer, [question])
    return question


@router.patch(
    "/questions/{question_id}",
    response={200: QuestionOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    throttle=POSTING,
    summary="Edit a question (a new revision)",
)
def edit_question(request: HttpRequest, question_id: int, payload: QuestionPatch) -> Any:
    """Send only what changes: `title`, `body`, `topics`; `summary` says why."""
    viewer = member(request)
    question = _question(viewer, question_id)
    question = edit_entry(
        entry=question,
        by=viewer,
        body=question.body if payload.body is None else payload.body,
        title=payload.title,
        topics=None if payload.topics is None else topics_named(payload.topics),
        summary=payload.summary,
    )
    question.refresh_from_db(fields=["last_activity_at"])
    with_my_votes(viewer, [question])
    with_originals(viewer, [question])
    return question


@router.delete(
    "/questions/{question_id}",
    response={204: None, 403: ErrorOut, 404: ErrorOut},
    summary="Delete a question (its answers go with it)",
)
def delete_question(request: HttpRequest, question_id: int) -> Any:
    """The author or a facilitator may. Its page and everything on it then answer 404."""
    viewer = member(request)
    delete_entry(entry=_question(viewer, question_id), by=viewer)
    return Status(204, None)


@router.post(
    "/questions/{question_id}/move",
    response={200: QuestionOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Move a question and its answers to another community",
)
def move_question(request: HttpRequest, question_id: int, payload: MoveIn) -> Any:
    """Only someone who facilitates or leads both communities may. The question's `url`
    does not change."""
    viewer = member(request)
    question = _question(viewer, question_id)
    question = move_entry(
        entry=question, to=get_community_for(viewer, payload.community), by=viewer
    )
    question.refresh_from_db(fields=["last_activity_at"])
    with_my_votes(viewer, [question])
    with_originals(viewer, [question])
    return question


@router.post(
    "/questions/{question_id}/duplicate",
    response={200: QuestionOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Close a question as a duplicate of another",
)
def close_as_duplicate(request: HttpRequest, question_id: int, payload: DuplicateIn) -> Any:
    """Facilitators and leaders of the question's community (and site administrators) may.
    `original` is the id of a question the caller may see, in any community; if it is
    itself a duplicate, the question points to its original. 403 for anyone else; 422
    (field `original`) for the question itself, one the caller cannot see, or a loop."""
    viewer = member(request)
    question = _question(viewer, question_id)
    check_close_as_duplicate(viewer, membership_of(viewer, question.community))
    original = visible_entries(viewer).filter(pk=payload.original, kind=Kind.QUESTION).first()
    if original is None:
        raise ServiceError(
            _("There is no question %(id)s that you can see.") % {"id": payload.original},
            field="original",
        )
    question = services.close_as_duplicate(question=question, original=original, by=viewer)
    with_my_votes(viewer, [question])
    with_originals(viewer, [question])
    return question


@router.delete(
    "/questions/{question_id}/duplicate",
    response={200: QuestionOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Reopen a question closed as a duplicate",
)
def reopen_question(request: HttpRequest, question_id: int) -> Any:
    """Who may close it may reopen it. 422 when it is not closed as a duplicate."""
    viewer = member(request)
    question = _question(viewer, question_id)
    check_reopen(viewer, membership_of(viewer, question.community))
    question = services.reopen(question=question, by=viewer)
    with_my_votes(viewer, [question])
    with_originals(viewer, [question])
    return question


@router.get(
    "/questions/{question_id}/answers",
    response={200: ListOut[AnswerOut], 404: ErrorOut},
    summary="A question's answers, best first",
)
def answer_list(
    request: HttpRequest, question_id: int, limit: int | None = None, cursor: str | None = None
) -> Any:
    viewer = member(request)
    question = _question(viewer, question_id)
    answers = selectors.answers_to(question).prefetch_related("topics")
    page = paginate(answers, order=["-score", "created_at", "id"], cursor=cursor, limit=limit)
    _in_thread(question, page.items)
    with_my_votes(viewer, page.items)
    return page


@router.post(
    "/questions/{question_id}/answers",
    response={201: AnswerOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    throttle=POSTING,
    summary="Answer a question",
)
def post_answer(request: HttpRequest, question_id: int, payload: AnswerIn) -> Any:
    viewer = member(request)
    question = _question(viewer, question_id)
    return Status(201, services.post_answer(question=question, by=viewer, body=payload.body))


@router.patch(
    "/answers/{answer_id}",
    response={200: AnswerOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    throttle=POSTING,
    summary="Edit an answer (a new revision)",
)
def edit_answer(request: HttpRequest, answer_id: int, payload: AnswerPatch) -> Any:
    viewer = member(request)
    answer = get_entry_for(viewer, answer_id, kind=Kind.ANSWER)
    answer = edit_entry(entry=answer, by=viewer, body=payload.body, summary=payload.summary)
    with_my_votes(viewer, [answer])
    return answer


@router.delete(
    "/answers/{answer_id}",
    response={204: None, 403: ErrorOut, 404: ErrorOut},
    summary="Delete an answer",
)
def delete_answer(request: HttpRequest, answer_id: int) -> Any:
    """The author or a facilitator may."""
    viewer = member(request)
    answer = get_entry_for(viewer, answer_id, kind=Kind.ANSWER)
    if answer.parent is None or answer.parent.is_deleted:
        # Its question is gone, and its page with it: nothing left to show or delete.
        raise Http404
    delete_entry(entry=answer, by=viewer)
    return Status(204, None)


@router.post(
    "/answers/{answer_id}/accept",
    response={200: QuestionOut, 403: ErrorOut, 404: ErrorOut},
    summary="Accept an answer (or, if it is accepted, un-accept it)",
)
def accept_answer(request: HttpRequest, answer_id: int) -> Any:
    """The asker or a facilitator may. The answer is the question with `accepted_answer_id`."""
    viewer = member(request)
    answer = get_entry_for(viewer, answer_id, kind=Kind.ANSWER)
    question = services.accept_answer(answer=answer, by=viewer)
    with_my_votes(viewer, [question])
    with_originals(viewer, [question])
    return question
