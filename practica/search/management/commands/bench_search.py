import shutil
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.test import override_settings

from practica.search import bench
from practica.search.backends import get_backend


class Command(BaseCommand):
    help = (
        "Benchmark search on generated data: indexing rate, single-document writes, and "
        "p50/p95/p99 latency of searches, similar-as-you-type and 'did you mean'. Uses its own "
        "index (a temporary folder, or for postgres a database whose name contains 'bench')."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--docs", type=int, default=100_000)
        parser.add_argument("--backend", choices=["embedded", "postgres"], default="embedded")
        parser.add_argument("--index-dir", help="where the embedded index goes (default: temp)")
        parser.add_argument("--queries", type=int, default=400, help="timed calls per scenario")
        parser.add_argument("--writes", type=int, default=1000)
        parser.add_argument("--communities", type=int, default=40)
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument("--json", help="write the report as JSON here")
        parser.add_argument("--markdown", help="write the report as Markdown here")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["docs"] < 100 or options["queries"] < 1 or options["communities"] < 1:
            raise CommandError("Give at least 100 documents, 1 query and 1 community.")
        name = options["backend"]
        if name == "postgres":
            database = str(connection.settings_dict.get("NAME", ""))
            if connection.vendor != "postgresql" or "bench" not in database:
                raise CommandError(
                    "The postgres benchmark replaces the search tables of the database: point "
                    "DATABASE_URL at a PostgreSQL database whose name contains 'bench'."
                )
        given = options["index_dir"]
        index_dir = Path(given) if given else Path(tempfile.mkdtemp(prefix="practica-bench-"))
        if index_dir.resolve() == Path(settings.SEARCH_INDEX_DIR).resolve():
            raise CommandError("Give another --index-dir than the site's own search index.")
        run_options = bench.Options(
            docs=options["docs"],
            communities=options["communities"],
            queries=options["queries"],
            writes=options["writes"],
            seed=options["seed"],
            progress=options["verbosity"] > 0,
        )
        try:
            # Everything in this process that asks for "the" backend gets the one under test.
            with override_settings(SEARCH_BACKEND=name, SEARCH_INDEX_DIR=index_dir):
                report = bench.run(
                    backend=get_backend(),
                    options=run_options,
                    index_dir=index_dir,
                    log=self.stderr.write,
                )
        finally:
            if not given:
                shutil.rmtree(index_dir, ignore_errors=True)
        bench.write_files(report, json_path=options["json"], markdown_path=options["markdown"])
        self.stdout.write(bench.to_markdown(report))
