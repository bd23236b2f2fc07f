"""Facts and guesses: which of a dossier's facts rest on a value the tool is not sure of. Pure, no I/O.

A value read with a confidence below `beleid.min_veld_zekerheid` is a *guess*; so is "not found" in a document
whose kind was uncertain or whose label was found but whose value could not be read. A guess stops being one
when a person corrected the fact (a correction is certain) or confirmed the dossier in the register column
"Gecontroleerd" (correction key `gecontroleerd`, any text but "nee"): that confirms the values of the
documents received up to the day it was typed; a later document's guesses need a new confirmation.

The one rule for actions: a flag that rests on a guess does not fire as a fact; it becomes
`<code>_controleren` (ernst middel) with the same sentence and what to check (`gate_flags`). Letters use
`is_certain(view, fact)`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from wkb_desk.models import DossierView, Flag
from wkb_desk.rules.facts import DocFact, Resolved, as_date

CONFIRM_KEY = "gecontroleerd"
CHECK_SUFFIX = "_controleren"
DEFAULT_MIN = 0.8

# DossierView fact -> (document kinds it is read from, most trusted first; fields in that document)
FACT_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "verzoeknummer": (("bouwmelding",), ("verzoeknummer",)),
    "adres": (("bouwmelding", "*"), ("straat", "huisnummer")),
    "postcode": (("bouwmelding", "*"), ("postcode",)),
    "plaats": (("bouwmelding", "*"), ("plaats",)),
    "kwaliteitsborger": (("bouwmelding", "*"), ("kwaliteitsborger",)),
    "instrument": (("bouwmelding", "*"), ("instrument",)),
    "datum_bouwmelding": (("bouwmelding",), ("datum",)),
    "geplande_start": (("startmelding", "bouwmelding", "borgingsplan", "risicobeoordeling"), ("startdatum",)),
    "startmelding": (("startmelding",), ("datum",)),
    "gereedmelding": (("gereedmelding",), ("datum",)),
    "ingebruikname": (("gereedmelding",), ("ingebruikname",)),
    "verklaring": (("verklaring",), ("verklaring",)),
    "melder": (("bouwmelding",), ("melder",)),
    "melder_adres": (("bouwmelding",), ("melder_adres",)),
    "melder_postcode": (("bouwmelding",), ("melder_postcode",)),
    "melder_plaats": (("bouwmelding",), ("melder_plaats",)),
    "melder_email": (("bouwmelding",), ("melder_email",)),
}

# flag code -> the facts it rests on ("ontbreekt:<item>" for an item not found)
FLAG_FACTS: dict[str, tuple[str, ...]] = {
    "melding_te_laat": ("datum_bouwmelding", "geplande_start"),
    "melding_verloopt": ("datum_bouwmelding",),
    "startmelding_te_laat": ("startmelding", "geplande_start"),
    "startmelding_ontbreekt": ("geplande_start",),
    "gereedmelding_te_laat": ("gereedmelding", "ingebruikname"),
    "gereedmelding_verwacht": ("ingebruikname",),
    "verklaring_negatief": ("verklaring",),
    "instrument_onbekend": ("instrument",),
    "kwaliteitsborger_onbekend": ("kwaliteitsborger",),
    "blo_niet_benoemd": ("postcode", "plaats"),
}

FACT_WORDS = {
    "verzoeknummer": "verzoeknummer", "adres": "adres", "postcode": "postcode", "plaats": "plaats",
    "kwaliteitsborger": "kwaliteitsborger", "instrument": "instrument", "datum_bouwmelding": "datum bouwmelding",
    "geplande_start": "geplande start", "startmelding": "datum startmelding", "gereedmelding": "datum gereedmelding",
    "ingebruikname": "ingebruikname", "verklaring": "verklaring", "melder": "melder", "melder_adres": "adres melder",
    "melder_postcode": "postcode melder", "melder_plaats": "plaats melder", "melder_email": "e-mail melder",
}
# corrections that settle a fact (DossierView names; some facts share one correction key)
_CORRECTION_KEYS = {"adres": ("adres",), "geplande_start": ("geplande_start",)}


def confirmed_until(r: Resolved) -> dt.date | None:
    """Documents received on or before this day are confirmed by a person (register column Gecontroleerd)."""
    value = r.corrections.get(CONFIRM_KEY)
    if not isinstance(value, str) or not value.strip() or value.strip().lower() in ("nee", "n", "nee.", "-"):
        return None
    typed = as_date(value)
    return typed or getattr(r, "confirmed_on", None) or r.on_date


def _source(r: Resolved, fact: str) -> tuple[DocFact, str] | None:
    """The document and field the fact's value came from (the same order as the view uses)."""
    kinds, fields = FACT_FIELDS[fact]
    if fact == "geplande_start":
        for d in reversed(r.startmeldingen):
            if as_date(d.get("startdatum")):
                return d, "startdatum"
    ordered: list[DocFact] = []
    for kind in kinds:
        if kind == "*":
            ordered += [d for d in reversed(r.documents) if d.kind != "bouwmelding"]
        else:
            ordered += list(reversed(r.of_kind(kind)))
    for d in ordered:
        if all(d.get(f) not in (None, "", [], ()) for f in fields):
            return d, fields[0]
    return None


