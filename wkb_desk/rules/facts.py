"""The facts the rules work on, and how people's corrections are applied to them. Pure, no I/O.

`views.py` builds `DossierFacts` from the ledger; everything after that is a function of the facts and a date.

Corrections (table `corrections`) are keyed by `models.DossierView` attribute names and win over extracted
values. Two extra keys are understood:
- `in_gebruik`: the date a person saw the building in use (ISO or dd-mm-jjjj). A correction of `status` to
  "in gebruik" means the same with the reference date as the day. Either one feeds the flag
  `in_gebruik_zonder_gereedmelding`.
- `einde_werkzaamheden`: the day the work ended, for the eindmelding deadline.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

_MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}


def as_date(value: Any) -> dt.date | None:
    """A date from a field value or a person's typing: date, ISO, dd-mm-jjjj, dd.mm.jjjj, '15 oktober 2025'."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip().lower()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{1,2})[-./](\d{1,2})[-./](\d{4})", text)
    if m:
        day, month, year = (int(g) for g in m.groups())
    else:
        m = re.fullmatch(r"(\d{1,2})\s+([a-z]+)\s+(\d{4})", text)
        if not m or m.group(2) not in _MONTHS:
            return None
        day, month, year = int(m.group(1)), _MONTHS[m.group(2)], int(m.group(3))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True)
class DocFact:
    """One processed Wkb document as the rules see it."""

    document_id: int
    kind: str
    name: str  # original file name
    received: dt.date
    values: Mapping[str, Any] = field(default_factory=dict)  # Extraction.values()
    missing: tuple[str, ...] = ()  # Extraction.missing
    link_method: str | None = None
    link_score: float | None = None
    link_manual: bool = False
    text: str = ""  # body text, kept only for borgingsplan/risicobeoordeling (BLO keywords)
    confidence: Mapping[str, float] = field(default_factory=dict)  # field -> zekerheid of the read value
    kind_score: float = 1.0  # how sure the kind was
    unreadable: tuple[str, ...] = ()  # labelled but unreadable (Extraction.unreadable)

    @property
    def date(self) -> dt.date:
        """The document's own date (indiendatum, datum of the notice); the day it arrived when absent."""
        return as_date(self.values.get("datum")) or self.received

    def visible_on(self, on_date: dt.date) -> bool:
        return min(self.date, self.received) <= on_date

    def get(self, name: str) -> Any:
        value = self.values.get(name)
        if isinstance(value, str):
            value = value.strip() or None
        return value


@dataclass(frozen=True)
class DossierFacts:
    dossier: str
    provisional: bool
    documents: tuple[DocFact, ...]
    corrections: Mapping[str, str | None] = field(default_factory=dict)
    # the day each correction was made: a status a person set ("in gebruik", "afgesloten") is an event and
    # holds from that day; other corrections fix facts and hold for every reference date
    correction_dates: Mapping[str, dt.date] = field(default_factory=dict)


_UNSET = object()


@dataclass(frozen=True)
class Resolved:
    """A dossier's facts on a reference date, corrections applied. What status, deadlines and flags use."""

    dossier: str
    provisional: bool
    on_date: dt.date
    documents: tuple[DocFact, ...]
    corrections: Mapping[str, str | None]
    bouwmeldingen: tuple[DocFact, ...]
    startmeldingen: tuple[DocFact, ...]
    gereedmeldingen: tuple[DocFact, ...]
    verklaringen: tuple[DocFact, ...]
    datum_bouwmelding: dt.date | None
    startdatum_gepland: dt.date | None  # from the bouwmelding
    startdatum: dt.date | None  # the start as the startmelding (or a person) gives it, else the planned one
    startmelding: dt.date | None  # the day the startmelding was made
    gereedmelding: dt.date | None
    ingebruikname: dt.date | None
    verklaring: str | None  # "positief" | "negatief" | None
    verklaring_aanwezig: bool
    in_gebruik: dt.date | None
    einde_werkzaamheden: dt.date | None
    status_correctie: str | None
    confirmed_on: dt.date | None = None  # the day a person last confirmed the dossier (column Gecontroleerd)

    def of_kind(self, *kinds: str) -> tuple[DocFact, ...]:
        return tuple(d for d in self.documents if d.kind in kinds)

    @property
    def bouwmelding(self) -> DocFact | None:
        # A later melding replaces an earlier one (an incomplete melding counts as none; a new one restarts).
        return self.bouwmeldingen[-1] if self.bouwmeldingen else None

    def first_value(self, name: str, kinds: tuple[str, ...] = ()) -> Any:
        """The field from the most trusted document that has it: the bouwmelding first, then the newest."""
        ordered = list(reversed(self.bouwmeldingen)) + [
            d for d in reversed(self.documents) if d.kind != "bouwmelding" and (not kinds or d.kind in kinds)
        ]
        for doc in ordered:
            value = doc.get(name)
            if value not in (None, "", [], ()):
                return value
        return None


