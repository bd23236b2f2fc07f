"""The variables a template sees (documented with examples in sjablonen/LEESMIJ.md), and who the letter is for.

Every value is text (dates in Dutch: "15 oktober 2025"), except the lists `ontbreekt` (texts) and `bijlagen`
(items with .soort, .datum, .naam) and `logo` (an image, added by render.py). A fact that is not known shows as
"[onbekend]", an unknown addressee as a clearly visible placeholder: a letter never goes out with a silent gap.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from wkb_desk.config import Settings
from wkb_desk.letters.kinds import LetterKind
from wkb_desk.letters.policy import Doc, guesses
from wkb_desk.models import DossierView
from wkb_desk.rules import deadlines as dl

class Unknown(str):
    """A fact that is not known: prints as "[onbekend]" (visible, never a silent gap) but is false in a template,
    so `{% if geplande_start %}...{% endif %}` leaves out a sentence that would rest on it."""

    def __bool__(self) -> bool:
        return False


UNKNOWN = Unknown("[onbekend]")
NO_NAME = "[NAAM GEADRESSEERDE ONBEKEND – vul aan vóór verzending]"
NO_ADDRESS = "[ADRES ONBEKEND – vul aan vóór verzending]"
NO_PLACE = "[POSTCODE EN PLAATS ONBEKEND]"
MELDER_FIELDS = ("melder", "melder_adres", "melder_postcode", "melder_plaats", "melder_email")

KIND_NAMES = {
    "bouwmelding": "Bouwmelding",
    "borgingsplan": "Borgingsplan",
    "risicobeoordeling": "Risicobeoordeling",
    "startmelding": "Startmelding",
    "gereedmelding": "Gereedmelding",
    "verklaring": "Verklaring kwaliteitsborger",
    "dossier_bevoegd_gezag": "Dossier bevoegd gezag",
}

# Every variable a template may use; the template check reports any other name.
VARIABLES = (
    "gemeente_naam", "gemeente_adres", "gemeente_postcode", "gemeente_plaats", "gemeente_telefoon", "gemeente_email",
    "gemeente_website", "logo", "contactpersoon", "ondertekenaar", "functie", "bezwaar_orgaan", "bezwaar_adres",
    "bezwaar_postcode", "bezwaar_plaats",
    "datum", "kenmerk", "onderwerp", "soort", "reactie_voor",
    "aan_naam", "aan_adres", "aan_postcode_plaats", "aan_email",
    "dossier", "verzoeknummer", "project", "project_adres", "project_postcode", "project_plaats", "project_locatie",
    "kwaliteitsborger",
    "instrument", "datum_bouwmelding", "vroegste_start", "geplande_start", "uiterste_startmelding",
    "datum_startmelding", "datum_gereedmelding", "ingebruikname", "uiterste_gereedmelding",
    "ontbreekt", "bijlagen",
)


@lru_cache(maxsize=4096)
def nl_date(day: dt.date | None) -> str:
    """'15 oktober 2025' (babel, CLDR Dutch)."""
    if not isinstance(day, dt.date):
        return UNKNOWN
    from babel.dates import format_date

    return format_date(day, format="d MMMM y", locale="nl")


@dataclass(frozen=True)
class Addressee:
    naam: str
    adres: str
    postcode_plaats: str
    email: str
    known: bool  # name and a postal or e-mail address, none of it a guess
    reason: str  # why not known (Dutch), empty when known


def addressee(view: DossierView) -> Addressee:
    """The melder at the correspondence address or e-mail from the bouwmelding (never the building site)."""
    naam, adres, postcode, plaats, email = (_text(getattr(view, f, None)) for f in MELDER_FIELDS)
    place = " ".join(p for p in (postcode, plaats) if p)
    postal = bool(adres and place)
    missing = []
    if not naam:
        missing.append("naam")
    if not postal and not email:
        missing.append("correspondentieadres of e-mailadres")
    guessed = sorted(set(MELDER_FIELDS) & guesses(view))
    reason = ""
    if missing:
        reason = f"Wacht op adres: {' en '.join(missing)} van de melder niet gevonden in de bouwmelding; vul aan vóór verzending."
    elif guessed:
        reason = f"Wacht op adres: {', '.join(guessed)} is een gok van de tool; controleer vóór verzending."
    if postal:
        line2, line3 = adres, place
    elif email:
        line2, line3 = f"Per e-mail: {email}", ""
    else:
        line2, line3 = NO_ADDRESS, NO_PLACE
    return Addressee(naam or NO_NAME, line2, line3, email or "", not reason, reason)


def _text(value: Any) -> str:
    return str(value).strip() if value not in (None, "") else ""


def _or_unknown(value: Any) -> str:
    if isinstance(value, dt.date):
        return nl_date(value)
    text = _text(value)
    return text or UNKNOWN


def _location(view: DossierView) -> str:
    """'Esweg 7, 7601 AB Almelo' from the parts that are known."""
    place = " ".join(p for p in (_text(view.postcode), _text(view.plaats)) if p)
    return ", ".join(p for p in (_text(view.adres), place) if p) or UNKNOWN


def project_address(view: DossierView) -> str | None:
    """Street + number, plaats: how overviews name the dossier."""
    parts = [p for p in (view.adres, view.plaats) if p]
    return ", ".join(parts) or None


def build_context(settings: Settings, kind: LetterKind, view: DossierView, docs: list[Doc], *,
                  letter_date: dt.date, kenmerk: str, ontbreekt: tuple[str, ...], to: Addressee) -> dict[str, Any]:
    g = settings.gemeente
    terms = settings.termijnen
    start = view.geplande_start if isinstance(view.geplande_start, dt.date) else None
    use = view.ingebruikname if isinstance(view.ingebruikname, dt.date) else None
    melding = view.datum_bouwmelding if isinstance(view.datum_bouwmelding, dt.date) else None
    received = sorted((d for d in docs if d.visible_on(letter_date)), key=lambda d: (d.date, d.id))
    return {
        "gemeente_naam": _or_unknown(g.naam),
        "gemeente_adres": _or_unknown(g.adres),
        "gemeente_postcode": _or_unknown(g.postcode),
        "gemeente_plaats": _or_unknown(g.plaats),
        "gemeente_telefoon": _or_unknown(g.telefoon),
        "gemeente_email": _or_unknown(g.email),
        "gemeente_website": _or_unknown(g.website),
        "logo": "",
        "contactpersoon": _or_unknown(g.contactpersoon),
        "ondertekenaar": _or_unknown(g.ondertekenaar),
        "functie": _or_unknown(g.functie),
        "bezwaar_orgaan": _or_unknown(g.bezwaar_orgaan),
        "bezwaar_adres": _or_unknown(g.bezwaar_adres),
        "bezwaar_postcode": _or_unknown(g.bezwaar_postcode),
        "bezwaar_plaats": _or_unknown(g.bezwaar_plaats),
        "datum": nl_date(letter_date),
        "kenmerk": kenmerk,
        "onderwerp": kind.onderwerp,
        "soort": kind.titel,
        "reactie_voor": nl_date(letter_date + dt.timedelta(days=settings.brieven.reactietermijn_dagen)),
        "aan_naam": to.naam,
        "aan_adres": to.adres,
        "aan_postcode_plaats": to.postcode_plaats,
        "aan_email": to.email or UNKNOWN,
        "dossier": view.dossier,
        "verzoeknummer": _or_unknown(view.verzoeknummer),
        "project": _or_unknown(view.omschrijving or "uw bouwproject"),
        "project_adres": _or_unknown(view.adres),
        "project_postcode": _or_unknown(view.postcode),
        "project_plaats": _or_unknown(view.plaats),
        "project_locatie": _location(view),
        "kwaliteitsborger": _or_unknown(view.kwaliteitsborger),
        "instrument": _or_unknown(view.instrument),
        "datum_bouwmelding": nl_date(melding),
        "vroegste_start": nl_date(dl.vroegste_start(melding, terms) if melding else None),
        "geplande_start": nl_date(start),
        "uiterste_startmelding": nl_date(dl.uiterste_startmelding(start, terms) if start else None),
        "datum_startmelding": nl_date(view.startmelding if isinstance(view.startmelding, dt.date) else None),
        "datum_gereedmelding": nl_date(view.gereedmelding if isinstance(view.gereedmelding, dt.date) else None),
        "ingebruikname": nl_date(use),
        "uiterste_gereedmelding": nl_date(dl.uiterste_gereedmelding(use, terms) if use else None),
        "ontbreekt": list(ontbreekt) or list(view.ontbreekt),
        "bijlagen": [{"soort": KIND_NAMES.get(d.kind, d.kind), "datum": nl_date(d.date), "naam": d.name}
                     for d in received],
    }


def example_context(settings: Settings) -> dict[str, Any]:
    """Realistic values for every variable: the template check renders with these."""
    day = dt.date(2026, 3, 10)
    view = DossierView(
        dossier="WKB-2026-0001", verzoeknummer="2026031000123", adres="Esweg 7", postcode="7601 AB", plaats="Almelo",
        omschrijving="Woning kavel 7 De Esch", kwaliteitsborger="Borg & Zn <Twente>", instrument="WKI",
        datum_bouwmelding=day, geplande_start=dt.date(2026, 4, 20), startmelding=dt.date(2026, 4, 15),
        gereedmelding=dt.date(2026, 11, 2), ingebruikname=dt.date(2026, 11, 20),
        ontbreekt=("bijlage borgingsplan (met risicobeoordeling) bij de bouwmelding",),
    )
    docs = [Doc(1, "bouwmelding", 0.9, "Verzoek_2026031000123.pdf", day, {"datum": "2026-03-10"}, {}, (), None, False)]
    to = Addressee("Fam. Ëlzinga & Zn.", "Postweg 1", "7602 CD Almelo", "info@elzinga.example.nl", True, "")
    from wkb_desk.letters.kinds import KINDS

    return build_context(settings, KINDS[0], view, docs, letter_date=dt.date(2026, 3, 12), kenmerk="WKB-2026-0001/1",
                         ontbreekt=view.ontbreekt, to=to)
