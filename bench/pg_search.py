"""GIN + ts_rank_cd against RUM for the PostgreSQL search backend's top-10 by relevance.

Generates N short documents (a title of 4-10 words, a body of 15-50, drawn from a Zipf-like
vocabulary: a few hundred common domain words, then a long tail), loads them into two tables
of its own database built like ``search_searchdocument`` (the weighted ``tsv``, ``scopes``),
one with a GIN index on ``tsv`` and one with a RUM index, then times common one- and two-word
queries as a member (a quarter of the communities) and as an administrator (no scope clause):

    gin page      what the backend runs: ts_rank_cd x log2(2 + prior), top 10, GIN
    gin count     the total the backend also needs (count(*) under the same WHERE)
    rum order     ORDER BY tsv <=> query LIMIT 10 (RUM's own rank, no field weights, no prior)
    rum rerank    the RUM top 100 re-ranked by ts_rank_cd x prior (an approximation)
    rum count     count(*) through the RUM index

    .venv/bin/python bench/pg_search.py --docs 100000
    .venv/bin/python bench/pg_search.py --docs 1000000 --queries 60 --json bench/results/pg.json

Needs PostgreSQL at --dsn (default 127.0.0.1:5432, user postgres) with the RUM extension
(Debian: postgresql-15-rum); creates and reuses the database --database (default
practica_bench_pgsearch) and never touches another.
"""

import argparse
import json
import math
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

import psycopg

COMMON = """pump seal valve bearing motor pressure flow leak oil water temperature vibration noise
impeller shaft gasket pipe steam filter cooling tank sensor control system maintenance failure
inspection repair replace check level speed power energy safety test design process plant
project team change manager stakeholder risk budget schedule scope plan review report meeting
training process quality cost time customer supplier contract audit standard procedure method
data analysis model measure monitor alarm trip start stop run load current voltage cable
switch relay drive gearbox coupling alignment lubrication grease wear corrosion crack weld
bolt flange casing suction discharge cavitation head curve efficiency operator shift site
unit area line station system equipment asset spare part order stock work request permit
lesson experience question answer problem solution cause root reliability availability
""".split()  # noqa: SIM905
SYLLABLES = "ka lo mi ne ru ta vo shi pe da gu re fo ni sa be zo ki ma te lu po ra ve".split()  # noqa: SIM905
COMMUNITIES = 40
MEMBER_COMMUNITIES = 10
WEIGHTS = "{0.1, 0.2, 0.333, 1.0}"

DDL = """
CREATE EXTENSION IF NOT EXISTS rum;
DROP TABLE IF EXISTS docs_gin, docs_rum;
CREATE TABLE docs_gin (
    id bigserial PRIMARY KEY,
    title text NOT NULL,
    body text NOT NULL,
    extra text NOT NULL DEFAULT '',
    scopes text[] NOT NULL,
    prior double precision NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, title), 'A')
        || setweight(to_tsvector('english'::regconfig, body), 'B')
        || setweight(to_tsvector('english'::regconfig, extra), 'C')
    ) STORED
);
"""


def vocabulary(size: int, rng: random.Random) -> list[str]:
    words = list(dict.fromkeys(COMMON))
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def documents(count: int, words: list[str], rng: random.Random) -> Iterator[tuple[Any, ...]]:
    cumulative: list[float] = []
    total = 0.0
    for rank in range(len(words)):
        total += 1.0 / (rank + 2.7)
        cumulative.append(total)
    for _ in range(count):
        title = " ".join(rng.choices(words, cum_weights=cumulative, k=rng.randint(4, 10)))
        body = " ".join(rng.choices(words, cum_weights=cumulative, k=rng.randint(15, 50)))
        community = rng.randint(1, COMMUNITIES)
        votes = int(rng.expovariate(0.5))
        prior = 2.0 + math.sqrt(votes) + (4.0 if rng.random() < 0.3 else 0.0)
        yield (title.capitalize(), body.capitalize() + ".", [f"c{community}"], prior)


