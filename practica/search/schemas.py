"""API shapes for search and similar entries."""

import datetime as dt

from ninja import Field, Schema


class HitOut(Schema):
    id: int = Field(description="The object's id (an entry, comment, member, community or topic).")
    kind: str = Field(description="question, answer, comment, member, community or topic.")
    title: str
    snippet: str = Field(description="HTML: escaped text, matched words in <b>.")
    url: str
    score: float
    community: str | None = Field(None, description="The community's name, if it has one.")
    is_answered: bool
    duplicate_of: int | None = None
    created: dt.datetime
    votes: int


class FacetOut(Schema):
    value: str
    label: str
    count: int


class SearchOut(Schema):
    items: list[HitOut]
    next: str | None
    total: int
    did_you_mean: str | None = None
    relaxed: bool = Field(False, description="No hit had every word: these have some.")
    facets: dict[str, list[FacetOut]]
