"""Load the demo data, idempotently, without e-mailing anyone.

Every demo row is found again by a natural key before it is created: organisations by slug,
members by username, topics and communities by slug, entries and comments by
``source="demo"`` and an external id derived from the data, votes by (entry, member). What
exists is left alone, so a second run creates nothing, and content people have added since
is never touched. A question is loaded with its answers, comments and votes in one
transaction, so an interrupted run can simply be run again.

Content is written with ``content.services.create_entry`` (revisions, follows, rendered
markdown, historical dates) and the denormalised counters are kept by hand, exactly as the
Q&A services keep them, but without their notifications: a demo must not send e-mail.
"""

import inspect
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import F, Q
from django.utils.text import slugify

from practica.accounts.models import Organisation, User
from practica.accounts.services import host_organisation
from practica.communities.models import Community, Membership, MembershipStatus
from practica.communities.permissions import can_post_in
from practica.content.models import Comment, Entry, Kind, Vote
from practica.content.services import create_entry
from practica.core.markdown import render_markdown
from practica.notifications.models import Notification, Verb
from practica.taxonomy.models import Topic

from . import change, data, people, projects, pumps
from .records import Answer, CommunitySpec, Person, Question
from .records import Comment as CommentSpec

SOURCE = "demo"
PASSWORD = "practica-demo"
# The name settings.HOST_ORGANISATION_NAME falls back to: a host still called this was never
# named by anyone, so the demo may name it.
UNNAMED_HOST = "Host organisation"
# When the demo community and its members "started": before the first question.
FOUNDED = datetime(2026, 1, 12, 9, 0, tzinfo=UTC)

QUESTIONS: dict[str, tuple[Question, ...]] = {
    people.PUMPS: pumps.QUESTIONS,
    people.PROJECTS: projects.QUESTIONS,
    people.CHANGE: change.QUESTIONS,
    people.DATA: data.QUESTIONS,
}

# What loading reports on, in order.
KINDS = (
    "organisations",
    "topics",
    "members",
    "communities",
    "memberships",
    "questions",
    "answers",
    "comments",
    "votes",
    "notifications",
)


class DemoDataError(Exception):
    """The demo data contradicts itself (say, a vote by someone who may not vote there)."""


@dataclass
class Summary:
    """How many rows of each kind were created, and how many were already there."""

    created: Counter[str] = field(default_factory=Counter)
    present: Counter[str] = field(default_factory=Counter)

    def count(self, kind: str, *, created: bool, n: int = 1) -> None:
        (self.created if created else self.present)[kind] += n

    def since(self, before: "Summary") -> "Summary":
        return Summary(self.created - before.created, self.present - before.present)

    def copy(self) -> "Summary":
        return Summary(Counter(self.created), Counter(self.present))


@dataclass(frozen=True)
class Step:
    """One step of loading: what it was about (a kind, or a community's name) and its counts."""

    label: str
    counts: Summary


def load_demo(
    *, host_name: str = people.HOST_NAME, progress: Callable[[Step], None] | None = None
) -> Summary:
    """Load (or complete) the demo data and answer what was created and what was present."""
    summary = Summary()
    before = summary.copy()

    def step(label: str) -> None:
        nonlocal before
        if progress is not None:
            progress(Step(label, summary.since(before)))
        before = summary.copy()

    host, partner = load_organisations(host_name=host_name, summary=summary)
    step("organisations")
    topics = _topics(summary=summary)
    step("topics")
    users = _members(host=host, partner=partner, topics=topics, summary=summary)
    step("members")
    communities = _communities(topics=topics, summary=summary)
    step("communities")
    _memberships(users=users, communities=communities, summary=summary)
    step("memberships")
    existing = _Existing()
    for slug, questions in QUESTIONS.items():
        community = communities[slug]
        thread = _Thread(community=community, users=users, existing=existing)
        _questions(thread=thread, questions=questions, topics=topics, summary=summary)
        step(community.name)
    _inbox(user=users["bob"], summary=summary)
    step("notifications")
    return summary


