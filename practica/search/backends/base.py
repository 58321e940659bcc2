"""The one interface both search backends implement."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from ..documents import SearchDoc
from ..query import ParsedQuery
from ..scope import Scope

Sort = Literal["relevance", "newest", "votes"]
Match = Literal["all", "any"]
FACETS = ("type", "community", "topics", "author", "answered")


@dataclass
class Filters:
    types: list[str] = field(default_factory=list)
    community_ids: list[int] = field(default_factory=list)
    topic_ids: list[int] = field(default_factory=list)
    author_ids: list[int] = field(default_factory=list)
    created_from: int | None = None  # seconds since the epoch, inclusive
    created_to: int | None = None  # exclusive
    answered: bool | None = None
    keys: list[str] | None = None  # only these documents (to fetch fused meaning hits)


@dataclass
class BackendQuery:
    """``parsed`` may be empty only together with ``filters.keys`` or ``similar_text``."""

    parsed: ParsedQuery
    scope: Scope
    filters: Filters = field(default_factory=Filters)
    match: Match = "all"
    sort: Sort = "relevance"
    offset: int = 0
    limit: int = 20
    facets: bool = False
    snippets: bool = True
    similar_text: str = ""  # rank by likeness to a long text instead of a parsed query


@dataclass
class BackendHit:
    key: str
    type: str
    title: str
    label: str
    snippet: str  # safe HTML: escaped text with <b> around the matched words
    url: str
    score: float
    community_id: int
    author_id: int
    created: int
    votes: int
    answered: bool
    thread_id: int
    duplicate_of: int


@dataclass
class BackendResult:
    hits: list[BackendHit]
    total: int
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


class SearchBackend(Protocol):
    name: str

    def write(self, docs: Sequence[SearchDoc], deletes: Sequence[str]) -> None:
        """Replace these documents and delete these keys, atomically."""

    def rebuild(self, batches: Iterable[Sequence[SearchDoc]]) -> int:
        """Replace the whole index with these documents; the old one serves until the end."""

    def search(self, query: BackendQuery) -> BackendResult: ...

    def vocabulary(self, prefix: str, scope: Scope, limit: int) -> list[tuple[str, int]]:
        """Indexed title words starting with ``prefix`` and how many visible documents hold
        them (for "did you mean")."""

    def count(self) -> int: ...

    def clear(self) -> None: ...
