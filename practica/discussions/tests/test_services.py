from typing import Any

import pytest
from django.core import mail

from practica.content.models import Entry
from practica.core.errors import NotAllowed, ServiceError
from practica.discussions import services as qa
from practica.notifications.models import Notification


def test_ask_question_keeps_a_first_revision_and_counts_it(world: Any) -> None:
    question = qa.ask_question(
        community=world.open, by=world.charlie, title="Why do seals fail early?", body="Details"
    )
    assert question.revisions.count() == 1
    world.open.refresh_from_db()
    assert world.open.question_count == 1


def test_empty_title_is_refused_with_a_reason(world: Any) -> None:
    with pytest.raises(ServiceError) as error:
        qa.ask_question(community=world.open, by=world.charlie, title="  ", body="Details")
    assert error.value.field == "title"


def test_partner_member_cannot_post_in_a_community_they_do_not_belong_to(world: Any) -> None:
    with pytest.raises(NotAllowed):
        qa.ask_question(
            community=world.request, by=world.dana, title="A partner question", body="x"
        )


def test_answer_notifies_asker_in_app_and_by_email(world: Any, make_question: Any) -> None:
    question = make_question(community=world.open, author=world.charlie)
    with_callbacks_answer = qa.post_answer(question=question, by=world.bob, body="Try this")
    assert Entry.objects.get(pk=question.pk).child_count == 1
    assert with_callbacks_answer.parent_id == question.pk


@pytest.mark.django_db(transaction=True)
def test_answer_sends_notification_email_after_commit(world: Any, make_question: Any) -> None:
    question = make_question(community=world.open, author=world.charlie)
    qa.post_answer(question=question, by=world.bob, body="Check the coupling, @dana")
    assert Notification.objects.filter(recipient=world.charlie, verb="answered").count() == 1
    assert Notification.objects.filter(recipient=world.dana, verb="mentioned").count() == 1
    assert any("charlie@acme.example" in m.to for m in mail.outbox)


def test_accept_answer_marks_question_solved(world: Any, make_question: Any) -> None:
    question = make_question(community=world.open, author=world.charlie)
    answer = qa.post_answer(question=question, by=world.bob, body="Align it")
    qa.accept_answer(answer=answer, by=world.charlie)
    question.refresh_from_db()
    assert question.accepted_child_id == answer.pk


def test_only_asker_or_facilitator_may_accept(world: Any, make_question: Any) -> None:
    question = make_question(community=world.open, author=world.charlie)
    answer = qa.post_answer(question=question, by=world.bob, body="Align it")
    with pytest.raises(NotAllowed):
        qa.accept_answer(answer=answer, by=world.dana)
