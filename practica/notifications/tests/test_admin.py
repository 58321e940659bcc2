from typing import Any

import pytest

from practica.notifications import services
from practica.notifications.models import Verb

pytestmark = pytest.mark.django_db


def test_admin_lists_and_opens_notifications(world: Any, client_for: Any) -> None:
    notification = services.notify(
        recipient=world.bob, verb=Verb.JOIN_REQUEST, actor=world.charlie, community=world.request
    )
    assert notification is not None
    client = client_for(world.alice)
    assert client.get("/admin/notifications/notification/").status_code == 200
    page = client.get(f"/admin/notifications/notification/{notification.pk}/change/")
    assert page.status_code == 200
