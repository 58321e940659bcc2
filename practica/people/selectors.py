"""Finding people: who knows about a topic, a question or a few words (E2).

Members are ranked by what they did on the subject, strongest evidence first: answers
accepted, up-votes on their answers, answers and questions written, and, weakest, the
subject listed as their expertise. Each kind of evidence weighs more per item than the
next one (``WEIGHTS``), so one accepted answer outranks an up-vote, an up-vote an answer
written, and anything written a bare claim of expertise.

Everything goes through the visibility rule: only entries the viewer may see count as
evidence, and only active members the viewer may see are suggested. The cost is a fixed
number of queries however many members or entries there are: the evidence is counted
per author in one grouped query.
"""

import re
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from practica.accounts.models import User
from practica.accounts.selectors import visible_members
from practica.communities.models import Community, Membership, MembershipStatus
from practica.content.models import Entry, Kind
from practica.content.visibility import visible_entries
from practica.core.errors import ServiceError
from practica.core.types import Viewer
from practica.taxonomy.models import Topic
from practica.taxonomy.selectors import resolve_topics, search_topics

# Points per item of evidence. An accepted answer also counts as an answer written.
WEIGHTS = {"accepted": 12, "votes": 4, "answers": 3, "questions": 2, "declared": 1}
MAX_LIMIT = 50
# How many entries the search engine may name for a text; their authors are credited.
TEXT_MATCHES = 200
# Longer texts are cut before they are matched against topic names.
MAX_TEXT_WORDS = 40
MAX_TEXT_LENGTH = 200


@dataclass
class Subject:
    """What the viewer asked about, resolved: topics (with their narrower ones) and text."""

    topics: list[Topic]  # the topics named or found in the text, for display
    topic_ids: list[int]  # those and every narrower topic: the evidence counted
    topic_names: dict[int, str]  # names of every id in topic_ids, for the reasons
    text: str = ""
    entry_ids: list[int] = field(default_factory=list)  # entries the search engine matched
    label: str = ""  # "about Vibration analysis": ends each reason

    @property
    def is_empty(self) -> bool:
        return not self.topic_ids and not self.entry_ids


@dataclass
class Evidence:
    accepted: int = 0
    votes: int = 0
    answers: int = 0  # every answer, the accepted ones included
    questions: int = 0
    declared: list[str] = field(default_factory=list)  # names of the topics listed as expertise

    @property
    def score(self) -> int:
        return (
            WEIGHTS["accepted"] * self.accepted
            + WEIGHTS["votes"] * self.votes
            + WEIGHTS["answers"] * self.answers
            + WEIGHTS["questions"] * self.questions
            + (WEIGHTS["declared"] if self.declared else 0)
        )


@dataclass
class Expert:
    member: User
    score: int
    evidence: Evidence
    reasons: list[str]  # sentences, e.g. "3 accepted answers, 12 votes on answers about X"

    @property
    def imported(self) -> bool:
        """An imported placeholder: the person has not claimed the account yet."""
        return self.member.is_placeholder


# --- Resolving what was asked ---------------------------------------------------------------


def _topic_tree() -> tuple[dict[int | None, list[int]], dict[int, str]]:
    children: dict[int | None, list[int]] = {}
    names: dict[int, str] = {}
    for pk, parent_id, name in Topic.objects.values_list("pk", "parent_id", "name"):
        children.setdefault(parent_id, []).append(pk)
        names[pk] = name
    return children, names


def _with_narrower(topics: list[Topic]) -> tuple[list[int], dict[int, str]]:
    """Ids of the topics and every narrower topic under them, in one query."""
    if not topics:
        return [], {}
    children, names = _topic_tree()
    ids: list[int] = []
    stack = [t.pk for t in topics]
    while stack:
        current = stack.pop()
        if current in ids:
            continue
        ids.append(current)
        stack.extend(children.get(current, []))
    return ids, {pk: names[pk] for pk in ids if pk in names}


def topics_in_text(text: str) -> list[Topic]:
    """Topics a text names: by name, slug or synonym (also a phrase inside the text), or
    whose name or synonyms contain the text ("vibration" finds "Vibration analysis")."""
    text = " ".join(text.split())[:MAX_TEXT_LENGTH]
    words = re.findall(r"[\w-]+", text.lower())[:MAX_TEXT_WORDS]
    phrases = [text] + [
        " ".join(words[i : i + n]) for n in (3, 2, 1) for i in range(len(words) - n + 1)
    ]
    found, _unknown = resolve_topics(phrases)
    if len(text) >= 3:
        found += [t for t in search_topics(text).order_by("name") if t not in found]
    return found


