"""Closing a question as a duplicate of another, and reopening it (the services)."""

from typing import Any

import pytest

from practica.accounts.models import User
from practica.content import services as content
from practica.content.models import Entry, Revision
from practica.core.errors import NotAllowed, ServiceError
from practica.discussions import services as qa
from practica.discussions.selectors import duplicates_of, original_of
from practica.notifications.models import Notification, Verb

pytestmark = pytest.mark.django_db


def fresh(entry: Entry) -> Entry:
    entry.refresh_from_db()
    return entry


@pytest.fixture
def original(world: Any, make_question: Any) -> Entry:
    return make_question(
        community=world.open,
        author=world.dana,
        title="Why does the mechanical seal on our booster pump fail early?",
    )


@pytest.fixture
def question(world: Any, make_question: Any) -> Entry:
    return make_question(
        community=world.open,
        author=world.charlie,
        title="Booster pump seals keep failing within a week",
    )


@pytest.fixture
def private_question(world: Any, make_question: Any) -> Entry:
    return make_question(
        community=world.private,
        author=world.bob,
        title="Seal failures after the reorganisation of the maintenance crews",
    )


# --- Who may --------------------------------------------------------------------------------


def test_bob_a_leader_of_the_community_closes_a_question_as_a_duplicate(
    world: Any, question: Entry, original: Entry
) -> None:
    closed = qa.close_as_duplicate(question=question, original=original, by=world.bob)

    assert closed.duplicate_of == original
    assert fresh(question).duplicate_of_id == original.pk
    assert list(duplicates_of(world.charlie, original)) == [question]
    assert original_of(world.charlie, question) == original


def test_a_facilitator_of_the_community_may_close_too(
    world: Any, fiona: User, question: Entry, original: Entry
) -> None:
    qa.close_as_duplicate(question=question, original=original, by=fiona)

    assert fresh(question).duplicate_of_id == original.pk


def test_alice_a_site_administrator_may_close_without_being_a_member(
    world: Any, question: Entry, original: Entry
) -> None:
    qa.close_as_duplicate(question=question, original=original, by=world.alice)

    assert fresh(question).duplicate_of_id == original.pk


def test_charlie_a_plain_member_may_not_close_even_his_own_question(
    world: Any, question: Entry, original: Entry
) -> None:
    with pytest.raises(NotAllowed, match="facilitator or leader"):
        qa.close_as_duplicate(question=question, original=original, by=world.charlie)

    assert fresh(question).duplicate_of_id is None
    assert fresh(question).revision_count == 1


# --- Which original -------------------------------------------------------------------------


def test_a_question_cannot_be_a_duplicate_of_itself(world: Any, question: Entry) -> None:
    with pytest.raises(ServiceError, match="itself") as raised:
        qa.close_as_duplicate(question=question, original=question, by=world.bob)

    assert raised.value.field == "original"
    assert fresh(question).duplicate_of_id is None


def test_closing_the_original_as_a_duplicate_of_its_duplicate_is_refused(
    world: Any, question: Entry, original: Entry
) -> None:
    qa.close_as_duplicate(question=question, original=original, by=world.bob)

    with pytest.raises(ServiceError, match="already closed as a duplicate of this one"):
        qa.close_as_duplicate(question=original, original=question, by=world.bob)

    assert fresh(original).duplicate_of_id is None


def test_a_longer_loop_is_refused_too(
    world: Any, make_question: Any, question: Entry, original: Entry
) -> None:
    third = make_question(community=world.open, author=world.dana)
    qa.close_as_duplicate(question=question, original=original, by=world.bob)
    qa.close_as_duplicate(question=third, original=question, by=world.bob)

    with pytest.raises(ServiceError, match="already closed as a duplicate of this one"):
        qa.close_as_duplicate(question=original, original=third, by=world.bob)


def test_a_duplicate_of_a_duplicate_points_to_the_first_original(
    world: Any, make_question: Any, question: Entry, original: Entry
) -> None:
    third = make_question(community=world.open, author=world.dana)
    qa.close_as_duplicate(question=question, original=original, by=world.bob)

    closed = qa.close_as_duplicate(question=third, original=question, by=world.bob)

    assert closed.duplicate_of == original
    assert fresh(third).duplicate_of_id == original.pk


def test_an_answer_or_a_deleted_question_is_no_original(
    world: Any, make_answer: Any, question: Entry, original: Entry
) -> None:
    answer = make_answer(question=original, author=world.bob)
    with pytest.raises(ServiceError, match="no question at that address"):
        qa.close_as_duplicate(question=question, original=answer, by=world.bob)

    content.delete_entry(entry=original, by=world.bob)
    with pytest.raises(ServiceError, match="no question at that address"):
        qa.close_as_duplicate(question=question, original=fresh(original), by=world.bob)
    assert fresh(question).duplicate_of_id is None


def test_a_deleted_question_cannot_be_closed(world: Any, question: Entry, original: Entry) -> None:
    content.delete_entry(entry=question, by=world.bob)

    with pytest.raises(ServiceError, match="Only a question"):
        qa.close_as_duplicate(question=fresh(question), original=original, by=world.bob)


def test_closing_again_with_the_same_original_records_nothing_new(
    world: Any, question: Entry, original: Entry
) -> None:
    qa.close_as_duplicate(question=question, original=original, by=world.bob)
    qa.close_as_duplicate(question=fresh(question), original=original, by=world.bob)

    assert fresh(question).revision_count == 2


