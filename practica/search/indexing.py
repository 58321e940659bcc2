"""Keeping the search index in step with the database.

Services call ``schedule(keys)`` for what they changed; after the transaction commits, a
background task rebuilds those documents. Long jobs (import, ``practica reindex``) call
``index_now``/``rebuild`` themselves.
"""

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import islice
from typing import TYPE_CHECKING

from django.db import models, transaction

from practica.core.progress import progress as progress_bar

from . import documents
from .backends import get_backend

if TYPE_CHECKING:
    from practica.communities.models import Community

BATCH = 500

KEY_PREFIXES = {
    "content.entry": "entry",
    "content.comment": "comment",
    "accounts.user": "member",
    "communities.community": "community",
    "taxonomy.topic": "topic",
}


def key(obj: models.Model) -> str:
    """ "entry:12" for an Entry, "member:5" for a User, ..."""
    return f"{KEY_PREFIXES[obj._meta.label_lower]}:{obj.pk}"


_paused: ContextVar[bool] = ContextVar("search_indexing_paused", default=False)


@contextmanager
def paused() -> Iterator[None]:
    """For bulk loads that rebuild the index themselves at the end (the demo loader)."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def schedule(keys: Iterable[str]) -> None:
    """Re-index these after the current transaction commits (in the background)."""
    wanted = sorted(set(keys))
    if not wanted or _paused.get():
        return

    def enqueue() -> None:
        from .tasks import update_index

        for start in range(0, len(wanted), BATCH):
            update_index.enqueue(keys=wanted[start : start + BATCH])

    transaction.on_commit(enqueue)


def index_now(keys: Iterable[str]) -> None:
    wanted = set(keys)
    wanted |= documents.related_keys(wanted)
    docs, gone = documents.build(wanted)
    get_backend().write(docs, gone)
    after_write(docs, gone)


def after_write(docs: Sequence[documents.SearchDoc], gone: Sequence[str]) -> None:
    """Meaning vectors follow the text index, when the meaning model is built."""
    try:
        from . import meaning, vectors
    except ImportError:  # the meaning extra is not installed
        return
    if not meaning.is_available():
        return
    entries = [doc for doc in docs if doc.key.startswith("entry:")]
    removed = [documents.split_key(k)[1] for k in gone if k.startswith("entry:")]
    if removed:
        vectors.remove(removed)
    if entries:
        # Title and text apart, then averaged (a question's text includes its answers).
        pairs = [(doc.title or doc.label, f"{doc.body}\n{doc.extra}") for doc in entries]
        embedded = meaning.embed_documents(pairs)
        vectors.upsert(
            [
                (documents.split_key(doc.key)[1], doc.community_id, embedded[i])
                for i, doc in enumerate(entries)
            ]
        )


def batched(items: Iterable[str], size: int = BATCH) -> Iterable[list[str]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def index_keys_in_batches(keys: Sequence[str], *, progress: bool) -> int:
    total = -(-len(keys) // BATCH)
    for batch in progress_bar(batched(keys), total=total, label="Indexing", enabled=progress):
        index_now(batch)
    return len(keys)


def index_community(*, community: "Community", progress: bool = False) -> int:
    """Index everything of one community (after an import): entries, comments, the
    community, its members and the topics its entries use."""
    from practica.communities.models import Membership
    from practica.content.models import Comment, Entry

    entries = Entry.objects.filter(community=community, is_deleted=False)
    keys = [f"community:{community.pk}"]
    keys += [f"entry:{pk}" for pk in entries.values_list("pk", flat=True)]
    comments = Comment.objects.filter(entry__community=community, is_deleted=False)
    keys += [f"comment:{pk}" for pk in comments.values_list("pk", flat=True)]
    members = Membership.objects.filter(community=community).values_list("user_id", flat=True)
    keys += [f"member:{pk}" for pk in members]
    topics = entries.values_list("topics", flat=True).distinct()
    keys += [f"topic:{pk}" for pk in topics if pk]
    return index_keys_in_batches(keys, progress=progress)


def rebuild(*, progress: bool = True) -> int:
    """Rebuild the whole index from the database. Safe to interrupt: the old index serves
    until the new one is committed in one step at the end."""
    total = documents.count_all()
    backend = get_backend()

    def batches() -> Iterable[list[documents.SearchDoc]]:
        for keys in progress_bar(
            documents.all_keys(), total=-(-total // 1000), label="Indexing", enabled=progress
        ):
            docs, _ = documents.build(keys)
            yield docs

    count = backend.rebuild(batches())
    rebuild_vectors(progress=progress)
    return count


def rebuild_vectors(*, progress: bool) -> None:
    try:
        from . import meaning, vectors
    except ImportError:
        return
    if not meaning.is_available():
        return
    vectors.clear()
    from practica.content.models import Entry

    ids = Entry.objects.filter(is_deleted=False).values_list("pk", flat=True)
    keys = (f"entry:{pk}" for pk in ids.iterator())
    for batch in progress_bar(batched(keys), label="Embedding", enabled=progress):
        docs, _ = documents.build(batch)
        after_write(docs, [])