def _text_matches(viewer: Viewer, text: str) -> list[int]:
    """Entries the search engine finds for the text, best first (visible to the viewer)."""
    # Imported here: search sits above the domain apps and indexes what they hold.
    from practica.search.engine import matching_entry_ids

    matches = matching_entry_ids(viewer=viewer, text=text, limit=TEXT_MATCHES)
    return [pk for pk, _relevance in matches]


def subject_for(*, viewer: Viewer, topic: str = "", text: str = "") -> Subject:
    """Resolve a topic slug and/or free text. Raises ServiceError when neither is given or
    the topic does not exist."""
    topic, text = topic.strip(), " ".join(text.split())[:MAX_TEXT_LENGTH]
    if not topic and not text:
        raise ServiceError(_("Choose a topic or describe what you need to know."), field="topic")
    topics: list[Topic] = []
    if topic:
        named = Topic.objects.filter(slug=topic).first()
        if named is None:
            raise ServiceError(_("There is no topic “%(slug)s”.") % {"slug": topic}, field="topic")
        topics.append(named)
    if text:
        topics += [t for t in topics_in_text(text) if t not in topics]
    ids, names = _with_narrower(topics)
    labels = [t.name for t in topics[:1]] if topic else []
    if text:
        labels.append(f"“{text}”")
    return Subject(
        topics=topics,
        topic_ids=ids,
        topic_names=names,
        text=text,
        entry_ids=_text_matches(viewer, text) if text else [],
        label=_("about %(subject)s") % {"subject": _(" or ").join(labels)},
    )


def subject_for_topics(topics: list[Topic]) -> Subject:
    """A subject made of given topics (a question's), without text."""
    ids, names = _with_narrower(topics)
    label = _("about %(subject)s") % {"subject": ", ".join(t.name for t in topics)}
    return Subject(topics=topics, topic_ids=ids, topic_names=names, label=label)


def subject_for_entries(entry_ids: list[int], *, label: str) -> Subject:
    return Subject(topics=[], topic_ids=[], topic_names={}, entry_ids=entry_ids, label=label)


# --- Ranking ------------------------------------------------------------------------------


def _evidence_entries(viewer: Viewer, subject: Subject) -> QuerySet[Entry]:
    """Questions and answers on the subject that the viewer may see. An answer is on it when
    it or its question is tagged with one of the topics, or was matched by the search."""
    on_subject = Entry.objects.filter(
        Q(topics__in=subject.topic_ids) | Q(pk__in=subject.entry_ids)
    ).values("pk")
    return (
        visible_entries(viewer)
        .filter(kind__in=[Kind.QUESTION, Kind.ANSWER])
        .filter(Q(pk__in=on_subject) | Q(parent__in=on_subject))
        .filter(Q(parent__isnull=True) | Q(parent__is_deleted=False))
    )


def experts_for(
    *,
    viewer: Viewer,
    subject: Subject,
    limit: int = 10,
    exclude: list[int] | None = None,
    among: Q | None = None,
) -> list[Expert]:
    """Members the viewer may see (and who match ``among``), best evidence first, at most
    ``limit`` (capped at 50)."""
    limit = max(1, min(limit, MAX_LIMIT))
    if subject.is_empty:
        return []
    candidates = visible_members(viewer).filter(is_active=True)
    if among is not None:
        candidates = candidates.filter(among)
    if exclude:
        candidates = candidates.exclude(pk__in=exclude)
    expertise = User.expertise.through.objects.filter(topic_id__in=subject.topic_ids)
    weight = (
        F("accepted") * WEIGHTS["accepted"]
        + F("upvotes") * WEIGHTS["votes"]
        + F("answers") * WEIGHTS["answers"]
        + F("questions") * WEIGHTS["questions"]
        + Case(
            When(Exists(expertise.filter(user_id=OuterRef("author_id"))), then=Value(1)),
            default=Value(0),
        )
        * WEIGHTS["declared"]
    )
    evidence_rows = list(
        _evidence_entries(viewer, subject)
        .filter(author__in=candidates)
        .values("author_id")
        .annotate(
            questions=Count("pk", filter=Q(kind=Kind.QUESTION)),
            answers=Count("pk", filter=Q(kind=Kind.ANSWER)),
            accepted=Count("pk", filter=Q(kind=Kind.ANSWER, parent__accepted_child=F("pk"))),
            upvotes=Coalesce(Sum("score", filter=Q(kind=Kind.ANSWER, score__gt=0)), 0),
        )
        .annotate(weight=weight)
        .order_by("-weight", "author_id")[:limit]
    )
    found: dict[int, Evidence] = {
        row["author_id"]: Evidence(
            accepted=row["accepted"],
            votes=row["upvotes"],
            answers=row["answers"],
            questions=row["questions"],
        )
        for row in evidence_rows
    }
    if subject.topic_ids:
        # Then those who only list the subject as expertise, by username. Asked even when
        # the list is full, so the page costs the same whatever the data.
        declared_only = list(
            candidates.filter(pk__in=expertise.values("user_id"))
            .exclude(pk__in=_evidence_entries(viewer, subject).values("author_id"))
            .order_by("username")
            .values_list("pk", flat=True)[:limit]
        )
        found.update({pk: Evidence() for pk in declared_only[: limit - len(found)]})
    if not found:
        return []
    for user_id, topic_id in expertise.filter(user_id__in=found).values_list("user_id", "topic_id"):
        found[user_id].declared.append(subject.topic_names[topic_id])
    members = User.objects.select_related("organisation").in_bulk(list(found))
    experts = [
        Expert(
            member=members[pk],
            score=evidence.score,
            evidence=evidence,
            reasons=reasons_for(evidence, subject),
        )
        for pk, evidence in found.items()
        if pk in members
    ]
    experts.sort(key=lambda e: (-e.score, e.member.display_name.lower(), e.member.username))
    return experts


