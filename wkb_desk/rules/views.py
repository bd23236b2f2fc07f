"""Dossier views: the ledger's facts plus people's corrections, evaluated on a reference date.

The only module in `rules` that reads the ledger. `build_dossier_views` is what the register, the daily run
and the letters use; `dossiers_json` is the published JSON of `wkb-desk dossiers --json` (one object per
dossier that had documents on the date; dates ISO, null when unknown):
  dossier, voorlopig, status, verzoeknummer, adres, postcode, plaats, omschrijving, kwaliteitsborger, instrument,
  datum_bouwmelding, geplande_start, startmelding, gereedmelding, ingebruikname, verklaring,
  documenten (original file names, in date order), melder, melder_adres, melder_postcode, melder_plaats,
  melder_email (the bouwmelding's melder, corrections win), te_controleren (names of facts that are guesses),
  vroegste_start, melding_verloopt, uiterste_startmelding, uiterste_gereedmelding, uiterste_eindmelding
  (present when they apply), termijnen [{code, datum, omschrijving}], volgende_termijn {code, datum,
  omschrijving} | null, signalen (flag codes, sorted), signaal_details [{code, ernst, melding}], ontbreekt,
  koppelingen [{document, naam, soort, methode, score, handmatig}] (how each document was linked).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from wkb_desk.config import Settings
from wkb_desk.models import WKB_KINDS, Deadline, DossierView
from wkb_desk.rules import deadlines as dl
from wkb_desk.rules.facts import DocFact, DossierFacts, Resolved, as_date, resolve
from wkb_desk.rules.flags import Reference, dossier_doubts, dossier_flags, load_reference
from wkb_desk.rules.status import dossier_status, missing_items

_MELDER = ("melder", "melder_adres", "melder_postcode", "melder_plaats", "melder_email")

_TEXT_KINDS = ("borgingsplan", "risicobeoordeling")
_KIND_LIST = ", ".join(f"'{k}'" for k in WKB_KINDS)


def load_facts(conn: sqlite3.Connection, settings: Settings) -> list[DossierFacts]:
    """Every active dossier with its processed Wkb documents and corrections."""
    dossiers = conn.execute("SELECT id, provisional FROM dossiers WHERE merged_into IS NULL ORDER BY id").fetchall()
    docs: dict[str, list[DocFact]] = {d["id"]: [] for d in dossiers}
    need_text = bool(settings.blo)
    rows = conn.execute(
        f"SELECT * FROM documents WHERE status = 'verwerkt' AND dossier_id IS NOT NULL AND kind IN ({_KIND_LIST}) "
        "ORDER BY id"
    )
    for row in rows:
        if row["dossier_id"] not in docs:
            continue
        data = json.loads(row["extraction_json"]) if row["extraction_json"] else {}
        values = {name: (fv or {}).get("waarde") for name, fv in (data.get("velden") or {}).items()}
        confidence = {name: float((fv or {}).get("zekerheid", 1.0)) for name, fv in (data.get("velden") or {}).items()}
        text = ""
        if need_text and row["kind"] in _TEXT_KINDS:
            text = "\n".join(
                r[0] for r in conn.execute("SELECT text FROM pages WHERE document_id = ? ORDER BY seq", (row["id"],))
            )
        docs[row["dossier_id"]].append(
            DocFact(
                document_id=row["id"],
                kind=row["kind"],
                name=row["original_name"],
                received=as_date(row["received_at"]) or dt.date.min,
                values=values,
                missing=tuple(data.get("ontbreekt") or ()),
                link_method=row["link_method"],
                link_score=row["link_score"],
                link_manual=bool(row["link_manual"]),
                text=text,
                confidence=confidence,
                kind_score=float(data.get("soort_zekerheid", 1.0) if data.get("soort_zekerheid") is not None else 1.0),
                unreadable=tuple(data.get("onleesbaar") or ()),
            )
        )
    corrections: dict[str, dict[str, str | None]] = {}
    made: dict[str, dict[str, dt.date]] = {}
    for row in conn.execute("SELECT dossier_id, field, value, created_at FROM corrections ORDER BY id"):
        corrections.setdefault(row["dossier_id"], {})[row["field"]] = row["value"]
        day = as_date(row["created_at"])
        if day is not None:
            made.setdefault(row["dossier_id"], {})[row["field"]] = day
    return [
        DossierFacts(d["id"], bool(d["provisional"]), tuple(docs[d["id"]]), corrections.get(d["id"], {}),
                     made.get(d["id"], {}))
        for d in dossiers
    ]


def _text_value(r: Resolved, key: str, extracted: Any) -> str | None:
    if key in r.corrections:
        value = r.corrections[key]
        return value.strip() if isinstance(value, str) and value.strip() else None
    return str(extracted) if extracted not in (None, "") else None


def _address(r: Resolved) -> str | None:
    docs = list(reversed(r.bouwmeldingen)) + [d for d in reversed(r.documents) if d.kind != "bouwmelding"]
    for d in docs:
        if d.get("straat") and d.get("huisnummer"):
            return f"{d.get('straat')} {d.get('huisnummer')}"
    for name in ("kadastraal", "coordinaten", "straat"):
        value = r.first_value(name)
        if value:
            return f"RD {value}" if name == "coordinaten" else str(value)
    return None


def dossier_deadlines(r: Resolved, settings: Settings) -> tuple[Deadline, ...]:
    terms = settings.termijnen
    out: list[Deadline] = []

    def add(code: str, day: dt.date | None) -> None:
        if day is not None:
            out.append(Deadline(code, day, dl.LABELS[code]))

    if r.datum_bouwmelding:
        add("vroegste_start", dl.vroegste_start(r.datum_bouwmelding, terms))
        if r.startmelding is None:
            add("melding_verloopt", dl.melding_verloopt(r.datum_bouwmelding, terms))
    if r.startdatum:
        add("uiterste_startmelding", dl.uiterste_startmelding(r.startdatum, terms))
    if r.ingebruikname:
        add("uiterste_gereedmelding", dl.uiterste_gereedmelding(r.ingebruikname, terms))
    if r.einde_werkzaamheden:
        add("uiterste_eindmelding", dl.uiterste_eindmelding(r.einde_werkzaamheden, terms))
    return tuple(out)


def deadline_met(code: str, startmelding: dt.date | None, gereedmelding: dt.date | None) -> bool:
    """True when the notice a deadline asks for has come (the one place that says which notice ends which term)."""
    done = {
        "uiterste_startmelding": startmelding is not None,
        "uiterste_gereedmelding": gereedmelding is not None,
        "melding_verloopt": startmelding is not None,
        "vroegste_start": startmelding is not None,
    }
    return done.get(code, False)


def open_deadlines(view: DossierView) -> tuple[Deadline, ...]:
    """The deadlines of a dossier whose notice has not come yet (passed or not)."""
    return tuple(d for d in view.deadlines if not deadline_met(d.code, view.startmelding, view.gereedmelding))


def _next_deadline(r: Resolved, deadlines: tuple[Deadline, ...]) -> Deadline | None:
    open_ = [d for d in deadlines if d.date >= r.on_date and not deadline_met(d.code, r.startmelding, r.gereedmelding)]
    return min(open_, key=lambda d: d.date) if open_ else None


def evaluate(facts: DossierFacts, settings: Settings, on_date: dt.date, reference: Reference | None = None) -> DossierView | None:
    """One dossier on `on_date` (pure). None when none of its documents had arrived by then."""
    r = resolve(facts, on_date)
    if not r.documents:
        return None
    deadlines = dossier_deadlines(r, settings)
    melding = r.bouwmelding
    doubt = dossier_doubts(r, settings)
    return DossierView(
        dossier=facts.dossier,
        verzoeknummer=_text_value(r, "verzoeknummer", melding.get("verzoeknummer") if melding else None),
        adres=_text_value(r, "adres", _address(r)),
        postcode=_text_value(r, "postcode", r.first_value("postcode")),
        plaats=_text_value(r, "plaats", r.first_value("plaats")),
        omschrijving=_text_value(r, "omschrijving", r.first_value("projectnaam")),
        kwaliteitsborger=_text_value(r, "kwaliteitsborger", r.first_value("kwaliteitsborger")),
        instrument=_text_value(r, "instrument", r.first_value("instrument")),
        datum_bouwmelding=r.datum_bouwmelding,
        geplande_start=r.startdatum,
        startmelding=r.startmelding,
        gereedmelding=r.gereedmelding,
        ingebruikname=r.ingebruikname,
        verklaring=r.verklaring,
        status=dossier_status(r),
        signalen=dossier_flags(r, settings, reference, doubt),
        ontbreekt=missing_items(r),
        volgende_termijn=_next_deadline(r, deadlines),
        deadlines=deadlines,
        documenten=tuple(d.name for d in r.documents),
        provisional=r.provisional,
        te_controleren=tuple(dict.fromkeys(d.split(":", 1)[-1] if d.startswith("ontbreekt:") else d for d in doubt)),
        **{name: _text_value(r, name, melding.get(name) if melding else None) for name in _MELDER},
    )


def build_dossier_views(conn: sqlite3.Connection, settings: Settings, on_date: dt.date) -> list[DossierView]:
    """Every active dossier with documents received on or before `on_date`, corrections applied."""
    reference = load_reference(settings)
    views = []
    for facts in load_facts(conn, settings):
        view = evaluate(facts, settings, on_date, reference)
        if view is not None:
            views.append(view)
    return views


def _iso(day: Any) -> str | None:
    return day.isoformat() if isinstance(day, dt.date) else None


def view_to_json(view: DossierView, facts: DossierFacts | None = None, on_date: dt.date | None = None) -> dict[str, Any]:
    """The published JSON object of one dossier (dates ISO, flags as codes plus their sentences)."""
    out: dict[str, Any] = {
        "dossier": view.dossier,
        "voorlopig": view.provisional,
        "status": view.status,
        "verzoeknummer": view.verzoeknummer,
        "adres": view.adres,
        "postcode": view.postcode,
        "plaats": view.plaats,
        "omschrijving": view.omschrijving,
        "kwaliteitsborger": view.kwaliteitsborger,
        "instrument": view.instrument,
        "datum_bouwmelding": _iso(view.datum_bouwmelding),
        "geplande_start": _iso(view.geplande_start),
        "startmelding": _iso(view.startmelding),
        "gereedmelding": _iso(view.gereedmelding),
        "ingebruikname": _iso(view.ingebruikname),
        "verklaring": view.verklaring,
        "documenten": list(view.documenten),
        **{name: getattr(view, name) for name in _MELDER},
        "te_controleren": list(view.te_controleren),
    }
    for d in view.deadlines:
        out[d.code] = _iso(d.date)
    out["termijnen"] = [{"code": d.code, "datum": _iso(d.date), "omschrijving": d.label} for d in view.deadlines]
    nxt = view.volgende_termijn
    out["volgende_termijn"] = {"code": nxt.code, "datum": _iso(nxt.date), "omschrijving": nxt.label} if nxt else None
    out["signalen"] = sorted({f.code for f in view.signalen})
    out["signaal_details"] = [{"code": f.code, "ernst": f.severity, "melding": f.message} for f in view.signalen]
    out["ontbreekt"] = list(view.ontbreekt)
    if facts is not None:
        day = on_date or dt.date.max
        out["koppelingen"] = [
            {
                "document": d.document_id,
                "naam": d.name,
                "soort": d.kind,
                "methode": d.link_method,
                "score": d.link_score,
                "handmatig": d.link_manual,
            }
            for d in facts.documents
            if d.visible_on(day)
        ]
    return out


def dossiers_json(conn: sqlite3.Connection, settings: Settings, on_date: dt.date) -> list[dict[str, Any]]:
    reference = load_reference(settings)
    out = []
    for facts in load_facts(conn, settings):
        view = evaluate(facts, settings, on_date, reference)
        if view is not None:
            out.append(view_to_json(view, facts, on_date))
    return out
