"""The visibility rule holds inside search: no hit, count, facet, suggestion or snippet
reveals what a viewer may not see."""

from typing import Any

import pytest

from practica.search.engine import SearchQuery, matching_entry_ids, search, similar

SECRET = "Zeppelin restructuring plan for the change team"


@pytest.fixture
def secret_world(world: Any, make_question: Any, make_answer: Any, reindex: Any) -> Any:
    private = make_question(
        community=world.private, author=world.bob, title=SECRET, body="Zeppelin budget."
    )
    make_answer(question=private, author=world.bob, body="Zeppelin answer in private.")
    make_question(
        community=world.request,
        author=world.bob,
        title="Zeppelin hangar maintenance",
        body="Host members only.",
    )
    make_question(
        community=world.open, author=world.bob, title="Open pump question", body="Anyone."
    )
    reindex()
    return world


def everything(viewer: Any, text: str = "zeppelin") -> Any:
    return search(viewer=viewer, query=SearchQuery(text=text))


def test_bob_in_the_private_community_finds_its_entries(secret_world):
    page = everything(secret_world.bob)
    assert SECRET in [h.title for h in page.hits]
    assert page.total == 3  # the private question and its answer, the on-request question


def test_charlie_sees_no_trace_of_the_private_community(secret_world):
    page = everything(secret_world.charlie)
    assert [h.title for h in page.hits] == ["Zeppelin hangar maintenance"]
    assert page.total == 1
    assert {o.value for o in page.facets["community"]} == {"project-managers"}
    assert {o.count for o in page.facets["type"]} == {1}
    assert "Zeppelin budget" not in str(page)


def test_dana_the_partner_sees_only_the_partner_community(secret_world):
    assert everything(secret_world.dana).total == 0
    pump = search(viewer=secret_world.dana, query=SearchQuery(text="pump", types=["question"]))
    assert [h.title for h in pump.hits] == ["Open pump question"]


def test_anonymous_visitors_find_nothing(secret_world):
    from django.contrib.auth.models import AnonymousUser

    assert everything(AnonymousUser()).total == 0
    assert everything(AnonymousUser(), "pump").total == 0


def test_no_spelling_suggestion_comes_from_invisible_words(secret_world):
    page = everything(secret_world.charlie, "zepelin restructuring")
    assert page.did_you_mean is None or "restructuring" not in page.did_you_mean
    bob = everything(secret_world.bob, "zepelin restructuring")
    assert bob.did_you_mean == "zeppelin restructuring"


def test_filtering_on_an_invisible_community_finds_nothing(secret_world):
    page = search(
        viewer=secret_world.charlie,
        query=SearchQuery(text="zeppelin", community="change-practitioners"),
    )
    assert page.total == 0 and page.facets["community"] == []


def test_similar_and_matching_respect_visibility(secret_world):
    titles = [h.title for h in similar(viewer=secret_world.charlie, text=SECRET)]
    assert SECRET not in titles
    assert SECRET in [h.title for h in similar(viewer=secret_world.bob, text=SECRET)]
    private_ids = {e.pk for e in secret_world.private.entries.all()}
    charlie_ids = {pk for pk, _ in matching_entry_ids(viewer=secret_world.charlie, text="zeppelin")}
    assert charlie_ids and not charlie_ids & private_ids


def test_a_member_seen_only_through_the_private_community_stays_hidden(secret_world, reindex):
    from practica.accounts.models import User
    from practica.communities.models import Membership

    eve = User.objects.create_user(
        username="eve", name="Eve Zeppelinova", organisation=secret_world.partner
    )
    Membership.objects.create(community=secret_world.private, user=eve, status="active")
    reindex()
    members = SearchQuery(text="zeppelinova", types=["member"])
    assert search(viewer=secret_world.charlie, query=members).total == 0
    assert search(viewer=secret_world.dana, query=members).total == 0
    assert [h.title for h in search(viewer=secret_world.bob, query=members).hits] == [
        "Eve Zeppelinova"
    ]