# Organisations ------------------------------------------------------------------------------


def load_organisations(*, host_name: str, summary: Summary) -> tuple[Organisation, Organisation]:
    """The host (named ``host_name`` unless someone has named it) and the partner."""
    existed = Organisation.objects.filter(is_host=True).exists()
    host = host_organisation()  # named by settings.HOST_ORGANISATION_NAME if it is new
    named = False
    if host.name == UNNAMED_HOST and host_name and host_name != host.name:
        taken = Organisation.objects.filter(Q(name=host_name) | Q(slug=slugify(host_name)[:80]))
        if not taken.exclude(pk=host.pk).exists():
            host.name = host_name
            host.slug = slugify(host_name)[:80] or host.slug
            named = True
    given_domain = (named or not existed) and not host.email_domains.strip()
    if given_domain:
        host.email_domains = host_domain(host)
    if named or given_domain:
        host.save()
    summary.count("organisations", created=named or not existed)

    partner = Organisation.objects.filter(
        Q(slug=people.PARTNER_SLUG) | Q(name=people.PARTNER_NAME)
    ).first()
    summary.count("organisations", created=partner is None)
    if partner is None:
        partner = Organisation.objects.create(
            name=people.PARTNER_NAME,
            slug=people.PARTNER_SLUG,
            email_domains=people.PARTNER_DOMAIN,
        )
    return host, partner


def host_domain(host: Organisation) -> str:
    """The made-up e-mail domain of the host's demo members: acme.example for Acme….

    Always a reserved .example domain, never the organisation's real one, so that nothing
    written to a demo member can reach a real mailbox.
    """
    return f"{(host.slug or 'host').split('-')[0]}.example"


# Topics -------------------------------------------------------------------------------------


def _topics(*, summary: Summary) -> dict[str, Topic]:
    topics: dict[str, Topic] = {}
    for spec in people.TOPICS:
        topic = Topic.objects.filter(Q(slug=spec.slug) | Q(name__iexact=spec.name)).first()
        summary.count("topics", created=topic is None)
        if topic is None:
            topic = Topic.objects.create(
                slug=spec.slug,
                name=spec.name,
                parent=topics[spec.parent] if spec.parent else None,
                description=spec.description,
                synonyms="\n".join(spec.synonyms),
            )
        topics[spec.slug] = topic
    return topics


# Members ------------------------------------------------------------------------------------


def _members(
    *, host: Organisation, partner: Organisation, topics: dict[str, Topic], summary: Summary
) -> dict[str, User]:
    existing = {
        u.username: u
        for u in User.objects.select_related("organisation").filter(
            username__in=[p.username for p in people.PEOPLE]
        )
    }
    password = make_password(PASSWORD)  # one hash for all: argon2 is slow on purpose
    users: dict[str, User] = {}
    for number, person in enumerate(people.PEOPLE):
        user = existing.get(person.username)
        summary.count("members", created=user is None)
        if user is None:
            organisation = partner if person.partner else host
            domain = people.PARTNER_DOMAIN if person.partner else host_domain(host)
            user = _create_member(
                person=person,
                organisation=organisation,
                email=f"{person.username}@{domain}",
                password=password,
                joined=FOUNDED + timedelta(hours=7 * number),
                topics=topics,
            )
        users[person.username] = user
    return users


@transaction.atomic
def _create_member(
    *,
    person: Person,
    organisation: Organisation,
    email: str,
    password: str,
    joined: datetime,
    topics: dict[str, Topic],
) -> User:
    first, _space, last = person.name.partition(" ")
    user = User.objects.create(
        username=person.username,
        email=email,
        password=password,
        name=person.name,
        first_name=first,
        last_name=last,
        organisation=organisation,
        job_role=person.job_role,
        location=person.location,
        time_zone=person.time_zone,
        bio=person.bio,
        ask_me_about=person.ask_me_about,
        is_superuser=person.admin,
        is_staff=person.admin,
        date_joined=joined,
    )
    user.expertise.set([topics[slug] for slug in person.expertise])
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


# Communities --------------------------------------------------------------------------------


