"""The embedded backend: a tantivy index in files under ``SEARCH_INDEX_DIR``.

BM25 ranking, stemming, phrases and facet counts happen inside tantivy; the viewer's scope is
a clause of the query. Readers in every process open the same files; writes take the one
writer lock (``locking.writer_lock``), so web processes, workers and the importer never fight
over tantivy's single ``IndexWriter``.
"""

import html
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import tantivy
from django.conf import settings

from ..documents import SearchDoc
from ..locking import writer_lock
from ..query import ParsedQuery, render
from ..scope import Scope
from .base import BackendHit, BackendQuery, BackendResult, Filters

SCHEMA_VERSION = 1
TEXT_FIELDS = ["title", "body", "extra"]
FIELD_BOOSTS = {"title": 3.0, "body": 1.0, "extra": 0.6}
SNIPPET_CHARS = 220
WRITER_HEAP = 32_000_000
REBUILD_HEAP = 200_000_000
INT_FIELDS = (
    "community",
    "author",
    "topics",
    "created",
    "votes",
    "answered",
    "thread",
    "duplicate",
)
STOP_WORDS = [
    "a",
    "an",
    "and",
    "are",
    "as",
    "at",
    "be",
    "but",
    "by",
    "can",
    "do",
    "does",
    "for",
    "from",
    "had",
    "has",
    "have",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "me",
    "my",
    "no",
    "not",
    "of",
    "on",
    "or",
    "our",
    "so",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "to",
    "was",
    "we",
    "what",
    "when",
    "where",
    "which",
    "who",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
]


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("key", stored=True, tokenizer_name="raw")
    builder.add_text_field("type", stored=True, fast=True, tokenizer_name="raw")
    builder.add_text_field("title", stored=True, tokenizer_name="en_stem")
    builder.add_text_field("body", stored=True, tokenizer_name="en_stem")
    builder.add_text_field("extra", tokenizer_name="en_stem")
    builder.add_text_field("words", tokenizer_name="default")
    builder.add_text_field("scope", tokenizer_name="raw")
    builder.add_text_field("label", stored=True, tokenizer_name="raw")
    builder.add_text_field("url", stored=True, tokenizer_name="raw")
    for name in INT_FIELDS:
        builder.add_integer_field(name, stored=True, indexed=True, fast=True)
    builder.add_float_field("prior", fast=True)
    return builder.build()


def to_document(doc: SearchDoc) -> tantivy.Document:
    return tantivy.Document(
        key=doc.key,
        type=doc.type,
        title=doc.title,
        body=doc.body,
        extra=doc.extra,
        words=doc.title,
        scope=doc.scopes,
        label=doc.label[:250],
        url=doc.url,
        community=doc.community_id,
        author=doc.author_id,
        topics=doc.topic_ids,
        created=doc.created,
        votes=doc.votes,
        # Only questions are answered or not; everything else is -1 so the facet ignores it.
        answered=int(doc.answered) if doc.type == "question" else -1,
        thread=doc.thread_id,
        duplicate=doc.duplicate_of,
        prior=float(doc.prior),
    )


def quote(term: tuple[str, ...]) -> str:
    """A term in tantivy's query language; words are \\w+ already, so nothing to escape."""
    return render(term)


def query_string(parsed: ParsedQuery) -> str:
    parts = []
    for group in parsed.groups:
        alternatives = [quote(term) for term in group]
        parts.append(alternatives[0] if len(group) == 1 else f"({' OR '.join(alternatives)})")
    parts += [f"-{quote(term)}" for term in parsed.excluded]
    return " ".join(parts)


