"""``practica eval-search``: how well search finds the thread a question was asked in.

The StackFAQ set (Karan & Šnajder 2018, Expert Systems with Applications 91): 125
webapps.stackexchange threads and ten rephrasings of each question, written by people. Each
thread is one document (its question as the title, its answers as the body); each rephrasing
is a query whose one right answer is its thread. For every query we rank the documents with:

- ``bm25``: a plain Okapi BM25 over title + answers (no stemming), the paper's kind of baseline;
- ``text``: the real text engine (``engine.retrieve(mode="text")`` on the embedded backend);
- ``meaning``: the meaning model and the vector store (``mode="meaning"``);
- ``combined``: both, fused as search fuses them (``mode="combined"``);

and report recall@10, MRR and nDCG@10. The fusion's constants were chosen on the queries of
the even-numbered threads and are reported on the odd-numbered ones too (``--tune`` shows the
grid). Everything is built in a temporary folder: the site's own index is not touched.
"""

import json
import math
import os
import re
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.test import override_settings

DATA_FILE = Path("stackfaq") / "stackExchange-FAQ.xml"
COMMUNITY = 1
DEPTH = 100
CUTOFF = 10

Ranking = list[tuple[str, float]]


@dataclass
class Thread:
    key: str
    title: str
    answers: list[str]
    queries: list[str]


# --- the data -----------------------------------------------------------------------------------


def shared_data_dir() -> Path:
    if os.environ.get("PRACTICA_SHARED_DATA"):
        return Path(os.environ["PRACTICA_SHARED_DATA"])
    return Path(settings.BASE_DIR).parent.parent / "shared" / "data"


def load_stackfaq(path: Path) -> list[Thread]:
    """Threads with their rephrasings (the data marks a missing one with ``*``)."""
    root = ElementTree.parse(path).getroot()
    threads = []
    for number, pair in enumerate(root.iter("qapair"), start=1):
        question = " ".join((pair.findtext("question") or "").split())
        answers = [" ".join((a.text or "").split()) for a in pair.findall("answer")]
        queries = [" ".join((r.text or "").split()) for r in pair.findall("rephr")]
        queries = [q for q in queries if q and q != "*"]
        threads.append(Thread(f"entry:{number}", question, answers, queries))
    return threads


# --- the measures -------------------------------------------------------------------------------


def rank_of(ranked: Sequence[str], relevant: str) -> int | None:
    """1-based rank of the right answer, or None when it was not found."""
    for position, key in enumerate(ranked, start=1):
        if key == relevant:
            return position
    return None


def recall_at(ranked: Sequence[str], relevant: str, k: int = CUTOFF) -> float:
    rank = rank_of(ranked, relevant)
    return 1.0 if rank is not None and rank <= k else 0.0


def reciprocal_rank(ranked: Sequence[str], relevant: str) -> float:
    rank = rank_of(ranked, relevant)
    return 1.0 / rank if rank else 0.0


def ndcg_at(ranked: Sequence[str], relevant: str, k: int = CUTOFF) -> float:
    """With one relevant document the ideal DCG is 1, so nDCG is 1 / log2(rank + 1)."""
    rank = rank_of(ranked, relevant)
    return 1.0 / math.log2(rank + 1) if rank is not None and rank <= k else 0.0


def measure(rankings: Iterable[tuple[Sequence[str], str]]) -> dict[str, float]:
    rows = [(recall_at(r, rel), reciprocal_rank(r, rel), ndcg_at(r, rel)) for r, rel in rankings]
    if not rows:
        return {"recall@10": 0.0, "mrr": 0.0, "ndcg@10": 0.0, "queries": 0}
    n = len(rows)
    return {
        "recall@10": sum(r[0] for r in rows) / n,
        "mrr": sum(r[1] for r in rows) / n,
        "ndcg@10": sum(r[2] for r in rows) / n,
        "queries": n,
    }


# --- a plain BM25, the baseline -----------------------------------------------------------------

WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


