"""The site-wide visibility walk: every HTML page and every state-changing endpoint, as
anonymous, alice, bob, charlie and dana, against a world with content in every community.

- anonymous is sent to /accounts/login/ everywhere but the landing page, /healthz and the
  sign-in pages;
- charlie (host organisation, not in the private community) gets 404 for everything of the
  private community; dana (partner organisation) for everything of the on-request and the
  private communities; alice and bob reach everything;
- nothing of a community a persona may not see (its name, slug, purpose, question titles,
  answers, comments, attachment names, its only members) appears in any page they receive.

The walk is complete by construction: ``test_every_url_pattern_is_walked`` enumerates the
project's URL patterns and fails for any that the walk table does not call, so a page added
later without a line here breaks the suite. Add the new page to ``calls()`` below with the
personas who may reach it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from conftest import World, join, make_user
from practica.accounts.models import ApiToken, User
from practica.accounts.services import create_token
from practica.communities.models import Community, Membership
from practica.content import services as content
from practica.content.models import Attachment, Comment, Entry, Vote
from practica.discussions import services as qa
from practica.notifications.models import Notification
from practica.search import indexing

PERSONAS = ["anonymous", "alice", "bob", "charlie", "dana"]
COMMUNITIES = ("open", "request", "private")
SEES: dict[str, set[str]] = {
    "anonymous": set(),
    "alice": {"open", "request", "private"},
    "bob": {"open", "request", "private"},
    "charlie": {"open", "request"},
    "dana": {"open"},
}
# A made-up word per community, in its purpose, titles, answers, comments and file names,
# so a leak shows up however a page words or truncates things.
CODEWORDS = {"open": "Meadowlark", "request": "Quarrymoss", "private": "Zephyrine"}
# Pages where alice and bob must find the private community's content: proof that the
# absence of it for charlie and dana means something.
LISTS_SHOWING_PRIVATE = [
    "/",
    "/questions/",
    "/questions/?sort=top",
    "/c/",
    "/topics/vibration-analysis/",
    "/members/bob/",
    "/members/erin/",
]
# URL prefixes outside the walk: the admin (staff only, Django's own), allauth's pages (its
# own tests; the sign-in pages are walked below as anonymous) and the API (its own walk).
SKIPPED_PREFIXES = ("admin/", "accounts/", "api/")
PUBLIC = {"home", "healthz"}
ALLAUTH_PAGES = ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]
# What a persona who may see a thing can get for a button or form: done (302), refused
# with a reason (403), or a form with errors (422), but never 404 or a 500.
ALLOWED = {200, 301, 302, 403, 422}


@dataclass
class Thread:
    community: Community
    question: Entry
    answer: Entry
    comment: Comment
    attachment: Attachment
    notification: Notification  # bob's: erin answered his question
    membership: Membership  # erin's, for the leaders' buttons
    markers: list[str] = field(default_factory=list)


@dataclass
class Seeded:
    world: World
    erin: User  # host organisation, in every community: answers and comments everywhere
    zelda: User  # host organisation, only in the private community
    token: ApiToken  # bob's
    threads: dict[str, Thread]

    def markers_hidden_from(self, persona: str) -> list[str]:
        hidden = [
            m for key in COMMUNITIES if key not in SEES[persona] for m in self.threads[key].markers
        ]
        if persona in ("anonymous", "dana"):
            # People dana may not see: zelda is only in the private community.
            hidden += [self.zelda.username, self.zelda.name]
        return hidden


@dataclass(frozen=True)
class Call:
    name: str  # the URL pattern's name
    method: str
    url: str
    who: frozenset[str]  # personas who may reach it; every other signed-in persona gets 404
    data: dict[str, str] = field(default_factory=dict)
    page: bool = False  # a page everyone in `who` reads: must answer 200
    last: bool = False  # changes what the persona may see (leaving): run after the rest

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.url}"


EVERYONE = frozenset({"alice", "bob", "charlie", "dana"})


def who_sees(key: str) -> frozenset[str]:
    return frozenset(p for p in EVERYONE if key in SEES[p])


def seed(world: World, on_commit: Callable[..., Any]) -> Seeded:
    """In each community: a question by bob (tagged, with an attachment, mentioning charlie
    and dana), erin's answer, bob's comment on it, and bob's notification about the answer.

    ``on_commit`` is pytest-django's ``django_capture_on_commit_callbacks``: notifications
    are sent on commit, which a test's transaction never reaches by itself.
    """
    erin = make_user(username="erin", organisation=world.host, name="Erin Walsh")
    zelda = make_user(username="zelda", organisation=world.host, name="Zelda Quist")
    for community in (world.open, world.request, world.private):
        join(community=community, user=erin)
        community.topics.add(world.topic)
    join(community=world.private, user=zelda)
    threads: dict[str, Thread] = {}
    communities = {"open": world.open, "request": world.request, "private": world.private}
    for key, community in communities.items():
        word = CODEWORDS[key]
        community.name = f"{community.name} {word}"
        community.purpose = f"{word} practitioners compare notes on reorganisations."
        community.save(update_fields=["name", "purpose"])
        with on_commit(execute=True):
            question = qa.ask_question(
                community=community,
                by=world.bob,
                title=f"How did the {word} teams handle the handover?",
                # Mentions of people who may not see the community must not reach them.
                body=f"Background on {word}: three sites merged. @charlie @dana what worked?",
                topics=[world.topic],
            )
            answer = qa.post_answer(
                question=question,
                by=erin,
                body=f"In {word} we paired every supervisor with a buddy for a month.",
            )
            comment = content.add_comment(
                entry=answer, author=world.bob, body=f"Which {word} site was that?"
            )
        upload = SimpleUploadedFile(
            f"{word.lower()}-handover-notes.txt", b"notes", content_type="text/plain"
        )
        attachment = content.attach(entry=question, uploader=world.bob, upload=upload)
        notification = Notification.objects.get(recipient=world.bob, entry=answer)
        threads[key] = Thread(
            community=community,
            question=question,
            answer=answer,
            comment=comment,
            attachment=attachment,
            notification=notification,
            membership=Membership.objects.get(community=community, user=erin),
            markers=[word, community.slug],
        )
    token, _key = create_token(user=world.bob, name="Walk token")
    indexing.rebuild(progress=False)  # communities and members too, as `practica reindex`
    return Seeded(world=world, erin=erin, zelda=zelda, token=token, threads=threads)


@pytest.fixture
def seeded(world: World, django_capture_on_commit_callbacks: Any) -> Seeded:
    return seed(world, django_capture_on_commit_callbacks)


def community_calls(thread: Thread) -> list[Call]:
    """Everything that belongs to one community: its pages, its content and their buttons."""
    key = next(k for k, w in CODEWORDS.items() if w in thread.markers)
    who = who_sees(key)
    slug = thread.community.slug
    q, a = thread.question, thread.answer
    attachment = thread.attachment
    membership = thread.membership.pk
    return [
        # Pages.
        Call("community_detail", "get", f"/c/{slug}/", who, page=True),
        Call("community_members", "get", f"/c/{slug}/members/", who, page=True),
        Call("community_questions", "get", f"/c/{slug}/questions/", who, page=True),
        Call("community_questions", "get", f"/c/{slug}/questions/?sort=top", who, page=True),
        Call("community_settings", "get", f"/c/{slug}/settings/", who),
        Call("ask_question", "get", f"/c/{slug}/ask/", who),
        Call("question_detail", "get", q.get_absolute_url(), who, page=True),
        Call("question_detail", "get", f"/q/{q.pk}-an-old-title", who),
        Call("question_detail_short", "get", f"/q/{q.pk}", who),
        Call("entry_anchor", "get", f"/e/{q.pk}", who),
        Call("entry_anchor", "get", f"/e/{a.pk}", who),
        Call("entry_edit", "get", f"/e/{q.pk}/edit/", who),
        Call("entry_edit", "get", f"/e/{a.pk}/edit/", who),
        Call("entry_delete", "get", f"/e/{q.pk}/delete/", who),
        Call("entry_delete", "get", f"/e/{a.pk}/delete/", who),
        Call("entry_move", "get", f"/e/{q.pk}/move/", who),
        Call(
            "similar_questions",
            "get",
            f"/questions/similar/?title=handover&community={slug}",
            who,
            page=True,
        ),
        Call("question_duplicate", "get", f"/q/{q.pk}/duplicate/", who),
        Call("question_duplicate", "get", f"/q/{q.pk}/duplicate/?q=handover", who),
        Call("entry_history", "get", f"/e/{q.pk}/history/", who, page=True),
        Call("entry_history", "get", f"/e/{a.pk}/history/?from=1&to=1", who, page=True),
        Call(
            "attachment_download",
            "get",
            f"/attachments/{attachment.pk}/{attachment.filename}",
            who,
            page=True,
        ),
        Call(
            "notification_open",
            "get",
            f"/notifications/{thread.notification.pk}/",
            frozenset({"bob"}),
        ),
        # Buttons and forms. Invalid forms where a valid one would change the markers.
        Call("community_join", "post", f"/c/{slug}/join/", who),
        Call("community_invite", "post", f"/c/{slug}/invite/", who, {"username": "zelda"}),
        Call("community_settings", "post", f"/c/{slug}/settings/", who, {"name": ""}),
        Call("membership_approve", "post", f"/c/{slug}/members/{membership}/approve/", who),
        Call(
            "membership_role",
            "post",
            f"/c/{slug}/members/{membership}/role/",
            who,
            {"role": "member"},
        ),
        Call("membership_decline", "post", f"/c/{slug}/members/{membership}/decline/", who),
        Call("ask_question", "post", f"/c/{slug}/ask/", who, {"title": "", "body": "Kept body"}),
        Call("question_answer", "post", f"/q/{q.pk}/answer/", who, {"body": "A walk answer."}),
        Call("entry_comment", "post", f"/e/{q.pk}/comment/", who, {"body": "A walk comment."}),
        Call("entry_comment", "post", f"/e/{a.pk}/comment/", who, {"body": "A walk comment."}),
        Call("entry_vote", "post", f"/e/{a.pk}/vote/", who, {"value": "1"}),
        Call("entry_vote", "post", f"/e/{q.pk}/vote/", who, {"value": "-1"}),
        Call("entry_follow", "post", f"/e/{q.pk}/follow/", who, {"follow": "1"}),
        Call("entry_edit", "post", f"/e/{q.pk}/edit/", who, {"title": "", "body": ""}),
        Call("entry_edit", "post", f"/e/{a.pk}/edit/", who, {"body": ""}),
        Call("answer_accept", "post", f"/e/{a.pk}/accept/", who),
        Call("entry_move", "post", f"/e/{q.pk}/move/", who, {"community": ""}),
        # A question is no duplicate of itself (422; 403 for members); it is no duplicate yet.
        Call("question_duplicate", "post", f"/q/{q.pk}/duplicate/", who, {"original": str(q.pk)}),
        Call("question_reopen", "post", f"/q/{q.pk}/reopen/", who),
        # Deleting hides the thread from everyone: after the rest, answer before question.
        Call("entry_delete", "post", f"/e/{a.pk}/delete/", who, last=True),
        Call("entry_delete", "post", f"/e/{q.pk}/delete/", who, last=True),
        Call("community_leave", "post", f"/c/{slug}/leave/", who, last=True),
    ]


def calls(seeded: Seeded) -> list[Call]:
    """The walk table: every URL pattern, for every community where it takes one."""
    bob, erin, zelda, dana = seeded.world.bob, seeded.erin, seeded.zelda, seeded.world.dana
    topic = seeded.world.topic.slug
    zelda_seers = frozenset({"alice", "bob", "charlie"})  # host members; dana is a partner
    everywhere = [
        Call("home", "get", "/", EVERYONE, page=True),
        Call("healthz", "get", "/healthz", EVERYONE, page=True),
        Call("community_directory", "get", "/c/", EVERYONE, page=True),
        Call("community_directory", "get", "/c/?q=reorganisations", EVERYONE, page=True),
        Call("community_directory", "get", f"/c/?topic={topic}", EVERYONE, page=True),
        Call("community_create", "get", "/c/new/", EVERYONE),
        Call("question_list", "get", "/questions/", EVERYONE, page=True),
        Call("question_list", "get", "/questions/?sort=unanswered", EVERYONE, page=True),
        Call("question_list", "get", "/questions/?sort=active", EVERYONE, page=True),
        Call("question_list", "get", f"/questions/?topic={topic}", EVERYONE, page=True),
        Call("topic_list", "get", "/topics/", EVERYONE, page=True),
        Call("topic_detail", "get", f"/topics/{topic}/", EVERYONE, page=True),
        Call("topic_create", "get", "/topics/new/", EVERYONE),
        Call("topic_edit", "get", f"/topics/{topic}/edit/", EVERYONE),
        Call("member_list", "get", "/members/", EVERYONE, page=True),
        Call("member_list", "get", "/members/?q=uis", EVERYONE, page=True),
        Call("member_list", "get", f"/members/?topic={topic}", EVERYONE, page=True),
        Call("member_profile", "get", f"/members/{bob.username}/", EVERYONE, page=True),
        Call("member_profile", "get", f"/members/{erin.username}/", EVERYONE, page=True),
        Call("member_profile", "get", f"/members/{dana.username}/", EVERYONE, page=True),
        Call("member_profile", "get", f"/members/{zelda.username}/", zelda_seers, page=True),
        Call("profile_edit", "get", "/settings/profile/", EVERYONE, page=True),
        Call("api_tokens", "get", "/settings/tokens/", EVERYONE, page=True),
        Call("inbox", "get", "/notifications/", EVERYONE, page=True),
        Call("search", "get", "/search/?q=handover", EVERYONE, page=True),
        Call("search", "get", "/search/?q=reorganisations+OR+supervisor", EVERYONE, page=True),
        # The query is echoed on the page, so search for words of the bodies, not markers.
        Call("search", "get", "/search/?q=three+sites+merged", EVERYONE, page=True),
        Call("search", "get", "/search/?q=zephyrin", EVERYONE, page=True),
        Call(
            "search", "get", f"/search/?q=handover&topic={topic}&type=answer", EVERYONE, page=True
        ),
        # Similar questions while asking (discussions); titles are echoed, so no markers.
        Call(
            "similar_questions",
            "get",
            "/questions/similar/?title=handle+the+handover",
            EVERYONE,
            page=True,
        ),
        Call(
            "similar_questions",
            "get",
            "/questions/similar/?title=handover&body=three+sites+merged",
            EVERYONE,
            page=True,
        ),
        Call("experts", "get", f"/people/experts/?topic={topic}", EVERYONE, page=True),
        Call("experts", "get", "/people/experts/?q=handover", EVERYONE, page=True),
        Call("member_follow", "post", f"/members/{erin.username}/follow/", EVERYONE),
        Call("member_follow", "post", f"/members/{zelda.username}/follow/", zelda_seers),
        Call("community_create", "post", "/c/new/", EVERYONE, {"name": ""}),
        Call("topic_create", "post", "/topics/new/", EVERYONE, {"name": ""}),
        Call("topic_edit", "post", f"/topics/{topic}/edit/", EVERYONE, {"name": ""}),
        Call("profile_edit", "post", "/settings/profile/", EVERYONE, {"name": ""}),
        Call("api_tokens", "post", "/settings/tokens/", EVERYONE, {"name": ""}),
        # Someone else's token is not theirs to see: 404 (and it survives, see below).
        Call(
            "api_token_revoke",
            "post",
            f"/settings/tokens/{seeded.token.pk}/revoke/",
            frozenset({"bob"}),
            last=True,
        ),
        Call("inbox_mark_read", "post", "/notifications/read/", EVERYONE),
    ]
    per_community = [c for key in COMMUNITIES for c in community_calls(seeded.threads[key])]
    table = everywhere + per_community
    # Reads first, then writes, then what changes the persona's own access.
    return sorted(table, key=lambda c: (c.last, c.method != "get"))


# --- Helpers -----------------------------------------------------------------------------


def client_as(seeded: Seeded, persona: str) -> Client:
    client = Client()
    if persona != "anonymous":
        client.force_login(getattr(seeded.world, persona))
    return client


def send(client: Client, call: Call) -> HttpResponseBase:
    if call.method == "get":
        return client.get(call.url)
    return client.post(call.url, call.data)


def body_of(response: HttpResponseBase) -> str:
    if isinstance(response, StreamingHttpResponse | FileResponse):
        # Reading it to the end closes it, as a WSGI server would (the test client's
        # wrapper); closing it again would close the test's database connection.
        chunks = b"".join(response.streaming_content)  # type: ignore[arg-type]
        return chunks.decode(errors="replace")
    assert isinstance(response, HttpResponse)
    return response.content.decode(errors="replace")


def to_sign_in(response: HttpResponseBase) -> bool:
    return response.status_code == 302 and urlsplit(response["Location"]).path == "/accounts/login/"


def leaks(persona: str, url: str, body: str, markers: list[str]) -> list[str]:
    lowered = body.lower()
    return [f"{persona} sees {m!r} in {url}" for m in markers if m.lower() in lowered]


def entry_counts() -> dict[int, int]:
    return {c.pk: Entry.objects.filter(community=c).count() for c in Community.objects.all()}


def written_where_hidden(seeded: Seeded, persona: str, before: dict[int, int]) -> list[str]:
    """What the walk's buttons and forms left in communities the persona may not see."""
    user = getattr(seeded.world, persona)
    problems = []
    for key in COMMUNITIES:
        if key in SEES[persona]:
            continue
        community = seeded.threads[key].community
        if Entry.objects.filter(community=community).count() != before[community.pk]:
            problems.append(f"{persona} added entries to {community.slug}")
        if Vote.objects.filter(entry__community=community, user=user).exists():
            problems.append(f"{persona} voted in {community.slug}")
        if Comment.objects.filter(entry__community=community, author=user).exists():
            problems.append(f"{persona} commented in {community.slug}")
        if Membership.objects.filter(community=community, user=user).exists():
            problems.append(f"{persona} joined or was invited to {community.slug}")
        # The question's body mentions charlie and dana: that must not tell them about it.
        if Notification.objects.filter(recipient=user, entry__community=community).exists():
            problems.append(f"{persona} was notified about {community.slug}")
    return problems