def load(conn: psycopg.Connection, docs: int, seed: int) -> None:
    rng = random.Random(seed)
    words = vocabulary(30_000, rng)
    started = time.perf_counter()
    with conn.cursor() as cur:
        cur.execute(DDL)
        with cur.copy("COPY docs_gin (title, body, scopes, prior) FROM STDIN") as copy:
            for row in documents(docs, words, rng):
                copy.write_row(row)
        loaded = time.perf_counter()
        log(f"loaded {docs:,} documents in {loaded - started:.0f} s")
        cur.execute("SET maintenance_work_mem = '1GB'")
        cur.execute("CREATE TABLE docs_rum AS SELECT * FROM docs_gin")
        cur.execute("ALTER TABLE docs_rum ADD PRIMARY KEY (id)")
        for table in ("docs_gin", "docs_rum"):
            cur.execute(f"CREATE INDEX {table}_scopes ON {table} USING gin (scopes)")
        timed_ddl(cur, "GIN index", "CREATE INDEX docs_gin_tsv ON docs_gin USING gin (tsv)")
        timed_ddl(
            cur,
            "RUM index",
            "CREATE INDEX docs_rum_tsv ON docs_rum USING rum (tsv rum_tsvector_ops)",
        )
        cur.execute("ANALYZE docs_gin")
        cur.execute("ANALYZE docs_rum")
        cur.execute("CREATE TABLE IF NOT EXISTS bench_meta (docs int, seed int)")
        cur.execute("DELETE FROM bench_meta")
        cur.execute("INSERT INTO bench_meta VALUES (%s, %s)", [docs, seed])
    conn.commit()


def timed_ddl(cur: psycopg.Cursor, what: str, sql: str) -> None:
    started = time.perf_counter()
    cur.execute(sql)
    log(f"{what} built in {time.perf_counter() - started:.0f} s")


def query_sets(seed: int, count: int) -> dict[str, list[str]]:
    """tsquery texts: common single words and pairs (AND), from the 150 commonest words."""
    rng = random.Random(seed + 1)
    common = list(dict.fromkeys(COMMON))[:150]
    one = [rng.choice(common) for _ in range(count)]
    two = [" ".join(rng.sample(common, 2)) for _ in range(count)]
    return {"one word": one, "two words": two}


SCENARIOS: dict[str, str] = {
    "gin page": f"""
        SELECT id, ts_rank_cd('{WEIGHTS}', tsv, q, 1) * ln(2.0 + greatest(prior, 0.0)) / ln(2.0)
            AS score
        FROM docs_gin, plainto_tsquery('english', %(text)s) q
        WHERE tsv @@ q {{scope}} ORDER BY score DESC, id DESC LIMIT 10""",
    "gin count": """
        SELECT count(*) FROM docs_gin, plainto_tsquery('english', %(text)s) q
        WHERE tsv @@ q {scope}""",
    "rum order": """
        SELECT id FROM docs_rum, plainto_tsquery('english', %(text)s) q
        WHERE tsv @@ q {scope} ORDER BY tsv <=> q LIMIT 10""",
    "rum rerank": f"""
        SELECT id, ts_rank_cd('{WEIGHTS}', tsv, q, 1) * ln(2.0 + greatest(prior, 0.0)) / ln(2.0)
            AS score
        FROM (
            SELECT id, tsv, prior, q FROM docs_rum, plainto_tsquery('english', %(text)s) q
            WHERE tsv @@ q {{scope}} ORDER BY tsv <=> q LIMIT 100
        ) top ORDER BY score DESC, id DESC LIMIT 10""",
    "rum count": """
        SELECT count(*) FROM docs_rum, plainto_tsquery('english', %(text)s) q
        WHERE tsv @@ q {scope}""",
}


def percentiles(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)

    def at(p: float) -> float:
        return ordered[min(len(ordered) - 1, math.ceil(p * len(ordered)) - 1)] * 1000

    return {
        "p50_ms": round(at(0.50), 2),
        "p95_ms": round(at(0.95), 2),
        "p99_ms": round(at(0.99), 2),
        "mean_ms": round(statistics.fmean(ordered) * 1000, 2),
    }


