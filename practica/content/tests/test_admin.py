from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from practica.content import services

pytestmark = pytest.mark.django_db


def test_admin_lists_and_opens_entries_with_their_revisions(
    world: Any, make_question: Any, make_answer: Any, client_for: Any
) -> None:
    question = make_question(community=world.open, author=world.charlie)
    answer = make_answer(question=question, author=world.bob)
    services.add_comment(entry=answer, author=world.charlie, body="Thanks")
    services.vote(entry=answer, user=world.charlie, value=1)
    upload = SimpleUploadedFile("notes.txt", b"notes", content_type="text/plain")
    services.attach(entry=question, uploader=world.charlie, upload=upload)
    client = client_for(world.alice)
    for model in ("entry", "comment", "vote", "follow", "attachment"):
        assert client.get(f"/admin/content/{model}/").status_code == 200, model
    page = client.get(f"/admin/content/entry/{question.pk}/change/")
    assert page.status_code == 200
    assert "Revision" in page.content.decode()


def test_admin_is_closed_to_members(world: Any, client_for: Any) -> None:
    assert client_for(world.bob).get("/admin/content/entry/").status_code == 302