def url_names() -> dict[str, str]:
    """Every URL pattern of the project outside the skipped prefixes: name -> route."""
    found: dict[str, str] = {}

    def walk(patterns: list[Any], prefix: str, namespace: str) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                if route.startswith(SKIPPED_PREFIXES):
                    continue
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, route, inner)
            elif isinstance(pattern, URLPattern):
                if "static" in route.split("/")[0]:
                    continue
                name = f"{namespace}{pattern.name}" if pattern.name else f"(unnamed) {route}"
                found[name] = route

    walk(get_resolver().url_patterns, "", "")
    return found


# --- The walk ------------------------------------------------------------------------------


def test_every_url_pattern_is_walked(seeded: Seeded) -> None:
    walked = {call.name for call in calls(seeded)}
    patterns = url_names()
    assert {"home", "question_detail", "community_detail", "inbox"} <= set(patterns)
    missing = {name: route for name, route in patterns.items() if name not in walked}
    assert not missing, (
        "These URL patterns are not in the visibility walk; add them to calls() in "
        f"tests/test_visibility_walk.py with who may reach them: {missing}"
    )


def test_every_call_in_the_walk_reaches_the_pattern_it_names(seeded: Seeded) -> None:
    wrong = []
    for call in calls(seeded):
        match = resolve(urlsplit(call.url).path)
        if match.url_name != call.name:
            wrong.append(f"{call} resolves to {match.url_name}, not {call.name}")
    assert not wrong, wrong


