"""Finding experts: ranking by evidence, the reasons given, and the visibility rule."""

import sys
import types
from collections.abc import Callable
from typing import Any

import pytest

from conftest import World, join, make_user
from practica.accounts.models import User
from practica.content.models import Entry
from practica.core.errors import ServiceError
from practica.discussions import services as qa
from practica.people.selectors import (
    Expert,
    audience_q,
    experts_to_ask,
    find_experts,
    subject_for,
)
from practica.taxonomy.models import Topic

MakeEntry = Callable[..., Entry]


def names(experts: list[Expert]) -> list[str]:
    return [e.member.username for e in experts]


def member(world: World, username: str, *communities: Any) -> User:
    user = make_user(username=username, organisation=world.host)
    for community in communities or (world.open,):
        join(community=community, user=user)
    return user


def with_score(entry: Entry, score: int) -> Entry:
    # The score is the counter the vote service keeps; set it directly for ranking tests.
    Entry.objects.filter(pk=entry.pk).update(score=score)
    return entry


def test_ranking_follows_the_evidence_accepted_then_votes_then_written_then_declared(
    world: World, make_question: MakeEntry, make_answer: MakeEntry
) -> None:
    ann, ben, cat, dee = (member(world, n) for n in ("ann", "ben", "cat", "dee"))
    question = make_question(community=world.open, author=world.bob, topics=[world.topic])
    accepted = make_answer(question=question, author=ann)
    qa.accept_answer(answer=accepted, by=world.bob)
    with_score(make_answer(question=question, author=ben), 2)
    make_answer(question=question, author=cat)
    dee.expertise.add(world.topic)

    experts = find_experts(viewer=world.charlie, topic=world.topic.slug)

    # ann: an accepted answer; ben: an answer with two votes; cat: an answer; bob: the
    # question; dee: only lists the topic.
    assert names(experts) == ["ann", "ben", "cat", "bob", "dee"]
    scores = [e.score for e in experts]
    assert scores == sorted(scores, reverse=True)
    assert experts[0].evidence.accepted == 1
    assert experts[1].evidence.votes == 2


def test_reasons_say_what_each_member_did_and_claims(
    world: World, make_question: MakeEntry, make_answer: MakeEntry
) -> None:
    ann = member(world, "ann")
    ann.expertise.add(world.topic)
    for _ in range(3):
        question = make_question(community=world.open, author=world.bob, topics=[world.topic])
        qa.accept_answer(
            answer=with_score(make_answer(question=question, author=ann), 4), by=world.bob
        )
    make_answer(question=question, author=ann, body="And one more thing.")

    (expert,) = [
        e for e in find_experts(viewer=world.charlie, topic=world.topic.slug) if e.member == ann
    ]

    assert expert.reasons == [
        "3 accepted answers, 12 votes on answers, 1 other answer about Vibration analysis",
        "lists Vibration analysis as expertise",
    ]
    assert expert.evidence.answers == 4
    assert not expert.imported


def test_evidence_on_narrower_topics_counts_for_the_broader_one(
    world: World, make_question: MakeEntry, make_answer: MakeEntry
) -> None:
    narrower = Topic.objects.create(
        name="Modal analysis", slug="modal-analysis", parent=world.topic
    )
    ann, ben = member(world, "ann"), member(world, "ben")
    question = make_question(community=world.open, author=world.bob, topics=[narrower])
    make_answer(question=question, author=ann)
    ben.expertise.add(narrower)

    experts = find_experts(viewer=world.charlie, topic=world.topic.slug)

    assert names(experts) == ["ann", "bob", "ben"]
    assert experts[2].reasons == ["lists Modal analysis as expertise"]
    assert names(find_experts(viewer=world.charlie, topic="modal-analysis")) == [
        "ann",
        "bob",
        "ben",
    ]


