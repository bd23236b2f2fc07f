"""Page-by-page progress of text recognition, for the reader sandbox's time limit per page.

The sandbox worker installs a listener; the readers call `page_started`/`page_done` around each page
they recognise. The parent process logs the summary (which engine read the page): a spawned worker
has no log of its own. Without a listener (tests, `read_file` in-process) the calls do nothing.
"""

from __future__ import annotations

from collections.abc import Callable

_listener: Callable[[str, int, str], None] | None = None


def set_page_listener(listener: Callable[[str, int, str], None] | None) -> None:
    """`listener(event, page number, summary)`: event "start" or "done"; summary (Dutch) says who read it."""
    global _listener
    _listener = listener


def page_started(number: int) -> None:
    if _listener is not None:
        _listener("start", number, "")


def page_done(number: int, summary: str = "") -> None:
    if _listener is not None:
        _listener("done", number, summary)
