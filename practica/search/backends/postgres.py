"""The PostgreSQL backend: full-text search in the shared database, for many app servers.

Documents are rows of ``search_searchdocument`` (``models.SearchDocument``) with a generated,
weighted ``tsv`` column (title A, body B, extra C; English stemming) and GIN indexes on it and
on ``scopes``. A query is compiled once into a ``tsquery``: every word the member typed goes
through ``phraseto_tsquery`` as a bound parameter, and only operators are put around the
results, so no typed word is ever part of the SQL. The viewer's scope is a clause of the same
WHERE as the text, the filters, the total and the facets (``scopes && terms``); one pass
over the matching rows gives the total, the facets and the page.

English stop words are not indexed: a query word that is one ("being") drops out, and a phrase
keeps its other words at their distances. A query of stop words alone finds nothing.

Relevance is ``ts_rank_cd`` with the embedded backend's field weights, multiplied by
log2(2 + prior) as tantivy's ``weight_by_field`` does. Snippets (``ts_headline`` over the
HTML-escaped body) are made only for the page returned. "Did you mean" reads
``search_searchword``: title words counted per set of scopes, kept in step by ``write`` and
``rebuild`` in the same transaction, so it offers only words of documents the viewer may see.
"""

import html
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection, transaction

from ..documents import SearchDoc
from ..query import ParsedQuery, Term
from ..scope import Scope
from .base import BackendHit, BackendQuery, BackendResult, Filters

DOCS = "search_searchdocument"
WORDS = "search_searchword"
CONFIG = "english"
# ts_rank_cd weights for {D, C, B, A}: extra, body and title as the embedded backend boosts
# them (0.6 : 1 : 3).
WEIGHTS = "{0.1, 0.2, 0.333, 1.0}"
# Normalisation 1: divide by 1 + log(length), so long documents do not win by length alone.
NORMALISATION = 1
SNIPPET_CHARS = 220
# Up to two fragments around the matches; a short body is shown whole.
HEADLINE_OPTIONS = (
    'StartSel=<b>, StopSel=</b>, MaxWords=20, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "'
)
SHORT_BODY_OPTIONS = "StartSel=<b>, StopSel=</b>, HighlightAll=true"
SHORT_BODY = 300
SIMILAR_WORDS = 12
SIMILAR_TEXT_WORDS = 400
COMMON_FREQUENCY = 0.1
COMMON_AFTER = 10_000  # documents
WORD_MAX = 40
# pg_advisory_xact_lock key: one writer (write or rebuild) at a time, as the embedded
# backend's writer lock. Any constant unlikely to be used by something else.
WRITER_LOCK = 7_351_202_611
FACET_SIZES = {"type": 20, "community": 50, "topics": 20, "author": 10, "answered": 3}
TITLE_WORD = re.compile(r"[^\W_]+")
COLUMNS = [
    "key",
    "type",
    "title",
    "label",
    "body",
    "extra",
    "scopes",
    "url",
    "community",
    "author",
    "topics",
    "created",
    "votes",
    "answered",
    "thread",
    "duplicate",
    "prior",
]


def row(doc: SearchDoc) -> list[Any]:
    return [
        doc.key,
        doc.type,
        clean(doc.title),
        clean(doc.label)[:250],
        clean(doc.body),
        clean(doc.extra),
        sorted(set(doc.scopes)),
        doc.url,
        doc.community_id,
        doc.author_id,
        sorted(set(doc.topic_ids)),
        doc.created,
        doc.votes,
        # Only questions are answered or not; everything else is -1 so the facet ignores it.
        int(doc.answered) if doc.type == "question" else -1,
        doc.thread_id,
        doc.duplicate_of,
        float(doc.prior),
    ]


def clean(text: str) -> str:
    """PostgreSQL text cannot hold NUL."""
    return text.replace("\x00", " ")


def title_words(title: str) -> set[str]:
    """Title words as the embedded backend's "words" field tokenizes them."""
    return {w for w in TITLE_WORD.findall(title.lower()) if len(w) < WORD_MAX}


def word_counts(rows: Iterable[tuple[str, list[str]]]) -> Counter[tuple[str, tuple[str, ...]]]:
    """(word, scopes) -> documents, for (title, scopes) rows."""
    counts: Counter[tuple[str, tuple[str, ...]]] = Counter()
    for title, scopes in rows:
        scope_set = tuple(sorted(set(scopes)))
        for word in title_words(title):
            counts[(word, scope_set)] += 1
    return counts


