from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from io import StringIO
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.test import Client, override_settings

from practica.accounts.models import Organisation, User
from practica.communities.models import Community, Membership, MembershipStatus, Visibility
from practica.communities.visibility import community_q
from practica.content import services as content
from practica.content.models import Comment, Entry, Kind, Revision, Vote
from practica.core.demo import PASSWORD, SOURCE, load_demo, people
from practica.core.demo import loader as demo_loader
from practica.discussions import services as qa
from practica.notifications.models import Notification
from practica.taxonomy.models import Topic
from practica.taxonomy.selectors import resolve_topics

PERSONAS = ("alice", "bob", "charlie", "dana")


def community_slugs(username: str) -> set[str]:
    return set(
        Membership.objects.filter(
            user__username=username, status=MembershipStatus.ACTIVE
        ).values_list("community__slug", flat=True)
    )


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def scores() -> dict[int, tuple[int, int, int, int | None]]:
    return {
        e.pk: (e.score, e.child_count, e.comment_count, e.accepted_child_id)
        for e in Entry.objects.all()
    }


def values(row: tuple[int, int, int, int | None]) -> tuple[int, int, int, bool]:
    score, answers, comments, accepted = row
    return score, answers, comments, accepted is not None


def assert_counters_match_rows() -> None:
    answers = Count("children", filter=Q(children__kind=Kind.ANSWER), distinct=True)
    for question in Entry.objects.filter(kind=Kind.QUESTION).annotate(answers=answers):
        assert question.child_count == question.answers, question.title
        if question.accepted_child is not None:
            assert question.accepted_child.parent_id == question.pk
    for voted in Entry.objects.annotate(total=Sum("votes__value")):
        assert voted.score == (voted.total or 0), voted.external_id
    for entry in Entry.objects.annotate(comment_rows=Count("comments")):
        assert entry.comment_count == entry.comment_rows, entry.external_id
        assert entry.revision_count == entry.revisions.count() == 1
        assert entry.last_activity_at >= entry.created_at
    for community in Community.objects.all():
        questions = community.entries.filter(kind=Kind.QUESTION).count()
        members = community.memberships.filter(status=MembershipStatus.ACTIVE).count()
        assert community.question_count == questions, community.slug
        assert community.member_count == members, community.slug
    for user in User.objects.all():
        unread = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
        assert user.unread_notifications == unread, user.username


# The data itself ----------------------------------------------------------------------------


def test_demo_data_keys_usernames_and_topics_refer_to_things_that_exist() -> None:
    usernames = {person.username for person in people.PEOPLE}
    topics = {topic.slug for topic in people.TOPICS}
    communities = {community.slug for community in people.COMMUNITIES}
    keys = [q.key for questions in demo_loader.QUESTIONS.values() for q in questions]
    assert len(keys) == len(set(keys))
    assert len(usernames) == len(people.PEOPLE)
    assert set(demo_loader.QUESTIONS) == communities
    for spec in people.TOPICS:
        assert spec.parent in topics | {""}
    for person in people.PEOPLE:
        assert set(person.expertise) <= topics
        assert set(person.communities) <= communities
    for questions in demo_loader.QUESTIONS.values():
        for question in questions:
            assert set(question.topics) <= topics, question.key
            assert question.author in usernames
            assert sum(answer.accepted for answer in question.answers) <= 1, question.key
            assert datetime(2026, 2, 1, tzinfo=UTC) <= demo_loader.parse_when(question.asked)
            assert demo_loader.parse_when(question.asked) <= datetime(
                2026, 11, 15, 23, 59, tzinfo=UTC
            )


# Loading ------------------------------------------------------------------------------------


@pytest.fixture(scope="class")
def loaded(django_db_setup: Any, django_db_blocker: Any) -> Iterator[demo_loader.Summary]:
    """The demo loaded once for a class of read-only tests, and rolled back after them."""
    # The hasher the suite uses (conftest), so the personas' passwords check against it.
    md5 = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with django_db_blocker.unblock(), md5, transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


@pytest.fixture
def demo(loaded: demo_loader.Summary, db: Any) -> demo_loader.Summary:
    return loaded


