"""The search benchmark (``practica bench-search``): generated data, real engine calls.

It generates ``docs`` short questions, answers and comments directly as ``SearchDoc`` (words
drawn with a long-tailed, Zipf-like distribution, so common words match a large part of the
index: the hard case), indexes them with ``backend.rebuild``, times single-document updates
with ``backend.write``, then times what members do:

- search: one- and two-word queries, a phrase, an exclusion and an OR, sent to the backend
  exactly as ``engine.search`` sends them (all words, then any word when nothing has all of
  them, facets and snippets on, 20 hits), for a member who sees most communities and for a
  site administrator;
- similar-as-you-type: question titles and whole questions, as ``engine.similar`` sends them;
- "did you mean" for misspelt words, when ``engine`` resolves to the backend under test.

The database is never read: scopes are built from the generated communities and words are
parsed without topic synonyms. Latencies are wall-clock times in this process; the
percentiles are nearest-rank over every measured call.
"""

import datetime as dt
import glob
import json
import math
import os
import platform
import random
import re
import time
import xml.etree.ElementTree as ElementTree
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any

from practica.core.progress import progress

from .backends import get_backend
from .backends.base import BackendQuery, BackendResult, Filters, SearchBackend
from .documents import ANSWERS_TEXT_LIMIT, SearchDoc
from .query import ParsedQuery, parse
from .scope import Scope

STACKEXCHANGE_POSTS = "/work/shared/data/stackexchange/*/Posts.xml"
VOCABULARY_SIZE = 50_000
ZIPF_EXPONENT = 1.0
ZIPF_OFFSET = 2.7  # Zipf-Mandelbrot: flattens the very top a little, as real text does
BATCH = 1000
TABLE_BITS = 18  # small enough to stay in the CPU cache; the rarest words get one slot
SEARCH_LIMIT = 20  # the search page's page size
SIMILAR_LIMIT = 10  # the ask form's panel (discussions.views.SIMILAR_LIMIT)
SIMILAR_MAX_TEXT = 2000  # what the ask form sends at most (discussions.views.SIMILAR_MAX_TEXT)
TOPICS = 300
EPOCH_START = int(dt.datetime(2020, 1, 1, tzinfo=dt.UTC).timestamp())
FIVE_YEARS = 5 * 365 * 86400
MEMBER_ID = 7
# p95 targets (milliseconds) for the embedded backend at a million documents; the
# PostgreSQL backend's figures are reported as measured.
TARGETS = {"search-member": 50.0, "search-admin": 50.0, "similar-title": 30.0}

WORD = re.compile(r"[a-z]{2,20}")
TAG = re.compile(r"<[^>]+>")
# Function words that rank at the top of any English text (and on the stop list of the
# embedded backend's similar query): never picked as query words.
STOP_TEXT = """
    a an and are as at be but by can do does for from had has have how i if in into is it its
    me my no not of on or our so such that the their then there these they this to was we what
    when where which who why will with would you your just one about also all more some any get
    like other than been were out them use only very should could"""
STOP = frozenset(STOP_TEXT.split())
FALLBACK_TEXT = """
the to of and is in it that for you are this be on as with not or have but if can there from
what we so pump seal bearing valve motor flow pressure leak shaft gasket impeller vibration
alignment coupling lubrication grease oil temperature sensor maintenance failure inspection
schedule torque bolt flange pipe weld corrosion steel water steam boiler cooling tower fan belt
gear gearbox drive speed current voltage cable panel relay switch breaker fuse earth ground
signal loop control setpoint alarm trip shutdown startup commissioning handover project plan
budget risk change stakeholder sponsor team meeting report review audit procedure permit
isolation lockout safety hazard incident training competence standard specification drawing
revision supplier contract cost estimate forecast milestone delay resource priority scope
requirement decision lesson practice question answer problem issue reason cause effect result
test measurement reading value range limit tolerance clearance wear crack noise heat smoke dust
filter strainer nozzle tank vessel level relief bypass return suction discharge head curve
efficiency capacity load demand supply energy power meter data record history trend analysis
root operator engineer technician manager planner contractor client site plant unit area line
"""