UPSERT = (
    f"INSERT INTO {DOCS} ({', '.join(COLUMNS)}) VALUES ({', '.join(['%s'] * len(COLUMNS))}) "
    f"ON CONFLICT (key) DO UPDATE SET "
    + ", ".join(f"{c} = EXCLUDED.{c}" for c in COLUMNS if c != "key")
)
ADD_WORDS = (
    f"INSERT INTO {WORDS} (word, scopes, documents) VALUES (%s, %s, %s) "
    f"ON CONFLICT (word, scopes) DO UPDATE SET documents = {WORDS}.documents + EXCLUDED.documents"
)


class PostgresBackend:
    name = "postgres"

    # --- writing ------------------------------------------------------------------------

    def write(self, docs: Sequence[SearchDoc], deletes: Sequence[str]) -> None:
        if not docs and not deletes:
            return
        latest = {doc.key: doc for doc in docs}  # the last one of a key wins
        keys = sorted(set(deletes) | set(latest))
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [WRITER_LOCK])
            cursor.execute(
                f"SELECT title, scopes FROM {DOCS} WHERE key = ANY(%s::text[]) FOR UPDATE", [keys]
            )
            old = word_counts(cursor.fetchall())
            gone = [key for key in keys if key not in latest]
            if gone:
                cursor.execute(f"DELETE FROM {DOCS} WHERE key = ANY(%s::text[])", [gone])
            if latest:
                cursor.executemany(UPSERT, [row(doc) for doc in latest.values()])
            new = word_counts((doc.title, doc.scopes) for doc in latest.values())
            delta = new
            delta.subtract(old)
            changes = sorted((w, list(s), n) for (w, s), n in delta.items() if n)
            if changes:
                cursor.executemany(ADD_WORDS, changes)
                cursor.execute(
                    f"DELETE FROM {WORDS} WHERE word = ANY(%s::text[]) AND documents <= 0",
                    [sorted({w for w, _, _ in changes})],
                )

    def rebuild(self, batches: Iterable[Sequence[SearchDoc]]) -> int:
        """One transaction: until it commits (or if interrupted) readers see the old rows."""
        added = 0
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [WRITER_LOCK])
            cursor.execute(f"DELETE FROM {DOCS}")
            cursor.execute(f"DELETE FROM {WORDS}")
            counts: Counter[tuple[str, tuple[str, ...]]] = Counter()
            seen: set[str] = set()
            for batch in batches:
                latest = {doc.key: doc for doc in batch}
                # A key seen in an earlier batch replaces its row: count its words once.
                fresh = [doc for key, doc in latest.items() if key not in seen]
                seen.update(latest)
                if latest:
                    cursor.executemany(UPSERT, [row(doc) for doc in latest.values()])
                counts.update(word_counts((doc.title, doc.scopes) for doc in fresh))
                added += len(batch)
            if counts:
                cursor.executemany(
                    f"INSERT INTO {WORDS} (word, scopes, documents) VALUES (%s, %s, %s)",
                    sorted((w, list(s), n) for (w, s), n in counts.items()),
                )
            # Fresh statistics: the planner's estimates and the stem frequencies that
            # similar-text queries choose their words by (see ``lexeme_frequencies``).
            cursor.execute(f"ANALYZE {DOCS}")
        return added

    def clear(self) -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [WRITER_LOCK])
            cursor.execute(f"DELETE FROM {DOCS}")
            cursor.execute(f"DELETE FROM {WORDS}")

    def count(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {DOCS}")
            return int(cursor.fetchone()[0])

    # --- reading ------------------------------------------------------------------------

    def search(self, query: BackendQuery) -> BackendResult:
        if query.scope.is_empty:
            return BackendResult(hits=[], total=0)
        with transaction.atomic(), connection.cursor() as cursor:
            # JIT compiling costs 40-50 ms a query over many rows and gains nothing here.
            cursor.execute("SET LOCAL jit = off")
            text = self.text_query(cursor, query)
            if text is None:
                return BackendResult(hits=[], total=0)
            return self.run(cursor, query, text)

    def run(self, cursor: Any, query: BackendQuery, text: "TextQuery") -> BackendResult:
        """One pass over the matching rows gives the total, the facets and the page's ids
        (with scores); a second statement fetches those rows and their snippets. Always
        these two statements, whatever the number of matches (query budgets)."""
        if query.sort == "newest":
            score, order = "0.0", "created DESC, id DESC"
        elif query.sort == "votes":
            score, order = "0.0", "votes DESC, id DESC"
        else:
            rank = "1.0"
            if text.full is not None:
                rank = f"ts_rank_cd('{WEIGHTS}', d.tsv, %s::tsquery, {NORMALISATION})"
            score = f"{rank} * ln(2.0 + greatest(d.prior, 0.0)) / ln(2.0)"
            order = "score DESC, id DESC"
        columns = f"d.id, d.created, d.votes, {score} AS score"
        if query.facets:
            columns += ", d.type, d.community, d.topics, d.author, d.answered"

        def matches(tsquery: str | None) -> tuple[str, list[Any]]:
            where, params = self.where(tsquery, query.scope, query.filters)
            score_params = [tsquery] if "%s" in score else []
            return f"SELECT {columns} FROM {DOCS} d WHERE {where}", [*score_params, *params]

        source, source_params = matches(text.full)
        if text.relaxed is not None:
            # Too few documents hold two of the words: take those holding one. PostgreSQL
            # runs the second scan only when the first found less than the page needs.
            relaxed, relaxed_params = matches(text.relaxed)
            wanted = query.offset + query.limit
            source = f"""
                WITH strict AS MATERIALIZED ({source})
                SELECT * FROM strict WHERE (SELECT count(*) FROM strict) >= %s
                UNION ALL
                SELECT * FROM ({relaxed}) relaxed WHERE (SELECT count(*) FROM strict) < %s
            """
            source_params = [*source_params, wanted, *relaxed_params, wanted]
        branches = ["(SELECT 'total', '', count(*), NULL::bigint, NULL::float8 FROM m)"]
        if query.facets:
            branches += [
                facet_branch("type", "type", "TRUE"),
                facet_branch("community", "community", "community <> 0"),
                facet_branch("topics", "topic", "topic <> 0", source="m, unnest(m.topics) topic"),
                facet_branch("author", "author", "author <> 0"),
                facet_branch("answered", "answered", "answered <> -1"),
            ]
        branches.append(
            f"(SELECT 'page', '', row_number() OVER (ORDER BY {order}), id, score FROM m "
            f"ORDER BY {order} LIMIT %s OFFSET %s)"
        )
        sql = f"""
            WITH m AS MATERIALIZED ({source})
            {" UNION ALL ".join(branches)}
        """
        cursor.execute(sql, [*source_params, query.limit, query.offset])
        facets: dict[str, list[tuple[str, int]]] = (
            {name: [] for name in FACET_SIZES} if query.facets else {}
        )
        total = 0
        page: list[tuple[int, int, float]] = []
        for kind, value, n, pk, score_value in cursor.fetchall():
            if kind == "total":
                total = int(n)
            elif kind == "page":
                page.append((int(n), int(pk), float(score_value)))
            else:
                facets[kind].append((str(value), int(n)))
        page.sort()
        hits = self.fetch(cursor, page, text if query.snippets else None)
        return BackendResult(hits=hits, total=total, facets=facets)

    def text_query(self, cursor: Any, query: BackendQuery) -> "TextQuery | None":
        """The compiled tsquery, or None when nothing can match."""
        if not query.parsed.is_empty:
            return compile_query(cursor, query.parsed, query.match)
        if query.similar_text:
            return like_query(cursor, query.similar_text)
        if query.filters.keys is not None:
            return TextQuery(full=None, positive=None)
        return None

    def where(self, text: str | None, scope: Scope, filters: Filters) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if text is not None:
            clauses.append("d.tsv @@ %s::tsquery")
            params.append(text)
        if not scope.everything:
            clauses.append("d.scopes && %s::text[]")
            params.append(list(scope.terms))
        lists: list[tuple[str, list[Any], str]] = [
            ("type", list(filters.types), "text[]"),
            ("community", list(filters.community_ids), "int[]"),
            ("author", list(filters.author_ids), "int[]"),
        ]
        for column, values, cast in lists:
            if values:
                clauses.append(f"d.{column} = ANY(%s::{cast})")
                params.append(list(values))
        if filters.topic_ids:
            clauses.append("d.topics && %s::int[]")
            params.append(list(filters.topic_ids))
        if filters.keys is not None:
            clauses.append("d.key = ANY(%s::text[])")
            params.append(list(filters.keys))
        if filters.answered is not None:
            clauses.append("d.answered = %s")
            params.append(int(filters.answered))
        if filters.created_from is not None:
            clauses.append("d.created >= %s")
            params.append(filters.created_from)
        if filters.created_to is not None:
            clauses.append("d.created < %s")
            params.append(filters.created_to)
        return " AND ".join(clauses) or "TRUE", params

    def fetch(
        self, cursor: Any, page: list[tuple[int, int, float]], text: "TextQuery | None"
    ) -> list[BackendHit]:
        """The page's rows in order, with snippets made for them alone."""
        if not page:
            return []
        highlight = text is not None and text.positive is not None
        snippet = (
            f"ts_headline('{CONFIG}', {escaped('d.body')}, %s::tsquery, "
            f"CASE WHEN length(d.body) <= {SHORT_BODY} THEN %s ELSE %s END)"
            if highlight
            else "''"
        )
        args: list[Any] = [SNIPPET_CHARS + 1]
        if highlight and text is not None:
            args += [text.positive, SHORT_BODY_OPTIONS, HEADLINE_OPTIONS]
        cursor.execute(
            f"""SELECT d.id, d.key, d.type, d.title, d.label, d.url, d.community, d.author,
                d.created, d.votes, d.answered, d.thread, d.duplicate, left(d.body, %s),
                {snippet}
            FROM {DOCS} d WHERE d.id = ANY(%s::bigint[])""",
            [*args, [pk for _, pk, _ in page]],
        )
        rows = {r[0]: r for r in cursor.fetchall()}
        hits = []
        for _, pk, score_value in page:
            r = rows.get(pk)
            if r is None:  # deleted between the two statements
                continue
            (_, key, type_, title, label, url, community, author, created) = r[:9]
            (votes, answered, thread, duplicate, start, headline) = r[9:]
            hits.append(
                BackendHit(
                    key=key,
                    type=type_,
                    title=title,
                    label=label,
                    snippet=to_snippet(headline, start),
                    url=url,
                    score=score_value,
                    community_id=community,
                    author_id=author,
                    created=created,
                    votes=votes,
                    answered=answered == 1,
                    thread_id=thread,
                    duplicate_of=duplicate,
                )
            )
        return hits

    def vocabulary(self, prefix: str, scope: Scope, limit: int) -> list[tuple[str, int]]:
        if scope.is_empty:
            return []
        prefix = prefix.lower()
        clauses = ["word >= %s", "word < %s"]
        params: list[Any] = [prefix, prefix + "\U0010ffff"]
        if not scope.everything:
            clauses.append("scopes && %s::text[]")
            params.append(list(scope.terms))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT word, sum(documents) FROM {WORDS} WHERE {' AND '.join(clauses)} "
                "GROUP BY word HAVING sum(documents) > 0 ORDER BY word LIMIT %s",
                [*params, limit],
            )
            return [(word, int(n)) for word, n in cursor.fetchall()]