class TestTheLoadedDemo:
    def test_personas_sign_in_with_the_demo_password_and_a_verified_address(
        self, demo: Any
    ) -> None:
        for username in PERSONAS:
            user = User.objects.get(username=username)
            assert Client().login(username=username, password=PASSWORD), username
            address = EmailAddress.objects.get(user=user)
            assert address.verified and address.primary and address.email == user.email
        alice = User.objects.get(username="alice")
        assert alice.is_superuser and alice.is_staff
        assert not User.objects.filter(is_superuser=True).exclude(username="alice").exists()

    def test_bob_signs_in_through_the_sign_in_form_without_an_e_mail_check(self, demo: Any) -> None:
        client = Client()
        response = client.post("/accounts/login/", {"login": "bob", "password": PASSWORD})
        assert response.status_code == 302
        assert "confirm-email" not in response["Location"]
        assert client.get("/").wsgi_request.user.username == "bob"

    def test_persona_memberships_are_as_the_issue_describes(self, demo: Any) -> None:
        every = set(Community.objects.values_list("slug", flat=True))
        private = set(
            Community.objects.filter(visibility=Visibility.PRIVATE).values_list("slug", flat=True)
        )
        partner_admitting = set(
            Community.objects.filter(admits_partners=True).values_list("slug", flat=True)
        )
        assert community_slugs("bob") == every
        assert community_slugs("charlie") == every - private
        assert community_slugs("dana") == partner_admitting
        assert Membership.objects.filter(user__username="bob", role="leader").exists()
        host = Organisation.objects.get(is_host=True)
        assert User.objects.get(username="charlie").organisation == host
        dana = User.objects.select_related("organisation").get(username="dana")
        assert dana.organisation is not None and dana.organisation.name == "Northwind Engineering"

    def test_there_are_communities_of_every_kind_with_charters_leaders_and_topics(
        self, demo: Any
    ) -> None:
        assert Community.objects.count() >= 3
        private = Community.objects.get(visibility=Visibility.PRIVATE)
        assert private.entries.filter(kind=Kind.QUESTION).count() >= 5
        partner_admitting = Community.objects.get(admits_partners=True)
        assert partner_admitting.memberships.filter(user__organisation__is_host=False).count() >= 4
        for community in Community.objects.all():
            assert len(community.purpose) > 200 and community.sponsor
            assert community.topics.exists()
            assert community.memberships.filter(role="leader").exists()
            assert community.last_activity_at is not None

    def test_the_topic_vocabulary_is_hierarchical_with_synonyms(self, demo: Any) -> None:
        vibration = Topic.objects.get(slug="vibration-analysis")
        assert vibration.parent is not None and vibration.parent.slug == "rotating-equipment"
        assert "VA" in vibration.synonym_list()
        found, unknown = resolve_topics(["EVM", "RCA", "condition monitoring"])
        assert [t.slug for t in found] == ["earned-value", "root-cause-analysis", vibration.slug]
        assert not unknown
        assert Topic.objects.filter(parent=None).count() >= 4

    def test_what_charlie_and_dana_may_see_follows_the_visibility_rule(self, demo: Any) -> None:
        charlie = User.objects.get(username="charlie")
        dana = User.objects.select_related("organisation").get(username="dana")
        seen_by_charlie = set(
            Community.objects.filter(community_q(charlie)).values_list("slug", flat=True)
        )
        assert people.CHANGE not in seen_by_charlie
        assert seen_by_charlie == {people.PUMPS, people.PROJECTS, people.DATA}
        assert set(Community.objects.filter(community_q(dana)).values_list("slug", flat=True)) == {
            people.PUMPS
        }

    def test_there_are_thirty_members_with_profiles_and_expertise(self, demo: Any) -> None:
        members = User.objects.filter(is_active=True)
        assert members.count() >= 30
        for user in members:
            assert user.name and user.job_role and user.location and user.bio, user.username
            assert user.expertise.exists(), user.username
        assert len(set(members.values_list("time_zone", flat=True))) >= 8
        northwind = members.filter(organisation__name="Northwind Engineering")
        assert 4 <= northwind.count() <= 5
        assert set(Membership.objects.filter(user__in=northwind).values_list(
            "community__slug", flat=True
        )) == {people.PUMPS}  # fmt: skip

    def test_there_are_sixty_questions_with_answers_votes_comments_and_accepted_answers(
        self, demo: Any
    ) -> None:
        questions = Entry.objects.filter(kind=Kind.QUESTION, source=SOURCE)
        assert questions.count() >= 55
        assert Entry.objects.filter(kind=Kind.ANSWER).count() >= 100
        assert Vote.objects.count() >= 300 and Vote.objects.filter(value=-1).exists()
        assert Comment.objects.count() >= 25
        accepted = questions.filter(accepted_child__isnull=False).count()
        unanswered = questions.filter(child_count=0).count()
        answered_not_accepted = questions.filter(child_count__gt=0, accepted_child=None).count()
        assert accepted >= 40
        assert 8 <= unanswered <= 12
        assert answered_not_accepted >= 3
        for community in Community.objects.all():
            assert community.entries.filter(kind=Kind.QUESTION).count() >= 10
        assert Entry.objects.filter(body_html__contains='class="mention"').exists()
        assert Entry.objects.filter(
            topics__isnull=False, kind=Kind.QUESTION
        ).distinct().count() == (questions.count())

    def test_content_keeps_its_historical_dates(self, demo: Any) -> None:
        first = Entry.objects.get(source=SOURCE, external_id="q:seal-75kw-six-weeks")
        assert first.created_at == datetime(2026, 2, 3, 8, 40, tzinfo=UTC)
        assert first.revisions.get().created_at == first.created_at
        assert first.last_activity_at > first.created_at  # answers and comments came later
        dates = Entry.objects.filter(kind=Kind.QUESTION).values_list("created_at", flat=True)
        assert min(dates) >= datetime(2026, 2, 1, tzinfo=UTC)
        assert max(dates) <= datetime(2026, 11, 16, tzinfo=UTC)
        months = Counter(d.month for d in dates)
        assert len(months) >= 9

    def test_nobody_votes_on_their_own_posts(self, demo: Any) -> None:
        assert not Vote.objects.filter(user_id=F("entry__author_id")).exists()

    def test_counters_are_consistent_with_the_rows(self, demo: Any) -> None:
        assert_counters_match_rows()

    def test_loading_sends_no_e_mail_and_gives_only_bob_a_few_notifications(
        self, demo: Any
    ) -> None:
        assert mail.outbox == []
        assert set(Notification.objects.values_list("recipient__username", flat=True)) == {"bob"}
        bob = User.objects.get(username="bob")
        assert 3 <= bob.unread_notifications <= Notification.objects.count()

    # Loading again (each test's changes are rolled back before the next) ---------------------

    def test_loading_twice_changes_nothing(self, demo: Any) -> None:
        counts, before = row_counts(), scores()
        second = load_demo()
        assert row_counts() == counts
        assert scores() == before
        assert second.created.total() == 0
        assert second.present["questions"] == demo.created["questions"] >= 55

    def test_loading_again_keeps_what_people_added_since(self, demo: Any) -> None:
        charlie = User.objects.get(username="charlie")
        dana = User.objects.select_related("organisation").get(username="dana")
        pumps = Community.objects.get(slug=people.PUMPS)
        demo_question = Entry.objects.get(source=SOURCE, external_id="q:curve-vs-field-test")
        theirs = qa.ask_question(
            community=pumps, by=charlie, title="Which grease for submersibles?", body="Any?"
        )
        qa.post_answer(question=demo_question, by=dana, body="Test with calibrated gauges.")
        content.vote(entry=demo_question, user=dana, value=1)
        accepted = Entry.objects.get(source=SOURCE, external_id="q:seal-75kw-six-weeks")
        assert accepted.accepted_child is not None
        qa.accept_answer(answer=accepted.accepted_child, by=accepted.author)  # un-accepts
        counts = row_counts()

        load_demo()

        assert row_counts() == counts
        assert Entry.objects.filter(pk=theirs.pk).exists()
        demo_question.refresh_from_db()
        assert demo_question.child_count == 1 and demo_question.score == 1
        accepted.refresh_from_db()
        assert accepted.accepted_child is None  # a re-run does not undo someone's decision
        assert_counters_match_rows()

    def test_loading_completes_a_partly_loaded_demo(self, demo: Any) -> None:
        counts, before = row_counts(), scores()
        question = Entry.objects.get(source=SOURCE, external_id="q:2x-vibration-after-overhaul")
        Revision.objects.filter(entry__parent=question).delete()
        Entry.objects.filter(parent=question).delete()
        Entry.objects.filter(pk=question.pk).update(child_count=0, accepted_child=None)

        load_demo()

        assert row_counts() == counts
        # The answers are new rows (new ids) with the same votes, comments and acceptance.
        assert sorted(map(values, scores().values())) == sorted(map(values, before.values()))
        assert_counters_match_rows()


