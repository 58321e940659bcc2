import time
from typing import Any

from django.core.management.base import BaseCommand

from practica.search import indexing
from practica.search.backends import get_backend


class Command(BaseCommand):
    help = (
        "Rebuild the search index from the database, with a progress bar. Safe to re-run or "
        "interrupt: the old index keeps serving until the new one is complete."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        backend = get_backend()
        count = indexing.rebuild(progress=options["verbosity"] > 0)
        seconds = time.monotonic() - started
        rate = count / seconds if seconds else 0
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {count} documents in {seconds:.1f} s ({rate:.0f}/s) "
                f"with the {backend.name} backend."
            )
        )