# --- Across communities -------------------------------------------------------------------


def test_bob_may_point_to_an_original_in_another_community_he_can_see(
    world: Any, question: Entry, private_question: Entry
) -> None:
    qa.close_as_duplicate(question=question, original=private_question, by=world.bob)

    assert fresh(question).duplicate_of_id == private_question.pk
    assert original_of(world.bob, question) == private_question


def test_readers_who_cannot_see_the_original_are_not_shown_it(
    world: Any, question: Entry, private_question: Entry
) -> None:
    qa.close_as_duplicate(question=question, original=private_question, by=world.bob)

    assert original_of(world.charlie, question) is None
    assert original_of(world.dana, question) is None
    assert duplicates_of(world.bob, private_question) == [question]


def test_a_facilitator_cannot_point_to_a_question_she_cannot_see(
    world: Any, fiona: User, question: Entry, private_question: Entry
) -> None:
    # Refused with the same words as a question that does not exist: nothing is revealed.
    with pytest.raises(ServiceError, match="no question at that address") as raised:
        qa.close_as_duplicate(question=question, original=private_question, by=fiona)

    assert raised.value.field == "original"
    assert fresh(question).duplicate_of_id is None


def test_following_a_chain_stops_at_the_last_original_the_closer_can_see(
    world: Any, fiona: User, make_question: Any, question: Entry, private_question: Entry
) -> None:
    qa.close_as_duplicate(question=question, original=private_question, by=world.bob)
    third = make_question(community=world.open, author=world.dana)

    closed = qa.close_as_duplicate(question=third, original=question, by=fiona)

    assert closed.duplicate_of == question


# --- What is recorded and who is told ---------------------------------------------------------


def test_closing_is_recorded_in_the_revision_history_without_the_originals_title(
    world: Any, question: Entry, private_question: Entry
) -> None:
    qa.close_as_duplicate(question=question, original=private_question, by=world.bob)

    revision = Revision.objects.get(entry=question, number=2)
    assert fresh(question).revision_count == 2
    assert revision.author == world.bob
    assert revision.summary == f"Closed as a duplicate of question {private_question.pk}."
    assert revision.title == question.title
    assert revision.body == question.body
    assert "reorganisation" not in revision.summary


def test_the_asker_and_followers_are_told_after_commit(
    world: Any,
    question: Entry,
    original: Entry,
    django_capture_on_commit_callbacks: Any,
) -> None:
    content.follow(entry=question, user=world.dana)
    content.follow(entry=question, user=world.bob)

    with django_capture_on_commit_callbacks(execute=True):
        qa.close_as_duplicate(question=question, original=original, by=world.bob)

    told = Notification.objects.filter(verb=Verb.DUPLICATE, entry=question)
    assert sorted(n.recipient.username for n in told) == ["charlie", "dana"]
    assert all(n.actor == world.bob for n in told)


def test_nobody_is_told_before_the_transaction_commits(
    world: Any, question: Entry, original: Entry
) -> None:
    qa.close_as_duplicate(question=question, original=original, by=world.bob)

    assert not Notification.objects.filter(verb=Verb.DUPLICATE).exists()


def test_both_questions_are_scheduled_for_reindexing(
    world: Any, question: Entry, original: Entry, monkeypatch: Any
) -> None:
    scheduled: list[list[str]] = []
    monkeypatch.setattr("practica.search.indexing.schedule", lambda keys: scheduled.append(keys))

    qa.close_as_duplicate(question=question, original=original, by=world.bob)
    qa.reopen(question=question, by=world.bob)

    expected = [f"entry:{question.pk}", f"entry:{original.pk}"]
    assert scheduled == [expected, expected]


# --- Reopening ------------------------------------------------------------------------------


def test_bob_reopens_a_duplicate_and_the_history_says_so(
    world: Any, question: Entry, original: Entry
) -> None:
    qa.close_as_duplicate(question=question, original=original, by=world.bob)

    reopened = qa.reopen(question=fresh(question), by=world.bob)

    assert reopened.duplicate_of is None
    assert fresh(question).duplicate_of_id is None
    assert Revision.objects.get(entry=question, number=3).summary == "Reopened: not a duplicate."
    assert duplicates_of(world.bob, original) == []


def test_charlie_may_not_reopen(world: Any, question: Entry, original: Entry) -> None:
    qa.close_as_duplicate(question=question, original=original, by=world.bob)

    with pytest.raises(NotAllowed):
        qa.reopen(question=fresh(question), by=world.charlie)

    assert fresh(question).duplicate_of_id == original.pk


def test_reopening_a_question_that_is_not_a_duplicate_says_so(world: Any, question: Entry) -> None:
    with pytest.raises(ServiceError, match="not closed as a duplicate"):
        qa.reopen(question=question, by=world.bob)


def test_a_question_closed_as_a_duplicate_takes_no_more_answers(
    world: Any, question: Entry, original: Entry, client_for: Any
) -> None:
    qa.close_as_duplicate(question=question, original=original, by=world.bob)
    with pytest.raises(ServiceError, match="answer the original"):
        qa.post_answer(question=fresh(question), by=world.charlie, body="One more idea.")
    html = client_for(world.charlie).get(question.get_absolute_url(), follow=True).content
    assert b"Post your answer" not in html
    assert b"answers go to the original" in html
    qa.reopen(question=fresh(question), by=world.bob)
    qa.post_answer(question=fresh(question), by=world.charlie, body="Now it is open again.")