class TextQuery:
    """``full`` selects (with exclusions); ``positive`` highlights; None: no text condition.
    ``relaxed``: what to select instead when ``full`` finds fewer than a page."""

    def __init__(self, full: str | None, positive: str | None, relaxed: str | None = None) -> None:
        self.full = full
        self.positive = positive
        self.relaxed = relaxed


def compile_query(cursor: Any, parsed: ParsedQuery, match: str) -> TextQuery | None:
    """Each term through ``phraseto_tsquery`` (a bound parameter), then joined with tsquery
    operators. Terms that are only stop words drop out; None when no group is left."""
    terms: list[Term] = [term for group in parsed.groups for term in group] + parsed.excluded
    compiled = compile_terms(cursor, terms)

    def alternatives(group: list[Term]) -> str | None:
        parts = [f"({compiled[t]})" for t in group if compiled.get(t)]
        return " | ".join(parts) if parts else None

    groups = [g for g in (alternatives(group) for group in parsed.groups) if g]
    if not groups:
        return None
    joiner = " & " if match == "all" else " | "
    positive = joiner.join(f"({g})" for g in groups)
    excluded = [f"!({compiled[t]})" for t in parsed.excluded if compiled.get(t)]
    full = " & ".join([f"({positive})", *excluded]) if excluded else positive
    return TextQuery(full=full, positive=positive)


