"""The ``practica`` command: Django's management commands plus serve, demo and worker."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "practica.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    # `practica import-stackexchange` runs the command module import_stackexchange.
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
