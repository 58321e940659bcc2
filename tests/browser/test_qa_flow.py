"""The whole Q&A flow in a real browser, on a desktop and on a phone.

charlie signs in through the real form, finds a community he is not in yet in the directory,
joins it, asks a question (first forgetting the title: the error shows inline and what he
typed is kept), bob answers from his own browser, charlie votes the answer up and accepts
it, and finds bob's answer in his inbox. Every page on the way passes axe-core (no serious
or critical violations) and logs no console errors (a Content-Security-Policy violation
would show up there). Results are checked as charlie sees them: visible text on the page.
"""

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from conftest import World, make_community

pytestmark = pytest.mark.browser

TITLE = "How often should we re-grease the bearings on the raw water pumps?"
BODY = "We grease every 2,000 hours but two bearings ran hot last month."
ANSWER = "Go by condition, not hours: we moved to ultrasound-guided greasing."
# Chromium logs a form that comes back with its errors (422) as a failed load: expected.
FORM_ERRORS = "Failed to load resource: the server responded with a status of 422"


def device_of(page: Page) -> str:
    size = page.viewport_size
    return "phone" if size is not None and size["width"] < 600 else "desktop"


def checked(page: Page, axe_check: Callable[..., Any], console_errors: Any) -> None:
    """One h1, no serious or critical axe-core violations, nothing in the console."""
    expect(page.locator("h1")).to_have_count(1)
    axe_check(page)
    errors = [e for e in console_errors(page) if not e.startswith(FORM_ERRORS)]
    assert errors == [], page.url


def test_charlie_joins_asks_bob_answers_charlie_votes_and_accepts(
    world: World,
    each_page: Page,
    open_page: Callable[[str], Page],
    sign_in: Callable[..., None],
    axe_check: Callable[..., Any],
    console_errors: Any,
) -> None:
    page = each_page
    community = make_community(slug="rotating-equipment", leader=world.bob)

    # The landing page and the sign-in page, as a visitor.
    page.goto("/")
    checked(page, axe_check, console_errors)
    page.goto("/accounts/login/")
    checked(page, axe_check, console_errors)
    sign_in(page, "charlie")

    # The dashboard.
    assert urlsplit(page.url).path == "/"
    checked(page, axe_check, console_errors)

    # The directory: the new community is there and charlie is not in it.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Communities").click()
    expect(page).to_have_url(re.compile(r"/c/$"))
    checked(page, axe_check, console_errors)
    page.get_by_role("link", name=community.name).click()

    # The community page: join.
    expect(page).to_have_url(re.compile(rf"/c/{community.slug}/$"))
    checked(page, axe_check, console_errors)
    page.get_by_role("button", name="Join this community").click()
    expect(page.get_by_text(f"Welcome to {community.name}.")).to_be_visible()
    expect(page.get_by_text("You are a member here")).to_be_visible()
    checked(page, axe_check, console_errors)

    # The ask form: no title first. The error shows at the title and the body is kept.
    page.get_by_role("link", name="Ask a question").first.click()
    expect(page).to_have_url(re.compile(rf"/c/{community.slug}/ask/$"))
    checked(page, axe_check, console_errors)
    page.get_by_label("Details").fill(BODY)
    page.get_by_role("button", name="Post your question").click()
    expect(page.locator(".field--error").get_by_text("Give it a title.")).to_be_visible()
    expect(page.get_by_label("Details")).to_have_value(BODY)
    expect(page.get_by_label("Title")).to_have_attribute("aria-invalid", "true")
    checked(page, axe_check, console_errors)

    page.get_by_label("Title").fill(TITLE)
    page.get_by_role("button", name="Post your question").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text(BODY)).to_be_visible()
    expect(page.get_by_role("heading", name="0 answers")).to_be_visible()
    checked(page, axe_check, console_errors)
    question_url = page.url

    # bob answers from his own browser.
    bobs = open_page(device_of(page))
    sign_in(bobs, "bob")
    bobs.goto(question_url)
    bobs.locator("#answer-form").get_by_role("textbox").fill(ANSWER)
    bobs.get_by_role("button", name="Post your answer").click()
    expect(bobs.get_by_role("article", name="Answer by Bob")).to_contain_text(ANSWER)
    expect(bobs.get_by_role("heading", name="1 answer")).to_be_visible()
    checked(bobs, axe_check, console_errors)

    # charlie sees it, votes it up and accepts it.
    page.reload()
    answer = page.get_by_role("article", name="Answer by Bob")
    expect(answer).to_contain_text(ANSWER)
    expect(answer.locator(".vote__score")).to_have_text(re.compile(r"\b0$"))
    answer.get_by_role("button", name="Vote up").click()
    expect(answer.locator(".vote__score")).to_have_text(re.compile(r"\b1$"))
    expect(answer.get_by_role("button", name="Vote up")).to_have_attribute("aria-pressed", "true")
    answer.get_by_role("button", name="Accept this answer").click()
    expect(answer.get_by_text("Accepted answer")).to_be_visible()
    expect(answer.get_by_role("button", name="Withdraw acceptance")).to_be_visible()
    checked(page, axe_check, console_errors)

    # What the next visitor sees: still accepted, score 1.
    page.reload()
    answer = page.get_by_role("article", name="Answer by Bob")
    expect(answer.get_by_text("Accepted answer")).to_be_visible()
    expect(answer.locator(".vote__score")).to_have_text(re.compile(r"\b1$"))

    # The inbox tells charlie bob answered.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Inbox").click()
    expect(page).to_have_url(re.compile(r"/notifications/$"))
    expect(page.get_by_role("link", name=f"Bob answered your question: {TITLE}")).to_be_visible()
    checked(page, axe_check, console_errors)
    page.get_by_role("link", name=f"Bob answered your question: {TITLE}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