def correction(corrections: Mapping[str, str | None], key: str, default: Any = _UNSET) -> Any:
    """_UNSET when no person touched the key; None when a person cleared it; else the typed text."""
    if key in corrections:
        return corrections[key]
    return default


def _date_with_correction(corrections: Mapping[str, str | None], key: str, extracted: dt.date | None) -> dt.date | None:
    value = correction(corrections, key)
    if value is _UNSET:
        return extracted
    return as_date(value)  # None: cleared, or text that is no date (shown as is in the register)


def _by_date(docs: list[DocFact]) -> tuple[DocFact, ...]:
    return tuple(sorted(docs, key=lambda d: (d.date, d.received, d.document_id)))


def resolve(facts: DossierFacts, on_date: dt.date) -> Resolved:
    """Keep what existed on `on_date` and apply corrections.

    A document counts from its own date or its arrival, whichever is first: replaying a day shows what had been
    sent by then, also when a backlog is imported later, and a mistyped future date cannot hide a document.
    """
    docs = _by_date([d for d in facts.documents if d.visible_on(on_date)])
    kinds: dict[str, list[DocFact]] = {}
    for d in docs:
        kinds.setdefault(d.kind, []).append(d)
    bouw = tuple(kinds.get("bouwmelding", ()))
    start = tuple(kinds.get("startmelding", ()))
    gereed = tuple(kinds.get("gereedmelding", ()))
    verkl = tuple(kinds.get("verklaring", ()))
    corr = dict(facts.corrections)

    melding = bouw[-1] if bouw else None
    datum_bouwmelding = _date_with_correction(corr, "datum_bouwmelding", melding.date if melding else None)
    gepland = as_date(melding.get("startdatum")) if melding else None
    if gepland is None:  # a borgingsplan often names the planned start too
        for d in reversed(docs):
            if d.kind in ("borgingsplan", "risicobeoordeling") and as_date(d.get("startdatum")):
                gepland = as_date(d.get("startdatum"))
                break
    startdatum_extracted = None
    for d in reversed(start):
        startdatum_extracted = as_date(d.get("startdatum"))
        if startdatum_extracted:
            break
    startdatum = _date_with_correction(corr, "geplande_start", startdatum_extracted or gepland)
    startmelding = _date_with_correction(corr, "startmelding", start[-1].date if start else None)
    gereedmelding = _date_with_correction(corr, "gereedmelding", gereed[-1].date if gereed else None)
    ingebruik_extracted = None
    for d in reversed(gereed):
        ingebruik_extracted = as_date(d.get("ingebruikname"))
        if ingebruik_extracted:
            break
    ingebruikname = _date_with_correction(corr, "ingebruikname", ingebruik_extracted)

    verklaring = None
    for d in reversed(verkl):
        value = str(d.get("verklaring") or "").lower()
        if value in ("positief", "negatief"):
            verklaring = value
            break
    aanwezig = bool(verkl) or any(d.get("bevat_verklaring") is True for d in gereed)
    corrected = correction(corr, "verklaring")
    if corrected is not _UNSET:
        text = (corrected or "").strip().lower()
        verklaring = text if text in ("positief", "negatief") else None
        aanwezig = verklaring is not None

    status_corr = correction(corr, "status", None)
    status_corr = (status_corr or "").strip().lower() or None
    status_since = facts.correction_dates.get("status")
    if status_since is not None and status_since > on_date:
        status_corr = None  # not yet set on the reference date
    in_gebruik = _date_with_correction(corr, "in_gebruik", None)
    if in_gebruik is None and status_corr == "in gebruik":
        in_gebruik = status_since or on_date
    if in_gebruik is not None and in_gebruik > on_date:
        in_gebruik = None  # not yet true on the reference date

    return Resolved(
        dossier=facts.dossier,
        provisional=facts.provisional and not bouw,
        on_date=on_date,
        documents=docs,
        corrections=corr,
        bouwmeldingen=bouw,
        startmeldingen=start,
        gereedmeldingen=gereed,
        verklaringen=verkl,
        datum_bouwmelding=datum_bouwmelding,
        startdatum_gepland=gepland,
        startdatum=startdatum,
        startmelding=startmelding,
        gereedmelding=gereedmelding,
        ingebruikname=ingebruikname,
        verklaring=verklaring,
        verklaring_aanwezig=aanwezig,
        in_gebruik=in_gebruik,
        einde_werkzaamheden=_date_with_correction(corr, "einde_werkzaamheden", None),
        status_correctie=status_corr,
        confirmed_on=facts.correction_dates.get("gecontroleerd"),
    )
