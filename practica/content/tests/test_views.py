from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile

from practica.content import services
from practica.content.models import Entry, Follow, Revision, Vote

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def message_texts(response: Any) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def question(world: Any, make_question: Any) -> Entry:
    return make_question(
        community=world.open,
        author=world.charlie,
        title="Why does the mechanical seal fail early?",
        body="The seal fails within a week.\nWe use plan 11.",
    )


# --- Entry anchor ---------------------------------------------------------------------------


def test_entry_anchor_redirects_an_answer_to_its_place_on_the_question_page(
    world: Any, question: Entry, make_answer: Any, client_for: Any
) -> None:
    answer = make_answer(question=question, author=world.bob)
    response = client_for(world.dana).get(f"/e/{answer.pk}")
    assert response.status_code == 302
    assert response["Location"] == f"{question.get_absolute_url()}#entry-{answer.pk}"


def test_entry_anchor_of_a_deleted_entry_is_404(
    world: Any, question: Entry, client_for: Any
) -> None:
    Entry.objects.filter(pk=question.pk).update(is_deleted=True)
    assert client_for(world.bob).get(f"/e/{question.pk}").status_code == 404


# --- Votes ------------------------------------------------------------------------------------


def test_voting_up_and_down_changes_the_score(world: Any, question: Entry, client_for: Any) -> None:
    client = client_for(world.bob)
    response = client.post(f"/e/{question.pk}/vote/", {"value": "1"})
    assert response.status_code == 302
    assert response["Location"] == f"{question.get_absolute_url()}#entry-{question.pk}"
    question.refresh_from_db()
    assert question.score == 1
    client.post(f"/e/{question.pk}/vote/", {"value": "-1"})
    question.refresh_from_db()
    assert question.score == -1
    client.post(f"/e/{question.pk}/vote/", {"value": "0"})
    question.refresh_from_db()
    assert question.score == 0
    assert not Vote.objects.exists()


def test_cannot_vote_on_your_own_post(world: Any, question: Entry, client_for: Any) -> None:
    response = client_for(world.charlie).post(f"/e/{question.pk}/vote/", {"value": "1"})
    assert response.status_code == 302
    assert message_texts(response) == ["You cannot vote on your own post."]
    assert not Vote.objects.exists()


def test_a_nonsense_vote_is_a_message_not_a_server_error(
    world: Any, question: Entry, client_for: Any
) -> None:
    client = client_for(world.bob)
    for value in ("lots", "7"):
        response = client.post(f"/e/{question.pk}/vote/", {"value": value})
        assert response.status_code == 302
    assert not Vote.objects.exists()


def test_voting_with_htmx_returns_the_vote_block_with_the_vote_pressed(
    world: Any, question: Entry, client_for: Any
) -> None:
    response = client_for(world.bob).post(f"/e/{question.pk}/vote/", {"value": "1"}, **HTMX)
    html = response.content.decode()
    assert html.lstrip().startswith(f'<div class="vote" id="vote-{question.pk}">')
    assert 'value="1" aria-pressed="true"' in html
    assert "</span>1</span>" in html


def test_a_refused_htmx_vote_sends_the_browser_back_to_the_page_with_the_reason(
    world: Any, question: Entry, client_for: Any
) -> None:
    response = client_for(world.charlie).post(f"/e/{question.pk}/vote/", {"value": "1"}, **HTMX)
    assert response["HX-Redirect"] == f"{question.get_absolute_url()}#entry-{question.pk}"
    assert message_texts(response) == ["You cannot vote on your own post."]


# --- Follow ---------------------------------------------------------------------------------


def test_follow_toggles(world: Any, question: Entry, client_for: Any) -> None:
    client = client_for(world.bob)
    client.post(f"/e/{question.pk}/follow/")
    assert Follow.objects.filter(entry=question, user=world.bob).exists()
    client.post(f"/e/{question.pk}/follow/")
    assert not Follow.objects.filter(entry=question, user=world.bob).exists()


def test_follow_with_an_explicit_choice_is_idempotent(
    world: Any, question: Entry, client_for: Any
) -> None:
    client = client_for(world.bob)
    client.post(f"/e/{question.pk}/follow/", {"follow": "1"})
    client.post(f"/e/{question.pk}/follow/", {"follow": "1"})
    assert Follow.objects.filter(entry=question, user=world.bob).count() == 1


def test_follow_with_htmx_returns_the_button(world: Any, question: Entry, client_for: Any) -> None:
    response = client_for(world.bob).post(f"/e/{question.pk}/follow/", **HTMX)
    html = response.content.decode()
    assert html.lstrip().startswith("<form")
    assert "Unfollow" in html


# --- Editing --------------------------------------------------------------------------------


