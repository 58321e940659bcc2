"""`practica import-stackexchange`: a Stack Exchange dump becomes a community's questions.

Small dumps are written into tmp_path (XML and CSV); the real dumps in shared/data are
imported too when that folder is there (they are skipped cleanly when it is not).
"""

import csv
import io
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db.models import F

from practica.accounts.models import User
from practica.communities.models import Community, Membership
from practica.content.models import Comment, Entry, Kind, Revision
from practica.discussions.importers import html_to_markdown
from practica.discussions.importers import stackexchange as se
from practica.discussions.importers.stackexchange import site_for
from practica.taxonomy.models import Topic

pytestmark = pytest.mark.django_db

SOURCE = "stackexchange:beer"

POSTS: list[dict[str, str]] = [
    {
        "Id": "1",
        "PostTypeId": "1",
        "AcceptedAnswerId": "3",
        "CreationDate": "2014-01-21T20:26:05.383",
        "LastActivityDate": "2014-02-01T10:00:00.000",
        "Score": "18",
        "Title": "What is a citra hop, and how does it differ from other hops?",
        "Body": (
            "<p>I was offered a beer made with <em>citra</em> hops. See "
            '<a href="https://en.wikipedia.org/wiki/Hops">hops</a>.</p>\n'
            '<pre class="lang-py"><code>print("hops" &lt; "malt")\n</code></pre>\n'
            "<script>alert(1)</script>"
        ),
        "OwnerUserId": "7",
        "Tags": "<hops><ipa>",
        "ContentLicense": "CC BY-SA 4.0",
    },
    {
        "Id": "2",
        "PostTypeId": "2",
        "ParentId": "1",
        "CreationDate": "2014-01-21T21:00:00.000",
        "Score": "9",
        "Body": "<p>It is a variety bred in 2007, with a strong <strong>citrus</strong> aroma.</p>",
        "OwnerUserId": "8",
    },
    {
        "Id": "3",
        "PostTypeId": "2",
        "ParentId": "1",
        "CreationDate": "2014-01-22T08:00:00.000",
        "Score": "4",
        "Body": "<p>Citra is a hop from the Hop Breeding Company; it tastes of grapefruit.</p>",
        "OwnerUserId": "9",
    },
    {
        "Id": "4",
        "PostTypeId": "1",
        "CreationDate": "2015-03-01T12:00:00.000",
        "Score": "-1",
        "Title": "What are citra hops?",
        "Body": "<p>What are they, really?</p>",
        "OwnerDisplayName": "Old Timer",
        "Tags": "<hops>",
    },
    {
        "Id": "5",
        "PostTypeId": "2",
        "ParentId": "99",
        "CreationDate": "2015-03-02T12:00:00.000",
        "Score": "0",
        "Body": "<p>An answer whose question is not in the dump.</p>",
        "OwnerUserId": "8",
    },
    {
        "Id": "6",
        "PostTypeId": "4",
        "CreationDate": "2014-01-21T20:00:00.000",
        "Body": "Hops are the flowers of <i>Humulus lupulus</i>, used for bitterness.",
        "OwnerUserId": "-1",
    },
    {
        "Id": "7",
        "PostTypeId": "5",
        "CreationDate": "2014-01-21T20:00:00.000",
        "Body": "<p>The long wiki about hops.</p>",
        "OwnerUserId": "-1",
    },
    {
        "Id": "8",
        "PostTypeId": "42",
        "CreationDate": "2014-01-21T20:00:00.000",
        "Body": "<p>A kind of post we do not know.</p>",
    },
]
USERS = [
    {"Id": "-1", "DisplayName": "Community", "CreationDate": "2014-01-21T00:00:00.000"},
    {
        "Id": "7",
        "DisplayName": "Sam Brewer",
        "CreationDate": "2014-01-21T19:00:00.000",
        "Location": "Portland, OR",
    },
    {"Id": "8", "DisplayName": "Ale Fan", "CreationDate": "2014-01-21T19:30:00.000"},
    {"Id": "9", "DisplayName": "Hop Head", "CreationDate": "2014-01-21T19:40:00.000"},
    {"Id": "12", "DisplayName": "Quiet Reader", "CreationDate": "2014-01-22T00:00:00.000"},
    {"Id": "13", "DisplayName": "Never Posted", "CreationDate": "2014-01-22T00:00:00.000"},
]
COMMENTS = [
    {
        "Id": "1",
        "PostId": "1",
        "Text": "Good question, @AleFan will know. `code` too.",
        "CreationDate": "2014-01-21T20:30:00.000",
        "UserId": "12",
    },
    {
        "Id": "2",
        "PostId": "3",
        "Text": "Grapefruit, yes.",
        "CreationDate": "2014-01-22T09:00:00.000",
        "UserDisplayName": "ghost",
    },
    {
        "Id": "3",
        "PostId": "6",
        "Text": "A comment on a tag excerpt.",
        "CreationDate": "2014-01-22T09:00:00.000",
        "UserId": "12",
    },
    {"Id": "4", "PostId": "2", "Text": " ", "CreationDate": "2014-01-22T09:00:00.000"},
]
TAGS = [
    {"Id": "1", "TagName": "hops", "Count": "2", "ExcerptPostId": "6", "WikiPostId": "7"},
    {"Id": "2", "TagName": "ipa", "Count": "1"},
    {"Id": "3", "TagName": "unused", "Count": "0"},
]
POST_LINKS = [
    {"Id": "1", "PostId": "4", "RelatedPostId": "1", "LinkTypeId": "3"},
    {"Id": "2", "PostId": "1", "RelatedPostId": "4", "LinkTypeId": "1"},
    {"Id": "3", "PostId": "4", "RelatedPostId": "99", "LinkTypeId": "3"},
]
VOTES = [
    {"Id": "1", "PostId": "1", "VoteTypeId": "2", "CreationDate": "2014-01-21T00:00:00.000"},
    {"Id": "2", "PostId": "2", "VoteTypeId": "2", "CreationDate": "2014-01-21T00:00:00.000"},
    {"Id": "3", "PostId": "4", "VoteTypeId": "3", "CreationDate": "2015-03-01T00:00:00.000"},
]
TABLES = {
    "Posts": POSTS,
    "Users": USERS,
    "Comments": COMMENTS,
    "Tags": TAGS,
    "PostLinks": POST_LINKS,
    "Votes": VOTES,
}


