from typing import Any

import pytest

from practica.communities.models import Membership
from practica.discussions import services as qa
from practica.notifications import services
from practica.notifications.models import Notification
from practica.notifications.selectors import inbox, subject_of, target_url

pytestmark = pytest.mark.django_db


def test_inbox_is_newest_first_and_only_the_viewers(world: Any, make_question: Any) -> None:
    question = make_question(community=world.open, author=world.charlie)
    first = qa.post_answer(question=question, by=world.bob, body="First")
    second = qa.post_answer(question=question, by=world.dana, body="Second")
    services.notify_answer(answer=first)
    services.notify_answer(answer=second)
    page = inbox(world.charlie)
    assert [n.entry_id for n in page.items] == [second.pk, first.pk]
    assert all(n.recipient_id == world.charlie.pk for n in page.items)
    assert inbox(world.dana).items == [] or all(
        n.recipient_id == world.dana.pk for n in inbox(world.dana).items
    )


def test_an_answer_notification_targets_the_answer_on_its_question_page(
    world: Any, make_question: Any
) -> None:
    question = make_question(
        community=world.open, author=world.charlie, title="Seal life in slurry"
    )
    answer = qa.post_answer(question=question, by=world.bob, body="Use a double seal")
    services.notify_answer(answer=answer)
    notification = Notification.objects.get(recipient=world.charlie)
    assert target_url(notification) == f"{question.get_absolute_url()}#entry-{answer.pk}"
    assert subject_of(notification) == "Seal life in slurry"


def test_invitations_are_shown_though_the_community_is_not_yet_visible(world: Any) -> None:
    membership = Membership.objects.create(
        community=world.private, user=world.dana, status="invited", invited_by=world.bob
    )
    services.notify_invitation(membership=membership)
    assert [n.verb for n in inbox(world.dana).items] == ["invited"]


def test_a_join_request_about_a_community_no_longer_visible_is_hidden(world: Any) -> None:
    Membership.objects.create(community=world.private, user=world.charlie, role="leader")
    services.notify(
        recipient=world.charlie, verb="join_request", actor=world.dana, community=world.private
    )
    assert len(inbox(world.charlie).items) == 1
    Membership.objects.filter(community=world.private, user=world.charlie).delete()
    assert inbox(world.charlie).items == []