def test_a_private_answer_does_not_make_bob_an_expert_for_charlie(
    world: World, make_question: MakeEntry, make_answer: MakeEntry
) -> None:
    zelda = member(world, "zelda", world.private)
    private = make_question(community=world.private, author=zelda, topics=[world.topic])
    qa.accept_answer(answer=make_answer(question=private, author=world.bob), by=zelda)

    assert "bob" not in names(find_experts(viewer=world.charlie, topic=world.topic.slug))
    assert names(find_experts(viewer=world.alice, topic=world.topic.slug)) == ["bob", "zelda"]

    # With an answer charlie may see, bob is suggested for that one only.
    ann = member(world, "ann")
    open_question = make_question(community=world.open, author=ann, topics=[world.topic])
    make_answer(question=open_question, author=world.bob)
    for_charlie = {
        e.member.username: e for e in find_experts(viewer=world.charlie, topic=world.topic.slug)
    }
    assert for_charlie["bob"].evidence.answers == 1
    assert for_charlie["bob"].evidence.accepted == 0
    assert for_charlie["bob"].reasons == ["1 answer about Vibration analysis"]
    for_alice = {
        e.member.username: e for e in find_experts(viewer=world.alice, topic=world.topic.slug)
    }
    assert for_alice["bob"].evidence.accepted == 1


def test_dana_only_sees_members_she_may_see(world: World) -> None:
    frank = member(world, "frank", world.request)  # host organisation, not in dana's community
    frank.expertise.add(world.topic)
    world.charlie.expertise.add(world.topic)

    assert names(find_experts(viewer=world.dana, topic=world.topic.slug)) == ["charlie"]
    assert names(find_experts(viewer=world.bob, topic=world.topic.slug)) == ["charlie", "frank"]


def test_inactive_members_are_left_out_and_placeholders_are_marked_imported(world: World) -> None:
    gone = member(world, "gone")
    gone.is_active = False
    gone.save()
    ghost = member(world, "ghost")
    ghost.is_placeholder = True
    ghost.save()
    for user in (gone, ghost):
        user.expertise.add(world.topic)

    experts = find_experts(viewer=world.charlie, topic=world.topic.slug)

    assert names(experts) == ["ghost"]
    assert experts[0].imported


def test_excluded_members_and_the_limit_are_respected(world: World) -> None:
    for n in range(5):
        member(world, f"m{n}").expertise.add(world.topic)

    assert names(find_experts(viewer=world.bob, topic=world.topic.slug, limit=2)) == ["m0", "m1"]
    excluded = list(User.objects.filter(username__in=["m0", "m2"]).values_list("pk", flat=True))
    found = find_experts(viewer=world.bob, topic=world.topic.slug, exclude=excluded)
    assert names(found) == ["m1", "m3", "m4"]
    assert len(find_experts(viewer=world.bob, topic=world.topic.slug, limit=500)) == 5


def test_free_text_finds_topics_by_name_synonym_or_a_phrase_inside_it(
    world: World, make_question: MakeEntry, make_answer: MakeEntry, no_search: None
) -> None:
    world.topic.synonyms = "VA\nCondition monitoring"
    world.topic.save()
    ann = member(world, "ann")
    question = make_question(community=world.open, author=world.bob, topics=[world.topic])
    make_answer(question=question, author=ann)

    for text in ("vibration", "condition monitoring", "va", "tips on vibration analysis for fans"):
        assert names(find_experts(viewer=world.charlie, text=text))[:1] == ["ann"], text
    assert find_experts(viewer=world.charlie, text="zebra crossings") == []
    (expert, _bob) = find_experts(viewer=world.charlie, text="vibration")
    assert expert.reasons == ["1 answer about “vibration”"]


def test_free_text_credits_the_authors_of_entries_the_search_engine_matches(
    world: World, make_question: MakeEntry, make_answer: MakeEntry, monkeypatch: Any
) -> None:
    ann, ben = member(world, "ann"), member(world, "ben")
    question = make_question(community=world.open, author=ben, title="Why do the seals weep?")
    answer = make_answer(question=question, author=ann)
    zelda = member(world, "zelda", world.private)
    hidden = make_question(community=world.private, author=zelda, title="Seals in secret")
    calls: list[str] = []

    def matching_entry_ids(*, viewer: Any, text: str, limit: int = 200) -> list[tuple[int, float]]:
        calls.append(text)
        # Even if the engine named an entry the viewer may not see, it would not count.
        return [(question.pk, 2.0), (hidden.pk, 1.5)]

    engine = types.ModuleType("practica.search.engine")
    engine.matching_entry_ids = matching_entry_ids  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "practica.search.engine", engine)

    experts = find_experts(viewer=world.charlie, text="weeping seals")

    assert calls == ["weeping seals"]
    assert names(experts) == ["ann", "ben"]  # the answer to a matched question counts too
    assert experts[0].reasons == ["1 answer about “weeping seals”"]
    assert answer.parent_id == question.pk


