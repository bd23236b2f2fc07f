"""Which event makes which letter, and whether the facts behind it are certain enough. Pure given its inputs.

Every due letter has an *event key*: the fact that caused it, built from what the documents say (verzoeknummer,
dates), never from file names or document ids. A document re-sent under another name, a rebuild or a restart
gives the same key, so the ledger (UNIQUE soort + event) sees the letter was made already.

Events (each kind is on or off in `[brieven]`):
- ontvangstbevestiging_bouwmelding: the dossier's (latest) bouwmelding arrived          bouwmelding:<nr>
- bouwmelding_compleet: the dossier's status is "melding compleet"                       compleet:<bouwmelding>
- melding_niet_compleet (decision): status "melding onvolledig"                           niet_compleet:<bouwmelding>
- aanvullende_informatie: the latest startmelding/gereedmelding misses something          aanvullend:<documents>
- ontvangstbevestiging_startmelding: the (latest) startmelding arrived                    startmelding:<nr>
- ontbreken_startmelding: flag startmelding_ontbreekt on the date                          ontbreken_startmelding:<anchor>:<start>
- ontvangstbevestiging_gereedmelding: the (latest) gereedmelding arrived                  gereedmelding:<nr>
- gereedmelding_onvolledig (decision): flag verklaring_ontbreekt                           gereedmelding_onvolledig:<gereedmelding>
- herinnering_gereedmelding: planned ingebruikname within [brieven].herinnering_dagen,
  no gereedmelding yet                                                                     herinnering_gereedmelding:<anchor>:<datum>

A letter rests on facts (kinds.LetterKind.facts). When one of them is a guess (`DossierView.te_controleren`, or
a field read with low confidence), or — for a decision — the document's kind is uncertain, the link is weak, or
an unreadable document arrived with it, the letter waits for a person ("wacht_op_controle").
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from wkb_desk.config import Settings
from wkb_desk.letters.kinds import BY_SOORT
from wkb_desk.models import DossierView
from wkb_desk.rules.certainty import CHECK_SUFFIX
from wkb_desk.rules.facts import as_date

GUESS = 0.5  # a field read with less confidence than this is a guess


@dataclass(frozen=True)
class Doc:
    """One processed document of a dossier, as the letters need it."""

    id: int
    kind: str
    kind_score: float
    name: str
    received: dt.date
    values: dict[str, Any]
    confidence: dict[str, float]
    missing: tuple[str, ...]
    link_score: float | None
    link_manual: bool

    @property
    def date(self) -> dt.date:
        return as_date(self.values.get("datum")) or self.received

    def visible_on(self, day: dt.date) -> bool:
        return min(self.date, self.received) <= day


@dataclass(frozen=True)
class Due:
    soort: str
    event: str
    dossier: str
    wait: str = ""  # why it waits for a check (Dutch); empty: it can be made
    ontbreekt: tuple[str, ...] = ()  # the items this letter lists as missing
    source: Doc | None = None  # the document the letter answers, if one
    aliases: tuple[str, ...] = ()  # other keys of the same event (the document found by date instead of number)


@dataclass
class DossierDocs:
    docs: list[Doc] = field(default_factory=list)
    unreadable_nearby: list[str] = field(default_factory=list)  # names of unreadable arrivals on the same days


def load_documents(conn: sqlite3.Connection, dossiers: set[str]) -> dict[str, DossierDocs]:
    out: dict[str, DossierDocs] = {d: DossierDocs() for d in dossiers}
    unlinked: dict[dt.date, list[str]] = {}
    for row in conn.execute(
        "SELECT id, kind, kind_score, original_name, received_at, extraction_json, dossier_id, link_score, link_manual,"
        " status FROM documents ORDER BY id"
    ):
        received = as_date(row["received_at"]) or dt.date.min
        if row["dossier_id"] is None:
            if row["status"] == "quarantaine" or row["kind"] == "onleesbaar":
                unlinked.setdefault(received, []).append(row["original_name"])
            continue
        if row["dossier_id"] not in out or row["status"] != "verwerkt":
            continue
        data = json.loads(row["extraction_json"]) if row["extraction_json"] else {}
        velden = data.get("velden") or {}
        out[row["dossier_id"]].docs.append(Doc(
            id=row["id"], kind=row["kind"] or "", kind_score=float(row["kind_score"] or 0.0),
            name=row["original_name"], received=received,
            values={k: (v or {}).get("waarde") for k, v in velden.items()},
            confidence={k: float((v or {}).get("zekerheid", 1.0)) for k, v in velden.items()},
            missing=tuple(data.get("ontbreekt") or ()), link_score=row["link_score"],
            link_manual=bool(row["link_manual"]),
        ))
    for d in out.values():
        days = {doc.received for doc in d.docs}
        d.unreadable_nearby = sorted({n for day in days for n in unlinked.get(day, ())})
    return out


def _latest(docs: list[Doc], kind: str) -> Doc | None:
    of_kind = sorted((d for d in docs if d.kind == kind), key=lambda d: (d.date, d.received, d.id))
    return of_kind[-1] if of_kind else None


def anchor(view: DossierView, docs: list[Doc]) -> str:
    """What identifies the project across merges and rebuilds: the bouwmelding's verzoeknummer, else the dossier."""
    melding = _latest(docs, "bouwmelding")
    number = (melding.values.get("verzoeknummer") if melding else None) or view.verzoeknummer
    return str(number) if number else view.dossier


