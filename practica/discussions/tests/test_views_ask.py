from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from practica.content.models import Attachment, Entry

pytestmark = pytest.mark.django_db

ASK = "/c/pump-reliability/ask/"


def test_ask_form_is_multipart_and_has_labelled_fields(world: Any, client_for: Any) -> None:
    html = client_for(world.charlie).get(ASK).content.decode()
    assert 'enctype="multipart/form-data"' in html
    for name in ("title", "body", "topics", "attachments"):
        assert f'for="id_{name}"' in html
    assert "Markdown works" in html


def test_asking_creates_the_question_and_redirects_to_it(world: Any, client_for: Any) -> None:
    response = client_for(world.charlie).post(
        ASK,
        {
            "title": "How often should we re-grease motor bearings?",
            "body": "We run 4-pole motors at 1,500 rpm.",
            "topics": "vibration analysis",
        },
    )
    question = Entry.objects.get(kind="question")
    assert response.status_code == 302
    assert response["Location"] == question.get_absolute_url()
    assert list(question.topics.all()) == [world.topic]
    assert question.author == world.charlie


def test_empty_title_and_body_show_messages_and_keep_what_was_typed(
    world: Any, client_for: Any
) -> None:
    response = client_for(world.charlie).post(
        ASK, {"title": "   ", "body": "", "topics": "vibration analysis"}
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "Give it a title." in html
    assert "Write something in the body." in html
    assert 'value="vibration analysis"' in html
    assert not Entry.objects.exists()


def test_a_too_short_title_shows_the_service_message_on_the_field(
    world: Any, client_for: Any
) -> None:
    response = client_for(world.charlie).post(ASK, {"title": "Pumps?", "body": "Some details"})
    assert response.status_code == 422
    assert response.context["form"].errors["title"] == [
        "Make the title a little longer: at least 8 characters."
    ]
    assert "Some details" in response.content.decode()


def test_unknown_topics_are_named_and_the_form_is_kept(world: Any, client_for: Any) -> None:
    response = client_for(world.charlie).post(
        ASK,
        {
            "title": "Which coupling for a slurry pump?",
            "body": "Details",
            "topics": "Vibration analysis, Unobtainium",
        },
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "There is no topic called “Unobtainium”" in html
    assert "Which coupling for a slurry pump?" in html


def test_a_wrong_type_upload_is_rejected_with_its_reason_and_keeps_the_form(
    world: Any, client_for: Any
) -> None:
    upload = SimpleUploadedFile("run.exe", b"MZ...", content_type="application/octet-stream")
    response = client_for(world.charlie).post(
        ASK,
        {
            "title": "Pump curve for the new impeller",
            "body": "The vendor sent this.",
            "attachments": [upload],
        },
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "run.exe: files of type .exe are not accepted" in html
    assert "Pump curve for the new impeller" in html
    assert "The vendor sent this." in html
    assert not Entry.objects.exists()


def test_a_too_large_upload_is_rejected_with_its_reason_and_keeps_the_form(
    world: Any, client_for: Any, settings: Any
) -> None:
    settings.MAX_UPLOAD_BYTES = 10
    upload = SimpleUploadedFile("curve.pdf", b"%PDF-" + b"x" * 100, content_type="application/pdf")
    response = client_for(world.charlie).post(
        ASK,
        {"title": "Pump curve for the new impeller", "body": "Attached.", "attachments": [upload]},
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "curve.pdf is 105\xa0bytes; the limit is 10\xa0bytes." in html
    assert "Pump curve for the new impeller" in html
    assert not Entry.objects.exists()


def test_accepted_uploads_are_attached_to_the_question(world: Any, client_for: Any) -> None:
    files = [
        SimpleUploadedFile("curve.pdf", b"%PDF-1.4", content_type="application/pdf"),
        SimpleUploadedFile("notes.txt", b"impeller notes", content_type="text/plain"),
    ]
    response = client_for(world.charlie).post(
        ASK, {"title": "Pump curve for the new impeller", "body": "Attached.", "attachments": files}
    )
    assert response.status_code == 302
    question = Entry.objects.get()
    assert sorted(a.filename for a in Attachment.objects.filter(entry=question)) == [
        "curve.pdf",
        "notes.txt",
    ]


def test_someone_who_may_not_post_is_told_to_join(world: Any, client_for: Any) -> None:
    world.request.memberships.filter(user=world.charlie).delete()
    client = client_for(world.charlie)
    page = client.get("/c/project-managers/ask/")
    assert page.status_code == 403
    assert "Join Project Managers to ask" in page.content.decode()
    refused = client.post(
        "/c/project-managers/ask/", {"title": "A question for projects", "body": "x"}
    )
    assert refused.status_code == 403
    assert not Entry.objects.exists()


def test_asking_too_fast_gets_a_friendly_429(world: Any, client_for: Any, settings: Any) -> None:
    settings.RATELIMIT_ENABLE = True
    settings.POST_RATE = "1/m"
    client = client_for(world.charlie)
    first = client.post(ASK, {"title": "The first question today", "body": "x"})
    second = client.post(ASK, {"title": "The second question today", "body": "x"})
    assert first.status_code == 302
    assert second.status_code == 429
    assert "wait a minute" in second.content.decode()
    assert Entry.objects.count() == 1