def test_neither_topic_nor_text_or_an_unknown_topic_is_refused(world: World) -> None:
    with pytest.raises(ServiceError, match="Choose a topic"):
        find_experts(viewer=world.bob)
    with pytest.raises(ServiceError, match="no topic"):
        find_experts(viewer=world.bob, topic="no-such-topic")


def test_a_topic_and_text_together_name_both_in_the_reasons(world: World, no_search: None) -> None:
    subject = subject_for(viewer=world.bob, topic=world.topic.slug, text="pump seals")
    assert subject.label == "about Vibration analysis or “pump seals”"
    assert subject.topics == [world.topic]


def test_the_query_count_does_not_grow_with_experts(
    world: World,
    make_question: MakeEntry,
    make_answer: MakeEntry,
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add(n: int) -> None:
        for _ in range(n):
            user = member(world, f"p{User.objects.count()}")
            user.expertise.add(world.topic)
            question = make_question(community=world.open, author=user, topics=[world.topic])
            make_answer(question=question, author=world.charlie)

    add(3)
    with CaptureQueriesContext(connection) as few:
        assert len(find_experts(viewer=world.bob, topic=world.topic.slug, limit=50)) == 4
    add(27)
    with CaptureQueriesContext(connection) as many:
        assert len(find_experts(viewer=world.bob, topic=world.topic.slug, limit=50)) == 31
    assert len(few) == len(many)


# --- On a question's page -------------------------------------------------------------------


def test_members_to_ask_leave_out_the_author_those_who_answered_and_the_viewer(
    world: World, make_question: MakeEntry, make_answer: MakeEntry
) -> None:
    ann, ben, cat = member(world, "ann"), member(world, "ben"), member(world, "cat")
    for user in (ann, ben, cat, world.bob, world.charlie):
        user.expertise.add(world.topic)
    question = make_question(community=world.open, author=ann, topics=[world.topic])
    answer = make_answer(question=question, author=ben)

    suggested = experts_to_ask(viewer=world.charlie, question=question, answers=[answer])

    assert names(suggested) == ["bob", "cat"]


def test_members_to_ask_are_only_those_who_may_read_the_question(
    world: World, make_question: MakeEntry
) -> None:
    world.charlie.expertise.add(world.topic)
    world.dana.expertise.add(world.topic)
    zelda = member(world, "zelda", world.private)
    question = make_question(community=world.private, author=zelda, topics=[world.topic])

    assert names(experts_to_ask(viewer=world.alice, question=question, answers=[])) == []
    open_question = make_question(community=world.open, author=zelda, topics=[world.topic])
    assert names(experts_to_ask(viewer=world.alice, question=open_question, answers=[])) == [
        "charlie",
        "dana",
    ]


def test_audience_q_agrees_with_the_visibility_rule(world: World) -> None:
    from practica.communities.models import Community
    from practica.communities.visibility import community_q

    stranger = member(world, "stranger", world.open, world.request)  # no organisation
    stranger.organisation = None
    stranger.save()
    people = list(User.objects.all())
    for community in Community.objects.all():
        audience = set(User.objects.filter(audience_q(community)))
        seeing = {
            p for p in people if Community.objects.filter(community_q(p), pk=community.pk).exists()
        }
        assert audience == seeing, community.slug


@pytest.fixture
def no_search(monkeypatch: Any) -> None:
    """The text path from topics alone: the search engine finds nothing."""
    engine = types.ModuleType("practica.search.engine")
    engine.matching_entry_ids = lambda **kw: []  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "practica.search.engine", engine)