def test_the_edit_form_is_filled_in(world: Any, question: Entry, client_for: Any) -> None:
    question.topics.set([world.topic])
    response = client_for(world.charlie).get(f"/e/{question.pk}/edit/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Why does the mechanical seal fail early?"' in html
    assert 'value="Vibration analysis"' in html


def test_editing_creates_a_revision_and_history_shows_the_diff(
    world: Any, question: Entry, client_for: Any
) -> None:
    client = client_for(world.charlie)
    response = client.post(
        f"/e/{question.pk}/edit/",
        {
            "title": "Why does the mechanical seal fail within a week?",
            "body": "The seal fails within three days.\nWe use plan 11.",
            "topics": "Vibration analysis",
            "summary": "More precise",
        },
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.revision_count == 2
    assert question.edited_at is not None
    assert list(question.topics.all()) == [world.topic]
    assert Revision.objects.filter(entry=question).count() == 2
    history = client.get(f"/e/{question.pk}/history/")
    html = history.content.decode()
    assert history.status_code == 200
    assert "More precise" in html
    assert '<del><span class="visually-hidden">[removed: </span>a week' in html
    assert '<ins><span class="visually-hidden">[added: </span>three days' in html
    page = client.get(question.get_absolute_url()).content.decode()
    assert f"/e/{question.pk}/history/" in page


def test_an_edit_that_changes_nothing_adds_no_revision(
    world: Any, question: Entry, client_for: Any
) -> None:
    response = client_for(world.charlie).post(
        f"/e/{question.pk}/edit/", {"title": question.title, "body": question.body}
    )
    assert response.status_code == 302
    assert message_texts(response) == ["Nothing changed, so no new revision was saved."]
    assert Revision.objects.filter(entry=question).count() == 1


def test_a_refused_edit_keeps_the_typed_text(world: Any, question: Entry, client_for: Any) -> None:
    response = client_for(world.charlie).post(
        f"/e/{question.pk}/edit/",
        {"title": "Short", "body": "My carefully rewritten body", "topics": "Nonsense topic"},
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "Make the title a little longer" in html
    assert "There is no topic called “Nonsense topic”" in html
    assert "My carefully rewritten body" in html
    assert Revision.objects.filter(entry=question).count() == 1


def test_an_answer_is_edited_without_title_or_topics(
    world: Any, question: Entry, make_answer: Any, client_for: Any
) -> None:
    answer = make_answer(question=question, author=world.bob, body="First go")
    client = client_for(world.bob)
    form_html = client.get(f"/e/{answer.pk}/edit/").content.decode()
    assert 'name="title"' not in form_html
    response = client.post(f"/e/{answer.pk}/edit/", {"body": "Second go", "summary": ""})
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.body == "Second go"


def test_a_facilitator_may_edit_someone_elses_post(
    world: Any, question: Entry, client_for: Any
) -> None:
    response = client_for(world.bob).post(
        f"/e/{question.pk}/edit/", {"title": question.title, "body": "Tidied by a facilitator"}
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.body == "Tidied by a facilitator"


def test_others_who_can_see_the_post_may_not_edit_it(
    world: Any, question: Entry, client_for: Any
) -> None:
    client = client_for(world.dana)
    assert client.get(f"/e/{question.pk}/edit/").status_code == 403
    response = client.post(f"/e/{question.pk}/edit/", {"title": question.title, "body": "Mine"})
    assert response.status_code == 403
    assert "Only the author or a facilitator may edit this." in response.content.decode()
    question.refresh_from_db()
    assert question.body != "Mine"


# --- History --------------------------------------------------------------------------------


def test_history_compares_any_two_revisions(world: Any, question: Entry, client_for: Any) -> None:
    services.edit_entry(entry=question, by=world.charlie, body="Second body text")
    services.edit_entry(entry=question, by=world.charlie, body="Third body text")
    response = client_for(world.bob).get(f"/e/{question.pk}/history/?from=1&to=3")
    compare = response.context["compare"]
    assert (compare.old.number, compare.new.number) == (1, 3)
    assert "Changes from revision 1 to revision 3" in response.content.decode()


@pytest.mark.parametrize("query", ["?from=1&to=9", "?from=x&to=", "?to=2"])
def test_history_with_a_bad_comparison_says_so(
    world: Any, question: Entry, client_for: Any, query: str
) -> None:
    services.edit_entry(entry=question, by=world.charlie, body="Second body text")
    response = client_for(world.bob).get(f"/e/{question.pk}/history/{query}")
    assert response.status_code == 200
    assert "Choose two revisions of this entry to compare." in response.content.decode()


def test_history_escapes_what_people_wrote(world: Any, question: Entry, client_for: Any) -> None:
    services.edit_entry(entry=question, by=world.charlie, body="<script>alert(1)</script>")
    html = client_for(world.bob).get(f"/e/{question.pk}/history/").content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# --- Attachments ----------------------------------------------------------------------------


def attach(entry: Entry, user: Any, name: str, data: bytes, content_type: str) -> Any:
    upload = SimpleUploadedFile(name, data, content_type=content_type)
    return services.attach(entry=entry, uploader=user, upload=upload)


def test_an_attachment_downloads_with_safe_headers(
    world: Any, question: Entry, client_for: Any
) -> None:
    attachment = attach(question, world.charlie, "notes.txt", b"impeller notes", "text/plain")
    response = client_for(world.dana).get(f"/attachments/{attachment.pk}/notes.txt")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"impeller notes"
    assert response["Content-Type"] == "text/plain"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="notes.txt"' in response["Content-Disposition"]


def test_images_and_pdfs_open_in_the_browser(world: Any, question: Entry, client_for: Any) -> None:
    attachment = attach(question, world.charlie, "curve.pdf", b"%PDF-1.4", "application/pdf")
    response = client_for(world.bob).get(f"/attachments/{attachment.pk}/curve.pdf")
    assert response["Content-Disposition"].startswith("inline;")
    assert response["Content-Type"] == "application/pdf"


def test_the_question_page_links_to_its_attachments(
    world: Any, question: Entry, client_for: Any
) -> None:
    attachment = attach(question, world.charlie, "notes.txt", b"impeller notes", "text/plain")
    html = client_for(world.bob).get(question.get_absolute_url()).content.decode()
    assert f"/attachments/{attachment.pk}/notes.txt" in html


def test_media_files_have_no_public_url(world: Any, question: Entry, client: Any) -> None:
    attachment = attach(question, world.charlie, "notes.txt", b"impeller notes", "text/plain")
    assert client.get(f"/media/{attachment.file.name}").status_code == 404