def doc_key(doc: Doc, base: str) -> str:
    number = doc.values.get("verzoeknummer")
    if number:
        return f"{doc.kind}:{number}"
    return date_key(doc, base)


def date_key(doc: Doc, base: str) -> str:
    """The same document by its date: a re-sent copy whose number was not read still finds its letter."""
    return f"{doc.kind}:{base}:{doc.date.isoformat()}"


def _flag_codes(view: DossierView) -> set[str]:
    return {f.code for f in view.signalen}


def guesses(view: DossierView) -> set[str]:
    return set(view.te_controleren)


def _wait_reason(settings: Settings, soort: str, view: DossierView, docs: DossierDocs, source: Doc | None) -> str:
    kind = BY_SOORT[soort]
    reasons: list[str] = []
    guessed = sorted(guesses(view) & set(kind.facts))
    if guessed:
        reasons.append(f"{', '.join(guessed)} is een gok van de tool")
    if source is not None:
        weak = sorted(n for n in kind.facts if n in source.confidence and source.confidence[n] < GUESS
                      and n not in guessed)
        if weak:
            reasons.append(f"{', '.join(weak)} in {source.name} is onzeker gelezen")
    if kind.besluit:
        if kind.flag and f"{kind.flag}{CHECK_SUFFIX}" in _flag_codes(view):
            # the rules saw part of what is missing in a document read with doubt: a person looks first
            reasons.append("een deel van wat ontbreekt, is niet zeker: het document is onzeker gelezen")
        if source is not None and source.kind_score < settings.beleid.min_soort_zekerheid:
            reasons.append(f"de soort van {source.name} is niet zeker ({source.kind_score:.2f})")
        if "koppeling_controleren" in _flag_codes(view):
            reasons.append("de koppeling van een document aan dit dossier moet gecontroleerd worden")
        if docs.unreadable_nearby:
            reasons.append("op dezelfde dag kwam een document binnen dat niet gelezen kon worden "
                           f"({', '.join(docs.unreadable_nearby[:3])}); misschien is dat het ontbrekende stuk")
    if not reasons:
        return ""
    return "Wacht op controle: " + "; ".join(reasons) + ". Controleer en maak de brief met 'wkb-desk letter'."


