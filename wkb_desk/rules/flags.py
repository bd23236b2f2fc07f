"""Flags (signalen): code, severity and one Dutch sentence with the dates that matter. Pure functions.

`dossier_flags(resolved, settings, reference)` is the whole rule set for one dossier on `resolved.on_date`.
The reference data (admitted instruments and kwaliteitsborgers) is passed in; `load_reference(settings)` gets it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from wkb_desk.config import Settings
from wkb_desk.dossiers import WEAK_LINK  # below this link score a document's dossier is a guess
from wkb_desk.models import Flag
from wkb_desk.rules import deadlines as dl
from wkb_desk.rules.facts import Resolved, as_date
from wkb_desk.rules import certainty
from wkb_desk.rules.status import missing_entries, missing_sources


SEVERITY = {
    "melding_te_laat": "hoog",
    "startmelding_te_laat": "middel",
    "startmelding_ontbreekt": "hoog",
    "gereedmelding_te_laat": "hoog",
    "gereedmelding_verwacht": "info",
    "melding_verloopt": "middel",
    "onvolledig": "hoog",
    "instrument_onbekend": "middel",
    "kwaliteitsborger_onbekend": "middel",
    "verklaring_ontbreekt": "hoog",
    "verklaring_negatief": "kritiek",
    "gevolgklasse_controleren": "middel",
    "blo_niet_benoemd": "middel",
    "koppeling_controleren": "middel",
    "in_gebruik_zonder_gereedmelding": "kritiek",
    "onvolledig_controleren": "middel",
}

# Used only when the extraction's reference list (wkb_desk.extract.load_reference) is not available:
# the seed of the TloKB register from the domain reference §4.
SEED_INSTRUMENTS = ("WKI", "BKapp", "KiK")
SEED_BORGERS = ("Borg4", "Borg KB", "Bylaer", "The Borging Company", "TÜV Nord", "WTT")


@dataclass(frozen=True)
class Reference:
    instruments: tuple[str, ...] = SEED_INSTRUMENTS  # names and aliases
    kwaliteitsborgers: tuple[str, ...] = SEED_BORGERS
    # borger (normalised name or alias) -> the instruments it may use, where the register says so
    borger_instruments: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def instrument_known(self, name: str) -> bool:
        return _known(name, self.instruments)

    def borger_known(self, name: str) -> bool:
        return _known(name, self.kwaliteitsborgers)

    def borger_allows(self, borger: str, instrument: str) -> bool:
        """False only when the reference list names the borger's instruments and this one is not among them."""
        for alias, instruments in self.borger_instruments:
            if _known(borger, (alias,)):
                return not instruments or _known(instrument, instruments)
        return True


_GENERIC = {"kwaliteitsborging", "kwaliteitsborger", "nederland", "nl", "instrument", "de", "het"}


