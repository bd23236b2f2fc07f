"""One pass over the inbox for the one-shot commands (`ingest`, `daily`): take every file, waiting for those still settling.

A file copied in moments ago (``cp stukken/* inbox/ && wkb-desk ingest``, or a colleague still copying when the
scheduled run starts) is not skipped: the sweep tracks it in the same completeness gate the watcher uses and takes it as
soon as it is quiet, within ``watcher.max_wachten_seconden``. Files that appear during the wait are taken too. Only a
file that keeps changing past that bound stays in the inbox for the next run, and the result names it.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from wkb_desk.desk import ERROR, Desk
from wkb_desk.intake.pipeline import QUARANTINED, Outcome
from wkb_desk.intake.stability import StabilityGate
from wkb_desk.progress import Progress

log = logging.getLogger("wkb_desk.intake")

STILL_CHANGING = "nog bezig"  # counts key: left in the inbox because it kept changing
RESCAN_SECONDS = 0.5  # while waiting, look for newly arriving files this often


@dataclass
class SweepResult:
    counts: Counter = field(default_factory=Counter)
    outcomes: list[Outcome] = field(default_factory=list)
    left: list[Path] = field(default_factory=list)  # still changing at the end of the wait: next run


def sweep_inbox(
    desk: Desk,
    *,
    max_wait: float | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> SweepResult:
    """Process every complete file in the inbox once; wait (bounded) for files that are still being written."""
    settings = desk.settings
    quiet = settings.watcher.rust_seconden
    bound = settings.watcher.max_wachten_seconden if max_wait is None else max_wait
    gate = StabilityGate(quiet, report_after_seconds=float("inf"), clock=clock)
    result = SweepResult()
    handled: set[Path] = set()
    progress = Progress(0, "Verwerken")
    deadline = clock() + bound
    waiting_said = False

    def discover() -> None:
        fresh = [p for p in desk.candidates() if p not in handled and p not in gate]
        for path in fresh:
            # The quiet period runs from the file's last modification, so a file that is already quiet is ready now.
            gate.touch(path, at=clock() - _age(path))
        progress.total += len(fresh)

    discover()
    while True:
        checked = gate.check()
        for path in checked.gone:
            progress.total -= 1
        for path in checked.ready:
            handled.add(path)
            outcome = desk.process(path)
            result.outcomes.append(outcome)
            _count(result.counts, outcome)
            level = logging.WARNING if outcome.status in (QUARANTINED, ERROR) else logging.INFO
            prefix = "zou worden: " if desk.dry_run else ""
            progress.step(path.name, f"{prefix}{outcome.message}", level)
        if not len(gate):
            discover()  # anything that arrived while the last files were processed
            if not len(gate):
                break
        if clock() >= deadline:
            break
        if not checked.ready:
            settling = len(gate)
            remaining = max(0.0, deadline - clock())
            if not waiting_said:
                log.info("Wachten op %d bestand(en) die nog worden geschreven (hooguit %.0f s)...", settling, remaining)
                waiting_said = True
            progress.wait(f"wachten op {settling} bestand(en) die nog worden geschreven (nog hooguit {remaining:.0f} s)")
            due = gate.seconds_until_due()
            sleep(max(0.05, min(RESCAN_SECONDS, due if due is not None else RESCAN_SECONDS, remaining)))
            discover()
    progress.done()
    result.left = sorted(gate.pending())
    for path in result.left:
        result.counts[STILL_CHANGING] += 1
        log.warning("Nog niet compleet na %.0f s wachten (het bestand verandert nog), volgende keer: %s", bound, path.name)
    return result


def _count(counts: Counter, outcome: Outcome) -> None:
    counts[outcome.status] += 1
    counts["bijlagen in quarantaine"] += max(0, len(outcome.problems) - (outcome.status == QUARANTINED))


def _age(path: Path) -> float:
    """Seconds since the file was last modified (0 when it cannot be read or lies in the future)."""
    try:
        return max(0.0, time.time() - path.stat().st_mtime)
    except OSError:
        return 0.0