def find_experts(
    *,
    viewer: Viewer,
    topic: str = "",
    text: str = "",
    limit: int = 10,
    exclude: list[int] | None = None,
) -> list[Expert]:
    """Who knows about a topic (a slug, with its narrower topics) or some free text.

    Raises ServiceError when neither is given or the topic does not exist."""
    subject = subject_for(viewer=viewer, topic=topic, text=text)
    return experts_for(viewer=viewer, subject=subject, limit=limit, exclude=exclude)


def reasons_for(evidence: Evidence, subject: Subject) -> list[str]:
    """Why a member is suggested, as sentences: what they did, then what they claim."""
    done = []
    if evidence.accepted:
        done.append(
            ngettext("%(n)d accepted answer", "%(n)d accepted answers", evidence.accepted)
            % {"n": evidence.accepted}
        )
    if evidence.votes:
        done.append(
            ngettext("%(n)d vote on answers", "%(n)d votes on answers", evidence.votes)
            % {"n": evidence.votes}
        )
    other_answers = evidence.answers - evidence.accepted
    if other_answers and evidence.accepted:
        done.append(
            ngettext("%(n)d other answer", "%(n)d other answers", other_answers)
            % {"n": other_answers}
        )
    elif other_answers:
        done.append(ngettext("%(n)d answer", "%(n)d answers", other_answers) % {"n": other_answers})
    if evidence.questions:
        done.append(
            ngettext("%(n)d question", "%(n)d questions", evidence.questions)
            % {"n": evidence.questions}
        )
    reasons = []
    if done:
        reasons.append(
            _("%(evidence)s %(subject)s") % {"evidence": ", ".join(done), "subject": subject.label}
        )
    if evidence.declared:
        reasons.append(
            _("lists %(topics)s as expertise") % {"topics": ", ".join(sorted(evidence.declared))}
        )
    return reasons


# --- On a question's page -------------------------------------------------------------------

QUESTION_SUGGESTIONS = 3


def audience_q(community: Community) -> Q:
    """Members who may see the community: communities.visibility.community_q turned round
    (the tests check the two agree for every persona), so we never suggest asking someone
    who could not read the question."""
    active_here = Q(
        pk__in=Membership.objects.filter(
            community=community, status=MembershipStatus.ACTIVE
        ).values("user_id")
    )
    host = Q(organisation__is_host=True)
    rule = Q(is_superuser=True) | (host & active_here)
    if not community.is_private:
        rule |= host
    if community.admits_partners:
        rule |= (Q(organisation__isnull=True) | Q(organisation__is_host=False)) & active_here
    return rule


def experts_to_ask(
    *, viewer: Viewer, question: Entry, answers: list[Entry], limit: int = QUESTION_SUGGESTIONS
) -> list[Expert]:
    """Members to ask about a question: not its author, not who already answered, not the
    viewer, and only people who may see it. By its topics; by similar entries when it has
    none (and the search engine is built)."""
    topics = list(question.topics.all())
    if topics:
        subject = subject_for_topics(topics)
    else:
        matched = [pk for pk in _text_matches(viewer, question.title) if pk != question.pk]
        subject = subject_for_entries(matched, label=_("on similar questions"))
    exclude = [question.author_id, viewer.pk, *(a.author_id for a in answers)]
    return experts_for(
        viewer=viewer,
        subject=subject,
        limit=limit,
        exclude=[pk for pk in exclude if pk is not None],
        among=audience_q(question.community),
    )