def compile_terms(cursor: Any, terms: list[Term]) -> dict[Term, str]:
    texts = sorted({" ".join(term) for term in terms})
    if not texts:
        return {}
    cursor.execute(
        f"SELECT t, phraseto_tsquery('{CONFIG}', t)::text FROM unnest(%s::text[]) t", [texts]
    )
    by_text = dict(cursor.fetchall())
    return {term: by_text.get(" ".join(term), "") for term in terms}


def like_query(cursor: Any, text: str) -> TextQuery | None:
    """An OR of the text's most telling stems (stop words dropped): frequent in the text,
    rare in the index (tf x idf, document frequencies from PostgreSQL's own statistics of the
    ``tsv`` column, kept by ANALYZE, so nothing is counted per query). In a large index,
    stems in more than a tenth of all documents are left out while rarer ones remain: they
    would match most of it. One statement, whatever the text."""
    words = re.findall(r"\w+", text.lower())[:SIMILAR_TEXT_WORDS]
    words = [w for w in words if len(w) >= 2]
    if not words:
        return None
    cursor.execute(
        f"""
        WITH stats AS (
            SELECT e.lexeme, e.frequency FROM pg_stats s,
                unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs)
                    AS e(lexeme, frequency)
            WHERE s.schemaname = current_schema() AND s.tablename = %s AND s.attname = 'tsv'
        )
        SELECT t.lexeme, cardinality(t.positions), t.positions[1], stats.frequency,
            (SELECT min(frequency) FROM stats WHERE lexeme IS NOT NULL),
            (SELECT reltuples FROM pg_class WHERE oid = %s::regclass)
        FROM unnest(to_tsvector('{CONFIG}', %s)) t
        LEFT JOIN stats ON stats.lexeme = t.lexeme""",
        [DOCS, DOCS, " ".join(words)],
    )
    found = cursor.fetchall()
    if not found:
        return None
    least = found[0][4]
    floor = (least if least else 0.001) / 2  # rarer than the least common stem counted
    frequencies = {lexeme: frequency or floor for lexeme, _, _, frequency, _, _ in found}
    documents = found[0][5] or 0

    def telling(lexeme: str, count: int, first: int) -> tuple[float, int]:
        return (-count * math.log(1 / frequencies[lexeme]), first)

    ranked = sorted(found, key=lambda r: telling(r[0], r[1], r[2]))
    kept = ranked
    if documents >= COMMON_AFTER:  # in a small index every stem is cheap, and may matter
        kept = [r for r in ranked if frequencies[r[0]] <= COMMON_FREQUENCY]
    lexemes = [quote_lexeme(r[0]) for r in (kept or ranked)[:SIMILAR_WORDS]]
    any_word = " | ".join(lexemes)
    if len(lexemes) < 3:
        return TextQuery(full=any_word, positive=any_word)
    # First the documents holding at least two of the words: the index finds them without
    # ranking every document that holds one common word.
    pairs = [f"{a} & {b}" for i, a in enumerate(lexemes) for b in lexemes[i + 1 :]]
    return TextQuery(full=" | ".join(f"({p})" for p in pairs), positive=any_word, relaxed=any_word)


def quote_lexeme(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def escaped(column: str) -> str:
    """The column as HTML text, so ``ts_headline`` only adds the <b> tags."""
    return f"replace(replace(replace({column}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')"


def to_snippet(headline: str, start: str) -> str:
    """The highlighted fragment, or (like the embedded backend) the body's beginning."""
    if headline and "<b>" in headline:
        return " ".join(headline.split())
    return html.escape(start[:SNIPPET_CHARS] + ("…" if len(start) > 200 else ""))


def facet_branch(name: str, column: str, keep: str, source: str = "m") -> str:
    return (
        f"(SELECT '{name}', {column}::text, n, NULL::bigint, NULL::float8 FROM ("
        f"SELECT {column}, count(*) AS n FROM {source} WHERE {keep} GROUP BY {column} "
        f"ORDER BY n DESC, {column} LIMIT {FACET_SIZES[name]}) AS {name}_counts)"
    )