@lru_cache(maxsize=4096)  # a few borger and instrument names, compared for every dossier
def _norm(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\bb\.?\s?v\b\.?", " ", text)  # legal form B.V.
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return " ".join(w for w in text.split() if w not in _GENERIC)


def _known(name: str, names: Iterable[str]) -> bool:
    """Loose on legal-form words ("WTT Kwaliteitsborging B.V." is WTT), strict on the name itself."""
    wanted = _norm(name)
    if not wanted:
        return True  # nothing named: that is `onvolledig`, not unknown
    for ref in names:
        r = _norm(ref)
        if r and wanted == r:
            return True
    return False


def load_reference(settings: Settings) -> Reference:
    """The admitted instruments and borgers from the extraction's reference data (packaged list plus the
    municipality's folder `paden.referentie`), else the seed above."""
    try:
        from wkb_desk.extract import load_reference as extract_reference  # type: ignore[attr-defined]
    except ImportError:
        try:
            from wkb_desk.extract.reference import load_reference as extract_reference
        except ImportError:
            return Reference()
    folder = settings.paden.referentie
    ref = extract_reference(folder if folder.is_dir() else None)
    instruments = _entries(_attr(ref, "instruments", "instrumenten"))
    borgers = _entries(_attr(ref, "borgers", "kwaliteitsborgers"))
    return Reference(
        instruments=tuple(a for _, aliases, _ in instruments for a in aliases) or SEED_INSTRUMENTS,
        kwaliteitsborgers=tuple(a for _, aliases, _ in borgers for a in aliases) or SEED_BORGERS,
        borger_instruments=tuple((a, allowed) for _, aliases, allowed in borgers for a in aliases),
    )


def _attr(obj, *names):
    for name in names:
        if isinstance(obj, dict) and name in obj:
            return obj[name]
        if hasattr(obj, name):
            return getattr(obj, name)
    return ()


def _entries(items) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """(naam, names and aliases, instruments) per entry; entries may be names or records."""
    out = []
    for item in items or ():
        if isinstance(item, str):
            out.append((item, (item,), ()))
            continue
        naam = _attr(item, "naam", "name")
        if not isinstance(naam, str):
            continue
        aliases = tuple(a for a in (_attr(item, "aliassen", "aliases") or ()) if isinstance(a, str))
        allowed = tuple(a for a in (_attr(item, "instrumenten") or ()) if isinstance(a, str))
        out.append((naam, (naam, *aliases), allowed))
    return out


def fmt(day: dt.date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else "?"


def _flag(code: str, message: str, severity: str | None = None) -> Flag:
    return Flag(code=code, severity=severity or SEVERITY[code], message=message)


def dossier_flags(r: Resolved, settings: Settings, reference: Reference | None = None,
                  doubt: tuple[str, ...] | None = None) -> tuple[Flag, ...]:
    """The dossier's flags; a flag that rests on a guess (`doubt`: fact names, and "ontbreekt:<item>" for an item
    not found in a weakly read document) becomes `<code>_controleren` (rules/certainty.py)."""
    if doubt is None:
        doubt = dossier_doubts(r, settings)
    return certainty.gate_flags(_flags(r, settings, reference, set(doubt)), doubt)


def dossier_doubts(r: Resolved, settings: Settings) -> tuple[str, ...]:
    """What a flag must not rest on without a person's check: the facts read as a guess, and "ontbreekt:<item>" for
    an item not found in a document whose kind is itself a guess."""
    beleid = settings.beleid
    return certainty.guesses(r, beleid.min_veld_zekerheid, beleid.min_soort_zekerheid) + tuple(
        f"ontbreekt:{item}" for doc, item in missing_sources(r)
        if certainty.uncertain_missing(r, doc, item, beleid.min_soort_zekerheid))


def _flags(r: Resolved, settings: Settings, reference: Reference | None, doubt: set[str]) -> list[Flag]:
    terms = settings.termijnen
    ref = reference or Reference()
    today = r.on_date
    out: list[Flag] = []
    melding = r.datum_bouwmelding
    has_melding = r.bouwmelding is not None or melding is not None

    # --- bouwmelding: 4 weeks before the start, valid one year ---------------------------------
    if has_melding and melding and r.startdatum and not dl.melding_op_tijd(melding, r.startdatum, terms):
        out.append(_flag(
            "melding_te_laat",
            f"De bouwmelding van {fmt(melding)} is te laat: de bouw start op {fmt(r.startdatum)}, "
            f"maar mag pas starten vanaf {fmt(dl.vroegste_start(melding, terms))} "
            f"({terms.melding_dagen_voor_start} dagen na de melding).",
        ))
    if not has_melding and r.startdatum and (r.startmelding or r.gereedmelding) and r.startdatum <= today:
        out.append(_flag(
            "melding_te_laat",
            f"Er is geen bouwmelding ontvangen, terwijl de bouw op {fmt(r.startdatum)} is gestart.",
            "kritiek",
        ))
    if has_melding and melding and r.startmelding is None and r.gereedmelding is None:
        expires = dl.melding_verloopt(melding, terms)
        if today > expires:
            out.append(_flag(
                "melding_verloopt",
                f"De bouwmelding van {fmt(melding)} is verlopen op {fmt(expires)}: binnen een jaar is geen start "
                "gemeld. Er is een nieuwe bouwmelding nodig.",
                "hoog",
            ))
        elif today >= expires - dt.timedelta(days=terms.herinnering_dagen):
            out.append(_flag(
                "melding_verloopt",
                f"De bouwmelding van {fmt(melding)} verloopt op {fmt(expires)} als de bouw dan niet is gestart.",
            ))

    # --- startmelding: 2 werkdagen before the start ----------------------------------------------
    if r.startmelding and r.startdatum and not dl.startmelding_op_tijd(r.startmelding, r.startdatum, terms):
        out.append(_flag(
            "startmelding_te_laat",
            f"De startmelding van {fmt(r.startmelding)} is te laat voor de start op {fmt(r.startdatum)}: "
            f"uiterlijk {fmt(dl.uiterste_startmelding(r.startdatum, terms))} "
            f"({terms.startmelding_werkdagen} werkdagen vooraf).",
        ))
    if r.startmelding is None and r.gereedmelding is None and r.startdatum and today > r.startdatum:
        out.append(_flag(
            "startmelding_ontbreekt",
            f"De geplande start van {fmt(r.startdatum)} is voorbij en er is geen startmelding ontvangen "
            f"(die moest uiterlijk {fmt(dl.uiterste_startmelding(r.startdatum, terms))} binnen zijn).",
        ))

    # --- gereedmelding: 2 weeks before use ---------------------------------------------------------
    checked = False
    for doc in r.gereedmeldingen:
        use = _gereed_use(r, doc)
        made = r.gereedmelding if doc is r.gereedmeldingen[-1] and "gereedmelding" in r.corrections else doc.date
        if use and made and not dl.gereedmelding_op_tijd(made, use, terms):
            out.append(_flag(
                "gereedmelding_te_laat",
                f"De gereedmelding van {fmt(made)} is te laat voor ingebruikname op {fmt(use)}: "
                f"uiterlijk {fmt(dl.uiterste_gereedmelding(use, terms))} "
                f"({terms.gereedmelding_dagen_voor_gebruik} dagen vooraf).",
            ))
        checked = True
    if not checked and r.gereedmelding and r.ingebruikname and not dl.gereedmelding_op_tijd(
        r.gereedmelding, r.ingebruikname, terms
    ):
        out.append(_flag(
            "gereedmelding_te_laat",
            f"De gereedmelding van {fmt(r.gereedmelding)} is te laat voor ingebruikname op {fmt(r.ingebruikname)}: "
            f"uiterlijk {fmt(dl.uiterste_gereedmelding(r.ingebruikname, terms))}.",
        ))
    if r.gereedmelding is None and r.ingebruikname:
        latest = dl.uiterste_gereedmelding(r.ingebruikname, terms)
        if latest - dt.timedelta(days=terms.herinnering_dagen) <= today:
            late = today > latest
            out.append(_flag(
                "gereedmelding_verwacht",
                f"Ingebruikname is gepland op {fmt(r.ingebruikname)}; de gereedmelding "
                f"{'had uiterlijk' if late else 'moet uiterlijk'} {fmt(latest)} binnen "
                f"{'moeten zijn en ontbreekt' if late else 'zijn'}.",
                "hoog" if late else None,
            ))
    if r.in_gebruik is not None and (r.gereedmelding is None or r.gereedmelding > r.in_gebruik):
        out.append(_flag(
            "in_gebruik_zonder_gereedmelding",
            f"Het bouwwerk is sinds {fmt(r.in_gebruik)} in gebruik zonder gereedmelding: ingebruikname is dan "
            "van rechtswege verboden.",
        ))

    # --- verklaring ----------------------------------------------------------------------------------
    if r.gereedmelding is not None:
        needed = 1
        if settings.beleid.fasering != "wachten" and "verklaring" not in r.corrections:
            needed = max(1, len(r.gereedmeldingen))  # every phase brings its own verklaring
        if not r.verklaring_aanwezig:
            out.append(_flag(
                "verklaring_ontbreekt",
                f"Bij de gereedmelding van {fmt(r.gereedmelding)} ontbreekt de verklaring van de kwaliteitsborger; "
                "zonder verklaring is ingebruikname verboden.",
            ))
        elif needed > 1 and (count := len(r.verklaringen) + sum(d.get("bevat_verklaring") is True for d in r.gereedmeldingen)) < needed:
            out.append(_flag(
                "verklaring_ontbreekt",
                f"Er zijn {len(r.gereedmeldingen)} gereedmeldingen (fasen) maar {count} "
                "verklaring(en) van de kwaliteitsborger; per fase hoort een verklaring.",
            ))
    if r.verklaring == "negatief":
        doc = r.verklaringen[-1] if r.verklaringen else None
        deviations = doc.get("afwijkingen") if doc else None
        extra = f" Open afwijkingen: {'; '.join(map(str, deviations))}." if deviations else ""
        out.append(_flag(
            "verklaring_negatief",
            f"De kwaliteitsborger heeft geen (positieve) verklaring afgegeven"
            f"{' op ' + fmt(doc.date) if doc else ''}: beoordeel handhaving.{extra}",
        ))

    # --- completeness and reference data -----------------------------------------------------------
    sure = [text for _doc, item, text in missing_entries(r) if f"ontbreekt:{item}" not in doubt]
    unsure = [text for _doc, item, text in missing_entries(r) if f"ontbreekt:{item}" in doubt]
    if sure:
        out.append(_flag("onvolledig", f"Onvolledig: {', '.join(sure)} ontbreekt."))
    if unsure:  # not found in a document that was read with doubt: a person looks before it counts
        out.append(_flag("onvolledig" + certainty.CHECK_SUFFIX,
                         f"Te controleren: {', '.join(unsure)} niet gevonden, maar het document is onzeker gelezen. "
                         "Bevestig in het register (kolom Gecontroleerd) of vul het gegeven in.", "middel"))
    instrument = _corrected_or(r, "instrument")
    unknown = _not_on_list(r, "instrument", instrument, ref.instrument_known)
    if unknown:
        out.append(_flag(
            "instrument_onbekend",
            f"Instrument {', '.join(unknown)} staat niet in de lijst van toegelaten instrumenten (TloKB); controleer.",
        ))
    borger = _corrected_or(r, "kwaliteitsborger")
    unknown = _not_on_list(r, "kwaliteitsborger", borger, ref.borger_known)
    if unknown:
        out.append(_flag(
            "kwaliteitsborger_onbekend",
            f"Kwaliteitsborger {', '.join(unknown)} staat niet in de lijst van toegelaten kwaliteitsborgers; controleer.",
        ))
    else:
        used = instrument or r.first_value("instrument")
        known_borger = borger or r.first_value("kwaliteitsborger")
        if used and known_borger and ref.instrument_known(str(used)) and not ref.borger_allows(str(known_borger), str(used)):
            out.append(_flag(
                "kwaliteitsborger_onbekend",
                f"Kwaliteitsborger {known_borger} is volgens de referentielijst niet toegelaten voor instrument "
                f"{used}; controleer het TloKB-register.",
            ))

    # --- gevolgklasse ------------------------------------------------------------------------------
    reasons: list[str] = []
    for d in r.documents:
        gk = d.get("gevolgklasse")
        if gk not in (None, "", 1, "1", "GK1", "gk1", "gevolgklasse 1") and f"gevolgklasse {gk}" not in reasons:
            reasons.append(f"gevolgklasse {gk}")
        for s in d.get("gevolgklasse_signalen") or ():
            if s not in reasons:
                reasons.append(str(s))
    if reasons:
        out.append(_flag(
            "gevolgklasse_controleren",
            f"Controleer of het project onder gevolgklasse 1 valt: {'; '.join(reasons)}.",
        ))

    # --- bijzondere lokale omstandigheden ------------------------------------------------------------
    area = _blo_area(r, settings)
    if area is not None:
        plans = r.of_kind("risicobeoordeling", "borgingsplan")
        covered = any(d.get("blo_benoemd") is True for d in plans) or any(
            w.lower() in d.text.lower() for d in plans for w in area.trefwoorden if w
        )
        if plans and not covered:
            out.append(_flag(
                "blo_niet_benoemd",
                f"De locatie ligt in gebied '{area.naam}' met bijzondere lokale omstandigheden, maar de "
                "risicobeoordeling/het borgingsplan noemt ze niet (Bbl 2.19 lid 2).",
            ))

    # --- linking -------------------------------------------------------------------------------------
    weak = [d for d in r.documents if not d.link_manual and d.link_score is not None and d.link_score < WEAK_LINK]
    if weak:
        parts = [f"{d.name} ({_method(d.link_method)})" for d in weak]
        out.append(_flag(
            "koppeling_controleren",
            f"Onzekere koppeling aan dit dossier: {'; '.join(parts)}. Bevestig of verplaats met 'wkb-desk link'.",
        ))
    if r.provisional and not all(d.link_manual for d in r.documents):  # a person's own split is their decision
        out.append(_flag(
            "koppeling_controleren",
            "Voorlopig dossier: er is (nog) geen bouwmelding gevonden voor deze documenten. Koppel ze aan het "
            "juiste dossier met 'wkb-desk link' of wacht op de bouwmelding.",
        ))
    return out


def _method(method: str | None) -> str:
    return {
        "projectnaam": "alleen projectnaam gelijk",
        "straat": "alleen straat gelijk",
        "tegenstrijdig": "gegevens spreken elkaar tegen",
        "meerdere": "past bij meerdere dossiers",
        "tweede_bouwmelding": "tweede bouwmelding op dezelfde locatie",
    }.get((method or "").split(":")[-1], method or "onbekend")


def _gereed_use(r: Resolved, doc) -> dt.date | None:
    if doc is r.gereedmeldingen[-1] and "ingebruikname" in r.corrections:
        return r.ingebruikname
    return as_date(doc.get("ingebruikname"))


def _corrected_or(r: Resolved, key: str) -> str | None:
    value = r.corrections.get(key)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _not_on_list(r: Resolved, field: str, corrected, known) -> list[str]:
    """Names for `field` that the reference list does not know: a person's correction, else every document's."""
    names = [corrected] if corrected else [d.get(field) for d in r.documents if d.get(field)]
    return sorted({str(n) for n in names if n and not known(str(n))})


def _blo_area(r: Resolved, settings: Settings):
    postcodes = {str(p).replace(" ", "").upper() for p in [r.corrections.get("postcode")] if p}
    places = {str(p).strip().lower() for p in [r.corrections.get("plaats")] if p}
    for d in r.documents:
        if d.get("postcode"):
            postcodes.add(str(d.get("postcode")).replace(" ", "").upper())
        if d.get("plaats"):
            places.add(str(d.get("plaats")).strip().lower())
        if d.get("kadastraal"):
            words = re.sub(r"(?i)^\s*gemeente\s+", "", str(d.get("kadastraal"))).split()
            if words:
                places.add(words[0].strip(",").lower())
    for area in settings.blo:
        for prefix in area.postcodes:
            p = prefix.replace(" ", "").upper()
            if any(pc.startswith(p) for pc in postcodes):
                return area
        if any(pl.strip().lower() in places for pl in area.plaatsen):
            return area
    return None