def _corrected(r: Resolved, fact: str) -> bool:
    return any(k in r.corrections for k in _CORRECTION_KEYS.get(fact, (fact,)))


def _confirmed(r: Resolved, doc: DocFact, until: dt.date | None) -> bool:
    return until is not None and doc.received <= until


def guesses(r: Resolved, threshold: float = DEFAULT_MIN, min_kind: float = 0.0) -> tuple[str, ...]:
    """Names of the dossier's facts (DossierView attributes) whose value is a guess nobody checked yet: read with a
    low confidence, or from a document whose kind is itself a guess (a builder's register read as a bouwmelding:
    its date is the bouwmelding's date only if it is one)."""
    until = confirmed_until(r)
    out = []
    for fact in FACT_FIELDS:
        if _corrected(r, fact):
            continue
        src = _source(r, fact)
        if src is None:
            continue
        doc, name = src
        conf = doc.confidence.get(name, 1.0) if doc.confidence else 1.0
        if fact == "adres":
            conf = min(conf, doc.confidence.get("huisnummer", 1.0) if doc.confidence else 1.0)
        if (conf < threshold or doc.kind_score < min_kind) and not _confirmed(r, doc, until) \
                and not _corroborated(r, doc, fact, threshold):
            out.append(fact)
    return tuple(out)


def _corroborated(r: Resolved, doc: DocFact, fact: str, threshold: float) -> bool:
    """Another document of the dossier reads the same value surely (the bouwmelding's instrument read as a guess,
    the borgingsplan's the same under its label): then it is no guess."""
    fields = FACT_FIELDS[fact][1] + (("huisnummer",) if fact == "adres" else ())
    for other in r.documents:
        if other is doc or not all(other.get(f) == doc.get(f) for f in fields):
            continue
        if all((other.confidence.get(f, 1.0) if other.confidence else 1.0) >= threshold for f in fields):
            return True
    return False


def uncertain_missing(r: Resolved, doc: DocFact | None, item: str, min_kind: float) -> bool:
    """An item not found in `doc` is a guess when the document's kind was uncertain or its label was found with a
    value that could not be read, and nobody confirmed the dossier since."""
    if doc is None:
        return False
    weak = doc.kind_score < min_kind or item in doc.unreadable
    return weak and not _confirmed(r, doc, confirmed_until(r))


def gate_flags(flags: Iterable[Flag], uncertain: Iterable[str]) -> tuple[Flag, ...]:
    """Flags that rest on a guess become `<code>_controleren` (middel): they wait for a person."""
    doubt = set(uncertain)
    out = []
    for f in flags:
        facts = [x for x in FLAG_FACTS.get(f.code, ()) if x in doubt]
        if facts and not f.code.endswith(CHECK_SUFFIX):
            words = ", ".join(FACT_WORDS.get(x, x) for x in facts)
            out.append(Flag(f.code + CHECK_SUFFIX, "middel",
                            f"Te controleren ({words} onzeker gelezen): {f.message} Bevestig of verbeter in het "
                            "register (kolom Gecontroleerd of de waarde zelf)."))
        else:
            out.append(f)
    return tuple(out)


def is_certain(view: DossierView, fact: str) -> bool:
    """True when `fact` (a DossierView attribute such as "geplande_start" or "melder_adres") has a value that is
    no guess: read with enough confidence, corrected or confirmed by a person. Letters act only on certain facts."""
    return getattr(view, fact, None) not in (None, "") and fact not in view.te_controleren
