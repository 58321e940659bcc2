"""Importers: bring questions and answers written elsewhere into a community.

What every importer shares lives here: reading rows from dump files (XML or CSV, streamed),
turning imported HTML into markdown, reporting progress, and the summary of what was
imported and what was skipped. Each source has a module of its own (``stackexchange``).
"""

import csv
import io
import re
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from markdown_it import MarkdownIt
from markdownify import MarkdownConverter

from practica.core.markdown import sanitise_html

# --- Reading rows --------------------------------------------------------------------------


class TableReader:
    """The rows of one dump file, streamed: XML ``<row a="…"/>`` elements or CSV lines.

    Each row is a dict of its non-empty fields. ``fraction`` tells how far through the file
    the reader is, for progress lines.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.size = max(path.stat().st_size, 1)
        self._raw: io.BufferedReader | None = None

    @property
    def fraction(self) -> float:
        if self._raw is None or self._raw.closed:
            return 1.0
        return min(self._raw.tell() / self.size, 1.0)

    def __iter__(self) -> Iterator[dict[str, str]]:
        with self.path.open("rb") as raw:
            self._raw = raw
            if self.path.suffix.lower() == ".csv":
                yield from self._csv_rows(raw)
            else:
                yield from self._xml_rows(raw)

    @staticmethod
    def _xml_rows(raw: io.BufferedReader) -> Iterator[dict[str, str]]:
        root: ET.Element | None = None
        for event, element in ET.iterparse(raw, events=("start", "end")):
            if root is None:
                root = element
                continue
            if event == "end" and element.tag == "row":
                row = {k: v for k, v in element.attrib.items() if v != ""}
                # Drop what has been read, so memory stays flat however big the file.
                root.clear()
                yield row

    @staticmethod
    def _csv_rows(raw: io.BufferedReader) -> Iterator[dict[str, str]]:
        # Bodies can be longer than the csv module's default field limit of 128 KiB.
        csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        try:
            for row in csv.DictReader(text):
                yield {k: v for k, v in row.items() if k and v not in ("", None)}
        finally:
            text.detach()


def find_table(folder: Path, name: str) -> Path | None:
    """``folder``'s file for table ``name`` (Posts.xml, posts.csv, …), or None."""
    wanted = {f"{name.lower()}.xml", f"{name.lower()}.csv"}
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.name.lower() in wanted:
            return path
    return None


# --- HTML to markdown ---------------------------------------------------------------------


def _code_language(element: Any) -> str:
    """``<pre class="lang-py">`` (Stack Exchange's hint) → ``py`` for the fenced block."""
    for name in (element.get("class") or []) + (element.parent.get("class") or []):
        if name.startswith("lang-") and name != "lang-none":
            return str(name[5:])
    return ""


_converter = MarkdownConverter(
    heading_style="ATX",
    bullets="-",
    escape_misc=True,  # so a literal "<br>" written as text stays text
    code_language_callback=_code_language,
    sup_symbol="<sup>",  # kept as HTML (markdown has none); the sanitiser allows both
    sub_symbol="<sub>",
)


def html_to_markdown(html: str) -> str:
    """Markdown for an imported HTML body, keeping code blocks, links, lists and quotes."""
    markdown = _converter.convert(html)
    return re.sub(r"\n{3,}", "\n\n", markdown).strip()


def clean_html(html: str) -> str:
    """The imported HTML itself, sanitised as every page's HTML is: shown as it was written."""
    return sanitise_html(html)


# Comments written elsewhere mention people by their names there: render them without
# turning "@name" into links to members here (which would mostly be wrong).
_plain_md = MarkdownIt("commonmark", {"linkify": False}).enable(["strikethrough"])


def render_imported_markdown(text: str) -> str:
    return sanitise_html(_plain_md.render(text))


def strip_tags(html: str) -> str:
    """Plain text from a little HTML (tag excerpts); the result is escaped where shown."""
    import html as html_module

    text = re.sub(r"</?(?:a|abbr|b|code|em|i|kbd|span|strong|sub|sup)\b[^>]*>", "", html)
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", text)).split())


# --- Progress and summary ------------------------------------------------------------------


class Progress:
    """Progress lines on stderr: one when a step starts, at most one a second while it runs,
    one when it ends. ``Progress(None)`` is silent."""

    def __init__(
        self, write: Callable[[str], None] | None = None, *, interval: float = 1.0
    ) -> None:
        self.write = write
        self.interval = interval
        self._step = ""
        self._started = 0.0
        self._last = 0.0

    def start(self, step: str) -> None:
        self._step = step
        self._started = self._last = time.monotonic()
        self._say(_("%(step)s…") % {"step": step})

    def update(self, done: int, fraction: float | None = None) -> None:
        now = time.monotonic()
        if now - self._last < self.interval:
            return
        self._last = now
        percent = f" ({fraction:.0%})" if fraction is not None else ""
        self._say(f"{self._step}: {done:,}{percent}")

    def finish(self) -> None:
        took = time.monotonic() - self._started
        self._say(_("%(step)s: done in %(seconds).1f s") % {"step": self._step, "seconds": took})

    def _say(self, line: str) -> None:
        if self.write is not None:
            self.write(line)


LABELS = {
    "members": gettext_lazy("placeholder members"),
    "memberships": gettext_lazy("memberships"),
    "topics": gettext_lazy("topics"),
    "questions": gettext_lazy("questions"),
    "answers": gettext_lazy("answers"),
    "accepted": gettext_lazy("accepted answers"),
    "comments": gettext_lazy("comments"),
    "duplicates": gettext_lazy("duplicate links"),
    "votes": gettext_lazy("votes"),
    "links": gettext_lazy("post links"),
    "posts": gettext_lazy("posts"),
}


@dataclass
class ImportSummary:
    """What an import created, found already there, and skipped (with why)."""

    created: Counter[str] = field(default_factory=Counter)
    existing: Counter[str] = field(default_factory=Counter)
    skipped: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    notes: list[str] = field(default_factory=list)

    def skip(self, what: str, reason: str, n: int = 1) -> None:
        """Count ``n`` rows of ``what`` (a key of LABELS) not imported, and why (translated)."""
        self.skipped[what][reason] += n

    def lines(self) -> list[str]:
        lines = [
            _("%(what)s: %(created)s imported, %(existing)s already there")
            % {
                "what": LABELS.get(kind, kind),
                "created": f"{self.created[kind]:,}",
                "existing": f"{self.existing[kind]:,}",
            }
            for kind in LABELS
            if kind in self.created or kind in self.existing
        ]
        for what, reasons in self.skipped.items():
            for reason, n in reasons.items():
                lines.append(
                    _("skipped %(n)s %(what)s: %(reason)s")
                    % {"n": f"{n:,}", "what": LABELS.get(what, what), "reason": reason}
                )
        return lines + self.notes
