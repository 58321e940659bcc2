from typing import Any

import pytest

from practica.accounts.models import User
from practica.communities.models import Membership, Role
from practica.core.errors import NotAllowed, ServiceError
from practica.taxonomy import services
from practica.taxonomy.models import Topic


def test_site_admins_leaders_and_facilitators_curate_topics(world: Any) -> None:
    assert services.can_curate_topics(world.alice)
    assert services.can_curate_topics(world.bob)
    assert not services.can_curate_topics(world.charlie)
    Membership.objects.filter(community=world.open, user=world.dana).update(role=Role.FACILITATOR)
    assert services.can_curate_topics(world.dana)


def test_a_pending_leader_does_not_curate(world: Any) -> None:
    erin = User.objects.create_user(username="erin", organisation=world.host)
    Membership.objects.create(community=world.open, user=erin, role=Role.LEADER, status="pending")
    assert not services.can_curate_topics(erin)


def test_create_topic_makes_a_slug_and_tidies_synonyms(world: Any) -> None:
    topic = services.create_topic(
        by=world.bob,
        name="  Root cause   analysis ",
        parent=world.topic,
        synonyms="RCA\n\n rca \n5 whys",
    )
    assert topic.name == "Root cause analysis"
    assert topic.slug == "root-cause-analysis"
    assert topic.parent == world.topic
    assert topic.synonym_list() == ["RCA", "5 whys"]


def test_create_topic_refuses_a_duplicate_name_in_any_case(world: Any) -> None:
    with pytest.raises(ServiceError) as error:
        services.create_topic(by=world.bob, name="VIBRATION ANALYSIS", slug="other")
    assert error.value.field == "name"


def test_create_topic_refuses_a_taken_or_reserved_slug(world: Any) -> None:
    for slug in ["vibration-analysis", "new"]:
        with pytest.raises(ServiceError) as error:
            services.create_topic(by=world.bob, name=f"Something {slug}", slug=slug)
        assert error.value.field == "slug"


def test_create_topic_needs_a_name(world: Any) -> None:
    with pytest.raises(ServiceError):
        services.create_topic(by=world.bob, name="   ")


def test_members_without_a_role_cannot_create_topics(world: Any) -> None:
    with pytest.raises(NotAllowed):
        services.create_topic(by=world.charlie, name="Lubrication")
    assert not Topic.objects.filter(name="Lubrication").exists()


def test_update_topic_refuses_a_parent_cycle(world: Any) -> None:
    child = services.create_topic(by=world.bob, name="Bearing vibration", parent=world.topic)
    grandchild = services.create_topic(by=world.bob, name="Outer race faults", parent=child)
    for parent in [world.topic, child, grandchild]:
        with pytest.raises(ServiceError) as error:
            services.update_topic(
                topic=world.topic, by=world.bob, name="Vibration analysis", parent=parent
            )
        assert error.value.field == "parent"
    world.topic.refresh_from_db()
    assert world.topic.parent is None


def test_update_topic_refuses_another_topics_name(world: Any) -> None:
    other = services.create_topic(by=world.bob, name="Lubrication")
    with pytest.raises(ServiceError):
        services.update_topic(topic=other, by=world.bob, name="vibration analysis", parent=None)


def test_update_topic_renames_and_moves_but_keeps_the_slug(world: Any) -> None:
    broader = services.create_topic(by=world.bob, name="Condition monitoring")
    topic = services.update_topic(
        topic=world.topic,
        by=world.alice,
        name="Vibration monitoring",
        parent=broader,
        synonyms="VA",
    )
    topic.refresh_from_db()
    assert (topic.name, topic.slug, topic.parent) == (
        "Vibration monitoring",
        "vibration-analysis",
        broader,
    )
