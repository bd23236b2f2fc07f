"""One pass over the inbox: every complete file through the Desk's pipeline. `ingest` and the daily run use it.

Files modified moments ago may still be being copied in: they stay for the next pass.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from wkb_desk.intake.pipeline import DUPLICATE, PROCESSED, QUARANTINED, SKIPPED, VANISHED
from wkb_desk.progress import Progress

if TYPE_CHECKING:
    from wkb_desk.desk import Desk

log = logging.getLogger("wkb_desk.intake")

STILL_WRITING = "nog bezig"  # counts key: files left for the next pass
MEMBERS_QUARANTINED = "bijlagen in quarantaine"  # counts key: members of a ZIP/e-mail that went to quarantine


def sweep_inbox(desk: "Desk", *, quiet_seconds: float, dry_run: bool = False, settle_wait: float = 0.0) -> Counter[str]:
    """Process every complete candidate in the inbox once; returns counts per Outcome.status (plus the keys above).

    `settle_wait` > 0 (the daily run): files changed moments ago are waited for, up to that many seconds, so a
    document copied in just before the run is in that day's overview; `ingest` does not wait.
    """
    from wkb_desk.desk import ERROR

    counts: Counter[str] = Counter()
    files = desk.candidates()
    fresh = [f for f in files if _settling(f, quiet_seconds)]
    deadline = time.monotonic() + settle_wait
    if fresh and settle_wait > 0:
        log.info("%d bestand(en) in de inbox worden nog geschreven; even wachten tot ze compleet zijn.", len(fresh))
    while fresh and time.monotonic() < deadline:
        time.sleep(min(max(quiet_seconds, 0.05), max(0.0, deadline - time.monotonic())))
        files = desk.candidates()
        fresh = [f for f in files if _settling(f, quiet_seconds)]
    files = [f for f in files if f not in fresh]
    for f in fresh:
        log.info("Nog niet compleet (wordt nog geschreven), volgende keer: %s", f.name)
        counts[STILL_WRITING] += 1
    if dry_run:
        log.info("Proefdraai: er wordt niets verplaatst of opgeslagen.")
    progress = Progress(len(files), "Verwerken")
    for path in files:
        outcome = desk.process(path)
        counts[outcome.status] += 1
        counts[MEMBERS_QUARANTINED] += max(0, len(outcome.problems) - (outcome.status == QUARANTINED))
        level = logging.WARNING if outcome.status in (QUARANTINED, ERROR) else logging.INFO
        prefix = "zou worden: " if dry_run else ""
        progress.step(path.name, f"{prefix}{outcome.message}", level)
    progress.done()
    return counts


def _settling(path: Path, quiet_seconds: float) -> bool:
    """A file modified moments ago may still be being copied in: leave it for the next run."""
    try:
        return time.time() - path.stat().st_mtime < quiet_seconds
    except OSError:
        return False


def sweep_summary(counts: Counter, seconds: float, dry_run: bool) -> str:
    """The one-line Dutch summary of a pass (ingest prints it; the daily run logs it)."""
    from wkb_desk.desk import ERROR

    total = sum(counts[k] for k in (PROCESSED, DUPLICATE, QUARANTINED, SKIPPED, ERROR, VANISHED))
    parts = [f"{counts[PROCESSED]} verwerkt", f"{counts[DUPLICATE]} dubbel", f"{counts[QUARANTINED]} in quarantaine"]
    if counts[MEMBERS_QUARANTINED]:
        parts.append(f"{counts[MEMBERS_QUARANTINED]} bijlagen in quarantaine")
    if counts[SKIPPED]:
        parts.append(f"{counts[SKIPPED]} overgeslagen")
    if counts[ERROR]:
        parts.append(f"{counts[ERROR]} met een fout (blijven in de inbox)")
    if counts[STILL_WRITING]:
        parts.append(f"{counts[STILL_WRITING]} nog niet compleet")
    head = "Proefdraai klaar" if dry_run else "Klaar"
    return f"{head}: {total} bestanden in {seconds:.1f} s: " + ", ".join(parts) + "."