# On an empty database -----------------------------------------------------------------------


def test_an_unnamed_host_organisation_takes_the_demo_name(db: Any) -> None:
    Organisation.objects.create(name="Host organisation", slug="host-organisation", is_host=True)
    host, partner = demo_loader.load_organisations(
        host_name="Thames Valley Water", summary=demo_loader.Summary()
    )
    assert Organisation.objects.get(is_host=True).name == host.name == "Thames Valley Water"
    assert demo_loader.host_domain(host) == "thames.example"
    assert partner.domains() == ["northwind.example"] and not partner.is_host


def test_a_named_host_organisation_keeps_its_name(db: Any) -> None:
    Organisation.objects.create(
        name="Contoso Utilities",
        slug="contoso-utilities",
        is_host=True,
        email_domains="contoso.com",
    )
    host, _partner = demo_loader.load_organisations(
        host_name="Thames Valley Water", summary=demo_loader.Summary()
    )
    assert Organisation.objects.get(is_host=True).name == host.name == "Contoso Utilities"
    assert host.domains() == ["contoso.com"]
    assert demo_loader.host_domain(host) == "contoso.example"  # never a real mailbox


def test_a_host_organisation_named_in_the_settings_keeps_that_name(db: Any, settings: Any) -> None:
    settings.HOST_ORGANISATION_NAME = "Contoso Utilities"
    host, _partner = demo_loader.load_organisations(
        host_name="Thames Valley Water", summary=demo_loader.Summary()
    )
    assert host.is_host and host.name == "Contoso Utilities"


def test_the_demo_command_prints_progress_a_summary_and_the_logins(db: Any) -> None:
    out = StringIO()
    call_command("demo", "--host-name", "Acme Water Services", stdout=out)
    text = out.getvalue()
    assert "Pump Reliability Engineers: 28 questions" in text
    assert "Demo data loaded." in text and "0 already present" in text
    assert "practica-demo" in text
    assert Organisation.objects.get(is_host=True).name == "Acme Water Services"
    assert User.objects.get(username="bob").email == "bob@acme.example"