# --- the words ----------------------------------------------------------------------------------


@dataclass
class Vocabulary:
    words: list[str]  # most frequent first
    source: str
    table: list[str] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        """A lookup table in which each word fills slots in proportion to its Zipf weight:
        drawing a word is then one random index (``random.choices`` is five times slower)."""
        weights = [1.0 / (r + ZIPF_OFFSET) ** ZIPF_EXPONENT for r in range(1, len(self.words) + 1)]
        scale = 2**TABLE_BITS / sum(weights)
        table: list[str] = []
        cumulative = 0.0
        for word, weight in zip(self.words, weights, strict=True):
            cumulative += weight * scale
            table.extend([word] * max(1, round(cumulative) - len(table)))
        self.table = table

    def sample(self, rng: random.Random, count: int) -> list[str]:
        table, size, draw = self.table, len(self.table), rng.random
        return [table[int(draw() * size)] for _ in range(count)]

    def content_words(self) -> list[str]:
        """Words worth searching for, most frequent first."""
        return [w for w in self.words if w not in STOP and len(w) >= 3]


def load_vocabulary(pattern: str = STACKEXCHANGE_POSTS, size: int = VOCABULARY_SIZE) -> Vocabulary:
    """Words of the Stack Exchange dumps by frequency (or a built-in list), then made-up words
    for the long tail that a large site has (names, part numbers, jargon)."""
    counts: Counter[str] = Counter()
    sites = []
    for path in sorted(glob.glob(pattern)):
        sites.append(Path(path).parent.name)
        for _event, element in ElementTree.iterparse(path):
            if element.tag == "row":
                text = f"{element.get('Title') or ''} {element.get('Body') or ''}"
                counts.update(WORD.findall(TAG.sub(" ", text).lower()))
            element.clear()
    if len(counts) >= 2000:
        words = [w for w, _ in counts.most_common(size)]
        source = "Stack Exchange dumps (" + ", ".join(sites) + ")"
    else:
        words = list(dict.fromkeys(FALLBACK_TEXT.split()))
        source = "built-in word list"
    seen = set(words)
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "der", "fen", "gor", "ix"]
    rng = random.Random(1)
    while len(words) < size:
        made = "".join(rng.choice(syllables) for _ in range(rng.randint(3, 5)))
        if made not in seen:
            seen.add(made)
            words.append(made)
    return Vocabulary(words=words[:size], source=f"{source} + made-up tail words")


# --- the documents ------------------------------------------------------------------------------


@dataclass
class Spec:
    docs: int
    communities: int
    seed: int

    @property
    def private(self) -> list[int]:
        """Every eighth community is private (at least one)."""
        return [c for c in range(1, self.communities + 1) if c % 8 == 0] or [self.communities]


@dataclass
class Samples:
    """What the generator keeps for the measurements (never the documents themselves)."""

    question_ids: array = field(default_factory=lambda: array("l"))
    titles: list[str] = field(default_factory=list)
    questions: list[tuple[str, str]] = field(default_factory=list)  # (title, body)
    counts: Counter[str] = field(default_factory=Counter)


