"""Dossier status and completeness. Pure functions of resolved facts.

melding ontvangen -> melding compleet | melding onvolledig -> gestart -> gereed gemeld -> in gebruik | afgesloten.
A dossier without a bouwmelding (opened by another document) is "voorlopig". A person's `status` correction wins.
"""

from __future__ import annotations

from wkb_desk.rules.facts import DocFact, Resolved, correction

STATUSES = (
    "voorlopig",
    "melding ontvangen",
    "melding compleet",
    "melding onvolledig",
    "gestart",
    "gereed gemeld",
    "in gebruik",
    "afgesloten",
)

_ITEM_NAMES = {
    "locatie": "locatie (adres, BAG-id of kadastraal perceel)",
    "kwaliteitsborger": "kwaliteitsborger",
    "instrument": "instrument voor kwaliteitsborging",
    "startdatum": "startdatum",
    "ingebruikname": "datum ingebruikname",
    "verzoeknummer": "verzoeknummer",
}
_KIND_NAMES = {"bouwmelding": "bouwmelding", "gereedmelding": "gereedmelding", "startmelding": "startmelding"}


def has_location(doc: DocFact) -> bool:
    if doc.get("bag_id") or doc.get("kadastraal") or doc.get("coordinaten"):
        return True
    return bool(doc.get("huisnummer") and (doc.get("postcode") or doc.get("straat")))


def _required(doc: DocFact) -> list[str]:
    """What this notice must carry (Bbl 2.18/2.20, 7.7, 2.21) and does not, by the fields found."""
    missing = set(doc.missing)
    # a startmelding is "only a date" (domain §1): it needs no location of its own
    if doc.kind != "startmelding" and not has_location(doc):
        missing.add("locatie")
    if doc.kind == "bouwmelding":
        for name in ("kwaliteitsborger", "instrument"):
            if not doc.get(name):
                missing.add(name)
    if doc.kind == "startmelding" and not doc.get("startdatum"):
        missing.add("startdatum")
    return sorted(missing)


def missing_entries(r: Resolved) -> list[tuple[DocFact | None, str, str]]:
    """(document, item, Dutch description) for what is missing from the latest bouwmelding, startmelding and
    gereedmelding. `item` is the extraction's name ("instrument", "locatie", ...) or the attachment's kind."""
    corrected = {k for k, v in r.corrections.items() if v not in (None, "")}
    solved = set()
    if corrected & {"adres", "postcode"}:
        solved.add("locatie")
    solved |= corrected & {"kwaliteitsborger", "instrument"}
    if "geplande_start" in corrected:
        solved.add("startdatum")
    items: list[tuple[DocFact | None, str, str]] = []
    latest = [r.bouwmelding, r.startmeldingen[-1] if r.startmeldingen else None,
              r.gereedmeldingen[-1] if r.gereedmeldingen else None]
    for doc in latest:
        if doc is None:
            continue
        for name in _required(doc):
            if name in solved:
                continue
            items.append((doc, name, f"{_ITEM_NAMES.get(name, name)} in de {_KIND_NAMES[doc.kind]}"))
    melding = r.bouwmelding
    if melding is not None:
        bijlagen = melding.get("bijlagen")
        # Bbl 2.19: risicobeoordeling and borgingsplan come with the melding. The risicobeoordeling is often a
        # chapter of the borgingsplan, so only a missing borgingsplan makes the melding incomplete; a separately
        # received borgingsplan counts as the attachment.
        if isinstance(bijlagen, (list, tuple)):
            present = {str(b).lower() for b in bijlagen}
            if "borgingsplan" not in present and not r.of_kind("borgingsplan"):
                items.append((melding, "borgingsplan", "bijlage borgingsplan (met risicobeoordeling) bij de bouwmelding"))
    gereed = r.gereedmeldingen[-1] if r.gereedmeldingen else None
    if gereed is not None and gereed.get("bevat_dbg") is False and not r.of_kind("dossier_bevoegd_gezag"):
        items.append((gereed, "dossier_bevoegd_gezag", "dossier bevoegd gezag bij de gereedmelding"))
    return items


def missing_items(r: Resolved) -> tuple[str, ...]:
    """Dutch descriptions of what is missing from the latest bouwmelding, startmelding and gereedmelding."""
    return tuple(text for _doc, _item, text in missing_entries(r))


def missing_sources(r: Resolved) -> list[tuple[DocFact | None, str]]:
    return [(doc, item) for doc, item, _text in missing_entries(r)]


def melding_compleet(r: Resolved) -> bool | None:
    """True/False once it can be judged; None while only the bouwmelding itself is in (attachments unknown)."""
    if r.bouwmelding is None:
        return None
    missing = [m for m in missing_items(r) if "bouwmelding" in m]
    if missing:
        return False
    bijlagen = r.bouwmelding.get("bijlagen")
    if isinstance(bijlagen, (list, tuple)) or r.of_kind("borgingsplan"):
        return True
    return None


def dossier_status(r: Resolved) -> str:
    if r.status_correctie:
        return r.status_correctie  # a person's choice (e.g. "afgesloten") wins
    if r.in_gebruik is not None:
        return "in gebruik"
    if r.gereedmelding is not None:
        if r.ingebruikname is not None and r.ingebruikname <= r.on_date:
            return "in gebruik"
        return "gereed gemeld"
    if r.startmelding is not None and r.startdatum is not None and r.startdatum <= r.on_date:
        return "gestart"
    if r.bouwmelding is None and correction(r.corrections, "datum_bouwmelding", None) is None:
        return "voorlopig"
    compleet = melding_compleet(r)
    if compleet is None:
        return "melding ontvangen"
    return "melding compleet" if compleet else "melding onvolledig"