class PlainBM25:
    """Okapi BM25 (k1 1.2, b 0.75) over lower-cased words: no stemming, no stop words."""

    def __init__(self, documents: dict[str, str], k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.counts = {key: Counter(words(text)) for key, text in documents.items()}
        self.lengths = {key: sum(c.values()) for key, c in self.counts.items()}
        self.average = sum(self.lengths.values()) / max(len(self.lengths), 1)
        frequency: Counter[str] = Counter()
        for c in self.counts.values():
            frequency.update(c.keys())
        n = len(self.counts)
        self.idf = {w: math.log(1 + (n - f + 0.5) / (f + 0.5)) for w, f in frequency.items()}

    def rank(self, query: str, limit: int = DEPTH) -> Ranking:
        terms = [w for w in set(words(query)) if w in self.idf]
        scores = []
        for key, c in self.counts.items():
            norm = self.k1 * (1 - self.b + self.b * self.lengths[key] / self.average)
            score = sum(self.idf[w] * c[w] * (self.k1 + 1) / (c[w] + norm) for w in terms if w in c)
            if score > 0:
                scores.append((key, score))
        scores.sort(key=lambda item: -item[1])
        return scores[:limit]


# --- fusion candidates (the evaluation compares them; search uses meaning.fuse) ----------------


def score_mix(text: Ranking, meaning: Ranking, *, alpha: float) -> Ranking:
    """A calibrated mix: BM25 divided by the query's best BM25, plus alpha x cosine."""
    best = max((s for _, s in text), default=1.0) or 1.0
    scores = {key: s / best for key, s in text}
    for key, cosine in meaning:
        scores[key] = scores.get(key, 0.0) + alpha * cosine
    return sorted(scores.items(), key=lambda item: -item[1])


def fusions() -> dict[str, Callable[[Ranking, Ranking], Ranking]]:
    from practica.search.meaning import fuse

    grid: dict[str, Callable[[Ranking, Ranking], Ranking]] = {}
    for k in (10, 30, 60, 100):
        for weight in (0.5, 0.75, 1.0, 1.5, 2.0):
            grid[f"rrf k={k} meaning×{weight}"] = partial(fuse, k=k, weights=(1.0, weight))
    for alpha in (0.5, 1.0, 2.0, 4.0):
        grid[f"mix cosine×{alpha}"] = partial(score_mix, alpha=alpha)
    return grid


# --- the command --------------------------------------------------------------------------------


class Command(BaseCommand):
    help = (
        "Measure retrieval quality on StackFAQ (recall@10, MRR, nDCG@10) for plain BM25, the "
        "text engine, meaning and both combined. Builds its own index in a temporary folder."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--file", type=Path, help="The StackFAQ XML (default: shared data).")
        parser.add_argument("--json", type=Path, help="Also write the figures to this file.")
        parser.add_argument(
            "--tune", action="store_true", help="Show every fusion tried, on both halves."
        )
        parser.add_argument(
            "--latency",
            metavar="N[,N…]",
            help="Instead: time the vector store's nearest on N synthetic 256-dimension vectors.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["latency"]:
            for size in options["latency"].split(","):
                with tempfile.TemporaryDirectory(prefix="practica-latency-") as folder:
                    figures = vector_latency(int(size), Path(folder))
                self.stdout.write(json.dumps(figures))
            return
        path = options["file"] or shared_data_dir() / DATA_FILE
        if not path.is_file():
            raise CommandError(
                f"StackFAQ is not at {path}: set PRACTICA_SHARED_DATA to the folder holding "
                f"{DATA_FILE}, or pass --file."
            )
        threads = load_stackfaq(path)
        started = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="practica-eval-") as folder:
            report = evaluate(threads, Path(folder))
        report["seconds"] = round(time.monotonic() - started, 1)
        self.print_report(report, tune=options["tune"])
        if options["json"]:
            options["json"].write_text(json.dumps(report, indent=2))
            self.stdout.write(f"Wrote {options['json']}")

    def print_report(self, report: dict[str, Any], *, tune: bool) -> None:
        out = self.stdout.write
        out(
            f"StackFAQ: {report['documents']} threads, {report['queries']} queries "
            f"(tuning half {report['halves']['tune']}, held-out half "
            f"{report['halves']['held_out']})."
        )
        if not report["meaning_available"]:
            out(
                self.style.WARNING(
                    "The meaning model is not built (practica build-meaning-model): text rows only."
                )
            )
        out(f"{'':28} {'recall@10':>9} {'MRR':>7} {'nDCG@10':>8}   held-out: R@10   MRR")
        for name, row in report["results"].items():
            held = row["held_out"]
            out(
                f"{name:28} {row['all']['recall@10']:9.3f} {row['all']['mrr']:7.3f} "
                f"{row['all']['ndcg@10']:8.3f}   {held['recall@10']:14.3f} {held['mrr']:5.3f}"
            )
        if tune and report["fusions"]:
            out("\nFusions tried (chosen by MRR on the tuning half):")
            out(f"{'':28} {'tune R@10':>9} {'MRR':>7}   {'held-out R@10':>13} {'MRR':>7}")
            for name, row in report["fusions"].items():
                out(
                    f"{name:28} {row['tune']['recall@10']:9.3f} {row['tune']['mrr']:7.3f}   "
                    f"{row['held_out']['recall@10']:13.3f} {row['held_out']['mrr']:7.3f}"
                )
        if report["fusions"]:
            out(f"Best on the tuning half: {report['best_fusion']}.")
        out(f"({report['seconds']} s)")


def evaluate(threads: list[Thread], folder: Path) -> dict[str, Any]:
    """Index the threads under ``folder`` and rank every query every way."""
    from practica.search import meaning

    queries = [
        (query, thread.key, number % 2 == 0)
        for number, thread in enumerate(threads)
        for query in thread.queries
    ]
    plain = PlainBM25({t.key: f"{t.title} {' '.join(t.answers)}" for t in threads})
    rankings: dict[str, list[Ranking]] = {"bm25 (plain, title+answers)": []}
    with override_settings(SEARCH_INDEX_DIR=folder / "search", SEARCH_BACKEND="embedded"):
        available = meaning.is_available()
        index_threads(threads, meaning_too=available)
        modes = ["text", "meaning", "combined"] if available else ["text"]
        names = {
            "text": "text (engine)",
            "meaning": "meaning (vectors)",
            "combined": "combined (search)",
        }
        for mode in modes:
            rankings[names[mode]] = []
        for query, _relevant, _tune in queries:
            rankings["bm25 (plain, title+answers)"].append(plain.rank(query))
            for mode in modes:
                rankings[names[mode]].append(ranked(query, mode))
    relevant = [rel for _, rel, _ in queries]
    tune = [is_tune for _, _, is_tune in queries]

    def halves(per_query: list[Ranking]) -> dict[str, dict[str, float]]:
        keys = [[key for key, _ in r] for r in per_query]
        both = list(zip(keys, relevant, strict=True))
        return {
            "all": measure(both),
            "tune": measure(p for p, t in zip(both, tune, strict=True) if t),
            "held_out": measure(p for p, t in zip(both, tune, strict=True) if not t),
        }

    results = {name: halves(per_query) for name, per_query in rankings.items()}
    tried: dict[str, dict[str, dict[str, float]]] = {}
    if available:
        text, vectors = rankings["text (engine)"], rankings["meaning (vectors)"]
        for name, combine in fusions().items():
            tried[name] = halves([combine(t, m) for t, m in zip(text, vectors, strict=True)])
    best = max(tried, key=lambda name: tried[name]["tune"]["mrr"]) if tried else None
    return {
        "dataset": "StackFAQ (Karan & Šnajder 2018)",
        "documents": len(threads),
        "queries": len(queries),
        "halves": {"tune": sum(tune), "held_out": len(tune) - sum(tune)},
        "meaning_available": available,
        "results": results,
        "fusions": tried,
        "best_fusion": best,
    }


def index_threads(threads: list[Thread], *, meaning_too: bool) -> None:
    """Threads as question documents of one community, in the text index and (when the
    model is built) the vector store, the way indexing does it for entries."""
    from practica.search.backends import get_backend
    from practica.search.documents import SearchDoc

    docs = [
        SearchDoc(
            key=t.key,
            type="question",
            title=t.title,
            body="\n\n".join(t.answers),
            scopes=[f"c{COMMUNITY}"],
            url=f"/q/{t.key.split(':')[1]}",
            community_id=COMMUNITY,
        )
        for t in threads
    ]
    get_backend().rebuild([docs])
    if meaning_too:
        from practica.search import meaning, vectors

        embedded = meaning.embed_documents([(doc.title, doc.body) for doc in docs])
        pairs = zip(docs, embedded, strict=True)
        vectors.upsert([(int(doc.key.split(":")[1]), COMMUNITY, v) for doc, v in pairs])


def ranked(text: str, mode: str) -> Ranking:
    """The engine's ranking of keys (the one seam to the text engine)."""
    from practica.search import engine
    from practica.search.scope import scope_of_communities

    return engine.retrieve(
        text=text, mode=mode, limit=DEPTH, scope=scope_of_communities([COMMUNITY])
    )


def vector_latency(size: int, folder: Path, dims: int = 256, queries: int = 300) -> dict[str, Any]:
    """Build a store of ``size`` random unit vectors in 20 communities under ``folder`` and time
    ``nearest`` (limit 10) for every community, 12 of them, and one."""
    import numpy as np

    from practica.search import vectors

    rng = np.random.default_rng(0)
    figures: dict[str, Any] = {"vectors": size, "dims": dims}
    with override_settings(SEARCH_INDEX_DIR=folder):
        started = time.monotonic()
        for start in range(0, size, 50_000):
            rows = rng.standard_normal((min(50_000, size - start), dims)).astype(np.float32)
            vectors.upsert(
                [(start + n + 1, 1 + (start + n) % 20, row) for n, row in enumerate(rows)]
            )
        figures["build_seconds"] = round(time.monotonic() - started, 1)
        figures["disk_mb"] = round(
            sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6, 1
        )
        asked = rng.standard_normal((queries, dims)).astype(np.float32)
        for vector in asked[:20]:  # warm up: map the files
            vectors.nearest(vector, community_ids=None, limit=10)
        for label, allowed in (("all", None), ("12 of 20", list(range(1, 13))), ("1 of 20", [7])):
            timings = []
            for vector in asked:
                begun = time.perf_counter()
                vectors.nearest(vector, community_ids=allowed, limit=10)
                timings.append((time.perf_counter() - begun) * 1000)
            p50, p95, p99 = np.percentile(timings, [50, 95, 99])
            figures[f"ms {label}"] = {
                "p50": round(p50, 1),
                "p95": round(p95, 1),
                "p99": round(p99, 1),
            }
        status = Path("/proc/self/status")
        if status.exists():
            for line in status.read_text().splitlines():
                if line.startswith(("VmRSS", "RssAnon", "RssFile")):
                    name, value = line.split(":")
                    figures[f"{name} MB"] = round(int(value.split()[0]) / 1024)
    return figures
