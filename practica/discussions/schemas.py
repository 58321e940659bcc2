"""API shapes for Q&A: questions, answers and a question's whole thread."""

from typing import Any

from ninja import Field, Schema

from practica.content.schemas import CommentOut, EntryOut


class QuestionIn(Schema):
    community: str = Field(description="The community's slug.")
    title: str
    body: str = Field(description="Markdown.")
    topics: list[str] = Field(default_factory=list, description="Topic slugs.")


class QuestionPatch(Schema):
    """Only what is given changes; ``summary`` says why, in the revision history."""

    title: str | None = None
    body: str | None = None
    topics: list[str] | None = Field(default=None, description="Topic slugs.")
    summary: str = ""


class AnswerIn(Schema):
    body: str = Field(description="Markdown.")


class AnswerPatch(Schema):
    body: str
    summary: str = ""


class MoveIn(Schema):
    community: str = Field(description="The slug of the community to move the question to.")


class DuplicateIn(Schema):
    original: int = Field(description="The id of the original question.")


class OriginalOut(Schema):
    """The question a duplicate points to."""

    id: int
    url: str = Field(description="The path of its page, relative to the site.")

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return str(obj.get_absolute_url())


class QuestionOut(EntryOut):
    title: str
    answer_count: int
    accepted_answer_id: int | None
    is_duplicate: bool = Field(description="Closed as a duplicate of another question.")
    duplicate_of: OriginalOut | None = Field(
        description="The original, when the caller may see it; null otherwise."
    )

    @staticmethod
    def resolve_is_duplicate(obj: Any) -> bool:
        return obj.duplicate_of_id is not None

    @staticmethod
    def resolve_duplicate_of(obj: Any) -> Any:
        # Set by the endpoint (discussions.api.with_originals): one query for a whole list.
        return getattr(obj, "visible_original", None)

    @staticmethod
    def resolve_answer_count(obj: Any) -> int:
        return int(obj.child_count)

    @staticmethod
    def resolve_accepted_answer_id(obj: Any) -> int | None:
        return obj.accepted_child_id


class AnswerOut(EntryOut):
    question_id: int
    is_accepted: bool

    @staticmethod
    def resolve_question_id(obj: Any) -> int:
        return int(obj.parent_id)

    @staticmethod
    def resolve_is_accepted(obj: Any) -> bool:
        return bool(obj.parent.accepted_child_id == obj.pk)


class AnswerInThreadOut(AnswerOut):
    comments: list[CommentOut]

    @staticmethod
    def resolve_comments(obj: Any) -> list[Any]:
        return list(getattr(obj, "thread_comments", []))


class QuestionThreadOut(QuestionOut):
    """A question with its comments and its answers (each with its comments)."""

    comments: list[CommentOut]
    answers: list[AnswerInThreadOut]

    @staticmethod
    def resolve_comments(obj: Any) -> list[Any]:
        return list(getattr(obj, "thread_comments", []))

    @staticmethod
    def resolve_answers(obj: Any) -> list[Any]:
        return list(getattr(obj, "thread_answers", []))