def _communities(*, topics: dict[str, Topic], summary: Summary) -> dict[str, Community]:
    communities: dict[str, Community] = {}
    for spec in people.COMMUNITIES:
        community = Community.objects.filter(slug=spec.slug).first()
        summary.count("communities", created=community is None)
        communities[spec.slug] = community or _create_community(spec=spec, topics=topics)
    return communities


@transaction.atomic
def _create_community(*, spec: CommunitySpec, topics: dict[str, Topic]) -> Community:
    community = Community.objects.create(
        slug=spec.slug,
        name=spec.name,
        purpose=inspect.cleandoc(spec.purpose),
        sponsor=spec.sponsor,
        visibility=spec.visibility,
        admits_partners=spec.admits_partners,
    )
    community.topics.set([topics[slug] for slug in spec.topics])
    Community.objects.filter(pk=community.pk).update(created_at=FOUNDED)
    return community


def _memberships(
    *, users: dict[str, User], communities: dict[str, Community], summary: Summary
) -> None:
    wanted = [
        (communities[slug], users[person.username], role)
        for person in people.PEOPLE
        for slug, role in person.communities.items()
    ]
    existing = set(
        Membership.objects.filter(
            community__in=communities.values(), user__in=users.values()
        ).values_list("community_id", "user_id")
    )
    new = [
        Membership(community=community, user=user, role=role, status=MembershipStatus.ACTIVE)
        for community, user, role in wanted
        if (community.pk, user.pk) not in existing
    ]
    with transaction.atomic():
        created = Membership.objects.bulk_create(new)
        Membership.objects.filter(pk__in=[m.pk for m in created if m.pk]).update(
            created_at=FOUNDED + timedelta(days=1)
        )
        for community in communities.values():
            count = community.memberships.filter(status=MembershipStatus.ACTIVE).count()
            Community.objects.filter(pk=community.pk).update(member_count=count)
            community.member_count = count
    summary.created["memberships"] += len(new)
    summary.present["memberships"] += len(wanted) - len(new)


# Questions, answers, comments and votes -----------------------------------------------------


def parse_when(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=UTC)


def question_id(question: Question) -> str:
    return f"q:{question.key}"


def answer_id(question: Question, number: int) -> str:
    return f"q:{question.key}:a{number}"


class _Existing:
    """The demo entries and comments already loaded (wherever they have since been moved)."""

    def __init__(self) -> None:
        self.entries: dict[str, int] = dict(
            Entry.objects.filter(source=SOURCE).values_list("external_id", "pk")
        )
        self.comments: set[str] = set(
            Comment.objects.filter(source=SOURCE).values_list("external_id", flat=True)
        )


class _Thread:
    """What loading a community's questions needs: who may post, and what is already there."""

    def __init__(self, *, community: Community, users: dict[str, User], existing: _Existing):
        self.community = community
        self.users = users
        self.memberships = {m.user_id: m for m in Membership.objects.filter(community=community)}
        self.entries = existing.entries
        self.comments = existing.comments

    def poster(self, username: str, what: str) -> User:
        user = self.users.get(username)
        if user is None:
            raise DemoDataError(f"{what}: no demo member called {username!r}")
        if not can_post_in(user, self.community, self.memberships.get(user.pk)):
            raise DemoDataError(f"{what}: {username} may not post in {self.community.slug}")
        return user


def _questions(
    *,
    thread: _Thread,
    questions: Iterable[Question],
    topics: dict[str, Topic],
    summary: Summary,
) -> None:
    community = thread.community
    latest = community.last_activity_at
    for question in questions:
        with transaction.atomic():
            last = _question(question=question, thread=thread, topics=topics, summary=summary)
        latest = last if latest is None else max(latest, last)
    Community.objects.filter(pk=community.pk).filter(
        Q(last_activity_at__isnull=True) | Q(last_activity_at__lt=latest)
    ).update(last_activity_at=latest)


