from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from practica.core.demo import HOST_NAME, PASSWORD, Step, Summary, load_demo
from practica.core.demo.loader import KINDS
from practica.search import indexing

LABELS = {
    "organisations": gettext_lazy("organisations"),
    "topics": gettext_lazy("topics"),
    "members": gettext_lazy("members"),
    "communities": gettext_lazy("communities"),
    "memberships": gettext_lazy("memberships"),
    "questions": gettext_lazy("questions"),
    "answers": gettext_lazy("answers"),
    "comments": gettext_lazy("comments"),
    "votes": gettext_lazy("votes"),
    "notifications": gettext_lazy("notifications"),
}

STEPS = {
    "organisations": gettext_lazy("Organisations"),
    "topics": gettext_lazy("Topic vocabulary"),
    "members": gettext_lazy("Members"),
    "communities": gettext_lazy("Communities"),
    "memberships": gettext_lazy("Memberships"),
    "notifications": gettext_lazy("Bob's inbox"),
}


def describe(counts: Summary) -> str:
    """'28 questions, 51 answers: 79 created, 0 already present'."""
    totals = [(kind, counts.created[kind] + counts.present[kind]) for kind in KINDS]
    listed = ", ".join(f"{total} {LABELS[kind]}" for kind, total in totals if total)
    return _("%(listed)s: %(created)d created, %(present)d already present") % {
        "listed": listed or _("nothing"),
        "created": counts.created.total(),
        "present": counts.present.total(),
    }


class Command(BaseCommand):
    help = "Load the demo data (idempotent: running it again creates nothing twice)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--host-name",
            default=HOST_NAME,
            help="Name for the host organisation, if it has not been named yet.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        def progress(step: Step) -> None:
            label = STEPS.get(step.label, step.label)  # the others are communities' names
            self.stdout.write(f"  {label}: {describe(step.counts)}")

        self.stdout.write(_("Loading the demo data…"))
        with indexing.paused():
            summary = load_demo(host_name=options["host_name"], progress=progress)
        count = indexing.rebuild(progress=False)
        self.stdout.write(_("  Search index: %d documents") % count)
        self.stdout.write(self.style.SUCCESS(_("Demo data loaded. %s.") % describe(summary)))
        self.stdout.write(
            _("Sign in as alice (administrator), bob, charlie or dana with the password %s.")
            % PASSWORD
        )