class Generator:
    """Threads (a question, its answers, comments) until ``spec.docs`` documents."""

    def __init__(self, spec: Spec, vocabulary: Vocabulary) -> None:
        self.spec = spec
        self.vocabulary = vocabulary
        self.rng = random.Random(spec.seed)
        self.keep = random.Random(spec.seed + 1)
        ranks = range(1, spec.communities + 1)
        self.community_weights = cumulative([1.0 / (r + 1) for r in ranks])
        self.topic_weights = cumulative([1.0 / (r + 2) for r in range(1, TOPICS + 1)])
        self.authors = max(50, spec.docs // 20)
        self.entry_id = 0
        self.comment_id = 0
        self.samples = Samples()

    def text(self, low: int, high: int, mu: float, sigma: float) -> str:
        count = min(high, max(low, int(self.rng.lognormvariate(mu, sigma))))
        return " ".join(self.vocabulary.sample(self.rng, count))

    def title(self) -> str:
        words = self.vocabulary.sample(self.rng, self.rng.randint(4, 12))
        text = " ".join(words).capitalize()
        return text + "?" if self.rng.random() < 0.5 else text

    def author(self) -> int:
        # A few very active members write much of it, as on any site.
        if self.rng.random() < 0.3:
            return self.rng.randint(1, max(1, self.authors // 100))
        return self.rng.randint(1, self.authors)

    def documents(self) -> Iterator[SearchDoc]:
        made = 0
        while made < self.spec.docs:
            for doc in self.thread():
                if made >= self.spec.docs:
                    return
                self.samples.counts[doc.type] += 1
                made += 1
                yield doc

    def thread(self) -> list[SearchDoc]:
        rng = self.rng
        community = rng.choices(
            range(1, self.spec.communities + 1), cum_weights=self.community_weights
        )[0]
        self.entry_id += 1
        qid = self.entry_id
        created = EPOCH_START + rng.randrange(FIVE_YEARS)
        title = self.title()
        answers = [
            self.answer(qid, title, community, created)
            for _ in range(rng.choices(range(6), [25, 35, 20, 10, 6, 4])[0])
        ]
        question = self.question(qid, title, community, created, answers)
        comments = [
            self.comment(rng.choice([question, *answers]), title)
            for _ in range(rng.choices(range(5), [40, 25, 15, 10, 10])[0])
        ]
        return [question, *answers, *comments]

    def question(
        self,
        qid: int,
        title: str,
        community: int,
        created: int,
        answers: list[SearchDoc],
        *,
        keep: bool = True,
    ) -> SearchDoc:
        rng = self.rng
        votes = int(rng.expovariate(0.4)) - (rng.random() < 0.05)
        accepted = bool(answers) and rng.random() < 0.5
        duplicate = rng.randrange(1, qid) if qid > 10 and rng.random() < 0.02 else 0
        prior = 0.0
        if not duplicate:
            prior = 2.0 + math.sqrt(max(votes, 0)) + (4.0 if accepted else 1.0 if answers else 0)
        body = self.text(8, 400, 4.0, 0.6)
        if keep:
            self.keep_sample(qid, title, body)
        return SearchDoc(
            key=f"entry:{qid}",
            type="question",
            title=title,
            label=title,
            body=body,
            extra=" ".join(a.body for a in answers)[:ANSWERS_TEXT_LIMIT],
            scopes=[f"c{community}"],
            url=f"/q/{qid}-{'-'.join(title.lower().rstrip('?').split()[:8])}",
            community_id=community,
            author_id=self.author(),
            topic_ids=sorted(
                set(rng.choices(range(1, TOPICS + 1), cum_weights=self.topic_weights, k=2))
            ),
            created=created,
            votes=votes,
            answered=bool(answers),
            thread_id=qid,
            duplicate_of=duplicate,
            prior=prior,
        )

    def answer(self, qid: int, title: str, community: int, asked: int) -> SearchDoc:
        self.entry_id += 1
        votes = int(self.rng.expovariate(0.5))
        return SearchDoc(
            key=f"entry:{self.entry_id}",
            type="answer",
            title="",
            label=title,
            body=self.text(5, 400, 3.8, 0.7),
            scopes=[f"c{community}"],
            url=f"/e/{self.entry_id}",
            community_id=community,
            author_id=self.author(),
            created=asked + self.rng.randrange(86400 * 30),
            votes=votes,
            thread_id=qid,
            prior=2.0 + math.sqrt(votes),
        )

    def comment(self, entry: SearchDoc, title: str) -> SearchDoc:
        self.comment_id += 1
        return SearchDoc(
            key=f"comment:{self.comment_id}",
            type="comment",
            title="",
            label=title,
            body=self.text(3, 60, 2.8, 0.5),
            scopes=list(entry.scopes),
            url=f"{entry.url}#comment-{self.comment_id}",
            community_id=entry.community_id,
            author_id=self.author(),
            created=entry.created + self.rng.randrange(86400 * 30),
            thread_id=entry.thread_id,
            prior=1.0,
        )

    def keep_sample(self, qid: int, title: str, body: str) -> None:
        samples = self.samples
        samples.question_ids.append(qid)
        seen = len(samples.question_ids)
        # Reservoir sampling: a uniform sample of every question, in constant memory.
        if len(samples.titles) < 200:
            samples.titles.append(title)
        elif (slot := self.keep.randrange(seen)) < 200:
            samples.titles[slot] = title
        if len(samples.questions) < 20:
            samples.questions.append((title, body))
        elif (slot := self.keep.randrange(seen)) < 20:
            samples.questions[slot] = (title, body)

    def updated_question(self, qid: int) -> SearchDoc:
        """A new version of question ``qid`` (an edit, or a new answer changing its text)."""
        community = self.rng.randint(1, self.spec.communities)
        created = EPOCH_START + self.rng.randrange(FIVE_YEARS)
        answers = [self.answer(qid, "", community, created)]
        self.entry_id -= 1  # the answer above is only text for the question's document
        return self.question(qid, self.title(), community, created, answers, keep=False)


def cumulative(weights: list[float]) -> list[float]:
    total, out = 0.0, []
    for weight in weights:
        total += weight
        out.append(total)
    return out


def batched(items: Iterator[SearchDoc], size: int, clock: list[float]) -> Iterator[list[SearchDoc]]:
    """Batches of ``size``; adds the time spent making them to ``clock[0]``."""
    while True:
        started = time.perf_counter()
        batch = list(islice(items, size))
        clock[0] += time.perf_counter() - started
        if not batch:
            return
        yield batch


# --- the workload ---------------------------------------------------------------------------


@dataclass
class Workload:
    searches: list[str]
    titles: list[str]
    questions: list[str]
    typos: list[str]


def workload(vocabulary: Vocabulary, samples: Samples, seed: int) -> Workload:
    """40 searches, 40 titles, a few whole questions and a few misspelt words."""
    rng = random.Random(seed + 2)
    content = vocabulary.content_words()
    common = content[:200]
    rare = content[2000:20000]

    def pick(words: list[str], count: int) -> list[str]:
        return rng.sample(words, count)

    searches = pick(common, 10) + pick(rare, 8)
    searches += [" ".join(pick(common, 2)) for _ in range(3)]
    searches += [f"{a} {b}" for a, b in zip(pick(common, 3), pick(rare, 3), strict=True)]
    searches += [" ".join(pick(rare, 2)) for _ in range(2)]
    # Phrases: the commonest pair of adjacent content words of two titles, two common words,
    # "the" and a word (the longest posting list there is).
    rank = {word: i for i, word in enumerate(vocabulary.words)}
    for title in rng.sample(samples.titles, 2):
        words = WORD.findall(title.lower()) or ["the", "question"]
        pairs = list(zip(words, words[1:], strict=False)) or [(words[0], words[0])]
        pairs = [p for p in pairs if not STOP & set(p)] or pairs
        a, b = min(pairs, key=lambda p: max(rank.get(p[0], 0), rank.get(p[1], 0)))
        searches.append(f'"{a} {b}"')
    searches += ['"{} {}"'.format(*pick(common[:50], 2)), f'"the {pick(common[:50], 1)[0]}"']
    searches += [f"{a} -{b}" for a, b in zip(pick(common, 5), pick(common, 5), strict=True)]
    searches += [f"{a} OR {b}" for a, b in zip(pick(common, 3), pick(rare, 3), strict=True)]
    searches += [f"{a} OR {b}" for a, b in zip(pick(rare, 2), pick(rare, 2), strict=True)]
    # Titles: half already asked (reworded a little), half new.
    titles = []
    for title in rng.sample(samples.titles, 20):
        words = title.split()
        rng.shuffle(words)
        titles.append(" ".join(words[: max(3, len(words) - 1)]))
    titles += [" ".join(vocabulary.sample(rng, rng.randint(4, 12))) for _ in range(20)]
    questions = [
        " ".join(f"{title} {body}".split())[:SIMILAR_MAX_TEXT]
        for title, body in rng.sample(samples.questions, min(5, len(samples.questions)))
    ]
    typos = []
    for word in pick(common[:100], 10):
        at = rng.randrange(1, len(word))
        typos.append(word[:at] + rng.choice("aeiourst") + word[at + 1 :])
    return Workload(searches=searches, titles=titles, questions=questions, typos=typos)


def member_scope(spec: Spec) -> Scope:
    """A member of every public community and of every other private one."""
    hidden = set(spec.private[::2])
    visible = [c for c in range(1, spec.communities + 1) if c not in hidden]
    terms = ["auth", f"u{MEMBER_ID}", *(f"c{c}" for c in visible), "host"]
    names = {c: f"Community {c}" for c in visible}
    return Scope(everything=False, communities=names, terms=tuple(terms))


def admin_scope(spec: Spec) -> Scope:
    names = {c: f"Community {c}" for c in range(1, spec.communities + 1)}
    return Scope(everything=True, communities=names, terms=())


# --- the engine's calls -------------------------------------------------------------------------


def engine_search(backend: SearchBackend, text: str, *, scope: Scope, bound: bool) -> int:
    """What ``engine.search`` asks of the backend for a first page without filters (the
    database look-ups for filter and facet names aside). Returns the total."""
    from . import engine

    parsed = parse(text, synonyms=False)
    request = BackendQuery(
        parsed=parsed, scope=scope, filters=Filters(), limit=SEARCH_LIMIT, facets=True
    )
    result = backend.search(request)
    if result.total == 0 and len(parsed.groups) > 1:
        request.match = "any"
        result = backend.search(request)
    engine.to_hits(result.hits, scope)
    if bound and result.total < 3:
        engine.did_you_mean(request, result.total)
    return result.total


def engine_similar(backend: SearchBackend, text: str, scope: Scope) -> BackendResult:
    """What ``engine.similar`` asks of the backend (questions, the ask form's 10 + 1 hits)."""
    from . import engine

    text = " ".join(text.split())
    request = BackendQuery(
        parsed=ParsedQuery(),
        similar_text=text,
        scope=scope,
        filters=Filters(types=["question"]),
        limit=SIMILAR_LIMIT + 1,
    )
    result = backend.search(request)
    engine.to_hits(result.hits, scope)
    return result


def engine_did_you_mean(backend: SearchBackend, text: str, scope: Scope) -> str | None:
    """A misspelt word: the search finds (next to) nothing, then ``engine.did_you_mean``."""
    from . import engine

    request = BackendQuery(parsed=parse(text, synonyms=False), scope=scope, facets=True)
    total = backend.search(request).total
    return engine.did_you_mean(request, total)


# --- measuring ------------------------------------------------------------------------------


@dataclass
class Latency:
    calls: int
    distinct: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    mean_ms: float
    cpu_p50_ms: float  # CPU time of this process per call: the work, without waiting for
    cpu_p95_ms: float  # the CPU on a busy machine (a PostgreSQL server's work is not in it)
    target_p95_ms: float | None = None

    @property
    def met(self) -> bool | None:
        return None if self.target_p95_ms is None else self.p95_ms < self.target_p95_ms


def latency(
    timings: list[tuple[float, float]], distinct: int, target: float | None = None
) -> Latency:
    """Percentiles of (wall, cpu) seconds per call."""
    ordered = sorted(wall * 1000 for wall, _ in timings)
    cpu = sorted(used * 1000 for _, used in timings)

    def rank(q: float, values: list[float] = ordered) -> float:
        return round(values[max(0, math.ceil(q * len(values)) - 1)], 2)

    return Latency(
        calls=len(ordered),
        distinct=distinct,
        p50_ms=rank(0.50),
        p95_ms=rank(0.95),
        p99_ms=rank(0.99),
        max_ms=round(ordered[-1], 2),
        mean_ms=round(sum(ordered) / len(ordered), 2),
        cpu_p50_ms=rank(0.50, cpu),
        cpu_p95_ms=rank(0.95, cpu),
        target_p95_ms=target,
    )


def timed(call: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    call()
    return time.perf_counter() - wall, time.process_time() - cpu


def measure(
    call: Callable[[str], object], texts: Sequence[str], calls: int
) -> list[tuple[float, float]]:
    """Every text once to warm up, then ``calls`` timed calls rotating through them."""
    for text in texts:
        call(text)
    count = len(texts)
    return [timed(partial(call, texts[i % count])) for i in range(calls)]


@dataclass
class Options:
    docs: int = 100_000
    communities: int = 40
    queries: int = 400  # timed calls per search and title scenario
    writes: int = 1000
    seed: int = 42
    progress: bool = True
    words_from: str = STACKEXCHANGE_POSTS  # a glob of Posts.xml files (else built-in words)


@dataclass
class Report:
    backend: str
    docs: int
    communities: int
    private_communities: int
    seed: int
    queries: int
    writes: int
    vocabulary: str
    generated: dict[str, int]
    machine: dict[str, Any]
    started: str
    indexing: dict[str, float]
    scenarios: dict[str, Latency]
    index_bytes: int | None
    rss_bytes: int
    peak_rss_bytes: int
    searches: list[dict[str, Any]]
    titles: list[str]
    typos: list[str]
    notes: list[str]

    def to_json(self) -> str:
        data = asdict(self)
        for name, scenario in self.scenarios.items():
            data["scenarios"][name]["met"] = scenario.met
        return json.dumps(data, indent=2) + "\n"


def run(
    *,
    backend: SearchBackend,
    options: Options,
    index_dir: Path | None = None,
    log: Callable[[str], None] = lambda _: None,
) -> Report:
    started = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    load_at_start = [round(n, 2) for n in os.getloadavg()]
    spec = Spec(docs=options.docs, communities=options.communities, seed=options.seed)
    vocabulary = load_vocabulary(options.words_from)
    generator = Generator(spec, vocabulary)
    notes = []
    # The engine's helpers that fetch the backend themselves ("did you mean") are measured
    # only when that is the backend under test (``practica bench-search`` makes sure).
    bound = get_backend() is backend
    if not bound:
        notes.append("'Did you mean' not measured: the engine resolves to another backend.")

    log(f"Generating and indexing {spec.docs:,} documents ({backend.name} backend)…")
    docs = progress(
        generator.documents(), total=spec.docs, label="generate+index", enabled=options.progress
    )
    clock = [0.0]
    began = time.perf_counter()
    indexed = backend.rebuild(batched(iter(docs), BATCH, clock))
    total_seconds = time.perf_counter() - began
    index_seconds = max(total_seconds - clock[0], 1e-9)
    indexing = {
        "docs": indexed,
        "seconds": round(total_seconds, 2),
        "generation_seconds": round(clock[0], 2),
        "docs_per_second": round(indexed / total_seconds, 1),
        "docs_per_second_indexing_only": round(indexed / index_seconds, 1),
    }
    if backend.name == "postgres":
        # What autovacuum does after a bulk load (it may be off, as on a test server):
        # without statistics the planner guesses how many rows a word matches.
        began = time.perf_counter()
        analyze_search_tables()
        indexing["analyze_seconds"] = round(time.perf_counter() - began, 2)
        notes.append("ANALYZE ran on the search tables after the rebuild.")
    log(
        f"Indexed {indexed:,} in {total_seconds:.1f} s ({indexing['docs_per_second']:,.0f}/s; "
        f"{indexing['docs_per_second_indexing_only']:,.0f}/s not counting generation)."
    )

    scenarios: dict[str, Latency] = {}
    ids = generator.samples.question_ids
    pick = random.Random(spec.seed + 3)
    updates = [ids[pick.randrange(len(ids))] for _ in range(options.writes)]
    write_times = []
    for qid in progress(updates, label="single writes", enabled=options.progress):
        doc = generator.updated_question(qid)
        write_times.append(timed(partial(backend.write, [doc], [])))
    scenarios["write"] = latency(write_times, len(set(updates)))
    log(f"Single-document writes: p50 {scenarios['write'].p50_ms} ms.")

    work = workload(vocabulary, generator.samples, spec.seed)
    member, admin = member_scope(spec), admin_scope(spec)
    targets = TARGETS if backend.name == "embedded" else {}
    totals = {
        text: engine_search(backend, text, scope=member, bound=bound) for text in work.searches
    }
    for name, scope in [("search-member", member), ("search-admin", admin)]:
        call = partial(engine_search, backend, scope=scope, bound=bound)
        timings = measure(call, work.searches, options.queries)
        scenarios[name] = latency(timings, len(work.searches), targets.get(name))
        log(f"{name}: p95 {scenarios[name].p95_ms} ms.")
    timings = measure(lambda t: engine_similar(backend, t, member), work.titles, options.queries)
    scenarios["similar-title"] = latency(timings, len(work.titles), targets.get("similar-title"))
    log(f"similar-title: p95 {scenarios['similar-title'].p95_ms} ms.")
    calls = max(len(work.questions), options.queries // 4)
    timings = measure(lambda t: engine_similar(backend, t, member), work.questions, calls)
    scenarios["similar-question"] = latency(timings, len(work.questions))
    log(f"similar-question: p95 {scenarios['similar-question'].p95_ms} ms.")
    if bound:
        calls = max(len(work.typos), options.queries // 4)
        timings = measure(lambda t: engine_did_you_mean(backend, t, member), work.typos, calls)
        scenarios["did-you-mean"] = latency(timings, len(work.typos))
        log(f"did-you-mean: p95 {scenarios['did-you-mean'].p95_ms} ms.")

    rss, peak = memory()
    return Report(
        backend=backend.name,
        docs=spec.docs,
        communities=spec.communities,
        private_communities=len(spec.private),
        seed=spec.seed,
        queries=options.queries,
        writes=options.writes,
        vocabulary=vocabulary.source,
        generated=dict(generator.samples.counts),
        machine={**machine(backend), "load_average_at_start": load_at_start},
        started=started,
        indexing=indexing,
        scenarios=scenarios,
        index_bytes=index_size(backend, index_dir),
        rss_bytes=rss,
        peak_rss_bytes=peak,
        searches=[{"text": text, "total_member": totals[text]} for text in work.searches],
        titles=work.titles,
        typos=work.typos,
        notes=notes,
    )


# --- the surroundings ---------------------------------------------------------------------------


def memory() -> tuple[int, int]:
    """This process's resident memory now and at its peak, in bytes."""
    values = {}
    with open("/proc/self/status") as status:
        for line in status:
            name, _, rest = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                values[name] = int(rest.split()[0]) * 1024
    return values.get("VmRSS", 0), values.get("VmHWM", 0)


def machine(backend: SearchBackend) -> dict[str, Any]:
    from importlib.metadata import PackageNotFoundError, version

    def installed(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return ""

    return {
        "cpus": os.cpu_count(),
        "load_average_at_end": [round(n, 2) for n in os.getloadavg()],
        "python": platform.python_version(),
        "tantivy": installed("tantivy"),
        "psycopg": installed("psycopg"),
        "platform": platform.platform(),
        "postgresql": server_version() if backend.name == "postgres" else "",
    }


def server_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        row = cursor.fetchone()
    return str(row[0]) if row else ""


SEARCH_TABLES = (
    "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE c.relkind IN ('r', 'm') AND c.relname LIKE 'search\\_%%' "
    "AND n.nspname = current_schema()"
)


def analyze_search_tables() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(SEARCH_TABLES)
        for (table,) in cursor.fetchall():
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")


def index_size(backend: SearchBackend, index_dir: Path | None) -> int | None:
    """Bytes the index takes: its files, or its PostgreSQL tables with their indexes."""
    if backend.name == "postgres":
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT coalesce(sum(pg_total_relation_size(relname::regclass)), 0) "
                f"FROM ({SEARCH_TABLES}) t"
            )
            row = cursor.fetchone()
        return int(row[0]) if row else None
    if index_dir is None or not index_dir.exists():
        return None
    return sum(p.stat().st_size for p in index_dir.rglob("*") if p.is_file())


def mib(count: int | None) -> str:
    return "–" if count is None else f"{count / 2**20:,.0f} MiB"


def to_markdown(report: Report) -> str:
    m = report.machine
    lines = [
        f"# Search benchmark: {report.backend} backend, {report.docs:,} documents",
        "",
        f"Run {report.started} with `practica bench-search --docs {report.docs} "
        f"--backend {report.backend} --communities {report.communities} --seed {report.seed} "
        f"--queries {report.queries} --writes {report.writes}`, "
        f"on {m['cpus']} CPUs, Python {m['python']}, "
        + (f"PostgreSQL {m['postgresql']}" if m.get("postgresql") else f"tantivy {m['tantivy']}")
        + "; load average "
        f"(1, 5, 15 min) {m['load_average_at_start']} at the start, "
        f"{m['load_average_at_end']} at the end.",
        "",
        "Generated: "
        + ", ".join(f"{n:,} {kind}s" for kind, n in sorted(report.generated.items()))
        + f" in {report.communities} communities ({report.private_communities} private); "
        f"words: {report.vocabulary}, Zipf-distributed.",
        "",
        "| scenario | calls | p50 ms | p95 ms | p99 ms | max ms | CPU p50 / p95 ms | target p95 |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, s in report.scenarios.items():
        target = "" if s.target_p95_ms is None else f"< {s.target_p95_ms:g} ms: "
        verdict = "" if s.met is None else ("met" if s.met else "**missed**")
        lines.append(
            f"| {name} | {s.calls} | {s.p50_ms} | {s.p95_ms} | {s.p99_ms} | {s.max_ms} | "
            f"{s.cpu_p50_ms} / {s.cpu_p95_ms} | {target}{verdict} |"
        )
    ix = report.indexing
    lines += [
        "",
        f"Indexing (`rebuild`): {ix['docs']:,.0f} documents in {ix['seconds']} s, "
        f"{ix['docs_per_second']:,.0f} docs/s with generation, "
        f"{ix['docs_per_second_indexing_only']:,.0f} docs/s for the backend alone.",
        "",
        f"Index size: {mib(report.index_bytes)}; this process's memory: {mib(report.rss_bytes)} "
        f"resident at the end, {mib(report.peak_rss_bytes)} at the peak.",
        "",
        "Searches (and how many documents the member's search matched): "
        + ", ".join(f"`{s['text']}` ({s['total_member']:,})" for s in report.searches)
        + ".",
        "",
    ]
    lines += [f"Note: {note}" for note in report.notes]
    return "\n".join(lines).rstrip() + "\n"


def write_files(report: Report, *, json_path: str | None, markdown_path: str | None) -> None:
    for path, text in [(json_path, report.to_json()), (markdown_path, to_markdown(report))]:
        if path:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            Path(path).write_text(text)