def _question(
    *, question: Question, thread: _Thread, topics: dict[str, Topic], summary: Summary
) -> datetime:
    """Load one question and everything on it; answers the time of its latest activity."""
    asked = parse_when(question.asked)
    where = question_id(question)
    author = thread.poster(question.author, where)
    pk = thread.entries.get(where)
    summary.count("questions", created=pk is None)
    if pk is None:
        entry = create_entry(
            kind=Kind.QUESTION,
            community=thread.community,
            author=author,
            title=question.title,
            body=inspect.cleandoc(question.body),
            topics=[topics[slug] for slug in question.topics],
            created_at=asked,
            source=SOURCE,
            external_id=where,
        )
        Community.objects.filter(pk=thread.community.pk).update(
            question_count=F("question_count") + 1
        )
        _votes(entry=entry, up=question.up, down=question.down, thread=thread, summary=summary)
    else:
        entry = Entry.objects.select_related("community").get(pk=pk)
        summary.count("votes", created=False, n=_ballots(question.up, question.down))
    times = [asked]
    times += _comments(
        entry=entry,
        specs=question.comments,
        since=asked,
        prefix=where,
        thread=thread,
        summary=summary,
    )
    for number, spec in enumerate(question.answers, start=1):
        times += _answer(
            question=entry,
            spec=spec,
            external_id=answer_id(question, number),
            asked=asked,
            thread=thread,
            summary=summary,
        )
    latest = max(times)
    Entry.objects.filter(pk=entry.pk, last_activity_at__lt=latest).update(last_activity_at=latest)
    return latest


def _answer(
    *,
    question: Entry,
    spec: Answer,
    external_id: str,
    asked: datetime,
    thread: _Thread,
    summary: Summary,
) -> list[datetime]:
    """Load one answer and its comments; answers the times of what happened on it."""
    answered = asked + timedelta(hours=spec.hours)
    author = thread.poster(spec.author, external_id)
    pk = thread.entries.get(external_id)
    summary.count("answers", created=pk is None)
    if pk is None:
        answer = create_entry(
            kind=Kind.ANSWER,
            community=question.community,
            author=author,
            parent=question,
            body=inspect.cleandoc(spec.body),
            created_at=answered,
            source=SOURCE,
            external_id=external_id,
        )
        Entry.objects.filter(pk=question.pk).update(child_count=F("child_count") + 1)
        _votes(entry=answer, up=spec.up, down=spec.down, thread=thread, summary=summary)
        if spec.accepted:
            # Only when the answer is new: a re-run never re-accepts what someone un-accepted.
            Entry.objects.filter(pk=question.pk, accepted_child__isnull=True).update(
                accepted_child=answer
            )
    else:
        answer = Entry.objects.get(pk=pk)
        summary.count("votes", created=False, n=_ballots(spec.up, spec.down))
    return [answered] + _comments(
        entry=answer,
        specs=spec.comments,
        since=answered,
        prefix=external_id,
        thread=thread,
        summary=summary,
    )


def _comments(
    *,
    entry: Entry,
    specs: Iterable[CommentSpec],
    since: datetime,
    prefix: str,
    thread: _Thread,
    summary: Summary,
) -> list[datetime]:
    times = []
    for number, spec in enumerate(specs, start=1):
        external_id = f"{prefix}:c{number}"
        when = since + timedelta(hours=spec.hours)
        times.append(when)
        author = thread.poster(spec.author, external_id)
        exists = external_id in thread.comments
        summary.count("comments", created=not exists)
        if exists:
            continue
        body = inspect.cleandoc(spec.body)
        Comment.objects.create(
            entry=entry,
            author=author,
            body=body,
            body_html=render_markdown(body),
            created_at=when,
            source=SOURCE,
            external_id=external_id,
        )
        Entry.objects.filter(pk=entry.pk).update(comment_count=F("comment_count") + 1)
    return times


def _ballots(up: str, down: str) -> int:
    return len(up.split()) + len(down.split())


