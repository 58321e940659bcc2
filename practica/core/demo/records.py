"""The shapes the demo data is written in: plain frozen records, no database."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class TopicSpec:
    slug: str
    name: str
    parent: str = ""  # the broader topic's slug
    synonyms: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class CommunitySpec:
    slug: str
    name: str
    visibility: str  # "open" | "request" | "private"
    purpose: str  # the charter, in markdown
    sponsor: str
    topics: tuple[str, ...]
    admits_partners: bool = False


@dataclass(frozen=True)
class Person:
    username: str
    name: str
    job_role: str
    location: str
    time_zone: str
    bio: str
    ask_me_about: str
    expertise: tuple[str, ...]  # topic slugs
    # community slug -> role ("member", "facilitator" or "leader")
    communities: dict[str, str] = field(default_factory=dict)
    partner: bool = False  # a member of the partner organisation, not the host
    admin: bool = False


@dataclass(frozen=True)
class Comment:
    author: str
    hours: float  # after the entry it comments on
    body: str


@dataclass(frozen=True)
class Answer:
    author: str
    hours: float  # after the question was asked
    body: str
    up: str = ""  # usernames who voted it up, separated by spaces
    down: str = ""
    accepted: bool = False
    comments: tuple[Comment, ...] = ()


@dataclass(frozen=True)
class Question:
    key: str  # stable, unique across the demo: the external id is derived from it
    author: str
    asked: str  # "YYYY-MM-DD HH:MM", UTC
    title: str
    body: str
    topics: tuple[str, ...] = ()
    up: str = ""
    down: str = ""
    comments: tuple[Comment, ...] = ()
    answers: tuple[Answer, ...] = ()