def measure(conn: psycopg.Connection, queries: dict[str, list[str]]) -> list[dict[str, Any]]:
    member = [f"c{i}" for i in range(1, MEMBER_COMMUNITIES + 1)]
    scopes = {
        "member": ("AND scopes && %(scopes)s::text[]", member),
        "admin": ("", None),
    }
    results = []
    with conn.cursor() as cur:
        for scope_name, (clause, terms) in scopes.items():
            for kind, texts in queries.items():
                matches = []
                for text in texts:
                    cur.execute(
                        SCENARIOS["gin count"].replace("{scope}", clause),
                        {"text": text, "scopes": terms},
                    )
                    matches.append(cur.fetchone()[0])  # type: ignore[index]
                for name, template in SCENARIOS.items():
                    sql = template.replace("{scope}", clause)

                    def run(text: str, sql: str = sql, terms: Any = terms) -> None:
                        cur.execute(sql, {"text": text, "scopes": terms})
                        cur.fetchall()

                    for text in texts[:5]:  # warm the cache
                        run(text)
                    times = timings(run, texts)
                    row = {
                        "scope": scope_name,
                        "queries": kind,
                        "scenario": name,
                        "calls": len(times),
                        "mean_matches": round(statistics.fmean(matches)),
                        **percentiles(times),
                    }
                    results.append(row)
                    log(
                        f"{scope_name:6} {kind:9} {name:10} p50 {row['p50_ms']:8.1f} "
                        f"p95 {row['p95_ms']:8.1f} p99 {row['p99_ms']:8.1f} ms "
                        f"(~{row['mean_matches']:,} matches)"
                    )
    return results


def overlap(conn: psycopg.Connection, texts: list[str]) -> float:
    """How many of the GIN top 10 (the backend's ranking) the RUM rerank also returns."""
    shared = []
    with conn.cursor() as cur:
        for text in texts:
            cur.execute(SCENARIOS["gin page"].replace("{scope}", ""), {"text": text})
            exact = {r[0] for r in cur.fetchall()}
            cur.execute(SCENARIOS["rum rerank"].replace("{scope}", ""), {"text": text})
            approx = {r[0] for r in cur.fetchall()}
            shared.append(len(exact & approx) / max(len(exact), 1))
    return round(statistics.fmean(shared), 3)


def timings(run: Callable[[str], None], texts: list[str]) -> list[float]:
    times = []
    for text in texts:
        started = time.perf_counter()
        run(text)
        times.append(time.perf_counter() - started)
    return times


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=100, help="queries per kind")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--dsn", default="host=127.0.0.1 port=5432 user=postgres")
    parser.add_argument("--database", default="practica_bench_pgsearch")
    parser.add_argument("--reuse", action="store_true", help="keep tables of the same size")
    parser.add_argument("--json", help="write the figures here")
    parser.add_argument("--no-jit", action="store_true", help="measure with jit = off")
    args = parser.parse_args()
    if "bench" not in args.database:
        parser.error("--database must contain 'bench' (its tables are dropped and rebuilt)")

    with psycopg.connect(args.dsn + " dbname=postgres", autocommit=True) as admin:
        exists = admin.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [args.database]
        ).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{args.database}"')
    options = " options='-c jit=off'" if args.no_jit else ""
    with psycopg.connect(f"{args.dsn} dbname={args.database}{options}") as conn:
        have = None
        if args.reuse:
            with conn.cursor() as cur:
                cur.execute("SELECT to_regclass('bench_meta') IS NOT NULL")
                if cur.fetchone()[0]:  # type: ignore[index]
                    cur.execute("SELECT docs, seed FROM bench_meta")
                    have = cur.fetchone()
            conn.commit()
        if have != (args.docs, args.seed):
            load(conn, args.docs, args.seed)
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(
                "SELECT pg_size_pretty(pg_relation_size('docs_gin_tsv')), "
                "pg_size_pretty(pg_relation_size('docs_rum_tsv')), "
                "current_setting('shared_buffers'), current_setting('work_mem')"
            )
            gin_size, rum_size, shared_buffers, work_mem = cur.fetchone()  # type: ignore[misc]
        log(f"index sizes: GIN {gin_size}, RUM {rum_size}; shared_buffers {shared_buffers}")
        queries = query_sets(args.seed, args.queries)
        results = measure(conn, queries)
        agreement = overlap(conn, queries["one word"][:20] + queries["two words"][:20])
        log(f"RUM rerank shares {agreement:.0%} of the exact top 10 (administrator scope)")
    report = {
        "docs": args.docs,
        "queries_per_kind": args.queries,
        "gin_index": gin_size,
        "rum_index": rum_size,
        "shared_buffers": shared_buffers,
        "work_mem": work_mem,
        "jit": not args.no_jit,
        "rum_rerank_top10_overlap": agreement,
        "results": results,
    }
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(report, handle, indent=2)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
