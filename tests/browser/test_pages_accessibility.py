"""axe-core on every page a member reaches, on a desktop and on a phone.

bob (leader of every community) walks the pages with real content on them: lists, a
question with an answer, comments and an attachment, a community's members with a pending
request, a profile, topics, his inbox, his settings, the edit form (also with its errors),
a revision history with a diff, the move and delete forms. Each page must answer 200, have
one h1, pass axe-core (no serious or critical violations) and log no console errors (CSP
violations show up there). All problems are collected and reported together, so one bad
page does not hide the next.
"""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import Page, expect

from conftest import World, make_user
from practica.communities import services as communities
from practica.content import services as content
from practica.content.models import Entry
from practica.discussions import services as qa

pytestmark = pytest.mark.browser

# Chromium logs a form that comes back with its errors (422) as a failed load: expected.
FORM_ERRORS = "Failed to load resource: the server responded with a status of 422"


def seed(world: World) -> dict[str, Entry]:
    """A thread with everything a thread page can show, edited once; a pending request."""
    world.open.topics.add(world.topic)
    question = qa.ask_question(
        community=world.open,
        by=world.bob,
        title="Why does the mechanical seal on pump P-101 keep failing?",
        body="Third seal this year. We checked **alignment** and the flush plan.\n\n- A\n- B",
        topics=[world.topic],
    )
    answer = qa.post_answer(
        question=question, by=world.charlie, body="Check for dry running at start-up."
    )
    content.add_comment(entry=answer, author=world.bob, body="We will log the start-ups.")
    content.vote(entry=answer, user=world.bob, value=1)
    qa.accept_answer(answer=answer, by=world.bob)
    content.attach(
        entry=question,
        uploader=world.bob,
        upload=SimpleUploadedFile("seal-photo.txt", b"notes", content_type="text/plain"),
    )
    content.edit_entry(
        entry=question,
        by=world.bob,
        body=question.body + "\n\nUpdate: the flush line was blocked.",
        summary="Added what we found",
    )
    # Something in bob's inbox and a request for him to approve.
    erin = make_user(username="erin", organisation=world.host, name="Erin Walsh")
    communities.join_community(community=world.request, user=erin)
    qa.post_answer(question=question, by=erin, body="Was the flush line clear?")
    return {"question": question, "answer": answer}


class Checker:
    """Checks pages one after another, collecting problems instead of failing at the first."""

    def __init__(self, page: Page, axe_check: Callable[..., Any], console_errors: Any) -> None:
        self.page, self.axe_check, self.console_errors = page, axe_check, console_errors
        self.problems: list[str] = []
        self.errors_seen = 0

    def visit(self, url: str) -> None:
        response = self.page.goto(url)
        status = response.status if response is not None else None
        if status != 200:
            self.problems.append(f"{url}: status {status}")
        self.check(url)

    def check(self, label: str) -> None:
        headings = self.page.locator("h1").count()
        if headings != 1:
            self.problems.append(f"{label}: {headings} h1 elements, expected one")
        try:
            self.axe_check(self.page)
        except pytest.fail.Exception as failure:
            self.problems.append(f"{label}: {failure}")
        errors = [e for e in self.console_errors(self.page) if not e.startswith(FORM_ERRORS)]
        if errors[self.errors_seen :]:
            self.problems.append(f"{label}: console errors {errors[self.errors_seen :]}")
        self.errors_seen = len(errors)


def test_every_member_page_passes_axe_on_desktop_and_phone(
    world: World,
    each_page: Page,
    sign_in: Callable[..., None],
    axe_check: Callable[..., Any],
    console_errors: Any,
) -> None:
    made = seed(world)
    question, answer = made["question"], made["answer"]
    page = each_page
    sign_in(page, "bob")
    slug, topic = world.open.slug, world.topic.slug
    urls = [
        "/",
        "/c/",
        f"/c/{slug}/",
        f"/c/{slug}/questions/",
        f"/c/{world.request.slug}/members/",
        f"/c/{slug}/settings/",
        "/c/new/",
        f"/c/{slug}/ask/",
        "/questions/",
        "/questions/?sort=unanswered",
        question.get_absolute_url(),
        f"/e/{question.pk}/edit/",
        f"/e/{answer.pk}/edit/",
        f"/e/{question.pk}/history/",
        f"/e/{question.pk}/history/?from=1&to=2",
        f"/e/{question.pk}/move/",
        f"/e/{answer.pk}/delete/",
        "/members/",
        "/members/charlie/",
        "/members/bob/",
        "/topics/",
        f"/topics/{topic}/",
        "/topics/new/",
        f"/topics/{topic}/edit/",
        "/notifications/",
        "/settings/profile/",
        "/settings/tokens/",
    ]
    checker = Checker(page, axe_check, console_errors)
    for url in urls:
        checker.visit(url)

    # Forms as they come back with errors, and the token page showing a new key.
    page.goto(f"/e/{question.pk}/edit/")
    page.get_by_label("Title").fill("")
    with page.expect_navigation():
        page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".field--error").get_by_text("Give it a title.")).to_be_visible()
    checker.check("the edit form with its errors")
    page.goto("/settings/tokens/")
    page.get_by_label("Token name").fill("Import script on my laptop")
    with page.expect_navigation():
        page.get_by_role("button", name="Make token").click()
    expect(page.get_by_text("Import script on my laptop").first).to_be_visible()
    checker.check("the token page showing a new key")

    assert not checker.problems, "\n\n".join(checker.problems)


def test_the_not_found_page_passes_axe(
    world: World,
    each_page: Page,
    sign_in: Callable[..., None],
    axe_check: Callable[..., Any],
    console_errors: Any,
) -> None:
    sign_in(each_page, "charlie")
    response = each_page.goto(f"/c/{world.private.slug}/")

    assert response is not None and response.status == 404
    assert each_page.locator("h1").count() == 1
    axe_check(each_page)