def write_xml(path: Path, rows: list[dict[str, str]]) -> None:
    root = ET.Element(path.stem.lower())
    for row in rows:
        ET.SubElement(root, "row", row)
    # Real dumps start with a byte order mark.
    path.write_bytes(b"\xef\xbb\xbf" + ET.tostring(root, encoding="utf-8", xml_declaration=True))


def write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    columns = sorted({column for row in rows for column in row})
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def make_dump(
    folder: Path, *, tables: tuple[str, ...] = tuple(TABLES), csv_tables: tuple[str, ...] = ()
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in tables:
        if name in csv_tables:
            write_csv(folder / f"{name}.csv", TABLES[name])
        else:
            write_xml(folder / f"{name}.xml", TABLES[name])
    return folder


@pytest.fixture
def indexed(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """Record calls to the search indexer instead of building an index (its own tests do)."""
    from practica.search import indexing

    calls: list[tuple[str, bool]] = []

    def index_community(*, community: Community, progress: bool = False) -> int:
        calls.append((community.slug, progress))
        return 0

    monkeypatch.setattr(indexing, "index_community", index_community)
    return calls


def run_import(folder: Path, *args: str, slug: str = "beer", **options: Any) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "import_stackexchange",
        str(folder),
        *args,
        community=slug,
        stdout=out,
        stderr=err,
        **options,
    )
    return out.getvalue(), err.getvalue()


def entry(external_id: str) -> Entry:
    return Entry.objects.get(source=SOURCE, external_id=external_id)


def snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Everything an import writes, to compare two runs."""
    return {
        "entries": list(
            Entry.objects.order_by("pk").values_list(
                "pk", "kind", "community_id", "author_id", "parent_id", "title", "slug", "body",
                "body_html", "score", "child_count", "comment_count", "accepted_child_id",
                "duplicate_of_id", "source", "external_id", "license", "attribution",
                "created_at", "last_activity_at", "revision_count",
            )
        ),
        "topics": list(
            Topic.objects.order_by("pk").values_list("pk", "name", "slug", "description")
        ),
        "entry_topics": list(
            Entry.topics.through.objects.order_by("pk").values_list("entry_id", "topic_id")
        ),
        "users": list(
            User.objects.order_by("pk").values_list(
                "pk", "username", "name", "is_placeholder", "source", "external_id", "bio"
            )
        ),
        "memberships": list(
            Membership.objects.order_by("pk").values_list("community_id", "user_id", "status")
        ),
        "comments": list(
            Comment.objects.order_by("pk").values_list(
                "pk", "entry_id", "author_id", "body", "body_html", "source", "external_id"
            )
        ),
        "revisions": list(Revision.objects.order_by("pk").values_list("entry_id", "number")),
        "communities": list(
            Community.objects.order_by("pk").values_list(
                "slug", "name", "visibility", "question_count", "member_count", "last_activity_at"
            )
        ),
    }  # fmt: skip


# --- What a dump becomes ----------------------------------------------------------------------


def test_a_dump_becomes_an_open_community_of_questions_and_answers(
    tmp_path: Path, indexed: list[Any]
) -> None:
    run_import(make_dump(tmp_path / "beer"))
    community = Community.objects.get(slug="beer")
    assert community.visibility == "open"
    assert "beer.stackexchange.com" in community.purpose
    question, answer, accepted = entry("1"), entry("2"), entry("3")
    assert (question.kind, answer.kind, accepted.kind) == (Kind.QUESTION, Kind.ANSWER, Kind.ANSWER)
    assert question.title == "What is a citra hop, and how does it differ from other hops?"
    assert question.slug == "what-is-a-citra-hop-and-how-does-it-differ-from-other-hops"
    assert answer.parent == accepted.parent == question
    assert question.accepted_child == accepted
    assert (question.score, answer.score, entry("4").score) == (18, 9, -1)
    assert question.created_at.isoformat() == "2014-01-21T20:26:05.383000+00:00"
    assert question.last_activity_at.isoformat() == "2014-02-01T10:00:00+00:00"
    assert question.child_count == 2
    assert community.question_count == 2
    assert indexed == [("beer", True)]


def test_each_entry_keeps_its_licence_and_an_attribution_to_its_author(
    tmp_path: Path, indexed: list[Any]
) -> None:
    run_import(make_dump(tmp_path / "beer"))
    question, duplicate, accepted = entry("1"), entry("4"), entry("3")
    assert question.license == "CC BY-SA 4.0"  # from ContentLicense
    assert duplicate.license == "CC BY-SA 3.0"  # none given: the licence of its day
    assert question.attribution == (
        "Imported from beer.stackexchange.com, CC BY-SA 4.0, original by Sam Brewer: "
        "https://beer.stackexchange.com/q/1"
    )
    assert accepted.attribution.endswith("original by Hop Head: https://beer.stackexchange.com/a/3")
    assert "original by Old Timer" in duplicate.attribution


def test_bodies_become_markdown_and_the_page_shows_the_original_html_made_safe(
    tmp_path: Path, indexed: list[Any]
) -> None:
    run_import(make_dump(tmp_path / "beer"))
    question = entry("1")
    assert "[hops](https://en.wikipedia.org/wiki/Hops)" in question.body
    assert '```py\nprint("hops" < "malt")\n```' in question.body
    assert "*citra*" in question.body
    assert "alert" not in question.body
    assert "<script>" not in question.body_html
    assert '<a href="https://en.wikipedia.org/wiki/Hops" rel="nofollow noopener">' in (
        question.body_html
    )
    assert "&lt; &quot;malt&quot;" in question.body_html or '&lt; "malt"' in question.body_html
    revision = Revision.objects.get(entry=question)
    assert (revision.number, revision.body, revision.author_id) == (
        1,
        question.body,
        question.author_id,
    )


def test_html_to_markdown_keeps_code_links_lists_and_quotes() -> None:
    markdown = html_to_markdown(
        "<p>Use <code>a_b</code> and the &lt;br&gt; tag, see <a href='https://x.org'>x</a>.</p>"
        "<ul><li>one</li><li>two</li></ul><blockquote><p>quoted</p></blockquote>"
        "<pre><code>if a &lt; b:\n    pass\n</code></pre>"
    )
    assert markdown == (
        "Use `a_b` and the \\<br\\> tag, see [x](https://x.org).\n\n- one\n- two\n\n"
        "> quoted\n\n```\nif a < b:\n    pass\n```"
    )
    assert html_to_markdown("<p>CO<sub>2</sub> at 10<sup>5</sup> Pa</p>") == (
        "CO<sub>2</sub> at 10<sup>5</sup> Pa"
    )


def test_authors_become_placeholder_members_of_the_community(
    tmp_path: Path, indexed: list[Any]
) -> None:
    run_import(make_dump(tmp_path / "beer"))
    community = Community.objects.get(slug="beer")
    sam = User.objects.get(source=SOURCE, external_id="7")
    assert sam.is_placeholder and not sam.has_usable_password()
    assert (sam.name, sam.location, sam.username) == (
        "Sam Brewer",
        "Portland, OR",
        "sam-brewer-beer-7",
    )
    assert sam.date_joined.isoformat() == "2014-01-21T19:00:00+00:00"
    assert "[beer.stackexchange.com](https://beer.stackexchange.com/users/7)" in sam.bio
    assert entry("1").author == sam
    # People known only by the name on their posts and comments (their account is gone).
    assert entry("4").author.name == "Old Timer"
    assert Comment.objects.get(source=SOURCE, external_id="2").author.name == "ghost"
    imported = User.objects.filter(source=SOURCE)
    # Authors of posts and comments only; nobody for the orphan answer's author alone.
    assert sorted(imported.values_list("name", flat=True)) == [
        "Ale Fan", "Hop Head", "Old Timer", "Quiet Reader", "Sam Brewer", "ghost",
    ]  # fmt: skip
    assert set(
        Membership.objects.filter(community=community).values_list("user_id", flat=True)
    ) == {u.pk for u in imported}
    assert community.member_count == 6


def test_tags_become_topics_reusing_those_that_exist(tmp_path: Path, indexed: list[Any]) -> None:
    ipa = Topic.objects.create(name="India pale ale", slug="india-pale-ale", synonyms="IPA")
    run_import(make_dump(tmp_path / "beer"))
    hops = Topic.objects.get(name="hops")
    assert hops.slug == "hops"
    assert hops.description == "Hops are the flowers of Humulus lupulus, used for bitterness."
    assert set(entry("1").topics.all()) == {hops, ipa}
    assert list(entry("4").topics.all()) == [hops]
    assert not Topic.objects.filter(name="unused").exists()
    assert Revision.objects.get(entry=entry("1")).topics == "hops\nindia-pale-ale"


def test_tag_slugs_spell_out_what_slugify_would_drop() -> None:
    assert se.topic_slug("c++") == "c-plus-plus"
    assert se.topic_slug("c#") == "c-sharp"
    assert se.topic_slug(".net") == "dot-net"
    assert se.topic_slug("ruby-on-rails") == "ruby-on-rails"
    assert se.topic_slug("кофе").startswith("tag-")
    assert se.parse_tags("<hops><ipa>") == se.parse_tags("|hops|ipa|") == ["hops", "ipa"]


def test_comments_are_imported_without_linking_names_from_elsewhere(
    tmp_path: Path, indexed: list[Any]
) -> None:
    run_import(make_dump(tmp_path / "beer"))
    comment = Comment.objects.get(source=SOURCE, external_id="1")
    assert comment.entry == entry("1")
    assert comment.author.name == "Quiet Reader"
    assert comment.created_at.isoformat() == "2014-01-21T20:30:00+00:00"
    assert "<code>code</code>" in comment.body_html
    assert "/members/" not in comment.body_html
    assert (entry("1").comment_count, entry("3").comment_count, entry("2").comment_count) == (
        1,
        1,
        0,
    )


def test_duplicate_links_point_the_duplicate_to_its_original(
    tmp_path: Path, indexed: list[Any]
) -> None:
    run_import(make_dump(tmp_path / "beer"))
    assert entry("4").duplicate_of == entry("1")
    assert entry("1").duplicate_of is None


def test_the_summary_says_what_was_imported_and_why_the_rest_was_skipped(
    tmp_path: Path, indexed: list[Any]
) -> None:
    out, err = run_import(make_dump(tmp_path / "beer"))
    for line in [
        "questions: 2 imported, 0 already there",
        "answers: 2 imported, 0 already there",
        "accepted answers: 1 imported, 0 already there",
        "comments: 2 imported, 0 already there",
        "placeholder members: 6 imported, 0 already there",
        "topics: 2 imported, 0 already there",
        "duplicate links: 1 imported, 0 already there",
        "skipped 1 answers: orphans: their question is not in the dump",
        "skipped 1 posts: tag wiki excerpts (used as topic descriptions)",
        "skipped 1 posts: tag wikis are not imported",
        "skipped 1 posts: unknown post type 42",
        "skipped 1 comments: on posts that were not imported",
        "skipped 1 comments: empty",
        "skipped 1 duplicate links: not between two imported questions",
        "skipped 1 post links: related links are not kept",
        "skipped 3 votes: anonymous in the dump (scores come from Posts)",
        "Created the open community Beer (/c/beer/).",
    ]:
        assert line in out
    assert "Reading posts…" in err
    assert "Answers: done in" in err


def test_verbosity_0_prints_nothing(tmp_path: Path, indexed: list[Any]) -> None:
    assert run_import(make_dump(tmp_path / "beer"), verbosity=0) == ("", "")
    assert indexed == [("beer", False)]
    assert Entry.objects.filter(source=SOURCE).count() == 4


# --- Formats and missing files --------------------------------------------------------------


def test_a_csv_dump_imports_the_same_as_an_xml_one(tmp_path: Path, indexed: list[Any]) -> None:
    run_import(make_dump(tmp_path / "xml" / "beer"))
    from_xml = snapshot()
    Entry.objects.all().delete()
    Comment.objects.all().delete()
    User.objects.filter(is_placeholder=True).delete()
    Topic.objects.all().delete()
    Community.objects.all().delete()
    run_import(make_dump(tmp_path / "csv" / "beer", csv_tables=tuple(TABLES)))

    def comparable(snap: dict[str, list[tuple[Any, ...]]]) -> dict[str, Any]:
        # Primary keys differ between the two imports; what they hold must not.
        return {
            "entries": [row[1:2] + row[5:12] + row[14:] for row in snap["entries"]],
            "topics": [row[1:] for row in snap["topics"]],
            "users": [row[1:] for row in snap["users"]],
            "comments": [row[3:] for row in snap["comments"]],
            "communities": snap["communities"],
        }

    assert comparable(snapshot()) == comparable(from_xml)


def test_posts_alone_are_enough(tmp_path: Path, indexed: list[Any]) -> None:
    out, _err = run_import(make_dump(tmp_path / "beer", tables=("Posts",)))
    assert Entry.objects.filter(source=SOURCE).count() == 4
    # Without Users, people are named from the posts: by their id, or the name on the post.
    sam = entry("1").author
    assert (sam.name, sam.username) == ("user 7", "beer-7")
    # Member since their first post there.
    assert sam.date_joined.isoformat() == "2014-01-21T20:26:05.383000+00:00"
    assert entry("4").author.name == "Old Timer"
    assert Topic.objects.get(name="hops").description == ""
    assert entry("4").duplicate_of is None
    assert Comment.objects.count() == 0
    assert "comments" not in out


def test_posts_in_csv_with_the_rest_in_xml(tmp_path: Path, indexed: list[Any]) -> None:
    """As in the history_meta dump."""
    run_import(make_dump(tmp_path / "beer", csv_tables=("Posts",)))
    assert entry("1").accepted_child == entry("3")
    assert entry("4").duplicate_of == entry("1")
    assert Comment.objects.filter(source=SOURCE).count() == 2


def test_a_folder_without_posts_is_refused_with_a_reason(tmp_path: Path) -> None:
    make_dump(tmp_path / "beer", tables=("Users", "Comments"))
    with pytest.raises(CommandError, match="No Posts.xml or Posts.csv"):
        run_import(tmp_path / "beer")
    with pytest.raises(CommandError, match="is not a folder"):
        run_import(tmp_path / "nowhere")
    with pytest.raises(CommandError, match="must be a slug"):
        run_import(tmp_path / "beer", slug="not a slug")
    assert not Community.objects.exists()


def test_importing_into_an_existing_community_keeps_it_as_it_is(
    world: Any, tmp_path: Path, indexed: list[Any]
) -> None:
    run_import(make_dump(tmp_path / "beer"), slug=world.open.slug)
    world.open.refresh_from_db()
    assert world.open.name == "Pump-Reliability".replace("-", " ").title()
    assert entry("1").community == world.open
    assert world.open.question_count == 2
    # bob, charlie, dana and the six imported people
    assert world.open.member_count == 9


@pytest.mark.parametrize(
    ("folder", "url", "source"),
    [
        ("beer", "https://beer.stackexchange.com", "stackexchange:beer"),
        ("cstheory_meta", "https://cstheory.meta.stackexchange.com", "stackexchange:cstheory.meta"),
        ("beer.stackexchange.com", "https://beer.stackexchange.com", "stackexchange:beer"),
        ("stackoverflow.com", "https://stackoverflow.com", "stackexchange:stackoverflow"),
        ("superuser_meta", "https://meta.superuser.com", "stackexchange:meta.superuser"),
    ],
)
def test_the_site_comes_from_the_folder_name(folder: str, url: str, source: str) -> None:
    site = site_for(Path("/dumps") / folder)
    assert (site.url, site.source) == (url, source)


def test_a_site_url_overrides_the_folder_name(tmp_path: Path, indexed: list[Any]) -> None:
    run_import(make_dump(tmp_path / "dump"), site_url="https://beer.stackexchange.com/")
    assert entry("1").attribution.endswith("https://beer.stackexchange.com/q/1")


# --- Running again ----------------------------------------------------------------------------


def test_running_again_changes_nothing(tmp_path: Path, indexed: list[Any]) -> None:
    folder = make_dump(tmp_path / "beer")
    run_import(folder)
    before = snapshot()
    out, _err = run_import(folder)
    assert snapshot() == before
    assert "questions: 0 imported, 2 already there" in out
    assert "comments: 0 imported, 2 already there" in out
    assert "placeholder members: 0 imported, 6 already there" in out
    assert "accepted answers: 0 imported, 1 already there" in out
    assert "Created the open community" not in out


def test_running_again_keeps_what_members_changed_since(tmp_path: Path, indexed: list[Any]) -> None:
    folder = make_dump(tmp_path / "beer")
    run_import(folder)
    Entry.objects.filter(pk=entry("1").pk).update(accepted_child=entry("2"))
    run_import(folder)
    assert entry("1").accepted_child == entry("2")


def test_an_interrupted_import_is_completed_by_running_it_again(
    tmp_path: Path, indexed: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_dump(tmp_path / "beer")
    run_import(folder)
    complete = snapshot()
    Entry.objects.all().delete()
    Comment.objects.all().delete()
    User.objects.filter(is_placeholder=True).delete()
    Topic.objects.all().delete()
    Community.objects.all().delete()

    # Batches of one; the fourth (the second answer) fails, as if the process were killed.
    monkeypatch.setattr(se, "BATCH", 1)
    real = se.StackExchangeImport._create_entries
    calls = 0

    def failing(self: se.StackExchangeImport, rows: list[dict[str, str]], kind: str) -> None:
        nonlocal calls
        calls += 1
        if calls == 4:
            raise KeyboardInterrupt
        real(self, rows, kind)

    monkeypatch.setattr(se.StackExchangeImport, "_create_entries", failing)
    with pytest.raises(KeyboardInterrupt):
        run_import(folder)
    assert Entry.objects.count() == 3
    monkeypatch.setattr(se.StackExchangeImport, "_create_entries", real)
    out, _err = run_import(folder)
    assert "answers: 1 imported, 1 already there" in out

    def without_keys(snap: dict[str, list[tuple[Any, ...]]]) -> dict[str, Any]:
        by_pk = {row[0]: row[15] for row in snap["entries"]}  # pk → external id
        return {
            "entries": sorted(
                (row[15], row[1], by_pk.get(row[4]), row[9], row[10], row[11],
                 by_pk.get(row[12]), by_pk.get(row[13]), row[17])
                for row in snap["entries"]
            ),
            "comments": sorted(row[3:] for row in snap["comments"]),
            "communities": snap["communities"],
            "revisions": len(snap["revisions"]),
            "memberships": len(snap["memberships"]),
        }  # fmt: skip

    assert without_keys(snapshot()) == without_keys(complete)


# --- What people see --------------------------------------------------------------------------


def test_the_question_page_shows_the_accepted_answer_first_and_the_attribution(
    world: Any, tmp_path: Path, indexed: list[Any], client_for: Callable[..., Any]
) -> None:
    run_import(make_dump(tmp_path / "beer"))
    question = entry("1")
    response = client_for(world.bob).get(question.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    accepted, other = entry("3"), entry("2")
    assert html.index(f'id="entry-{accepted.pk}"') < html.index(f'id="entry-{other.pk}"')
    assert "Accepted answer" in html
    assert (
        'Imported from <a href="http://beer.stackexchange.com" rel="nofollow">'
        "beer.stackexchange.com</a>, CC BY-SA 4.0, original by Sam Brewer: "
    ) in html
    assert '<a href="https://beer.stackexchange.com/q/1" rel="nofollow">' in html
    assert '<a href="https://beer.stackexchange.com/a/3" rel="nofollow">' in html
    assert 'by <a href="/members/sam-brewer-beer-7/">Sam Brewer</a>' in html
    assert 'datetime="2014-01-21T20:26:05.383000+00:00"' in html


def test_a_placeholder_authors_profile_says_it_was_imported(
    world: Any, tmp_path: Path, indexed: list[Any], client_for: Callable[..., Any]
) -> None:
    run_import(make_dump(tmp_path / "beer"))
    response = client_for(world.bob).get("/members/sam-brewer-beer-7/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sam Brewer" in html
    assert "Imported from" in html
    assert 'href="https://beer.stackexchange.com/users/7"' in html
    assert "What is a citra hop" in html
    # Placeholders are not listed among the people one can ask.
    assert "Sam Brewer" not in client_for(world.bob).get("/members/").content.decode()


def test_imported_questions_are_found_by_search_when_the_command_returns(
    world: Any, tmp_path: Path
) -> None:
    from practica.search.engine import SearchQuery, search

    run_import(make_dump(tmp_path / "beer"), verbosity=0)
    hits = search(viewer=world.bob, query=SearchQuery(text="grapefruit")).hits
    assert entry("3").pk in {hit.id for hit in hits}


# --- The real dumps ---------------------------------------------------------------------------


def shared_data() -> Path:
    configured = os.environ.get("PRACTICA_SHARED_DATA")
    if configured:
        return Path(configured)
    # BASE_DIR is the practica package; shared/ sits next to the project checkout.
    return Path(settings.BASE_DIR).parent.parent / "shared" / "data"


def real_dump(name: str) -> Path:
    folder = shared_data() / "stackexchange" / name
    if not (folder.is_dir() and any(folder.iterdir())):
        pytest.skip(f"the real dump {name} is not in {folder.parent}")
    return folder


def count_rows(folder: Path, table: str, **where: str) -> int:
    """Rows of a table matching ``where``, counted straight from the file."""
    path = next(folder.glob(f"{table}.*"))
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    else:
        rows = [e.attrib for _, e in ET.iterparse(path) if e.tag == "row"]
    return sum(all(row.get(k) == v for k, v in where.items()) for row in rows)


def import_real_dump_twice(name: str) -> str:
    """Import a real dump, check it is all there, import it again: nothing changes.
    Answers the source (each real dump is imported once per test: they take seconds)."""
    folder = real_dump(name)
    slug = name.replace("_", "-")
    out, _err = run_import(folder, slug=slug, verbosity=1)
    source = site_for(folder).source
    questions = count_rows(folder, "Posts", PostTypeId="1")
    imported = Entry.objects.filter(source=source)
    assert imported.filter(kind=Kind.QUESTION).count() == questions
    orphans = re.search(r"skipped (\d+) answers", out)
    answers = count_rows(folder, "Posts", PostTypeId="2") - int(orphans[1] if orphans else 0)
    assert imported.filter(kind=Kind.ANSWER).count() == answers
    community = Community.objects.get(slug=slug)
    assert community.question_count == questions
    assert community.member_count == User.objects.filter(source=source).count() > 0
    # Answers are counted on their questions; accepted answers sit under their questions.
    assert all(
        q.child_count == q.children.count() for q in imported.filter(kind=Kind.QUESTION)[:50]
    )
    accepted = imported.filter(accepted_child__isnull=False)
    assert accepted.exists()
    assert not accepted.exclude(accepted_child__parent_id=F("pk")).exists()
    before = snapshot()
    out, _err = run_import(folder, slug=slug, verbosity=1)
    assert snapshot() == before
    assert re.search(r"questions: 0 imported, [\d,]+ already there", out)
    assert not re.search(r": [1-9][\d,]* imported", out)
    return source


@pytest.mark.parametrize("name", ["coffee", "cstheory_meta"])
def test_a_real_dump_imports_every_question_and_answer_and_a_second_run_adds_nothing(
    name: str, indexed: list[Any]
) -> None:
    import_real_dump_twice(name)


def test_the_beer_dump_shows_its_questions_as_on_the_site(
    world: Any, indexed: list[Any], client_for: Callable[..., Any]
) -> None:
    import_real_dump_twice("beer")
    question = Entry.objects.get(source="stackexchange:beer", external_id="2")
    assert question.title == "When was the first beer ever brewed?"
    accepted = Entry.objects.get(source="stackexchange:beer", external_id="175")
    assert question.accepted_child == accepted
    assert (question.score, question.child_count) == (21, 4)
    html = client_for(world.bob).get(question.get_absolute_url()).content.decode()
    others = question.children.exclude(pk=accepted.pk)
    # The accepted answer comes first, marked.
    assert html.index(f'id="entry-{accepted.pk}"') < min(
        html.index(f'id="entry-{answer.pk}"') for answer in others
    )
    assert html.count("Accepted answer") == 1
    assert '<a href="https://beer.stackexchange.com/q/2" rel="nofollow">' in html
    assert "CC BY-SA 3.0" in html  # written in 2014, under the licence of the day
    assert question.created_at.year == 2014


def test_the_history_meta_dump_brings_comments_people_and_duplicates(
    indexed: list[Any],
) -> None:
    source = import_real_dump_twice("history_meta")
    folder = real_dump("history_meta")
    assert Comment.objects.filter(source=source).count() > 0.9 * count_rows(folder, "Comments")
    assert Entry.objects.filter(source=source, duplicate_of__isnull=False).count() > 0
    people = User.objects.filter(source=source)
    # Users.xml names them; people whose account is gone keep the name on their posts.
    assert not people.filter(name__startswith="user ").exclude(external_id__startswith="name:")
    assert people.get(external_id="12").name == "Sorcerer Blob"
    assert Entry.objects.filter(source=source, license="CC BY-SA 3.0").exists()
    on_topic = Topic.objects.get(name="on-topic")
    assert on_topic.description == (
        "Whether a topic or specific question can be discussed on History."
    )
