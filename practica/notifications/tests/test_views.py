from typing import Any

import pytest
from django.contrib.messages import get_messages

from practica.communities.models import Membership
from practica.content.models import Entry
from practica.discussions import services as qa
from practica.notifications import services
from practica.notifications.models import Notification, Verb

pytestmark = pytest.mark.django_db


def notify_answer(world: Any, make_question: Any, community: Any = None) -> Notification:
    question = make_question(community=community or world.open, author=world.charlie)
    answer = qa.post_answer(question=question, by=world.bob, body="Check the alignment.")
    services.notify_answer(answer=answer)
    return Notification.objects.get(recipient=world.charlie, entry=answer)


def test_inbox_shows_an_answer_notification_linking_to_it(
    world: Any, make_question: Any, client_for: Any
) -> None:
    notification = notify_answer(world, make_question)
    response = client_for(world.charlie).get("/notifications/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bob answered your question: How do we handle pump question" in html
    assert f"/notifications/{notification.pk}/" in html
    assert "notification--unread" in html
    assert "New" in html


def test_opening_the_inbox_marks_nothing_read(
    world: Any, make_question: Any, client_for: Any
) -> None:
    notification = notify_answer(world, make_question)
    client_for(world.charlie).get("/notifications/")
    notification.refresh_from_db()
    assert notification.read_at is None


def test_opening_a_notification_marks_it_read_and_goes_to_its_target(
    world: Any, make_question: Any, client_for: Any
) -> None:
    notification = notify_answer(world, make_question)
    answer = notification.entry
    assert answer is not None and answer.parent is not None
    response = client_for(world.charlie).get(f"/notifications/{notification.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"{answer.parent.get_absolute_url()}#entry-{answer.pk}"
    notification.refresh_from_db()
    world.charlie.refresh_from_db()
    assert notification.read_at is not None
    assert world.charlie.unread_notifications == 0


def test_someone_elses_notification_is_404(world: Any, make_question: Any, client_for: Any) -> None:
    notification = notify_answer(world, make_question)
    assert client_for(world.dana).get(f"/notifications/{notification.pk}/").status_code == 404


def test_mark_all_as_read(world: Any, make_question: Any, client_for: Any) -> None:
    notify_answer(world, make_question)
    notify_answer(world, make_question)
    client = client_for(world.charlie)
    assert "Mark all as read" in client.get("/notifications/").content.decode()
    response = client.post("/notifications/read/")
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "All notifications are marked as read."
    ]
    assert not Notification.objects.filter(recipient=world.charlie, read_at__isnull=True).exists()
    world.charlie.refresh_from_db()
    assert world.charlie.unread_notifications == 0


def test_mark_all_as_read_needs_post(world: Any, client_for: Any) -> None:
    assert client_for(world.charlie).get("/notifications/read/").status_code == 405


def test_a_notification_about_what_the_member_can_no_longer_see_is_hidden(
    world: Any, make_question: Any, client_for: Any
) -> None:
    Membership.objects.create(community=world.private, user=world.charlie, status="active")
    notification = notify_answer(world, make_question, community=world.private)
    client = client_for(world.charlie)
    assert "answered your question" in client.get("/notifications/").content.decode()
    Membership.objects.filter(community=world.private, user=world.charlie).delete()
    response = client.get("/notifications/")
    assert list(response.context["page"].items) == []
    assert "answered your question" not in response.content.decode()
    assert client.get(f"/notifications/{notification.pk}/").status_code == 404


def test_a_notification_about_a_deleted_entry_is_hidden(
    world: Any, make_question: Any, client_for: Any
) -> None:
    notification = notify_answer(world, make_question)
    assert notification.entry is not None
    # The kernel has no delete service yet: mark the entry deleted directly.
    Entry.objects.filter(pk=notification.entry.pk).update(is_deleted=True)
    response = client_for(world.charlie).get("/notifications/")
    assert list(response.context["page"].items) == []


def test_an_invitation_to_a_private_community_is_shown(world: Any, client_for: Any) -> None:
    membership = Membership.objects.create(
        community=world.private, user=world.charlie, status="invited", invited_by=world.bob
    )
    services.notify_invitation(membership=membership)
    response = client_for(world.charlie).get("/notifications/")
    html = response.content.decode()
    assert "Bob invited you to join: Change Practitioners" in html
    notification = Notification.objects.get(recipient=world.charlie, verb=Verb.INVITED)
    opened = client_for(world.charlie).get(f"/notifications/{notification.pk}/")
    assert opened["Location"] == "/c/change-practitioners/"


def test_the_inbox_pages_with_a_cursor(world: Any, make_question: Any, client_for: Any) -> None:
    question = make_question(community=world.open, author=world.charlie)
    for _ in range(25):
        services.notify(
            recipient=world.charlie, verb=Verb.COMMENTED, actor=world.bob, entry=question
        )
    client = client_for(world.charlie)
    first = client.get("/notifications/")
    assert len(first.context["items"]) == 20
    cursor = first.context["page"].next
    second = client.get(f"/notifications/?cursor={cursor}")
    assert len(second.context["items"]) == 5
    broken = client.get("/notifications/?cursor=nonsense")
    assert broken.status_code == 200
    assert "here is the first page" in broken.content.decode()


def test_an_empty_inbox_says_what_will_arrive(world: Any, client_for: Any) -> None:
    html = client_for(world.dana).get("/notifications/").content.decode()
    assert "Nothing here yet." in html


def test_the_inbox_needs_signing_in(client_for: Any, world: Any) -> None:
    response = client_for(None).get("/notifications/")
    assert response["Location"].startswith("/accounts/login/")
