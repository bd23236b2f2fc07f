"""The records the letters package hands out (a published interface: the daily run codes against them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

MADE = "gemaakt"
WAIT_ADDRESS = "wacht_op_adres"  # made, with a visible placeholder where the address goes
WAIT_CHECK = "wacht_op_controle"  # not made: the facts behind it rest on a guess
TEMPLATE_ERROR = "sjabloon_fout"  # not made: the template is missing or broken
CLAIMED = "bezig"  # ledger only: the file is being written (a crash leaves it for the next run)
STATUSES = (MADE, WAIT_ADDRESS, WAIT_CHECK, TEMPLATE_ERROR)
DONE = frozenset({MADE, WAIT_ADDRESS})  # the event has its letter: never again unless a person asks


@dataclass(frozen=True)
class LetterRecord:
    dossier: str  # "WKB-2026-0001"
    soort: str  # one of kinds.SOORTEN
    event: str  # the unique event key that caused it (idempotency key)
    status: str  # "gemaakt" | "wacht_op_controle" | "wacht_op_adres" | "sjabloon_fout"
    reden: str  # Dutch, for people
    path: Path | None  # the .docx in outbox/ (None when not made)
    adres: str | None  # the dossier's project address (street + number, plaats) for overviews


@dataclass
class LetterRun:
    made: list[LetterRecord] = field(default_factory=list)  # made in this run (gemaakt or wacht_op_adres)
    waiting: list[LetterRecord] = field(default_factory=list)  # due but not made (wacht_op_controle, sjabloon_fout)

    def summary(self) -> str:
        """One Dutch line for the end of a run."""
        n = len(self.made)
        parts = [f"{n} {'brief' if n == 1 else 'brieven'} gemaakt"]
        adres = sum(r.status == WAIT_ADDRESS for r in self.made)
        if adres:
            parts[0] += f" (waarvan {adres} zonder bekend adres: vul dat aan vóór verzending)"
        check = sum(r.status == WAIT_CHECK for r in self.waiting)
        broken = sum(r.status == TEMPLATE_ERROR for r in self.waiting)
        if check:
            parts.append(f"{check} {'wacht' if check == 1 else 'wachten'} op controle")
        if broken:
            parts.append(f"{broken} niet gemaakt door een sjabloonfout")
        return "Brieven: " + ", ".join(parts) + "."
