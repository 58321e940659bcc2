"""Import a Stack Exchange data dump into a community.

A dump is a folder of tables (Posts, Users, Comments, Votes, Tags, PostLinks), each an XML
file of ``<row …/>`` elements or a CSV file with the same columns. Only Posts is required.

What becomes what:

- questions (PostTypeId 1) and answers (2) become entries with their scores, dates and
  accepted answers; each keeps its source, its id there, its licence and an attribution
  line naming the author and linking to the original;
- the people who wrote them (from Users, or from the posts' owner ids and names when Users
  is missing) become placeholder members of the community: no password, marked imported,
  to be claimed later;
- tags become topics (an existing topic is reused when its slug, name or a synonym
  matches; Tags gives a new topic its excerpt as description);
- comments become comments; PostLinks of type 3 set ``duplicate_of`` to the original.

Votes in public dumps are anonymous, so only the scores (Posts.Score) are kept.

Running it again changes nothing: rows are looked up by (source, external_id) before
anything is written. Rows are written in batches, each in a transaction of its own, and
the steps at the end (accepted answers, duplicates, counters) work from what is in the
database, so an interrupted import is completed by running it again.
"""

import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from practica.accounts.models import User
from practica.communities.models import Community, Membership, MembershipStatus, Role, Visibility
from practica.content.models import Comment, Entry, Kind, Revision
from practica.content.services import slug_for
from practica.taxonomy.models import Topic
from practica.taxonomy.services import RESERVED_SLUGS

from . import (
    ImportSummary,
    Progress,
    TableReader,
    clean_html,
    find_table,
    html_to_markdown,
    render_imported_markdown,
    strip_tags,
)

BATCH = 500
TABLES = ("Posts", "Users", "Comments", "Votes", "Tags", "PostLinks")

QUESTION, ANSWER, TAG_EXCERPT = "1", "2", "4"
POST_TYPES = {
    "3": gettext_lazy("orphaned tag wikis"),
    "4": gettext_lazy("tag wiki excerpts"),
    "5": gettext_lazy("tag wikis"),
    "6": gettext_lazy("moderator nominations"),
    "7": gettext_lazy("wiki placeholders"),
    "8": gettext_lazy("privilege wikis"),
}
DUPLICATE_LINK, RELATED_LINK = "3", "1"

# Sites not under stackexchange.com, by the name their dump folder or file starts with.
OWN_DOMAINS = {
    "stackoverflow": "stackoverflow.com",
    "superuser": "superuser.com",
    "serverfault": "serverfault.com",
    "askubuntu": "askubuntu.com",
    "mathoverflow": "mathoverflow.net",
    "stackapps": "stackapps.com",
}


class DumpError(Exception):
    """The folder is not a dump we can read (said to the person running the import)."""


# --- The site a dump comes from -------------------------------------------------------------


@dataclass(frozen=True)
class Site:
    url: str  # https://beer.stackexchange.com, without a trailing slash

    @property
    def host(self) -> str:
        return urlsplit(self.url).netloc

    @property
    def key(self) -> str:
        """``beer`` for beer.stackexchange.com, ``cstheory.meta``, ``stackoverflow``."""
        parts = urlsplit(self.url)
        host = parts.netloc.lower().removeprefix("www.")
        if host.endswith(".stackexchange.com"):
            host = host.removesuffix(".stackexchange.com")
        elif host.count(".") >= 1:
            host = host.rsplit(".", 1)[0]
        return host + parts.path.rstrip("/")

    @property
    def source(self) -> str:
        return f"stackexchange:{self.key}"[:100]

    def post_url(self, post_id: str, *, question: bool) -> str:
        return f"{self.url}/{'q' if question else 'a'}/{post_id}"

    def user_url(self, user_id: str) -> str:
        return f"{self.url}/users/{user_id}"


def site_for(folder: Path, site_url: str | None = None) -> Site:
    """The site a dump folder comes from: ``--site-url``, else its folder's name
    (``beer``, ``cstheory_meta``, ``beer.stackexchange.com``, ``stackoverflow.com``)."""
    if site_url:
        if "://" not in site_url:
            site_url = "https://" + site_url
        return Site(site_url.rstrip("/"))
    name = folder.resolve().name.lower()
    if "." in name:
        return Site(f"https://{name}")
    name = name.replace("-", "_")
    meta = name.endswith("_meta")
    base = name.removesuffix("_meta")
    if base in OWN_DOMAINS:
        host = ("meta." if meta else "") + OWN_DOMAINS[base]
    else:
        host = f"{base}{'.meta' if meta else ''}.stackexchange.com"
    return Site(f"https://{host}")


