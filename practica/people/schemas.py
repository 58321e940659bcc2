"""API shapes for finding people."""

from ninja import Field, Schema


class EvidenceOut(Schema):
    accepted: int = Field(description="Accepted answers on the subject.")
    votes: int = Field(description="Up-votes on their answers on the subject.")
    answers: int = Field(description="Answers on the subject (the accepted ones included).")
    questions: int = Field(description="Questions on the subject.")
    declared: list[str] = Field(description="Topics of the subject they list as expertise.")


class ExpertOut(Schema):
    id: int
    username: str
    name: str
    url: str = Field(description="The member's profile page.")
    imported: bool = Field(description="An imported placeholder, not yet claimed by the person.")
    score: int = Field(description="Higher is stronger evidence; only for ordering.")
    reasons: list[str] = Field(description="Why they are suggested, as sentences.")
    evidence: EvidenceOut


class ExpertListOut(Schema):
    items: list[ExpertOut]
    next: str | None = Field(description="Always null: the list is the top of a ranking.")