def test_anonymous_visitors_are_sent_to_sign_in_from_everything_but_the_public_pages(
    seeded: Seeded,
) -> None:
    client = Client()
    problems = []
    hidden = seeded.markers_hidden_from("anonymous")
    for call in calls(seeded):
        response = send(client, call)
        body = body_of(response)
        if call.name in PUBLIC and call.method == "get":
            if response.status_code != 200:
                problems.append(f"{call}: {response.status_code}, expected 200")
        elif not to_sign_in(response):
            where = response.get("Location", "")
            problems.append(f"{call}: {response.status_code} {where}, expected sign-in")
        problems += leaks("anonymous", call.url, body, hidden)
    for url in ALLAUTH_PAGES:
        response = client.get(url)
        if response.status_code != 200:
            problems.append(f"GET {url}: {response.status_code}, expected 200")
        problems += leaks("anonymous", url, body_of(response), hidden)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("persona", ["alice", "bob", "charlie", "dana"])
def test_each_persona_reaches_exactly_what_they_may_see_and_nothing_else_leaks(
    seeded: Seeded, persona: str
) -> None:
    client = client_as(seeded, persona)
    hidden = seeded.markers_hidden_from(persona)
    before = entry_counts()
    problems: list[str] = []
    for call in calls(seeded):
        response = send(client, call)
        status = response.status_code
        body = body_of(response)
        if persona not in call.who:
            if status != 404:
                problems.append(f"{persona}: {call} answered {status}, expected 404")
        elif status >= 500 or status == 404 or to_sign_in(response):
            problems.append(f"{persona}: {call} answered {status} {response.get('Location', '')}")
        elif call.page and status != 200:
            problems.append(f"{persona}: {call} answered {status}, expected 200")
        elif status not in ALLOWED:
            problems.append(f"{persona}: {call} answered {status}")
        problems += leaks(persona, str(call), body, hidden)
    problems += written_where_hidden(seeded, persona, before)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("persona", ["alice", "bob"])