def _votes(*, entry: Entry, up: str, down: str, thread: _Thread, summary: Summary) -> None:
    """The votes on a new entry. Voters may vote there, and never on their own posts."""
    ballots = [(name, 1) for name in up.split()] + [(name, -1) for name in down.split()]
    voters = [name for name, _value in ballots]
    if len(set(voters)) != len(voters):
        raise DemoDataError(f"{entry.external_id}: someone votes twice")
    votes = []
    for name, value in ballots:
        voter = thread.poster(name, f"{entry.external_id} vote")
        if voter.pk == entry.author_id:
            raise DemoDataError(f"{entry.external_id}: {name} votes on their own post")
        votes.append(Vote(entry=entry, user=voter, value=value, created_at=entry.created_at))
    if votes:
        # The entry was created a moment ago, so these are its only votes.
        Vote.objects.bulk_create(votes)
        Entry.objects.filter(pk=entry.pk).update(score=sum(value for _name, value in ballots))
    summary.count("votes", created=True, n=len(votes))


# Bob's inbox --------------------------------------------------------------------------------


def _inbox(*, user: User, summary: Summary) -> None:
    """A few notifications for bob, made from the demo's own events, the latest unread."""
    events = _pick(_events_for(user.username), 6)
    entries = {
        e.external_id: e
        for e in Entry.objects.filter(source=SOURCE, external_id__in=[e[3] for e in events])
    }
    actors = {u.username: u for u in User.objects.filter(username__in=[e[2] for e in events])}
    unread = 0
    with transaction.atomic():
        for number, (when, verb, actor_name, external_id) in enumerate(events):
            entry, actor = entries.get(external_id), actors.get(actor_name)
            if entry is None or actor is None:
                continue
            exists = Notification.objects.filter(
                recipient=user, verb=verb, actor=actor, entry=entry
            ).exists()
            summary.count("notifications", created=not exists)
            if exists:
                continue
            is_read = number < 2
            notification = Notification.objects.create(
                recipient=user,
                verb=verb,
                actor=actor,
                entry=entry,
                read_at=when + timedelta(hours=1) if is_read else None,
            )
            Notification.objects.filter(pk=notification.pk).update(created_at=when)
            unread += 0 if is_read else 1
        if unread:
            User.objects.filter(pk=user.pk).update(
                unread_notifications=F("unread_notifications") + unread
            )


def _events_for(username: str) -> list[tuple[datetime, str, str, str]]:
    """(when, verb, actor, entry external id) of what would have notified this member."""
    events: list[tuple[datetime, str, str, str]] = []
    mention = f"@{username}"

    def comments(specs: Iterable[CommentSpec], *, on: str, by: str, since: datetime) -> None:
        for comment in specs:
            when = since + timedelta(hours=comment.hours)
            if comment.author == username:
                continue
            if by == username:
                events.append((when, Verb.COMMENTED, comment.author, on))
            elif mention in comment.body:
                events.append((when, Verb.MENTIONED, comment.author, on))

    for questions in QUESTIONS.values():
        for question in questions:
            asked = parse_when(question.asked)
            comments(question.comments, on=question_id(question), by=question.author, since=asked)
            for number, answer in enumerate(question.answers, start=1):
                aid = answer_id(question, number)
                answered = asked + timedelta(hours=answer.hours)
                if question.author == username and answer.author != username:
                    events.append((answered, Verb.ANSWERED, answer.author, aid))
                elif mention in answer.body and answer.author != username:
                    events.append((answered, Verb.MENTIONED, answer.author, aid))
                if answer.accepted and answer.author == username != question.author:
                    accepted = answered + timedelta(days=1)
                    events.append((accepted, Verb.ACCEPTED, question.author, aid))
                comments(answer.comments, on=aid, by=answer.author, since=answered)
    return events


def _pick(
    events: list[tuple[datetime, str, str, str]], n: int
) -> list[tuple[datetime, str, str, str]]:
    """The latest event of each kind, then the latest others: an inbox with some variety."""
    chosen = {max(e for e in events if e[1] == verb) for verb in {e[1] for e in events}}
    for event in sorted(events, reverse=True):
        if len(chosen) >= n:
            break
        chosen.add(event)
    return sorted(chosen)
