"""Every step of Q&A works with JavaScript switched off: plain forms, POST, redirect.

Two browsers with JavaScript disabled: charlie asks (first with a missing title, which comes
back with the error and what he typed), bob answers, charlie comments, votes the answer up
and accepts it, follows the question. Each press is a full page load that lands back on the
question, and the page then shows the result.
"""

import re
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from conftest import World, make_community
from tests.browser.conftest import TIMEOUT_MS

pytestmark = pytest.mark.browser

TITLE = "Which vibration limits do you use for vertical turbine pumps?"
BODY = "ISO 10816-7 gives zones, but our vendor quotes tighter numbers."
ANSWER = "We alarm at zone B/C and trip at C/D, measured at the motor top bearing."
VIEWPORT: ViewportSize = {"width": 1280, "height": 800}
COMMENT = "Thanks: do you trend velocity or acceleration?"


@pytest.fixture
def no_js(
    browser: Browser, live_server: Any, transactional_db: None
) -> Iterator[Callable[[], Page]]:
    """Opens pages in new browsers (own cookies) with JavaScript disabled."""
    contexts = []

    def open_page() -> Page:
        context = browser.new_context(
            base_url=live_server.url, java_script_enabled=False, viewport=VIEWPORT
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def press(page: Page, button: Any) -> int:
    """Press a form's button and wait for the full page load it causes; the final status."""
    with page.expect_navigation() as navigation:
        button.click()
    response = navigation.value
    return response.status if response is not None else 0


def test_ask_answer_comment_vote_accept_and_follow_work_without_javascript(
    world: World, no_js: Callable[[], Page], sign_in: Callable[..., None]
) -> None:
    charlie = no_js()
    sign_in(charlie, "charlie")
    charlie.goto(f"/c/{world.open.slug}/ask/")

    # A missing title comes back as a page with the error; what was typed is kept.
    charlie.get_by_label("Details").fill(BODY)
    status = press(charlie, charlie.get_by_role("button", name="Post your question"))
    assert status == 422
    expect(charlie.locator(".field--error").get_by_text("Give it a title.")).to_be_visible()
    expect(charlie.get_by_label("Details")).to_have_value(BODY)

    charlie.get_by_label("Title").fill(TITLE)
    assert press(charlie, charlie.get_by_role("button", name="Post your question")) == 200
    expect(charlie.get_by_role("heading", level=1)).to_have_text(TITLE)
    question_url = charlie.url
    question_path = urlsplit(question_url).path
    assert re.fullmatch(r"/q/\d+-[\w-]+", question_path)

    # bob answers: a POST, then the redirect to his answer on the question page.
    bob = no_js()
    sign_in(bob, "bob")
    bob.goto(question_url)
    bob.locator("#answer-form").get_by_role("textbox").fill(ANSWER)
    assert press(bob, bob.get_by_role("button", name="Post your answer")) == 200
    assert urlsplit(bob.url).path == question_path
    expect(bob.get_by_role("article", name="Answer by Bob")).to_contain_text(ANSWER)

    # charlie comments on it (the <details> opens without JavaScript too).
    charlie.goto(question_url)
    answer = charlie.get_by_role("article", name="Answer by Bob")
    expect(answer).to_contain_text(ANSWER)
    answer.get_by_text("Add a comment").click()
    answer.get_by_label("Comment").fill(COMMENT)
    assert press(charlie, answer.get_by_role("button", name="Add comment")) == 200
    assert urlsplit(charlie.url).path == question_path
    answer = charlie.get_by_role("article", name="Answer by Bob")
    expect(answer.locator(".comments")).to_contain_text(COMMENT)

    # Votes the answer up.
    expect(answer.locator(".vote__score")).to_have_text(re.compile(r"\b0$"))
    assert press(charlie, answer.get_by_role("button", name="Vote up")) == 200
    assert urlsplit(charlie.url).path == question_path
    answer = charlie.get_by_role("article", name="Answer by Bob")
    expect(answer.locator(".vote__score")).to_have_text(re.compile(r"\b1$"))
    expect(answer.get_by_role("button", name="Vote up")).to_have_attribute("aria-pressed", "true")

    # Accepts it.
    assert press(charlie, answer.get_by_role("button", name="Accept this answer")) == 200
    assert urlsplit(charlie.url).path == question_path
    answer = charlie.get_by_role("article", name="Answer by Bob")
    expect(answer.get_by_text("Accepted answer")).to_be_visible()
    expect(answer.get_by_role("button", name="Withdraw acceptance")).to_be_visible()

    # Follow or unfollow (the asker already follows): the page says the opposite after.
    follow_form = charlie.locator("form.follow-form")
    before = follow_form.get_by_role("button").inner_text().strip()
    after = "Follow" if before == "Unfollow" else "Unfollow"
    assert press(charlie, follow_form.get_by_role("button")) == 200
    expect(charlie.locator("form.follow-form").get_by_role("button")).to_have_text(after)

    # bob sees the accepted mark and the score on a fresh load.
    bob.goto(question_url)
    answer = bob.get_by_role("article", name="Answer by Bob")
    expect(answer.get_by_text("Accepted answer")).to_be_visible()
    expect(answer.locator(".vote__score")).to_have_text(re.compile(r"\b1$"))


def test_charlie_joins_a_community_without_javascript(
    world: World, no_js: Callable[[], Page], sign_in: Callable[..., None]
) -> None:
    community = make_community(slug="rotating-equipment", leader=world.bob)
    charlie = no_js()
    sign_in(charlie, "charlie")
    charlie.goto("/c/")
    charlie.get_by_role("link", name=community.name).click()
    assert press(charlie, charlie.get_by_role("button", name="Join this community")) == 200
    assert urlsplit(charlie.url).path == f"/c/{community.slug}/"
    expect(charlie.get_by_text("You are a member here")).to_be_visible()