def test_alice_and_bob_find_the_private_community_in_every_list(
    seeded: Seeded, persona: str
) -> None:
    client = client_as(seeded, persona)
    word = CODEWORDS["private"]
    missing = [url for url in LISTS_SHOWING_PRIVATE if word not in body_of(client.get(url))]
    assert not missing, f"{persona} does not see {word} in {missing}"


@pytest.mark.parametrize(("persona", "listed"), [("charlie", 2), ("dana", 1)])
def test_charlie_and_dana_see_their_own_communities_in_the_lists(
    seeded: Seeded, persona: str, listed: int
) -> None:
    client = client_as(seeded, persona)
    for url in ("/questions/", "/c/", "/topics/vibration-analysis/"):
        body = body_of(client.get(url))
        shown = [k for k in COMMUNITIES if CODEWORDS[k] in body]
        assert sorted(shown) == sorted(SEES[persona]), (url, shown)
    assert len(SEES[persona]) == listed


@pytest.mark.parametrize("persona", ["alice", "charlie", "dana"])
def test_revoking_someone_elses_token_answers_404_and_keeps_the_token(
    seeded: Seeded, persona: str
) -> None:
    response = client_as(seeded, persona).post(f"/settings/tokens/{seeded.token.pk}/revoke/")

    assert ApiToken.objects.filter(pk=seeded.token.pk).exists()
    # Not theirs to see: 404, like everything else that is not theirs, and no message
    # claiming "The token is revoked" when nothing was.
    assert response.status_code == 404