# --- Reading fields -------------------------------------------------------------------------


def parse_date(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


# When Stack Exchange changed its content licence; posts without ContentLicense get the one
# in force when they were written.
LICENCE_DATES = [
    (datetime(2011, 4, 8, tzinfo=UTC), "CC BY-SA 2.5"),
    (datetime(2018, 5, 2, tzinfo=UTC), "CC BY-SA 3.0"),
]


def licence_for(row: dict[str, str], created: datetime) -> str:
    if row.get("ContentLicense"):
        return row["ContentLicense"][:100]
    for until, licence in LICENCE_DATES:
        if created < until:
            return licence
    return "CC BY-SA 4.0"


def parse_tags(text: str | None) -> list[str]:
    """``<beer><hops>`` (older dumps) or ``|beer|hops|`` (newer) → ["beer", "hops"]."""
    if not text:
        return []
    names = re.findall(r"<([^<>]+)>", text) if "<" in text else text.split("|")
    seen: dict[str, None] = {}
    for name in names:
        name = name.strip()
        if name:
            seen.setdefault(name[:100], None)
    return list(seen)


def topic_slug(tag: str) -> str:
    """An ASCII slug for a tag: ``c++`` → ``c-plus-plus``, ``c#`` → ``c-sharp``,
    ``.net`` → ``dot-net``; a tag with no letters we can spell gets a stable ``tag-…``."""
    text = tag.lower().replace("+", "-plus-").replace("#", "-sharp-")
    if text.startswith("."):
        text = "dot-" + text[1:]
    slug = slugify(text)[:100].strip("-")
    return slug or f"tag-{zlib.crc32(tag.encode()):08x}"


def author_key(row: dict[str, str], id_field: str, name_field: str) -> str:
    """Who wrote a row: their user id there, ``name:<display name>`` for people whose
    account is gone, or ``unknown``."""
    if row.get(id_field):
        return row[id_field]
    if row.get(name_field):
        return "name:" + row[name_field].strip()[:150]
    return "unknown"


# --- The import -----------------------------------------------------------------------------


@dataclass
class _Posts:
    """What a first read of Posts tells: which posts to import and who wrote them."""

    kinds: dict[str, str] = field(default_factory=dict)  # post id → Kind
    parents: dict[str, str] = field(default_factory=dict)  # answer id → question id
    accepted: dict[str, str] = field(default_factory=dict)  # question id → answer id
    authors: dict[str, str] = field(default_factory=dict)  # post id → author key
    names: dict[str, str] = field(default_factory=dict)  # author key → display name
    first_seen: dict[str, str] = field(default_factory=dict)  # author key → earliest date
    tags: dict[str, None] = field(default_factory=dict)  # tag names, in order of use
    excerpts: dict[str, str] = field(default_factory=dict)  # post id → excerpt text


class StackExchangeImport:
    """One import of one dump folder into one community (``run`` does it all)."""

    def __init__(
        self,
        *,
        folder: Path,
        community_slug: str,
        community_name: str = "",
        site_url: str | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.folder = folder
        if not folder.is_dir():
            raise DumpError(_("%(folder)s is not a folder.") % {"folder": folder})
        self.tables = {name: find_table(folder, name) for name in TABLES}
        if self.tables["Posts"] is None:
            raise DumpError(
                _("No Posts.xml or Posts.csv in %(folder)s: nothing to import.")
                % {"folder": folder}
            )
        self.site = site_for(folder, site_url)
        self.source = self.site.source
        self.community_slug = community_slug
        self.community_name = community_name
        self.progress = progress or Progress(None)
        self.summary = ImportSummary()
        self.posts = _Posts()
        # Already in the database for this source: external id → primary key (and more).
        self.entries: dict[str, tuple[int, int]] = {}  # → (pk, community_id)
        self.users: dict[str, int] = {}
        self.user_names: dict[str, str] = {}
        self.topics: dict[str, int] = {}  # tag name → topic pk
        self.topic_slugs: dict[int, str] = {}

    # The whole import, step by step.

    def run(self) -> ImportSummary:
        self.community = self._community()
        self._load_existing()
        self._scan_posts()
        self._members()
        self._topics()
        self._write_posts(Kind.QUESTION)
        self._write_posts(Kind.ANSWER)
        self._comments()
        self._accepted_answers()
        self._duplicates()
        self._votes()
        self._counters()
        self._index()
        return self.summary

    def _community(self) -> Community:
        community = Community.objects.filter(slug=self.community_slug).first()
        if community is not None:
            return community
        name = self.community_name or self.community_slug.replace("-", " ").capitalize()
        community = Community.objects.create(
            slug=self.community_slug,
            name=name[:150],
            purpose=_("Questions and answers imported from %(site)s.") % {"site": self.site.host},
            visibility=Visibility.OPEN,
        )
        self.summary.notes.append(
            _("Created the open community %(name)s (/c/%(slug)s/).")
            % {"name": community.name, "slug": community.slug}
        )
        return community

    def _load_existing(self) -> None:
        for external_id, pk, community_id in Entry.objects.filter(source=self.source).values_list(
            "external_id", "pk", "community_id"
        ):
            self.entries[external_id] = (pk, community_id)
        for external_id, pk, name, username in User.objects.filter(source=self.source).values_list(
            "external_id", "pk", "name", "username"
        ):
            self.users[external_id] = pk
            self.user_names[external_id] = name or username

    def _rows(self, table: str) -> Iterable[tuple[int, dict[str, str]]]:
        """(count so far, row) for each row of ``table``, with progress lines."""
        path = self.tables[table]
        if path is None:
            return
        reader = TableReader(path)
        n = 0
        for n, row in enumerate(reader, start=1):
            yield n, row
            if n % 200 == 0:
                self.progress.update(n, reader.fraction)

    # Posts, first read: what to import.

    def _scan_posts(self) -> None:
        self.progress.start(_("Reading posts"))
        excerpt_ids = self._excerpt_ids()
        posts = self.posts
        for _n, row in self._rows("Posts"):
            post_id, post_type = row.get("Id", ""), row.get("PostTypeId", "")
            if not post_id:
                self.summary.skip("posts", _("no Id"))
            elif row.get("DeletionDate"):
                self.summary.skip("posts", _("deleted"))
            elif post_type == QUESTION:
                posts.kinds[post_id] = Kind.QUESTION
                if row.get("AcceptedAnswerId"):
                    posts.accepted[post_id] = row["AcceptedAnswerId"]
                for tag in parse_tags(row.get("Tags")):
                    posts.tags.setdefault(tag, None)
                self._note_author(post_id, row)
            elif post_type == ANSWER:
                posts.kinds[post_id] = Kind.ANSWER
                posts.parents[post_id] = row.get("ParentId", "")
                self._note_author(post_id, row)
            else:
                if post_id in excerpt_ids:
                    posts.excerpts[post_id] = strip_tags(row.get("Body", ""))[:2000]
                kind = POST_TYPES.get(post_type)
                if kind is None:
                    reason = _("unknown post type %(type)s") % {"type": post_type or "?"}
                elif post_type == TAG_EXCERPT and post_id in excerpt_ids:
                    reason = _("%(kind)s (used as topic descriptions)") % {"kind": kind}
                else:
                    reason = _("%(kind)s are not imported") % {"kind": kind}
                self.summary.skip("posts", reason)
        for answer_id, question_id in list(posts.parents.items()):
            if posts.kinds.get(question_id) != Kind.QUESTION:
                self.summary.skip("answers", _("orphans: their question is not in the dump"))
                del posts.kinds[answer_id], posts.parents[answer_id], posts.authors[answer_id]
        self.progress.finish()

    def _note_author(self, post_id: str, row: dict[str, str]) -> None:
        key = author_key(row, "OwnerUserId", "OwnerDisplayName")
        self.posts.authors[post_id] = key
        if row.get("OwnerDisplayName"):
            self.posts.names.setdefault(key, row["OwnerDisplayName"].strip())
        self._seen(key, row.get("CreationDate", ""))

    def _seen(self, key: str, date: str) -> None:
        """Keep the date of someone's first post or comment, for people Users does not list.
        (ISO dates in one format sort as text.)"""
        if date and (key not in self.posts.first_seen or date < self.posts.first_seen[key]):
            self.posts.first_seen[key] = date

    def _excerpt_ids(self) -> set[str]:
        return {
            row["ExcerptPostId"]
            for _n, row in self._rows("Tags")
            if row.get("ExcerptPostId") and row.get("TagName")
        }

    # People.

    def _members(self) -> None:
        self.progress.start(_("Placeholder members"))
        wanted = dict.fromkeys(self.posts.authors.values())
        for _n, row in self._rows("Comments"):
            post_id = row.get("PostId", "")
            on_ours = post_id in self.posts.kinds or post_id in self.entries
            if on_ours and row.get("Text", "").strip():
                key = author_key(row, "UserId", "UserDisplayName")
                wanted.setdefault(key, None)
                if row.get("UserDisplayName"):
                    self.posts.names.setdefault(key, row["UserDisplayName"].strip())
                self._seen(key, row.get("CreationDate", ""))
        missing = [key for key in wanted if key not in self.users]
        self.summary.existing["members"] += len(wanted) - len(missing)
        details = self._user_details(set(missing))
        for start in range(0, len(missing), BATCH):
            with transaction.atomic():
                self._create_users(missing[start : start + BATCH], details)
        self._memberships([self.users[key] for key in wanted])
        self.progress.finish()

    def _user_details(self, keys: set[str]) -> dict[str, dict[str, str]]:
        """Name, creation date and location from Users for the people we need."""
        details: dict[str, dict[str, str]] = {}
        for _n, row in self._rows("Users"):
            if row.get("Id") in keys:
                details[row["Id"]] = row
        return details

    def _create_users(self, keys: list[str], details: dict[str, dict[str, str]]) -> None:
        people = []
        for key in keys:
            row = details.get(key, {})
            name = (row.get("DisplayName") or self.posts.names.get(key) or "").strip()
            username = self._username(key, name)
            if key == "unknown":
                name = name or _("Unknown author")
            elif key.startswith("name:"):
                name = name or key.removeprefix("name:")
            else:
                name = name or _("user %(id)s") % {"id": key}
            joined = (
                parse_date(row.get("CreationDate"))
                or parse_date(self.posts.first_seen.get(key))
                or timezone.now()
            )
            people.append(
                User(
                    username=username,
                    name=name[:150],
                    password=make_password(None),
                    is_placeholder=True,
                    source=self.source,
                    external_id=key[:100],
                    location=(row.get("Location") or "")[:150],
                    bio=self._bio(key),
                    date_joined=joined,
                )
            )
        taken = set(
            User.objects.filter(username__in=[p.username for p in people]).values_list(
                "username", flat=True
            )
        )
        for person in people:
            if person.username in taken:
                person.username = self._free_username(person.username)
        for person in User.objects.bulk_create(people):
            assert person.pk is not None
            self.users[person.external_id] = person.pk
            self.user_names[person.external_id] = person.name
        self.summary.created["members"] += len(people)

    def _username(self, key: str, name: str) -> str:
        """``sam-brewer-beer-7``; ``beer-130`` for someone without a name; unique."""
        site = slugify(self.site.key.replace(".", "-").replace("/", "-"))
        base = slugify(name)[:40]
        if key == "unknown":
            return f"unknown-{site}"[:150]
        if key.startswith("name:"):
            return f"{base or 'user'}-{site}"[:150]
        return "-".join(filter(None, [base, site, key.replace("-", "m")]))[:150]

    @staticmethod
    def _free_username(username: str) -> str:
        for n in range(2, 10_000):
            candidate = f"{username[:140]}-{n}"
            if not User.objects.filter(username=candidate).exists():
                return candidate
        raise DumpError(_("Could not find a free username for %(name)s.") % {"name": username})

    def _bio(self, key: str) -> str:
        if key.startswith("name:") or key == "unknown":
            return _("Imported from %(site)s. This account has not been claimed yet.") % {
                "site": self.site.host
            }
        return _("Imported from [%(site)s](%(url)s). This account has not been claimed yet.") % {
            "site": self.site.host,
            "url": self.site.user_url(key),
        }

    def _memberships(self, user_ids: list[int]) -> None:
        present = set(
            Membership.objects.filter(community=self.community).values_list("user_id", flat=True)
        )
        new = [
            Membership(
                community=self.community,
                user_id=user_id,
                role=Role.MEMBER,
                status=MembershipStatus.ACTIVE,
            )
            for user_id in dict.fromkeys(user_ids)
            if user_id not in present
        ]
        with transaction.atomic():
            Membership.objects.bulk_create(new, batch_size=BATCH)
        self.summary.created["memberships"] += len(new)
        self.summary.existing["memberships"] += len(set(user_ids)) - len(new)

    # Topics.

    def _topics(self) -> None:
        if not self.posts.tags:
            return
        self.progress.start(_("Topics"))
        excerpts = self._tag_excerpts()
        known: dict[str, Topic] = {}
        slugs = set()
        for topic in Topic.objects.all():
            slugs.add(topic.slug)
            for name in [topic.slug, topic.name, *topic.synonym_list()]:
                known.setdefault(name.lower(), topic)
        new: list[Topic] = []
        for tag in self.posts.tags:
            slug = topic_slug(tag)
            match = known.get(tag.lower()) or known.get(slug)
            if match is not None:
                self.topics[tag] = match.pk
                self.topic_slugs[match.pk] = match.slug
                self.summary.existing["topics"] += 1
                continue
            slug = _free_slug(slug, slugs)
            slugs.add(slug)
            topic = Topic(name=tag, slug=slug, description=excerpts.get(tag, ""))
            known[tag.lower()] = known[slug] = topic
            new.append(topic)
        with transaction.atomic():
            for topic in Topic.objects.bulk_create(new, batch_size=BATCH):
                assert topic.pk is not None
                self.topics[topic.name] = topic.pk
                self.topic_slugs[topic.pk] = topic.slug
        self.summary.created["topics"] += len(new)
        self.progress.finish()

    def _tag_excerpts(self) -> dict[str, str]:
        return {
            row["TagName"]: self.posts.excerpts[row["ExcerptPostId"]]
            for _n, row in self._rows("Tags")
            if row.get("TagName") and self.posts.excerpts.get(row.get("ExcerptPostId", ""))
        }

    # Questions and answers.

    def _write_posts(self, kind: str) -> None:
        label = "questions" if kind == Kind.QUESTION else "answers"
        self.progress.start(_("Questions") if kind == Kind.QUESTION else _("Answers"))
        batch: list[dict[str, str]] = []
        for _n, row in self._rows("Posts"):
            post_id = row.get("Id", "")
            if self.posts.kinds.get(post_id) != kind:
                continue
            if post_id in self.entries:
                self.summary.existing[label] += 1
                continue
            batch.append(row)
            if len(batch) >= BATCH:
                self._create_entries(batch, kind)
                batch = []
        if batch:
            self._create_entries(batch, kind)
        self.progress.finish()

    @transaction.atomic
    def _create_entries(self, rows: list[dict[str, str]], kind: str) -> None:
        entries: list[Entry] = []
        tags: dict[str, list[str]] = {}
        now = timezone.now()
        for row in rows:
            post_id = row["Id"]
            key = self.posts.authors[post_id]
            created = parse_date(row.get("CreationDate")) or now
            licence = licence_for(row, created)
            question = kind == Kind.QUESTION
            if question:
                title = " ".join(row.get("Title", "").split())[:250] or _("Question %(id)s") % {
                    "id": post_id
                }
                parent_id, community_id = None, self.community.pk
                tags[post_id] = parse_tags(row.get("Tags"))
            else:
                title = ""
                parent_id, community_id = self.entries[self.posts.parents[post_id]]
            html = row.get("Body", "")
            entries.append(
                Entry(
                    kind=kind,
                    community_id=community_id,
                    author_id=self.users[key],
                    parent_id=parent_id,
                    title=title,
                    slug=slug_for(title) if title else "",
                    body=html_to_markdown(html),
                    body_html=clean_html(html),
                    score=_int(row.get("Score")),
                    source=self.source,
                    external_id=post_id,
                    license=licence,
                    attribution=_(
                        "Imported from %(site)s, %(licence)s, original by %(author)s: %(url)s"
                    )
                    % {
                        "site": self.site.host,
                        "licence": licence,
                        "author": self.user_names[key],
                        "url": self.site.post_url(post_id, question=question),
                    },
                    created_at=created,
                    last_activity_at=parse_date(row.get("LastActivityDate")) or created,
                )
            )
        created_entries = Entry.objects.bulk_create(entries)
        links = []
        revisions = []
        for entry in created_entries:
            assert entry.pk is not None
            self.entries[entry.external_id] = (entry.pk, entry.community_id)
            topic_ids = [
                self.topics[t] for t in tags.get(entry.external_id, []) if t in self.topics
            ]
            links += [
                Entry.topics.through(entry_id=entry.pk, topic_id=topic_id)
                for topic_id in dict.fromkeys(topic_ids)
            ]
            revisions.append(
                Revision(
                    entry_id=entry.pk,
                    number=1,
                    author_id=entry.author_id,
                    title=entry.title,
                    body=entry.body,
                    topics="\n".join(sorted({self.topic_slugs[t] for t in topic_ids})),
                    created_at=entry.created_at,
                )
            )
        Entry.topics.through.objects.bulk_create(links, batch_size=BATCH)
        Revision.objects.bulk_create(revisions, batch_size=BATCH)
        label = "questions" if kind == Kind.QUESTION else "answers"
        self.summary.created[label] += len(created_entries)

    # Comments.

    def _comments(self) -> None:
        if self.tables["Comments"] is None:
            return
        self.progress.start(_("Comments"))
        present = set(
            Comment.objects.filter(source=self.source).values_list("external_id", flat=True)
        )
        batch: list[dict[str, str]] = []
        for _n, row in self._rows("Comments"):
            comment_id = row.get("Id", "")
            if comment_id in present:
                self.summary.existing["comments"] += 1
            elif row.get("PostId") not in self.entries:
                self.summary.skip("comments", _("on posts that were not imported"))
            elif not row.get("Text", "").strip():
                self.summary.skip("comments", _("empty"))
            else:
                batch.append(row)
                if len(batch) >= BATCH:
                    self._create_comments(batch)
                    batch = []
        if batch:
            self._create_comments(batch)
        self.progress.finish()

    @transaction.atomic
    def _create_comments(self, rows: list[dict[str, str]]) -> None:
        now = timezone.now()
        comments = [
            Comment(
                entry_id=self.entries[row["PostId"]][0],
                author_id=self.users[author_key(row, "UserId", "UserDisplayName")],
                body=row["Text"].strip(),
                body_html=render_imported_markdown(row["Text"].strip()),
                source=self.source,
                external_id=row["Id"],
                created_at=parse_date(row.get("CreationDate")) or now,
            )
            for row in rows
        ]
        Comment.objects.bulk_create(comments)
        self.summary.created["comments"] += len(comments)

    # Accepted answers and duplicates: set once, never over what a member changed since.

    def _accepted_answers(self) -> None:
        wanted: dict[int, int] = {}
        for question_id, answer_id in self.posts.accepted.items():
            if question_id not in self.entries:
                continue
            if self.posts.parents.get(answer_id) != question_id or answer_id not in self.entries:
                self.summary.skip("accepted", _("the accepted answer is not in the dump"))
                continue
            wanted[self.entries[question_id][0]] = self.entries[answer_id][0]
        self._set_once("accepted_child_id", wanted, "accepted")

    def _duplicates(self) -> None:
        if self.tables["PostLinks"] is None:
            return
        wanted: dict[int, int] = {}
        for _n, row in self._rows("PostLinks"):
            link_type = row.get("LinkTypeId")
            if link_type == RELATED_LINK:
                self.summary.skip("links", _("related links are not kept"))
                continue
            if link_type != DUPLICATE_LINK:
                self.summary.skip("links", _("link type %(type)s") % {"type": link_type or "?"})
                continue
            duplicate, original = row.get("PostId", ""), row.get("RelatedPostId", "")
            both_questions = all(
                self.posts.kinds.get(i) == Kind.QUESTION and i in self.entries
                for i in (duplicate, original)
            )
            if not both_questions or duplicate == original:
                self.summary.skip("duplicates", _("not between two imported questions"))
                continue
            wanted[self.entries[duplicate][0]] = self.entries[original][0]
        self._set_once("duplicate_of_id", wanted, "duplicates")

    def _set_once(self, field_name: str, wanted: dict[int, int], label: str) -> None:
        """Set ``field_name`` on entries where it is still empty; count what was already set."""
        changed = 0
        with transaction.atomic():
            for pk, current in Entry.objects.filter(source=self.source).values_list(
                "pk", field_name
            ):
                if pk not in wanted:
                    continue
                if current is not None:
                    self.summary.existing[label] += 1
                    continue
                # One UPDATE a row: bulk_update's CASE costs more than it saves here.
                Entry.objects.filter(pk=pk).update(**{field_name: wanted[pk]})
                changed += 1
        self.summary.created[label] += changed

    def _votes(self) -> None:
        if self.tables["Votes"] is None:
            return
        count = sum(1 for _row in self._rows("Votes"))
        if count:
            self.summary.skip("votes", _("anonymous in the dump (scores come from Posts)"), count)

    # Counters, from what is in the database.

    def _counters(self) -> None:
        self.progress.start(_("Counters"))
        answers = dict(
            Entry.objects.filter(parent__source=self.source, kind=Kind.ANSWER, is_deleted=False)
            .values("parent_id")
            .annotate(n=Count("id"))
            .values_list("parent_id", "n")
        )
        comments = dict(
            Comment.objects.filter(entry__source=self.source, is_deleted=False)
            .values("entry_id")
            .annotate(n=Count("id"))
            .values_list("entry_id", "n")
        )
        # Few distinct counts: one UPDATE per count beats bulk_update's CASE per row.
        wrong: dict[tuple[int, int], list[int]] = {}
        for pk, child_count, comment_count in Entry.objects.filter(source=self.source).values_list(
            "pk", "child_count", "comment_count"
        ):
            right = (answers.get(pk, 0), comments.get(pk, 0))
            if (child_count, comment_count) != right:
                wrong.setdefault(right, []).append(pk)
        with transaction.atomic():
            for (child_count, comment_count), pks in wrong.items():
                for start in range(0, len(pks), BATCH):
                    Entry.objects.filter(pk__in=pks[start : start + BATCH]).update(
                        child_count=child_count, comment_count=comment_count
                    )
        for community in Community.objects.filter(
            Q(pk=self.community.pk) | Q(entries__source=self.source)
        ).distinct():
            _refresh_community(community)
        self.community.refresh_from_db()
        self.progress.finish()

    def _index(self) -> None:
        from practica.search.indexing import index_community

        self.progress.start(_("Search index"))
        index_community(community=self.community, progress=self.progress.write is not None)
        self.progress.finish()


def _refresh_community(community: Community) -> None:
    """Recount a community's questions and members and date its last activity."""
    entries = Entry.objects.filter(community=community, is_deleted=False)
    fields: dict[str, Any] = {
        "question_count": entries.filter(kind=Kind.QUESTION).count(),
        "member_count": Membership.objects.filter(
            community=community, status=MembershipStatus.ACTIVE
        ).count(),
    }
    latest = entries.aggregate(latest=Max("last_activity_at"))["latest"]
    if latest is not None and (
        community.last_activity_at is None or community.last_activity_at < latest
    ):
        fields["last_activity_at"] = latest
    if any(getattr(community, name) != value for name, value in fields.items()):
        Community.objects.filter(pk=community.pk).update(**fields)


def _free_slug(slug: str, taken: set[str]) -> str:
    if slug not in taken and slug not in RESERVED_SLUGS:
        return slug
    n = 2
    while f"{slug[:95]}-{n}" in taken:
        n += 1
    return f"{slug[:95]}-{n}"


def _int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return 0


def import_dump(
    *,
    folder: Path,
    community_slug: str,
    community_name: str = "",
    site_url: str | None = None,
    progress: Progress | None = None,
) -> tuple[Community, ImportSummary]:
    """Import the dump in ``folder`` into the community ``community_slug`` (created, open,
    if it does not exist). Raises DumpError when the folder is not a dump."""
    job = StackExchangeImport(
        folder=folder,
        community_slug=community_slug,
        community_name=community_name,
        site_url=site_url,
        progress=progress,
    )
    summary = job.run()
    return job.community, summary
