"""Finding people in a real browser, on a desktop and on a phone.

charlie goes from the member directory to "Who knows about…", picks a topic and sees who
answered on it and why; an empty search shows its error in place; a question's page
suggests whom to ask; the community directory suggests a community from his expertise.
Every page passes axe-core (no serious or critical violations) and logs no console errors.
"""

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from conftest import World, join, make_user
from practica.communities.models import Community
from practica.discussions import services as qa

pytestmark = pytest.mark.browser

# Chromium logs a form that comes back with its errors (422) as a failed load: expected.
FORM_ERRORS = "Failed to load resource: the server responded with a status of 422"


def checked(page: Page, axe_check: Callable[..., Any], console_errors: Any) -> None:
    expect(page.locator("h1")).to_have_count(1)
    axe_check(page)
    errors = [e for e in console_errors(page) if not e.startswith(FORM_ERRORS)]
    assert errors == [], page.url


def seed(world: World) -> None:
    erin = make_user(username="erin", organisation=world.host, name="Erin Walsh")
    join(community=world.open, user=erin)
    erin.expertise.add(world.topic)
    world.charlie.expertise.add(world.topic)
    question = qa.ask_question(
        community=world.open,
        by=world.bob,
        title="What vibration limits do you use on the raw water pumps?",
        body="We alarm at 7 mm/s but it trips too often.",
        topics=[world.topic],
    )
    answer = qa.post_answer(question=question, by=erin, body="Alarm on the trend, not the level.")
    qa.accept_answer(answer=answer, by=world.bob)
    qa.ask_question(
        community=world.open,
        by=world.dana,
        title="Which accelerometers survive outdoors?",
        body="Ours die every winter.",
        topics=[world.topic],
    )
    asset_care = Community.objects.create(
        slug="asset-care", name="Asset Care", purpose="Looking after what we own."
    )
    asset_care.topics.add(world.topic)


def test_charlie_finds_who_knows_about_a_topic(
    world: World,
    each_page: Page,
    sign_in: Callable[..., None],
    axe_check: Callable[..., Any],
    console_errors: Any,
) -> None:
    page = each_page
    seed(world)
    sign_in(page, "charlie")

    page.goto("/members/")
    page.get_by_role(
        "link", name="Who knows about…? Find people by what they have answered"
    ).click()
    expect(page).to_have_url(re.compile(r"/people/experts/$"))
    expect(page.locator("h1")).to_have_text("Who knows about…")
    checked(page, axe_check, console_errors)

    # Nothing chosen: the error shows in place.
    page.get_by_role("button", name="Find people").click()
    expect(page.locator(".error-summary")).to_contain_text(
        "Choose a topic or describe what you need to know."
    )
    checked(page, axe_check, console_errors)

    page.get_by_label("Topic").select_option(label="Vibration analysis")
    page.get_by_role("button", name="Find people").click()
    results = page.locator(".expert-list > li")
    expect(results.first).to_contain_text("Erin Walsh")
    expect(results.first).to_contain_text("1 accepted answer about Vibration analysis")
    expect(results.first).to_contain_text("lists Vibration analysis as expertise")
    expect(page.locator(".expert-list")).to_contain_text("Bob")
    checked(page, axe_check, console_errors)

    # Free text finds the topic by its name.
    page.get_by_label("Topic").select_option(label="Any topic")
    page.get_by_label("Or describe it in a few words").fill("vibration")
    page.get_by_role("button", name="Find people").click()
    expect(page.locator(".expert-list > li").first).to_contain_text("Erin Walsh")
    checked(page, axe_check, console_errors)


def test_the_question_page_and_the_directory_make_suggestions(
    world: World,
    each_page: Page,
    sign_in: Callable[..., None],
    axe_check: Callable[..., Any],
    console_errors: Any,
) -> None:
    page = each_page
    seed(world)
    sign_in(page, "charlie")

    page.goto("/questions/")
    page.get_by_role("link", name="Which accelerometers survive outdoors?").click()
    box = page.locator(".suggested-experts")
    expect(box).to_contain_text("People who might know")
    expect(box).to_contain_text("Erin Walsh")
    checked(page, axe_check, console_errors)

    page.goto("/c/")
    suggestions = page.locator(".community-suggestions")
    expect(suggestions).to_contain_text("Asset Care")
    expect(suggestions).to_contain_text("matches your expertise: Vibration analysis")
    checked(page, axe_check, console_errors)