def due_letters(settings: Settings, view: DossierView, docs: DossierDocs, on_date: dt.date) -> list[Due]:
    """The letters the facts of one dossier call for on `on_date` (made or not yet: the ledger decides)."""
    if view.provisional:
        return []  # no bouwmelding, so nobody to write to yet; the letters follow once it is linked
    visible = [d for d in docs.docs if d.visible_on(on_date)]
    base = anchor(view, visible)
    flags = _flag_codes(view)
    out: list[Due] = []

    def add(soort: str, event: str, source: Doc | None, ontbreekt: tuple[str, ...] = ()) -> None:
        aliases: tuple[str, ...] = ()
        if source is not None and doc_key(source, base) in event and doc_key(source, base) != date_key(source, base):
            aliases = (event.replace(doc_key(source, base), date_key(source, base)),)
        elif source is not None and source.kind in ("bouwmelding", "startmelding", "gereedmelding"):
            # this copy has no number: an earlier copy with one (same kind, same date) already has the event
            aliases = tuple(event.replace(doc_key(source, base), doc_key(d, base)) for d in visible
                            if d.kind == source.kind and d.date == source.date and d.values.get("verzoeknummer"))
        out.append(Due(soort, event, view.dossier, _wait_reason(settings, soort, view, docs, source), ontbreekt, source,
                       aliases))

    melding = _latest(visible, "bouwmelding")
    start = _latest(visible, "startmelding")
    gereed = _latest(visible, "gereedmelding")
    if melding is not None:
        key = doc_key(melding, base)
        add("ontvangstbevestiging_bouwmelding", key, melding)
        if view.status == "melding compleet":
            add("bouwmelding_compleet", f"compleet:{key}", melding)
        elif view.status == "melding onvolledig":
            items = tuple(m for m in view.ontbreekt if "bouwmelding" in m)
            add("melding_niet_compleet", f"niet_compleet:{key}", melding, items)
    if start is not None:
        add("ontvangstbevestiging_startmelding", doc_key(start, base), start)
    if "startmelding_ontbreekt" in flags and view.geplande_start:
        add("ontbreken_startmelding", f"ontbreken_startmelding:{base}:{view.geplande_start.isoformat()}", melding)
    decision_on_gereed = gereed is not None and "verklaring_ontbreekt" in flags
    if gereed is not None:
        key = doc_key(gereed, base)
        add("ontvangstbevestiging_gereedmelding", key, gereed)
        if decision_on_gereed:
            items = ("verklaring van de kwaliteitsborger bij de gereedmelding",) + tuple(
                m for m in view.ontbreekt if "gereedmelding" in m)
            add("gereedmelding_onvolledig", f"gereedmelding_onvolledig:{key}", gereed, items)
    extra: list[str] = []
    sources: list[Doc] = []
    for doc, word in ((start, "startmelding"), (gereed, "gereedmelding")):
        if doc is None or (word == "gereedmelding" and decision_on_gereed):
            continue
        items = [m for m in view.ontbreekt if word in m]
        if items:
            extra += items
            sources.append(doc)
    if extra:
        add("aanvullende_informatie", "aanvullend:" + "+".join(doc_key(d, base) for d in sources), sources[-1],
            tuple(extra))
    use = view.ingebruikname
    if view.gereedmelding is None and isinstance(use, dt.date):
        first_day = use - dt.timedelta(days=settings.brieven.herinnering_dagen)
        if first_day <= on_date < use:
            add("herinnering_gereedmelding", f"herinnering_gereedmelding:{base}:{use.isoformat()}", None)
    return out


def event_key(view: DossierView, docs: list[Doc], soort: str) -> str:
    """The key this kind's event has for the dossier, also when it is not due (a person asks for the letter):
    a letter made on request is the letter of that event, so the automatic run never makes it a second time."""
    base = anchor(view, docs)
    melding, start, gereed = (_latest(docs, k) for k in ("bouwmelding", "startmelding", "gereedmelding"))
    keys = {
        "ontvangstbevestiging_bouwmelding": doc_key(melding, base) if melding else None,
        "bouwmelding_compleet": f"compleet:{doc_key(melding, base)}" if melding else None,
        "melding_niet_compleet": f"niet_compleet:{doc_key(melding, base)}" if melding else None,
        "ontvangstbevestiging_startmelding": doc_key(start, base) if start else None,
        "ontbreken_startmelding": f"ontbreken_startmelding:{base}:{view.geplande_start.isoformat()}"
        if isinstance(view.geplande_start, dt.date) else None,
        "ontvangstbevestiging_gereedmelding": doc_key(gereed, base) if gereed else None,
        "gereedmelding_onvolledig": f"gereedmelding_onvolledig:{doc_key(gereed, base)}" if gereed else None,
        "herinnering_gereedmelding": f"herinnering_gereedmelding:{base}:{view.ingebruikname.isoformat()}"
        if isinstance(view.ingebruikname, dt.date) else None,
    }
    return keys.get(soort) or f"handmatig:{soort}:{base}"


def enabled(settings: Settings, soort: str) -> bool:
    return bool(getattr(settings.brieven, soort, False))
