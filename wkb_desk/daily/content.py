"""What the day overview says: a pure model built from the dossier views and the ledger, grouped per behandelaar.

The model is plain data, so the .docx (document.py), the e-mail body (mail_text.py) and the fingerprint that
makes a repeat run write nothing (`DayOverview.fingerprint`) all come from the same facts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from wkb_desk.config import Settings
from wkb_desk.models import WKB_KINDS, DossierView
from wkb_desk.rules.flags import fmt
from wkb_desk.rules.views import open_deadlines
from wkb_desk.rules.workdays import werkdagen_na

NO_BEHANDELAAR = "Zonder behandelaar"

# Section keys (stable: they are the counts' names in the ledger and `wkb-desk runs --json`) and their headings.
NEW = "nieuw"
PASSED = "verstreken"
COMING = "komend"
INCOMPLETE = "onvolledig"
CRITICAL = "kritiek"
LETTERS_MADE = "brieven_gemaakt"
LETTERS_WAITING = "brieven_wachten"
QUARANTINE = "quarantaine"
SECTION_TITLES = {
    NEW: "Nieuw binnengekomen",
    PASSED: "Termijn verstreken",
    COMING: "Termijnen in de komende {n} werkdagen",
    INCOMPLETE: "Onvolledige dossiers",
    CRITICAL: "Kritieke signalen",
    LETTERS_MADE: "Brieven gemaakt",
    LETTERS_WAITING: "Brieven die wachten op controle",
    QUARANTINE: "Documenten in quarantaine",
}
GROUP_SECTIONS = (CRITICAL, PASSED, COMING, NEW, INCOMPLETE, LETTERS_MADE, LETTERS_WAITING)

# Deadlines that ask nothing of anyone (the earliest allowed start) are not reminders.
_NOT_A_REMINDER = {"vroegste_start"}
_CLOSED = {"afgesloten"}

UNLINKED_KINDS = {
    "onbekend": "geen Wkb-document (opent geen dossier)",
    "onleesbaar": "geen leesbare tekst (een scan?): bekijk het en vul de gegevens handmatig in",
}
LETTER_WAIT_REASONS = {
    "wacht_op_controle": "wacht op controle",
    "wacht_op_adres": "wacht op een adres",
    "sjabloon_fout": "sjabloon onbruikbaar",
}


@dataclass(frozen=True)
class Item:
    dossier: str  # "" for a document without dossier
    adres: str  # "Esweg 7, Almelo", or "-"
    wat: str  # one Dutch line
    datum: str = ""  # dd-mm-jjjj, where a date matters
    sort_key: str = ""  # ISO date or "" (for ordering only)


@dataclass
class Group:
    behandelaar: str
    sections: dict[str, list[Item]] = field(default_factory=dict)

    def count(self, key: str) -> int:
        return len(self.sections.get(key, ()))


@dataclass
class DayOverview:
    date: dt.date
    horizon: dt.date  # the last day of "the coming werkdagen"
    vooruit_werkdagen: int
    groups: list[Group]
    quarantine: list[Item]
    unlinked: list[Item]  # arrivals in no dossier: no Wkb document (an e-mail about the Wkb) or unreadable (a scan)
    counts: dict[str, int]

    def title(self, key: str) -> str:
        return SECTION_TITLES[key].format(n=self.vooruit_werkdagen)

    def to_json(self) -> dict[str, Any]:
        return {
            "datum": self.date.isoformat(),
            "tot": self.horizon.isoformat(),
            "groepen": [{"behandelaar": g.behandelaar,
                         "secties": {k: [asdict(i) for i in v] for k, v in g.sections.items()}} for g in self.groups],
            "quarantaine": [asdict(i) for i in self.quarantine],
            "niet_gekoppeld": [asdict(i) for i in self.unlinked],
            "tellingen": self.counts,
        }

    @property
    def fingerprint(self) -> str:
        text = json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def urgent(self, limit: int = 5) -> list[tuple[str, Item]]:
        """The most urgent lines, for the e-mail: critical flags, then passed deadlines (latest first), then the
        coming deadlines (soonest first)."""
        out: list[tuple[str, Item]] = []
        for key, newest_first in ((CRITICAL, False), (PASSED, True), (COMING, False)):
            items = [i for g in self.groups for i in g.sections.get(key, ())]
            items.sort(key=lambda i: (i.sort_key, i.dossier), reverse=newest_first)
            out += [(key, i) for i in items]
        return out[:limit]


def address_of(view: DossierView | None) -> str:
    if view is None:
        return "-"
    parts = [p for p in (view.adres, view.plaats) if p]
    return ", ".join(parts) or "-"


def arrivals(conn: sqlite3.Connection, docs_from: int, docs_to: int) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT d.id, d.original_name, d.kind, d.status, d.dossier_id, d.error_code, d.error_message,"
        " d.archive_path, d.received_at,"
        " EXISTS (SELECT 1 FROM documents c WHERE c.parent_id = d.id) AS is_container"
        " FROM documents d WHERE d.id > ? AND d.id <= ? ORDER BY d.id",
        (docs_from, docs_to),
    ).fetchall()


def build_overview(
    settings: Settings,
    on_date: dt.date,
    views: Iterable[DossierView],
    arrived: Iterable[Mapping[str, Any]],
    behandelaar: Mapping[str, str],
    letters_made: Iterable[Mapping[str, Any]] = (),
    letters_waiting: Iterable[Mapping[str, Any]] = (),
) -> DayOverview:
    """The overview of `on_date` (pure). `arrived`: the documents of the day (rows of `arrivals`); letters as
    LetterRecord dicts (dossier, soort, event, status, reden, path, adres)."""
    ahead = settings.dagelijks.vooruit_werkdagen
    horizon = werkdagen_na(on_date, ahead, settings.termijnen.extra_vrije_dagen) if ahead else on_date
    by_id = {v.dossier: v for v in views}
    groups: dict[str, Group] = {}

    def add(key: str, dossier: str, item: Item) -> None:
        name = behandelaar.get(dossier) or NO_BEHANDELAAR
        group = groups.setdefault(name, Group(name))
        group.sections.setdefault(key, []).append(item)

    for view in by_id.values():
        where = address_of(view)
        for flag in view.signalen:
            if flag.severity == "kritiek":
                add(CRITICAL, view.dossier, Item(view.dossier, where, flag.message))
        if view.ontbreekt:
            add(INCOMPLETE, view.dossier, Item(view.dossier, where, "Ontbreekt: " + ", ".join(view.ontbreekt)))
        if view.status in _CLOSED:
            continue
        for d in open_deadlines(view):
            if d.code in _NOT_A_REMINDER:
                continue
            if d.date < on_date:
                days = (on_date - d.date).days
                line = f"{d.label} ({days} {'dag' if days == 1 else 'dagen'} geleden)"
                start = view.geplande_start
                if d.code == "uiterste_startmelding" and start is not None and start < on_date:
                    line += f"; de geplande start van {fmt(start)} is voorbij zonder startmelding"
                add(PASSED, view.dossier, Item(view.dossier, where, line, fmt(d.date), d.date.isoformat()))
            elif settings.dagelijks.herinneringen_team and d.date <= horizon:
                ahead_days = (d.date - on_date).days
                when = "vandaag" if not ahead_days else f"over {ahead_days} {'dag' if ahead_days == 1 else 'dagen'}"
                add(COMING, view.dossier, Item(view.dossier, where, f"{d.label} ({when})", fmt(d.date),
                                               d.date.isoformat()))

    quarantine: list[Item] = []
    unlinked: list[Item] = []
    for doc in arrived:
        if doc["status"] == "quarantaine":
            reason = (doc["error_message"] or doc["error_code"] or "niet te verwerken").strip()
            quarantine.append(Item("", doc["archive_path"] or "-", f"{doc['original_name']}: {reason}"))
            continue
        if doc["is_container"]:
            continue  # its attachments are listed themselves
        if doc["dossier_id"] and doc["kind"] in WKB_KINDS:
            view = by_id.get(doc["dossier_id"])
            add(NEW, doc["dossier_id"], Item(doc["dossier_id"], address_of(view),
                                             f"{doc['kind']}: {doc['original_name']}"))
        else:
            what = UNLINKED_KINDS.get(doc["kind"] or "", doc["kind"] or "onbekend")
            unlinked.append(Item("", "-", f"{doc['original_name']}: {what}"))

    for key, letters in ((LETTERS_MADE, letters_made), (LETTERS_WAITING, letters_waiting)):
        for letter in letters:
            dossier = str(letter.get("dossier") or "")
            soort = str(letter.get("soort") or "")
            line = letter_title(soort)  # the file in outbox/ carries date, dossier and this title
            if key == LETTERS_MADE and letter.get("status") == "wacht_op_adres":
                line += ": adres van de melder ontbreekt, vul het aan vóór verzending"
            if key == LETTERS_WAITING:
                why = LETTER_WAIT_REASONS.get(str(letter.get("status")), str(letter.get("status") or ""))
                reden = str(letter.get("reden") or "").strip()
                line += f": {why}" + (f" ({reden})" if reden else "")
            where = letter.get("adres") or address_of(by_id.get(dossier))
            add(key, dossier, Item(dossier, str(where), line))

    for group in groups.values():
        for key, items in group.sections.items():
            if key in (PASSED,):
                items.sort(key=lambda i: (i.sort_key, i.dossier), reverse=True)
            else:
                items.sort(key=lambda i: (i.sort_key, i.dossier, i.wat))
    ordered = sorted((g for n, g in groups.items() if n != NO_BEHANDELAAR), key=lambda g: g.behandelaar.casefold())
    if NO_BEHANDELAAR in groups:
        ordered.append(groups[NO_BEHANDELAAR])
    counts = {key: sum(g.count(key) for g in ordered) for key in GROUP_SECTIONS}
    counts[QUARANTINE] = len(quarantine)
    counts["niet_gekoppeld"] = len(unlinked)
    counts["dossiers"] = len(by_id)
    return DayOverview(on_date, horizon, ahead, ordered, quarantine, unlinked, counts)


def letter_title(soort: str) -> str:
    from wkb_desk.letters.kinds import BY_SOORT

    kind = BY_SOORT.get(soort)
    return kind.titel if kind else soort.replace("_", " ").capitalize()
