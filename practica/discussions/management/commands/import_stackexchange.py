"""``practica import-stackexchange DIR --community SLUG``: import a Stack Exchange dump."""

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_slug
from django.utils.translation import gettext as _

from practica.discussions.importers import Progress
from practica.discussions.importers.stackexchange import DumpError, import_dump


class Command(BaseCommand):
    help = (
        "Import a Stack Exchange data dump (Posts, and any of Users, Comments, Votes, Tags, "
        "PostLinks; XML or CSV) into a community, created open if it does not exist. "
        "Running it again imports only what is missing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", metavar="DIR", help="The folder holding the dump's files.")
        parser.add_argument(
            "--community", required=True, metavar="SLUG", help="The community to import into."
        )
        parser.add_argument(
            "--name", default="", help="The community's name, if the import creates it."
        )
        parser.add_argument(
            "--site-url",
            default=None,
            help="The site the dump comes from (default: from the folder's name, "
            "e.g. beer → https://beer.stackexchange.com).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            validate_slug(options["community"])
        except ValidationError as error:
            raise CommandError(
                _("--community must be a slug: letters, numbers, - and _.")
            ) from error
        quiet = options["verbosity"] == 0
        progress = Progress(None) if quiet else Progress(lambda line: self.stderr.write(line))
        try:
            community, summary = import_dump(
                folder=Path(options["folder"]),
                community_slug=options["community"],
                community_name=options["name"],
                site_url=options["site_url"],
                progress=progress,
            )
        except DumpError as error:
            raise CommandError(str(error)) from error
        if quiet:
            return
        self.stdout.write(
            self.style.SUCCESS(
                _("Imported into %(name)s (/c/%(slug)s/):")
                % {"name": community.name, "slug": community.slug}
            )
        )
        for line in summary.lines():
            self.stdout.write(f"  {line}")