class EmbeddedBackend:
    name = "embedded"

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path or settings.SEARCH_INDEX_DIR) / f"text-v{SCHEMA_VERSION}"
        self.schema = build_schema()
        self._index: tantivy.Index | None = None
        self._lock = threading.Lock()

    # --- opening ------------------------------------------------------------------------

    @property
    def index(self) -> tantivy.Index:
        with self._lock:
            if self._index is None:
                self.path.mkdir(parents=True, exist_ok=True)
                self._index = tantivy.Index(self.schema, path=str(self.path))
            return self._index

    def searcher(self) -> tantivy.Searcher:
        self.index.reload()
        return self.index.searcher()

    # --- writing ------------------------------------------------------------------------

    def write(self, docs: Sequence[SearchDoc], deletes: Sequence[str]) -> None:
        if not docs and not deletes:
            return
        with writer_lock(self.path.parent):
            writer = self.index.writer(heap_size=WRITER_HEAP, num_threads=1)
            for key in [*deletes, *(doc.key for doc in docs)]:
                writer.delete_documents_by_term("key", key)
            for doc in docs:
                writer.add_document(to_document(doc))
            writer.commit()
            writer.wait_merging_threads()

    def rebuild(self, batches: Iterable[Sequence[SearchDoc]]) -> int:
        """One commit at the end: until then (or if interrupted) readers keep the old index."""
        added = 0
        with writer_lock(self.path.parent):
            writer = self.index.writer(heap_size=REBUILD_HEAP, num_threads=0)
            writer.delete_all_documents()
            for batch in batches:
                for doc in batch:
                    writer.add_document(to_document(doc))
                added += len(batch)
            writer.commit()
            writer.wait_merging_threads()
        return added

    def clear(self) -> None:
        self.rebuild([])

    def count(self) -> int:
        return int(self.searcher().num_docs)

    # --- reading ------------------------------------------------------------------------

    def search(self, query: BackendQuery) -> BackendResult:
        if query.scope.is_empty:
            return BackendResult(hits=[], total=0)
        text = self.text_query(query)
        if text is None:
            return BackendResult(hits=[], total=0)
        full = self.combine(text, query.scope, query.filters)
        searcher = self.searcher()
        ordering: dict[str, Any] = {}
        if query.sort == "newest":
            ordering = {"order_by_field": "created"}
        elif query.sort == "votes":
            ordering = {"order_by_field": "votes"}
        else:
            ordering = {"weight_by_field": "prior"}
        result = searcher.search(full, query.limit, count=True, offset=query.offset, **ordering)
        hits = self.to_hits(searcher, result.hits, text if query.snippets else None)
        facets = self.facets(searcher, full) if query.facets else {}
        total = int(result.count)  # type: ignore[attr-defined]  # missing from the stubs
        return BackendResult(hits=hits, total=total, facets=facets)

    def text_query(self, query: BackendQuery) -> tantivy.Query | None:
        if not query.parsed.is_empty:
            return self.index.parse_query(
                query_string(query.parsed),
                TEXT_FIELDS,
                field_boosts=FIELD_BOOSTS,
                conjunction_by_default=query.match == "all",
            )
        if query.similar_text:
            return self.like_query(query.similar_text)
        if query.filters.keys is not None:
            return tantivy.Query.all_query()
        return None

    def like_query(self, text: str) -> tantivy.Query | None:
        words = " ".join(text.split()[:400])
        if not words:
            return None
        return tantivy.Query.more_like_this_document_fields_query(
            self.schema,
            {"title": [words], "body": [words]},
            min_doc_frequency=1,
            min_term_frequency=1,
            max_query_terms=25,
            min_word_length=2,
            stop_words=STOP_WORDS,
        )

    def scope_query(self, scope: Scope) -> tantivy.Query | None:
        if scope.everything:
            return None
        return tantivy.Query.term_set_query(self.schema, "scope", list(scope.terms))

    def combine(self, text: tantivy.Query, scope: Scope, filters: Filters) -> tantivy.Query:
        must = tantivy.Occur.Must
        clauses = [(must, text)]
        scope_query = self.scope_query(scope)
        if scope_query is not None:
            clauses.append((must, scope_query))
        restrictions: list[tuple[str, Sequence[Any] | None]] = [
            ("type", filters.types),
            ("community", filters.community_ids),
            ("topics", filters.topic_ids),
            ("author", filters.author_ids),
            ("key", filters.keys),
        ]
        for name, values in restrictions:
            if values is not None and (values or name == "key"):
                clauses.append((must, tantivy.Query.term_set_query(self.schema, name, values)))
        if filters.answered is not None:
            answered = tantivy.Query.term_query(self.schema, "answered", int(filters.answered))
            clauses.append((must, answered))
        if filters.created_from is not None or filters.created_to is not None:
            dates = tantivy.Query.range_query(
                self.schema,
                "created",
                tantivy.FieldType.Integer,
                filters.created_from if filters.created_from is not None else -(2**62),
                filters.created_to if filters.created_to is not None else 2**62,
                include_upper=False,
            )
            clauses.append((must, dates))
        # Constant scoring for the filters: only the text decides relevance.
        filtered = [
            (occur, q if q is text else tantivy.Query.const_score_query(q, 0.0))
            for occur, q in clauses
        ]
        return tantivy.Query.boolean_query(filtered)

    def to_hits(
        self, searcher: tantivy.Searcher, hits: list[Any], text: tantivy.Query | None
    ) -> list[BackendHit]:
        snippets = (
            tantivy.SnippetGenerator.create(searcher, text, self.schema, "body") if text else None
        )
        if snippets is not None:
            snippets.set_max_num_chars(SNIPPET_CHARS)
        results = []
        for score, address in hits:
            doc = searcher.doc(address)
            fields = doc.to_dict()
            snippet = snippets.snippet_from_doc(doc).to_html() if snippets else ""
            if not snippet:
                body = first(fields, "body", "")
                snippet = html.escape(body[:SNIPPET_CHARS] + ("…" if len(body) > 200 else ""))
            results.append(
                BackendHit(
                    key=first(fields, "key", ""),
                    type=first(fields, "type", ""),
                    title=first(fields, "title", ""),
                    label=first(fields, "label", ""),
                    snippet=snippet,
                    url=first(fields, "url", ""),
                    score=float(score) if isinstance(score, float) else 0.0,
                    community_id=first(fields, "community", 0),
                    author_id=first(fields, "author", 0),
                    created=first(fields, "created", 0),
                    votes=first(fields, "votes", 0),
                    answered=first(fields, "answered", 0) == 1,
                    thread_id=first(fields, "thread", 0),
                    duplicate_of=first(fields, "duplicate", 0),
                )
            )
        return results

    def facets(self, searcher: tantivy.Searcher, query: tantivy.Query) -> dict[str, list]:
        spec = {
            "type": {"terms": {"field": "type", "size": 20}},
            "community": {"terms": {"field": "community", "size": 50}},
            "topics": {"terms": {"field": "topics", "size": 20}},
            "author": {"terms": {"field": "author", "size": 10}},
            "answered": {"terms": {"field": "answered", "size": 3}},
        }
        raw = searcher.aggregate(query, spec)
        facets: dict[str, list[tuple[str, int]]] = {}
        for name in spec:
            buckets = raw.get(name, {}).get("buckets", [])
            pairs = [(str(b["key"]), int(b["doc_count"])) for b in buckets]
            # 0 is "none" (no community, no author); for answered, -1 is "not a question".
            unwanted = ("-1",) if name == "answered" else ("0",)
            facets[name] = [(k, n) for k, n in pairs if k not in unwanted]
        return facets

    def vocabulary(self, prefix: str, scope: Scope, limit: int) -> list[tuple[str, int]]:
        if scope.is_empty:
            return []
        searcher = self.searcher()
        # Always a filter query: without one, tantivy counts deleted documents too.
        visible = self.scope_query(scope) or tantivy.Query.all_query()
        terms = searcher.terms_with_prefix("words", prefix, filter_query=visible, limit=limit)
        return [(term, count) for term, count in terms if count]


def first(fields: dict[str, list[Any]], name: str, default: Any) -> Any:
    values = fields.get(name)
    return values[0] if values else default
